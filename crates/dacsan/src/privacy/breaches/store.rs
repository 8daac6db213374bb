//! All SQL of the breach register.

use std::collections::HashMap;

use anyhow::Context;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::model::{Clock, ValidBreach, ValidNotice, clock};
use crate::db::{self, Db};
use crate::producers::store::id_list;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Notice {
    pub id: i64,
    /// `authority`, `subjects` or `other`.
    pub recipient: String,
    pub channel: String,
    pub sent_at: String,
    pub note: String,
    pub recorded_by: Option<i64>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Breach {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub found_at: String,
    pub occurred_at: Option<String>,
    pub data_kinds: Vec<String>,
    pub people_affected: i64,
    /// `open` or `closed`.
    pub status: String,
    pub reported_by: Option<i64>,
    pub created_at: String,
    pub closed_at: Option<String>,
    /// Every notice sent, the first first.
    pub notices: Vec<Notice>,
    pub clock: Clock,
}

const COLUMNS: &str = "id, title, description, found_at, occurred_at, data_kinds, people_affected, status,
    reported_by, created_at, closed_at";

fn breach_from_row(r: &AnyRow, notices: Vec<Notice>) -> anyhow::Result<Breach> {
    let found_at: String = r.try_get("found_at")?;
    let found = db::parse_time(&found_at).with_context(|| format!("a breach's found_at {found_at:?} is not a time"))?;
    let authority_at =
        notices.iter().filter(|n| n.recipient == "authority").filter_map(|n| db::parse_time(&n.sent_at)).min();
    let kinds: String = r.try_get("data_kinds")?;
    Ok(Breach {
        id: r.try_get("id")?,
        title: r.try_get("title")?,
        description: r.try_get("description")?,
        clock: clock(found, authority_at, time::OffsetDateTime::now_utc()),
        found_at,
        occurred_at: r.try_get("occurred_at")?,
        data_kinds: kinds.split(',').filter(|k| !k.is_empty()).map(str::to_string).collect(),
        people_affected: r.try_get("people_affected")?,
        status: r.try_get("status")?,
        reported_by: r.try_get("reported_by")?,
        created_at: r.try_get("created_at")?,
        closed_at: r.try_get("closed_at")?,
        notices,
    })
}

fn notice_from_row(r: &AnyRow) -> anyhow::Result<Notice> {
    Ok(Notice {
        id: r.try_get("id")?,
        recipient: r.try_get("recipient")?,
        channel: r.try_get("channel")?,
        sent_at: r.try_get("sent_at")?,
        note: r.try_get("note")?,
        recorded_by: r.try_get("recorded_by")?,
    })
}

pub async fn insert(db: &Db, b: &ValidBreach, user_id: i64) -> anyhow::Result<i64> {
    let row = sqlx::query(
        "INSERT INTO data_breaches (title, description, found_at, occurred_at, data_kinds, people_affected, status,
         reported_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $8) RETURNING id",
    )
    .bind(&b.title)
    .bind(&b.description)
    .bind(&b.found_at)
    .bind(b.occurred_at.as_deref())
    .bind(b.data_kinds.join(","))
    .bind(b.people_affected)
    .bind(user_id)
    .bind(db::now())
    .fetch_one(&db.pool)
    .await
    .context("record a breach")?;
    Ok(row.try_get(0)?)
}

/// The notices of these breaches, by breach, each list in the order sent.
async fn notices_of(db: &Db, breach_ids: &[i64]) -> anyhow::Result<HashMap<i64, Vec<Notice>>> {
    let mut by_breach: HashMap<i64, Vec<Notice>> = HashMap::new();
    if breach_ids.is_empty() {
        return Ok(by_breach);
    }
    let rows = sqlx::query(&format!(
        "SELECT breach_id, id, recipient, channel, sent_at, note, recorded_by FROM data_breach_notices
         WHERE breach_id IN ({}) ORDER BY sent_at, id",
        id_list(breach_ids)
    ))
    .fetch_all(&db.pool)
    .await
    .context("read breaches' notices")?;
    for row in &rows {
        by_breach.entry(row.try_get("breach_id")?).or_default().push(notice_from_row(row)?);
    }
    Ok(by_breach)
}

pub async fn find(db: &Db, id: i64) -> anyhow::Result<Option<Breach>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM data_breaches WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .context("find a breach")?;
    match row {
        Some(row) => {
            let notices = notices_of(db, &[id]).await?.remove(&id).unwrap_or_default();
            Ok(Some(breach_from_row(&row, notices)?))
        }
        None => Ok(None),
    }
}

/// Open breaches first (the oldest find first: the nearest deadline), then closed
/// ones, newest first.
pub async fn list(db: &Db, limit: i64) -> anyhow::Result<Vec<Breach>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM data_breaches
         ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END,
                  CASE WHEN status = 'open' THEN found_at END, found_at DESC, id DESC
         LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .context("list breaches")?;
    let ids = rows.iter().map(|r| r.try_get("id")).collect::<Result<Vec<i64>, _>>()?;
    let mut notices = notices_of(db, &ids).await?;
    rows.iter().zip(&ids).map(|(row, id)| breach_from_row(row, notices.remove(id).unwrap_or_default())).collect()
}

pub async fn insert_notice(db: &Db, breach_id: i64, n: &ValidNotice, user_id: i64) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO data_breach_notices (breach_id, recipient, channel, sent_at, note, recorded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(breach_id)
    .bind(&n.recipient)
    .bind(&n.channel)
    .bind(&n.sent_at)
    .bind(&n.note)
    .bind(user_id)
    .bind(db::now())
    .execute(&db.pool)
    .await
    .context("record a breach notice")?;
    Ok(())
}

/// `false` when it was closed already.
pub async fn close(db: &Db, id: i64) -> anyhow::Result<bool> {
    let now = db::now();
    let done = sqlx::query(
        "UPDATE data_breaches SET status = 'closed', closed_at = $1, updated_at = $1 WHERE id = $2 AND status = 'open'",
    )
    .bind(&now)
    .bind(id)
    .execute(&db.pool)
    .await
    .context("close a breach")?;
    Ok(done.rows_affected() == 1)
}
