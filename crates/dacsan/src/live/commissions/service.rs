//! Affiliates' codes, producers' rates (who may set which), and the monthly
//! statements: what a host earned on the orders attributed to it that were
//! delivered in the month and not refunded, and what a producer owes each host.

use std::collections::BTreeMap;

use serde::Serialize;

use super::messages;
use super::model::{Month, RateInput, commission_vnd};
use super::store::{self, AttributedLine, LinesOf};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::Message;
use crate::error::{AppError, AppResult};
use crate::orders::referrals::{CommissionRates, Referral};

/// An affiliate's code is eight characters; a live session's is six, so the two
/// never clash.
const AFFILIATE_CODE_LEN: usize = 8;

/// The user's affiliate code, made on first asking; `(code, made now)`.
pub async fn become_affiliate(db: &Db, user: &CurrentUser) -> AppResult<(String, bool)> {
    if let Some(code) = store::affiliate_code(db, user.id).await? {
        return Ok((code, false));
    }
    for _ in 0..10 {
        if store::insert_affiliate(db, user.id, &crate::live::model::new_code(AFFILIATE_CODE_LEN)).await? {
            let code = store::affiliate_code(db, user.id).await?.unwrap_or_default();
            tracing::info!(user.id = user.id, "affiliate code made");
            return Ok((code, true));
        }
        // Two requests of the same user at once: the other one made it.
        if let Some(code) = store::affiliate_code(db, user.id).await? {
            return Ok((code, false));
        }
    }
    Err(AppError::Internal(anyhow::anyhow!("no free affiliate code after 10 draws")))
}

/// The rates producers pay a host, as checkout freezes them on order lines.
pub async fn rates_of_host(db: &Db, host_user_id: i64) -> anyhow::Result<CommissionRates> {
    let mut rates = CommissionRates::default();
    for (producer_id, product_id, rate_bp) in store::host_rate_triples(db, host_user_id).await? {
        match product_id {
            Some(product_id) => rates.by_product.insert(product_id, rate_bp),
            None => rates.by_producer.insert(producer_id, rate_bp),
        };
    }
    Ok(rates)
}

/// An affiliate's code as checkout reads it: its host, no session, no session prices.
pub async fn affiliate_referral(db: &Db, code: &str) -> anyhow::Result<Option<Referral>> {
    if code.len() != AFFILIATE_CODE_LEN {
        return Ok(None);
    }
    let Some(host) = store::affiliate_by_code(db, code).await? else { return Ok(None) };
    Ok(Some(Referral {
        session_id: None,
        host_user_id: Some(host),
        prices: Default::default(),
        commissions: rates_of_host(db, host).await?,
    }))
}

/// A producer's sellers (and admins) set its rates; the host must be an account
/// that can sign in, the product one of the producer's.
pub async fn set_rate(db: &Db, user: &CurrentUser, producer_id: i64, input: &RateInput) -> AppResult<()> {
    user.require_producer(producer_id)?;
    input.validate()?;
    if !store::account_signs_in(db, input.host_user_id).await? {
        let host = input.host_user_id;
        return Err(AppError::invalid("host_user_id", Message::from(messages::NO_HOST_ACCOUNT).with("host", host)));
    }
    if let Some(product_id) = input.product_id {
        let product = crate::catalog::store::find_by_id(db, product_id).await?;
        if product.is_none_or(|p| p.producer_id != producer_id) {
            return Err(AppError::invalid(
                "product_id",
                Message::from(messages::NOT_THIS_PRODUCER_S_PRODUCT).with("product_id", product_id),
            ));
        }
    }
    store::set_rate(db, producer_id, input.host_user_id, input.product_id, input.rate_bp, user.id).await?;
    tracing::info!(
        producer.id = producer_id,
        host.id = input.host_user_id,
        rate_bp = input.rate_bp,
        "commission rate set"
    );
    Ok(())
}

pub async fn delete_rate(db: &Db, user: &CurrentUser, producer_id: i64, rate_id: i64) -> AppResult<()> {
    user.require_producer(producer_id)?;
    if store::delete_rate(db, producer_id, rate_id).await? {
        Ok(())
    } else {
        Err(AppError::not_found(messages::COMMISSION_RATE))
    }
}

/// One delivered order on a statement: no buyer's name, phone or address.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StatementOrder {
    pub order_code: String,
    /// `YYYY-MM-DD`, Vietnam's date.
    pub delivered_on: String,
    pub producer_id: i64,
    pub producer_name: String,
    pub host_user_id: i64,
    pub host_name: String,
    /// The live session the order came through; `None` for an affiliate's link.
    pub session_title: Option<String>,
    pub goods_vnd: i64,
    pub commission_vnd: i64,
    /// The rate of every line when they share one.
    pub rate_bp: Option<i64>,
    /// Lines of products the producer agreed no rate on with the host (no commission).
    pub lines_without_rate: usize,
}

impl StatementOrder {
    pub fn rate_text(&self) -> String {
        self.rate_bp.map(super::model::percent_text).unwrap_or_default()
    }
}

/// The lines of one order summed; an order's lines come together, in order.
fn orders_of(lines: &[AttributedLine]) -> Vec<StatementOrder> {
    let mut orders: Vec<StatementOrder> = Vec::new();
    let mut rates: Vec<Option<i64>> = Vec::new();
    for line in lines {
        if orders.last().is_none_or(|o| o.order_code != line.order_code) {
            if let Some(order) = orders.last_mut() {
                order.rate_bp = common_rate(&rates);
            }
            rates.clear();
            orders.push(StatementOrder {
                order_code: line.order_code.clone(),
                delivered_on: crate::vn::iso_date_of_utc(&line.delivered_at),
                producer_id: line.producer_id,
                producer_name: line.producer_name.clone(),
                host_user_id: line.host_user_id,
                host_name: line.host_name.clone(),
                session_title: line.session_title.clone(),
                goods_vnd: 0,
                commission_vnd: 0,
                rate_bp: None,
                lines_without_rate: 0,
            });
        }
        let order = orders.last_mut().expect("pushed above");
        order.goods_vnd += line.goods_vnd;
        match line.commission_bp {
            Some(rate) => order.commission_vnd += commission_vnd(line.goods_vnd, rate),
            None => order.lines_without_rate += 1,
        }
        rates.push(line.commission_bp);
    }
    if let Some(order) = orders.last_mut() {
        order.rate_bp = common_rate(&rates);
    }
    orders
}

fn common_rate(rates: &[Option<i64>]) -> Option<i64> {
    let first = (*rates.first()?)?;
    rates.iter().all(|r| *r == Some(first)).then_some(first)
}

/// A host's (or an affiliate's) statement of a month.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Statement {
    pub host_user_id: i64,
    /// `YYYY-MM`
    pub month: String,
    /// Attributed orders delivered in the month, not refunded.
    pub orders: Vec<StatementOrder>,
    pub goods_vnd: i64,
    pub commission_vnd: i64,
    /// Orders attributed and still on their way: they count in the month they are delivered.
    pub pending_orders: i64,
    pub pending_goods_vnd: i64,
}

pub async fn statement(db: &Db, host_user_id: i64, month: Month) -> AppResult<Statement> {
    let lines = store::delivered_lines(db, LinesOf::Host(host_user_id), month).await?;
    let orders = orders_of(&lines);
    let (pending_orders, pending_goods_vnd) = store::pending_for_host(db, host_user_id).await?;
    Ok(Statement {
        host_user_id,
        month: month.to_string(),
        goods_vnd: orders.iter().map(|o| o.goods_vnd).sum(),
        commission_vnd: orders.iter().map(|o| o.commission_vnd).sum(),
        orders,
        pending_orders,
        pending_goods_vnd,
    })
}

/// What a producer owes one host for a month.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct HostOwed {
    pub host_user_id: i64,
    pub host_name: String,
    pub orders: usize,
    pub goods_vnd: i64,
    pub commission_vnd: i64,
}

/// What a producer owes its hosts for a month, host by host, and the orders.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Owed {
    pub producer_id: i64,
    /// `YYYY-MM`
    pub month: String,
    pub hosts: Vec<HostOwed>,
    pub goods_vnd: i64,
    pub commission_vnd: i64,
    pub orders: Vec<StatementOrder>,
}

pub async fn owed(db: &Db, producer_id: i64, month: Month) -> AppResult<Owed> {
    let lines = store::delivered_lines(db, LinesOf::Producer(producer_id), month).await?;
    let orders = orders_of(&lines);
    let mut by_host: BTreeMap<i64, HostOwed> = BTreeMap::new();
    for order in &orders {
        let host = by_host.entry(order.host_user_id).or_insert_with(|| HostOwed {
            host_user_id: order.host_user_id,
            host_name: order.host_name.clone(),
            orders: 0,
            goods_vnd: 0,
            commission_vnd: 0,
        });
        host.orders += 1;
        host.goods_vnd += order.goods_vnd;
        host.commission_vnd += order.commission_vnd;
    }
    let mut hosts: Vec<HostOwed> = by_host.into_values().collect();
    hosts.sort_by(|a, b| b.commission_vnd.cmp(&a.commission_vnd).then(a.host_name.cmp(&b.host_name)));
    Ok(Owed {
        producer_id,
        month: month.to_string(),
        goods_vnd: orders.iter().map(|o| o.goods_vnd).sum(),
        commission_vnd: orders.iter().map(|o| o.commission_vnd).sum(),
        hosts,
        orders,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(code: &str, goods: i64, rate: Option<i64>) -> AttributedLine {
        AttributedLine {
            order_id: 1,
            order_code: code.into(),
            delivered_at: "2026-12-03T18:00:00Z".into(),
            producer_id: 7,
            producer_name: "HTX".into(),
            host_user_id: 9,
            host_name: "Host".into(),
            session_title: None,
            goods_vnd: goods,
            commission_bp: rate,
        }
    }

    #[test]
    fn an_order_sums_its_lines_each_rounded_down() {
        let orders = orders_of(&[
            line("A", 333_333, Some(750)),
            line("A", 100_000, Some(750)),
            line("B", 50_000, Some(1000)),
            line("B", 20_000, None),
        ]);
        assert_eq!(orders.len(), 2);
        assert_eq!(
            (orders[0].goods_vnd, orders[0].commission_vnd, orders[0].rate_bp),
            (433_333, 24_999 + 7_500, Some(750))
        );
        assert_eq!((orders[1].commission_vnd, orders[1].rate_bp, orders[1].lines_without_rate), (5_000, None, 1));
        // Delivered after 17:00 UTC is the next day in Vietnam.
        assert_eq!(orders[0].delivered_on, "2026-12-04");
    }
}
