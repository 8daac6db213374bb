//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const ATTENDANCE_LINE: Text = ("programme.training.attendance_line", "dòng điểm danh", "attendance line");
pub const CHOOSE_THE_LIST_FILE_XLSX: Text = (
    "programme.training.choose_the_list_file_xlsx",
    "Chọn tệp danh sách (.xlsx hoặc .csv)",
    "choose the list file (.xlsx or .csv)",
);
pub const COURSE: Text = ("programme.training.course", "khóa học", "course");
pub const COURSE_TITLE_REQUIRED: Text =
    ("programme.training.course_title_required", "Tên khóa học: bắt buộc", "course title: required");
pub const PILLAR_REQUIRED: Text = ("programme.training.pillar_required", "Trụ cột: bắt buộc", "pillar: required");
pub const PRODUCER_ID_MISSING: Text =
    ("programme.training.producer_id_missing", "thiếu mã số cơ sở", "producer id missing");
pub const PRODUCER_REQUIRED_REGISTRY_CODE_OR_NAME: Text = (
    "programme.training.producer_required_registry_code_or_name",
    "Cơ sở: bắt buộc (mã cơ sở hoặc tên)",
    "producer: required (registry code or name)",
);
pub const SEND_THE_LIST_IN_THE_FILE: Text = (
    "programme.training.send_the_list_in_the_file",
    "gửi danh sách trong trường `file`",
    "send the list in the `file` field",
);
pub const SESSION: Text = ("programme.training.session", "buổi học", "session");
pub const SESSION_DATE_REQUIRED: Text =
    ("programme.training.session_date_required", "Ngày học: bắt buộc", "session date: required");
pub const THE_FILE_IS_EMPTY: Text = ("programme.training.the_file_is_empty", "tệp trống", "the file is empty");
pub const NO_HEADER_ROW: Text = (
    "programme.training.no_header_row_with_a_m",
    "không thấy dòng tiêu đề có cột «Mã cơ sở» hoặc «Tên cơ sở»",
    "no header row with a «Mã cơ sở» (registry code) or «Tên cơ sở» (producer name) column",
);
pub const ROW_PROBLEM: Text =
    ("programme.training.row", "dòng {row}, {column}: {message}", "row {row}, {column}: {message}");
pub const TOO_MANY_ROWS: Text = (
    "programme.training.too_many_rows_at_most",
    "quá nhiều dòng ({len}; tối đa {max_rows})",
    "too many rows ({len}; at most {max_rows})",
);
pub const UNKNOWN_PILLAR: Text = (
    "programme.training.unknown_pillar_go_online_go_export",
    "Trụ cột «{p}» không có",
    "unknown pillar «{p}» (go_online, go_export, go_ai, go_right, packaging_delivery)",
);

pub const NO_CODE_NOR_NAME: Text = (
    "programme.training.no_code_nor_name",
    "thiếu «{code}» và «{name}»",
    "no registry code («{code}») and no producer name («{name}»)",
);
pub const COMPLETED_EMPTY: Text =
    ("programme.training.completed_empty", "trống: ghi Có hoặc Không", "empty: write Có (yes) or Không (no)");
pub const COMPLETED_YES_NO: Text =
    ("programme.training.completed_yes_no", "«{text}»: ghi Có hoặc Không", "«{text}»: write Có (yes) or Không (no)");
pub const ATTENDEE_TOO_LONG: Text =
    ("programme.training.attendee_too_long", "tối đa {max} ký tự", "at most {max} characters");
pub const DUPLICATE_ROW: Text = (
    "programme.training.duplicate_row",
    "trùng với dòng {first} (cùng cơ sở, cùng người học)",
    "duplicate of row {first} (same producer and attendee)",
);
pub const PRODUCER_OF_ANOTHER_PROVINCE: Text = (
    "programme.training.producer_of_another_province",
    "cơ sở số {id} thuộc {other}, không thuộc tỉnh này",
    "producer {id} belongs to another province ({other})",
);
pub const NO_PRODUCER_WITH_ID: Text =
    ("programme.training.no_producer_with_id", "không có cơ sở số {id}", "no producer with id {id}");
pub const PRODUCER_ID_CODE_OR_NAME: Text = (
    "programme.training.producer_id_code_or_name",
    "cần producer_id, registry_code hoặc producer_name",
    "producer_id, registry_code or producer_name required",
);
pub const ATTENDANCE_LIST_8_MB: Text =
    ("programme.training.attendance_list_8_mb", "danh sách (tối đa 8 MB)", "the attendance list (8 MB at most)");

/// Names of fields, as messages about them begin.
pub const TITLE_LABEL: Text = ("programme.training.title_label", "Tên khóa học", "course title");
pub const SESSION_DATE_LABEL: Text = ("programme.training.session_date_label", "Ngày học", "session date");
pub const PLACE_LABEL: Text = ("programme.training.place_label", "Địa điểm", "place");
pub const TRAINER_LABEL: Text = ("programme.training.trainer_label", "Giảng viên", "trainer");

pub const TEXTS: &[Text] = &[
    TITLE_LABEL,
    SESSION_DATE_LABEL,
    PLACE_LABEL,
    TRAINER_LABEL,
    ATTENDANCE_LIST_8_MB,
    NO_CODE_NOR_NAME,
    COMPLETED_EMPTY,
    COMPLETED_YES_NO,
    ATTENDEE_TOO_LONG,
    DUPLICATE_ROW,
    PRODUCER_OF_ANOTHER_PROVINCE,
    NO_PRODUCER_WITH_ID,
    PRODUCER_ID_CODE_OR_NAME,
    ATTENDANCE_LINE,
    CHOOSE_THE_LIST_FILE_XLSX,
    COURSE,
    COURSE_TITLE_REQUIRED,
    PILLAR_REQUIRED,
    PRODUCER_ID_MISSING,
    PRODUCER_REQUIRED_REGISTRY_CODE_OR_NAME,
    SEND_THE_LIST_IN_THE_FILE,
    SESSION,
    SESSION_DATE_REQUIRED,
    THE_FILE_IS_EMPTY,
    NO_HEADER_ROW,
    ROW_PROBLEM,
    TOO_MANY_ROWS,
    UNKNOWN_PILLAR,
];
