//! All SQL of producers' own carrier accounts. The credentials arrive here sealed
//! and leave sealed: this file never sees a token.

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::{self, Db};

/// A stored account, its credentials still sealed.
#[derive(Debug, Clone)]
pub struct StoredAccount {
    pub producer_id: i64,
    pub carrier: String,
    /// `v1:<key id>:…` (see `crate::secrets`).
    pub sealed: String,
    pub updated_at: String,
}

const COLUMNS: &str = "producer_id, carrier, credentials, updated_at";

fn from_row(r: &AnyRow) -> anyhow::Result<StoredAccount> {
    Ok(StoredAccount {
        producer_id: r.try_get("producer_id")?,
        carrier: r.try_get("carrier")?,
        sealed: r.try_get("credentials")?,
        updated_at: r.try_get("updated_at")?,
    })
}

/// Saves a producer's account with a carrier, replacing the one it had.
pub async fn upsert(db: &Db, producer_id: i64, carrier: &str, sealed: &str, user_id: i64) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO carrier_accounts (producer_id, carrier, credentials, created_by, created_at, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $4, $5)
         ON CONFLICT (producer_id, carrier)
         DO UPDATE SET credentials = excluded.credentials, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
    )
    .bind(producer_id)
    .bind(carrier)
    .bind(sealed)
    .bind(user_id)
    .bind(db::now())
    .execute(&db.pool)
    .await
    .with_context(|| format!("save the {carrier} account of producer {producer_id}"))?;
    Ok(())
}

pub async fn find(db: &Db, producer_id: i64, carrier: &str) -> anyhow::Result<Option<StoredAccount>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM carrier_accounts WHERE producer_id = $1 AND carrier = $2"))
        .bind(producer_id)
        .bind(carrier)
        .fetch_optional(&db.pool)
        .await
        .context("find a carrier account")?;
    row.as_ref().map(from_row).transpose()
}

pub async fn list_for_producer(db: &Db, producer_id: i64) -> anyhow::Result<Vec<StoredAccount>> {
    let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM carrier_accounts WHERE producer_id = $1 ORDER BY carrier"))
        .bind(producer_id)
        .fetch_all(&db.pool)
        .await
        .context("list a producer's carrier accounts")?;
    rows.iter().map(from_row).collect()
}

/// `true` when there was one to delete.
pub async fn delete(db: &Db, producer_id: i64, carrier: &str) -> anyhow::Result<bool> {
    let done = sqlx::query("DELETE FROM carrier_accounts WHERE producer_id = $1 AND carrier = $2")
        .bind(producer_id)
        .bind(carrier)
        .execute(&db.pool)
        .await
        .context("delete a carrier account")?;
    Ok(done.rows_affected() > 0)
}

/// The producer whose order a shipment belongs to.
pub async fn producer_of_shipment(db: &Db, shipment_id: i64) -> anyhow::Result<Option<i64>> {
    let row = sqlx::query("SELECT o.producer_id FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.id = $1")
        .bind(shipment_id)
        .fetch_optional(&db.pool)
        .await
        .context("find a shipment's producer")?;
    Ok(row.map(|r| r.try_get("producer_id")).transpose()?)
}
