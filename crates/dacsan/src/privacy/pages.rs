//! `/account/data` (a person's data, consents and account deletion),
//! `/account/consent` (the notice, accepted after sign-in when it is new) and
//! `/admin/privacy` (the requests inbox with its clocks, and the processing log).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::messages;
use super::model::{NOTICE_VERSION, Purpose, RequestStatus};
use super::service::{self, Erasure, ProfileInput};
use super::store::{self, ConsentRecord, ProcessingRecord, RequestRecord};
use crate::db::Db;
use crate::error::{AppError, FieldErrors, Message};
use crate::web::safe_next;
use crate::web::{CsrfForm, Page, PageError, render};

#[derive(Template)]
#[template(path = "privacy/my_data.html")]
struct MyDataTemplate {
    page: Page,
    name: String,
    phone: String,
    /// Optional purposes with their standing consent.
    optional: Vec<(Purpose, bool)>,
    requests: Vec<RequestRecord>,
    errors: FieldErrors,
    holds: Vec<Message>,
    done: Option<&'static str>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DoneParam {
    done: Option<String>,
}

async fn my_data(
    db: &Db,
    page: Page,
    errors: FieldErrors,
    holds: Vec<Message>,
    done: Option<&'static str>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let row = store::name_and_phone(db, user.id).await?;
    let ledger = store::consents_of(db, user.id).await?;
    let standing = store::standing(&ledger);
    let optional = Purpose::OPTIONAL
        .iter()
        .map(|&p| (p, standing.iter().any(|(q, c)| *q == p && c.is_some_and(|c: &ConsentRecord| c.granted))))
        .collect();
    let phone =
        row.1.as_deref().and_then(|p| crate::vn::phone::Phone::parse(p).ok()).map(|p| p.national()).unwrap_or_default();
    Ok(render(&MyDataTemplate {
        name: row.0,
        phone,
        optional,
        requests: store::requests_of(db, user.id).await?,
        errors,
        holds,
        done,
        page,
    }))
}

/// `GET /account/data`
pub async fn my_data_page(State(db): State<Db>, page: Page, Query(q): Query<DoneParam>) -> Result<Response, PageError> {
    let done = match q.done.as_deref() {
        Some("profile") => Some("privacy_profile_saved"),
        Some("consents") => Some("privacy_consents_saved"),
        _ => None,
    };
    my_data(&db, page, FieldErrors::default(), Vec::new(), done).await
}

/// `POST /account/data/profile`
pub async fn correct_profile(
    State(db): State<Db>,
    page: Page,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let input = ProfileInput { name: form.get("name").cloned().unwrap_or_default(), phone: form.get("phone").cloned() };
    match service::correct_profile(&db, &user, &input).await {
        Ok(()) => Ok(Redirect::to("/account/data?done=profile").into_response()),
        Err(AppError::Invalid(errors)) => my_data(&db, page, errors, Vec::new(), None).await,
        Err(err) => Err(err.into()),
    }
}

/// `POST /account/data/consents`: the ticked optional purposes; a change is
/// recorded, an unchanged one is not.
pub async fn set_consents(
    State(db): State<Db>,
    page: Page,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let ledger = store::consents_of(&db, user.id).await?;
    let standing = store::standing(&ledger);
    for purpose in Purpose::OPTIONAL {
        let was = standing.iter().any(|(p, c)| *p == purpose && c.is_some_and(|c| c.granted));
        let now = form.contains_key(purpose.as_str());
        if was != now {
            service::set_consent(&db, &user, purpose.as_str(), now, "/account/data").await?;
        }
    }
    Ok(Redirect::to("/account/data?done=consents").into_response())
}

/// `POST /account/data/erase`: with the password; the session ends with the account.
pub async fn erase(
    State(db): State<Db>,
    page: Page,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let password = form.get("password").cloned().unwrap_or_default();
    match service::erase_account(&db, &user, &password).await {
        Ok(Erasure::Done) => {
            let mut response = Redirect::to("/?erased=1").into_response();
            let clear = format!("{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax", crate::auth::extract::SESSION_COOKIE);
            if let Ok(value) = clear.parse() {
                response.headers_mut().append(SET_COOKIE, value);
            }
            Ok(response)
        }
        Ok(Erasure::Held(holds)) => my_data(&db, page, FieldErrors::default(), holds, None).await,
        Err(AppError::Forbidden) => {
            let mut errors = FieldErrors::default();
            errors.add("password", messages::WRONG_PASSWORD);
            my_data(&db, page, errors, Vec::new(), None).await
        }
        Err(err) => Err(err.into()),
    }
}

#[derive(Template)]
#[template(path = "privacy/consent.html")]
struct ConsentTemplate {
    page: Page,
    next: String,
    version: &'static str,
}

#[derive(Debug, Default, Deserialize)]
pub struct NextParam {
    next: Option<String>,
}

/// `GET /account/consent`: the notice in force, to accept (or straight on when it is).
pub async fn consent_page(State(db): State<Db>, page: Page, Query(q): Query<NextParam>) -> Result<Response, PageError> {
    let user = page.require_user()?;
    let next = safe_next(q.next.as_deref());
    if crate::auth::store::accepted_notice(&db, user.id).await? {
        return Ok(Redirect::to(&next).into_response());
    }
    Ok(render(&ConsentTemplate { page, next, version: NOTICE_VERSION }))
}

/// `POST /account/consent`
pub async fn accept_notice(
    State(db): State<Db>,
    page: Page,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    service::set_consent(&db, &user, Purpose::Account.as_str(), true, "/account/consent").await?;
    Ok(Redirect::to(&safe_next(form.get("next").map(String::as_str))).into_response())
}

#[derive(Template)]
#[template(path = "privacy/admin.html")]
struct AdminTemplate {
    page: Page,
    requests: Vec<RequestRecord>,
    log: Vec<ProcessingRecord>,
}

/// `GET /admin/privacy`
pub async fn admin_privacy(State(db): State<Db>, page: Page) -> Result<Response, PageError> {
    page.require_user()?.require_admin()?;
    Ok(render(&AdminTemplate {
        requests: store::all_requests(&db, 200).await?,
        log: store::processing_log(&db, 100).await?,
        page,
    }))
}

/// `POST /admin/privacy/requests/{id}`: acknowledge, or close as done or refused.
pub async fn admin_handle(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let admin = page.require_user()?;
    admin.require_admin()?;
    let status = match form.get("status").map(String::as_str) {
        Some("done") => Some(RequestStatus::Done),
        Some("refused") => Some(RequestStatus::Refused),
        _ => None,
    };
    store::handle_request(&db, id, admin.id, status).await?.ok_or_else(|| AppError::not_found(messages::REQUEST))?;
    Ok(Redirect::to("/admin/privacy").into_response())
}
