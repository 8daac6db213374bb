//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const PERIOD_ONE_DAY_TO_ONE_YEAR: Text =
    ("logistics.a_period_of_one_day", "kỳ từ 1 ngày đến 1 năm", "a period of one day to one year");
pub const CARRIER: Text = ("logistics.carrier", "hãng vận chuyển", "carrier");
pub const CHOOSE_A_POINT_FROM_THE_LIST: Text =
    ("logistics.choose_a_point_from_the_list", "Chọn một điểm gom trong danh sách", "choose a point from the list");
pub const FROM_AND_TO_AS_DATES: Text =
    ("logistics.from_and_to_as_yyyy_mm", "from và to dạng YYYY-MM-DD", "from and to as YYYY-MM-DD");
pub const CARRIER_ONE_OF: Text = (
    "logistics.ghn_ghtk_viettelpost_or_vnpost",
    "ghn, ghtk, viettelpost hoặc vnpost",
    "ghn, ghtk, viettelpost or vnpost",
);
pub const ORDER: Text = ("logistics.order", "đơn hàng", "order");
pub const PRODUCER: Text = ("logistics.producer", "cơ sở", "producer");
pub const SHIPMENT: Text = ("logistics.shipment", "kiện hàng", "shipment");
pub const CARRIER_NAME_REQUIRED: Text =
    ("logistics.the_carrier_s_name", "cần tên hãng vận chuyển", "the carrier's name");
pub const THE_FILE_IS_MISSING: Text = ("logistics.the_file_is_missing", "cần tệp", "the file is missing");
pub const THE_ORDER_IS_SETTLED_ALREADY: Text =
    ("logistics.the_order_is_settled_already", "đơn hàng đã được xử lý", "the order is settled already");
pub const THE_PARCEL_HAS_NOT_COME_BACK: Text =
    ("logistics.the_parcel_has_not_come_back", "kiện hàng chưa hoàn về", "the parcel has not come back");
pub const THE_PARCEL_IS_CANCELLED: Text =
    ("logistics.the_parcel_is_cancelled", "kiện hàng đã hủy", "the parcel is cancelled");
pub const TRACKING_NUMBER_TAKEN: Text =
    ("logistics.this_tracking_number_is_already", "mã vận đơn này đã có", "this tracking number is already in use");
pub const AT_MOST_LINES: Text = ("logistics.at_most_lines", "tối đa {max_lines} dòng", "at most {max_lines} lines");
pub const AT_MOST_PARCELS: Text =
    ("logistics.at_most_parcels", "tối đa {max_parcels} kiện", "at most {max_parcels} parcels");
pub const A_WHOLE_NUMBER: Text =
    ("logistics.a_whole_number", "«{value}»: cần một số nguyên", "«{value}»: a whole number");
pub const LABEL_NOT_PRINTED: Text =
    ("logistics.the_label_cannot_be_printed", "nhãn không in được: {other}", "the label cannot be printed: {other}");
pub const SHIPMENT_CARRIER_ONE_OF: Text = (
    "logistics.ghn_ghtk_viettelpost_vnpost_other",
    "ghn, ghtk, viettelpost, vnpost, other hoặc own",
    "ghn, ghtk, viettelpost, vnpost, other or own",
);
pub const CARRIER_NOT_CONNECTED_CHOOSE_ANOTHER: Text = (
    "logistics.is_not_connected_here_choose_another",
    "{api} chưa được kết nối, hãy chọn hãng khác",
    "{api} is not connected here: choose another carrier",
);
pub const COD_NO_HEADER_ROW: Text = (
    "logistics.no_header_row_with_a_waybill",
    "không thấy dòng tiêu đề có mã vận đơn và tiền thu hộ",
    "no header row with a waybill and a collected amount",
);
pub const NO_SSCC_LEFT: Text = (
    "logistics.no_sscc_numbers_are_left_under",
    "đã hết số SSCC của mã doanh nghiệp GS1 {prefix}",
    "no SSCC numbers are left under the GS1 company prefix {prefix}",
);
pub const PARCEL_WEIGHT_1_TO_100_000_GRAMS: Text =
    ("logistics.n_1_to_100_000_grams", "từ 1 đến 100.000 g", "1 to 100,000 grams");
pub const PARCEL_SIDE_1_TO_300_CM: Text = ("logistics.n_1_to_300_cm", "từ 1 đến 300 cm", "1 to 300 cm");
pub const ONLY_PAID_OR_CONFIRMED_ORDERS_SHIP: Text = (
    "logistics.only_paid_or_confirmed_orders_ship",
    "chỉ gửi hàng đơn đã thanh toán hoặc đã xác nhận",
    "only paid or confirmed orders ship",
);
pub const CANCEL_UNANSWERED: Text = (
    "logistics.the_carrier_did_not_answer_dacsan",
    "hãng chưa trả lời, dacsan sẽ tự hủy lại",
    "the carrier did not answer: dacsan keeps asking it to cancel",
);
pub const CARRIER_GAVE_NO_LABEL: Text = (
    "logistics.the_carrier_gave_no_label",
    "hãng chưa trả nhãn, hãy thử lại: {detail}",
    "the carrier gave no label: {detail}",
);
pub const CARRIER_HAS_THE_PARCEL: Text = (
    "logistics.the_carrier_has_the_parcel_it",
    "hãng đã nhận kiện, không hủy được",
    "the carrier has the parcel: it can no longer be cancelled",
);
pub const TRACKING_NUMBER_REQUIRED: Text =
    ("logistics.the_carrier_s_tracking_number", "cần mã vận đơn của hãng", "the carrier's tracking number");
pub const COD_ON_CANCELLED_PARCEL: Text = (
    "logistics.the_cash_to_collect_was",
    "tiền thu hộ nằm ở kiện đã hủy: hãy tạo lại vận đơn",
    "the cash to collect was on a cancelled parcel: create the shipment again",
);
pub const PARCEL_AT_COLLECTION_POINT: Text = (
    "logistics.the_parcel_is_at_the_collection",
    "kiện đang ở điểm tập kết: hãy lấy lại từ người giữ điểm trước",
    "the parcel is at the collection point: fetch it back from the keeper first",
);

pub const RATE_CARD_UNKNOWN_CARRIER: Text = (
    "logistics.rate_card_unknown_carrier",
    "không có hãng «{carrier}»: ghn, ghtk, viettelpost hoặc vnpost",
    "unknown carrier «{carrier}»: ghn, ghtk, viettelpost or vnpost",
);
pub const RATE_CARD_SERVICE_AND_NAME: Text =
    ("logistics.rate_card_service_and_name", "bảng giá cần mã dịch vụ và tên", "a card needs a service and a name");
pub const RATE_CARD_ZONE_WITHOUT_PRICES: Text =
    ("logistics.rate_card_zone_without_prices", "vùng {zone} chưa có giá", "zone {zone} has no prices");
pub const RATE_CARD_ZONE_WITHOUT_STEPS: Text =
    ("logistics.rate_card_zone_without_steps", "vùng {zone} chưa có bậc khối lượng", "zone {zone} has no weight steps");
pub const RATE_CARD_ZONE_STEPS_RISE: Text = (
    "logistics.rate_card_zone_steps_rise",
    "vùng {zone}: khối lượng phải tăng dần, phí không được giảm hay âm",
    "zone {zone}: weights must rise and fees may not fall or be negative",
);
pub const RATE_CARD_ZONE_EXTRA_STEP: Text = (
    "logistics.rate_card_zone_extra_step",
    "vùng {zone}: bậc cộng thêm cần số gam trên 0 và phí không âm",
    "zone {zone}: the extra step needs grams above 0 and a fee not below 0",
);
pub const RATE_CARD_ZONE_DAYS: Text = (
    "logistics.rate_card_zone_days",
    "vùng {zone}: từ {min} đến {max} ngày không phải một khoảng",
    "zone {zone}: days from {min} to {max} do not make a range",
);
pub const RATE_CARD_LIMITS: Text = (
    "logistics.rate_card_limits",
    "khối lượng tối đa phải trên 0, phụ phí và số ngày thêm ở vùng xa không âm",
    "max weight must be above 0, the remote surcharge and extra days not negative",
);

pub const LABEL_SOURCE_ONE_OF: Text =
    ("logistics.label_source_one_of", "«{source}»: dacsan hoặc carrier", "«{source}»: dacsan or carrier");

pub const OWN_FEE_RANGE: Text = ("logistics.own_fee_range", "từ 0 đến 10.000.000 đ", "0 to 10,000,000 đồng");
pub const OWN_AREA_ONE_OF: Text = ("logistics.own_area_one_of", "province hoặc region", "province or region");
pub const OWN_ETA_DAYS_RANGE: Text = (
    "logistics.own_eta_days_range",
    "số ngày không hợp lệ: một khoảng từ 0 đến 60",
    "days must make a range of 0 to 60",
);

pub const BOOK_NOT_XLSX: Text =
    ("logistics.book_not_xlsx", "không phải tệp Excel .xlsx", "not an Excel .xlsx workbook");
pub const BOOK_CORRUPT: Text = ("logistics.book_corrupt", "tệp Excel bị hỏng", "the workbook is corrupt");
pub const BOOK_CORRUPT_BECAUSE: Text =
    ("logistics.book_corrupt_because", "tệp Excel bị hỏng ({detail})", "the workbook is corrupt ({detail})");
pub const BOOK_ROW: Text = ("logistics.book_row", "{sheet}, dòng {line}", "{sheet}, row {line}");
pub const BOOK_NOT_A_WHOLE_NUMBER: Text = (
    "logistics.book_not_a_whole_number",
    "{place}: «{text}» không phải số nguyên",
    "{place}: «{text}» is not a whole number",
);
pub const BOOK_SHEET_MISSING: Text =
    ("logistics.book_sheet_missing", "thiếu trang «{sheet}»", "the sheet «{sheet}» is missing");
pub const BOOK_COLUMN_MISSING: Text =
    ("logistics.book_column_missing", "{sheet}: thiếu cột «{name}»", "{sheet}: the column «{name}» is missing");
pub const BOOK_UNKNOWN_ZONE: Text = (
    "logistics.book_unknown_zone",
    "{place}: vùng «{zone}» không có; same_province, same_region, near_region hoặc far",
    "{place}: unknown zone «{zone}»; same_province, same_region, near_region or far",
);
pub const BOOK_SERVICE_WITHOUT_PRICES: Text = (
    "logistics.book_service_without_prices",
    "{place}: dịch vụ «{service}» không có giá ở trang {sheet}",
    "{place}: the service «{service}» has no prices on the {sheet} sheet",
);
pub const BOOK_WITHOUT_PRICES: Text =
    ("logistics.book_without_prices", "trang {sheet} không có dòng giá nào", "the {sheet} sheet has no prices");
pub const BOOK_CARD_REFUSED: Text = ("logistics.book_card_refused", "{service}: {why}", "{service}: {why}");
pub const BOOK_UNKNOWN_SETTING: Text = (
    "logistics.book_unknown_setting",
    "{place}: «{setting}» không phải điều kiện; có: {known}",
    "{place}: unknown setting «{setting}»; known: {known}",
);

pub const BOOKING_UNANSWERED: Text = (
    "logistics.booking_unanswered",
    "hãng vận chuyển không trả lời sau {tries} lần thử, kiện chưa được gửi: hãy gửi lại hoặc chọn hãng khác",
    "the carrier did not answer after {tries} tries and the parcel is not booked: book it again or choose another carrier",
);
pub const BOOKING_OWN_ACCOUNT_REFUSED: Text = (
    "logistics.booking_own_account_refused",
    "hãng từ chối tài khoản riêng của cơ sở: kiểm tra mã token trong mục Tài khoản hãng vận chuyển",
    "the carrier refused the producer's own account: check its token under Carrier accounts",
);
pub const BOOKING_RETRIED: Text = (
    "logistics.booking_retried",
    "hãng vận chuyển chưa trả lời, dacsan sẽ tự thử lại (không tạo trùng vận đơn)",
    "the carrier did not answer: dacsan tries again by itself, and no second waybill will be made",
);
pub const BOOKING_ACCOUNT_REFUSED: Text = (
    "logistics.booking_account_refused",
    "tài khoản hãng vận chuyển bị từ chối, báo quản trị",
    "the carrier refused dacsan's account: tell an admin",
);
/// `{detail}`: the carrier's own words.
pub const BOOKING_UNSERVED: Text = (
    "logistics.booking_unserved",
    "hãng không phục vụ địa chỉ này: {detail}",
    "the carrier does not serve this address: {detail}",
);
pub const BOOKING_REJECTED: Text =
    ("logistics.booking_rejected", "hãng từ chối đơn: {detail}", "the carrier refused the parcel: {detail}");
pub const CANCEL_REFUSED: Text =
    ("logistics.cancel_refused", "hãng không cho hủy: {detail}", "the carrier will not cancel: {detail}");
pub const CANCEL_FAILED: Text =
    ("logistics.cancel_failed", "hãng không hủy: {detail}", "the carrier did not cancel: {detail}");
pub const JOB_SHIPMENT_GONE: Text =
    ("logistics.job_shipment_gone", "kiện {id} không còn", "shipment {id} does not exist");

pub const CARRIER_WITHOUT_API: Text =
    ("logistics.carrier_without_api", "{carrier} không có API", "{carrier} has no API");
pub const CARRIER_NOT_CONNECTED: Text =
    ("logistics.carrier_not_connected", "{carrier} chưa được kết nối", "{carrier} is not connected here");

pub const COD_ROW_REFUSED: Text = ("logistics.cod_row_refused", "{waybill}: {why}", "{waybill}: {why}");
pub const COD_NOT_A_DATE: Text =
    ("logistics.cod_not_a_date", "{waybill}: «{date}» không phải ngày", "{waybill}: «{date}» is not a date");

/// A carrier's notification that does not read; `{detail}` is the carrier client's reason.
pub const NOTIFICATION_UNREADABLE: Text = (
    "logistics.notification_unreadable",
    "thông báo của hãng vận chuyển sai ({detail})",
    "the carrier's notification ({detail})",
);

pub const TEXTS: &[Text] = &[
    NOTIFICATION_UNREADABLE,
    COD_ROW_REFUSED,
    COD_NOT_A_DATE,
    CARRIER_WITHOUT_API,
    CARRIER_NOT_CONNECTED,
    BOOKING_UNANSWERED,
    BOOKING_OWN_ACCOUNT_REFUSED,
    BOOKING_RETRIED,
    BOOKING_ACCOUNT_REFUSED,
    BOOKING_UNSERVED,
    BOOKING_REJECTED,
    CANCEL_REFUSED,
    CANCEL_FAILED,
    JOB_SHIPMENT_GONE,
    BOOK_NOT_XLSX,
    BOOK_CORRUPT,
    BOOK_CORRUPT_BECAUSE,
    BOOK_ROW,
    BOOK_NOT_A_WHOLE_NUMBER,
    BOOK_SHEET_MISSING,
    BOOK_COLUMN_MISSING,
    BOOK_UNKNOWN_ZONE,
    BOOK_SERVICE_WITHOUT_PRICES,
    BOOK_WITHOUT_PRICES,
    BOOK_CARD_REFUSED,
    BOOK_UNKNOWN_SETTING,
    OWN_FEE_RANGE,
    OWN_AREA_ONE_OF,
    OWN_ETA_DAYS_RANGE,
    LABEL_SOURCE_ONE_OF,
    RATE_CARD_UNKNOWN_CARRIER,
    RATE_CARD_SERVICE_AND_NAME,
    RATE_CARD_ZONE_WITHOUT_PRICES,
    RATE_CARD_ZONE_WITHOUT_STEPS,
    RATE_CARD_ZONE_STEPS_RISE,
    RATE_CARD_ZONE_EXTRA_STEP,
    RATE_CARD_ZONE_DAYS,
    RATE_CARD_LIMITS,
    PERIOD_ONE_DAY_TO_ONE_YEAR,
    CARRIER,
    CHOOSE_A_POINT_FROM_THE_LIST,
    FROM_AND_TO_AS_DATES,
    CARRIER_ONE_OF,
    ORDER,
    PRODUCER,
    SHIPMENT,
    CARRIER_NAME_REQUIRED,
    THE_FILE_IS_MISSING,
    THE_ORDER_IS_SETTLED_ALREADY,
    THE_PARCEL_HAS_NOT_COME_BACK,
    THE_PARCEL_IS_CANCELLED,
    TRACKING_NUMBER_TAKEN,
    AT_MOST_LINES,
    AT_MOST_PARCELS,
    A_WHOLE_NUMBER,
    LABEL_NOT_PRINTED,
    SHIPMENT_CARRIER_ONE_OF,
    CARRIER_NOT_CONNECTED_CHOOSE_ANOTHER,
    COD_NO_HEADER_ROW,
    NO_SSCC_LEFT,
    PARCEL_WEIGHT_1_TO_100_000_GRAMS,
    PARCEL_SIDE_1_TO_300_CM,
    ONLY_PAID_OR_CONFIRMED_ORDERS_SHIP,
    CANCEL_UNANSWERED,
    CARRIER_GAVE_NO_LABEL,
    CARRIER_HAS_THE_PARCEL,
    TRACKING_NUMBER_REQUIRED,
    COD_ON_CANCELLED_PARCEL,
    PARCEL_AT_COLLECTION_POINT,
];
