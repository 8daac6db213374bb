//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const AT_MOST_10_PHOTOS: Text = ("web.at_most_10_photos", "tối đa 10 ảnh mỗi lần", "at most 10 photos at a time");

pub const PAGE: Text = ("web.page", "trang", "page");
pub const API_ROUTE: Text = ("web.api_route", "đường dẫn API", "API route");

pub const TEXTS: &[Text] = &[PAGE, API_ROUTE, AT_MOST_10_PHOTOS];
