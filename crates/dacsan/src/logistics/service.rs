//! Delivery as the running app holds it: the current rate cards (in memory, so a
//! quote costs no query), the carriers' API clients from the settings (and, for a
//! producer with its own account, one built with its credentials), and the
//! pricing checkout asks for — the carrier's live quote when it answers within
//! 1.5 s, the rate card's otherwise, so a buyer is never stuck.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use anyhow::Context;
use subtle::ConstantTimeEq;

use super::accounts::model::Credentials;
use super::accounts::{self, Unusable};
use super::messages;
use super::model::{BookingAccount, Shipment};
use super::options::{DeliveryOption, Route, options_for, parcel_of, sort_cheapest_first};
use super::rates::{RateCard, sample_cards};
use super::store;
use crate::config::CarrierArgs;
use crate::db::Db;
use crate::error::Message;
use crate::orders::delivery::{BoxFuture, Delivery, DeliveryQuote, DeliveryRequest, ParcelEvent, ParcelView};
use crate::secrets::Keyring;
use crate::vn::admin_units;

/// How long checkout waits for a carrier's live quote.
pub const LIVE_QUOTE_TIMEOUT: Duration = Duration::from_millis(1500);
/// How long a booking, a cancellation or a label may take.
pub const CARRIER_CALL_TIMEOUT: Duration = Duration::from_secs(10);

pub struct Logistics {
    /// Writes carriers' notifications, many to a transaction.
    pub intake: super::notifications::Intake,
    cards: RwLock<Arc<Vec<RateCard>>>,
    clients: HashMap<carriers::Carrier, Arc<carriers::Client>>,
    /// Each carrier's API address the settings give, with or without the
    /// platform's token: producers' own accounts are used there.
    base_urls: HashMap<carriers::Carrier, String>,
    /// Seals and opens producers' own carrier credentials; none without
    /// `DACSAN_SECRET_KEY`.
    keyring: Option<Arc<Keyring>>,
    webhook_token: String,
}

impl Logistics {
    /// Reads the rate cards (storing the sample cards on a database that has none)
    /// and sets up a client for each carrier whose API is configured.
    pub async fn load(db: &Db, args: &CarrierArgs, keyring: Option<Arc<Keyring>>) -> anyhow::Result<Logistics> {
        if store::count_cards(db).await? == 0 {
            for card in sample_cards() {
                store::insert_card(db, &card, None).await?;
            }
        }
        let mut clients = HashMap::new();
        for (name, base_url, token, shop_id) in args.configured() {
            let carrier = carriers::Carrier::parse(name).context("a configured carrier")?;
            let config = carriers::Config { carrier, base_url, token, shop_id, timeout: CARRIER_CALL_TIMEOUT };
            clients.insert(carrier, Arc::new(carriers::Client::new(config)));
        }
        Ok(Logistics {
            intake: super::notifications::Intake::spawn(db.clone()),
            cards: RwLock::new(Arc::new(store::current_cards(db).await?)),
            clients,
            base_urls: args
                .base_urls()
                .into_iter()
                .filter_map(|(name, url)| Some((carriers::Carrier::parse(name)?, url)))
                .collect(),
            keyring,
            webhook_token: args.shipping_webhook_token.0.trim().to_string(),
        })
    }

    /// The cards that quote now.
    pub fn cards(&self) -> Arc<Vec<RateCard>> {
        self.cards.read().map(|c| c.clone()).unwrap_or_default()
    }

    /// Takes the newest cards from the database (after an import or an edit).
    pub async fn reload_cards(&self, db: &Db) -> anyhow::Result<()> {
        let fresh = Arc::new(store::current_cards(db).await?);
        if let Ok(mut cards) = self.cards.write() {
            *cards = fresh;
        }
        Ok(())
    }

    /// The carriers whose API is configured.
    pub fn connected(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = self.clients.keys().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names
    }

    /// The client of a carrier whose API is configured.
    pub fn client(&self, carrier: &str) -> Option<Arc<carriers::Client>> {
        self.clients.get(&carriers::Carrier::parse(carrier)?).cloned()
    }

    /// Carriers dacsan can book with on the platform's accounts.
    pub fn bookable(&self) -> Vec<carriers::Carrier> {
        let mut list: Vec<_> = self.clients.keys().copied().collect();
        list.sort_by_key(|c| c.as_str());
        list
    }

    /// Carriers a producer's parcels can book with: the platform's, and those of
    /// the producer's own accounts whose API address the settings give.
    pub async fn bookable_for(&self, db: &Db, producer_id: i64) -> anyhow::Result<Vec<&'static str>> {
        let mut list = self.bookable();
        for stored in accounts::store::list_for_producer(db, producer_id).await? {
            if let Some(carrier) = carriers::Carrier::parse(&stored.carrier)
                && self.base_urls.contains_key(&carrier)
                && !list.contains(&carrier)
            {
                list.push(carrier);
            }
        }
        list.sort_by_key(|c| c.as_str());
        Ok(list.into_iter().map(carriers::Carrier::as_str).collect())
    }

    /// The key that seals producers' own carrier credentials, if one is set.
    pub fn keyring(&self) -> Option<&Keyring> {
        self.keyring.as_deref()
    }

    /// The carrier's API address, as the settings give it.
    pub fn base_url(&self, carrier: carriers::Carrier) -> Option<&str> {
        self.base_urls.get(&carrier).map(String::as_str)
    }

    /// Carriers whose API address the settings give (parcels there can be asked about).
    pub fn reachable(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = self.base_urls.keys().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names
    }

    /// The account a new parcel of the producer books with: its own when it has
    /// one with the carrier (and the carrier's API address is known), else the
    /// platform's; `None` when neither can book.
    pub async fn booking_account(
        &self,
        db: &Db,
        producer_id: i64,
        carrier: carriers::Carrier,
    ) -> anyhow::Result<Option<BookingAccount>> {
        if self.base_urls.contains_key(&carrier)
            && accounts::store::find(db, producer_id, carrier.as_str()).await?.is_some()
        {
            return Ok(Some(BookingAccount::Producer));
        }
        Ok(self.clients.contains_key(&carrier).then_some(BookingAccount::Platform))
    }

    /// The client of the account that booked (or books) a parcel: the platform's,
    /// or one built with the producer's own credentials at the platform's address
    /// for the carrier. `Err` says why there is none, in the seller's words.
    pub async fn shipment_client(
        &self,
        db: &Db,
        shipment: &Shipment,
    ) -> anyhow::Result<Result<Arc<carriers::Client>, Message>> {
        let Some(carrier) = carriers::Carrier::parse(&shipment.carrier) else {
            return Ok(Err(Message::from(messages::CARRIER_WITHOUT_API).with("carrier", &shipment.carrier)));
        };
        if shipment.account == BookingAccount::Platform {
            return Ok(self.clients.get(&carrier).cloned().ok_or_else(|| {
                Message::from(messages::CARRIER_NOT_CONNECTED).with("carrier", carrier.display_name())
            }));
        }
        let Some(base_url) = self.base_url(carrier) else {
            return Ok(Err(Unusable::NotConnected.message(carrier)));
        };
        let producer_id = accounts::store::producer_of_shipment(db, shipment.id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("shipment {} has no order", shipment.id))?;
        Ok(accounts::credentials(db, self.keyring(), producer_id, carrier)
            .await?
            .map_err(|why| why.message(carrier))
            .map(|credentials| own_client(carrier, base_url, credentials)))
    }

    /// The clients that price a producer's parcels live: its own account with a
    /// carrier where it has one (its contract prices are what booking will pay),
    /// the platform's otherwise. An own account that does not open prices
    /// nothing live: the card quotes, as booking with it would fail.
    async fn live_quoters(
        &self,
        db: &Db,
        producer_id: i64,
    ) -> anyhow::Result<HashMap<carriers::Carrier, Arc<carriers::Client>>> {
        let mut quoters = self.clients.clone();
        if self.base_urls.is_empty() {
            return Ok(quoters);
        }
        for stored in accounts::store::list_for_producer(db, producer_id).await? {
            let Some(carrier) = carriers::Carrier::parse(&stored.carrier) else { continue };
            let Some(base_url) = self.base_url(carrier) else { continue };
            match accounts::open(self.keyring(), carrier, &stored) {
                Ok(credentials) => quoters.insert(carrier, own_client(carrier, base_url, credentials)),
                Err(_) => quoters.remove(&carrier),
            };
        }
        Ok(quoters)
    }

    /// Is `token` the notification URL's secret? Compared in constant time; an
    /// unset secret matches nothing.
    pub fn webhook_token_matches(&self, token: &str) -> bool {
        !self.webhook_token.is_empty() && bool::from(self.webhook_token.as_bytes().ct_eq(token.as_bytes()))
    }

    async fn quote_request(&self, db: &Db, request: &DeliveryRequest) -> anyhow::Result<DeliveryQuote> {
        let terms = store::delivery_terms(db, request.producer_id).await?;
        let (parcel, weight_estimated) = parcel_of(&request.lines);
        let route = Route { from: (&request.from.0, &request.from.1), to: (&request.to.0, &request.to.1) };
        let cards = self.cards();
        let mut options = options_for(&cards, &terms, route, &parcel, request.subtotal_vnd, request.cash_on_delivery);
        let quoters = self.live_quoters(db, request.producer_id).await?;
        let quoters_were_empty = quoters.is_empty();
        if !quoters_were_empty {
            apply_live_quotes(quoters, request, &parcel, &cards, &mut options).await;
        }
        if let Some(point_id) = terms.collection_point_id {
            super::collection::service::apply_to_quote(db, point_id, &mut options).await?;
        }
        if !quoters_were_empty || terms.collection_point_id.is_some() {
            sort_cheapest_first(&mut options, request.cash_on_delivery);
        }
        Ok(DeliveryQuote { weight_g: parcel.chargeable_g(), weight_estimated, options })
    }
}

/// Replaces card prices with the carriers' own answers where a carrier answers
/// in time; a carrier that says it does not serve the address loses its options.
async fn apply_live_quotes(
    quoters: HashMap<carriers::Carrier, Arc<carriers::Client>>,
    request: &DeliveryRequest,
    parcel: &super::rates::Parcel,
    cards: &[RateCard],
    options: &mut Vec<DeliveryOption>,
) {
    let mut asks = tokio::task::JoinSet::new();
    for (carrier, client) in quoters {
        if !options.iter().any(|o| o.carrier.as_deref() == Some(carrier.as_str())) {
            continue;
        }
        let ask = live_quote_request(request, parcel);
        asks.spawn(async move { (carrier, tokio::time::timeout(LIVE_QUOTE_TIMEOUT, client.quote(&ask)).await) });
    }
    while let Some(Ok((carrier, answer))) = asks.join_next().await {
        match answer {
            Ok(Ok(live)) => {
                for option in options.iter_mut().filter(|o| o.carrier.as_deref() == Some(carrier.as_str())) {
                    let code = cards
                        .iter()
                        .find(|c| c.carrier == carrier.as_str() && c.service == option.service)
                        .map(|c| c.carrier_service_code.as_str())
                        .unwrap_or("");
                    if let Some(quote) = live.iter().find(|q| q.service == code) {
                        option.fee_vnd = quote.fee_vnd;
                        option.cod_fee_vnd = quote.cod_fee_vnd;
                        if let Some((min, max)) = quote.eta_days {
                            (option.eta_days_min, option.eta_days_max) = (min, max);
                        }
                        option.sample_rates = false;
                    }
                }
            }
            Ok(Err(carriers::CarrierError::Unserved(why))) => {
                tracing::info!(carrier = carrier.as_str(), why, "carrier does not serve this route");
                options.retain(|o| o.carrier.as_deref() != Some(carrier.as_str()));
            }
            Ok(Err(err)) => {
                tracing::warn!(carrier = carrier.as_str(), error = %err, "live quote failed: the card quotes")
            }
            Err(_) => tracing::warn!(carrier = carrier.as_str(), "live quote took over 1.5 s: the card quotes"),
        }
    }
}

/// A client with a producer's own credentials at the carrier's API address.
fn own_client(carrier: carriers::Carrier, base_url: &str, credentials: Credentials) -> Arc<carriers::Client> {
    Arc::new(carriers::Client::new(carriers::Config {
        carrier,
        base_url: base_url.to_string(),
        token: credentials.token,
        shop_id: credentials.shop_id,
        timeout: CARRIER_CALL_TIMEOUT,
    }))
}

/// Takes cards imported by another process (`dacsan import rate-card`, a second
/// server) every 30 seconds.
pub fn spawn_card_refresh(db: Db, logistics: Arc<Logistics>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(30));
        tick.tick().await;
        loop {
            tick.tick().await;
            if let Err(err) = logistics.reload_cards(&db).await {
                tracing::warn!(error = ?err, "rate cards not refreshed");
            }
        }
    });
}

/// Reads a carrier's rate-card workbook and stores a new version of each of its
/// services; nothing is stored when a row has a problem.
pub async fn import_cards(
    db: &Db,
    logistics: &Logistics,
    bytes: &[u8],
    carrier: &str,
    user_id: Option<i64>,
) -> Result<Vec<RateCard>, crate::error::AppError> {
    let carrier = carriers::Carrier::parse(carrier.trim())
        .ok_or_else(|| crate::error::AppError::invalid("carrier", messages::CARRIER_ONE_OF))?;
    let cards = super::rate_book::read(bytes, carrier.as_str()).map_err(|problems| {
        let mut errors = crate::error::FieldErrors::default();
        for problem in problems {
            errors.add("file", problem);
        }
        crate::error::AppError::Invalid(errors)
    })?;
    for card in &cards {
        store::insert_card(db, card, user_id).await?;
    }
    logistics.reload_cards(db).await?;
    Ok(cards)
}

impl Delivery for Logistics {
    fn quote<'a>(&'a self, db: &'a Db, request: &'a DeliveryRequest) -> BoxFuture<'a, anyhow::Result<DeliveryQuote>> {
        Box::pin(self.quote_request(db, request))
    }

    fn parcels<'a>(&'a self, db: &'a Db, order_id: i64) -> BoxFuture<'a, anyhow::Result<Vec<ParcelView>>> {
        Box::pin(parcels_of(db, order_id))
    }

    fn bookable<'a>(&'a self, db: &'a Db, producer_id: i64) -> BoxFuture<'a, anyhow::Result<Vec<&'static str>>> {
        Box::pin(self.bookable_for(db, producer_id))
    }

    fn own_labels<'a>(
        &'a self,
        db: &'a Db,
        order_ids: &'a [i64],
    ) -> BoxFuture<'a, anyhow::Result<HashMap<i64, String>>> {
        Box::pin(async move {
            let found = store::orders_with_own_labels(db, order_ids).await?;
            Ok(found.into_iter().map(|(order, shipment)| (order, own_labels_path(shipment))).collect())
        })
    }
}

/// dacsan's A6 labels of a parcel and those travelling with it.
pub fn own_labels_path(shipment_id: i64) -> String {
    format!("/api/v1/shipments/{shipment_id}/label?source=dacsan")
}

/// An order's parcels with their journeys.
pub async fn parcels_of(db: &Db, order_id: i64) -> anyhow::Result<Vec<ParcelView>> {
    let mut parcels = Vec::new();
    let own_labels: std::collections::HashSet<i64> =
        store::orders_with_own_labels(db, &[order_id]).await?.into_iter().map(|(_, shipment)| shipment).collect();
    for shipment in store::shipments_of(db, order_id).await? {
        let events = store::events_of(db, shipment.id).await?;
        parcels.push(ParcelView {
            id: shipment.id,
            code: shipment.code.clone(),
            own_labels_url: own_labels.contains(&shipment.id).then(|| own_labels_path(shipment.id)),
            carrier_name: shipment.carrier_name(),
            tracking_url: shipment.tracking_url(),
            status: shipment.status.as_str().to_string(),
            status_key: shipment.status.label_key(),
            label_url: Some(shipment.label_path()),
            events: events
                .into_iter()
                .map(|e| ParcelEvent {
                    status: e.status.as_str().to_string(),
                    status_key: e.status.label_key(),
                    at: e.at,
                    note: e.note,
                })
                .collect(),
            carrier: shipment.carrier,
            tracking_code: shipment.tracking_code,
        });
    }
    Ok(parcels)
}

/// A place as carriers read it after 2025: the commune's and the province's names.
pub fn party(name: &str, phone: &str, street: &str, province_code: &str, commune_code: &str) -> carriers::Party {
    carriers::Party {
        name: name.to_string(),
        phone: phone.to_string(),
        street: street.to_string(),
        ward_name: admin_units::commune(commune_code).map(|c| c.name.clone()).unwrap_or_default(),
        province_name: admin_units::province(province_code).map(|p| p.name.clone()).unwrap_or_default(),
    }
}

fn live_quote_request(request: &DeliveryRequest, parcel: &super::rates::Parcel) -> carriers::QuoteRequest {
    carriers::QuoteRequest {
        from: party("", "", "", &request.from.0, &request.from.1),
        to: party("", "", "", &request.to.0, &request.to.1),
        weight_g: parcel.weight_g,
        length_cm: parcel.length_cm,
        width_cm: parcel.width_cm,
        height_cm: parcel.height_cm,
        cod_vnd: if request.cash_on_delivery { request.subtotal_vnd } else { 0 },
        value_vnd: request.subtotal_vnd,
    }
}
