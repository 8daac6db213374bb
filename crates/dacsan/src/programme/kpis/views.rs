//! What the dashboard and the monthly report show: the indicator cards, the communes'
//! lines and the report itself (its page, printable, and its PDF read the same
//! [`ReportTemplate`]).

use std::collections::HashMap;

use askama::Template;

use super::chart::trend_svg;
use super::messages;
use super::model::{Indicator, IndicatorValue, Ratio, growth_permille};
use super::{Market, MonthPoint, Snapshot, store};
use crate::db::Db;
use crate::error::Message;
use crate::programme::scope;
use crate::vn::admin_units;
use crate::vn::money::Vnd;
use crate::web::{Page, PageError};

/// One indicator as a card shows it.
pub struct Card {
    pub label_key: &'static str,
    pub value: IndicatorValue,
    pub pct_text: String,
    /// Target minus value as pages write it (`18,9 %`), empty without a target.
    pub gap_text: String,
    pub permille: i64,
    /// The last 12 months: (`YYYY-MM`, tenths of a percent).
    pub points: Vec<(String, Option<i64>)>,
    pub chart: String,
}

/// A commune's row of the table.
pub struct CommuneLine {
    pub code: String,
    pub name: String,
    pub producers: i64,
    pub cells: Vec<(Ratio, String)>,
}

pub fn cards(page: &Page, snapshot: &Snapshot, trend: &[MonthPoint]) -> Vec<Card> {
    snapshot
        .indicators
        .iter()
        .zip(Indicator::ALL.iter().copied())
        .map(|(value, indicator)| {
            let ratio = Ratio::new(value.numerator, value.denominator);
            let points: Vec<(String, Option<i64>)> =
                trend.iter().map(|p| (p.month.clone(), p.ratio(indicator).permille())).collect();
            Card {
                label_key: indicator.label_key(),
                pct_text: ratio.pct_text(),
                gap_text: value.gap_pct.map(|g| format!("{} %", g.to_string().replace('.', ","))).unwrap_or_default(),
                permille: ratio.permille().unwrap_or(0),
                chart: trend_svg(page.t(indicator.label_key()), &points, value.target_pct),
                points,
                value: value.clone(),
            }
        })
        .collect()
}

pub fn commune_lines(snapshot: &Snapshot) -> Vec<CommuneLine> {
    snapshot
        .communes
        .iter()
        .map(|c| CommuneLine {
            name: admin_units::commune(&c.commune_code)
                .map(|u| u.name.clone())
                .unwrap_or_else(|| c.commune_code.clone()),
            code: c.commune_code.clone(),
            producers: c.producers,
            cells: Indicator::ALL.iter().copied().map(|i| (c.ratio(i), c.ratio(i).pct_text())).collect(),
        })
        .collect()
}

pub fn vnd(amount: i64) -> String {
    Vnd(amount).to_string()
}

pub fn growth_text(now: i64, before: i64) -> String {
    match growth_permille(now, before) {
        Some(p) => format!("{}{},{} %", if p < 0 { "−" } else { "+" }, p.abs() / 10, p.abs() % 10),
        None => "–".to_string(),
    }
}

pub fn province_name(code: &str) -> String {
    admin_units::province(code).map(|p| p.name.clone()).unwrap_or_default()
}

#[derive(Template)]
#[template(path = "programme/report.html")]
pub struct ReportTemplate {
    pub page: Page,
    pub province: String,
    pub province_name: String,
    /// `YYYY-MM`, as the month picker takes it.
    pub month: String,
    /// `MM/YYYY`, as people write it.
    pub month_title: String,
    pub date: String,
    pub cards: Vec<Card>,
    pub communes: Vec<CommuneLine>,
    pub market: Market,
    pub revenue_growth: String,
    pub indicator_keys: Vec<&'static str>,
    pub activity: store::Activity,
    /// Orders placed in the month that needed delivery, and how they went.
    pub delivery: crate::programme::delivery::model::Tally,
    /// Communes with producers and no collection point within reach.
    pub communes_without_point: usize,
}

/// The month's figures at its last day (today for the running month).
pub async fn monthly_report(db: &Db, page: Page, query: &HashMap<String, String>) -> Result<ReportTemplate, PageError> {
    let user = page.require_user()?;
    let province = scope::province_for(user, query.get("province").map(String::as_str))?;
    let today = crate::db::today_vn();
    let date = match query.get("month").map(|m| m.trim()).filter(|m| !m.is_empty()) {
        None => today,
        Some(month) => {
            let first = crate::vn::parse_iso_date(&format!("{month}-01")).ok_or_else(|| {
                crate::error::AppError::invalid("month", Message::from(messages::NOT_A_MONTH).with("month", month))
            })?;
            let last = super::model::next_month_start(first).previous_day().unwrap_or(first);
            last.min(today)
        }
    };
    let (snapshot, market) =
        tokio::try_join!(super::snapshot(db, &province, date, None), super::market(db, &province, date))?;
    let trend = super::trend(db, &province, &snapshot, 12).await?;
    let activity = store::activity(db, &province, date).await?;
    let delivery =
        crate::programme::delivery::figures(db, &province, None, super::model::month_start(date), date).await?;
    Ok(ReportTemplate {
        communes_without_point: delivery.uncovered.len(),
        delivery: delivery.total,
        province_name: province_name(&province),
        month: super::model::month_key(date),
        month_title: super::chart::month_label(&super::model::month_key(date)),
        date: crate::vn::date_vn(&date),
        cards: cards(&page, &snapshot, &trend),
        communes: commune_lines(&snapshot),
        revenue_growth: growth_text(market.orders.revenue_vnd, market.orders_previous_month.revenue_vnd),
        market,
        indicator_keys: Indicator::ALL.iter().map(|i| i.label_key()).collect(),
        activity,
        province,
        page,
    })
}

/// Money as the templates show it.
pub trait MoneyText {
    fn vnd_text(&self) -> String;
}

impl MoneyText for i64 {
    fn vnd_text(&self) -> String {
        vnd(*self)
    }
}
