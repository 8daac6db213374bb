//! `/api/v1/me/…`: a person's own data and consents; `/api/v1/admin/privacy/…`:
//! the admins' inbox of requests and the processing log.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::export::PersonalData;
use super::messages;
use super::model::{NOTICE_VERSION, RequestKind, RequestStatus};
use super::service::{self, Erasure, OutsideRequest, ProfileInput};
use super::store::{self, ConsentRecord, ProcessingRecord, RequestRecord};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::{AppError, AppResult, Message};
use crate::web::ApiJson;

/// Everything dacsan holds about the caller.
#[utoipa::path(get, path = "/api/v1/me/data", tag = "privacy", security(("bearer" = [])),
    responses((status = 200, body = PersonalData), (status = 401)))]
pub async fn my_data(State(db): State<Db>, user: CurrentUser) -> AppResult<Json<PersonalData>> {
    Ok(Json(service::my_data(&db, &user, RequestKind::Access).await?))
}

/// The same as a workbook, one sheet per kind of record.
#[utoipa::path(get, path = "/api/v1/me/data.xlsx", tag = "privacy", security(("bearer" = [])),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (status = 401)))]
pub async fn my_data_xlsx(State(db): State<Db>, user: CurrentUser) -> AppResult<Response> {
    let data = service::my_data(&db, &user, RequestKind::Export).await?;
    let bytes = super::workbook::write(&data).map_err(|e| anyhow::anyhow!("write the data workbook: {e}"))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"dacsan-my-data.xlsx\""),
            (header::CACHE_CONTROL, "no-store"),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ErasureInput {
    pub password: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErasureDone {
    /// `done`.
    pub status: String,
}

/// Deletes the caller's account: personal data removed or replaced, orders and
/// payments kept for the records with the buyer shown as deleted; the caller's
/// tokens stop working. 409 names what must be finished first.
#[utoipa::path(post, path = "/api/v1/me/erasure", tag = "privacy", request_body = ErasureInput, security(("bearer" = [])),
    responses((status = 200, body = ErasureDone), (status = 401), (status = 403, description = "wrong password: nothing changed"),
        (status = 409, description = "an order on its way or an open complaint: the problem names each")))]
pub async fn erase_me(
    State(db): State<Db>,
    user: CurrentUser,
    ApiJson(input): ApiJson<ErasureInput>,
) -> AppResult<Json<ErasureDone>> {
    match service::erase_account(&db, &user, &input.password).await? {
        Erasure::Done => Ok(Json(ErasureDone { status: "done".into() })),
        Erasure::Held(holds) => {
            Err(AppError::conflict("erasure", Message::from(messages::ERASURE_HELD).with_list("holds", &holds, "; ")))
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Consents {
    /// The privacy notice in force.
    pub notice_version: String,
    /// Each purpose's standing consent (`granted` false when never given).
    pub purposes: Vec<PurposeConsent>,
    /// Every grant and withdrawal, oldest first.
    pub history: Vec<ConsentRecord>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PurposeConsent {
    pub purpose: String,
    pub granted: bool,
    pub notice_version: Option<String>,
    pub at: Option<String>,
}

async fn consents_of(db: &Db, user_id: i64) -> AppResult<Consents> {
    let history = store::consents_of(db, user_id).await?;
    let purposes = store::standing(&history)
        .into_iter()
        .map(|(purpose, last)| PurposeConsent {
            purpose: purpose.as_str().into(),
            granted: last.is_some_and(|c| c.granted),
            notice_version: last.map(|c| c.notice_version.clone()),
            at: last.map(|c| c.at.clone()),
        })
        .collect();
    Ok(Consents { notice_version: NOTICE_VERSION.into(), purposes, history })
}

/// The caller's consents: standing, and the whole ledger.
#[utoipa::path(get, path = "/api/v1/me/consents", tag = "privacy", security(("bearer" = [])),
    responses((status = 200, body = Consents), (status = 401)))]
pub async fn my_consents(State(db): State<Db>, user: CurrentUser) -> AppResult<Json<Consents>> {
    Ok(Json(consents_of(&db, user.id).await?))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ConsentInput {
    /// `account` (to accept a new notice), `marketing_email` or `carrier_sharing`.
    pub purpose: String,
    pub granted: bool,
}

/// Gives or withdraws a consent; recorded in the ledger, never overwritten.
#[utoipa::path(post, path = "/api/v1/me/consents", tag = "privacy", request_body = ConsentInput, security(("bearer" = [])),
    responses((status = 200, body = Consents), (status = 401), (status = 422)))]
pub async fn set_consent(
    State(db): State<Db>,
    user: CurrentUser,
    ApiJson(input): ApiJson<ConsentInput>,
) -> AppResult<Json<Consents>> {
    service::set_consent(&db, &user, &input.purpose, input.granted, "api").await?;
    Ok(Json(consents_of(&db, user.id).await?))
}

/// Corrects the caller's name and phone.
#[utoipa::path(put, path = "/api/v1/me/profile", tag = "privacy", request_body = ProfileInput, security(("bearer" = [])),
    responses((status = 204), (status = 401), (status = 422)))]
pub async fn correct_profile(
    State(db): State<Db>,
    user: CurrentUser,
    ApiJson(input): ApiJson<ProfileInput>,
) -> AppResult<StatusCode> {
    service::correct_profile(&db, &user, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Filed {
    pub id: i64,
}

/// A request about personal data that a person must look into — from someone
/// without an account too (a producer's contact asking to be taken off a
/// registry). It lands in the admins' inbox with its clock.
#[utoipa::path(post, path = "/api/v1/privacy/requests", tag = "privacy", request_body = OutsideRequest,
    responses((status = 201, body = Filed), (status = 422)))]
pub async fn file_request(
    State(db): State<Db>,
    user: Option<CurrentUser>,
    ApiJson(input): ApiJson<OutsideRequest>,
) -> AppResult<(StatusCode, Json<Filed>)> {
    let id = service::file_request(&db, user.as_ref(), &input).await?;
    Ok((StatusCode::CREATED, Json(Filed { id })))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RequestList {
    pub items: Vec<RequestRecord>,
}

/// Every request, open ones first by deadline, with `overdue` marked.
#[utoipa::path(get, path = "/api/v1/admin/privacy/requests", tag = "privacy", security(("bearer" = [])),
    responses((status = 200, body = RequestList), (status = 401), (status = 403)))]
pub async fn list_requests(State(db): State<Db>, user: CurrentUser) -> AppResult<Json<RequestList>> {
    user.require_admin()?;
    Ok(Json(RequestList { items: store::all_requests(&db, 500).await? }))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct HandleInput {
    /// Left out: acknowledged only. `done` or `refused`: closed.
    pub status: Option<String>,
}

/// Acknowledges an open request, or closes it.
#[utoipa::path(post, path = "/api/v1/admin/privacy/requests/{id}", tag = "privacy", params(("id" = i64, Path)),
    request_body = HandleInput, security(("bearer" = [])),
    responses((status = 200, body = RequestRecord), (status = 403), (status = 404), (status = 422)))]
pub async fn handle_request(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<HandleInput>,
) -> AppResult<Json<RequestRecord>> {
    user.require_admin()?;
    let status = match input.status.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(
            RequestStatus::parse(s)
                .filter(|s| *s != RequestStatus::Open)
                .ok_or_else(|| AppError::invalid("status", messages::DONE_OR_REFUSED))?,
        ),
    };
    let record =
        store::handle_request(&db, id, user.id, status).await?.ok_or_else(|| AppError::not_found(messages::REQUEST))?;
    Ok(Json(record))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ProcessingList {
    pub items: Vec<ProcessingRecord>,
}

/// Who took personal data out in bulk, when, and of how many people.
#[utoipa::path(get, path = "/api/v1/admin/privacy/processing-log", tag = "privacy", security(("bearer" = [])),
    responses((status = 200, body = ProcessingList), (status = 401), (status = 403)))]
pub async fn processing_log(State(db): State<Db>, user: CurrentUser) -> AppResult<Json<ProcessingList>> {
    user.require_admin()?;
    Ok(Json(ProcessingList { items: store::processing_log(&db, 500).await? }))
}
