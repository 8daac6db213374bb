//! Static assets compiled into the binary: one hand-written CSS file, vendored htmx
//! (2.0, 0BSD), the icon, the stall till's script and service worker, a live
//! session's countdown, and the collection point keeper's camera scanner with
//! vendored qr-scanner (1.4.2, MIT). URLs carry a content hash (qr-scanner its
//! version) so browsers cache them for a year and never use a stale copy.

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
const COLLECT_SCAN_JS: &str = include_str!("../../assets/collect-scan.js");
/// Imported by the keeper's scanner by this name.
const QR_SCANNER: &str = include_str!("../../assets/qr-scanner-1.4.2.min.js");
/// qr-scanner imports it by this fixed name, relative to itself, and starts its
/// decoder as a worker from it where the browser has no `BarcodeDetector`.
const QR_SCANNER_WORKER: &str = include_str!("../../assets/qr-scanner-worker.min.js");
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
static COLLECT_SCAN_JS_URL: LazyLock<String> =
    LazyLock::new(|| format!("/assets/collect-scan-{}.js", short_hash(COLLECT_SCAN_JS)));

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

/// The keeper's camera scanner (a module).
pub fn collect_scan_js_url() -> &'static str {
    &COLLECT_SCAN_JS_URL
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
    } else if path == *COLLECT_SCAN_JS_URL {
        (COLLECT_SCAN_JS, "text/javascript; charset=utf-8")
    } else if file == "qr-scanner-1.4.2.min.js" {
        (QR_SCANNER, "text/javascript; charset=utf-8")
    } else if file == "qr-scanner-worker.min.js" {
        (QR_SCANNER_WORKER, "text/javascript; charset=utf-8")
    } else if file == "icon.svg" {
        (ICON, "image/svg+xml")
    } else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // The worker's name carries no version: a day, so an upgrade reaches browsers.
    let cache = if file == "qr-scanner-worker.min.js" {
        "public, max-age=86400"
    } else {
        "public, max-age=31536000, immutable"
    };
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        body,
    )
        .into_response()
}
