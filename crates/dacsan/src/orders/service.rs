//! The order use cases that write: checkout, status changes, and the clock that
//! releases the stock of bank-transfer orders nobody paid.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use super::delivery::{Delivery, DeliveryOption, DeliveryQuote, DeliveryRequest, ParcelLine};
use super::messages;
use super::model::{Actor, OrderStatus, PaymentMethod, ValidCheckout, ValidQuote, may_transition, new_order_code};
use super::pricing::{self, BusinessBuyers, PriceKind};
use super::referrals::{Referral, Referrals, SessionPrice};
use super::store::{self, ChosenDelivery, NewOrder, Order, OrderItem, Tx};
use crate::catalog::{self, ProductStatus};
use crate::db::{self, Db};
use crate::error::Message;
use crate::error::{AppError, AppResult};
use crate::producers;

pub struct CheckoutResult {
    pub orders: Vec<Order>,
    /// Lets a guest read and cancel these orders (shown once, stored hashed).
    pub access_token: String,
}

/// Places one order per producer. Stock is taken in the same transaction, lines in
/// product-id order (so concurrent checkouts on PostgreSQL cannot deadlock); any
/// shortage rolls everything back and names the product. Each order's delivery is
/// priced by `pricer` before anything is written.
pub async fn checkout(
    db: &Db,
    helpers: &CheckoutHelpers,
    buyer_user_id: Option<i64>,
    input: &ValidCheckout,
    payment_time: Duration,
) -> AppResult<CheckoutResult> {
    let (db, input, helpers) = (db.clone(), input.clone(), helpers.clone());
    db::run_to_completion(async move { place(&db, &helpers, buyer_user_id, &input, payment_time).await }).await?
}

/// What checkout asks outside the market: delivery prices, live sessions and
/// business buyers.
#[derive(Clone)]
pub struct CheckoutHelpers {
    pub delivery: Arc<dyn Delivery>,
    pub referrals: Arc<dyn Referrals>,
    pub business: Arc<dyn BusinessBuyers>,
}

impl CheckoutHelpers {
    /// Whether this visitor buys as a business (wholesale prices apply).
    pub async fn buys_as_business(&self, db: &Db, user: Option<&crate::auth::CurrentUser>) -> anyhow::Result<bool> {
        match user {
            Some(user) => self.business.is_business(db, user.id).await,
            None => Ok(false),
        }
    }
}

/// The live session or affiliate a checkout's referral code names; an unknown code is an error
/// the buyer can act on (remove it or correct it), not a refused order.
async fn referral_of(db: &Db, referrals: &dyn Referrals, code: Option<&str>) -> AppResult<Option<Referral>> {
    let Some(code) = code else { return Ok(None) };
    match referrals.resolve(db, code).await? {
        Some(referral) => Ok(Some(referral)),
        None => {
            Err(AppError::invalid("referral_code", Message::from(messages::UNKNOWN_REFERRAL_CODE).with("code", code)))
        }
    }
}

/// One producer's share of a cart: its lines in the order they came, and their sum.
struct ProducerShare {
    producer_id: i64,
    lines: Vec<ShareLine>,
    subtotal_vnd: i64,
}

struct ShareLine {
    product_id: i64,
    quantity: i64,
    unit_price_vnd: i64,
    price: PriceKind,
}

/// How the buyer is priced: a live session's prices, and whether it buys as a business.
#[derive(Default)]
struct Pricing {
    session_prices: HashMap<i64, SessionPrice>,
    business: bool,
}

/// The cart's products, and its lines split by producer in the order they came,
/// each at the price this buyer pays (see [`pricing::unit_price`]).
async fn split_by_producer(
    db: &Db,
    items: &[(i64, i64)],
    pricing: &Pricing,
) -> AppResult<(HashMap<i64, catalog::Product>, Vec<ProducerShare>)> {
    let ids: Vec<i64> = items.iter().map(|(id, _)| *id).collect();
    let products: HashMap<i64, catalog::Product> =
        catalog::store::list_by_ids(db, &ids).await?.into_iter().map(|p| (p.id, p)).collect();
    let mut shares: Vec<ProducerShare> = Vec::new();
    for (i, (id, quantity)) in items.iter().enumerate() {
        let product = products
            .get(id)
            .ok_or_else(|| AppError::invalid(&format!("items[{i}].product_id"), messages::NO_SUCH_PRODUCT))?;
        if product.status != ProductStatus::Active {
            return Err(AppError::conflict(
                &format!("items[{i}].product_id"),
                Message::from(messages::IS_NO_LONGER_ON_SALE).with("name", &product.name),
            ));
        }
        let session = pricing.session_prices.get(id);
        let (unit_price_vnd, price) = pricing::unit_price(product, *quantity, session, pricing.business);
        if let Some(session) = session.filter(|_| price == PriceKind::Session)
            && session.units_left.is_some_and(|left| left < *quantity)
        {
            let left = session.units_left.unwrap_or(0);
            return Err(AppError::conflict(
                &format!("items[{i}].quantity"),
                Message::from(messages::LEFT_AT_SESSION_PRICE).with("name", &product.name).with("left", left),
            ));
        }
        let line_total = unit_price_vnd.checked_mul(*quantity);
        let too_large = || AppError::invalid("items", messages::THE_TOTAL_IS_TOO_LARGE);
        let share = match shares.iter_mut().position(|s| s.producer_id == product.producer_id) {
            Some(at) => &mut shares[at],
            None => {
                shares.push(ProducerShare { producer_id: product.producer_id, lines: Vec::new(), subtotal_vnd: 0 });
                shares.last_mut().expect("just pushed")
            }
        };
        share.lines.push(ShareLine { product_id: *id, quantity: *quantity, unit_price_vnd, price });
        share.subtotal_vnd = line_total.and_then(|t| share.subtotal_vnd.checked_add(t)).ok_or_else(too_large)?;
    }
    Ok((products, shares))
}

/// Asks `pricer` for the delivery options of one producer's share.
async fn price_delivery(
    db: &Db,
    pricer: &dyn Delivery,
    products: &HashMap<i64, catalog::Product>,
    share: &ProducerShare,
    to: (&str, &str),
    cash_on_delivery: bool,
) -> AppResult<DeliveryQuote> {
    let producer = producers::store::find_by_id(db, share.producer_id)
        .await?
        .ok_or_else(|| AppError::not_found(messages::PRODUCER))?;
    let request = DeliveryRequest {
        producer_id: share.producer_id,
        from: (producer.province_code, producer.commune_code),
        to: (to.0.to_string(), to.1.to_string()),
        lines: share
            .lines
            .iter()
            .map(|l| {
                let product = &products[&l.product_id];
                ParcelLine { weight_g: product.weight_g, quantity: l.quantity, package: product.package }
            })
            .collect(),
        subtotal_vnd: share.subtotal_vnd,
        cash_on_delivery,
    };
    Ok(pricer.quote(db, &request).await?)
}

/// One producer's order as `POST /api/v1/checkout/quote` answers it.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct OrderQuote {
    pub producer_id: i64,
    pub subtotal_vnd: i64,
    #[serde(flatten)]
    pub delivery: DeliveryQuote,
}

/// The delivery options of each producer's order in a cart, before checkout;
/// `business`: the buyer pays wholesale prices where it reaches a price break.
pub async fn quote(db: &Db, pricer: &dyn Delivery, input: &ValidQuote, business: bool) -> AppResult<Vec<OrderQuote>> {
    let pricing = Pricing { business, ..Pricing::default() };
    let (products, shares) = split_by_producer(db, &input.items, &pricing).await?;
    let mut quotes = Vec::new();
    for share in &shares {
        let to = (input.province_code.as_str(), input.commune_code.as_str());
        let delivery = price_delivery(db, pricer, &products, share, to, input.cash_on_delivery).await?;
        quotes.push(OrderQuote { producer_id: share.producer_id, subtotal_vnd: share.subtotal_vnd, delivery });
    }
    Ok(quotes)
}

/// The option the buyer chose for a share, or the cheapest; an error that says
/// what is offered when the choice is not.
fn chosen_option(quote: &DeliveryQuote, producer_id: i64, choice: Option<&String>) -> AppResult<DeliveryOption> {
    let Some(cheapest) = quote.options.first() else {
        return Err(AppError::invalid("shipping.commune_code", messages::NO_DELIVERY_OPTION_REACHES_THIS_ADDRESS));
    };
    let Some(choice) = choice else { return Ok(cheapest.clone()) };
    quote.options.iter().find(|o| &o.id == choice).cloned().ok_or_else(|| {
        let offered: Vec<&str> = quote.options.iter().map(|o| o.id.as_str()).collect();
        AppError::invalid(
            &format!("delivery.{producer_id}"),
            Message::from(messages::NOT_OFFERED_FOR_THIS_ORDER).with("choice", choice).with("join", offered.join(", ")),
        )
    })
}

async fn place(
    db: &Db,
    helpers: &CheckoutHelpers,
    buyer_user_id: Option<i64>,
    input: &ValidCheckout,
    payment_time: Duration,
) -> AppResult<CheckoutResult> {
    let pricer = &*helpers.delivery;
    let referral = referral_of(db, &*helpers.referrals, input.referral_code.as_deref()).await?;
    let pricing = Pricing {
        session_prices: referral.as_ref().map(|r| r.prices.clone()).unwrap_or_default(),
        business: match buyer_user_id {
            Some(id) => helpers.business.is_business(db, id).await?,
            None => false,
        },
    };
    let (products, shares) = split_by_producer(db, &input.items, &pricing).await?;
    if let Some(stray) = input.delivery.keys().find(|id| !shares.iter().any(|s| s.producer_id == **id)) {
        return Err(AppError::invalid(&format!("delivery.{stray}"), messages::PRODUCER_NOT_IN_CART));
    }
    if input.payment_method == PaymentMethod::Vietqr {
        for share in &shares {
            if producers::store::payment_account(db, share.producer_id).await?.is_none() {
                let name =
                    producers::store::find_by_id(db, share.producer_id).await?.map(|p| p.name).unwrap_or_default();
                return Err(AppError::invalid(
                    "payment_method",
                    Message::from(messages::NO_VIETQR_YET).with("name", &name),
                ));
            }
        }
    }
    let cash_on_delivery = input.payment_method == PaymentMethod::Cod;
    let mut deliveries = Vec::new();
    for share in &shares {
        let to = (input.province_code.as_str(), input.commune_code.as_str());
        let quote = price_delivery(db, pricer, &products, share, to, cash_on_delivery).await?;
        let option = chosen_option(&quote, share.producer_id, input.delivery.get(&share.producer_id))?;
        deliveries.push((option, quote.weight_g));
    }

    let access_token = crate::auth::store::new_token();
    let token_hash = crate::auth::store::token_hash(&access_token);
    let checkout_id = input.key.clone().unwrap_or_else(crate::auth::store::new_token);
    let due = (input.payment_method == PaymentMethod::Vietqr).then(|| in_future(payment_time));
    let mut tx = db.begin_write().await?;
    if input.key.is_some() && store::checkout_exists(&mut tx, db.dialect, &checkout_id).await? {
        return Err(AppError::conflict("checkout", messages::THIS_CHECKOUT_WAS_PLACED_ALREADY));
    }
    let mut sorted = input.items.clone();
    sorted.sort_unstable();
    for (id, quantity) in &sorted {
        if !store::take_stock(&mut tx, *id, *quantity).await? {
            let product = &products[id];
            let line = input.items.iter().position(|(p, _)| p == id).unwrap_or(0);
            return Err(AppError::conflict(
                &format!("items[{line}].quantity"),
                Message::from(messages::NOT_ENOUGH_IN_STOCK)
                    .with("name", &product.name)
                    .with("max", product.stock.max(0)),
            ));
        }
        let at_session_price =
            shares.iter().flat_map(|s| &s.lines).any(|l| l.product_id == *id && l.price == PriceKind::Session);
        if let Some(session_id) = referral.as_ref().and_then(|r| r.session_id).filter(|_| at_session_price)
            && !helpers.referrals.take_session_units(&mut tx, session_id, *id, *quantity).await?
        {
            let line = input.items.iter().position(|(p, _)| p == id).unwrap_or(0);
            return Err(AppError::conflict(
                &format!("items[{line}].quantity"),
                Message::from(messages::NO_LONGER_AT_THE_SESSION_PRICE).with("name", &products[id].name),
            ));
        }
    }
    let mut order_ids = Vec::new();
    for (share, (option, weight_g)) in shares.iter().zip(&deliveries) {
        let items: Vec<OrderItem> = share
            .lines
            .iter()
            .map(|line| {
                let p = &products[&line.product_id];
                OrderItem {
                    product_id: line.product_id,
                    name: p.name.clone(),
                    unit: p.unit.clone(),
                    price_vnd: line.unit_price_vnd,
                    quantity: line.quantity,
                }
            })
            .collect();
        let status = input.payment_method.initial_status();
        let delivery = ChosenDelivery {
            option_id: option.id.clone(),
            name: option.name.clone(),
            cod_fee_vnd: if cash_on_delivery { option.cod_fee_vnd } else { 0 },
            weight_g: *weight_g,
            eta_days_min: option.eta_days_min,
            eta_days_max: option.eta_days_max,
        };
        let new_order = NewOrder {
            code: "",
            checkout_id: &checkout_id,
            producer_id: share.producer_id,
            buyer_user_id,
            buyer_name: &input.buyer_name,
            buyer_phone: &input.buyer_phone,
            buyer_email: input.buyer_email.as_deref(),
            province_code: &input.province_code,
            commune_code: &input.commune_code,
            street: &input.street,
            payment_method: input.payment_method,
            status,
            subtotal_vnd: share.subtotal_vnd,
            shipping_vnd: option.charge_vnd(cash_on_delivery),
            delivery: Some(&delivery),
            access_token_hash: &token_hash,
            payment_due_at: due.as_deref(),
            live_session_id: referral.as_ref().and_then(|r| r.session_id),
            host_user_id: referral.as_ref().and_then(|r| r.host_user_id),
        };
        let order_id = insert_with_fresh_code(&mut tx, new_order).await?;
        for item in &items {
            // A referral without a host carries no rates.
            let commission_bp = referral.as_ref().and_then(|r| r.commissions.rate(share.producer_id, item.product_id));
            store::insert_item(&mut tx, order_id, item, commission_bp).await?;
        }
        let actor = if buyer_user_id.is_some() { "buyer" } else { "guest" };
        store::insert_event(&mut tx, order_id, None, status, actor, buyer_user_id, "").await?;
        order_ids.push(order_id);
    }
    let mut orders = Vec::new();
    for id in &order_ids {
        let order = store::find_in(&mut tx, *id).await?.ok_or_else(|| AppError::not_found(messages::ORDER))?;
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

/// An order agreed outside the cart (a wholesale quote accepted): one line at the
/// agreed price, made to order by its lead time, so it takes nothing from the
/// shop's retail stock.
pub struct AgreedOrder<'a> {
    pub producer_id: i64,
    pub buyer_user_id: i64,
    pub buyer_name: &'a str,
    pub buyer_phone: &'a str,
    pub buyer_email: Option<&'a str>,
    pub province_code: &'a str,
    pub commune_code: &'a str,
    pub street: &'a str,
    pub payment_method: PaymentMethod,
    pub item: OrderItem,
    pub shipping_vnd: i64,
    /// The carrier's option delivery was priced with, when it was (the seller then
    /// books that carrier from the order as after checkout).
    pub delivery: Option<ChosenDelivery>,
    /// Paid before work starts; 0 when the whole order is paid at once (or on delivery).
    pub deposit_vnd: i64,
    /// How long a bank-transfer order waits for its money.
    pub payment_time: Duration,
}

/// Writes an agreed order inside the caller's transaction (the caller also marks
/// what it came from, in the same commit).
pub async fn insert_agreed(tx: &mut Tx, agreed: &AgreedOrder<'_>) -> AppResult<Order> {
    let too_large = || AppError::invalid("quantity", messages::THE_TOTAL_IS_TOO_LARGE);
    let subtotal = agreed.item.price_vnd.checked_mul(agreed.item.quantity).ok_or_else(too_large)?;
    subtotal.checked_add(agreed.shipping_vnd).ok_or_else(too_large)?;
    let status = agreed.payment_method.initial_status();
    let due = (agreed.payment_method == PaymentMethod::Vietqr).then(|| in_future(agreed.payment_time));
    let checkout_id = crate::auth::store::new_token();
    let token_hash = crate::auth::store::token_hash(&crate::auth::store::new_token());
    let new_order = NewOrder {
        code: "",
        checkout_id: &checkout_id,
        producer_id: agreed.producer_id,
        buyer_user_id: Some(agreed.buyer_user_id),
        buyer_name: agreed.buyer_name,
        buyer_phone: agreed.buyer_phone,
        buyer_email: agreed.buyer_email,
        province_code: agreed.province_code,
        commune_code: agreed.commune_code,
        street: agreed.street,
        payment_method: agreed.payment_method,
        status,
        subtotal_vnd: subtotal,
        shipping_vnd: agreed.shipping_vnd,
        delivery: agreed.delivery.as_ref(),
        access_token_hash: &token_hash,
        payment_due_at: due.as_deref(),
        live_session_id: None,
        host_user_id: None,
    };
    let order_id = insert_with_fresh_code(tx, new_order).await?;
    store::insert_item(tx, order_id, &agreed.item, None).await?;
    store::forget_stock(tx, order_id).await?;
    store::set_deposit(tx, order_id, agreed.deposit_vnd).await?;
    store::insert_event(tx, order_id, None, status, "buyer", Some(agreed.buyer_user_id), "").await?;
    let order = store::find_in(tx, order_id).await?.ok_or_else(|| AppError::not_found(messages::ORDER))?;
    super::notify::order_placed(tx, &order).await?;
    Ok(order)
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
    let order = store::find_in(&mut tx, order_id).await?.ok_or_else(|| AppError::not_found(messages::ORDER))?;
    apply_transition(&mut tx, &order, t).await?;
    let order = store::find_in(&mut tx, order_id).await?.ok_or_else(|| AppError::not_found(messages::ORDER))?;
    tx.commit().await.map_err(anyhow::Error::new)?;
    tracing::info!(order.code = %order.code, from = ?order.status, actor = t.actor.as_str(), "order {} is now {}", order.code, t.to.as_str());
    Ok(order)
}

/// The body of a transition, inside the caller's transaction.
pub async fn apply_transition(tx: &mut Tx, order: &Order, t: &Transition<'_>) -> AppResult<()> {
    if !may_transition(t.actor, order.status, t.to) {
        return Err(AppError::conflict(
            "to",
            Message::from(messages::TRANSITION_NOT_ALLOWED)
                .with("from", order.status.as_str())
                .with("to", t.to.as_str()),
        ));
    }
    let reason = t.reason.trim();
    if matches!(t.to, OrderStatus::Cancelled | OrderStatus::Refunded) && reason.is_empty() {
        return Err(AppError::invalid("reason", messages::A_REASON_IS_REQUIRED));
    }
    if t.to == OrderStatus::Shipped {
        let carrier = t.carrier.map(str::trim).filter(|c| !c.is_empty());
        let tracking = t.tracking_no.map(str::trim).filter(|c| !c.is_empty());
        let (Some(carrier), Some(tracking)) = (carrier, tracking) else {
            return Err(AppError::invalid("tracking_no", messages::CARRIER_AND_TRACKING_NUMBER_REQUIRED));
        };
        store::set_shipment(tx, order.id, carrier, tracking).await?;
    }
    if !store::set_status(tx, order.id, order.status, t.to).await? {
        return Err(AppError::conflict("to", messages::THE_ORDER_JUST_CHANGED_RELOAD));
    }
    if t.to == OrderStatus::Delivered {
        store::set_delivered(tx, order.id, &order.created_at).await?;
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

/// Queues [`expire_overdue`] every 30 seconds, once across servers.
pub fn register_jobs(handlers: &mut crate::jobs::Handlers, db: &Db) {
    let db = db.clone();
    handlers.every("orders.expire_unpaid", Duration::from_secs(30), move |_| {
        let db = db.clone();
        async move {
            let n = expire_overdue(&db).await?;
            if n > 0 {
                tracing::info!(count = n, "released the stock of {n} unpaid orders");
            }
            Ok(())
        }
    });
}
