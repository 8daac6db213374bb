//! What checkout asks of live selling: which live session a referral code names,
//! with its host and the session prices in force, and counting the units sold at a
//! session price against its cap. Orders do not know live sessions (they live in
//! `live`); they ask the [`Referrals`] the app hands them, so that live selling
//! builds on orders without a loop back.

use std::collections::HashMap;

use super::delivery::BoxFuture;
use super::store::Tx;
use crate::db::Db;

/// A session price while the session runs: units still at that price (`None`: no cap).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPrice {
    pub price_vnd: i64,
    pub units_left: Option<i64>,
}

/// The live session a referral code names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referral {
    pub session_id: i64,
    pub host_user_id: Option<i64>,
    /// By product id; empty outside the session's window.
    pub prices: HashMap<i64, SessionPrice>,
}

pub trait Referrals: Send + Sync + 'static {
    /// The session of a code (any case, spaces ignored) with the prices in force
    /// now; `None` when no session has it.
    fn resolve<'a>(&'a self, db: &'a Db, code: &'a str) -> BoxFuture<'a, anyhow::Result<Option<Referral>>>;
    /// Counts `units` of a product sold at its session price, inside the checkout's
    /// transaction; `false` when the cap ran out meanwhile.
    fn take_session_units<'a>(
        &'a self,
        tx: &'a mut Tx,
        session_id: i64,
        product_id: i64,
        units: i64,
    ) -> BoxFuture<'a, anyhow::Result<bool>>;
}
