//! Messages about orders to their buyer and their seller, kept in the database (the
//! app shows them) and e-mailed when SMTP is configured.

use sqlx::Any;

use super::model::OrderStatus;
use super::store::{Order, Tx};
use crate::db;

async fn insert(tx: &mut Tx, order: &Order, to_seller: bool, subject: &str, body: &str) -> anyhow::Result<()> {
    let (producer_id, user_id, email) = if to_seller {
        (Some(order.producer_id), None, None)
    } else {
        (None, order.buyer_user_id, order.buyer_email.clone())
    };
    sqlx::query::<Any>(
        "INSERT INTO notifications (order_id, producer_id, user_id, email, subject, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(order.id)
    .bind(producer_id)
    .bind(user_id)
    .bind(email)
    .bind(subject)
    .bind(body)
    .bind(db::now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn money(vnd: i64) -> String {
    crate::vn::Vnd(vnd).to_string()
}

pub async fn order_placed(tx: &mut Tx, order: &Order) -> anyhow::Result<()> {
    let subject = format!("Đơn hàng mới {} / New order {}", order.code, order.code);
    let body = format!(
        "Đơn hàng {} của {} ({}): {}. Thanh toán: {}.",
        order.code,
        order.buyer_name,
        order.buyer_phone,
        money(order.total_vnd),
        order.payment_method.as_str()
    );
    insert(tx, order, true, &subject, &body).await?;
    let subject = format!("Đã nhận đơn hàng {} / Order {} received", order.code, order.code);
    let body = format!("Cảm ơn bạn! Đơn hàng {} trị giá {} đã được ghi nhận.", order.code, money(order.total_vnd));
    insert(tx, order, false, &subject, &body).await
}

pub async fn status_changed(tx: &mut Tx, order: &Order, to: OrderStatus, reason: &str) -> anyhow::Result<()> {
    let subject = format!("Đơn hàng {}: {} / Order {}: {}", order.code, to.as_str(), order.code, to.as_str());
    let body = if reason.is_empty() {
        format!("Đơn hàng {} chuyển từ {} sang {}.", order.code, order.status.as_str(), to.as_str())
    } else {
        format!("Đơn hàng {} chuyển từ {} sang {}. Lý do: {reason}", order.code, order.status.as_str(), to.as_str())
    };
    insert(tx, order, true, &subject, &body).await?;
    insert(tx, order, false, &subject, &body).await
}

/// A bank transfer the seller must look at (short, too much, or too late).
pub async fn payment_needs_review(tx: &mut Tx, order: &Order, amount_vnd: i64, what: &str) -> anyhow::Result<()> {
    let subject = format!("Cần kiểm tra thanh toán đơn {} / Check the payment of {}", order.code, order.code);
    let body = format!("Nhận {} cho đơn {} (tổng {}): {what}", money(amount_vnd), order.code, money(order.total_vnd));
    insert(tx, order, true, &subject, &body).await
}

/// A parcel the carrier would not take, or never answered for: the seller books
/// it again, with this or another carrier.
pub async fn parcel_not_booked(tx: &mut Tx, order: &Order, parcel: &str, why: &str) -> anyhow::Result<()> {
    let subject = format!("Chưa gửi được kiện {parcel} / Parcel {parcel} is not booked");
    let body = format!("Đơn {}: kiện {parcel} chưa được hãng vận chuyển nhận. {why}", order.code);
    insert(tx, order, true, &subject, &body).await
}

/// A message about something other than an order (a request for quotation, a
/// quote): to a producer's sellers when `producer_id` is set, else to one account.
pub async fn about_trade(
    tx: &mut Tx,
    producer_id: Option<i64>,
    user: Option<(i64, &str)>,
    subject: &str,
    body: &str,
) -> anyhow::Result<()> {
    sqlx::query::<Any>(
        "INSERT INTO notifications (producer_id, user_id, email, subject, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(producer_id)
    .bind(user.map(|(id, _)| id))
    .bind(user.map(|(_, email)| email))
    .bind(subject)
    .bind(body)
    .bind(db::now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A message to an address with no account behind it (a stall's buyer asking for the
/// receipt); `key` is a word of the subject that names what it is about, and at most
/// `limit` messages carry it: `false` when that many were sent already.
pub async fn to_address(
    db: &db::Db,
    email: &str,
    subject: &str,
    body: &str,
    key: &str,
    limit: i64,
) -> anyhow::Result<bool> {
    let mut tx = db.begin_write().await?;
    let sent: i64 = sqlx::query_scalar::<Any, i64>(
        "SELECT COUNT(*) FROM notifications WHERE order_id IS NULL AND producer_id IS NULL AND user_id IS NULL
           AND subject LIKE $1",
    )
    .bind(format!("%{key}%"))
    .fetch_one(&mut *tx)
    .await?;
    if sent >= limit {
        return Ok(false);
    }
    sqlx::query::<Any>("INSERT INTO notifications (email, subject, body, created_at) VALUES ($1, $2, $3, $4)")
        .bind(email)
        .bind(subject)
        .bind(body)
        .bind(db::now())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}
