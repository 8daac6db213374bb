//! All SQL of fairs, market sessions and their booths.

use anyhow::Context;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::model::{FairFields, FairKind};
use crate::db::{self, Db};
use crate::error::AppResult;
use crate::programme::support::directory::{self, ProducerRef};

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Fair {
    pub id: i64,
    pub province_code: String,
    pub name: String,
    pub kind: FairKind,
    pub place: String,
    pub starts_on: String,
    pub ends_on: String,
    pub visitors: i64,
    pub created_at: String,
    pub updated_at: String,
    /// Booths, one per producer.
    pub booths: i64,
    /// Revenue of every booth as the office typed it, in đồng.
    pub revenue_vnd: i64,
    /// What the fair hoped to sell (0: no target).
    pub target_revenue_vnd: i64,
    /// Paid sales of the stalls' tills (transfer and cash).
    pub sales_revenue_vnd: i64,
}

impl Fair {
    pub fn fields(&self) -> FairFields {
        FairFields {
            name: self.name.clone(),
            kind: self.kind,
            place: self.place.clone(),
            starts_on: self.starts_on.clone(),
            ends_on: self.ends_on.clone(),
            visitors: self.visitors,
            target_revenue_vnd: self.target_revenue_vnd,
        }
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Booth {
    pub producer: ProducerRef,
    pub booth: String,
    /// As the office typed it.
    pub revenue_vnd: i64,
    /// Paid sales of the booth's till.
    pub sales_revenue_vnd: i64,
}

/// A province's fairs together.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct Totals {
    pub fairs: i64,
    pub booths: i64,
    /// Producers with a booth at one fair or more, each counted once.
    pub producers: i64,
    pub visitors: i64,
    pub revenue_vnd: i64,
}

const SELECT: &str = "SELECT f.id, f.province_code, f.name, f.kind, f.place, f.starts_on, f.ends_on, f.visitors,
    f.created_at, f.updated_at, f.target_revenue_vnd,
    (SELECT COUNT(*) FROM fair_booths b WHERE b.fair_id = f.id) AS booths,
    (SELECT COALESCE(CAST(SUM(b.revenue_vnd) AS BIGINT), 0) FROM fair_booths b WHERE b.fair_id = f.id) AS revenue_vnd,
    (SELECT COALESCE(CAST(SUM(s.amount_vnd) AS BIGINT), 0)
       FROM stall_sales s LEFT JOIN payment_requests r ON r.id = s.payment_request_id
      WHERE s.fair_id = f.id AND s.cancelled_at IS NULL AND (s.method = 'cash' OR r.status = 'paid')) AS sales_revenue_vnd
    FROM fairs f";

fn from_row(row: &AnyRow) -> anyhow::Result<Fair> {
    Ok(Fair {
        id: row.try_get("id")?,
        province_code: row.try_get("province_code")?,
        name: row.try_get("name")?,
        kind: db::known(row, "kind")?,
        place: row.try_get("place")?,
        starts_on: row.try_get("starts_on")?,
        ends_on: row.try_get("ends_on")?,
        visitors: row.try_get("visitors")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        booths: row.try_get("booths")?,
        revenue_vnd: row.try_get("revenue_vnd")?,
        target_revenue_vnd: row.try_get("target_revenue_vnd")?,
        sales_revenue_vnd: row.try_get("sales_revenue_vnd")?,
    })
}

pub async fn insert(db: &Db, province_code: &str, f: &FairFields) -> AppResult<i64> {
    let row = sqlx::query(
        "INSERT INTO fairs (province_code, name, kind, place, starts_on, ends_on, visitors, created_at, updated_at, target_revenue_vnd)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) RETURNING id",
    )
    .bind(province_code)
    .bind(&f.name)
    .bind(f.kind.as_str())
    .bind(&f.place)
    .bind(&f.starts_on)
    .bind(&f.ends_on)
    .bind(f.visitors)
    .bind(db::now())
    .bind(f.target_revenue_vnd)
    .fetch_one(&db.pool)
    .await
    .with_context(|| format!("insert fair {}", f.name))?;
    Ok(row.try_get("id")?)
}

pub async fn update(db: &Db, id: i64, f: &FairFields) -> AppResult<()> {
    sqlx::query(
        "UPDATE fairs SET name = $1, kind = $2, place = $3, starts_on = $4, ends_on = $5, visitors = $6, updated_at = $7,
         target_revenue_vnd = $9 WHERE id = $8",
    )
    .bind(&f.name)
    .bind(f.kind.as_str())
    .bind(&f.place)
    .bind(&f.starts_on)
    .bind(&f.ends_on)
    .bind(f.visitors)
    .bind(db::now())
    .bind(id)
    .bind(f.target_revenue_vnd)
    .execute(&db.pool)
    .await
    .with_context(|| format!("update fair {id}"))?;
    Ok(())
}

pub async fn find_by_id(db: &Db, id: i64) -> AppResult<Option<Fair>> {
    let row = sqlx::query(&format!("{SELECT} WHERE f.id = $1")).bind(id).fetch_optional(&db.pool).await?;
    row.as_ref().map(from_row).transpose().map_err(Into::into)
}

/// The province's fairs, the latest first.
pub async fn list_for_province(db: &Db, province_code: &str) -> AppResult<Vec<Fair>> {
    let rows = sqlx::query(&format!("{SELECT} WHERE f.province_code = $1 ORDER BY f.starts_on DESC, f.id DESC"))
        .bind(province_code)
        .fetch_all(&db.pool)
        .await
        .with_context(|| format!("list the fairs of province {province_code}"))?;
    Ok(rows.iter().map(from_row).collect::<anyhow::Result<_>>()?)
}

pub async fn totals_of_province(db: &Db, province_code: &str) -> AppResult<Totals> {
    let row = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM fairs f WHERE f.province_code = $1) AS fairs,
                (SELECT COALESCE(CAST(SUM(f.visitors) AS BIGINT), 0) FROM fairs f WHERE f.province_code = $1) AS visitors,
                COUNT(b.fair_id) AS booths,
                COUNT(DISTINCT b.producer_id) AS producers,
                COALESCE(CAST(SUM(b.revenue_vnd) AS BIGINT), 0) AS revenue_vnd
         FROM fair_booths b JOIN fairs f ON f.id = b.fair_id WHERE f.province_code = $1",
    )
    .bind(province_code)
    .fetch_one(&db.pool)
    .await?;
    Ok(Totals {
        fairs: row.try_get("fairs")?,
        booths: row.try_get("booths")?,
        producers: row.try_get("producers")?,
        visitors: row.try_get("visitors")?,
        revenue_vnd: row.try_get("revenue_vnd")?,
    })
}

pub async fn booths_of(db: &Db, fair_id: i64) -> AppResult<Vec<Booth>> {
    let rows = sqlx::query(
        "SELECT b.booth, b.revenue_vnd, p.id, p.name, p.registry_code, p.province_code, p.commune_code, p.phone,
            (SELECT COALESCE(CAST(SUM(s.amount_vnd) AS BIGINT), 0)
               FROM stall_sales s LEFT JOIN payment_requests r ON r.id = s.payment_request_id
              WHERE s.fair_id = b.fair_id AND s.producer_id = b.producer_id
                AND s.cancelled_at IS NULL AND (s.method = 'cash' OR r.status = 'paid')) AS sales_revenue_vnd
         FROM fair_booths b JOIN producers p ON p.id = b.producer_id WHERE b.fair_id = $1 ORDER BY b.booth, p.name, p.id",
    )
    .bind(fair_id)
    .fetch_all(&db.pool)
    .await?;
    let booth = |row: &AnyRow| -> Result<Booth, sqlx::Error> {
        Ok(Booth {
            producer: directory::from_row(row)?,
            booth: row.try_get("booth")?,
            revenue_vnd: row.try_get("revenue_vnd")?,
            sales_revenue_vnd: row.try_get("sales_revenue_vnd")?,
        })
    };
    Ok(rows.iter().map(booth).collect::<Result<_, _>>()?)
}

/// Adds the producer's booth, or changes its label and revenue when it has one.
pub async fn upsert_booth(db: &Db, fair_id: i64, producer_id: i64, booth: &str, revenue_vnd: i64) -> AppResult<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO fair_booths (fair_id, producer_id, booth, revenue_vnd) VALUES ($1, $2, $3, $4)
         ON CONFLICT (fair_id, producer_id) DO UPDATE SET booth = excluded.booth, revenue_vnd = excluded.revenue_vnd",
    )
    .bind(fair_id)
    .bind(producer_id)
    .bind(booth)
    .bind(revenue_vnd)
    .execute(&mut *tx)
    .await
    .with_context(|| format!("record the booth of producer {producer_id} at fair {fair_id}"))?;
    sqlx::query("UPDATE fairs SET updated_at = $1 WHERE id = $2")
        .bind(db::now())
        .bind(fair_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await.context("commit a booth")?;
    Ok(())
}

/// `false` when the producer had no booth there.
pub async fn delete_booth(db: &Db, fair_id: i64, producer_id: i64) -> AppResult<bool> {
    let done = sqlx::query("DELETE FROM fair_booths WHERE fair_id = $1 AND producer_id = $2")
        .bind(fair_id)
        .bind(producer_id)
        .execute(&db.pool)
        .await
        .with_context(|| format!("remove the booth of producer {producer_id} from fair {fair_id}"))?;
    Ok(done.rows_affected() > 0)
}

pub async fn has_booth(db: &Db, fair_id: i64, producer_id: i64) -> AppResult<bool> {
    let row = sqlx::query("SELECT 1 FROM fair_booths WHERE fair_id = $1 AND producer_id = $2")
        .bind(fair_id)
        .bind(producer_id)
        .fetch_optional(&db.pool)
        .await
        .context("find a booth")?;
    Ok(row.is_some())
}

/// What a stall till needs of its fair: which, where, when (no figures to sum).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FairHead {
    pub id: i64,
    pub name: String,
    pub place: String,
    pub starts_on: String,
    pub ends_on: String,
}

const HEAD: &str = "SELECT f.id, f.name, f.place, f.starts_on, f.ends_on FROM fairs f";

fn head_of(row: &AnyRow) -> Result<FairHead, sqlx::Error> {
    Ok(FairHead {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        place: row.try_get("place")?,
        starts_on: row.try_get("starts_on")?,
        ends_on: row.try_get("ends_on")?,
    })
}

pub async fn find_head(db: &Db, id: i64) -> AppResult<Option<FairHead>> {
    let row = sqlx::query(&format!("{HEAD} WHERE f.id = $1")).bind(id).fetch_optional(&db.pool).await?;
    Ok(row.as_ref().map(head_of).transpose()?)
}

/// The fair and whether this producer has a booth at it, in one read (every till
/// request asks both).
pub async fn find_head_with_booth(db: &Db, fair_id: i64, producer_id: i64) -> AppResult<Option<(FairHead, bool)>> {
    let row = sqlx::query(
        "SELECT f.id, f.name, f.place, f.starts_on, f.ends_on, fb.producer_id AS booth_producer_id
         FROM fairs f LEFT JOIN fair_booths fb ON fb.fair_id = f.id AND fb.producer_id = $2 WHERE f.id = $1",
    )
    .bind(fair_id)
    .bind(producer_id)
    .fetch_optional(&db.pool)
    .await
    .context("find a fair and a booth")?;
    let Some(row) = row else { return Ok(None) };
    let booth: Option<i64> = row.try_get("booth_producer_id")?;
    Ok(Some((head_of(&row)?, booth.is_some())))
}

/// A seller's booths at fairs that end today or later (Vietnam time), the soonest
/// first: (fair, producer id, booth label).
pub async fn upcoming_booths_of(db: &Db, producer_ids: &[i64]) -> AppResult<Vec<(FairHead, i64, String)>> {
    if producer_ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT f.id, f.name, f.place, f.starts_on, f.ends_on, fb.producer_id, fb.booth
         FROM fairs f JOIN fair_booths fb ON fb.fair_id = f.id
         WHERE fb.producer_id IN ({}) AND f.ends_on >= $1 ORDER BY f.starts_on, f.id",
        crate::producers::store::id_list(producer_ids)
    );
    let rows =
        sqlx::query(&sql).bind(crate::db::today_vn().to_string()).fetch_all(&db.pool).await.context("list booths")?;
    let mut booths = Vec::with_capacity(rows.len());
    for row in &rows {
        booths.push((head_of(row)?, row.try_get("producer_id")?, row.try_get("booth")?));
    }
    Ok(booths)
}
