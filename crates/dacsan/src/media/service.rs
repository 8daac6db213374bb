//! Storing an upload: the rule every page and API that takes pictures calls.

use super::model::{self, Processed};
use super::store;
use crate::db::Db;
use crate::error::{AppError, AppResult};

/// Checks, resizes (off the async threads) and stores an upload; returns the
/// (full, card) media ids.
pub async fn save_upload(db: &Db, bytes: Vec<u8>) -> AppResult<(i64, i64)> {
    let processed: Processed = tokio::task::spawn_blocking(move || model::process_upload(&bytes))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("image task failed: {e}")))??;
    Ok(store::insert_processed(db, &processed).await?)
}
