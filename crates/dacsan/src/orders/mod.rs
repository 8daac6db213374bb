//! Orders: checkout (one order per producer, stock taken in the same transaction),
//! the order lifecycle with its audit trail, the buyer's and the seller's views.

pub mod access;
pub mod api;
pub mod delivery;
mod delivery_view;
pub mod desk;
pub mod mailer;
pub mod messages;
pub mod model;
pub mod notify;
pub mod pages;
pub mod pricing;
pub mod referrals;
pub mod service;
pub mod store;

pub use model::{OrderStatus, PaymentMethod};
pub use notify::payment_needs_review as notify_payment_review;
pub use store::Order;

use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// Checkout, the buyer's orders, the seller's order desk and `/api/v1/checkout`,
/// `/api/v1/orders…`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .route("/checkout", get(pages::show_checkout).post(pages::place_order))
        .route("/checkout/communes", get(pages::commune_options))
        .route("/checkout/delivery", get(delivery_view::delivery_options))
        .route("/orders", get(pages::order_history))
        .route("/orders/c/{checkout}", get(pages::show_checkout_orders))
        .route("/orders/{code}", get(pages::show_order))
        .route("/orders/{code}/qr.svg", get(pages::order_qr))
        .route("/orders/{code}/code.svg", get(desk::order_code_qr))
        .route("/orders/{code}/slip", get(desk::packing_slip))
        .route("/orders/{code}/transitions", post(pages::move_order))
        .route("/seller/orders", get(desk::seller_orders))
        .routes(routes!(api::checkout))
        .routes(routes!(api::quote_checkout))
        .routes(routes!(api::list_orders))
        .routes(routes!(api::get_order))
        .routes(routes!(api::create_transition))
}
