//! What the office does with a fair, the same from a page or the API: create and
//! change it, add a producer's booth (a producer of the fair's province) and remove
//! it. Every step checks the fair's province.

use super::messages;
use super::model::{FairInput, check_booth};
use super::store::{self, Fair};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::Message;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::programme::scope;
use crate::programme::support::cases::producer_for;

/// The fair, if this user oversees its province (403 otherwise).
pub async fn fair_for(db: &Db, user: &CurrentUser, id: i64) -> AppResult<Fair> {
    if !user.is_officer() {
        return Err(AppError::Forbidden);
    }
    let fair = store::find_by_id(db, id).await?.ok_or_else(|| AppError::not_found(messages::FAIR))?;
    user.require_province(&fair.province_code)?;
    Ok(fair)
}

/// Creates a fair in the province asked for (the body's, then the query's); returns its id.
pub async fn create(db: &Db, user: &CurrentUser, province: Option<&str>, input: &FairInput) -> AppResult<i64> {
    let province = scope::province_for(user, input.province_code.as_deref().or(province))?;
    let fields = input.validate(None).map_err(AppError::Invalid)?;
    let id = store::insert(db, &province, &fields).await?;
    tracing::info!(fair.id = id, province, user.id = user.id, "fair {} created", fields.name);
    Ok(id)
}

/// Changes what the input carries; a fair does not move to another province.
pub async fn change(db: &Db, fair: &Fair, input: &FairInput) -> AppResult<()> {
    if let Some(province) = input.province_code.as_deref().filter(|p| *p != fair.province_code) {
        return Err(AppError::invalid(
            "province_code",
            Message::from(messages::FAIR_STAYS_IN_PROVINCE).with("province", province),
        ));
    }
    let fields = input.validate(Some(&fair.fields())).map_err(AppError::Invalid)?;
    store::update(db, fair.id, &fields).await
}

/// A booth to record: the producer by id or by code or name, its label and revenue.
pub struct BoothRequest<'a> {
    pub producer_id: Option<i64>,
    pub producer: Option<&'a str>,
    pub booth: Option<&'a str>,
    pub revenue_vnd: i64,
    /// Problems found while reading the form (revenue typed wrong …).
    pub errors: FieldErrors,
}

/// Adds (or changes) a producer's booth; returns the producer's id.
pub async fn add_booth(db: &Db, user: &CurrentUser, fair: &Fair, request: BoothRequest<'_>) -> AppResult<i64> {
    let mut errors = request.errors;
    let label = check_booth(&mut errors, request.booth, request.revenue_vnd);
    if request.producer_id.is_none() && request.producer.is_none_or(|p| p.trim().is_empty()) {
        errors.add("producer", messages::PRODUCER_REQUIRED_REGISTRY_CODE_OR_NAME);
    }
    errors.into_result()?;
    let producer = producer_for(db, user, Some(&fair.province_code), request.producer_id, request.producer).await?;
    store::upsert_booth(db, fair.id, producer.id, &label, request.revenue_vnd).await?;
    Ok(producer.id)
}
