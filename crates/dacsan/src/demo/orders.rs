//! Buyers' orders for the demo region, so that the seller's order desk, the
//! unmatched-transfer inbox and the office's market figures are not empty on first
//! look: orders to the demo seller in every state and to producers of other
//! provinces, bank transfers matched to their orders and a few that match none.
//!
//! Every order goes through the app's own use cases — checkout (stock taken),
//! a bank transfer applied (payment counted, order paid), the seller's and the
//! buyer's transitions (status history, stock back on cancellation) — so each is as
//! consistent as a real one. Those stamp the present time; one demo-only step at the
//! end, [`backdate`], spreads the orders over the last weeks (relative to today) by
//! moving their timestamps, nothing else.

use std::sync::Arc;

use anyhow::Context;
use sqlx::Row;
use time::{Duration, OffsetDateTime};

use crate::config::Settings;
use crate::db::{self, Db};
use crate::logistics::Logistics;
use crate::orders::delivery::Delivery;
use crate::orders::model::{Actor, OrderStatus, PaymentMethod, ValidCheckout};
use crate::orders::service::{self, Transition};
use crate::orders::store::Order;
use crate::payments::model::Transfer;
use crate::payments::service::{Applied, apply_transfer};

/// Guest buyers: (name, phone, province, commune, street line). Invented people in
/// real 2025 communes.
const GUESTS: [(&str, &str, &str, &str, &str); 5] = [
    ("Nguyễn Thị Lan", "0912000111", "01", "00004", "Số 12 phố Đội Cấn"),
    ("Trần Văn Minh", "0987000222", "79", "26740", "45 Lê Lợi"),
    ("Phạm Thu Hà", "0903000333", "31", "11311", "8 Điện Biên Phủ"),
    ("Lê Quốc Huy", "0935000444", "48", "20242", "20 Bạch Đằng"),
    ("Giàng Thị Sua", "0971000555", "12", "03408", "Tổ dân phố số 5"),
];

use OrderStatus::*;
use PaymentMethod::{Cod, Vietqr};

/// The demo seller's orders: (state, payment, hours ago placed). Every state at
/// least once; `0` is placed now (awaiting payment within the payment time).
const SELLER_ORDERS: [(OrderStatus, PaymentMethod, i64); 16] = [
    (AwaitingPayment, Vietqr, 0),
    (AwaitingPayment, Vietqr, 0),
    (Confirmed, Cod, 0),
    (Paid, Vietqr, 3),
    (Confirmed, Vietqr, 20),
    (Packed, Vietqr, 30),
    (Shipped, Cod, 50),
    (Shipped, Vietqr, 70),
    (Delivered, Vietqr, 5 * 24),
    (Completed, Vietqr, 9 * 24),
    (Cancelled, Vietqr, 12 * 24),
    (Completed, Cod, 16 * 24),
    (Refunded, Vietqr, 21 * 24),
    (Completed, Vietqr, 26 * 24),
    (Cancelled, Cod, 33 * 24),
    (Completed, Vietqr, 38 * 24),
];

/// The states of the other producers' orders, in turn.
const OTHER_STATES: [OrderStatus; 8] =
    [Completed, Completed, Delivered, Shipped, Completed, Confirmed, Cancelled, Paid];
const OTHER_ORDERS: usize = 40;
const CARRIERS: [&str; 3] = ["Viettel Post", "GHN", "VNPost"];

/// Transfers that name no order, as banks deliver them: (content, amount, days ago).
const UNMATCHED: [(&str, i64, i64); 4] = [
    ("chuyen tien mua che shan tuyet", 390_000, 1),
    ("CK DS12 Nguyen Lan", 195_000, 3),
    ("thanh toan tien hang thang truoc", 1_250_000, 6),
    ("MBVCB.88231.ung ho HTX", 500_000, 11),
];

/// One step after checkout.
#[derive(Clone, Copy)]
enum Step {
    /// The buyer's bank transfer arrives.
    Pay,
    Move(OrderStatus, Actor, &'static str),
}

/// The steps that bring a new order to `status`.
/// States only an order paid by transfer reaches: a cash-on-delivery order is never
/// waiting for a transfer, paid before delivery or refunded.
fn paid_first(status: OrderStatus) -> bool {
    matches!(status, AwaitingPayment | Paid | Refunded)
}

fn path_to(status: OrderStatus, method: PaymentMethod) -> Vec<Step> {
    let mut steps = Vec::new();
    let paid = method == Vietqr;
    match status {
        AwaitingPayment => {}
        Cancelled if paid => steps.push(Step::Move(Cancelled, Actor::Buyer, "Đặt nhầm số lượng")),
        Cancelled => steps.push(Step::Move(Cancelled, Actor::Seller, "Hết hàng đợt này, đã gọi báo khách")),
        Refunded => {
            steps.push(Step::Pay);
            steps.push(Step::Move(Refunded, Actor::Seller, "Khách đổi ý trước khi đóng gói, đã hoàn tiền"));
        }
        _ => {
            if paid {
                steps.push(Step::Pay);
            }
            let ladder = [
                (Confirmed, Actor::Seller),
                (Packed, Actor::Seller),
                (Shipped, Actor::Seller),
                (Delivered, Actor::Seller),
                (Completed, Actor::Buyer),
            ];
            let from = if paid { 0 } else { 1 };
            let upto = ladder.iter().position(|(s, _)| *s == status).map_or(0, |i| i + 1);
            steps.extend(ladder[from.min(upto)..upto].iter().map(|(s, a)| Step::Move(*s, *a, "")));
        }
    }
    steps
}

/// A demo order as placed, and the times of its placement and of each step.
struct Placed {
    order: Order,
    times: Vec<OffsetDateTime>,
}

/// Adds the demo orders and transfers unless there are orders already; returns how
/// many orders. Runs after [`super::fill`] and [`super::fill_programme`] (orders are
/// placed on products that were on sale by then).
pub async fn fill_orders(db: &Db, settings: &Settings) -> anyhow::Result<usize> {
    if sqlx::query("SELECT 1 FROM orders LIMIT 1").fetch_optional(&db.pool).await?.is_some() {
        return Ok(0);
    }
    let seller = crate::producers::store::find_by_slug(db, super::ACCOUNTS[1].3).await?.context("the demo seller")?;
    let buyer = crate::auth::store::find_by_email(db, super::ACCOUNTS[3].0).await?.context("the demo buyer")?;
    let pricer: Arc<dyn Delivery> = Arc::new(Logistics::load(db, &settings.carriers, None).await?);
    add_affiliate(db, seller.id, buyer.id).await?;
    let now = OffsetDateTime::now_utc();
    let mut placed = Vec::new();
    for (i, (status, method, hours)) in SELLER_ORDERS.into_iter().enumerate() {
        let at = now - Duration::hours(hours) - Duration::minutes(if hours == 0 { 0 } else { (i as i64 * 17) % 60 });
        let buyer_id = i.is_multiple_of(2).then_some(buyer.id);
        // A guest order in three came through the demo buyer's affiliate link.
        let referral = (i % 3 == 1).then_some(DEMO_AFFILIATE_CODE);
        let order = place(db, settings, &pricer, seller.id, i, buyer_id, referral, status, method, at).await?;
        placed.push(order.context("the demo seller has nothing on sale")?);
    }
    let others: Vec<i64> =
        sqlx::query("SELECT id FROM producers WHERE id <> $1 AND registry_code IS NOT NULL ORDER BY id")
            .bind(seller.id)
            .fetch_all(&db.pool)
            .await?
            .iter()
            .map(|r| r.try_get("id"))
            .collect::<Result<_, _>>()?;
    for i in 0..OTHER_ORDERS.min(others.len() * 2) {
        let status = OTHER_STATES[i % OTHER_STATES.len()];
        let method = if i % 3 == 1 && !paid_first(status) { Cod } else { Vietqr };
        let at = now - Duration::hours(6 + (i as i64 * 37) % (50 * 24));
        let buyer_id = (i % 4 == 0).then_some(buyer.id);
        // The next producer that had something on sale then.
        for k in 0..others.len() {
            let producer = others[(i * 7 + k) % others.len()];
            if let Some(order) =
                place(db, settings, &pricer, producer, i + 1, buyer_id, None, status, method, at).await?
            {
                placed.push(order);
                break;
            }
        }
    }
    add_unmatched(db, &seller, now).await?;
    backdate(db, &placed, settings).await?;
    Ok(placed.len())
}

/// The demo buyer is also a KOC: its own referral code, and 8 % from the demo
/// seller on the orders it brings.
const DEMO_AFFILIATE_CODE: &str = "KOCMINHA";

async fn add_affiliate(db: &Db, producer_id: i64, buyer_id: i64) -> anyhow::Result<()> {
    let seller = crate::auth::store::find_by_email(db, super::ACCOUNTS[1].0).await?.context("the demo seller")?;
    crate::live::commissions::store::insert_affiliate(db, buyer_id, DEMO_AFFILIATE_CODE).await?;
    crate::live::commissions::store::set_rate(db, producer_id, buyer_id, None, 800, seller.id).await
}

#[expect(clippy::too_many_arguments, reason = "one demo order's whole description")]
async fn place(
    db: &Db,
    settings: &Settings,
    pricer: &Arc<dyn Delivery>,
    producer_id: i64,
    i: usize,
    buyer_user_id: Option<i64>,
    referral: Option<&str>,
    status: OrderStatus,
    method: PaymentMethod,
    at: OffsetDateTime,
) -> anyhow::Result<Option<Placed>> {
    let on = at.date().to_string();
    let products: Vec<i64> = sqlx::query(
        "SELECT id FROM products WHERE producer_id = $1 AND status = 'active' AND stock >= 5
           AND (active_since IS NULL OR active_since <= $2) ORDER BY id",
    )
    .bind(producer_id)
    .bind(&on)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| r.try_get("id"))
    .collect::<Result<_, _>>()?;
    if products.is_empty() {
        return Ok(None);
    }
    let mut items = vec![(products[i % products.len()], 1 + (i as i64 % 3))];
    if products.len() > 1 && i.is_multiple_of(3) {
        items.push((products[(i + 1) % products.len()], 1));
    }
    let (name, phone, province, commune, street) = GUESTS[i % GUESTS.len()];
    let checkout = ValidCheckout {
        key: None,
        items,
        buyer_name: if buyer_user_id.is_some() { "Vũ Minh Anh".into() } else { name.into() },
        buyer_phone: crate::vn::Phone::parse(phone)
            .map_err(|e| anyhow::anyhow!("{phone}: {}", crate::error::Message::from(e)))?
            .e164()
            .to_string(),
        buyer_email: buyer_user_id.map(|_| super::ACCOUNTS[3].0.to_string()),
        province_code: province.into(),
        commune_code: commune.into(),
        street: street.into(),
        payment_method: method,
        delivery: Default::default(),
        referral_code: referral.map(str::to_string),
    };
    let helpers = service::CheckoutHelpers {
        delivery: pricer.clone(),
        referrals: std::sync::Arc::new(crate::live::service::LiveReferrals),
        business: std::sync::Arc::new(crate::trade::service::TradeBuyers),
    };
    let result = service::checkout(db, &helpers, buyer_user_id, &checkout, settings.payment_time)
        .await
        .map_err(|e| anyhow::anyhow!("demo checkout: {e:?}"))?;
    let mut order = result.orders.into_iter().next().context("a demo order")?;
    let steps = path_to(status, method);
    // Steps follow each other by up to 18 hours, all before now.
    let span = (OffsetDateTime::now_utc() - at).whole_minutes().max(1);
    let gap = Duration::minutes((span / (steps.len() as i64 + 1)).min(18 * 60));
    let mut times = vec![at];
    for (k, step) in steps.iter().enumerate() {
        let when = at + Duration::minutes(25).min(gap) + gap * k as i32;
        times.push(when);
        order = match *step {
            Step::Pay => pay(db, &order, when).await?,
            Step::Move(to, actor, reason) => {
                let tracking = format!("DEMO{}{:06}", order.id, i);
                let t = Transition {
                    to,
                    actor,
                    actor_user_id: if actor == Actor::Buyer { buyer_user_id } else { None },
                    reason,
                    carrier: (to == Shipped).then_some(CARRIERS[i % CARRIERS.len()]),
                    tracking_no: (to == Shipped).then_some(tracking.as_str()),
                };
                service::transition(db, order.id, &t)
                    .await
                    .map_err(|e| anyhow::anyhow!("demo order {}: {e:?}", order.code))?
            }
        };
    }
    anyhow::ensure!(order.status == status, "demo order {} is {:?}, not {status:?}", order.code, order.status);
    Ok(Some(Placed { order, times }))
}

/// The buyer's transfer, as the bank hook reports it, applied like a real one.
async fn pay(db: &Db, order: &Order, at: OffsetDateTime) -> anyhow::Result<Order> {
    let account = crate::producers::store::payment_account(db, order.producer_id).await?.context("a demo account")?;
    let transfer = Transfer {
        source: "sepay",
        source_txn_id: format!("demo-{}", order.code),
        bank_reference: format!("FT{}", order.code),
        amount_vnd: order.total_vnd,
        content: format!("MBVCB.{} {} thanh toan don hang", order.id * 7919 % 100_000, order.code),
        account_number: account.account_number,
        transacted_at: db::time_text(at),
    };
    let applied = apply_transfer(db, &transfer).await?;
    anyhow::ensure!(
        applied == Applied::Stored { outcome: crate::payments::store::outcome::PAID, order_id: Some(order.id) },
        "demo transfer for {}: {applied:?}",
        order.code
    );
    crate::orders::store::find_by_id(db, order.id).await?.context("the paid order")
}

/// Transfers to the demo seller's account whose content names no order.
async fn add_unmatched(db: &Db, seller: &crate::producers::Producer, now: OffsetDateTime) -> anyhow::Result<()> {
    let account = crate::producers::store::payment_account(db, seller.id).await?.context("the seller's account")?;
    for (i, (content, amount, days)) in UNMATCHED.into_iter().enumerate() {
        let at = db::time_text(now - Duration::days(days) - Duration::hours(i as i64 * 3));
        let transfer = Transfer {
            source: "sepay",
            source_txn_id: format!("demo-unmatched-{}", i + 1),
            bank_reference: format!("FTDEMO{:04}", i + 1),
            amount_vnd: amount,
            content: content.to_string(),
            account_number: account.account_number.clone(),
            transacted_at: at.clone(),
        };
        apply_transfer(db, &transfer).await?;
        sqlx::query("UPDATE bank_transactions SET created_at = $1 WHERE source_txn_id = $2")
            .bind(&at)
            .bind(&transfer.source_txn_id)
            .execute(&db.pool)
            .await?;
    }
    Ok(())
}

/// The demo-only step: moves each order's timestamps to the times it was meant to
/// happen — placed, each status change (in the order they were recorded), its
/// transfer, its messages (marked e-mailed: nobody is to be mailed about invented
/// orders). Amounts, stock and states are left as the use cases wrote them.
async fn backdate(db: &Db, placed: &[Placed], settings: &Settings) -> anyhow::Result<()> {
    let mut tx = db.begin_write().await?;
    let due = Duration::try_from(settings.payment_time).unwrap_or(Duration::minutes(30));
    for Placed { order, times } in placed {
        let time = |k: usize| db::time_text(times[k.min(times.len() - 1)]);
        let events = ids_of_order(&mut tx, "order_events", order.id).await?;
        anyhow::ensure!(events.len() == times.len(), "demo order {}: {} events", order.code, events.len());
        for (k, id) in events.iter().enumerate() {
            sqlx::query("UPDATE order_events SET created_at = $1 WHERE id = $2")
                .bind(time(k))
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        let notes = ids_of_order(&mut tx, "notifications", order.id).await?;
        for (k, id) in notes.iter().enumerate() {
            sqlx::query("UPDATE notifications SET created_at = $1, emailed_at = $1 WHERE id = $2")
                .bind(time(k / 2))
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("UPDATE bank_transactions SET created_at = $1, transacted_at = $1 WHERE order_id = $2")
            .bind(time(1))
            .bind(order.id)
            .execute(&mut *tx)
            .await?;
        let due_at = (order.payment_method == Vietqr).then(|| db::time_text(times[0] + due));
        sqlx::query("UPDATE orders SET created_at = $1, updated_at = $2, payment_due_at = $3 WHERE id = $4")
            .bind(time(0))
            .bind(time(times.len() - 1))
            .bind(due_at)
            .bind(order.id)
            .execute(&mut *tx)
            .await?;
        backdate_delivery(&mut tx, order.id, times[0]).await?;
    }
    tx.commit().await.context("commit the demo order times")?;
    Ok(())
}

/// A delivered order's `delivered_at` and `delivery_days` from its backdated
/// "delivered" step (Vietnam's calendar days, as checkout's figures count them).
async fn backdate_delivery(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    order_id: i64,
    placed_at: OffsetDateTime,
) -> anyhow::Result<()> {
    let row =
        sqlx::query("SELECT MIN(created_at) AS at FROM order_events WHERE order_id = $1 AND to_status = 'delivered'")
            .bind(order_id)
            .fetch_one(&mut **tx)
            .await?;
    let Some(delivered_at) = row.try_get::<Option<String>, _>("at")? else { return Ok(()) };
    let vn_date = |t: OffsetDateTime| (t + Duration::hours(7)).date();
    let delivered = db::parse_time(&delivered_at).context("a delivered step's time")?;
    let days = (vn_date(delivered) - vn_date(placed_at)).whole_days();
    sqlx::query("UPDATE orders SET delivered_at = $1, delivery_days = $2 WHERE id = $3")
        .bind(&delivered_at)
        .bind(days)
        .bind(order_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The ids of an order's rows in `table` (one of this module's names, never input),
/// oldest first.
async fn ids_of_order(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    table: &'static str,
    order_id: i64,
) -> anyhow::Result<Vec<i64>> {
    let rows = sqlx::query(&format!("SELECT id FROM {table} WHERE order_id = $1 ORDER BY id"))
        .bind(order_id)
        .fetch_all(&mut **tx)
        .await
        .with_context(|| format!("list {table} of demo order {order_id}"))?;
    Ok(rows.iter().map(|r| r.try_get("id")).collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_has_a_path_the_state_machine_allows() {
        for &status in OrderStatus::ALL {
            for method in [Vietqr, Cod] {
                if method == Cod && paid_first(status) {
                    continue;
                }
                let mut at = method.initial_status();
                for step in path_to(status, method) {
                    let (to, actor) = match step {
                        Step::Pay => (Paid, Actor::System),
                        Step::Move(to, actor, _) => (to, actor),
                    };
                    assert!(crate::orders::model::may_transition(actor, at, to), "{method:?} {at:?} → {to:?}");
                    at = to;
                }
                assert_eq!(at, status, "{method:?}");
            }
        }
        for &state in OrderStatus::ALL {
            assert!(SELLER_ORDERS.iter().any(|(s, _, _)| *s == state), "the seller has a {state:?} order");
        }
    }
}
