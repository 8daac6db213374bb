//! Extractors that turn bad input into clear errors instead of axum's plain-text
//! rejections: JSON bodies name the field that failed, forms check the CSRF token.

use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use serde::de::DeserializeOwned;

use super::PageError;
use super::{csrf, messages};
use crate::error::{AppError, Message};

/// A JSON body; a syntax or type error is a 422 problem naming the field path.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let content_type_ok = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json") || v.contains("+json"));
        if !content_type_ok {
            return Err(AppError::invalid("body", messages::JSON_CONTENT_TYPE));
        }
        let bytes =
            axum::body::Bytes::from_request(req, state).await.map_err(|_| AppError::TooLarge(messages::BODY.into()))?;
        let deserializer = &mut serde_json::Deserializer::from_slice(&bytes);
        serde_path_to_error::deserialize(deserializer).map(ApiJson).map_err(json_error)
    }
}

/// A JSON syntax error is a 400 (the body is not JSON); a wrong type or a missing
/// field is a 422 naming the field.
pub fn json_error(err: serde_path_to_error::Error<serde_json::Error>) -> AppError {
    let path = err.path().to_string();
    let inner = err.into_inner();
    if matches!(inner.classify(), serde_json::error::Category::Syntax | serde_json::error::Category::Eof) {
        return AppError::BadRequest(Message::from(messages::JSON_SYNTAX).with("detail", inner));
    }
    let field = if path == "." { "body".to_string() } else { path };
    AppError::invalid(&field, Message::from(messages::JSON_VALUE).with("detail", inner))
}

/// A url-encoded form whose `csrf` field must match the CSRF cookie.
pub struct CsrfForm<T>(pub T);

#[derive(serde::Deserialize)]
struct CsrfField {
    #[serde(default)]
    csrf: String,
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for CsrfForm<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let jar = CookieJar::from_headers(req.headers());
        let bytes =
            axum::body::Bytes::from_request(req, state).await.map_err(|_| AppError::TooLarge(messages::FORM.into()))?;
        let token: CsrfField = serde_urlencoded::from_bytes(&bytes).map_err(form_unreadable)?;
        if !csrf::token_matches(&jar, &token.csrf) {
            return Err(PageError(AppError::Forbidden));
        }
        let value: T = serde_urlencoded::from_bytes(&bytes).map_err(|e| PageError(form_unreadable(e)))?;
        Ok(CsrfForm(value))
    }
}

/// A form body serde could not read, with its reason as the detail.
fn form_unreadable(e: serde_urlencoded::de::Error) -> AppError {
    AppError::invalid("form", Message::from(messages::FORM_UNREADABLE).with("detail", e))
}

/// The most of a plain-text rejection read back to explain it.
const REJECTION_LIMIT: usize = 4096;

/// axum's own refusals of a request it could not read (a query string, a path or a
/// form that does not fit its handler) are plain text; this turns them into what
/// every other error is: the HTML error page for pages, problem+json under `/api/`.
pub async fn explain_rejections(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    let status = response.status();
    let plain = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    if !status.is_client_error() || !plain || (api && status != StatusCode::BAD_REQUEST) {
        return response;
    }
    let text = match axum::body::to_bytes(response.into_body(), REJECTION_LIMIT).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).trim().to_string(),
        Err(_) => String::new(),
    };
    let error = AppError::BadRequest(Message::from(messages::REQUEST_REFUSED).with("detail", text));
    if api { error.into_response() } else { super::layout::error_page(status, &error.detail()) }
}

/// Whether the client asks for JSON rather than a page (`Accept: application/json`
/// without `text/html`): the resolvers answer both.
pub fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("application/json") && !accept.contains("text/html"))
}
