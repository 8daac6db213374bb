//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const NOT_A_DATE_YYYY_MM_DD: Text = (
    "programme.delivery.not_a_date_yyyy_mm_dd",
    "ngày không hợp lệ: {text} (YYYY-MM-DD)",
    "not a date: {text} (YYYY-MM-DD)",
);

pub const TEXTS: &[Text] = &[NOT_A_DATE_YYYY_MM_DD];
