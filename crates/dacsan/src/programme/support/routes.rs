//! The routes of 1:1 support cases: its pages and its part of `/api/v1`, which is also
//! its part of the OpenAPI document.

use axum::extract::FromRef;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::db::Db;

/// `/office/cases…` and `/api/v1/programme/cases…`.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
{
    OpenApiRouter::new()
        .route("/office/cases", get(pages::list_cases).post(pages::create_case))
        .route("/office/cases.xlsx", get(pages::export_cases))
        .route("/office/cases/new", get(pages::new_case))
        .route("/office/cases/{id}", get(pages::show_case).post(pages::update_case))
        .route("/office/cases/{id}/notes", post(pages::add_note))
        .routes(routes!(api::list_cases, api::create_case))
        .routes(routes!(api::get_case, api::update_case))
        .routes(routes!(api::create_note))
}
