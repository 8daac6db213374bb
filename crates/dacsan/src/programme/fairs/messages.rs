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
pub const AMOUNT_1: Text = ("programme.fairs.amount_1", "Số tiền: từ 1 đến {value}", "amount: 1 to {value}");
pub const AMOUNT_A_WHOLE_AMOUNT_OF_NG: Text = (
    "programme.fairs.amount_a_whole_amount_of_ng",
    "Số tiền «{value}»: {why}",
    "amount «{value}»: a whole amount of đồng",
);
pub const A_WHOLE_NUMBER: Text =
    ("programme.fairs.a_whole_number", "{value} «{v}»: cần một số", "{value} «{v}»: a whole number");
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
pub const VISITORS_0: Text =
    ("programme.fairs.visitors_0", "Lượt khách: từ 0 đến {max_visitors}", "visitors: 0 to {max_visitors}");
pub const VISITORS_A_WHOLE_NUMBER: Text = (
    "programme.fairs.visitors_a_whole_number",
    "Lượt khách «{value}»: cần một số",
    "visitors «{value}»: a whole number",
);

pub const TEXTS: &[Text] = &[
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
    AMOUNT_1,
    AMOUNT_A_WHOLE_AMOUNT_OF_NG,
    A_WHOLE_NUMBER,
    SOLD_AT_AN_RFC_3339_TIME,
    UNKNOWN_KIND_FAIR_MARKET_SESSION,
    UNKNOWN_METHOD_VIETQR_CASH,
    VISITORS_0,
    VISITORS_A_WHOLE_NUMBER,
];
