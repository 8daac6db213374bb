//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const A_TARGET_FROM_0_TO_100: Text =
    ("programme.kpis.a_target_from_0_to_100", "chỉ tiêu từ 0 đến 100 %", "a target from 0 to 100 %");
pub const A_YEAR_FROM_2020_TO_2100: Text =
    ("programme.kpis.a_year_from_2020_to_2100", "năm từ 2020 đến 2100", "a year from 2020 to 2100");
pub const UNKNOWN_INDICATOR: Text =
    ("programme.kpis.unknown_indicator_one", "chỉ tiêu không có; một trong {join}", "unknown indicator; one of {join}");
pub const COMMUNE_IS_NOT_IN_PROVINCE: Text = (
    "programme.kpis.commune_is_not_in_province",
    "xã mã {code} không thuộc tỉnh {province}",
    "commune {code} is not in province {province}",
);
pub const NOT_A_DATE_YYYY_MM_DD: Text = (
    "programme.kpis.not_a_date_yyyy_mm_dd",
    "ngày không hợp lệ: {text} (YYYY-MM-DD)",
    "not a date: {text} (YYYY-MM-DD)",
);
pub const NOT_A_MONTH: Text =
    ("programme.kpis.not_a_month", "tháng không hợp lệ: {month} (YYYY-MM)", "not a month: {month}");

pub const TEXTS: &[Text] = &[
    A_TARGET_FROM_0_TO_100,
    A_YEAR_FROM_2020_TO_2100,
    UNKNOWN_INDICATOR,
    COMMUNE_IS_NOT_IN_PROVINCE,
    NOT_A_DATE_YYYY_MM_DD,
    NOT_A_MONTH,
];
