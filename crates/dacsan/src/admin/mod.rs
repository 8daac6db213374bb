//! The admin desk (`/admin`): create producers and accounts, bind sellers to
//! producers and officers to provinces.

pub mod jobs;
pub mod messages;
pub mod pages;
pub mod rates;

use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// `/admin…`.
pub fn router() -> OpenApiRouter<AppState> {
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
