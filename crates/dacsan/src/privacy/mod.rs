//! Personal data (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): what a person can
//! see, download, correct, withdraw and delete from their account; the consent
//! ledger; the admins' inbox of requests with their clocks; the processing log
//! of bulk exports.

pub mod api;
pub mod breaches;
pub mod export;
pub mod messages;
pub mod model;
pub mod pages;
pub mod service;
pub mod store;
mod texts;
mod workbook;

pub use texts::TEXTS;

use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// `/account/data`, `/account/consent`, `/admin/privacy` and `/api/v1/me/…`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .route("/account/data", get(pages::my_data_page))
        .route("/account/data/profile", post(pages::correct_profile))
        .route("/account/data/consents", post(pages::set_consents))
        .route("/account/data/erase", post(pages::erase))
        .route("/account/consent", get(pages::consent_page).post(pages::accept_notice))
        .route("/admin/privacy", get(pages::admin_privacy))
        .route("/admin/privacy/requests/{id}", post(pages::admin_handle))
        .route("/admin/breaches", get(breaches::pages::breaches).post(breaches::pages::record))
        .route("/admin/breaches/{id}", get(breaches::pages::breach))
        .route("/admin/breaches/{id}/notices", post(breaches::pages::notice))
        .route("/admin/breaches/{id}/close", post(breaches::pages::close))
        .routes(routes!(breaches::api::record_breach, breaches::api::list_breaches))
        .routes(routes!(breaches::api::get_breach))
        .routes(routes!(breaches::api::add_notice))
        .routes(routes!(breaches::api::close_breach))
        .routes(routes!(api::my_data))
        .routes(routes!(api::my_data_xlsx))
        .routes(routes!(api::erase_me))
        .routes(routes!(api::my_consents, api::set_consent))
        .routes(routes!(api::correct_profile))
        .routes(routes!(api::file_request))
        .routes(routes!(api::list_requests))
        .routes(routes!(api::handle_request))
        .routes(routes!(api::processing_log))
}
