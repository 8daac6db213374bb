//! `GET /cart`, `POST /cart/add` and `POST /cart/update`.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::HeaderValue;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;

use super::messages;
use super::service;
use super::view::{self, CartView};
use crate::catalog::{self, ProductStatus};
use crate::config::Settings;
use crate::db::Db;
use crate::orders::service::CheckoutHelpers;
use crate::web::PageError;
use crate::web::{CsrfForm, Page, render};

#[derive(Template)]
#[template(path = "cart/cart.html")]
struct CartTemplate {
    page: Page,
    cart: CartView,
}

/// `GET /cart`
pub async fn show_cart(
    State(db): State<Db>,
    State(helpers): State<CheckoutHelpers>,
    page: Page,
    jar: CookieJar,
) -> Result<Response, PageError> {
    let cart = service::current(&db, &page, &jar).await?;
    let referral = crate::web::referral::carried(&jar);
    let cart = view::build(&db, &helpers, &cart, &page, referral.as_deref()).await?;
    Ok(render(&CartTemplate { page, cart }))
}

#[derive(Debug, Deserialize)]
pub struct AddForm {
    product_id: i64,
    #[serde(default = "one")]
    quantity: i64,
}

fn one() -> i64 {
    1
}

fn with_cookie(mut response: Response, cookie: Option<HeaderValue>) -> Response {
    if let Some(cookie) = cookie {
        response.headers_mut().append(SET_COOKIE, cookie);
    }
    response
}

/// `POST /cart/add`
pub async fn add_to_cart(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    page: Page,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<AddForm>,
) -> Result<Response, PageError> {
    let product = catalog::store::find_by_id(&db, form.product_id)
        .await?
        .filter(|p| p.status == ProductStatus::Active)
        .ok_or_else(|| crate::error::AppError::not_found(messages::PRODUCT))?;
    let mut cart = service::current(&db, &page, &jar).await?;
    cart.add(product.id, form.quantity.clamp(1, crate::orders::model::MAX_QUANTITY), product.price.0);
    let cookie = service::keep(&db, &settings, &page, &cart).await?;
    Ok(with_cookie(Redirect::to("/cart").into_response(), cookie))
}

/// `POST /cart/update`: `q_{product id}` fields set quantities; `remove` drops a line.
pub async fn update_cart(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    page: Page,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let mut cart = service::current(&db, &page, &jar).await?;
    for (key, value) in &form {
        if let (Some(id), Ok(quantity)) =
            (key.strip_prefix("q_").and_then(|id| id.parse().ok()), value.trim().parse::<i64>())
        {
            cart.set_quantity(id, quantity);
        }
    }
    if let Some(id) = form.get("remove").and_then(|id| id.parse().ok()) {
        cart.set_quantity(id, 0);
    }
    // Seeing the cart again acknowledges the current prices.
    let ids: Vec<i64> = cart.lines.iter().map(|l| l.product_id).collect();
    let prices: HashMap<i64, i64> =
        catalog::store::list_by_ids(&db, &ids).await?.iter().map(|p| (p.id, p.price.0)).collect();
    for line in &mut cart.lines {
        if let Some(price) = prices.get(&line.product_id) {
            line.seen_price_vnd = *price;
        }
    }
    let cookie = service::keep(&db, &settings, &page, &cart).await?;
    Ok(with_cookie(Redirect::to("/cart").into_response(), cookie))
}
