//! Outside listings: where each product of the province is sold besides dacsan
//! (Shopee, TikTok Shop, Lazada, Postmart, Voso ...), since when, and what it sells there.

pub mod api;
pub mod export;
pub mod messages;
pub mod model;
pub mod pages;
pub mod platform;
pub mod sales;
pub mod store;
mod texts;

pub use platform::Platform;
pub use texts::TEXTS;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// A sales report upload, with the multipart framing around it.
const UPLOAD_LIMIT: usize = api::MAX_SALES_FILE + 64 * 1024;

/// `/office/listings…` and `/api/v1/programme/listings…`.
pub fn router() -> OpenApiRouter<AppState> {
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
