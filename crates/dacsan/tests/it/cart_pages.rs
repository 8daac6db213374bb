//! The buyer's purchase pages: `/cart`, `/cart/add`, `/cart/update`, `/checkout`,
//! `/checkout/communes`, `/orders/c/{checkout}`, `/orders`, `/orders/{code}` with its
//! QR code, moves and packing slip, the seller's `/seller/orders`, and
//! `/seller/producers/{id}/payment`.

use dacsan::auth::Role;
use dacsan::catalog::Product;
use dacsan::orders::OrderStatus;
use dacsan::vn::admin_units;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, WEBHOOK_KEY, csrf_in, spawn_app};
use crate::orders::two_stores;

/// A browser of its own (own cookies: cart, orders, session) on the same app.
struct Tab<'a> {
    app: &'a TestApp,
    client: reqwest::Client,
}

impl<'a> Tab<'a> {
    /// The app's own browser client (its cookies are shared with `app.page`).
    fn main(app: &'a TestApp) -> Self {
        Tab { app, client: app.browser.clone() }
    }

    /// Another person's browser.
    fn new(app: &'a TestApp) -> Self {
        let client =
            reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
        Tab { app, client }
    }

    async fn page(&self, path: &str) -> (u16, String) {
        let response = self.client.get(self.app.url(path)).send().await.unwrap();
        (response.status().as_u16(), response.text().await.unwrap())
    }

    /// POSTs a form with this browser's CSRF token: (status, Location, body).
    async fn post(&self, path: &str, fields: &[(&str, &str)]) -> (u16, String, String) {
        let (_, html) = self.page("/signin").await;
        let token = csrf_in(&html);
        let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        let response = self.client.post(self.app.url(path)).form(&all).send().await.unwrap();
        let status = response.status().as_u16();
        let location = response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        (status, location, response.text().await.unwrap())
    }

    async fn sign_in(&self, email: &str) {
        let (status, location, _) = self.post("/signin", &[("email", email), ("password", "password-123")]).await;
        assert_eq!((status, location.as_str()), (303, "/"), "sign-in of {email}");
    }

    async fn add(&self, product: &Product, quantity: i64) {
        let (status, location, _) = self
            .post("/cart/add", &[("product_id", &product.id.to_string()), ("quantity", &quantity.to_string())])
            .await;
        assert_eq!((status, location.as_str()), (303, "/cart"), "add {} to the cart", product.name);
    }

    /// Places the cart with a valid address in Hà Nội: (status, Location, body).
    async fn place(&self, overrides: &[(&str, &str)]) -> (u16, String, String) {
        let mut fields = vec![
            ("name", "Nguyễn Thị Lan"),
            ("phone", "0987 654 321"),
            ("email", "lan@example.vn"),
            ("province_code", "01"),
            ("commune_code", "00004"),
            ("street", "12 phố Hàng Bông"),
            ("payment_method", "vietqr"),
            ("action", "place"),
        ];
        for (key, value) in overrides {
            match fields.iter_mut().find(|(k, _)| k == key) {
                Some(field) => field.1 = value,
                None => fields.push((key, value)),
            }
        }
        self.post("/checkout", &fields).await
    }

    /// Places the cart and follows to the placed page: (checkout id, page).
    async fn place_ok(&self, overrides: &[(&str, &str)]) -> (String, String) {
        let (status, location, body) = self.place(overrides).await;
        assert_eq!(status, 303, "checkout refused: {body}");
        let checkout = location.strip_prefix("/orders/c/").unwrap_or_else(|| panic!("went to {location}")).to_string();
        let (status, html) = self.page(&location).await;
        assert_eq!(status, 200, "{html}");
        (checkout, html)
    }
}

fn money(vnd: i64) -> String {
    dacsan::vn::Vnd(vnd).to_string()
}

/// The store sections of a cart or checkout page (one per producer).
fn store_groups(html: &str) -> usize {
    html.matches("<section class=\"box\" aria-label=").count()
}

async fn stock_of(app: &TestApp, id: i64) -> i64 {
    dacsan::catalog::store::find_by_id(&app.state.db, id).await.unwrap().unwrap().stock
}

async fn orders_of(app: &TestApp, checkout: &str) -> Vec<dacsan::orders::Order> {
    dacsan::orders::store::list_for_checkout(&app.state.db, checkout).await.unwrap()
}

async fn all_orders(app: &TestApp) -> usize {
    dacsan::orders::store::list_recent(&app.state.db, 100).await.unwrap().len()
}

fn sepay(id: i64, content: &str, amount: i64) -> Value {
    json!({"id": id, "gateway": "Vietcombank", "transactionDate": "2026-11-25 10:00:00", "accountNumber": "0011002233445",
        "subAccount": null, "code": null, "content": content, "transferType": "in", "transferAmount": amount,
        "accumulated": 0, "referenceCode": "FT123", "description": content})
}

/// The bank tells the app about a transfer that names the order.
async fn pay(app: &TestApp, txn: i64, order: &dacsan::orders::Order) {
    let response = app
        .api
        .post(app.url("/api/v1/payments/bank-webhook"))
        .header("authorization", format!("Apikey {WEBHOOK_KEY}"))
        .json(&sepay(txn, &format!("MBVCB.{txn} {} chuyen tien", order.code), order.total_vnd))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let answer: Value = response.json().await.unwrap();
    assert_eq!(answer["outcome"], "paid", "{answer}");
}

#[tokio::test]
async fn a_guest_fills_a_cart_from_two_stores_and_edits_it() {
    let app = spawn_app().await;
    let (tea, honey) = two_stores(&app).await;
    let guest = Tab::main(&app);
    let (status, html) = guest.page("/cart").await;
    assert_eq!(status, 200);
    assert!(html.contains("Giỏ hàng đang trống"), "a new visitor's cart is empty");

    guest.add(&tea, 2).await;
    guest.add(&honey, 1).await;
    let (status, html) = guest.page("/cart").await;
    assert_eq!(status, 200);
    assert_eq!(store_groups(&html), 2, "one group per store");
    assert!(html.contains("Hợp tác xã Chè Shan tuyết Sìn Hồ") && html.contains("HTX Mật ong Mèo Vạc"));
    assert!(html.contains(&money(500_000)) && html.contains(&money(450_000)), "subtotals");
    assert!(html.contains(&money(950_000)), "the total of both stores");
    assert!(html.contains("href=\"/checkout\""), "ready to check out");
    assert!(!html.contains("giá đã đổi"));

    // Adding again adds up; quantities come in 1..=999 whatever is posted.
    guest.add(&tea, 1).await;
    let (_, html) = guest.page("/cart").await;
    assert!(html.contains(&format!("name=\"q_{}\" min=\"0\" max=\"999\" value=\"3\"", tea.id)), "2 + 1");

    let (status, location, _) =
        guest.post("/cart/update", &[(&format!("q_{}", tea.id), "4"), (&format!("q_{}", honey.id), "1")]).await;
    assert_eq!((status, location.as_str()), (303, "/cart"));
    let (_, html) = guest.page("/cart").await;
    assert!(html.contains(&money(1_000_000)) && html.contains(&money(1_450_000)), "4 × 250.000 + 450.000");

    // The remove button of a line sends every quantity field too.
    let (status, _, _) = guest
        .post(
            "/cart/update",
            &[(&format!("q_{}", tea.id), "4"), (&format!("q_{}", honey.id), "1"), ("remove", &honey.id.to_string())],
        )
        .await;
    assert_eq!(status, 303);
    let (_, html) = guest.page("/cart").await;
    assert_eq!(store_groups(&html), 1);
    assert!(!html.contains("Mật ong bạc hà"));
    assert!(html.contains(&money(1_000_000)));

    // Quantity 0 empties the line; garbage is ignored.
    guest.post("/cart/update", &[(&format!("q_{}", tea.id), "nhiều")]).await;
    let (_, html) = guest.page("/cart").await;
    assert_eq!(store_groups(&html), 1, "an unreadable quantity changes nothing");
    guest.post("/cart/update", &[(&format!("q_{}", tea.id), "0")]).await;
    let (_, html) = guest.page("/cart").await;
    assert_eq!(store_groups(&html), 0);
    assert!(html.contains("Giỏ hàng đang trống"));
    assert_eq!(guest.page("/checkout").await.0, 303, "nothing to check out");

    // Off-sale products cannot be added; a form without its CSRF token is refused.
    let draft = app.product(tea.producer_id).name("Chè nháp", "Draft tea").status("draft").create().await;
    let (status, _, _) = guest.post("/cart/add", &[("product_id", &draft.id.to_string())]).await;
    assert_eq!(status, 404);
    let response =
        guest.client.post(app.url("/cart/add")).form(&[("product_id", tea.id.to_string())]).send().await.unwrap();
    assert_eq!(response.status(), 403, "no CSRF token");
    assert_eq!(store_groups(&guest.page("/cart").await.1), 0);
}

#[tokio::test]
async fn a_price_change_is_pointed_out_until_the_cart_is_seen_again() {
    let app = spawn_app().await;
    let (tea, honey) = two_stores(&app).await;
    let guest = Tab::main(&app);
    guest.add(&tea, 2).await;
    guest.add(&honey, 1).await;
    let (_, _, seller) = app.user(Role::Seller, Some(tea.producer_id)).await;
    let (status, body) = app
        .send_json(
            Method::PATCH,
            &format!("/api/v1/products/{}", tea.id),
            Some(&seller),
            &json!({"price_vnd": 300_000}),
        )
        .await;
    assert_eq!(status, 200, "{body}");

    let (_, html) = guest.page("/cart").await;
    assert_eq!(html.matches("giá đã đổi").count(), 1, "only the changed line");
    assert!(html.contains(&format!("giá đã đổi, trước là {}", money(250_000))), "the old price is named");
    assert!(html.contains(&money(300_000)), "the new price is shown");
    assert!(html.contains(&money(1_050_000)), "the total uses today's price: 2 × 300.000 + 450.000");
    let (_, html) = guest.page("/checkout").await;
    assert!(html.contains("giá đã đổi"), "the checkout page points it out too");

    // Updating the cart acknowledges the new prices.
    let (status, _, _) = guest.post("/cart/update", &[]).await;
    assert_eq!(status, 303);
    let (_, html) = guest.page("/cart").await;
    assert!(!html.contains("giá đã đổi"));
    assert!(html.contains(&money(1_050_000)));

    // Orders are placed at the catalog's price of the moment.
    let (checkout, _) = guest.place_ok(&[]).await;
    let totals: Vec<i64> = orders_of(&app, &checkout).await.iter().map(|o| o.total_vnd).collect();
    assert_eq!(totals, [600_000, 450_000]);
}

#[tokio::test]
async fn a_guest_checks_out_two_stores_and_pays_by_vietqr() {
    let app = spawn_app().await;
    let (tea, honey) = two_stores(&app).await;
    let guest = Tab::main(&app);
    guest.add(&tea, 2).await;
    guest.add(&honey, 1).await;

    let (status, html) = guest.page("/checkout").await;
    assert_eq!(status, 200);
    assert_eq!(store_groups(&html), 2);
    assert!(html.contains(&money(950_000)));
    assert!(html.contains("value=\"vietqr\" checked"), "VietQR is the default when every store takes it");
    assert!(html.contains("hx-get=\"/checkout/communes\""));
    assert_eq!(html.matches("name=\"q_").count(), 0, "quantities are not edited on the checkout page");

    let (checkout, html) = guest.place_ok(&[]).await;
    let orders = orders_of(&app, &checkout).await;
    assert_eq!(orders.len(), 2, "one order per store");
    assert!(orders.iter().all(|o| o.status == OrderStatus::AwaitingPayment));
    assert!(orders.iter().all(|o| o.buyer_phone == "+84987654321" && o.ship_commune_code == "00004"));
    assert_eq!(store_groups(&html), 2, "both orders on the placed page");
    assert!(html.contains("Đã đặt hàng"));
    assert!(html.contains("http-equiv=\"refresh\""), "the page refreshes while waiting for the money");
    for order in &orders {
        assert!(html.contains(&format!("src=\"/orders/{}/qr.svg\"", order.code)), "QR of {}", order.code);
        assert!(html.contains(&format!("<strong>{}</strong>", order.code)), "the transfer content of {}", order.code);
        assert!(html.contains(&money(order.total_vnd)));
    }
    assert_eq!(html.matches("<strong>0011002233445</strong>").count(), 2, "the account number, per order");
    assert!(html.contains("Vietcombank (970436)") && html.contains("HTX CHE SHAN TUYET"));
    assert_eq!(stock_of(&app, tea.id).await, 8);
    assert_eq!(stock_of(&app, honey.id).await, 4);

    // The QR picture: for this browser only.
    let qr = format!("/orders/{}/qr.svg", orders[0].code);
    let response = guest.client.get(app.url(&qr)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/svg+xml");
    assert!(response.text().await.unwrap().contains("<svg"));
    assert_eq!(app.api.get(app.url(&qr)).send().await.unwrap().status(), 404, "a client without the cookie");
    let stranger = Tab::new(&app);
    assert_eq!(stranger.page(&qr).await.0, 404, "another browser");
    assert_eq!(stranger.page(&format!("/orders/c/{checkout}")).await.0, 404);
    assert_eq!(stranger.page(&format!("/orders/{}", orders[0].code)).await.0, 404);
    assert_eq!(guest.page("/orders/c/no-such-checkout").await.0, 404);

    // The cart is empty afterwards, and the orders are in the guest's history.
    let (_, html) = guest.page("/cart").await;
    assert!(html.contains("Giỏ hàng đang trống"));
    let (status, html) = guest.page("/orders").await;
    assert_eq!(status, 200);
    for order in &orders {
        assert!(html.contains(&format!("href=\"/orders/{}\"", order.code)), "{} in the history", order.code);
    }
    assert!(!stranger.page("/orders").await.1.contains(&orders[0].code), "not in another browser's history");

    // The bank reports the first transfer: that order is paid, the other still waits.
    pay(&app, 9001, &orders[0]).await;
    let (status, html) = guest.page(&format!("/orders/{}", orders[0].code)).await;
    assert_eq!(status, 200);
    assert!(html.contains("Đã thanh toán"), "paid status shown");
    assert!(!html.contains("/qr.svg"), "no QR code once paid");
    assert!(!html.contains("http-equiv=\"refresh\""), "no more refreshing");
    assert!(html.contains(&money(orders[0].total_vnd)));
    let (_, html) = guest.page(&format!("/orders/c/{checkout}")).await;
    assert_eq!(html.matches("/qr.svg").count(), 1, "only the unpaid order keeps its QR");
    pay(&app, 9002, &orders[1]).await;
    let (_, html) = guest.page(&format!("/orders/c/{checkout}")).await;
    assert_eq!(html.matches("Đã thanh toán").count(), 2);
    assert!(!html.contains("http-equiv=\"refresh\""));
}

#[tokio::test]
async fn a_bad_form_is_shown_again_and_places_nothing() {
    let app = spawn_app().await;
    let (tea, honey) = two_stores(&app).await;
    let guest = Tab::main(&app);
    guest.add(&tea, 1).await;
    guest.add(&honey, 1).await;

    let (status, _, html) = guest.place(&[("phone", "12345"), ("name", "Trần Văn Bình")]).await;
    assert_eq!(status, 200, "the form again, not a redirect");
    assert!(html.contains("role=\"alert\""));
    assert_eq!(html.matches("class=\"field-error\"").count(), 1, "only the phone is wrong: {html}");
    let phone_error = html.split("id=\"phone\"").nth(1).unwrap().split("<label").next().unwrap();
    assert!(phone_error.contains("field-error"), "the error sits under the phone field");
    assert!(html.contains("value=\"Trần Văn Bình\"") && html.contains("value=\"12345\""), "what was typed is kept");
    assert!(html.contains("<option value=\"00004\" selected>"), "the chosen commune is kept");

    let (status, _, html) = guest.place(&[("commune_code", "03478"), ("street", "")]).await;
    assert_eq!(status, 200);
    assert_eq!(html.matches("class=\"field-error\"").count(), 2, "a commune of another province, no street");
    let (status, _, html) = guest.place(&[("payment_method", "bitcoin")]).await;
    assert_eq!(status, 200);
    assert_eq!(html.matches("class=\"field-error\"").count(), 1);

    assert_eq!(all_orders(&app).await, 0, "nothing placed");
    assert_eq!((stock_of(&app, tea.id).await, stock_of(&app, honey.id).await), (10, 5));
    assert_eq!(store_groups(&guest.page("/cart").await.1), 2, "the cart is kept");
}

#[tokio::test]
async fn short_stock_is_explained_and_nothing_is_placed() {
    let app = spawn_app().await;
    let (tea, honey) = two_stores(&app).await;
    let guest = Tab::main(&app);
    guest.add(&tea, 2).await;
    guest.add(&honey, 6).await; // 5 in stock

    let (_, html) = guest.page("/cart").await;
    assert!(html.contains("Không đủ hàng (Còn 5)"), "the short line says what is left");
    assert!(html.contains("Hãy sửa các dòng"), "asked to fix the line first");
    assert!(!html.contains("href=\"/checkout\""), "no checkout button");

    let (status, _, html) = guest.place(&[]).await;
    assert_eq!(status, 200);
    assert!(html.contains("class=\"notice error\" role=\"alert\">Mật ong bạc hà không đủ hàng"), "names the product");
    assert_eq!(all_orders(&app).await, 0);
    assert_eq!(stock_of(&app, tea.id).await, 10, "nothing half-taken");

    // Lowering the quantity fixes it.
    guest.post("/cart/update", &[(&format!("q_{}", honey.id), "5")]).await;
    let (_, html) = guest.page("/cart").await;
    assert!(html.contains("href=\"/checkout\""));
    let (checkout, _) = guest.place_ok(&[("payment_method", "cod")]).await;
    let orders = orders_of(&app, &checkout).await;
    assert!(orders.iter().all(|o| o.status == OrderStatus::Confirmed), "cash on delivery is confirmed at once");
    assert_eq!(stock_of(&app, honey.id).await, 0);
}

#[tokio::test]
async fn without_javascript_the_commune_step_lists_the_provinces_communes() {
    let app = spawn_app().await;
    let (tea, _) = two_stores(&app).await;
    let guest = Tab::main(&app);
    guest.add(&tea, 1).await;
    let (_, html) = guest.page("/checkout").await;
    assert!(html.contains("<noscript>") && html.contains("name=\"action\" value=\"communes\""));
    assert!(!html.contains("<option value=\"00769\""), "no commune before a province is chosen");

    let (status, _, html) = guest
        .post(
            "/checkout",
            &[("action", "communes"), ("name", "Lan"), ("province_code", "08"), ("payment_method", "cod")],
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("<option value=\"08\" selected>"), "the province stays chosen");
    assert!(html.contains("value=\"Lan\""), "what was typed is kept");
    assert!(html.contains("value=\"cod\" checked"));
    let communes: Vec<_> = admin_units::communes_of("08").collect();
    assert!(communes.len() > 10);
    for c in &communes {
        assert!(html.contains(&format!("<option value=\"{}\">", c.code)), "{} {}", c.code, c.name);
    }
    assert!(!html.contains("<option value=\"00004\""), "no commune of another province");
    assert!(!html.contains("class=\"field-error\""), "not validated yet");
    assert_eq!(all_orders(&app).await, 0);

    // With JavaScript, htmx asks for the options alone.
    let (status, fragment) = guest.page("/checkout/communes?province_code=08").await;
    assert_eq!(status, 200);
    assert_eq!(fragment.matches("<option").count(), communes.len() + 1);
    assert!(fragment.contains(&format!("<option value=\"{}\">{}</option>", communes[0].code, communes[0].name)));
    let (_, nothing) = guest.page("/checkout/communes?province_code=99").await;
    assert_eq!(nothing.matches("<option").count(), 1, "an unknown province has no communes");
}

#[tokio::test]
async fn a_guest_cart_joins_the_account_at_sign_in() {
    let app = spawn_app().await;
    let (tea, honey) = two_stores(&app).await;
    let (_, email, _) = app.user(Role::Buyer, None).await;

    // The buyer put honey in the account's cart on another device.
    let phone = Tab::new(&app);
    phone.sign_in(&email).await;
    phone.add(&honey, 1).await;

    // Later, as a guest on this one, some tea and more honey, then sign in.
    let laptop = Tab::main(&app);
    laptop.add(&tea, 2).await;
    laptop.add(&honey, 1).await;
    laptop.sign_in(&email).await;
    let (_, html) = laptop.page("/cart").await;
    assert_eq!(store_groups(&html), 2);
    assert!(html.contains(&format!("name=\"q_{}\" min=\"0\" max=\"999\" value=\"2\"", honey.id)), "1 + 1 honey");
    assert!(html.contains(&money(1_400_000)), "2 × 250.000 + 2 × 450.000");
    assert!(phone.page("/cart").await.1.contains(&money(1_400_000)), "the same cart on every device");

    // The guest cookie was cleared: signing out leaves an empty guest cart.
    let (status, _, _) = laptop.post("/signout", &[]).await;
    assert_eq!(status, 303);
    assert!(laptop.page("/cart").await.1.contains("Giỏ hàng đang trống"));
    laptop.sign_in(&email).await;
    assert!(laptop.page("/cart").await.1.contains(&money(1_400_000)), "nothing merged twice");

    // A signed-in buyer's checkout: the form knows the account, the history lists the orders.
    let (_, html) = laptop.page("/checkout").await;
    assert!(html.contains(&format!("value=\"{email}\"")), "the e-mail is filled in");
    let (checkout, _) = laptop.place_ok(&[("payment_method", "cod")]).await;
    let orders = orders_of(&app, &checkout).await;
    assert_eq!(orders.len(), 2);
    assert!(phone.page("/cart").await.1.contains("Giỏ hàng đang trống"), "the account's cart is emptied");
    let (_, html) = phone.page("/orders").await;
    for order in &orders {
        assert!(html.contains(&order.code), "{} in the account's history on the other device", order.code);
    }
}

#[tokio::test]
async fn the_seller_works_the_order_from_the_desk() {
    let app = spawn_app().await;
    let (tea, honey) = two_stores(&app).await;
    let buyer = Tab::main(&app);
    buyer.add(&tea, 2).await;
    buyer.add(&honey, 1).await;
    let (checkout, _) = buyer.place_ok(&[]).await;
    let orders = orders_of(&app, &checkout).await;
    let order = orders.iter().find(|o| o.producer_id == tea.producer_id).unwrap().clone();
    let other = orders.iter().find(|o| o.producer_id == honey.producer_id).unwrap().clone();
    let code = order.code.as_str();
    let moves = format!("/orders/{code}/transitions");

    let (_, seller_email, _) = app.user(Role::Seller, Some(tea.producer_id)).await;
    let seller = Tab::new(&app);
    seller.sign_in(&seller_email).await;
    let (status, html) = seller.page("/seller/orders").await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("href=\"/orders/{code}\"")), "the new order is on the desk");
    assert!(html.contains("Nguyễn Thị Lan") && html.contains("Chờ thanh toán"));
    assert!(!html.contains(&other.code), "not another store's order");
    let (_, html) = seller.page("/seller/orders?status=paid").await;
    assert!(!html.contains(&format!("href=\"/orders/{code}\"")), "not paid yet");

    // Nobody but the bank marks a transfer paid.
    let (status, _, _) = seller.post(&moves, &[("to", "paid")]).await;
    assert_eq!(status, 409);
    pay(&app, 7001, &order).await;
    let (_, html) = seller.page("/seller/orders?status=paid").await;
    assert!(html.contains(&format!("href=\"/orders/{code}\"")), "filtered by status");

    let (status, html) = seller.page(&format!("/orders/{code}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("value=\"confirmed\"") && html.contains(&format!("href=\"/orders/{code}/slip\"")));
    assert!(html.contains("value=\"refunded\""), "a paid order can be refunded");
    assert!(!html.contains("value=\"packed\""), "only the next step is offered");

    // The buyer may not move the seller's steps.
    for to in ["confirmed", "packed", "shipped", "delivered", "refunded"] {
        let (status, _, _) = buyer.post(&moves, &[("to", to)]).await;
        assert_eq!(status, 409, "a buyer moving to {to}");
    }
    let (status, _, _) = buyer.post(&moves, &[("to", "flying")]).await;
    assert_eq!(status, 422, "not a status");
    assert_eq!(Tab::new(&app).post(&moves, &[("to", "cancelled"), ("reason", "x")]).await.0, 404, "a stranger");

    let (status, location, _) = seller.post(&moves, &[("to", "confirmed")]).await;
    assert_eq!((status, location.as_str()), (303, format!("/orders/{code}").as_str()));
    let (status, _, _) = seller.post(&moves, &[("to", "shipped"), ("carrier", "VNPost"), ("tracking_no", "EK1")]).await;
    assert_eq!(status, 409, "no skipping the packing");
    assert_eq!(seller.post(&moves, &[("to", "packed")]).await.0, 303);
    let (status, _, _) = seller.post(&moves, &[("to", "shipped"), ("carrier", "VNPost"), ("tracking_no", " ")]).await;
    assert_eq!(status, 422, "shipping needs a tracking number");
    let (status, _, _) =
        seller.post(&moves, &[("to", "shipped"), ("carrier", "VNPost"), ("tracking_no", "EK123456789VN")]).await;
    assert_eq!(status, 303);

    // The buyer sees it shipped, and can no longer cancel.
    let (_, html) = buyer.page(&format!("/orders/{code}")).await;
    assert!(html.contains("Đã gửi hàng") && html.contains("VNPost · EK123456789VN"));
    assert!(!html.contains("value=\"cancelled\""), "no cancel button after shipping");
    let (status, _, _) = buyer.post(&moves, &[("to", "cancelled"), ("reason", "đổi ý")]).await;
    assert_eq!(status, 409, "too late to cancel");
    let timeline: Vec<String> = dacsan::orders::store::events(&app.state.db, order.id)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.to_status)
        .collect();
    assert_eq!(timeline, ["awaiting_payment", "paid", "confirmed", "packed", "shipped"]);

    // The buyer may cancel the other order before it ships, with a reason.
    let other_moves = format!("/orders/{}/transitions", other.code);
    assert_eq!(buyer.post(&other_moves, &[("to", "cancelled")]).await.0, 422, "a reason is required");
    assert_eq!(buyer.post(&other_moves, &[("to", "cancelled"), ("reason", "Đặt nhầm")]).await.0, 303);
    assert_eq!(stock_of(&app, honey.id).await, 5, "stock back");
    assert_eq!(seller.post(&other_moves, &[("to", "refunded"), ("reason", "x")]).await.0, 404, "not their order");

    // The packing slip: for the seller only.
    let slip = format!("/orders/{code}/slip");
    let (status, html) = seller.page(&slip).await;
    assert_eq!(status, 200);
    let address = dacsan::producers::model::full_address("12 phố Hàng Bông", "00004", "01");
    assert!(html.contains(&address), "the buyer's address {address}");
    assert!(html.contains("Nguyễn Thị Lan") && html.contains("+84987654321"));
    assert!(html.contains("Chè Shan tuyết cổ thụ (hộp 200 g) × 2"));
    assert!(html.contains(&format!("src=\"/orders/{code}/code.svg\"")));
    let response = seller.client.get(app.url(&format!("/orders/{code}/code.svg"))).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/svg+xml");
    assert_eq!(buyer.page(&slip).await.0, 404, "the guest buyer");
    assert_eq!(app.api.get(app.url(&slip)).send().await.unwrap().status(), 404, "anyone");
    let (_, other_seller_email, _) = app.user(Role::Seller, Some(honey.producer_id)).await;
    let other_seller = Tab::new(&app);
    other_seller.sign_in(&other_seller_email).await;
    assert_eq!(other_seller.page(&slip).await.0, 404, "another store's seller");
    assert_eq!(other_seller.page(&format!("/orders/{code}")).await.0, 404);

    // A signed-in buyer of their own order gets 403 for the slip; buyers have no desk.
    let (_, buyer_email, _) = app.user(Role::Buyer, None).await;
    let member = Tab::new(&app);
    member.sign_in(&buyer_email).await;
    member.add(&tea, 1).await;
    let (checkout, _) = member.place_ok(&[("payment_method", "cod")]).await;
    let own = &orders_of(&app, &checkout).await[0];
    assert_eq!(member.page(&format!("/orders/{}", own.code)).await.0, 200);
    assert_eq!(member.page(&format!("/orders/{}/slip", own.code)).await.0, 403);
    assert_eq!(member.page("/seller/orders").await.0, 403);
    assert_eq!(Tab::new(&app).page("/seller/orders").await.0, 303, "sign in first");
}

#[tokio::test]
async fn a_seller_saves_the_receiving_account() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let tea = app.product(producer.id).create().await;
    let (_, email, _) = app.user(Role::Seller, Some(producer.id)).await;
    let path = format!("/seller/producers/{}/payment", producer.id);

    // Without an account the store takes cash on delivery only.
    let guest = Tab::new(&app);
    guest.add(&tea, 1).await;
    let (_, html) = guest.page("/checkout").await;
    assert!(html.contains("chỉ nhận tiền mặt khi giao hàng"));
    assert!(html.contains("value=\"vietqr\" disabled") && html.contains("value=\"cod\" checked"));
    let (status, _, html) = guest.place(&[("payment_method", "vietqr")]).await;
    assert_eq!(status, 200);
    assert!(html.contains("chưa nhận chuyển khoản VietQR"), "explained under the payment choice");
    assert_eq!(all_orders(&app).await, 0);

    assert_eq!(guest.page(&path).await.0, 303, "sign in first");
    let seller = Tab::new(&app);
    seller.sign_in(&email).await;
    let (status, html) = seller.page(&path).await;
    assert_eq!(status, 200);
    assert!(html.contains("<option value=\"970436\""), "the NAPAS banks to choose from");

    let (status, _, html) = seller
        .post(&path, &[("bank_bin", "123456"), ("account_number", "0071000123456"), ("account_holder", "Lò Văn Páo")])
        .await;
    assert_eq!(status, 200, "the form again");
    assert_eq!(html.matches("class=\"field-error\"").count(), 1, "only the bank is wrong");
    assert!(html.contains("value=\"0071000123456\""), "what was typed is kept");
    assert!(dacsan::producers::store::payment_account(&app.state.db, producer.id).await.unwrap().is_none());

    let (status, location, _) = seller
        .post(
            &path,
            &[("bank_bin", "970436"), ("account_number", "0071 0001 23456"), ("account_holder", "  Lò Văn Đức  ")],
        )
        .await;
    assert_eq!((status, location), (303, format!("{path}?saved=1")));
    let saved = dacsan::producers::store::payment_account(&app.state.db, producer.id).await.unwrap().unwrap();
    assert_eq!(
        (saved.bank_bin.as_str(), saved.account_number.as_str(), saved.account_holder.as_str()),
        ("970436", "0071000123456", "LO VAN DUC"),
        "spaces dropped, the holder in capitals without tone marks"
    );
    let (_, html) = seller.page(&format!("{path}?saved=1")).await;
    assert!(html.contains("Đã lưu tài khoản nhận tiền"));
    assert!(html.contains("<option value=\"970436\" selected>") && html.contains("value=\"LO VAN DUC\""));

    // Now the buyer can pay by VietQR into that account.
    let (_, html) = guest.page("/checkout").await;
    assert!(!html.contains("value=\"vietqr\" disabled") && html.contains("value=\"vietqr\" checked"));
    let (_, html) = guest.place_ok(&[]).await;
    assert!(html.contains("<strong>0071000123456</strong>") && html.contains("LO VAN DUC"));

    // Other sellers and buyers may not touch it.
    let other = app.producer().name("HTX Khác").create().await;
    let other_path = format!("/seller/producers/{}/payment", other.id);
    assert_eq!(seller.page(&other_path).await.0, 403);
    let (status, _, _) = seller
        .post(&other_path, &[("bank_bin", "970436"), ("account_number", "1"), ("account_holder", "KE GIAN")])
        .await;
    assert_eq!(status, 403);
    assert!(dacsan::producers::store::payment_account(&app.state.db, other.id).await.unwrap().is_none());
}

/// The QR of an order paid meanwhile (an <img> on a placed page rendered just
/// before the money came, or a bookmarked code) still draws, never an error: for the
/// buyer a picture that says it is paid (no account number any more); the payload of
/// a paid order is the account without an amount.
#[tokio::test]
async fn a_paid_orders_qr_code_still_draws_without_an_amount() {
    let app = spawn_app().await;
    let (tea, _) = two_stores(&app).await;
    let guest = Tab::main(&app);
    guest.add(&tea, 1).await;
    let (checkout, _) = guest.place_ok(&[]).await;
    let order = orders_of(&app, &checkout).await.remove(0);
    let qr = format!("/orders/{}/qr.svg", order.code);
    assert_eq!(guest.page(&qr).await.0, 200);
    pay(&app, 5001, &order).await;
    let (status, svg) = guest.page(&qr).await;
    assert_eq!(status, 200, "{svg}");
    assert!(svg.contains("<svg") && svg.contains("Đã thanh toán"), "{svg}");
    let paid = dacsan::orders::store::find_by_id(&app.state.db, order.id).await.unwrap().unwrap();
    let account = dacsan::producers::store::payment_account(&app.state.db, order.producer_id).await.unwrap().unwrap();
    let payload = vietqr::decode(&dacsan::payments::qr::payload(&paid, &account).unwrap()).unwrap();
    assert_eq!(payload.amount_vnd(), None, "nothing left to pay");
    assert_eq!(payload.purpose(), Some(order.code.as_str()));
}

#[tokio::test]
async fn a_double_submit_places_the_checkout_once() {
    let app = spawn_app().await;
    let (tea, honey) = two_stores(&app).await;
    let guest = Tab::main(&app);
    guest.add(&tea, 1).await;
    guest.add(&honey, 1).await;
    let nonce = "double-click-nonce-0123456789";
    let fields = [("nonce", nonce)];
    let (first, second) = tokio::join!(guest.place(&fields), guest.place(&fields));
    for (status, location, body) in [&first, &second] {
        assert!(*status == 303 || *status == 200, "{status} {location} {body}");
    }
    assert_eq!(all_orders(&app).await, 2, "two stores, one checkout: two orders, not four");
    assert_eq!(stock_of(&app, tea.id).await, 9);
}
