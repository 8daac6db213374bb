//! `/api/v1/programme/fairs/{id}/booths/{producer_id}/sales`: the stall till's API,
//! for the booth's producer's sellers: record a sale (once per `client_sale_id`),
//! list the booth's sales, read one (the till asks until a VietQR sale is paid) and
//! withdraw one.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use super::messages;
use super::sales::{self, DayCountsInput, Recorded, SaleInput, SaleStatus};
use super::sales_store::{self as store, DayCount, Sale, Takings};
use super::store::FairHead;
use crate::auth::CurrentUser;
use crate::config::Settings;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::payments::qr::{self, VietqrJson};
use crate::producers::store::PaymentAccount;
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
    let fair: i64 = fair.parse().map_err(|_| AppError::not_found(messages::FAIR))?;
    let producer: i64 = producer.parse().map_err(|_| AppError::not_found(messages::BOOTH))?;
    Ok((sales::till_for(db, user, fair, producer).await?, producer))
}

/// The sale as the till shows it, with its VietQR while money is due.
pub async fn sale_json(db: &Db, sale: Sale) -> AppResult<SaleJson> {
    let vietqr = match (sale.status, sale.payment_request_id) {
        (SaleStatus::AwaitingPayment, Some(request_id)) => vietqr_of(db, &sale, request_id).await?,
        _ => None,
    };
    Ok(SaleJson { vietqr, ..sale_json_without_qr(sale) })
}

fn sale_json_without_qr(sale: Sale) -> SaleJson {
    SaleJson { receipt_url: format!("/stall/receipts/{}", sale.code), vietqr: None, sale }
}

/// A sale just recorded: a new VietQR sale asks its whole amount under its own code,
/// into the account read to take it, so nothing is read again.
async fn recorded_json(db: &Db, recorded: Recorded) -> AppResult<SaleJson> {
    let Recorded { sale, created, account } = recorded;
    match (created, sale.status, account) {
        (true, SaleStatus::AwaitingPayment, Some(account)) => {
            let vietqr = vietqr_json(&sale.code, sale.amount_vnd, account)?;
            Ok(SaleJson { vietqr: Some(vietqr), ..sale_json_without_qr(sale) })
        }
        _ => sale_json(db, sale).await,
    }
}

async fn vietqr_of(db: &Db, sale: &Sale, request_id: i64) -> AppResult<Option<VietqrJson>> {
    let (Some(request), Some(account)) = (
        crate::payments::requests::find(db, request_id).await?,
        crate::producers::store::payment_account(db, sale.producer_id).await?,
    ) else {
        return Ok(None);
    };
    vietqr_json(&request.code, request.due_vnd(), account).map(Some)
}

fn vietqr_json(code: &str, due_vnd: i64, account: PaymentAccount) -> AppResult<VietqrJson> {
    let payload = qr::payload_for(code, due_vnd, &account).map_err(AppError::Internal)?;
    Ok(VietqrJson {
        svg: qr::svg(&payload)?,
        bank_name: crate::vn::banks::by_bin(&account.bank_bin).map(|b| b.short_name.clone()).unwrap_or_default(),
        bank_bin: account.bank_bin,
        account_number: account.account_number,
        account_name: account.account_holder,
        amount_vnd: due_vnd,
        purpose: code.to_string(),
        payload,
    })
}

/// Record a stall sale: 201 when new, 200 with the same sale when the phone sends a
/// `client_sale_id` again.
#[utoipa::path(post, path = "/api/v1/programme/fairs/{id}/booths/{producer_id}/sales", tag = "programme",
    security(("bearer" = [])), request_body = SaleInput, params(("id" = i64, Path), ("producer_id" = i64, Path)),
    responses((status = 201, body = SaleJson), (status = 200, body = SaleJson, description = "sent before: the same sale"),
        (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn create_sale(
    State(db): State<Db>,
    user: CurrentUser,
    Path(path): Path<BoothPath>,
    ApiJson(input): ApiJson<SaleInput>,
) -> AppResult<(StatusCode, Json<SaleJson>)> {
    let (fair, producer_id) = till(&db, &user, &path.id, &path.producer_id).await?;
    let recorded = sales::record(&db, &user, &fair, producer_id, &input).await?;
    let status = if recorded.created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(recorded_json(&db, recorded).await?)))
}

/// The booth's sales, the latest first (500 at most), and what it took.
#[utoipa::path(get, path = "/api/v1/programme/fairs/{id}/booths/{producer_id}/sales", tag = "programme",
    security(("bearer" = [])), params(("id" = i64, Path), ("producer_id" = i64, Path)),
    responses((status = 200, body = BoothSales), (status = 401), (status = 403), (status = 404)))]
pub async fn list_sales(
    State(db): State<Db>,
    user: CurrentUser,
    Path(path): Path<BoothPath>,
) -> AppResult<Json<BoothSales>> {
    let (fair, producer_id) = till(&db, &user, &path.id, &path.producer_id).await?;
    let takings = store::booth_takings(&db, fair.id, producer_id).await?;
    let mut list = Vec::new();
    for sale in store::list_for_booth(&db, fair.id, producer_id, 500).await? {
        list.push(sale_json(&db, sale).await?);
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
    sale.ok_or_else(|| AppError::not_found(messages::SALE))
}

#[utoipa::path(get, path = "/api/v1/programme/fairs/{id}/booths/{producer_id}/sales/{code}", tag = "programme",
    security(("bearer" = [])),
    params(("id" = i64, Path), ("producer_id" = i64, Path), ("code" = String, Path, description = "the sale's code or the phone's client_sale_id")),
    responses((status = 200, body = SaleJson), (status = 401), (status = 403), (status = 404)))]
pub async fn get_sale(
    State(db): State<Db>,
    user: CurrentUser,
    Path(path): Path<SalePath>,
) -> AppResult<Json<SaleJson>> {
    let (fair, producer_id) = till(&db, &user, &path.id, &path.producer_id).await?;
    let sale = booth_sale(&db, fair.id, producer_id, &path.code).await?;
    Ok(Json(sale_json(&db, sale).await?))
}

/// Withdraw a sale tapped by mistake or never paid; its goods go back into stock.
#[utoipa::path(post, path = "/api/v1/programme/fairs/{id}/booths/{producer_id}/sales/{code}/cancel", tag = "programme",
    security(("bearer" = [])),
    params(("id" = i64, Path), ("producer_id" = i64, Path), ("code" = String, Path)),
    responses((status = 200, body = SaleJson), (status = 401), (status = 403), (status = 404),
        (status = 409, description = "the transfer arrived: a refund, not a withdrawal")))]
pub async fn cancel_sale(
    State(db): State<Db>,
    user: CurrentUser,
    Path(path): Path<SalePath>,
) -> AppResult<Json<SaleJson>> {
    let (fair, producer_id) = till(&db, &user, &path.id, &path.producer_id).await?;
    let sale = booth_sale(&db, fair.id, producer_id, &path.code).await?;
    let sale = sales::cancel(&db, &sale).await?;
    Ok(Json(sale_json(&db, sale).await?))
}

/// What the booth brought of each product it counts apart for the fair, what its sales
/// took and what is left.
#[utoipa::path(get, path = "/api/v1/programme/fairs/{id}/booths/{producer_id}/stock", tag = "programme",
    security(("bearer" = [])), params(("id" = i64, Path), ("producer_id" = i64, Path)),
    responses((status = 200, body = Vec<DayCount>), (status = 401), (status = 403), (status = 404)))]
pub async fn get_day_counts(
    State(db): State<Db>,
    user: CurrentUser,
    Path(path): Path<BoothPath>,
) -> AppResult<Json<Vec<DayCount>>> {
    let (fair, producer_id) = till(&db, &user, &path.id, &path.producer_id).await?;
    Ok(Json(store::day_counts(&db, fair.id, producer_id).await?))
}

/// Set what the booth brought of its products (`brought: null` stops counting one
/// apart): their stall sales then take from that count, not from the shop's stock.
#[utoipa::path(put, path = "/api/v1/programme/fairs/{id}/booths/{producer_id}/stock", tag = "programme",
    security(("bearer" = [])), request_body = DayCountsInput, params(("id" = i64, Path), ("producer_id" = i64, Path)),
    responses((status = 200, body = Vec<DayCount>), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn put_day_counts(
    State(db): State<Db>,
    user: CurrentUser,
    Path(path): Path<BoothPath>,
    ApiJson(input): ApiJson<DayCountsInput>,
) -> AppResult<Json<Vec<DayCount>>> {
    let (fair, producer_id) = till(&db, &user, &path.id, &path.producer_id).await?;
    Ok(Json(sales::set_day_counts(&db, fair.id, producer_id, &input).await?))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ReceiptEmailInput {
    pub email: String,
}

/// E-mail the sale's receipt to the buyer (through the outbox; three times a sale at
/// most): 202 once queued.
#[utoipa::path(post, path = "/api/v1/programme/fairs/{id}/booths/{producer_id}/sales/{code}/receipt", tag = "programme",
    security(("bearer" = [])), request_body = ReceiptEmailInput,
    params(("id" = i64, Path), ("producer_id" = i64, Path), ("code" = String, Path)),
    responses((status = 202), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn email_receipt(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    user: CurrentUser,
    Path(path): Path<SalePath>,
    ApiJson(input): ApiJson<ReceiptEmailInput>,
) -> AppResult<StatusCode> {
    let (fair, producer_id) = till(&db, &user, &path.id, &path.producer_id).await?;
    let sale = booth_sale(&db, fair.id, producer_id, &path.code).await?;
    sales::email_receipt(&db, &settings.public_url, &sale, &fair, &input.email).await?;
    Ok(StatusCode::ACCEPTED)
}
