//! The routes of the admin desk: its pages and its part of `/api/v1`, which is also its
//! part of the OpenAPI document.

use std::sync::Arc;

use axum::extract::FromRef;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{jobs, pages, rates};
use crate::db::Db;
use crate::jobs::Jobs;
use crate::web::response_cache::ResponseCache;

/// `/admin…`.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
    Arc<ResponseCache>: FromRef<S>,
    Jobs: FromRef<S>,
{
    OpenApiRouter::new()
        .route("/admin", get(pages::admin_desk))
        .route("/admin/producers", post(pages::create_producer))
        .route("/admin/users", post(pages::create_user))
        .route("/admin/jobs/{id}/{action}", post(pages::job_action))
        .route("/admin/exchange-rates", post(pages::set_usd_rate))
        .routes(routes!(rates::put_usd_rate))
        .routes(routes!(rates::list_rates))
        .routes(routes!(jobs::list_jobs))
        .routes(routes!(jobs::retry_job))
        .routes(routes!(jobs::drop_job))
}
