//! The routes of collection runs: its pages and its part of `/api/v1`, which is also
//! its part of the OpenAPI document.

use std::sync::Arc;

use axum::extract::FromRef;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::config::Settings;
use crate::db::Db;

/// `/api/v1/shipping/collection-points…`, `/api/v1/collect/{token}…` and their pages.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
    Arc<Settings>: FromRef<S>,
{
    OpenApiRouter::new()
        .route("/shipping/collection-points", get(pages::show_points).post(pages::create_point))
        .route("/shipping/collection-points/{id}", get(pages::show_point))
        .route("/shipping/collection-points/{id}/runs", post(pages::create_run))
        .route("/shipping/collection-points/{id}/keepers", post(pages::create_keeper))
        .route("/shipping/collection-points/{id}/keepers/{keeper}/revoke", post(pages::revoke_keeper))
        .route("/shipping/collection-points/{id}/runs/{run}/manifest", get(pages::show_manifest))
        .route("/shipping/collection-points/{id}/runs/{run}/handover", post(pages::hand_over))
        .route("/collect/{token}", get(pages::show_collect).post(pages::scan))
        .routes(routes!(api::list_points, api::create_point))
        .routes(routes!(api::get_point, api::update_point))
        .routes(routes!(api::create_run))
        .routes(routes!(api::create_keeper))
        .routes(routes!(api::revoke_keeper))
        .routes(routes!(api::get_manifest))
        .routes(routes!(api::hand_over))
        .routes(routes!(api::get_collect))
        .routes(routes!(api::scan))
}
