//! What the brand's pages, API and services reach: the database and settings, the
//! platform's signing key, the scan counter and the caches a new batch or event
//! must refresh.

use std::sync::Arc;

use super::keys::PlatformKey;
use super::page_cache::BatchCache;
use super::scans::ScanRecorder;
use crate::config::Settings;
use crate::db::Db;
use crate::web::response_cache::ResponseCache;

#[derive(Clone)]
pub struct TraceState {
    pub db: Db,
    pub settings: Arc<Settings>,
    /// Signs every batch's trace chain.
    pub trace_key: Arc<PlatformKey>,
    /// Counts serial label scans in the background.
    pub scans: ScanRecorder,
    /// What batch pages show, by chain head.
    pub batch_cache: Arc<BatchCache>,
    /// Public pages and search results: a new batch shows on its product's page.
    pub response_cache: Arc<ResponseCache>,
}
