//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const A_PERIOD_OF_ONE_DAY: Text =
    ("logistics.a_period_of_one_day", "kỳ từ 1 ngày đến 1 năm", "a period of one day to one year");
pub const CARRIER: Text = ("logistics.carrier", "hãng vận chuyển", "carrier");
pub const CHOOSE_A_POINT_FROM_THE_LIST: Text =
    ("logistics.choose_a_point_from_the_list", "Chọn một điểm gom trong danh sách", "choose a point from the list");
pub const FROM_AND_TO_AS_YYYY_MM: Text =
    ("logistics.from_and_to_as_yyyy_mm", "from và to dạng YYYY-MM-DD", "from and to as YYYY-MM-DD");
pub const GHN_GHTK_VIETTELPOST_OR_VNPOST: Text = (
    "logistics.ghn_ghtk_viettelpost_or_vnpost",
    "ghn, ghtk, viettelpost hoặc vnpost",
    "ghn, ghtk, viettelpost or vnpost",
);
pub const ORDER: Text = ("logistics.order", "đơn hàng", "order");
pub const PRODUCER: Text = ("logistics.producer", "cơ sở", "producer");
pub const SHIPMENT: Text = ("logistics.shipment", "kiện hàng", "shipment");
pub const THE_CARRIER_S_NAME: Text = ("logistics.the_carrier_s_name", "cần tên hãng vận chuyển", "the carrier's name");
pub const THE_FILE_IS_MISSING: Text = ("logistics.the_file_is_missing", "cần tệp", "the file is missing");
pub const THE_ORDER_IS_SETTLED_ALREADY: Text =
    ("logistics.the_order_is_settled_already", "đơn hàng đã được xử lý", "the order is settled already");
pub const THE_PARCEL_HAS_NOT_COME_BACK: Text =
    ("logistics.the_parcel_has_not_come_back", "kiện hàng chưa hoàn về", "the parcel has not come back");
pub const THE_PARCEL_IS_CANCELLED: Text =
    ("logistics.the_parcel_is_cancelled", "kiện hàng đã hủy", "the parcel is cancelled");
pub const THIS_TRACKING_NUMBER_IS_ALREADY: Text =
    ("logistics.this_tracking_number_is_already", "mã vận đơn này đã có", "this tracking number is already in use");
pub const AT_MOST_LINES: Text = ("logistics.at_most_lines", "tối đa {max_lines} dòng", "at most {max_lines} lines");
pub const AT_MOST_PARCELS: Text =
    ("logistics.at_most_parcels", "tối đa {max_parcels} kiện", "at most {max_parcels} parcels");
pub const A_WHOLE_NUMBER: Text =
    ("logistics.a_whole_number", "«{value}»: cần một số nguyên", "«{value}»: a whole number");
pub const THE_LABEL_CANNOT_BE_PRINTED: Text =
    ("logistics.the_label_cannot_be_printed", "nhãn không in được: {other}", "the label cannot be printed: {other}");

pub const TEXTS: &[Text] = &[
    A_PERIOD_OF_ONE_DAY,
    CARRIER,
    CHOOSE_A_POINT_FROM_THE_LIST,
    FROM_AND_TO_AS_YYYY_MM,
    GHN_GHTK_VIETTELPOST_OR_VNPOST,
    ORDER,
    PRODUCER,
    SHIPMENT,
    THE_CARRIER_S_NAME,
    THE_FILE_IS_MISSING,
    THE_ORDER_IS_SETTLED_ALREADY,
    THE_PARCEL_HAS_NOT_COME_BACK,
    THE_PARCEL_IS_CANCELLED,
    THIS_TRACKING_NUMBER_IS_ALREADY,
    AT_MOST_LINES,
    AT_MOST_PARCELS,
    A_WHOLE_NUMBER,
    THE_LABEL_CANNOT_BE_PRINTED,
];
