//! All SQL of stored pictures.

use anyhow::Context;
use sha2::{Digest, Sha256};
use sqlx::Row;

use super::model::{Processed, Rendition};
use crate::db::{self, Db};

pub struct Media {
    pub content_type: String,
    pub bytes: Vec<u8>,
    pub sha256: String,
}

/// Stores a rendition once: the same bytes uploaded twice share one row.
pub async fn insert(db: &Db, rendition: &Rendition) -> anyhow::Result<i64> {
    let sha: String = Sha256::digest(&rendition.bytes).iter().map(|b| format!("{b:02x}")).collect();
    if let Some(row) = sqlx::query("SELECT id FROM media WHERE sha256 = $1").bind(&sha).fetch_optional(&db.pool).await?
    {
        return Ok(row.try_get(0)?);
    }
    let row = sqlx::query(
        "INSERT INTO media (sha256, content_type, width, height, bytes, created_at) VALUES ($1, 'image/jpeg', $2, $3, $4, $5) RETURNING id",
    )
    .bind(&sha)
    .bind(i64::from(rendition.width))
    .bind(i64::from(rendition.height))
    .bind(&rendition.bytes)
    .bind(db::now())
    .fetch_one(&db.pool)
    .await
    .context("insert media")?;
    Ok(row.try_get(0)?)
}

/// Stores both renditions; returns (full, card) ids.
pub async fn insert_processed(db: &Db, processed: &Processed) -> anyhow::Result<(i64, i64)> {
    Ok((insert(db, &processed.full).await?, insert(db, &processed.card).await?))
}

pub async fn find(db: &Db, id: i64) -> anyhow::Result<Option<Media>> {
    let row = sqlx::query("SELECT content_type, bytes, sha256 FROM media WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .context("find media")?;
    row.map(|r| Ok(Media { content_type: r.try_get(0)?, bytes: r.try_get(1)?, sha256: r.try_get(2)? })).transpose()
}
