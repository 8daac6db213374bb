//! Who sees a batch and who manages it: the rules the seller's desk, the API and the
//! carriers' hand-over links share.

use super::messages;
use super::store::{self, Batch};
use crate::auth::CurrentUser;
use crate::catalog::{self, Product, ProductStatus};
use crate::db::Db;
use crate::error::{AppError, AppResult};

/// A batch's id as a path gives it: a path that is not a number names no batch.
pub fn batch_id(id: &str) -> AppResult<i64> {
    id.parse().map_err(|_| AppError::not_found(messages::BATCH))
}

/// A batch anyone may see: its product is on sale, or the user manages it.
pub async fn visible_batch(db: &Db, id: i64, user: Option<&CurrentUser>) -> AppResult<(Batch, Product)> {
    let not_found = || AppError::not_found(messages::BATCH);
    let batch = store::find_batch(db, id).await?.ok_or_else(not_found)?;
    let product = catalog::store::find_by_id(db, batch.product_id).await?.ok_or_else(not_found)?;
    let can_see =
        product.status != ProductStatus::Draft || user.is_some_and(|u| u.can_manage_producer(batch.producer_id));
    if can_see { Ok((batch, product)) } else { Err(not_found()) }
}

/// A batch only its producer's sellers (and admins) manage: serials, labels,
/// hand-over links. Another producer's batch is 403 when it is public, 404 when not.
pub async fn managed_batch(db: &Db, id: i64, user: &CurrentUser) -> AppResult<(Batch, Product)> {
    let (batch, product) = visible_batch(db, id, Some(user)).await?;
    user.require_producer(batch.producer_id)?;
    Ok((batch, product))
}
