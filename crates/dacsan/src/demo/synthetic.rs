//! Synthetic products for benchmarks: variants of the demo products (other packs,
//! grades and lots, prices around the original) inserted in large batches until the
//! catalog holds the number asked for.

use anyhow::Context;
use sqlx::Row;

use crate::db::{self, Db};

const VARIANTS: [&str; 12] = [
    "hộp quà",
    "túi tiết kiệm",
    "loại đặc biệt",
    "loại 1",
    "gói dùng thử",
    "đóng hộp gỗ",
    "combo 2",
    "combo 3",
    "mùa mới",
    "vụ xuân",
    "vụ thu",
    "lô sản xuất",
];
const ROWS_PER_INSERT: usize = 500;

struct Base {
    slug: String,
    producer_id: i64,
    name: String,
    name_en: String,
    set_code: String,
    price: i64,
    unit: String,
    weight_g: i64,
    origin: String,
    description: String,
    photo: Option<(i64, i64)>,
}

async fn bases(db: &Db) -> anyhow::Result<Vec<Base>> {
    let rows = sqlx::query(
        "SELECT p.id, p.slug, p.producer_id, p.name, p.name_en, p.set_code, p.price_vnd, p.unit, p.weight_g, p.origin_commune_code, p.description,
         (SELECT media_id FROM product_photos ph WHERE ph.product_id = p.id ORDER BY position LIMIT 1) AS media_id,
         (SELECT thumb_media_id FROM product_photos ph WHERE ph.product_id = p.id ORDER BY position LIMIT 1) AS thumb_id
         FROM products p WHERE p.status = 'active' ORDER BY p.id LIMIT 400",
    )
    .fetch_all(&db.pool)
    .await
    .context("load demo products")?;
    rows.iter()
        .map(|r| {
            let media: Option<i64> = r.try_get("media_id")?;
            let thumb: Option<i64> = r.try_get("thumb_id")?;
            Ok(Base {
                slug: r.try_get("slug")?,
                producer_id: r.try_get("producer_id")?,
                name: r.try_get("name")?,
                name_en: r.try_get("name_en")?,
                set_code: r.try_get("set_code")?,
                price: r.try_get("price_vnd")?,
                unit: r.try_get("unit")?,
                weight_g: r.try_get("weight_g")?,
                origin: r.try_get("origin_commune_code")?,
                description: r.try_get("description")?,
                photo: media.zip(thumb),
            })
        })
        .collect()
}

/// Adds synthetic products until there are `target`; returns how many were added.
pub async fn fill_synthetic(db: &Db, target: usize) -> anyhow::Result<usize> {
    let existing = crate::catalog::store::count(db).await? as usize;
    if existing >= target {
        return Ok(0);
    }
    let bases = bases(db).await?;
    anyhow::ensure!(!bases.is_empty(), "the demo region must be filled before synthetic products");
    let to_add = target - existing;
    let progress = indicatif::ProgressBar::new(to_add as u64);
    let now = db::now();
    let mut added = 0;
    while added < to_add {
        let batch = (to_add - added).min(ROWS_PER_INSERT);
        let mut tx = db.pool.begin().await?;
        let mut sql = String::from(
            "INSERT INTO products (slug, producer_id, name, name_en, set_code, price_vnd, unit, weight_g, stock, description,
             origin_commune_code, status, sold_count, created_at, updated_at) VALUES ",
        );
        let mut rows = Vec::with_capacity(batch);
        for i in 0..batch {
            let n = existing + added + i;
            let base = &bases[n % bases.len()];
            let variant = VARIANTS[(n / bases.len()) % VARIANTS.len()];
            let p = i * 13;
            if i > 0 {
                sql.push(',');
            }
            sql.push_str(&format!(
                "(${},${},${},${},${},${},${},${},${},${},${},'active',${},${},${})",
                p + 1,
                p + 2,
                p + 3,
                p + 4,
                p + 5,
                p + 6,
                p + 7,
                p + 8,
                p + 9,
                p + 10,
                p + 11,
                p + 12,
                p + 13,
                p + 13
            ));
            rows.push((n, base, variant));
        }
        sql.push_str(" RETURNING id");
        let mut query = sqlx::query(&sql);
        for (n, base, variant) in &rows {
            let price = (base.price * (70 + (*n as i64 * 37) % 61) / 100 / 1000).max(1) * 1000;
            query = query
                .bind(format!("{}-s{n}", base.slug))
                .bind(base.producer_id)
                .bind(format!("{} – {variant} {}", base.name, n / (bases.len() * VARIANTS.len()) + 1))
                .bind(if base.name_en.is_empty() { String::new() } else { format!("{} ({variant})", base.name_en) })
                .bind(&base.set_code)
                .bind(price)
                .bind(&base.unit)
                .bind(base.weight_g)
                .bind((*n as i64 * 17) % 300)
                .bind(&base.description)
                .bind(&base.origin)
                .bind((*n as i64 * 7919) % 500)
                .bind(&now);
        }
        let ids: Vec<i64> = query
            .fetch_all(&mut *tx)
            .await
            .context("insert synthetic products")?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<_, _>>()?;
        let photos: Vec<(i64, (i64, i64))> =
            ids.iter().zip(&rows).filter_map(|(id, (_, base, _))| base.photo.map(|ph| (*id, ph))).collect();
        if !photos.is_empty() {
            let sql = format!(
                "INSERT INTO product_photos (product_id, position, media_id, thumb_media_id) VALUES {}",
                crate::db::value_rows(photos.len(), 4)
            );
            let mut query = sqlx::query(&sql);
            for (id, (media, thumb)) in &photos {
                query = query.bind(id).bind(1_i64).bind(media).bind(thumb);
            }
            query.execute(&mut *tx).await.context("insert synthetic photos")?;
        }
        tx.commit().await?;
        added += batch;
        progress.inc(batch as u64);
    }
    progress.finish_and_clear();
    Ok(added)
}
