//! Cross-site request forgery protection for the browser forms, in two layers:
//! 1. every unsafe request outside `/api` must come from this site according to the
//!    browser's Fetch Metadata (`Sec-Fetch-Site`) or, failing that, its `Origin`;
//! 2. every form carries a token that must equal the `dacsan_csrf` cookie (double
//!    submit), checked by [`super::CsrfForm`] and the upload handlers.
//!
//! API clients authenticate with bearer tokens, which browsers never send by
//! themselves, so `/api` is exempt.

use axum::extract::Request;
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;

use super::PageError;
use crate::error::AppError;

pub const CSRF_COOKIE: &str = "dacsan_csrf";

/// The token of this request, available to page handlers through extensions.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

pub async fn protect(mut request: Request, next: Next) -> Response {
    if !is_safe(request.method()) && !request.uri().path().starts_with("/api/") && !same_origin(&request) {
        return PageError(AppError::Forbidden).into_response();
    }
    let existing = CookieJar::from_headers(request.headers()).get(CSRF_COOKIE).map(|c| c.value().to_string());
    let (token, is_new) = match existing.filter(|t| t.len() >= 32) {
        Some(token) => (token, false),
        None => (crate::auth::store::new_token(), true),
    };
    request.extensions_mut().insert(CsrfToken(token.clone()));
    let mut response = next.run(request).await;
    if is_new {
        let cookie = format!("{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000");
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn same_origin(request: &Request) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        None => true,
        Some(origin) => {
            let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
            origin.split_once("://").is_some_and(|(_, rest)| rest == host)
        }
    }
}

/// Does the token a form sent match the cookie?
pub fn token_matches(jar: &CookieJar, sent: &str) -> bool {
    match jar.get(CSRF_COOKIE) {
        Some(cookie) => !sent.is_empty() && constant_time_eq(cookie.value().as_bytes(), sent.as_bytes()),
        None => false,
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
