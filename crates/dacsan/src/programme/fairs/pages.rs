//! The fairs pages: the province's fairs and market sessions with their totals and
//! a form for a new one (`/office/fairs`, exported to .xlsx), and one fair with its
//! booths, a form to change it and to add or remove a booth (`/office/fairs/{id}`).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::api::ProvinceParam;
use super::events::{self, BoothRequest};
use super::messages;
use super::model::{FairInput, FairKind, parse_amount, parse_revenue, parse_visitors};
use super::sales_store::{self, FairTakings};
use super::store::{self, Booth, Fair, Totals};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::{AppError, FieldErrors};
use crate::programme::support::model::day_vn;
use crate::programme::{scope, xlsx};
use crate::vn::{Vnd, admin_units};
use crate::web::PageError;
use crate::web::{CsrfForm, Page, render};

/// A form's fair fields.
fn fair_input(form: &HashMap<String, String>, errors: &mut FieldErrors) -> FairInput {
    FairInput {
        province_code: None,
        name: form.get("name").cloned(),
        kind: form.get("kind").cloned(),
        place: form.get("place").cloned(),
        starts_on: form.get("starts_on").cloned(),
        ends_on: form.get("ends_on").cloned(),
        visitors: parse_visitors(errors, form.get("visitors").map(String::as_str)),
        target_revenue_vnd: form
            .contains_key("target_revenue_vnd")
            .then(|| parse_amount(errors, "target_revenue_vnd", form.get("target_revenue_vnd").map(String::as_str))),
    }
}

/// The form's reading errors and the rules' errors together, so that every bad field shows at once.
fn all_errors(mut errors: FieldErrors, checked: Result<super::model::FairFields, FieldErrors>) -> FieldErrors {
    if let Err(more) = checked {
        errors.0.extend(more.0);
    }
    errors
}

#[derive(Template)]
#[template(path = "programme/fairs.html")]
struct FairsTemplate {
    page: Page,
    province: String,
    provinces: Vec<&'static admin_units::Province>,
    fairs: Vec<Fair>,
    totals: Totals,
    kinds: &'static [FairKind],
    form: HashMap<String, String>,
    errors: FieldErrors,
}

impl FairsTemplate {
    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }

    fn day(&self, iso: &str) -> String {
        day_vn(iso)
    }

    fn money(&self, vnd: &i64) -> String {
        Vnd(*vnd).to_string()
    }
}

async fn fairs_page(
    db: &Db,
    page: Page,
    user: &CurrentUser,
    province: String,
    form: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let fairs = store::list_for_province(db, &province).await?;
    let totals = store::totals_of_province(db, &province).await?;
    let provinces = scope::provinces_of(user);
    let template = FairsTemplate { page, province, provinces, fairs, totals, kinds: FairKind::ALL, form, errors };
    Ok(scope::form_status(&template.errors, render(&template)))
}

/// `GET /office/fairs?province=`
pub async fn list_fairs(
    State(db): State<Db>,
    page: Page,
    Query(q): Query<ProvinceParam>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let province = scope::province_for(&user, q.province.as_deref())?;
    fairs_page(&db, page, &user, province, HashMap::new(), FieldErrors::default()).await
}

/// `POST /office/fairs`
pub async fn create_fair(
    State(db): State<Db>,
    page: Page,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let province = scope::province_for(&user, form.get("province").map(String::as_str))?;
    let mut errors = FieldErrors::default();
    let input = fair_input(&form, &mut errors);
    let result = match errors.is_empty() {
        true => events::create(&db, &user, Some(&province), &input).await,
        false => Err(AppError::Invalid(all_errors(errors, input.validate(None)))),
    };
    match result {
        Ok(id) => Ok(Redirect::to(&format!("/office/fairs/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => fairs_page(&db, page, &user, province, form, errors).await,
        Err(e) => Err(e.into()),
    }
}

/// `GET /office/fairs.xlsx?province=`: every fair with its totals.
pub async fn export_fairs(
    State(db): State<Db>,
    page: Page,
    Query(q): Query<ProvinceParam>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let province = scope::province_for(&user, q.province.as_deref())?;
    let fairs = store::list_for_province(&db, &province).await?;
    let totals = store::totals_of_province(&db, &province).await?;
    let mut sheet = xlsx::Sheet::new(
        "Hội chợ",
        &[
            "Tên",
            "Loại",
            "Địa điểm",
            "Từ ngày",
            "Đến ngày",
            "Lượt khách",
            "Gian hàng",
            "Doanh thu báo cáo (đồng)",
            "Mục tiêu (đồng)",
            "Bán tại gian (đồng)",
        ],
    );
    for f in fairs {
        sheet.push(vec![
            f.name.into(),
            f.kind.label_vi().into(),
            f.place.into(),
            day_vn(&f.starts_on).into(),
            day_vn(&f.ends_on).into(),
            f.visitors.into(),
            f.booths.into(),
            f.revenue_vnd.into(),
            f.target_revenue_vnd.into(),
            f.sales_revenue_vnd.into(),
        ]);
    }
    let mut sum = xlsx::Sheet::new("Tổng", &["Sự kiện", "Gian hàng", "Cơ sở", "Lượt khách", "Doanh thu (đồng)"]);
    sum.push(vec![
        totals.fairs.into(),
        totals.booths.into(),
        totals.producers.into(),
        totals.visitors.into(),
        totals.revenue_vnd.into(),
    ]);
    let bytes =
        xlsx::workbook(&[sheet, sum]).map_err(|e| AppError::Internal(anyhow::Error::new(e).context("fairs export")))?;
    Ok(xlsx::download(&format!("hoi-cho-{province}.xlsx"), bytes))
}

#[derive(Template)]
#[template(path = "programme/fair.html")]
struct FairTemplate {
    page: Page,
    province: String,
    fair: Fair,
    booths: Vec<Booth>,
    kinds: &'static [FairKind],
    form: HashMap<String, String>,
    errors: FieldErrors,
    notice: &'static str,
    takings: FairTakings,
}

impl FairTemplate {
    /// A product set's name in the page's language; typed amounts have none.
    fn set_name(&self, code: &str) -> String {
        match crate::catalog::ocop::set(code) {
            Some(set) if self.page.is_en() => set.name_en.clone(),
            Some(set) => set.name.clone(),
            None if code.is_empty() => self.page.t("fair_typed_amounts").to_string(),
            None => code.to_string(),
        }
    }

    /// Stall sales as a share of the target, when there is one.
    fn of_target(&self) -> Option<String> {
        let share = |target: i64| i128::from(self.fair.sales_revenue_vnd) * 100 / i128::from(target);
        (self.fair.target_revenue_vnd > 0).then(|| format!("{} %", share(self.fair.target_revenue_vnd)))
    }

    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }

    fn day(&self, iso: &str) -> String {
        day_vn(iso)
    }

    fn money(&self, vnd: &i64) -> String {
        Vnd(*vnd).to_string()
    }
}

async fn fair_page(
    db: &Db,
    page: Page,
    id: i64,
    form: HashMap<String, String>,
    errors: FieldErrors,
    notice: &'static str,
) -> Result<Response, PageError> {
    let fair = store::find_by_id(db, id).await?.ok_or_else(|| AppError::not_found(messages::FAIR))?;
    let booths = store::booths_of(db, id).await?;
    let province = fair.province_code.clone();
    let takings = sales_store::fair_takings(db, id).await?;
    let template = FairTemplate { page, province, fair, booths, kinds: FairKind::ALL, form, errors, notice, takings };
    Ok(scope::form_status(&template.errors, render(&template)))
}

/// `GET /office/fairs/{id}`
pub async fn show_fair(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<scope::DoneParam>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let fair = events::fair_for(&db, &user, id).await?;
    let notice = match q.done.as_deref() {
        Some("saved") => "saved",
        Some("booth") => "fair_booth_saved",
        Some("removed") => "fair_booth_removed",
        _ => "",
    };
    fair_page(&db, page, fair.id, HashMap::new(), FieldErrors::default(), notice).await
}

/// `POST /office/fairs/{id}`: name, kind, place, dates, visitors.
pub async fn update_fair(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let fair = events::fair_for(&db, &user, id).await?;
    let mut errors = FieldErrors::default();
    let input = fair_input(&form, &mut errors);
    let result = match errors.is_empty() {
        true => events::change(&db, &fair, &input).await,
        false => Err(AppError::Invalid(all_errors(errors, input.validate(Some(&fair.fields()))))),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/office/fairs/{id}?done=saved")).into_response()),
        Err(AppError::Invalid(errors)) => fair_page(&db, page, id, form, errors, "").await,
        Err(e) => Err(e.into()),
    }
}

/// `POST /office/fairs/{id}/booths` (`producer`: code or name, `booth`, `revenue`: `12.500.000`)
pub async fn add_booth(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let fair = events::fair_for(&db, &user, id).await?;
    let mut errors = FieldErrors::default();
    let revenue_vnd = parse_revenue(&mut errors, form.get("revenue").map(String::as_str));
    let request = BoothRequest {
        producer_id: None,
        producer: form.get("producer").map(String::as_str),
        booth: form.get("booth").map(String::as_str),
        revenue_vnd,
        errors,
    };
    match events::add_booth(&db, &user, &fair, request).await {
        Ok(_) => Ok(Redirect::to(&format!("/office/fairs/{id}?done=booth")).into_response()),
        Err(AppError::Invalid(errors)) => fair_page(&db, page, id, form, errors, "").await,
        Err(e) => Err(e.into()),
    }
}

/// `POST /office/fairs/{id}/booths/{producer_id}/remove`
pub async fn remove_booth(
    State(db): State<Db>,
    page: Page,
    Path((id, producer_id)): Path<(i64, i64)>,
    CsrfForm(_form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let fair = events::fair_for(&db, &user, id).await?;
    if !store::delete_booth(&db, fair.id, producer_id).await? {
        return Err(AppError::not_found(messages::BOOTH).into());
    }
    Ok(Redirect::to(&format!("/office/fairs/{id}?done=removed")).into_response())
}

/// `GET /office/fairs/{id}/booths.xlsx`
pub async fn export_booths(State(db): State<Db>, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let fair = events::fair_for(&db, &user, id).await?;
    let mut sheet = xlsx::Sheet::new(
        "Gian hàng",
        &[
            "Gian hàng",
            "Mã cơ sở",
            "Tên cơ sở",
            "Xã",
            "Điện thoại",
            "Doanh thu báo cáo (đồng)",
            "Bán tại gian: chuyển khoản (đồng)",
            "Bán tại gian: tiền mặt (đồng)",
            "Số lần bán",
        ],
    );
    let booths = store::booths_of(&db, fair.id).await?;
    let takings = sales_store::fair_takings(&db, fair.id).await?;
    for b in &booths {
        let sold = takings.by_booth.get(&b.producer.id).copied().unwrap_or_default();
        sheet.push(vec![
            b.booth.as_str().into(),
            b.producer.code().into(),
            b.producer.name.as_str().into(),
            b.producer.commune_name().into(),
            b.producer.phone_display().into(),
            b.revenue_vnd.into(),
            sold.transfer_vnd.into(),
            sold.cash_vnd.into(),
            sold.sales.into(),
        ]);
    }
    sheet.push(vec![
        "Tổng / Total".into(),
        "".into(),
        format!("{} cơ sở", booths.len()).into(),
        "".into(),
        "".into(),
        fair.revenue_vnd.into(),
        takings.total.transfer_vnd.into(),
        takings.total.cash_vnd.into(),
        takings.total.sales.into(),
    ]);
    let mut by_set = xlsx::Sheet::new("Theo bộ sản phẩm", &["Bộ sản phẩm", "Số lượng", "Doanh thu (đồng)"]);
    for set in &takings.by_set {
        let name = crate::catalog::ocop::set(&set.set_code).map_or("Nhập số tiền", |s| s.name.as_str());
        by_set.push(vec![name.into(), set.units.into(), set.revenue_vnd.into()]);
    }
    let mut by_hour =
        xlsx::Sheet::new("Theo giờ", &["Giờ", "Số lần bán", "Chuyển khoản (đồng)", "Tiền mặt (đồng)", "Cộng (đồng)"]);
    for (hour, t) in &takings.by_hour {
        by_hour.push(vec![
            format!("{hour}:00").into(),
            t.sales.into(),
            t.transfer_vnd.into(),
            t.cash_vnd.into(),
            t.total_vnd().into(),
        ]);
    }
    let bytes = xlsx::workbook(&[sheet, by_set, by_hour])
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("booths export")))?;
    Ok(xlsx::download(&format!("gian-hang-{id}.xlsx"), bytes))
}

/// Sales on one page of the office's list.
const SALES_PER_PAGE: i64 = 100;

#[derive(Debug, serde::Deserialize)]
pub struct SalesParams {
    /// One booth's sales (its producer's id); all booths when left out.
    producer: Option<String>,
    page: Option<String>,
}

#[derive(Template)]
#[template(path = "programme/fair_sales.html")]
struct FairSalesTemplate {
    page: Page,
    /// The office menu's province.
    province: String,
    fair: Fair,
    booths: Vec<Booth>,
    /// The booth shown alone, if one was chosen.
    producer_id: Option<i64>,
    sales: Vec<sales_store::Sale>,
    page_number: i64,
    has_next: bool,
}

impl FairSalesTemplate {
    /// `A12 · HTX …`: the booth a sale was made at.
    fn booth_of(&self, producer_id: &i64) -> String {
        match self.booths.iter().find(|b| b.producer.id == *producer_id) {
            Some(b) => format!("{} · {}", b.booth, b.producer.name),
            None => producer_id.to_string(),
        }
    }

    fn chosen(&self, producer_id: &i64) -> bool {
        self.producer_id == Some(*producer_id)
    }

    /// The list's address for another page, keeping the booth chosen.
    fn page_link(&self, number: i64) -> String {
        match self.producer_id {
            Some(producer) => format!("/office/fairs/{}/sales?producer={producer}&page={number}", self.fair.id),
            None => format!("/office/fairs/{}/sales?page={number}", self.fair.id),
        }
    }
}

/// `GET /office/fairs/{id}/sales`: every sale the fair's tills recorded, the latest
/// first, with its booth, method, status and lines (one booth with `?producer=`).
pub async fn list_sales(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<SalesParams>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let fair = events::fair_for(&db, &user, id).await?;
    let producer_id = match q.producer.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(text) => Some(text.parse::<i64>().map_err(|_| AppError::not_found(messages::BOOTH))?),
        None => None,
    };
    let page_number = q.page.as_deref().and_then(|p| p.parse::<i64>().ok()).unwrap_or(1).clamp(1, 10_000);
    let booths = store::booths_of(&db, fair.id).await?;
    if let Some(producer) = producer_id
        && !booths.iter().any(|b| b.producer.id == producer)
    {
        return Err(AppError::not_found(messages::BOOTH).into());
    }
    let offset = (page_number - 1) * SALES_PER_PAGE;
    let mut sales = sales_store::list_for_fair(&db, fair.id, producer_id, SALES_PER_PAGE + 1, offset).await?;
    let has_next = sales.len() as i64 > SALES_PER_PAGE;
    sales.truncate(SALES_PER_PAGE as usize);
    let province = fair.province_code.clone();
    Ok(render(&FairSalesTemplate { page, province, fair, booths, producer_id, sales, page_number, has_next }))
}
