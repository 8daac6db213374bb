//! HTTP clients of four Vietnamese parcel carriers' public APIs — GHN (Giao Hàng Nhanh), GHTK
//! (Giao Hàng Tiết Kiệm), Viettel Post and VNPost: quote, book, recover a lost booking, cancel,
//! print a label, track, and parse the carriers' status notifications into one normalized
//! [`Stage`].
//!
//! The crate knows nothing of the app: no database, no dacsan types, no retries of its own. One
//! [`Client`] per carrier account, built from a [`Config`]; the carrier is chosen by an enum, so
//! every call is a `match` on the carrier (no trait objects, no async-trait).
//!
//! # Where the facts come from
//!
//! Every path, header, field name and status code follows the carriers' public documentation
//! as summarised in dacsan's standards file `carriers.md` (sections 1–6); doc comments cite its
//! sections. Where that file marks a fact **unconfirmed**, the code makes one choice, says so
//! in the doc comment at that spot, and is written so that a wrong guess fails loudly
//! ([`CarrierError::Malformed`] or [`CarrierError::Rejected`] with the carrier's own message)
//! rather than silently:
//!
//! - Addresses use the 2-level (post-July-2025) names everywhere: ward and province, no
//!   district. Whether Viettel Post's and VNPost's ID-based calls know the merged units is
//!   unconfirmed, so Viettel Post uses its text-address (`…Nlp`) calls and VNPost is sent
//!   names with null codes.
//! - GHN quotes with `v2/shipping-order/preview` (the create body, creates nothing) as hkt
//!   does, because the 2-level form of `v2/shipping-order/fee` is in conflict.
//! - Viettel Post's `order/order-filter` (used to recover a booking that `CHECK_UNIQUE`
//!   rejected) and `order/getOrderDetailV3` (tracking) are known from hkt only: best effort.
//! - VNPost has no official documentation at all: its booking lookup returns `Ok(None)`, its
//!   cancel reads `orderCancel`'s answer as best it can, it has no label API, and it has no
//!   documented webhook — [`parse_notification`] accepts the shape of its status-history rows.
//! - The amount to collect is the whole amount the receiver pays: the shop pays shipping
//!   (GHN `payment_type_id` 1, GHTK `is_freeship` 1, Viettel Post `ORDER_PAYMENT` 3).
//!
//! Webhooks carry no signature (section 1–3, "Auth"): checking the secret in the callback
//! URL, or Viettel Post's `TOKEN` (read with [`viettelpost_token`]), is the app's job.
//!
//! Money is whole đồng in `i64`, weights grams, sizes centimetres; times are
//! [`time::OffsetDateTime`] in the carrier's offset (Vietnam time, +07:00, where a carrier
//! sends local times without one).

mod ghn;
mod ghtk;
mod http;
mod notify;
mod stage;
mod viettelpost;
mod vnpost;

use std::fmt;
use std::time::Duration;

pub use notify::{Notification, ParseError, parse_notification, viettelpost_token};
pub use stage::{Stage, stage_of};

/// Which carrier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Carrier {
    Ghn,
    Ghtk,
    Viettelpost,
    Vnpost,
}

impl Carrier {
    /// Every carrier this crate speaks to.
    pub const ALL: [Carrier; 4] = [Carrier::Ghn, Carrier::Ghtk, Carrier::Viettelpost, Carrier::Vnpost];

    /// The lowercase code, as serde writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Carrier::Ghn => "ghn",
            Carrier::Ghtk => "ghtk",
            Carrier::Viettelpost => "viettelpost",
            Carrier::Vnpost => "vnpost",
        }
    }

    /// The carrier named by [`Carrier::as_str`]; `None` for any other text.
    pub fn parse(s: &str) -> Option<Carrier> {
        Carrier::ALL.into_iter().find(|carrier| carrier.as_str() == s)
    }

    /// The name people know the carrier by.
    pub fn display_name(self) -> &'static str {
        match self {
            Carrier::Ghn => "GHN",
            Carrier::Ghtk => "GHTK",
            Carrier::Viettelpost => "Viettel Post",
            Carrier::Vnpost => "VNPost",
        }
    }

    /// The carrier's public tracking page for a waybill (the waybill is url-encoded).
    pub fn tracking_url(self, waybill: &str) -> String {
        match self {
            Carrier::Ghn => format!("https://donhang.ghn.vn/?{}", query(&[("order_code", waybill)])),
            Carrier::Ghtk => format!("https://i.ghtk.vn/{}", path_segment(waybill)),
            Carrier::Viettelpost => format!(
                "https://viettelpost.com.vn/tra-cuu-hanh-trinh-don/?{}",
                query(&[("peopleTracking", "sender"), ("orderNumber", waybill)])
            ),
            Carrier::Vnpost => format!("https://vnpost.vn/vi-vn/dinh-vi/buu-pham?{}", query(&[("key", waybill)])),
        }
    }
}

impl fmt::Display for Carrier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.display_name())
    }
}

/// `application/x-www-form-urlencoded` query text.
fn query(pairs: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

/// A path segment with everything but unreserved characters percent-encoded.
pub(crate) fn path_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for byte in s.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Where and how to reach a carrier's API.
///
/// `base_url` is the base the documented paths follow (a trailing slash is fine):
/// GHN `…/shiip/public-api`, GHTK `https://services.giaohangtietkiem.vn`, Viettel Post `…/v2`,
/// VNPost `…/customer-partner`. `token` is GHN's and GHTK's API token, Viettel Post's
/// long-lived token and VNPost's `token:` header. `shop_id` is GHN's `ShopId`, GHTK's
/// `X-Client-Source`, Viettel Post's `GROUPADDRESS_ID` and VNPost's `customerCode`, each sent
/// only when set.
#[derive(Clone)]
pub struct Config {
    pub carrier: Carrier,
    pub base_url: String,
    pub token: String,
    pub shop_id: Option<String>,
    pub timeout: Duration,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("carrier", &self.carrier)
            .field("base_url", &self.base_url)
            .field("token", &"[redacted]")
            .field("shop_id", &self.shop_id)
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// A sender or a receiver, with a 2-level (ward, province) address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    pub phone: String,
    pub street: String,
    pub ward_name: String,
    pub province_name: String,
}

impl Party {
    /// Street, ward and province joined with ", " (Viettel Post's text addresses), empty parts
    /// left out.
    pub(crate) fn full_address(&self) -> String {
        [&self.street, &self.ward_name, &self.province_name]
            .into_iter()
            .map(|part| part.trim())
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A parcel to book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParcelRequest {
    /// Our reference, e.g. "DS7K2M9QXA-1": GHN `client_order_code`, GHTK `order.id`, Viettel
    /// Post `ORDER_NUMBER`, VNPost `saleOrderCode` (section 6: one reference per attempt).
    pub client_code: String,
    pub from: Party,
    pub to: Party,
    pub weight_g: i64,
    pub length_cm: i64,
    pub width_cm: i64,
    pub height_cm: i64,
    /// The whole amount the receiver pays (0 = nothing to collect).
    pub cod_vnd: i64,
    /// Declared value, for insurance and compensation.
    pub value_vnd: i64,
    /// What is in the parcel, e.g. "Trà Shan tuyết ×2".
    pub content: String,
    /// Carrier service code; `None` = the carrier's standard (GHN `service_type_id` 2, GHTK
    /// road, Viettel Post `VCBO`, VNPost `CTN009`).
    pub service: Option<String>,
}

/// What a live quote needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRequest {
    pub from: Party,
    pub to: Party,
    pub weight_g: i64,
    pub length_cm: i64,
    pub width_cm: i64,
    pub height_cm: i64,
    pub cod_vnd: i64,
    pub value_vnd: i64,
}

/// One service the carrier offers for a route, with its price.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveQuote {
    pub service: String,
    pub service_name: String,
    pub fee_vnd: i64,
    pub cod_fee_vnd: i64,
    /// Days from booking to delivery (fewest, most), when the carrier says.
    pub eta_days: Option<(i64, i64)>,
}

/// A booked parcel.
#[derive(Debug, Clone, PartialEq)]
pub struct Booking {
    pub waybill: String,
    pub fee_vnd: Option<i64>,
    pub expected_delivery: Option<time::OffsetDateTime>,
}

/// A printable label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    Pdf(Vec<u8>),
    Url(String),
}

/// One step of a parcel's history.
#[derive(Debug, Clone, PartialEq)]
pub struct TrackEvent {
    pub raw_status: String,
    pub stage: Stage,
    pub at: time::OffsetDateTime,
    pub note: String,
}

/// Why a call to a carrier failed. Every variant with text keeps the carrier's own message.
#[derive(Debug, thiserror::Error)]
pub enum CarrierError {
    /// Bad or expired token (GHN 401 "Token is not valid", GHTK 401/20101, Viettel Post
    /// status 202/401).
    #[error("the carrier refused the token: {0}")]
    Unauthorized(String),
    /// The address or route is not served.
    #[error("the carrier does not serve this address: {0}")]
    Unserved(String),
    /// The carrier refused the request (validation etc.).
    #[error("the carrier refused the request: {0}")]
    Rejected(String),
    /// Cancel refused, because the parcel is past pickup.
    #[error("the carrier will not cancel the parcel: {0}")]
    NotCancellable(String),
    /// No answer within [`Config::timeout`].
    #[error("the carrier did not answer in time")]
    Timeout,
    /// Connection refused, 5xx and the like: whether the carrier acted is unknown.
    #[error("could not reach the carrier: {0}")]
    Transport(String),
    /// The answer is not as documented.
    #[error("the carrier's answer is not as documented: {0}")]
    Malformed(String),
}

/// A client of one carrier account.
pub struct Client {
    http: http::Http,
}

impl Client {
    /// A client for `config.carrier` at `config.base_url`.
    pub fn new(config: Config) -> Client {
        Client { http: http::Http::new(config) }
    }

    pub fn carrier(&self) -> Carrier {
        self.http.config.carrier
    }

    /// The carrier's services and prices for a route (GHN preview, GHTK fee, Viettel Post
    /// getPriceAllNlp, VNPost ServicesCharge).
    pub async fn quote(&self, req: &QuoteRequest) -> Result<Vec<LiveQuote>, CarrierError> {
        match self.carrier() {
            Carrier::Ghn => ghn::quote(&self.http, req).await,
            Carrier::Ghtk => ghtk::quote(&self.http, req).await,
            Carrier::Viettelpost => viettelpost::quote(&self.http, req).await,
            Carrier::Vnpost => vnpost::quote(&self.http, req).await,
        }
    }

    /// Books a parcel. Idempotent on `client_code` (section 6): a GHN duplicate returns the
    /// same `order_code`; GHTK `ORDER_ID_EXIST` returns `ghtk_label` (success); Viettel Post
    /// with `CHECK_UNIQUE` rejects repeats, so a rejection is looked up with
    /// [`Client::find_by_client_code`] and the booking found is returned. VNPost's duplicate
    /// behaviour is unconfirmed: a rejection stays a rejection.
    pub async fn create(&self, req: &ParcelRequest) -> Result<Booking, CarrierError> {
        match self.carrier() {
            Carrier::Ghn => ghn::create(&self.http, req).await,
            Carrier::Ghtk => ghtk::create(&self.http, req).await,
            Carrier::Viettelpost => viettelpost::create(&self.http, req).await,
            Carrier::Vnpost => vnpost::create(&self.http, req).await,
        }
    }

    /// Recover a booking whose answer was lost (section 6): GHN detail-by-client-code; GHTK
    /// `GET /services/shipment/v2/{order.id}`; Viettel Post `order/order-filter` (hkt only,
    /// best effort); VNPost: no known call, always `Ok(None)`.
    pub async fn find_by_client_code(&self, client_code: &str) -> Result<Option<Booking>, CarrierError> {
        match self.carrier() {
            Carrier::Ghn => ghn::find_by_client_code(&self.http, client_code).await,
            Carrier::Ghtk => ghtk::find_by_client_code(&self.http, client_code).await,
            Carrier::Viettelpost => viettelpost::find_by_client_code(&self.http, client_code).await,
            Carrier::Vnpost => Ok(None),
        }
    }

    /// Cancel a booking; [`CarrierError::NotCancellable`] once it is past pickup.
    pub async fn cancel(&self, waybill: &str) -> Result<(), CarrierError> {
        match self.carrier() {
            Carrier::Ghn => ghn::cancel(&self.http, waybill).await,
            Carrier::Ghtk => ghtk::cancel(&self.http, waybill).await,
            Carrier::Viettelpost => viettelpost::cancel(&self.http, waybill).await,
            Carrier::Vnpost => vnpost::cancel(&self.http, waybill).await,
        }
    }

    /// The label: GHN A5 print URL (after gen-token), GHTK A6 portrait PDF, Viettel Post
    /// digitalize URL (after printing-code); VNPost has no label API.
    pub async fn label(&self, waybill: &str) -> Result<Label, CarrierError> {
        match self.carrier() {
            Carrier::Ghn => ghn::label(&self.http, waybill).await,
            Carrier::Ghtk => ghtk::label(&self.http, waybill).await,
            Carrier::Viettelpost => viettelpost::label(&self.http, waybill).await,
            Carrier::Vnpost => Err(CarrierError::Rejected("VNPost has no label API".to_owned())),
        }
    }

    /// Status history, oldest first as the carrier lists it (GHN detail `log[]`, GHTK v2
    /// status as one event, Viettel Post getOrderDetailV3 best effort, VNPost
    /// GetStatusHistoryOrder).
    pub async fn track(&self, waybill: &str) -> Result<Vec<TrackEvent>, CarrierError> {
        match self.carrier() {
            Carrier::Ghn => ghn::track(&self.http, waybill).await,
            Carrier::Ghtk => ghtk::track(&self.http, waybill).await,
            Carrier::Viettelpost => viettelpost::track(&self.http, waybill).await,
            Carrier::Vnpost => vnpost::track(&self.http, waybill).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carrier_names_round_trip_and_match_serde() {
        for carrier in Carrier::ALL {
            assert_eq!(Carrier::parse(carrier.as_str()), Some(carrier));
            assert_eq!(serde_json::to_string(&carrier).unwrap(), format!("\"{}\"", carrier.as_str()));
        }
        assert_eq!(Carrier::parse("GHN"), None);
        assert_eq!(Carrier::Viettelpost.display_name(), "Viettel Post");
        assert_eq!(Carrier::Vnpost.display_name(), "VNPost");
    }

    #[test]
    fn tracking_urls_encode_the_waybill() {
        assert_eq!(Carrier::Ghn.tracking_url("Z82BS"), "https://donhang.ghn.vn/?order_code=Z82BS");
        assert_eq!(Carrier::Ghtk.tracking_url("S1.A1.17373471"), "https://i.ghtk.vn/S1.A1.17373471");
        assert_eq!(Carrier::Ghtk.tracking_url("a/b c"), "https://i.ghtk.vn/a%2Fb%20c");
        assert_eq!(
            Carrier::Viettelpost.tracking_url("1234&5"),
            "https://viettelpost.com.vn/tra-cuu-hanh-trinh-don/?peopleTracking=sender&orderNumber=1234%265"
        );
        assert_eq!(Carrier::Vnpost.tracking_url("EB1 VN"), "https://vnpost.vn/vi-vn/dinh-vi/buu-pham?key=EB1+VN");
    }

    #[test]
    fn config_debug_redacts_the_token() {
        let config = Config {
            carrier: Carrier::Ghn,
            base_url: "http://x".to_owned(),
            token: "s3cr3t-token".to_owned(),
            shop_id: Some("81558".to_owned()),
            timeout: Duration::from_secs(5),
        };
        let shown = format!("{config:?}");
        assert!(!shown.contains("s3cr3t"), "{shown}");
        assert!(shown.contains("81558"), "{shown}");
    }

    #[test]
    fn full_address_skips_empty_parts() {
        let party = Party {
            name: "A".to_owned(),
            phone: "0909998877".to_owned(),
            street: "12 Lê Lợi".to_owned(),
            ward_name: " ".to_owned(),
            province_name: "Hồ Chí Minh".to_owned(),
        };
        assert_eq!(party.full_address(), "12 Lê Lợi, Hồ Chí Minh");
    }
}
