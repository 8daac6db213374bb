//! The routes of trade between businesses: its pages and its part of `/api/v1`, which
//! is also its part of the OpenAPI document.

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::extract::FromRef;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, attachments, pages};
use crate::db::Db;
use crate::orders::delivery::Delivery;
use crate::search::SearchIndex;

/// `/api/v1/rfqs…`, `/api/v1/quotes…`, `/api/v1/offers…`, `/api/v1/me/business`,
/// `/api/v1/me/follows` and `/api/v1/programme/trade`.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
    Arc<SearchIndex>: FromRef<S>,
    Arc<dyn Delivery>: FromRef<S>,
{
    OpenApiRouter::new()
        .route("/trade", get(pages::board))
        .route("/trade/follows", post(pages::follow))
        .route("/trade/business", get(pages::business_form).post(pages::save_business))
        .route("/trade/rfqs", post(pages::post_rfq))
        .route("/trade/rfqs/new", get(pages::new_rfq))
        .route("/trade/rfqs/{id}", get(pages::show_rfq))
        .route("/trade/rfqs/{id}/quotes", post(pages::send_quote))
        .route("/trade/rfqs/{id}/decline", post(pages::decline))
        .route("/trade/rfqs/{id}/claim", post(pages::claim))
        .route("/trade/quotes/{id}", get(pages::show_quote))
        .route("/trade/quotes/{id}/accept", post(pages::accept))
        .route("/trade/quotes/{id}/messages", post(pages::post_message))
        .route("/trade/quotes/{id}/withdraw", post(pages::withdraw))
        .route("/seller/trade", get(pages::seller_desk))
        .route("/seller/trade/offers", post(pages::post_offer))
        .route("/seller/trade/offers/{id}/close", post(pages::close_offer))
        .route("/office/trade", get(pages::office))
        .routes(routes!(api::put_business, api::get_business))
        .routes(routes!(api::post_rfq, api::list_rfqs))
        .routes(routes!(api::get_rfq))
        .routes(routes!(api::claim_rfq))
        .routes(routes!(api::send_quote, api::list_quotes))
        .routes(routes!(api::decline))
        .routes(routes!(api::list_declines))
        .routes(routes!(api::get_quote))
        .routes(routes!(api::accept))
        .routes(routes!(api::proforma))
        .routes(routes!(api::withdraw))
        .routes(routes!(api::list_messages, api::post_message))
        .routes(routes!(api::post_offer, api::list_offers))
        .routes(routes!(api::close_offer))
        .routes(routes!(api::list_follows, api::follow, api::unfollow))
        .routes(routes!(api::trade_figures))
        .merge(
            OpenApiRouter::new()
                .route("/trade/quotes/{id}/attachments", post(attachments::upload_on_page))
                .routes(routes!(attachments::post_attachment))
                .routes(routes!(attachments::get_attachment))
                .layer(DefaultBodyLimit::max(8 * 1024 * 1024)),
        )
}
