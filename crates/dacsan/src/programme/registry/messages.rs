//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const CHOOSE_AN_XLSX_FILE: Text =
    ("programme.registry.choose_an_xlsx_file", "chọn tệp .xlsx", "choose an .xlsx file");
pub const SEND_THE_XLSX_IN_THE_FILE: Text = (
    "programme.registry.send_the_xlsx_in_the_file",
    "gửi tệp .xlsx trong trường `file`",
    "send the .xlsx in the `file` field",
);
pub const THE_FILE_IS_TOO_LARGE: Text =
    ("programme.registry.the_file_is_too_large", "tệp quá lớn (tối đa 25 MB)", "the file is too large (at most 25 MB)");
pub const THE_REQUEST_BODY_IS_EMPTY: Text =
    ("programme.registry.the_request_body_is_empty", "thân yêu cầu trống", "the request body is empty");
pub const UPLOAD: Text = ("programme.registry.upload", "tệp", "upload");
pub const ANOTHER_IMPORT_WROTE_THE_SAME_PRODUCERS: Text = (
    "programme.registry.another_import_wrote_the_same_producers",
    "một lần nhập khác vừa ghi cùng các cơ sở này; hãy nhập lại",
    "another import wrote the same producers just now; import again",
);

pub const WORKBOOK_25_MB: Text =
    ("programme.registry.workbook_25_mb", "sổ đăng ký (tối đa 25 MB)", "the registry workbook (25 MB at most)");

// The report's lines: where a problem is.
pub const ROW_NUMBER: Text = ("programme.registry.row_number", "dòng {row}", "row {row}");

// Reading the file (whole-file problems).
pub const FILE_TOO_LARGE_SPLIT_IT: Text = (
    "programme.registry.file_too_large_split_it",
    "tệp quá lớn ({size_mb} MB, tối đa {max_mb} MB): hãy chia thành nhiều tệp",
    "the file is too large ({size_mb} MB, at most {max_mb} MB): split it",
);
pub const OLD_XLS_FILE: Text = (
    "programme.registry.old_xls_file",
    "đây là tệp Excel cũ (.xls): hãy mở và lưu lại dạng .xlsx",
    "this is an old Excel file (.xls): save it as .xlsx",
);
pub const NOT_AN_XLSX_WORKBOOK: Text =
    ("programme.registry.not_an_xlsx_workbook", "không phải tệp Excel .xlsx", "not an Excel .xlsx workbook");
pub const CORRUPT_WORKBOOK: Text = (
    "programme.registry.corrupt_workbook",
    "tệp Excel bị hỏng, không đọc được",
    "the workbook is corrupt and cannot be read",
);
/// `{detail}`: what the workbook reader (calamine) said.
pub const CORRUPT_WORKBOOK_DETAIL: Text = (
    "programme.registry.corrupt_workbook_detail",
    "tệp Excel bị hỏng, không đọc được ({detail})",
    "the workbook is corrupt and cannot be read ({detail})",
);
pub const SHEET_MISSING: Text = (
    "programme.registry.sheet_missing",
    "thiếu trang \"{sheet}\"; các trang trong tệp: {sheets}",
    "the sheet \"{sheet}\" ({english}) is missing; sheets in the file: {sheets}",
);
pub const MORE_ROWS_THAN_ALLOWED: Text = (
    "programme.registry.more_rows_than_allowed",
    "quá {max} dòng: hãy chia thành nhiều tệp",
    "more than {max} rows: split the file",
);
pub const MISSING_COLUMNS: Text =
    ("programme.registry.missing_columns", "thiếu cột {columns}", "missing columns: {columns}");
pub const NO_HEADER_ROW: Text = (
    "programme.registry.no_header_row",
    "không thấy dòng tiêu đề trong {rows} dòng đầu; cần các cột {columns}",
    "no header row in the first {rows} rows; required columns: {columns}",
);
pub const HEADER_REPEATED: Text = (
    "programme.registry.header_repeated",
    "cột {column} trùng tên, chỉ dùng cột đầu tiên",
    "column {column} repeats this header; only the first is read",
);
pub const MERGED_CELLS: Text = (
    "programme.registry.merged_cells",
    "ô gộp {cells}: hãy bỏ gộp và điền giá trị vào từng dòng",
    "merged cells {cells}: unmerge them and fill every row",
);
/// `{detail}`: the error value Excel shows (`#DIV/0!`).
pub const FORMULA_RESULT_IS_AN_ERROR: Text = (
    "programme.registry.formula_result_is_an_error",
    "công thức cho kết quả lỗi {detail}",
    "the formula's result is the error {detail}",
);
/// `{detail}`: the error value Excel shows (`#N/A`).
pub const CELL_HOLDS_AN_ERROR: Text =
    ("programme.registry.cell_holds_an_error", "ô lỗi {detail}", "the cell holds the error {detail}");
pub const FORMULA_WITHOUT_A_VALUE: Text = (
    "programme.registry.formula_without_a_value",
    "công thức chưa có giá trị đã tính: mở tệp bằng Excel và lưu lại",
    "the formula has no computed value: open the file in Excel and save it",
);
pub const FORMULAS_COMPUTED_VALUES_USED: Text = (
    "programme.registry.formulas_computed_values_used",
    "{count} ô có công thức (từ dòng {first}): dùng giá trị đã tính",
    "{count} cells hold formulas (from row {first}): their computed values are used",
);
pub const TOTALS_ROW_SKIPPED: Text = (
    "programme.registry.totals_row_skipped",
    "dòng tổng cộng, không phải một cơ sở hay sản phẩm: bỏ qua",
    "a totals row, not a producer or a product: skipped",
);
pub const SIGNATURE_BLOCK_SKIPPED: Text = (
    "programme.registry.signature_block_skipped",
    "phần ký tên cuối báo cáo (đến dòng {last_row}): bỏ qua",
    "the report's signature block (to row {last_row}): skipped",
);

// A cell's value.
pub const REQUIRED_BUT_EMPTY: Text =
    ("programme.registry.required_but_empty", "bắt buộc, đang trống", "required, but empty");
pub const AT_MOST_CHARACTERS: Text =
    ("programme.registry.at_most_characters", "tối đa {max} ký tự", "at most {max} characters");
pub const CHARACTERS_BETWEEN: Text =
    ("programme.registry.characters_between", "cần từ {min} đến {max} ký tự", "{min} to {max} characters");
/// A helper's reason (`{why}`: a phone number, a tax code, an e-mail) for a cell's text.
pub const CELL_REFUSED: Text = ("programme.registry.cell_refused", "\"{text}\": {why}", "\"{text}\": {why}");
pub const WRITE_YES_OR_NO: Text = (
    "programme.registry.write_yes_or_no",
    "\"{text}\": chỉ ghi Có hoặc Không",
    "\"{text}\": write Có (yes) or Không (no)",
);
pub const WRITE_YES_NO_OR_STORE_LINK: Text = (
    "programme.registry.write_yes_no_or_store_link",
    "\"{text}\": ghi Có, Không hoặc đường link gian hàng",
    "\"{text}\": write Có (yes), Không (no) or the store's link",
);
pub const WRITE_YES_NO_OR_DAY_COMPLETED: Text = (
    "programme.registry.write_yes_no_or_day_completed",
    "\"{text}\": ghi Có, Không hoặc ngày hoàn thành",
    "\"{text}\": write Có (yes), Không (no) or the day completed",
);
pub const NOT_A_DATE: Text = (
    "programme.registry.not_a_date",
    "\"{text}\" không phải ngày (ví dụ 05/03/2024)",
    "\"{text}\" is not a date (e.g. 05/03/2024 for 5 March 2024)",
);
pub const STARS_ARE_3_4_OR_5: Text = (
    "programme.registry.stars_are_3_4_or_5",
    "\"{text}\": số sao chỉ là 3, 4 hoặc 5 (hoặc để trống)",
    "\"{text}\": OCOP stars are 3, 4 or 5 (or empty)",
);
pub const NOT_AN_AMOUNT: Text =
    ("programme.registry.not_an_amount", "\"{text}\" không phải số tiền (đồng)", "\"{text}\" is not an amount in đồng");
pub const PRICE_IN_WHOLE_DONG: Text = (
    "programme.registry.price_in_whole_dong",
    "\"{text}\": giá phải là số đồng nguyên, tối đa 10 tỷ",
    "\"{text}\": the price must be whole đồng, at most 10 billion",
);
pub const CHOOSE_A_PRODUCER_KIND: Text = (
    "programme.registry.choose_a_producer_kind",
    "\"{text}\": chọn Doanh nghiệp, Hợp tác xã, Tổ hợp tác hoặc Hộ kinh doanh (DN, HTX, THT, HKD)",
    "\"{text}\": choose Doanh nghiệp (enterprise), Hợp tác xã (cooperative), Tổ hợp tác (cooperative group) or Hộ kinh doanh (household business): DN, HTX, THT, HKD",
);
pub const CHOOSE_A_CLASS: Text = (
    "programme.registry.choose_a_class",
    "\"{text}\": chọn OCOP, CNNT tiêu biểu hoặc Nông sản mùa vụ",
    "\"{text}\": choose OCOP, CNNT tiêu biểu or Nông sản mùa vụ",
);
pub const UNIT_AT_MOST_CHARACTERS: Text = (
    "programme.registry.unit_at_most_characters",
    "tối đa {max} ký tự (ví dụ: hộp 200 g)",
    "at most {max} characters (e.g. box 200 g)",
);
pub const NAME_NEEDS_LETTERS_OR_DIGITS: Text =
    ("programme.registry.name_needs_letters_or_digits", "tên cần có chữ hoặc số", "the name needs letters or digits");

// Places.
pub const NOT_YOUR_PROVINCE: Text = (
    "programme.registry.not_your_province",
    "bạn không phụ trách {province}; hãy nhờ quản trị viên",
    "you do not oversee {province}; ask an administrator",
);
pub const NO_SUCH_PROVINCE: Text = (
    "programme.registry.no_such_province",
    "không có tỉnh \"{text}\" (tên mới, tên cũ hoặc mã)",
    "no province \"{text}\" (new or old name, or code)",
);
pub const PRE_2025_COMMUNE_NAME: Text = (
    "programme.registry.pre_2025_commune_name",
    "\"{text}\" là tên cũ, nay thuộc {commune} (mã {code})",
    "\"{text}\" is a pre-2025 name, now {commune} (code {code})",
);
pub const NO_SUCH_COMMUNE: Text = (
    "programme.registry.no_such_commune",
    "không có xã \"{text}\" trong {province} (kể cả tên trước 2025)",
    "no commune \"{text}\" in {province}, old names included",
);
pub const SEVERAL_COMMUNES: Text = (
    "programme.registry.several_communes",
    "\"{text}\" có thể là {communes}: ghi tên xã mới hoặc mã",
    "\"{text}\" could be {communes}: write the new name or the code",
);

// Product sets.
/// One product set of a list: its name in each language, and its code.
pub const PRODUCT_SET: Text = ("programme.registry.product_set", "\"{name}\" ({code})", "\"{name_en}\" ({code})");
pub const SEVERAL_PRODUCT_SETS: Text = (
    "programme.registry.several_product_sets",
    "\"{text}\" có thể là nhiều nhóm: {sets}",
    "\"{text}\" could be several product sets: {sets}",
);
pub const SECTOR_NOT_A_SET: Text = (
    "programme.registry.sector_not_a_set",
    "\"{text}\" là ngành, không phải nhóm: tạm xếp vào \"{name}\", hãy ghi rõ nhóm",
    "\"{text}\" is a sector, not a product set: filed under \"{name_en}\"; name the set",
);
pub const NOT_AN_OCOP_PRODUCT_SET: Text = (
    "programme.registry.not_an_ocop_product_set",
    "\"{text}\" không phải nhóm sản phẩm OCOP (xem trang Hướng dẫn)",
    "\"{text}\" is not an OCOP product set (see the Hướng dẫn sheet)",
);
pub const SET_REQUIRED_FOR_A_NEW_PRODUCT: Text = (
    "programme.registry.set_required_for_a_new_product",
    "bắt buộc với sản phẩm mới (một trong 26 nhóm OCOP)",
    "required for a new product (one of the 26 OCOP product sets)",
);
pub const CLASS_REQUIRED_WITHOUT_STARS: Text = (
    "programme.registry.class_required_without_stars",
    "ghi OCOP, CNNT tiêu biểu hoặc Nông sản mùa vụ (sản phẩm chưa có sao)",
    "write OCOP, CNNT tiêu biểu or Nông sản mùa vụ (the product has no stars)",
);

// Platforms and their links.
pub const UNKNOWN_PLATFORMS: Text = (
    "programme.registry.unknown_platforms",
    "không biết sàn {unknown}; các sàn: {known}",
    "unknown platforms {unknown}; known: {known}",
);
pub const TWO_LINKS_FOR_ONE_PLATFORM: Text =
    ("programme.registry.two_links_for_one_platform", "hai link cho {platform}", "two links for {platform}");
pub const LINK_ADDS_ITS_PLATFORM: Text = (
    "programme.registry.link_adds_its_platform",
    "link {link} là của {platform}, sàn này được thêm vào",
    "the link {link} is on {platform}, which was added",
);
pub const LINK_WITHOUT_A_PLATFORM: Text = (
    "programme.registry.link_without_a_platform",
    "không biết link {link} thuộc sàn nào: ghi tên sàn vào cột Sàn TMĐT",
    "which platform is {link} on? name it in the Platforms column",
);

// The OCOP certificate.
pub const NO_STARS_DECISION_UNUSED: Text = (
    "programme.registry.no_stars_decision_unused",
    "không có sao nên số quyết định và ngày không được dùng",
    "no stars, so the decision and its dates are not used",
);
pub const REQUIRED_WITH_OCOP_STARS: Text =
    ("programme.registry.required_with_ocop_stars", "bắt buộc khi có sao OCOP", "required with OCOP stars");
pub const BEFORE_THE_ISSUE_DATE: Text =
    ("programme.registry.before_the_issue_date", "trước ngày cấp", "before the issue date");
/// `{day}`: the expiry as Vietnamese write it (05/03/2027); `{date}`: as ISO 8601.
pub const EXPIRY_COMPUTED: Text = (
    "programme.registry.expiry_computed",
    "trống: tính {months} tháng từ ngày cấp, hết hạn {day}",
    "empty: {months} months from the issue date, expires {date}",
);

// Rows and their producers.
pub const PRODUCER_ID_REPEATS_ROW: Text = (
    "programme.registry.producer_id_repeats_row",
    "trùng Mã cơ sở \"{code}\" với dòng {first}",
    "the producer ID \"{code}\" repeats row {first}",
);
pub const PRODUCT_REPEATS_ROW: Text = (
    "programme.registry.product_repeats_row",
    "sản phẩm \"{name}\" của cơ sở \"{code}\" trùng với dòng {first}",
    "the product \"{name}\" of producer \"{code}\" repeats row {first}",
);
pub const NO_PHONE_NUMBER: Text = (
    "programme.registry.no_phone_number",
    "chưa có số điện thoại: tổ công tác sẽ khó liên hệ",
    "no phone number: the task force cannot call",
);
pub const PRODUCER_ID_IN_SEVERAL_PROVINCES_OF_THE_FILE: Text = (
    "programme.registry.producer_id_in_several_provinces_of_the_file",
    "Mã cơ sở \"{code}\" có ở nhiều tỉnh trong tệp ({provinces})",
    "the producer ID \"{code}\" is used in several provinces in the file ({provinces})",
);
pub const SKIPPED_WITH_ITS_PRODUCER: Text = (
    "programme.registry.skipped_with_its_producer",
    "bỏ qua: cơ sở \"{code}\" (trang Cơ sở, dòng {rows}) có lỗi",
    "skipped: its producer \"{code}\" (Cơ sở sheet, row {rows}) has errors",
);
pub const PRODUCER_IN_ANOTHER_PROVINCE: Text = (
    "programme.registry.producer_in_another_province",
    "cơ sở \"{code}\" thuộc tỉnh bạn không phụ trách",
    "the producer \"{code}\" is in a province you do not oversee",
);
pub const NO_SUCH_PRODUCER: Text = (
    "programme.registry.no_such_producer",
    "không có cơ sở mã \"{code}\" ở trang Cơ sở hay trên hệ thống",
    "no producer \"{code}\" on the Cơ sở sheet or in the system",
);
pub const PRODUCER_ID_IN_SEVERAL_PROVINCES: Text = (
    "programme.registry.producer_id_in_several_provinces",
    "Mã cơ sở \"{code}\" có ở nhiều tỉnh ({provinces}): thêm cơ sở vào trang Cơ sở để chỉ rõ",
    "the producer ID \"{code}\" exists in several provinces ({provinces}): add the producer to the Cơ sở sheet",
);

// Notes of the report.
pub const PLATFORMS_NOT_DELISTED: Text = (
    "programme.registry.platforms_not_delisted",
    "Sàn không còn ghi trong tệp không bị tự động gỡ ({count} kênh bán như vậy); gỡ ở trang Kênh bán.",
    "Platforms no longer named are not delisted automatically ({count} such listings); delist them on the Channels page.",
);
pub const NEW_PRODUCTS_ARE_DRAFTS: Text = (
    "programme.registry.new_products_are_drafts",
    "Sản phẩm mới là bản nháp trong sổ đăng ký: chỉ bán trên sàn khi người bán của cơ sở nhập giá, tồn kho, ảnh và bật bán.",
    "New products are registry drafts: on sale only once a seller of the producer sets price, stock and photos and activates them.",
);

pub const TEXTS: &[Text] = &[
    WORKBOOK_25_MB,
    ANOTHER_IMPORT_WROTE_THE_SAME_PRODUCERS,
    CHOOSE_AN_XLSX_FILE,
    SEND_THE_XLSX_IN_THE_FILE,
    THE_FILE_IS_TOO_LARGE,
    THE_REQUEST_BODY_IS_EMPTY,
    UPLOAD,
    ROW_NUMBER,
    FILE_TOO_LARGE_SPLIT_IT,
    OLD_XLS_FILE,
    NOT_AN_XLSX_WORKBOOK,
    CORRUPT_WORKBOOK,
    CORRUPT_WORKBOOK_DETAIL,
    SHEET_MISSING,
    MORE_ROWS_THAN_ALLOWED,
    MISSING_COLUMNS,
    NO_HEADER_ROW,
    HEADER_REPEATED,
    MERGED_CELLS,
    FORMULA_RESULT_IS_AN_ERROR,
    CELL_HOLDS_AN_ERROR,
    FORMULA_WITHOUT_A_VALUE,
    FORMULAS_COMPUTED_VALUES_USED,
    TOTALS_ROW_SKIPPED,
    SIGNATURE_BLOCK_SKIPPED,
    REQUIRED_BUT_EMPTY,
    AT_MOST_CHARACTERS,
    CHARACTERS_BETWEEN,
    CELL_REFUSED,
    WRITE_YES_OR_NO,
    WRITE_YES_NO_OR_STORE_LINK,
    WRITE_YES_NO_OR_DAY_COMPLETED,
    NOT_A_DATE,
    STARS_ARE_3_4_OR_5,
    NOT_AN_AMOUNT,
    PRICE_IN_WHOLE_DONG,
    CHOOSE_A_PRODUCER_KIND,
    CHOOSE_A_CLASS,
    UNIT_AT_MOST_CHARACTERS,
    NAME_NEEDS_LETTERS_OR_DIGITS,
    NOT_YOUR_PROVINCE,
    NO_SUCH_PROVINCE,
    PRE_2025_COMMUNE_NAME,
    NO_SUCH_COMMUNE,
    SEVERAL_COMMUNES,
    PRODUCT_SET,
    SEVERAL_PRODUCT_SETS,
    SECTOR_NOT_A_SET,
    NOT_AN_OCOP_PRODUCT_SET,
    SET_REQUIRED_FOR_A_NEW_PRODUCT,
    CLASS_REQUIRED_WITHOUT_STARS,
    UNKNOWN_PLATFORMS,
    TWO_LINKS_FOR_ONE_PLATFORM,
    LINK_ADDS_ITS_PLATFORM,
    LINK_WITHOUT_A_PLATFORM,
    NO_STARS_DECISION_UNUSED,
    REQUIRED_WITH_OCOP_STARS,
    BEFORE_THE_ISSUE_DATE,
    EXPIRY_COMPUTED,
    PRODUCER_ID_REPEATS_ROW,
    PRODUCT_REPEATS_ROW,
    NO_PHONE_NUMBER,
    PRODUCER_ID_IN_SEVERAL_PROVINCES_OF_THE_FILE,
    SKIPPED_WITH_ITS_PRODUCER,
    PRODUCER_IN_ANOTHER_PROVINCE,
    NO_SUCH_PRODUCER,
    PRODUCER_ID_IN_SEVERAL_PROVINCES,
    PLATFORMS_NOT_DELISTED,
    NEW_PRODUCTS_ARE_DRAFTS,
];
