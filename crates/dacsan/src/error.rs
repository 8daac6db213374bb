//! One error type for the whole app. `/api/v1` handlers return it as
//! `application/problem+json` (RFC 9457); page handlers wrap it in `web::PageError`,
//! which renders it as an HTML page. Internal details are logged once, when the error
//! becomes a response, and never shown.
//!
//! Messages are [`Message`]s: a row of a domain's text table (key, Vietnamese,
//! English), shown in the reader's language — the page's chosen language, or an
//! API client's `Accept-Language` — which the web layer sets for each request
//! ([`in_language`]); the key is the `code` programs rely on.

use std::borrow::Cow;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::ser::SerializeStruct;

/// One text of a table: (key, Vietnamese, English).
pub type Text = (&'static str, &'static str, &'static str);

tokio::task_local! {
    /// Whether the reader of this request's answer reads English (else Vietnamese).
    static ENGLISH: bool;
}

/// Runs `work` (a request's handling) with its messages in English or Vietnamese.
pub async fn in_language<F: Future>(english: bool, work: F) -> F::Output {
    ENGLISH.scope(english, work).await
}

/// The reader's language; Vietnamese outside a request.
pub fn reads_english() -> bool {
    ENGLISH.try_with(|english| *english).unwrap_or(false)
}

/// A sentence for people, in Vietnamese and English, with a code for programs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    code: Cow<'static, str>,
    vi: Cow<'static, str>,
    en: Cow<'static, str>,
}

/// The code of a text no table knows: one stored before its message was keyed.
const UNTRANSLATED: &str = "untranslated";

/// A message as a column keeps it ([`Message::to_stored`]).
#[derive(Serialize, serde::Deserialize)]
struct Stored<'a> {
    code: Cow<'a, str>,
    vi: Cow<'a, str>,
    en: Cow<'a, str>,
}

impl Message {
    /// `{name}` replaced by `value` in both languages.
    pub fn with(self, name: &str, value: impl std::fmt::Display) -> Message {
        let (slot, value) = (format!("{{{name}}}"), value.to_string());
        let fill = |text: Cow<'static, str>| match text.contains(&slot) {
            true => Cow::Owned(text.replace(&slot, &value)),
            false => text,
        };
        Message { code: self.code, vi: fill(self.vi), en: fill(self.en) }
    }

    /// `{name}` replaced by another message, each language by its own sentence
    /// (a helper's reason inside a field's message).
    pub fn with_message(self, name: &str, inner: impl Into<Message>) -> Message {
        let (slot, inner) = (format!("{{{name}}}"), inner.into());
        Message {
            code: self.code,
            vi: Cow::Owned(self.vi.replace(&slot, &inner.vi)),
            en: Cow::Owned(self.en.replace(&slot, &inner.en)),
        }
    }

    /// `{name}` replaced by several messages, `separator` between them, each
    /// language by its own sentences.
    pub fn with_list(self, name: &str, items: &[Message], separator: &str) -> Message {
        let slot = format!("{{{name}}}");
        let join = |text: fn(&Message) -> &str| items.iter().map(text).collect::<Vec<_>>().join(separator);
        Message {
            code: self.code,
            vi: Cow::Owned(self.vi.replace(&slot, &join(|m| &m.vi))),
            en: Cow::Owned(self.en.replace(&slot, &join(|m| &m.en))),
        }
    }

    /// The key of the text table, stable for programs.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The sentence in Vietnamese whoever reads: for what is written in Vietnamese
    /// for any reader (a notification's body).
    pub fn vietnamese(&self) -> &str {
        &self.vi
    }

    /// A text kept before messages had codes, shown as it is in either language.
    pub fn untranslated(text: impl Into<String>) -> Message {
        let text: String = text.into();
        Message { code: Cow::Borrowed(UNTRANSLATED), vi: Cow::Owned(text.clone()), en: Cow::Owned(text) }
    }

    /// The message as a column keeps it: its code and both sentences (JSON), so
    /// that whoever reads it later reads it in their language.
    pub fn to_stored(&self) -> String {
        let stored =
            Stored { code: Cow::Borrowed(&self.code), vi: Cow::Borrowed(&self.vi), en: Cow::Borrowed(&self.en) };
        serde_json::to_string(&stored).unwrap_or_else(|_| self.vi.to_string())
    }

    /// A message kept by [`Message::to_stored`]; a text stored before messages were
    /// kept so comes back [`Message::untranslated`].
    pub fn from_stored(text: &str) -> Message {
        match serde_json::from_str::<Stored<'_>>(text) {
            Ok(Stored { code, vi, en }) => Message {
                code: Cow::Owned(code.into_owned()),
                vi: Cow::Owned(vi.into_owned()),
                en: Cow::Owned(en.into_owned()),
            },
            Err(_) => Message::untranslated(text),
        }
    }

    /// The sentence in the reader's language.
    pub fn text(&self) -> &str {
        if reads_english() { &self.en } else { &self.vi }
    }
}

impl From<Text> for Message {
    fn from((code, vi, en): Text) -> Message {
        Message { code: Cow::Borrowed(code), vi: Cow::Borrowed(vi), en: Cow::Borrowed(en) }
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text())
    }
}

/// `{"code", "message"}`, the message in the reader's language: a line of a report
/// (an import's rows) flattens it beside where the line points.
impl Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut message = serializer.serialize_struct("Message", 2)?;
        message.serialize_field("code", self.code())?;
        message.serialize_field("message", self.text())?;
        message.end()
    }
}

impl utoipa::PartialSchema for Message {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        let text = |about: &str| ObjectBuilder::new().schema_type(Type::String).description(Some(about));
        ObjectBuilder::new()
            .property("code", text("The key of the text table, stable for programs."))
            .required("code")
            .property("message", text("The sentence, in the reader's language."))
            .required("message")
            .into()
    }
}

impl utoipa::ToSchema for Message {}

/// One bad field: its name as the client sent it, and what was wrong —
/// `{"field", "code", "message"}`, the message in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    #[serde(flatten)]
    pub message: Message,
}

#[derive(Debug, Default, Clone)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, message: impl Into<Message>) {
        self.0.push(FieldError { field: field.to_string(), message: message.into() });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// What is wrong with `field`, in the reader's language.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.message.text())
    }

    /// `Ok(())` when nothing was added, else the errors as [`AppError::Invalid`].
    pub fn into_result(self) -> Result<(), AppError> {
        if self.is_empty() { Ok(()) } else { Err(AppError::Invalid(self)) }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// What could not be read, as the parser that refused it said it (axum, serde,
    /// gs1): an untranslated detail inside `error.malformed`.
    #[error("malformed request")]
    BadRequest(Message),
    #[error("not found")]
    NotFound(Message),
    #[error("sign-in required")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    #[error("invalid input")]
    Invalid(FieldErrors),
    #[error("conflict on {field}: {message}")]
    Conflict { field: String, message: Message },
    #[error("too many requests")]
    TooManyRequests,
    /// What was too large, with its limit.
    #[error("request too large")]
    TooLarge(Message),
    /// Something that existed and no longer works (an expired or revoked link).
    #[error("gone")]
    Gone(Message),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn not_found(what: impl Into<Message>) -> AppError {
        AppError::NotFound(what.into())
    }

    pub fn invalid(field: &str, message: impl Into<Message>) -> AppError {
        let mut errors = FieldErrors::default();
        errors.add(field, message);
        AppError::Invalid(errors)
    }

    pub fn conflict(field: &str, message: impl Into<Message>) -> AppError {
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

    /// The error as one message, for a form that shows it by one of its own fields:
    /// what was wrong with the (first) field, the conflict, or the summary.
    pub fn into_message(self) -> Message {
        match self {
            AppError::Invalid(errors) => match errors.0.into_iter().next() {
                Some(first) => first.message,
                None => messages::INVALID.into(),
            },
            AppError::Conflict { message, .. } => message,
            other => other.summary(),
        }
    }

    /// A sentence for people, in the reader's language.
    pub fn detail(&self) -> String {
        match self {
            AppError::Invalid(errors) => {
                errors.0.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; ")
            }
            AppError::Conflict { field, message } => format!("{field}: {message}"),
            _ => self.summary().to_string(),
        }
    }

    /// The whole error as a message of the core's table (a field's own messages
    /// are in [`AppError::Invalid`] and [`AppError::Conflict`]).
    fn summary(&self) -> Message {
        match self {
            AppError::BadRequest(what) => Message::from(messages::MALFORMED).with_message("what", what.clone()),
            AppError::NotFound(what) => Message::from(messages::NOT_FOUND).with_message("what", what.clone()),
            AppError::Unauthorized => messages::SIGN_IN_REQUIRED.into(),
            AppError::Forbidden => messages::FORBIDDEN.into(),
            AppError::Invalid(_) => messages::INVALID.into(),
            AppError::Conflict { .. } => messages::CONFLICT.into(),
            AppError::TooManyRequests => messages::TOO_MANY_REQUESTS.into(),
            AppError::TooLarge(what) => Message::from(messages::TOO_LARGE).with_message("what", what.clone()),
            AppError::Gone(what) => Message::from(messages::GONE).with_message("what", what.clone()),
            AppError::Internal(_) => messages::INTERNAL.into(),
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

/// The sentences of the error type itself (key, Vietnamese, English).
pub mod messages {
    use super::Text;

    pub const MALFORMED: Text = ("error.malformed", "Yêu cầu không đọc được: {what}", "Malformed request: {what}");
    pub const NOT_FOUND: Text = ("error.not_found", "Không tìm thấy {what}.", "Not found: {what}.");
    pub const SIGN_IN_REQUIRED: Text = ("error.sign_in_required", "Cần đăng nhập.", "Sign-in required.");
    pub const FORBIDDEN: Text = ("error.forbidden", "Bạn không có quyền làm việc này.", "You may not do this.");
    pub const INVALID: Text = ("error.invalid", "Có ô chưa đúng.", "Some fields are not right.");
    pub const CONFLICT: Text = ("error.conflict", "Xung đột với dữ liệu đã có.", "Conflicts with what is stored.");
    pub const TOO_MANY_REQUESTS: Text = (
        "error.too_many_requests",
        "Quá nhiều yêu cầu, hãy thử lại sau ít phút.",
        "Too many requests, try again in a few minutes.",
    );
    pub const TOO_LARGE: Text = ("error.too_large", "Quá lớn: {what}.", "Too large: {what}.");
    pub const GONE: Text = ("error.gone", "{what} đã hết hiệu lực.", "{what} no longer works.");
    pub const INTERNAL: Text = ("error.internal", "Lỗi máy chủ, hãy thử lại.", "Internal error, try again.");

    /// For the app's text table.
    pub const TEXTS: &[Text] = &[
        MALFORMED,
        NOT_FOUND,
        SIGN_IN_REQUIRED,
        FORBIDDEN,
        INVALID,
        CONFLICT,
        TOO_MANY_REQUESTS,
        TOO_LARGE,
        GONE,
        INTERNAL,
    ];
}

#[derive(Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    status: u16,
    /// The error's kind, stable for programs (`error.not_found`, `error.invalid`, …).
    code: &'a str,
    detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<&'a [FieldError]>,
}

impl IntoResponse for AppError {
    /// problem+json, RFC 9457.
    fn into_response(self) -> Response {
        self.log_if_internal();
        let status = self.status();
        let summary = self.summary();
        let code = summary.code();
        let errors = match &self {
            AppError::Invalid(errors) => Some(errors.0.as_slice()),
            AppError::Conflict { field, message } => {
                let one = [FieldError { field: field.clone(), message: message.clone() }];
                return problem_response(status, code, &self.detail(), Some(&one));
            }
            _ => None,
        };
        problem_response(status, code, &self.detail(), errors)
    }
}

fn problem_response(status: StatusCode, code: &str, detail: &str, errors: Option<&[FieldError]>) -> Response {
    let body = Problem {
        kind: "about:blank",
        title: status.canonical_reason().unwrap_or("Error"),
        status: status.as_u16(),
        code,
        detail: detail.to_string(),
        errors,
    };
    let mut response = (status, axum::Json(body)).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOO_LONG: Text = ("test.too_long", "«{name}»: tối đa {max} ký tự", "«{name}»: at most {max} characters");

    #[tokio::test]
    async fn a_message_speaks_the_readers_language_under_one_code() {
        let message = Message::from(TOO_LONG).with("name", "Trà").with("max", 60);
        assert_eq!(message.text(), "«Trà»: tối đa 60 ký tự", "Vietnamese outside a request");
        assert_eq!(in_language(true, async { message.text().to_string() }).await, "«Trà»: at most 60 characters");
        assert_eq!(in_language(false, async { message.text().to_string() }).await, "«Trà»: tối đa 60 ký tự");
        assert_eq!(message.code(), "test.too_long");
        let error = FieldError { field: "name".into(), message };
        let json = in_language(true, async { serde_json::to_value(&error).unwrap() }).await;
        assert_eq!(
            json,
            serde_json::json!({"field": "name", "code": "test.too_long", "message": "«Trà»: at most 60 characters"})
        );
    }

    #[tokio::test]
    async fn a_reason_inside_a_message_keeps_each_language() {
        let reason = Message::from(("test.reason", "quá dài", "too long"));
        let field = Message::from(("test.field", "Tên: {why}", "name: {why}")).with_message("why", reason.clone());
        assert_eq!((field.code(), field.text()), ("test.field", "Tên: quá dài"));
        assert_eq!(in_language(true, async { field.text().to_string() }).await, "name: too long");
        let both = [reason.clone(), Message::from(("test.empty", "trống", "empty"))];
        let list = Message::from(("test.list", "chưa được: {all}", "not yet: {all}")).with_list("all", &both, "; ");
        assert_eq!(in_language(true, async { list.text().to_string() }).await, "not yet: too long; empty");
        let json = serde_json::to_value(&field).unwrap();
        assert_eq!(json, serde_json::json!({"code": "test.field", "message": "Tên: quá dài"}), "a report's line");
    }

    #[tokio::test]
    async fn a_stored_message_comes_back_in_the_readers_language() {
        let kept = Message::from(TOO_LONG).with("name", "Trà").with("max", 60);
        let back = Message::from_stored(&kept.to_stored());
        assert_eq!(back, kept);
        assert_eq!(in_language(true, async { back.text().to_string() }).await, "«Trà»: at most 60 characters");
        let before = Message::from_stored("hãng chưa trả lời / the carrier did not answer");
        assert_eq!(before.code(), "untranslated", "a text stored before messages were kept with their code");
        assert_eq!(before.text(), "hãng chưa trả lời / the carrier did not answer");
    }

    #[tokio::test]
    async fn the_whole_errors_summary_is_in_the_readers_language_too() {
        let missing = AppError::not_found(Message::from(("test.product", "sản phẩm", "product")));
        assert_eq!(missing.detail(), "Không tìm thấy sản phẩm.");
        assert_eq!(in_language(true, async { missing.detail() }).await, "Not found: product.");
        assert_eq!(missing.summary().code(), "error.not_found");
    }
}
