//! What every handler can reach: the database, the search index, the settings and
//! the sign-in rate limiter. Nothing else lives in the process.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::Settings;
use crate::db::Db;
use crate::search::SearchIndex;
use crate::trace::{PlatformKey, ScanRecorder};

/// Handlers take the parts they use (`State<Db>`, `State<Arc<SearchIndex>>`, …):
/// each field is a substate (`FromRef`).
#[derive(Clone, axum::extract::FromRef)]
pub struct AppState {
    pub db: Db,
    pub search: Arc<SearchIndex>,
    pub settings: Arc<Settings>,
    pub signin_limiter: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    /// Signs every batch's trace chain.
    pub trace_key: Arc<PlatformKey>,
    /// Counts serial label scans in the background.
    pub scans: ScanRecorder,
    /// What batch pages show, by chain head (see [`crate::trace::page_cache`]).
    pub batch_cache: Arc<crate::trace::page_cache::BatchCache>,
    /// Public pages and search results (see [`crate::web::response_cache`]).
    pub response_cache: Arc<crate::web::response_cache::ResponseCache>,
    /// Requests counted and timed by route (see [`crate::web::metrics`]).
    pub http_metrics: crate::web::metrics::HttpMetrics,
    /// Rate cards, carriers' clients, the notification secret.
    pub logistics: Arc<crate::logistics::Logistics>,
    /// The same, as checkout sees it: what prices delivery.
    pub delivery: Arc<dyn crate::orders::delivery::Delivery>,
    /// Durable background work: queue a job, run one at once.
    pub jobs: crate::jobs::Jobs,
    /// Live sessions, as checkout sees them: referral codes and session prices.
    pub referrals: Arc<dyn crate::orders::referrals::Referrals>,
    /// Business profiles, as checkout sees them: who pays wholesale prices.
    pub business: Arc<dyn crate::orders::pricing::BusinessBuyers>,
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
        let per_minute = NonZeroU32::new(settings.signin_per_minute.max(1)).expect("at least 1");
        AppState {
            scans: ScanRecorder::spawn(db.clone()),
            batch_cache: Arc::default(),
            response_cache: Arc::default(),
            http_metrics: Default::default(),
            trace_key: Arc::new(trace_key),
            db,
            search,
            signin_limiter: Arc::new(RateLimiter::keyed(Quota::per_minute(per_minute))),
            settings: Arc::new(settings),
            delivery: logistics.clone(),
            logistics,
            jobs,
            referrals: Arc::new(crate::live::service::LiveReferrals),
            business: Arc::new(crate::trade::service::TradeBuyers),
        }
    }

    /// What checkout asks outside the market.
    pub fn checkout_helpers(&self) -> crate::orders::service::CheckoutHelpers {
        crate::orders::service::CheckoutHelpers {
            delivery: self.delivery.clone(),
            referrals: self.referrals.clone(),
            business: self.business.clone(),
        }
    }

    /// Whether this visitor buys as a business (wholesale prices apply).
    pub async fn buys_as_business(&self, user: Option<&crate::auth::CurrentUser>) -> anyhow::Result<bool> {
        match user {
            Some(user) => self.business.is_business(&self.db, user.id).await,
            None => Ok(false),
        }
    }
}
