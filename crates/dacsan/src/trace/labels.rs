//! The label sheets of a batch (`GET /api/v1/batches/{id}/labels.pdf`): one QR per
//! batch repeated over whole sheets, or one serial QR per unit, drawn by the
//! `labels` crate.

use serde::Deserialize;

use super::messages;
use super::service;
use super::state::TraceState;
use super::store::{self, Batch};
use crate::catalog::Product;
use crate::db;
use crate::error::Message;
use crate::error::{AppError, AppResult};

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct LabelParams {
    /// `3x7`, `4x10` or `5x13` (A4 decal sheets); `5x13` when left out.
    pub layout: Option<String>,
    /// `batch` (one QR per batch, a full sheet) or `serial` (one QR per unit); `serial`
    /// when the batch has serials.
    pub mode: Option<String>,
    /// For `serial`: the first serial (0-based, in issue order) and how many.
    pub from: Option<i64>,
    pub count: Option<i64>,
    /// For `batch`: how many sheets.
    pub sheets: Option<i64>,
}

/// Most labels in one PDF.
pub const MAX_LABELS: i64 = 20_000;
/// Most sheets of a batch QR in one PDF.
const MAX_SHEETS: i64 = 50;

pub async fn sheet_for(
    state: &TraceState,
    product: &Product,
    batch: &Batch,
    params: &LabelParams,
) -> AppResult<Vec<u8>> {
    let layout: labels::Layout =
        params.layout.as_deref().unwrap_or("5x13").parse().map_err(|e: labels::UnknownLayout| {
            AppError::invalid("layout", Message::from(messages::LABEL_LAYOUT_ONE_OF).with("layout", e.0))
        })?;
    let mode = params.mode.as_deref().unwrap_or(if batch.serial_count > 0 { "serial" } else { "batch" });
    let base = &state.settings.public_url;
    let label = |url: String, serial: Option<String>| labels::Label {
        title: product.name.clone(),
        stars: product.valid_stars(db::today_vn()),
        lot: batch.lot.clone(),
        expires: batch.expires_on.as_deref().and_then(crate::vn::parse_iso_date).map(|d| crate::vn::date_vn(&d)),
        serial,
        url,
    };
    let sheet: Vec<labels::Label> = match mode {
        "batch" => {
            let sheets = params.sheets.unwrap_or(1);
            if !(1..=MAX_SHEETS).contains(&sheets) {
                return Err(AppError::invalid(
                    "sheets",
                    Message::from(messages::SHEETS_1_TO_MAX).with("max_sheets", MAX_SHEETS),
                ));
            }
            let url = format!("{base}{}", service::batch_path(product, batch));
            (0..layout.per_page() as i64 * sheets).map(|_| label(url.clone(), None)).collect()
        }
        "serial" => {
            let from = params.from.unwrap_or(0);
            let count = params.count.unwrap_or(batch.serial_count - from).min(MAX_LABELS);
            if from < 0 || count < 1 {
                return Err(AppError::invalid("count", messages::NO_SERIALS_IN_RANGE));
            }
            let serials = store::serials_of(&state.db, batch.id, from, count).await?;
            if serials.is_empty() {
                return Err(AppError::invalid("from", messages::NO_SERIALS_FROM_THERE));
            }
            serials
                .into_iter()
                .map(|s| label(format!("{base}{}", service::serial_path(product, batch, &s)), Some(s)))
                .collect()
        }
        other => {
            return Err(AppError::invalid("mode", Message::from(messages::LABEL_MODE_ONE_OF).with("mode", other)));
        }
    };
    tokio::task::spawn_blocking(move || labels::sheet(layout, &sheet))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::invalid("layout", Message::from(messages::LABELS_NOT_PRINTED).with("detail", e)))
}
