//! `/seller/producers/{id}/carrier-accounts`: the producer's delivery settings for
//! carriers — which carriers the platform books with, and the producer's own
//! accounts (token shown by its last four characters), each with a small form.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use carriers::Carrier;
use serde::Deserialize;

use super::messages;
use super::model::{AccountInput, AccountView};
use crate::db::Db;
use crate::error::{AppError, FieldErrors};
use crate::logistics::Logistics;
use crate::producers::Producer;
use crate::web::{CsrfForm, Page, PageError, render};

/// One carrier on the page.
pub struct CarrierRow {
    pub code: &'static str,
    pub name: &'static str,
    /// The platform books with it (its URL and token are set).
    pub platform: bool,
    /// This server knows the carrier's API address: an own account can book.
    pub reachable: bool,
    pub own: Option<AccountView>,
}

#[derive(Template)]
#[template(path = "logistics/carrier_accounts.html")]
struct AccountsTemplate {
    page: Page,
    producer: Producer,
    rows: Vec<CarrierRow>,
    /// A key is set: accounts can be saved.
    can_save: bool,
    /// The i18n key of what was just done.
    done: Option<&'static str>,
    /// The carrier whose form the errors are about.
    error_carrier: String,
    errors: FieldErrors,
}

impl AccountsTemplate {
    fn time(&self, utc: &str) -> String {
        crate::vn::time_vn(utc)
    }
}

async fn editable(db: &Db, page: &Page, id: i64) -> Result<Producer, PageError> {
    page.require_user()?.require_producer(id)?;
    Ok(crate::producers::store::find_by_id(db, id).await?.ok_or_else(|| AppError::not_found(messages::PRODUCER))?)
}

async fn page_of(
    db: &Db,
    logistics: &Logistics,
    page: Page,
    producer: Producer,
    done: Option<&'static str>,
    error: Option<(Carrier, FieldErrors)>,
) -> Result<Response, PageError> {
    let own = super::service::list(db, logistics, producer.id).await?;
    let rows = Carrier::ALL
        .into_iter()
        .map(|carrier| CarrierRow {
            code: carrier.as_str(),
            name: carrier.display_name(),
            platform: logistics.client(carrier.as_str()).is_some(),
            reachable: logistics.base_url(carrier).is_some(),
            own: own.iter().find(|a| a.carrier == carrier.as_str()).cloned(),
        })
        .collect();
    let (error_carrier, errors) = match error {
        Some((carrier, errors)) => (carrier.as_str().to_string(), errors),
        None => (String::new(), FieldErrors::default()),
    };
    let can_save = logistics.keyring().is_some();
    Ok(render(&AccountsTemplate { page, producer, rows, can_save, done, error_carrier, errors }))
}

/// `GET /seller/producers/{id}/carrier-accounts`
pub async fn show_accounts(
    State(db): State<Db>,
    State(logistics): State<Arc<Logistics>>,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let producer = editable(&db, &page, id).await?;
    let done = if q.contains_key("saved") {
        Some("carrier_account_saved")
    } else if q.contains_key("removed") {
        Some("carrier_account_removed")
    } else {
        None
    };
    page_of(&db, &logistics, page, producer, done, None).await
}

#[derive(Deserialize)]
pub struct AccountForm {
    #[serde(default)]
    carrier: String,
    #[serde(default)]
    token: String,
    #[serde(default)]
    shop_id: String,
}

/// `POST /seller/producers/{id}/carrier-accounts`: saves one carrier's account; a
/// bad field is shown at that carrier's form (the token is never shown back).
pub async fn save_account(
    State(db): State<Db>,
    State(logistics): State<Arc<Logistics>>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<AccountForm>,
) -> Result<Response, PageError> {
    let producer = editable(&db, &page, id).await?;
    let user_id = page.require_user()?.id;
    let carrier = super::parse_carrier(&form.carrier)?;
    let input = AccountInput { token: form.token, shop_id: Some(form.shop_id) };
    match super::service::save(&db, &logistics, id, carrier, &input, user_id).await {
        Ok(_) => Ok(Redirect::to(&format!("/seller/producers/{id}/carrier-accounts?saved={}", carrier.as_str()))
            .into_response()),
        Err(AppError::Invalid(errors)) => page_of(&db, &logistics, page, producer, None, Some((carrier, errors))).await,
        Err(AppError::Conflict { field, message }) => {
            let mut errors = FieldErrors::default();
            errors.add(&field, message);
            page_of(&db, &logistics, page, producer, None, Some((carrier, errors))).await
        }
        Err(err) => Err(err.into()),
    }
}

/// `POST /seller/producers/{id}/carrier-accounts/{carrier}/delete`
pub async fn delete_account(
    State(db): State<Db>,
    page: Page,
    Path((id, carrier)): Path<(i64, String)>,
    CsrfForm(_): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    editable(&db, &page, id).await?;
    let carrier = super::parse_carrier(&carrier)?;
    super::remove(&db, id, carrier).await?;
    Ok(Redirect::to(&format!("/seller/producers/{id}/carrier-accounts?removed={}", carrier.as_str())).into_response())
}
