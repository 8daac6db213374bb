//! `/api/v1/programme/listings` (a province's products and where they are listed),
//! `POST` a listing, `PATCH /listings/{id}` (address, delisting), `POST
//! /listings/sales` (monthly sales from a platform's report), `GET
//! /listings/effectiveness` (which product sells where).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::messages;
use super::model::{ListingInput, is_web_address, parse_month_param};
use super::sales::{self, SalesReport};
use super::store::{self, Effectiveness, Listing, ProductChannels};
use crate::auth::CurrentUser;
use crate::db::{self, Db};
use crate::error::Message;
use crate::error::{AppError, AppResult};
use crate::live::channels::ChannelFigures;
use crate::programme::scope;
use crate::vn::{self, admin_units};
use crate::web::ApiJson;

/// Largest sales report accepted.
pub const MAX_SALES_FILE: usize = 8 * 1024 * 1024;

#[derive(Debug, Default, Deserialize)]
pub struct ListParams {
    pub province: Option<String>,
    pub commune: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub valid_only: Option<bool>,
    pub platform: Option<String>,
}

impl ListParams {
    /// The commune asked for, checked to lie in the province.
    pub fn commune_in(&self, province: &str) -> AppResult<Option<String>> {
        match self.commune.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            None => Ok(None),
            Some(code) => admin_units::commune_in(province, code).map(|c| Some(c.code.clone())).ok_or_else(|| {
                AppError::invalid(
                    "commune",
                    Message::from(messages::COMMUNE_IS_NOT_IN_THE_PROVINCE)
                        .with("code", code)
                        .with("province", province),
                )
            }),
        }
    }

    /// `from..=to` months, by default the twelve months up to this one.
    pub fn months(&self) -> AppResult<(String, String)> {
        let today = db::today_vn();
        let to = match self.to.as_deref().filter(|s| !s.is_empty()) {
            Some(text) => parse_month_param("to", text)?,
            None => crate::programme::kpis::model::month_key(today),
        };
        let from = match self.from.as_deref().filter(|s| !s.is_empty()) {
            Some(text) => parse_month_param("from", text)?,
            None => {
                let year_ago = today.replace_year(today.year() - 1).unwrap_or(today);
                crate::programme::kpis::model::month_key(crate::programme::kpis::model::next_month_start(year_ago))
            }
        };
        if from > to {
            return Err(AppError::invalid("from", messages::FROM_AFTER_TO));
        }
        Ok((from, to))
    }
}

/// `GET /api/v1/programme/listings?province=&commune=`: the province's products
/// (of one commune if given) with where each is listed.
#[utoipa::path(get, path = "/api/v1/programme/listings", tag = "programme", security(("bearer" = [])),
    params(("province" = Option<String>, Query), ("commune" = Option<String>, Query)),
    responses((status = 200, body = Vec<ProductChannels>), (status = 401), (status = 403), (status = 422)))]
pub async fn list_listings(
    State(db): State<Db>,
    user: CurrentUser,
    Query(params): Query<ListParams>,
) -> AppResult<Json<Vec<ProductChannels>>> {
    let province = scope::province_for(&user, params.province.as_deref())?;
    let commune = params.commune_in(&province)?;
    Ok(Json(store::products_with_listings(&db, &province, commune.as_deref(), 5_000).await?))
}

/// The listing's product must be in a province the user oversees.
async fn require_product_scope(db: &Db, user: &CurrentUser, product_id: i64) -> AppResult<()> {
    let province = store::province_of_product(db, product_id).await?;
    scope::province_for(user, Some(&province)).map(|_| ())
}

/// `POST /api/v1/programme/listings` `{"product_id","platform","url","listed_on"}`:
/// records (or updates) the product's listing on an outside platform.
#[utoipa::path(post, path = "/api/v1/programme/listings", tag = "programme", security(("bearer" = [])),
    request_body = ListingInput,
    responses((status = 201, body = Listing), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn create_listing(
    State(db): State<Db>,
    user: CurrentUser,
    ApiJson(input): ApiJson<ListingInput>,
) -> AppResult<Response> {
    let valid = input.validate(db::today_vn())?;
    require_product_scope(&db, &user, valid.product_id).await?;
    let id = store::upsert(&db, valid.product_id, valid.platform, &valid.url, &valid.listed_on, Some(user.id)).await?;
    Ok((StatusCode::CREATED, Json(store::find_by_id(&db, id).await?)).into_response())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ListingPatch {
    pub url: Option<String>,
    /// The day the listing ended (it no longer counts from that day).
    pub delisted_on: Option<String>,
}

/// `PATCH /api/v1/programme/listings/{id}` `{"url"}` or `{"delisted_on"}`
#[utoipa::path(patch, path = "/api/v1/programme/listings/{id}", tag = "programme", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = ListingPatch,
    responses((status = 200, body = Listing), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn update_listing(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<i64>,
    ApiJson(patch): ApiJson<ListingPatch>,
) -> AppResult<Json<Listing>> {
    let listing = store::find_by_id(&db, id).await?;
    require_product_scope(&db, &user, listing.product_id).await?;
    if let Some(url) = patch.url.as_deref().map(str::trim) {
        if !is_web_address(url) {
            return Err(AppError::invalid("url", messages::THE_ADDRESS_MUST_START_WITH_HTTPS));
        }
        store::update_url(&db, id, url).await?;
    }
    if let Some(text) = patch.delisted_on.as_deref() {
        let day = vn::parse_iso_date(text)
            .ok_or_else(|| AppError::invalid("delisted_on", messages::NOT_A_DATE_YYYY_MM_DD))?;
        if day.to_string() < listing.listed_on {
            return Err(AppError::invalid("delisted_on", messages::DELISTED_BEFORE_IT_WAS_LISTED));
        }
        store::delist(&db, id, &day.to_string()).await?;
    }
    Ok(Json(store::find_by_id(&db, id).await?))
}

/// `POST /api/v1/programme/listings/sales?province=&valid_only=` with the report
/// (.xlsx or .csv) as the body. 200 when written, 422 with the problem rows when not.
#[utoipa::path(post, path = "/api/v1/programme/listings/sales", tag = "programme", security(("bearer" = [])),
    params(("province" = Option<String>, Query), ("valid_only" = Option<bool>, Query)),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "the platform's monthly report, .xlsx or .csv"),
    responses((status = 200, body = SalesReport), (status = 401), (status = 403), (status = 413), (status = 422, body = SalesReport)))]
pub async fn import_sales(
    State(db): State<Db>,
    user: CurrentUser,
    Query(params): Query<ListParams>,
    body: Bytes,
) -> AppResult<Response> {
    let province = scope::province_for(&user, params.province.as_deref())?;
    let report = read_and_import(&db, &province, &body, params.valid_only.unwrap_or(false), user.id).await?;
    let status = if report.written { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, Json(report)).into_response())
}

/// Shared by the API and the page.
pub async fn read_and_import(
    db: &Db,
    province: &str,
    bytes: &[u8],
    valid_only: bool,
    user_id: i64,
) -> AppResult<SalesReport> {
    if bytes.is_empty() {
        return Err(AppError::invalid("file", messages::THE_FILE_IS_EMPTY));
    }
    if bytes.len() > MAX_SALES_FILE {
        return Err(AppError::invalid("file", messages::THE_FILE_IS_OVER_8_MB));
    }
    let file = sales::parse(bytes)?;
    let db = db.clone();
    let province = province.to_string();
    db::run_to_completion(async move { sales::import(&db, &province, file, valid_only, Some(user_id)).await }).await?
}

/// `GET /api/v1/programme/listings/effectiveness?province=&from=YYYY-MM&to=YYYY-MM`:
/// units and revenue per product and platform, best first.
#[utoipa::path(get, path = "/api/v1/programme/listings/effectiveness", tag = "programme", security(("bearer" = [])),
    params(("province" = Option<String>, Query), ("from" = Option<String>, Query), ("to" = Option<String>, Query)),
    responses((status = 200, body = Vec<Effectiveness>), (status = 401), (status = 403), (status = 422)))]
pub async fn get_effectiveness(
    State(db): State<Db>,
    user: CurrentUser,
    Query(params): Query<ListParams>,
) -> AppResult<Json<Vec<Effectiveness>>> {
    let province = scope::province_for(&user, params.province.as_deref())?;
    let (from, to) = params.months()?;
    Ok(Json(store::effectiveness(&db, &province, &from, &to).await?))
}

/// dacsan's own channels over the months `from..=to`: orders placed directly, through
/// each live platform's sessions (with their audience) and through affiliates' links
/// (`crate::live::channels`), then market-day stall sales (`stalls`, when any).
pub async fn own_channel_figures(
    db: &crate::db::Db,
    province: &str,
    from: &str,
    to: &str,
) -> AppResult<Vec<ChannelFigures>> {
    use crate::live::commissions::model::Month;
    let (from, to) = (Month::parse(Some(from))?, Month::parse(Some(to))?);
    let mut channels = crate::live::channels::province_channels(db, province, from, to).await?;
    let first_day = format!("{from}-01");
    let stalls =
        crate::programme::fairs::sales_store::province_takings(db, province, &first_day, &to.last_day().to_string())
            .await?;
    if stalls.sales > 0 {
        channels.push(ChannelFigures {
            channel: "stalls".into(),
            sessions: None,
            viewers: None,
            orders: stalls.sales,
            revenue_vnd: stalls.total_vnd(),
        });
    }
    Ok(channels)
}

/// `GET /api/v1/programme/channels?province=&from=YYYY-MM&to=YYYY-MM`: what each of
/// dacsan's own channels brought the province — `direct` orders, each live platform
/// (`tiktok` …, with sessions and viewers), affiliates' `link`s, market-day `stalls`.
#[utoipa::path(get, path = "/api/v1/programme/channels", tag = "programme", security(("bearer" = [])),
    params(("province" = Option<String>, Query), ("from" = Option<String>, Query), ("to" = Option<String>, Query)),
    responses((status = 200, body = Vec<ChannelFigures>), (status = 401), (status = 403), (status = 422)))]
pub async fn get_channels(
    State(db): State<Db>,
    user: CurrentUser,
    Query(params): Query<ListParams>,
) -> AppResult<Json<Vec<ChannelFigures>>> {
    let province = scope::province_for(&user, params.province.as_deref())?;
    let (from, to) = params.months()?;
    Ok(Json(own_channel_figures(&db, &province, &from, &to).await?))
}
