//! `/api/v1/shipping/collection-points…` (points, runs, keepers' links, manifests)
//! and the keeper's `/api/v1/collect/{token}` (no account: the token is the key).

use crate::config::Settings;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

use super::messages;
use super::model::{CollectionPoint, PointInput, Run, RunInput, ValidPoint};
use super::service::{self, DEFAULT_KEEPER_DAYS, MAX_KEEPER_DAYS, ManifestView, ScanOutcome};
use super::store::{self, Keeper, PointParcel};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::Message;
use crate::error::{AppError, AppResult};
use crate::web::ApiJson;
use crate::web::i18n::Lang;

/// A point with its runs.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PointJson {
    #[serde(flatten)]
    pub point: CollectionPoint,
    /// `Xã Sìn Hồ, Tỉnh Lai Châu`
    pub place_name: String,
    pub runs: Vec<Run>,
    /// The soonest departure of its live runs (UTC, RFC 3339).
    pub next_run_at: Option<String>,
}

pub async fn point_json(db: &Db, point: CollectionPoint) -> AppResult<PointJson> {
    let runs = store::runs_of(db, point.id).await?;
    let now = time::OffsetDateTime::now_utc();
    let next = runs.iter().filter(|r| r.active).filter_map(|r| r.next_after(now)).min();
    Ok(PointJson { place_name: point.place_name(), point, runs, next_run_at: next.map(crate::db::time_text) })
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PointList {
    pub items: Vec<PointJson>,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ProvinceParam {
    /// A province's code: only its points.
    pub province: Option<String>,
}

/// Collection points (of a province), with their runs: where producers of remote
/// communes drop parcels for the next run.
#[utoipa::path(get, path = "/api/v1/shipping/collection-points", tag = "shipping", params(ProvinceParam),
    responses((status = 200, body = PointList)))]
pub async fn list_points(State(db): State<Db>, Query(q): Query<ProvinceParam>) -> AppResult<Json<PointList>> {
    let province = q.province.as_deref().map(str::trim).filter(|p| !p.is_empty());
    let mut items = Vec::new();
    for point in store::list_points(&db, province).await? {
        items.push(point_json(&db, point).await?);
    }
    Ok(Json(PointList { items }))
}

/// May this user put a point with these values? A named cooperative must exist.
pub async fn check_may_set(db: &Db, user: &CurrentUser, point: &ValidPoint) -> AppResult<()> {
    if let Some(producer_id) = point.producer_id
        && crate::producers::store::find_by_id(db, producer_id).await?.is_none()
    {
        return Err(AppError::invalid(
            "producer_id",
            Message::from(messages::NO_PRODUCER).with("producer_id", producer_id),
        ));
    }
    if !service::may_manage(user, &point.province_code, point.producer_id) {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

/// Set up a collection point (officers of its province, admins, or the sellers of
/// the cooperative that runs it).
#[utoipa::path(post, path = "/api/v1/shipping/collection-points", tag = "shipping", request_body = PointInput,
    security(("bearer" = [])), responses((status = 201, body = PointJson), (status = 401), (status = 403), (status = 422)))]
pub async fn create_point(
    State(db): State<Db>,
    user: CurrentUser,
    ApiJson(input): ApiJson<PointInput>,
) -> AppResult<(StatusCode, Json<PointJson>)> {
    let valid = input.validate().map_err(AppError::Invalid)?;
    check_may_set(&db, &user, &valid).await?;
    let point = store::insert_point(&db, &valid, user.id).await?;
    tracing::info!(point.id = point.id, user.id = user.id, "collection point {} set up", point.name);
    Ok((StatusCode::CREATED, Json(point_json(&db, point).await?)))
}

/// A collection point with its runs.
#[utoipa::path(get, path = "/api/v1/shipping/collection-points/{id}", tag = "shipping", params(("id" = i64, Path)),
    responses((status = 200, body = PointJson), (status = 404)))]
pub async fn get_point(State(db): State<Db>, Path(id): Path<i64>) -> AppResult<Json<PointJson>> {
    let point = store::find_point(&db, id)
        .await?
        .ok_or_else(|| AppError::not_found(Message::from(messages::COLLECTION_POINT).with("id", id)))?;
    Ok(Json(point_json(&db, point).await?))
}

/// Change a collection point (the whole point, as when it was set up).
#[utoipa::path(put, path = "/api/v1/shipping/collection-points/{id}", tag = "shipping", params(("id" = i64, Path)),
    request_body = PointInput, security(("bearer" = [])),
    responses((status = 200, body = PointJson), (status = 403), (status = 404), (status = 422)))]
pub async fn update_point(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<PointInput>,
) -> AppResult<Json<PointJson>> {
    service::managed_point(&db, &user, id).await?;
    let valid = input.validate().map_err(AppError::Invalid)?;
    check_may_set(&db, &user, &valid).await?;
    let not_found = || AppError::not_found(Message::from(messages::COLLECTION_POINT).with("id", id));
    let point = store::update_point(&db, id, &valid).await?.ok_or_else(not_found)?;
    Ok(Json(point_json(&db, point).await?))
}

/// Add a run to a point: weekdays and a time (Vietnam time), by a carrier or the
/// cooperative's vehicle.
#[utoipa::path(post, path = "/api/v1/shipping/collection-points/{id}/runs", tag = "shipping", params(("id" = i64, Path)),
    request_body = RunInput, security(("bearer" = [])),
    responses((status = 201, body = Run), (status = 403), (status = 404), (status = 422)))]
pub async fn create_run(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<RunInput>,
) -> AppResult<(StatusCode, Json<Run>)> {
    let point = service::managed_point(&db, &user, id).await?;
    let valid = input.validate().map_err(AppError::Invalid)?;
    let run = store::insert_run(&db, point.id, &valid).await?;
    Ok((StatusCode::CREATED, Json(run)))
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct KeeperInput {
    /// Who keeps the point (`Chị Lò Thị Mai, bưu điện xã`).
    pub keeper_name: Option<String>,
    /// How long the link works: 1 to 180 days (90 when left out).
    pub days: Option<i64>,
}

/// A keeper's link as the managers' API shows it; `url` only when it is issued.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct KeeperJson {
    #[serde(flatten)]
    pub keeper: Keeper,
    pub live: bool,
    /// The link to give the keeper (page and API): shown once, at issue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The keeper's page of a point, and the API with the same link.
pub fn collect_url(public_url: &str, token: &str) -> String {
    format!("{public_url}/collect/{token}")
}

/// Checks a keeper's name and the link's lifetime.
pub fn check_keeper(input: &KeeperInput) -> AppResult<(String, i64)> {
    let mut errors = crate::error::FieldErrors::default();
    let name = input.keeper_name.as_deref().unwrap_or("").trim().to_string();
    if name.is_empty() || name.chars().count() > 120 {
        errors.add("keeper_name", messages::KEEPER_NAME_REQUIRED);
    }
    let days = input.days.unwrap_or(DEFAULT_KEEPER_DAYS);
    if !(1..=MAX_KEEPER_DAYS).contains(&days) {
        errors.add("days", Message::from(messages::KEEPER_DAYS_1_TO_MAX).with("max_keeper_days", MAX_KEEPER_DAYS));
    }
    errors.into_result()?;
    Ok((name, days))
}

/// Give the point's keeper a link to receive parcels from a phone, without an
/// account. The link is in this answer only; only its SHA-256 is kept.
#[utoipa::path(post, path = "/api/v1/shipping/collection-points/{id}/keepers", tag = "shipping", params(("id" = i64, Path)),
    request_body = KeeperInput, security(("bearer" = [])),
    responses((status = 201, body = KeeperJson), (status = 403), (status = 404), (status = 422)))]
pub async fn create_keeper(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<KeeperInput>,
) -> AppResult<(StatusCode, Json<KeeperJson>)> {
    let point = service::managed_point(&db, &user, id).await?;
    let (name, days) = check_keeper(&input)?;
    let (keeper, token) = store::insert_keeper(&db, point.id, &name, days, user.id).await?;
    let url = Some(collect_url(&settings.public_url, &token));
    Ok((StatusCode::CREATED, Json(KeeperJson { keeper, live: true, url })))
}

/// Revoke a keeper's link: it stops working at once.
#[utoipa::path(delete, path = "/api/v1/shipping/collection-points/{id}/keepers/{keeper}", tag = "shipping",
    params(("id" = i64, Path), ("keeper" = i64, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 403), (status = 404)))]
pub async fn revoke_keeper(
    State(db): State<Db>,
    user: CurrentUser,
    Path((id, keeper)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    let point = service::managed_point(&db, &user, id).await?;
    if !store::revoke_keeper(&db, point.id, keeper).await? {
        return Err(AppError::not_found(Message::from(messages::KEEPER_LINK_NAMED).with("keeper", keeper)));
    }
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ManifestParams {
    /// The run's date, `YYYY-MM-DD` (today in Vietnam when left out).
    pub date: Option<String>,
    /// `pdf` for the printable manifest.
    pub format: Option<String>,
}

/// The point and run a manager asks about.
pub async fn managed_run(db: &Db, user: &CurrentUser, id: i64, run: i64) -> AppResult<(CollectionPoint, Run)> {
    let point = service::managed_point(db, user, id).await?;
    let run = store::find_run(db, point.id, run)
        .await?
        .ok_or_else(|| AppError::not_found(Message::from(messages::RUN).with("run", run)))?;
    Ok((point, run))
}

/// A run's manifest on a date: the parcels received at the point for it (or, once
/// handed over, those it took), with producer, weight and cash to collect, and the
/// totals; `?format=pdf` prints it.
#[utoipa::path(get, path = "/api/v1/shipping/collection-points/{id}/runs/{run}/manifest", tag = "shipping",
    params(("id" = i64, Path), ("run" = i64, Path), ManifestParams), security(("bearer" = [])),
    responses((status = 200, body = ManifestView, description = "the manifest; a PDF file with `?format=pdf`"), (status = 404), (status = 422)))]
pub async fn get_manifest(
    State(db): State<Db>,
    user: CurrentUser,
    Path((id, run)): Path<(i64, i64)>,
    Query(q): Query<ManifestParams>,
) -> AppResult<Response> {
    let (point, run) = managed_run(&db, &user, id, run).await?;
    let date = service::run_date(q.date.as_deref())?;
    let view = service::manifest(&db, &point, &run, date).await?;
    if q.format.as_deref() == Some("pdf") {
        let bytes = super::manifest::pdf(&point, &run, &view, Lang::Vi).await?;
        let name = format!("bang-ke-diem-gom-{}-chuyen-{}-{}.pdf", point.id, run.id, view.date);
        return Ok(crate::web::download(&name, "application/pdf", bytes));
    }
    Ok(Json(view).into_response())
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct HandoverInput {
    /// The run's date, `YYYY-MM-DD` (today in Vietnam when left out).
    pub date: Option<String>,
}

/// Hand the run's parcels to its carrier: the manifest closes, each parcel's journey
/// records it; the carrier's pick-up notification then moves them on.
#[utoipa::path(post, path = "/api/v1/shipping/collection-points/{id}/runs/{run}/handover", tag = "shipping",
    params(("id" = i64, Path), ("run" = i64, Path)), request_body = HandoverInput, security(("bearer" = [])),
    responses((status = 200, body = ManifestView), (status = 404), (status = 409, description = "handed over already, or nothing waits"), (status = 422)))]
pub async fn hand_over(
    State(db): State<Db>,
    user: CurrentUser,
    Path((id, run)): Path<(i64, i64)>,
    ApiJson(input): ApiJson<HandoverInput>,
) -> AppResult<Json<ManifestView>> {
    let (point, run) = managed_run(&db, &user, id, run).await?;
    let date = service::run_date(input.date.as_deref())?;
    Ok(Json(service::hand_over(&db, &point, &run, date, user.id).await?))
}

/// What a keeper's link shows: the point, the parcels expected and those received.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct KeeperView {
    pub point: PointJson,
    pub keeper_name: String,
    pub expires_at: String,
    /// Booked parcels of the point's producers, not brought yet.
    pub expected: Vec<PointParcel>,
    /// Received and waiting for their run.
    pub received: Vec<PointParcel>,
}

/// The keeper's view of the point (the token is the key).
#[utoipa::path(get, path = "/api/v1/collect/{token}", tag = "shipping",
    params(("token" = String, Path, description = "the keeper's link token")),
    responses((status = 200, body = KeeperView), (status = 404), (status = 410, description = "the link expired or was revoked")))]
pub async fn get_collect(State(db): State<Db>, Path(token): Path<String>) -> AppResult<Json<KeeperView>> {
    let (keeper, point) = service::live_keeper(&db, &token).await?;
    let expected = store::expected_at(&db, point.id).await?;
    let received = store::waiting_at(&db, point.id, super::model::VEHICLE).await?;
    Ok(Json(KeeperView {
        keeper_name: keeper.keeper_name,
        expires_at: keeper.expires_at,
        point: point_json(&db, point).await?,
        expected,
        received,
    }))
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct ScanInput {
    /// The parcel's code as scanned from its label or typed: our shipment code or
    /// the carrier's waybill, the QR code of dacsan's label (the order's URL with
    /// the parcel's code), or the SSCC of its GS1-128 (`00` or `(00)` and 18 digits).
    pub code: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ScanAnswer {
    pub outcome: ScanOutcome,
    pub parcel: PointParcel,
}

/// The keeper scans a parcel: received at the collection point. Scanning it again
/// changes nothing and says so; an unknown code is refused in words.
#[utoipa::path(post, path = "/api/v1/collect/{token}/scans", tag = "shipping", request_body = ScanInput,
    params(("token" = String, Path, description = "the keeper's link token")),
    responses((status = 200, body = ScanAnswer), (status = 404), (status = 409, description = "the parcel is past the point"), (status = 410), (status = 422)))]
pub async fn scan(
    State(db): State<Db>,
    Path(token): Path<String>,
    ApiJson(input): ApiJson<ScanInput>,
) -> AppResult<Json<ScanAnswer>> {
    let (keeper, point) = service::live_keeper(&db, &token).await?;
    let (outcome, parcel) = service::scan(&db, &keeper, &point, input.code.as_deref().unwrap_or("")).await?;
    Ok(Json(ScanAnswer { outcome, parcel }))
}
