//! Producers (cooperatives, household businesses, firms) and their public
//! storefronts at `/s/{slug}`, with the seller identity the E-commerce Law asks a
//! marketplace to show and a way for buyers to complain.

pub mod api;
pub mod editor;
pub mod messages;
pub mod model;
pub mod pages;
pub mod store;

pub use model::{Producer, ProducerKind};

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// Storefronts, the seller's desk and store editor, and `/api/v1/producers…`.
pub fn router() -> OpenApiRouter<AppState> {
    let uploads = OpenApiRouter::new()
        .route("/seller/producers/{id}/edit", get(editor::edit_store_page).post(editor::update_store))
        .layer(DefaultBodyLimit::max(crate::web::multipart::UPLOAD_LIMIT));
    OpenApiRouter::new()
        .route("/s/{slug}", get(pages::show_storefront))
        .route("/s/{slug}/complaints", post(pages::create_complaint))
        .route("/seller", get(editor::seller_desk))
        .routes(routes!(api::list_producers, api::create_producer))
        .routes(routes!(api::get_producer, api::update_producer))
        .merge(uploads)
}
