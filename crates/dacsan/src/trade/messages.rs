//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const ANOTHER_QUOTE_WAS_JUST_ACCEPTED: Text =
    ("trade.another_quote_was_just_accepted", "Yêu cầu vừa chọn báo giá khác", "another quote was just accepted");
pub const EXPORT_COUNTRY_CODE: Text = (
    "trade.a_two_letter_country_code_not",
    "Mã nước hai chữ (ISO 3166), không phải VN",
    "a two-letter country code, not VN",
);
pub const BEFORE_THE_START: Text = ("trade.before_the_start", "Trước ngày bắt đầu", "before the start");
pub const BUSINESS_PROFILE: Text = ("trade.business_profile", "hồ sơ doanh nghiệp", "business profile");
pub const UNIT_WEIGHT_1_G_TO_1_TONNE: Text =
    ("trade.carrier_unit_weight_g_1_g_to_1_tonne", "Từ 1 g đến 1 tấn một đơn vị", "1 g to 1 tonne a unit");
pub const CHOOSE_A_PRODUCT_SET: Text =
    ("trade.choose_a_product_set", "Chọn bộ sản phẩm hoặc tỉnh", "choose a product set or a province");
pub const DEPOSIT_0_TO_100_PERCENT: Text = ("trade.deposit_pct_0_to_100_percent", "Từ 0 đến 100", "0 to 100 percent");
pub const FAIR: Text = ("trade.fair", "hội chợ", "fair");
pub const FILE: Text = ("trade.file", "tệp", "file");
pub const FOLLOW: Text = ("trade.follow", "theo dõi", "follow");
pub const JUST_QUOTED_RELOAD: Text =
    ("trade.just_quoted_reload", "Báo giá vừa được gửi, hãy tải lại", "just quoted: reload");
pub const LEAD_DAYS_0_TO_365: Text = ("trade.lead_days_0_to_365_days", "Từ 0 đến 365 ngày", "0 to 365 days");
pub const MESSAGE_1_TO_2_000_CHARACTERS: Text =
    ("trade.message_1_to_2_000_characters", "Tin nhắn: 1 đến 2.000 ký tự", "message: 1 to 2,000 characters");
pub const MIN_OCOP_STARS_3_4_OR_5: Text =
    ("trade.min_ocop_stars_3_4_or_5_stars", "OCOP: 3, 4 hoặc 5 sao", "3, 4 or 5 stars");
pub const NOT_ABOVE_THE_QUANTITY_OFFERED: Text =
    ("trade.not_above_the_quantity_offered", "Không hơn số lượng chào bán", "not above the quantity offered");
pub const NOT_A_FAIR_LEAD: Text = ("trade.not_a_fair_lead", "Không phải mối giao thương từ hội chợ", "not a fair lead");
pub const NOT_ONE_OF_YOUR_PRODUCTS: Text =
    ("trade.not_one_of_your_products", "Không phải sản phẩm của bạn", "not one of your products");
pub const NO_BUSINESS_PROFILE: Text =
    ("trade.no_business_profile", "Người mua chưa có hồ sơ doanh nghiệp", "no business profile");
pub const NO_OPEN_SUPPLY_OFFER: Text =
    ("trade.no_open_supply_offer", "Không có chào bán đang mở này", "no open supply offer");
pub const NO_SUCH_FAIR: Text = ("trade.no_such_fair", "Không có hội chợ này", "no such fair");
pub const NO_SUCH_PRODUCER: Text = ("trade.no_such_producer", "Không có nhà sản xuất này", "no such producer");
pub const PAGE: Text = ("trade.page", "trang", "page");
pub const QUANTITY_A_POSITIVE_WHOLE_NUMBER: Text =
    ("trade.quantity_a_positive_whole_number", "Số lượng: số nguyên dương", "quantity: a positive whole number");
pub const QUOTE: Text = ("trade.quote", "báo giá", "quote");
pub const REASON_3_TO_1_000_CHARACTERS: Text =
    ("trade.reason_3_to_1_000_characters", "Lý do: 3 đến 1.000 ký tự", "reason: 3 to 1,000 characters");
pub const REQUEST: Text = ("trade.request", "yêu cầu", "request");
pub const REQUEST_FOR_QUOTATION: Text = ("trade.request_for_quotation", "yêu cầu báo giá", "request for quotation");
pub const LEAD_DAYS_REQUIRED: Text = ("trade.lead_days_required", "lead_days: bắt buộc", "lead_days: required");
pub const SET_CODE_REQUIRED: Text = ("trade.set_code_required", "set_code: bắt buộc", "set_code: required");
pub const SUPPLY_OFFER: Text = ("trade.supply_offer", "chào bán", "supply offer");
pub const DATE_NEEDED_IN_THE_PAST: Text =
    ("trade.the_date_needed", "Ngày cần hàng đã qua", "the date needed is in the past");
pub const THE_FAIR_IS_REQUIRED: Text = ("trade.the_fair_is_required", "Chọn hội chợ", "the fair is required");
pub const THE_OFFER_IS_CLOSED_ALREADY: Text =
    ("trade.the_offer_is_closed_already", "Chào bán đã đóng", "the offer is closed already");
pub const THE_QUOTE_HAS_EXPIRED: Text = ("trade.the_quote_has_expired", "Báo giá đã hết hạn", "the quote has expired");
pub const THE_QUOTE_JUST_CHANGED_RELOAD: Text =
    ("trade.the_quote_just_changed_reload", "Báo giá vừa thay đổi, hãy tải lại", "the quote just changed: reload");
pub const THE_QUOTE_WAS_WITHDRAWN: Text =
    ("trade.the_quote_was_withdrawn", "Báo giá đã rút lại", "the quote was withdrawn");
pub const THE_REQUEST_IS_CLOSED: Text = ("trade.the_request_is_closed", "Yêu cầu đã đóng", "the request is closed");
pub const THE_TOTAL_IS_TOO_LARGE: Text =
    ("trade.the_total_is_too_large", "tổng tiền quá lớn", "the total is too large");
pub const VALIDITY_DATE_IN_THE_PAST: Text =
    ("trade.the_validity_date", "Hạn báo giá đã qua", "the validity date is in the past");
pub const THIS_REQUEST_WAS_CLAIMED_ALREADY: Text =
    ("trade.this_request_was_claimed_already", "Yêu cầu này đã được nhận", "this request was claimed already");
pub const UNDER_THE_FIRST_PRICE_TIER: Text =
    ("trade.under_the_first_price_tier", "Dưới bậc giá đầu tiên", "under the first price tier");
pub const DATE_AS_TYPED: Text =
    ("trade.a_date_as_2027_03_31", "«{text}»: cần dạng năm-tháng-ngày", "«{text}»: a date as 2027-03-31");
pub const PHONE_REFUSED: Text = ("trade.phone_refused", "Số điện thoại: {why}", "phone: {why}");
pub const NO_OCOP_PRODUCT_SET: Text =
    ("trade.no_ocop_product_set", "Không có bộ sản phẩm OCOP «{code}»", "no OCOP product set «{code}»");
pub const NO_PROVINCE: Text = ("trade.no_province", "Không có tỉnh/thành mã «{code}»", "no province «{code}»");
pub const NO_SUCH_PRODUCT_SET: Text =
    ("trade.no_such_product_set", "Không có bộ sản phẩm «{set_code}»", "no such product set «{set_code}»");
pub const NO_SUCH_PROVINCE: Text =
    ("trade.no_such_province", "Không có tỉnh «{province_code}»", "no such province «{province_code}»");
pub const PRICE_TIERS_1_TO_MAX: Text =
    ("trade.n_1_to_price_tiers", "Từ 1 đến {max_tiers} bậc giá", "1 to {max_tiers} price tiers");
pub const FIELD_REQUIRED: Text = ("trade.field_required", "{field}: bắt buộc", "{field}: required");
pub const TAX_CODE_REFUSED: Text = ("trade.tax_code_refused", "Mã số thuế: {why}", "tax code: {why}");
pub const QUOTE_STATUS: Text = ("trade.the_quote", "Báo giá đang «{status}»", "the quote is {status}");
pub const FIELD_UP_TO_10_12: Text = ("trade.to_10_12", "{field}: từ {min} đến 10^12", "{field}: {min} to 10^12");
pub const FIELD_LENGTH: Text =
    ("trade.to_characters", "{field}: {min} đến {max} ký tự", "{field}: {min} to {max} characters");
pub const VIETQR_OR_COD: Text = ("trade.vietqr_or_cod", "«{text}»: vietqr hoặc cod", "«{text}»: vietqr or cod");
pub const ADD_THE_QUOTED_PRODUCT: Text = (
    "trade.add_the_product_you_quote",
    "Hãy đăng sản phẩm bạn chào giá trước (đủ hạng sao yêu cầu)",
    "add the product you quote for first (with the stars asked)",
);
pub const AT_MOST_FILES_PER_QUOTE: Text = (
    "trade.at_most_files_per_quote",
    "mỗi báo giá tối đa {max_attachments} tệp",
    "at most {max_attachments} files per quote",
);
pub const FAIR_LEAD_CLAIMED_BY_TAX_CODE: Text = (
    "trade.a_fair_lead_the_business_claims",
    "Mối giao thương từ hội chợ: doanh nghiệp nhận yêu cầu (theo mã số thuế) rồi chấp nhận",
    "\
             a fair lead: the business claims the request by its tax code, then accepts",
);
pub const BOTH_A_QUANTITY_AND_A_PRICE: Text =
    ("trade.both_a_quantity_and_a_price", "Cần cả số lượng và giá", "both a quantity and a price");
pub const CHOOSE_A_PRODUCT_SET_OR_DESCRIBE: Text = (
    "trade.choose_a_product_set_or_describe",
    "Chọn bộ sản phẩm hoặc tả hàng cần mua",
    "choose a product set or describe the goods",
);
pub const COMMUNE_NOT_IN_THAT_PROVINCE: Text = (
    "trade.commune_not_in_that_province",
    "Xã/phường «{code}» không thuộc tỉnh đã chọn",
    "commune «{code}» is not in that province",
);
pub const DELIVERY_PRICE_OR_CARRIERS: Text = (
    "trade.either_a_delivery_price",
    "Hoặc một giá giao hàng, hoặc giá của hãng vận chuyển, không cả hai",
    "\
                     either a delivery price or the carriers' prices, not both",
);
pub const IS_NOT_OFFERED_FOR_THIS_ORDER: Text = (
    "trade.is_not_offered_for_this_order",
    "«{id}» không có cho đơn này; có: {offered}",
    "«{id}» is not offered for this order; offered: {offered}",
);
pub const NOT_AN_INCOTERM: Text = (
    "trade.not_an_incoterm_2020_exw_fca",
    "«{text}»: không phải Incoterm 2020",
    "«{text}»: not an Incoterm 2020 (EXW, FCA, FOB, CIF, DAP …)",
);
pub const NOT_ONE_OF_YOUR_PRODUCTS_ON_SALE: Text =
    ("trade.not_one_of_your_products_2", "Không phải sản phẩm đang bán của bạn", "not one of your products on sale");
pub const NO_CARRIER_TAKES_A_PARCEL: Text = (
    "trade.no_carrier_takes_a_parcel",
    "Chưa hãng vận chuyển nào nhận gói {kilograms} kg tới địa chỉ này; hãy hỏi người bán giá giao hàng",
    "\
                     no carrier takes a parcel of {kilograms} kg to this address: ask the producer to price delivery",
);
pub const DONG_0_TO_10_12: Text = ("trade.dong_0_to_10_12", "Từ 0 đến 10^12 đồng", "0 to 10^12 đồng");
pub const NUMBER_1_TO_10_12: Text = ("trade.n_1_to_10_12", "Từ 1 đến 10^12", "1 to 10^12");
pub const REQUIREMENT_ONE_OF: Text = (
    "trade.one_of_vietgap_organic_traceable_sample",
    "«{word}»: vietgap, organic, traceable hoặc sample_first",
    "«{word}»: one of vietgap, organic, traceable, sample_first",
);
pub const ONLY_ACCEPTED_QUOTES_HAVE_A_PROFORMA: Text = (
    "trade.only_an_accepted_quote_has",
    "Chỉ báo giá đã chấp nhận mới có hóa đơn chiếu lệ",
    "only an accepted quote has a pro-forma invoice",
);
pub const THE_BUYER_ASKS_FOR_PRODUCERS: Text = (
    "trade.the_buyer_asks_for_producers",
    "Người mua chỉ nhận hàng từ {name}",
    "the buyer asks for producers of {name} only",
);
pub const COMMUNE_NOT_IN_DELIVERY_PROVINCE: Text =
    ("trade.the_commune_is_not", "Xã/phường không thuộc tỉnh giao hàng", "the commune is not in the delivery province");
pub const DELIVERY_COMMUNE_REQUIRED: Text =
    ("trade.the_commune_to_deliver", "Cần xã/phường nhận hàng", "the commune to deliver to is required");
pub const FIRST_TIER_AT_MOQ: Text = (
    "trade.the_first_tier_must_start",
    "Bậc đầu phải bắt đầu từ số lượng tối thiểu trở xuống",
    "the first tier must start at or below the MOQ",
);
pub const THE_PRODUCER_HAS_NO_VIETQR_ACCOUNT: Text = (
    "trade.the_producer_has_no_vietqr_account",
    "Người bán chưa có tài khoản nhận VietQR",
    "the producer has no VietQR account yet",
);
pub const THE_QUOTE_ASKS_FOR_A_DEPOSIT: Text =
    ("trade.the_quote_asks_for_a_deposit", "Báo giá cần đặt cọc qua VietQR", "the quote asks for a deposit by VietQR");
pub const THE_QUOTE_EXPIRED: Text =
    ("trade.the_quote_expired", "Báo giá hết hạn ngày {valid_until}", "the quote expired on {valid_until}");
pub const QUOTE_CLOSED_TO_FILES: Text = (
    "trade.the_quote_is_no_more_files",
    "Báo giá đang «{status}»: không thêm tệp được",
    "the quote is {status}: no more files",
);
pub const QUOTE_ACCEPTED_NO_REVISION: Text = (
    "trade.the_quote_was_accepted_it_can",
    "Báo giá đã được chấp nhận, không sửa được nữa",
    "the quote was accepted: it can no longer be revised",
);
pub const THE_REQUEST_ASKS_FOR_OCOP: Text = (
    "trade.the_request_asks_for_ocop",
    "Yêu cầu cần OCOP {min_ocop_stars}★ trở lên",
    "the request asks for OCOP {min_ocop_stars}★ or more",
);
pub const THE_REQUEST_HAS_ACCEPTED_ANOTHER_QUOTE: Text = (
    "trade.the_request_has_accepted_another_quote",
    "Yêu cầu đã chọn một báo giá khác hoặc đã đóng",
    "the request has accepted another quote or is closed",
);
pub const UNIT_WEIGHT_REQUIRED: Text = (
    "trade.the_weight_of_one_unit",
    "Cần khối lượng một đơn vị để hãng tính giá",
    "the weight of one unit, for the carriers' prices",
);
pub const TIERS_MUST_INCREASE_IN_QUANTITY: Text =
    ("trade.tiers_must_increase_in_quantity", "Các bậc phải tăng dần theo số lượng", "tiers must increase in quantity");
pub const UNDER_THE_MINIMUM_ORDER_QUANTITY: Text = (
    "trade.under_the_minimum_order_quantity",
    "Dưới số lượng tối thiểu {moq} {unit}",
    "under the minimum order quantity of {moq} {unit}",
);
pub const NOT_YOUR_LEAD: Text = (
    "trade.your_tax_code_is_not",
    "Mã số thuế của doanh nghiệp không khớp mối giao thương này",
    "your tax code is not this lead's",
);
pub const YOU_DECLINED_THIS_REQUEST_ALREADY: Text =
    ("trade.you_declined_this_request_already", "Bạn đã từ chối yêu cầu này", "you declined this request already");

pub const QUOTE_REVISION: Text = ("trade.quote_revision", "phiên bản báo giá", "quote revision");
pub const PRODUCER: Text = ("trade.producer", "cơ sở", "producer");
pub const PRODUCT: Text = ("trade.product", "sản phẩm", "product");
pub const MESSAGE: Text = ("trade.message", "tin nhắn", "message");
pub const ORDER: Text = ("trade.order", "đơn hàng", "order");
pub const ORDER_LINE: Text = ("trade.order_line", "dòng đơn hàng", "order line");

/// A number as typed, and why it is not one (a row of `vn`).
pub const NUMBER_REFUSED: Text = ("trade.number_refused", "«{text}»: {why}", "«{text}»: {why}");

pub const TEXTS: &[Text] = &[
    NUMBER_REFUSED,
    QUOTE_REVISION,
    PRODUCER,
    PRODUCT,
    MESSAGE,
    ORDER,
    ORDER_LINE,
    ANOTHER_QUOTE_WAS_JUST_ACCEPTED,
    EXPORT_COUNTRY_CODE,
    BEFORE_THE_START,
    BUSINESS_PROFILE,
    UNIT_WEIGHT_1_G_TO_1_TONNE,
    CHOOSE_A_PRODUCT_SET,
    DEPOSIT_0_TO_100_PERCENT,
    FAIR,
    FILE,
    FOLLOW,
    JUST_QUOTED_RELOAD,
    LEAD_DAYS_0_TO_365,
    MESSAGE_1_TO_2_000_CHARACTERS,
    MIN_OCOP_STARS_3_4_OR_5,
    NOT_ABOVE_THE_QUANTITY_OFFERED,
    NOT_A_FAIR_LEAD,
    NOT_ONE_OF_YOUR_PRODUCTS,
    NO_BUSINESS_PROFILE,
    NO_OPEN_SUPPLY_OFFER,
    NO_SUCH_FAIR,
    NO_SUCH_PRODUCER,
    PAGE,
    QUANTITY_A_POSITIVE_WHOLE_NUMBER,
    QUOTE,
    REASON_3_TO_1_000_CHARACTERS,
    REQUEST,
    REQUEST_FOR_QUOTATION,
    LEAD_DAYS_REQUIRED,
    SET_CODE_REQUIRED,
    SUPPLY_OFFER,
    DATE_NEEDED_IN_THE_PAST,
    THE_FAIR_IS_REQUIRED,
    THE_OFFER_IS_CLOSED_ALREADY,
    THE_QUOTE_HAS_EXPIRED,
    THE_QUOTE_JUST_CHANGED_RELOAD,
    THE_QUOTE_WAS_WITHDRAWN,
    THE_REQUEST_IS_CLOSED,
    THE_TOTAL_IS_TOO_LARGE,
    VALIDITY_DATE_IN_THE_PAST,
    THIS_REQUEST_WAS_CLAIMED_ALREADY,
    UNDER_THE_FIRST_PRICE_TIER,
    DATE_AS_TYPED,
    PHONE_REFUSED,
    NO_OCOP_PRODUCT_SET,
    NO_PROVINCE,
    NO_SUCH_PRODUCT_SET,
    NO_SUCH_PROVINCE,
    PRICE_TIERS_1_TO_MAX,
    FIELD_REQUIRED,
    TAX_CODE_REFUSED,
    QUOTE_STATUS,
    FIELD_UP_TO_10_12,
    FIELD_LENGTH,
    VIETQR_OR_COD,
    ADD_THE_QUOTED_PRODUCT,
    AT_MOST_FILES_PER_QUOTE,
    FAIR_LEAD_CLAIMED_BY_TAX_CODE,
    BOTH_A_QUANTITY_AND_A_PRICE,
    CHOOSE_A_PRODUCT_SET_OR_DESCRIBE,
    COMMUNE_NOT_IN_THAT_PROVINCE,
    DELIVERY_PRICE_OR_CARRIERS,
    IS_NOT_OFFERED_FOR_THIS_ORDER,
    NOT_AN_INCOTERM,
    NOT_ONE_OF_YOUR_PRODUCTS_ON_SALE,
    NO_CARRIER_TAKES_A_PARCEL,
    DONG_0_TO_10_12,
    NUMBER_1_TO_10_12,
    REQUIREMENT_ONE_OF,
    ONLY_ACCEPTED_QUOTES_HAVE_A_PROFORMA,
    THE_BUYER_ASKS_FOR_PRODUCERS,
    COMMUNE_NOT_IN_DELIVERY_PROVINCE,
    DELIVERY_COMMUNE_REQUIRED,
    FIRST_TIER_AT_MOQ,
    THE_PRODUCER_HAS_NO_VIETQR_ACCOUNT,
    THE_QUOTE_ASKS_FOR_A_DEPOSIT,
    THE_QUOTE_EXPIRED,
    QUOTE_CLOSED_TO_FILES,
    QUOTE_ACCEPTED_NO_REVISION,
    THE_REQUEST_ASKS_FOR_OCOP,
    THE_REQUEST_HAS_ACCEPTED_ANOTHER_QUOTE,
    UNIT_WEIGHT_REQUIRED,
    TIERS_MUST_INCREASE_IN_QUANTITY,
    UNDER_THE_MINIMUM_ORDER_QUANTITY,
    NOT_YOUR_LEAD,
    YOU_DECLINED_THIS_REQUEST_ALREADY,
];
