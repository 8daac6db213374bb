//! A carton's label: `GET /00/{sscc}` (GS1 Digital Link of a logistic unit) answers
//! the batches packed in the carton — its packing, shipping and receiving events name
//! it by its SSCC — as a page for people or JSON with `Accept: application/json`.

use std::sync::Arc;

use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::messages;
use super::model::EventKind;
use super::service;
use super::store;
use crate::catalog::{self, ProductStatus};
use crate::config::Settings;
use crate::db::Db;
use crate::error::AppError;
use crate::error::Message;
use crate::web::PageError;
use crate::web::{Page, render};

/// One batch in the carton, as the page and the JSON show it.
#[derive(Debug, Serialize)]
pub struct CartonBatch {
    pub batch_id: i64,
    pub product_name: String,
    pub lot: String,
    pub expires_on: Option<String>,
    /// The units of the batch the latest event put in (or moved with) the carton.
    pub quantity: Option<i64>,
    /// The latest event that named the carton.
    pub event_kind: String,
    pub event_time: String,
    /// The batch's traceability page.
    pub digital_link: String,
}

#[derive(Template)]
#[template(path = "trace/carton.html")]
struct CartonTemplate {
    page: Page,
    sscc: String,
    batches: Vec<CartonBatch>,
}

impl CartonTemplate {
    fn kind_key(&self, kind: &str) -> &'static str {
        EventKind::label_key_of(kind)
    }
}

/// `GET /00/{sscc}`
pub async fn resolve_sscc(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    page: Page,
    headers: HeaderMap,
    Path(sscc): Path<String>,
) -> Result<Response, PageError> {
    let sscc = gs1::Sscc::parse(&sscc).map_err(|e| {
        AppError::BadRequest(Message::from(messages::NOT_AN_SSCC).with("sscc", &sscc).with("detail", e))
    })?;
    let batches = carton_batches(&db, &settings.public_url, sscc.as_str(), page.user.as_ref()).await?;
    if batches.is_empty() {
        return Err(AppError::not_found(Message::from(messages::CARTON_WITH_SSCC).with("sscc", sscc)).into());
    }
    if crate::web::extract::wants_json(&headers) {
        let uri = sscc.to_uri(&settings.public_url);
        return Ok(Json(serde_json::json!({"sscc": sscc.as_str(), "url": uri, "batches": batches})).into_response());
    }
    Ok(render(&CartonTemplate { page, sscc: sscc.as_str().to_string(), batches }))
}

/// The batches the carton's events name, leaving out products not on sale (unless
/// the visitor manages them).
async fn carton_batches(
    db: &Db,
    public_url: &str,
    sscc: &str,
    user: Option<&crate::auth::CurrentUser>,
) -> Result<Vec<CartonBatch>, AppError> {
    let mut out = Vec::new();
    for line in store::carton_lines(db, sscc).await? {
        let Some(batch) = store::find_batch(db, line.batch_id).await? else { continue };
        let Some(product) = catalog::store::find_by_id(db, batch.product_id).await? else { continue };
        if product.status == ProductStatus::Draft && !user.is_some_and(|u| u.can_manage_producer(batch.producer_id)) {
            continue;
        }
        out.push(CartonBatch {
            batch_id: batch.id,
            digital_link: service::batch_url(public_url, &product, &batch),
            product_name: product.name,
            lot: batch.lot,
            expires_on: batch.expires_on,
            quantity: line.quantity,
            event_kind: line.event_kind,
            event_time: line.event_time,
        });
    }
    Ok(out)
}
