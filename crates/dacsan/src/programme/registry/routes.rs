//! The routes of the registry import: its pages and its part of `/api/v1`, which is
//! also its part of the OpenAPI document.

use axum::extract::DefaultBodyLimit;
use axum::extract::FromRef;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::db::Db;

/// An upload may carry a workbook of [`super::workbook::MAX_BYTES`] plus the form around it.
const BODY_LIMIT: usize = super::workbook::MAX_BYTES + 1024 * 1024;

/// `/office/registry…` and `/api/v1/programme/registry…`: workbooks up to the body limit.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
{
    OpenApiRouter::new()
        .route("/office/registry", get(pages::show_registry))
        .route("/office/registry/template.xlsx", get(pages::download_template))
        .route("/office/registry/preview", post(pages::preview_upload))
        .route("/office/registry/{id}/import", post(pages::import_upload))
        .routes(routes!(api::preview_registry))
        .routes(routes!(api::import_registry))
        .routes(routes!(api::registry_template))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
}
