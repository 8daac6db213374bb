//! Sign-in, registration (with consent to the privacy notice, as the 2025 Personal
//! Data Protection Law asks), sign-out, the privacy notice and the language switch.

use std::net::SocketAddr;
use std::sync::Arc;

use askama::Template;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::HeaderValue;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;

use super::extract::SESSION_COOKIE;
use super::messages;
use super::model::{self, Role};
use super::service::SigninLimiter;
use super::store;
use crate::config::Settings;
use crate::db::Db;
use crate::error::{AppError, FieldErrors};
use crate::web::PageError;
use crate::web::i18n::LANG_COOKIE;
use crate::web::{CsrfForm, Lang, Page, render, safe_next};

const SESSION_DAYS: i64 = 30;

#[derive(Template)]
#[template(path = "auth/signin.html")]
struct SigninTemplate {
    page: Page,
    email: String,
    next: String,
    failed: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct NextParam {
    pub next: Option<String>,
}

/// `GET /signin`
pub async fn signin_page(page: Page, Query(q): Query<NextParam>) -> Response {
    render(&SigninTemplate { page, email: String::new(), next: safe_next(q.next.as_deref()), failed: false })
}

#[derive(Debug, Deserialize)]
pub struct SigninForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

fn session_cookie(token: &str, settings: &Settings, max_age_days: i64) -> HeaderValue {
    let secure = if settings.secure_cookies { "; Secure" } else { "" };
    let value =
        format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}", max_age_days * 86_400);
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static(""))
}

/// `POST /signin`
pub async fn signin(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    State(limiter): State<SigninLimiter>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    page: Page,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<SigninForm>,
) -> Result<Response, PageError> {
    if !limiter.allows(peer.ip()) {
        return Err(AppError::TooManyRequests.into());
    }
    let next = safe_next(form.next.as_deref());
    let email = form.email.trim().to_lowercase();
    match super::service::authenticate(&db, &email, &form.password).await? {
        Some(user_id) => {
            let token = store::create_session(&db, user_id, "web", SESSION_DAYS).await?;
            // A notice the person has not accepted yet is shown first (`/account/consent`).
            let to = if store::accepted_notice(&db, user_id).await? {
                next
            } else {
                format!("/account/consent?{}", serde_urlencoded::to_string([("next", &next)]).unwrap_or_default())
            };
            let mut response = Redirect::to(&to).into_response();
            response.headers_mut().append(SET_COOKIE, session_cookie(&token, &settings, SESSION_DAYS));
            if let Some(clear) = crate::cart::service::merge_into_account(&db, &settings, user_id, &jar).await? {
                response.headers_mut().append(SET_COOKIE, clear);
            }
            Ok(response)
        }
        None => Ok(render(&SigninTemplate { page, email, next, failed: true })),
    }
}

/// `POST /signout`
pub async fn signout(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    jar: CookieJar,
    CsrfForm(_): CsrfForm<NextParam>,
) -> Result<Response, PageError> {
    if let Some(cookie) = jar.get(SESSION_COOKIE) {
        store::delete_session(&db, cookie.value()).await?;
    }
    let mut response = Redirect::to("/").into_response();
    response.headers_mut().append(SET_COOKIE, session_cookie("", &settings, 0));
    Ok(response)
}

#[derive(Template)]
#[template(path = "auth/register.html")]
struct RegisterTemplate {
    page: Page,
    form: RegisterForm,
    errors: FieldErrors,
}

#[derive(Debug, Default, Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    password: String,
    consent: Option<String>,
}

/// `GET /register`
pub async fn register_page(page: Page) -> Response {
    render(&RegisterTemplate { page, form: RegisterForm::default(), errors: FieldErrors::default() })
}

/// `POST /register`: a buyer account; sellers are added to producers by an admin.
pub async fn register(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    page: Page,
    jar: CookieJar,
    CsrfForm(mut form): CsrfForm<RegisterForm>,
) -> Result<Response, PageError> {
    let mut errors = FieldErrors::default();
    let name = form.name.trim().to_string();
    if !(2..=100).contains(&name.chars().count()) {
        errors.add("name", messages::NAME_2_TO_100_CHARACTERS);
    }
    let email = model::parse_email(&form.email).map_err(|e| errors.add("email", e)).ok();
    let phone = match form.phone.trim() {
        "" => None,
        p => crate::vn::Phone::parse(p).map(|p| p.e164().to_string()).map_err(|e| errors.add("phone", e)).ok(),
    };
    if let Err(e) = model::check_password_strength(&form.password) {
        errors.add("password", e);
    }
    if form.consent.is_none() {
        errors.add("consent", messages::CONSENT_NEEDED);
    }
    let (Some(email), true) = (email, errors.is_empty()) else {
        form.password.clear();
        return Ok(render(&RegisterTemplate { page, form, errors }));
    };
    let password = form.password.clone();
    let hash =
        tokio::task::spawn_blocking(move || model::hash_password(&password)).await.map_err(anyhow::Error::new)??;
    let new_user = store::NewUser {
        email: &email,
        name: &name,
        phone: phone.as_deref(),
        password_hash: &hash,
        role: Role::Buyer,
        privacy_consent: true,
    };
    let Some(user_id) = store::insert(&db, &new_user).await? else {
        errors.add("email", messages::EMAIL_HAS_AN_ACCOUNT);
        form.password.clear();
        return Ok(render(&RegisterTemplate { page, form, errors }));
    };
    let token = store::create_session(&db, user_id, "web", SESSION_DAYS).await?;
    let mut response = Redirect::to("/").into_response();
    response.headers_mut().append(SET_COOKIE, session_cookie(&token, &settings, SESSION_DAYS));
    if let Some(clear) = crate::cart::service::merge_into_account(&db, &settings, user_id, &jar).await? {
        response.headers_mut().append(SET_COOKIE, clear);
    }
    Ok(response)
}

#[derive(Template)]
#[template(path = "auth/privacy.html")]
struct PrivacyTemplate {
    page: Page,
}

/// `GET /privacy`
pub async fn privacy_page(page: Page) -> Response {
    render(&PrivacyTemplate { page })
}

#[derive(Debug, Deserialize)]
pub struct BackParam {
    back: Option<String>,
}

/// `GET /lang/{code}?back=/path`: remembers the language and goes back.
pub async fn switch_language(Path(code): Path<String>, Query(q): Query<BackParam>) -> Response {
    let lang = Lang::parse(&code).unwrap_or_default();
    let mut response = Redirect::to(&safe_next(q.back.as_deref())).into_response();
    let cookie = format!("{LANG_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000", lang.code());
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(SET_COOKIE, value);
    }
    response
}
