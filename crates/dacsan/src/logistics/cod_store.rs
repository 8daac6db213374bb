//! All SQL of the COD ledger: statements, their lines, and the sums a shipment and a
//! producer's payout statement read from them. Lines are only ever inserted.

use std::collections::{HashMap, HashSet};

use anyhow::Context;
use serde::Serialize;
use sqlx::Row;

use super::model::CodLine;
use super::store::Tx;
use crate::db::{self, Db};

/// Records a statement file; `None` when this file was imported before.
pub async fn insert_statement(
    tx: &mut Tx,
    carrier: &str,
    sha256: &str,
    file_name: &str,
    line_count: usize,
    user_id: Option<i64>,
) -> anyhow::Result<Option<i64>> {
    let row = sqlx::query(
        "INSERT INTO cod_statements (carrier, file_sha256, file_name, line_count, imported_by, imported_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (carrier, file_sha256) DO NOTHING RETURNING id",
    )
    .bind(carrier)
    .bind(sha256)
    .bind(file_name)
    .bind(line_count as i64)
    .bind(user_id)
    .bind(db::now())
    .fetch_optional(&mut **tx)
    .await
    .context("record a COD statement")?;
    row.map(|r| r.try_get("id")).transpose().map_err(Into::into)
}

/// Waybills asked of the database at a time.
const CHUNK: usize = 500;

/// The shipments of these waybills and the cash each should bring: waybill →
/// `(shipment id, cod_vnd)`.
pub async fn shipments_by_waybill(
    tx: &mut Tx,
    carrier: &str,
    waybills: &[&str],
) -> anyhow::Result<HashMap<String, (i64, i64)>> {
    let mut found = HashMap::new();
    for chunk in waybills.chunks(CHUNK) {
        let sql = format!(
            "SELECT id, cod_vnd, tracking_code FROM shipments WHERE carrier = $1 AND tracking_code IN ({})",
            db::placeholders(2, chunk.len())
        );
        let mut query = sqlx::query(&sql).bind(carrier);
        for waybill in chunk {
            query = query.bind(*waybill);
        }
        for row in query.fetch_all(&mut **tx).await.context("find a statement's shipments")? {
            found.insert(row.try_get("tracking_code")?, (row.try_get("id")?, row.try_get("cod_vnd")?));
        }
    }
    Ok(found)
}

/// What makes two statement lines the same report: waybill, collected, fee, date.
pub type LineKey = (String, i64, i64, String);

pub fn line_key(line: &CodLine) -> LineKey {
    (line.waybill.clone(), line.collected_vnd, line.fee_vnd, line.transfer_date.clone().unwrap_or_default())
}

/// The lines earlier statements reported for these waybills.
pub async fn lines_seen(tx: &mut Tx, carrier: &str, waybills: &[&str]) -> anyhow::Result<HashSet<LineKey>> {
    let mut seen = HashSet::new();
    for chunk in waybills.chunks(CHUNK) {
        let sql = format!(
            "SELECT waybill, collected_vnd, fee_vnd, COALESCE(transfer_date, '') AS transfer_date FROM cod_lines
             WHERE carrier = $1 AND outcome <> 'repeated' AND waybill IN ({})",
            db::placeholders(2, chunk.len())
        );
        let mut query = sqlx::query(&sql).bind(carrier);
        for waybill in chunk {
            query = query.bind(*waybill);
        }
        for row in query.fetch_all(&mut **tx).await.context("find earlier statement lines")? {
            seen.insert((
                row.try_get("waybill")?,
                row.try_get("collected_vnd")?,
                row.try_get("fee_vnd")?,
                row.try_get("transfer_date")?,
            ));
        }
    }
    Ok(seen)
}

pub struct NewLine<'a> {
    pub statement_id: i64,
    pub carrier: &'a str,
    pub line: &'a CodLine,
    pub shipment_id: Option<i64>,
    pub expected_vnd: Option<i64>,
    pub outcome: &'a str,
}

pub async fn insert_line(tx: &mut Tx, new: &NewLine<'_>) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO cod_lines (statement_id, row_no, carrier, waybill, shipment_id, collected_vnd, fee_vnd,
           transferred_vnd, transfer_date, expected_vnd, outcome, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(new.statement_id)
    .bind(new.line.row as i64)
    .bind(new.carrier)
    .bind(&new.line.waybill)
    .bind(new.shipment_id)
    .bind(new.line.collected_vnd)
    .bind(new.line.fee_vnd)
    .bind(new.line.transferred_vnd)
    .bind(new.line.transfer_date.as_deref())
    .bind(new.expected_vnd)
    .bind(new.outcome)
    .bind(db::now())
    .execute(&mut **tx)
    .await
    .context("insert a COD line")?;
    Ok(())
}

/// A shipment's cash as the ledger has it.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct CodMoney {
    pub expected_vnd: i64,
    pub collected_vnd: i64,
    pub fees_vnd: i64,
    pub transferred_vnd: i64,
    /// Collected differs from expected (once something was collected).
    pub differs: bool,
}

pub async fn shipment_money(db: &Db, shipment_id: i64, expected_vnd: i64) -> anyhow::Result<CodMoney> {
    let row = sqlx::query(
        // PostgreSQL sums BIGINTs as NUMERIC: cast back.
        "SELECT CAST(COALESCE(SUM(collected_vnd), 0) AS BIGINT) AS collected,
                CAST(COALESCE(SUM(fee_vnd), 0) AS BIGINT) AS fees,
                CAST(COALESCE(SUM(transferred_vnd), 0) AS BIGINT) AS transferred, COUNT(*) AS n
         FROM cod_lines WHERE shipment_id = $1 AND outcome <> 'repeated'",
    )
    .bind(shipment_id)
    .fetch_one(&db.pool)
    .await
    .context("sum a shipment's COD lines")?;
    let collected: i64 = row.try_get("collected")?;
    let lines: i64 = row.try_get("n")?;
    Ok(CodMoney {
        expected_vnd,
        collected_vnd: collected,
        fees_vnd: row.try_get("fees")?,
        transferred_vnd: row.try_get("transferred")?,
        differs: lines > 0 && collected != expected_vnd,
    })
}

/// One line of a producer's payout statement.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PayoutLine {
    pub transfer_date: Option<String>,
    pub carrier: String,
    pub waybill: String,
    pub order_code: String,
    pub expected_vnd: Option<i64>,
    pub collected_vnd: i64,
    pub fee_vnd: i64,
    pub transferred_vnd: i64,
    pub differs: bool,
}

/// The counted COD lines of a producer's parcels transferred between two dates
/// (`YYYY-MM-DD`, both included), oldest first.
pub async fn payout_lines(db: &Db, producer_id: i64, from: &str, to: &str) -> anyhow::Result<Vec<PayoutLine>> {
    let rows = sqlx::query(
        "SELECT l.transfer_date, l.carrier, l.waybill, o.code, l.expected_vnd, l.collected_vnd, l.fee_vnd,
                l.transferred_vnd, l.outcome
         FROM cod_lines l JOIN shipments s ON s.id = l.shipment_id JOIN orders o ON o.id = s.order_id
         WHERE o.producer_id = $1 AND l.outcome IN ('matched', 'differs') AND l.transfer_date >= $2 AND l.transfer_date <= $3
         ORDER BY l.transfer_date, l.id",
    )
    .bind(producer_id)
    .bind(from)
    .bind(to)
    .fetch_all(&db.pool)
    .await
    .context("list a producer's COD lines")?;
    rows.iter()
        .map(|r| {
            Ok(PayoutLine {
                transfer_date: r.try_get("transfer_date")?,
                carrier: r.try_get("carrier")?,
                waybill: r.try_get("waybill")?,
                order_code: r.try_get("code")?,
                expected_vnd: r.try_get("expected_vnd")?,
                collected_vnd: r.try_get("collected_vnd")?,
                fee_vnd: r.try_get("fee_vnd")?,
                transferred_vnd: r.try_get("transferred_vnd")?,
                differs: r.try_get::<String, _>("outcome")? == "differs",
            })
        })
        .collect()
}
