//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const A_DATE_AS_YYYY_MM_DD: Text =
    ("logistics.collection.a_date_as_yyyy_mm_dd", "ngày dạng YYYY-MM-DD", "a date as YYYY-MM-DD");
pub const A_TIME_AS_HH_MM: Text =
    ("logistics.collection.a_time_as_hh_mm", "giờ dạng HH:MM, ví dụ 14:00", "a time as HH:MM, e.g. 14:00");
pub const CHOOSE_AT_LEAST_ONE_WEEKDAY: Text =
    ("logistics.collection.choose_at_least_one_weekday", "chọn ít nhất một ngày", "choose at least one weekday");
pub const NO_PROVINCE_HAS_THIS_CODE: Text =
    ("logistics.collection.no_province_has_this_code", "không có tỉnh/thành mã này", "no province has this code");
pub const REQUIRED: Text = ("logistics.collection.required", "bắt buộc", "required");
pub const SCAN_OR_TYPE_THE_PARCEL: Text =
    ("logistics.collection.scan_or_type_the_parcel", "quét hoặc gõ mã kiện", "scan or type the parcel's code");
pub const THE_COLLECTION_POINT_IS_IN_ANOTHER: Text = (
    "logistics.collection.the_collection_point_is_in_another",
    "điểm gom ở tỉnh khác",
    "the collection point is in another province",
);
pub const THE_VEHICLE_S_NAME_IS_REQUIRED: Text = (
    "logistics.collection.the_vehicle_s_name_is_required",
    "cần tên xe của hợp tác xã",
    "the vehicle's name is required",
);
pub const THIS_COLLECTION_POINT_IS_CLOSED: Text = (
    "logistics.collection.this_collection_point_is_closed",
    "điểm gom này đã ngừng",
    "this collection point is closed",
);
pub const AT_MOST_CHARACTERS: Text =
    ("logistics.collection.at_most_characters", "tối đa {max} ký tự", "at most {max} characters");
pub const COLLECTION_POINT: Text = ("logistics.collection.collection_point", "điểm gom {id}", "collection point {id}");
pub const LINK: Text = ("logistics.collection.link", "liên kết {keeper}", "link {keeper}");
pub const NOT_A_VIETNAMESE_PHONE_NUMBER: Text =
    ("logistics.collection.not_a_vietnamese_phone_number", "{e}", "not a Vietnamese phone number");
pub const NO_COLLECTION_POINT: Text =
    ("logistics.collection.no_collection_point", "không có điểm gom {point_id}", "no collection point {point_id}");
pub const N_1_TO_DAYS: Text =
    ("logistics.collection.n_1_to_days", "từ 1 đến {max_keeper_days} ngày", "1 to {max_keeper_days} days");
pub const RUN: Text = ("logistics.collection.run", "chuyến {run}", "run {run}");

pub const TEXTS: &[Text] = &[
    A_DATE_AS_YYYY_MM_DD,
    A_TIME_AS_HH_MM,
    CHOOSE_AT_LEAST_ONE_WEEKDAY,
    NO_PROVINCE_HAS_THIS_CODE,
    REQUIRED,
    SCAN_OR_TYPE_THE_PARCEL,
    THE_COLLECTION_POINT_IS_IN_ANOTHER,
    THE_VEHICLE_S_NAME_IS_REQUIRED,
    THIS_COLLECTION_POINT_IS_CLOSED,
    AT_MOST_CHARACTERS,
    COLLECTION_POINT,
    LINK,
    NOT_A_VIETNAMESE_PHONE_NUMBER,
    NO_COLLECTION_POINT,
    N_1_TO_DAYS,
    RUN,
];
