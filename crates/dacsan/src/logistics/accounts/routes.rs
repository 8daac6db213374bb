//! The routes of producers' own carrier accounts: its pages and its part of `/api/v1`,
//! which is also its part of the OpenAPI document.

use std::sync::Arc;

use axum::extract::FromRef;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::db::Db;
use crate::logistics::Logistics;

/// `/api/v1/producers/{id}/carrier-accounts…` and the seller's page.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
    Arc<Logistics>: FromRef<S>,
{
    OpenApiRouter::new()
        .route("/seller/producers/{id}/carrier-accounts", get(pages::show_accounts).post(pages::save_account))
        .route("/seller/producers/{id}/carrier-accounts/{carrier}/delete", post(pages::delete_account))
        .routes(routes!(api::list_accounts))
        .routes(routes!(api::put_account, api::delete_account))
}
