//! All SQL of courses, training sessions and attendance.

use std::collections::HashMap;

use anyhow::Context;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::model::{Pillar, ValidSession};
use crate::db::{self, Db};
use crate::error::AppResult;
use crate::programme::support::directory::{self, ProducerRef};
use crate::vn::text::name_key;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Course {
    pub id: i64,
    pub province_code: String,
    pub title: String,
    pub pillar: Pillar,
    pub created_at: String,
    /// Producers with a completed attendance in a session already held.
    pub producers_trained: i64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Session {
    pub id: i64,
    pub course_id: i64,
    pub held_on: String,
    pub place: String,
    pub trainer: String,
    pub created_at: String,
    /// Rows of the attendance list.
    pub attendees: i64,
    /// Producers with a completed attendance.
    pub producers_completed: i64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Attendance {
    pub producer: ProducerRef,
    pub attendee_name: String,
    pub completed: bool,
}

/// An attendance to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttendance {
    pub producer_id: i64,
    pub attendee_name: String,
    pub completed: bool,
}

const COURSE: &str = "SELECT c.id, c.province_code, c.title, c.pillar, c.created_at,
    (SELECT COUNT(DISTINCT a.producer_id) FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
     WHERE s.course_id = c.id AND a.completed = 1 AND s.held_on <= $1) AS producers_trained
    FROM courses c";

fn course_from(row: &AnyRow) -> Result<Course, sqlx::Error> {
    Ok(Course {
        id: row.try_get("id")?,
        province_code: row.try_get("province_code")?,
        title: row.try_get("title")?,
        pillar: crate::db::known(row, "pillar")?,
        created_at: row.try_get("created_at")?,
        producers_trained: row.try_get("producers_trained")?,
    })
}

const SESSION: &str = "SELECT s.id, s.course_id, s.held_on, s.place, s.trainer, s.created_at,
    (SELECT COUNT(*) FROM training_attendance a WHERE a.session_id = s.id) AS attendees,
    (SELECT COUNT(DISTINCT a.producer_id) FROM training_attendance a WHERE a.session_id = s.id AND a.completed = 1) AS producers_completed
    FROM training_sessions s";

fn session_from(row: &AnyRow) -> Result<Session, sqlx::Error> {
    Ok(Session {
        id: row.try_get("id")?,
        course_id: row.try_get("course_id")?,
        held_on: row.try_get("held_on")?,
        place: row.try_get("place")?,
        trainer: row.try_get("trainer")?,
        created_at: row.try_get("created_at")?,
        attendees: row.try_get("attendees")?,
        producers_completed: row.try_get("producers_completed")?,
    })
}

pub async fn insert_course(db: &Db, province_code: &str, title: &str, pillar: Pillar) -> AppResult<i64> {
    let row = sqlx::query(
        "INSERT INTO courses (province_code, title, pillar, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(province_code)
    .bind(title)
    .bind(pillar.as_str())
    .bind(db::now())
    .fetch_one(&db.pool)
    .await
    .with_context(|| format!("insert course {title}"))?;
    Ok(row.try_get("id")?)
}

pub async fn find_course(db: &Db, id: i64, today: &str) -> AppResult<Option<Course>> {
    let row = sqlx::query(&format!("{COURSE} WHERE c.id = $2")).bind(today).bind(id).fetch_optional(&db.pool).await?;
    Ok(row.as_ref().map(course_from).transpose()?)
}

/// The province's courses by pillar, then title.
pub async fn courses_of(db: &Db, province_code: &str, today: &str) -> AppResult<Vec<Course>> {
    let rows = sqlx::query(&format!("{COURSE} WHERE c.province_code = $2 ORDER BY c.pillar, c.title, c.id"))
        .bind(today)
        .bind(province_code)
        .fetch_all(&db.pool)
        .await
        .with_context(|| format!("list the courses of province {province_code}"))?;
    Ok(rows.iter().map(course_from).collect::<Result<_, _>>()?)
}

pub async fn insert_session(db: &Db, course_id: i64, s: &ValidSession) -> AppResult<i64> {
    let row = sqlx::query(
        "INSERT INTO training_sessions (course_id, held_on, place, trainer, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(course_id)
    .bind(&s.held_on)
    .bind(&s.place)
    .bind(&s.trainer)
    .bind(db::now())
    .fetch_one(&db.pool)
    .await
    .with_context(|| format!("insert a session of course {course_id}"))?;
    Ok(row.try_get("id")?)
}

pub async fn find_session(db: &Db, id: i64) -> AppResult<Option<Session>> {
    let row = sqlx::query(&format!("{SESSION} WHERE s.id = $1")).bind(id).fetch_optional(&db.pool).await?;
    Ok(row.as_ref().map(session_from).transpose()?)
}

/// The sessions of the province's courses, by date.
pub async fn sessions_of_province(db: &Db, province_code: &str) -> AppResult<Vec<Session>> {
    let rows = sqlx::query(&format!(
        "{SESSION} JOIN courses c ON c.id = s.course_id WHERE c.province_code = $1 ORDER BY s.held_on, s.id"
    ))
    .bind(province_code)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.iter().map(session_from).collect::<Result<_, _>>()?)
}

/// Producers with a completed attendance in a session held on or before `today`,
/// per pillar, and per indicator (`digital`: every pillar but packaging – delivery).
pub async fn trained_by_pillar(
    db: &Db,
    province_code: &str,
    today: &str,
) -> AppResult<(HashMap<Pillar, i64>, i64, i64)> {
    let rows = sqlx::query(
        "SELECT c.pillar, COUNT(DISTINCT a.producer_id) AS trained
         FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id JOIN courses c ON c.id = s.course_id
         WHERE c.province_code = $1 AND a.completed = 1 AND s.held_on <= $2 GROUP BY c.pillar",
    )
    .bind(province_code)
    .bind(today)
    .fetch_all(&db.pool)
    .await?;
    let mut per_pillar = HashMap::new();
    for row in &rows {
        let pillar: String = row.try_get("pillar")?;
        if let Some(pillar) = Pillar::parse(&pillar) {
            per_pillar.insert(pillar, row.try_get::<i64, _>("trained")?);
        }
    }
    let kinds = sqlx::query(
        "SELECT CASE WHEN c.pillar = 'packaging_delivery' THEN 'packaging' ELSE 'digital' END AS kind,
                COUNT(DISTINCT a.producer_id) AS trained
         FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id JOIN courses c ON c.id = s.course_id
         WHERE c.province_code = $1 AND a.completed = 1 AND s.held_on <= $2
         GROUP BY CASE WHEN c.pillar = 'packaging_delivery' THEN 'packaging' ELSE 'digital' END",
    )
    .bind(province_code)
    .bind(today)
    .fetch_all(&db.pool)
    .await?;
    let (mut digital, mut packaging) = (0, 0);
    for row in &kinds {
        let kind: String = row.try_get("kind")?;
        let trained: i64 = row.try_get("trained")?;
        if kind == "packaging" { packaging = trained } else { digital = trained }
    }
    Ok((per_pillar, digital, packaging))
}

pub async fn attendance_of(db: &Db, session_id: i64) -> AppResult<Vec<Attendance>> {
    let rows = sqlx::query(
        "SELECT a.attendee_name, a.completed, p.id, p.name, p.registry_code, p.province_code, p.commune_code, p.phone
         FROM training_attendance a JOIN producers p ON p.id = a.producer_id
         WHERE a.session_id = $1 ORDER BY p.name, p.id, a.attendee_name",
    )
    .bind(session_id)
    .fetch_all(&db.pool)
    .await?;
    let attendance = |row: &AnyRow| -> Result<Attendance, sqlx::Error> {
        Ok(Attendance {
            producer: directory::from_row(row)?,
            attendee_name: row.try_get("attendee_name")?,
            completed: row.try_get::<i64, _>("completed")? != 0,
        })
    };
    Ok(rows.iter().map(attendance).collect::<Result<_, _>>()?)
}

/// Records the rows in one transaction. A row whose producer and attendee (compared
/// ignoring case and tone marks) are already on the list updates its completion
/// instead of adding a second line: a list imported twice stays one list.
/// Returns (added, updated).
pub async fn write_attendance(db: &Db, session_id: i64, rows: &[NewAttendance]) -> AppResult<(usize, usize)> {
    let mut tx = db.begin_write().await?;
    let existing = sqlx::query("SELECT producer_id, attendee_name FROM training_attendance WHERE session_id = $1")
        .bind(session_id)
        .fetch_all(&mut *tx)
        .await?;
    let mut stored: HashMap<(i64, String), String> = HashMap::new();
    for row in &existing {
        let name: String = row.try_get("attendee_name")?;
        stored.insert((row.try_get("producer_id")?, name_key(&name)), name);
    }
    let (mut added, mut updated) = (0, 0);
    for row in rows {
        let key = (row.producer_id, name_key(&row.attendee_name));
        if let Some(name) = stored.get(&key) {
            sqlx::query(
                "UPDATE training_attendance SET completed = $1 WHERE session_id = $2 AND producer_id = $3 AND attendee_name = $4",
            )
            .bind(i64::from(row.completed))
            .bind(session_id)
            .bind(row.producer_id)
            .bind(name)
            .execute(&mut *tx)
            .await
            .with_context(|| format!("update attendance of producer {} in session {session_id}", row.producer_id))?;
            updated += 1;
        } else {
            sqlx::query(
                "INSERT INTO training_attendance (session_id, producer_id, attendee_name, completed) VALUES ($1, $2, $3, $4)",
            )
            .bind(session_id)
            .bind(row.producer_id)
            .bind(&row.attendee_name)
            .bind(i64::from(row.completed))
            .execute(&mut *tx)
            .await
            .with_context(|| format!("record attendance of producer {} in session {session_id}", row.producer_id))?;
            stored.insert(key, row.attendee_name.clone());
            added += 1;
        }
    }
    tx.commit().await.context("commit attendance")?;
    Ok((added, updated))
}

/// Removes one line of the list; `false` when there was none.
pub async fn remove_attendance(db: &Db, session_id: i64, producer_id: i64, attendee_name: &str) -> AppResult<bool> {
    let done = sqlx::query(
        "DELETE FROM training_attendance WHERE session_id = $1 AND producer_id = $2 AND attendee_name = $3",
    )
    .bind(session_id)
    .bind(producer_id)
    .bind(attendee_name)
    .execute(&db.pool)
    .await
    .with_context(|| format!("remove attendance of producer {producer_id} from session {session_id}"))?;
    Ok(done.rows_affected() > 0)
}
