//! The routes of the office's delivery figures: its pages and its part of `/api/v1`,
//! which is also its part of the OpenAPI document.

use axum::extract::FromRef;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::db::Db;

pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
{
    OpenApiRouter::new()
        .route("/office/delivery", get(pages::show_delivery))
        .route("/office/delivery.xlsx", get(pages::export_delivery))
        .routes(routes!(api::get_delivery))
}
