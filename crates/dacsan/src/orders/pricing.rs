//! What a buyer pays for a line: the list price; a live session's price while its
//! code is carried; a product's wholesale price when the buyer is a business at or
//! above a price break. The lowest of those that apply.
//!
//! Orders do not know business profiles (they live in `trade`): they ask the
//! [`BusinessBuyers`] the app hands them, as they ask live selling for referrals.

use super::delivery::BoxFuture;
use super::referrals::SessionPrice;
use crate::catalog::{Product, wholesale};
use crate::db::Db;

pub trait BusinessBuyers: Send + Sync + 'static {
    /// Whether this account buys as a business (it has a business profile).
    fn is_business<'a>(&'a self, db: &'a Db, user_id: i64) -> BoxFuture<'a, anyhow::Result<bool>>;
}

/// Which price a line is at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceKind {
    List,
    Session,
    Wholesale,
}

/// The unit price of `quantity` units of `product`, and which price it is.
pub fn unit_price(
    product: &Product,
    quantity: i64,
    session: Option<&SessionPrice>,
    business: bool,
) -> (i64, PriceKind) {
    let mut best = (product.price.0, PriceKind::List);
    if let Some(session) = session
        && session.price_vnd < best.0
    {
        best = (session.price_vnd, PriceKind::Session);
    }
    if business
        && let Some(price) = wholesale::price_for(&product.wholesale, quantity)
        && price < best.0
    {
        best = (price, PriceKind::Wholesale);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::ProductStatus;
    use crate::catalog::wholesale::PriceBreak;
    use crate::vn::Vnd;

    fn product() -> Product {
        Product {
            id: 1,
            slug: "che".into(),
            producer_id: 1,
            name: "Chè".into(),
            name_en: String::new(),
            set_code: String::new(),
            ocop: None,
            price: Vnd(100_000),
            unit: "hộp".into(),
            weight_g: 500,
            package: None,
            stock: 1000,
            sku: None,
            gtin: None,
            description: String::new(),
            description_en: String::new(),
            unit_en: String::new(),
            export: Default::default(),
            origin_commune_code: String::new(),
            status: ProductStatus::Active,
            sold_count: 0,
            wholesale: vec![
                PriceBreak { min_quantity: 20, unit_price_vnd: 90_000 },
                PriceBreak { min_quantity: 100, unit_price_vnd: 80_000 },
            ],
            created_at: String::new(),
            updated_at: String::new(),
            cover: None,
        }
    }

    #[test]
    fn businesses_pay_the_break_they_reach_and_others_the_list_price() {
        let p = product();
        assert_eq!(unit_price(&p, 100, None, false), (100_000, PriceKind::List));
        assert_eq!(unit_price(&p, 19, None, true), (100_000, PriceKind::List), "under the business minimum");
        assert_eq!(unit_price(&p, 20, None, true), (90_000, PriceKind::Wholesale));
        assert_eq!(unit_price(&p, 150, None, true), (80_000, PriceKind::Wholesale));
    }

    #[test]
    fn the_lowest_of_session_and_wholesale_prices_wins() {
        let p = product();
        let session = SessionPrice { price_vnd: 85_000, units_left: None };
        assert_eq!(unit_price(&p, 5, Some(&session), true), (85_000, PriceKind::Session));
        assert_eq!(unit_price(&p, 20, Some(&session), true), (85_000, PriceKind::Session));
        assert_eq!(unit_price(&p, 100, Some(&session), true), (80_000, PriceKind::Wholesale));
        assert_eq!(unit_price(&p, 100, Some(&session), false), (85_000, PriceKind::Session));
    }
}
