//! What orders ask of delivery: the options for one producer's order, priced, and
//! the parcels an order travels in. Orders do not know how delivery works (rate
//! cards, carriers, producers' own terms live in `logistics`); they ask the
//! [`Delivery`] the app hands them, so that logistics builds on orders without a
//! loop back.

use std::future::Future;
use std::pin::Pin;

use serde::Serialize;

use crate::db::Db;

/// How an option delivers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OptionKind {
    /// A carrier's service, booked by dacsan.
    Carrier,
    /// The buyer collects the parcel (at the producer, a fair or a collection point).
    Pickup,
    /// The producer delivers itself.
    Producer,
}

/// One way to deliver an order, as checkout offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct DeliveryOption {
    /// `ghn:standard`, `pickup:producer`, `producer:own`: what checkout sends back.
    pub id: String,
    pub kind: OptionKind,
    pub carrier: Option<String>,
    pub service: String,
    /// What the buyer reads: `GHN Chuẩn`.
    pub name: String,
    pub fee_vnd: i64,
    /// The carrier's fee for collecting cash on delivery, paid on top when the
    /// buyer pays cash.
    pub cod_fee_vnd: i64,
    pub eta_days_min: i64,
    pub eta_days_max: i64,
    /// Priced from a sample rate card, not the carrier's contract prices.
    pub sample_rates: bool,
    /// The collection point the parcel goes through (its name), when the producer
    /// drops parcels at one: the days include the wait for the point's next run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

impl DeliveryOption {
    /// What the buyer pays for delivery with this option.
    pub fn charge_vnd(&self, cash_on_delivery: bool) -> i64 {
        self.fee_vnd.saturating_add(if cash_on_delivery { self.cod_fee_vnd } else { 0 })
    }
}

/// One line of an order as delivery weighs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParcelLine {
    /// Of one unit; 0 is unknown.
    pub weight_g: i64,
    pub quantity: i64,
    /// Of one unit packed, when the producer measured it.
    pub package: Option<crate::catalog::model::PackageSize>,
}

/// One producer's order, as delivery needs to see it.
#[derive(Debug, Clone)]
pub struct DeliveryRequest {
    pub producer_id: i64,
    /// `(province code, commune code)` of the producer…
    pub from: (String, String),
    /// …and of the buyer.
    pub to: (String, String),
    pub lines: Vec<ParcelLine>,
    pub subtotal_vnd: i64,
    pub cash_on_delivery: bool,
}

/// The options for one order, cheapest first.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DeliveryQuote {
    /// The parcel's weight as carriers charge it: goods and packaging, or its
    /// volumetric weight when that is larger.
    pub weight_g: i64,
    /// Some product has no weight: a typical weight was assumed.
    pub weight_estimated: bool,
    pub options: Vec<DeliveryOption>,
}

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// One parcel of an order, as the buyer and the API read it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ParcelView {
    pub id: i64,
    /// Our code (`DS7K2M9QXA-1`), the anchor of the parcel on the order's page.
    pub code: String,
    /// `ghn`, `ghtk`, `viettelpost`, `vnpost`, `other` or `own`.
    pub carrier: String,
    pub carrier_name: String,
    pub tracking_code: Option<String>,
    /// The carrier's own tracking page.
    pub tracking_url: Option<String>,
    /// `booked`, `picked_up`, `in_transit`, `out_for_delivery`, `delivered`,
    /// `delivery_failed`, `returning`, `returned`, `cancelled`, `lost` (or
    /// `booking` while the carrier has not answered).
    pub status: String,
    /// The i18n key of the status's name.
    #[serde(skip)]
    pub status_key: &'static str,
    pub label_url: Option<String>,
    /// dacsan's own A6 labels of the parcels that travel with this one, where they
    /// are what the seller prints (own delivery, another carrier, a collection
    /// point): the seller's link, not the buyer's.
    #[serde(skip)]
    pub own_labels_url: Option<String>,
    pub events: Vec<ParcelEvent>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ParcelEvent {
    pub status: String,
    #[serde(skip)]
    pub status_key: &'static str,
    /// UTC, RFC 3339.
    pub at: String,
    pub note: String,
}

/// Delivery as orders use it.
pub trait Delivery: Send + Sync + 'static {
    /// Prices delivery for checkout.
    fn quote<'a>(&'a self, db: &'a Db, request: &'a DeliveryRequest) -> BoxFuture<'a, anyhow::Result<DeliveryQuote>>;
    /// The parcels of an order with their journeys, oldest parcel first.
    fn parcels<'a>(&'a self, db: &'a Db, order_id: i64) -> BoxFuture<'a, anyhow::Result<Vec<ParcelView>>>;
    /// The carriers dacsan can book a producer's parcels with (`ghn`…): the
    /// platform's and the producer's own accounts.
    fn bookable<'a>(&'a self, db: &'a Db, producer_id: i64) -> BoxFuture<'a, anyhow::Result<Vec<&'static str>>>;
    /// Of these orders, those whose parcels carry dacsan's own labels: order id →
    /// where the seller prints them.
    fn own_labels<'a>(
        &'a self,
        db: &'a Db,
        order_ids: &'a [i64],
    ) -> BoxFuture<'a, anyhow::Result<std::collections::HashMap<i64, String>>>;
}
