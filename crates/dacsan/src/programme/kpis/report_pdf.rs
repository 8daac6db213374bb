//! The monthly report as an A4 PDF (`/office/report.pdf`): the same figures as the
//! printable page, in the reader's language, laid out by `labels::report`.

use labels::report::{Block, Chart, Column, Report, Table};

use super::chart::month_label;
use super::views::{MoneyText, ReportTemplate};
use crate::error::{AppError, AppResult};

/// The report's PDF file; rendering runs off the async workers.
pub async fn render(report: &ReportTemplate) -> AppResult<Vec<u8>> {
    let document = document(report);
    tokio::task::spawn_blocking(move || labels::report::report(&document))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(e.into()))
}

fn document(r: &ReportTemplate) -> Report {
    let t = |key: &str| r.page.t(key).to_string();
    Report {
        title: format!("{} {} — {}", t("kpi_report_title"), r.month_title, r.province_name),
        subtitle: format!("{} {}", t("kpi_as_of"), r.date),
        footer: format!(
            "dacsan · {} · {} {}",
            r.province_name,
            t("kpi_report_footer"),
            crate::vn::time_vn(&crate::db::now())
        ),
        blocks: vec![
            Block::Heading(t("kpi_title")),
            Block::Table(indicators(r)),
            Block::Heading(t("kpi_trend")),
            Block::Charts(charts(r)),
            Block::Heading(t("kpi_market")),
            Block::Table(pairs(market(r))),
            Block::Heading(t("kpi_programme_month")),
            Block::Table(pairs(activity(r))),
            Block::Heading(t("dlv_report")),
            Block::Table(pairs(delivery(r))),
            Block::Heading(t("kpi_by_commune")),
            Block::Table(communes(r)),
        ],
    }
}

fn column(title: String, weight: u16, numeric: bool) -> Column {
    Column { title, weight, numeric }
}

/// Value, count, target and gap of each indicator.
fn indicators(r: &ReportTemplate) -> Table {
    let t = |key: &str| r.page.t(key).to_string();
    let columns = vec![
        column(t("kpi_indicator"), 9, false),
        column(t("kpi_value"), 2, true),
        column(t("kpi_count"), 3, true),
        column(t("kpi_target"), 2, true),
        column(t("kpi_gap"), 3, true),
    ];
    let rows = r
        .cards
        .iter()
        .map(|c| {
            let gap = match c.value.missing {
                Some(m) if m > 0 => format!("{} ({m})", c.gap_text),
                Some(_) => t("kpi_reached"),
                None => String::new(),
            };
            vec![
                t(c.label_key),
                c.pct_text.clone(),
                format!("{} / {}", c.value.numerator, c.value.denominator),
                c.value.target_pct.map(|p| format!("{p} %")).unwrap_or_default(),
                gap,
            ]
        })
        .collect();
    Table { columns, rows }
}

fn charts(r: &ReportTemplate) -> Vec<Chart> {
    r.cards
        .iter()
        .map(|c| Chart {
            title: r.page.t(c.label_key).to_string(),
            points: c.points.iter().map(|(month, value)| (month_label(month), *value)).collect(),
            target_pct: c.value.target_pct,
        })
        .collect()
}

fn market(r: &ReportTemplate) -> Vec<(String, String)> {
    let t = |key: &str| r.page.t(key).to_string();
    let m = &r.market;
    vec![
        (
            t("kpi_orders_month"),
            format!("{} ({}: {})", m.orders.orders, t("kpi_previous_month"), m.orders_previous_month.orders),
        ),
        (
            t("kpi_revenue_month"),
            format!("{} ({} {})", m.orders.revenue_vnd.vnd_text(), t("kpi_growth"), r.revenue_growth),
        ),
        (t("kpi_active_stores"), m.active_stores.to_string()),
        (t("kpi_channel_sales"), m.channel_sales.revenue_vnd.vnd_text()),
    ]
}

fn activity(r: &ReportTemplate) -> Vec<(String, String)> {
    let t = |key: &str| r.page.t(key).to_string();
    let a = &r.activity;
    vec![
        (t("kpi_support_open"), a.open_cases.to_string()),
        (
            t("kpi_trainings_month"),
            format!("{} ({} {})", a.sessions_in_month, a.producers_trained_in_month, t("kpi_producers")),
        ),
        (t("kpi_fairs_month"), format!("{} ({})", a.fairs_in_month, a.fair_revenue_vnd.vnd_text())),
        (
            t("kpi_stall_sales_month"),
            format!(
                "{} ({} {}, {} {})",
                a.stall_sales.total_vnd().vnd_text(),
                t("stall_transfer"),
                a.stall_sales.transfer_vnd.vnd_text(),
                t("stall_cash"),
                a.stall_sales.cash_vnd.vnd_text()
            ),
        ),
    ]
}

fn delivery(r: &ReportTemplate) -> Vec<(String, String)> {
    let t = |key: &str| r.page.t(key).to_string();
    let d = &r.delivery;
    vec![
        (t("dlv_orders"), d.orders.to_string()),
        (t("dlv_delivered"), format!("{} ({})", d.delivered, d.delivered_share().pct_text())),
        (t("dlv_median_days"), d.median_text()),
        (t("dlv_failed"), format!("{} ({})", d.failed, d.failed_share().pct_text())),
        (t("dlv_returned"), format!("{} ({})", d.returned, d.returned_share().pct_text())),
        (t("dlv_cost_share"), format!("{} ({})", d.cost_share().pct_text(), d.shipping_vnd.vnd_text())),
        (t("dlv_uncovered"), r.communes_without_point.to_string()),
    ]
}

/// A two-column table of labels and figures, without a header.
fn pairs(lines: Vec<(String, String)>) -> Table {
    Table {
        columns: vec![column(String::new(), 3, false), column(String::new(), 4, false)],
        rows: lines.into_iter().map(|(label, value)| vec![label, value]).collect(),
    }
}

/// Each commune's producers and indicators.
fn communes(r: &ReportTemplate) -> Table {
    let t = |key: &str| r.page.t(key).to_string();
    let mut columns = vec![column(t("commune"), 4, false), column(t("kpi_producers"), 2, true)];
    columns.extend(r.indicator_keys.iter().map(|key| column(t(key), 3, true)));
    let rows = r
        .communes
        .iter()
        .map(|line| {
            let mut row = vec![line.name.clone(), line.producers.to_string()];
            row.extend(line.cells.iter().map(|(_, text)| text.clone()));
            row
        })
        .collect();
    Table { columns, rows }
}
