//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const CHOOSE_A_PROVINCE: Text =
    ("programme.choose_a_province_province_code", "chọn tỉnh", "choose a province (?province=CODE)");
pub const NO_PROVINCE_WITH_CODE: Text =
    ("programme.no_province_with_code", "không có tỉnh mã {code}", "no province with code {code}");

pub const TEXTS: &[Text] = &[CHOOSE_A_PROVINCE, NO_PROVINCE_WITH_CODE];
