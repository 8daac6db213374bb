//! The dollar rate of English pages' indicative figures: `PUT
//! /api/v1/admin/exchange-rates/usd` (admins), `GET /api/v1/exchange-rates`.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};

use super::messages;
use crate::auth::CurrentUser;
use crate::catalog::store;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::vn::Vnd;
use crate::web::response_cache::ResponseCache;

/// Đồng per dollar an admin may set: a sanity band around any rate the đồng has had.
const RATE_BAND: std::ops::RangeInclusive<i64> = 10_000..=100_000;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RateInput {
    /// Đồng for one US dollar, e.g. 25450.
    pub vnd_per_usd: i64,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RateJson {
    pub currency: &'static str,
    pub vnd_per_usd: i64,
    pub set_at: String,
}

/// Sets the rate from what an admin typed (`25.450` or `25450`); clears the
/// page cache so English pages show it at once. The rate set.
pub async fn set_usd(db: &Db, response_cache: &ResponseCache, user: &CurrentUser, typed: &str) -> AppResult<Vnd> {
    user.require_admin()?;
    let rate = Vnd::parse(typed.trim())
        .ok()
        .filter(|r| RATE_BAND.contains(&r.0))
        .ok_or_else(|| AppError::invalid("vnd_per_usd", messages::DONG_PER_DOLLAR))?;
    store::set_usd_rate(db, rate.0, user.id).await?;
    response_cache.clear();
    tracing::info!(user.id = user.id, vnd_per_usd = rate.0, "dollar rate set");
    Ok(rate)
}

async fn rate_json(db: &Db) -> AppResult<Option<RateJson>> {
    Ok(store::usd_rate_set(db).await?.map(|(vnd_per_usd, set_at, _)| RateJson { currency: "USD", vnd_per_usd, set_at }))
}

/// Set the US dollar rate of the indicative figures on English pages.
#[utoipa::path(put, path = "/api/v1/admin/exchange-rates/usd", tag = "admin", request_body = RateInput,
    security(("bearer" = [])), responses((status = 200, body = RateJson), (status = 403), (status = 422)))]
pub async fn put_usd_rate(
    State(db): State<Db>,
    State(response_cache): State<Arc<ResponseCache>>,
    user: CurrentUser,
    crate::web::ApiJson(input): crate::web::ApiJson<RateInput>,
) -> AppResult<Json<RateJson>> {
    set_usd(&db, &response_cache, &user, &input.vnd_per_usd.to_string()).await?;
    rate_json(&db).await?.map(Json).ok_or_else(|| AppError::not_found(messages::RATE))
}

/// The rates in use for indicative figures (none until an admin sets one).
#[utoipa::path(get, path = "/api/v1/exchange-rates", tag = "catalog", responses((status = 200, body = [RateJson])))]
pub async fn list_rates(State(db): State<Db>) -> AppResult<Json<Vec<RateJson>>> {
    Ok(Json(rate_json(&db).await?.into_iter().collect()))
}
