//! `/office/listings`: a province's products and their channels, adding and ending
//! listings, importing monthly sales, which product sells where
//! (`/office/listings/effectiveness`, also .xlsx), and upload files per platform
//! (`/office/listings/export.xlsx`).

use crate::config::Settings;
use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use std::collections::HashMap;
use std::sync::Arc;

use super::Platform;
use super::api::{ListParams, read_and_import};
use super::export::{self, UploadProduct};
use super::messages;
use super::model::ListingInput;
use super::sales::SalesReport;
use super::store::{self, Effectiveness, ProductChannels};
use crate::db::{self, Db};
use crate::error::Message;
use crate::error::{AppError, AppResult};
use crate::programme::{scope, xlsx};
use crate::vn::admin_units::{self, Commune};
use crate::vn::money::Vnd;
use crate::web::PageError;
use crate::web::i18n::Lang;
use crate::web::multipart::UploadForm;
use crate::web::{CsrfForm, Page, render};

/// At most this many products on the page; the commune filter narrows it.
const PAGE_LIMIT: i64 = 300;

#[derive(Template)]
#[template(path = "programme/listings.html")]
struct ListingsTemplate {
    page: Page,
    province: String,
    commune: String,
    communes: Vec<&'static Commune>,
    products: Vec<ProductChannels>,
    truncated: bool,
    platforms: [Platform; 12],
    today: String,
    report: Option<SalesReport>,
    error: Option<String>,
}

impl ListingsTemplate {
    fn platform_label(&self, code: &str) -> &'static str {
        Platform::from_code(code).map(Platform::label).unwrap_or("?")
    }
}

async fn listings_page(
    db: &Db,
    page: Page,
    params: &ListParams,
    report: Option<SalesReport>,
    error: Option<String>,
) -> Result<Response, PageError> {
    let province = scope::province_for(page.require_user()?, params.province.as_deref())?;
    let commune = params.commune_in(&province)?;
    let mut products = store::products_with_listings(db, &province, commune.as_deref(), PAGE_LIMIT + 1).await?;
    let truncated = products.len() as i64 > PAGE_LIMIT;
    products.truncate(PAGE_LIMIT as usize);
    let template = ListingsTemplate {
        communes: admin_units::communes_of(&province).collect(),
        commune: commune.unwrap_or_default(),
        products,
        truncated,
        platforms: Platform::ALL,
        today: db::today_vn().to_string(),
        report,
        error,
        province,
        page,
    };
    Ok(render(&template))
}

/// `GET /office/listings?province=&commune=`
pub async fn show_listings(
    State(db): State<Db>,
    page: Page,
    Query(params): Query<ListParams>,
) -> Result<Response, PageError> {
    listings_page(&db, page, &params, None, None).await
}

fn back_to(fields: &HashMap<String, String>) -> String {
    let province = fields.get("province").map(String::as_str).unwrap_or("");
    let commune = fields.get("commune").map(String::as_str).unwrap_or("");
    format!("/office/listings?province={province}&commune={commune}")
}

/// `POST /office/listings`: a product listed on a platform.
pub async fn add_listing(
    State(db): State<Db>,
    page: Page,
    CsrfForm(fields): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = page.require_user()?;
    let input = ListingInput {
        product_id: fields.get("product_id").and_then(|v| v.trim().parse().ok()),
        platform: fields.get("platform").cloned(),
        url: fields.get("url").cloned().unwrap_or_default(),
        listed_on: fields.get("listed_on").cloned(),
    };
    let valid = input.validate(db::today_vn())?;
    let province = store::province_of_product(&db, valid.product_id).await?;
    scope::province_for(user, Some(&province))?;
    store::upsert(&db, valid.product_id, valid.platform, &valid.url, &valid.listed_on, Some(user.id)).await?;
    Ok(Redirect::to(&back_to(&fields)).into_response())
}

/// `POST /office/listings/{id}/delist`: the listing ends today.
pub async fn delist_listing(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(fields): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = page.require_user()?;
    let listing = store::find_by_id(&db, id).await?;
    let province = store::province_of_product(&db, listing.product_id).await?;
    scope::province_for(user, Some(&province))?;
    store::delist(&db, id, &db::today_vn().to_string()).await?;
    Ok(Redirect::to(&back_to(&fields)).into_response())
}

/// `POST /office/listings/sales` (multipart: `file`, `valid_only`, `province`, `csrf`).
pub async fn upload_sales(
    State(db): State<Db>,
    page: Page,
    jar: CookieJar,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let form = UploadForm::read(&jar, multipart).await?;
    let user = page.require_user()?;
    let params = ListParams { province: form.text("province"), commune: form.text("commune"), ..ListParams::default() };
    let province = scope::province_for(user, params.province.as_deref())?;
    let Some((_, bytes)) = form.files.first() else {
        let choose = Message::from(messages::CHOOSE_A_SALES_FILE).to_string();
        return listings_page(&db, page, &params, None, Some(choose)).await;
    };
    let valid_only = form.text("valid_only").is_some();
    match read_and_import(&db, &province, bytes, valid_only, user.id).await {
        Ok(report) => listings_page(&db, page, &params, Some(report), None).await,
        Err(AppError::Invalid(errors)) => {
            let message = errors.0.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; ");
            listings_page(&db, page, &params, None, Some(message)).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "programme/effectiveness.html")]
struct EffectivenessTemplate {
    page: Page,
    province: String,
    from: String,
    to: String,
    rows: Vec<Effectiveness>,
    by_platform: Vec<(&'static str, i64, i64)>,
    channels: Vec<ChannelRow>,
}

/// One of dacsan's own channels on the effectiveness page and workbook.
struct ChannelRow {
    label: String,
    sessions: Option<i64>,
    viewers: Option<i64>,
    orders: i64,
    revenue_vnd: i64,
    conversion_percent: Option<String>,
}

/// dacsan's channels as the page and its workbook show them, in the reader's language.
async fn own_channels(db: &Db, lang: Lang, province: &str, from: &str, to: &str) -> AppResult<Vec<ChannelRow>> {
    let figures = super::api::own_channel_figures(db, province, from, to).await?;
    Ok(figures
        .into_iter()
        .map(|c| ChannelRow {
            label: match (c.channel.as_str(), c.platform_name()) {
                ("direct", _) => lang.t("lst_channel_direct").to_string(),
                ("link", _) => lang.t("lst_channel_link").to_string(),
                ("stalls", _) => lang.t("lst_channel_stalls").to_string(),
                (_, Some(platform)) => format!("{} · {platform}", lang.t("lst_channel_live")),
                (other, None) => other.to_string(),
            },
            conversion_percent: c.conversion_percent(),
            sessions: c.sessions,
            viewers: c.viewers,
            orders: c.orders,
            revenue_vnd: c.revenue_vnd,
        })
        .collect())
}

impl EffectivenessTemplate {
    fn vnd(&self, amount: &i64) -> String {
        Vnd(*amount).to_string()
    }

    fn platform_label(&self, code: &str) -> &'static str {
        Platform::from_code(code).map(Platform::label).unwrap_or("?")
    }
}

/// Units and revenue per platform, best first.
fn totals_by_platform(rows: &[Effectiveness]) -> Vec<(&'static str, i64, i64)> {
    let mut totals: HashMap<&str, (i64, i64)> = HashMap::new();
    for r in rows {
        let t = totals.entry(r.platform.as_str()).or_default();
        t.0 += r.units;
        t.1 += r.revenue_vnd;
    }
    let mut out: Vec<(&'static str, i64, i64)> = totals
        .into_iter()
        .map(|(code, (units, revenue))| (Platform::from_code(code).map(Platform::label).unwrap_or("?"), units, revenue))
        .collect();
    out.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    out
}

/// `GET /office/listings/effectiveness?province=&from=&to=`
pub async fn show_effectiveness(
    State(db): State<Db>,
    page: Page,
    Query(params): Query<ListParams>,
) -> Result<Response, PageError> {
    let province = scope::province_for(page.require_user()?, params.province.as_deref())?;
    let (from, to) = params.months()?;
    let rows = store::effectiveness(&db, &province, &from, &to).await?;
    let channels = own_channels(&db, page.lang, &province, &from, &to).await?;
    let template =
        EffectivenessTemplate { by_platform: totals_by_platform(&rows), rows, channels, from, to, province, page };
    Ok(render(&template))
}

/// `GET /office/listings/effectiveness.xlsx?province=&from=&to=`
pub async fn export_effectiveness(
    State(db): State<Db>,
    page: Page,
    Query(params): Query<ListParams>,
) -> Result<Response, PageError> {
    let province = scope::province_for(page.require_user()?, params.province.as_deref())?;
    let (from, to) = params.months()?;
    let rows = store::effectiveness(&db, &province, &from, &to).await?;
    let mut sheet =
        xlsx::Sheet::new("Hiệu quả theo sàn", &["Sản phẩm", "Cơ sở", "Sàn", "Số tháng", "Số lượng", "Doanh thu (đ)"]);
    for r in &rows {
        sheet.push(vec![
            r.product_name.clone().into(),
            r.producer_name.clone().into(),
            Platform::from_code(&r.platform).map(Platform::label).unwrap_or("?").into(),
            r.months.into(),
            r.units.into(),
            r.revenue_vnd.into(),
        ]);
    }
    let mut platforms = xlsx::Sheet::new("Theo sàn", &["Sàn", "Số lượng", "Doanh thu (đ)"]);
    for (label, units, revenue) in totals_by_platform(&rows) {
        platforms.push(vec![label.into(), units.into(), revenue.into()]);
    }
    let mut own = xlsx::Sheet::new(
        "Kênh dacsan",
        &["Kênh", "Số phiên", "Lượt xem", "Đơn / lượt bán", "Doanh thu (đ)", "Chuyển đổi (%)"],
    );
    for c in own_channels(&db, Lang::Vi, &province, &from, &to).await? {
        own.push(vec![
            c.label.into(),
            c.sessions.map(Into::into).unwrap_or_else(|| "".into()),
            c.viewers.map(Into::into).unwrap_or_else(|| "".into()),
            c.orders.into(),
            c.revenue_vnd.into(),
            c.conversion_percent.unwrap_or_default().into(),
        ]);
    }
    let bytes =
        xlsx::workbook(&[sheet, platforms, own]).map_err(|e| anyhow::anyhow!("write effectiveness.xlsx: {e}"))?;
    Ok(xlsx::download(&format!("hieu-qua-san-{province}-{from}-{to}.xlsx"), bytes))
}

/// `GET /office/listings.xlsx?province=&commune=`: the channels table, one row per
/// product and listing (a product listed nowhere has one row without a platform).
pub async fn export_listings(
    State(db): State<Db>,
    page: Page,
    Query(params): Query<ListParams>,
) -> Result<Response, PageError> {
    let province = scope::province_for(page.require_user()?, params.province.as_deref())?;
    let commune = params.commune_in(&province)?;
    let products = store::products_with_listings(&db, &province, commune.as_deref(), 100_000).await?;
    let mut sheet = xlsx::Sheet::new(
        "Kênh bán",
        &[
            "Mã cơ sở",
            "Cơ sở",
            "Mã xã",
            "Sản phẩm",
            "Số sao OCOP",
            "Trên dacsan",
            "Sàn",
            "Link",
            "Ngày lên sàn",
            "Ngày gỡ",
        ],
    );
    for p in &products {
        let product = |platform: &str, url: &str, listed: &str, delisted: &str| -> Vec<xlsx::Cell> {
            vec![
                p.registry_code.clone().unwrap_or_default().into(),
                p.producer_name.clone().into(),
                p.commune_code.clone().into(),
                p.product_name.clone().into(),
                if p.ocop_stars >= 3 { p.ocop_stars.into() } else { "".into() },
                (if p.status == "active" { "Có" } else { "Không" }).into(),
                platform.into(),
                url.into(),
                listed.into(),
                delisted.into(),
            ]
        };
        if p.listings.is_empty() {
            sheet.push(product("", "", "", ""));
        }
        for l in &p.listings {
            let platform = Platform::from_code(&l.platform).map(Platform::label).unwrap_or("?");
            sheet.push(product(platform, &l.url, &l.listed_on, l.delisted_on.as_deref().unwrap_or("")));
        }
    }
    let bytes = xlsx::workbook(&[sheet]).map_err(|e| anyhow::anyhow!("write listings.xlsx: {e}"))?;
    let scope = commune.unwrap_or(province);
    Ok(xlsx::download(&format!("kenh-ban-{scope}.xlsx"), bytes))
}

/// `GET /office/listings/export.xlsx?province=&commune=&platform=`: an upload file.
pub async fn export_upload_file(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    page: Page,
    Query(params): Query<ListParams>,
) -> Result<Response, PageError> {
    let province = scope::province_for(page.require_user()?, params.province.as_deref())?;
    let commune = params.commune_in(&province)?;
    let code = params.platform.as_deref().unwrap_or("").trim();
    let platform = Platform::from_code(code)
        .ok_or_else(|| AppError::invalid("platform", Message::from(messages::UNKNOWN_PLATFORM).with("code", code)))?;
    let base = settings.public_url.trim_end_matches('/');
    let products: Vec<UploadProduct> = store::upload_rows(&db, &province, commune.as_deref())
        .await?
        .into_iter()
        .map(|r| UploadProduct {
            sku: r.sku.unwrap_or_else(|| r.slug.clone()),
            origin: admin_units::commune(&r.origin_commune_code)
                .map(|c| {
                    format!(
                        "{}, {}",
                        c.name,
                        admin_units::province(&c.province_code).map(|p| p.name.as_str()).unwrap_or("")
                    )
                })
                .unwrap_or_default(),
            image_url: r.photo_media_id.map(|id| format!("{base}/media/{id}")).unwrap_or_default(),
            page_url: format!("{base}/p/{}", r.slug),
            name: r.name,
            name_en: r.name_en,
            description: r.description,
            price_vnd: r.price_vnd,
            stock: r.stock,
            weight_g: r.weight_g,
            unit: r.unit,
            ocop_stars: r.ocop_stars,
            producer_name: r.producer_name,
        })
        .collect();
    let sheet = export::sheet(platform, &products);
    let bytes = xlsx::workbook(&[sheet]).map_err(|e| anyhow::anyhow!("write upload file: {e}"))?;
    let place = commune.unwrap_or(province);
    Ok(xlsx::download(&format!("{}-{place}.xlsx", platform.code()), bytes))
}
