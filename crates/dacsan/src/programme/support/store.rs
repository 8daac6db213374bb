//! All SQL of support cases and their notes.

use anyhow::Context;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::directory::ProducerRef;
use super::model::{CaseQuery, CaseStatus, Topic};
use crate::db::{self, Db};
use crate::error::AppResult;

/// A case with its producer and owner, as lists and the case page show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Case {
    pub id: i64,
    pub producer: ProducerRef,
    pub topic: Topic,
    pub title: String,
    pub owner_user_id: Option<i64>,
    pub owner_name: Option<String>,
    pub status: CaseStatus,
    pub due_on: Option<String>,
    pub created_by: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
    pub closed_at: Option<String>,
}

/// One line of a case's log.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Note {
    pub id: i64,
    pub case_id: i64,
    pub author_user_id: Option<i64>,
    pub author_name: Option<String>,
    pub body: String,
    pub created_at: String,
}

/// Someone who may own a province's cases: one of its officers, or an admin.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Owner {
    pub id: i64,
    pub name: String,
    pub email: String,
}

const SELECT: &str = "SELECT c.id, c.topic, c.title, c.owner_user_id, u.name AS owner_name, c.status, c.due_on,
    c.created_by, c.created_at, c.updated_at, c.closed_at,
    p.id AS producer_id, p.name AS producer_name, p.registry_code, p.province_code, p.commune_code, p.phone
    FROM support_cases c JOIN producers p ON p.id = c.producer_id LEFT JOIN users u ON u.id = c.owner_user_id";

fn from_row(row: &AnyRow) -> Result<Case, sqlx::Error> {
    Ok(Case {
        id: row.try_get("id")?,
        producer: ProducerRef {
            id: row.try_get("producer_id")?,
            name: row.try_get("producer_name")?,
            registry_code: row.try_get("registry_code")?,
            province_code: row.try_get("province_code")?,
            commune_code: row.try_get("commune_code")?,
            phone: row.try_get("phone")?,
        },
        topic: crate::db::known(row, "topic")?,
        title: row.try_get("title")?,
        owner_user_id: row.try_get("owner_user_id")?,
        owner_name: row.try_get("owner_name")?,
        status: crate::db::known(row, "status")?,
        due_on: row.try_get("due_on")?,
        created_by: row.try_get("created_by")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        closed_at: row.try_get("closed_at")?,
    })
}

/// A new case to write.
pub struct NewCase<'a> {
    pub producer_id: i64,
    pub topic: Topic,
    pub title: &'a str,
    pub owner_user_id: i64,
    pub due_on: Option<&'a str>,
    pub created_by: i64,
    pub note: Option<&'a str>,
}

/// Writes the case and its first note together.
pub async fn insert(db: &Db, case: &NewCase<'_>) -> AppResult<i64> {
    let now = db::now();
    let mut tx = db.begin_write().await?;
    let row = sqlx::query(
        "INSERT INTO support_cases (producer_id, topic, title, owner_user_id, status, due_on, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'open', $5, $6, $7, $7) RETURNING id",
    )
    .bind(case.producer_id)
    .bind(case.topic.as_str())
    .bind(case.title)
    .bind(case.owner_user_id)
    .bind(case.due_on)
    .bind(case.created_by)
    .bind(&now)
    .fetch_one(&mut *tx)
    .await
    .with_context(|| format!("insert a support case for producer {}", case.producer_id))?;
    let id: i64 = row.try_get("id")?;
    if let Some(note) = case.note {
        sqlx::query(
            "INSERT INTO support_case_notes (case_id, author_user_id, body, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(case.created_by)
        .bind(note)
        .bind(&now)
        .execute(&mut *tx)
        .await
        .with_context(|| format!("insert the first note of case {id}"))?;
    }
    tx.commit().await.context("commit a new support case")?;
    Ok(id)
}

pub async fn find_by_id(db: &Db, id: i64) -> AppResult<Option<Case>> {
    let row = sqlx::query(&format!("{SELECT} WHERE c.id = $1")).bind(id).fetch_optional(&db.pool).await?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

/// At most this many cases in a list or an export.
pub const LIST_LIMIT: i64 = 5_000;

/// The province's cases that pass the filters, by due date (none last), then oldest first.
pub async fn list_for_province(db: &Db, province_code: &str, q: &CaseQuery, today: &str) -> AppResult<Vec<Case>> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE p.province_code = $1
           AND ($2 = '' OR c.status = $2)
           AND ($3 = '' OR c.topic = $3)
           AND ($4 = 0 OR c.owner_user_id = $4)
           AND ($5 = 0 OR (c.status IN ('open', 'in_progress') AND c.due_on IS NOT NULL AND c.due_on < $6))
         ORDER BY CASE WHEN c.due_on IS NULL THEN 1 ELSE 0 END, c.due_on, c.id
         LIMIT $7"
    ))
    .bind(province_code)
    .bind(q.status.map(|s| s.as_str()).unwrap_or(""))
    .bind(q.topic.map(|t| t.as_str()).unwrap_or(""))
    .bind(q.owner.unwrap_or(0))
    .bind(i64::from(q.overdue))
    .bind(today)
    .bind(LIST_LIMIT)
    .fetch_all(&db.pool)
    .await
    .with_context(|| format!("list support cases of province {province_code}"))?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// Writes a case's changeable fields as they are now.
pub async fn update(db: &Db, case: &Case) -> AppResult<()> {
    sqlx::query(
        "UPDATE support_cases SET topic = $1, title = $2, owner_user_id = $3, status = $4, due_on = $5, closed_at = $6,
         updated_at = $7 WHERE id = $8",
    )
    .bind(case.topic.as_str())
    .bind(&case.title)
    .bind(case.owner_user_id)
    .bind(case.status.as_str())
    .bind(&case.due_on)
    .bind(&case.closed_at)
    .bind(db::now())
    .bind(case.id)
    .execute(&db.pool)
    .await
    .with_context(|| format!("update support case {}", case.id))?;
    Ok(())
}

pub async fn notes_of(db: &Db, case_id: i64) -> AppResult<Vec<Note>> {
    let rows = sqlx::query(
        "SELECT n.id, n.case_id, n.author_user_id, u.name AS author_name, n.body, n.created_at
         FROM support_case_notes n LEFT JOIN users u ON u.id = n.author_user_id WHERE n.case_id = $1 ORDER BY n.id",
    )
    .bind(case_id)
    .fetch_all(&db.pool)
    .await?;
    let note = |row: &AnyRow| -> Result<Note, sqlx::Error> {
        Ok(Note {
            id: row.try_get("id")?,
            case_id: row.try_get("case_id")?,
            author_user_id: row.try_get("author_user_id")?,
            author_name: row.try_get("author_name")?,
            body: row.try_get("body")?,
            created_at: row.try_get("created_at")?,
        })
    };
    Ok(rows.iter().map(note).collect::<Result<_, _>>()?)
}

/// Appends a note (the log is never edited) and touches the case.
pub async fn add_note(db: &Db, case_id: i64, author_user_id: i64, body: &str) -> AppResult<i64> {
    let now = db::now();
    let mut tx = db.begin_write().await?;
    let row = sqlx::query(
        "INSERT INTO support_case_notes (case_id, author_user_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(case_id)
    .bind(author_user_id)
    .bind(body)
    .bind(&now)
    .fetch_one(&mut *tx)
    .await
    .with_context(|| format!("add a note to case {case_id}"))?;
    sqlx::query("UPDATE support_cases SET updated_at = $1 WHERE id = $2")
        .bind(&now)
        .bind(case_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await.context("commit a case note")?;
    Ok(row.try_get("id")?)
}

/// The province's officers and every admin.
pub async fn owners_of(db: &Db, province_code: &str) -> AppResult<Vec<Owner>> {
    let rows = sqlx::query(
        "SELECT u.id, u.name, u.email FROM users u
         WHERE u.role = 'admin'
            OR (u.role = 'officer' AND EXISTS (SELECT 1 FROM officer_provinces o WHERE o.user_id = u.id AND o.province_code = $1))
         ORDER BY u.name, u.email",
    )
    .bind(province_code)
    .fetch_all(&db.pool)
    .await?;
    let owner = |row: &AnyRow| -> Result<Owner, sqlx::Error> {
        Ok(Owner { id: row.try_get("id")?, name: row.try_get("name")?, email: row.try_get("email")? })
    };
    Ok(rows.iter().map(owner).collect::<Result<_, _>>()?)
}
