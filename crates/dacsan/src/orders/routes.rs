//! The routes of orders: its pages and its part of `/api/v1`, which is also its part of
//! the OpenAPI document.

use std::sync::Arc;

use axum::extract::FromRef;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::delivery::Delivery;
use super::service::CheckoutHelpers;
use super::{api, delivery_view, desk, pages};
use crate::config::Settings;
use crate::db::Db;

/// Checkout, the buyer's orders, the seller's order desk and `/api/v1/checkout`,
/// `/api/v1/orders…`.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
    Arc<Settings>: FromRef<S>,
    Arc<dyn Delivery>: FromRef<S>,
    CheckoutHelpers: FromRef<S>,
{
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
