//! The app's parts, assembled once at start: the database, the search index, the
//! settings, the caches and each domain's services. No domain names `AppState`: a
//! handler takes the fields it uses as substates, and a domain's router says which
//! in its `where` clause.

use std::sync::Arc;

use crate::auth::service::SigninLimiter;
use crate::config::Settings;
use crate::db::Db;
use crate::search::SearchIndex;
use crate::trace::{PlatformKey, ScanRecorder, TraceState};
use crate::web::response_cache::ResponseCache;

/// Handlers take the parts they use (`State<Db>`, `State<Arc<SearchIndex>>`, …):
/// each field is a substate (`FromRef`).
#[derive(Clone, axum::extract::FromRef)]
pub struct AppState {
    pub db: Db,
    pub search: Arc<SearchIndex>,
    pub settings: Arc<Settings>,
    pub signin_limiter: SigninLimiter,
    /// The signing key, the scan counter and the batch pages' cache.
    pub trace: TraceState,
    /// Public pages and search results (see [`crate::web::response_cache`]).
    pub response_cache: Arc<ResponseCache>,
    /// Requests counted and timed by route (see [`crate::web::metrics`]).
    pub http_metrics: crate::web::metrics::HttpMetrics,
    /// Rate cards, carriers' clients, the notification secret.
    pub logistics: Arc<crate::logistics::Logistics>,
    /// The same, as checkout sees it: what prices delivery.
    pub delivery: Arc<dyn crate::orders::delivery::Delivery>,
    /// Durable background work: queue a job, run one at once.
    pub jobs: crate::jobs::Jobs,
    /// What checkout asks outside the market: delivery prices, live sessions'
    /// referral codes and prices, who buys as a business.
    pub checkout: crate::orders::service::CheckoutHelpers,
}

impl AppState {
    /// Starts the scan recorder: call inside the runtime.
    pub fn new(
        db: Db,
        search: Arc<SearchIndex>,
        settings: Settings,
        trace_key: PlatformKey,
        logistics: Arc<crate::logistics::Logistics>,
        jobs: crate::jobs::Jobs,
    ) -> AppState {
        let settings = Arc::new(settings);
        let response_cache: Arc<ResponseCache> = Arc::default();
        AppState {
            trace: TraceState {
                db: db.clone(),
                settings: settings.clone(),
                trace_key: Arc::new(trace_key),
                scans: ScanRecorder::spawn(db.clone()),
                batch_cache: Arc::default(),
                response_cache: response_cache.clone(),
            },
            response_cache,
            http_metrics: Default::default(),
            db,
            search,
            signin_limiter: SigninLimiter::per_minute(settings.signin_per_minute),
            settings,
            checkout: crate::orders::service::CheckoutHelpers {
                delivery: logistics.clone(),
                referrals: Arc::new(crate::live::service::LiveReferrals),
                business: Arc::new(crate::trade::service::TradeBuyers),
            },
            delivery: logistics.clone(),
            logistics,
            jobs,
        }
    }
}
