//! The page context every template gets (language, who is signed in, the CSRF token,
//! the current path) and the one function that turns a template into a response.

use askama::Template;
use axum::extract::{FromRef, FromRequestParts, OptionalFromRequestParts};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{Html, IntoResponse, Response};

use super::csrf::CsrfToken;
use super::i18n::Lang;
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::AppError;

pub struct Page {
    pub lang: Lang,
    pub user: Option<CurrentUser>,
    pub csrf: String,
    /// Path and query of this request, for the language switch to come back to.
    pub path: String,
}

impl Page {
    pub fn t(&self, key: &str) -> &'static str {
        self.lang.t(key)
    }

    pub fn is_en(&self) -> bool {
        self.lang == Lang::En
    }

    pub fn is_seller(&self) -> bool {
        self.user.as_ref().is_some_and(|u| !u.producer_ids.is_empty() || u.is_admin())
    }

    pub fn is_admin(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.is_admin())
    }

    /// Officers and admins see the programme office.
    pub fn is_officer(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.is_officer())
    }

    /// The CSS file's URL carries its content hash, so it is cached for a year.
    pub fn css_url(&self) -> &'static str {
        super::assets::css_url()
    }

    /// Signed-in user, or the sign-in redirect.
    pub fn require_user(&self) -> Result<&CurrentUser, AppError> {
        self.user.as_ref().ok_or(AppError::Unauthorized)
    }
}

impl<S> FromRequestParts<S> for Page
where
    S: Send + Sync,
    Db: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Ok(lang) = Lang::from_request_parts(parts, state).await;
        let csrf = parts.extensions.get::<CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
        let path = parts.uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_else(|| "/".into());
        let user = <CurrentUser as OptionalFromRequestParts<S>>::from_request_parts(parts, state).await.unwrap_or(None);
        Ok(Page { lang, user, csrf, path })
    }
}

/// Renders a template as an HTML response; a template error is an internal error.
pub fn render(template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(err) => AppError::Internal(anyhow::Error::new(err).context("render template")).into_response(),
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate<'a> {
    page: Page,
    status: u16,
    detail: &'a str,
}

/// An error as an HTML page, in the reader's language (the rest of the request's
/// context is gone by now: no user).
pub(crate) fn error_page(status: StatusCode, detail: &str) -> Response {
    let lang = if crate::error::reads_english() { Lang::En } else { Lang::Vi };
    let page = Page { lang, user: None, csrf: String::new(), path: "/".into() };
    let template = ErrorTemplate { page, status: status.as_u16(), detail };
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => (status, detail.to_string()).into_response(),
    }
}

/// An [`AppError`] met while serving a page: rendered as an HTML page (a sign-in
/// redirect when the visitor must sign in).
#[derive(Debug)]
pub struct PageError(pub AppError);

impl PageError {
    /// A refusal the user can fix (bad fields, a conflict, a file too large) as the
    /// messages a form shows again; anything else stays an error page.
    pub fn form_errors(error: AppError) -> Result<crate::error::FieldErrors, PageError> {
        let mut errors = crate::error::FieldErrors::default();
        match error {
            AppError::Invalid(invalid) => return Ok(invalid),
            AppError::Conflict { field, message } => errors.add(&field, message),
            AppError::TooLarge(message) => errors.add("file", message),
            other => return Err(other.into()),
        }
        Ok(errors)
    }
}

impl<E: Into<AppError>> From<E> for PageError {
    fn from(err: E) -> Self {
        PageError(err.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        self.0.log_if_internal();
        if matches!(self.0, AppError::Unauthorized) {
            return axum::response::Redirect::to("/signin").into_response();
        }
        error_page(self.0.status(), &self.0.detail())
    }
}
