//! Products: the catalog a buyer browses and searches, the product page at
//! `/p/{slug}`, and the seller's product editor (web and `/api/v1/products`).

pub mod access;
pub mod api;
pub mod editor;
pub mod export;
pub mod messages;
pub mod model;
pub mod ocop;
pub mod pages;
pub mod query;
pub mod service;
pub mod store;
pub mod wholesale;

pub use model::{Product, ProductStatus};

use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// Home, search and product pages, the seller's product editor and `/api/v1/products…`.
pub fn router() -> OpenApiRouter<AppState> {
    let uploads = OpenApiRouter::new()
        .route("/seller/products/new", get(editor::new_product_page).post(editor::create_product))
        .route("/seller/products/{id}/edit", get(editor::edit_product_page).post(editor::update_product))
        .routes(routes!(api::add_product_photo))
        .layer(DefaultBodyLimit::max(crate::web::multipart::UPLOAD_LIMIT));
    OpenApiRouter::new()
        .route("/", get(pages::home))
        .route("/search", get(pages::search_page))
        .route("/p/{slug}", get(pages::product_page))
        .routes(routes!(api::list_ocop_sets))
        .routes(routes!(api::list_products, api::create_product))
        .routes(routes!(api::get_product, api::update_product))
        .merge(uploads)
}
