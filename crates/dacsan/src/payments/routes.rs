//! The routes of payments: its pages and its part of `/api/v1`, which is also its part
//! of the OpenAPI document.

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::extract::FromRef;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::config::Settings;
use crate::db::Db;

/// The seller's payment account, VietQR of an order, bank notifications and
/// statements, the unmatched inbox.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
    Arc<Settings>: FromRef<S>,
{
    let uploads = OpenApiRouter::new()
        .routes(routes!(api::import_statement))
        .layer(DefaultBodyLimit::max(crate::web::multipart::UPLOAD_LIMIT));
    OpenApiRouter::new()
        .route("/seller/producers/{id}/payment", get(pages::edit_payment_account).post(pages::save_payment_account))
        .routes(routes!(api::order_vietqr))
        .routes(routes!(api::order_vietqr_png))
        .routes(routes!(api::order_vietqr_svg))
        .routes(routes!(api::bank_webhook))
        .routes(routes!(api::list_unmatched))
        .merge(uploads)
}
