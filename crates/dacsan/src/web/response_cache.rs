//! Public answers that many people ask for and that are the same for all of them —
//! product pages for visitors who are not signed in, search results — built once
//! and served from memory. An entry serves while the catalog is unchanged (the
//! search index's generation, which every product or producer write, in this
//! process or within seconds another, moves) and for at most [`TTL`], for what the
//! index does not hold (a sibling's photo); writes the index does not see but pages
//! show (a new batch) clear the cache.
//!
//! Pages are rendered with [`CSRF_MARKER`] where the visitor's CSRF token goes, and
//! each visitor's own token is put in when the page is served.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};

pub const TTL: Duration = Duration::from_secs(10);
/// Most bytes of answers kept (a product page is 15–25 KB, a page of results about
/// as much: some 400 answers, the popular ones) before the cache drops the stale
/// ones, or starts over. Small: the server's whole budget at 100 000 products is
/// 150 MB.
const CAPACITY_BYTES: usize = 8 * 1024 * 1024;
/// Stands for the visitor's CSRF token in a cached page: letters only, so that
/// HTML escaping leaves it as it is.
pub const CSRF_MARKER: &str = "dacsanCsrfTokenGoesHere";

struct Entry {
    at: Instant,
    generation: u64,
    html: Arc<str>,
}

#[derive(Default)]
pub struct ResponseCache {
    entries: Mutex<Entries>,
    hits: AtomicU64,
    misses: AtomicU64,
}

#[derive(Default)]
struct Entries {
    map: HashMap<String, Entry>,
    /// The keys' and answers' lengths, summed.
    bytes: usize,
}

impl Entries {
    fn recount(&mut self) {
        self.bytes = self.map.iter().map(|(key, e)| key.len() + e.html.len()).sum();
    }
}

impl std::fmt::Debug for ResponseCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ResponseCache")
    }
}

impl ResponseCache {
    /// The page kept under `key` if it was rendered at this catalog `generation`
    /// less than [`TTL`] ago.
    pub fn get(&self, key: &str, generation: u64) -> Option<Arc<str>> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let found =
            entries.map.get(key).filter(|e| e.generation == generation && e.at.elapsed() < TTL).map(|e| e.html.clone());
        let counter = if found.is_some() { &self.hits } else { &self.misses };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// Answers served from the cache and answers looked for and not there, since start.
    pub fn hits_and_misses(&self) -> (u64, u64) {
        (self.hits.load(Ordering::Relaxed), self.misses.load(Ordering::Relaxed))
    }

    pub fn put(&self, key: String, generation: u64, html: Arc<str>) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let size = key.len() + html.len();
        if entries.bytes + size > CAPACITY_BYTES {
            entries.map.retain(|_, e| e.generation == generation && e.at.elapsed() < TTL);
            entries.recount();
            if entries.bytes + size > CAPACITY_BYTES {
                entries.map.clear();
                entries.bytes = 0;
            }
        }
        let added = html.len();
        match entries.map.insert(key, Entry { at: Instant::now(), generation, html }) {
            // Same key: only the answer's length changes.
            Some(old) => entries.bytes = entries.bytes + added - old.html.len(),
            None => entries.bytes += size,
        }
    }

    /// Forgets every page, after a write the search index does not see.
    pub fn clear(&self) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.map.clear();
        entries.bytes = 0;
    }
}

/// A cached page with the visitor's CSRF token in place of the marker.
pub fn respond_html(html: &str, csrf: &str) -> Response {
    Html(html.replace(CSRF_MARKER, csrf)).into_response()
}

/// A cached JSON document.
pub fn respond_json(json: Arc<str>) -> Response {
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], json.to_string()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_serves_until_the_catalog_moves() {
        let cache = ResponseCache::default();
        cache.put("vi/p/che".into(), 7, Arc::from("<p>chè</p>"));
        assert_eq!(cache.get("vi/p/che", 7).as_deref(), Some("<p>chè</p>"));
        assert!(cache.get("vi/p/che", 8).is_none(), "a write moved the generation");
        assert!(cache.get("en/p/che", 7).is_none());
    }

    #[test]
    fn each_visitor_gets_their_own_token() {
        let html = format!(r#"<input name="csrf" value="{CSRF_MARKER}"><input value="{CSRF_MARKER}">"#);
        let body = |r: Response| async move {
            String::from_utf8(axum::body::to_bytes(r.into_body(), usize::MAX).await.unwrap().to_vec()).unwrap()
        };
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let served = rt.block_on(body(respond_html(&html, "abc")));
        assert_eq!(served, r#"<input name="csrf" value="abc"><input value="abc">"#);
    }

    #[test]
    fn the_cache_stays_under_its_size() {
        let cache = ResponseCache::default();
        let page: Arc<str> = Arc::from("x".repeat(20_000));
        for i in 0..1_000 {
            cache.put(format!("k{i}"), 1, page.clone());
            cache.put(format!("k{i}"), 1, page.clone());
        }
        let entries = cache.entries.lock().unwrap();
        let counted: usize = entries.map.iter().map(|(k, e)| k.len() + e.html.len()).sum();
        assert_eq!(entries.bytes, counted, "the running total is right");
        assert!(entries.bytes <= CAPACITY_BYTES && !entries.map.is_empty());
    }
}
