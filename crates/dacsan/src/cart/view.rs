//! The cart as the cart page and checkout show it: grouped by producer, with today's
//! prices and stock, priced for this visitor as checkout will price it.

use std::collections::HashMap;

use super::model::Cart;
use crate::catalog::{self, Product, ProductStatus};
use crate::db::Db;
use crate::orders::pricing::{self, PriceKind};
use crate::orders::service::CheckoutHelpers;
use crate::producers::{self, Producer};
use crate::vn::Vnd;
use crate::web::Page;

pub struct LineView {
    pub product: Product,
    pub name: String,
    pub quantity: i64,
    /// What one unit costs this buyer (the wholesale price when it reaches a break).
    pub unit_price: Vnd,
    /// At a wholesale price break.
    pub wholesale: bool,
    /// At the price of the live session whose code the buyer carries.
    pub session: bool,
    /// For a business buyer: the next price break up (quantity, unit price).
    pub next_break: Option<(i64, Vnd)>,
    pub line_total: Vnd,
    /// The price the buyer saw, when it has changed since.
    pub old_price: Option<Vnd>,
    /// Why this line cannot be bought as it is.
    pub problem: Option<&'static str>,
}

pub struct GroupView {
    pub producer: Producer,
    pub lines: Vec<LineView>,
    pub subtotal: Vnd,
    pub takes_vietqr: bool,
}

pub struct CartView {
    pub groups: Vec<GroupView>,
    pub total: Vnd,
    pub count: i64,
    /// Every line can be bought as it is.
    pub ready: bool,
    /// The buyer has a business profile: wholesale prices apply.
    pub business: bool,
}

/// The cart with today's prices and stock, grouped by producer, priced for this
/// visitor as checkout will price it: a business account pays wholesale prices where
/// it reaches a break; a live session's code (`referral`) brings its session prices
/// while the session runs (an unknown code brings none: checkout names it).
pub async fn build(
    db: &Db,
    helpers: &CheckoutHelpers,
    cart: &Cart,
    page: &Page,
    referral: Option<&str>,
) -> anyhow::Result<CartView> {
    let english = page.is_en();
    let business = helpers.buys_as_business(db, page.user.as_ref()).await?;
    let session_prices = match referral.map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => helpers.referrals.resolve(db, code).await?.map(|r| r.prices).unwrap_or_default(),
        None => HashMap::new(),
    };
    let ids: Vec<i64> = cart.lines.iter().map(|l| l.product_id).collect();
    let products: HashMap<i64, Product> =
        catalog::store::list_by_ids(db, &ids).await?.into_iter().map(|p| (p.id, p)).collect();
    let mut groups: Vec<GroupView> = Vec::new();
    let mut total = Vnd(0);
    for line in &cart.lines {
        let Some(product) = products.get(&line.product_id) else { continue };
        let session = session_prices.get(&product.id);
        let (unit_price, kind) = pricing::unit_price(product, line.quantity, session, business);
        let problem = if product.status != ProductStatus::Active {
            Some("cart_unavailable")
        } else if product.stock < line.quantity {
            Some("cart_short")
        } else if kind == PriceKind::Session
            && session.and_then(|s| s.units_left).is_some_and(|left| left < line.quantity)
        {
            // Checkout refuses it too: fewer units are left at the session price.
            Some("cart_session_short")
        } else {
            None
        };
        let line_total = Vnd(unit_price).checked_mul(line.quantity).unwrap_or(Vnd(i64::MAX));
        let view = LineView {
            name: product.display_name(english).to_string(),
            quantity: line.quantity,
            unit_price: Vnd(unit_price),
            wholesale: kind == PriceKind::Wholesale,
            session: kind == PriceKind::Session,
            next_break: business
                .then(|| product.wholesale.iter().find(|b| b.min_quantity > line.quantity))
                .flatten()
                .map(|b| (b.min_quantity, Vnd(b.unit_price_vnd))),
            line_total,
            old_price: (line.seen_price_vnd != product.price.0).then_some(Vnd(line.seen_price_vnd)),
            problem,
            product: product.clone(),
        };
        total = total.checked_add(line_total).unwrap_or(Vnd(i64::MAX));
        match groups.iter_mut().find(|g| g.producer.id == product.producer_id) {
            Some(group) => {
                group.subtotal = group.subtotal.checked_add(line_total).unwrap_or(Vnd(i64::MAX));
                group.lines.push(view);
            }
            None => {
                let Some(producer) = producers::store::find_by_id(db, product.producer_id).await? else {
                    continue;
                };
                let takes_vietqr = producers::store::payment_account(db, producer.id).await?.is_some();
                groups.push(GroupView { producer, subtotal: line_total, lines: vec![view], takes_vietqr });
            }
        }
    }
    let ready = !groups.is_empty() && groups.iter().all(|g| g.lines.iter().all(|l| l.problem.is_none()));
    Ok(CartView { count: cart.count(), groups, total, ready, business })
}
