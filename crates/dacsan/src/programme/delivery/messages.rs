//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const NOT_A_DATE_YYYY_MM_DD: Text = (
    "programme.delivery.not_a_date_yyyy_mm_dd",
    "ngày không hợp lệ: {text} (YYYY-MM-DD)",
    "not a date: {text} (YYYY-MM-DD)",
);
pub const A_PERIOD_IS_AT_MOST_DAYS: Text = (
    "programme.delivery.a_period_is_at_most_days",
    "kỳ dài nhất {max_days} ngày",
    "a period is at most {max_days} days",
);
pub const COMMUNE_IS_NOT_IN_PROVINCE: Text = (
    "programme.delivery.commune_is_not_in_province",
    "xã mã {code} không thuộc tỉnh {province}",
    "commune {code} is not in province {province}",
);
pub const THE_PERIOD_STARTS_AFTER_IT_ENDS: Text = (
    "programme.delivery.the_period_starts_after_it_ends",
    "ngày bắt đầu {from} sau ngày kết thúc {to}",
    "the period starts ({from}) after it ends ({to})",
);

pub const TEXTS: &[Text] =
    &[NOT_A_DATE_YYYY_MM_DD, A_PERIOD_IS_AT_MOST_DAYS, COMMUNE_IS_NOT_IN_PROVINCE, THE_PERIOD_STARTS_AFTER_IT_ENDS];
