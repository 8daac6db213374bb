//! The seller's live sessions on a phone: `/seller/live` (the sessions with their
//! figures, and a form to schedule one of its products) and `/seller/live/{id}` (the
//! report, and the audience to type in after the session).

use crate::config::Settings;
use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::messages;
use super::model::{Platform, SessionInput, SessionItemInput};
use super::service::{self, Report};
use super::store::{self, Session};
use crate::auth::CurrentUser;
use crate::catalog::Product;
use crate::db::Db;
use crate::error::{AppError, FieldErrors, Message};
use crate::vn::Vnd;
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

/// `datetime-local` sends `2026-12-05T20:00` in the seller's (Vietnam's) time.
pub(crate) fn local_time(value: Option<&String>) -> Option<String> {
    value
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(|t| if t.len() == 16 { format!("{t}:00+07:00") } else { t.to_string() })
}

/// The form as the API's input; the host is named by e-mail.
pub(crate) async fn input_of(
    db: &Db,
    form: &HashMap<String, String>,
    errors: &mut FieldErrors,
) -> Result<SessionInput, PageError> {
    let number = |errors: &mut FieldErrors, name: String| -> Option<i64> {
        let text = form.get(&name).map(|v| v.trim()).filter(|v| !v.is_empty())?;
        match Vnd::parse(text) {
            Ok(Vnd(n)) => Some(n),
            Err(why) => {
                errors.add(&name, Message::from(messages::NUMBER_REFUSED).with("text", text).with_message("why", why));
                None
            }
        }
    };
    let mut items = Vec::new();
    let mut chosen: Vec<i64> = form.keys().filter_map(|k| k.strip_prefix("product_")?.parse().ok()).collect();
    chosen.sort_unstable();
    for id in chosen {
        items.push(SessionItemInput {
            product_id: id,
            session_price_vnd: number(errors, format!("price_{id}")),
            stock_cap: number(errors, format!("cap_{id}")),
        });
    }
    let host_user_id = match form.get("host_email").map(|e| e.trim()).filter(|e| !e.is_empty()) {
        None => None,
        Some(email) => match crate::auth::store::find_by_email(db, &email.to_lowercase()).await? {
            Some(host) => Some(host.id),
            None => {
                errors.add("host_email", Message::from(messages::NO_ACCOUNT).with("email", email));
                None
            }
        },
    };
    Ok(SessionInput {
        title: form.get("title").cloned(),
        title_en: form.get("title_en").cloned(),
        platform: form.get("platform").cloned(),
        stream_url: form.get("stream_url").cloned(),
        starts_at: local_time(form.get("starts_at")),
        ends_at: local_time(form.get("ends_at")),
        host_user_id,
        items,
    })
}

/// `POST /seller/live`: schedules a session from the form.
pub async fn create(
    State(db): State<Db>,
    page: Page,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user: CurrentUser = page.require_user()?.clone();
    let mut errors = FieldErrors::default();
    let input = input_of(&db, &form, &mut errors).await?;
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
