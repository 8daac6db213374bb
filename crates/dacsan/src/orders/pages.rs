//! The buyer's pages: checkout (`/checkout`), the placed orders with their VietQR
//! codes (`/orders/c/{checkout}`), one order (`/orders/{code}`) with its timeline
//! and the moves the viewer may make, and the order history (`/orders`).

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::HeaderValue;
use axum::http::header::SET_COOKIE;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;

use super::delivery::Delivery;
use super::delivery::ParcelView;
use super::delivery_view::{self, DeliverySection};
use super::messages;
use super::model::{
    Actor, BuyerInput, CheckoutInput, CheckoutItem, OrderStatus, PaymentMethod, ShippingInput, may_transition,
};
use super::service::CheckoutHelpers;
use super::service::{self, Transition};
use super::store::{self, Order, OrderEvent, OrderItem};
use crate::cart::view::{self as cart_view, CartView};
use crate::config::Settings;
use crate::db::Db;
use crate::error::{AppError, FieldErrors};
use crate::producers::{self, Producer, store::PaymentAccount};
use crate::vn::{Vnd, admin_units};
use crate::web::PageError;
use crate::web::{CsrfForm, Page, render};

pub const ORDERS_COOKIE: &str = "dacsan_orders";

/// Access tokens of the guest's recent checkouts.
fn guest_tokens(jar: &CookieJar) -> Vec<String> {
    jar.get(ORDERS_COOKIE).map(|c| c.value().split('.').map(str::to_string).collect()).unwrap_or_default()
}

fn orders_cookie(settings: &Settings, jar: &CookieJar, new_token: &str) -> HeaderValue {
    let mut tokens = guest_tokens(jar);
    tokens.insert(0, new_token.to_string());
    tokens.truncate(10);
    let secure = if settings.secure_cookies { "; Secure" } else { "" };
    let value = format!(
        "{ORDERS_COOKIE}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        tokens.join("."),
        90 * 86_400
    );
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static(""))
}

/// How this page's viewer relates to the order, if at all.
fn role_on(order: &Order, page: &Page, jar: &CookieJar) -> Option<Actor> {
    let by_account = super::access::role_on(order, page.user.as_ref(), None);
    by_account.or_else(|| guest_tokens(jar).iter().find_map(|t| super::access::role_on(order, None, Some(t))))
}

#[derive(Template)]
#[template(path = "orders/checkout.html")]
struct CheckoutTemplate {
    page: Page,
    cart: CartView,
    form: CheckoutForm,
    errors: FieldErrors,
    problem: Option<String>,
    provinces: &'static [admin_units::Province],
    communes: Vec<&'static admin_units::Commune>,
    vietqr_possible: bool,
    nonce: String,
    delivery: DeliverySection,
    grand_total: Option<Vnd>,
}

impl CheckoutTemplate {
    fn method_is(&self, method: &str) -> bool {
        self.form.payment_method.as_deref().unwrap_or(if self.vietqr_possible { "vietqr" } else { "cod" }) == method
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct CheckoutForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub province_code: String,
    #[serde(default)]
    pub commune_code: String,
    #[serde(default)]
    pub street: String,
    pub payment_method: Option<String>,
    /// One-time key of this form (see [`ValidCheckout::key`]).
    #[serde(default)]
    pub nonce: String,
    /// `place` places the order; anything else only redraws the form (the commune
    /// list of the chosen province, the delivery options, without JavaScript).
    #[serde(default)]
    pub action: String,
    /// A live session's code, typed or carried from its page.
    #[serde(default)]
    pub referral_code: String,
    /// `delivery_<producer id>` → the option chosen for that producer's order.
    #[serde(flatten)]
    pub chosen: HashMap<String, String>,
}

impl CheckoutForm {
    /// The delivery choices as checkout takes them: producer id → option id.
    fn delivery_choices(&self) -> HashMap<String, String> {
        self.chosen
            .iter()
            .filter_map(|(field, option)| Some((field.strip_prefix("delivery_")?.to_string(), option.clone())))
            .collect()
    }
}

async fn checkout_page(
    db: &Db,
    helpers: &CheckoutHelpers,
    page: Page,
    jar: &CookieJar,
    form: CheckoutForm,
    errors: FieldErrors,
    problem: Option<String>,
) -> Result<Response, PageError> {
    let cart = crate::cart::service::current(db, &page, jar).await?;
    if cart.is_empty() {
        return Ok(Redirect::to("/cart").into_response());
    }
    let cart = cart_view::build(db, helpers, &cart, &page, Some(form.referral_code.as_str())).await?;
    let communes = admin_units::communes_of(&form.province_code).collect();
    let vietqr_possible = cart.groups.iter().all(|g| g.takes_vietqr);
    let cod = form.payment_method.as_deref() == Some("cod") || !vietqr_possible;
    let delivery = delivery_view::section(
        db,
        &*helpers.delivery,
        &cart,
        &form.province_code,
        &form.commune_code,
        cod,
        &form.chosen,
    )
    .await;
    let grand_total = delivery.total.map(|d| Vnd(cart.total.0 + d.0));
    Ok(render(&CheckoutTemplate {
        delivery,
        grand_total,
        nonce: if form.nonce.is_empty() { crate::auth::store::new_token() } else { form.nonce.clone() },
        page,
        cart,
        form,
        errors,
        problem,
        provinces: admin_units::provinces(),
        communes,
        vietqr_possible,
    }))
}

/// `GET /checkout`
pub async fn show_checkout(
    State(db): State<Db>,
    State(helpers): State<CheckoutHelpers>,
    page: Page,
    jar: CookieJar,
) -> Result<Response, PageError> {
    let mut form = match &page.user {
        Some(user) => CheckoutForm { name: user.name.clone(), email: user.email.clone(), ..Default::default() },
        None => CheckoutForm::default(),
    };
    form.referral_code = crate::web::referral::carried(&jar).unwrap_or_default();
    checkout_page(&db, &helpers, page, &jar, form, FieldErrors::default(), None).await
}

#[derive(Debug, Deserialize)]
pub struct ProvinceParam {
    #[serde(default)]
    province_code: String,
}

/// `GET /checkout/communes?province_code=`: the commune options (htmx swaps them in).
pub async fn commune_options(page: Page, Query(q): Query<ProvinceParam>) -> Html<String> {
    let mut html = format!("<option value=\"\">— {} —</option>", page.t("commune"));
    for c in admin_units::communes_of(&q.province_code) {
        html.push_str(&format!(
            "<option value=\"{}\">{}</option>",
            c.code,
            askama::filters::escape(&c.name, askama::filters::Html).map(|e| e.to_string()).unwrap_or_default()
        ));
    }
    Html(html)
}

/// `POST /checkout`
pub async fn place_order(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    State(helpers): State<CheckoutHelpers>,
    page: Page,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<CheckoutForm>,
) -> Result<Response, PageError> {
    if form.action != "place" {
        return checkout_page(&db, &helpers, page, &jar, form, FieldErrors::default(), None).await;
    }
    let cart = crate::cart::service::current(&db, &page, &jar).await?;
    let input = CheckoutInput {
        items: cart.lines.iter().map(|l| CheckoutItem { product_id: l.product_id, quantity: l.quantity }).collect(),
        buyer: BuyerInput {
            name: Some(form.name.clone()),
            phone: Some(form.phone.clone()),
            email: Some(form.email.clone()),
        },
        shipping: ShippingInput {
            province_code: Some(form.province_code.clone()),
            commune_code: Some(form.commune_code.clone()),
            street: Some(form.street.clone()),
        },
        payment_method: form.payment_method.clone().unwrap_or_default(),
        delivery: form.delivery_choices(),
        referral_code: Some(form.referral_code.clone()),
    };
    let mut valid = match input.validate() {
        Ok(valid) => valid,
        Err(errors) => return checkout_page(&db, &helpers, page, &jar, form, errors, None).await,
    };
    let nonce = form.nonce.trim().to_string();
    let key_ok =
        (20..=64).contains(&nonce.len()) && nonce.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    valid.key = key_ok.then(|| nonce.clone());
    let result = match service::checkout(&db, &helpers, page.user.as_ref().map(|u| u.id), &valid, settings.payment_time)
        .await
    {
        Ok(result) => result,
        Err(AppError::Conflict { field, .. }) if field == "checkout" => {
            return Ok(Redirect::to(&format!("/orders/c/{nonce}")).into_response());
        }
        Err(AppError::Conflict { message, .. }) => {
            return checkout_page(&db, &helpers, page, &jar, form, FieldErrors::default(), Some(message.to_string()))
                .await;
        }
        Err(AppError::Invalid(errors)) => {
            return checkout_page(&db, &helpers, page, &jar, form, errors, None).await;
        }
        Err(e) => return Err(e.into()),
    };
    let checkout_id = result.orders[0].checkout_id.clone();
    let mut response = Redirect::to(&format!("/orders/c/{checkout_id}")).into_response();
    if let Some(cookie) =
        crate::cart::service::keep(&db, &settings, &page, &crate::cart::model::Cart::default()).await?
    {
        response.headers_mut().append(SET_COOKIE, cookie);
    }
    response.headers_mut().append(SET_COOKIE, orders_cookie(&settings, &jar, &result.access_token));
    Ok(response)
}

/// An order with what its page shows.
pub struct OrderView {
    pub order: Order,
    pub producer: Producer,
    pub items: Vec<OrderItem>,
    pub events: Vec<OrderEvent>,
    pub account: Option<PaymentAccount>,
    pub bank_name: String,
    pub address: String,
    pub due: Vnd,
    /// Statuses the viewer may move the order to.
    pub moves: Vec<OrderStatus>,
    pub actor: Actor,
    pub parcels: Vec<ParcelView>,
    /// Carriers the seller can book with from here (`ghn`…).
    pub bookable: Vec<&'static str>,
}

impl OrderView {
    pub fn awaiting_payment(&self) -> bool {
        self.order.status == OrderStatus::AwaitingPayment && self.order.payment_method == PaymentMethod::Vietqr
    }

    pub fn total(&self) -> Vnd {
        Vnd(self.order.total_vnd)
    }

    pub fn paid(&self) -> Vnd {
        Vnd(self.order.paid_vnd)
    }

    /// The i18n key of a status as the timeline stores it.
    pub fn status_key(&self, status: &str) -> &'static str {
        OrderStatus::parse(status).map_or("error", OrderStatus::label_key)
    }

    pub fn is_seller(&self) -> bool {
        matches!(self.actor, Actor::Seller | Actor::Admin)
    }

    pub fn shipping(&self) -> Vnd {
        Vnd(self.order.shipping_vnd)
    }

    /// The seller may hand the order's parcels to a carrier now.
    pub fn may_ship(&self) -> bool {
        self.is_seller()
            && matches!(self.order.status, OrderStatus::Paid | OrderStatus::Confirmed | OrderStatus::Packed)
    }

    /// The carrier chosen at checkout, when it is one dacsan books with.
    pub fn chosen_carrier(&self) -> &str {
        self.order.delivery_option.as_deref().and_then(|o| o.split(':').next()).unwrap_or("")
    }
}

pub async fn order_view(db: &Db, delivery: &dyn Delivery, order: Order, actor: Actor) -> anyhow::Result<OrderView> {
    let producer = producers::store::find_by_id(db, order.producer_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("order without producer"))?;
    let account = producers::store::payment_account(db, order.producer_id).await?;
    let moves = OrderStatus::ALL.iter().copied().filter(|to| may_transition(actor, order.status, *to)).collect();
    Ok(OrderView {
        parcels: delivery.parcels(db, order.id).await?,
        bookable: delivery.bookable(db, order.producer_id).await?,
        items: store::items(db, order.id).await?,
        events: store::events(db, order.id).await?,
        bank_name: account
            .as_ref()
            .and_then(|a| crate::vn::banks::by_bin(&a.bank_bin))
            .map(|b| b.short_name.clone())
            .unwrap_or_default(),
        account,
        address: producers::model::full_address(
            &order.ship_street,
            &order.ship_commune_code,
            &order.ship_province_code,
        ),
        due: Vnd(order.due_now()),
        moves,
        actor,
        producer,
        order,
    })
}

#[derive(Template)]
#[template(path = "orders/placed.html")]
struct PlacedTemplate {
    page: Page,
    views: Vec<OrderView>,
    refresh: bool,
}

/// `GET /orders/c/{checkout}`: the orders of one checkout, with how to pay each.
pub async fn show_checkout_orders(
    State(db): State<Db>,
    State(delivery): State<Arc<dyn Delivery>>,
    page: Page,
    jar: CookieJar,
    Path(checkout_id): Path<String>,
) -> Result<Response, PageError> {
    let mut views = Vec::new();
    for order in store::list_for_checkout(&db, &checkout_id).await? {
        if let Some(actor) = role_on(&order, &page, &jar) {
            views.push(order_view(&db, &*delivery, order, actor).await?);
        }
    }
    if views.is_empty() {
        return Err(AppError::not_found(messages::ORDER).into());
    }
    let refresh = views.iter().any(OrderView::awaiting_payment);
    Ok(render(&PlacedTemplate { page, views, refresh }))
}

#[derive(Template)]
#[template(path = "orders/order.html")]
struct OrderTemplate {
    page: Page,
    v: OrderView,
}

async fn visible(db: &Db, page: &Page, jar: &CookieJar, code: &str) -> Result<(Order, Actor), PageError> {
    let not_found = || AppError::not_found(messages::ORDER);
    let order = store::find_by_code(db, code).await?.ok_or_else(not_found)?;
    let actor = role_on(&order, page, jar).ok_or_else(not_found)?;
    Ok((order, actor))
}

/// `GET /orders/{code}`
pub async fn show_order(
    State(db): State<Db>,
    State(delivery): State<Arc<dyn Delivery>>,
    page: Page,
    jar: CookieJar,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let (order, actor) = visible(&db, &page, &jar, &code).await?;
    let v = order_view(&db, &*delivery, order, actor).await?;
    Ok(render(&OrderTemplate { page, v }))
}

/// `GET /orders/{code}/qr.svg`: the VietQR code for the page.
pub async fn order_qr(
    State(db): State<Db>,
    page: Page,
    jar: CookieJar,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let (order, viewer) = visible(&db, &page, &jar, &code).await?;
    // A picture on a page drawn before the money came: the buyer now sees that it
    // is paid, no longer the producer's account.
    if order.total_vnd <= order.paid_vnd && viewer == Actor::Buyer {
        return Ok(crate::payments::qr::qr_response("image/svg+xml", paid_picture(page.t("order_paid"))));
    }
    // A page asking for a code that cannot exist (COD, no account) gets a 404.
    let (payload, _) = crate::payments::qr::order_payload(&db, &order, viewer).await.map_err(|e| match e {
        AppError::Conflict { .. } => AppError::not_found(messages::VIETQR_CODE),
        other => other,
    })?;
    Ok(crate::payments::qr::qr_response("image/svg+xml", crate::payments::qr::svg(&payload)?))
}

/// A 240 px square saying the order is paid, in place of its VietQR.
fn paid_picture(label: &str) -> String {
    let label = label.replace('&', "&amp;").replace('<', "&lt;");
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240"><rect width="240" height="240" rx="12" fill="#e8f3ea"/><text x="120" y="112" font-size="48" text-anchor="middle" fill="#1f5d3a">✓</text><text x="120" y="160" font-size="22" font-family="sans-serif" text-anchor="middle" fill="#1f5d3a">{label}</text></svg>"##
    )
}

#[derive(Debug, Deserialize)]
pub struct MoveForm {
    to: String,
    #[serde(default)]
    reason: String,
    carrier: Option<String>,
    tracking_no: Option<String>,
}

/// `POST /orders/{code}/transitions`
pub async fn move_order(
    State(db): State<Db>,
    page: Page,
    jar: CookieJar,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<MoveForm>,
) -> Result<Response, PageError> {
    let (order, actor) = visible(&db, &page, &jar, &code).await?;
    let to = OrderStatus::parse(&form.to).ok_or_else(|| AppError::invalid("to", messages::NOT_A_STATUS))?;
    let t = Transition {
        to,
        actor,
        actor_user_id: page.user.as_ref().map(|u| u.id),
        reason: &form.reason,
        carrier: form.carrier.as_deref(),
        tracking_no: form.tracking_no.as_deref(),
    };
    match service::transition(&db, order.id, &t).await {
        Ok(_) => Ok(Redirect::to(&format!("/orders/{code}")).into_response()),
        Err(AppError::Invalid(errors)) => Err(AppError::Invalid(errors).into()),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "orders/history.html")]
struct HistoryTemplate {
    page: Page,
    orders: Vec<(Order, String)>,
}

/// `GET /orders`: the signed-in buyer's orders and this browser's guest orders.
pub async fn order_history(State(db): State<Db>, page: Page, jar: CookieJar) -> Result<Response, PageError> {
    let mut orders = match &page.user {
        Some(user) => store::list_for_buyer(&db, user.id, 200).await?,
        None => Vec::new(),
    };
    for token in guest_tokens(&jar) {
        for order in store::list_for_token(&db, &crate::auth::store::token_hash(&token)).await? {
            if !orders.iter().any(|o| o.id == order.id) {
                orders.push(order);
            }
        }
    }
    orders.sort_by_key(|o| std::cmp::Reverse(o.id));
    let mut with_names = Vec::new();
    for order in orders {
        let name = producers::store::find_by_id(&db, order.producer_id).await?.map(|p| p.name).unwrap_or_default();
        with_names.push((order, name));
    }
    Ok(render(&HistoryTemplate { page, orders: with_names }))
}
