//! The routes of personal data: its pages and its part of `/api/v1`, which is also its
//! part of the OpenAPI document.

use axum::extract::FromRef;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, breaches, pages};
use crate::db::Db;

/// `/account/data`, `/account/consent`, `/admin/privacy` and `/api/v1/me/…`.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
{
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
