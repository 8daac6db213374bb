//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const AT_MOST_200_PRODUCTS_AT_ONCE: Text =
    ("programme.fairs.at_most_200_products_at_once", "Tối đa 200 sản phẩm một lần", "at most 200 products at once");
pub const BOOTH: Text = ("programme.fairs.booth", "gian hàng", "booth");
pub const CHOOSE_PRODUCTS_OR_TYPE_AN_AMOUNT: Text = (
    "programme.fairs.choose_products_or_type_an_amount",
    "Chọn sản phẩm hoặc nhập số tiền",
    "choose products or type an amount",
);
pub const CLIENT_SALE_ID_REQUIRED: Text =
    ("programme.fairs.client_sale_id_required", "Số bán hàng của máy: bắt buộc", "client_sale_id: required");
pub const FAIR: Text = ("programme.fairs.fair", "hội chợ", "fair");
pub const METHOD_REQUIRED_VIETQR_CASH: Text = (
    "programme.fairs.method_required_vietqr_cash",
    "Cách trả: bắt buộc (vietqr, cash)",
    "method: required (vietqr, cash)",
);
pub const NAME_REQUIRED: Text = ("programme.fairs.name_required", "Tên sự kiện: bắt buộc", "name: required");
pub const PRODUCER: Text = ("programme.fairs.producer", "cơ sở", "producer");
pub const PRODUCER_REQUIRED_REGISTRY_CODE_OR_NAME: Text = (
    "programme.fairs.producer_required_registry_code_or_name",
    "Cơ sở: bắt buộc (mã cơ sở hoặc tên)",
    "producer: required (registry code or name)",
);
pub const RECEIPT: Text = ("programme.fairs.receipt", "hóa đơn", "receipt");
pub const SALE: Text = ("programme.fairs.sale", "lần bán", "sale");
pub const START_DATE_REQUIRED: Text =
    ("programme.fairs.start_date_required", "Ngày bắt đầu: bắt buộc", "start date: required");
pub const THE_AMOUNT_MUST_BE_ABOVE_ZERO: Text =
    ("programme.fairs.the_amount_must_be_above_zero", "Số tiền phải lớn hơn 0", "the amount must be above zero");
pub const THIS_PRODUCER_S_BOOTH: Text =
    ("programme.fairs.this_producer_s_booth", "gian hàng của cơ sở ở hội chợ này", "this producer's booth at the fair");
pub const AMOUNT_1_TO_MAX: Text = ("programme.fairs.amount_1", "Số tiền: từ 1 đến {value}", "amount: 1 to {value}");
pub const AMOUNT_REFUSED: Text =
    ("programme.fairs.amount_refused", "Số tiền «{value}»: {why}", "amount «{value}»: {why}");
pub const A_WHOLE_NUMBER: Text =
    ("programme.fairs.a_whole_number", "{what} «{v}»: cần một số", "{what} «{v}»: a whole number");
pub const SOLD_AT_AN_RFC_3339_TIME: Text = (
    "programme.fairs.sold_at_an_rfc_3339_time",
    "Giờ bán «{text}»: cần dạng RFC 3339",
    "sold_at «{text}»: an RFC 3339 time",
);
pub const UNKNOWN_KIND_FAIR_MARKET_SESSION: Text = (
    "programme.fairs.unknown_kind_fair_market_session",
    "Loại «{k}» không có",
    "unknown kind «{k}» (fair, market_session)",
);
pub const UNKNOWN_METHOD_VIETQR_CASH: Text =
    ("programme.fairs.unknown_method_vietqr_cash", "Cách trả «{m}» không có", "unknown method «{m}» (vietqr, cash)");
pub const VISITORS_0_TO_MAX: Text =
    ("programme.fairs.visitors_0", "Lượt khách: từ 0 đến {max_visitors}", "visitors: 0 to {max_visitors}");
pub const VISITORS_A_WHOLE_NUMBER: Text = (
    "programme.fairs.visitors_a_whole_number",
    "Lượt khách «{value}»: cần một số",
    "visitors «{value}»: a whole number",
);
pub const AMOUNT_DIFFERS_FROM_THE_ITEMS_TOTAL: Text = (
    "programme.fairs.amount_differs_from_the_items_total",
    "Số tiền {value} khác tổng các sản phẩm {value2}",
    "amount {value} differs from the items' total {value2}",
);
pub const AT_MOST_ITEMS_A_SALE: Text = (
    "programme.fairs.at_most_products_a_sale",
    "Tối đa {max_lines} sản phẩm một lần bán",
    "at most {max_lines} products a sale",
);
pub const FAIR_STAYS_IN_PROVINCE: Text = (
    "programme.fairs.a_fair_does_not_move",
    "không chuyển hội chợ sang tỉnh khác ({province})",
    "a fair does not move to another province ({province})",
);
pub const BROUGHT_0_TO_MAX: Text =
    ("programme.fairs.brought_0", "Số mang đến: từ 0 đến {max_brought}", "brought: 0 to {max_brought}");
pub const CLIENT_SALE_ID_ALREADY_NAMES_ANOTHER: Text = (
    "programme.fairs.client_sale_id_already_names_another",
    "số {client_sale_id} đã dùng cho lần bán {code} khác",
    "client_sale_id {client_sale_id} already names another sale ({code})",
);
pub const CLIENT_SALE_ID_UP_TO_64: Text = (
    "programme.fairs.client_sale_id_up_to_64",
    "Số bán hàng: tối đa 64 chữ, số và -_.:",
    "client_sale_id: up to 64 letters, digits and -_.:",
);
pub const END_DATE_IS_BEFORE_THE_START: Text = (
    "programme.fairs.end_date_is_before_the_start",
    "Ngày kết thúc {end} trước ngày bắt đầu {start}",
    "end date {end} is before the start date {start}",
);
pub const IS_ANOTHER_PRODUCER_S_PRODUCT: Text = (
    "programme.fairs.is_another_producer_s_product",
    "«{name}» không phải hàng của gian này",
    "«{name}» is another producer's product",
);
pub const IS_NOT_ON_SALE: Text =
    ("programme.fairs.is_not_on_sale", "«{name}» đang không bán", "«{name}» is not on sale");
pub const NO_PRODUCT: Text = ("programme.fairs.no_product", "Không có sản phẩm {id}", "no product {id}");
pub const QUANTITY_1_TO_MAX: Text =
    ("programme.fairs.quantity_1", "Số lượng: từ 1 đến {max_quantity}", "quantity: 1 to {max_quantity}");
pub const REVENUE_0_TO_MAX: Text =
    ("programme.fairs.revenue_0", "Doanh thu: từ 0 đến {value}", "revenue: 0 to {value}");
pub const REVENUE_TARGET_0_TO_MAX: Text =
    ("programme.fairs.revenue_target_0", "Doanh thu mục tiêu: từ 0 đến {value}", "revenue target: 0 to {value}");
pub const SALE_DAY_IS_OUTSIDE_THE_FAIR: Text = (
    "programme.fairs.sale_day_is_outside_the_fair",
    "Ngày bán {day} ngoài ngày hội chợ ({starts_on} – {ends_on})",
    "sale day {day} is outside the fair ({starts_on} – {ends_on})",
);
pub const SALE_PAID_ALREADY: Text = (
    "programme.fairs.the_money_arrived_this_sale_cannot",
    "tiền đã về: không hủy được lần bán này",
    "the money arrived: this sale cannot be withdrawn",
);
pub const THE_PRODUCER_HAS_NO_RECEIVING_ACCOUNT: Text = (
    "programme.fairs.the_producer_has_no_receiving_account",
    "cơ sở chưa có tài khoản nhận tiền: bán tiền mặt hoặc thêm tài khoản",
    "the producer has no receiving account",
);
pub const THIS_RECEIPT_WAS_E_MAILED_TIMES: Text = (
    "programme.fairs.this_receipt_was_e_mailed_times",
    "đã gửi biên nhận này {receipt_emails} lần",
    "this receipt was e-mailed {receipt_emails} times already",
);

/// Names of fields, as messages about them begin.
pub const NAME_LABEL: Text = ("programme.fairs.name_label", "Tên sự kiện", "name");
pub const PLACE_LABEL: Text = ("programme.fairs.place_label", "Địa điểm", "place");
pub const STARTS_ON_LABEL: Text = ("programme.fairs.starts_on_label", "Ngày bắt đầu", "start date");
pub const ENDS_ON_LABEL: Text = ("programme.fairs.ends_on_label", "Ngày kết thúc", "end date");
pub const BOOTH_LABEL: Text = ("programme.fairs.booth_label", "Gian hàng", "booth");
pub const BROUGHT_LABEL: Text = ("programme.fairs.brought_label", "Số mang đến", "brought");
pub const QUANTITY_LABEL: Text = ("programme.fairs.quantity_label", "Số lượng", "quantity");

pub const TEXTS: &[Text] = &[
    NAME_LABEL,
    PLACE_LABEL,
    STARTS_ON_LABEL,
    ENDS_ON_LABEL,
    BOOTH_LABEL,
    BROUGHT_LABEL,
    QUANTITY_LABEL,
    AT_MOST_200_PRODUCTS_AT_ONCE,
    BOOTH,
    CHOOSE_PRODUCTS_OR_TYPE_AN_AMOUNT,
    CLIENT_SALE_ID_REQUIRED,
    FAIR,
    METHOD_REQUIRED_VIETQR_CASH,
    NAME_REQUIRED,
    PRODUCER,
    PRODUCER_REQUIRED_REGISTRY_CODE_OR_NAME,
    RECEIPT,
    SALE,
    START_DATE_REQUIRED,
    THE_AMOUNT_MUST_BE_ABOVE_ZERO,
    THIS_PRODUCER_S_BOOTH,
    AMOUNT_1_TO_MAX,
    AMOUNT_REFUSED,
    A_WHOLE_NUMBER,
    SOLD_AT_AN_RFC_3339_TIME,
    UNKNOWN_KIND_FAIR_MARKET_SESSION,
    UNKNOWN_METHOD_VIETQR_CASH,
    VISITORS_0_TO_MAX,
    VISITORS_A_WHOLE_NUMBER,
    AMOUNT_DIFFERS_FROM_THE_ITEMS_TOTAL,
    AT_MOST_ITEMS_A_SALE,
    FAIR_STAYS_IN_PROVINCE,
    BROUGHT_0_TO_MAX,
    CLIENT_SALE_ID_ALREADY_NAMES_ANOTHER,
    CLIENT_SALE_ID_UP_TO_64,
    END_DATE_IS_BEFORE_THE_START,
    IS_ANOTHER_PRODUCER_S_PRODUCT,
    IS_NOT_ON_SALE,
    NO_PRODUCT,
    QUANTITY_1_TO_MAX,
    REVENUE_0_TO_MAX,
    REVENUE_TARGET_0_TO_MAX,
    SALE_DAY_IS_OUTSIDE_THE_FAIR,
    SALE_PAID_ALREADY,
    THE_PRODUCER_HAS_NO_RECEIVING_ACCOUNT,
    THIS_RECEIPT_WAS_E_MAILED_TIMES,
];
