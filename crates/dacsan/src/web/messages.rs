//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const AT_MOST_10_PHOTOS: Text = ("web.at_most_10_photos", "tối đa 10 ảnh mỗi lần", "at most 10 photos at a time");

pub const PAGE: Text = ("web.page", "trang", "page");
pub const API_ROUTE: Text = ("web.api_route", "đường dẫn API", "API route");

/// A multipart body axum could not read; `{detail}` is axum's reason, untranslated.
pub const FORM_UNREADABLE: Text =
    ("web.form_unreadable", "biểu mẫu không đọc được: {detail}", "the form could not be read: {detail}");
pub const JSON_CONTENT_TYPE: Text =
    ("web.json_content_type", "Content-Type phải là application/json", "Content-Type must be application/json");
/// A JSON value of the wrong type or a field missing; `{detail}` is serde's reason.
pub const JSON_VALUE: Text =
    ("web.json_value", "giá trị không đọc được: {detail}", "the value could not be read: {detail}");
/// The body of a request, as what was too large.
pub const BODY: Text = ("web.body", "nội dung yêu cầu", "request body");
/// A request axum refused before a handler saw it; `{detail}` is axum's reason.
pub const REQUEST_REFUSED: Text =
    ("web.request_refused", "nội dung yêu cầu sai ({detail})", "the request's content ({detail})");
/// A body that is not JSON at all; `{detail}` is serde's reason.
pub const JSON_SYNTAX: Text = ("web.json_syntax", "JSON sai cú pháp ({detail})", "JSON syntax ({detail})");
pub const FORM: Text = ("web.form", "biểu mẫu", "form");

pub const TEXTS: &[Text] = &[
    PAGE,
    API_ROUTE,
    AT_MOST_10_PHOTOS,
    FORM_UNREADABLE,
    JSON_CONTENT_TYPE,
    JSON_VALUE,
    BODY,
    REQUEST_REFUSED,
    JSON_SYNTAX,
    FORM,
];
