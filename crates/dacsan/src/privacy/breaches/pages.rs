//! `/admin/breaches` (the register and a form to record one) and
//! `/admin/breaches/{id}` (a breach, its clock, its notices).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::model::{BreachInput, DATA_KINDS, NoticeInput, RECIPIENTS};
use super::store::{self, Breach};
use crate::db::Db;
use crate::error::{AppError, FieldErrors};
use crate::web::{CsrfForm, Page, PageError, render};

type Form = HashMap<String, String>;

/// A form shown again with its errors answers 422.
fn status_of(errors: &FieldErrors) -> StatusCode {
    if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY }
}

/// Times as the pages show them (Vietnam's time).
struct When;

impl When {
    fn at(&self, utc: &str) -> String {
        crate::vn::time_vn(utc)
    }
}

#[derive(Template)]
#[template(path = "privacy/breaches.html")]
struct ListTemplate {
    page: Page,
    breaches: Vec<Breach>,
    kinds: [&'static str; 8],
    form: Form,
    errors: FieldErrors,
    when: When,
}

impl ListTemplate {
    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }
}

async fn list_page(db: &Db, page: Page, form: Form, errors: FieldErrors) -> Result<Response, PageError> {
    page.require_user()?.require_admin()?;
    let breaches = store::list(db, 200).await?;
    let template = ListTemplate { page, breaches, kinds: DATA_KINDS, form, errors, when: When };
    Ok((status_of(&template.errors), render(&template)).into_response())
}

/// `GET /admin/breaches`
pub async fn breaches(State(db): State<Db>, page: Page) -> Result<Response, PageError> {
    list_page(&db, page, Form::new(), FieldErrors::default()).await
}

/// `POST /admin/breaches`
pub async fn record(
    State(db): State<Db>,
    page: Page,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let get = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let people = get("people_affected").unwrap_or_default();
    let input = BreachInput {
        title: get("title"),
        description: get("description"),
        found_at: get("found_at"),
        occurred_at: get("occurred_at"),
        data_kinds: form.iter().filter(|(k, _)| k == "data_kinds").map(|(_, v)| v.clone()).collect(),
        // Typed with thousands dots as Vietnamese write them: "1.200".
        people_affected: crate::vn::Vnd::parse(people.trim()).ok().map(|n| n.0),
    };
    match super::record(&db, &user, &input).await {
        Ok(breach) => Ok(Redirect::to(&format!("/admin/breaches/{}", breach.id)).into_response()),
        Err(AppError::Invalid(errors)) => {
            let mut kept: Form = form.iter().filter(|(k, _)| k != "data_kinds").cloned().collect();
            for kind in &input.data_kinds {
                kept.insert(format!("kind_{kind}"), "1".into());
            }
            list_page(&db, page, kept, errors).await
        }
        Err(err) => Err(err.into()),
    }
}

#[derive(Template)]
#[template(path = "privacy/breach.html")]
struct BreachTemplate {
    page: Page,
    breach: Breach,
    recipients: [&'static str; 3],
    form: Form,
    errors: FieldErrors,
    when: When,
}

impl BreachTemplate {
    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }
}

async fn breach_page(db: &Db, page: Page, id: i64, form: Form, errors: FieldErrors) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let breach = super::find(db, &user, id).await?;
    let template = BreachTemplate { page, breach, recipients: RECIPIENTS, form, errors, when: When };
    Ok((status_of(&template.errors), render(&template)).into_response())
}

/// `GET /admin/breaches/{id}`
pub async fn breach(State(db): State<Db>, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    breach_page(&db, page, id, Form::new(), FieldErrors::default()).await
}

/// `POST /admin/breaches/{id}/notices`
pub async fn notice(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let input = NoticeInput {
        recipient: form.get("recipient").cloned(),
        channel: form.get("channel").cloned(),
        sent_at: form.get("sent_at").cloned(),
        note: form.get("note").cloned(),
    };
    match super::add_notice(&db, &user, id, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("/admin/breaches/{id}#notices")).into_response()),
        Err(AppError::Invalid(errors)) => breach_page(&db, page, id, form, errors).await,
        Err(err) => Err(err.into()),
    }
}

/// `POST /admin/breaches/{id}/close`
pub async fn close(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    match super::close(&db, &user, id).await {
        Ok(_) => Ok(Redirect::to(&format!("/admin/breaches/{id}")).into_response()),
        Err(AppError::Conflict { field, message }) => {
            let mut errors = FieldErrors::default();
            errors.add(&field, message);
            breach_page(&db, page, id, Form::new(), errors).await
        }
        Err(err) => Err(err.into()),
    }
}
