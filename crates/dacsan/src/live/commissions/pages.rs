//! The affiliate's page (`/account/affiliate`: its code, links, the rates producers
//! pay it, the month's statement and its downloads) and the producer's
//! (`/seller/producers/{id}/commissions`: rates per host, what it owes each host).

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::messages;
use super::model::{Month, RateInput, parse_percent};
use super::report::{self, Heading};
use super::service::{self, Owed, Statement, StatementOrder};
use super::store::{self, Rate};
use crate::catalog::Product;
use crate::config::Settings;
use crate::db::Db;
use crate::error::Message;
use crate::error::{AppError, FieldErrors};
use crate::producers::Producer;
use crate::web::{CsrfForm, Page, PageError, render};

#[derive(Debug, Default, Deserialize)]
pub struct MonthQuery {
    month: Option<String>,
}

impl MonthQuery {
    fn month(&self) -> Result<Month, AppError> {
        Month::parse(self.month.as_deref())
    }
}

/// A page with its status: 422 when it shows refusals.
fn render_with(template: &impl Template, errors: &FieldErrors) -> Response {
    let mut response = render(template);
    if !errors.is_empty() {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}

#[derive(Template)]
#[template(path = "live/affiliate.html")]
struct AffiliateTemplate {
    page: Page,
    code: Option<String>,
    public_url: String,
    rates: Vec<Rate>,
    statement: Statement,
}

impl AffiliateTemplate {
    /// A page's address carrying this account's code.
    fn link(&self, path: &str) -> String {
        super::api::link(&self.public_url, path, self.code.as_deref().unwrap_or_default())
    }
}

/// `GET /account/affiliate?month=YYYY-MM`
pub async fn affiliate_page(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    page: Page,
    Query(query): Query<MonthQuery>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let month = query.month()?;
    let code = store::affiliate_code(&db, user.id).await?;
    let public_url = settings.public_url.clone();
    let rates = store::rates_for_host(&db, user.id).await?;
    let statement = service::statement(&db, user.id, month).await?;
    Ok(render(&AffiliateTemplate { page, code, public_url, rates, statement }))
}

/// `POST /account/affiliate`: gives the account its referral code.
pub async fn become_affiliate(
    State(db): State<Db>,
    page: Page,
    CsrfForm(_): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = page.require_user()?;
    service::become_affiliate(&db, user).await?;
    Ok(Redirect::to("/account/affiliate").into_response())
}

/// The signed-in account's statement of the month as a download.
async fn my_statement_as(db: &Db, page: Page, query: &MonthQuery, format: &str) -> Result<Response, PageError> {
    let user = page.require_user()?;
    let statement = service::statement(db, user.id, query.month()?).await?;
    Ok(report::download(Heading::of_statement(&user.name, &statement), format, page.lang).await?)
}

/// `GET /account/affiliate/statement.xlsx?month=`
pub async fn affiliate_xlsx(
    State(db): State<Db>,
    page: Page,
    Query(query): Query<MonthQuery>,
) -> Result<Response, PageError> {
    my_statement_as(&db, page, &query, "xlsx").await
}

/// `GET /account/affiliate/statement.pdf?month=`: A4, in the page's language.
pub async fn affiliate_pdf(
    State(db): State<Db>,
    page: Page,
    Query(query): Query<MonthQuery>,
) -> Result<Response, PageError> {
    my_statement_as(&db, page, &query, "pdf").await
}

#[derive(Template)]
#[template(path = "live/commissions.html")]
struct CommissionsTemplate {
    page: Page,
    producer: Producer,
    products: Vec<Product>,
    rates: Vec<Rate>,
    owed: Owed,
    form: HashMap<String, String>,
    errors: FieldErrors,
}

impl CommissionsTemplate {
    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }

    fn session_or_link(&self, order: &StatementOrder) -> String {
        order.session_title.clone().unwrap_or_else(|| self.page.t("commission_by_link").to_string())
    }
}

/// The producer a seller (or an admin) manages.
async fn managed_producer(db: &Db, page: &Page, id: i64) -> Result<Producer, PageError> {
    page.require_user()?.require_producer(id)?;
    Ok(crate::producers::store::find_by_id(db, id).await?.ok_or_else(|| AppError::not_found(messages::PRODUCER))?)
}

async fn commissions_page(
    db: &Db,
    page: Page,
    producer: Producer,
    month: Month,
    form: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let products = crate::catalog::store::list_for_producer(db, producer.id, true, 200).await?;
    let rates = store::rates_of_producer(db, producer.id).await?;
    let owed = service::owed(db, producer.id, month).await?;
    let template = CommissionsTemplate { page, producer, products, rates, owed, form, errors };
    Ok(render_with(&template, &template.errors))
}

/// `GET /seller/producers/{id}/commissions?month=`
pub async fn commissions(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    Query(query): Query<MonthQuery>,
) -> Result<Response, PageError> {
    let producer = managed_producer(&db, &page, id).await?;
    let month = query.month()?;
    commissions_page(&db, page, producer, month, HashMap::new(), FieldErrors::default()).await
}

/// The rate form as the API's input: the host by e-mail, the product by id (blank:
/// all), the rate as a per cent.
async fn rate_input(db: &Db, form: &HashMap<String, String>) -> Result<RateInput, PageError> {
    let mut errors = FieldErrors::default();
    let email = form.get("host_email").map(|e| e.trim().to_lowercase()).unwrap_or_default();
    let host = match email.as_str() {
        "" => {
            errors.add("host_email", messages::HOST_EMAIL_REQUIRED);
            None
        }
        email => match crate::auth::store::find_by_email(db, email).await? {
            Some(user) => Some(user.id),
            None => {
                errors.add("host_email", Message::from(messages::NO_ACCOUNT).with("email", email));
                None
            }
        },
    };
    let product_id = match form.get("product_id").map(|p| p.trim()).unwrap_or_default() {
        "" => None,
        id => match id.parse() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add("product_id", messages::CHOOSE_A_PRODUCT);
                None
            }
        },
    };
    let rate_bp = match parse_percent(form.get("rate").map(String::as_str).unwrap_or_default()) {
        Ok(rate) => rate,
        Err(why) => {
            errors.add("rate_bp", why);
            0
        }
    };
    match (host, errors.is_empty()) {
        (Some(host_user_id), true) => Ok(RateInput { host_user_id, product_id, rate_bp }),
        _ => Err(AppError::Invalid(errors).into()),
    }
}

/// `POST /seller/producers/{id}/commissions/rates`: sets a rate from the form.
pub async fn set_rate(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let producer = managed_producer(&db, &page, id).await?;
    let user = page.require_user()?.clone();
    let result = match rate_input(&db, &form).await {
        Ok(input) => service::set_rate(&db, &user, id, &input).await.map_err(PageError::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/seller/producers/{id}/commissions")).into_response()),
        Err(PageError(AppError::Invalid(errors))) => {
            commissions_page(&db, page, producer, Month::current(), form, errors).await
        }
        Err(e) => Err(e),
    }
}

/// `POST /seller/producers/{id}/commissions/rates/{rate_id}/delete`
pub async fn delete_rate(
    State(db): State<Db>,
    page: Page,
    Path((id, rate_id)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = page.require_user()?;
    service::delete_rate(&db, user, id, rate_id).await?;
    Ok(Redirect::to(&format!("/seller/producers/{id}/commissions")).into_response())
}

/// What the producer owes its hosts for the month, as a download.
async fn owed_as(db: &Db, page: Page, id: i64, query: &MonthQuery, format: &str) -> Result<Response, PageError> {
    let producer = managed_producer(db, &page, id).await?;
    let owed = service::owed(db, id, query.month()?).await?;
    Ok(report::download(Heading::of_owed(&producer.name, &owed), format, page.lang).await?)
}

/// `GET /seller/producers/{id}/commissions.xlsx?month=`
pub async fn commissions_xlsx(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    Query(query): Query<MonthQuery>,
) -> Result<Response, PageError> {
    owed_as(&db, page, id, &query, "xlsx").await
}

/// `GET /seller/producers/{id}/commissions.pdf?month=`: A4, in the page's language.
pub async fn commissions_pdf(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    Query(query): Query<MonthQuery>,
) -> Result<Response, PageError> {
    owed_as(&db, page, id, &query, "pdf").await
}
