//! The routes of delivery: its pages and its part of `/api/v1`, which is also its part
//! of the OpenAPI document.

use std::sync::Arc;

use axum::extract::FromRef;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{accounts, api, collection, pages, terms_page};
use crate::config::Settings;
use crate::db::Db;
use crate::jobs::Jobs;
use crate::logistics::Logistics;

/// `/api/v1/…shipments`, `/api/v1/shipping/…`, producers' delivery terms and
/// their own carrier accounts, and `/00/{sscc}` (parcels, then cartons).
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
    Arc<Settings>: FromRef<S>,
    Arc<Logistics>: FromRef<S>,
    Jobs: FromRef<S>,
{
    OpenApiRouter::new()
        .route("/orders/{code}/shipments", post(pages::create_shipment))
        .route("/shipments/{id}/return", post(pages::settle_return))
        .route("/seller/producers/{id}/delivery", get(terms_page::show_terms).post(terms_page::save_terms))
        .route("/seller/producers/{id}/payouts", get(pages::show_payouts))
        .route("/seller/producers/{id}/payouts.xlsx", get(pages::download_payouts_xlsx))
        .route("/seller/producers/{id}/payouts.pdf", get(pages::download_payouts_pdf))
        .route("/00/{sscc}", get(pages::resolve_sscc))
        .routes(routes!(api::create_shipment, api::list_shipments))
        .routes(routes!(api::cancel_shipment, api::get_shipment))
        .routes(routes!(api::shipment_label))
        .routes(routes!(api::settle_return))
        .routes(routes!(api::receive_notification))
        .routes(routes!(api::list_notifications))
        .routes(routes!(api::get_delivery_terms, api::put_delivery_terms))
        .routes(routes!(api::list_rate_cards, api::create_rate_card))
        .routes(routes!(api::import_rate_cards))
        .routes(routes!(api::import_cod_statement))
        .routes(routes!(api::get_payouts))
        .merge(collection::routes::router())
        .merge(accounts::routes::router())
}
