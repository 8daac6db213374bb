//! The seller's order desk (`/seller/orders`) and the A6 packing slip
//! (`/orders/{code}/slip`).

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum_extra::extract::CookieJar;
use serde::Deserialize;

use super::delivery::Delivery;
use super::messages;
use super::model::{Actor, OrderStatus};
use super::pages::{OrderView, order_view};
use super::store::{self, Order};
use crate::db::Db;
use crate::error::AppError;
use crate::producers;
use crate::vn::Vnd;
use crate::web::PageError;
use crate::web::{Page, render};

#[derive(Template)]
#[template(path = "orders/desk.html")]
struct DeskTemplate {
    page: Page,
    /// Each order with its producer's name and, when its parcels carry dacsan's
    /// own labels, where to print them.
    orders: Vec<(Order, String, Option<String>)>,
    status: String,
    statuses: &'static [OrderStatus],
}

impl DeskTemplate {
    fn total(&self, order: &Order) -> Vnd {
        Vnd(order.total_vnd)
    }
}

#[derive(Debug, Deserialize)]
pub struct StatusParam {
    #[serde(default)]
    status: String,
}

/// `GET /seller/orders?status=`: orders of the seller's producers, newest first.
pub async fn seller_orders(
    State(db): State<Db>,
    State(delivery): State<Arc<dyn Delivery>>,
    page: Page,
    Query(q): Query<StatusParam>,
) -> Result<Response, PageError> {
    let user = page.require_user()?;
    let orders = if user.is_admin() {
        store::list_recent(&db, 500).await?
    } else if user.producer_ids.is_empty() {
        return Err(AppError::Forbidden.into());
    } else {
        store::list_for_producers(&db, &user.producer_ids, 500).await?
    };
    let wanted = OrderStatus::parse(&q.status);
    let orders: Vec<Order> = orders.into_iter().filter(|o| wanted.is_none_or(|s| o.status == s)).collect();
    let ids: Vec<i64> = orders.iter().map(|o| o.id).collect();
    let mut labels = delivery.own_labels(&db, &ids).await?;
    let mut rows = Vec::new();
    for order in orders {
        let name = producers::store::find_by_id(&db, order.producer_id).await?.map(|p| p.name).unwrap_or_default();
        let labels = labels.remove(&order.id);
        rows.push((order, name, labels));
    }
    Ok(render(&DeskTemplate { page, orders: rows, status: q.status, statuses: OrderStatus::ALL }))
}

#[derive(Template)]
#[template(path = "orders/slip.html")]
struct SlipTemplate {
    page: Page,
    v: OrderView,
}

/// `GET /orders/{code}/slip`: an A6 packing slip to print, for the seller.
pub async fn packing_slip(
    State(db): State<Db>,
    State(delivery): State<Arc<dyn Delivery>>,
    page: Page,
    _jar: CookieJar,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let not_found = || AppError::not_found(messages::ORDER);
    let order = store::find_by_code(&db, &code).await?.ok_or_else(not_found)?;
    let actor = super::access::role_on(&order, page.user.as_ref(), None).ok_or_else(not_found)?;
    if !matches!(actor, Actor::Seller | Actor::Admin) {
        return Err(AppError::Forbidden.into());
    }
    let v = order_view(&db, &*delivery, order, actor).await?;
    Ok(render(&SlipTemplate { page, v }))
}

/// `GET /orders/{code}/code.svg`: a QR of the order's page for the slip, so the
/// seller or the carrier can open it with a phone.
pub async fn order_code_qr(
    page: Page,
    headers: axum::http::HeaderMap,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    use axum::response::IntoResponse;
    page.require_user()?;
    let host = headers.get(axum::http::header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let code: String = code.chars().filter(char::is_ascii_alphanumeric).collect();
    let svg = crate::payments::qr::svg(&format!("http://{host}/orders/{code}"))?;
    Ok(([(axum::http::header::CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}
