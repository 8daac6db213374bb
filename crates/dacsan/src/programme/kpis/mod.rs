//! The plan's indicators for a province (or one commune) on a date, against the
//! plan's targets, with their monthly trend, the table by commune, the producers who
//! are not there yet, and the market's own figures.

pub mod api;
mod chart;
pub mod messages;
pub mod model;
pub mod pages;
mod report_pdf;
pub mod routes;
pub mod store;
mod texts;
pub mod views;

pub use model::{Indicator, IndicatorValue, Ratio};
pub use store::{Counts, ProducerGaps, Sales};
pub use texts::TEXTS;

use time::Date;

use crate::db::Db;
use crate::error::AppResult;

/// The indicators of a province (or of one of its communes) on a date.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub date: Date,
    pub totals: Counts,
    pub communes: Vec<Counts>,
    pub indicators: Vec<IndicatorValue>,
}

pub async fn snapshot(db: &Db, province: &str, date: Date, commune: Option<&str>) -> AppResult<Snapshot> {
    let day = date.to_string();
    let (communes, targets) = tokio::try_join!(
        store::counts_by_commune(db, province, &day, commune),
        store::targets(db, province, date.year())
    )?;
    let mut totals = Counts { commune_code: commune.unwrap_or_default().to_string(), ..Counts::default() };
    for c in &communes {
        totals.add(c);
    }
    let indicators = indicator_values(&totals, &targets);
    Ok(Snapshot { date, totals, communes, indicators })
}

pub fn indicator_values(counts: &Counts, targets: &[(Indicator, i64)]) -> Vec<IndicatorValue> {
    Indicator::ALL
        .iter()
        .copied()
        .map(|i| {
            let target = targets.iter().find(|(t, _)| *t == i).map(|(_, pct)| *pct);
            IndicatorValue::new(i, counts.ratio(i), target)
        })
        .collect()
}

/// One month of the trend: the figures at its end (or on the date, for the month
/// that holds it).
#[derive(Debug, Clone)]
pub struct MonthPoint {
    pub month: String,
    pub values: Vec<(Indicator, Ratio)>,
}

impl MonthPoint {
    pub fn ratio(&self, indicator: Indicator) -> Ratio {
        self.values.iter().find(|(i, _)| *i == indicator).map(|(_, r)| *r).unwrap_or_default()
    }
}

/// The last `months` months up to the date's month. Closed months come from the
/// stored history; a closed month missing from it is computed as of its last day and
/// stored, so the trend keeps what was true then. The date's own month uses `current`.
pub async fn trend(db: &Db, province: &str, current: &Snapshot, months: usize) -> AppResult<Vec<MonthPoint>> {
    let mut starts = vec![model::month_start(current.date)];
    while starts.len() < months {
        let earlier = model::previous_month_start(*starts.last().expect("starts is never empty"));
        starts.push(earlier);
    }
    starts.reverse();
    let first = model::month_key(starts[0]);
    let this_month = model::month_key(current.date);
    let stored = store::monthly(db, province, &first, &this_month).await?;
    let mut points = Vec::with_capacity(starts.len());
    for start in starts {
        let month = model::month_key(start);
        if month == this_month {
            let values = Indicator::ALL.iter().copied().map(|i| (i, current.totals.ratio(i))).collect();
            points.push(MonthPoint { month, values });
            continue;
        }
        let mut values: Vec<(Indicator, Ratio)> =
            stored.iter().filter(|(m, _, _)| *m == month).map(|(_, i, r)| (*i, *r)).collect();
        if values.len() < Indicator::ALL.len() {
            let last_day = model::next_month_start(start).previous_day().expect("a month has a last day");
            let past = snapshot(db, province, last_day, None).await?;
            store::save_month(db, province, &month, &past.totals).await?;
            values = Indicator::ALL.iter().copied().map(|i| (i, past.totals.ratio(i))).collect();
        }
        points.push(MonthPoint { month, values });
    }
    if current.date == crate::db::today_vn() {
        store::save_month(db, province, &this_month, &current.totals).await?;
    }
    Ok(points)
}

/// The market's own figures for the date's month against the month before.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Market {
    pub month: String,
    pub orders: Sales,
    pub orders_previous_month: Sales,
    /// Growth of the revenue in tenths of a percent, month to date against the whole previous month.
    pub revenue_growth_permille: Option<i64>,
    pub active_stores: i64,
    pub active_stores_previous_month: i64,
    /// Units and revenue other channels reported for the month (and the month before).
    pub channel_sales: Sales,
    pub channel_sales_previous_month: Sales,
}

pub async fn market(db: &Db, province: &str, date: Date) -> AppResult<Market> {
    let start = model::month_start(date);
    let previous = model::previous_month_start(date);
    let next_day = date.next_day().unwrap_or(date);
    // Order times are UTC; month bounds are taken at Vietnam midnight (UTC+7).
    let utc = |d: Date| format!("{}T17:00:00Z", d.previous_day().unwrap_or(d));
    let previous_end = start.previous_day().unwrap_or(start);
    let (this_from, this_to, previous_from) = (utc(start), utc(next_day), utc(previous));
    let (day, previous_day) = (date.to_string(), previous_end.to_string());
    let (this_month, previous_month) = (model::month_key(date), model::month_key(previous));
    let (orders, orders_previous_month, active_stores, active_stores_previous_month, channel, channel_previous) = tokio::try_join!(
        store::market_sales(db, province, &this_from, &this_to),
        store::market_sales(db, province, &previous_from, &this_from),
        store::active_stores(db, province, &day),
        store::active_stores(db, province, &previous_day),
        store::channel_sales(db, province, &this_month),
        store::channel_sales(db, province, &previous_month),
    )?;
    Ok(Market {
        month: this_month,
        orders,
        orders_previous_month,
        revenue_growth_permille: model::growth_permille(orders.revenue_vnd, orders_previous_month.revenue_vnd),
        active_stores,
        active_stores_previous_month,
        channel_sales: channel,
        channel_sales_previous_month: channel_previous,
    })
}

/// Keeps every province's monthly history up to date in the background (every
/// six hours, once across servers), so that a dashboard never waits for past months.
pub fn register_jobs(handlers: &mut crate::jobs::Handlers, db: &Db) {
    let db = db.clone();
    handlers.every("programme.indicator_history", std::time::Duration::from_secs(6 * 3600), move |_| {
        let db = db.clone();
        async move { Ok(record_history(&db).await?) }
    });
}

async fn record_history(db: &Db) -> anyhow::Result<()> {
    for province in store::provinces_with_producers(db).await? {
        let today = crate::db::today_vn();
        let current = snapshot(db, &province, today, None).await.map_err(|e| anyhow::anyhow!("{province}: {e:?}"))?;
        trend(db, &province, &current, 12).await.map_err(|e| anyhow::anyhow!("{province}: {e:?}"))?;
    }
    Ok(())
}
