//! Carriers' status notifications: each is stored as received (with the carrier's
//! dedupe key, so a resent one changes nothing), then applied in the same
//! transaction — the parcel moves forward only, and the order follows: picked up →
//! shipped, delivered → delivered (a cash-on-delivery order is then paid).

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};
use tokio::sync::{mpsc, oneshot};

use super::messages;
use super::model::{Shipment, ShipmentEvent, ShipmentStatus};
use super::store::{self, NewNotification, Tx};
use crate::db::{self, Db};
use crate::error::{AppError, AppResult, Message};
use crate::orders::model::Actor;
use crate::orders::service::{Transition, apply_transition};
use crate::orders::{self, OrderStatus};

/// What became of a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
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
        self.into()
    }
}

/// Takes one notification in. A body that does not parse is stored for an admin
/// and answered 400 with what was wrong; one that parses goes through `intake`,
/// which answers once it is stored and applied.
pub async fn receive(
    db: &Db,
    intake: &Intake,
    carrier: carriers::Carrier,
    content_type: &str,
    body: &[u8],
) -> AppResult<Outcome> {
    let text = String::from_utf8_lossy(body).into_owned();
    match carriers::parse_notification(carrier, content_type, body) {
        Ok(note) => intake.take(Job { note, content_type: content_type.to_string(), body: text }).await,
        Err(err) => {
            let (db, content_type, why) = (db.clone(), content_type.to_string(), err.to_string());
            db::run_to_completion(async move { keep_malformed(&db, carrier, &content_type, &text, &why).await })
                .await??;
            Err(AppError::BadRequest(Message::from(messages::NOTIFICATION_UNREADABLE).with("detail", err)))
        }
    }
}

/// One parsed notification waiting for the writer.
pub struct Job {
    note: carriers::Notification,
    content_type: String,
    body: String,
}

/// Notifications are written by one task, many to a transaction (group commit):
/// on SQLite every write transaction waits for the one before, so a transaction per
/// notification would cap intake at a few thousand a second. Each request still
/// gets its answer only once its notification is committed, so a 200 is never
/// given for a notification that could be lost.
#[derive(Clone)]
pub struct Intake {
    jobs: mpsc::Sender<(Job, oneshot::Sender<AppResult<Outcome>>)>,
}

/// The most notifications one transaction takes.
const BATCH: usize = 256;

impl Intake {
    /// Starts the writer: call inside the runtime.
    pub fn spawn(db: Db) -> Intake {
        let (jobs, mut queue) = mpsc::channel::<(Job, oneshot::Sender<AppResult<Outcome>>)>(4 * BATCH);
        tokio::spawn(async move {
            while let Some(first) = queue.recv().await {
                let mut batch = vec![first];
                while batch.len() < BATCH {
                    match queue.try_recv() {
                        Ok(job) => batch.push(job),
                        Err(_) => break,
                    }
                }
                let (jobs, replies): (Vec<Job>, Vec<_>) = batch.into_iter().unzip();
                for (reply, outcome) in replies.into_iter().zip(write_batch(&db, &jobs).await) {
                    let _ = reply.send(outcome); // the asker may have gone; the work is done
                }
            }
        });
        Intake { jobs }
    }

    async fn take(&self, job: Job) -> AppResult<Outcome> {
        let (reply, answer) = oneshot::channel();
        self.jobs.send((job, reply)).await.map_err(|_| anyhow::anyhow!("the notification writer stopped"))?;
        answer.await.map_err(|_| anyhow::anyhow!("the notification writer dropped a notification"))?
    }

    /// Takes in a step of a parcel's journey read from the carrier's tracking API
    /// (see [`super::tracking`]): stored and applied as a notification would be.
    pub async fn take_polled(&self, note: carriers::Notification) -> AppResult<Outcome> {
        let body = serde_json::json!({
            "polled": true, "waybill": note.waybill, "status": note.raw_status,
            "at": db::time_text(note.at), "note": note.reason,
        })
        .to_string();
        self.take(Job { note, content_type: "application/json".into(), body }).await
    }

    /// Notifications waiting for the writer.
    pub fn waiting(&self) -> usize {
        self.jobs.max_capacity() - self.jobs.capacity()
    }
}

/// Writes a batch in one transaction. Should any notification fail, the batch is
/// rolled back and each is written on its own, so one bad notification costs the
/// others nothing.
async fn write_batch(db: &Db, jobs: &[Job]) -> Vec<AppResult<Outcome>> {
    match write(db, jobs).await {
        Ok(outcomes) => outcomes.into_iter().map(Ok).collect(),
        Err(err) if jobs.len() == 1 => vec![Err(err)],
        Err(_) => {
            let mut outcomes = Vec::with_capacity(jobs.len());
            for job in jobs {
                outcomes.push(write(db, std::slice::from_ref(job)).await.map(|mut one| one.remove(0)));
            }
            outcomes
        }
    }
}

async fn write(db: &Db, jobs: &[Job]) -> AppResult<Vec<Outcome>> {
    let mut tx = db.begin_write().await?;
    let outcomes = apply_all(&mut tx, jobs).await?;
    tx.commit().await.map_err(anyhow::Error::new)?;
    Ok(outcomes)
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
        shipment_id: None,
        outcome: "malformed",
        error: Some(error),
    };
    // Sent twice, it is stored once.
    store::insert_notifications(&mut tx, &[row]).await?;
    tx.commit().await.map_err(anyhow::Error::new)?;
    Ok(())
}

/// The parcels a batch names, as the batch moves them.
struct Parcels {
    shipments: Vec<Shipment>,
    /// Indexes of the shipments whose status moved, to be written once.
    moved: Vec<usize>,
}

impl Parcels {
    /// Reads every parcel the batch's notifications name: a statement per carrier.
    async fn named_in(tx: &mut Tx, jobs: &[Job]) -> anyhow::Result<Parcels> {
        let mut by_carrier: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for job in jobs {
            let names = by_carrier.entry(job.note.carrier.as_str()).or_default();
            names.push(&job.note.waybill);
            names.extend(job.note.client_code.as_deref());
        }
        let mut shipments = Vec::new();
        for (carrier, mut names) in by_carrier {
            names.sort_unstable();
            names.dedup();
            shipments.extend(store::shipments_named(tx, carrier, &names).await?);
        }
        Ok(Parcels { shipments, moved: Vec::new() })
    }

    /// The parcel a notification names: by waybill, or by our code; the first
    /// booked when several match.
    fn find(&self, note: &carriers::Notification) -> Option<usize> {
        let code = note.client_code.as_deref().unwrap_or("");
        self.shipments
            .iter()
            .enumerate()
            .filter(|(_, s)| s.carrier == note.carrier.as_str())
            .filter(|(_, s)| s.tracking_code.as_deref() == Some(note.waybill.as_str()) || s.code == code)
            .min_by_key(|(_, s)| s.id)
            .map(|(i, _)| i)
    }

    /// Writes each moved parcel's last status once.
    async fn save(&self, tx: &mut Tx) -> anyhow::Result<()> {
        for &i in &self.moved {
            let shipment = &self.shipments[i];
            store::set_status(tx, shipment.id, shipment.status, shipment.last_event_at.as_deref().unwrap_or(""))
                .await?;
        }
        Ok(())
    }
}

/// Stores and applies a batch inside the writer's transaction, in a few
/// statements whatever its size: which notifications were stored before, the
/// parcels they name, then all new steps, each moved parcel and all
/// notifications. Only a notification that moves an order costs statements of
/// its own.
async fn apply_all(tx: &mut Tx, jobs: &[Job]) -> AppResult<Vec<Outcome>> {
    let keys: Vec<&str> = jobs.iter().map(|job| job.note.dedupe_key.as_str()).collect();
    let mut seen = store::notifications_seen(tx, &keys).await?;
    let mut parcels = Parcels::named_in(tx, jobs).await?;
    let mut events = Vec::new();
    let mut rows = Vec::with_capacity(jobs.len());
    let mut outcomes = Vec::with_capacity(jobs.len());
    for job in jobs {
        let note = &job.note;
        // Stored before, or earlier in this batch.
        if !seen.insert(note.dedupe_key.clone()) {
            outcomes.push(Outcome::Duplicate);
            continue;
        }
        let (outcome, shipment_id) = match parcels.find(note) {
            Some(i) => (apply_to(tx, note, &mut parcels, i, &mut events).await?, Some(parcels.shipments[i].id)),
            None => {
                tracing::warn!(carrier = note.carrier.as_str(), waybill = %note.waybill, "notification for a waybill dacsan does not know");
                (Outcome::UnknownWaybill, None)
            }
        };
        rows.push(NewNotification {
            carrier: note.carrier.as_str(),
            dedupe_key: &note.dedupe_key,
            content_type: &job.content_type,
            body: &job.body,
            waybill: Some(&note.waybill),
            shipment_id,
            outcome: outcome.as_str(),
            error: None,
        });
        outcomes.push(outcome);
    }
    store::insert_events(tx, &events).await?;
    parcels.save(tx).await?;
    // Written last, with what became of each. Another server that took one of
    // them meanwhile (PostgreSQL) leaves fewer stored: the batch is then written
    // one by one, where it is seen as a duplicate.
    if store::insert_notifications(tx, &rows).await? < rows.len() {
        return Err(anyhow::anyhow!("a notification of the batch was stored meanwhile").into());
    }
    Ok(outcomes)
}

/// Moves the parcel (and its order) as a notification says; the parcel's step
/// joins `events`, its new status waits in `parcels` for the batch's end.
async fn apply_to(
    tx: &mut Tx,
    note: &carriers::Notification,
    parcels: &mut Parcels,
    i: usize,
    events: &mut Vec<(i64, ShipmentEvent)>,
) -> AppResult<Outcome> {
    let shipment = &mut parcels.shipments[i];
    if shipment.status == ShipmentStatus::Booking || shipment.tracking_code.is_none() {
        // The carrier's notice beat its answer to our booking.
        store::set_waybill_in(tx, shipment.id, &note.waybill).await?;
        shipment.tracking_code = Some(note.waybill.clone());
        if shipment.status == ShipmentStatus::Booking {
            shipment.status = ShipmentStatus::Booked;
        }
    }
    let at = db::time_text(note.at);
    let Some(status) = ShipmentStatus::of_stage(note.stage) else { return Ok(Outcome::UnknownStatus) };
    let newer = shipment.last_event_at.as_deref().is_none_or(|last| at.as_str() >= last);
    events.push((
        shipment.id,
        ShipmentEvent { status, raw_status: note.raw_status.clone(), at: at.clone(), note: note.reason.clone() },
    ));
    if !(newer && shipment.status.may_become(status)) {
        return Ok(Outcome::Older);
    }
    // Once a parcel is on its way, only its arrival can still move the order.
    let order_may_move = status == ShipmentStatus::Delivered || shipment.status.before_carrier();
    (shipment.status, shipment.last_event_at) = (status, Some(at));
    let order_id = shipment.order_id;
    if !parcels.moved.contains(&i) {
        parcels.moved.push(i);
    }
    if order_may_move {
        follow_with_order(tx, order_id, status, note.carrier.display_name(), &note.waybill).await?;
    }
    Ok(Outcome::Applied)
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
            let order = orders::store::find_in(tx, order_id)
                .await?
                .ok_or_else(|| AppError::not_found(super::messages::ORDER))?;
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
