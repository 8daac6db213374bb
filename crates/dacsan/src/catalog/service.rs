//! Keeping the search index in step with the database: rebuilt at start and by
//! `dacsan reindex`, updated at once after each write in this process, and every
//! few seconds from `updated_at` for writes made by other processes on the same
//! database.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use super::store::{self, Changed};
use crate::db::Db;
use crate::search::SearchIndex;

/// Products read per query while rebuilding: bounds the memory a rebuild takes.
const REBUILD_PAGE: i64 = 5_000;

/// Fills the index from scratch, a page of products at a time; returns the
/// newest `updated_at` it saw.
pub async fn rebuild_index(db: &Db, index: &SearchIndex) -> anyhow::Result<Option<String>> {
    let mut rebuild = index.start_rebuild()?;
    let mut after_id = 0;
    let mut newest: Option<String> = None;
    loop {
        let page = store::search_docs(db, Changed::Page { after_id, limit: REBUILD_PAGE }).await?;
        let Some((last_id, _, _)) = page.stamps.last() else { break };
        after_id = *last_id;
        if page.newest() > newest.as_deref() {
            newest = page.newest().map(str::to_string);
        }
        rebuild.add(&page.docs)?;
    }
    rebuild.finish()?;
    Ok(newest)
}

/// Re-indexes one product after a write.
pub async fn reindex_product(db: &Db, index: &SearchIndex, product_id: i64) -> anyhow::Result<()> {
    let changes = store::search_docs(db, Changed::One(product_id)).await?;
    let gone = if changes.docs.is_empty() { vec![product_id] } else { Vec::new() };
    index.apply(&changes.docs, &gone)
}

/// Re-indexes a producer's products (its name and place are in their documents).
pub async fn reindex_producer(db: &Db, index: &SearchIndex, producer_id: i64) -> anyhow::Result<()> {
    let changes = store::search_docs(db, Changed::Producer(producer_id)).await?;
    index.apply(&changes.docs, &changes.gone)
}

/// How far back each sync round looks again, for writes that committed late.
const RECENT: Duration = Duration::from_secs(10);

/// Follows writes made by other processes (products whose `updated_at` moved
/// past the watermark, or changed in the last few seconds and not yet applied),
/// and rebuilds when `dacsan reindex` asks.
pub fn spawn_sync(db: Db, index: Arc<SearchIndex>, mut watermark: Option<String>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3));
        // id → (updated_at, fingerprint) applied within the recent window.
        let mut applied: HashMap<i64, (String, u64)> = HashMap::new();
        let mut rebuilds_seen = store::latest_rebuild(&db).await.unwrap_or(0);
        loop {
            tick.tick().await;
            if let Ok(latest) = store::latest_rebuild(&db).await
                && latest > rebuilds_seen
            {
                rebuilds_seen = latest;
                watermark = None;
            }
            let Some(after) = watermark.clone() else {
                match rebuild_index(&db, &index).await {
                    Ok(newest) => watermark = Some(newest.unwrap_or_default()),
                    Err(err) => tracing::warn!(error = ?err, "search index rebuild failed"),
                }
                continue;
            };
            let recent = crate::db::time_text(time::OffsetDateTime::now_utc() - RECENT);
            match store::search_docs(&db, Changed::Since { after: &after, recent: &recent }).await {
                Ok(mut changes) => {
                    let fresh: HashSet<i64> = changes
                        .stamps
                        .iter()
                        .filter(|(id, _, print)| applied.get(id).map(|(_, p)| p) != Some(print))
                        .map(|(id, _, _)| *id)
                        .collect();
                    changes.retain(|id| fresh.contains(&id));
                    if !fresh.is_empty()
                        && let Err(err) = index.apply(&changes.docs, &changes.gone)
                    {
                        tracing::warn!(error = ?err, "search index sync failed");
                        continue;
                    }
                    if let Some(newest) = changes.newest().filter(|n| *n > after.as_str()) {
                        watermark = Some(newest.to_string());
                    }
                    applied.extend(changes.stamps.into_iter().map(|(id, at, print)| (id, (at, print))));
                    applied.retain(|_, (at, _)| *at >= recent);
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
