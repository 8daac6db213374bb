//! `/api/v1/admin/breaches…`: the breach register (admins only).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;

use super::model::{BreachInput, NoticeInput};
use super::store::{self, Breach};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::AppResult;
use crate::web::ApiJson;

/// Record a personal-data breach; its 72-hour clock to the authority's notice starts
/// at `found_at`.
#[utoipa::path(post, path = "/api/v1/admin/breaches", tag = "privacy", security(("bearer" = [])),
    request_body = BreachInput, responses((status = 201, body = Breach), (status = 401), (status = 403), (status = 422)))]
pub async fn record_breach(
    State(db): State<Db>,
    user: CurrentUser,
    ApiJson(input): ApiJson<BreachInput>,
) -> AppResult<(StatusCode, Json<Breach>)> {
    Ok((StatusCode::CREATED, Json(super::record(&db, &user, &input).await?)))
}

/// The register: open breaches first (nearest deadline first), then closed ones.
#[utoipa::path(get, path = "/api/v1/admin/breaches", tag = "privacy", security(("bearer" = [])),
    responses((status = 200, body = [Breach]), (status = 401), (status = 403)))]
pub async fn list_breaches(State(db): State<Db>, user: CurrentUser) -> AppResult<Json<Vec<Breach>>> {
    user.require_admin()?;
    Ok(Json(store::list(&db, 500).await?))
}

#[utoipa::path(get, path = "/api/v1/admin/breaches/{id}", tag = "privacy", security(("bearer" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = Breach), (status = 401), (status = 403), (status = 404)))]
pub async fn get_breach(State(db): State<Db>, user: CurrentUser, Path(id): Path<i64>) -> AppResult<Json<Breach>> {
    Ok(Json(super::find(&db, &user, id).await?))
}

/// Record a notice sent about a breach (to the authority, the people affected, or
/// others); the authority's first notice stops the clock.
#[utoipa::path(post, path = "/api/v1/admin/breaches/{id}/notices", tag = "privacy", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = NoticeInput,
    responses((status = 201, body = Breach), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn add_notice(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<NoticeInput>,
) -> AppResult<(StatusCode, Json<Breach>)> {
    Ok((StatusCode::CREATED, Json(super::add_notice(&db, &user, id, &input).await?)))
}

#[utoipa::path(post, path = "/api/v1/admin/breaches/{id}/close", tag = "privacy", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = Breach), (status = 401), (status = 403), (status = 404), (status = 409)))]
pub async fn close_breach(State(db): State<Db>, user: CurrentUser, Path(id): Path<i64>) -> AppResult<Json<Breach>> {
    Ok(Json(super::close(&db, &user, id).await?))
}
