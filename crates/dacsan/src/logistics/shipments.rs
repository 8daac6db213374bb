//! Booking parcels with carriers and cancelling them. A shipment row is written
//! with our code before the carrier is called, and that code is the carrier's
//! client order code: a booking whose answer was lost is looked up by it, and a
//! second try sends the same code, so one parcel never gets two waybills.

use serde::Deserialize;

use super::model::{OTHER_CARRIER, OWN_DELIVERY, Shipment, ShipmentEvent, ShipmentStatus, shipment_code};
use super::service::{Logistics, party};
use super::store::{self, NewShipment};
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::orders::{self, Order, OrderStatus};

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

/// The parcels asked for, checked; one parcel of the order's weight by default.
fn parcels_for(order: &Order, input: &ShipmentInput) -> AppResult<Vec<ParcelInput>> {
    let parcels = match &input.parcels {
        Some(parcels) if !parcels.is_empty() => parcels.clone(),
        _ => vec![ParcelInput {
            weight_g: order.parcel_weight_g.unwrap_or(super::rates::PACKAGING_G + 500),
            length_cm: None,
            width_cm: None,
            height_cm: None,
        }],
    };
    if parcels.len() > MAX_PARCELS {
        return Err(AppError::invalid("parcels", format!("tối đa {MAX_PARCELS} kiện / at most {MAX_PARCELS} parcels")));
    }
    for (i, p) in parcels.iter().enumerate() {
        if !(1..=MAX_PARCEL_G).contains(&p.weight_g) {
            return Err(AppError::invalid(
                &format!("parcels[{i}].weight_g"),
                "từ 1 đến 100.000 g / 1 to 100,000 grams",
            ));
        }
        for (field, value) in [("length_cm", p.length_cm), ("width_cm", p.width_cm), ("height_cm", p.height_cm)] {
            if value.is_some_and(|v| !(1..=300).contains(&v)) {
                return Err(AppError::invalid(&format!("parcels[{i}].{field}"), "từ 1 đến 300 cm / 1 to 300 cm"));
            }
        }
    }
    Ok(parcels)
}

/// Books an order's parcels. Parcels whose booking was left unanswered earlier
/// are tried again (with the same codes) before any new one is made.
pub async fn create(
    db: &Db,
    logistics: &Logistics,
    order: &Order,
    user_id: Option<i64>,
    input: &ShipmentInput,
) -> AppResult<Vec<Shipment>> {
    if !matches!(order.status, OrderStatus::Paid | OrderStatus::Confirmed | OrderStatus::Packed) {
        return Err(AppError::conflict(
            "status",
            "chỉ gửi hàng đơn đã thanh toán hoặc đã xác nhận / only paid or confirmed orders ship",
        ));
    }
    let carrier = carrier_for(order, input);
    let service = service_for(order, &carrier, input);
    let unanswered: Vec<Shipment> = store::shipments_of(db, order.id)
        .await?
        .into_iter()
        .filter(|s| s.status == ShipmentStatus::Booking && s.carrier == carrier)
        .collect();
    if !unanswered.is_empty() {
        let mut booked = Vec::new();
        for shipment in unanswered {
            booked.push(book(db, logistics, order, shipment).await?);
        }
        return Ok(booked);
    }
    let tracking = input.tracking_code.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let initial = match carrier.as_str() {
        OTHER_CARRIER => {
            let Some(tracking) = tracking else {
                return Err(AppError::invalid(
                    "tracking_code",
                    "cần mã vận đơn của hãng / the carrier's tracking number",
                ));
            };
            if tracking.chars().count() > 60 || input.service.as_deref().is_none_or(|s| s.trim().is_empty()) {
                return Err(AppError::invalid("service", "cần tên hãng vận chuyển / the carrier's name"));
            }
            ShipmentStatus::PickedUp
        }
        OWN_DELIVERY => ShipmentStatus::PickedUp,
        api => {
            if carriers::Carrier::parse(api).is_none() {
                return Err(AppError::invalid(
                    "carrier",
                    "ghn, ghtk, viettelpost, vnpost, other hoặc own / ghn, ghtk, viettelpost, vnpost, other or own",
                ));
            }
            if logistics.client(api).is_none() {
                return Err(AppError::invalid(
                    "carrier",
                    format!(
                        "{api} chưa được kết nối, hãy chọn hãng khác / is not connected here: choose another carrier"
                    ),
                ));
            }
            ShipmentStatus::Booking
        }
    };
    let parcels = parcels_for(order, input)?;
    let created = insert_parcels(db, order, &carrier, &service, tracking, initial, &parcels, user_id).await?;
    if initial != ShipmentStatus::Booking {
        return Ok(created);
    }
    let mut booked = Vec::new();
    for shipment in created {
        booked.push(book(db, logistics, order, shipment).await?);
    }
    Ok(booked)
}

/// Writes the parcels' rows in one transaction, numbered after the order's
/// earlier parcels. Cash to collect rides on the first parcel.
#[expect(clippy::too_many_arguments, reason = "the rows' whole description")]
async fn insert_parcels(
    db: &Db,
    order: &Order,
    carrier: &str,
    service: &str,
    tracking: Option<&str>,
    status: ShipmentStatus,
    parcels: &[ParcelInput],
    user_id: Option<i64>,
) -> AppResult<Vec<Shipment>> {
    let mut tx = db.begin_write().await?;
    let earlier = store::count_shipments_in(&mut tx, order.id).await?;
    let cod =
        if order.payment_method == orders::PaymentMethod::Cod { (order.total_vnd - order.paid_vnd).max(0) } else { 0 };
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
            created_by: user_id,
        };
        let shipment = store::insert_shipment(&mut tx, &new).await?.ok_or_else(|| {
            AppError::conflict("tracking_code", "mã vận đơn này đã có / this tracking number is already in use")
        })?;
        if status != ShipmentStatus::Booking {
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

/// Asks the carrier to take one parcel; on a lost answer, looks the booking up
/// by our code before saying it failed.
async fn book(db: &Db, logistics: &Logistics, order: &Order, shipment: Shipment) -> AppResult<Shipment> {
    let client = logistics.client(&shipment.carrier).ok_or_else(|| {
        AppError::invalid("carrier", format!("{} chưa được kết nối / is not connected here", shipment.carrier))
    })?;
    let mut request = parcel_request(db, order, &shipment).await?;
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
    match answer {
        Ok(booking) => {
            let mut tx = db.begin_write().await?;
            store::set_booked(&mut tx, shipment.id, &booking.waybill, booking.fee_vnd).await?;
            store::insert_event(&mut tx, shipment.id, &ShipmentEvent::now(ShipmentStatus::Booked)).await?;
            tx.commit().await.map_err(anyhow::Error::new)?;
            tracing::info!(shipment = %shipment.code, carrier = %shipment.carrier, waybill = %booking.waybill, "parcel {} booked", shipment.code);
        }
        Err(err) => {
            let (status, words) = booking_failure(&err);
            store::set_error(db, shipment.id, status, &words).await?;
            tracing::warn!(shipment = %shipment.code, carrier = %shipment.carrier, error = %err, "booking failed");
            return Err(if status == ShipmentStatus::Booking {
                AppError::conflict("carrier", words)
            } else {
                AppError::invalid("carrier", words)
            });
        }
    }
    store::find_shipment(db, shipment.id).await?.ok_or_else(|| AppError::not_found("shipment"))
}

/// What the seller reads when a booking fails, and where the parcel stays: an
/// unanswered call keeps it `booking` (the next try asks again with the same
/// code); a refusal cancels it.
fn booking_failure(err: &carriers::CarrierError) -> (ShipmentStatus, String) {
    use carriers::CarrierError::*;
    match err {
        Timeout | Transport(_) | Malformed(_) => (
            ShipmentStatus::Booking,
            "hãng vận chuyển chưa trả lời, hãy thử lại sau ít phút (không tạo trùng vận đơn) / the carrier did not answer: try again in a few minutes, no second waybill will be made".into(),
        ),
        Unauthorized(_) => (
            ShipmentStatus::Cancelled,
            "tài khoản hãng vận chuyển bị từ chối, báo quản trị / the carrier refused dacsan's account: tell an admin".into(),
        ),
        Unserved(why) => (
            ShipmentStatus::Cancelled,
            format!("hãng không phục vụ địa chỉ này / the carrier does not serve this address: {why}"),
        ),
        Rejected(why) | NotCancellable(why) => {
            (ShipmentStatus::Cancelled, format!("hãng từ chối đơn / the carrier refused the parcel: {why}"))
        }
    }
}

async fn parcel_request(db: &Db, order: &Order, shipment: &Shipment) -> AppResult<carriers::ParcelRequest> {
    let producer = crate::producers::store::find_by_id(db, order.producer_id)
        .await?
        .ok_or_else(|| AppError::not_found("producer"))?;
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

/// Cancels a booking before the carrier has the parcel.
pub async fn cancel(db: &Db, logistics: &Logistics, shipment: &Shipment) -> AppResult<Shipment> {
    if !shipment.status.before_pickup() {
        return Err(AppError::conflict(
            "status",
            "hãng đã nhận kiện, không hủy được / the carrier has the parcel: it can no longer be cancelled",
        ));
    }
    if let (Some(client), Some(waybill)) = (logistics.client(&shipment.carrier), shipment.tracking_code.as_deref())
        && shipment.status == ShipmentStatus::Booked
    {
        client.cancel(waybill).await.map_err(|err| match err {
            carriers::CarrierError::NotCancellable(why) => {
                AppError::conflict("status", format!("hãng không cho hủy / the carrier will not cancel: {why}"))
            }
            other => AppError::conflict(
                "carrier",
                format!("hãng chưa hủy được, hãy thử lại / the carrier did not cancel: {other}"),
            ),
        })?;
    }
    let mut tx = db.begin_write().await?;
    let event = ShipmentEvent::now(ShipmentStatus::Cancelled);
    store::set_status(&mut tx, shipment.id, ShipmentStatus::Cancelled, &event.at).await?;
    store::insert_event(&mut tx, shipment.id, &event).await?;
    tx.commit().await.map_err(anyhow::Error::new)?;
    store::find_shipment(db, shipment.id).await?.ok_or_else(|| AppError::not_found("shipment"))
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
        return Err(AppError::conflict("status", "kiện hàng chưa hoàn về / the parcel has not come back"));
    }
    let mut tx = db.begin_write().await?;
    let order =
        orders::store::find_in(&mut tx, shipment.order_id).await?.ok_or_else(|| AppError::not_found("order"))?;
    if order.status != OrderStatus::Shipped {
        return Err(AppError::conflict("status", "đơn hàng đã được xử lý / the order is settled already"));
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
