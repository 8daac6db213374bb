//! Carriers' status notifications: each is stored as received (with the carrier's
//! dedupe key, so a resent one changes nothing), then applied in the same
//! transaction — the parcel moves forward only, and the order follows: picked up →
//! shipped, delivered → delivered (a cash-on-delivery order is then paid).

use sha2::{Digest, Sha256};

use super::model::{ShipmentEvent, ShipmentStatus};
use super::store::{self, NewNotification};
use crate::db::{self, Db};
use crate::error::{AppError, AppResult};
use crate::orders::model::Actor;
use crate::orders::service::{Transition, apply_transition};
use crate::orders::{self, OrderStatus};

/// What became of a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Applied,
    /// Stored before: nothing done again.
    Duplicate,
    /// Older than what the parcel already shows: kept in its journey, no move.
    Older,
    /// A waybill dacsan does not know: kept for an admin.
    UnknownWaybill,
    /// A status nobody can place: kept, no move.
    UnknownStatus,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Applied => "applied",
            Outcome::Duplicate => "duplicate",
            Outcome::Older => "older",
            Outcome::UnknownWaybill => "unknown_waybill",
            Outcome::UnknownStatus => "unknown_status",
        }
    }
}

/// Takes one notification in. A body that does not parse is stored for an admin
/// and answered 400 with what was wrong.
pub async fn receive(db: &Db, carrier: carriers::Carrier, content_type: &str, body: &[u8]) -> AppResult<Outcome> {
    let text = String::from_utf8_lossy(body).into_owned();
    let parsed = carriers::parse_notification(carrier, content_type, body);
    let (db, content_type) = (db.clone(), content_type.to_string());
    db::run_to_completion(async move {
        match parsed {
            Ok(note) => apply(&db, &note, &content_type, &text).await,
            Err(err) => {
                keep_malformed(&db, carrier, &content_type, &text, &err.to_string()).await?;
                Err(AppError::BadRequest(format!("thông báo không đọc được / unreadable notification: {err}")))
            }
        }
    })
    .await?
}

async fn keep_malformed(
    db: &Db,
    carrier: carriers::Carrier,
    content_type: &str,
    body: &str,
    error: &str,
) -> AppResult<()> {
    let key = format!("malformed:{}:{:x}", carrier.as_str(), Sha256::digest(body.as_bytes()));
    let mut tx = db.begin_write().await?;
    let row = NewNotification {
        carrier: carrier.as_str(),
        dedupe_key: &key,
        content_type,
        body,
        waybill: None,
        outcome: "malformed",
        error: Some(error),
    };
    store::insert_notification(&mut tx, &row).await?;
    tx.commit().await.map_err(anyhow::Error::new)?;
    Ok(())
}

async fn apply(db: &Db, note: &carriers::Notification, content_type: &str, body: &str) -> AppResult<Outcome> {
    let carrier = note.carrier.as_str();
    let mut tx = db.begin_write().await?;
    let row = NewNotification {
        carrier,
        dedupe_key: &note.dedupe_key,
        content_type,
        body,
        waybill: Some(&note.waybill),
        outcome: "received",
        error: None,
    };
    let Some(notification_id) = store::insert_notification(&mut tx, &row).await? else {
        return Ok(Outcome::Duplicate);
    };
    let shipment = store::find_for_notification(&mut tx, carrier, &note.waybill, note.client_code.as_deref()).await?;
    let Some(shipment) = shipment else {
        store::set_notification_outcome(&mut tx, notification_id, None, Outcome::UnknownWaybill.as_str()).await?;
        tx.commit().await.map_err(anyhow::Error::new)?;
        tracing::warn!(carrier, waybill = %note.waybill, "notification for a waybill dacsan does not know");
        return Ok(Outcome::UnknownWaybill);
    };
    if shipment.status == ShipmentStatus::Booking || shipment.tracking_code.is_none() {
        // The carrier's notice beat its answer to our booking.
        store::set_waybill_in(&mut tx, shipment.id, &note.waybill).await?;
    }
    let at = db::time_text(note.at);
    let outcome = match ShipmentStatus::of_stage(note.stage) {
        None => Outcome::UnknownStatus,
        Some(status) => {
            let newer = shipment.last_event_at.as_deref().is_none_or(|last| at.as_str() >= last);
            let event = ShipmentEvent {
                status,
                raw_status: note.raw_status.clone(),
                at: at.clone(),
                note: note.reason.clone(),
            };
            store::insert_event(&mut tx, shipment.id, &event).await?;
            if newer && shipment.status.may_become(status) {
                store::set_status(&mut tx, shipment.id, status, &at).await?;
                follow_with_order(&mut tx, shipment.order_id, status, note.carrier.display_name(), &note.waybill)
                    .await?;
                Outcome::Applied
            } else {
                Outcome::Older
            }
        }
    };
    store::set_notification_outcome(&mut tx, notification_id, Some(shipment.id), outcome.as_str()).await?;
    tx.commit().await.map_err(anyhow::Error::new)?;
    Ok(outcome)
}

/// Moves the order as its parcel moves; an order that cannot move that way
/// (cancelled meanwhile, shipped by hand already) is left as it is.
async fn follow_with_order(
    tx: &mut orders::store::Tx,
    order_id: i64,
    status: ShipmentStatus,
    carrier: &str,
    waybill: &str,
) -> AppResult<()> {
    let Some(order) = orders::store::find_in(tx, order_id).await? else { return Ok(()) };
    let to = match status {
        ShipmentStatus::PickedUp | ShipmentStatus::InTransit | ShipmentStatus::OutForDelivery
            if order.status.before_shipping() =>
        {
            OrderStatus::Shipped
        }
        ShipmentStatus::Delivered if order.status == OrderStatus::Shipped => OrderStatus::Delivered,
        ShipmentStatus::Delivered
            if orders::model::may_transition(Actor::System, order.status, OrderStatus::Shipped) =>
        {
            // Both steps at once: the pick-up notice never came.
            let shipped = transition(OrderStatus::Shipped, carrier, waybill);
            apply_transition(tx, &order, &shipped).await?;
            let order = orders::store::find_in(tx, order_id).await?.ok_or_else(|| AppError::not_found("order"))?;
            return apply_transition(tx, &order, &transition(OrderStatus::Delivered, carrier, waybill)).await;
        }
        _ => return Ok(()),
    };
    if !orders::model::may_transition(Actor::System, order.status, to) {
        return Ok(());
    }
    apply_transition(tx, &order, &transition(to, carrier, waybill)).await
}

fn transition<'a>(to: OrderStatus, carrier: &'a str, waybill: &'a str) -> Transition<'a> {
    Transition {
        to,
        actor: Actor::System,
        actor_user_id: None,
        reason: "",
        carrier: Some(carrier),
        tracking_no: Some(waybill),
    }
}
