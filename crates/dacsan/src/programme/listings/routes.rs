//! The routes of channel listings: its pages and its part of `/api/v1`, which is also
//! its part of the OpenAPI document.

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::extract::FromRef;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::config::Settings;
use crate::db::Db;

/// A sales report upload, with the multipart framing around it.
const UPLOAD_LIMIT: usize = api::MAX_SALES_FILE + 64 * 1024;

/// `/office/listings…` and `/api/v1/programme/listings…`.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
    Arc<Settings>: FromRef<S>,
{
    let uploads = OpenApiRouter::new()
        .route("/office/listings/sales", post(pages::upload_sales))
        .routes(routes!(api::import_sales))
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT));
    OpenApiRouter::new()
        .route("/office/listings", get(pages::show_listings).post(pages::add_listing))
        .route("/office/listings.xlsx", get(pages::export_listings))
        .route("/office/listings/{id}/delist", post(pages::delist_listing))
        .route("/office/listings/effectiveness", get(pages::show_effectiveness))
        .route("/office/listings/effectiveness.xlsx", get(pages::export_effectiveness))
        .route("/office/listings/export.xlsx", get(pages::export_upload_file))
        .routes(routes!(api::list_listings, api::create_listing))
        .routes(routes!(api::update_listing))
        .routes(routes!(api::get_effectiveness))
        .routes(routes!(api::get_channels))
        .merge(uploads)
}
