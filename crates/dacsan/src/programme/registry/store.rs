//! All SQL of the registry import: what the database holds for the producers a file
//! names (a few batched queries, not one per row), the whole import written in one
//! transaction, and the stored uploads (`registry_imports`).

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::messages;
use super::plan::{Existing, ExistingListing, Plan, Ref};
use crate::catalog::{self, model::NewRegisteredProduct};
use crate::db::{self, Db};
use crate::error::{AppError, AppResult};
use crate::producers::{self, store::id_list};

/// Values per `IN (…)` list: well under SQLite's and PostgreSQL's parameter limits.
const CHUNK: usize = 500;

/// The producers with these registry IDs (in any province), their products and
/// listings, and every slug in use.
pub async fn load_existing(db: &Db, codes: &[String]) -> anyhow::Result<Existing> {
    let mut existing =
        Existing { producers: producers::store::find_registered(db, codes).await?, ..Existing::default() };
    let producer_ids: Vec<i64> = existing.producers.iter().map(|p| p.id).collect();
    existing.products = catalog::store::registered_products_of(db, &producer_ids).await?;
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
    existing.producer_slugs = producers::store::all_slugs(db).await?;
    existing.product_slugs = catalog::store::all_slugs(db).await?;
    Ok(existing)
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
            AppError::conflict("file", messages::ANOTHER_IMPORT_WROTE_THE_SAME_PRODUCERS)
        } else {
            anyhow::Error::new(e).context(what).into()
        }
    };
    let mut producer_ids = Vec::with_capacity(plan.new_producers.len());
    for p in &plan.new_producers {
        let id =
            producers::store::insert_registered(&mut tx, &p.slug, &p.province_code, &p.registry_code, &p.fields, &now)
                .await
                .map_err(|e| conflict(e, format!("insert producer {}", p.registry_code)))?;
        producer_ids.push(id);
        progress();
    }
    for u in &plan.producer_updates {
        producers::store::update_registered(&mut tx, u.id, &u.fields, &now).await?;
        if u.touches_products {
            catalog::store::touch_products_of(&mut tx, u.id, &now).await?;
        }
        progress();
    }
    let mut product_ids = Vec::with_capacity(plan.new_products.len());
    for p in &plan.new_products {
        let producer_id = match p.producer {
            Ref::Existing(id) => id,
            Ref::New(i) => producer_ids[i],
        };
        let product = NewRegisteredProduct {
            slug: &p.slug,
            producer_id,
            name: &p.name,
            price_vnd: p.price_vnd,
            unit: &p.unit,
            origin_commune_code: &p.origin_commune_code,
            fields: &p.fields,
        };
        let id = catalog::store::insert_registered(&mut tx, &product, &now)
            .await
            .map_err(|e| conflict(e, format!("insert product {}", p.slug)))?;
        product_ids.push(id);
        progress();
    }
    for u in &plan.product_updates {
        catalog::store::update_registered(&mut tx, u.id, &u.fields, &now).await?;
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
