//! The routes of live selling: its pages and its part of `/api/v1`, which is also its
//! part of the OpenAPI document.

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::extract::FromRef;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, commissions, pages, seller};
use crate::config::Settings;
use crate::db::Db;

/// `/live/{slug}`, `/l/{code}` and `/api/v1/live-sessions…`.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
    Arc<Settings>: FromRef<S>,
{
    OpenApiRouter::new()
        .route("/live/{slug}", get(pages::session_page))
        .route("/l/{code}", get(pages::short_link))
        .route("/seller/live", get(seller::list).post(seller::create))
        .route("/seller/live/{id}", get(seller::show))
        .route("/seller/live/{id}/audience", post(seller::audience))
        .route(
            "/seller/live/{id}/audience/import",
            post(seller::import_audience).layer(DefaultBodyLimit::max(crate::web::multipart::UPLOAD_LIMIT)),
        )
        .routes(routes!(api::create_session))
        .routes(routes!(api::get_session))
        .routes(routes!(api::session_report))
        .routes(routes!(api::set_audience))
        .routes(routes!(api::import_audience))
        .merge(commissions::routes::router())
}
