//! `POST /api/v1/checkout`, `GET /api/v1/orders/{id}`, `POST /api/v1/orders/{id}/transitions`.

use dacsan::auth::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

pub fn checkout_body(items: &[(i64, i64)], method: &str) -> Value {
    json!({
        "items": items.iter().map(|(id, q)| json!({"product_id": id, "quantity": q, "price_vnd": 1})).collect::<Vec<_>>(),
        "buyer": {"name": "Nguyễn Thị Lan", "phone": "0987 654 321", "email": "lan@example.vn"},
        "shipping": {"province_code": "01", "commune_code": "00004", "street": "12 phố Hàng Bông"},
        "payment_method": method
    })
}

/// Two producers with a product each (VietQR accounts set): (product a, product b).
pub async fn two_stores(app: &TestApp) -> (dacsan::catalog::Product, dacsan::catalog::Product) {
    let tea = app.producer().create().await;
    let honey = app.producer().name("HTX Mật ong Mèo Vạc").place("08", "00769").create().await;
    app.payment_account(tea.id).await;
    app.payment_account(honey.id).await;
    let a = app.product(tea.id).price(250_000).stock(10).create().await;
    let b = app
        .product(honey.id)
        .name("Mật ong bạc hà", "Mint honey")
        .set("mat-ong")
        .price(450_000)
        .stock(5)
        .create()
        .await;
    (a, b)
}

async fn stock_of(app: &TestApp, id: i64) -> i64 {
    dacsan::catalog::store::find_by_id(&app.state.db, id).await.unwrap().unwrap().stock
}

#[tokio::test]
async fn checkout_makes_one_order_per_producer_at_catalog_prices() {
    let app = spawn_app().await;
    let (a, b) = two_stores(&app).await;
    let (status, body) =
        app.send_json(Method::POST, "/api/v1/checkout", None, &checkout_body(&[(a.id, 2), (b.id, 1)], "vietqr")).await;
    assert_eq!(status, 201, "{body}");
    let orders = body["orders"].as_array().unwrap();
    assert_eq!(orders.len(), 2);
    assert_eq!(orders[0]["total_vnd"], 500_000, "the client's price is ignored");
    assert_eq!(orders[1]["total_vnd"], 450_000);
    assert!(orders.iter().all(|o| o["status"] == "awaiting_payment" && o["paid_vnd"] == 0));
    assert_ne!(orders[0]["producer_id"], orders[1]["producer_id"]);
    assert_eq!(stock_of(&app, a.id).await, 8);
    assert_eq!(stock_of(&app, b.id).await, 4);
    let token = body["access_token"].as_str().unwrap();
    let (status, order) = app.get_json(&format!("/api/v1/orders/{}?token={token}", orders[0]["id"])).await;
    assert_eq!(status, 200);
    for field in ["id", "code", "status", "total_vnd", "paid_vnd", "payment_method", "items", "producer_id", "timeline"]
    {
        assert!(order.get(field).is_some(), "{field}");
    }
    assert_eq!(order["timeline"][0]["to"], "awaiting_payment");
    let (status, _) = app.get_json(&format!("/api/v1/orders/{}", orders[0]["id"])).await;
    assert_eq!(status, 404, "no token, no order");
}

#[tokio::test]
async fn a_short_stock_fails_the_whole_checkout_and_names_the_product() {
    let app = spawn_app().await;
    let (a, b) = two_stores(&app).await;
    let (status, problem) =
        app.send_json(Method::POST, "/api/v1/checkout", None, &checkout_body(&[(a.id, 2), (b.id, 6)], "cod")).await;
    assert_eq!(status, 409);
    assert!(problem["detail"].as_str().unwrap().contains("Mật ong bạc hà"), "{problem}");
    assert_eq!(stock_of(&app, a.id).await, 10, "nothing half-written");
    let (_, _, admin) = app.user(Role::Admin, None).await;
    let (_, list) = app.get_json_as("/api/v1/orders", &admin).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn bad_checkouts_are_refused_with_the_field() {
    let app = spawn_app().await;
    let (a, _) = two_stores(&app).await;
    let archived = app.product(a.producer_id).status("archived").create().await;
    let mut body = checkout_body(&[(a.id, 0)], "vietqr");
    body["buyer"]["phone"] = json!("12345");
    body["shipping"]["commune_code"] = json!("03478");
    let (status, problem) = app.send_json(Method::POST, "/api/v1/checkout", None, &body).await;
    assert_eq!(status, 422);
    let fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    for field in ["items[0].quantity", "buyer.phone", "shipping.commune_code"] {
        assert!(fields.contains(&field), "{field}: {problem}");
    }
    let (status, _) =
        app.send_json(Method::POST, "/api/v1/checkout", None, &checkout_body(&[(archived.id, 1)], "cod")).await;
    assert_eq!(status, 409, "archived products are not sold");
    let (status, _) =
        app.send_json(Method::POST, "/api/v1/checkout", None, &checkout_body(&[(a.id, 1)], "bitcoin")).await;
    assert_eq!(status, 422);
    let mut strings = checkout_body(&[(a.id, 1)], "cod");
    strings["items"][0]["quantity"] = json!("1");
    let (status, _) = app.send_json(Method::POST, "/api/v1/checkout", None, &strings).await;
    assert_eq!(status, 422, "quantities as strings");
    let response = app
        .api
        .post(app.url("/api/v1/checkout"))
        .header("content-type", "application/json")
        .body("{\"items\": [")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400, "malformed JSON");
    assert_eq!(stock_of(&app, a.id).await, 10);
}

#[tokio::test]
async fn two_hundred_buyers_for_fifty_units() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let product = app.product(producer.id).stock(50).create().await;
    let body = checkout_body(&[(product.id, 1)], "cod");
    let mut tasks = Vec::new();
    for _ in 0..200 {
        let client = app.api.clone();
        let url = app.url("/api/v1/checkout");
        let body = body.clone();
        tasks.push(tokio::spawn(async move { client.post(url).json(&body).send().await.unwrap().status().as_u16() }));
    }
    let mut created = 0;
    let mut conflicts = 0;
    for task in tasks {
        match task.await.unwrap() {
            201 => created += 1,
            409 => conflicts += 1,
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!((created, conflicts), (50, 150));
    assert_eq!(stock_of(&app, product.id).await, 0);
}

#[tokio::test]
async fn two_processes_on_one_database_never_oversell() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let product = app.product(producer.id).stock(50).create().await;
    let (_child, other) = crate::helpers::serve_process(&app, &[]).await;
    let body = checkout_body(&[(product.id, 1)], "cod");
    let mut tasks = Vec::new();
    for i in 0..200 {
        let client = app.api.clone();
        // Every other buyer reaches the other process.
        let url = if i % 2 == 0 { app.url("/api/v1/checkout") } else { format!("{other}/api/v1/checkout") };
        let body = body.clone();
        tasks.push(tokio::spawn(async move { client.post(url).json(&body).send().await.unwrap().status().as_u16() }));
    }
    let mut created = 0;
    let mut conflicts = 0;
    for task in tasks {
        match task.await.unwrap() {
            201 => created += 1,
            409 => conflicts += 1,
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!((created, conflicts), (50, 150));
    assert_eq!(stock_of(&app, product.id).await, 0);
}

#[tokio::test]
async fn the_lifecycle_by_the_right_roles() {
    let app = spawn_app().await;
    let (a, _) = two_stores(&app).await;
    let (_, _, seller) = app.user(Role::Seller, Some(a.producer_id)).await;
    let (_, _, buyer) = app.user(Role::Buyer, None).await;
    let (status, body) =
        app.send_json(Method::POST, "/api/v1/checkout", Some(&buyer), &checkout_body(&[(a.id, 1)], "cod")).await;
    assert_eq!(status, 201);
    let order = &body["orders"][0];
    assert_eq!(order["status"], "confirmed", "cash on delivery is confirmed on placement");
    let path = format!("/api/v1/orders/{}/transitions", order["id"]);
    let step = |to: &str| json!({"to": to});
    let (status, _) = app.send_json(Method::POST, &path, Some(&buyer), &step("packed")).await;
    assert_eq!(status, 409, "buyers do not pack");
    let (status, _) = app.send_json(Method::POST, &path, Some(&seller), &step("packed")).await;
    assert_eq!(status, 200);
    let (status, problem) = app.send_json(Method::POST, &path, Some(&seller), &step("shipped")).await;
    assert_eq!(status, 422, "shipping needs a tracking number: {problem}");
    let (status, _) = app
        .send_json(
            Method::POST,
            &path,
            Some(&seller),
            &json!({"to": "shipped", "carrier": "VNPost", "tracking_no": "EK123456789VN"}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) =
        app.send_json(Method::POST, &path, Some(&buyer), &json!({"to": "cancelled", "reason": "đổi ý"})).await;
    assert_eq!(status, 409, "too late to cancel once shipped");
    let (_, delivered) = app.send_json(Method::POST, &path, Some(&seller), &step("delivered")).await;
    assert_eq!(delivered["paid_vnd"], delivered["total_vnd"], "cash collected on delivery");
    let (status, done) = app.send_json(Method::POST, &path, Some(&buyer), &step("completed")).await;
    assert_eq!(status, 200);
    let timeline: Vec<&str> = done["timeline"].as_array().unwrap().iter().map(|e| e["to"].as_str().unwrap()).collect();
    assert_eq!(timeline, ["confirmed", "packed", "shipped", "delivered", "completed"]);
    assert_eq!(done["tracking_no"], "EK123456789VN");
    let (_, list) = app.get_json_as("/api/v1/orders", &buyer).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1, "the buyer's history");
    let (_, list) = app.get_json_as("/api/v1/orders", &seller).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1, "the seller's desk");
}

#[tokio::test]
async fn cancelling_returns_the_stock_and_needs_a_reason() {
    let app = spawn_app().await;
    let (a, _) = two_stores(&app).await;
    let (_, body) = app.send_json(Method::POST, "/api/v1/checkout", None, &checkout_body(&[(a.id, 3)], "vietqr")).await;
    let token = body["access_token"].as_str().unwrap();
    let path = format!("/api/v1/orders/{}/transitions?token={token}", body["orders"][0]["id"]);
    assert_eq!(stock_of(&app, a.id).await, 7);
    let (status, _) = app.send_json(Method::POST, &path, None, &json!({"to": "cancelled"})).await;
    assert_eq!(status, 422, "a reason is required");
    let (status, order) =
        app.send_json(Method::POST, &path, None, &json!({"to": "cancelled", "reason": "Đặt nhầm"})).await;
    assert_eq!(status, 200, "{order}");
    assert_eq!(order["status"], "cancelled");
    assert_eq!(stock_of(&app, a.id).await, 10);
    let (_, _, other_seller) = app.user(Role::Seller, Some(app.producer().name("HTX Khác").create().await.id)).await;
    let (status, _) = app.get_json_as(&format!("/api/v1/orders/{}", order["id"]), &other_seller).await;
    assert_eq!(status, 404, "another store's order stays hidden");
}
