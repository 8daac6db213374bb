//! One error type for the whole app. `/api/v1` handlers return it as
//! `application/problem+json` (RFC 9457); page handlers wrap it in `web::PageError`,
//! which renders it as an HTML page. Internal details are logged once, when the error
//! becomes a response, and never shown.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// One bad field: its name as the client sent it, and what was wrong.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

#[derive(Debug, Default, Clone)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError { field: field.to_string(), message: message.into() });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.message.as_str())
    }

    /// `Ok(())` when nothing was added, else the errors as [`AppError::Invalid`].
    pub fn into_result(self) -> Result<(), AppError> {
        if self.is_empty() { Ok(()) } else { Err(AppError::Invalid(self)) }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("malformed request")]
    BadRequest(String),
    #[error("not found")]
    NotFound(String),
    #[error("sign-in required")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    #[error("invalid input")]
    Invalid(FieldErrors),
    #[error("conflict on {field}: {message}")]
    Conflict { field: String, message: String },
    #[error("too many requests")]
    TooManyRequests,
    #[error("request too large")]
    TooLarge(String),
    /// Something that existed and no longer works (an expired or revoked link).
    #[error("gone")]
    Gone(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn not_found(what: impl Into<String>) -> AppError {
        AppError::NotFound(what.into())
    }

    pub fn invalid(field: &str, message: impl Into<String>) -> AppError {
        let mut errors = FieldErrors::default();
        errors.add(field, message);
        AppError::Invalid(errors)
    }

    pub fn conflict(field: &str, message: impl Into<String>) -> AppError {
        AppError::Conflict { field: field.to_string(), message: message.into() }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Gone(_) => StatusCode::GONE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A sentence for people, in Vietnamese then English.
    pub fn detail(&self) -> String {
        match self {
            AppError::BadRequest(what) => format!("Yêu cầu không đọc được: {what} / Malformed request: {what}"),
            AppError::NotFound(what) => format!("Không tìm thấy {what}. / {what} not found."),
            AppError::Unauthorized => "Cần đăng nhập. / Sign-in required.".into(),
            AppError::Forbidden => "Bạn không có quyền làm việc này. / You may not do this.".into(),
            AppError::Invalid(errors) => {
                errors.0.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; ")
            }
            AppError::Conflict { field, message } => format!("{field}: {message}"),
            AppError::TooManyRequests => "Quá nhiều yêu cầu, hãy thử lại sau ít phút. / Too many requests.".into(),
            AppError::TooLarge(what) => format!("Quá lớn: {what}. / Too large: {what}."),
            AppError::Gone(what) => format!("{what} đã hết hiệu lực. / {what} no longer works."),
            AppError::Internal(_) => "Lỗi máy chủ, hãy thử lại. / Internal error.".into(),
        }
    }

    /// Logs an internal error's details: once, as the error becomes a response.
    pub fn log_if_internal(&self) {
        if let AppError::Internal(err) = self {
            tracing::error!(error = ?err, "internal error");
        }
    }
}

impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        AppError::Internal(anyhow::Error::new(err))
    }
}

#[derive(Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    status: u16,
    detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<&'a [FieldError]>,
}

impl IntoResponse for AppError {
    /// problem+json, RFC 9457.
    fn into_response(self) -> Response {
        self.log_if_internal();
        let status = self.status();
        let errors = match &self {
            AppError::Invalid(errors) => Some(errors.0.as_slice()),
            AppError::Conflict { field, message } => {
                let one = [FieldError { field: field.clone(), message: message.clone() }];
                return problem_response(status, &self.detail(), Some(&one));
            }
            _ => None,
        };
        problem_response(status, &self.detail(), errors)
    }
}

fn problem_response(status: StatusCode, detail: &str, errors: Option<&[FieldError]>) -> Response {
    let body = Problem {
        kind: "about:blank",
        title: status.canonical_reason().unwrap_or("Error"),
        status: status.as_u16(),
        detail: detail.to_string(),
        errors,
    };
    let mut response = (status, axum::Json(body)).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    response
}
