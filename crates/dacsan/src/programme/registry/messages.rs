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

pub const TEXTS: &[Text] = &[
    WORKBOOK_25_MB,
    ANOTHER_IMPORT_WROTE_THE_SAME_PRODUCERS,
    CHOOSE_AN_XLSX_FILE,
    SEND_THE_XLSX_IN_THE_FILE,
    THE_FILE_IS_TOO_LARGE,
    THE_REQUEST_BODY_IS_EMPTY,
    UPLOAD,
];
