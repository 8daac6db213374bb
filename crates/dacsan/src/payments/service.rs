//! A transfer arrives: store it once, find its order by the code in the content,
//! count the money, and move the order — all in one transaction (payment received →
//! order paid), so a retry or a crash never pays twice or loses a transfer.

use super::model::Transfer;
use super::requests::{self, PaymentRequest};
use super::store::{self, outcome};
use crate::db::Db;
use crate::orders::model::{Actor, OrderStatus, PaymentMethod, codes_in_transfer};
use crate::orders::service::{EXPIRED_REASON, Transition, apply_transition};
use crate::orders::store::{self as orders, Order, Tx};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// This source sent this transaction before: nothing changed.
    Duplicate,
    /// Stored with this outcome (see [`store::outcome`]).
    Stored { outcome: &'static str, order_id: Option<i64> },
}

pub async fn apply_transfer(db: &Db, transfer: &Transfer) -> anyhow::Result<Applied> {
    let (db, transfer) = (db.clone(), transfer.clone());
    crate::db::run_to_completion(async move { record(&db, &transfer).await }).await?
}

async fn record(db: &Db, transfer: &Transfer) -> anyhow::Result<Applied> {
    let mut tx = db.begin_write().await?;
    let Some(txn_id) = store::insert(&mut tx, transfer).await? else {
        return Ok(Applied::Duplicate);
    };
    let mut order = None;
    for code in codes_in_transfer(&transfer.content) {
        if let Some(found) = orders::find_by_code_in(&mut tx, &code).await? {
            order = Some(found);
            break;
        }
    }
    if order.is_none()
        && let Some(request) = request_named(&mut tx, &transfer.content).await?
    {
        let result = pay_request(db, &mut tx, txn_id, &request, transfer).await?;
        tx.commit().await?;
        return Ok(result);
    }
    let result = match order {
        None => {
            store::set_outcome(&mut tx, txn_id, None, outcome::UNMATCHED).await?;
            tracing::warn!(
                source = transfer.source,
                amount_vnd = transfer.amount_vnd,
                "transfer {} matched no order",
                transfer.source_txn_id
            );
            Applied::Stored { outcome: outcome::UNMATCHED, order_id: None }
        }
        Some(order) if !to_producers_account(db, order.producer_id, transfer).await? => {
            store::set_outcome(&mut tx, txn_id, Some(order.id), outcome::OTHER_ACCOUNT).await?;
            tracing::warn!(order.code = %order.code, "transfer {} names order {} but reached another account", transfer.source_txn_id, order.code);
            Applied::Stored { outcome: outcome::OTHER_ACCOUNT, order_id: Some(order.id) }
        }
        Some(order) => {
            let result = pay_order(&mut tx, &order, transfer.amount_vnd).await?;
            store::set_outcome(&mut tx, txn_id, Some(order.id), result).await?;
            tracing::info!(order.code = %order.code, amount_vnd = transfer.amount_vnd, outcome = result, "transfer for order {}", order.code);
            Applied::Stored { outcome: result, order_id: Some(order.id) }
        }
    };
    tx.commit().await?;
    Ok(result)
}

/// Did the money reach the account the order's producer is paid into? A
/// notification that does not say which account is taken at its word.
async fn to_producers_account(db: &Db, producer_id: i64, transfer: &Transfer) -> anyhow::Result<bool> {
    let digits = |s: &str| s.chars().filter(char::is_ascii_alphanumeric).collect::<String>();
    let received = digits(&transfer.account_number);
    if received.is_empty() {
        return Ok(true);
    }
    let account = crate::producers::store::payment_account(db, producer_id).await?;
    Ok(account.is_none_or(|a| digits(&a.account_number) == received))
}

/// The payment request (a stall sale) the content names, when it names no order.
async fn request_named(tx: &mut Tx, content: &str) -> anyhow::Result<Option<PaymentRequest>> {
    for code in codes_in_transfer(content) {
        if let Some(found) = requests::find_by_code_in(tx, &code).await? {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

async fn pay_request(
    db: &Db,
    tx: &mut Tx,
    txn_id: i64,
    request: &PaymentRequest,
    transfer: &Transfer,
) -> anyhow::Result<Applied> {
    let result = if to_producers_account(db, request.producer_id, transfer).await? {
        requests::pay(tx, request, transfer.amount_vnd).await?
    } else {
        outcome::OTHER_ACCOUNT
    };
    store::set_request_outcome(tx, txn_id, request.id, result).await?;
    tracing::info!(request.code = %request.code, amount_vnd = transfer.amount_vnd, outcome = result, "transfer for payment request {}", request.code);
    Ok(Applied::Stored { outcome: result, order_id: None })
}

/// Counts the money on the order and moves it when the total is reached.
async fn pay_order(tx: &mut Tx, order: &Order, amount: i64) -> anyhow::Result<&'static str> {
    orders::add_paid(tx, order.id, amount).await?;
    let paid = order.paid_vnd + amount;
    let expired =
        order.status == OrderStatus::Cancelled && !order.stock_held && order.payment_method == PaymentMethod::Vietqr;
    let result = match order.status {
        OrderStatus::AwaitingPayment if paid < order.amount_to_start() => outcome::PARTIAL,
        OrderStatus::AwaitingPayment => {
            let reason = if paid < order.total_vnd {
                "Đã nhận tiền đặt cọc / deposit received"
            } else {
                "Đã nhận chuyển khoản / transfer received"
            };
            mark_paid(tx, order, reason).await?;
            if paid > order.total_vnd { outcome::OVERPAID } else { outcome::PAID }
        }
        // The balance of a deposit order, paid by transfer while it is under way.
        s if order.deposit_vnd > 0
            && paid <= order.total_vnd
            && !matches!(s, OrderStatus::Cancelled | OrderStatus::Refunded) =>
        {
            outcome::PAID
        }
        OrderStatus::Cancelled if expired && paid >= order.total_vnd && was_expired(tx, order).await? => {
            if orders::retake_stock(tx, order.id).await? {
                mark_paid(
                    tx,
                    order,
                    "Tiền đến sau khi hết hạn; đã giữ lại hàng / paid after expiry, stock taken again",
                )
                .await?;
                outcome::PAID_AFTER_EXPIRY
            } else {
                outcome::REFUND_NEEDED
            }
        }
        OrderStatus::Cancelled => outcome::REFUND_NEEDED,
        _ => outcome::EXTRA,
    };
    if !matches!(result, outcome::PAID | outcome::PAID_AFTER_EXPIRY) {
        crate::orders::notify_payment_review(tx, order, amount, result).await?;
    }
    Ok(result)
}

async fn mark_paid(tx: &mut Tx, order: &Order, reason: &str) -> anyhow::Result<()> {
    let t = Transition {
        to: OrderStatus::Paid,
        actor: Actor::System,
        actor_user_id: None,
        reason,
        carrier: None,
        tracking_no: None,
    };
    apply_transition(tx, order, &t).await.map_err(|e| anyhow::anyhow!("mark order {} paid: {e}", order.code))
}

/// Was the order cancelled by the clock (not by the buyer or the seller)?
async fn was_expired(tx: &mut Tx, order: &Order) -> anyhow::Result<bool> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT reason FROM order_events WHERE order_id = $1 AND to_status = 'cancelled' ORDER BY id DESC LIMIT 1",
    )
    .bind(order.id)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.is_some_and(|(reason,)| reason == EXPIRED_REASON))
}
