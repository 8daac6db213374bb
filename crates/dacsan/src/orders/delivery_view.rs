//! The checkout page's delivery section: for each producer's order, the options
//! with price and days, the cheapest checked (`GET /checkout/delivery` redraws it
//! when the buyer picks a commune or a way to pay).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum_extra::extract::CookieJar;
use serde::Deserialize;

use super::delivery::Delivery;
use super::delivery::DeliveryOption;
use super::model::{CheckoutItem, QuoteInput, ShippingInput};
use super::service;
use super::service::CheckoutHelpers;
use crate::cart::view::CartView;
use crate::db::Db;
use crate::vn::Vnd;
use crate::web::{Page, PageError, render};

pub struct OptionView {
    pub id: String,
    pub name: String,
    pub charge: Vnd,
    pub cod_fee: Vnd,
    pub days: String,
    pub sample: bool,
    pub checked: bool,
    /// The collection point the parcel goes through.
    pub via: Option<String>,
}

pub struct DeliveryGroup {
    pub producer_id: i64,
    pub producer_name: String,
    pub weight_kg: String,
    pub weight_estimated: bool,
    pub options: Vec<OptionView>,
}

/// The delivery section: the groups, or why there are none yet.
pub struct DeliverySection {
    pub groups: Vec<DeliveryGroup>,
    /// Delivery for the whole cart with the checked options.
    pub total: Option<Vnd>,
    /// Shown instead of options: no address yet, or nothing reaches it.
    pub problem: Option<String>,
}

impl DeliverySection {
    pub fn any_sample(&self) -> bool {
        self.groups.iter().any(|g| g.options.iter().any(|o| o.sample))
    }
}

fn days(option: &DeliveryOption) -> String {
    match (option.eta_days_min, option.eta_days_max) {
        (0, 0) => "0".into(),
        (min, max) if min == max => format!("{min}"),
        (min, max) => format!("{min}–{max}"),
    }
}

/// Prices the cart's delivery to the chosen commune; `chosen` holds the options
/// already picked (`delivery_<producer id>`).
pub async fn section(
    db: &Db,
    delivery: &dyn Delivery,
    cart: &CartView,
    province_code: &str,
    commune_code: &str,
    cash_on_delivery: bool,
    chosen: &HashMap<String, String>,
) -> DeliverySection {
    let empty = |problem: Option<String>| DeliverySection { groups: Vec::new(), total: None, problem };
    let input = QuoteInput {
        items: cart
            .groups
            .iter()
            .flat_map(|g| g.lines.iter())
            .map(|l| CheckoutItem { product_id: l.product.id, quantity: l.quantity })
            .collect(),
        shipping: ShippingInput {
            province_code: Some(province_code.to_string()),
            commune_code: Some(commune_code.to_string()),
            street: None,
        },
        payment_method: Some(if cash_on_delivery { "cod" } else { "vietqr" }.into()),
    };
    let Ok(valid) = input.validate() else { return empty(None) };
    let quotes = match service::quote(db, delivery, &valid, cart.business).await {
        Ok(quotes) => quotes,
        Err(err) => return empty(Some(err.to_string())),
    };
    let mut groups = Vec::new();
    let mut total = 0i64;
    for quote in quotes {
        let picked = chosen.get(&format!("delivery_{}", quote.producer_id));
        let checked_id = quote
            .delivery
            .options
            .iter()
            .find(|o| Some(&o.id) == picked)
            .or(quote.delivery.options.first())
            .map(|o| o.id.clone());
        let options: Vec<OptionView> = quote
            .delivery
            .options
            .iter()
            .map(|o| OptionView {
                id: o.id.clone(),
                name: o.name.clone(),
                charge: Vnd(o.charge_vnd(cash_on_delivery)),
                cod_fee: Vnd(if cash_on_delivery { o.cod_fee_vnd } else { 0 }),
                days: days(o),
                sample: o.sample_rates,
                checked: Some(&o.id) == checked_id.as_ref(),
                via: o.via.clone(),
            })
            .collect();
        total += options.iter().find(|o| o.checked).map_or(0, |o| o.charge.0);
        let producer_name = cart
            .groups
            .iter()
            .find(|g| g.producer.id == quote.producer_id)
            .map(|g| g.producer.name.clone())
            .unwrap_or_default();
        let kg = quote.delivery.weight_g as f64 / 1000.0;
        groups.push(DeliveryGroup {
            producer_id: quote.producer_id,
            producer_name,
            weight_kg: format!("{kg:.1}"),
            weight_estimated: quote.delivery.weight_estimated,
            options,
        });
    }
    let reachable = groups.iter().all(|g| !g.options.is_empty());
    DeliverySection { total: reachable.then_some(Vnd(total)), groups, problem: None }
}

#[derive(Template)]
#[template(path = "orders/_delivery.html")]
struct DeliveryFragment {
    page: Page,
    delivery: DeliverySection,
    grand_total: Option<Vnd>,
}

#[derive(Debug, Deserialize)]
pub struct DeliveryParams {
    #[serde(default)]
    province_code: String,
    #[serde(default)]
    commune_code: String,
    payment_method: Option<String>,
    #[serde(flatten)]
    chosen: HashMap<String, String>,
}

/// `GET /checkout/delivery?province_code=&commune_code=&payment_method=`: the
/// delivery section for the chosen address (htmx swaps it in).
pub async fn delivery_options(
    State(db): State<Db>,
    State(helpers): State<CheckoutHelpers>,
    page: Page,
    jar: CookieJar,
    Query(q): Query<DeliveryParams>,
) -> Result<Response, PageError> {
    let cart = crate::cart::service::current(&db, &page, &jar).await?;
    let referral = crate::web::referral::carried(&jar);
    let cart = crate::cart::view::build(&db, &helpers, &cart, &page, referral.as_deref()).await?;
    let cod = q.payment_method.as_deref() == Some("cod");
    let delivery = section(&db, &*helpers.delivery, &cart, &q.province_code, &q.commune_code, cod, &q.chosen).await;
    let grand_total = delivery.total.map(|d| Vnd(cart.total.0 + d.0));
    Ok(render(&DeliveryFragment { page, delivery, grand_total }))
}
