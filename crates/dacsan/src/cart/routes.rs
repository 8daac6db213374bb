//! The routes of the cart: its pages and its part of `/api/v1`, which is also its part
//! of the OpenAPI document.

use std::sync::Arc;

use axum::extract::FromRef;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;

use super::pages;
use crate::config::Settings;
use crate::db::Db;
use crate::orders::service::CheckoutHelpers;

/// `/cart…`.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
    Arc<Settings>: FromRef<S>,
    CheckoutHelpers: FromRef<S>,
{
    OpenApiRouter::new()
        .route("/cart", get(pages::show_cart))
        .route("/cart/add", post(pages::add_to_cart))
        .route("/cart/update", post(pages::update_cart))
}
