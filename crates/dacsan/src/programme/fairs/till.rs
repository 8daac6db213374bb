//! The stall till on the producer's phone: `/stall` (the seller's booths at coming
//! fairs), `/stall/{fair}?producer=` (tap products or type an amount, sell by VietQR
//! or cash, the day's sales), one sale with its VietQR and receipt, and the public
//! receipt `/stall/receipts/{code}`. Forms work without JavaScript; `till.js` adds the
//! offline queue and `sw.js` keeps the page when the network drops.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::messages;
use super::model::parse_amount;
use super::sales::{self, SaleInput, SaleItemInput, SaleMethod, SaleStatus};
use super::sales_api::{SaleJson, booth_sale, sale_json};
use super::sales_store::{self as store, Sale, Takings};
use super::store::{FairHead, find_head, upcoming_booths_of};
use crate::auth::CurrentUser;
use crate::catalog::{Product, ProductStatus};
use crate::config::Settings;
use crate::db::Db;
use crate::error::{AppError, FieldErrors, Message, Text};
use crate::web::{CsrfForm, Page, PageError, render};

#[derive(Debug, Deserialize)]
pub struct ProducerParam {
    pub producer: Option<String>,
}

/// The booth this page is about: the producer asked for, else the first of the
/// user's producers with a booth at the fair.
async fn booth_of(
    db: &Db,
    user: &CurrentUser,
    fair_id: &str,
    producer: Option<&str>,
) -> Result<(FairHead, i64), PageError> {
    let fair_id: i64 = fair_id.parse().map_err(|_| AppError::not_found(messages::FAIR))?;
    let producer_id = match producer.map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => p.parse().map_err(|_| AppError::not_found(messages::BOOTH))?,
        None => {
            let mut with_booth = None;
            for id in &user.producer_ids {
                if super::store::has_booth(db, fair_id, *id).await? {
                    with_booth = Some(*id);
                    break;
                }
            }
            with_booth.or(user.producer_ids.first().copied()).ok_or(AppError::Forbidden)?
        }
    };
    let fair = sales::till_for(db, user, fair_id, producer_id).await?;
    Ok((fair, producer_id))
}

#[derive(Template)]
#[template(path = "programme/stalls.html")]
struct StallsTemplate {
    page: Page,
    booths: Vec<(FairHead, i64, String)>,
}

impl StallsTemplate {
    fn day(&self, iso: &str) -> String {
        crate::programme::support::model::day_vn(iso)
    }
}

/// `GET /stall`: the seller's booths at fairs that have not ended.
pub async fn my_stalls(State(db): State<Db>, page: Page) -> Result<Response, PageError> {
    let user = page.require_user()?;
    let booths = upcoming_booths_of(&db, &user.producer_ids).await?;
    Ok(render(&StallsTemplate { page, booths }))
}

#[derive(Template)]
#[template(path = "programme/till.html")]
struct TillTemplate {
    page: Page,
    fair: FairHead,
    producer_id: i64,
    producer_name: String,
    has_account: bool,
    products: Vec<Product>,
    /// The products the booth counts apart for the fair.
    day_counts: Vec<store::DayCount>,
    takings: Takings,
    sales: Vec<Sale>,
    /// This form's sale number, for a sale sent without JavaScript.
    client_sale_id: String,
    form: HashMap<String, String>,
    errors: FieldErrors,
    till_js: &'static str,
}

impl TillTemplate {
    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }

    fn qty(&self, product_id: &i64) -> &str {
        self.form.get(&format!("q_{product_id}")).map(String::as_str).unwrap_or("")
    }

    fn api(&self) -> String {
        format!("/api/v1/programme/fairs/{}/booths/{}/sales", self.fair.id, self.producer_id)
    }

    fn day_count(&self, product_id: &i64) -> Option<&store::DayCount> {
        self.day_counts.iter().find(|c| c.product_id == *product_id)
    }

    /// The day-count form came back with errors: it stays open.
    fn day_stock_refused(&self) -> bool {
        self.errors.0.iter().any(|e| e.field.starts_with("b_") || e.field.contains("brought"))
    }

    /// The day-count form's field: what was typed, else what is stored.
    fn brought(&self, product_id: &i64) -> String {
        match self.form.get(&format!("b_{product_id}")) {
            Some(typed) => typed.clone(),
            None => self.day_count(product_id).map(|c| c.brought.to_string()).unwrap_or_default(),
        }
    }
}

async fn till_page(
    db: &Db,
    page: Page,
    fair: FairHead,
    producer_id: i64,
    form: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let producer = crate::producers::store::find_by_id(db, producer_id)
        .await?
        .ok_or_else(|| AppError::not_found(messages::PRODUCER))?;
    let products = crate::catalog::store::list_for_producer(db, producer_id, true, 200).await?;
    let has_account = crate::producers::store::payment_account(db, producer_id).await?.is_some();
    let takings = store::booth_takings(db, fair.id, producer_id).await?;
    let sales = store::list_for_booth(db, fair.id, producer_id, 50).await?;
    let day_counts = store::day_counts(db, fair.id, producer_id).await?;
    let template = TillTemplate {
        page,
        fair,
        producer_id,
        producer_name: producer.name,
        has_account,
        products: products.into_iter().filter(|p| p.status == ProductStatus::Active).collect(),
        day_counts,
        takings,
        sales,
        client_sale_id: format!("web-{}", crate::auth::store::new_token().get(..20).unwrap_or_default()),
        form,
        errors,
        till_js: crate::web::assets::till_js_url(),
    };
    let status = if template.errors.is_empty() { 200 } else { 422 };
    let mut response = render(&template);
    *response.status_mut() = axum::http::StatusCode::from_u16(status).unwrap_or_default();
    Ok(response)
}

/// `GET /stall/{fair}?producer=`
pub async fn till(
    State(db): State<Db>,
    page: Page,
    Path(fair): Path<String>,
    Query(q): Query<ProducerParam>,
) -> Result<Response, PageError> {
    let user = page.require_user()?;
    let (fair, producer_id) = booth_of(&db, user, &fair, q.producer.as_deref()).await?;
    till_page(&db, page, fair, producer_id, HashMap::new(), FieldErrors::default()).await
}

/// `POST /stall/{fair}/stock?producer=`: what the booth brought of each product
/// (`b_{product id}`; empty: counted in the shop's stock as before).
pub async fn set_day_counts(
    State(db): State<Db>,
    page: Page,
    Path(fair): Path<String>,
    Query(q): Query<ProducerParam>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = page.require_user()?;
    let (fair, producer_id) = booth_of(&db, user, &fair, q.producer.as_deref()).await?;
    let mut errors = FieldErrors::default();
    let mut items: Vec<sales::DayCountLine> = numbers_by_product(&form, "b_", messages::BROUGHT_LABEL, &mut errors)
        .into_iter()
        .map(|(product_id, brought)| sales::DayCountLine { product_id, brought })
        .collect();
    items.sort_by_key(|l| l.product_id);
    let result = match errors.is_empty() {
        true => sales::set_day_counts(&db, fair.id, producer_id, &sales::DayCountsInput { items }).await,
        false => Err(AppError::Invalid(errors)),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/stall/{}?producer={producer_id}#day-stock", fair.id)).into_response()),
        Err(e) => till_page(&db, page, fair, producer_id, form, PageError::form_errors(e)?).await,
    }
}

#[derive(Template)]
#[template(path = "programme/_stall_sales.html")]
struct SalesFragment {
    page: Page,
    fair: FairHead,
    producer_id: i64,
    takings: Takings,
    sales: Vec<Sale>,
}

/// `GET /stall/{fair}/sales?producer=`: the day's sales part of the till, which the
/// till's script asks for again after it sent queued sales.
pub async fn sales_fragment(
    State(db): State<Db>,
    page: Page,
    Path(fair): Path<String>,
    Query(q): Query<ProducerParam>,
) -> Result<Response, PageError> {
    let user = page.require_user()?;
    let (fair, producer_id) = booth_of(&db, user, &fair, q.producer.as_deref()).await?;
    let takings = store::booth_takings(&db, fair.id, producer_id).await?;
    let sales = store::list_for_booth(&db, fair.id, producer_id, 50).await?;
    let mut response = render(&SalesFragment { page, fair, producer_id, takings, sales });
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// The form's whole numbers named `{prefix}{product id}`, by product: `None` for an
/// empty field; a field that is not a number is named in `errors` with `what` it is.
fn numbers_by_product(
    form: &HashMap<String, String>,
    prefix: &str,
    what: Text,
    errors: &mut FieldErrors,
) -> Vec<(i64, Option<i64>)> {
    let mut numbers = Vec::new();
    for (name, value) in form {
        let Some(product_id) = name.strip_prefix(prefix).and_then(|id| id.parse::<i64>().ok()) else { continue };
        match value.trim() {
            "" => numbers.push((product_id, None)),
            v => match v.parse::<i64>() {
                Ok(n) => numbers.push((product_id, Some(n))),
                Err(_) => {
                    errors.add(name, Message::from(messages::A_WHOLE_NUMBER).with_message("what", what).with("v", v))
                }
            },
        }
    }
    numbers
}

/// The till's form as a sale: `q_{product id}` quantities, a typed `amount`, the
/// pressed button's `method`.
fn sale_from_form(form: &HashMap<String, String>, errors: &mut FieldErrors) -> SaleInput {
    let mut items: Vec<SaleItemInput> = numbers_by_product(form, "q_", messages::QUANTITY_LABEL, errors)
        .into_iter()
        .filter_map(|(product_id, quantity)| {
            Some(SaleItemInput { product_id, quantity: quantity.filter(|q| *q != 0)? })
        })
        .collect();
    items.sort_by_key(|i| i.product_id);
    let typed = form.get("amount").map(|a| a.trim()).filter(|a| !a.is_empty());
    SaleInput {
        client_sale_id: form.get("client_sale_id").cloned(),
        amount_vnd: typed.map(|a| parse_amount(errors, "amount_vnd", Some(a))),
        items: Some(items),
        method: form.get("method").cloned(),
        sold_at: None,
    }
}

/// `POST /stall/{fair}/sales?producer=`: a sale from the form (no JavaScript).
pub async fn sell(
    State(db): State<Db>,
    page: Page,
    Path(fair): Path<String>,
    Query(q): Query<ProducerParam>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = page.require_user()?;
    let (fair, producer_id) = booth_of(&db, user, &fair, q.producer.as_deref()).await?;
    let mut errors = FieldErrors::default();
    let input = sale_from_form(&form, &mut errors);
    let result = match errors.is_empty() {
        true => sales::record(&db, user, &fair, producer_id, &input).await,
        false => Err(AppError::Invalid(errors)),
    };
    match result {
        Ok(recorded) => Ok(Redirect::to(&sale_path(&recorded.sale)).into_response()),
        Err(e) => till_page(&db, page, fair, producer_id, form, PageError::form_errors(e)?).await,
    }
}

fn sale_path(sale: &Sale) -> String {
    format!("/stall/{}/sales/{}?producer={}", sale.fair_id, sale.code, sale.producer_id)
}

#[derive(Template)]
#[template(path = "programme/stall_sale.html")]
struct SaleTemplate {
    page: Page,
    fair: FairHead,
    sale: SaleJson,
    receipt_svg: String,
    receipt_link: String,
    /// The receipt was just queued to an e-mail address.
    emailed: bool,
    /// The receipt form's address and what was wrong with it.
    email: String,
    errors: FieldErrors,
}

impl SaleTemplate {
    fn awaiting(&self) -> bool {
        self.sale.sale.status == SaleStatus::AwaitingPayment
    }

    fn cancellable(&self) -> bool {
        match self.sale.sale.status {
            SaleStatus::Cancelled => false,
            SaleStatus::AwaitingPayment => true,
            SaleStatus::Paid => self.sale.sale.method == SaleMethod::Cash,
        }
    }

    /// What the `sms:` link carries: the receipt's link.
    fn share_text(&self) -> String {
        format!("{} {}: {}", self.page.t("stall_receipt"), self.sale.sale.code, self.receipt_link)
    }
}

#[derive(Debug, Deserialize)]
pub struct SalePath {
    fair: String,
    code: String,
}

#[derive(Debug, Deserialize)]
pub struct SaleParams {
    producer: Option<String>,
    done: Option<String>,
}

/// `GET /stall/{fair}/sales/{code}?producer=`: one sale, its VietQR while the money
/// is due (the page reloads itself until it arrives), its receipt.
pub async fn show_sale(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    page: Page,
    Path(path): Path<SalePath>,
    Query(q): Query<SaleParams>,
) -> Result<Response, PageError> {
    let user = page.require_user()?;
    let (fair, producer_id) = booth_of(&db, user, &path.fair, q.producer.as_deref()).await?;
    let sale = booth_sale(&db, fair.id, producer_id, &path.code).await?;
    let emailed = q.done.as_deref() == Some("emailed");
    sale_page(&db, &settings, page, fair, sale, ReceiptForm { emailed, ..ReceiptForm::default() }).await
}

/// The receipt form under a sale: sent already, or the address typed and what was
/// wrong with it.
#[derive(Default)]
struct ReceiptForm {
    emailed: bool,
    email: String,
    errors: FieldErrors,
}

async fn sale_page(
    db: &Db,
    settings: &Settings,
    page: Page,
    fair: FairHead,
    sale: Sale,
    form: ReceiptForm,
) -> Result<Response, PageError> {
    let ReceiptForm { emailed, email, errors } = form;
    let receipt_link = sales::receipt_url(&settings.public_url, &sale.code);
    let receipt_svg = crate::payments::qr::svg(&receipt_link)?;
    let sale = sale_json(db, sale).await?;
    let template = SaleTemplate { page, fair, sale, receipt_svg, receipt_link, emailed, email, errors };
    let mut response = render(&template);
    if !template.errors.is_empty() {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// `POST /stall/{fair}/sales/{code}/receipt?producer=`: the receipt to the buyer's
/// e-mail address, through the outbox.
pub async fn email_receipt(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    page: Page,
    Path(path): Path<SalePath>,
    Query(q): Query<ProducerParam>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = page.require_user()?;
    let (fair, producer_id) = booth_of(&db, user, &path.fair, q.producer.as_deref()).await?;
    let sale = booth_sale(&db, fair.id, producer_id, &path.code).await?;
    let email = form.get("email").cloned().unwrap_or_default();
    match sales::email_receipt(&db, &settings.public_url, &sale, &fair, &email).await {
        Ok(()) => Ok(Redirect::to(&format!("{}&done=emailed", sale_path(&sale))).into_response()),
        Err(e) => {
            sale_page(
                &db,
                &settings,
                page,
                fair,
                sale,
                ReceiptForm { emailed: false, email, errors: PageError::form_errors(e)? },
            )
            .await
        }
    }
}

/// `POST /stall/{fair}/sales/{code}/cancel?producer=`
pub async fn cancel_sale(
    State(db): State<Db>,
    page: Page,
    Path(path): Path<SalePath>,
    Query(q): Query<ProducerParam>,
    CsrfForm(_): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = page.require_user()?;
    let (fair, producer_id) = booth_of(&db, user, &path.fair, q.producer.as_deref()).await?;
    let sale = booth_sale(&db, fair.id, producer_id, &path.code).await?;
    let sale = sales::cancel(&db, &sale).await?;
    Ok(Redirect::to(&sale_path(&sale)).into_response())
}

#[derive(Template)]
#[template(path = "programme/receipt.html")]
struct ReceiptTemplate {
    page: Page,
    fair: FairHead,
    producer_name: String,
    sale: Sale,
}

/// `GET /stall/receipts/{code}`: the buyer's receipt, for anybody with the link.
pub async fn receipt(State(db): State<Db>, page: Page, Path(code): Path<String>) -> Result<Response, PageError> {
    let sale = store::find_by_code(&db, code.trim()).await?.ok_or_else(|| AppError::not_found(messages::RECEIPT))?;
    let fair = find_head(&db, sale.fair_id).await?.ok_or_else(|| AppError::not_found(messages::FAIR))?;
    let producer_name =
        crate::producers::store::find_by_id(&db, sale.producer_id).await?.map(|p| p.name).unwrap_or_default();
    let mut response = render(&ReceiptTemplate { page, fair, producer_name, sale });
    response.headers_mut().insert("x-robots-tag", HeaderValue::from_static("noindex"));
    Ok(response)
}

/// `GET /stall/sw.js`: the till's service worker (scope `/stall/`).
pub async fn service_worker() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/javascript; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        crate::web::assets::TILL_SW,
    )
        .into_response()
}
