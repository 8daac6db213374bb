//! The routes of indicators and reports: its pages and its part of `/api/v1`, which is
//! also its part of the OpenAPI document.

use axum::extract::FromRef;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::db::Db;

/// `/office` (the dashboard, the commune table, the plan, the monthly report) and
/// `/api/v1/programme/kpis…`, `/api/v1/programme/targets`.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
{
    OpenApiRouter::new()
        .route("/office", get(pages::show_dashboard))
        .route("/office/kpis.xlsx", get(pages::export_dashboard))
        .route("/office/communes/{code}", get(pages::show_commune))
        .route("/office/plan", get(pages::show_plan).post(pages::save_plan))
        .route("/office/plan.xlsx", get(pages::export_plan))
        .route("/office/report", get(pages::show_report))
        .route("/office/report.pdf", get(pages::download_report))
        .routes(routes!(api::get_kpis))
        .routes(routes!(api::get_commune_table))
        .routes(routes!(api::get_trend))
        .routes(routes!(api::get_gaps))
        .routes(routes!(api::get_targets, api::put_target))
}
