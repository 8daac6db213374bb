//! The one place requests go out: URL building, the per-request timeout, transport errors,
//! and lenient readers of JSON values (carriers send money as numbers or strings).

use reqwest::header::CONTENT_TYPE;
use reqwest::{Method, RequestBuilder, StatusCode};
use serde_json::Value;

use crate::{CarrierError, Config};

/// A carrier's configuration and a shared HTTP client.
pub(crate) struct Http {
    pub(crate) config: Config,
    client: reqwest::Client,
}

/// An answer that arrived: status, content type and the whole body.
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) content_type: String,
    pub(crate) body: Vec<u8>,
}

impl Answer {
    /// The body as JSON; `Malformed` naming the call when it is not.
    pub(crate) fn json(&self, call: &str) -> Result<Value, CarrierError> {
        serde_json::from_slice(&self.body).map_err(|e| {
            CarrierError::Malformed(format!(
                "{call}: HTTP {} with a body that is not JSON ({e}): {}",
                self.status,
                snippet(&self.body)
            ))
        })
    }
}

impl Http {
    /// Every client shares one connection pool: a producer's own account costs
    /// no new pool, and the timeout is set on each request.
    pub(crate) fn new(config: Config) -> Http {
        static SHARED: std::sync::OnceLock<reqwest::Client> = std::sync::OnceLock::new();
        Http { config, client: SHARED.get_or_init(reqwest::Client::new).clone() }
    }

    /// `base_url` joined with a documented path, tolerating a trailing slash on the base.
    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}/{}", self.config.base_url.trim_end_matches('/'), path.trim_start_matches('/'))
    }

    /// A request to a documented path, with [`Config::timeout`] as its whole-request timeout.
    pub(crate) fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.client.request(method, self.url(path)).timeout(self.config.timeout)
    }

    /// Sends a request and reads the whole answer. A timeout becomes
    /// [`CarrierError::Timeout`], a failed connection or an HTTP 5xx
    /// [`CarrierError::Transport`] (the carrier may or may not have acted: section 6 says
    /// never to retry a create blindly).
    pub(crate) async fn send(&self, request: RequestBuilder) -> Result<Answer, CarrierError> {
        let response = request.send().await.map_err(transport)?;
        let status = response.status();
        let content_type =
            response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        let body = response.bytes().await.map_err(transport)?.to_vec();
        if status.is_server_error() {
            return Err(CarrierError::Transport(format!("HTTP {status}: {}", snippet(&body))));
        }
        Ok(Answer { status, content_type, body })
    }
}

/// A reqwest failure as a carrier error: timeouts apart, everything is transport.
fn transport(error: reqwest::Error) -> CarrierError {
    if error.is_timeout() {
        return CarrierError::Timeout;
    }
    let mut message = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    CarrierError::Transport(message)
}

/// The start of a body, for error messages.
pub(crate) fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut cut: String = text.chars().take(300).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    cut
}

/// A whole number sent as a JSON number (integer or float, rounded) or a numeric string
/// ("15000", "15000.0"). GHTK's examples send fees as strings.
pub(crate) fn int(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().filter(|f| f.is_finite()).map(round)),
        Value::String(s) => {
            let s = s.trim();
            s.parse::<i64>().ok().or_else(|| s.parse::<f64>().ok().filter(|f| f.is_finite()).map(round))
        }
        _ => None,
    }
}

/// Rounds to whole units; `as` saturates, and money and weights are far below i64's range.
fn round(f: f64) -> i64 {
    f.round() as i64
}

/// Text sent as a JSON string or number; `None` for null, absent or empty.
pub(crate) fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A flag sent as a JSON boolean, `1`/`0` or `"true"`/`"1"`; anything else is false.
pub(crate) fn flag(value: &Value) -> bool {
    match value {
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_i64() == Some(1),
        Value::String(s) => matches!(s.trim().to_ascii_lowercase().as_str(), "true" | "1"),
        _ => false,
    }
}

/// `value[key]` as text, or `Malformed` naming the call and the field.
pub(crate) fn required_text(value: &Value, key: &str, call: &str) -> Result<String, CarrierError> {
    text(&value[key]).ok_or_else(|| CarrierError::Malformed(format!("{call}: no {key} in {}", short(value))))
}

/// A JSON value, shortened for an error message.
pub(crate) fn short(value: &Value) -> String {
    snippet(value.to_string().as_bytes())
}

/// Whether a carrier's message says the address or route is not served. The carriers document
/// no error code for it, so this reads the words (Vietnamese and English).
pub(crate) fn says_unserved(message: &str) -> bool {
    let message = message.to_lowercase();
    ["không hỗ trợ", "chưa hỗ trợ", "không phục vụ", "ngoài vùng phục vụ", "not support", "not served", "unsupported"]
        .iter()
        .any(|words| message.contains(words))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn int_accepts_numbers_and_numeric_strings() {
        assert_eq!(int(&json!(15000)), Some(15000));
        assert_eq!(int(&json!("15000")), Some(15000));
        assert_eq!(int(&json!(" 15000.0 ")), Some(15000));
        assert_eq!(int(&json!(2.4)), Some(2));
        assert_eq!(int(&json!(null)), None);
        assert_eq!(int(&json!("mười")), None);
    }

    #[test]
    fn text_accepts_strings_and_numbers() {
        assert_eq!(text(&json!("S1")), Some("S1".to_owned()));
        assert_eq!(text(&json!(1234567890)), Some("1234567890".to_owned()));
        assert_eq!(text(&json!("")), None);
        assert_eq!(text(&json!(null)), None);
    }

    #[test]
    fn flags() {
        assert!(flag(&json!(true)) && flag(&json!(1)) && flag(&json!("true")) && flag(&json!("1")));
        assert!(!flag(&json!(false)) && !flag(&json!(0)) && !flag(&json!(null)) && !flag(&json!("false")));
    }

    #[test]
    fn unserved_words() {
        assert!(says_unserved("Địa chỉ giao hàng Không hỗ trợ"));
        assert!(says_unserved("Route not supported"));
        assert!(!says_unserved("Số điện thoại không hợp lệ"));
    }

    #[test]
    fn url_tolerates_a_trailing_slash() {
        let http = Http::new(Config {
            carrier: crate::Carrier::Ghn,
            base_url: "http://h/shiip/public-api/".to_owned(),
            token: String::new(),
            shop_id: None,
            timeout: std::time::Duration::from_secs(1),
        });
        assert_eq!(http.url("v2/shipping-order/create"), "http://h/shiip/public-api/v2/shipping-order/create");
        assert_eq!(http.url("/v2/x"), "http://h/shiip/public-api/v2/x");
    }
}
