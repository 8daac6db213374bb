//! All SQL of the registry import: what the database holds for the producers a file
//! names (a few batched queries, not one per row), the whole import written in one
//! transaction, and the stored uploads (`registry_imports`).

use std::collections::HashSet;

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::plan::{
    Existing, ExistingListing, ExistingProducer, ExistingProduct, Plan, ProducerFields, ProductFields, Ref,
};
use crate::db::{self, Db};
use crate::error::{AppError, AppResult};

/// Values per `IN (…)` list: well under SQLite's and PostgreSQL's parameter limits.
const CHUNK: usize = 500;

fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

fn producer_from_row(row: &AnyRow) -> Result<ExistingProducer, sqlx::Error> {
    Ok(ExistingProducer {
        id: row.try_get("id")?,
        province_code: row.try_get("province_code")?,
        registry_code: row.try_get("registry_code")?,
        fields: ProducerFields {
            name: row.try_get("name")?,
            kind: crate::db::known(row, "kind")?,
            commune_code: row.try_get("commune_code")?,
            street: row.try_get("street")?,
            phone: row.try_get("phone")?,
            email: row.try_get("email")?,
            tax_code: row.try_get("tax_code")?,
            declared_store_url: row.try_get("declared_store_url")?,
            declared_store_on: row.try_get("declared_store_on")?,
            declared_payment_on: row.try_get("declared_payment_on")?,
            trained_digital_on: row.try_get("trained_digital_on")?,
            trained_packaging_on: row.try_get("trained_packaging_on")?,
        },
    })
}

fn product_from_row(row: &AnyRow) -> Result<ExistingProduct, sqlx::Error> {
    Ok(ExistingProduct {
        id: row.try_get("id")?,
        producer_id: row.try_get("producer_id")?,
        name: row.try_get("name")?,
        fields: ProductFields {
            set_code: row.try_get("set_code")?,
            registry_class: row.try_get("registry_class")?,
            ecommerce_eligible: row.try_get::<i64, _>("ecommerce_eligible")? != 0,
            ocop_stars: row.try_get("ocop_stars")?,
            ocop_certificate_no: row.try_get("ocop_certificate_no")?,
            ocop_authority: row.try_get("ocop_authority")?,
            ocop_certified_on: row.try_get("ocop_certified_on")?,
            ocop_expires_on: row.try_get("ocop_expires_on")?,
        },
    })
}

/// The producers with these registry IDs (in any province), their products and
/// listings, and every slug in use.
pub async fn load_existing(db: &Db, codes: &[String]) -> anyhow::Result<Existing> {
    let mut existing = Existing::default();
    for chunk in codes.chunks(CHUNK) {
        let sql = format!(
            "SELECT id, province_code, registry_code, name, kind, commune_code, street, phone, email, tax_code,
                    declared_store_url, declared_store_on, declared_payment_on, trained_digital_on, trained_packaging_on
             FROM producers WHERE registry_code IN ({})",
            crate::db::placeholders(1, chunk.len())
        );
        let mut query = sqlx::query(&sql);
        for code in chunk {
            query = query.bind(code);
        }
        for row in query.fetch_all(&db.pool).await.context("load registry producers")? {
            existing.producers.push(producer_from_row(&row)?);
        }
    }
    let producer_ids: Vec<i64> = existing.producers.iter().map(|p| p.id).collect();
    for chunk in producer_ids.chunks(CHUNK) {
        let sql = format!(
            "SELECT id, producer_id, name, set_code, registry_class, ecommerce_eligible, ocop_stars, ocop_certificate_no,
                    ocop_authority, ocop_certified_on, ocop_expires_on
             FROM products WHERE producer_id IN ({}) ORDER BY id",
            id_list(chunk)
        );
        for row in sqlx::query(&sql).fetch_all(&db.pool).await.context("load registry products")? {
            existing.products.push(product_from_row(&row)?);
        }
    }
    let product_ids: Vec<i64> = existing.products.iter().map(|p| p.id).collect();
    for chunk in product_ids.chunks(CHUNK) {
        let sql = format!(
            "SELECT id, product_id, platform, url, delisted_on FROM listings WHERE product_id IN ({}) ORDER BY id",
            id_list(chunk)
        );
        for row in sqlx::query(&sql).fetch_all(&db.pool).await.context("load listings")? {
            existing.listings.push(ExistingListing {
                id: row.try_get("id")?,
                product_id: row.try_get("product_id")?,
                platform: row.try_get("platform")?,
                url: row.try_get("url")?,
                delisted_on: row.try_get("delisted_on")?,
            });
        }
    }
    existing.producer_slugs = slugs(db, "producers").await?;
    existing.product_slugs = slugs(db, "products").await?;
    Ok(existing)
}

async fn slugs(db: &Db, table: &str) -> anyhow::Result<HashSet<String>> {
    let rows = sqlx::query(&format!("SELECT slug FROM {table}"))
        .fetch_all(&db.pool)
        .await
        .with_context(|| format!("load {table} slugs"))?;
    rows.iter().map(|r| r.try_get::<String, _>("slug").map_err(Into::into)).collect()
}

/// Writes the plan in one transaction, and marks the stored upload imported with
/// its summary. Another import writing the same producers at the same moment makes
/// this one fail whole (409), never half-written.
pub async fn apply(
    db: &Db,
    plan: &Plan,
    user_id: Option<i64>,
    today: time::Date,
    import: Option<(i64, String)>,
    progress: &(dyn Fn() + Send + Sync),
) -> AppResult<()> {
    let now = db::now();
    let today = today.to_string();
    let mut tx = db.begin_write().await?;
    let conflict = |e: sqlx::Error, what: String| -> AppError {
        if db::breaks_unique(&e, "producers_registry_code") {
            AppError::conflict(
                "file",
                "một lần nhập khác vừa ghi cùng các cơ sở này; hãy nhập lại / another import wrote the same producers just now; import again",
            )
        } else {
            anyhow::Error::new(e).context(what).into()
        }
    };
    let mut producer_ids = Vec::with_capacity(plan.new_producers.len());
    for p in &plan.new_producers {
        let f = &p.fields;
        let row = sqlx::query(
            "INSERT INTO producers (slug, name, kind, province_code, commune_code, street, phone, email, tax_code, story,
             registry_code, declared_store_url, declared_store_on, declared_payment_on, trained_digital_on,
             trained_packaging_on, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '', $10, $11, $12, $13, $14, $15, $16, $16) RETURNING id",
        )
        .bind(&p.slug)
        .bind(&f.name)
        .bind(f.kind.as_str())
        .bind(&p.province_code)
        .bind(&f.commune_code)
        .bind(&f.street)
        .bind(&f.phone)
        .bind(&f.email)
        .bind(&f.tax_code)
        .bind(&p.registry_code)
        .bind(&f.declared_store_url)
        .bind(&f.declared_store_on)
        .bind(&f.declared_payment_on)
        .bind(&f.trained_digital_on)
        .bind(&f.trained_packaging_on)
        .bind(&now)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| conflict(e, format!("insert producer {}", p.registry_code)))?;
        producer_ids.push(row.try_get::<i64, _>("id")?);
        progress();
    }
    for u in &plan.producer_updates {
        let f = &u.fields;
        sqlx::query(
            "UPDATE producers SET name = $1, kind = $2, commune_code = $3, street = $4, phone = $5, email = $6,
             tax_code = $7, declared_store_url = $8, declared_store_on = $9, declared_payment_on = $10,
             trained_digital_on = $11, trained_packaging_on = $12, updated_at = $13 WHERE id = $14",
        )
        .bind(&f.name)
        .bind(f.kind.as_str())
        .bind(&f.commune_code)
        .bind(&f.street)
        .bind(&f.phone)
        .bind(&f.email)
        .bind(&f.tax_code)
        .bind(&f.declared_store_url)
        .bind(&f.declared_store_on)
        .bind(&f.declared_payment_on)
        .bind(&f.trained_digital_on)
        .bind(&f.trained_packaging_on)
        .bind(&now)
        .bind(u.id)
        .execute(&mut *tx)
        .await
        .with_context(|| format!("update producer {}", u.id))?;
        if u.touches_products {
            // Their search documents carry the producer's name and place.
            sqlx::query("UPDATE products SET updated_at = $1 WHERE producer_id = $2")
                .bind(&now)
                .bind(u.id)
                .execute(&mut *tx)
                .await
                .context("touch the producer's products")?;
        }
        progress();
    }
    let mut product_ids = Vec::with_capacity(plan.new_products.len());
    for p in &plan.new_products {
        let producer_id = match p.producer {
            Ref::Existing(id) => id,
            Ref::New(i) => producer_ids[i],
        };
        let f = &p.fields;
        let row = sqlx::query(
            "INSERT INTO products (slug, producer_id, name, name_en, set_code, ocop_stars, ocop_certificate_no,
             ocop_authority, ocop_certified_on, ocop_expires_on, price_vnd, unit, weight_g, stock, description,
             origin_commune_code, status, registry_class, ecommerce_eligible, created_at, updated_at)
             VALUES ($1, $2, $3, '', $4, $5, $6, $7, $8, $9, $10, $11, 0, 0, '', $12, 'draft', $13, $14, $15, $15)
             RETURNING id",
        )
        .bind(&p.slug)
        .bind(producer_id)
        .bind(&p.name)
        .bind(&f.set_code)
        .bind(f.ocop_stars)
        .bind(&f.ocop_certificate_no)
        .bind(&f.ocop_authority)
        .bind(&f.ocop_certified_on)
        .bind(&f.ocop_expires_on)
        .bind(p.price_vnd)
        .bind(&p.unit)
        .bind(&p.origin_commune_code)
        .bind(&f.registry_class)
        .bind(i64::from(f.ecommerce_eligible))
        .bind(&now)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| conflict(e, format!("insert product {}", p.slug)))?;
        product_ids.push(row.try_get::<i64, _>("id")?);
        progress();
    }
    for u in &plan.product_updates {
        let f = &u.fields;
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
        .bind(&now)
        .bind(u.id)
        .execute(&mut *tx)
        .await
        .with_context(|| format!("update product {}", u.id))?;
        progress();
    }
    for l in &plan.listings {
        let product_id = match l.product {
            Ref::Existing(id) => id,
            Ref::New(i) => product_ids[i],
        };
        match l.existing {
            Some(id) => sqlx::query(
                "UPDATE listings SET url = $1,
                 listed_on = CASE WHEN delisted_on IS NULL THEN listed_on ELSE $2 END,
                 delisted_on = NULL, updated_at = $3 WHERE id = $4",
            )
            .bind(&l.url)
            .bind(&today)
            .bind(&now)
            .bind(id)
            .execute(&mut *tx)
            .await
            .with_context(|| format!("update listing {id}"))?,
            None => sqlx::query(
                "INSERT INTO listings (product_id, platform, url, listed_on, created_by, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $6)",
            )
            .bind(product_id)
            .bind(l.platform.code())
            .bind(&l.url)
            .bind(&today)
            .bind(user_id)
            .bind(&now)
            .execute(&mut *tx)
            .await
            .map_err(|e| conflict(e, format!("insert listing of product {product_id}")))?,
        };
        progress();
    }
    if let Some((id, summary)) = import {
        sqlx::query("UPDATE registry_imports SET status = 'imported', summary = $1, imported_at = $2 WHERE id = $3")
            .bind(summary)
            .bind(&now)
            .bind(id)
            .execute(&mut *tx)
            .await
            .context("mark the upload imported")?;
    }
    tx.commit().await.context("commit the registry import")?;
    Ok(())
}

/// A stored upload, without its bytes.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StoredImport {
    pub id: i64,
    pub user_id: Option<i64>,
    pub file_name: String,
    pub sha256: String,
    pub status: String,
    pub summary: String,
    pub created_at: String,
    pub imported_at: Option<String>,
}

const IMPORT_COLUMNS: &str = "id, user_id, file_name, sha256, status, summary, created_at, imported_at";

fn import_from_row(row: &AnyRow) -> Result<StoredImport, sqlx::Error> {
    Ok(StoredImport {
        id: row.try_get("id")?,
        user_id: row.try_get("user_id")?,
        file_name: row.try_get("file_name")?,
        sha256: row.try_get("sha256")?,
        status: row.try_get("status")?,
        summary: row.try_get("summary")?,
        created_at: row.try_get("created_at")?,
        imported_at: row.try_get("imported_at")?,
    })
}

/// Keeps an upload (status `previewed`) with its preview's summary; returns its id.
pub async fn insert_import(
    db: &Db,
    user_id: Option<i64>,
    file_name: &str,
    bytes: &[u8],
    summary: &str,
) -> anyhow::Result<i64> {
    use sha2::{Digest, Sha256};
    let sha256: String = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
    let row = sqlx::query(
        "INSERT INTO registry_imports (user_id, file_name, sha256, bytes, status, summary, created_at)
         VALUES ($1, $2, $3, $4, 'previewed', $5, $6) RETURNING id",
    )
    .bind(user_id)
    .bind(file_name)
    .bind(sha256)
    .bind(bytes.to_vec())
    .bind(summary)
    .bind(db::now())
    .fetch_one(&db.pool)
    .await
    .context("store the registry upload")?;
    Ok(row.try_get("id")?)
}

pub async fn find_import(db: &Db, id: i64) -> anyhow::Result<Option<StoredImport>> {
    let row = sqlx::query(&format!("SELECT {IMPORT_COLUMNS} FROM registry_imports WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .context("find a registry upload")?;
    Ok(row.as_ref().map(import_from_row).transpose()?)
}

pub async fn import_bytes(db: &Db, id: i64) -> anyhow::Result<Vec<u8>> {
    let row = sqlx::query("SELECT bytes FROM registry_imports WHERE id = $1")
        .bind(id)
        .fetch_one(&db.pool)
        .await
        .context("read a registry upload")?;
    Ok(row.try_get("bytes")?)
}

/// The latest uploads: a user's own, or everyone's (`None`, for admins).
pub async fn list_imports(db: &Db, user_id: Option<i64>, limit: i64) -> anyhow::Result<Vec<StoredImport>> {
    let rows = match user_id {
        Some(user) => {
            sqlx::query(&format!(
                "SELECT {IMPORT_COLUMNS} FROM registry_imports WHERE user_id = $1 ORDER BY id DESC LIMIT $2"
            ))
            .bind(user)
            .bind(limit)
            .fetch_all(&db.pool)
            .await
        }
        None => {
            sqlx::query(&format!("SELECT {IMPORT_COLUMNS} FROM registry_imports ORDER BY id DESC LIMIT $1"))
                .bind(limit)
                .fetch_all(&db.pool)
                .await
        }
    }
    .context("list registry uploads")?;
    Ok(rows.iter().map(import_from_row).collect::<Result<_, _>>()?)
}

/// Updates the summary of an upload that was previewed again.
pub async fn set_summary(db: &Db, id: i64, summary: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE registry_imports SET summary = $1 WHERE id = $2")
        .bind(summary)
        .bind(id)
        .execute(&db.pool)
        .await
        .context("update a registry upload's summary")?;
    Ok(())
}
