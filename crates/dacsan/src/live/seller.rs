//! The seller's live sessions on a phone: `/seller/live` (the sessions with their
//! figures, and a form to schedule one of its products) and `/seller/live/{id}` (the
//! report, and the audience to type in after the session).

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::messages;
use super::model::Platform;
use super::service::{self, Report};
use super::store::{self, Session};
use crate::auth::CurrentUser;
use crate::catalog::Product;
use crate::config::Settings;
use crate::db::Db;
use crate::error::{AppError, FieldErrors};
use crate::web::{CsrfForm, Page, PageError, render};

#[derive(Template)]
#[template(path = "live/seller_sessions.html")]
struct SessionsTemplate {
    page: Page,
    sessions: Vec<Session>,
    products: Vec<Product>,
    platforms: &'static [Platform],
    form: HashMap<String, String>,
    errors: FieldErrors,
}

impl SessionsTemplate {
    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }

    fn when(&self, utc: &str) -> String {
        crate::vn::time_vn(utc)
    }

    fn field(&self, name: &str, product_id: &i64) -> &str {
        self.v(&format!("{name}_{product_id}"))
    }

    fn chosen(&self, product_id: &i64) -> bool {
        self.form.contains_key(&format!("product_{product_id}"))
    }
}

async fn sessions_page(
    db: &Db,
    page: Page,
    form: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let sessions = store::list_for_user(db, user.id, &user.producer_ids).await?;
    let mut products = Vec::new();
    for producer in &user.producer_ids {
        products.extend(crate::catalog::store::list_for_producer(db, *producer, true, 200).await?);
    }
    products.retain(|p| p.status == crate::catalog::ProductStatus::Active);
    use strum::VariantArray;
    let template = SessionsTemplate { page, sessions, products, platforms: Platform::VARIANTS, form, errors };
    let status = if template.errors.is_empty() { 200 } else { 422 };
    let mut response = render(&template);
    *response.status_mut() = axum::http::StatusCode::from_u16(status).unwrap_or_default();
    Ok(response)
}

/// `GET /seller/live`
pub async fn list(State(db): State<Db>, page: Page) -> Result<Response, PageError> {
    sessions_page(&db, page, HashMap::new(), FieldErrors::default()).await
}

/// `POST /seller/live`: schedules a session from the form.
pub async fn create(
    State(db): State<Db>,
    page: Page,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user: CurrentUser = page.require_user()?.clone();
    let mut errors = FieldErrors::default();
    let input = super::form::input_of(&db, &form, &mut errors).await?;
    let result = match errors.is_empty() {
        true => service::create(&db, &user, &input).await,
        false => Err(AppError::Invalid(errors)),
    };
    match result {
        Ok(session) => Ok(Redirect::to(&format!("/seller/live/{}", session.id)).into_response()),
        Err(AppError::Invalid(errors)) => sessions_page(&db, page, form, errors).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "live/seller_session.html")]
struct ReportTemplate {
    page: Page,
    report: Report,
    short_url: String,
    errors: FieldErrors,
}

impl ReportTemplate {
    fn when(&self, utc: &str) -> String {
        crate::vn::time_vn(utc)
    }

    /// Officers come from the office's list of the province's sessions, others from theirs.
    fn back_href(&self) -> &'static str {
        if self.page.user.as_ref().is_some_and(|u| u.is_officer()) { "/office/live" } else { "/seller/live" }
    }
}

async fn managed(db: &Db, page: &Page, id: &str) -> Result<Session, PageError> {
    let user = page.require_user()?;
    let not_found = || AppError::not_found(messages::LIVE_SESSION);
    let session = store::find(db, id.parse().map_err(|_| not_found())?).await?.ok_or_else(not_found)?;
    if service::may_manage(db, user, &session).await? { Ok(session) } else { Err(AppError::Forbidden.into()) }
}

async fn report_page(
    db: &Db,
    settings: &Settings,
    page: Page,
    session: Session,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let short_url = super::api::short_url(&settings.public_url, &session.referral_code);
    let report = service::report(db, session).await?;
    let status = if errors.is_empty() { 200 } else { 422 };
    let mut response = render(&ReportTemplate { page, report, short_url, errors });
    *response.status_mut() = axum::http::StatusCode::from_u16(status).unwrap_or_default();
    Ok(response)
}

/// `GET /seller/live/{id}`
pub async fn show(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    page: Page,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let session = managed(&db, &page, &id).await?;
    report_page(&db, &settings, page, session, FieldErrors::default()).await
}

/// `POST /seller/live/{id}/audience`: viewers and peak viewers after the session.
pub async fn audience(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    page: Page,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let session = managed(&db, &page, &id).await?;
    let mut errors = FieldErrors::default();
    let mut count =
        |name: &str| match form.get(name).map(|v| v.replace(['.', ',', ' '], "")).unwrap_or_default().parse::<i64>() {
            Ok(n) => n,
            Err(_) => {
                errors.add(name, messages::A_WHOLE_NUMBER);
                0
            }
        };
    let (viewers, peak) = (count("viewers"), count("peak_viewers"));
    if errors.is_empty() {
        match super::audience::check(viewers, peak) {
            Ok(()) => {
                store::set_audience(&db, session.id, viewers, peak).await?;
                return Ok(Redirect::to(&format!("/seller/live/{}", session.id)).into_response());
            }
            Err(more) => errors = more,
        }
    }
    report_page(&db, &settings, page, session, errors).await
}

/// `POST /seller/live/{id}/audience/import`: the audience from the platform's export file.
pub async fn import_audience(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    page: Page,
    jar: axum_extra::extract::CookieJar,
    Path(id): Path<String>,
    multipart: axum::extract::Multipart,
) -> Result<Response, PageError> {
    let session = managed(&db, &page, &id).await?;
    let form = crate::web::multipart::UploadForm::read(&jar, multipart).await?;
    let result = match form.files.iter().find(|(name, _)| name == "file") {
        Some((_, bytes)) => super::audience::read_export(bytes),
        None => Err(AppError::invalid("file", messages::CHOOSE_THE_PLATFORM_S_EXPORT_FILE)),
    };
    match result {
        Ok((viewers, peak)) => {
            store::set_audience(&db, session.id, viewers, peak).await?;
            Ok(Redirect::to(&format!("/seller/live/{}", session.id)).into_response())
        }
        Err(AppError::Invalid(errors)) => report_page(&db, &settings, page, session, errors).await,
        Err(e) => Err(e.into()),
    }
}
