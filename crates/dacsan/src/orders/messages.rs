//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const A_REASON_IS_REQUIRED: Text = ("orders.a_reason_is_required", "cần nêu lý do", "a reason is required");
pub const BUYERNAME_2_TO_100_CHARACTERS: Text =
    ("orders.buyername_2_to_100_characters", "cần từ 2 đến 100 ký tự", "2 to 100 characters");
pub const NOT_AN_ORDER_STATUS: Text =
    ("orders.not_an_order_status", "không phải trạng thái đơn hàng", "not an order status");
pub const NOT_A_STATUS: Text = ("orders.not_a_status", "không phải trạng thái", "not a status");
pub const ORDER: Text = ("orders.order", "đơn hàng", "order");
pub const PRODUCER: Text = ("orders.producer", "nhà sản xuất", "producer");
pub const THE_CART_IS_EMPTY: Text = ("orders.the_cart_is_empty", "giỏ hàng trống", "the cart is empty");
pub const THE_COMMUNE_IS_NOT: Text =
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

pub const TEXTS: &[Text] = &[
    A_REASON_IS_REQUIRED,
    BUYERNAME_2_TO_100_CHARACTERS,
    NOT_AN_ORDER_STATUS,
    NOT_A_STATUS,
    ORDER,
    PRODUCER,
    THE_CART_IS_EMPTY,
    THE_COMMUNE_IS_NOT,
    THE_TOTAL_IS_TOO_LARGE,
    THIS_CHECKOUT_WAS_PLACED_ALREADY,
    UNKNOWN_PROVINCE_CODE,
    VIETQR_CODE,
    VIETQR_OR_COD,
    AT_MOST_LINES,
];
