//! The routes of the programme office: its pages and its part of `/api/v1`, which is
//! also its part of the OpenAPI document.

use std::sync::Arc;

use axum::extract::FromRef;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;

use super::{delivery, fairs, kpis, listings, live_sessions, registry, support, training};
use crate::config::Settings;
use crate::db::Db;

/// The office's pages (under `/office`) and API (under `/api/v1/programme`).
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
    Arc<Settings>: FromRef<S>,
{
    OpenApiRouter::new()
        .merge(kpis::routes::router())
        .merge(listings::routes::router())
        .merge(registry::routes::router())
        .merge(support::routes::router())
        .merge(training::routes::router())
        .merge(fairs::routes::router())
        .merge(delivery::routes::router())
        .route("/office/live", get(live_sessions::list_sessions).post(live_sessions::schedule_session))
}
