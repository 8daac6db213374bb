//! Keeping the search index in step with the database: rebuilt at start and by
//! `dacsan reindex`, updated at once after each write in this process, and every
//! few seconds from `updated_at` for writes made by other processes on the same
//! database.

use std::sync::Arc;
use std::time::Duration;

use super::store::{self, Changed};
use crate::db::Db;
use crate::search::SearchIndex;

/// Fills the index from scratch; returns the newest `updated_at` it saw.
pub async fn rebuild_index(db: &Db, index: &SearchIndex) -> anyhow::Result<Option<String>> {
    let changes = store::search_docs(db, Changed::All).await?;
    index.rebuild(&changes.docs)?;
    Ok(changes.newest)
}

/// Re-indexes one product after a write.
pub async fn reindex_product(db: &Db, index: &SearchIndex, product_id: i64) -> anyhow::Result<()> {
    let changes = store::search_docs(db, Changed::One(product_id)).await?;
    let gone = if changes.docs.is_empty() { vec![product_id] } else { Vec::new() };
    index.apply(&changes.docs, &gone)
}

/// Re-indexes a producer's products (its name and place are in their documents).
pub async fn reindex_producer(db: &Db, index: &SearchIndex, producer_id: i64) -> anyhow::Result<()> {
    for product in store::list_for_producer(db, producer_id, false).await? {
        reindex_product(db, index, product.id).await?;
    }
    Ok(())
}

/// Follows writes made by other processes, and rebuilds when `dacsan reindex`
/// asks. Timestamps have one-second resolution, so each round re-reads the last
/// second (`>=`) and skips what it applied already.
pub fn spawn_sync(db: Db, index: Arc<SearchIndex>, mut watermark: Option<String>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3));
        let mut applied_at_watermark: Vec<i64> = Vec::new();
        let mut rebuilds_seen = store::latest_rebuild(&db).await.unwrap_or(0);
        loop {
            tick.tick().await;
            if let Ok(latest) = store::latest_rebuild(&db).await
                && latest > rebuilds_seen
            {
                rebuilds_seen = latest;
                watermark = None;
            }
            let Some(since) = watermark.clone() else {
                match rebuild_index(&db, &index).await {
                    Ok(newest) => watermark = newest,
                    Err(err) => tracing::warn!(error = ?err, "search index rebuild failed"),
                }
                continue;
            };
            match store::search_docs(&db, Changed::Since(&since)).await {
                Ok(changes) => {
                    let already_applied = changes.newest.as_deref() == Some(since.as_str())
                        && changes.ids.iter().all(|id| applied_at_watermark.contains(id));
                    if !already_applied && let Err(err) = index.apply(&changes.docs, &changes.gone) {
                        tracing::warn!(error = ?err, "search index sync failed");
                    }
                    if changes.newest.is_some() {
                        applied_at_watermark = changes.ids;
                        watermark = changes.newest;
                    }
                }
                Err(err) => tracing::warn!(error = ?err, "search index sync failed"),
            }
        }
    });
}

/// Runs a catalog query: ids and facets from the index, products from the database.
pub async fn search(
    db: &Db,
    index: &SearchIndex,
    query: &super::query::CatalogQuery,
) -> anyhow::Result<super::query::CatalogPage> {
    let result = index.search(&query.q, &query.filters, query.sort, query.page, query.per_page)?;
    let products = store::list_by_ids(db, &result.ids).await?;
    Ok(super::query::CatalogPage {
        products,
        total: result.total,
        facets: super::query::FacetCounts::from_facets(&result.facets),
    })
}
