//! Payment requests: money a producer asks for by VietQR outside an order (a sale at
//! a fair's stall). A request has a code of the orders' kind, so the bank hook finds
//! it in the transfer content and pays it like an order. The domain that asked keeps
//! what was sold; this keeps what is due and what arrived.

use anyhow::Context;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::store::outcome;
use crate::db::{self, Db};
use crate::orders::model::new_order_code;
use crate::orders::store::Tx;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema, strum::EnumString, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum RequestStatus {
    Open,
    Paid,
    Cancelled,
}

#[derive(Debug, Clone, Serialize)]
pub struct PaymentRequest {
    pub id: i64,
    pub code: String,
    pub producer_id: i64,
    pub amount_vnd: i64,
    pub paid_vnd: i64,
    pub status: RequestStatus,
    pub purpose: String,
    pub created_at: String,
    pub paid_at: Option<String>,
}

impl PaymentRequest {
    pub fn due_vnd(&self) -> i64 {
        (self.amount_vnd - self.paid_vnd).max(0)
    }
}

const COLUMNS: &str = "id, code, producer_id, amount_vnd, paid_vnd, status, purpose, created_at, paid_at";

fn from_row(row: &AnyRow) -> anyhow::Result<PaymentRequest> {
    let status: String = row.try_get("status")?;
    Ok(PaymentRequest {
        id: row.try_get("id")?,
        code: row.try_get("code")?,
        producer_id: row.try_get("producer_id")?,
        amount_vnd: row.try_get("amount_vnd")?,
        paid_vnd: row.try_get("paid_vnd")?,
        status: status.parse().with_context(|| format!("payment request status «{status}» is unknown"))?,
        purpose: row.try_get("purpose")?,
        created_at: row.try_get("created_at")?,
        paid_at: row.try_get("paid_at")?,
    })
}

/// A code no order and no request has: the bank hook must find one payee only.
pub async fn unused_code(tx: &mut Tx) -> anyhow::Result<String> {
    loop {
        let code = new_order_code();
        let taken = sqlx::query(
            "SELECT 1 FROM orders WHERE code = $1 UNION ALL SELECT 1 FROM payment_requests WHERE code = $1",
        )
        .bind(&code)
        .fetch_optional(&mut **tx)
        .await
        .context("check a payment code")?;
        if taken.is_none() {
            return Ok(code);
        }
    }
}

/// Asks for `amount_vnd` into the producer's account under `code` (from [`unused_code`]).
pub async fn open(tx: &mut Tx, code: &str, producer_id: i64, amount_vnd: i64, purpose: &str) -> anyhow::Result<i64> {
    let row = sqlx::query(
        "INSERT INTO payment_requests (code, producer_id, amount_vnd, status, purpose, created_at)
         VALUES ($1, $2, $3, 'open', $4, $5) RETURNING id",
    )
    .bind(code)
    .bind(producer_id)
    .bind(amount_vnd)
    .bind(purpose)
    .bind(db::now())
    .fetch_one(&mut **tx)
    .await
    .with_context(|| format!("open payment request {code}"))?;
    Ok(row.try_get("id")?)
}

pub async fn find(db: &Db, id: i64) -> anyhow::Result<Option<PaymentRequest>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM payment_requests WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .context("find payment request")?;
    row.as_ref().map(from_row).transpose()
}

pub async fn find_by_code_in(tx: &mut Tx, code: &str) -> anyhow::Result<Option<PaymentRequest>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM payment_requests WHERE code = $1"))
        .bind(code)
        .fetch_optional(&mut **tx)
        .await
        .context("find payment request by code")?;
    row.as_ref().map(from_row).transpose()
}

pub async fn find_by_code(db: &Db, code: &str) -> anyhow::Result<Option<PaymentRequest>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM payment_requests WHERE code = $1"))
        .bind(code)
        .fetch_optional(&db.pool)
        .await
        .context("find payment request by code")?;
    row.as_ref().map(from_row).transpose()
}

/// Withdraws an open request; `false` when money already paid it (or it was withdrawn).
pub async fn cancel(tx: &mut Tx, id: i64) -> anyhow::Result<bool> {
    let done = sqlx::query("UPDATE payment_requests SET status = 'cancelled' WHERE id = $1 AND status = 'open'")
        .bind(id)
        .execute(&mut **tx)
        .await
        .context("cancel payment request")?;
    Ok(done.rows_affected() == 1)
}

/// Counts a transfer on the request, inside the bank hook's transaction, and says
/// what became of it (the same outcomes as for orders).
pub async fn pay(tx: &mut Tx, request: &PaymentRequest, amount: i64) -> anyhow::Result<&'static str> {
    let paid = request.paid_vnd + amount;
    let (status, result) = match request.status {
        RequestStatus::Open if paid < request.amount_vnd => (RequestStatus::Open, outcome::PARTIAL),
        RequestStatus::Open if paid > request.amount_vnd => (RequestStatus::Paid, outcome::OVERPAID),
        RequestStatus::Open => (RequestStatus::Paid, outcome::PAID),
        RequestStatus::Paid => (RequestStatus::Paid, outcome::EXTRA),
        RequestStatus::Cancelled => (RequestStatus::Cancelled, outcome::REFUND_NEEDED),
    };
    let paid_at = (status == RequestStatus::Paid && request.status == RequestStatus::Open).then(db::now);
    sqlx::query(
        "UPDATE payment_requests SET paid_vnd = paid_vnd + $1, status = $2, paid_at = COALESCE(paid_at, $3) WHERE id = $4",
    )
    .bind(amount)
    .bind(<&str>::from(status))
    .bind(paid_at)
    .bind(request.id)
    .execute(&mut **tx)
    .await
    .with_context(|| format!("pay request {}", request.code))?;
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_read_back_and_unknown_ones_are_named() {
        assert_eq!("paid".parse::<RequestStatus>().unwrap(), RequestStatus::Paid);
        assert_eq!(<&str>::from(RequestStatus::Cancelled), "cancelled");
        assert!("settled".parse::<RequestStatus>().is_err());
    }
}
