//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const DATE_AS_YYYY_MM_DD: Text =
    ("logistics.collection.a_date_as_yyyy_mm_dd", "ngày dạng YYYY-MM-DD", "a date as YYYY-MM-DD");
pub const TIME_AS_HH_MM: Text =
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
pub const KEEPER_LINK_NAMED: Text = ("logistics.collection.link", "liên kết {keeper}", "link {keeper}");
pub const NO_COLLECTION_POINT: Text =
    ("logistics.collection.no_collection_point", "không có điểm gom {point_id}", "no collection point {point_id}");
pub const KEEPER_DAYS_1_TO_MAX: Text =
    ("logistics.collection.n_1_to_days", "từ 1 đến {max_keeper_days} ngày", "1 to {max_keeper_days} days");
pub const RUN: Text = ("logistics.collection.run", "chuyến {run}", "run {run}");
pub const RUN_CARRIER_ONE_OF: Text = (
    "logistics.collection.ghn_ghtk_viettelpost_vnpost_or_vehicle",
    "ghn, ghtk, viettelpost, vnpost hoặc vehicle (xe hợp tác xã)",
    "ghn, ghtk, viettelpost, vnpost or vehicle (the cooperative's)",
);
pub const IS_NOT_A_WEEKDAY_MON_SUN: Text = (
    "logistics.collection.is_not_a_weekday_mon_sun",
    "«{value}» không phải thứ trong tuần",
    "«{value}» is not a weekday (mon … sun)",
);
pub const NO_SUCH_COMMUNE_IN_PROVINCE: Text = (
    "logistics.collection.no_commune_of_the_province_has",
    "không có xã/phường mã này trong tỉnh (đơn vị hành chính 2025)",
    "no commune of the province has this code (2025 units)",
);
pub const NO_PARCEL_HAS_THE_CODE: Text = (
    "logistics.collection.no_parcel_has_the_code",
    "không có kiện hàng nào mã «{code}»",
    "no parcel has the code «{code}»",
);
pub const NO_PARCEL_WAITS_FOR_THIS_RUN: Text = (
    "logistics.collection.no_parcel_waits_for_this_run",
    "chưa có kiện nào ở điểm gom cho chuyến này",
    "no parcel waits for this run",
);
pub const NO_PRODUCER: Text =
    ("logistics.collection.no_producer", "không có nhà sản xuất {producer_id}", "no producer {producer_id}");
pub const PARCEL_DOES_NOT_GO_THROUGH: Text = (
    "logistics.collection.parcel_does_not_go_through",
    "kiện «{code}» không gửi qua điểm gom này",
    "parcel «{code}» does not go through this collection point",
);
pub const PARCEL_IS_PAST_THE_COLLECTION_POINT: Text = (
    "logistics.collection.parcel_is_past_the_collection_point",
    "kiện «{code}» không còn chờ ở điểm gom ({status}): không thay đổi gì",
    "parcel «{code}» is past the collection point ({status}): nothing changed",
);
pub const PARCEL_WAS_RECEIVED_AT_ANOTHER_COLLECTION: Text = (
    "logistics.collection.parcel_was_received_at_another_collection",
    "kiện «{code}» đã nhận ở điểm gom khác",
    "parcel «{code}» was received at another collection point",
);
pub const KEEPER_NAME_REQUIRED: Text = (
    "logistics.collection.the_keeper_s_name_at_most",
    "cần tên người giữ điểm (tối đa 120 ký tự)",
    "the keeper's name (at most 120 characters)",
);
pub const RUN_HANDED_OVER_ALREADY: Text = (
    "logistics.collection.the_run_of_was_handed_over",
    "chuyến ngày {date} đã giao cho hãng",
    "the run of {date} was handed over already",
);

/// Nouns of the answers about a keeper's link: not found, and no longer working.
pub const KEEPER_LINK: Text = ("logistics.collection.keeper_link", "liên kết điểm gom", "collection point link");
pub const KEEPER_LINK_OF: Text =
    ("logistics.collection.keeper_link_of", "Liên kết điểm gom ({keeper})", "The collection point link ({keeper})");

pub const TEXTS: &[Text] = &[
    KEEPER_LINK,
    KEEPER_LINK_OF,
    DATE_AS_YYYY_MM_DD,
    TIME_AS_HH_MM,
    CHOOSE_AT_LEAST_ONE_WEEKDAY,
    NO_PROVINCE_HAS_THIS_CODE,
    REQUIRED,
    SCAN_OR_TYPE_THE_PARCEL,
    THE_COLLECTION_POINT_IS_IN_ANOTHER,
    THE_VEHICLE_S_NAME_IS_REQUIRED,
    THIS_COLLECTION_POINT_IS_CLOSED,
    AT_MOST_CHARACTERS,
    COLLECTION_POINT,
    KEEPER_LINK_NAMED,
    NO_COLLECTION_POINT,
    KEEPER_DAYS_1_TO_MAX,
    RUN,
    RUN_CARRIER_ONE_OF,
    IS_NOT_A_WEEKDAY_MON_SUN,
    NO_SUCH_COMMUNE_IN_PROVINCE,
    NO_PARCEL_HAS_THE_CODE,
    NO_PARCEL_WAITS_FOR_THIS_RUN,
    NO_PRODUCER,
    PARCEL_DOES_NOT_GO_THROUGH,
    PARCEL_IS_PAST_THE_COLLECTION_POINT,
    PARCEL_WAS_RECEIVED_AT_ANOTHER_COLLECTION,
    KEEPER_NAME_REQUIRED,
    RUN_HANDED_OVER_ALREADY,
];
