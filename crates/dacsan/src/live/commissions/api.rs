//! `/api/v1/affiliates/me…` (an affiliate's code, the rates producers pay it, its
//! monthly statement) and `/api/v1/producers/{id}/commission…` (a producer's rates
//! and what it owes its hosts).

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::model::{Month, RateInput};
use super::report::{self, Heading};
use super::service::{self, Owed, Statement};
use super::store::{self, Rate};
use crate::auth::CurrentUser;
use crate::config::Settings;
use crate::db::Db;
use crate::error::AppResult;
use crate::web::ApiJson;
use crate::web::i18n::Lang;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Affiliate {
    /// `None` until the account asks for one (`POST /api/v1/affiliates/me`).
    pub referral_code: Option<String>,
    /// Any dacsan link with `?ref={referral_code}` attributes the orders placed
    /// through it (for 7 days) to this account.
    pub example_link: Option<String>,
    /// What producers pay this account.
    pub rates: Vec<Rate>,
}

async fn affiliate(db: &Db, settings: &Settings, user: &CurrentUser) -> AppResult<Affiliate> {
    let referral_code = store::affiliate_code(db, user.id).await?;
    let example_link = referral_code.as_ref().map(|code| link(&settings.public_url, "/", code));
    Ok(Affiliate { referral_code, example_link, rates: store::rates_for_host(db, user.id).await? })
}

/// A dacsan page's address carrying an affiliate's code.
pub fn link(public_url: &str, path: &str, code: &str) -> String {
    format!("{}{path}?ref={code}", public_url.trim_end_matches('/'))
}

#[utoipa::path(get, path = "/api/v1/affiliates/me", tag = "live", security(("bearer" = [])),
    responses((status = 200, body = Affiliate), (status = 401)))]
pub async fn get_me(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    user: CurrentUser,
) -> AppResult<Json<Affiliate>> {
    Ok(Json(affiliate(&db, &settings, &user).await?))
}

/// Gives the account its own referral code (once; the same code afterwards).
#[utoipa::path(post, path = "/api/v1/affiliates/me", tag = "live", security(("bearer" = [])),
    responses((status = 201, body = Affiliate), (status = 200, body = Affiliate), (status = 401)))]
pub async fn become_affiliate(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    user: CurrentUser,
) -> AppResult<(StatusCode, Json<Affiliate>)> {
    let (_, made) = service::become_affiliate(&db, &user).await?;
    let status = if made { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(affiliate(&db, &settings, &user).await?)))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct MonthParams {
    /// `YYYY-MM`; this month (in Vietnam) when left out.
    pub month: Option<String>,
    /// `xlsx` for the workbook, `pdf` for an A4 page (in the `Accept-Language`).
    pub format: Option<String>,
}

/// The statement as JSON, or as a workbook or a PDF when a format is asked.
async fn answer<T: Serialize>(
    json: T,
    heading: impl FnOnce() -> Heading,
    format: Option<&str>,
    lang: Lang,
) -> AppResult<Response> {
    match format {
        None => Ok(Json(json).into_response()),
        Some(format) => report::download(heading(), format, lang).await,
    }
}

/// The month's statement of the orders attributed to this account (as a live
/// session's host or by its own code) that were delivered in the month and not
/// refunded, with the commission each producer agreed; no buyer's details.
#[utoipa::path(get, path = "/api/v1/affiliates/me/statement", tag = "live", security(("bearer" = [])),
    params(MonthParams), responses((status = 200, body = Statement), (status = 401), (status = 422)))]
pub async fn my_statement(
    State(db): State<Db>,
    user: CurrentUser,
    lang: Lang,
    Query(q): Query<MonthParams>,
) -> AppResult<Response> {
    let month = Month::parse(q.month.as_deref())?;
    let statement = service::statement(&db, user.id, month).await?;
    let heading = || Heading::of_statement(&user.name, &statement);
    answer(&statement, heading, q.format.as_deref(), lang).await
}

/// What the producer owes each host for the month.
#[utoipa::path(get, path = "/api/v1/producers/{id}/commissions", tag = "live", security(("bearer" = [])),
    params(("id" = i64, Path), MonthParams), responses((status = 200, body = Owed), (status = 401), (status = 403), (status = 422)))]
pub async fn producer_commissions(
    State(db): State<Db>,
    user: CurrentUser,
    lang: Lang,
    Path(id): Path<i64>,
    Query(q): Query<MonthParams>,
) -> AppResult<Response> {
    user.require_producer(id)?;
    let month = Month::parse(q.month.as_deref())?;
    let owed = service::owed(&db, id, month).await?;
    let name = crate::producers::store::find_by_id(&db, id).await?.map(|p| p.name).unwrap_or_default();
    let heading = || Heading::of_owed(&name, &owed);
    answer(&owed, heading, q.format.as_deref(), lang).await
}

#[utoipa::path(get, path = "/api/v1/producers/{id}/commission-rates", tag = "live", security(("bearer" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = Vec<Rate>), (status = 401), (status = 403)))]
pub async fn list_rates(State(db): State<Db>, user: CurrentUser, Path(id): Path<i64>) -> AppResult<Json<Vec<Rate>>> {
    user.require_producer(id)?;
    Ok(Json(store::rates_of_producer(&db, id).await?))
}

/// Sets what the producer pays a host or an affiliate: on one product, or on all
/// its products without a rate of their own. Orders placed from then on carry it.
#[utoipa::path(put, path = "/api/v1/producers/{id}/commission-rates", tag = "live", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = RateInput,
    responses((status = 200, body = Vec<Rate>), (status = 401), (status = 403), (status = 422)))]
pub async fn set_rate(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<RateInput>,
) -> AppResult<Json<Vec<Rate>>> {
    service::set_rate(&db, &user, id, &input).await?;
    Ok(Json(store::rates_of_producer(&db, id).await?))
}

#[utoipa::path(delete, path = "/api/v1/producers/{id}/commission-rates/{rate_id}", tag = "live",
    security(("bearer" = [])), params(("id" = i64, Path), ("rate_id" = i64, Path)),
    responses((status = 204), (status = 401), (status = 403), (status = 404)))]
pub async fn delete_rate(
    State(db): State<Db>,
    user: CurrentUser,
    Path((id, rate_id)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    service::delete_rate(&db, &user, id, rate_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
