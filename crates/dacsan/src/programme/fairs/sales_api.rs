//! `/api/v1/programme/fairs/{id}/booths/{producer_id}/sales`: the stall till's API,
//! for the booth's producer's sellers: record a sale (once per `client_sale_id`),
//! list the booth's sales, read one (the till asks until a VietQR sale is paid) and
//! withdraw one.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use super::sales::{self, SaleInput, SaleStatus};
use super::sales_store::{self as store, Sale, Takings};
use super::store::FairHead;
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::payments::{api::VietqrJson, qr};
use crate::state::AppState;
use crate::web::ApiJson;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SaleJson {
    #[serde(flatten)]
    pub sale: Sale,
    /// What the buyer scans, while the sale waits for its transfer.
    pub vietqr: Option<VietqrJson>,
    /// A receipt anybody with the link can read (no personal data on it).
    pub receipt_url: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BoothSales {
    pub takings: Takings,
    pub sales: Vec<SaleJson>,
}

#[derive(Debug, Deserialize)]
pub struct BoothPath {
    id: String,
    producer_id: String,
}

#[derive(Debug, Deserialize)]
pub struct SalePath {
    id: String,
    producer_id: String,
    code: String,
}

/// The booth's till, if this user sells for its producer: (fair, producer id).
async fn till(db: &Db, user: &CurrentUser, fair: &str, producer: &str) -> AppResult<(FairHead, i64)> {
    let fair: i64 = fair.parse().map_err(|_| AppError::not_found("hội chợ / fair"))?;
    let producer: i64 = producer.parse().map_err(|_| AppError::not_found("gian hàng / booth"))?;
    Ok((sales::till_for(db, user, fair, producer).await?, producer))
}

/// The sale as the till shows it, with its VietQR while money is due.
pub async fn sale_json(db: &Db, sale: Sale) -> AppResult<SaleJson> {
    let vietqr = match (sale.status, sale.payment_request_id) {
        (SaleStatus::AwaitingPayment, Some(request_id)) => vietqr_of(db, &sale, request_id).await?,
        _ => None,
    };
    Ok(SaleJson { receipt_url: format!("/stall/receipts/{}", sale.code), vietqr, sale })
}

async fn vietqr_of(db: &Db, sale: &Sale, request_id: i64) -> AppResult<Option<VietqrJson>> {
    let (Some(request), Some(account)) = (
        crate::payments::requests::find(db, request_id).await?,
        crate::producers::store::payment_account(db, sale.producer_id).await?,
    ) else {
        return Ok(None);
    };
    let payload = qr::payload_for(&request.code, request.due_vnd(), &account).map_err(AppError::Internal)?;
    Ok(Some(VietqrJson {
        svg: qr::svg(&payload)?,
        bank_name: crate::vn::banks::by_bin(&account.bank_bin).map(|b| b.short_name.clone()).unwrap_or_default(),
        bank_bin: account.bank_bin,
        account_number: account.account_number,
        account_name: account.account_holder,
        amount_vnd: request.due_vnd(),
        purpose: request.code,
        payload,
    }))
}

/// Record a stall sale: 201 when new, 200 with the same sale when the phone sends a
/// `client_sale_id` again.
#[utoipa::path(post, path = "/api/v1/programme/fairs/{id}/booths/{producer_id}/sales", tag = "programme",
    security(("bearer" = [])), request_body = SaleInput, params(("id" = i64, Path), ("producer_id" = i64, Path)),
    responses((status = 201, body = SaleJson), (status = 200, body = SaleJson, description = "sent before: the same sale"),
        (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn create_sale(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(path): Path<BoothPath>,
    ApiJson(input): ApiJson<SaleInput>,
) -> AppResult<(StatusCode, Json<SaleJson>)> {
    let (fair, producer_id) = till(&state.db, &user, &path.id, &path.producer_id).await?;
    let (sale, created) = sales::record(&state.db, &user, &fair, producer_id, &input).await?;
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(sale_json(&state.db, sale).await?)))
}

/// The booth's sales, the latest first (500 at most), and what it took.
#[utoipa::path(get, path = "/api/v1/programme/fairs/{id}/booths/{producer_id}/sales", tag = "programme",
    security(("bearer" = [])), params(("id" = i64, Path), ("producer_id" = i64, Path)),
    responses((status = 200, body = BoothSales), (status = 401), (status = 403), (status = 404)))]
pub async fn list_sales(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(path): Path<BoothPath>,
) -> AppResult<Json<BoothSales>> {
    let (fair, producer_id) = till(&state.db, &user, &path.id, &path.producer_id).await?;
    let takings = store::booth_takings(&state.db, fair.id, producer_id).await?;
    let mut list = Vec::new();
    for sale in store::list_for_booth(&state.db, fair.id, producer_id, 500).await? {
        list.push(sale_json(&state.db, sale).await?);
    }
    Ok(Json(BoothSales { takings, sales: list }))
}

/// The booth's sale with this code (or this `client_sale_id`).
pub async fn booth_sale(db: &Db, fair_id: i64, producer_id: i64, code: &str) -> AppResult<Sale> {
    let by_code = store::find_by_code(db, code).await?.filter(|s| s.fair_id == fair_id && s.producer_id == producer_id);
    let sale = match by_code {
        Some(sale) => Some(sale),
        None => store::find_by_client_id(db, fair_id, producer_id, code).await?,
    };
    sale.ok_or_else(|| AppError::not_found("lần bán / sale"))
}

#[utoipa::path(get, path = "/api/v1/programme/fairs/{id}/booths/{producer_id}/sales/{code}", tag = "programme",
    security(("bearer" = [])),
    params(("id" = i64, Path), ("producer_id" = i64, Path), ("code" = String, Path, description = "the sale's code or the phone's client_sale_id")),
    responses((status = 200, body = SaleJson), (status = 401), (status = 403), (status = 404)))]
pub async fn get_sale(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(path): Path<SalePath>,
) -> AppResult<Json<SaleJson>> {
    let (fair, producer_id) = till(&state.db, &user, &path.id, &path.producer_id).await?;
    let sale = booth_sale(&state.db, fair.id, producer_id, &path.code).await?;
    Ok(Json(sale_json(&state.db, sale).await?))
}

/// Withdraw a sale tapped by mistake or never paid; its goods go back into stock.
#[utoipa::path(post, path = "/api/v1/programme/fairs/{id}/booths/{producer_id}/sales/{code}/cancel", tag = "programme",
    security(("bearer" = [])),
    params(("id" = i64, Path), ("producer_id" = i64, Path), ("code" = String, Path)),
    responses((status = 200, body = SaleJson), (status = 401), (status = 403), (status = 404),
        (status = 409, description = "the transfer arrived: a refund, not a withdrawal")))]
pub async fn cancel_sale(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(path): Path<SalePath>,
) -> AppResult<Json<SaleJson>> {
    let (fair, producer_id) = till(&state.db, &user, &path.id, &path.producer_id).await?;
    let sale = booth_sale(&state.db, fair.id, producer_id, &path.code).await?;
    let sale = sales::cancel(&state.db, &sale).await?;
    Ok(Json(sale_json(&state.db, sale).await?))
}
