//! What checkout asks of live selling: which live session (or affiliate) a referral
//! code names, with its host, the session prices in force and the commission rates
//! the producers pay that host, and counting the units sold at a session price
//! against its cap. Orders do not know live sessions (they live in
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

/// What producers pay a host on the goods of the orders attributed to it, in
/// hundredths of a per cent (750 is 7.5 %).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommissionRates {
    /// A producer's rate for a product, by product id.
    pub by_product: HashMap<i64, i64>,
    /// A producer's rate for its other products, by producer id.
    pub by_producer: HashMap<i64, i64>,
}

impl CommissionRates {
    /// The rate of a line: the product's own, else its producer's; `None` when the
    /// producer agreed none with the host.
    pub fn rate(&self, producer_id: i64, product_id: i64) -> Option<i64> {
        self.by_product.get(&product_id).or_else(|| self.by_producer.get(&producer_id)).copied()
    }
}

/// The live session or the affiliate a referral code names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referral {
    /// `None` for an affiliate's own code.
    pub session_id: Option<i64>,
    pub host_user_id: Option<i64>,
    /// By product id; empty outside the session's window.
    pub prices: HashMap<i64, SessionPrice>,
    /// The host's rates; empty without a host.
    pub commissions: CommissionRates,
}

pub trait Referrals: Send + Sync + 'static {
    /// The session or affiliate of a code (any case, spaces ignored) with the prices
    /// and rates in force now; `None` when nobody has it.
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
