//! The order use cases that write: checkout, status changes, and the clock that
//! releases the stock of bank-transfer orders nobody paid.

use std::collections::HashMap;
use std::time::Duration;

use super::model::{Actor, OrderStatus, PaymentMethod, ValidCheckout, may_transition, new_order_code};
use super::store::{self, NewOrder, Order, OrderItem, Tx};
use crate::catalog::{self, ProductStatus};
use crate::db::{self, Db};
use crate::error::{AppError, AppResult};
use crate::producers;

pub struct CheckoutResult {
    pub orders: Vec<Order>,
    /// Lets a guest read and cancel these orders (shown once, stored hashed).
    pub access_token: String,
}

/// Places one order per producer. Stock is taken in the same transaction, lines in
/// product-id order (so concurrent checkouts on PostgreSQL cannot deadlock); any
/// shortage rolls everything back and names the product.
pub async fn checkout(
    db: &Db,
    buyer_user_id: Option<i64>,
    input: &ValidCheckout,
    payment_time: Duration,
) -> AppResult<CheckoutResult> {
    let (db, input) = (db.clone(), input.clone());
    db::run_to_completion(async move { place(&db, buyer_user_id, &input, payment_time).await }).await?
}

async fn place(
    db: &Db,
    buyer_user_id: Option<i64>,
    input: &ValidCheckout,
    payment_time: Duration,
) -> AppResult<CheckoutResult> {
    let ids: Vec<i64> = input.items.iter().map(|(id, _)| *id).collect();
    let products: HashMap<i64, catalog::Product> =
        catalog::store::list_by_ids(db, &ids).await?.into_iter().map(|p| (p.id, p)).collect();
    let mut by_producer: Vec<(i64, Vec<(i64, i64)>)> = Vec::new();
    for (i, (id, quantity)) in input.items.iter().enumerate() {
        let product = products.get(id).ok_or_else(|| {
            AppError::invalid(&format!("items[{i}].product_id"), "không có sản phẩm này / no such product")
        })?;
        if product.status != ProductStatus::Active {
            return Err(AppError::conflict(
                &format!("items[{i}].product_id"),
                format!("{} không còn bán / is no longer on sale", product.name),
            ));
        }
        match by_producer.iter_mut().find(|(p, _)| *p == product.producer_id) {
            Some((_, lines)) => lines.push((*id, *quantity)),
            None => by_producer.push((product.producer_id, vec![(*id, *quantity)])),
        }
    }
    if input.payment_method == PaymentMethod::Vietqr {
        for (producer_id, _) in &by_producer {
            if producers::store::payment_account(db, *producer_id).await?.is_none() {
                let name = producers::store::find_by_id(db, *producer_id).await?.map(|p| p.name).unwrap_or_default();
                return Err(AppError::invalid(
                    "payment_method",
                    format!(
                        "{name} chưa nhận chuyển khoản VietQR, hãy chọn COD / does not take VietQR yet: choose cash on delivery"
                    ),
                ));
            }
        }
    }

    let access_token = crate::auth::store::new_token();
    let token_hash = crate::auth::store::token_hash(&access_token);
    let checkout_id = input.key.clone().unwrap_or_else(crate::auth::store::new_token);
    let due = (input.payment_method == PaymentMethod::Vietqr).then(|| in_future(payment_time));
    let mut tx = db.begin_write().await?;
    if input.key.is_some() && store::checkout_exists(&mut tx, db.dialect, &checkout_id).await? {
        return Err(AppError::conflict("checkout", "đơn hàng này đã được đặt / this checkout was placed already"));
    }
    let mut sorted = input.items.clone();
    sorted.sort_unstable();
    for (id, quantity) in &sorted {
        if !store::take_stock(&mut tx, *id, *quantity).await? {
            let product = &products[id];
            let line = input.items.iter().position(|(p, _)| p == id).unwrap_or(0);
            return Err(AppError::conflict(
                &format!("items[{line}].quantity"),
                format!("{} không đủ hàng (còn {}) / not enough in stock", product.name, product.stock.max(0)),
            ));
        }
    }
    let mut order_ids = Vec::new();
    for (producer_id, lines) in &by_producer {
        let items: Vec<OrderItem> = lines
            .iter()
            .map(|(id, quantity)| {
                let p = &products[id];
                OrderItem {
                    product_id: *id,
                    name: p.name.clone(),
                    unit: p.unit.clone(),
                    price_vnd: p.price.0,
                    quantity: *quantity,
                }
            })
            .collect();
        let subtotal = items
            .iter()
            .try_fold(0i64, |sum, i| i.price_vnd.checked_mul(i.quantity).and_then(|line| sum.checked_add(line)));
        let subtotal =
            subtotal.ok_or_else(|| AppError::invalid("items", "tổng tiền quá lớn / the total is too large"))?;
        let status = input.payment_method.initial_status();
        let new_order = NewOrder {
            code: "",
            checkout_id: &checkout_id,
            producer_id: *producer_id,
            buyer_user_id,
            buyer_name: &input.buyer_name,
            buyer_phone: &input.buyer_phone,
            buyer_email: input.buyer_email.as_deref(),
            province_code: &input.province_code,
            commune_code: &input.commune_code,
            street: &input.street,
            payment_method: input.payment_method,
            status,
            subtotal_vnd: subtotal,
            shipping_vnd: 0,
            access_token_hash: &token_hash,
            payment_due_at: due.as_deref(),
        };
        let order_id = insert_with_fresh_code(&mut tx, new_order).await?;
        for item in &items {
            store::insert_item(&mut tx, order_id, item).await?;
        }
        let actor = if buyer_user_id.is_some() { "buyer" } else { "guest" };
        store::insert_event(&mut tx, order_id, None, status, actor, buyer_user_id, "").await?;
        order_ids.push(order_id);
    }
    let mut orders = Vec::new();
    for id in &order_ids {
        let order = store::find_in(&mut tx, *id).await?.ok_or_else(|| AppError::not_found("order"))?;
        super::notify::order_placed(&mut tx, &order).await?;
        orders.push(order);
    }
    tx.commit().await.map_err(anyhow::Error::new)?;
    // Stock changes reach the search index through the sync loop (`updated_at`):
    // an index commit per checkout would cap the order rate.
    for order in &orders {
        tracing::info!(order.code = %order.code, total_vnd = order.total_vnd, method = order.payment_method.as_str(), "order {} placed", order.code);
    }
    Ok(CheckoutResult { orders, access_token })
}

async fn insert_with_fresh_code(tx: &mut Tx, order: NewOrder<'_>) -> anyhow::Result<i64> {
    for _ in 0..10 {
        let code = new_order_code();
        if let Some(id) = store::insert(tx, &NewOrder { code: &code, ..order }).await? {
            return Ok(id);
        }
    }
    anyhow::bail!("no free order code after 10 draws")
}

fn in_future(after: Duration) -> String {
    let at = time::OffsetDateTime::now_utc() + after;
    at.replace_nanosecond(0).unwrap_or(at).format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

/// A requested status change with what it needs.
pub struct Transition<'a> {
    pub to: OrderStatus,
    pub actor: Actor,
    pub actor_user_id: Option<i64>,
    pub reason: &'a str,
    pub carrier: Option<&'a str>,
    pub tracking_no: Option<&'a str>,
}

/// Moves an order, checking the state machine, recording who did it and why, and
/// doing what the move implies (stock back on cancellation, cash counted on COD
/// delivery).
pub async fn transition(db: &Db, order_id: i64, t: &Transition<'_>) -> AppResult<Order> {
    let db = db.clone();
    let (to, actor, actor_user_id) = (t.to, t.actor, t.actor_user_id);
    let (reason, carrier, tracking_no) =
        (t.reason.to_string(), t.carrier.map(str::to_string), t.tracking_no.map(str::to_string));
    db::run_to_completion(async move {
        let t = Transition {
            to,
            actor,
            actor_user_id,
            reason: &reason,
            carrier: carrier.as_deref(),
            tracking_no: tracking_no.as_deref(),
        };
        move_order(&db, order_id, &t).await
    })
    .await?
}

async fn move_order(db: &Db, order_id: i64, t: &Transition<'_>) -> AppResult<Order> {
    let mut tx = db.begin_write().await?;
    let order = store::find_in(&mut tx, order_id).await?.ok_or_else(|| AppError::not_found("đơn hàng / order"))?;
    apply_transition(&mut tx, &order, t).await?;
    let order = store::find_in(&mut tx, order_id).await?.ok_or_else(|| AppError::not_found("order"))?;
    tx.commit().await.map_err(anyhow::Error::new)?;
    tracing::info!(order.code = %order.code, from = ?order.status, actor = t.actor.as_str(), "order {} is now {}", order.code, t.to.as_str());
    Ok(order)
}

/// The body of a transition, inside the caller's transaction.
pub async fn apply_transition(tx: &mut Tx, order: &Order, t: &Transition<'_>) -> AppResult<()> {
    if !may_transition(t.actor, order.status, t.to) {
        return Err(AppError::conflict(
            "to",
            format!(
                "không thể chuyển đơn từ «{}» sang «{}» / not allowed from {} to {}",
                order.status.as_str(),
                t.to.as_str(),
                order.status.as_str(),
                t.to.as_str()
            ),
        ));
    }
    let reason = t.reason.trim();
    if matches!(t.to, OrderStatus::Cancelled | OrderStatus::Refunded) && reason.is_empty() {
        return Err(AppError::invalid("reason", "cần nêu lý do / a reason is required"));
    }
    if t.to == OrderStatus::Shipped {
        let carrier = t.carrier.map(str::trim).filter(|c| !c.is_empty());
        let tracking = t.tracking_no.map(str::trim).filter(|c| !c.is_empty());
        let (Some(carrier), Some(tracking)) = (carrier, tracking) else {
            return Err(AppError::invalid(
                "tracking_no",
                "cần đơn vị vận chuyển và mã vận đơn / carrier and tracking number are required",
            ));
        };
        store::set_shipment(tx, order.id, carrier, tracking).await?;
    }
    if !store::set_status(tx, order.id, order.status, t.to).await? {
        return Err(AppError::conflict(
            "to",
            "đơn hàng vừa được cập nhật, hãy tải lại / the order just changed: reload",
        ));
    }
    match t.to {
        OrderStatus::Cancelled => store::release_stock(tx, order.id).await?,
        OrderStatus::Refunded if order.status.before_shipping() => store::release_stock(tx, order.id).await?,
        OrderStatus::Delivered if order.payment_method == PaymentMethod::Cod => {
            store::add_paid(tx, order.id, order.total_vnd - order.paid_vnd).await?
        }
        _ => {}
    }
    store::insert_event(tx, order.id, Some(order.status), t.to, t.actor.as_str(), t.actor_user_id, reason).await?;
    super::notify::status_changed(tx, order, t.to, reason).await?;
    Ok(())
}

pub const EXPIRED_REASON: &str = "Hết thời hạn thanh toán / payment time ran out";

/// Cancels bank-transfer orders whose payment time ran out, returning their stock.
pub async fn expire_overdue(db: &Db) -> anyhow::Result<usize> {
    let overdue = store::list_overdue(db, &db::now()).await?;
    let mut expired = 0;
    for order_id in overdue {
        let t = Transition {
            to: OrderStatus::Cancelled,
            actor: Actor::System,
            actor_user_id: None,
            reason: EXPIRED_REASON,
            carrier: None,
            tracking_no: None,
        };
        match transition(db, order_id, &t).await {
            Ok(_) => expired += 1,
            Err(AppError::Conflict { .. }) => {} // paid or cancelled meanwhile
            Err(e) => return Err(anyhow::anyhow!("expire order {order_id}: {e}")),
        }
    }
    Ok(expired)
}

/// Runs [`expire_overdue`] every 30 seconds.
pub fn spawn_expiry(db: Db) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(30));
        loop {
            tick.tick().await;
            match expire_overdue(&db).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(count = n, "released the stock of {n} unpaid orders"),
                Err(err) => tracing::warn!(error = ?err, "order expiry failed"),
            }
        }
    });
}
