//! Booking parcels with carriers and cancelling them. A shipment row is written
//! with our code, together with the durable job that books it, before the carrier
//! is called; that code is the carrier's client order code: a booking whose answer
//! was lost is looked up by it, and every retry sends the same code, so one parcel
//! never gets two waybills. The job runs at once, on the seller's request; if the
//! carrier does not answer, the worker tries again with backoff (on this server or
//! another, after a restart too) and tells the seller in words when it gives up.

use serde::Deserialize;

use super::messages;
use super::model::{
    BookingAccount, OTHER_CARRIER, OWN_DELIVERY, Shipment, ShipmentEvent, ShipmentStatus, shipment_code,
};
use super::service::{Logistics, party};
use super::store::{self, NewShipment};
use crate::db::Db;
use crate::error::{AppError, AppResult, Message};
use crate::jobs::{Job, JobError, Jobs, NewJob};
use crate::orders::{self, Order, OrderStatus};

/// The job kinds of this file, and how often a booking or a cancellation is tried
/// (the eighth try comes about 21 minutes after the first).
pub const BOOK_JOB: &str = "shipping.book";
pub const CANCEL_JOB: &str = "shipping.cancel";
const TRIES: i64 = 8;
/// The request runs its job at once; the worker takes it only if the request
/// did not get to it (its server stopped), this long after.
const SAFETY_NET: std::time::Duration = std::time::Duration::from_secs(30);
/// How long a request waits for a run another server started.
const PATIENCE: std::time::Duration = std::time::Duration::from_secs(15);

/// What a booking or cancelling job takes.
#[derive(Debug, serde::Serialize, Deserialize)]
pub struct ParcelJob {
    pub shipment_id: i64,
}

fn book_job(shipment_id: i64) -> NewJob {
    NewJob::new(BOOK_JOB, serde_json::json!(ParcelJob { shipment_id }))
        .key(format!("{BOOK_JOB}:{shipment_id}"))
        .attempts(TRIES)
        .after(SAFETY_NET)
}

fn cancel_job(shipment_id: i64) -> NewJob {
    NewJob::new(CANCEL_JOB, serde_json::json!(ParcelJob { shipment_id }))
        .key(format!("{CANCEL_JOB}:{shipment_id}"))
        .attempts(TRIES)
        .after(SAFETY_NET)
}

/// `POST /api/v1/orders/{id}/shipments`.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct ShipmentInput {
    /// `ghn`, `ghtk`, `viettelpost`, `vnpost`, `other` or `own`; left out: the
    /// carrier chosen at checkout.
    pub carrier: Option<String>,
    /// The carrier's service (`standard`…), or for `other` the carrier's name.
    pub service: Option<String>,
    /// One entry per parcel; left out: one parcel of the order's weight.
    pub parcels: Option<Vec<ParcelInput>>,
    /// For `other`: the tracking number the carrier gave.
    pub tracking_code: Option<String>,
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct ParcelInput {
    pub weight_g: i64,
    pub length_cm: Option<i64>,
    pub width_cm: Option<i64>,
    pub height_cm: Option<i64>,
}

pub const MAX_PARCELS: usize = 20;
const MAX_PARCEL_G: i64 = 100_000;

/// The carrier to book with: the one asked for, else the one chosen at checkout
/// (`ghn:standard` → `ghn`; pick-up and own delivery → `own`).
fn carrier_for(order: &Order, input: &ShipmentInput) -> String {
    if let Some(carrier) = input.carrier.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        return carrier.to_lowercase();
    }
    match order.delivery_option.as_deref().and_then(|o| o.split_once(':')) {
        Some((carrier, _)) if carriers::Carrier::parse(carrier).is_some() => carrier.to_string(),
        _ => OWN_DELIVERY.to_string(),
    }
}

fn service_for(order: &Order, carrier: &str, input: &ShipmentInput) -> String {
    if let Some(service) = input.service.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        return service.to_string();
    }
    match order.delivery_option.as_deref().and_then(|o| o.split_once(':')) {
        Some((chosen, service)) if chosen == carrier => service.to_string(),
        _ => "standard".to_string(),
    }
}

/// One parcel holding the whole order, as checkout priced it: its goods' real
/// weight and packaging, and the size of its products' packages where they are
/// measured (carriers ask for length, width and height).
async fn whole_order_parcel(db: &Db, order: &Order) -> anyhow::Result<ParcelInput> {
    let items = crate::orders::store::items(db, order.id).await?;
    let ids: Vec<i64> = items.iter().map(|i| i.product_id).collect();
    let products: std::collections::HashMap<i64, crate::catalog::Product> =
        crate::catalog::store::list_by_ids(db, &ids).await?.into_iter().map(|p| (p.id, p)).collect();
    let lines: Vec<super::options::ParcelLine> = items
        .iter()
        .map(|item| {
            let product = products.get(&item.product_id);
            super::options::ParcelLine {
                weight_g: product.map_or(0, |p| p.weight_g),
                quantity: item.quantity,
                package: product.and_then(|p| p.package),
            }
        })
        .collect();
    let (parcel, _) = super::options::parcel_of(&lines);
    let side = |cm: i64| (cm > 0).then_some(cm.min(300));
    Ok(ParcelInput {
        weight_g: parcel.weight_g.clamp(1, MAX_PARCEL_G),
        length_cm: side(parcel.length_cm),
        width_cm: side(parcel.width_cm),
        height_cm: side(parcel.height_cm),
    })
}

/// The parcels asked for, checked; by default one parcel holding the whole order.
async fn parcels_for(db: &Db, order: &Order, input: &ShipmentInput) -> AppResult<Vec<ParcelInput>> {
    let parcels = match &input.parcels {
        Some(parcels) if !parcels.is_empty() => parcels.clone(),
        _ => vec![whole_order_parcel(db, order).await?],
    };
    if parcels.len() > MAX_PARCELS {
        return Err(AppError::invalid(
            "parcels",
            Message::from(messages::AT_MOST_PARCELS).with("max_parcels", MAX_PARCELS),
        ));
    }
    for (i, p) in parcels.iter().enumerate() {
        if !(1..=MAX_PARCEL_G).contains(&p.weight_g) {
            return Err(AppError::invalid(
                &format!("parcels[{i}].weight_g"),
                messages::PARCEL_WEIGHT_1_TO_100_000_GRAMS,
            ));
        }
        for (field, value) in [("length_cm", p.length_cm), ("width_cm", p.width_cm), ("height_cm", p.height_cm)] {
            if value.is_some_and(|v| !(1..=300).contains(&v)) {
                return Err(AppError::invalid(&format!("parcels[{i}].{field}"), messages::PARCEL_SIDE_1_TO_300_CM));
            }
        }
    }
    Ok(parcels)
}

/// Books an order's parcels. Parcels whose booking was left unanswered earlier
/// are tried again now (with the same codes) before any new one is made. A parcel
/// still `booking` in the answer is being retried in the background.
pub async fn create(
    db: &Db,
    logistics: &Logistics,
    jobs: &Jobs,
    order: &Order,
    user_id: Option<i64>,
    input: &ShipmentInput,
) -> AppResult<Vec<Shipment>> {
    if !matches!(order.status, OrderStatus::Paid | OrderStatus::Confirmed | OrderStatus::Packed) {
        return Err(AppError::conflict("status", messages::ONLY_PAID_OR_CONFIRMED_ORDERS_SHIP));
    }
    let carrier = carrier_for(order, input);
    let service = service_for(order, &carrier, input);
    let unanswered: Vec<Shipment> = store::shipments_of(db, order.id)
        .await?
        .into_iter()
        .filter(|s| s.status == ShipmentStatus::Booking && s.carrier == carrier)
        .collect();
    if !unanswered.is_empty() {
        return book_now(db, jobs, unanswered).await;
    }
    let tracking = input.tracking_code.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let mut account = BookingAccount::Platform;
    let initial = match carrier.as_str() {
        OTHER_CARRIER => {
            let Some(tracking) = tracking else {
                return Err(AppError::invalid("tracking_code", messages::TRACKING_NUMBER_REQUIRED));
            };
            if tracking.chars().count() > 60 || input.service.as_deref().is_none_or(|s| s.trim().is_empty()) {
                return Err(AppError::invalid("service", messages::CARRIER_NAME_REQUIRED));
            }
            ShipmentStatus::PickedUp
        }
        OWN_DELIVERY => ShipmentStatus::PickedUp,
        api => {
            let Some(known) = carriers::Carrier::parse(api) else {
                return Err(AppError::invalid("carrier", messages::SHIPMENT_CARRIER_ONE_OF));
            };
            let Some(chosen) = logistics.booking_account(db, order.producer_id, known).await? else {
                return Err(AppError::invalid(
                    "carrier",
                    Message::from(messages::CARRIER_NOT_CONNECTED_CHOOSE_ANOTHER).with("api", api),
                ));
            };
            account = chosen;
            ShipmentStatus::Booking
        }
    };
    let parcels = parcels_for(db, order, input).await?;
    let what = Parcels { carrier: &carrier, service: &service, tracking, status: initial, account };
    let created = insert_parcels(db, order, &what, &parcels, user_id).await?;
    if initial != ShipmentStatus::Booking {
        return Ok(created);
    }
    book_now(db, jobs, created).await
}

/// Runs the parcels' booking jobs on this request, so the seller sees the
/// waybills at once. A refusal is the seller's to read (422); a carrier that did
/// not answer leaves the parcel `booking` with the reason, retried by the worker.
async fn book_now(db: &Db, jobs: &Jobs, parcels: Vec<Shipment>) -> AppResult<Vec<Shipment>> {
    let mut booked = Vec::new();
    for shipment in parcels {
        if let Some(job) = crate::jobs::store::active_id(db, &format!("{BOOK_JOB}:{}", shipment.id)).await?
            && let Some(Err(JobError::Fail(why))) = jobs.run_now(job, PATIENCE).await?
        {
            return Err(AppError::invalid("carrier", Message::from_stored(&why)));
        }
        booked
            .push(store::find_shipment(db, shipment.id).await?.ok_or_else(|| AppError::not_found(messages::SHIPMENT))?);
    }
    Ok(booked)
}

/// What every parcel of one request shares.
struct Parcels<'a> {
    carrier: &'a str,
    service: &'a str,
    tracking: Option<&'a str>,
    status: ShipmentStatus,
    account: BookingAccount,
}

/// Writes the parcels' rows in one transaction, numbered after the order's
/// earlier parcels. Cash to collect rides on the first parcel, less what earlier
/// parcels not cancelled already collect.
async fn insert_parcels(
    db: &Db,
    order: &Order,
    what: &Parcels<'_>,
    parcels: &[ParcelInput],
    user_id: Option<i64>,
) -> AppResult<Vec<Shipment>> {
    let Parcels { carrier, service, tracking, status, account } = *what;
    let mut tx = db.begin_write().await?;
    let earlier = store::count_shipments_in(&mut tx, order.id).await?;
    // A later batch carries only what the order's live parcels do not already collect.
    let cod = if order.payment_method == orders::PaymentMethod::Cod {
        (order.total_vnd - order.paid_vnd - store::cod_on_live_parcels(&mut tx, order.id).await?).max(0)
    } else {
        0
    };
    let mut created = Vec::new();
    for (i, parcel) in parcels.iter().enumerate() {
        let code = shipment_code(&order.code, earlier + i as i64 + 1);
        let dims = match (parcel.length_cm, parcel.width_cm, parcel.height_cm) {
            (Some(l), Some(w), Some(h)) => Some((l, w, h)),
            _ => None,
        };
        let new = NewShipment {
            order_id: order.id,
            code: &code,
            carrier,
            service,
            tracking_code: if carrier == OWN_DELIVERY { Some(&code) } else { tracking },
            status,
            weight_g: parcel.weight_g,
            dims,
            cod_vnd: if i == 0 { cod } else { 0 },
            account,
            created_by: user_id,
        };
        let shipment = store::insert_shipment(&mut tx, &new)
            .await?
            .ok_or_else(|| AppError::conflict("tracking_code", messages::TRACKING_NUMBER_TAKEN))?;
        if status == ShipmentStatus::Booking {
            crate::jobs::store::enqueue(&mut *tx, &book_job(shipment.id)).await?;
        } else {
            store::insert_event(&mut tx, shipment.id, &ShipmentEvent::now(status)).await?;
        }
        created.push(shipment);
    }
    if status != ShipmentStatus::Booking {
        hand_over(&mut tx, order, carrier, service, &created[0], user_id).await?;
    }
    tx.commit().await.map_err(anyhow::Error::new)?;
    Ok(created)
}

/// A parcel given to another carrier or taken by the producer has left: the order
/// is shipped, under the carrier's name and tracking number.
async fn hand_over(
    tx: &mut store::Tx,
    order: &Order,
    carrier: &str,
    service: &str,
    first: &Shipment,
    user_id: Option<i64>,
) -> AppResult<()> {
    let name = if carrier == OWN_DELIVERY { "Tự giao / own delivery" } else { service };
    let t = orders::service::Transition {
        to: OrderStatus::Shipped,
        actor: orders::model::Actor::System,
        actor_user_id: user_id,
        reason: "",
        carrier: Some(name),
        tracking_no: first.tracking_code.as_deref(),
    };
    orders::service::apply_transition(tx, order, &t).await
}

/// The booking job: asks the carrier to take one parcel; on a lost answer, looks
/// the booking up by our code before trying again later. A parcel no longer
/// `booking` (booked by an earlier try, or cancelled) is left as it is.
pub async fn run_booking(db: &Db, logistics: &Logistics, job: Job) -> Result<(), JobError> {
    let ParcelJob { shipment_id } = job.input()?;
    let shipment = store::find_shipment(db, shipment_id).await?.ok_or_else(|| gone(shipment_id))?;
    if shipment.status != ShipmentStatus::Booking {
        return Ok(());
    }
    let order = orders::store::find_by_id(db, shipment.order_id).await?.ok_or_else(|| gone(shipment_id))?;
    let client = match logistics.shipment_client(db, &shipment).await? {
        Ok(client) => client,
        Err(words) => {
            give_up(db, &order, &shipment, &words).await?;
            return Err(JobError::Fail(words.to_stored()));
        }
    };
    let mut request = parcel_request(db, &order, &shipment).await?;
    request.service = logistics
        .cards()
        .iter()
        .find(|c| c.carrier == shipment.carrier && c.service == shipment.service)
        .map(|c| c.carrier_service_code.clone())
        .filter(|code| !code.is_empty());
    let answer = match client.create(&request).await {
        Ok(booking) => Ok(booking),
        Err(
            err @ (carriers::CarrierError::Timeout
            | carriers::CarrierError::Transport(_)
            | carriers::CarrierError::Malformed(_)),
        ) => match client.find_by_client_code(&shipment.code).await {
            Ok(Some(booking)) => Ok(booking),
            _ => Err(err),
        },
        Err(err) => Err(err),
    };
    let err = match answer {
        Ok(booking) => {
            let mut tx = db.begin_write().await?;
            store::set_booked(&mut tx, shipment.id, &booking.waybill, booking.fee_vnd).await?;
            store::insert_event(&mut tx, shipment.id, &ShipmentEvent::now(ShipmentStatus::Booked)).await?;
            tx.commit().await.map_err(anyhow::Error::new)?;
            tracing::info!(shipment = %shipment.code, carrier = %shipment.carrier, account = shipment.account.as_str(), waybill = %booking.waybill, "parcel {} booked", shipment.code);
            return Ok(());
        }
        Err(err) => err,
    };
    tracing::warn!(shipment = %shipment.code, carrier = %shipment.carrier, error = %err, attempt = job.attempts, "booking failed");
    let (status, words) = booking_failure(&err, shipment.account);
    if status != ShipmentStatus::Booking {
        give_up(db, &order, &shipment, &words).await?;
        return Err(JobError::Fail(words.to_stored()));
    }
    if job.attempts >= job.max_attempts {
        let words = Message::from(messages::BOOKING_UNANSWERED).with("tries", job.attempts);
        give_up(db, &order, &shipment, &words).await?;
        return Err(JobError::Fail(words.to_stored()));
    }
    store::set_error(&db.pool, shipment.id, ShipmentStatus::Booking, &words).await?;
    Err(JobError::Retry(err.to_string()))
}

/// A parcel's job whose parcel (or order) is no more: nothing to try again.
fn gone(shipment_id: i64) -> JobError {
    JobError::Fail(Message::from(messages::JOB_SHIPMENT_GONE).with("id", shipment_id).to_stored())
}

/// A booking that will not happen: the parcel is cancelled with the reason, and
/// the seller is told.
async fn give_up(db: &Db, order: &Order, shipment: &Shipment, words: &Message) -> anyhow::Result<()> {
    let mut tx = db.begin_write().await?;
    store::set_error(&mut *tx, shipment.id, ShipmentStatus::Cancelled, words).await?;
    orders::notify::parcel_not_booked(&mut tx, order, &shipment.code, words.vietnamese()).await?;
    tx.commit().await?;
    Ok(())
}

/// What the seller reads when a booking fails, and where the parcel stays: an
/// unanswered call keeps it `booking` (the next try asks again with the same
/// code); a refusal cancels it.
fn booking_failure(err: &carriers::CarrierError, account: BookingAccount) -> (ShipmentStatus, Message) {
    use carriers::CarrierError::*;
    match err {
        Unauthorized(_) if account == BookingAccount::Producer => {
            (ShipmentStatus::Cancelled, messages::BOOKING_OWN_ACCOUNT_REFUSED.into())
        }
        Timeout | Transport(_) | Malformed(_) => (ShipmentStatus::Booking, messages::BOOKING_RETRIED.into()),
        Unauthorized(_) => (ShipmentStatus::Cancelled, messages::BOOKING_ACCOUNT_REFUSED.into()),
        Unserved(why) => (ShipmentStatus::Cancelled, Message::from(messages::BOOKING_UNSERVED).with("detail", why)),
        Rejected(why) | NotCancellable(why) => {
            (ShipmentStatus::Cancelled, Message::from(messages::BOOKING_REJECTED).with("detail", why))
        }
    }
}

async fn parcel_request(db: &Db, order: &Order, shipment: &Shipment) -> AppResult<carriers::ParcelRequest> {
    let producer = crate::producers::store::find_by_id(db, order.producer_id)
        .await?
        .ok_or_else(|| AppError::not_found(messages::PRODUCER))?;
    let items = orders::store::items(db, order.id).await?;
    let content: Vec<String> = items.iter().map(|i| format!("{} ×{}", i.name, i.quantity)).collect();
    Ok(carriers::ParcelRequest {
        client_code: shipment.code.clone(),
        from: party(&producer.name, &producer.phone, &producer.street, &producer.province_code, &producer.commune_code),
        to: party(
            &order.buyer_name,
            &order.buyer_phone,
            &order.ship_street,
            &order.ship_province_code,
            &order.ship_commune_code,
        ),
        weight_g: shipment.weight_g,
        length_cm: shipment.length_cm.unwrap_or(20),
        width_cm: shipment.width_cm.unwrap_or(15),
        height_cm: shipment.height_cm.unwrap_or(10),
        cod_vnd: shipment.cod_vnd,
        value_vnd: order.subtotal_vnd,
        content: content.join(", ").chars().take(200).collect(),
        service: None,
    })
}

/// Cancels a booking before the carrier has the parcel. A booked parcel is
/// cancelled with the carrier first, through a job run at once: if the carrier
/// does not answer, the worker keeps asking and the parcel stays booked meanwhile.
pub async fn cancel(db: &Db, jobs: &Jobs, shipment: &Shipment) -> AppResult<Shipment> {
    if shipment.status == ShipmentStatus::AtCollectionPoint {
        return Err(AppError::conflict("status", messages::PARCEL_AT_COLLECTION_POINT));
    }
    if !shipment.status.before_pickup() {
        return Err(AppError::conflict("status", messages::CARRIER_HAS_THE_PARCEL));
    }
    if shipment.status == ShipmentStatus::Booked && shipment.tracking_code.is_some() {
        let key = format!("{CANCEL_JOB}:{}", shipment.id);
        let queued = jobs.enqueue(&cancel_job(shipment.id)).await?;
        let job = match queued {
            Some(id) => Some(id),
            None => crate::jobs::store::active_id(db, &key).await?,
        };
        if let Some(job) = job {
            match jobs.run_now(job, PATIENCE).await? {
                Some(Err(JobError::Fail(why))) => {
                    return Err(AppError::conflict("status", Message::from_stored(&why)));
                }
                Some(Err(JobError::Retry(_))) | None => {
                    return Err(AppError::conflict("carrier", messages::CANCEL_UNANSWERED));
                }
                Some(Ok(())) => {}
            }
        }
    } else {
        mark_cancelled(db, shipment.id).await?;
    }
    store::find_shipment(db, shipment.id).await?.ok_or_else(|| AppError::not_found(messages::SHIPMENT))
}

/// The cancelling job: the carrier is asked to cancel the waybill; once it has,
/// the parcel is cancelled here too.
pub async fn run_cancel(db: &Db, logistics: &Logistics, job: Job) -> Result<(), JobError> {
    let ParcelJob { shipment_id } = job.input()?;
    let shipment = store::find_shipment(db, shipment_id).await?.ok_or_else(|| gone(shipment_id))?;
    if shipment.status == ShipmentStatus::Cancelled {
        return Ok(());
    }
    if !shipment.status.before_pickup() {
        return Err(JobError::Fail(Message::from(messages::CARRIER_HAS_THE_PARCEL).to_stored()));
    }
    let client = match logistics.shipment_client(db, &shipment).await? {
        Ok(client) => Some(client),
        // The producer's own account is gone: the booking lives there, so it is not
        // cancelled here behind the carrier's back.
        Err(words) if shipment.account == BookingAccount::Producer => return Err(JobError::Fail(words.to_stored())),
        Err(_) => None,
    };
    if let (Some(client), Some(waybill)) = (client, shipment.tracking_code.as_deref()) {
        client.cancel(waybill).await.map_err(|err| match err {
            carriers::CarrierError::NotCancellable(why) => {
                JobError::Fail(Message::from(messages::CANCEL_REFUSED).with("detail", why).to_stored())
            }
            carriers::CarrierError::Timeout
            | carriers::CarrierError::Transport(_)
            | carriers::CarrierError::Malformed(_) => JobError::Retry(err.to_string()),
            other => JobError::Fail(Message::from(messages::CANCEL_FAILED).with("detail", other).to_stored()),
        })?;
    }
    mark_cancelled(db, shipment.id).await?;
    Ok(())
}

async fn mark_cancelled(db: &Db, shipment_id: i64) -> anyhow::Result<()> {
    let mut tx = db.begin_write().await?;
    let event = ShipmentEvent::now(ShipmentStatus::Cancelled);
    store::set_status(&mut tx, shipment_id, ShipmentStatus::Cancelled, &event.at).await?;
    store::insert_event(&mut tx, shipment_id, &event).await?;
    tx.commit().await?;
    Ok(())
}

/// What the seller decides for a parcel the carrier brought back.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct ReturnInput {
    /// `true`: the goods go back into stock; `false`: they are lost (perishables).
    pub restock: bool,
}

/// Settles a returned parcel's order: an order nothing was paid for (cash on
/// delivery) is cancelled; a paid one is refunded through the refund flow (the
/// seller pays the money back). The goods go back into stock or are written off.
pub async fn settle_return(db: &Db, shipment: &Shipment, user_id: Option<i64>, input: &ReturnInput) -> AppResult<()> {
    if shipment.status != ShipmentStatus::Returned {
        return Err(AppError::conflict("status", messages::THE_PARCEL_HAS_NOT_COME_BACK));
    }
    let mut tx = db.begin_write().await?;
    let order = orders::store::find_in(&mut tx, shipment.order_id)
        .await?
        .ok_or_else(|| AppError::not_found(messages::ORDER))?;
    if order.status != OrderStatus::Shipped {
        return Err(AppError::conflict("status", messages::THE_ORDER_IS_SETTLED_ALREADY));
    }
    if !input.restock {
        orders::store::forget_stock(&mut tx, order.id).await?;
    }
    let reason = if input.restock {
        "Hàng hoàn về, đã nhập lại kho / returned by the carrier, back in stock"
    } else {
        "Hàng hoàn về, hư hỏng / returned by the carrier, written off"
    };
    let (to, actor) = if order.paid_vnd == 0 {
        (OrderStatus::Cancelled, orders::model::Actor::System)
    } else {
        (OrderStatus::Refunded, orders::model::Actor::Seller)
    };
    let t = orders::service::Transition { to, actor, actor_user_id: user_id, reason, carrier: None, tracking_no: None };
    orders::service::apply_transition(&mut tx, &order, &t).await?;
    if to == OrderStatus::Refunded && input.restock {
        orders::store::release_stock(&mut tx, order.id).await?;
    }
    tx.commit().await.map_err(anyhow::Error::new)?;
    Ok(())
}
