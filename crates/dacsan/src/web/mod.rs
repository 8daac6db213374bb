//! What every page shares: the layout and page context, the i18n tables, the static
//! assets, CSRF protection, security headers and the JSON/form extractors.

pub mod assets;
pub mod csrf;
pub mod extract;
pub mod i18n;
pub mod layout;
pub mod markdown;
pub mod messages;
pub mod metrics;
pub mod multipart;
pub mod referral;
pub mod response_cache;
pub mod share;

pub use extract::{ApiJson, CsrfForm};
pub use i18n::Lang;
pub use layout::{Page, PageError, render};

/// The site's content security policy: nothing inline, nothing from other hosts.
/// A page may add to it (the keeper's scanner page lets its decoder's worker start).
pub const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// Where to go after signing in or switching language: only a path of this site,
/// never another site (`//host`, `https://…`, `/\\host`); `/` otherwise.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_string(),
        _ => "/".to_string(),
    }
}

/// A file the browser saves as `file_name` (an export, a report).
pub fn download(file_name: &str, content_type: &'static str, bytes: Vec<u8>) -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    let disposition = format!("attachment; filename=\"{file_name}\"");
    ([(header::CONTENT_TYPE, content_type.to_string()), (header::CONTENT_DISPOSITION, disposition)], bytes)
        .into_response()
}

/// An uploaded file shown in the browser (a test result, a certificate): its stored
/// content type, and a sandbox so that a PDF never runs as one of our pages.
pub fn uploaded_file(content_type: &str, cache_control: &'static str, bytes: Vec<u8>) -> axum::response::Response {
    use axum::http::{HeaderValue, header};
    use axum::response::IntoResponse;
    let content_type =
        HeaderValue::from_str(content_type).unwrap_or(HeaderValue::from_static("application/octet-stream"));
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox")),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache_control)),
        ],
        bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/seller")), "/seller");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
