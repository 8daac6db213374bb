//! Product cards as the home page, search, a product's "more from" row and a
//! storefront show them.

use std::collections::HashMap;

use super::model::Product;
use super::{export, store};
use crate::db::{self, Db};
use crate::producers::{self, Producer};
use crate::vn::admin_units;

/// What a product card shows.
pub struct Card {
    pub url: String,
    pub name: String,
    pub image_url: Option<String>,
    pub price: String,
    /// On English pages, the dollar figure at the admin's rate.
    pub usd: Option<String>,
    pub unit: String,
    pub stars: Option<u8>,
    pub producer_name: String,
    pub place: String,
    pub in_stock: bool,
}

/// Cards for products, with their producers' names looked up in one query.
pub async fn cards(db: &Db, products: &[Product], english: bool) -> anyhow::Result<Vec<Card>> {
    let mut ids: Vec<i64> = products.iter().map(|p| p.producer_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let producers: HashMap<i64, Producer> =
        producers::store::list_by_ids(db, &ids).await?.into_iter().map(|p| (p.id, p)).collect();
    let today = db::today_vn();
    let usd_rate = if english { store::usd_rate(db).await? } else { None };
    Ok(products
        .iter()
        .map(|p| Card {
            usd: usd_rate.and_then(|rate| export::usd_figure(p.price.0, rate)),
            url: format!("/p/{}", p.slug),
            name: p.display_name(english).to_string(),
            image_url: p.card_image_url(),
            price: p.price.to_string(),
            unit: p.display_unit(english).to_string(),
            stars: p.valid_stars(today),
            producer_name: producers.get(&p.producer_id).map(|r| r.name.clone()).unwrap_or_default(),
            place: admin_units::province(p.origin_province_code()).map(|r| r.short_name.clone()).unwrap_or_default(),
            in_stock: p.stock > 0,
        })
        .collect())
}
