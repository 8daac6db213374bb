//! All SQL of producers, their photos, members and payment accounts.

use std::collections::HashSet;

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::messages;
use super::model::{Producer, RegisteredProducer, RegistryFields, ValidProducer};
use crate::db::{self, Db};
use crate::error::{AppError, AppResult};

type Tx = sqlx::Transaction<'static, sqlx::Any>;

const COLUMNS: &str = "id, slug, name, kind, province_code, commune_code, street, phone, email, tax_code, story, story_en, logo_media_id, created_at, updated_at";

fn from_row(row: &AnyRow) -> Result<Producer, sqlx::Error> {
    Ok(Producer {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        name: row.try_get("name")?,
        kind: crate::db::known(row, "kind")?,
        province_code: row.try_get("province_code")?,
        commune_code: row.try_get("commune_code")?,
        street: row.try_get("street")?,
        phone: row.try_get("phone")?,
        email: row.try_get("email")?,
        tax_code: row.try_get("tax_code")?,
        story: row.try_get("story")?,
        story_en: row.try_get("story_en")?,
        logo_media_id: row.try_get("logo_media_id")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

fn slug_taken() -> AppError {
    AppError::conflict("slug", messages::THIS_STORE_ADDRESS_IS_TAKEN)
}

pub async fn insert(db: &Db, p: &ValidProducer) -> AppResult<i64> {
    let now = db::now();
    let result = sqlx::query(
        "INSERT INTO producers (slug, name, kind, province_code, commune_code, street, phone, email, tax_code, story, created_at, updated_at, story_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) RETURNING id",
    )
    .bind(&p.slug)
    .bind(&p.name)
    .bind(p.kind.as_str())
    .bind(&p.province_code)
    .bind(&p.commune_code)
    .bind(&p.street)
    .bind(&p.phone)
    .bind(&p.email)
    .bind(&p.tax_code)
    .bind(&p.story)
    .bind(&now)
    .bind(&p.story_en)
    .fetch_one(&db.pool)
    .await;
    match result {
        Ok(row) => Ok(row.try_get("id")?),
        Err(e) if db::breaks_unique(&e, "producers_slug_key") => Err(slug_taken()),
        Err(e) => Err(anyhow::Error::new(e).context(format!("insert producer {}", p.slug)).into()),
    }
}

pub async fn update(db: &Db, id: i64, p: &ValidProducer) -> AppResult<()> {
    let result = sqlx::query(
        "UPDATE producers SET slug = $1, name = $2, kind = $3, province_code = $4, commune_code = $5, street = $6,
         phone = $7, email = $8, tax_code = $9, story = $10, updated_at = $11, story_en = $13 WHERE id = $12",
    )
    .bind(&p.slug)
    .bind(&p.name)
    .bind(p.kind.as_str())
    .bind(&p.province_code)
    .bind(&p.commune_code)
    .bind(&p.street)
    .bind(&p.phone)
    .bind(&p.email)
    .bind(&p.tax_code)
    .bind(&p.story)
    .bind(db::now())
    .bind(id)
    .bind(&p.story_en)
    .execute(&db.pool)
    .await;
    match result {
        Ok(_) => Ok(()),
        Err(e) if db::breaks_unique(&e, "producers_slug_key") => Err(slug_taken()),
        Err(e) => Err(anyhow::Error::new(e).context(format!("update producer {id}")).into()),
    }
}

pub async fn set_logo(db: &Db, id: i64, media_id: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE producers SET logo_media_id = $1, updated_at = $2 WHERE id = $3")
        .bind(media_id)
        .bind(db::now())
        .bind(id)
        .execute(&db.pool)
        .await
        .context("set producer logo")?;
    Ok(())
}

pub async fn find_by_id(db: &Db, id: i64) -> anyhow::Result<Option<Producer>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM producers WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .context("find producer")?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

pub async fn find_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<Producer>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM producers WHERE slug = $1"))
        .bind(slug)
        .fetch_optional(&db.pool)
        .await
        .context("find producer by slug")?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

pub async fn list(db: &Db, limit: i64, offset: i64) -> anyhow::Result<Vec<Producer>> {
    let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM producers ORDER BY name, id LIMIT $1 OFFSET $2"))
        .bind(limit)
        .bind(offset)
        .fetch_all(&db.pool)
        .await
        .context("list producers")?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

pub async fn list_by_ids(db: &Db, ids: &[i64]) -> anyhow::Result<Vec<Producer>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!("SELECT {COLUMNS} FROM producers WHERE {} ORDER BY name, id", db.in_ids("id", 1));
    let rows = sqlx::query(&sql).bind(db::ids_json(ids)).fetch_all(&db.pool).await.context("list producers by id")?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// Ids are integers from our own types, so an inline `IN (1,2,3)` list is safe and
/// portable across both databases.
pub fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

pub async fn count(db: &Db) -> anyhow::Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) FROM producers").fetch_one(&db.pool).await.context("count producers")?;
    Ok(row.try_get(0)?)
}

/// Photo media ids (full size, thumbnail) in order.
pub async fn photos(db: &Db, producer_id: i64) -> anyhow::Result<Vec<(i64, i64)>> {
    let rows =
        sqlx::query("SELECT media_id, thumb_media_id FROM producer_photos WHERE producer_id = $1 ORDER BY position")
            .bind(producer_id)
            .fetch_all(&db.pool)
            .await
            .context("list producer photos")?;
    rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect()
}

pub async fn add_photo(db: &Db, producer_id: i64, media_id: i64, thumb_id: i64) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO producer_photos (producer_id, position, media_id, thumb_media_id)
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM producer_photos WHERE producer_id = $1), $2, $3)",
    )
    .bind(producer_id)
    .bind(media_id)
    .bind(thumb_id)
    .execute(&db.pool)
    .await
    .context("add producer photo")?;
    Ok(())
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct PaymentAccount {
    pub bank_bin: String,
    pub account_number: String,
    pub account_holder: String,
}

pub async fn upsert_payment_account(db: &Db, producer_id: i64, account: &PaymentAccount) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO payment_accounts (producer_id, bank_bin, account_number, account_holder, updated_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (producer_id) DO UPDATE SET bank_bin = excluded.bank_bin, account_number = excluded.account_number,
         account_holder = excluded.account_holder, updated_at = excluded.updated_at",
    )
    .bind(producer_id)
    .bind(&account.bank_bin)
    .bind(&account.account_number)
    .bind(&account.account_holder)
    .bind(db::now())
    .execute(&db.pool)
    .await
    .context("save payment account")?;
    Ok(())
}

pub async fn payment_account(db: &Db, producer_id: i64) -> anyhow::Result<Option<PaymentAccount>> {
    let row =
        sqlx::query("SELECT bank_bin, account_number, account_holder FROM payment_accounts WHERE producer_id = $1")
            .bind(producer_id)
            .fetch_optional(&db.pool)
            .await
            .context("find payment account")?;
    row.map(|r| {
        Ok(PaymentAccount { bank_bin: r.try_get(0)?, account_number: r.try_get(1)?, account_holder: r.try_get(2)? })
    })
    .transpose()
}

pub async fn insert_complaint(
    db: &Db,
    producer_id: i64,
    name: &str,
    contact: &str,
    message: &str,
) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO complaints (producer_id, name, contact, message, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(producer_id)
        .bind(name)
        .bind(contact)
        .bind(message)
        .bind(db::now())
        .execute(&db.pool)
        .await
        .context("insert complaint")?;
    Ok(())
}

/// The producers with these registry IDs, in any province (a registry import's view).
pub async fn find_registered(db: &Db, codes: &[String]) -> anyhow::Result<Vec<RegisteredProducer>> {
    let mut found = Vec::with_capacity(codes.len());
    for chunk in codes.chunks(500) {
        let sql = format!(
            "SELECT id, province_code, registry_code, name, kind, commune_code, street, phone, email, tax_code,
                    declared_store_url, declared_store_on, declared_payment_on, trained_digital_on, trained_packaging_on
             FROM producers WHERE registry_code IN ({})",
            db::placeholders(1, chunk.len())
        );
        let mut query = sqlx::query(&sql);
        for code in chunk {
            query = query.bind(code);
        }
        for row in query.fetch_all(&db.pool).await.context("load registered producers")? {
            found.push(registered_from_row(&row)?);
        }
    }
    Ok(found)
}

fn registered_from_row(row: &AnyRow) -> Result<RegisteredProducer, sqlx::Error> {
    Ok(RegisteredProducer {
        id: row.try_get("id")?,
        province_code: row.try_get("province_code")?,
        registry_code: row.try_get("registry_code")?,
        fields: RegistryFields {
            name: row.try_get("name")?,
            kind: db::known(row, "kind")?,
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

/// Every producer slug in use.
pub async fn all_slugs(db: &Db) -> anyhow::Result<HashSet<String>> {
    let rows = sqlx::query("SELECT slug FROM producers").fetch_all(&db.pool).await.context("load producer slugs")?;
    rows.iter().map(|r| r.try_get::<String, _>("slug").map_err(Into::into)).collect()
}

/// Adds a producer a registry names; its new id. A registry ID already taken (by
/// an import at the same moment) is the unique violation `producers_registry_code`.
pub async fn insert_registered(
    tx: &mut Tx,
    slug: &str,
    province_code: &str,
    registry_code: &str,
    f: &RegistryFields,
    now: &str,
) -> Result<i64, sqlx::Error> {
    let sql = format!(
        "INSERT INTO producers ({REGISTRY_COLUMNS}, slug, province_code, registry_code, story, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, '', $16, $16) RETURNING id"
    );
    let row = bind_registry_fields(sqlx::query(&sql), f)
        .bind(slug)
        .bind(province_code)
        .bind(registry_code)
        .bind(now)
        .fetch_one(&mut **tx)
        .await?;
    row.try_get("id")
}

/// Writes what a registry says of a producer over its row.
pub async fn update_registered(tx: &mut Tx, id: i64, f: &RegistryFields, now: &str) -> anyhow::Result<()> {
    let sql =
        format!("UPDATE producers SET ({REGISTRY_COLUMNS}, updated_at) = ({}) WHERE id = $14", db::placeholders(1, 13));
    bind_registry_fields(sqlx::query(&sql), f)
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await
        .with_context(|| format!("update producer {id}"))?;
    Ok(())
}

/// The columns of [`RegistryFields`], in the order [`bind_registry_fields`] binds them.
const REGISTRY_COLUMNS: &str = "name, kind, commune_code, street, phone, email, tax_code, declared_store_url,
     declared_store_on, declared_payment_on, trained_digital_on, trained_packaging_on";

fn bind_registry_fields<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    f: &'q RegistryFields,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    query
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
}
