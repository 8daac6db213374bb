//! The referral code a buyer carries from a live session — its page, its short link,
//! or any page opened with `?ref=CODE` — to checkout: a cookie kept for 7 days; the
//! last code the buyer came through wins.

use axum::extract::Request;
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::CookieJar;

pub const COOKIE: &str = "dacsan_ref";
pub const DAYS: i64 = 7;

/// Letters and digits, 4 to 32 of them.
fn plausible(code: &str) -> bool {
    (4..=32).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphanumeric())
}

pub fn cookie(code: &str) -> HeaderValue {
    let code: String = code.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_uppercase();
    HeaderValue::from_str(&format!("{COOKIE}={code}; Path=/; Max-Age={}; SameSite=Lax; HttpOnly", DAYS * 86_400))
        .unwrap_or_else(|_| HeaderValue::from_static("dacsan_ref=; Path=/; Max-Age=0"))
}

/// The code this browser carries, if any.
pub fn carried(jar: &CookieJar) -> Option<String> {
    jar.get(COOKIE).map(|c| c.value().to_string()).filter(|c| plausible(c))
}

/// Remembers `?ref=CODE` from any page a buyer opens.
pub async fn remember(request: Request, next: Next) -> Response {
    let code = (request.method() == Method::GET)
        .then(|| request.uri().query())
        .flatten()
        .and_then(|q| q.split('&').find_map(|pair| pair.strip_prefix("ref=")))
        .map(str::to_string)
        .filter(|c| plausible(c));
    let mut response = next.run(request).await;
    if let Some(code) = code {
        response.headers_mut().append(header::SET_COOKIE, cookie(&code));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plausible_codes_are_kept() {
        assert!(plausible("K7F2QX") && !plausible("ab") && !plausible("a;b=c"));
        assert_eq!(cookie("k7f2-qx").to_str().unwrap().split(';').next(), Some("dacsan_ref=K7F2QX"));
    }
}
