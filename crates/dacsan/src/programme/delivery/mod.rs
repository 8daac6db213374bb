//! Delivery as the office sees it: for a province's communes (and one commune's
//! producers) over a period — orders that needed delivery, the share delivered, the
//! median days from order to delivery, failed-delivery and return rates, delivery
//! cost as a share of the goods — and the communes whose producers have no
//! collection point within reach. `/office/delivery` (page, .xlsx) and
//! `GET /api/v1/programme/delivery`; the month's totals go in the monthly report.

pub mod api;
pub mod messages;
pub mod model;
pub mod pages;
pub mod routes;
pub mod store;
mod texts;

pub use texts::TEXTS;

use time::Date;

use self::model::Tally;
use self::store::{Coverage, Grouping, Period};
use crate::db::Db;
use crate::error::AppResult;
use crate::vn::admin_units;

/// A line of the table: a commune (province view) or a producer (commune view).
#[derive(Debug, Clone)]
pub struct Line {
    /// The commune's code, or the producer's id as text.
    pub key: String,
    pub name: String,
    pub producer_id: Option<i64>,
    pub tally: Tally,
    /// The commune's collection points (province view only).
    pub coverage: Option<Coverage>,
}

/// A commune with producers and no collection point within reach.
#[derive(Debug, Clone)]
pub struct Uncovered {
    pub commune: String,
    pub name: String,
    pub producers: i64,
}

#[derive(Debug, Clone)]
pub struct Figures {
    pub province: String,
    pub commune: Option<String>,
    /// First and last day of the period, Vietnam dates.
    pub from: Date,
    pub to: Date,
    pub total: Tally,
    /// Most orders first.
    pub lines: Vec<Line>,
    pub uncovered: Vec<Uncovered>,
}

/// Order times are UTC; a day in Vietnam starts at 17:00 UTC the day before.
pub fn period(from: Date, to: Date) -> Period {
    let utc_start = |d: Date| format!("{}T17:00:00Z", d.previous_day().unwrap_or(d));
    Period { from: utc_start(from), to: utc_start(to.next_day().unwrap_or(to)) }
}

/// The figures of orders placed from `from` to `to` (both days included).
pub async fn figures(db: &Db, province: &str, commune: Option<&str>, from: Date, to: Date) -> AppResult<Figures> {
    let period = period(from, to);
    let grouping = match commune {
        Some(commune) => Grouping::Producers { commune },
        None => Grouping::Communes,
    };
    let (tallies, coverage) =
        tokio::try_join!(store::tallies(db, province, &period, grouping), store::coverage(db, province))?;
    let mut lines: Vec<Line> = match commune {
        None => tallies
            .into_iter()
            .map(|(code, tally)| Line {
                name: commune_name(&code),
                coverage: Some(coverage.get(&code).cloned().unwrap_or_default()),
                producer_id: None,
                key: code,
                tally,
            })
            .collect(),
        Some(commune) => {
            let names = store::producer_names(db, province, commune).await?;
            tallies
                .into_iter()
                .map(|(id, tally)| {
                    let producer_id = id.parse::<i64>().ok();
                    let name = producer_id.and_then(|p| names.get(&p).cloned()).unwrap_or_else(|| format!("#{id}"));
                    Line { key: id, name, producer_id, tally, coverage: None }
                })
                .collect()
        }
    };
    lines.sort_by(|a, b| b.tally.orders.cmp(&a.tally.orders).then_with(|| a.name.cmp(&b.name)));
    let mut total = Tally::default();
    for line in &lines {
        total.add(&line.tally);
    }
    let mut uncovered: Vec<Uncovered> = coverage
        .iter()
        .filter(|(code, c)| c.without_point() && commune.is_none_or(|wanted| wanted == code.as_str()))
        .map(|(code, c)| Uncovered { commune: code.clone(), name: commune_name(code), producers: c.producers })
        .collect();
    uncovered.sort_by(|a, b| b.producers.cmp(&a.producers).then_with(|| a.name.cmp(&b.name)));
    Ok(Figures {
        province: province.to_string(),
        commune: commune.map(str::to_string),
        from,
        to,
        total,
        lines,
        uncovered,
    })
}

fn commune_name(code: &str) -> String {
    admin_units::commune(code).map(|c| c.name.clone()).unwrap_or_else(|| code.to_string())
}
