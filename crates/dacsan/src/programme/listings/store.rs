//! All SQL of outside listings and their monthly sales.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::Platform;
use super::messages;
use crate::db::{self, Db};
use crate::error::{AppError, AppResult, Message};

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Listing {
    pub id: i64,
    pub product_id: i64,
    pub platform: String,
    pub url: String,
    pub listed_on: String,
    pub delisted_on: Option<String>,
}

const COLUMNS: &str = "l.id, l.product_id, l.platform, l.url, l.listed_on, l.delisted_on";

fn from_row(row: &AnyRow) -> Result<Listing, sqlx::Error> {
    Ok(Listing {
        id: row.try_get("id")?,
        product_id: row.try_get("product_id")?,
        platform: row.try_get("platform")?,
        url: row.try_get("url")?,
        listed_on: row.try_get("listed_on")?,
        delisted_on: row.try_get("delisted_on")?,
    })
}

/// A new listing, or the product's listing on that platform brought back (URL and
/// dates replaced): one listing per product and platform.
pub async fn upsert(
    db: &Db,
    product_id: i64,
    platform: Platform,
    url: &str,
    listed_on: &str,
    user_id: Option<i64>,
) -> AppResult<i64> {
    let now = db::now();
    let row = sqlx::query(
        "INSERT INTO listings (product_id, platform, url, listed_on, delisted_on, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, NULL, $5, $6, $6)
         ON CONFLICT (product_id, platform)
         DO UPDATE SET url = excluded.url, listed_on = excluded.listed_on, delisted_on = NULL, updated_at = excluded.updated_at
         RETURNING id",
    )
    .bind(product_id)
    .bind(platform.code())
    .bind(url)
    .bind(listed_on)
    .bind(user_id)
    .bind(&now)
    .fetch_one(&db.pool)
    .await?;
    Ok(row.try_get("id")?)
}

pub async fn find_by_id(db: &Db, id: i64) -> AppResult<Listing> {
    let sql = format!("SELECT {COLUMNS} FROM listings l WHERE l.id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&db.pool).await?;
    match row {
        Some(row) => Ok(from_row(&row)?),
        None => Err(AppError::not_found(Message::from(messages::LISTING).with("id", id))),
    }
}

/// Ends a listing on a day (it counts as online before that day, not from it).
pub async fn delist(db: &Db, id: i64, delisted_on: &str) -> AppResult<()> {
    sqlx::query("UPDATE listings SET delisted_on = $1, updated_at = $2 WHERE id = $3")
        .bind(delisted_on)
        .bind(db::now())
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn update_url(db: &Db, id: i64, url: &str) -> AppResult<()> {
    sqlx::query("UPDATE listings SET url = $1, updated_at = $2 WHERE id = $3")
        .bind(url)
        .bind(db::now())
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// A product of the province with its listings (for the channels table).
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ProductChannels {
    pub product_id: i64,
    pub product_name: String,
    pub product_slug: String,
    pub status: String,
    pub ocop_stars: i64,
    pub producer_id: i64,
    pub producer_name: String,
    pub registry_code: Option<String>,
    pub commune_code: String,
    pub price_vnd: i64,
    pub unit: String,
    pub listings: Vec<Listing>,
}

/// The province's products (of one commune if given) with their listings, by producer and name.
pub async fn products_with_listings(
    db: &Db,
    province: &str,
    commune: Option<&str>,
    limit: i64,
) -> AppResult<Vec<ProductChannels>> {
    let commune_filter = if commune.is_some() { "AND pr.commune_code = $2" } else { "" };
    let sql = format!(
        "SELECT p.id, p.name, p.slug, p.status, p.ocop_stars, p.price_vnd, p.unit, pr.id AS producer_id, pr.name AS producer_name,
                pr.registry_code, pr.commune_code
         FROM products p JOIN producers pr ON pr.id = p.producer_id
         WHERE pr.province_code = $1 AND p.status <> 'archived' {commune_filter}
         ORDER BY pr.commune_code, pr.name, p.name, p.id
         LIMIT {limit}"
    );
    let mut query = sqlx::query(&sql).bind(province);
    if let Some(c) = commune {
        query = query.bind(c);
    }
    let rows = query.fetch_all(&db.pool).await?;
    let mut products = Vec::with_capacity(rows.len());
    for r in &rows {
        products.push(ProductChannels {
            product_id: r.try_get("id")?,
            product_name: r.try_get("name")?,
            product_slug: r.try_get("slug")?,
            status: r.try_get("status")?,
            ocop_stars: r.try_get("ocop_stars")?,
            producer_id: r.try_get("producer_id")?,
            producer_name: r.try_get("producer_name")?,
            registry_code: r.try_get("registry_code")?,
            commune_code: r.try_get("commune_code")?,
            price_vnd: r.try_get("price_vnd")?,
            unit: r.try_get("unit")?,
            listings: Vec::new(),
        });
    }
    let listings_sql = format!(
        "SELECT {COLUMNS} FROM listings l JOIN products p ON p.id = l.product_id JOIN producers pr ON pr.id = p.producer_id
         WHERE pr.province_code = $1 {commune_filter} ORDER BY l.platform"
    );
    let mut query = sqlx::query(&listings_sql).bind(province);
    if let Some(c) = commune {
        query = query.bind(c);
    }
    let index: std::collections::HashMap<i64, usize> =
        products.iter().enumerate().map(|(i, p)| (p.product_id, i)).collect();
    for row in query.fetch_all(&db.pool).await? {
        let listing = from_row(&row)?;
        if let Some(&i) = index.get(&listing.product_id) {
            products[i].listings.push(listing);
        }
    }
    Ok(products)
}

/// Records a month's sales of a listing (replacing what that month held).
pub async fn upsert_sales(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    listing_id: i64,
    month: &str,
    units: i64,
    revenue_vnd: i64,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO listing_sales (listing_id, month, units, revenue_vnd) VALUES ($1, $2, $3, $4)
         ON CONFLICT (listing_id, month) DO UPDATE SET units = excluded.units, revenue_vnd = excluded.revenue_vnd",
    )
    .bind(listing_id)
    .bind(month)
    .bind(units)
    .bind(revenue_vnd)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Inside a transaction: the listing of a product on a platform, created (listed from
/// `listed_on`) when missing; `true` when it was created.
pub async fn ensure_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    product_id: i64,
    platform: Platform,
    listed_on: &str,
    user_id: Option<i64>,
) -> AppResult<(i64, bool)> {
    let found = sqlx::query("SELECT id FROM listings WHERE product_id = $1 AND platform = $2")
        .bind(product_id)
        .bind(platform.code())
        .fetch_optional(&mut **tx)
        .await?;
    if let Some(row) = found {
        return Ok((row.try_get("id")?, false));
    }
    let now = db::now();
    let row = sqlx::query(
        "INSERT INTO listings (product_id, platform, url, listed_on, created_by, created_at, updated_at)
         VALUES ($1, $2, '', $3, $4, $5, $5) RETURNING id",
    )
    .bind(product_id)
    .bind(platform.code())
    .bind(listed_on)
    .bind(user_id)
    .bind(&now)
    .fetch_one(&mut **tx)
    .await?;
    Ok((row.try_get("id")?, true))
}

/// Sales of one product on one platform over a period of months.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Effectiveness {
    pub product_id: i64,
    pub product_name: String,
    pub producer_name: String,
    pub platform: String,
    pub months: i64,
    pub units: i64,
    pub revenue_vnd: i64,
}

/// Per product and platform, months `from..=to` (`YYYY-MM`), best revenue first.
pub async fn effectiveness(db: &Db, province: &str, from: &str, to: &str) -> AppResult<Vec<Effectiveness>> {
    let rows = sqlx::query(
        "SELECT p.id AS product_id, p.name AS product_name, pr.name AS producer_name, l.platform,
                COUNT(*) AS months, CAST(SUM(s.units) AS BIGINT) AS units, CAST(SUM(s.revenue_vnd) AS BIGINT) AS revenue
         FROM listing_sales s JOIN listings l ON l.id = s.listing_id
         JOIN products p ON p.id = l.product_id JOIN producers pr ON pr.id = p.producer_id
         WHERE pr.province_code = $1 AND s.month >= $2 AND s.month <= $3
         GROUP BY p.id, p.name, pr.name, l.platform
         ORDER BY revenue DESC, p.name, l.platform",
    )
    .bind(province)
    .bind(from)
    .bind(to)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Effectiveness {
                product_id: r.try_get("product_id")?,
                product_name: r.try_get("product_name")?,
                producer_name: r.try_get("producer_name")?,
                platform: r.try_get("platform")?,
                months: r.try_get("months")?,
                units: r.try_get("units")?,
                revenue_vnd: r.try_get("revenue")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// The province of a product (for scope checks), or 404.
pub async fn province_of_product(db: &Db, product_id: i64) -> AppResult<String> {
    let row = sqlx::query(
        "SELECT pr.province_code FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.id = $1",
    )
    .bind(product_id)
    .fetch_optional(&db.pool)
    .await?;
    match row {
        Some(row) => Ok(row.try_get("province_code")?),
        None => Err(AppError::not_found(Message::from(messages::PRODUCT).with("id", product_id))),
    }
}

/// Every product of the province with its producer's registry id and name, to match
/// imported rows against.
pub struct NamedProduct {
    pub product_id: i64,
    pub product_name: String,
    pub producer_id: i64,
    pub registry_code: Option<String>,
    pub producer_name: String,
}

pub async fn named_products(db: &Db, province: &str) -> AppResult<Vec<NamedProduct>> {
    let rows = sqlx::query(
        "SELECT p.id, p.name, pr.id AS producer_id, pr.registry_code, pr.name AS producer_name
         FROM products p JOIN producers pr ON pr.id = p.producer_id
         WHERE pr.province_code = $1 AND p.status <> 'archived'",
    )
    .bind(province)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(NamedProduct {
                product_id: r.try_get("id")?,
                product_name: r.try_get("name")?,
                producer_id: r.try_get("producer_id")?,
                registry_code: r.try_get("registry_code")?,
                producer_name: r.try_get("producer_name")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// A product for a platform upload file, with its cover photo's media id.
pub struct UploadRow {
    pub slug: String,
    pub sku: Option<String>,
    pub name: String,
    pub name_en: String,
    pub description: String,
    pub price_vnd: i64,
    pub stock: i64,
    pub weight_g: i64,
    pub unit: String,
    pub ocop_stars: i64,
    pub producer_name: String,
    pub origin_commune_code: String,
    pub photo_media_id: Option<i64>,
}

/// The province's (or a commune's) products that are not archived, for upload files.
pub async fn upload_rows(db: &Db, province: &str, commune: Option<&str>) -> AppResult<Vec<UploadRow>> {
    let commune_filter = if commune.is_some() { "AND pr.commune_code = $2" } else { "" };
    let sql = format!(
        "SELECT p.slug, p.sku, p.name, p.name_en, p.description, p.price_vnd, p.stock, p.weight_g, p.unit, p.ocop_stars,
                p.origin_commune_code, pr.name AS producer_name,
                (SELECT ph.media_id FROM product_photos ph WHERE ph.product_id = p.id ORDER BY ph.position LIMIT 1) AS photo
         FROM products p JOIN producers pr ON pr.id = p.producer_id
         WHERE pr.province_code = $1 AND p.status <> 'archived' {commune_filter}
         ORDER BY pr.name, p.name"
    );
    let mut query = sqlx::query(&sql).bind(province);
    if let Some(c) = commune {
        query = query.bind(c);
    }
    let rows = query.fetch_all(&db.pool).await?;
    rows.iter()
        .map(|r| {
            Ok(UploadRow {
                slug: r.try_get("slug")?,
                sku: r.try_get("sku")?,
                name: r.try_get("name")?,
                name_en: r.try_get("name_en")?,
                description: r.try_get("description")?,
                price_vnd: r.try_get("price_vnd")?,
                stock: r.try_get("stock")?,
                weight_g: r.try_get("weight_g")?,
                unit: r.try_get("unit")?,
                ocop_stars: r.try_get("ocop_stars")?,
                producer_name: r.try_get("producer_name")?,
                origin_commune_code: r.try_get("origin_commune_code")?,
                photo_media_id: r.try_get("photo")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}
