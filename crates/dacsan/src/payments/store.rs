//! All SQL of received bank transfers.

use anyhow::Context;
use sqlx::Row;

use super::model::Transfer;
use crate::db::{self, Db};
use crate::orders::store::Tx;

/// What became of a transfer.
pub mod outcome {
    pub const PAID: &str = "paid";
    pub const PARTIAL: &str = "underpaid";
    pub const OVERPAID: &str = "overpaid";
    pub const PAID_AFTER_EXPIRY: &str = "paid_after_expiry";
    pub const REFUND_NEEDED: &str = "refund_needed";
    pub const EXTRA: &str = "extra_payment";
    pub const UNMATCHED: &str = "unmatched";
    /// The code names an order, but the money went to another account than the
    /// order's producer's: nothing is paid; an admin looks at it.
    pub const OTHER_ACCOUNT: &str = "other_account";
}

/// Stores a transfer once; `None` when this source already sent this id (a retry),
/// or another source already reported the same bank reference and amount (a
/// webhook and a statement telling of one transfer).
pub async fn insert(tx: &mut Tx, t: &Transfer) -> anyhow::Result<Option<i64>> {
    if !t.bank_reference.is_empty() {
        let seen = sqlx::query("SELECT 1 FROM bank_transactions WHERE bank_reference = $1 AND amount_vnd = $2")
            .bind(&t.bank_reference)
            .bind(t.amount_vnd)
            .fetch_optional(&mut **tx)
            .await?;
        if seen.is_some() {
            return Ok(None);
        }
    }
    let result = sqlx::query(
        "INSERT INTO bank_transactions (source, source_txn_id, amount_vnd, content, account_number, transacted_at, outcome, created_at, bank_reference)
         VALUES ($1, $2, $3, $4, $5, $6, 'received', $7, $8) RETURNING id",
    )
    .bind(t.source)
    .bind(&t.source_txn_id)
    .bind(t.amount_vnd)
    .bind(&t.content)
    .bind(&t.account_number)
    .bind(&t.transacted_at)
    .bind(db::now())
    .bind(&t.bank_reference)
    .fetch_one(&mut **tx)
    .await;
    match result {
        Ok(row) => Ok(Some(row.try_get(0)?)),
        Err(e) if db::breaks_unique(&e, "bank_transactions_source_source_txn_id_key") => Ok(None),
        Err(e) => Err(e).context("insert bank transaction"),
    }
}

pub async fn set_outcome(tx: &mut Tx, id: i64, order_id: Option<i64>, outcome: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE bank_transactions SET order_id = $1, outcome = $2 WHERE id = $3")
        .bind(order_id)
        .bind(outcome)
        .bind(id)
        .execute(&mut **tx)
        .await
        .context("set transfer outcome")?;
    Ok(())
}

pub async fn set_request_outcome(tx: &mut Tx, id: i64, request_id: i64, outcome: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE bank_transactions SET payment_request_id = $1, outcome = $2 WHERE id = $3")
        .bind(request_id)
        .bind(outcome)
        .bind(id)
        .execute(&mut **tx)
        .await
        .context("set transfer outcome")?;
    Ok(())
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct StoredTransfer {
    pub id: i64,
    pub source: String,
    pub source_txn_id: String,
    pub amount_vnd: i64,
    pub content: String,
    pub account_number: String,
    pub transacted_at: String,
    pub order_id: Option<i64>,
    pub outcome: String,
}

const COLUMNS: &str =
    "id, source, source_txn_id, amount_vnd, content, account_number, transacted_at, order_id, outcome";

fn from_row(r: &sqlx::any::AnyRow) -> Result<StoredTransfer, sqlx::Error> {
    Ok(StoredTransfer {
        id: r.try_get(0)?,
        source: r.try_get(1)?,
        source_txn_id: r.try_get(2)?,
        amount_vnd: r.try_get(3)?,
        content: r.try_get(4)?,
        account_number: r.try_get(5)?,
        transacted_at: r.try_get(6)?,
        order_id: r.try_get(7)?,
        outcome: r.try_get(8)?,
    })
}

/// Transfers that matched no order: the inbox an admin works through.
pub async fn list_unmatched(db: &Db) -> anyhow::Result<Vec<StoredTransfer>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM bank_transactions WHERE outcome = 'unmatched' ORDER BY id DESC LIMIT 500"
    ))
    .fetch_all(&db.pool)
    .await
    .context("list unmatched transfers")?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

pub async fn list_for_order(db: &Db, order_id: i64) -> anyhow::Result<Vec<StoredTransfer>> {
    let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM bank_transactions WHERE order_id = $1 ORDER BY id"))
        .bind(order_id)
        .fetch_all(&db.pool)
        .await
        .context("list order transfers")?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}
