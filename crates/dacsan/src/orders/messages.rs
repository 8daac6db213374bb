//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const A_REASON_IS_REQUIRED: Text = ("orders.a_reason_is_required", "cần nêu lý do", "a reason is required");
pub const BUYER_NAME_2_TO_100_CHARACTERS: Text =
    ("orders.buyername_2_to_100_characters", "cần từ 2 đến 100 ký tự", "2 to 100 characters");
pub const NOT_AN_ORDER_STATUS: Text =
    ("orders.not_an_order_status", "không phải trạng thái đơn hàng", "not an order status");
pub const NOT_A_STATUS: Text = ("orders.not_a_status", "không phải trạng thái", "not a status");
pub const ORDER: Text = ("orders.order", "đơn hàng", "order");
pub const PRODUCER: Text = ("orders.producer", "nhà sản xuất", "producer");
pub const THE_CART_IS_EMPTY: Text = ("orders.the_cart_is_empty", "giỏ hàng trống", "the cart is empty");
pub const COMMUNE_NOT_IN_PROVINCE: Text =
    ("orders.the_commune_is_not", "xã/phường không thuộc tỉnh đã chọn", "the commune is not in this province");
pub const THE_TOTAL_IS_TOO_LARGE: Text =
    ("orders.the_total_is_too_large", "tổng tiền quá lớn", "the total is too large");
pub const THIS_CHECKOUT_WAS_PLACED_ALREADY: Text =
    ("orders.this_checkout_was_placed_already", "đơn hàng này đã được đặt", "this checkout was placed already");
pub const UNKNOWN_PROVINCE_CODE: Text =
    ("orders.unknown_province_code", "không có tỉnh/thành phố này (mã 2025)", "unknown province code");
pub const VIETQR_CODE: Text = ("orders.vietqr_code", "mã VietQR", "VietQR code");
pub const VIETQR_OR_COD: Text = ("orders.vietqr_or_cod", "chọn vietqr hoặc cod", "vietqr or cod");
pub const AT_MOST_LINES: Text = ("orders.at_most_lines", "tối đa {max_lines} dòng", "at most {max_lines} lines");
pub const DELIVERY_CHOICE_FORM: Text =
    ("orders.a_producer_id_and_an_option", "cần mã nhà sản xuất và mã cách giao", "a producer id and an option id");
pub const STREET_3_TO_200_CHARACTERS: Text = (
    "orders.a_street_line_3_to_200",
    "cần số nhà, thôn/bản hoặc đường (3–200 ký tự)",
    "a street line, 3 to 200 characters",
);
pub const CARRIER_AND_TRACKING_NUMBER_REQUIRED: Text = (
    "orders.carrier_and_tracking_number_are_required",
    "cần đơn vị vận chuyển và mã vận đơn",
    "carrier and tracking number are required",
);
pub const NO_VIETQR_YET: Text = (
    "orders.does_not_take_vietqr_yet_choose",
    "{name} chưa nhận chuyển khoản VietQR, hãy chọn COD",
    "{name} does not take VietQR yet: choose cash on delivery",
);
pub const IS_NO_LONGER_ON_SALE: Text =
    ("orders.is_no_longer_on_sale", "{name} không còn bán", "{name} is no longer on sale");
pub const TRANSITION_NOT_ALLOWED: Text =
    ("orders.not_allowed", "không thể chuyển đơn từ «{from}» sang «{to}»", "not allowed from {from} to {to}");
pub const NOT_ENOUGH_IN_STOCK: Text =
    ("orders.not_enough_in_stock", "{name} không đủ hàng (còn {max})", "{name}: not enough in stock ({max} left)");
pub const NOT_OFFERED_FOR_THIS_ORDER: Text = (
    "orders.not_offered_for_this_order",
    "không có cách giao «{choice}» cho đơn này; có: {join}",
    "not offered for this order: «{choice}»; offered: {join}",
);
pub const NO_DELIVERY_OPTION_REACHES_THIS_ADDRESS: Text = (
    "orders.no_delivery_option_reaches_this_address",
    "chưa có cách giao nào tới địa chỉ này",
    "no delivery option reaches this address",
);
pub const UNKNOWN_REFERRAL_CODE: Text = (
    "orders.no_live_session_or_affiliate_has",
    "Không có phiên bán hàng hay cộng tác viên nào có mã giới thiệu «{code}»: sửa hoặc bỏ mã",
    "no live session or affiliate has the referral code «{code}»: correct it or leave it out",
);
pub const NO_LONGER_AT_THE_SESSION_PRICE: Text = (
    "orders.no_longer_at_the_session_price",
    "{name} vừa hết giá phiên live",
    "{name} is no longer at the session price",
);
pub const NO_SUCH_PRODUCT: Text = ("orders.no_such_product", "không có sản phẩm này", "no such product");
pub const QUANTITY_1_TO_MAX: Text = ("orders.n_1", "từ 1 đến {max_quantity}", "1 to {max_quantity}");
pub const REFERRAL_CODE_LETTERS_AND_DIGITS_ONLY: Text = (
    "orders.referral_code_letters_and_digits_only",
    "Mã giới thiệu «{code}»: chỉ chữ và số",
    "referral code «{code}»: letters and digits only",
);
pub const THE_ORDER_JUST_CHANGED_RELOAD: Text = (
    "orders.the_order_just_changed_reload",
    "đơn hàng vừa được cập nhật, hãy tải lại",
    "the order just changed: reload",
);
pub const PRODUCER_NOT_IN_CART: Text = (
    "orders.this_producer_has_nothing",
    "nhà sản xuất này không có trong giỏ",
    "this producer has nothing in the cart",
);

pub const LEFT_AT_SESSION_PRICE: Text = (
    "orders.left_at_session_price",
    "{name}: còn {left} ở giá phiên live",
    "{name}: only {left} left at the session price",
);

pub const TEXTS: &[Text] = &[
    LEFT_AT_SESSION_PRICE,
    A_REASON_IS_REQUIRED,
    BUYER_NAME_2_TO_100_CHARACTERS,
    NOT_AN_ORDER_STATUS,
    NOT_A_STATUS,
    ORDER,
    PRODUCER,
    THE_CART_IS_EMPTY,
    COMMUNE_NOT_IN_PROVINCE,
    THE_TOTAL_IS_TOO_LARGE,
    THIS_CHECKOUT_WAS_PLACED_ALREADY,
    UNKNOWN_PROVINCE_CODE,
    VIETQR_CODE,
    VIETQR_OR_COD,
    AT_MOST_LINES,
    DELIVERY_CHOICE_FORM,
    STREET_3_TO_200_CHARACTERS,
    CARRIER_AND_TRACKING_NUMBER_REQUIRED,
    NO_VIETQR_YET,
    IS_NO_LONGER_ON_SALE,
    TRANSITION_NOT_ALLOWED,
    NOT_ENOUGH_IN_STOCK,
    NOT_OFFERED_FOR_THIS_ORDER,
    NO_DELIVERY_OPTION_REACHES_THIS_ADDRESS,
    UNKNOWN_REFERRAL_CODE,
    NO_LONGER_AT_THE_SESSION_PRICE,
    NO_SUCH_PRODUCT,
    QUANTITY_1_TO_MAX,
    REFERRAL_CODE_LETTERS_AND_DIGITS_ONLY,
    THE_ORDER_JUST_CHANGED_RELOAD,
    PRODUCER_NOT_IN_CART,
];
