//! Delivery: `POST /api/v1/checkout/quote`, checkout with a delivery option,
//! `POST /api/v1/orders/{id}/shipments` against a local server that answers as
//! GHN's documentation says, `POST /api/v1/shipping/webhooks/{carrier}`.

use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use dacsan::auth::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app, spawn_app_with, test_settings};
use crate::orders::checkout_body;

pub const HOOK_TOKEN: &str = "test-shipping-hook";

/// A Lai Châu tea cooperative that ships by carrier only, with one 250 g product;
/// each call makes another cooperative.
pub async fn remote_store(app: &TestApp) -> (dacsan::producers::Producer, dacsan::catalog::Product) {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(1);
    let name = format!("HTX Chè Sìn Hồ số {}", N.fetch_add(1, Ordering::Relaxed));
    let tea = app.producer().name(&name).carriers_only().create().await;
    app.payment_account(tea.id).await;
    let product = app.product(tea.id).price(250_000).stock(20).create().await;
    (tea, product)
}

#[tokio::test]
async fn quote_prices_delivery_from_a_remote_commune_cheapest_first() {
    let app = spawn_app().await;
    let (tea, product) = remote_store(&app).await;
    let (status, body) =
        app.send_json(Method::POST, "/api/v1/checkout/quote", None, &checkout_body(&[(product.id, 2)], "vietqr")).await;
    assert_eq!(status, 200, "{body}");
    let order = &body["orders"][0];
    assert_eq!(order["producer_id"], tea.id);
    assert_eq!(order["subtotal_vnd"], 500_000);
    let weight = order["weight_g"].as_i64().unwrap();
    assert!(weight > 2 * product.weight_g, "goods and packaging: {weight}");
    let options = order["options"].as_array().unwrap();
    assert!(options.len() >= 4, "{options:?}");
    let fees: Vec<i64> = options.iter().map(|o| o["fee_vnd"].as_i64().unwrap()).collect();
    assert!(fees.windows(2).all(|w| w[0] <= w[1]), "cheapest first: {fees:?}");
    assert!(fees[0] > 0);
    for option in options {
        for field in ["id", "kind", "service", "fee_vnd", "cod_fee_vnd", "eta_days_min", "eta_days_max"] {
            assert!(option.get(field).is_some(), "{field}: {option}");
        }
        assert_eq!(option["kind"], "carrier", "Hà Nội is not in the producer's province: no pick-up");
    }
}

#[tokio::test]
async fn a_bulky_package_is_priced_at_its_volumetric_weight() {
    let app = spawn_app().await;
    let (tea, product) = remote_store(&app).await;
    let (_, _, seller) = app.user(Role::Seller, Some(tea.id)).await;
    let body = checkout_body(&[(product.id, 1)], "vietqr");
    let quote = || app.send_json(Method::POST, "/api/v1/checkout/quote", None, &body);
    let (_, light) = quote().await;
    let light_fee = light["orders"][0]["options"][0]["fee_vnd"].as_i64().unwrap();
    let path = format!("/api/v1/products/{}", product.id);
    let bad = json!({"package_cm": {"length_cm": 40, "width_cm": 0, "height_cm": 20}});
    let (status, answer) = app.send_json(Method::PATCH, &path, Some(&seller), &bad).await;
    assert_eq!(status, 422, "{answer}");
    assert!(answer.to_string().contains("package_cm"));
    let bag = json!({"package_cm": {"length_cm": 40, "width_cm": 30, "height_cm": 20}});
    let (status, saved) = app.send_json(Method::PATCH, &path, Some(&seller), &bag).await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["package_cm"]["width_cm"], 30);
    let (_, bulky) = quote().await;
    assert_eq!(bulky["orders"][0]["weight_g"], 4000, "40 × 30 × 20 cm / 6000 = 4 kg, above the real weight");
    assert!(bulky["orders"][0]["options"][0]["fee_vnd"].as_i64().unwrap() > light_fee, "{bulky}");
    let clear = json!({"package_cm": {"length_cm": 0, "width_cm": 0, "height_cm": 0}});
    let (_, cleared) = app.send_json(Method::PATCH, &path, Some(&seller), &clear).await;
    assert!(cleared["package_cm"].is_null(), "{cleared}");
}

#[tokio::test]
async fn quote_names_bad_input() {
    let app = spawn_app().await;
    let (_, product) = remote_store(&app).await;
    let mut body = checkout_body(&[(product.id, 1)], "vietqr");
    body["shipping"]["commune_code"] = json!("99999");
    let (status, answer) = app.send_json(Method::POST, "/api/v1/checkout/quote", None, &body).await;
    assert_eq!(status, 422);
    assert_eq!(answer["errors"][0]["field"], "shipping.commune_code", "{answer}");
    let mut body = checkout_body(&[(product.id, 1)], "bitcoin");
    body["items"][0]["product_id"] = json!(999_999);
    let (status, answer) = app.send_json(Method::POST, "/api/v1/checkout/quote", None, &body).await;
    assert_eq!(status, 422, "{answer}");
}

#[tokio::test]
async fn checkout_charges_the_chosen_delivery_and_vietqr_asks_for_the_total() {
    let app = spawn_app().await;
    let (tea, product) = remote_store(&app).await;
    let (_, quote) =
        app.send_json(Method::POST, "/api/v1/checkout/quote", None, &checkout_body(&[(product.id, 2)], "vietqr")).await;
    let options = quote["orders"][0]["options"].as_array().unwrap().clone();
    let cheapest = &options[0];
    let dearest = options.last().unwrap();
    assert_ne!(cheapest["fee_vnd"], dearest["fee_vnd"], "the test needs two prices");

    let (status, placed) =
        app.send_json(Method::POST, "/api/v1/checkout", None, &checkout_body(&[(product.id, 2)], "vietqr")).await;
    assert_eq!(status, 201, "{placed}");
    let order = &placed["orders"][0];
    assert_eq!(order["shipping_vnd"], cheapest["fee_vnd"], "no choice: the cheapest");
    assert_eq!(order["total_vnd"], 500_000 + cheapest["fee_vnd"].as_i64().unwrap());

    let mut body = checkout_body(&[(product.id, 2)], "vietqr");
    body["delivery"] = json!({ tea.id.to_string(): dearest["id"] });
    let (status, placed) = app.send_json(Method::POST, "/api/v1/checkout", None, &body).await;
    assert_eq!(status, 201, "{placed}");
    let order = &placed["orders"][0];
    assert_eq!(order["shipping_vnd"], dearest["fee_vnd"], "the chosen option prices it");
    assert_eq!(order["delivery"]["option"], dearest["id"]);
    assert_eq!(order["total_vnd"], 500_000 + dearest["fee_vnd"].as_i64().unwrap());
    let token = placed["access_token"].as_str().unwrap();
    let (status, qr) = app.get_json(&format!("/api/v1/orders/{}/vietqr?token={token}", order["id"])).await;
    assert_eq!(status, 200, "{qr}");
    assert_eq!(qr["amount_vnd"], order["total_vnd"], "the transfer covers goods and delivery");
}

#[tokio::test]
async fn checkout_refuses_an_option_not_offered_and_says_which_are() {
    let app = spawn_app().await;
    let (tea, product) = remote_store(&app).await;
    let mut body = checkout_body(&[(product.id, 1)], "vietqr");
    body["delivery"] = json!({ tea.id.to_string(): "pickup:producer" });
    let (status, answer) = app.send_json(Method::POST, "/api/v1/checkout", None, &body).await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["errors"][0]["field"], format!("delivery.{}", tea.id));
    assert!(answer["errors"][0]["message"].as_str().unwrap().contains("ghn:standard"), "{answer}");
    body["delivery"] = json!({ "12345": "ghn:standard" });
    let (status, answer) = app.send_json(Method::POST, "/api/v1/checkout", None, &body).await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["errors"][0]["field"], "delivery.12345");
    let stock = dacsan::catalog::store::find_by_id(&app.state.db, product.id).await.unwrap().unwrap().stock;
    assert_eq!(stock, 20, "nothing was taken");
}

#[tokio::test]
async fn cash_on_delivery_adds_the_carriers_cod_fee() {
    let app = spawn_app().await;
    let (tea, product) = remote_store(&app).await;
    let mut body = checkout_body(&[(product.id, 20)], "cod");
    body["delivery"] = json!({ tea.id.to_string(): "viettelpost:standard" });
    let (status, placed) = app.send_json(Method::POST, "/api/v1/checkout", None, &body).await;
    assert_eq!(status, 201, "{placed}");
    let order = &placed["orders"][0];
    let cod_fee = order["delivery"]["cod_fee_vnd"].as_i64().unwrap();
    assert!(cod_fee >= 13_000, "Viettel Post's sample card charges 0.8 %, at least 13 000: {cod_fee}");
    assert_eq!(order["total_vnd"], 5_000_000 + order["shipping_vnd"].as_i64().unwrap());
}

#[tokio::test]
async fn a_producers_own_delivery_and_pickup_are_offered_to_neighbours() {
    let app = spawn_app().await;
    let (tea, product) = remote_store(&app).await;
    let (_, _, token) = app.user(Role::Seller, Some(tea.id)).await;
    let terms = json!({"pickup": true, "own_fee_vnd": 15000, "own_area": "province", "own_eta_days_min": 1, "own_eta_days_max": 2});
    let (status, body) =
        app.send_json(Method::PUT, &format!("/api/v1/producers/{}/delivery", tea.id), Some(&token), &terms).await;
    assert_eq!(status, 200, "{body}");
    let mut body = checkout_body(&[(product.id, 1)], "vietqr");
    body["shipping"] = json!({"province_code": "12", "commune_code": "03478", "street": "Bản Sìn Hồ"});
    let (_, quote) = app.send_json(Method::POST, "/api/v1/checkout/quote", None, &body).await;
    let ids: Vec<&str> =
        quote["orders"][0]["options"].as_array().unwrap().iter().map(|o| o["id"].as_str().unwrap()).collect();
    assert_eq!(ids[0], "pickup:producer", "{ids:?}");
    assert!(ids.contains(&"producer:own"), "{ids:?}");
    let bad = json!({"pickup": true, "own_fee_vnd": -5, "own_area": "province", "own_eta_days_min": 1, "own_eta_days_max": 2});
    let (status, answer) =
        app.send_json(Method::PUT, &format!("/api/v1/producers/{}/delivery", tea.id), Some(&token), &bad).await;
    assert_eq!(status, 422);
    assert_eq!(answer["errors"][0]["field"], "own_fee_vnd");
    let (status, _) = app.send_json(Method::PUT, &format!("/api/v1/producers/{}/delivery", tea.id), None, &terms).await;
    assert_eq!(status, 401);
}

/// What the local GHN server saw.
#[derive(Default)]
pub struct GhnSeen {
    pub creates: Vec<(HeaderMap, Value)>,
    /// The headers of each cancellation.
    pub cancels: Vec<HeaderMap>,
    /// The headers of each price preview.
    pub previews: Vec<HeaderMap>,
    /// Creates to answer with a 500 before answering again.
    failing_creates: usize,
    /// What `v2/shipping-order/detail` reports: `(status, updated_date)`.
    log: Vec<(String, String)>,
}

/// Answers `v2/shipping-order/create` as GHN documents it: a repeated
/// `client_order_code` gets the same `order_code` back.
async fn ghn_create(
    State(seen): State<Arc<Mutex<GhnSeen>>>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let mut seen = seen.lock().unwrap();
    seen.creates.push((headers.clone(), body.clone()));
    if seen.failing_creates > 0 {
        seen.failing_creates -= 1;
        return (axum::http::StatusCode::INTERNAL_SERVER_ERROR, "upstream timeout").into_response();
    }
    seen.creates.pop();
    let code = body["client_order_code"].as_str().unwrap_or("").to_string();
    let number =
        seen.creates.iter().position(|(_, b)| b["client_order_code"] == code.as_str()).unwrap_or(seen.creates.len());
    seen.creates.push((headers, body));
    Json(json!({"code": 200, "message": "Success", "data": {
        "order_code": format!("GHN{number:05}"), "sort_code": "190-G-01-A1", "trans_type": "truck",
        "total_fee": 36500, "expected_delivery_time": "2026-12-05T16:59:59Z",
        "fee": {"main_service": 36500, "insurance": 0, "station_do": 0, "station_pu": 0, "return": 0, "r2s": 0, "coupon": 0}
    }}))
    .into_response()
}

/// The price GHN's preview gives the platform's account; any other account's
/// contract gives [`GHN_CONTRACT_FEE`].
pub const GHN_PLATFORM_FEE: i64 = 41_000;
pub const GHN_CONTRACT_FEE: i64 = 29_000;

/// Answers `v2/shipping-order/preview` as GHN documents it, with the price of
/// the account whose token asks.
async fn ghn_preview(State(seen): State<Arc<Mutex<GhnSeen>>>, headers: HeaderMap) -> Json<Value> {
    let fee = if headers["token"] == "ghn-test-token" { GHN_PLATFORM_FEE } else { GHN_CONTRACT_FEE };
    seen.lock().unwrap().previews.push(headers);
    let arrives = time::OffsetDateTime::now_utc() + time::Duration::days(3);
    let arrives = arrives.format(&time::format_description::well_known::Rfc3339).unwrap();
    Json(json!({"code": 200, "message": "Success", "data": {
        "order_code": "", "sort_code": "190-G-01-A1", "trans_type": "truck", "total_fee": fee,
        "expected_delivery_time": arrives,
        "fee": {"main_service": fee, "insurance": 0, "cod_fee": 0, "station_do": 0, "station_pu": 0, "return": 0, "r2s": 0, "coupon": 0}
    }}))
}

/// Answers `v2/shipping-order/detail` with the parcel's log.
async fn ghn_detail(State(seen): State<Arc<Mutex<GhnSeen>>>, Json(body): Json<Value>) -> Json<Value> {
    let seen = seen.lock().unwrap();
    let log: Vec<Value> = seen.log.iter().map(|(status, at)| json!({"status": status, "updated_date": at})).collect();
    let last = seen.log.last().cloned().unwrap_or(("ready_to_pick".into(), "2026-12-01T00:00:00Z".into()));
    Json(json!({"code": 200, "message": "Success", "data": {
        "order_code": body["order_code"], "status": last.0, "updated_date": last.1, "log": log
    }}))
}

/// Answers `v2/switch-status/cancel`: every parcel is still waiting for pick-up.
async fn ghn_cancel(
    State(seen): State<Arc<Mutex<GhnSeen>>>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Json<Value> {
    seen.lock().unwrap().cancels.push(headers);
    let codes = body["order_codes"].as_array().cloned().unwrap_or_default();
    let data: Vec<Value> = codes.iter().map(|c| json!({"order_code": c, "result": true, "message": "OK"})).collect();
    Json(json!({"code": 200, "message": "Success", "data": data}))
}

/// Answers `v2/a5/gen-token`: the token of GHN's A5 print page for the waybills.
async fn ghn_label_token(Json(body): Json<Value>) -> Json<Value> {
    Json(
        json!({"code": 200, "message": "Success", "data": {"token": format!("tok-{}", body["order_codes"][0].as_str().unwrap_or(""))}}),
    )
}

/// A local server that answers as GHN's documentation says: its base URL and
/// what it saw.
pub async fn spawn_ghn() -> (String, Arc<Mutex<GhnSeen>>) {
    let seen = Arc::new(Mutex::new(GhnSeen::default()));
    let app = axum::Router::new()
        .route("/shiip/public-api/v2/shipping-order/create", axum::routing::post(ghn_create))
        .route("/shiip/public-api/v2/switch-status/cancel", axum::routing::post(ghn_cancel))
        .route("/shiip/public-api/v2/shipping-order/detail", axum::routing::post(ghn_detail))
        .route("/shiip/public-api/v2/shipping-order/preview", axum::routing::post(ghn_preview))
        .route("/shiip/public-api/v2/a5/gen-token", axum::routing::post(ghn_label_token))
        .with_state(seen.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/shiip/public-api"), seen)
}

pub async fn app_with_ghn() -> (TestApp, Arc<Mutex<GhnSeen>>) {
    app_with_ghn_and(test_settings()).await
}

/// The same, with these settings besides GHN's.
pub async fn app_with_ghn_and(mut settings: dacsan::config::Settings) -> (TestApp, Arc<Mutex<GhnSeen>>) {
    let (ghn_url, seen) = spawn_ghn().await;
    settings.carriers.ghn_url = ghn_url;
    settings.carriers.ghn_token = dacsan::config::Secret("ghn-test-token".into());
    settings.carriers.ghn_shop_id = "81558".into();
    settings.carriers.shipping_webhook_token = dacsan::config::Secret(HOOK_TOKEN.into());
    (spawn_app_with(settings).await, seen)
}

/// A cash-on-delivery order with GHN chosen, and the seller's token.
pub async fn ghn_order(app: &TestApp) -> (Value, String) {
    let (tea, product) = remote_store(app).await;
    let (_, _, seller) = app.user(Role::Seller, Some(tea.id)).await;
    let mut body = checkout_body(&[(product.id, 2)], "cod");
    body["delivery"] = json!({ tea.id.to_string(): "ghn:standard" });
    let (status, placed) = app.send_json(Method::POST, "/api/v1/checkout", None, &body).await;
    assert_eq!(status, 201, "{placed}");
    (placed["orders"][0].clone(), seller)
}

/// A time `hours` from now, as carriers send it.
pub fn at(hours: i64) -> String {
    let t = time::OffsetDateTime::now_utc() + time::Duration::hours(hours);
    t.format(&time::format_description::well_known::Rfc3339).unwrap()
}

pub async fn notify(app: &TestApp, carrier: &str, token: &str, body: &Value) -> (u16, Value) {
    app.send_json(Method::POST, &format!("/api/v1/shipping/webhooks/{carrier}?token={token}"), None, body).await
}

pub fn ghn_status(waybill: &str, client_code: &str, status: &str, time: &str) -> Value {
    json!({"OrderCode": waybill, "ClientOrderCode": client_code, "Type": "switch_status", "Status": status,
        "Time": time, "Reason": "", "ReasonCode": "", "Description": "", "ShopID": 81558, "CODAmount": 536500,
        "CODTransferDate": null, "PaymentType": 1, "TotalFee": 36500, "Weight": 600, "ConvertedWeight": 600,
        "IsPartialReturn": false, "Warehouse": "Bưu Cục Sìn Hồ", "Fee": {"MainService": 36500, "Total": 36500}})
}

#[tokio::test]
async fn the_seller_books_ghn_once_and_its_notifications_move_the_order_to_delivered() {
    let (app, seen) = app_with_ghn().await;
    let (order, seller) = ghn_order(&app).await;
    let path = format!("/api/v1/orders/{}/shipments", order["id"]);
    let (status, created) = app.send_json(Method::POST, &path, Some(&seller), &json!({})).await;
    assert_eq!(status, 201, "{created}");
    let shipment = &created[0];
    assert_eq!(shipment["carrier"], "ghn");
    assert_eq!(shipment["status"], "booked");
    let waybill = shipment["tracking_code"].as_str().unwrap().to_string();
    let code = shipment["code"].as_str().unwrap().to_string();
    {
        let seen = seen.lock().unwrap();
        let (headers, body) = &seen.creates[0];
        assert_eq!(headers["token"], "ghn-test-token");
        assert_eq!(headers["shopid"], "81558");
        assert_eq!(body["client_order_code"], code.as_str());
        assert_eq!(body["is_new_to_address"], true);
        assert_eq!(body["cod_amount"], order["total_vnd"], "the buyer pays goods and delivery in cash");
        assert_eq!(body["to_province_name"], "Thành phố Hà Nội");
    }
    let (status, again) = app.send_json(Method::POST, &path, Some(&seller), &json!({"carrier": "ghtk"})).await;
    assert_eq!(status, 422, "GHTK is not connected in this test: {again}");

    let picked = ghn_status(&waybill, &code, "picked", &at(1));
    let (status, _) = notify(&app, "ghn", "wrong", &picked).await;
    assert_eq!(status, 401);
    let (status, answer) = notify(&app, "ghn", HOOK_TOKEN, &picked).await;
    assert_eq!((status, answer["outcome"].as_str()), (200, Some("applied")), "{answer}");
    let (_, read) = app.get_json_as(&format!("/api/v1/orders/{}", order["id"]), &seller).await;
    assert_eq!(read["status"], "shipped");
    assert_eq!(read["shipments"][0]["status"], "picked_up");

    let (_, answer) = notify(&app, "ghn", HOOK_TOKEN, &picked).await;
    assert_eq!(answer["outcome"], "duplicate", "the carrier sent it again");
    let (_, answer) = notify(&app, "ghn", HOOK_TOKEN, &ghn_status(&waybill, &code, "delivering", &at(20))).await;
    assert_eq!(answer["outcome"], "applied");
    let (_, answer) = notify(&app, "ghn", HOOK_TOKEN, &ghn_status(&waybill, &code, "transporting", &at(10))).await;
    assert_eq!(answer["outcome"], "older", "an older status never moves the parcel back");
    let (_, read) = app.get_json_as(&format!("/api/v1/orders/{}", order["id"]), &seller).await;
    assert_eq!(read["shipments"][0]["status"], "out_for_delivery");

    let (_, answer) = notify(&app, "ghn", HOOK_TOKEN, &ghn_status(&waybill, &code, "delivered", &at(24))).await;
    assert_eq!(answer["outcome"], "applied");
    let (_, read) = app.get_json_as(&format!("/api/v1/orders/{}", order["id"]), &seller).await;
    assert_eq!(read["status"], "delivered");
    assert_eq!(read["paid_vnd"], read["total_vnd"], "cash collected on delivery");
    let journey: Vec<&str> =
        read["shipments"][0]["events"].as_array().unwrap().iter().map(|e| e["status"].as_str().unwrap()).collect();
    assert_eq!(journey, ["booked", "picked_up", "in_transit", "out_for_delivery", "delivered"]);
    assert!(read["shipments"][0]["tracking_url"].as_str().unwrap().contains(&waybill));

    let (status, answer) = app
        .send_json(Method::DELETE, &format!("/api/v1/shipments/{}", shipment["id"]), Some(&seller), &json!({}))
        .await;
    assert_eq!(status, 409, "delivered parcels are not cancelled: {answer}");
    assert_eq!(seen.lock().unwrap().creates.len(), 1, "one booking, one waybill");
}

/// Notifications that arrive together are written together (many to a
/// transaction): each is still taken once, in the order of its time, whatever
/// order they arrive in and however many times each is sent.
#[tokio::test]
async fn a_burst_of_notifications_is_taken_in_together_each_once_and_never_moves_a_parcel_back() {
    let (app, _) = app_with_ghn().await;
    let mut parcels = Vec::new();
    for _ in 0..3 {
        let (order, seller) = ghn_order(&app).await;
        let path = format!("/api/v1/orders/{}/shipments", order["id"]);
        let (status, created) = app.send_json(Method::POST, &path, Some(&seller), &json!({})).await;
        assert_eq!(status, 201, "{created}");
        let (waybill, code) = (created[0]["tracking_code"].as_str().unwrap(), created[0]["code"].as_str().unwrap());
        parcels.push((order["id"].clone(), seller, waybill.to_string(), code.to_string()));
    }
    let stored_before: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM carrier_notifications").fetch_one(&app.state.db.pool).await.unwrap();
    // Each parcel's journey, newest first, every notification sent twice, all at once.
    let steps = [("delivered", 24), ("delivering", 20), ("transporting", 10), ("picked", 1)];
    let mut bodies = Vec::new();
    for (_, _, waybill, code) in &parcels {
        for (status, hours) in steps {
            bodies.push(ghn_status(waybill, code, status, &at(hours)));
        }
    }
    let sends = bodies.iter().chain(bodies.iter()).map(|body| notify(&app, "ghn", HOOK_TOKEN, body));
    let answers = futures_util::future::join_all(sends).await;
    let mut outcomes: std::collections::BTreeMap<String, usize> = Default::default();
    for (status, answer) in &answers {
        assert_eq!(*status, 200, "{answer}");
        *outcomes.entry(answer["outcome"].as_str().unwrap().to_string()).or_default() += 1;
    }
    assert_eq!(outcomes.get("duplicate"), Some(&bodies.len()), "each second copy is a duplicate: {outcomes:?}");
    let taken = outcomes.get("applied").unwrap_or(&0) + outcomes.get("older").unwrap_or(&0);
    assert_eq!(taken, bodies.len(), "each first copy is applied or older: {outcomes:?}");
    let stored_after: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM carrier_notifications").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(stored_after - stored_before, bodies.len() as i64, "stored once each");

    for (order_id, seller, _, _) in &parcels {
        let (_, read) = app.get_json_as(&format!("/api/v1/orders/{order_id}"), seller).await;
        assert_eq!(read["status"], "delivered", "{read}");
        assert_eq!(read["paid_vnd"], read["total_vnd"], "cash collected on delivery, once");
        let shipment = &read["shipments"][0];
        assert_eq!(shipment["status"], "delivered", "the newest step wins, whatever came last");
        let journey: Vec<&str> =
            shipment["events"].as_array().unwrap().iter().map(|e| e["status"].as_str().unwrap()).collect();
        assert_eq!(journey, ["booked", "picked_up", "in_transit", "out_for_delivery", "delivered"]);
    }
}

#[tokio::test]
async fn a_ghn_booking_is_cancelled_before_pickup_and_the_next_parcel_gets_a_new_code() {
    let (app, seen) = app_with_ghn().await;
    let (order, seller) = ghn_order(&app).await;
    let path = format!("/api/v1/orders/{}/shipments", order["id"]);
    let (_, created) = app.send_json(Method::POST, &path, Some(&seller), &json!({})).await;
    let (status, cancelled) = app
        .send_json(Method::DELETE, &format!("/api/v1/shipments/{}", created[0]["id"]), Some(&seller), &json!({}))
        .await;
    assert_eq!(status, 200, "{cancelled}");
    assert_eq!(cancelled["status"], "cancelled");
    let (status, again) = app
        .send_json(Method::POST, &path, Some(&seller), &json!({"parcels": [{"weight_g": 400}, {"weight_g": 300, "length_cm": 20, "width_cm": 15, "height_cm": 10}]}))
        .await;
    assert_eq!(status, 201, "{again}");
    let codes: Vec<&str> = again.as_array().unwrap().iter().map(|s| s["code"].as_str().unwrap()).collect();
    let code = order["code"].as_str().unwrap();
    assert_eq!(codes, [format!("{code}-2"), format!("{code}-3")], "each parcel its own client code");
    assert_eq!(again[0]["cod_vnd"], order["total_vnd"], "the cancelled parcel's cash moves to the new first one");
    assert_eq!(again[1]["cod_vnd"], 0, "cash is collected once, with the first parcel");
    assert_eq!(seen.lock().unwrap().creates.len(), 3);
    let (status, more) = app.send_json(Method::POST, &path, Some(&seller), &json!({})).await;
    assert_eq!(status, 201, "{more}");
    assert_eq!(more[0]["cod_vnd"], 0, "a later parcel does not collect the cash again: {more}");
    let (status, answer) =
        app.send_json(Method::POST, &path, Some(&seller), &json!({"parcels": [{"weight_g": 0}]})).await;
    assert_eq!(status, 422);
    assert_eq!(answer["errors"][0]["field"], "parcels[0].weight_g");
}

#[tokio::test]
async fn unknown_waybills_and_unreadable_bodies_are_kept_for_an_admin() {
    let (app, _) = app_with_ghn().await;
    let (status, answer) = notify(&app, "ghn", HOOK_TOKEN, &ghn_status("NOPE1", "DS-NOPE-1", "picked", &at(1))).await;
    assert_eq!((status, answer["outcome"].as_str()), (200, Some("unknown_waybill")), "{answer}");
    let (status, answer) = notify(&app, "ghn", HOOK_TOKEN, &json!({"Status": "picked"})).await;
    assert_eq!(status, 400, "{answer}");
    let (status, _) = notify(&app, "dhl", HOOK_TOKEN, &json!({})).await;
    assert_eq!(status, 404);
    let (_, _, admin) = app.user(Role::Admin, None).await;
    let (status, list) = app.get_json_as("/api/v1/shipping/notifications", &admin).await;
    assert_eq!(status, 200);
    let outcomes: Vec<&str> =
        list["items"].as_array().unwrap().iter().map(|n| n["outcome"].as_str().unwrap()).collect();
    assert_eq!(outcomes, ["malformed", "unknown_waybill"]);
}

#[tokio::test]
async fn a_parcel_given_to_another_carrier_needs_its_tracking_number_and_ships_the_order() {
    let app = spawn_app().await;
    let (tea, product) = remote_store(&app).await;
    let (_, _, seller) = app.user(Role::Seller, Some(tea.id)).await;
    let (_, placed) =
        app.send_json(Method::POST, "/api/v1/checkout", None, &checkout_body(&[(product.id, 1)], "cod")).await;
    let path = format!("/api/v1/orders/{}/shipments", placed["orders"][0]["id"]);
    let (status, answer) = app
        .send_json(Method::POST, &path, Some(&seller), &json!({"carrier": "other", "service": "Xe khách Lai Châu"}))
        .await;
    assert_eq!(status, 422);
    assert_eq!(answer["errors"][0]["field"], "tracking_code");
    let (status, created) = app
        .send_json(
            Method::POST,
            &path,
            Some(&seller),
            &json!({"carrier": "other", "service": "Xe khách Lai Châu", "tracking_code": "XK-2291"}),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let (status, _) = app.send_json(Method::POST, &path, None, &json!({})).await;
    assert_eq!(status, 401);
    assert_eq!(created[0]["status"], "picked_up", "the carrier has it");
    let (_, order) = app.get_json_as(&format!("/api/v1/orders/{}", placed["orders"][0]["id"]), &seller).await;
    assert_eq!(order["status"], "shipped");
    assert_eq!(
        (order["carrier"].as_str(), order["tracking_no"].as_str()),
        (Some("Xe khách Lai Châu"), Some("XK-2291"))
    );
    let (status, _) = app
        .send_json(Method::DELETE, &format!("/api/v1/shipments/{}", created[0]["id"]), Some(&seller), &json!({}))
        .await;
    assert_eq!(status, 409, "handed over: no cancelling");
}

#[tokio::test]
async fn a_returned_parcel_goes_back_into_stock_or_is_written_off_and_its_order_is_settled() {
    let (app, _) = app_with_ghn().await;
    for restock in [true, false] {
        let (order, seller) = ghn_order(&app).await;
        let product_id = order["items"][0]["product_id"].as_i64().unwrap();
        let stock =
            || async { dacsan::catalog::store::find_by_id(&app.state.db, product_id).await.unwrap().unwrap().stock };
        let before = stock().await;
        let path = format!("/api/v1/orders/{}/shipments", order["id"]);
        let (_, created) = app.send_json(Method::POST, &path, Some(&seller), &json!({})).await;
        let (id, waybill, code) = (
            created[0]["id"].clone(),
            created[0]["tracking_code"].as_str().unwrap().to_string(),
            created[0]["code"].as_str().unwrap().to_string(),
        );
        let settle = format!("/api/v1/shipments/{id}/return");
        let (status, _) = app.send_json(Method::POST, &settle, Some(&seller), &json!({"restock": true})).await;
        assert_eq!(status, 409, "not returned yet");
        for (step, hours) in [("picked", 1), ("delivery_fail", 20), ("return", 30), ("returned", 60)] {
            let (_, answer) = notify(&app, "ghn", HOOK_TOKEN, &ghn_status(&waybill, &code, step, &at(hours))).await;
            assert_eq!(answer["outcome"], "applied", "{step}: {answer}");
        }
        let (status, body) = app.send_json(Method::POST, &settle, Some(&seller), &json!({"restock": restock})).await;
        assert_eq!(status, 200, "{body}");
        let (_, read) = app.get_json_as(&format!("/api/v1/orders/{}", order["id"]), &seller).await;
        assert_eq!(read["status"], "cancelled", "cash on delivery, nothing paid: {read}");
        let expected = if restock { before + 2 } else { before };
        assert_eq!(stock().await, expected, "restock = {restock}");
        let (status, _) = app.send_json(Method::POST, &settle, Some(&seller), &json!({"restock": true})).await;
        assert_eq!(status, 409, "settled once");
    }
}

/// Makes a queued job due now and wakes the worker.
async fn run_jobs_now(app: &TestApp, kind: &str) {
    sqlx::query("UPDATE jobs SET run_at = '2000-01-01T00:00:00Z' WHERE kind = $1 AND status = 'queued'")
        .bind(kind)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    app.state.jobs.wake();
}

async fn shipment_status(app: &TestApp, id: &Value, seller: &str, want: &str) -> Value {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let (_, read) = app.get_json_as(&format!("/api/v1/shipments/{id}"), seller).await;
        if read["status"] == want || tokio::time::Instant::now() > deadline {
            return read;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_booking_the_carrier_did_not_answer_is_retried_in_the_background_with_the_same_code() {
    let (app, seen) = app_with_ghn().await;
    let (order, seller) = ghn_order(&app).await;
    seen.lock().unwrap().failing_creates = 1;
    let path = format!("/api/v1/orders/{}/shipments", order["id"]);
    let (status, created) = app.send_json(Method::POST, &path, Some(&seller), &json!({})).await;
    assert_eq!(status, 202, "accepted, not booked yet: {created}");
    assert_eq!(created[0]["status"], "booking");
    assert!(created[0]["error"].as_str().unwrap().contains("dacsan sẽ tự thử lại"), "{created}");

    run_jobs_now(&app, "shipping.book").await;
    let read = shipment_status(&app, &created[0]["id"], &seller, "booked").await;
    assert_eq!(read["status"], "booked", "{read}");
    assert_eq!(read["tracking_code"], "GHN00000");
    let seen = seen.lock().unwrap();
    assert_eq!(seen.creates.len(), 2, "asked twice");
    assert_eq!(seen.creates[0].1["client_order_code"], seen.creates[1].1["client_order_code"], "with one code");
}

#[tokio::test]
async fn a_booking_still_unanswered_after_its_last_try_is_cancelled_and_the_seller_told() {
    let (app, seen) = app_with_ghn().await;
    let (order, seller) = ghn_order(&app).await;
    seen.lock().unwrap().failing_creates = 100;
    let path = format!("/api/v1/orders/{}/shipments", order["id"]);
    let (status, created) = app.send_json(Method::POST, &path, Some(&seller), &json!({})).await;
    assert_eq!(status, 202, "{created}");
    sqlx::query("UPDATE jobs SET attempts = max_attempts - 1 WHERE kind = 'shipping.book'")
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    run_jobs_now(&app, "shipping.book").await;
    let read = shipment_status(&app, &created[0]["id"], &seller, "cancelled").await;
    assert_eq!(read["status"], "cancelled", "{read}");
    assert!(read["error"].as_str().unwrap().contains("sau 8 lần thử"), "{read}");
    let shipment_path = format!("/api/v1/shipments/{}", created[0]["id"]);
    let in_english = app.api.get(app.url(&shipment_path)).bearer_auth(&seller).header("Accept-Language", "en");
    let in_english: Value = in_english.send().await.unwrap().json().await.unwrap();
    assert!(in_english["error"].as_str().unwrap().contains("after 8 tries"), "kept in both languages: {in_english}");
    let told: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE order_id = $1 AND subject LIKE '%is not booked%'")
            .bind(order["id"].as_i64().unwrap())
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(told, 1, "the seller is told once");
    let (status, answer) = app.send_json(Method::POST, &path, Some(&seller), &json!({})).await;
    assert_eq!(status, 202, "the seller can book it again: {answer}");
    assert_ne!(answer[0]["code"], created[0]["code"], "a new parcel, a new code");
}

#[tokio::test]
async fn a_quiet_parcel_is_asked_about_and_its_new_steps_move_it_once() {
    let (app, seen) = app_with_ghn().await;
    let (order, seller) = ghn_order(&app).await;
    let path = format!("/api/v1/orders/{}/shipments", order["id"]);
    let (_, created) = app.send_json(Method::POST, &path, Some(&seller), &json!({})).await;
    seen.lock().unwrap().log = vec![("picked".into(), at(1)), ("delivering".into(), at(2))];
    let quiet = || async {
        sqlx::query("UPDATE shipments SET updated_at = '2000-01-01T00:00:00Z'")
            .execute(&app.state.db.pool)
            .await
            .unwrap();
    };
    let db = &app.state.db;
    let logistics = &app.state.logistics;
    assert_eq!(dacsan::logistics::tracking::poll(db, logistics).await.unwrap(), 0, "not quiet yet");
    quiet().await;
    assert_eq!(dacsan::logistics::tracking::poll(db, logistics).await.unwrap(), 2);
    let (_, read) = app.get_json_as(&format!("/api/v1/orders/{}", order["id"]), &seller).await;
    assert_eq!(read["status"], "shipped", "picked up: the order follows");
    assert_eq!(read["shipments"][0]["status"], "out_for_delivery");
    quiet().await;
    assert_eq!(dacsan::logistics::tracking::poll(db, logistics).await.unwrap(), 0, "nothing new");
    let (_, read) = app.get_json_as(&format!("/api/v1/orders/{}", order["id"]), &seller).await;
    assert_eq!(read["shipments"][0]["id"], created[0]["id"]);
    let events = read["shipments"][0]["events"].as_array().unwrap();
    let journey: Vec<&str> = events.iter().map(|e| e["status"].as_str().unwrap()).collect();
    assert_eq!(journey, ["booked", "picked_up", "out_for_delivery"], "each step once");
}

#[tokio::test]
async fn a_parcel_booked_without_sizes_gets_the_orders_real_weight_and_its_packages_size() {
    let (app, seen) = app_with_ghn().await;
    let (tea, product) = remote_store(&app).await;
    let (_, _, seller) = app.user(Role::Seller, Some(tea.id)).await;
    let size = json!({"package_cm": {"length_cm": 20, "width_cm": 15, "height_cm": 10}});
    let (status, _) =
        app.send_json(Method::PATCH, &format!("/api/v1/products/{}", product.id), Some(&seller), &size).await;
    assert_eq!(status, 200);
    let mut body = checkout_body(&[(product.id, 2)], "cod");
    body["delivery"] = json!({ tea.id.to_string(): "ghn:standard" });
    let (status, placed) = app.send_json(Method::POST, "/api/v1/checkout", None, &body).await;
    assert_eq!(status, 201, "{placed}");
    let path = format!("/api/v1/orders/{}/shipments", placed["orders"][0]["id"]);
    let (status, created) = app.send_json(Method::POST, &path, Some(&seller), &json!({})).await;
    assert_eq!(status, 201, "{created}");
    let sent = seen.lock().unwrap().creates[0].1.clone();
    assert_eq!(
        sent["weight"].as_i64(),
        Some(2 * product.weight_g + 100),
        "the goods' real weight and packaging: {sent}"
    );
    assert_eq!(
        (sent["length"].as_i64(), sent["width"].as_i64(), sent["height"].as_i64()),
        (Some(19), Some(19), Some(19)),
        "two 20 × 15 × 10 cm boxes fill a 19 cm cube"
    );
}
