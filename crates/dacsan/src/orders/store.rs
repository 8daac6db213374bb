//! All SQL of orders, their items and their timeline. Functions that change an
//! order take the caller's transaction, so a checkout or a payment is written whole
//! or not at all.

use anyhow::Context;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::model::{OrderStatus, PaymentMethod};
use crate::db::{self, Db};

pub type Tx = Transaction<'static, Any>;

#[derive(Debug, Clone)]
pub struct Order {
    pub id: i64,
    pub code: String,
    pub checkout_id: String,
    pub producer_id: i64,
    pub buyer_user_id: Option<i64>,
    pub buyer_name: String,
    pub buyer_phone: String,
    pub buyer_email: Option<String>,
    pub ship_province_code: String,
    pub ship_commune_code: String,
    pub ship_street: String,
    pub payment_method: PaymentMethod,
    pub status: OrderStatus,
    pub subtotal_vnd: i64,
    pub shipping_vnd: i64,
    pub total_vnd: i64,
    pub paid_vnd: i64,
    pub stock_held: bool,
    pub access_token_hash: String,
    pub payment_due_at: Option<String>,
    pub carrier: Option<String>,
    pub tracking_no: Option<String>,
    /// The delivery option chosen at checkout (`ghn:standard`), its name, the
    /// carrier's COD fee inside `shipping_vnd`, the parcel's weight and the days
    /// promised; none on orders placed before delivery was priced.
    pub delivery_option: Option<String>,
    pub delivery_name: Option<String>,
    pub cod_fee_vnd: i64,
    pub parcel_weight_g: Option<i64>,
    pub eta_days_min: Option<i64>,
    pub eta_days_max: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
    /// The live session the order is attributed to, and its host.
    pub live_session_id: Option<i64>,
    pub host_user_id: Option<i64>,
    /// What must come in before work starts (a wholesale deposit); 0: the total.
    pub deposit_vnd: i64,
}

impl Order {
    /// What the buyer is asked to transfer now: the rest of the deposit while it
    /// is short, then the rest of the total.
    pub fn due_now(&self) -> i64 {
        if self.status == OrderStatus::AwaitingPayment && self.paid_vnd < self.deposit_vnd {
            self.deposit_vnd - self.paid_vnd
        } else {
            (self.total_vnd - self.paid_vnd).max(0)
        }
    }

    /// What starts the order: the deposit when it asks for one, else the total.
    pub fn amount_to_start(&self) -> i64 {
        if self.deposit_vnd > 0 { self.deposit_vnd.min(self.total_vnd) } else { self.total_vnd }
    }
}

#[derive(Debug, Clone)]
pub struct OrderItem {
    pub product_id: i64,
    pub name: String,
    pub unit: String,
    pub price_vnd: i64,
    pub quantity: i64,
}

#[derive(Debug, Clone)]
pub struct OrderEvent {
    pub from_status: Option<String>,
    pub to_status: String,
    pub actor: String,
    pub actor_user_id: Option<i64>,
    pub reason: String,
    pub created_at: String,
}

const COLUMNS: &str = "id, code, checkout_id, producer_id, buyer_user_id, buyer_name, buyer_phone, buyer_email,
    ship_province_code, ship_commune_code, ship_street, payment_method, status, subtotal_vnd, shipping_vnd, total_vnd,
    paid_vnd, stock_held, access_token_hash, payment_due_at, carrier, tracking_no, delivery_option, delivery_name,
    cod_fee_vnd, parcel_weight_g, eta_days_min, eta_days_max, created_at, updated_at, live_session_id, host_user_id, deposit_vnd";

fn from_row(r: &AnyRow) -> Result<Order, sqlx::Error> {
    Ok(Order {
        id: r.try_get("id")?,
        code: r.try_get("code")?,
        checkout_id: r.try_get("checkout_id")?,
        producer_id: r.try_get("producer_id")?,
        buyer_user_id: r.try_get("buyer_user_id")?,
        buyer_name: r.try_get("buyer_name")?,
        buyer_phone: r.try_get("buyer_phone")?,
        buyer_email: r.try_get("buyer_email")?,
        ship_province_code: r.try_get("ship_province_code")?,
        ship_commune_code: r.try_get("ship_commune_code")?,
        ship_street: r.try_get("ship_street")?,
        payment_method: crate::db::known(r, "payment_method")?,
        status: crate::db::known(r, "status")?,
        subtotal_vnd: r.try_get("subtotal_vnd")?,
        shipping_vnd: r.try_get("shipping_vnd")?,
        total_vnd: r.try_get("total_vnd")?,
        paid_vnd: r.try_get("paid_vnd")?,
        stock_held: r.try_get::<i64, _>("stock_held")? == 1,
        access_token_hash: r.try_get("access_token_hash")?,
        payment_due_at: r.try_get("payment_due_at")?,
        carrier: r.try_get("carrier")?,
        tracking_no: r.try_get("tracking_no")?,
        delivery_option: r.try_get("delivery_option")?,
        delivery_name: r.try_get("delivery_name")?,
        cod_fee_vnd: r.try_get("cod_fee_vnd")?,
        parcel_weight_g: r.try_get("parcel_weight_g")?,
        eta_days_min: r.try_get("eta_days_min")?,
        eta_days_max: r.try_get("eta_days_max")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        live_session_id: r.try_get("live_session_id")?,
        host_user_id: r.try_get("host_user_id")?,
        deposit_vnd: r.try_get("deposit_vnd")?,
    })
}

/// Takes `quantity` of an active product from stock; `false` when there is not
/// enough. The `stock >= $1` guard in the same statement is what makes two buyers
/// unable to take the same unit, on either database and from any number of
/// processes.
pub async fn take_stock(tx: &mut Tx, product_id: i64, quantity: i64) -> anyhow::Result<bool> {
    let result = sqlx::query(
        "UPDATE products SET stock = stock - $1, sold_count = sold_count + $1, updated_at = $3
         WHERE id = $2 AND status = 'active' AND stock >= $1",
    )
    .bind(quantity)
    .bind(product_id)
    .bind(db::now())
    .execute(&mut **tx)
    .await
    .context("take stock")?;
    Ok(result.rows_affected() == 1)
}

/// Ends an order's hold on stock without putting anything back: the goods are
/// gone (a returned parcel of perishables, a lost one).
pub async fn forget_stock(tx: &mut Tx, order_id: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE orders SET stock_held = 0 WHERE id = $1")
        .bind(order_id)
        .execute(&mut **tx)
        .await
        .context("end the order's hold")?;
    Ok(())
}

/// Puts an order's items back into stock, once.
pub async fn release_stock(tx: &mut Tx, order_id: i64) -> anyhow::Result<()> {
    let held = sqlx::query("UPDATE orders SET stock_held = 0 WHERE id = $1 AND stock_held = 1")
        .bind(order_id)
        .execute(&mut **tx)
        .await
        .context("release the order's hold")?;
    if held.rows_affected() == 0 {
        return Ok(());
    }
    for item in items_in(tx, order_id).await? {
        sqlx::query(
            "UPDATE products SET stock = stock + $1, sold_count = sold_count - $1, updated_at = $3 WHERE id = $2",
        )
        .bind(item.quantity)
        .bind(item.product_id)
        .bind(db::now())
        .execute(&mut **tx)
        .await
        .context("return stock")?;
    }
    Ok(())
}

/// Takes an order's items from stock again (money arrived after its time ran
/// out); `false`, with nothing taken, when some item is short.
pub async fn retake_stock(tx: &mut Tx, order_id: i64) -> anyhow::Result<bool> {
    for item in items_in(tx, order_id).await? {
        if !take_stock(tx, item.product_id, item.quantity).await? {
            return Ok(false);
        }
    }
    sqlx::query("UPDATE orders SET stock_held = 1 WHERE id = $1").bind(order_id).execute(&mut **tx).await?;
    Ok(true)
}

#[derive(Clone, Copy)]
pub struct NewOrder<'a> {
    pub code: &'a str,
    pub checkout_id: &'a str,
    pub producer_id: i64,
    pub buyer_user_id: Option<i64>,
    pub buyer_name: &'a str,
    pub buyer_phone: &'a str,
    pub buyer_email: Option<&'a str>,
    pub province_code: &'a str,
    pub commune_code: &'a str,
    pub street: &'a str,
    pub payment_method: PaymentMethod,
    pub status: OrderStatus,
    pub subtotal_vnd: i64,
    pub shipping_vnd: i64,
    pub delivery: Option<&'a ChosenDelivery>,
    pub access_token_hash: &'a str,
    pub payment_due_at: Option<&'a str>,
    /// The live session the buyer came through, and its host.
    pub live_session_id: Option<i64>,
    pub host_user_id: Option<i64>,
}

/// The delivery option an order was placed with.
#[derive(Debug, Clone)]
pub struct ChosenDelivery {
    pub option_id: String,
    pub name: String,
    pub cod_fee_vnd: i64,
    pub weight_g: i64,
    pub eta_days_min: i64,
    pub eta_days_max: i64,
}

/// Inserts an order; `Ok(None)` when its code is taken (the caller draws another).
pub async fn insert(tx: &mut Tx, o: &NewOrder<'_>) -> anyhow::Result<Option<i64>> {
    let now = db::now();
    let result = sqlx::query(
        "INSERT INTO orders (code, checkout_id, producer_id, buyer_user_id, buyer_name, buyer_phone, buyer_email,
         ship_province_code, ship_commune_code, ship_street, payment_method, status, subtotal_vnd, shipping_vnd, total_vnd,
         access_token_hash, payment_due_at, delivery_option, delivery_name, cod_fee_vnd, parcel_weight_g, eta_days_min,
         eta_days_max, created_at, updated_at, live_session_id, host_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
         $24, $24, $25, $26) RETURNING id",
    )
    .bind(o.code)
    .bind(o.checkout_id)
    .bind(o.producer_id)
    .bind(o.buyer_user_id)
    .bind(o.buyer_name)
    .bind(o.buyer_phone)
    .bind(o.buyer_email)
    .bind(o.province_code)
    .bind(o.commune_code)
    .bind(o.street)
    .bind(o.payment_method.as_str())
    .bind(o.status.as_str())
    .bind(o.subtotal_vnd)
    .bind(o.shipping_vnd)
    .bind(o.subtotal_vnd + o.shipping_vnd)
    .bind(o.access_token_hash)
    .bind(o.payment_due_at)
    .bind(o.delivery.map(|d| d.option_id.as_str()))
    .bind(o.delivery.map(|d| d.name.as_str()))
    .bind(o.delivery.map_or(0, |d| d.cod_fee_vnd))
    .bind(o.delivery.map(|d| d.weight_g))
    .bind(o.delivery.map(|d| d.eta_days_min))
    .bind(o.delivery.map(|d| d.eta_days_max))
    .bind(&now)
    .bind(o.live_session_id)
    .bind(o.host_user_id)
    .fetch_one(&mut **tx)
    .await;
    match result {
        Ok(row) => Ok(Some(row.try_get(0)?)),
        Err(e) if db::breaks_unique(&e, "orders_code_key") => Ok(None),
        Err(e) => Err(e).context("insert order"),
    }
}

/// The part of the total that starts the order (see [`Order::deposit_vnd`]).
pub async fn set_deposit(tx: &mut Tx, order_id: i64, deposit_vnd: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE orders SET deposit_vnd = $1 WHERE id = $2")
        .bind(deposit_vnd)
        .bind(order_id)
        .execute(&mut **tx)
        .await
        .context("set the order's deposit")?;
    Ok(())
}

/// A line of a new order; `commission_bp` is the rate its producer pays the order's
/// host on it, when they agreed one.
pub async fn insert_item(
    tx: &mut Tx,
    order_id: i64,
    item: &OrderItem,
    commission_bp: Option<i64>,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO order_items (order_id, product_id, name, unit, price_vnd, quantity, commission_bp)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(order_id)
    .bind(item.product_id)
    .bind(&item.name)
    .bind(&item.unit)
    .bind(item.price_vnd)
    .bind(item.quantity)
    .bind(commission_bp)
    .execute(&mut **tx)
    .await
    .context("insert order item")?;
    Ok(())
}

pub async fn insert_event(
    tx: &mut Tx,
    order_id: i64,
    from: Option<OrderStatus>,
    to: OrderStatus,
    actor: &str,
    actor_user_id: Option<i64>,
    reason: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO order_events (order_id, from_status, to_status, actor_user_id, actor, reason, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(order_id)
    .bind(from.map(OrderStatus::as_str))
    .bind(to.as_str())
    .bind(actor_user_id)
    .bind(actor)
    .bind(reason)
    .bind(db::now())
    .execute(&mut **tx)
    .await
    .context("insert order event")?;
    Ok(())
}

/// Moves an order from `from` to `to`; `false` when it is no longer in `from`
/// (someone else moved it first).
pub async fn set_status(tx: &mut Tx, order_id: i64, from: OrderStatus, to: OrderStatus) -> anyhow::Result<bool> {
    let result = sqlx::query("UPDATE orders SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4")
        .bind(to.as_str())
        .bind(db::now())
        .bind(order_id)
        .bind(from.as_str())
        .execute(&mut **tx)
        .await
        .context("set order status")?;
    Ok(result.rows_affected() == 1)
}

/// Records when the order was delivered and in how many calendar days (Vietnam time)
/// since it was placed, for the office's delivery figures.
pub async fn set_delivered(tx: &mut Tx, order_id: i64, created_at: &str) -> anyhow::Result<()> {
    let now = time::OffsetDateTime::now_utc();
    let days = db::parse_time(created_at).map(|placed| calendar_days_vn(placed, now));
    sqlx::query("UPDATE orders SET delivered_at = $1, delivery_days = $2 WHERE id = $3")
        .bind(db::time_text(now))
        .bind(days)
        .bind(order_id)
        .execute(&mut **tx)
        .await
        .context("set delivered")?;
    Ok(())
}

/// Calendar days between two times as a person in Vietnam counts them: ordered on
/// Monday evening and delivered on Wednesday morning is 2.
pub fn calendar_days_vn(from: time::OffsetDateTime, to: time::OffsetDateTime) -> i64 {
    let vn = time::UtcOffset::from_hms(7, 0, 0).expect("UTC+7 is a valid offset");
    (to.to_offset(vn).date() - from.to_offset(vn).date()).whole_days()
}

pub async fn set_shipment(tx: &mut Tx, order_id: i64, carrier: &str, tracking_no: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE orders SET carrier = $1, tracking_no = $2 WHERE id = $3")
        .bind(carrier)
        .bind(tracking_no)
        .bind(order_id)
        .execute(&mut **tx)
        .await
        .context("set shipment")?;
    Ok(())
}

pub async fn add_paid(tx: &mut Tx, order_id: i64, amount_vnd: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE orders SET paid_vnd = paid_vnd + $1, updated_at = $2 WHERE id = $3")
        .bind(amount_vnd)
        .bind(db::now())
        .bind(order_id)
        .execute(&mut **tx)
        .await
        .context("record payment on order")?;
    Ok(())
}

/// How many of a producer's orders reached their buyer: what business buyers
/// weigh a quote by.
pub async fn delivered_count(db: &Db, producer_id: i64) -> anyhow::Result<i64> {
    let row =
        sqlx::query("SELECT COUNT(*) FROM orders WHERE producer_id = $1 AND status IN ('delivered', 'completed')")
            .bind(producer_id)
            .fetch_one(&db.pool)
            .await
            .context("count delivered orders")?;
    Ok(row.try_get(0)?)
}

pub async fn find_in(tx: &mut Tx, order_id: i64) -> anyhow::Result<Option<Order>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM orders WHERE id = $1"))
        .bind(order_id)
        .fetch_optional(&mut **tx)
        .await
        .context("find order")?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

pub async fn find_by_code_in(tx: &mut Tx, code: &str) -> anyhow::Result<Option<Order>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM orders WHERE code = $1"))
        .bind(code)
        .fetch_optional(&mut **tx)
        .await
        .context("find order by code")?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

pub async fn find_by_id(db: &Db, order_id: i64) -> anyhow::Result<Option<Order>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM orders WHERE id = $1"))
        .bind(order_id)
        .fetch_optional(&db.pool)
        .await
        .context("find order")?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

pub async fn find_by_code(db: &Db, code: &str) -> anyhow::Result<Option<Order>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM orders WHERE code = $1"))
        .bind(code)
        .fetch_optional(&db.pool)
        .await
        .context("find order by code")?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

pub async fn list_for_checkout(db: &Db, checkout_id: &str) -> anyhow::Result<Vec<Order>> {
    let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM orders WHERE checkout_id = $1 ORDER BY id"))
        .bind(checkout_id)
        .fetch_all(&db.pool)
        .await
        .context("list checkout orders")?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

pub async fn list_for_producers(db: &Db, producer_ids: &[i64], limit: i64) -> anyhow::Result<Vec<Order>> {
    if producer_ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids = crate::producers::store::id_list(producer_ids);
    let sql = format!("SELECT {COLUMNS} FROM orders WHERE producer_id IN ({ids}) ORDER BY id DESC LIMIT $1");
    let rows = sqlx::query(&sql).bind(limit).fetch_all(&db.pool).await.context("list producer orders")?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

pub async fn list_recent(db: &Db, limit: i64) -> anyhow::Result<Vec<Order>> {
    let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM orders ORDER BY id DESC LIMIT $1"))
        .bind(limit)
        .fetch_all(&db.pool)
        .await
        .context("list recent orders")?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

pub async fn list_for_buyer(db: &Db, user_id: i64, limit: i64) -> anyhow::Result<Vec<Order>> {
    let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM orders WHERE buyer_user_id = $1 ORDER BY id DESC LIMIT $2"))
        .bind(user_id)
        .bind(limit)
        .fetch_all(&db.pool)
        .await
        .context("list buyer orders")?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// Bank-transfer orders whose payment time has run out.
pub async fn list_overdue(db: &Db, now: &str) -> anyhow::Result<Vec<i64>> {
    let rows = sqlx::query(
        "SELECT id FROM orders WHERE status = 'awaiting_payment' AND payment_due_at < $1 ORDER BY id LIMIT 500",
    )
    .bind(now)
    .fetch_all(&db.pool)
    .await
    .context("list overdue orders")?;
    rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
}

async fn items_in(tx: &mut Tx, order_id: i64) -> anyhow::Result<Vec<OrderItem>> {
    let rows = sqlx::query(
        "SELECT product_id, name, unit, price_vnd, quantity FROM order_items WHERE order_id = $1 ORDER BY product_id",
    )
    .bind(order_id)
    .fetch_all(&mut **tx)
    .await
    .context("list order items")?;
    rows.iter().map(item_from_row).collect()
}

fn item_from_row(r: &AnyRow) -> anyhow::Result<OrderItem> {
    Ok(OrderItem {
        product_id: r.try_get(0)?,
        name: r.try_get(1)?,
        unit: r.try_get(2)?,
        price_vnd: r.try_get(3)?,
        quantity: r.try_get(4)?,
    })
}

pub async fn items(db: &Db, order_id: i64) -> anyhow::Result<Vec<OrderItem>> {
    let rows = sqlx::query(
        "SELECT product_id, name, unit, price_vnd, quantity FROM order_items WHERE order_id = $1 ORDER BY product_id",
    )
    .bind(order_id)
    .fetch_all(&db.pool)
    .await
    .context("list order items")?;
    rows.iter().map(item_from_row).collect()
}

pub async fn events(db: &Db, order_id: i64) -> anyhow::Result<Vec<OrderEvent>> {
    let rows = sqlx::query("SELECT from_status, to_status, actor, actor_user_id, reason, created_at FROM order_events WHERE order_id = $1 ORDER BY id")
        .bind(order_id)
        .fetch_all(&db.pool)
        .await
        .context("list order events")?;
    rows.iter()
        .map(|r| {
            Ok(OrderEvent {
                from_status: r.try_get(0)?,
                to_status: r.try_get(1)?,
                actor: r.try_get(2)?,
                actor_user_id: r.try_get(3)?,
                reason: r.try_get(4)?,
                created_at: r.try_get(5)?,
            })
        })
        .collect()
}

/// A guest's orders, by the hash of the access token of their checkout.
pub async fn list_for_token(db: &Db, token_hash: &str) -> anyhow::Result<Vec<Order>> {
    let rows =
        sqlx::query(&format!("SELECT {COLUMNS} FROM orders WHERE access_token_hash = $1 ORDER BY id DESC LIMIT 50"))
            .bind(token_hash)
            .fetch_all(&db.pool)
            .await
            .context("list guest orders")?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// Has a checkout with this id placed its orders already? Two submits of one form
/// queue here: SQLite's write transaction serialises them already; on PostgreSQL an
/// advisory lock on the id does, until the transaction ends.
pub async fn checkout_exists(tx: &mut Tx, dialect: db::Dialect, checkout_id: &str) -> anyhow::Result<bool> {
    if dialect == db::Dialect::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1))")
            .bind(checkout_id)
            .execute(&mut **tx)
            .await
            .context("lock the checkout")?;
    }
    let row = sqlx::query("SELECT COUNT(*) FROM orders WHERE checkout_id = $1")
        .bind(checkout_id)
        .fetch_one(&mut **tx)
        .await
        .context("look for a placed checkout")?;
    Ok(row.try_get::<i64, _>(0)? > 0)
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::calendar_days_vn;

    #[test]
    fn delivery_days_are_counted_on_vietnams_calendar() {
        // Monday 20:00 in Hà Nội (13:00 UTC) to Wednesday 08:00 (01:00 UTC): two days.
        assert_eq!(calendar_days_vn(datetime!(2026-11-02 13:00 UTC), datetime!(2026-11-04 01:00 UTC)), 2);
        // 23:00 UTC is already the next morning in Vietnam: one day, not zero.
        assert_eq!(calendar_days_vn(datetime!(2026-11-02 10:00 UTC), datetime!(2026-11-02 23:00 UTC)), 1);
        assert_eq!(calendar_days_vn(datetime!(2026-11-02 01:00 UTC), datetime!(2026-11-02 09:00 UTC)), 0);
    }
}
