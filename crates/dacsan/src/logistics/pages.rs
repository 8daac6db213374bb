//! The seller's "create shipment" form on the order page, and a parcel's journey
//! behind the SSCC on its label (`/00/{sscc}`).

use std::sync::Arc;

use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use super::messages;
use super::shipments::{self, ShipmentInput};
use crate::config::Settings;
use crate::db::Db;
use crate::error::{AppError, Message};
use crate::jobs::Jobs;
use crate::logistics::Logistics;
use crate::orders::access::visible_order;
use crate::orders::model::Actor;
use crate::web::{CsrfForm, Page, PageError, render};

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
    State(db): State<Db>,
    State(jobs): State<Jobs>,
    State(logistics): State<Arc<Logistics>>,
    page: Page,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<ShipmentForm>,
) -> Result<Response, PageError> {
    let user = page.user.as_ref().ok_or(AppError::Unauthorized)?;
    let (order, actor) = visible_order(&db, &code, Some(user), None).await?;
    if !matches!(actor, Actor::Seller | Actor::Admin) {
        return Err(AppError::Forbidden.into());
    }
    let input = ShipmentInput {
        carrier: filled(&form.carrier),
        service: filled(&form.service),
        parcels: None,
        tracking_code: filled(&form.tracking_code),
    };
    shipments::create(&db, &logistics, &jobs, &order, Some(user.id), &input).await?;
    Ok(Redirect::to(&format!("/orders/{}", order.code)).into_response())
}

#[derive(Debug, Deserialize)]
pub struct ReturnForm {
    #[serde(default)]
    restock: String,
}

/// `POST /shipments/{id}/return`: the seller's choice for a returned parcel.
pub async fn settle_return(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<ReturnForm>,
) -> Result<Response, PageError> {
    let user = page.user.as_ref().ok_or(AppError::Unauthorized)?;
    let shipment =
        super::store::find_shipment(&db, id).await?.ok_or_else(|| AppError::not_found(messages::SHIPMENT))?;
    let (order, actor) = visible_order(&db, &shipment.order_id.to_string(), Some(user), None).await?;
    if !matches!(actor, Actor::Seller | Actor::Admin) {
        return Err(AppError::not_found(messages::SHIPMENT).into());
    }
    let input = shipments::ReturnInput { restock: form.restock == "yes" };
    shipments::settle_return(&db, &shipment, Some(user.id), &input).await?;
    Ok(Redirect::to(&format!("/orders/{}", order.code)).into_response())
}

/// `?from=YYYY-MM-DD&to=YYYY-MM-DD`: transfer dates, this month so far by default.
#[derive(Debug, Default, Deserialize)]
pub struct PayoutQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

impl PayoutQuery {
    fn period(&self) -> Result<(time::Date, time::Date), AppError> {
        let today = crate::db::today_vn();
        let from = if self.from.trim().is_empty() {
            today.replace_day(1).unwrap_or(today).to_string()
        } else {
            self.from.clone()
        };
        let to = if self.to.trim().is_empty() { today.to_string() } else { self.to.clone() };
        super::payouts::period(&from, &to)
    }
}

#[derive(askama::Template)]
#[template(path = "logistics/payouts.html")]
struct PayoutsTemplate {
    page: Page,
    producer: crate::producers::Producer,
    payouts: super::payouts::Payouts,
}

impl PayoutsTemplate {
    fn vnd(&self, amount: &i64) -> String {
        crate::vn::money::Vnd(*amount).to_string()
    }
}

/// The producer a seller (or an admin) asks about, and its statement for the period.
async fn payouts_for(
    db: &Db,
    page: &Page,
    id: i64,
    query: &PayoutQuery,
) -> Result<(crate::producers::Producer, super::payouts::Payouts), PageError> {
    page.require_user()?.require_producer(id)?;
    let producer =
        crate::producers::store::find_by_id(db, id).await?.ok_or_else(|| AppError::not_found(messages::PRODUCER))?;
    let (from, to) = query.period()?;
    let payouts = super::payouts::statement(db, id, from, to).await?;
    Ok((producer, payouts))
}

/// `GET /seller/producers/{id}/payouts?from=&to=`: the COD payout statement.
pub async fn show_payouts(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    axum::extract::Query(query): axum::extract::Query<PayoutQuery>,
) -> Result<Response, PageError> {
    let (producer, payouts) = payouts_for(&db, &page, id, &query).await?;
    Ok(crate::web::render(&PayoutsTemplate { page, producer, payouts }))
}

/// `GET /seller/producers/{id}/payouts.xlsx?from=&to=`
pub async fn download_payouts_xlsx(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    axum::extract::Query(query): axum::extract::Query<PayoutQuery>,
) -> Result<Response, PageError> {
    let (_, payouts) = payouts_for(&db, &page, id, &query).await?;
    let bytes = super::payouts::workbook(&payouts)?;
    let name = format!("doi-soat-cod-{id}-{}-{}.xlsx", payouts.from, payouts.to);
    Ok(crate::web::download(&name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes))
}

/// `GET /seller/producers/{id}/payouts.pdf?from=&to=`: A4, in the page's language.
pub async fn download_payouts_pdf(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    axum::extract::Query(query): axum::extract::Query<PayoutQuery>,
) -> Result<Response, PageError> {
    let (producer, payouts) = payouts_for(&db, &page, id, &query).await?;
    let lang = page.lang;
    let pdf = tokio::task::spawn_blocking(move || super::payouts::pdf(&payouts, &producer.name, |key| lang.t(key)))
        .await
        .map_err(|e| AppError::Internal(e.into()))??;
    Ok(crate::web::download(&format!("doi-soat-cod-{id}.pdf"), "application/pdf", pdf))
}

/// One step of a parcel's journey as anyone with its SSCC sees it: no notes, since
/// they may name people (a point's keeper).
#[derive(Debug, Serialize)]
pub struct JourneyStep {
    pub status: &'static str,
    #[serde(skip)]
    pub status_key: &'static str,
    /// UTC, RFC 3339.
    pub at: String,
}

#[derive(Template)]
#[template(path = "logistics/parcel.html")]
struct ParcelTemplate {
    page: Page,
    sscc: String,
    carrier: String,
    status_key: &'static str,
    steps: Vec<JourneyStep>,
}

/// `GET /00/{sscc}` (GS1 Digital Link of a logistic unit): a parcel dacsan labelled
/// shows where it is — carrier, status and the steps with their times, nothing
/// about the order or who receives it; any other SSCC is a carton's (trace). HTML
/// for people, JSON with `Accept: application/json`.
pub async fn resolve_sscc(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    page: Page,
    headers: HeaderMap,
    Path(text): Path<String>,
) -> Result<Response, PageError> {
    let sscc = gs1::Sscc::parse(&text).map_err(|e| {
        let message = Message::from(crate::trace::messages::NOT_AN_SSCC).with("sscc", &text).with("detail", e);
        AppError::BadRequest(message)
    })?;
    let Some(parcel) = super::store::find_by_sscc(&db, &sscc).await? else {
        return crate::trace::cartons::resolve_sscc(State(db), State(settings), page, headers, Path(text)).await;
    };
    let steps: Vec<JourneyStep> = super::store::events_of(&db, parcel.id)
        .await?
        .into_iter()
        .map(|e| JourneyStep { status: e.status.as_str(), status_key: e.status.label_key(), at: e.at })
        .collect();
    let carrier = super::parcel_labels::carrier_name(&parcel, page.lang);
    if crate::web::extract::wants_json(&headers) {
        let answer = serde_json::json!({
            "sscc": sscc.as_str(),
            "url": sscc.to_uri(&settings.public_url),
            "kind": "parcel",
            "carrier": carrier,
            "status": parcel.status.as_str(),
            "events": steps,
        });
        return Ok(Json(answer).into_response());
    }
    let status_key = parcel.status.label_key();
    Ok(render(&ParcelTemplate { page, sscc: sscc.as_str().to_string(), carrier, status_key, steps }))
}
