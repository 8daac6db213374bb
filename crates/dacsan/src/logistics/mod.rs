//! Delivery: priced options at checkout (rate cards, carriers' live quotes, pick-up
//! and producers' own delivery), parcels booked with carriers, their journeys from
//! the carriers' notifications, and the order that follows its parcels.

pub mod accounts;
pub mod api;
pub mod cod;
pub mod cod_store;
pub mod collection;
pub mod messages;
pub mod model;
pub mod notifications;
pub mod options;
pub mod pages;
pub mod parcel_labels;
pub mod payouts;
pub mod rate_book;
pub mod rates;
pub mod service;
pub mod shipments;
pub mod store;
pub mod terms_page;
mod texts;
pub mod tracking;

pub use texts::TEXTS;

pub use service::Logistics;

use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// Delivery's durable work: bookings, cancellations and tracking polls.
pub fn register_jobs(handlers: &mut crate::jobs::Handlers, db: &crate::db::Db, logistics: &std::sync::Arc<Logistics>) {
    let (d, l) = (db.clone(), logistics.clone());
    handlers.on(shipments::BOOK_JOB, move |job| {
        let (db, logistics) = (d.clone(), l.clone());
        async move { shipments::run_booking(&db, &logistics, job).await }
    });
    let (d, l) = (db.clone(), logistics.clone());
    handlers.on(shipments::CANCEL_JOB, move |job| {
        let (db, logistics) = (d.clone(), l.clone());
        async move { shipments::run_cancel(&db, &logistics, job).await }
    });
    tracking::register(handlers, db, logistics);
}

/// `/api/v1/…shipments`, `/api/v1/shipping/…`, producers' delivery terms and
/// their own carrier accounts, and `/00/{sscc}` (parcels, then cartons).
pub fn router() -> OpenApiRouter<AppState> {
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
        .merge(collection::router())
        .merge(accounts::router())
}
