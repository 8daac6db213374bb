//! Traceability and the digital brand: batches (lots) of a product, their trace
//! events as GS1 EPCIS 2.0 in a signed hash chain, serial numbers for unit labels,
//! QR label sheets, the Digital Link resolver behind every label and the batch page
//! a buyer sees when scanning one.

pub mod access;
pub mod api;
pub mod carrier;
pub mod cartons;
pub mod chain;
pub mod cli;
pub mod desk;
pub mod epcis;
pub mod files;
pub mod handovers;
pub mod keys;
pub mod labels;
pub mod messages;
pub mod model;
pub mod page_cache;
pub mod qr;
pub mod resolve;
pub mod scans;
pub mod service;
pub mod store;

pub use keys::PlatformKey;
pub use scans::ScanRecorder;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// The resolver (GS1 Digital Link, `/q/`), the seller's batch desk, the carriers'
/// hand-over pages and `/api/v1/batches…`, `/api/v1/epcis/events`. Cartons'
/// `/00/{sscc}` is routed by delivery, which answers for its parcels' SSCCs and
/// hands the others to [`cartons::resolve_sscc`].
pub fn router() -> OpenApiRouter<AppState> {
    let uploads = OpenApiRouter::new()
        .route("/seller/batches/{id}/files", post(desk::upload_file))
        .routes(routes!(api::upload_file))
        .layer(DefaultBodyLimit::max(crate::web::multipart::UPLOAD_LIMIT));
    OpenApiRouter::new()
        .route("/01/{*rest}", get(resolve::resolve_gtin))
        .route("/q/{code}", get(resolve::resolve_code))
        .route("/q/{code}/{serial}", get(resolve::resolve_code_serial))
        .route("/.well-known/dacsan-trace-key", get(api::trace_key))
        .route("/seller/products/{id}/batches", get(desk::product_batches).post(desk::create_batch))
        .route("/seller/batches/{id}", get(desk::show_batch))
        .route("/seller/batches/{id}/events", post(desk::add_event))
        .route("/seller/batches/{id}/serials", post(desk::issue_serials))
        .route("/seller/batches/{id}/handovers", post(desk::create_handover))
        .route("/seller/batches/{id}/handovers/{handover}/revoke", post(desk::revoke_handover))
        .route("/carry/{token}", get(carrier::show_carry).post(carrier::record_carry))
        .routes(routes!(api::list_batches, api::create_batch))
        .routes(routes!(api::get_batch))
        .routes(routes!(api::list_events, api::create_event))
        .routes(routes!(api::get_file))
        .routes(routes!(api::issue_serials))
        .routes(routes!(api::labels_pdf))
        .routes(routes!(api::get_record))
        .routes(routes!(api::get_epcis))
        .routes(routes!(api::batch_qr_svg))
        .routes(routes!(api::batch_qr_png))
        .routes(routes!(api::capture_events))
        .routes(routes!(carrier::list_handovers, carrier::create_handover))
        .routes(routes!(carrier::revoke_handover))
        .routes(routes!(carrier::create_carrier_event))
        .merge(uploads)
}
