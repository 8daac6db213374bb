//! `GET /office` (the dashboard), `/office/communes/{code}` (who is not there yet),
//! `/office/kpis.xlsx`, `/office/plan` (targets), `/office/report` (monthly, printable) and
//! `/office/report.pdf`.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::api::{KpiParams, KpiScope, check_target};
use super::chart::trend_svg;
use super::messages;
use super::model::{Indicator, IndicatorValue, Ratio, growth_permille};
use super::{Market, MonthPoint, ProducerGaps, Snapshot, store};
use crate::db::Db;
use crate::error::FieldErrors;
use crate::error::Message;
use crate::programme::{scope, xlsx};
use crate::vn::admin_units::{self, Province};
use crate::vn::money::Vnd;
use crate::web::PageError;
use crate::web::{CsrfForm, Page, render};

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

fn cards(page: &Page, snapshot: &Snapshot, trend: &[MonthPoint]) -> Vec<Card> {
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

fn commune_lines(snapshot: &Snapshot) -> Vec<CommuneLine> {
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

fn checked_scope(page: &Page, params: &KpiParams) -> Result<KpiScope, PageError> {
    Ok(params.check(page.require_user()?)?)
}

fn vnd(amount: i64) -> String {
    Vnd(amount).to_string()
}

fn growth_text(now: i64, before: i64) -> String {
    match growth_permille(now, before) {
        Some(p) => format!("{}{},{} %", if p < 0 { "−" } else { "+" }, p.abs() / 10, p.abs() % 10),
        None => "–".to_string(),
    }
}

#[derive(Template)]
#[template(path = "programme/dashboard.html")]
struct DashboardTemplate {
    page: Page,
    province: String,
    province_name: String,
    provinces: Vec<&'static Province>,
    date: String,
    cards: Vec<Card>,
    communes: Vec<CommuneLine>,
    market: Market,
    revenue_growth: String,
    indicator_keys: Vec<&'static str>,
}

/// `GET /office?province=&date=`
pub async fn show_dashboard(
    State(db): State<Db>,
    page: Page,
    Query(params): Query<KpiParams>,
) -> Result<Response, PageError> {
    let scope = checked_scope(&page, &params)?;
    let (snapshot, market) = tokio::try_join!(
        super::snapshot(&db, &scope.province, scope.date, None),
        super::market(&db, &scope.province, scope.date),
    )?;
    let trend = super::trend(&db, &scope.province, &snapshot, 12).await?;
    let template = DashboardTemplate {
        province_name: province_name(&scope.province),
        provinces: scope::provinces_of(page.require_user()?),
        date: scope.date.to_string(),
        cards: cards(&page, &snapshot, &trend),
        communes: commune_lines(&snapshot),
        revenue_growth: growth_text(market.orders.revenue_vnd, market.orders_previous_month.revenue_vnd),
        market,
        indicator_keys: Indicator::ALL.iter().map(|i| i.label_key()).collect(),
        province: scope.province,
        page,
    };
    Ok(render(&template))
}

fn province_name(code: &str) -> String {
    admin_units::province(code).map(|p| p.name.clone()).unwrap_or_default()
}

#[derive(Template)]
#[template(path = "programme/commune.html")]
struct CommuneTemplate {
    page: Page,
    province: String,
    commune_code: String,
    commune_name: String,
    date: String,
    cards: Vec<Card>,
    producers: Vec<ProducerGaps>,
}

/// `GET /office/communes/{code}?province=&date=`: the commune's indicators and the
/// producers not there yet, with their phone numbers.
pub async fn show_commune(
    State(db): State<Db>,
    page: Page,
    Path(code): Path<String>,
    Query(params): Query<KpiParams>,
) -> Result<Response, PageError> {
    let params = KpiParams { commune: Some(code), ..params };
    let scope = checked_scope(&page, &params)?;
    let commune = scope.commune.clone().expect("a commune was asked for");
    let snapshot = super::snapshot(&db, &scope.province, scope.date, Some(&commune)).await?;
    let producers =
        store::producers_with_gaps(&db, &scope.province, &scope.date.to_string(), Some(&commune), 2_000).await?;
    let template = CommuneTemplate {
        commune_name: admin_units::commune(&commune).map(|c| c.name.clone()).unwrap_or_default(),
        commune_code: commune,
        date: scope.date.to_string(),
        cards: cards(&page, &snapshot, &[]),
        producers,
        province: scope.province,
        page,
    };
    Ok(render(&template))
}

/// `GET /office/kpis.xlsx?province=&date=`: indicators, communes, producers not there yet.
pub async fn export_dashboard(
    State(db): State<Db>,
    page: Page,
    Query(params): Query<KpiParams>,
) -> Result<Response, PageError> {
    let scope = checked_scope(&page, &params)?;
    let day = scope.date.to_string();
    let snapshot = super::snapshot(&db, &scope.province, scope.date, scope.commune.as_deref()).await?;
    let gaps = store::producers_with_gaps(&db, &scope.province, &day, scope.commune.as_deref(), 100_000).await?;
    let mut indicators =
        xlsx::Sheet::new("Chỉ tiêu", &["Chỉ tiêu", "Mã", "Đạt (%)", "Tử số", "Mẫu số", "Chỉ tiêu (%)", "Cần thêm"]);
    for (v, i) in snapshot.indicators.iter().zip(Indicator::ALL) {
        let ratio = Ratio::new(v.numerator, v.denominator);
        indicators.push(vec![
            page.t(i.label_key()).into(),
            v.id.into(),
            ratio.permille().map(|p| xlsx::Cell::PercentBp(p * 10)).unwrap_or_else(|| "".into()),
            v.numerator.into(),
            v.denominator.into(),
            v.target_pct.map(xlsx::Cell::Int).unwrap_or_else(|| "".into()),
            v.missing.map(xlsx::Cell::Int).unwrap_or_else(|| "".into()),
        ]);
    }
    let mut headers = vec!["Mã xã", "Xã, phường", "Chủ thể"];
    let labels: Vec<&str> = Indicator::ALL.iter().map(|i| page.t(i.label_key())).collect();
    headers.extend(labels.iter());
    let mut communes = xlsx::Sheet::new("Theo xã", &headers);
    for line in commune_lines(&snapshot) {
        let mut row: Vec<xlsx::Cell> = vec![line.code.into(), line.name.into(), line.producers.into()];
        row.extend(
            line.cells.iter().map(|(r, text)| xlsx::Cell::Text(format!("{text} ({}/{})", r.numerator, r.denominator))),
        );
        communes.push(row);
    }
    let mut producers = xlsx::Sheet::new(
        "Chủ thể chưa đạt",
        &[
            "Mã cơ sở",
            "Tên cơ sở",
            "Xã, phường",
            "Điện thoại",
            "Gian hàng số",
            "TK thanh toán",
            "SP chưa lên sàn",
            "Kỹ năng số",
            "Đóng gói - giao nhận",
        ],
    );
    let yes_no = |b: bool| xlsx::Cell::from(if b { "Có" } else { "Không" });
    for g in gaps {
        producers.push(vec![
            g.registry_code.clone().unwrap_or_default().into(),
            g.name.clone().into(),
            admin_units::commune(&g.commune_code).map(|c| c.name.clone()).unwrap_or_default().into(),
            g.phone.clone().into(),
            yes_no(g.has_store),
            yes_no(g.has_payment),
            g.products_offline.into(),
            yes_no(g.trained_digital),
            yes_no(g.trained_packaging),
        ]);
    }
    let bytes =
        xlsx::workbook(&[indicators, communes, producers]).map_err(|e| anyhow::anyhow!("write kpis.xlsx: {e}"))?;
    Ok(xlsx::download(&format!("chi-tieu-{}-{day}.xlsx", scope.province), bytes))
}

#[derive(Template)]
#[template(path = "programme/plan.html")]
struct PlanTemplate {
    page: Page,
    province: String,
    province_name: String,
    rows: Vec<(String, i64, i64, String)>,
    effective: Vec<(&'static str, i64)>,
    indicators: Vec<(&'static str, &'static str)>,
    errors: FieldErrors,
    fields: HashMap<String, String>,
}

impl PlanTemplate {
    fn v(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }

    fn label_of(&self, id: &str) -> &'static str {
        Indicator::parse(id).map(|i| self.page.t(i.label_key())).unwrap_or("?")
    }
}

async fn plan_page(
    db: &Db,
    page: Page,
    province: String,
    errors: FieldErrors,
    fields: HashMap<String, String>,
) -> Result<Response, PageError> {
    let rows = store::plan_rows(db, &province).await?;
    let effective = store::targets(db, &province, crate::db::today_vn().year())
        .await?
        .into_iter()
        .map(|(i, t)| (i.label_key(), t))
        .collect();
    let template = PlanTemplate {
        province_name: province_name(&province),
        rows,
        effective,
        indicators: Indicator::ALL.iter().map(|i| (i.id(), i.label_key())).collect(),
        errors,
        fields,
        province,
        page,
    };
    Ok(render(&template))
}

/// `GET /office/plan.xlsx?province=`: the targets the province entered, and those in
/// force this year (its own or Plan 270's defaults).
pub async fn export_plan(
    State(db): State<Db>,
    page: Page,
    Query(params): Query<KpiParams>,
) -> Result<Response, PageError> {
    let province = checked_scope(&page, &params)?.province;
    let label = |id: &str| Indicator::parse(id).map(|i| page.t(i.label_key())).unwrap_or("?");
    let mut entered = xlsx::Sheet::new("Kế hoạch", &["Chỉ tiêu", "Mã", "Năm", "Chỉ tiêu (%)", "Tên kế hoạch"]);
    for (id, year, target, name) in store::plan_rows(&db, &province).await? {
        entered.push(vec![label(&id).into(), id.clone().into(), year.into(), target.into(), name.into()]);
    }
    let year = crate::db::today_vn().year();
    let mut in_force = xlsx::Sheet::new("Đang áp dụng", &["Chỉ tiêu", "Mã", "Năm", "Chỉ tiêu (%)"]);
    for (indicator, target) in store::targets(&db, &province, year).await? {
        in_force.push(vec![label(indicator.id()).into(), indicator.id().into(), i64::from(year).into(), target.into()]);
    }
    let bytes = xlsx::workbook(&[entered, in_force]).map_err(|e| anyhow::anyhow!("write plan.xlsx: {e}"))?;
    Ok(xlsx::download(&format!("ke-hoach-{province}.xlsx"), bytes))
}

/// `GET /office/plan?province=`
pub async fn show_plan(
    State(db): State<Db>,
    page: Page,
    Query(params): Query<KpiParams>,
) -> Result<Response, PageError> {
    let scope = checked_scope(&page, &params)?;
    plan_page(&db, page, scope.province, FieldErrors::default(), HashMap::new()).await
}

/// `POST /office/plan`: one target (indicator, year, %); 0–100, a real indicator.
pub async fn save_plan(
    State(db): State<Db>,
    page: Page,
    CsrfForm(fields): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let province = scope::province_for(page.require_user()?, fields.get("province").map(String::as_str))?;
    let number = |name: &str| fields.get(name).and_then(|v| v.trim().parse::<i64>().ok()).unwrap_or(-1);
    let indicator = fields.get("indicator").cloned().unwrap_or_default();
    match check_target(&indicator, number("year"), number("target_pct")) {
        Ok((indicator, year, target)) => {
            let plan_name = fields.get("plan_name").map(|s| s.trim()).unwrap_or("");
            store::upsert_target(&db, &province, indicator, year, target, plan_name).await?;
            Ok(Redirect::to(&format!("/office/plan?province={province}")).into_response())
        }
        Err(crate::error::AppError::Invalid(errors)) => plan_page(&db, page, province, errors, fields).await,
        Err(other) => Err(other.into()),
    }
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

/// `GET /office/report?province=&month=YYYY-MM`: the month's figures at its last day
/// (today for the running month), printable (A4, print CSS).
pub async fn show_report(
    State(db): State<Db>,
    page: Page,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    Ok(render(&monthly_report(&db, page, &query).await?))
}

/// `GET /office/report.pdf?province=&month=YYYY-MM`: the same report as a PDF file.
pub async fn download_report(
    State(db): State<Db>,
    page: Page,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let report = monthly_report(&db, page, &query).await?;
    let file_name = format!("bao-cao-{}-{}.pdf", report.province, report.month);
    let pdf = super::report_pdf::render(&report).await?;
    Ok(crate::web::download(&file_name, "application/pdf", pdf))
}

/// The month's figures at its last day (today for the running month).
async fn monthly_report(db: &Db, page: Page, query: &HashMap<String, String>) -> Result<ReportTemplate, PageError> {
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
