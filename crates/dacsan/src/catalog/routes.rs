//! The routes of the catalog: its pages and its part of `/api/v1`, which is also its
//! part of the OpenAPI document.

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::extract::FromRef;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, editor, pages};
use crate::config::Settings;
use crate::db::Db;
use crate::search::SearchIndex;
use crate::web::response_cache::ResponseCache;

/// Home, search and product pages, the seller's product editor and `/api/v1/products…`.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
    Arc<Settings>: FromRef<S>,
    Arc<SearchIndex>: FromRef<S>,
    Arc<ResponseCache>: FromRef<S>,
{
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
