//! `/api/v1/live-sessions`: schedule a session, read it, set its audience after it
//! ended, and its report.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use super::messages;
use super::model::SessionInput;
use super::service::{self, Report};
use super::store::{self, Session, SessionItem};
use crate::auth::CurrentUser;
use crate::config::Settings;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::web::ApiJson;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CreatedSession {
    pub id: i64,
    pub slug: String,
    pub referral_code: String,
    /// `/l/{referral_code}`: opens the session page and carries the code to checkout.
    pub short_url: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SessionJson {
    #[serde(flatten)]
    pub session: Session,
    pub items: Vec<SessionItem>,
}

pub fn short_url(public_url: &str, code: &str) -> String {
    format!("{}/l/{code}", public_url.trim_end_matches('/'))
}

#[utoipa::path(post, path = "/api/v1/live-sessions", tag = "live", security(("bearer" = [])), request_body = SessionInput,
    responses((status = 201, body = CreatedSession), (status = 401), (status = 403), (status = 422)))]
pub async fn create_session(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    user: CurrentUser,
    ApiJson(input): ApiJson<SessionInput>,
) -> AppResult<(StatusCode, Json<CreatedSession>)> {
    let session = service::create(&db, &user, &input).await?;
    let short_url = short_url(&settings.public_url, &session.referral_code);
    Ok((
        StatusCode::CREATED,
        Json(CreatedSession { id: session.id, slug: session.slug, referral_code: session.referral_code, short_url }),
    ))
}

async fn managed(db: &Db, user: &CurrentUser, id: &str) -> AppResult<Session> {
    let not_found = || AppError::not_found(messages::LIVE_SESSION);
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let session = store::find(db, id).await?.ok_or_else(not_found)?;
    if service::may_manage(db, user, &session).await? { Ok(session) } else { Err(AppError::Forbidden) }
}

#[utoipa::path(get, path = "/api/v1/live-sessions/{id}", tag = "live", params(("id" = i64, Path)),
    responses((status = 200, body = SessionJson), (status = 404)))]
pub async fn get_session(State(db): State<Db>, Path(id): Path<String>) -> AppResult<Json<SessionJson>> {
    let not_found = || AppError::not_found(messages::LIVE_SESSION);
    let session = store::find(&db, id.parse().map_err(|_| not_found())?).await?.ok_or_else(not_found)?;
    let items = store::items_of(&db, session.id).await?;
    Ok(Json(SessionJson { session, items }))
}

#[utoipa::path(get, path = "/api/v1/live-sessions/{id}/report", tag = "live", security(("bearer" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = Report), (status = 401), (status = 403), (status = 404)))]
pub async fn session_report(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Report>> {
    let session = managed(&db, &user, &id).await?;
    Ok(Json(service::report(&db, session).await?))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct Audience {
    /// Viewers over the session, as the platform counted them.
    pub viewers: i64,
    /// The most watching at once.
    pub peak_viewers: i64,
}

#[utoipa::path(put, path = "/api/v1/live-sessions/{id}/audience", tag = "live", security(("bearer" = [])),
    request_body = Audience, params(("id" = i64, Path)),
    responses((status = 200, body = Report), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn set_audience(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(audience): ApiJson<Audience>,
) -> AppResult<Json<Report>> {
    let session = managed(&db, &user, &id).await?;
    super::audience::check(audience.viewers, audience.peak_viewers).map_err(AppError::Invalid)?;
    store::set_audience(&db, session.id, audience.viewers, audience.peak_viewers).await?;
    let session = store::find(&db, session.id).await?.ok_or_else(|| AppError::not_found(messages::LIVE_SESSION))?;
    Ok(Json(service::report(&db, session).await?))
}

/// Sets the audience from the platform's export file (multipart `file`, .xlsx or
/// .csv): the total viewers and the peak at once, by the platform's column names.
#[utoipa::path(post, path = "/api/v1/live-sessions/{id}/audience/import", tag = "live", security(("bearer" = [])),
    request_body(content_type = "multipart/form-data", description = "`file`: the platform's export (.xlsx or .csv)"),
    params(("id" = i64, Path)),
    responses((status = 200, body = Report), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn import_audience(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
    mut multipart: axum::extract::Multipart,
) -> AppResult<Json<Report>> {
    let session = managed(&db, &user, &id).await?;
    let unreadable =
        |e: axum::extract::multipart::MultipartError| crate::web::multipart::unreadable("file", e.body_text());
    let mut file = None;
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        if field.name() == Some("file") {
            file = Some(field.bytes().await.map_err(unreadable)?);
        }
    }
    let bytes = file.ok_or_else(|| AppError::invalid("file", messages::THE_FILE_IS_MISSING))?;
    let (viewers, peak) = super::audience::read_export(&bytes)?;
    store::set_audience(&db, session.id, viewers, peak).await?;
    let session = store::find(&db, session.id).await?.ok_or_else(|| AppError::not_found(messages::LIVE_SESSION))?;
    Ok(Json(service::report(&db, session).await?))
}
