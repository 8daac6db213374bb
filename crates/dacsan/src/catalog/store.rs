//! All SQL of products and their photos, and the rows the search index is built from.

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::Date;

use super::export::{self, ExportFacts};
use super::messages;
use super::model::{NewRegisteredProduct, Ocop, PackageSize, Product, RegisteredProduct, RegistryFields, ValidProduct};
use super::ocop;
use super::wholesale;
use crate::db::{self, Db};
use crate::error::{AppError, AppResult};
use crate::producers::store::id_list;
use crate::search::SearchDoc;
use crate::vn::{Vnd, admin_units};

const COLUMNS: &str = "p.id, p.slug, p.producer_id, p.name, p.name_en, p.set_code, p.ocop_stars, p.ocop_certificate_no,
    p.ocop_authority, p.ocop_certified_on, p.ocop_expires_on, p.price_vnd, p.unit, p.weight_g, p.stock, p.sku, p.gtin,
    p.description, p.origin_commune_code, p.status, p.sold_count, p.wholesale_breaks, p.created_at, p.updated_at,
    p.description_en, p.unit_en, p.hs_code, p.shelf_life_days, p.certifications, p.export_markets,
    p.package_length_cm, p.package_width_cm, p.package_height_cm,
    (SELECT media_id FROM product_photos ph WHERE ph.product_id = p.id ORDER BY position LIMIT 1) AS cover_id,
    (SELECT thumb_media_id FROM product_photos ph WHERE ph.product_id = p.id ORDER BY position LIMIT 1) AS cover_thumb_id";

fn date(value: Option<String>) -> Option<Date> {
    value.and_then(|v| Date::parse(&v, time::macros::format_description!("[year]-[month]-[day]")).ok())
}

fn package_of(length: Option<i64>, width: Option<i64>, height: Option<i64>) -> Option<PackageSize> {
    Some(PackageSize { length_cm: length?, width_cm: width?, height_cm: height? })
}

fn package_sides(p: &ValidProduct) -> [Option<i64>; 3] {
    match p.package {
        Some(size) => [Some(size.length_cm), Some(size.width_cm), Some(size.height_cm)],
        None => [None; 3],
    }
}

fn from_row(row: &AnyRow) -> Result<Product, sqlx::Error> {
    let stars: i64 = row.try_get("ocop_stars")?;
    let certified_on = date(row.try_get("ocop_certified_on")?);
    let expires_on = date(row.try_get("ocop_expires_on")?);
    let ocop = match (stars, certified_on, expires_on) {
        (3..=5, Some(certified_on), Some(expires_on)) => Some(Ocop {
            stars: stars as u8,
            certificate_no: row.try_get::<Option<String>, _>("ocop_certificate_no")?.unwrap_or_default(),
            authority: row.try_get::<Option<String>, _>("ocop_authority")?.unwrap_or_default(),
            certified_on,
            expires_on,
        }),
        _ => None,
    };
    let cover_id: Option<i64> = row.try_get("cover_id")?;
    let cover_thumb: Option<i64> = row.try_get("cover_thumb_id")?;
    let wholesale: String = row.try_get("wholesale_breaks")?;
    let wholesale = wholesale::from_stored(&wholesale).map_err(|e| sqlx::Error::Decode(e.into()))?;
    Ok(Product {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        producer_id: row.try_get("producer_id")?,
        name: row.try_get("name")?,
        name_en: row.try_get("name_en")?,
        set_code: row.try_get("set_code")?,
        ocop,
        price: Vnd(row.try_get("price_vnd")?),
        unit: row.try_get("unit")?,
        weight_g: row.try_get("weight_g")?,
        package: package_of(
            row.try_get("package_length_cm")?,
            row.try_get("package_width_cm")?,
            row.try_get("package_height_cm")?,
        ),
        stock: row.try_get("stock")?,
        sku: row.try_get("sku")?,
        gtin: row.try_get("gtin")?,
        description: row.try_get("description")?,
        description_en: row.try_get("description_en")?,
        unit_en: row.try_get("unit_en")?,
        export: ExportFacts {
            hs_code: row.try_get("hs_code")?,
            shelf_life_days: row.try_get("shelf_life_days")?,
            certifications: export::list_from_stored(&row.try_get::<String, _>("certifications")?),
            markets: export::list_from_stored(&row.try_get::<String, _>("export_markets")?),
        },
        origin_commune_code: row.try_get("origin_commune_code")?,
        status: db::known(row, "status")?,
        sold_count: row.try_get("sold_count")?,
        wholesale,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        cover: cover_id.zip(cover_thumb),
    })
}

fn iso(date: Option<Date>) -> Option<String> {
    date.map(|d| d.to_string())
}

/// The 409 of a product's unique rule: its SKU within the producer, or its address.
fn conflict_of(err: &sqlx::Error) -> Option<AppError> {
    match db::unique::violated(err)?.as_str() {
        "products_producer_sku" => Some(AppError::conflict("sku", messages::THIS_SKU_IS_ALREADY_USED)),
        "products_slug_key" => Some(AppError::conflict("slug", messages::THIS_PRODUCT_ADDRESS_IS_TAKEN)),
        _ => None,
    }
}

/// Inserts a product. A slug taken by another product gets `-2`, `-3`… unless the
/// caller chose it explicitly (`explicit_slug`), which is then a 409.
pub async fn insert(db: &Db, p: &ValidProduct, explicit_slug: bool) -> AppResult<i64> {
    let now = db::now();
    for attempt in 1..=50 {
        let slug = if attempt == 1 { p.slug.clone() } else { format!("{}-{attempt}", p.slug) };
        let ocop = p.ocop.as_ref();
        let result = sqlx::query(
            "INSERT INTO products (slug, producer_id, name, name_en, set_code, ocop_stars, ocop_certificate_no, ocop_authority,
             ocop_certified_on, ocop_expires_on, price_vnd, unit, weight_g, stock, sku, gtin, description, origin_commune_code,
             status, wholesale_breaks, description_en, unit_en, hs_code, shelf_life_days, certifications, export_markets,
             package_length_cm, package_width_cm, package_height_cm, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $21, $22, $23, $24,
             $25, $26, $27, $28, $29, $30, $20, $20)
             RETURNING id",
        )
        .bind(&slug)
        .bind(p.producer_id)
        .bind(&p.name)
        .bind(&p.name_en)
        .bind(&p.set_code)
        .bind(ocop.map_or(0, |o| i64::from(o.stars)))
        .bind(ocop.map(|o| o.certificate_no.clone()))
        .bind(ocop.map(|o| o.authority.clone()))
        .bind(iso(ocop.map(|o| o.certified_on)))
        .bind(iso(ocop.map(|o| o.expires_on)))
        .bind(p.price.0)
        .bind(&p.unit)
        .bind(p.weight_g)
        .bind(p.stock)
        .bind(&p.sku)
        .bind(&p.gtin)
        .bind(&p.description)
        .bind(&p.origin_commune_code)
        .bind(p.status.as_str())
        .bind(&now)
        .bind(wholesale::to_stored(&p.wholesale))
        .bind(&p.description_en)
        .bind(&p.unit_en)
        .bind(&p.export.hs_code)
        .bind(p.export.shelf_life_days)
        .bind(export::list_to_stored(&p.export.certifications))
        .bind(export::list_to_stored(&p.export.markets))
        .bind(package_sides(p)[0])
        .bind(package_sides(p)[1])
        .bind(package_sides(p)[2])
        .fetch_one(&db.pool)
        .await;
        match result {
            Ok(row) => return Ok(row.try_get("id")?),
            Err(e) => match conflict_of(&e) {
                Some(AppError::Conflict { field, .. }) if field == "slug" && !explicit_slug => {}
                Some(conflict) => return Err(conflict),
                None => return Err(anyhow::Error::new(e).context(format!("insert product {slug}")).into()),
            },
        }
    }
    Err(AppError::conflict("slug", messages::NO_FREE_PRODUCT_ADDRESS))
}

pub async fn update(db: &Db, id: i64, p: &ValidProduct) -> AppResult<()> {
    let ocop = p.ocop.as_ref();
    let result = sqlx::query(
        "UPDATE products SET slug = $1, name = $2, name_en = $3, set_code = $4, ocop_stars = $5, ocop_certificate_no = $6,
         ocop_authority = $7, ocop_certified_on = $8, ocop_expires_on = $9, price_vnd = $10, unit = $11, weight_g = $12,
         stock = $13, sku = $14, gtin = $15, description = $16, origin_commune_code = $17, status = $18, updated_at = $19,
         wholesale_breaks = $21, description_en = $22, unit_en = $23, hs_code = $24, shelf_life_days = $25,
         certifications = $26, export_markets = $27, package_length_cm = $28, package_width_cm = $29,
         package_height_cm = $30
         WHERE id = $20",
    )
    .bind(&p.slug)
    .bind(&p.name)
    .bind(&p.name_en)
    .bind(&p.set_code)
    .bind(ocop.map_or(0, |o| i64::from(o.stars)))
    .bind(ocop.map(|o| o.certificate_no.clone()))
    .bind(ocop.map(|o| o.authority.clone()))
    .bind(iso(ocop.map(|o| o.certified_on)))
    .bind(iso(ocop.map(|o| o.expires_on)))
    .bind(p.price.0)
    .bind(&p.unit)
    .bind(p.weight_g)
    .bind(p.stock)
    .bind(&p.sku)
    .bind(&p.gtin)
    .bind(&p.description)
    .bind(&p.origin_commune_code)
    .bind(p.status.as_str())
    .bind(db::now())
    .bind(id)
    .bind(wholesale::to_stored(&p.wholesale))
    .bind(&p.description_en)
    .bind(&p.unit_en)
    .bind(&p.export.hs_code)
    .bind(p.export.shelf_life_days)
    .bind(export::list_to_stored(&p.export.certifications))
    .bind(export::list_to_stored(&p.export.markets))
    .bind(package_sides(p)[0])
    .bind(package_sides(p)[1])
    .bind(package_sides(p)[2])
    .execute(&db.pool)
    .await;
    match result {
        Ok(_) => Ok(()),
        Err(e) => {
            Err(conflict_of(&e).unwrap_or_else(|| anyhow::Error::new(e).context(format!("update product {id}")).into()))
        }
    }
}

pub async fn find_by_id(db: &Db, id: i64) -> anyhow::Result<Option<Product>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM products p WHERE p.id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .context("find product")?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

pub async fn find_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<Product>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM products p WHERE p.slug = $1"))
        .bind(slug)
        .fetch_optional(&db.pool)
        .await
        .context("find product by slug")?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

/// Products by id, in the order of `ids` (the search ranking).
pub async fn list_by_ids(db: &Db, ids: &[i64]) -> anyhow::Result<Vec<Product>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!("SELECT {COLUMNS} FROM products p WHERE {}", db.in_ids("p.id", 1));
    let rows = sqlx::query(&sql).bind(db::ids_json(ids)).fetch_all(&db.pool).await.context("list products by id")?;
    let mut products = rows.iter().map(from_row).collect::<Result<Vec<_>, _>>()?;
    products.sort_by_key(|p| ids.iter().position(|id| *id == p.id));
    Ok(products)
}

/// A producer's products; `only_active` for the public storefront.
pub async fn list_for_producer(
    db: &Db,
    producer_id: i64,
    only_active: bool,
    limit: i64,
) -> anyhow::Result<Vec<Product>> {
    let filter = if only_active { "AND status = 'active'" } else { "" };
    // Choose the ids first: the cover subqueries then run for `limit` rows only,
    // not for every product of the store before the sort.
    let sql = format!(
        "SELECT {COLUMNS} FROM products p WHERE p.id IN
         (SELECT id FROM products WHERE producer_id = $1 {filter} ORDER BY sold_count DESC, id DESC LIMIT $2)
         ORDER BY p.sold_count DESC, p.id DESC"
    );
    let rows =
        sqlx::query(&sql).bind(producer_id).bind(limit).fetch_all(&db.pool).await.context("list producer products")?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// The products on sale of several producers in one statement (the office's live
/// session of a province), by producer, best-selling first.
pub async fn list_active_for_producers(db: &Db, producer_ids: &[i64], limit: i64) -> anyhow::Result<Vec<Product>> {
    if producer_ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM products p WHERE p.producer_id IN ({}) AND p.status = 'active'
         ORDER BY p.producer_id, p.sold_count DESC, p.id DESC LIMIT $1",
        id_list(producer_ids)
    );
    let rows = sqlx::query(&sql).bind(limit).fetch_all(&db.pool).await.context("list producers' products on sale")?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

pub async fn count(db: &Db) -> anyhow::Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) FROM products").fetch_one(&db.pool).await.context("count products")?;
    Ok(row.try_get(0)?)
}

/// Photo media ids (full size, thumbnail) in order.
pub async fn photos(db: &Db, product_id: i64) -> anyhow::Result<Vec<(i64, i64)>> {
    let rows =
        sqlx::query("SELECT media_id, thumb_media_id FROM product_photos WHERE product_id = $1 ORDER BY position")
            .bind(product_id)
            .fetch_all(&db.pool)
            .await
            .context("list product photos")?;
    rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect()
}

pub async fn add_photo(db: &Db, product_id: i64, media_id: i64, thumb_id: i64) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO product_photos (product_id, position, media_id, thumb_media_id)
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM product_photos WHERE product_id = $1), $2, $3)",
    )
    .bind(product_id)
    .bind(media_id)
    .bind(thumb_id)
    .execute(&db.pool)
    .await
    .context("add product photo")?;
    sqlx::query("UPDATE products SET updated_at = $1 WHERE id = $2")
        .bind(db::now())
        .bind(product_id)
        .execute(&db.pool)
        .await
        .context("touch product")?;
    Ok(())
}

pub async fn remove_photo(db: &Db, product_id: i64, media_id: i64) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM product_photos WHERE product_id = $1 AND media_id = $2")
        .bind(product_id)
        .bind(media_id)
        .execute(&db.pool)
        .await
        .context("remove product photo")?;
    Ok(())
}

/// Marks a producer's products changed, so that other processes re-index them
/// (their documents include the producer's name and place).
pub async fn touch_producer_products(db: &Db, producer_id: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE products SET updated_at = $1 WHERE producer_id = $2")
        .bind(db::now())
        .bind(producer_id)
        .execute(&db.pool)
        .await
        .context("touch producer products")?;
    Ok(())
}

const SEARCH_COLUMNS: &str = "p.id, p.name, p.name_en, p.set_code, p.ocop_stars, p.ocop_certified_on, p.ocop_expires_on, p.price_vnd,
    p.stock, p.description, p.origin_commune_code, p.status, p.sold_count, p.created_at, p.updated_at, r.name AS producer_name";

/// Which products to load for the search index.
pub enum Changed<'a> {
    /// A page of all products: ids above `after_id`, at most `limit`.
    Page {
        after_id: i64,
        limit: i64,
    },
    /// Changed after the watermark, or recently (a write whose transaction
    /// committed late carries an older timestamp: the recent window catches it).
    Since {
        after: &'a str,
        recent: &'a str,
    },
    One(i64),
    /// Every product of a producer.
    Producer(i64),
}

/// What the index must change: documents of active products, ids of the others,
/// and when each loaded product last changed.
pub struct IndexChanges {
    pub docs: Vec<SearchDoc>,
    pub gone: Vec<i64>,
    /// (id, updated_at) of every product loaded.
    /// (id, updated_at, fingerprint of what the index would hold): timestamps have
    /// one-second resolution, so two writes in one second differ by fingerprint.
    pub stamps: Vec<(i64, String, u64)>,
}

impl IndexChanges {
    pub fn newest(&self) -> Option<&str> {
        self.stamps.iter().map(|(_, at, _)| at.as_str()).max()
    }

    /// Keeps only the products whose ids pass `keep`.
    pub fn retain(&mut self, keep: impl Fn(i64) -> bool) {
        self.docs.retain(|d| keep(d.id));
        self.gone.retain(|id| keep(*id));
    }
}

pub async fn search_docs(db: &Db, which: Changed<'_>) -> anyhow::Result<IndexChanges> {
    let filter = match which {
        Changed::Page { .. } => "WHERE p.id > $1 ORDER BY p.id LIMIT $2",
        Changed::Since { .. } => "WHERE p.updated_at > $1 OR p.updated_at >= $2 ORDER BY p.id",
        Changed::One(_) => "WHERE p.id = $1",
        Changed::Producer(_) => "WHERE p.producer_id = $1",
    };
    let sql = format!("SELECT {SEARCH_COLUMNS} FROM products p JOIN producers r ON r.id = p.producer_id {filter}");
    let query = match which {
        Changed::Page { after_id, limit } => sqlx::query(&sql).bind(after_id).bind(limit),
        Changed::Since { after, recent } => sqlx::query(&sql).bind(after).bind(recent),
        Changed::One(id) | Changed::Producer(id) => sqlx::query(&sql).bind(id),
    };
    let rows = query.fetch_all(&db.pool).await.context("load products to index")?;
    let mut changes =
        IndexChanges { docs: Vec::with_capacity(rows.len()), gone: Vec::new(), stamps: Vec::with_capacity(rows.len()) };
    for row in &rows {
        let id: i64 = row.try_get("id")?;
        let status: String = row.try_get("status")?;
        let fingerprint = if status == "active" {
            let doc = search_doc(row)?;
            let fingerprint = fingerprint(&doc);
            changes.docs.push(doc);
            fingerprint
        } else {
            changes.gone.push(id);
            0
        };
        changes.stamps.push((id, row.try_get("updated_at")?, fingerprint));
    }
    Ok(changes)
}

fn fingerprint(doc: &SearchDoc) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    format!("{doc:?}").hash(&mut hasher);
    hasher.finish()
}

/// The start of a long text, cut at a character boundary: the search index keeps
/// the opening of a description, which names what matters, not all of it.
fn first_chars(text: &str, max: usize) -> &str {
    text.char_indices().nth(max).map_or(text, |(at, _)| &text[..at])
}

fn days_since_epoch(date: Date) -> i64 {
    i64::from(date.to_julian_day() - time::macros::date!(1970 - 01 - 01).to_julian_day())
}

pub fn today_day_number() -> i64 {
    days_since_epoch(db::today_vn())
}

fn search_doc(row: &AnyRow) -> anyhow::Result<SearchDoc> {
    let commune_code: String = row.try_get("origin_commune_code")?;
    let commune = admin_units::commune(&commune_code);
    let province = commune.and_then(|c| admin_units::province(&c.province_code));
    let set_code: String = row.try_get("set_code")?;
    let set = ocop::set(&set_code);
    let stars: i64 = row.try_get("ocop_stars")?;
    let certified = date(row.try_get("ocop_certified_on")?);
    let expires = date(row.try_get("ocop_expires_on")?);
    let producer_name: String = row.try_get("producer_name")?;
    let description: String = row.try_get("description")?;
    let created: String = row.try_get("created_at")?;
    let text = [
        producer_name.as_str(),
        commune.map_or("", |c| c.name.as_str()),
        province.map_or("", |p| p.name.as_str()),
        set.map_or("", |s| s.name.as_str()),
        set.map_or("", |s| s.name_en.as_str()),
        first_chars(&description, 400),
    ]
    .join(" ");
    let (stars, expires_day) = match (stars, certified, expires) {
        (3..=5, Some(_), Some(expires)) => (stars as u64, days_since_epoch(expires)),
        _ => (0, i64::MAX),
    };
    Ok(SearchDoc {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        name_en: row.try_get("name_en")?,
        text,
        province: province.and_then(|p| p.code.parse().ok()).unwrap_or(0),
        commune: commune_code.parse().unwrap_or(0),
        group: set.map_or(u64::MAX, |s| s.ordinal),
        stars,
        expires_day,
        price: row.try_get("price_vnd")?,
        stock: row.try_get("stock")?,
        created: time::OffsetDateTime::parse(&created, &time::format_description::well_known::Rfc3339)
            .map(|t| t.unix_timestamp())
            .unwrap_or(0),
        sold: row.try_get("sold_count")?,
    })
}

/// Asks every running server to rebuild its index (see `service::spawn_sync`).
pub async fn request_rebuild(db: &Db) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO search_rebuilds (requested_at) VALUES ($1)")
        .bind(db::now())
        .execute(&db.pool)
        .await
        .context("request a search rebuild")?;
    Ok(())
}

/// The newest rebuild request, 0 when there was none.
pub async fn latest_rebuild(db: &Db) -> anyhow::Result<i64> {
    let row = sqlx::query("SELECT COALESCE(MAX(id), 0) FROM search_rebuilds").fetch_one(&db.pool).await?;
    Ok(row.try_get(0)?)
}

/// The product carrying one of these spellings of a GTIN.
pub async fn find_id_by_gtin(db: &Db, spellings: &[String]) -> anyhow::Result<Option<i64>> {
    let placeholders: Vec<String> = (1..=spellings.len()).map(|i| format!("${i}")).collect();
    let sql = format!("SELECT id FROM products WHERE gtin IN ({}) ORDER BY id LIMIT 1", placeholders.join(", "));
    let mut query = sqlx::query(&sql);
    for gtin in spellings {
        query = query.bind(gtin);
    }
    Ok(query.fetch_optional(&db.pool).await?.map(|row| row.get(0)))
}

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// Goods sold at a market stall: they already changed hands, so the sale is never
/// refused for stock; the count goes down by what it holds, at most, and the number
/// taken is returned (to put back if the sale is withdrawn). `stock_seen` is the count
/// the caller read before its transaction: one statement when nobody sold since, a
/// fresh read when somebody did.
pub async fn take_up_to(tx: &mut Tx, product_id: i64, quantity: i64, stock_seen: i64) -> anyhow::Result<i64> {
    let mut stock = stock_seen;
    loop {
        let taken = stock.min(quantity).max(0);
        // `stock = $5` makes a sale that read an older count read it again.
        let done = sqlx::query(
            "UPDATE products SET stock = stock - $1, sold_count = sold_count + $2, updated_at = $3
             WHERE id = $4 AND stock = $5",
        )
        .bind(taken)
        .bind(quantity)
        .bind(db::now())
        .bind(product_id)
        .bind(stock)
        .execute(&mut **tx)
        .await
        .with_context(|| format!("take stall stock of product {product_id}"))?;
        if done.rows_affected() == 1 {
            return Ok(taken);
        }
        let row = sqlx::query("SELECT stock FROM products WHERE id = $1")
            .bind(product_id)
            .fetch_one(&mut **tx)
            .await
            .with_context(|| format!("read the stock of product {product_id}"))?;
        stock = row.try_get("stock")?;
    }
}

/// Units sold at a stall from goods counted apart from the shop's stock: the sold
/// count goes up, the stock stays (undone by [`put_back`] with nothing taken).
pub async fn count_sold(tx: &mut Tx, product_id: i64, quantity: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE products SET sold_count = sold_count + $1, updated_at = $2 WHERE id = $3")
        .bind(quantity)
        .bind(db::now())
        .bind(product_id)
        .execute(&mut **tx)
        .await
        .with_context(|| format!("count stall units of product {product_id}"))?;
    Ok(())
}

/// Undoes [`take_up_to`]: `taken` back into stock, `sold` off the sold count.
pub async fn put_back(tx: &mut Tx, product_id: i64, taken: i64, sold: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE products SET stock = stock + $1, sold_count = sold_count - $2, updated_at = $3 WHERE id = $4")
        .bind(taken)
        .bind(sold)
        .bind(db::now())
        .bind(product_id)
        .execute(&mut **tx)
        .await
        .with_context(|| format!("put stall stock of product {product_id} back"))?;
    Ok(())
}

/// The đồng value of one US dollar an admin set, for indicative figures.
pub async fn usd_rate(db: &Db) -> anyhow::Result<Option<i64>> {
    Ok(usd_rate_set(db).await?.map(|(rate, _, _)| rate))
}

/// The rate and when (and by whom) it was set.
pub async fn usd_rate_set(db: &Db) -> anyhow::Result<Option<(i64, String, Option<i64>)>> {
    let row = sqlx::query("SELECT vnd_per_unit, set_at, set_by FROM exchange_rates WHERE currency = 'USD'")
        .fetch_optional(&db.pool)
        .await
        .context("read the dollar rate")?;
    row.map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?))).transpose()
}

pub async fn set_usd_rate(db: &Db, vnd_per_usd: i64, user_id: i64) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO exchange_rates (currency, vnd_per_unit, set_by, set_at) VALUES ('USD', $1, $2, $3)
         ON CONFLICT (currency) DO UPDATE SET vnd_per_unit = excluded.vnd_per_unit, set_by = excluded.set_by,
           set_at = excluded.set_at",
    )
    .bind(vnd_per_usd)
    .bind(user_id)
    .bind(db::now())
    .execute(&db.pool)
    .await
    .context("set the dollar rate")?;
    Ok(())
}

/// The products of these producers, with what a registry says of each.
pub async fn registered_products_of(db: &Db, producer_ids: &[i64]) -> anyhow::Result<Vec<RegisteredProduct>> {
    let mut found = Vec::new();
    for chunk in producer_ids.chunks(500) {
        let sql = format!(
            "SELECT id, producer_id, name, set_code, registry_class, ecommerce_eligible, ocop_stars, ocop_certificate_no,
                    ocop_authority, ocop_certified_on, ocop_expires_on
             FROM products WHERE producer_id IN ({}) ORDER BY id",
            id_list(chunk)
        );
        for row in sqlx::query(&sql).fetch_all(&db.pool).await.context("load registered products")? {
            found.push(RegisteredProduct {
                id: row.try_get("id")?,
                producer_id: row.try_get("producer_id")?,
                name: row.try_get("name")?,
                fields: RegistryFields {
                    set_code: row.try_get("set_code")?,
                    registry_class: row.try_get("registry_class")?,
                    ecommerce_eligible: row.try_get::<i64, _>("ecommerce_eligible")? != 0,
                    ocop_stars: row.try_get("ocop_stars")?,
                    ocop_certificate_no: row.try_get("ocop_certificate_no")?,
                    ocop_authority: row.try_get("ocop_authority")?,
                    ocop_certified_on: row.try_get("ocop_certified_on")?,
                    ocop_expires_on: row.try_get("ocop_expires_on")?,
                },
            });
        }
    }
    Ok(found)
}

/// Every product slug in use.
pub async fn all_slugs(db: &Db) -> anyhow::Result<std::collections::HashSet<String>> {
    let rows = sqlx::query("SELECT slug FROM products").fetch_all(&db.pool).await.context("load product slugs")?;
    rows.iter().map(|r| r.try_get::<String, _>("slug").map_err(Into::into)).collect()
}

/// Adds a product a registry names, as a draft (no weight, stock or description
/// yet); its new id.
pub async fn insert_registered(tx: &mut Tx, p: &NewRegisteredProduct<'_>, now: &str) -> Result<i64, sqlx::Error> {
    let f = p.fields;
    let row = sqlx::query(
        "INSERT INTO products (slug, producer_id, name, name_en, set_code, ocop_stars, ocop_certificate_no,
         ocop_authority, ocop_certified_on, ocop_expires_on, price_vnd, unit, weight_g, stock, description,
         origin_commune_code, status, registry_class, ecommerce_eligible, created_at, updated_at)
         VALUES ($1, $2, $3, '', $4, $5, $6, $7, $8, $9, $10, $11, 0, 0, '', $12, 'draft', $13, $14, $15, $15)
         RETURNING id",
    )
    .bind(p.slug)
    .bind(p.producer_id)
    .bind(p.name)
    .bind(&f.set_code)
    .bind(f.ocop_stars)
    .bind(&f.ocop_certificate_no)
    .bind(&f.ocop_authority)
    .bind(&f.ocop_certified_on)
    .bind(&f.ocop_expires_on)
    .bind(p.price_vnd)
    .bind(p.unit)
    .bind(p.origin_commune_code)
    .bind(&f.registry_class)
    .bind(i64::from(f.ecommerce_eligible))
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    row.try_get("id")
}

/// Writes what a registry says of a product over its row.
pub async fn update_registered(tx: &mut Tx, id: i64, f: &RegistryFields, now: &str) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE products SET set_code = $1, registry_class = $2, ecommerce_eligible = $3, ocop_stars = $4,
         ocop_certificate_no = $5, ocop_authority = $6, ocop_certified_on = $7, ocop_expires_on = $8,
         updated_at = $9 WHERE id = $10",
    )
    .bind(&f.set_code)
    .bind(&f.registry_class)
    .bind(i64::from(f.ecommerce_eligible))
    .bind(f.ocop_stars)
    .bind(&f.ocop_certificate_no)
    .bind(&f.ocop_authority)
    .bind(&f.ocop_certified_on)
    .bind(&f.ocop_expires_on)
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await
    .with_context(|| format!("update product {id}"))?;
    Ok(())
}

/// Marks a producer's products changed (their search documents carry the
/// producer's name and place).
pub async fn touch_products_of(tx: &mut Tx, producer_id: i64, now: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE products SET updated_at = $1 WHERE producer_id = $2")
        .bind(now)
        .bind(producer_id)
        .execute(&mut **tx)
        .await
        .context("touch the producer's products")?;
    Ok(())
}
