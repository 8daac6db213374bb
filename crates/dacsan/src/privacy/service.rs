//! The rights a person exercises from their account: see and download their
//! data, correct the profile, withdraw a consent, delete the account. Each is
//! logged as a request with its dates.

use super::messages;
use super::model::{Purpose, RequestKind, RequestStatus};
use super::store::{self, NewRequest};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::{AppError, AppResult, Message};
use crate::vn::phone::Phone;

/// Everything held about the person, logged as an access (or, for a file, an
/// export) request done at once.
pub async fn my_data(db: &Db, user: &CurrentUser, kind: RequestKind) -> AppResult<super::export::PersonalData> {
    let data = super::export::gather(db, user.id).await?.ok_or_else(|| AppError::not_found(messages::ACCOUNT))?;
    let detail = format!("{} orders", data.orders.len());
    store::log_request(
        &db.pool,
        &NewRequest { user_id: Some(user.id), kind, status: RequestStatus::Done, detail: &detail, contact: None },
    )
    .await?;
    Ok(data)
}

/// What a person may correct themselves.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct ProfileInput {
    pub name: String,
    /// Empty: no phone.
    pub phone: Option<String>,
}

pub async fn correct_profile(db: &Db, user: &CurrentUser, input: &ProfileInput) -> AppResult<()> {
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > 120 {
        return Err(AppError::invalid("name", messages::NAME_1_TO_120_CHARACTERS));
    }
    let phone = match input.phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => Some(Phone::parse(p).map_err(|why| AppError::invalid("phone", why))?.e164().to_string()),
        None => None,
    };
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE users SET name = $1, phone = $2 WHERE id = $3 AND deleted_at IS NULL")
        .bind(name)
        .bind(&phone)
        .bind(user.id)
        .execute(&mut *tx)
        .await
        .map_err(anyhow::Error::new)?;
    let request = NewRequest {
        user_id: Some(user.id),
        kind: RequestKind::Correction,
        status: RequestStatus::Done,
        detail: "name, phone",
        contact: None,
    };
    store::log_request(&mut *tx, &request).await?;
    tx.commit().await.map_err(anyhow::Error::new)?;
    Ok(())
}

/// Gives or takes back consent to an optional purpose. The account's own
/// consent is taken back by deleting the account.
pub async fn set_consent(db: &Db, user: &CurrentUser, purpose: &str, granted: bool, source: &str) -> AppResult<()> {
    let purpose = Purpose::parse(purpose)
        .ok_or_else(|| AppError::invalid("purpose", messages::MARKETING_EMAIL_OR_CARRIER_SHARING))?;
    if purpose == Purpose::Account && !granted {
        return Err(AppError::invalid("purpose", messages::TAKING_BACK_THE_ACCOUNT_S_CONSENT));
    }
    let mut tx = db.begin_write().await?;
    store::record_consent(&mut *tx, user.id, purpose, granted, source).await?;
    if !granted {
        let request = NewRequest {
            user_id: Some(user.id),
            kind: RequestKind::Withdrawal,
            status: RequestStatus::Done,
            detail: purpose.as_str(),
            contact: None,
        };
        store::log_request(&mut *tx, &request).await?;
    }
    tx.commit().await.map_err(anyhow::Error::new)?;
    Ok(())
}

/// How an erasure ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Erasure {
    Done,
    /// What must be finished first, in words.
    Held(Vec<Message>),
}

/// Deletes the account when the password is right and nothing must be kept;
/// otherwise says what holds it (the request is logged either way).
pub async fn erase_account(db: &Db, user: &CurrentUser, password: &str) -> AppResult<Erasure> {
    if crate::auth::service::authenticate(db, &user.email, password).await? != Some(user.id) {
        return Err(AppError::Forbidden);
    }
    let mut tx = db.begin_write().await?;
    let (mut what, mut holds): (Vec<String>, Vec<Message>) =
        store::erasure_holds(&mut tx, user.id, &user.email).await?.into_iter().unzip();
    if user.is_admin() && store::other_admins(&mut tx, user.id).await? == 0 {
        what.push("the only admin".into());
        holds.push(messages::HELD_AS_ONLY_ADMIN.into());
    }
    let (status, detail) = if holds.is_empty() {
        store::erase(&mut tx, user.id).await?;
        (RequestStatus::Done, String::new())
    } else {
        (RequestStatus::Refused, what.join("; "))
    };
    let request =
        NewRequest { user_id: Some(user.id), kind: RequestKind::Deletion, status, detail: &detail, contact: None };
    store::log_request(&mut *tx, &request).await?;
    tx.commit().await.map_err(anyhow::Error::new)?;
    Ok(if holds.is_empty() { Erasure::Done } else { Erasure::Held(holds) })
}

/// A request from someone who has no account, or that needs a person to look
/// into it (a producer's contact asking to be taken off a registry).
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct OutsideRequest {
    /// `objection`, `deletion`, `correction` or `access`.
    pub kind: String,
    /// How to reach the person: a phone or an e-mail.
    pub contact: String,
    /// What they ask, in their words.
    pub detail: String,
}

pub async fn file_request(db: &Db, user: Option<&CurrentUser>, input: &OutsideRequest) -> AppResult<i64> {
    let kind = RequestKind::parse(input.kind.trim())
        .filter(|k| !matches!(k, RequestKind::Export | RequestKind::Withdrawal))
        .ok_or_else(|| AppError::invalid("kind", messages::OBJECTION_DELETION_CORRECTION_OR_ACCESS))?;
    let contact = input.contact.trim();
    let is_email = contact.contains('@') && contact.len() <= 200 && !contact.contains(char::is_whitespace);
    if !is_email && Phone::parse(contact).is_err() {
        return Err(AppError::invalid("contact", messages::PHONE_OR_EMAIL));
    }
    let detail = input.detail.trim();
    if detail.is_empty() || detail.chars().count() > 2000 {
        return Err(AppError::invalid("detail", messages::DETAIL_1_TO_2000_CHARACTERS));
    }
    let request =
        NewRequest { user_id: user.map(|u| u.id), kind, status: RequestStatus::Open, detail, contact: Some(contact) };
    Ok(store::log_request(&db.pool, &request).await?)
}
