//! Shipments (parcels) and their statuses: one journey model for every carrier,
//! with the rule that an older notification never moves a parcel back.

use serde::Serialize;

/// Where a parcel is. `booking` is dacsan's own: the carrier was asked and has not
/// answered yet; the rest are the carriers' stages (see `carriers::Stage`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    utoipa::ToSchema,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ShipmentStatus {
    Booking,
    Booked,
    /// Dropped at a collection point by the producer, waiting for the point's run.
    AtCollectionPoint,
    PickedUp,
    InTransit,
    OutForDelivery,
    Delivered,
    DeliveryFailed,
    Returning,
    Returned,
    Cancelled,
    Lost,
}

impl ShipmentStatus {
    pub const ALL: &[ShipmentStatus] = <ShipmentStatus as strum::VariantArray>::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(value: &str) -> Option<ShipmentStatus> {
        value.parse().ok()
    }

    /// The status of a carrier's stage; `None` for a stage nobody can place
    /// (the notification is kept, the parcel does not move).
    pub fn of_stage(stage: carriers::Stage) -> Option<ShipmentStatus> {
        use carriers::Stage;
        Some(match stage {
            Stage::Created => ShipmentStatus::Booked,
            Stage::PickedUp => ShipmentStatus::PickedUp,
            Stage::InTransit => ShipmentStatus::InTransit,
            Stage::OutForDelivery => ShipmentStatus::OutForDelivery,
            Stage::Delivered => ShipmentStatus::Delivered,
            Stage::DeliveryFailed => ShipmentStatus::DeliveryFailed,
            Stage::Returning => ShipmentStatus::Returning,
            Stage::Returned => ShipmentStatus::Returned,
            Stage::Cancelled => ShipmentStatus::Cancelled,
            Stage::LostDamaged => ShipmentStatus::Lost,
            Stage::Unknown => return None,
        })
    }

    /// How far along the journey: a notification that would lower it is old news.
    /// A failed attempt may be followed by another delivery round, so going out
    /// for delivery again after it is allowed.
    fn rank(self) -> u8 {
        match self {
            ShipmentStatus::Booking => 0,
            ShipmentStatus::Booked => 1,
            ShipmentStatus::AtCollectionPoint => 2,
            ShipmentStatus::PickedUp => 3,
            ShipmentStatus::InTransit => 4,
            ShipmentStatus::OutForDelivery | ShipmentStatus::DeliveryFailed => 5,
            ShipmentStatus::Returning => 6,
            ShipmentStatus::Delivered | ShipmentStatus::Returned | ShipmentStatus::Cancelled | ShipmentStatus::Lost => {
                FINAL_RANK
            }
        }
    }

    pub fn is_final(self) -> bool {
        self.rank() == FINAL_RANK
    }

    /// May a notification of `next`, newer than what we hold, move a parcel that
    /// is `self`? Never out of a final status, never backwards.
    pub fn may_become(self, next: ShipmentStatus) -> bool {
        !self.is_final() && next != self && next.rank() >= self.rank()
    }

    /// Before the carrier has the parcel: a booking may still be cancelled.
    /// A parcel at a collection point is not cancelled from here: the producer
    /// fetches it back from the keeper first.
    pub fn before_pickup(self) -> bool {
        matches!(self, ShipmentStatus::Booking | ShipmentStatus::Booked)
    }

    /// The carrier does not have the parcel yet (it may wait at a collection
    /// point): its pick-up still moves the order to shipped.
    pub fn before_carrier(self) -> bool {
        self.rank() < ShipmentStatus::PickedUp.rank()
    }

    /// The i18n key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            ShipmentStatus::Booking => "ship_booking",
            ShipmentStatus::Booked => "ship_booked",
            ShipmentStatus::AtCollectionPoint => "ship_at_collection_point",
            ShipmentStatus::PickedUp => "ship_picked_up",
            ShipmentStatus::InTransit => "ship_in_transit",
            ShipmentStatus::OutForDelivery => "ship_out_for_delivery",
            ShipmentStatus::Delivered => "ship_delivered",
            ShipmentStatus::DeliveryFailed => "ship_delivery_failed",
            ShipmentStatus::Returning => "ship_returning",
            ShipmentStatus::Returned => "ship_returned",
            ShipmentStatus::Cancelled => "ship_cancelled",
            ShipmentStatus::Lost => "ship_lost",
        }
    }
}

const FINAL_RANK: u8 = 7;

/// Carriers other than the four with an API: a name and the tracking number the
/// seller types.
pub const OTHER_CARRIER: &str = "other";
/// The producer's own delivery or the buyer's pick-up: no carrier, dacsan's label.
pub const OWN_DELIVERY: &str = "own";

/// Whose carrier account booked a parcel: the platform's (from the settings) or
/// the producer's own. The waybill lives in that account, so cancelling, labels
/// and tracking use the same one.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    utoipa::ToSchema,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum BookingAccount {
    Platform,
    Producer,
}

impl BookingAccount {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<BookingAccount> {
        s.parse().ok()
    }
}

#[derive(Debug, Clone)]
pub struct Shipment {
    pub id: i64,
    pub order_id: i64,
    /// Our reference (`DS7K2M9QXA-1`), the carrier's client order code.
    pub code: String,
    /// `ghn`, `ghtk`, `viettelpost`, `vnpost`, `other` or `own`.
    pub carrier: String,
    pub service: String,
    pub tracking_code: Option<String>,
    pub status: ShipmentStatus,
    pub weight_g: i64,
    pub length_cm: Option<i64>,
    pub width_cm: Option<i64>,
    pub height_cm: Option<i64>,
    pub cod_vnd: i64,
    pub fee_vnd: Option<i64>,
    pub label_url: Option<String>,
    pub last_event_at: Option<String>,
    /// Why the last carrier call failed, in words.
    pub error: Option<String>,
    /// Whose account booked it (carriers with an API).
    pub account: BookingAccount,
    /// The parcel's SSCC, given when dacsan first prints its own label for it.
    pub sscc: Option<gs1::Sscc>,
    pub created_at: String,
    pub updated_at: String,
}

impl Shipment {
    /// The carrier's own tracking page, when it has one.
    pub fn tracking_url(&self) -> Option<String> {
        let carrier = carriers::Carrier::parse(&self.carrier)?;
        Some(carrier.tracking_url(self.tracking_code.as_deref()?))
    }

    /// Where its label prints: the carrier's own, or the packing slip.
    pub fn label_path(&self) -> String {
        format!("/api/v1/shipments/{}/label", self.id)
    }

    pub fn carrier_name(&self) -> String {
        match carriers::Carrier::parse(&self.carrier) {
            Some(c) => c.display_name().to_string(),
            None if self.carrier == OWN_DELIVERY => "Tự giao / own delivery".to_string(),
            None => self.service.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShipmentEvent {
    pub status: ShipmentStatus,
    /// The carrier's own status code, as sent.
    pub raw_status: String,
    /// When it happened, by the carrier's clock (UTC, RFC 3339).
    pub at: String,
    pub note: String,
}

impl ShipmentEvent {
    /// A step dacsan itself takes now (booked, cancelled).
    pub fn now(status: ShipmentStatus) -> ShipmentEvent {
        ShipmentEvent { status, raw_status: String::new(), at: crate::db::now(), note: String::new() }
    }
}

/// A stored notification that needs an admin (unknown waybill, malformed body).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StoredNotification {
    pub id: i64,
    pub carrier: String,
    pub waybill: Option<String>,
    pub outcome: String,
    pub error: Option<String>,
    pub received_at: String,
}

/// A shipment's code: the order's code and the parcel's number.
pub fn shipment_code(order_code: &str, number: i64) -> String {
    format!("{order_code}-{number}")
}

/// One line of a carrier's cash-on-delivery statement, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodLine {
    pub row: usize,
    pub waybill: String,
    pub collected_vnd: i64,
    pub fee_vnd: i64,
    pub transferred_vnd: i64,
    /// `YYYY-MM-DD`.
    pub transfer_date: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::ShipmentStatus::*;
    use super::*;

    #[test]
    fn parcels_never_move_back_or_out_of_a_final_status() {
        assert!(Booked.may_become(PickedUp));
        assert!(PickedUp.may_become(OutForDelivery), "a skipped step is fine");
        assert!(!InTransit.may_become(PickedUp), "an older notification");
        assert!(OutForDelivery.may_become(DeliveryFailed));
        assert!(DeliveryFailed.may_become(OutForDelivery), "a second attempt");
        assert!(DeliveryFailed.may_become(Returning));
        assert!(!Delivered.may_become(Returning));
        assert!(!Cancelled.may_become(PickedUp));
        assert!(!Booked.may_become(Booked), "the same status twice is no move");
        assert!(Booked.may_become(AtCollectionPoint));
        assert!(AtCollectionPoint.may_become(PickedUp), "the run's carrier picks it up");
        assert!(!PickedUp.may_become(AtCollectionPoint), "a late scan never moves a parcel back");
        assert!(!Delivered.may_become(AtCollectionPoint));
        assert!(AtCollectionPoint.before_carrier() && !AtCollectionPoint.before_pickup());
    }

    #[test]
    fn statuses_read_back_what_they_write() {
        for &s in ShipmentStatus::ALL {
            assert_eq!(ShipmentStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(ShipmentStatus::parse("teleported"), None);
    }

    #[test]
    fn every_carrier_stage_but_unknown_has_a_status() {
        assert_eq!(ShipmentStatus::of_stage(carriers::Stage::LostDamaged), Some(Lost));
        assert_eq!(ShipmentStatus::of_stage(carriers::Stage::Created), Some(Booked));
        assert_eq!(ShipmentStatus::of_stage(carriers::Stage::Unknown), None);
    }
}
