//! `/api/v1/programme/cases`: the province's 1:1 support cases, one case with its
//! notes, changes and new notes.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use super::cases;
use super::messages;
use super::model::{self, CaseFilter, CaseInput, CasePatch};
use super::store::{self, Case, Note};
use crate::auth::CurrentUser;
use crate::db::{self, Db};
use crate::error::{AppError, AppResult};
use crate::programme::scope;
use crate::web::ApiJson;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CaseJson {
    #[serde(flatten)]
    pub case: Case,
    /// Still open past its due date.
    pub overdue: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<Vec<Note>>,
}

impl CaseJson {
    fn of(case: Case, notes: Option<Vec<Note>>) -> CaseJson {
        let overdue = model::is_overdue(case.status, case.due_on.as_deref(), db::today_vn());
        CaseJson { case, overdue, notes }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CaseList {
    pub province: String,
    pub cases: Vec<CaseJson>,
}

/// The province's cases, filtered by `status`, `topic`, `owner` (user id) and `overdue`.
#[utoipa::path(get, path = "/api/v1/programme/cases", tag = "programme", security(("bearer" = [])),
    params(("province" = Option<String>, Query), ("status" = Option<String>, Query), ("topic" = Option<String>, Query),
           ("owner" = Option<i64>, Query), ("overdue" = Option<bool>, Query)),
    responses((status = 200, body = CaseList), (status = 401), (status = 403), (status = 422)))]
pub async fn list_cases(
    State(db): State<Db>,
    user: CurrentUser,
    Query(filter): Query<CaseFilter>,
) -> AppResult<Json<CaseList>> {
    let province = scope::province_for(&user, filter.province.as_deref())?;
    let q = filter.validate().map_err(AppError::Invalid)?;
    let today = db::today_vn().to_string();
    let cases = store::list_for_province(&db, &province, &q, &today).await?;
    Ok(Json(CaseList { province, cases: cases.into_iter().map(|c| CaseJson::of(c, None)).collect() }))
}

pub use crate::programme::scope::ProvinceParam;

/// Open a case for a producer (by `producer_id`, or `producer`: its `Mã cơ sở` or name).
#[utoipa::path(post, path = "/api/v1/programme/cases", tag = "programme", security(("bearer" = [])),
    request_body = CaseInput, params(("province" = Option<String>, Query)),
    responses((status = 201, body = CaseJson), (status = 401), (status = 403), (status = 422)))]
pub async fn create_case(
    State(db): State<Db>,
    user: CurrentUser,
    Query(q): Query<ProvinceParam>,
    ApiJson(input): ApiJson<CaseInput>,
) -> AppResult<(StatusCode, Json<CaseJson>)> {
    let id = cases::create(&db, &user, q.province.as_deref(), &input).await?;
    let case = cases::case_for(&db, &user, id).await?;
    let notes = store::notes_of(&db, id).await?;
    Ok((StatusCode::CREATED, Json(CaseJson::of(case, Some(notes)))))
}

fn case_id(id: &str) -> AppResult<i64> {
    id.parse().map_err(|_| AppError::not_found(messages::SUPPORT_CASE))
}

/// One case with its notes, oldest first.
#[utoipa::path(get, path = "/api/v1/programme/cases/{id}", tag = "programme", security(("bearer" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = CaseJson), (status = 401), (status = 403), (status = 404)))]
pub async fn get_case(State(db): State<Db>, user: CurrentUser, Path(id): Path<String>) -> AppResult<Json<CaseJson>> {
    let case = cases::case_for(&db, &user, case_id(&id)?).await?;
    let notes = store::notes_of(&db, case.id).await?;
    Ok(Json(CaseJson::of(case, Some(notes))))
}

/// Change the status (closing sets `closed_at`, reopening clears it), owner, due date, topic or title.
#[utoipa::path(patch, path = "/api/v1/programme/cases/{id}", tag = "programme", security(("bearer" = [])),
    request_body = CasePatch, params(("id" = i64, Path)),
    responses((status = 200, body = CaseJson), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn update_case(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<CasePatch>,
) -> AppResult<Json<CaseJson>> {
    let case = cases::case_for(&db, &user, case_id(&id)?).await?;
    let change = patch.validate().map_err(AppError::Invalid)?;
    let case = cases::change(&db, case, change).await?;
    let notes = store::notes_of(&db, case.id).await?;
    Ok(Json(CaseJson::of(case, Some(notes))))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct NoteInput {
    pub body: Option<String>,
}

/// Append a note to the case's log (notes are never edited).
#[utoipa::path(post, path = "/api/v1/programme/cases/{id}/notes", tag = "programme", security(("bearer" = [])),
    request_body = NoteInput, params(("id" = i64, Path)),
    responses((status = 201, body = Note), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn create_note(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<NoteInput>,
) -> AppResult<(StatusCode, Json<Note>)> {
    let case = cases::case_for(&db, &user, case_id(&id)?).await?;
    let note_id = cases::add_note(&db, &user, &case, input.body.as_deref()).await?;
    let note = store::notes_of(&db, case.id)
        .await?
        .into_iter()
        .find(|n| n.id == note_id)
        .ok_or_else(|| AppError::not_found(messages::NOTE))?;
    Ok((StatusCode::CREATED, Json(note)))
}
