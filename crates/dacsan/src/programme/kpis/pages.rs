//! `GET /office` (the dashboard), `/office/communes/{code}` (who is not there yet),
//! `/office/kpis.xlsx`, `/office/plan` (targets), `/office/report` (monthly, printable) and
//! `/office/report.pdf`.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::api::{KpiParams, KpiScope, check_target};
use super::model::{Indicator, Ratio};
use super::views::{self, Card, CommuneLine, MoneyText, cards, commune_lines, growth_text, province_name};
use super::{Market, ProducerGaps, store};
use crate::db::Db;
use crate::error::FieldErrors;
use crate::programme::{scope, xlsx};
use crate::vn::admin_units::{self, Province};
use crate::web::PageError;
use crate::web::{CsrfForm, Page, render};

fn checked_scope(page: &Page, params: &KpiParams) -> Result<KpiScope, PageError> {
    Ok(params.check(page.require_user()?)?)
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

/// `GET /office/report?province=&month=YYYY-MM`: the month's figures at its last day
/// (today for the running month), printable (A4, print CSS).
pub async fn show_report(
    State(db): State<Db>,
    page: Page,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    Ok(render(&views::monthly_report(&db, page, &query).await?))
}

/// `GET /office/report.pdf?province=&month=YYYY-MM`: the same report as a PDF file.
pub async fn download_report(
    State(db): State<Db>,
    page: Page,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let report = views::monthly_report(&db, page, &query).await?;
    let file_name = format!("bao-cao-{}-{}.pdf", report.province, report.month);
    let pdf = super::report_pdf::render(&report).await?;
    Ok(crate::web::download(&file_name, "application/pdf", pdf))
}
