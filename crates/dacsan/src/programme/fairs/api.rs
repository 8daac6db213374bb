//! `/api/v1/programme/fairs`: the province's fairs and market sessions with their
//! totals, one fair with its booths, changes, and booths added or removed.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Serialize;

use super::events::{self, BoothRequest};
use super::messages;
use super::model::{BoothInput, FairInput};
use super::sales_store::FairTakings;
use super::store::{self, Booth, Fair, Totals};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::programme::scope;
use crate::web::ApiJson;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FairList {
    pub province: String,
    pub totals: Totals,
    pub fairs: Vec<Fair>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FairJson {
    #[serde(flatten)]
    pub fair: Fair,
    pub booth_list: Vec<Booth>,
    /// The stalls' paid sales: transfer and cash, by booth (producer id), product set and hour.
    pub sales: FairTakings,
}

pub use crate::programme::scope::ProvinceParam;

#[utoipa::path(get, path = "/api/v1/programme/fairs", tag = "programme", security(("bearer" = [])),
    params(("province" = Option<String>, Query)), responses((status = 200, body = FairList), (status = 401), (status = 403)))]
pub async fn list_fairs(
    State(db): State<Db>,
    user: CurrentUser,
    Query(q): Query<ProvinceParam>,
) -> AppResult<Json<FairList>> {
    let province = scope::province_for(&user, q.province.as_deref())?;
    let fairs = store::list_for_province(&db, &province).await?;
    let totals = store::totals_of_province(&db, &province).await?;
    Ok(Json(FairList { province, totals, fairs }))
}

async fn fair_json(db: &Db, user: &CurrentUser, id: i64) -> AppResult<FairJson> {
    let fair = events::fair_for(db, user, id).await?;
    let booth_list = store::booths_of(db, fair.id).await?;
    let sales = super::sales_store::fair_takings(db, fair.id).await?;
    Ok(FairJson { fair, booth_list, sales })
}

#[utoipa::path(post, path = "/api/v1/programme/fairs", tag = "programme", security(("bearer" = [])),
    request_body = FairInput, params(("province" = Option<String>, Query)),
    responses((status = 201, body = FairJson), (status = 401), (status = 403), (status = 422)))]
pub async fn create_fair(
    State(db): State<Db>,
    user: CurrentUser,
    Query(q): Query<ProvinceParam>,
    ApiJson(input): ApiJson<FairInput>,
) -> AppResult<(StatusCode, Json<FairJson>)> {
    let id = events::create(&db, &user, q.province.as_deref(), &input).await?;
    Ok((StatusCode::CREATED, Json(fair_json(&db, &user, id).await?)))
}

fn fair_id(id: &str) -> AppResult<i64> {
    id.parse().map_err(|_| AppError::not_found(messages::FAIR))
}

#[utoipa::path(get, path = "/api/v1/programme/fairs/{id}", tag = "programme", security(("bearer" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = FairJson), (status = 401), (status = 403), (status = 404)))]
pub async fn get_fair(State(db): State<Db>, user: CurrentUser, Path(id): Path<String>) -> AppResult<Json<FairJson>> {
    Ok(Json(fair_json(&db, &user, fair_id(&id)?).await?))
}

#[utoipa::path(patch, path = "/api/v1/programme/fairs/{id}", tag = "programme", security(("bearer" = [])),
    request_body = FairInput, params(("id" = i64, Path)),
    responses((status = 200, body = FairJson), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn update_fair(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<FairInput>,
) -> AppResult<Json<FairJson>> {
    let fair = events::fair_for(&db, &user, fair_id(&id)?).await?;
    events::change(&db, &fair, &input).await?;
    Ok(Json(fair_json(&db, &user, fair.id).await?))
}

/// Add a producer's booth (or change its label and revenue).
#[utoipa::path(post, path = "/api/v1/programme/fairs/{id}/booths", tag = "programme", security(("bearer" = [])),
    request_body = BoothInput, params(("id" = i64, Path)),
    responses((status = 201, body = FairJson), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn create_booth(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<BoothInput>,
) -> AppResult<(StatusCode, Json<FairJson>)> {
    let fair = events::fair_for(&db, &user, fair_id(&id)?).await?;
    let request = BoothRequest {
        producer_id: input.producer_id,
        producer: input.producer.as_deref(),
        booth: input.booth.as_deref(),
        revenue_vnd: input.revenue_vnd.unwrap_or(0),
        errors: FieldErrors::default(),
    };
    events::add_booth(&db, &user, &fair, request).await?;
    Ok((StatusCode::CREATED, Json(fair_json(&db, &user, fair.id).await?)))
}

#[utoipa::path(delete, path = "/api/v1/programme/fairs/{id}/booths/{producer_id}", tag = "programme", security(("bearer" = [])),
    params(("id" = i64, Path), ("producer_id" = i64, Path)),
    responses((status = 204), (status = 401), (status = 403), (status = 404)))]
pub async fn delete_booth(
    State(db): State<Db>,
    user: CurrentUser,
    Path((id, producer_id)): Path<(String, String)>,
) -> AppResult<StatusCode> {
    let fair = events::fair_for(&db, &user, fair_id(&id)?).await?;
    let no_booth = || AppError::not_found(messages::BOOTH);
    let producer_id: i64 = producer_id.parse().map_err(|_| no_booth())?;
    if store::delete_booth(&db, fair.id, producer_id).await? { Ok(StatusCode::NO_CONTENT) } else { Err(no_booth()) }
}
