//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const ACCOUNT_NUMBER_1_TO_19_DIGITS_OR_LETTERS: Text =
    ("payments.account_number_1_to_19_digits_or_letters", "1 đến 19 chữ số hoặc chữ cái", "1 to 19 digits or letters");
pub const CHOOSE_A_NAPAS_BANK: Text =
    ("payments.choose_a_napas_bank", "chọn ngân hàng trong danh sách NAPAS", "choose a NAPAS bank");
pub const MISSING: Text = ("payments.missing", "thiếu", "missing");
pub const MUST_BE_POSITIVE: Text = ("payments.must_be_positive", "phải là số dương", "must be positive");
pub const PRODUCER: Text = ("payments.producer", "cơ sở", "producer");
pub const SEND_THE_STATEMENT_IN_THE_FILE: Text = (
    "payments.send_the_statement_in_the_file",
    "gửi tệp sao kê trong trường `file`",
    "send the statement in the `file` field",
);
pub const THE_HOLDER_S_NAME: Text =
    ("payments.the_holder_s_name", "tên chủ tài khoản như in trên thẻ", "the holder's name as the bank prints it");
pub const NO_HEADER_ROW_WITH_A_DATE: Text = (
    "payments.no_header_row_with_a_date",
    "không thấy dòng tiêu đề có ngày, nội dung và số tiền ghi có",
    "no header row with a date, a description and a credit column",
);
pub const THE_ORDER_IS_PAID_NOTHING: Text = (
    "payments.the_order_is_paid_nothing",
    "đơn đã trả đủ, không còn gì phải chuyển",
    "the order is paid: nothing is left to transfer",
);
pub const THE_SELLER_HAS_NO_RECEIVING_ACCOUNT: Text = (
    "payments.the_seller_has_no_receiving_account",
    "người bán chưa có tài khoản nhận tiền",
    "the seller has no receiving account",
);
pub const THIS_ORDER_IS_CASH_ON_DELIVERY: Text =
    ("payments.this_order_is_cash_on_delivery", "đơn hàng trả tiền khi nhận hàng", "this order is cash on delivery");

pub const STATEMENT_20_MB: Text =
    ("payments.statement_20_mb", "sao kê (tối đa 20 MB)", "the statement (20 MB at most)");

pub const AMOUNT_NEGATIVE: Text = ("payments.amount_negative", "số tiền âm", "a negative amount");
pub const NOT_AN_AMOUNT: Text = ("payments.not_an_amount", "không phải số tiền", "not an amount");
pub const FRACTION_OF_A_DONG: Text =
    ("payments.fraction_of_a_dong", "có phần lẻ dưới một đồng", "a fraction of a đồng");
pub const MIXED_SEPARATORS: Text = ("payments.mixed_separators", "dấu phân cách lẫn lộn", "mixed separators");
pub const AMOUNT_TOO_LARGE: Text = ("payments.amount_too_large", "số tiền quá lớn", "the amount is too large");
pub const NO_AMOUNT: Text = ("payments.no_amount", "không có số tiền", "no amount");
pub const NOT_A_DATE: Text = ("payments.not_a_date", "không phải ngày", "not a date");

pub const TEXTS: &[Text] = &[
    AMOUNT_NEGATIVE,
    NOT_AN_AMOUNT,
    FRACTION_OF_A_DONG,
    MIXED_SEPARATORS,
    AMOUNT_TOO_LARGE,
    NO_AMOUNT,
    NOT_A_DATE,
    STATEMENT_20_MB,
    ACCOUNT_NUMBER_1_TO_19_DIGITS_OR_LETTERS,
    CHOOSE_A_NAPAS_BANK,
    MISSING,
    MUST_BE_POSITIVE,
    PRODUCER,
    SEND_THE_STATEMENT_IN_THE_FILE,
    THE_HOLDER_S_NAME,
    NO_HEADER_ROW_WITH_A_DATE,
    THE_ORDER_IS_PAID_NOTHING,
    THE_SELLER_HAS_NO_RECEIVING_ACCOUNT,
    THIS_ORDER_IS_CASH_ON_DELIVERY,
];
