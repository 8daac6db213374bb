//! Who sees which product: the rule the catalog's pages and API and other domains
//! (traceability, orders) share.

use super::messages;
use super::{Product, ProductStatus, store};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::{AppError, AppResult};

/// Products on sale are public; drafts and archived ones only for their sellers.
pub async fn visible_product(db: &Db, id: &str, user: Option<&CurrentUser>) -> AppResult<Product> {
    let not_found = || AppError::not_found(messages::PRODUCT);
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let product = store::find_by_id(db, id).await?.ok_or_else(not_found)?;
    let can_see =
        product.status == ProductStatus::Active || user.is_some_and(|u| u.can_manage_producer(product.producer_id));
    if can_see { Ok(product) } else { Err(not_found()) }
}
