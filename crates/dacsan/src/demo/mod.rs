//! The demo region: producers and products of the northern provinces (invented
//! businesses in real 2025 communes, from `data/demo/`), generated pictures, demo
//! accounts, buyers' orders and bank transfers, and synthetic products for
//! benchmarks (`dacsan demo --products N`). Dates are relative to the day the demo
//! is filled, so certificates and orders stay current as the calendar moves.

mod orders;
pub mod pictures;
mod programme;
mod synthetic;
mod traces;
mod trade;

use anyhow::Context;
use image::DynamicImage;

use crate::auth::model::{self, Role};
use crate::auth::store as users;
use crate::catalog::model::ProductInput;
use crate::catalog::store as products;
use crate::db::Db;
use crate::media;
use crate::producers::model::ProducerInput;
use crate::producers::store::{self as producers, PaymentAccount};

pub use orders::fill_orders;
pub use programme::fill_programme;
pub use synthetic::fill_synthetic;
pub use traces::fill_traces;
pub use trade::fill_trade;

const PRODUCERS_CSV: &str = include_str!("../../../../data/demo/producers.csv");
const PRODUCTS_CSV: &str = include_str!("../../../../data/demo/products.csv");
const PICTURE_SIDE: u32 = 480;
/// The day `data/demo/products.csv` was written as of: its certificate dates move
/// forward by the days since, so the share of valid and expired certificates stays
/// what the file meant.
const PRODUCTS_WRITTEN_ON: time::Date = time::macros::date!(2026 - 11 - 25);

/// The demo accounts: (e-mail, password, role, producer slug or province).
pub const ACCOUNTS: [(&str, &str, Role, &str); 4] = [
    ("admin@dacsan.vn", "dacsan-admin", Role::Admin, ""),
    ("seller@dacsan.vn", "dacsan-seller", Role::Seller, "htx-che-shan-tuyet-sin-ho"),
    ("officer@dacsan.vn", "dacsan-officer", Role::Officer, "12"),
    ("buyer@dacsan.vn", "dacsan-buyer", Role::Buyer, ""),
];

/// Fills an empty database with the demo region; does nothing when producers exist.
/// Returns how many products were added.
pub async fn fill(db: &Db) -> anyhow::Result<usize> {
    if producers::count(db).await? > 0 {
        return Ok(0);
    }
    let progress = indicatif::ProgressBar::new(0).with_message("demo region");
    let mut producer_ids = std::collections::HashMap::new();
    for record in csv::Reader::from_reader(PRODUCERS_CSV.as_bytes()).into_records() {
        let r = record.context("read demo producers")?;
        let input = ProducerInput {
            slug: Some(r[0].to_string()),
            name: Some(r[1].to_string()),
            kind: Some(r[2].to_string()),
            province_code: Some(r[3].to_string()),
            commune_code: Some(r[4].to_string()),
            street: Some(r[5].to_string()),
            phone: Some(r[6].to_string()),
            email: Some(r[7].to_string()),
            tax_code: Some(r[8].to_string()),
            story: Some(r[9].to_string()),
            story_en: None,
        };
        let valid = input.validate(None).map_err(|e| anyhow::anyhow!("demo producer {}: {e:?}", &r[0]))?;
        let id = producers::insert(db, &valid).await.map_err(|e| anyhow::anyhow!("demo producer {}: {e}", &r[0]))?;
        let account = PaymentAccount {
            bank_bin: r[10].to_string(),
            account_number: r[11].to_string(),
            account_holder: r[12].to_string(),
        };
        producers::upsert_payment_account(db, id, &account).await?;
        let logo = pictures::producer_logo(&valid.name, id as u64, 256);
        let (_, card) = store_picture(db, DynamicImage::ImageRgb8(logo)).await?;
        producers::set_logo(db, id, card).await?;
        producer_ids.insert(r[0].to_string(), (id, valid.commune_code.clone()));
    }
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(PRODUCTS_CSV.as_bytes())
        .into_records()
        .collect::<Result<_, _>>()
        .context("read demo products")?;
    progress.set_length(rows.len() as u64);
    let shift = crate::db::today_vn() - PRODUCTS_WRITTEN_ON;
    for (i, r) in rows.iter().enumerate() {
        let (producer_id, commune) =
            producer_ids.get(&r[0]).with_context(|| format!("demo product {}: unknown producer {}", &r[1], &r[0]))?;
        let stars: u8 = r[5].parse().unwrap_or(0);
        let input = ProductInput {
            producer_id: Some(*producer_id),
            slug: Some(r[1].to_string()),
            name: Some(r[2].to_string()),
            name_en: Some(r[3].to_string()),
            set_code: Some(r[4].to_string()),
            ocop_stars: Some(stars),
            ocop_certificate_no: Some(r[6].to_string()),
            ocop_authority: Some(r[7].to_string()),
            ocop_certified_on: Some(shifted(&r[8], shift)),
            ocop_expires_on: Some(shifted(&r[9], shift)),
            price_vnd: r[10].parse().ok(),
            unit: Some(r[11].to_string()),
            weight_g: r[12].parse().ok(),
            stock: r[13].parse().ok(),
            sku: Some(r[14].to_string()),
            gtin: Some(r[15].to_string()),
            description: Some(r[16].to_string()),
            origin_commune_code: Some(r[17].to_string()),
            status: Some("active".into()),
            wholesale_breaks: r[10].parse().ok().map(|price| demo_wholesale(i, price)),
            ..Default::default()
        };
        let valid = input.validate(None, commune).map_err(|e| anyhow::anyhow!("demo product {}: {e:?}", &r[1]))?;
        let id =
            products::insert(db, &valid, true).await.map_err(|e| anyhow::anyhow!("demo product {}: {e}", &r[1]))?;
        let picture = pictures::product_picture(&r[18], id as u64, PICTURE_SIDE);
        let (full, card) = store_picture(db, DynamicImage::ImageRgb8(picture)).await?;
        products::add_photo(db, id, full, card).await?;
        set_sold_count(db, id, demo_sales(i)).await?;
        progress.inc(1);
    }
    progress.finish_and_clear();
    create_accounts(db).await?;
    Ok(rows.len())
}

/// An ISO date moved by `shift`; anything else (an empty cell) as it is.
fn shifted(date: &str, shift: time::Duration) -> String {
    crate::vn::parse_iso_date(date).map_or_else(|| date.to_string(), |d| (d + shift).to_string())
}

/// Every third product sells wholesale: 10 % off from 20 units, 18 % from 100,
/// rounded down to a thousand đồng.
fn demo_wholesale(i: usize, price_vnd: i64) -> Vec<crate::catalog::wholesale::PriceBreak> {
    if !i.is_multiple_of(3) || price_vnd < 10_000 {
        return Vec::new();
    }
    [(20, 90), (100, 82)]
        .into_iter()
        .map(|(min_quantity, percent)| crate::catalog::wholesale::PriceBreak {
            min_quantity,
            unit_price_vnd: price_vnd * percent / 100 / 1000 * 1000,
        })
        .collect()
}

/// A steady spread of past sales so that "best selling" means something.
fn demo_sales(i: usize) -> i64 {
    ((i * 7919) % 480) as i64
}

pub(crate) async fn set_sold_count(db: &Db, product_id: i64, sold: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE products SET sold_count = $1 WHERE id = $2")
        .bind(sold)
        .bind(product_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

async fn store_picture(db: &Db, picture: DynamicImage) -> anyhow::Result<(i64, i64)> {
    let processed = tokio::task::spawn_blocking(move || media::model::renditions(&picture)).await??;
    media::store::insert_processed(db, &processed).await
}

async fn create_accounts(db: &Db) -> anyhow::Result<()> {
    for (email, password, role, scope) in ACCOUNTS {
        let hash = model::hash_password(password)?;
        let name = email.split('@').next().unwrap_or(email);
        let new_user = users::NewUser { email, name, phone: None, password_hash: &hash, role, privacy_consent: true };
        let id = users::insert(db, &new_user).await?.with_context(|| format!("demo account {email} exists"))?;
        match role {
            Role::Seller => {
                let producer =
                    producers::find_by_slug(db, scope).await?.with_context(|| format!("demo producer {scope}"))?;
                users::add_producer_member(db, id, producer.id, "owner").await?;
            }
            Role::Officer => users::add_officer_province(db, id, scope).await?,
            _ => {}
        }
    }
    Ok(())
}

/// What `dacsan demo` prints for people.
pub fn accounts_text() -> String {
    ACCOUNTS
        .iter()
        .map(|(email, password, role, _)| format!("  {:<8} {email} / {password}", role.as_str()))
        .collect::<Vec<_>>()
        .join("\n")
}
