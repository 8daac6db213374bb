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

pub const TEXTS: &[Text] = &[
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
];
