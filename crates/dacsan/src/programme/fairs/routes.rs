//! The routes of fairs and stall tills: its pages and its part of `/api/v1`, which is
//! also its part of the OpenAPI document.

use std::sync::Arc;

use axum::extract::FromRef;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages, sales_api, till};
use crate::config::Settings;
use crate::db::Db;

/// `/office/fairs…` and `/api/v1/programme/fairs…`.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
    Arc<Settings>: FromRef<S>,
{
    OpenApiRouter::new()
        .route("/office/fairs", get(pages::list_fairs).post(pages::create_fair))
        .route("/office/fairs.xlsx", get(pages::export_fairs))
        .route("/office/fairs/{id}", get(pages::show_fair).post(pages::update_fair))
        .route("/office/fairs/{id}/booths", post(pages::add_booth))
        .route("/office/fairs/{id}/booths.xlsx", get(pages::export_booths))
        .route("/office/fairs/{id}/sales", get(pages::list_sales))
        .route("/office/fairs/{id}/booths/{producer_id}/remove", post(pages::remove_booth))
        .routes(routes!(api::list_fairs, api::create_fair))
        .routes(routes!(api::get_fair, api::update_fair))
        .routes(routes!(api::create_booth))
        .routes(routes!(api::delete_booth))
        .route("/stall", get(till::my_stalls))
        .route("/stall/sw.js", get(till::service_worker))
        .route("/stall/receipts/{code}", get(till::receipt))
        .route("/stall/{fair}", get(till::till))
        .route("/stall/{fair}/sales", get(till::sales_fragment).post(till::sell))
        .route("/stall/{fair}/sales/{code}", get(till::show_sale))
        .route("/stall/{fair}/sales/{code}/cancel", post(till::cancel_sale))
        .route("/stall/{fair}/sales/{code}/receipt", post(till::email_receipt))
        .routes(routes!(sales_api::create_sale, sales_api::list_sales))
        .routes(routes!(sales_api::get_sale))
        .routes(routes!(sales_api::cancel_sale))
        .routes(routes!(sales_api::email_receipt))
        .routes(routes!(sales_api::get_day_counts, sales_api::put_day_counts))
        .route("/stall/{fair}/stock", post(till::set_day_counts))
}
