//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const NOTE: Text = ("programme.support.note", "ghi chú", "note");
pub const NOTE_REQUIRED: Text = ("programme.support.note_required", "Ghi chú: bắt buộc", "note: required");
pub const PRODUCER: Text = ("programme.support.producer", "cơ sở", "producer");
pub const PRODUCER_REQUIRED_REGISTRY_CODE_OR_NAME: Text = (
    "programme.support.producer_required_registry_code_or_name",
    "Cơ sở: bắt buộc (mã cơ sở hoặc tên)",
    "producer: required (registry code or name)",
);
pub const SUPPORT_CASE: Text = ("programme.support.support_case", "hồ sơ hỗ trợ", "support case");
pub const TOPIC_REQUIRED: Text = ("programme.support.topic_required", "Nội dung hỗ trợ: bắt buộc", "topic: required");
pub const FIELD_AT_MOST_CHARACTERS: Text =
    ("programme.support.at_most_characters", "{label}: tối đa {max} ký tự", "{label}: at most {max} characters");
pub const IS_NOT_AN_ID: Text =
    ("programme.support.is_not_an_id", "«{value}» không phải mã số", "«{value}» is not an id");
pub const NO_PRODUCER_WITH_ID: Text =
    ("programme.support.no_producer_with_id", "không có cơ sở số {id}", "no producer with id {id}");
pub const OWNER_IS_A_USER_ID: Text =
    ("programme.support.owner_a_user_id", "Người phụ trách «{o}»: cần mã số người dùng", "owner «{o}»: a user id");
pub const PRODUCER_NOT_FOUND: Text =
    ("programme.support.producer_not_found", "Cơ sở: {message}", "producer: {message}");
pub const UNKNOWN_STATUS: Text =
    ("programme.support.unknown_status", "Trạng thái «{s}» không có", "unknown status «{s}»");
pub const UNKNOWN_TOPIC: Text =
    ("programme.support.unknown_topic", "Nội dung hỗ trợ «{t}» không có", "unknown topic «{t}»");
pub const OWNER_IS_NOT_AN_OFFICER: Text = (
    "programme.support.owner_is_not_an_officer",
    "Người phụ trách số {owner_user_id} không phải cán bộ của tỉnh",
    "owner {owner_user_id} is not an officer of the province",
);
pub const PRODUCER_IS_NOT_OF_PROVINCE: Text = (
    "programme.support.producer_is_not_of_province",
    "cơ sở số {id} không thuộc tỉnh {asked}",
    "producer {id} is not of province {asked}",
);
pub const UNKNOWN_STATUS_ONE_OF: Text = (
    "programme.support.unknown_status_open_in_progress_done",
    "Trạng thái «{s}» không có",
    "unknown status «{s}» (open, in_progress, done, cancelled)",
);
pub const UNKNOWN_TOPIC_ONE_OF: Text = (
    "programme.support.unknown_topic_open_store_payment_account",
    "Nội dung hỗ trợ «{t}» không có",
    "unknown topic «{t}» (open_store, payment_account, packaging, photos, livestream, other)",
);
pub const FIELD_UNREADABLE_DATE: Text = (
    "programme.support.unreadable_date_yyyy_mm_dd",
    "{label}: không đọc được ngày «{value}» (YYYY-MM-DD hoặc dd/mm/yyyy)",
    "{label}: unreadable date «{value}» (YYYY-MM-DD or dd/mm/yyyy)",
);

pub const SEVERAL_PRODUCERS_NAMED: Text = (
    "programme.support.several_producers_named",
    "có {n} cơ sở tên «{shown}» trong tỉnh: thêm Mã cơ sở hoặc Điện thoại",
    "{n} producers of the province are named «{shown}»: add the registry code or the phone",
);
pub const PRODUCER_OF_ANOTHER_PROVINCE: Text = (
    "programme.support.producer_of_another_province",
    "cơ sở «{shown}» thuộc {other}, không thuộc tỉnh này",
    "producer «{shown}» belongs to another province ({other})",
);
pub const NO_PRODUCER_IN_PROVINCE: Text = (
    "programme.support.no_producer_in_province",
    "không có cơ sở «{shown}» trong tỉnh",
    "no producer «{shown}» in this province",
);

/// Names of fields, as messages about them begin.
pub const TITLE_LABEL: Text = ("programme.support.title_label", "Tiêu đề", "title");
pub const DUE_ON_LABEL: Text = ("programme.support.due_on_label", "Hạn", "due date");
pub const NOTE_LABEL: Text = ("programme.support.note_label", "Ghi chú", "note");

pub const TEXTS: &[Text] = &[
    TITLE_LABEL,
    DUE_ON_LABEL,
    NOTE_LABEL,
    SEVERAL_PRODUCERS_NAMED,
    PRODUCER_OF_ANOTHER_PROVINCE,
    NO_PRODUCER_IN_PROVINCE,
    NOTE,
    NOTE_REQUIRED,
    PRODUCER,
    PRODUCER_REQUIRED_REGISTRY_CODE_OR_NAME,
    SUPPORT_CASE,
    TOPIC_REQUIRED,
    FIELD_AT_MOST_CHARACTERS,
    IS_NOT_AN_ID,
    NO_PRODUCER_WITH_ID,
    OWNER_IS_A_USER_ID,
    PRODUCER_NOT_FOUND,
    UNKNOWN_STATUS,
    UNKNOWN_TOPIC,
    OWNER_IS_NOT_AN_OFFICER,
    PRODUCER_IS_NOT_OF_PROVINCE,
    UNKNOWN_STATUS_ONE_OF,
    UNKNOWN_TOPIC_ONE_OF,
    FIELD_UNREADABLE_DATE,
];
