//! What the task force does with a case, the same from a page or the API: open it
//! for a producer of the province, change its status, owner or due date, and log
//! notes. Every step checks the province of the case's producer.

use super::directory::{self, Lookup};
use super::messages;
use super::model::{self, CaseChange, CaseFields, CaseInput};
use super::store::{self, Case, NewCase};
use crate::auth::CurrentUser;
use crate::db::{self, Db};
use crate::error::{AppError, AppResult, FieldErrors, Message};
use crate::programme::scope;

/// The case, if this user oversees its producer's province (403 otherwise).
pub async fn case_for(db: &Db, user: &CurrentUser, id: i64) -> AppResult<Case> {
    if !user.is_officer() {
        return Err(AppError::Forbidden);
    }
    let case = store::find_by_id(db, id).await?.ok_or_else(|| AppError::not_found(messages::SUPPORT_CASE))?;
    user.require_province(&case.producer.province_code)?;
    Ok(case)
}

/// The producer a new case is for: by id (whose province must be the user's), or by
/// code or name within the province asked for.
pub async fn producer_for(
    db: &Db,
    user: &CurrentUser,
    province: Option<&str>,
    producer_id: Option<i64>,
    producer: Option<&str>,
) -> AppResult<directory::ProducerRef> {
    if let Some(id) = producer_id {
        let found = directory::find(db, id).await?.ok_or_else(|| {
            AppError::invalid("producer_id", Message::from(messages::NO_PRODUCER_WITH_ID).with("id", id))
        })?;
        scope::province_for(user, Some(&found.province_code))?;
        if let Some(asked) = province.map(str::trim).filter(|p| !p.is_empty() && *p != found.province_code) {
            return Err(AppError::invalid(
                "producer_id",
                Message::from(messages::PRODUCER_IS_NOT_OF_PROVINCE).with("id", id).with("asked", asked),
            ));
        }
        return Ok(found);
    }
    let province = scope::province_for(user, province)?;
    let text = model::clean(producer).unwrap_or_default();
    let dir = directory::of_province(db, &province).await?;
    let lookup = dir.lookup_text(&text, None);
    if let Lookup::Found(found) = lookup {
        return Ok(found.clone());
    }
    let message = directory::miss_message(db, &province, &lookup, Some(&text), Some(&text)).await?;
    Err(AppError::invalid("producer", Message::from(messages::PRODUCER_NOT_FOUND).with_message("message", message)))
}

/// An owner must be an officer of the province or an admin.
async fn check_owner(db: &Db, province_code: &str, owner_user_id: i64) -> AppResult<()> {
    let owners = store::owners_of(db, province_code).await?;
    if owners.iter().any(|o| o.id == owner_user_id) {
        Ok(())
    } else {
        Err(AppError::invalid(
            "owner_user_id",
            Message::from(messages::OWNER_IS_NOT_AN_OFFICER).with("owner_user_id", owner_user_id),
        ))
    }
}

/// Opens a case; returns its id.
pub async fn create(db: &Db, user: &CurrentUser, province: Option<&str>, input: &CaseInput) -> AppResult<i64> {
    if !user.is_officer() {
        return Err(AppError::Forbidden);
    }
    let checked = input.validate();
    let producer = producer_for(db, user, province, input.producer_id, input.producer.as_deref()).await;
    let (fields, producer): (CaseFields, _) = match (checked, producer) {
        (Ok(fields), Ok(producer)) => (fields, producer),
        (Err(mut errors), Err(AppError::Invalid(more))) => {
            errors.0.extend(more.0);
            return Err(AppError::Invalid(errors));
        }
        (Err(errors), _) => return Err(AppError::Invalid(errors)),
        (_, Err(e)) => return Err(e),
    };
    let owner = input.owner_user_id.unwrap_or(user.id);
    check_owner(db, &producer.province_code, owner).await?;
    let new = NewCase {
        producer_id: producer.id,
        topic: fields.topic,
        title: &fields.title,
        owner_user_id: owner,
        due_on: fields.due_on.as_deref(),
        created_by: user.id,
        note: fields.note.as_deref(),
    };
    let id = store::insert(db, &new).await?;
    tracing::info!(case.id = id, producer.id = producer.id, user.id = user.id, "support case {id} opened");
    Ok(id)
}

/// Applies a checked change; a new owner must belong to the case's province.
pub async fn change(db: &Db, mut case: Case, change: CaseChange) -> AppResult<Case> {
    if let Some(owner) = change.owner_user_id {
        check_owner(db, &case.producer.province_code, owner).await?;
        case.owner_user_id = Some(owner);
    }
    if let Some(topic) = change.topic {
        case.topic = topic;
    }
    if let Some(title) = change.title {
        case.title = title;
    }
    if let Some(due_on) = change.due_on {
        case.due_on = due_on;
    }
    if let Some(status) = change.status {
        case.closed_at = model::closed_at_after(case.status, status, case.closed_at.as_deref(), &db::now());
        case.status = status;
    }
    store::update(db, &case).await?;
    store::find_by_id(db, case.id).await?.ok_or_else(|| AppError::not_found(messages::SUPPORT_CASE))
}

/// Appends a note to the case's log.
pub async fn add_note(db: &Db, user: &CurrentUser, case: &Case, body: Option<&str>) -> AppResult<i64> {
    let mut errors = FieldErrors::default();
    let body = model::text_field(&mut errors, "body", messages::NOTE_LABEL, body, model::MAX_NOTE);
    if body.is_empty() {
        errors.add("body", messages::NOTE_REQUIRED);
    }
    errors.into_result()?;
    store::add_note(db, case.id, user.id, &body).await
}
