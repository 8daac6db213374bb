//! The breach register for admins (issue 17): what happened, when it was found,
//! which data and how many people, the 72-hour clock to the authority's notice, and
//! the notices sent. `/admin/breaches` and `/api/v1/admin/breaches…`.

pub mod api;
pub mod messages;
pub mod model;
pub mod pages;
pub mod store;

use model::{BreachInput, NoticeInput};
use store::Breach;

use crate::auth::CurrentUser;
use crate::db::{self, Db};
use crate::error::{AppError, AppResult};

fn not_found() -> AppError {
    AppError::not_found(messages::BREACH)
}

pub async fn record(db: &Db, user: &CurrentUser, input: &BreachInput) -> AppResult<Breach> {
    user.require_admin()?;
    let valid = input.validate(time::OffsetDateTime::now_utc()).map_err(AppError::Invalid)?;
    let id = store::insert(db, &valid, user.id).await?;
    tracing::warn!(
        breach.id = id,
        people = valid.people_affected,
        user.id = user.id,
        "personal-data breach {id} recorded"
    );
    store::find(db, id).await?.ok_or_else(not_found)
}

pub async fn find(db: &Db, user: &CurrentUser, id: i64) -> AppResult<Breach> {
    user.require_admin()?;
    store::find(db, id).await?.ok_or_else(not_found)
}

pub async fn add_notice(db: &Db, user: &CurrentUser, id: i64, input: &NoticeInput) -> AppResult<Breach> {
    let breach = find(db, user, id).await?;
    let found = db::parse_time(&breach.found_at).ok_or_else(|| anyhow::anyhow!("breach {id}: found_at unreadable"))?;
    let valid = input.validate(found, time::OffsetDateTime::now_utc()).map_err(AppError::Invalid)?;
    store::insert_notice(db, breach.id, &valid, user.id).await?;
    tracing::info!(breach.id = id, recipient = %valid.recipient, "breach {id}: notice recorded");
    store::find(db, id).await?.ok_or_else(not_found)
}

pub async fn close(db: &Db, user: &CurrentUser, id: i64) -> AppResult<Breach> {
    let breach = find(db, user, id).await?;
    if !store::close(db, breach.id).await? {
        return Err(AppError::conflict("status", messages::THE_BREACH_IS_CLOSED_ALREADY));
    }
    store::find(db, id).await?.ok_or_else(not_found)
}
