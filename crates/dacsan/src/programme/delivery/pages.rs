//! `/office/delivery` (page) and `/office/delivery.xlsx`: the figures of
//! `GET /api/v1/programme/delivery` for people, with each commune's drill-down.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;

use super::Figures;
use super::api::DeliveryParams;
use super::model::Tally;
use crate::db::Db;
use crate::programme::xlsx::{self, Cell};
use crate::vn::money::Vnd;
use crate::web::{Page, PageError, render};

#[derive(Template)]
#[template(path = "programme/delivery.html")]
struct DeliveryTemplate {
    page: Page,
    province: String,
    figures: Figures,
    commune_name: Option<String>,
}

impl DeliveryTemplate {
    fn vnd(&self, amount: &i64) -> String {
        Vnd(*amount).to_string()
    }

    fn pct(&self, ratio: crate::programme::kpis::model::Ratio) -> String {
        ratio.pct_text()
    }

    /// `delivered of orders (share)`.
    fn delivered(&self, tally: &Tally) -> String {
        format!("{} ({})", tally.delivered, tally.delivered_share().pct_text())
    }
}

/// The figures a page asks for, once its user may see them.
async fn figures_asked(db: &Db, page: &Page, params: &DeliveryParams) -> Result<Figures, PageError> {
    let scope = params.check(page.require_user()?)?;
    Ok(super::figures(db, &scope.province, scope.commune.as_deref(), scope.from, scope.to).await?)
}

/// `GET /office/delivery?province=&commune=&from=&to=`
pub async fn show_delivery(
    State(db): State<Db>,
    page: Page,
    Query(params): Query<DeliveryParams>,
) -> Result<Response, PageError> {
    let figures = figures_asked(&db, &page, &params).await?;
    let commune_name = figures.commune.as_deref().map(super::commune_name);
    Ok(render(&DeliveryTemplate { province: figures.province.clone(), figures, commune_name, page }))
}

/// `GET /office/delivery.xlsx?province=&commune=&from=&to=`: the table and, for the
/// province, the communes without a collection point within reach.
pub async fn export_delivery(
    State(db): State<Db>,
    page: Page,
    Query(params): Query<DeliveryParams>,
) -> Result<Response, PageError> {
    let figures = figures_asked(&db, &page, &params).await?;
    let place = if figures.commune.is_some() { "Cơ sở" } else { "Xã" };
    let mut table = xlsx::Sheet::new(
        "Giao hàng",
        &[
            place,
            "Đơn cần giao",
            "Đã giao",
            "Tỷ lệ đã giao",
            "Số ngày giao (trung vị)",
            "Giao không thành",
            "Tỷ lệ giao không thành",
            "Hoàn hàng",
            "Tỷ lệ hoàn",
            "Phí giao (đ)",
            "Giá trị hàng (đ)",
            "Phí giao / giá trị hàng",
            "Điểm gom",
        ],
    );
    for line in &figures.lines {
        table.push(tally_row(line.name.clone(), &line.tally, line.coverage.as_ref().map(|c| c.points)));
    }
    table.push(tally_row("Tổng".to_string(), &figures.total, None));
    let mut uncovered = xlsx::Sheet::new("Xã chưa có điểm gom", &["Mã xã", "Xã", "Số cơ sở"]);
    for u in &figures.uncovered {
        uncovered.push(vec![u.commune.clone().into(), u.name.clone().into(), u.producers.into()]);
    }
    let bytes = xlsx::workbook(&[table, uncovered]).map_err(|e| anyhow::anyhow!("write delivery.xlsx: {e}"))?;
    let place = figures.commune.as_deref().unwrap_or(&figures.province);
    Ok(xlsx::download(&format!("giao-hang-{place}-{}-{}.xlsx", figures.from, figures.to), bytes))
}

fn tally_row(name: String, t: &Tally, points: Option<i64>) -> Vec<Cell> {
    let bp = |ratio: crate::programme::kpis::model::Ratio| match ratio.permille() {
        Some(permille) => Cell::PercentBp(permille * 10),
        None => Cell::Text(String::new()),
    };
    vec![
        name.into(),
        t.orders.into(),
        t.delivered.into(),
        bp(t.delivered_share()),
        t.median_text().into(),
        t.failed.into(),
        bp(t.failed_share()),
        t.returned.into(),
        bp(t.returned_share()),
        t.shipping_vnd.into(),
        t.goods_vnd.into(),
        bp(t.cost_share()),
        points.map(Cell::Int).unwrap_or_else(|| Cell::Text(String::new())),
    ]
}
