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
pub const GHN_GHTK_VIETTELPOST_OR_VNPOST_2: Text = (
    "logistics.ghn_ghtk_viettelpost_or_vnpost_2",
    "ghn, ghtk, viettelpost hoặc vnpost",
    "ghn, ghtk, viettelpost or vnpost",
);
pub const GHN_GHTK_VIETTELPOST_VNPOST_OTHER: Text = (
    "logistics.ghn_ghtk_viettelpost_vnpost_other",
    "ghn, ghtk, viettelpost, vnpost, other hoặc own",
    "ghn, ghtk, viettelpost, vnpost, other or own",
);
pub const IS_NOT_CONNECTED_HERE_CHOOSE_ANOTHER: Text = (
    "logistics.is_not_connected_here_choose_another",
    "{api} chưa được kết nối, hãy chọn hãng khác",
    "{api} is not connected here: choose another carrier",
);
pub const NO_HEADER_ROW_WITH_A_WAYBILL: Text = (
    "logistics.no_header_row_with_a_waybill",
    "không thấy dòng tiêu đề có mã vận đơn và tiền thu hộ",
    "no header row with a waybill and a collected amount",
);
pub const NO_SSCC_NUMBERS_ARE_LEFT_UNDER: Text = (
    "logistics.no_sscc_numbers_are_left_under",
    "đã hết số SSCC của mã doanh nghiệp GS1 {prefix}",
    "no SSCC numbers are left under the GS1 company prefix {prefix}",
);
pub const N_1_TO_100_000_GRAMS: Text = ("logistics.n_1_to_100_000_grams", "từ 1 đến 100.000 g", "1 to 100,000 grams");
pub const N_1_TO_300_CM: Text = ("logistics.n_1_to_300_cm", "từ 1 đến 300 cm", "1 to 300 cm");
pub const ONLY_PAID_OR_CONFIRMED_ORDERS_SHIP: Text = (
    "logistics.only_paid_or_confirmed_orders_ship",
    "chỉ gửi hàng đơn đã thanh toán hoặc đã xác nhận",
    "only paid or confirmed orders ship",
);
pub const THE_CARRIER_DID_NOT_ANSWER_DACSAN: Text = (
    "logistics.the_carrier_did_not_answer_dacsan",
    "hãng chưa trả lời, dacsan sẽ tự hủy lại",
    "the carrier did not answer: dacsan keeps asking it to cancel",
);
pub const THE_CARRIER_GAVE_NO_LABEL: Text = (
    "logistics.the_carrier_gave_no_label",
    "hãng chưa trả nhãn, hãy thử lại: {err}",
    "the carrier gave no label: {err}",
);
pub const THE_CARRIER_HAS_THE_PARCEL_IT: Text = (
    "logistics.the_carrier_has_the_parcel_it",
    "hãng đã nhận kiện, không hủy được",
    "the carrier has the parcel: it can no longer be cancelled",
);
pub const THE_CARRIER_S_TRACKING_NUMBER: Text =
    ("logistics.the_carrier_s_tracking_number", "cần mã vận đơn của hãng", "the carrier's tracking number");
pub const THE_CASH_TO_COLLECT_WAS: Text = (
    "logistics.the_cash_to_collect_was",
    "tiền thu hộ nằm ở kiện đã hủy: hãy tạo lại vận đơn",
    "the cash to collect was on a cancelled parcel: create the shipment again",
);
pub const THE_PARCEL_IS_AT_THE_COLLECTION: Text = (
    "logistics.the_parcel_is_at_the_collection",
    "kiện đang ở điểm tập kết: hãy lấy lại từ người giữ điểm trước",
    "the parcel is at the collection point: fetch it back from the keeper first",
);

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
    GHN_GHTK_VIETTELPOST_OR_VNPOST_2,
    GHN_GHTK_VIETTELPOST_VNPOST_OTHER,
    IS_NOT_CONNECTED_HERE_CHOOSE_ANOTHER,
    NO_HEADER_ROW_WITH_A_WAYBILL,
    NO_SSCC_NUMBERS_ARE_LEFT_UNDER,
    N_1_TO_100_000_GRAMS,
    N_1_TO_300_CM,
    ONLY_PAID_OR_CONFIRMED_ORDERS_SHIP,
    THE_CARRIER_DID_NOT_ANSWER_DACSAN,
    THE_CARRIER_GAVE_NO_LABEL,
    THE_CARRIER_HAS_THE_PARCEL_IT,
    THE_CARRIER_S_TRACKING_NUMBER,
    THE_CASH_TO_COLLECT_WAS,
    THE_PARCEL_IS_AT_THE_COLLECTION,
];
