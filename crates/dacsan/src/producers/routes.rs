//! The routes of producers: its pages and its part of `/api/v1`, which is also its part
//! of the OpenAPI document.

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::extract::FromRef;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, editor, pages};
use crate::config::Settings;
use crate::db::Db;
use crate::search::SearchIndex;

/// Storefronts, the seller's desk and store editor, and `/api/v1/producers…`.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
    Arc<Settings>: FromRef<S>,
    Arc<SearchIndex>: FromRef<S>,
{
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
