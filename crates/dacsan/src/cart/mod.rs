//! The cart: lines of (product, quantity), in a cookie for guests and in the
//! database for signed-in buyers (the cookie is merged in at sign-in). Prices are
//! never kept: the cart page and checkout read them from the catalog each time.

pub mod messages;
pub mod model;
pub mod pages;
pub mod service;
pub mod store;

use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;

use crate::state::AppState;

/// `/cart…`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .route("/cart", get(pages::show_cart))
        .route("/cart/add", post(pages::add_to_cart))
        .route("/cart/update", post(pages::update_cart))
}
