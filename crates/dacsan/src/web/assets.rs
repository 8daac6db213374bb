//! Static assets compiled into the binary: one hand-written CSS file, vendored htmx
//! (2.0, 0BSD), the icon, and the stall till's script and service worker, a live session's countdown. URLs carry
//! a content hash so browsers cache them for a year and never use a stale copy.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

const CSS: &str = include_str!("../../assets/site.css");
const HTMX: &str = include_str!("../../assets/htmx.min.js");
const ICON: &str = include_str!("../../assets/icon.svg");
const TILL_JS: &str = include_str!("../../assets/till.js");
const COUNTDOWN_JS: &str = include_str!("../../assets/countdown.js");
/// The stall till's service worker, served at `/stall/sw.js` for its scope.
pub const TILL_SW: &str = include_str!("../../assets/till-sw.js");

fn short_hash(content: &str) -> String {
    Sha256::digest(content.as_bytes()).iter().take(5).map(|b| format!("{b:02x}")).collect()
}

static CSS_URL: LazyLock<String> = LazyLock::new(|| format!("/assets/site-{}.css", short_hash(CSS)));
static HTMX_URL: LazyLock<String> = LazyLock::new(|| format!("/assets/htmx-{}.js", short_hash(HTMX)));
static TILL_JS_URL: LazyLock<String> = LazyLock::new(|| format!("/assets/till-{}.js", short_hash(TILL_JS)));
static COUNTDOWN_JS_URL: LazyLock<String> =
    LazyLock::new(|| format!("/assets/countdown-{}.js", short_hash(COUNTDOWN_JS)));

pub fn css_url() -> &'static str {
    &CSS_URL
}

pub fn htmx_url() -> &'static str {
    &HTMX_URL
}

pub fn till_js_url() -> &'static str {
    &TILL_JS_URL
}

/// A live session page's countdown.
pub fn countdown_js_url() -> &'static str {
    &COUNTDOWN_JS_URL
}

/// `GET /assets/{file}`
pub async fn serve_asset(Path(file): Path<String>) -> Response {
    let path = format!("/assets/{file}");
    let (body, content_type) = if path == *CSS_URL {
        (CSS, "text/css; charset=utf-8")
    } else if path == *HTMX_URL {
        (HTMX, "text/javascript; charset=utf-8")
    } else if path == *TILL_JS_URL {
        (TILL_JS, "text/javascript; charset=utf-8")
    } else if path == *COUNTDOWN_JS_URL {
        (COUNTDOWN_JS, "text/javascript; charset=utf-8")
    } else if file == "icon.svg" {
        (ICON, "image/svg+xml")
    } else {
        return StatusCode::NOT_FOUND.into_response();
    };
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable")),
        ],
        body,
    )
        .into_response()
}
