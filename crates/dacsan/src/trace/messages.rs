//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const EVENT_SEQ_FROM_1: Text = ("trace.an_event_seq_from_1", "số thứ tự sự kiện từ 1", "an event seq from 1");
pub const AT_MOST_1000_EVENTS: Text =
    ("trace.at_most_1000_events", "tối đa 1000 sự kiện mỗi lần", "at most 1000 events at a time");
pub const AT_MOST_10_FILES: Text = ("trace.at_most_10_files", "tối đa 10 tệp", "at most 10 files");
pub const AT_MOST_120_CHARACTERS: Text = ("trace.at_most_120_characters", "tối đa 120 ký tự", "at most 120 characters");
pub const AT_MOST_2000_CHARACTERS: Text =
    ("trace.at_most_2000_characters", "tối đa 2000 ký tự", "at most 2000 characters");
pub const AT_MOST_200_CHARACTERS: Text = ("trace.at_most_200_characters", "tối đa 200 ký tự", "at most 200 characters");
pub const AT_MOST_500_CHARACTERS: Text = ("trace.at_most_500_characters", "tối đa 500 ký tự", "at most 500 characters");
pub const AT_MOST_50_INPUTS: Text = ("trace.at_most_50_inputs", "tối đa 50 nguyên liệu", "at most 50 inputs");
pub const AT_MOST_80_CHARACTERS: Text = ("trace.at_most_80_characters", "tối đa 80 ký tự", "at most 80 characters");
pub const DATE_AS_YYYY_MM_DD: Text = ("trace.a_date_yyyy_mm_dd", "ngày dạng YYYY-MM-DD", "a date YYYY-MM-DD");
pub const TITLE_UP_TO_200_CHARACTERS: Text =
    ("trace.a_title_of_up_to_200", "cần tên tệp, tối đa 200 ký tự", "a title of up to 200 characters");
pub const BATCH: Text = ("trace.batch", "lô hàng", "batch");
pub const CHOOSE_THE_COMMUNE_S_PROVINCE: Text =
    ("trace.choose_the_commune_s_province", "chọn tỉnh/thành của xã", "choose the commune's province");
pub const EXPIRY_MUST_BE_AFTER_PRODUCTION: Text =
    ("trace.expiry_must_be_after_production", "hạn dùng phải sau ngày sản xuất", "expiry must be after production");
pub const FILE: Text = ("trace.file", "tệp", "file");
pub const GIVE_BOTH_LATITUDE_AND_LONGITUDE: Text =
    ("trace.give_both_latitude_and_longitude", "cần cả vĩ độ và kinh độ", "give both latitude and longitude");
pub const LATITUDE_RANGE: Text =
    ("trace.latitude_between_90_and_90", "vĩ độ từ -90 đến 90", "latitude between -90 and 90");
pub const LONGITUDE_RANGE: Text =
    ("trace.longitude_between_180_and_180", "kinh độ từ -180 đến 180", "longitude between -180 and 180");
pub const MORE_SERIALS_THAN_UNITS: Text =
    ("trace.more_serials_than_units", "số sê-ri vượt số lượng của lô", "more serials than units");
pub const NO_EVENTS: Text = ("trace.no_events", "không có sự kiện", "no events");
pub const NO_FILE_SENT: Text = ("trace.no_file_sent", "chưa chọn tệp", "no file sent");
pub const NO_SERIALS_FROM_THERE: Text =
    ("trace.no_serials_from_there", "không có số sê-ri từ vị trí này", "no serials from there");
pub const PDF_JPEG_PNG_OR_WEBP_ONLY: Text =
    ("trace.pdf_jpeg_png_or_webp_only", "chỉ nhận PDF, JPEG, PNG, WebP", "PDF, JPEG, PNG or WebP only");
pub const PRODUCT: Text = ("trace.product", "sản phẩm", "product");
pub const PRODUCTION_DATE_IS_IN_THE_FUTURE: Text =
    ("trace.production_date_is_in_the_future", "ngày sản xuất ở tương lai", "production date is in the future");
pub const PRODUCTION_DATE_YYYY_MM_DD_REQUIRED: Text = (
    "trace.production_date_yyyy_mm_dd_required",
    "cần ngày sản xuất YYYY-MM-DD",
    "production date YYYY-MM-DD required",
);
pub const QUANTITY_MUST_NOT_BE_NEGATIVE: Text =
    ("trace.quantity_must_not_be_negative", "số lượng không âm", "quantity must not be negative");
pub const QUANTITY_OF_AT_LEAST_1: Text = ("trace.quantity_of_at_least_1", "số lượng từ 1", "quantity of at least 1");
pub const RFC_3339_WITH_OFFSET: Text =
    ("trace.rfc_3339_with_offset", "dạng RFC 3339 có múi giờ, vd 2026-05-01T08:00:00+07:00", "RFC 3339 with offset");
pub const THE_CARRIER_S_NAME_IS_REQUIRED: Text =
    ("trace.the_carrier_s_name_is_required", "cần tên người/đơn vị vận chuyển", "the carrier's name is required");
pub const THE_TIME_IS_IN_THE_FUTURE: Text =
    ("trace.the_time_is_in_the_future", "thời điểm ở tương lai", "the time is in the future");
pub const UNKNOWN_LINK_TYPE: Text = (
    "trace.unknown_link_type",
    "linkType {other}: có all, gs1:pip, gs1:traceability, gs1:certificationInfo, gs1:epcis",
    "linkType {other}: available are all, gs1:pip, gs1:traceability, gs1:certificationInfo, gs1:epcis",
);
pub const CARTON_WITH_SSCC: Text = ("trace.a_carton_with_sscc", "thùng hàng SSCC {sscc}", "a carton with SSCC {sscc}");
pub const PRODUCT_WITH_GTIN: Text =
    ("trace.a_product_with_gtin", "sản phẩm có mã GTIN {gtin}", "a product with GTIN {gtin}");
pub const HANDOVER: Text = ("trace.handover", "giao nhận {handover}", "handover {handover}");
pub const LOT_REFUSED: Text = ("trace.lot", "số lô: {detail}", "lot: {detail}");
pub const LOT_OF_GTIN: Text = ("trace.lot_of_gtin", "lô {lot} của mã GTIN {gtin}", "lot {lot} of GTIN {gtin}");
pub const NO_ORIGIN_COMMUNE: Text =
    ("trace.no_commune_with_code", "không có xã mã {origin}", "no commune with code {origin}");
pub const NO_COMMUNE_WITH_CODE: Text =
    ("trace.no_commune_with_code_2", "không có xã mã {code}", "no commune with code {code}");
pub const SHEETS_1_TO_MAX: Text = ("trace.n_1", "từ 1 đến {max_sheets}", "1 to {max_sheets}");
pub const HANDOVER_DAYS_1_TO_MAX: Text = ("trace.n_1_to_days", "từ 1 đến {max_days} ngày", "1 to {max_days} days");
pub const ONE_OF: Text = ("trace.one", "một trong: {join}", "one of: {join}");
pub const SERIAL_OF_CODE: Text =
    ("trace.serial_of_code", "số sê-ri {serial} của mã {code}", "serial {serial} of code {code}");
pub const SERIAL_OF_GTIN: Text =
    ("trace.serial_of_gtin", "số sê-ri {serial} của mã GTIN {gtin}", "serial {serial} of GTIN {gtin}");
pub const THIS_BATCH_HAS_NO_FILE: Text =
    ("trace.this_batch_has_no_file", "lô này không có tệp {id}", "this batch has no file {id}");
pub const TRACEABILITY_CODE: Text = ("trace.traceability_code", "mã truy xuất {code}", "traceability code {code}");
pub const CARRIER_EVENT_KINDS: Text =
    ("trace.a_carrier_records", "người vận chuyển ghi được: {join}", "a carrier records: {join}");
pub const BATCH_ID_OR_DESCRIPTION_REQUIRED: Text =
    ("trace.batch_id_or_description_required", "cần batch_id hoặc mô tả", "batch_id or description required");
pub const EVENT_EXISTS: Text = ("trace.event_exists", "sự kiện {event_id} đã có", "event {event_id} exists");
pub const IN_THE_FUTURE: Text = ("trace.in_the_future", "ở tương lai", "in the future");
pub const NO_KNOWN_BATCH: Text = (
    "trace.names_no_batch_known_here_epclist",
    "không nêu lô hàng nào trên hệ thống",
    "names no batch known here (epcList, quantityList, childEPCs …)",
);
pub const NO_BATCH_OF_THIS_PRODUCER: Text =
    ("trace.no_batch_of_this_producer", "không có lô {id} của cơ sở này", "no batch {id} of this producer");
pub const NO_COMMUNE_THERE: Text =
    ("trace.no_commune_there", "không có xã/phường \"{name}\" ở tỉnh này", "no commune \"{name}\" there");
pub const NO_EVENT_IN_THIS_BATCH: Text =
    ("trace.no_event_in_this_batch", "lô này không có sự kiện {seq}", "no event {seq} in this batch");
pub const NO_SERIALS_IN_RANGE: Text = (
    "trace.no_serials_in_this_range_issue",
    "lô chưa có số sê-ri ở khoảng này: cấp số trước",
    "no serials in this range: issue serials first",
);
pub const SERIALS_1_TO_MAX: Text =
    ("trace.n_1_2", "từ 1 đến {max_serials_per_request}", "1 to {max_serials_per_request}");
pub const ONLY_UNITS_LEFT: Text = (
    "trace.only_units_of_this_batch_have",
    "lô chỉ còn {left} đơn vị chưa có số sê-ri",
    "only {left} units of this batch have no serial yet",
);
pub const SEVERAL_PLACES_HAVE_THIS_NAME: Text =
    ("trace.several_places_have_this_name", "có nhiều nơi tên này: {join}", "several places have this name: {join}");
pub const THIS_PRODUCT_ALREADY_HAS_LOT: Text =
    ("trace.this_product_already_has_lot", "sản phẩm đã có lô {lot}", "this product already has lot {lot}");

pub const PRODUCER: Text = ("trace.producer", "cơ sở", "producer");
/// Nouns of the answers about a carrier's link: not found, and no longer working.
pub const HANDOVER_LINK: Text = ("trace.handover_link", "liên kết giao nhận", "handover link");
pub const HANDOVER_LINK_OF: Text =
    ("trace.handover_link_of", "Liên kết giao nhận ({carrier})", "The handover link ({carrier})");
pub const FILES_UP_TO_5_MB: Text = ("trace.files_up_to_5_mb", "tệp tối đa 5 MB", "files up to 5 MB");
pub const FILE_KIND_ONE_OF: Text = (
    "trace.file_kind_one_of",
    "«{kind}»: test_result, certificate hoặc attachment",
    "«{kind}»: test_result, certificate or attachment",
);
/// An event the gs1 crate refused; `{detail}` is its reason, in English.
pub const CAPTURE_REFUSED: Text =
    ("trace.capture_refused", "sự kiện EPCIS không đọc được: {detail}", "the EPCIS event could not be read: {detail}");
pub const LABEL_LAYOUT_ONE_OF: Text =
    ("trace.label_layout_one_of", "«{layout}»: 3x7, 4x10 hoặc 5x13", "«{layout}»: 3x7, 4x10 or 5x13");
pub const LABEL_MODE_ONE_OF: Text =
    ("trace.label_mode_one_of", "«{mode}»: batch hoặc serial", "«{mode}»: batch or serial");
/// The labels crate refused the sheet; `{detail}` is its reason, in English.
pub const LABELS_NOT_PRINTED: Text =
    ("trace.labels_not_printed", "không in được nhãn: {detail}", "the labels cannot be printed: {detail}");
pub const EARLIER_THAN_RECORDED: Text = (
    "trace.earlier_than_recorded",
    "thời điểm sớm hơn sự kiện đã ghi lúc {latest}; dòng thời gian xếp theo thời điểm",
    "earlier than an event already recorded at {latest}; the timeline orders events by their time",
);

/// A path that is not an SSCC; `{detail}` is the GS1 reader's reason.
pub const NOT_AN_SSCC: Text = ("trace.not_an_sscc", "mã SSCC «{sscc}» sai ({detail})", "the SSCC «{sscc}» ({detail})");
/// A path that is not a GS1 Digital Link; `{detail}` is the GS1 reader's reason.
pub const NOT_A_DIGITAL_LINK: Text =
    ("trace.not_a_digital_link", "GS1 Digital Link sai ({detail})", "the GS1 Digital Link ({detail})");

pub const TEXTS: &[Text] = &[
    NOT_AN_SSCC,
    NOT_A_DIGITAL_LINK,
    PRODUCER,
    HANDOVER_LINK,
    HANDOVER_LINK_OF,
    FILES_UP_TO_5_MB,
    FILE_KIND_ONE_OF,
    CAPTURE_REFUSED,
    LABEL_LAYOUT_ONE_OF,
    LABEL_MODE_ONE_OF,
    LABELS_NOT_PRINTED,
    EARLIER_THAN_RECORDED,
    EVENT_SEQ_FROM_1,
    AT_MOST_1000_EVENTS,
    AT_MOST_10_FILES,
    AT_MOST_120_CHARACTERS,
    AT_MOST_2000_CHARACTERS,
    AT_MOST_200_CHARACTERS,
    AT_MOST_500_CHARACTERS,
    AT_MOST_50_INPUTS,
    AT_MOST_80_CHARACTERS,
    DATE_AS_YYYY_MM_DD,
    TITLE_UP_TO_200_CHARACTERS,
    BATCH,
    CHOOSE_THE_COMMUNE_S_PROVINCE,
    EXPIRY_MUST_BE_AFTER_PRODUCTION,
    FILE,
    GIVE_BOTH_LATITUDE_AND_LONGITUDE,
    LATITUDE_RANGE,
    LONGITUDE_RANGE,
    MORE_SERIALS_THAN_UNITS,
    NO_EVENTS,
    NO_FILE_SENT,
    NO_SERIALS_FROM_THERE,
    PDF_JPEG_PNG_OR_WEBP_ONLY,
    PRODUCT,
    PRODUCTION_DATE_IS_IN_THE_FUTURE,
    PRODUCTION_DATE_YYYY_MM_DD_REQUIRED,
    QUANTITY_MUST_NOT_BE_NEGATIVE,
    QUANTITY_OF_AT_LEAST_1,
    RFC_3339_WITH_OFFSET,
    THE_CARRIER_S_NAME_IS_REQUIRED,
    THE_TIME_IS_IN_THE_FUTURE,
    UNKNOWN_LINK_TYPE,
    CARTON_WITH_SSCC,
    PRODUCT_WITH_GTIN,
    HANDOVER,
    LOT_REFUSED,
    LOT_OF_GTIN,
    NO_ORIGIN_COMMUNE,
    NO_COMMUNE_WITH_CODE,
    SHEETS_1_TO_MAX,
    HANDOVER_DAYS_1_TO_MAX,
    ONE_OF,
    SERIAL_OF_CODE,
    SERIAL_OF_GTIN,
    THIS_BATCH_HAS_NO_FILE,
    TRACEABILITY_CODE,
    CARRIER_EVENT_KINDS,
    BATCH_ID_OR_DESCRIPTION_REQUIRED,
    EVENT_EXISTS,
    IN_THE_FUTURE,
    NO_KNOWN_BATCH,
    NO_BATCH_OF_THIS_PRODUCER,
    NO_COMMUNE_THERE,
    NO_EVENT_IN_THIS_BATCH,
    NO_SERIALS_IN_RANGE,
    SERIALS_1_TO_MAX,
    ONLY_UNITS_LEFT,
    SEVERAL_PLACES_HAVE_THIS_NAME,
    THIS_PRODUCT_ALREADY_HAS_LOT,
];
