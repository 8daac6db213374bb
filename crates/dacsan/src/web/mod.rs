//! What every page shares: the layout and page context, the i18n tables, the static
//! assets, CSRF protection, security headers and the JSON/form extractors.

pub mod assets;
pub mod csrf;
pub mod extract;
pub mod i18n;
pub mod layout;
pub mod markdown;
pub mod metrics;
pub mod multipart;
pub mod referral;
pub mod response_cache;

pub use extract::{ApiJson, CsrfForm};
pub use i18n::Lang;
pub use layout::{Page, PageError, render};

/// A file the browser saves as `file_name` (an export, a report).
pub fn download(file_name: &str, content_type: &'static str, bytes: Vec<u8>) -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    let disposition = format!("attachment; filename=\"{file_name}\"");
    ([(header::CONTENT_TYPE, content_type.to_string()), (header::CONTENT_DISPOSITION, disposition)], bytes)
        .into_response()
}
