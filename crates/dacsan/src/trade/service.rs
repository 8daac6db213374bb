//! The trade board's rules: who may post a request and who sees it, which
//! producers it is put in front of, quoting and revising, declining, the thread per
//! quote, accepting a quote into an order, supply offers and the buyers told of them.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::messages;
use super::model::{BusinessInput, OfferInput, QuoteInput, RfqInput, Tier, price_for};
use super::store::{self, Business, Offer, Quote, Revision, Rfq, RfqScope};
use crate::auth::CurrentUser;
use crate::catalog::{self, Product, ProductStatus};
use crate::db::{self, Db};
use crate::error::Message;
use crate::error::{AppError, AppResult};
use crate::orders::delivery::{Delivery, DeliveryOption, DeliveryRequest, OptionKind, ParcelLine};
use crate::orders::model::PaymentMethod;
use crate::orders::service::{AgreedOrder, insert_agreed};
use crate::orders::store::{ChosenDelivery, Order, OrderItem};
use crate::search::{Filters, SearchIndex, Sort};

/// A wholesale order waits this long for its deposit (or its payment) by transfer.
pub const PAYMENT_TIME: Duration = Duration::from_secs(3 * 24 * 3600);

/// Business buyers as checkout sees them: an account with a business profile pays
/// a product's wholesale price where it reaches a price break.
pub struct TradeBuyers;

impl crate::orders::pricing::BusinessBuyers for TradeBuyers {
    fn is_business<'a>(
        &'a self,
        db: &'a Db,
        user_id: i64,
    ) -> crate::orders::delivery::BoxFuture<'a, anyhow::Result<bool>> {
        Box::pin(async move { Ok(store::business(db, user_id).await?.is_some()) })
    }
}

pub async fn save_business(db: &Db, user: &CurrentUser, input: &BusinessInput) -> AppResult<Business> {
    let valid = input.validate().map_err(AppError::Invalid)?;
    store::save_business(db, user.id, &valid).await?;
    store::business(db, user.id).await?.ok_or_else(|| AppError::not_found(messages::BUSINESS_PROFILE))
}

/// Who is looking at a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Viewer {
    /// The business that posted it.
    Owner,
    /// Admins and officers: every request, every quote.
    Office,
    /// A seller: these producers' quotes only.
    Producers(Vec<i64>),
    /// Anyone else: an open request's summary on the board.
    Public,
}

impl Viewer {
    pub fn of(user: Option<&CurrentUser>, rfq: &Rfq) -> Viewer {
        match user {
            Some(u) if u.id == rfq.buyer_user_id => Viewer::Owner,
            Some(u) if u.is_officer() => Viewer::Office,
            Some(u) if !u.producer_ids.is_empty() => Viewer::Producers(u.producer_ids.clone()),
            _ => Viewer::Public,
        }
    }

    /// The quotes this viewer may see: all, its producers', or none.
    pub fn quote_filter(&self) -> Option<Option<&[i64]>> {
        match self {
            Viewer::Owner | Viewer::Office => Some(None),
            Viewer::Producers(ids) => Some(Some(ids.as_slice())),
            Viewer::Public => None,
        }
    }
}

/// The request, if this user may see it: open ones are on the public board;
/// awarded and closed ones only to their buyer, the office and the producers it
/// was put in front of or that quoted.
pub async fn visible_rfq(db: &Db, user: Option<&CurrentUser>, id: i64) -> AppResult<(Rfq, Viewer)> {
    let not_found = || AppError::not_found(messages::REQUEST_FOR_QUOTATION);
    let rfq = store::find_rfq(db, id).await?.ok_or_else(not_found)?;
    let viewer = Viewer::of(user, &rfq);
    let visible = match &viewer {
        Viewer::Owner | Viewer::Office => true,
        _ if rfq.status == "open" => true,
        Viewer::Producers(ids) => {
            store::is_matched(db, rfq.id, ids).await? || !store::quotes_of_rfq(db, rfq.id, Some(ids)).await?.is_empty()
        }
        Viewer::Public => false,
    };
    if visible { Ok((rfq, viewer)) } else { Err(not_found()) }
}

/// What a list of requests shows this user: a business its own; a seller those
/// of its producers; the office every one.
pub async fn list_rfqs(db: &Db, user: &CurrentUser, limit: i64) -> AppResult<Vec<Rfq>> {
    let scope = if user.is_officer() {
        RfqScope::All
    } else if !user.producer_ids.is_empty() {
        RfqScope::Producers(&user.producer_ids)
    } else {
        RfqScope::Buyer(user.id)
    };
    Ok(store::list_rfqs(db, scope, limit).await?)
}

/// A request as posted: how many producers it was put before, and how long
/// finding them took (the bench's figure; the API's `Server-Timing`).
pub struct Posted {
    pub rfq: Rfq,
    pub matched: usize,
    pub matching: std::time::Duration,
}

/// Posts a request and puts it in front of the producers that can supply it.
pub async fn post_rfq(db: &Db, search: &SearchIndex, user: &CurrentUser, input: &RfqInput) -> AppResult<Posted> {
    let may_post = match input.fair_lead {
        Some(_) => user.is_officer(),
        None => user.is_admin() || store::business(db, user.id).await?.is_some(),
    };
    if !may_post {
        return Err(AppError::Forbidden);
    }
    let rfq = input.validate(db::today_vn()).map_err(AppError::Invalid)?;
    if let Some(lead) = &rfq.fair_lead {
        let fair = crate::programme::fairs::store::find_by_id(db, lead.fair_id)
            .await?
            .ok_or_else(|| AppError::invalid("fair_lead.fair_id", messages::NO_SUCH_FAIR))?;
        user.require_province(&fair.province_code)?;
    }
    if let Some(offer_id) = rfq.offer_id {
        match store::find_offer(db, offer_id).await? {
            Some(offer) if offer.status == "open" => {}
            _ => return Err(AppError::invalid("offer_id", messages::NO_OPEN_SUPPLY_OFFER)),
        }
    }
    let from = rfq.from_province_code.as_deref();
    let started = std::time::Instant::now();
    let producers = if rfq.set_code.is_empty() {
        let text = format!("{} {}", rfq.title, rfq.description);
        let found = search
            .search(&text, &Filters::default(), Sort::Relevance, 1, 200)
            .map_err(|e| AppError::Internal(e.context("search for an rfq")))?;
        store::producers_of_products(db, &found.ids, rfq.min_ocop_stars, from).await?
    } else {
        store::producers_of_set(db, &rfq.set_code, rfq.min_ocop_stars, from).await?
    };
    let matching = started.elapsed();
    let subject = format!("Yêu cầu báo giá mới: {} / New request for quotation", rfq.title);
    let body = format!(
        "Cần {} {} «{}», giao tại {} trước {}. Gửi báo giá trong mục Giao thương của bạn.",
        rfq.quantity,
        rfq.unit,
        rfq.title,
        crate::vn::admin_units::province(&rfq.deliver_province_code).map_or("", |p| p.name.as_str()),
        rfq.needed_by
    );
    let mut tx = db.begin_write().await?;
    let id = store::insert_rfq(&mut tx, user.id, &rfq).await?;
    store::insert_matches(&mut tx, id, &producers, &subject, &body).await?;
    let saved =
        store::find_rfq_in(&mut tx, id).await?.ok_or_else(|| AppError::not_found(messages::REQUEST_FOR_QUOTATION))?;
    tx.commit().await.map_err(anyhow::Error::new)?;
    tracing::info!(
        rfq.id = id,
        matched = producers.len(),
        matching_ms = matching.as_millis(),
        "request for quotation {id} posted"
    );
    Ok(Posted { rfq: saved, matched: producers.len(), matching })
}

/// Who asked, as this viewer may see it: the business's name (a fair lead's name
/// while the lead is unclaimed) and, for a lead, its phone. Nothing for the public.
pub async fn buyer_of(db: &Db, rfq: &Rfq, viewer: &Viewer) -> AppResult<(Option<String>, Option<String>)> {
    if matches!(viewer, Viewer::Public) {
        return Ok((None, None));
    }
    let lead_phone = rfq.lead.as_ref().map(|(_, phone, _)| phone.clone());
    if rfq.is_unclaimed_lead() {
        return Ok((rfq.lead.as_ref().map(|(name, _, _)| name.clone()), lead_phone));
    }
    Ok((store::business(db, rfq.buyer_user_id).await?.map(|b| b.name), lead_phone))
}

/// A business takes over the request an officer entered for it at a fair (the
/// lead's tax code is its own); from then on it is the business's request.
pub async fn claim(db: &Db, user: &CurrentUser, rfq_id: i64) -> AppResult<Rfq> {
    let business = store::business(db, user.id).await?.ok_or(AppError::Forbidden)?;
    let not_found = || AppError::not_found(messages::REQUEST);
    let rfq = store::find_rfq(db, rfq_id).await?.ok_or_else(not_found)?;
    let Some((_, _, tax_code)) = rfq.lead.as_ref() else {
        return Err(AppError::conflict("rfq", messages::NOT_A_FAIR_LEAD));
    };
    if tax_code.as_deref() != Some(business.tax_code.as_str()) {
        return Err(AppError::conflict("tax_code", messages::NOT_YOUR_LEAD));
    }
    if !store::claim_rfq(db, rfq.id, user.id, &business.tax_code).await? {
        return Err(AppError::conflict("rfq", messages::THIS_REQUEST_WAS_CLAIMED_ALREADY));
    }
    tracing::info!(rfq.id = rfq.id, user.id = user.id, "fair lead {} claimed", rfq.id);
    store::find_rfq(db, rfq.id).await?.ok_or_else(not_found)
}

/// One quote as its viewer compares it: the latest revision and what the buyer
/// weighs — the price and total at the asked quantity, stars, traceable batches,
/// the producer's delivered orders.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct QuoteView {
    #[serde(flatten)]
    pub quote: Quote,
    /// `open`, `expired`, `accepted` or `withdrawn`.
    pub state: String,
    pub producer_name: String,
    pub product_name: String,
    pub ocop_stars: Option<u8>,
    pub traceable: bool,
    pub delivered_orders: i64,
    pub latest: Revision,
    /// Đồng per unit at the request's quantity; `None` below the first tier.
    pub unit_price_at_quantity_vnd: Option<i64>,
    /// At the request's quantity, delivery included (the estimate's, when delivery
    /// is left to the carriers).
    pub total_at_quantity_vnd: Option<i64>,
    /// When delivery is left to the carriers' prices: the cheapest carrier's price
    /// for the request's quantity to its delivery place, as it stands today; `None`
    /// when no carrier takes such a parcel there.
    pub delivery_estimate: Option<DeliveryOption>,
}

impl QuoteView {
    pub fn is_open(&self) -> bool {
        self.state == "open"
    }
}

fn is_expired(revision: &Revision) -> bool {
    revision.valid_until < db::today_vn().to_string()
}

pub async fn quote_view(db: &Db, rfq: &Rfq, quote: Quote) -> AppResult<QuoteView> {
    let latest = store::revision(db, quote.id, quote.revision)
        .await?
        .ok_or_else(|| AppError::not_found(messages::QUOTE_REVISION))?;
    let state = match quote.status.as_str() {
        "open" if is_expired(&latest) => "expired",
        other => other,
    }
    .to_string();
    let producer_name =
        crate::producers::store::find_by_id(db, quote.producer_id).await?.map(|p| p.name).unwrap_or_default();
    let product = catalog::store::find_by_id(db, quote.product_id).await?;
    let traceable = !crate::trace::store::list_batches_of_product(db, quote.product_id, 1).await?.is_empty();
    let delivered_orders = crate::orders::store::delivered_count(db, quote.producer_id).await?;
    let unit_price = price_for(&latest.tiers, rfq.quantity);
    let total = unit_price.and_then(|p| p.checked_mul(rfq.quantity)).and_then(|t| t.checked_add(latest.delivery_vnd));
    Ok(QuoteView {
        state,
        producer_name,
        product_name: product.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
        ocop_stars: product.as_ref().and_then(|p| p.valid_stars(db::today_vn())),
        traceable,
        delivered_orders,
        latest,
        unit_price_at_quantity_vnd: unit_price,
        total_at_quantity_vnd: total,
        delivery_estimate: None,
        quote,
    })
}

/// Prices the delivery of a quote left to the carriers' prices, at the request's
/// quantity, into its total (to the request's commune, or its province when it
/// names none).
pub async fn estimate_delivery(db: &Db, delivery: &dyn Delivery, rfq: &Rfq, view: &mut QuoteView) -> AppResult<()> {
    let Some(unit_weight_g) = view.latest.carrier_unit_weight_g else { return Ok(()) };
    let to = (rfq.deliver_province_code.as_str(), rfq.deliver_commune_code.as_deref().unwrap_or(""));
    let subtotal = view.total_at_quantity_vnd.unwrap_or(0);
    let parcel = CarrierParcel { producer_id: view.quote.producer_id, unit_weight_g, quantity: rfq.quantity, subtotal };
    let (_, options) = carrier_options(db, delivery, &parcel, to, false).await?;
    view.delivery_estimate = options.into_iter().next();
    view.total_at_quantity_vnd = match &view.delivery_estimate {
        Some(option) => view.total_at_quantity_vnd.and_then(|t| t.checked_add(option.fee_vnd)),
        None => None,
    };
    Ok(())
}

/// The goods of a quote delivered by carrier.
struct CarrierParcel {
    producer_id: i64,
    unit_weight_g: i64,
    quantity: i64,
    subtotal: i64,
}

/// The carriers' options for a parcel from the producer to `to` (province, commune),
/// cheapest first, with the weight they charge: what logistics prices for checkout,
/// carriers only (the producer left delivery to them).
async fn carrier_options(
    db: &Db,
    delivery: &dyn Delivery,
    parcel: &CarrierParcel,
    to: (&str, &str),
    cash_on_delivery: bool,
) -> AppResult<(i64, Vec<DeliveryOption>)> {
    let producer = crate::producers::store::find_by_id(db, parcel.producer_id)
        .await?
        .ok_or_else(|| AppError::not_found(messages::PRODUCER))?;
    let request = DeliveryRequest {
        producer_id: parcel.producer_id,
        from: (producer.province_code, producer.commune_code),
        to: (to.0.to_string(), to.1.to_string()),
        lines: vec![ParcelLine { weight_g: parcel.unit_weight_g, quantity: parcel.quantity, package: None }],
        subtotal_vnd: parcel.subtotal,
        cash_on_delivery,
    };
    let quote = delivery.quote(db, &request).await?;
    Ok((quote.weight_g, quote.options.into_iter().filter(|o| o.kind == OptionKind::Carrier).collect()))
}

/// The option the buyer chose (`asked`, an option's id), or the cheapest, as the
/// order records it, with what the buyer pays for it.
fn chosen_carrier(
    weight_g: i64,
    options: &[DeliveryOption],
    asked: Option<&str>,
    cash_on_delivery: bool,
) -> AppResult<(ChosenDelivery, i64)> {
    let option = match asked.map(str::trim).filter(|a| !a.is_empty()) {
        Some(id) => options.iter().find(|o| o.id == id).ok_or_else(|| {
            let offered = options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>().join(", ");
            AppError::invalid(
                "delivery_option",
                Message::from(messages::IS_NOT_OFFERED_FOR_THIS_ORDER).with("id", id).with("offered", &offered),
            )
        })?,
        None => options.first().ok_or_else(|| {
            AppError::conflict(
                "delivery",
                Message::from(messages::NO_CARRIER_TAKES_A_PARCEL).with("kilograms", kilograms(weight_g)),
            )
        })?,
    };
    let chosen = ChosenDelivery {
        option_id: option.id.clone(),
        name: option.name.clone(),
        cod_fee_vnd: if cash_on_delivery { option.cod_fee_vnd } else { 0 },
        weight_g,
        eta_days_min: option.eta_days_min,
        eta_days_max: option.eta_days_max,
    };
    Ok((chosen, option.charge_vnd(cash_on_delivery)))
}

/// Grams as kilograms to one decimal, for people (`12,5`).
fn kilograms(grams: i64) -> String {
    let tenths = (grams + 50) / 100;
    format!("{},{}", tenths / 10, tenths % 10)
}

/// How many quotes a viewer may see on a request.
pub async fn quote_count(db: &Db, rfq: &Rfq, viewer: &Viewer) -> AppResult<usize> {
    Ok(match viewer.quote_filter() {
        Some(filter) => store::quotes_of_rfq(db, rfq.id, filter).await?.len(),
        None => 0,
    })
}

/// The quotes a viewer may see on a request, cheapest at the asked quantity first.
pub async fn quotes_for(db: &Db, delivery: &dyn Delivery, rfq: &Rfq, viewer: &Viewer) -> AppResult<Vec<QuoteView>> {
    let Some(filter) = viewer.quote_filter() else { return Ok(Vec::new()) };
    let mut views = Vec::new();
    for quote in store::quotes_of_rfq(db, rfq.id, filter).await? {
        views.push(quote_view(db, rfq, quote).await?);
    }
    // Carriers are asked for every quote at once: a live quote may take a second.
    let estimates = views.iter_mut().map(|view| estimate_delivery(db, delivery, rfq, view));
    futures_util::future::try_join_all(estimates).await?;
    views.sort_by_key(|v| (!v.is_open(), v.total_at_quantity_vnd.unwrap_or(i64::MAX)));
    Ok(views)
}

/// The product a quote is for: the one named (the producer's, on sale, with the
/// stars asked), or the producer's best of the request's set.
async fn quoted_product(db: &Db, rfq: &Rfq, producer_id: i64, named: Option<i64>) -> AppResult<Product> {
    let today = db::today_vn();
    let meets = |p: &Product| p.valid_stars(today).map_or(0, i64::from) >= rfq.min_ocop_stars;
    if let Some(id) = named {
        let product = catalog::store::find_by_id(db, id)
            .await?
            .filter(|p| p.producer_id == producer_id && p.status == ProductStatus::Active)
            .ok_or_else(|| AppError::invalid("product_id", messages::NOT_ONE_OF_YOUR_PRODUCTS_ON_SALE))?;
        if !meets(&product) {
            return Err(AppError::invalid(
                "product_id",
                Message::from(messages::THE_REQUEST_ASKS_FOR_OCOP).with("min_ocop_stars", rfq.min_ocop_stars),
            ));
        }
        return Ok(product);
    }
    let mut candidates: Vec<Product> =
        catalog::store::list_for_producer(db, producer_id, true, 500).await?.into_iter().filter(|p| meets(p)).collect();
    candidates.sort_by_key(|p| (p.set_code != rfq.set_code, std::cmp::Reverse(p.valid_stars(today))));
    candidates.into_iter().next().ok_or_else(|| AppError::invalid("product_id", messages::ADD_THE_QUOTED_PRODUCT))
}

/// Sends a quote, or its next revision: the request open, the quote neither
/// accepted, withdrawn nor expired.
pub async fn send_quote(db: &Db, user: &CurrentUser, rfq_id: i64, input: &QuoteInput) -> AppResult<(Quote, Revision)> {
    let quote = input.validate(db::today_vn()).map_err(AppError::Invalid)?;
    user.require_producer(quote.producer_id)?;
    let (rfq, _) = visible_rfq(db, Some(user), rfq_id).await?;
    if rfq.status != "open" {
        return Err(AppError::conflict("rfq", messages::THE_REQUEST_IS_CLOSED));
    }
    let producer = crate::producers::store::find_by_id(db, quote.producer_id)
        .await?
        .ok_or_else(|| AppError::invalid("producer_id", messages::NO_SUCH_PRODUCER))?;
    if let Some(from) = rfq.from_province_code.as_deref().filter(|p| *p != producer.province_code) {
        let name = crate::vn::admin_units::province(from).map_or(from, |p| p.name.as_str());
        return Err(AppError::conflict(
            "producer_id",
            Message::from(messages::THE_BUYER_ASKS_FOR_PRODUCERS).with("name", name),
        ));
    }
    let product = quoted_product(db, &rfq, quote.producer_id, quote.product_id).await?;
    let mut tx = db.begin_write().await?;
    let (quote_id, revision) = match store::quote_of_producer(&mut tx, rfq.id, quote.producer_id).await? {
        None => {
            let id = store::insert_quote(&mut tx, rfq.id, quote.producer_id, product.id)
                .await?
                .ok_or_else(|| AppError::conflict("producer_id", messages::JUST_QUOTED_RELOAD))?;
            (id, 1)
        }
        Some(existing) => {
            let latest = store::revision_in(&mut tx, existing.id, existing.revision).await?;
            match existing.status.as_str() {
                "accepted" => {
                    return Err(AppError::conflict("quote", messages::QUOTE_ACCEPTED_NO_REVISION));
                }
                "withdrawn" => {
                    return Err(AppError::conflict("quote", messages::THE_QUOTE_WAS_WITHDRAWN));
                }
                _ if latest.as_ref().is_some_and(is_expired) => {
                    return Err(AppError::conflict("quote", messages::THE_QUOTE_HAS_EXPIRED));
                }
                _ => {}
            }
            if !store::bump_revision(&mut tx, &existing, product.id).await? {
                return Err(AppError::conflict("quote", messages::THE_QUOTE_JUST_CHANGED_RELOAD));
            }
            (existing.id, existing.revision + 1)
        }
    };
    store::insert_revision(&mut tx, quote_id, revision, &quote, user.id).await?;
    let buyer = crate::auth::store::find_by_id(db, rfq.buyer_user_id).await?;
    let subject = format!("Báo giá cho «{}» / A quote for your request", rfq.title);
    let body = format!("{} gửi báo giá (lần {revision}) cho yêu cầu «{}».", producer.name, rfq.title);
    let to = buyer.as_ref().map(|b| (b.id, b.email.as_str()));
    crate::orders::notify::about_trade(&mut tx, None, to, &subject, &body).await?;
    let saved = store::find_quote_in(&mut tx, quote_id).await?.ok_or_else(|| AppError::not_found(messages::QUOTE))?;
    let revision =
        store::revision_in(&mut tx, quote_id, revision).await?.ok_or_else(|| AppError::not_found(messages::QUOTE))?;
    tx.commit().await.map_err(anyhow::Error::new)?;
    Ok((saved, revision))
}

pub async fn decline(db: &Db, user: &CurrentUser, rfq_id: i64, producer_id: i64, reason: &str) -> AppResult<()> {
    user.require_producer(producer_id)?;
    let (rfq, _) = visible_rfq(db, Some(user), rfq_id).await?;
    let reason = reason.trim();
    if !(3..=1_000).contains(&reason.chars().count()) {
        return Err(AppError::invalid("reason", messages::REASON_3_TO_1_000_CHARACTERS));
    }
    if rfq.status != "open" {
        return Err(AppError::conflict("rfq", messages::THE_REQUEST_IS_CLOSED));
    }
    if !store::insert_decline(db, rfq.id, producer_id, reason, user.id).await? {
        return Err(AppError::conflict("producer_id", messages::YOU_DECLINED_THIS_REQUEST_ALREADY));
    }
    Ok(())
}

/// The quote and its request, if this user quoted it (its producer's seller) or
/// asked for it (the buyer), or works in the office.
pub async fn quote_party(db: &Db, user: &CurrentUser, quote_id: i64) -> AppResult<(Quote, Rfq, Viewer)> {
    let not_found = || AppError::not_found(messages::QUOTE);
    let quote = store::find_quote(db, quote_id).await?.ok_or_else(not_found)?;
    let rfq = store::find_rfq(db, quote.rfq_id).await?.ok_or_else(not_found)?;
    let viewer = Viewer::of(Some(user), &rfq);
    let sees = match &viewer {
        Viewer::Owner | Viewer::Office => true,
        Viewer::Producers(ids) => ids.contains(&quote.producer_id),
        Viewer::Public => false,
    };
    if sees { Ok((quote, rfq, viewer)) } else { Err(not_found()) }
}

pub async fn withdraw(db: &Db, user: &CurrentUser, quote_id: i64) -> AppResult<Quote> {
    let (quote, _, _) = quote_party(db, user, quote_id).await?;
    user.require_producer(quote.producer_id)?;
    if !store::withdraw_quote(db, quote.id).await? {
        return Err(AppError::conflict("quote", Message::from(messages::QUOTE_STATUS).with("status", &quote.status)));
    }
    store::find_quote(db, quote.id).await?.ok_or_else(|| AppError::not_found(messages::QUOTE))
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct AcceptInput {
    /// In the request's unit; at least the quote's MOQ.
    pub quantity: Option<i64>,
    /// `vietqr` or `cod`; a quote with a deposit is paid by VietQR. Defaults to
    /// VietQR when the producer takes it.
    pub payment_method: Option<String>,
    /// The street line of the delivery address; the business's address when left out.
    pub street: Option<String>,
    /// Needed when the request named no commune.
    pub commune_code: Option<String>,
    /// When the quote leaves delivery to the carriers: the option chosen (an id
    /// from the quote's `delivery_estimate` or `POST /api/v1/checkout/quote`'s
    /// kind, e.g. `ghn:standard`); the cheapest when left out.
    pub delivery_option: Option<String>,
}

/// Accepts a quote: an order at the quoted price for the quantity's tier, with its
/// deposit; the quote and the request are closed in the same commit.
pub async fn accept(
    db: &Db,
    delivery: &dyn Delivery,
    user: &CurrentUser,
    quote_id: i64,
    input: &AcceptInput,
) -> AppResult<Order> {
    let (quote, rfq, viewer) = quote_party(db, user, quote_id).await?;
    if !matches!(viewer, Viewer::Owner) && !user.is_admin() {
        return Err(AppError::Forbidden);
    }
    if rfq.is_unclaimed_lead() {
        return Err(AppError::conflict("rfq", messages::FAIR_LEAD_CLAIMED_BY_TAX_CODE));
    }
    let quantity = match input.quantity {
        Some(q) if (1..=1_000_000_000_000).contains(&q) => q,
        _ => {
            return Err(AppError::invalid("quantity", messages::QUANTITY_A_POSITIVE_WHOLE_NUMBER));
        }
    };
    let business = store::business(db, rfq.buyer_user_id)
        .await?
        .ok_or_else(|| AppError::conflict("business", messages::NO_BUSINESS_PROFILE))?;
    let buyer = crate::auth::store::find_by_id(db, rfq.buyer_user_id).await?;
    let commune_code = match (rfq.deliver_commune_code.clone(), input.commune_code.as_deref().map(str::trim)) {
        (_, Some(code)) if !code.is_empty() => code.to_string(),
        (Some(code), _) => code,
        _ => {
            return Err(AppError::invalid("commune_code", messages::DELIVERY_COMMUNE_REQUIRED));
        }
    };
    if crate::vn::admin_units::commune_in(&rfq.deliver_province_code, &commune_code).is_none() {
        return Err(AppError::invalid("commune_code", messages::COMMUNE_NOT_IN_DELIVERY_PROVINCE));
    }
    let street = input.street.as_deref().map(str::trim).filter(|s| !s.is_empty()).unwrap_or(&business.address);
    let has_account = crate::producers::store::payment_account(db, quote.producer_id).await?.is_some();
    let product = catalog::store::find_by_id(db, quote.product_id)
        .await?
        .ok_or_else(|| AppError::not_found(messages::PRODUCT))?;
    // Carriers are asked before the write starts (a live quote may take a second);
    // the revision priced is checked to be the one accepted.
    let priced =
        store::revision(db, quote.id, quote.revision).await?.ok_or_else(|| AppError::not_found(messages::QUOTE))?;
    let payment_method = payment_method(input.payment_method.as_deref(), priced.deposit_pct, has_account)?;
    let by_carrier = match priced.carrier_unit_weight_g {
        Some(unit_weight_g) => {
            let cod = payment_method == PaymentMethod::Cod;
            let subtotal = price_for(&priced.tiers, quantity).and_then(|p| p.checked_mul(quantity)).unwrap_or(0);
            let parcel = CarrierParcel { producer_id: quote.producer_id, unit_weight_g, quantity, subtotal };
            let to = (rfq.deliver_province_code.as_str(), commune_code.as_str());
            let (weight_g, options) = carrier_options(db, delivery, &parcel, to, cod).await?;
            Some(chosen_carrier(weight_g, &options, input.delivery_option.as_deref(), cod)?)
        }
        None => None,
    };

    let mut tx = db.begin_write().await?;
    let rfq = store::find_rfq_in(&mut tx, rfq.id)
        .await?
        .ok_or_else(|| AppError::not_found(messages::REQUEST_FOR_QUOTATION))?;
    if rfq.status != "open" {
        return Err(AppError::conflict("rfq", messages::THE_REQUEST_HAS_ACCEPTED_ANOTHER_QUOTE));
    }
    let quote = store::find_quote_in(&mut tx, quote.id).await?.ok_or_else(|| AppError::not_found(messages::QUOTE))?;
    if quote.revision != priced.revision {
        return Err(AppError::conflict("quote", messages::THE_QUOTE_JUST_CHANGED_RELOAD));
    }
    let revision = store::revision_in(&mut tx, quote.id, quote.revision)
        .await?
        .ok_or_else(|| AppError::not_found(messages::QUOTE))?;
    match quote.status.as_str() {
        "open" if is_expired(&revision) => {
            return Err(AppError::conflict(
                "quote",
                Message::from(messages::THE_QUOTE_EXPIRED).with("valid_until", &revision.valid_until),
            ));
        }
        "open" => {}
        status => {
            return Err(AppError::conflict("quote", Message::from(messages::QUOTE_STATUS).with("status", status)));
        }
    }
    if quantity < revision.moq {
        return Err(AppError::conflict(
            "quantity",
            Message::from(messages::UNDER_THE_MINIMUM_ORDER_QUANTITY).with("moq", revision.moq).with("unit", &rfq.unit),
        ));
    }
    let unit_price = price_for(&revision.tiers, quantity)
        .ok_or_else(|| AppError::conflict("quantity", messages::UNDER_THE_FIRST_PRICE_TIER))?;
    let subtotal = unit_price
        .checked_mul(quantity)
        .ok_or_else(|| AppError::invalid("quantity", messages::THE_TOTAL_IS_TOO_LARGE))?;
    let shipping = by_carrier.as_ref().map_or(revision.delivery_vnd, |(_, charge)| *charge);
    let total = subtotal + shipping;
    let deposit = deposit_of(total, revision.deposit_pct);
    let agreed = AgreedOrder {
        producer_id: quote.producer_id,
        buyer_user_id: rfq.buyer_user_id,
        buyer_name: &business.name,
        buyer_phone: &business.contact_phone,
        buyer_email: buyer.as_ref().map(|b| b.email.as_str()),
        province_code: &rfq.deliver_province_code,
        commune_code: &commune_code,
        street,
        payment_method,
        item: OrderItem {
            product_id: product.id,
            name: format!("{} — {}", product.name, rfq.title),
            unit: rfq.unit.clone(),
            price_vnd: unit_price,
            quantity,
        },
        shipping_vnd: shipping,
        delivery: by_carrier.map(|(chosen, _)| chosen),
        deposit_vnd: deposit,
        payment_time: PAYMENT_TIME,
    };
    let order = insert_agreed(&mut tx, &agreed).await?;
    if !store::accept_quote(&mut tx, &quote, order.id, quantity).await? {
        return Err(AppError::conflict("quote", messages::THE_QUOTE_JUST_CHANGED_RELOAD));
    }
    if !store::award_rfq(&mut tx, rfq.id).await? {
        return Err(AppError::conflict("rfq", messages::ANOTHER_QUOTE_WAS_JUST_ACCEPTED));
    }
    tx.commit().await.map_err(anyhow::Error::new)?;
    tracing::info!(quote.id = quote.id, order.code = %order.code, "quote {} accepted as order {}", quote.id, order.code);
    Ok(order)
}

/// A deposit asks for VietQR; otherwise the buyer's choice, VietQR when the
/// producer takes it.
fn payment_method(asked: Option<&str>, deposit_pct: i64, has_account: bool) -> AppResult<PaymentMethod> {
    let asked = match asked.map(str::trim).filter(|m| !m.is_empty()) {
        None => None,
        Some(text) => Some(PaymentMethod::parse(text).ok_or_else(|| {
            AppError::invalid("payment_method", Message::from(messages::VIETQR_OR_COD).with("text", text))
        })?),
    };
    let method = match asked {
        _ if deposit_pct > 0 => PaymentMethod::Vietqr,
        Some(method) => method,
        None if has_account => PaymentMethod::Vietqr,
        None => PaymentMethod::Cod,
    };
    if method == PaymentMethod::Vietqr && !has_account {
        return Err(AppError::conflict("payment_method", messages::THE_PRODUCER_HAS_NO_VIETQR_ACCOUNT));
    }
    if asked == Some(PaymentMethod::Cod) && deposit_pct > 0 {
        return Err(AppError::conflict("payment_method", messages::THE_QUOTE_ASKS_FOR_A_DEPOSIT));
    }
    Ok(method)
}

/// `pct` of `total`, rounded up to the đồng.
pub fn deposit_of(total: i64, pct: i64) -> i64 {
    if pct <= 0 {
        return 0;
    }
    let exact = i128::from(total) * i128::from(pct);
    i64::try_from((exact + 99) / 100).unwrap_or(total)
}

pub async fn post_message(db: &Db, user: &CurrentUser, quote_id: i64, body: &str) -> AppResult<store::Message> {
    let (quote, rfq, viewer) = quote_party(db, user, quote_id).await?;
    let side = match viewer {
        Viewer::Owner => "buyer",
        Viewer::Producers(_) => "producer",
        _ => return Err(AppError::Forbidden),
    };
    let body = body.trim();
    if !(1..=2_000).contains(&body.chars().count()) {
        return Err(AppError::invalid("body", messages::MESSAGE_1_TO_2_000_CHARACTERS));
    }
    let buyer = crate::auth::store::find_by_id(db, rfq.buyer_user_id).await?;
    let mut tx = db.begin_write().await?;
    let id = store::insert_message(&mut tx, quote.id, user.id, side, body).await?;
    let subject = format!("Tin nhắn về báo giá «{}» / A message about a quote", rfq.title);
    if side == "buyer" {
        crate::orders::notify::about_trade(&mut tx, Some(quote.producer_id), None, &subject, body).await?;
    } else if let Some(buyer) = buyer {
        crate::orders::notify::about_trade(&mut tx, None, Some((buyer.id, &buyer.email)), &subject, body).await?;
    }
    tx.commit().await.map_err(anyhow::Error::new)?;
    let messages = store::messages(db, quote.id).await?;
    messages.into_iter().find(|m| m.id == id).ok_or_else(|| AppError::not_found(messages::MESSAGE))
}

/// Posts a supply offer and tells the buyers following its set or province.
pub async fn post_offer(db: &Db, user: &CurrentUser, input: &OfferInput) -> AppResult<Offer> {
    let offer = input.validate().map_err(AppError::Invalid)?;
    user.require_producer(offer.producer_id)?;
    let producer = crate::producers::store::find_by_id(db, offer.producer_id)
        .await?
        .ok_or_else(|| AppError::invalid("producer_id", messages::NO_SUCH_PRODUCER))?;
    if let Some(id) = offer.product_id {
        let ok = catalog::store::find_by_id(db, id).await?.is_some_and(|p| p.producer_id == offer.producer_id);
        if !ok {
            return Err(AppError::invalid("product_id", messages::NOT_ONE_OF_YOUR_PRODUCTS));
        }
    }
    let mut tx = db.begin_write().await?;
    let id = store::insert_offer(&mut tx, &offer, &producer.province_code).await?;
    let subject = format!("Chào bán mới: {} / New supply offer", offer.title);
    let body = format!(
        "{}: {} {} từ {}, {}/{} từ {} {}.",
        producer.name,
        offer.quantity,
        offer.unit,
        offer.available_from,
        crate::vn::Vnd(offer.unit_price_vnd),
        offer.unit,
        offer.min_quantity,
        offer.unit
    );
    let told = store::tell_followers(&mut tx, &offer.set_code, &producer.province_code, &subject, &body).await?;
    tx.commit().await.map_err(anyhow::Error::new)?;
    tracing::info!(offer.id = id, told, "supply offer {id} posted");
    store::find_offer(db, id).await?.ok_or_else(|| AppError::not_found(messages::SUPPLY_OFFER))
}

/// Tells the buyers following a new product's set or province about it, once per
/// product; returns how many products were announced.
pub async fn announce_new_products(db: &Db) -> anyhow::Result<usize> {
    let mut announced = 0;
    for (id, name, set_code, province_code) in store::products_to_announce(db).await? {
        let mut tx = db.begin_write().await?;
        let subject = format!("Sản phẩm mới: {name} / New product");
        let body = format!("{name} vừa lên sàn dacsan, trong mục bạn theo dõi.");
        let told = store::tell_followers(&mut tx, &set_code, &province_code, &subject, &body).await?;
        if store::mark_announced(&mut tx, id, told).await? {
            tx.commit().await?;
            announced += 1;
        }
    }
    Ok(announced)
}

/// Queues [`announce_new_products`] every five minutes, once across servers.
pub fn register_jobs(handlers: &mut crate::jobs::Handlers, db: &Db) {
    let db = db.clone();
    handlers.every("trade.announce_new_products", Duration::from_secs(300), move |_| {
        let db = db.clone();
        async move {
            let n = announce_new_products(&db).await?;
            if n > 0 {
                tracing::info!(count = n, "told followers of {n} new products");
            }
            Ok(())
        }
    });
}

/// Closes one of the seller's open offers.
pub async fn close_offer(db: &Db, user: &CurrentUser, id: i64) -> AppResult<Offer> {
    let not_found = || AppError::not_found(messages::SUPPLY_OFFER);
    let offer = store::find_offer(db, id).await?.ok_or_else(not_found)?;
    user.require_producer(offer.producer_id)?;
    if !store::close_offer(db, offer.id).await? {
        return Err(AppError::conflict("offer", messages::THE_OFFER_IS_CLOSED_ALREADY));
    }
    store::find_offer(db, offer.id).await?.ok_or_else(not_found)
}

/// A follow as sent: a known set and/or province, not both empty.
pub fn valid_follow(set_code: Option<&str>, province_code: Option<&str>) -> AppResult<store::Follow> {
    let set_code = set_code.unwrap_or("").trim().to_string();
    let province_code = province_code.unwrap_or("").trim().to_string();
    if set_code.is_empty() && province_code.is_empty() {
        return Err(AppError::invalid("set_code", messages::CHOOSE_A_PRODUCT_SET));
    }
    if !set_code.is_empty() && catalog::ocop::set(&set_code).is_none() {
        return Err(AppError::invalid(
            "set_code",
            Message::from(messages::NO_SUCH_PRODUCT_SET).with("set_code", &set_code),
        ));
    }
    if !province_code.is_empty() && crate::vn::admin_units::province(&province_code).is_none() {
        return Err(AppError::invalid(
            "province_code",
            Message::from(messages::NO_SUCH_PROVINCE).with("province_code", &province_code),
        ));
    }
    Ok(store::Follow { set_code, province_code })
}

/// Tiers as a page shows them: `100 kg+: 380.000 ₫`.
pub fn tiers_text(tiers: &[Tier], unit: &str) -> String {
    tiers
        .iter()
        .map(|t| format!("{} {unit}+: {}", t.min_quantity, crate::vn::Vnd(t.unit_price_vnd)))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deposit_rounds_up_to_the_dong() {
        assert_eq!(deposit_of(1_000_001, 30), 300_001);
        assert_eq!(deposit_of(1_000_000, 30), 300_000);
        assert_eq!(deposit_of(1_000_000, 0), 0);
        assert_eq!(deposit_of(1_000_000, 100), 1_000_000);
    }

    #[test]
    fn a_deposit_is_paid_by_vietqr() {
        assert_eq!(payment_method(None, 30, true).unwrap(), PaymentMethod::Vietqr);
        assert!(payment_method(Some("cod"), 30, true).is_err());
        assert!(payment_method(None, 30, false).is_err());
        assert_eq!(payment_method(None, 0, false).unwrap(), PaymentMethod::Cod);
        assert_eq!(payment_method(Some("cod"), 0, true).unwrap(), PaymentMethod::Cod);
    }
}
