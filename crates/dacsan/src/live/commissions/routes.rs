//! The routes of affiliate commissions: its pages and its part of `/api/v1`, which is
//! also its part of the OpenAPI document.

use std::sync::Arc;

use axum::extract::FromRef;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::config::Settings;
use crate::db::Db;

/// `/account/affiliate…`, `/seller/producers/{id}/commissions…` and their API.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
    Arc<Settings>: FromRef<S>,
{
    OpenApiRouter::new()
        .route("/account/affiliate", get(pages::affiliate_page).post(pages::become_affiliate))
        .route("/account/affiliate/statement.xlsx", get(pages::affiliate_xlsx))
        .route("/account/affiliate/statement.pdf", get(pages::affiliate_pdf))
        .route("/seller/producers/{id}/commissions", get(pages::commissions))
        .route("/seller/producers/{id}/commissions.xlsx", get(pages::commissions_xlsx))
        .route("/seller/producers/{id}/commissions.pdf", get(pages::commissions_pdf))
        .route("/seller/producers/{id}/commissions/rates", post(pages::set_rate))
        .route("/seller/producers/{id}/commissions/rates/{rate_id}/delete", post(pages::delete_rate))
        .routes(routes!(api::get_me, api::become_affiliate))
        .routes(routes!(api::my_statement))
        .routes(routes!(api::producer_commissions))
        .routes(routes!(api::list_rates, api::set_rate))
        .routes(routes!(api::delete_rate))
}
