//! The seller's "create shipment" form on the order page.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::shipments::{self, ShipmentInput};
use crate::error::AppError;
use crate::orders::access::visible_order;
use crate::orders::model::Actor;
use crate::state::AppState;
use crate::web::{CsrfForm, Page, PageError};

#[derive(Debug, Deserialize)]
pub struct ShipmentForm {
    #[serde(default)]
    carrier: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    tracking_code: String,
}

fn filled(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// `POST /orders/{code}/shipments`: books the parcel and goes back to the order.
pub async fn create_shipment(
    State(state): State<AppState>,
    page: Page,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<ShipmentForm>,
) -> Result<Response, PageError> {
    let user = page.user.as_ref().ok_or(AppError::Unauthorized)?;
    let (order, actor) = visible_order(&state.db, &code, Some(user), None).await?;
    if !matches!(actor, Actor::Seller | Actor::Admin) {
        return Err(AppError::Forbidden.into());
    }
    let input = ShipmentInput {
        carrier: filled(&form.carrier),
        service: filled(&form.service),
        parcels: None,
        tracking_code: filled(&form.tracking_code),
    };
    shipments::create(&state.db, &state.logistics, &state.jobs, &order, Some(user.id), &input).await?;
    Ok(Redirect::to(&format!("/orders/{}", order.code)).into_response())
}

#[derive(Debug, Deserialize)]
pub struct ReturnForm {
    #[serde(default)]
    restock: String,
}

/// `POST /shipments/{id}/return`: the seller's choice for a returned parcel.
pub async fn settle_return(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<ReturnForm>,
) -> Result<Response, PageError> {
    let user = page.user.as_ref().ok_or(AppError::Unauthorized)?;
    let shipment =
        super::store::find_shipment(&state.db, id).await?.ok_or_else(|| AppError::not_found("kiện hàng / shipment"))?;
    let (order, actor) = visible_order(&state.db, &shipment.order_id.to_string(), Some(user), None).await?;
    if !matches!(actor, Actor::Seller | Actor::Admin) {
        return Err(AppError::not_found("kiện hàng / shipment").into());
    }
    let input = shipments::ReturnInput { restock: form.restock == "yes" };
    shipments::settle_return(&state.db, &shipment, Some(user.id), &input).await?;
    Ok(Redirect::to(&format!("/orders/{}", order.code)).into_response())
}
