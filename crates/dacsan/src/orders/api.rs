//! `/api/v1/checkout` and `/api/v1/orders`: place orders, read them, move them.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};

use super::access::{TokenParam, guest_token, visible_order};
use super::delivery::Delivery;
use super::delivery::ParcelView;
use super::messages;
use super::model::{CheckoutInput, OrderStatus, QuoteInput};
use super::service::CheckoutHelpers;
use super::service::{self, Transition};
use super::store::{self, Order};
use crate::auth::CurrentUser;
use crate::config::Settings;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::web::ApiJson;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ItemJson {
    pub product_id: i64,
    pub name: String,
    pub unit: String,
    pub price_vnd: i64,
    pub quantity: i64,
    pub line_total_vnd: i64,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct EventJson {
    pub from: Option<String>,
    pub to: String,
    /// `buyer`, `guest`, `seller`, `admin` or `system`.
    pub actor: String,
    pub reason: String,
    pub at: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OrderJson {
    pub id: i64,
    pub code: String,
    pub producer_id: i64,
    pub status: OrderStatus,
    pub payment_method: String,
    pub subtotal_vnd: i64,
    pub shipping_vnd: i64,
    pub total_vnd: i64,
    /// Sum of the payments matched to the order.
    pub paid_vnd: i64,
    pub buyer: serde_json::Value,
    pub shipping: serde_json::Value,
    pub payment_due_at: Option<String>,
    pub carrier: Option<String>,
    pub tracking_no: Option<String>,
    /// The delivery chosen at checkout: `{"option", "name", "cod_fee_vnd",
    /// "weight_g", "eta_days_min", "eta_days_max"}`.
    pub delivery: Option<serde_json::Value>,
    pub items: Vec<ItemJson>,
    /// The parcels the order travels in, each with its journey.
    pub shipments: Vec<ParcelView>,
    pub timeline: Vec<EventJson>,
    pub created_at: String,
    /// The live session the order came through and its host, or the affiliate whose
    /// link it came through (no session): `{"session_id"?, "host_user_id"?}`.
    pub attributed_to: Option<serde_json::Value>,
}

pub async fn order_json(db: &Db, delivery: &dyn Delivery, order: &Order) -> anyhow::Result<OrderJson> {
    let items = store::items(db, order.id).await?;
    let events = store::events(db, order.id).await?;
    let shipments = delivery.parcels(db, order.id).await?;
    Ok(OrderJson {
        shipments,
        id: order.id,
        code: order.code.clone(),
        producer_id: order.producer_id,
        status: order.status,
        payment_method: order.payment_method.as_str().to_string(),
        subtotal_vnd: order.subtotal_vnd,
        shipping_vnd: order.shipping_vnd,
        total_vnd: order.total_vnd,
        paid_vnd: order.paid_vnd,
        buyer: serde_json::json!({"name": order.buyer_name, "phone": order.buyer_phone, "email": order.buyer_email}),
        shipping: serde_json::json!({
            "province_code": order.ship_province_code,
            "commune_code": order.ship_commune_code,
            "street": order.ship_street,
            "address": crate::producers::model::full_address(&order.ship_street, &order.ship_commune_code, &order.ship_province_code),
        }),
        payment_due_at: order.payment_due_at.clone(),
        carrier: order.carrier.clone(),
        tracking_no: order.tracking_no.clone(),
        delivery: order.delivery_option.as_ref().map(|option| {
            serde_json::json!({
                "option": option,
                "name": order.delivery_name,
                "cod_fee_vnd": order.cod_fee_vnd,
                "weight_g": order.parcel_weight_g,
                "eta_days_min": order.eta_days_min,
                "eta_days_max": order.eta_days_max,
            })
        }),
        items: items
            .into_iter()
            .map(|i| ItemJson {
                line_total_vnd: i.price_vnd * i.quantity,
                product_id: i.product_id,
                name: i.name,
                unit: i.unit,
                price_vnd: i.price_vnd,
                quantity: i.quantity,
            })
            .collect(),
        timeline: events
            .into_iter()
            .map(|e| EventJson {
                from: e.from_status,
                to: e.to_status,
                actor: e.actor,
                reason: e.reason,
                at: e.created_at,
            })
            .collect(),
        created_at: order.created_at.clone(),
        attributed_to: (order.live_session_id.is_some() || order.host_user_id.is_some())
            .then(|| serde_json::json!({"session_id": order.live_session_id, "host_user_id": order.host_user_id})),
    })
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CheckoutJson {
    pub orders: Vec<OrderJson>,
    /// Reads and cancels these orders without an account: send it as `?token=` or
    /// the `X-Order-Token` header.
    pub access_token: String,
}

/// Place one order per producer (bearer token optional: guests give name and phone).
#[utoipa::path(post, path = "/api/v1/checkout", tag = "orders", request_body = CheckoutInput,
    responses((status = 201, body = CheckoutJson), (status = 409, description = "stock is short or a product is off sale: names it"), (status = 422)))]
pub async fn checkout(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    State(helpers): State<CheckoutHelpers>,
    user: Option<CurrentUser>,
    ApiJson(input): ApiJson<CheckoutInput>,
) -> AppResult<(StatusCode, Json<CheckoutJson>)> {
    let valid = input.validate().map_err(AppError::Invalid)?;
    let buyer = user.as_ref().map(|u| u.id);
    let result = service::checkout(&db, &helpers, buyer, &valid, settings.payment_time).await?;
    let mut orders = Vec::new();
    for order in &result.orders {
        orders.push(order_json(&db, &*helpers.delivery, order).await?);
    }
    Ok((StatusCode::CREATED, Json(CheckoutJson { orders, access_token: result.access_token })))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct QuoteJson {
    pub orders: Vec<service::OrderQuote>,
}

/// The delivery options of each producer's order in a cart, priced, cheapest
/// first (the checkout body: items and shipping address; `payment_method: cod`
/// orders them by what a cash buyer pays).
#[utoipa::path(post, path = "/api/v1/checkout/quote", tag = "orders", request_body = QuoteInput,
    responses((status = 200, body = QuoteJson), (status = 409, description = "a product is off sale"), (status = 422)))]
pub async fn quote_checkout(
    State(db): State<Db>,
    State(helpers): State<CheckoutHelpers>,
    user: Option<CurrentUser>,
    ApiJson(input): ApiJson<QuoteInput>,
) -> AppResult<Json<QuoteJson>> {
    let valid = input.validate().map_err(AppError::Invalid)?;
    let business = helpers.buys_as_business(&db, user.as_ref()).await?;
    Ok(Json(QuoteJson { orders: service::quote(&db, &*helpers.delivery, &valid, business).await? }))
}

#[utoipa::path(get, path = "/api/v1/orders/{id}", tag = "orders", params(("id" = String, Path, description = "order id or code"), TokenParam),
    responses((status = 200, body = OrderJson), (status = 404)))]
pub async fn get_order(
    State(db): State<Db>,
    State(delivery): State<Arc<dyn Delivery>>,
    user: Option<CurrentUser>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<TokenParam>,
) -> AppResult<Json<OrderJson>> {
    let (order, _) = visible_order(&db, &id, user.as_ref(), guest_token(&headers, &q)).await?;
    Ok(Json(order_json(&db, &*delivery, &order).await?))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OrderList {
    pub items: Vec<OrderJson>,
}

/// Your orders: a buyer's purchases, or a seller's incoming orders (admins: recent).
#[utoipa::path(get, path = "/api/v1/orders", tag = "orders", security(("bearer" = [])), responses((status = 200, body = OrderList), (status = 401)))]
pub async fn list_orders(
    State(db): State<Db>,
    State(delivery): State<Arc<dyn Delivery>>,
    user: CurrentUser,
) -> AppResult<Json<OrderList>> {
    let orders = if user.is_admin() {
        store::list_recent(&db, 200).await?
    } else if !user.producer_ids.is_empty() {
        store::list_for_producers(&db, &user.producer_ids, 200).await?
    } else {
        store::list_for_buyer(&db, user.id, 200).await?
    };
    let mut items = Vec::new();
    for order in &orders {
        items.push(order_json(&db, &*delivery, order).await?);
    }
    Ok(Json(OrderList { items }))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct TransitionInput {
    pub to: String,
    #[serde(default)]
    pub reason: String,
    pub carrier: Option<String>,
    pub tracking_no: Option<String>,
}

/// Move an order: sellers confirm, pack, ship (carrier and tracking number),
/// deliver, cancel or refund (with a reason); buyers cancel before shipping and
/// complete after delivery.
#[utoipa::path(post, path = "/api/v1/orders/{id}/transitions", tag = "orders", request_body = TransitionInput,
    params(("id" = String, Path, description = "order id or code"), TokenParam),
    responses((status = 200, body = OrderJson), (status = 404), (status = 409, description = "not allowed from the current status"), (status = 422)))]
pub async fn create_transition(
    State(db): State<Db>,
    State(delivery): State<Arc<dyn Delivery>>,
    user: Option<CurrentUser>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<TokenParam>,
    ApiJson(input): ApiJson<TransitionInput>,
) -> AppResult<Json<OrderJson>> {
    let (order, actor) = visible_order(&db, &id, user.as_ref(), guest_token(&headers, &q)).await?;
    let to =
        OrderStatus::parse(input.to.trim()).ok_or_else(|| AppError::invalid("to", messages::NOT_AN_ORDER_STATUS))?;
    let t = Transition {
        to,
        actor,
        actor_user_id: user.as_ref().map(|u| u.id),
        reason: &input.reason,
        carrier: input.carrier.as_deref(),
        tracking_no: input.tracking_no.as_deref(),
    };
    let order = service::transition(&db, order.id, &t).await?;
    Ok(Json(order_json(&db, &*delivery, &order).await?))
}
