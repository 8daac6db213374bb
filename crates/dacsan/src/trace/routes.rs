//! The routes of traceability: its pages and its part of `/api/v1`, which is also its
//! part of the OpenAPI document.

use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, FromRef};
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::state::TraceState;
use super::{api, carrier, desk, resolve};
use crate::config::Settings;
use crate::db::Db;

/// The resolver (GS1 Digital Link, `/q/`), the seller's batch desk, the carriers'
/// hand-over pages and `/api/v1/batches…`, `/api/v1/epcis/events`. Cartons'
/// `/00/{sscc}` is routed by delivery, which answers for its parcels' SSCCs and
/// hands the others to [`super::cartons::resolve_sscc`].
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    TraceState: FromRef<S>,
    Db: FromRef<S>,
    Arc<Settings>: FromRef<S>,
{
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
