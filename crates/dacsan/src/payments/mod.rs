//! Payments: VietQR codes for bank-transfer orders, and the bank notifications
//! (SePay, Casso) or imported bank statements that confirm them automatically;
//! transfers nobody can match wait in an inbox, nothing is lost.

pub mod api;
pub mod messages;
pub mod model;
pub mod pages;
pub mod qr;
pub mod requests;
pub mod service;
pub mod statement;
pub mod store;

use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// The seller's payment account, VietQR of an order, bank notifications and
/// statements, the unmatched inbox.
pub fn router() -> OpenApiRouter<AppState> {
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
