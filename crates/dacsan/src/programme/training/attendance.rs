//! Recording who attended a session, the same from a form, a JSON list or an
//! imported file: every row's producer is looked up in the course's province, every
//! problem row is explained (unknown producer, a name shared by several, a producer
//! of another province, a row given twice), and nothing is written while there are
//! problems unless the officer asks for the valid rows only.

use std::collections::HashMap;

use serde::Serialize;

use super::import::{Candidate, ColumnNames, RowError};
use super::messages;
use super::model::{AttendeeInput, MAX_TEXT, attendee_name};
use super::store::{self, Course, NewAttendance};
use crate::db::Db;
use crate::error::{AppResult, FieldErrors, Message};
use crate::programme::support::directory::{self, Lookup};
use crate::vn::admin_units;
use crate::vn::text::name_key;

/// What became of a list.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct ImportReport {
    /// Rows read (blank rows aside).
    pub rows: usize,
    /// `false` when problems stopped the import: nothing was written.
    pub written: bool,
    pub added: usize,
    pub updated: usize,
    /// Rows left out (with `valid_only`) or that stopped the import.
    pub errors: Vec<RowError>,
}

impl ImportReport {
    /// The problems as field errors (`row 5: Mã cơ sở`), for a 422.
    pub fn field_errors(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        for e in &self.errors {
            errors.add(
                &format!("row {}: {}", e.row, e.column),
                Message::from(messages::ROW_PROBLEM)
                    .with("row", e.row)
                    .with("column", &e.column)
                    .with_message("message", e.message.clone()),
            );
        }
        errors
    }
}

/// Looks every row up and writes the list (see the module's rules).
pub async fn record(
    db: &Db,
    course: &Course,
    session_id: i64,
    columns: &ColumnNames,
    rows: Vec<Candidate>,
    mut errors: Vec<RowError>,
    valid_only: bool,
) -> AppResult<ImportReport> {
    let dir = directory::of_province(db, &course.province_code).await?;
    let mut seen: HashMap<(i64, String), usize> = HashMap::new();
    let mut good = Vec::new();
    let total = rows.len() + errors.len();
    for c in rows {
        let (lookup, column) = match (c.producer_id, c.loose) {
            (Some(id), _) => (dir.get(id).map_or(Lookup::Unknown, Lookup::Found), &columns.producer_id),
            (None, true) => (dir.lookup_text(c.code.as_deref().unwrap_or(""), c.phone.as_deref()), &columns.code),
            (None, false) if c.code.is_some() => (dir.lookup(c.code.as_deref(), None, None), &columns.code),
            (None, false) => (dir.lookup(None, c.name.as_deref(), c.phone.as_deref()), &columns.name),
        };
        let producer = match lookup {
            Lookup::Found(p) => p,
            miss => {
                let message = match c.producer_id {
                    Some(id) => id_miss(db, id).await?,
                    None => {
                        let name = if c.loose { c.code.as_deref() } else { c.name.as_deref() };
                        directory::miss_message(db, &course.province_code, &miss, c.code.as_deref(), name).await?
                    }
                };
                errors.push(RowError { row: c.row, column: column.clone(), message });
                continue;
            }
        };
        if c.attendee.chars().count() > MAX_TEXT {
            errors.push(RowError {
                row: c.row,
                column: columns.attendee.clone(),
                message: Message::from(messages::ATTENDEE_TOO_LONG).with("max", MAX_TEXT),
            });
            continue;
        }
        let key = (producer.id, name_key(&c.attendee));
        if let Some(first) = seen.get(&key) {
            errors.push(RowError {
                row: c.row,
                column: columns.attendee.clone(),
                message: Message::from(messages::DUPLICATE_ROW).with("first", first),
            });
            continue;
        }
        seen.insert(key, c.row);
        good.push(NewAttendance { producer_id: producer.id, attendee_name: c.attendee, completed: c.completed });
    }
    errors.sort_by_key(|e| e.row);
    let mut report = ImportReport { rows: total, errors, ..Default::default() };
    if !report.errors.is_empty() && !valid_only {
        return Ok(report);
    }
    let (added, updated) = store::write_attendance(db, session_id, &good).await?;
    tracing::info!(
        session.id = session_id,
        added,
        updated,
        skipped = report.errors.len(),
        "attendance of session {session_id} recorded"
    );
    report.written = true;
    report.added = added;
    report.updated = updated;
    Ok(report)
}

async fn id_miss(db: &Db, id: i64) -> AppResult<Message> {
    Ok(match directory::find(db, id).await? {
        Some(p) => {
            let other = admin_units::province(&p.province_code).map(|p| p.name.as_str()).unwrap_or("");
            Message::from(messages::PRODUCER_OF_ANOTHER_PROVINCE).with("id", id).with("other", other)
        }
        None => Message::from(messages::NO_PRODUCER_WITH_ID).with("id", id),
    })
}

/// The API's JSON rows as candidates, numbered from 1 in list order.
pub fn candidates_of(rows: Vec<AttendeeInput>) -> (Vec<Candidate>, Vec<RowError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, r) in rows.into_iter().enumerate() {
        let clean = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        let (code, name) = (clean(r.registry_code), clean(r.producer_name));
        if r.producer_id.is_none() && code.is_none() && name.is_none() {
            errors.push(RowError {
                row: i + 1,
                column: "producer_id".into(),
                message: messages::PRODUCER_ID_CODE_OR_NAME.into(),
            });
            continue;
        }
        out.push(Candidate {
            row: i + 1,
            producer_id: r.producer_id,
            code,
            name,
            phone: clean(r.phone),
            attendee: attendee_name(r.attendee_name.as_deref().unwrap_or("")),
            completed: r.completed.unwrap_or(true),
            loose: false,
        });
    }
    (out, errors)
}
