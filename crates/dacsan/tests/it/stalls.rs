//! Market-day stalls: `POST /api/v1/programme/fairs/{id}/booths/{producer_id}/sales`
//! (VietQR and cash, once per `client_sale_id`), the bank hook paying a stall sale,
//! withdrawals, the fair's revenue from its stalls, and the till's pages.

use dacsan::auth::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, WEBHOOK_KEY, spawn_app};

struct Market {
    fair: i64,
    officer: String,
    tea: dacsan::producers::Producer,
    tea_seller: String,
    tea_seller_email: String,
    honey_seller: String,
    green_tea: dacsan::catalog::Product,
    black_tea: dacsan::catalog::Product,
    honey: dacsan::catalog::Product,
}

fn today() -> String {
    dacsan::db::today_vn().to_string()
}

/// A market session today in Lai Châu with two booths: a tea cooperative (with a
/// receiving account) and a honey producer.
async fn market(app: &TestApp) -> Market {
    let tea = app.producer().create().await;
    let honey_maker = app.producer().name("HTX Mật ong Tả Lèng").create().await;
    app.payment_account(tea.id).await;
    let green_tea = app.product(tea.id).price(250_000).stock(10).create().await;
    let black_tea =
        app.product(tea.id).name("Hồng trà Sìn Hồ", "Sin Ho black tea").price(180_000).stock(1).create().await;
    let honey = app
        .product(honey_maker.id)
        .name("Mật ong bạc hà", "Mint honey")
        .set("mat-ong")
        .price(450_000)
        .stock(5)
        .create()
        .await;
    let (_, _, officer) = app.officer(&["12"]).await;
    let (status, fair) = app
        .send_json(
            Method::POST,
            "/api/v1/programme/fairs?province=12",
            Some(&officer),
            &json!({"name": "Phiên chợ hàng Việt", "kind": "market_session", "starts_on": today(), "target_revenue_vnd": 2_000_000}),
        )
        .await;
    assert_eq!(status, 201, "{fair}");
    let fair = fair["id"].as_i64().unwrap();
    for (producer, booth) in [(tea.id, "B1"), (honey_maker.id, "B2")] {
        let (status, body) = app
            .send_json(
                Method::POST,
                &format!("/api/v1/programme/fairs/{fair}/booths"),
                Some(&officer),
                &json!({"producer_id": producer, "booth": booth}),
            )
            .await;
        assert_eq!(status, 201, "{body}");
    }
    let (_, tea_seller_email, tea_seller) = app.user(Role::Seller, Some(tea.id)).await;
    let (_, _, honey_seller) = app.user(Role::Seller, Some(honey_maker.id)).await;
    Market { fair, officer, tea, tea_seller, tea_seller_email, honey_seller, green_tea, black_tea, honey }
}

fn sales_path(m: &Market, producer_id: i64) -> String {
    format!("/api/v1/programme/fairs/{}/booths/{producer_id}/sales", m.fair)
}

async fn sell(app: &TestApp, m: &Market, token: &str, body: Value) -> (u16, Value) {
    app.send_json(Method::POST, &sales_path(m, m.tea.id), Some(token), &body).await
}

async fn stock_of(app: &TestApp, id: i64) -> i64 {
    dacsan::catalog::store::find_by_id(&app.state.db, id).await.unwrap().unwrap().stock
}

async fn bank_transfer(app: &TestApp, id: i64, content: &str, amount: i64) -> Value {
    let body = json!({"id": id, "gateway": "Vietcombank", "transactionDate": "2026-12-03 10:00:00", "accountNumber": "0011002233445",
        "content": content, "transferType": "in", "transferAmount": amount, "referenceCode": format!("FT{id}")});
    let response = app
        .api
        .post(app.url("/api/v1/payments/bank-webhook"))
        .header("authorization", format!("Apikey {WEBHOOK_KEY}"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    response.json().await.unwrap()
}

async fn fair_json(app: &TestApp, m: &Market) -> Value {
    let (status, fair) = app.get_json_as(&format!("/api/v1/programme/fairs/{}", m.fair), &m.officer).await;
    assert_eq!(status, 200, "{fair}");
    fair
}

#[tokio::test]
async fn a_stall_sells_by_vietqr_and_cash_and_the_fair_counts_what_was_paid() {
    let app = spawn_app().await;
    let m = market(&app).await;
    let first = json!({"client_sale_id": "phone1-1", "method": "vietqr", "items": [{"product_id": m.green_tea.id, "quantity": 2}]});
    let (status, sale) = sell(&app, &m, &m.tea_seller, first.clone()).await;
    assert_eq!(status, 201, "{sale}");
    assert_eq!((sale["amount_vnd"].as_i64(), sale["status"].as_str()), (Some(500_000), Some("awaiting_payment")));
    let code = sale["code"].as_str().unwrap().to_string();
    let qr = &sale["vietqr"];
    assert_eq!((qr["amount_vnd"].as_i64(), qr["purpose"].as_str()), (Some(500_000), Some(code.as_str())));
    let payload = qr["payload"].as_str().unwrap();
    assert!(payload.contains("0011002233445") && payload.contains("500000") && payload.contains(&code), "{payload}");
    assert!(qr["svg"].as_str().unwrap().starts_with("<?xml") || qr["svg"].as_str().unwrap().contains("<svg"));
    assert_eq!(stock_of(&app, m.green_tea.id).await, 8);

    let (status, again) = sell(&app, &m, &m.tea_seller, first).await;
    assert_eq!(
        (status, &again["id"], &again["code"]),
        (200, &sale["id"], &sale["code"]),
        "the same number is the same sale"
    );
    assert_eq!(stock_of(&app, m.green_tea.id).await, 8, "stock taken once");
    let other = json!({"client_sale_id": "phone1-1", "method": "cash", "amount_vnd": 10_000});
    let (status, body) = sell(&app, &m, &m.tea_seller, other).await;
    assert_eq!(status, 409, "{body}");

    let cash = json!({"client_sale_id": "phone1-2", "method": "cash", "amount_vnd": 120_000});
    let (status, cash) = sell(&app, &m, &m.tea_seller, cash).await;
    assert_eq!((status, cash["status"].as_str()), (201, Some("paid")), "{cash}");
    assert!(cash["vietqr"].is_null());

    let fair = fair_json(&app, &m).await;
    assert_eq!(fair["sales_revenue_vnd"], 120_000, "the transfer has not arrived: {fair}");
    assert_eq!(fair["revenue_vnd"], 0, "typed-in revenue stays apart");

    let answer = bank_transfer(&app, 501, &format!("MBVCB.123 {code} mua che"), 500_000).await;
    assert_eq!(answer["outcome"], "paid", "{answer}");
    let (status, paid) = app.get_json_as(&format!("{}/{code}", sales_path(&m, m.tea.id)), &m.tea_seller).await;
    assert_eq!((status, paid["status"].as_str()), (200, Some("paid")), "{paid}");
    assert!(paid["vietqr"].is_null(), "nothing more to scan");
    let answer = bank_transfer(&app, 501, &code, 500_000).await;
    assert_eq!(answer["outcome"], "duplicate");

    let fair = fair_json(&app, &m).await;
    assert_eq!(fair["sales_revenue_vnd"], 620_000, "{fair}");
    assert_eq!(
        (fair["sales"]["total"]["transfer_vnd"].as_i64(), fair["sales"]["total"]["cash_vnd"].as_i64()),
        (Some(500_000), Some(120_000))
    );
    let tea_booth = fair["booth_list"].as_array().unwrap().iter().find(|b| b["producer"]["id"] == m.tea.id).unwrap();
    assert_eq!(tea_booth["sales_revenue_vnd"], 620_000);
    let sets = fair["sales"]["by_set"].as_array().unwrap();
    let tea_set = sets.iter().find(|s| s["set_code"] == m.green_tea.set_code).unwrap();
    assert_eq!((tea_set["units"].as_i64(), tea_set["revenue_vnd"].as_i64()), (Some(2), Some(500_000)));
    let typed = sets.iter().find(|s| s["set_code"] == "").unwrap();
    assert_eq!(typed["revenue_vnd"], 120_000, "a typed amount has no product set");
    let hours: i64 = fair["sales"]["by_hour"].as_object().unwrap().values().map(|h| h["sales"].as_i64().unwrap()).sum();
    assert_eq!(hours, 2);

    let (status, list) = app.get_json_as(&sales_path(&m, m.tea.id), &m.tea_seller).await;
    assert_eq!((status, list["sales"].as_array().unwrap().len()), (200, 2), "{list}");
    assert_eq!(list["takings"]["cash_vnd"], 120_000);

    // The office reads every sale of the fair, and one booth's alone.
    let list_path = format!("/office/fairs/{}/sales", m.fair);
    let (status, page) = page_as(&app, &list_path, &m.officer).await;
    assert_eq!(status, 200, "{page}");
    let (cash_code, row_of) =
        (cash["code"].as_str().unwrap(), |code: &str| page.split(code).nth(1).unwrap_or("").to_string());
    assert!(page.contains(&code) && page.contains(cash_code), "both sales listed");
    assert!(page.find(cash_code) < page.find(&code), "the latest first");
    assert!(row_of(&code).contains("2 × ") && row_of(&code).contains("B1 · "), "its lines and its booth");
    assert!(row_of(cash_code).contains("Nhập số tiền"), "a typed amount says so");
    let honey_booth = m.honey.producer_id;
    let (_, honey_only) = page_as(&app, &format!("{list_path}?producer={honey_booth}"), &m.officer).await;
    assert!(!honey_only.contains(&code) && honey_only.contains("Chưa bán lần nào"), "one booth's sales only");
    let (status, _) = page_as(&app, &format!("{list_path}?producer=999999"), &m.officer).await;
    assert_eq!(status, 404, "a producer without a booth here");
    let (_, _, elsewhere) = app.officer(&["08"]).await;
    let (status, _) = page_as(&app, &list_path, &elsewhere).await;
    assert!(status == 403 || status == 404, "another province's officer: {status}");
}

/// A page as the holder of a bearer token sees it.
async fn page_as(app: &TestApp, path: &str, token: &str) -> (u16, String) {
    let response = app.api.get(app.url(path)).bearer_auth(token).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

#[tokio::test]
async fn a_stall_sale_says_what_is_wrong() {
    let app = spawn_app().await;
    let m = market(&app).await;
    let sale = |id: &str, extra: Value| {
        let mut body = json!({"client_sale_id": id, "method": "cash"});
        body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        body
    };
    let cases = [
        (sale("a-1", json!({"items": [{"product_id": m.honey.id, "quantity": 1}]})), 422, "items[0].product_id"),
        (sale("a-2", json!({"amount_vnd": 0})), 422, "amount_vnd"),
        (sale("a-3", json!({})), 422, "items"),
        (json!({"client_sale_id": "a-4", "amount_vnd": 5000}), 422, "method"),
        (
            sale("a-5", json!({"items": [{"product_id": m.green_tea.id, "quantity": 1}], "amount_vnd": 1000})),
            422,
            "amount_vnd",
        ),
        (sale("a-6", json!({"amount_vnd": 5000, "sold_at": "2020-01-01T08:00:00+07:00"})), 422, "sold_at"),
        (sale("", json!({"amount_vnd": 5000})), 422, "client_sale_id"),
        (sale("a-7", json!({"items": [{"product_id": 999_999, "quantity": 1}]})), 422, "items[0].product_id"),
    ];
    for (body, status, field) in cases {
        let (got, answer) = sell(&app, &m, &m.tea_seller, body.clone()).await;
        assert_eq!(got, status, "{body} → {answer}");
        assert!(answer.to_string().contains(&format!("\"{field}\"")), "{field} named: {answer}");
    }
    let fine = sale("a-8", json!({"amount_vnd": 5000}));
    let (status, _) = sell(&app, &m, &m.honey_seller, fine.clone()).await;
    assert_eq!(status, 403, "another producer's seller");
    let (status, _) = sell(&app, &m, &m.officer, fine.clone()).await;
    assert_eq!(status, 403, "an officer does not sell");
    let (status, _) = app.send_json(Method::POST, &sales_path(&m, m.tea.id), None, &fine).await;
    assert_eq!(status, 401);
    let (status, body) = app
        .send_json(
            Method::POST,
            &format!("/api/v1/programme/fairs/{}/booths/{}/sales", m.fair + 1, m.tea.id),
            Some(&m.tea_seller),
            &fine,
        )
        .await;
    assert_eq!(status, 404, "{body}");
    let honey_producer = m.honey.producer_id;
    let vietqr = json!({"client_sale_id": "h-1", "method": "vietqr", "amount_vnd": 450_000});
    let (status, body) =
        app.send_json(Method::POST, &sales_path(&m, honey_producer), Some(&m.honey_seller), &vietqr).await;
    assert_eq!(status, 409, "no receiving account: {body}");
    let (status, _) = sell(&app, &m, &m.tea_seller, fine).await;
    assert_eq!(status, 201);
    let fair = fair_json(&app, &m).await;
    assert_eq!(fair["sales"]["total"]["sales"], 1, "nothing refused was counted");
}

#[tokio::test]
async fn goods_sold_beyond_the_count_and_withdrawn_sales() {
    let app = spawn_app().await;
    let m = market(&app).await;
    // One black tea in stock, two handed over: the sale stands, stock stops at zero.
    let two =
        json!({"client_sale_id": "w-1", "method": "vietqr", "items": [{"product_id": m.black_tea.id, "quantity": 2}]});
    let (status, sale) = sell(&app, &m, &m.tea_seller, two).await;
    assert_eq!(status, 201, "{sale}");
    assert_eq!(stock_of(&app, m.black_tea.id).await, 0);
    let code = sale["code"].as_str().unwrap();
    let cancel = format!("{}/{code}/cancel", sales_path(&m, m.tea.id));
    let (status, withdrawn) = app.send_json(Method::POST, &cancel, Some(&m.tea_seller), &json!({})).await;
    assert_eq!((status, withdrawn["status"].as_str()), (200, Some("cancelled")), "{withdrawn}");
    assert_eq!(stock_of(&app, m.black_tea.id).await, 1, "what was taken goes back");
    let late = bank_transfer(&app, 700, code, 360_000).await;
    assert_eq!(late["outcome"], "refund_needed", "money for a withdrawn sale is flagged: {late}");

    let paid = json!({"client_sale_id": "w-2", "method": "vietqr", "amount_vnd": 90_000});
    let (_, paid) = sell(&app, &m, &m.tea_seller, paid).await;
    let paid_code = paid["code"].as_str().unwrap();
    assert_eq!(bank_transfer(&app, 701, paid_code, 50_000).await["outcome"], "underpaid");
    assert_eq!(bank_transfer(&app, 702, paid_code, 40_000).await["outcome"], "paid");
    let cancel = format!("{}/{paid_code}/cancel", sales_path(&m, m.tea.id));
    let (status, body) = app.send_json(Method::POST, &cancel, Some(&m.tea_seller), &json!({})).await;
    assert_eq!(status, 409, "a paid transfer is a refund, not a withdrawal: {body}");
    let fair = fair_json(&app, &m).await;
    assert_eq!(fair["sales_revenue_vnd"], 90_000);
}

#[tokio::test]
async fn offline_sales_sent_again_and_again_are_counted_once() {
    let app = spawn_app().await;
    let m = market(&app).await;
    let queue: Vec<Value> = (1..=20)
        .map(|n| {
            json!({"client_sale_id": format!("k7f2-{n}"), "method": "cash", "amount_vnd": 10_000 * n,
            "sold_at": dacsan::db::now()})
        })
        .collect();
    // The phone sends its queue three times over, at the same moment.
    let mut sends = tokio::task::JoinSet::new();
    for _ in 0..3 {
        for body in &queue {
            let (client, url, token, body) =
                (app.api.clone(), app.url(&sales_path(&m, m.tea.id)), m.tea_seller.clone(), body.clone());
            sends.spawn(async move {
                client.post(url).bearer_auth(token).json(&body).send().await.unwrap().status().as_u16()
            });
        }
    }
    let statuses = sends.join_all().await;
    assert!(statuses.iter().all(|s| *s == 201 || *s == 200), "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 20);
    let fair = fair_json(&app, &m).await;
    assert_eq!(fair["sales"]["total"]["sales"], 20);
    assert_eq!(fair["sales_revenue_vnd"], 10_000 * (1..=20).sum::<i64>());
}

#[tokio::test]
async fn the_till_pages_sell_without_javascript() {
    let app = spawn_app().await;
    let m = market(&app).await;
    app.sign_in(&m.tea_seller_email, "password-123").await;
    let (status, html) = app.page("/stall").await;
    assert_eq!(status, 200);
    assert!(html.contains("Phiên chợ hàng Việt"), "{html}");
    let till = format!("/stall/{}?producer={}", m.fair, m.tea.id);
    let (status, html) = app.page(&till).await;
    assert_eq!(status, 200);
    assert!(html.contains(&m.green_tea.name) && !html.contains(&m.honey.name));
    assert!(html.contains("/assets/till-"), "the till's script");
    let quantity = format!("q_{}", m.green_tea.id);
    let form = format!("/stall/{}/sales?producer={}", m.fair, m.tea.id);
    let (status, location, _) =
        app.post_form(&form, &[("client_sale_id", "web-1"), (quantity.as_str(), "3"), ("method", "cash")]).await;
    assert_eq!(status, 303, "{location}");
    let (status, sale_page) = app.page(&location).await;
    assert_eq!(status, 200);
    assert!(sale_page.contains("750.000") && sale_page.contains("sms:?body="), "{sale_page}");
    let (status, _, html) =
        app.post_form(&form, &[("client_sale_id", "web-2"), ("amount", "abc"), ("method", "cash")]).await;
    assert_eq!(status, 422);
    assert!(html.contains("abc"), "the typed amount is named");

    let code = location.split("/sales/").nth(1).unwrap().split('?').next().unwrap();
    let anonymous = reqwest::get(app.url(&format!("/stall/receipts/{code}"))).await.unwrap();
    assert_eq!(anonymous.status().as_u16(), 200);
    let receipt = anonymous.text().await.unwrap();
    assert!(receipt.contains("750.000") && receipt.contains(&m.green_tea.name));
    assert!(!receipt.contains(&m.tea.phone), "no phone number on a receipt");
    let sw = reqwest::get(app.url("/stall/sw.js")).await.unwrap();
    assert_eq!(sw.headers()["content-type"], "text/javascript; charset=utf-8");

    let (status, _) = app.page(&format!("/stall/{}?producer={}", m.fair, m.honey.producer_id)).await;
    assert_eq!(status, 403, "another producer's till");
}

#[tokio::test]
async fn a_booth_counts_what_it_brought_apart_from_the_shops_stock() {
    let app = spawn_app().await;
    let m = market(&app).await;
    let stock_path = format!("/api/v1/programme/fairs/{}/booths/{}/stock", m.fair, m.tea.id);
    let brought = |product: i64, n: Value| json!({"items": [{"product_id": product, "brought": n}]});

    let (status, _) =
        app.send_json(Method::PUT, &stock_path, Some(&m.honey_seller), &brought(m.green_tea.id, json!(5))).await;
    assert_eq!(status, 403, "another producer's seller");
    let (status, body) =
        app.send_json(Method::PUT, &stock_path, Some(&m.tea_seller), &brought(m.honey.id, json!(5))).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("items[0].product_id"), "{body}");
    let (status, body) =
        app.send_json(Method::PUT, &stock_path, Some(&m.tea_seller), &brought(m.green_tea.id, json!(-1))).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("items[0].brought"), "{body}");
    let (status, counts) =
        app.send_json(Method::PUT, &stock_path, Some(&m.tea_seller), &brought(m.green_tea.id, json!(5))).await;
    assert_eq!(status, 200, "{counts}");
    assert_eq!(counts, json!([{"product_id": m.green_tea.id, "brought": 5, "sold": 0, "left": 5}]));

    // Goods counted apart leave the shop's stock alone; the others take from it as before.
    let two =
        json!({"client_sale_id": "d-1", "method": "cash", "items": [{"product_id": m.green_tea.id, "quantity": 2}]});
    let (status, sale) = sell(&app, &m, &m.tea_seller, two).await;
    assert_eq!(status, 201, "{sale}");
    assert_eq!(stock_of(&app, m.green_tea.id).await, 10, "the shop's stock is untouched");
    let black =
        json!({"client_sale_id": "d-2", "method": "cash", "items": [{"product_id": m.black_tea.id, "quantity": 1}]});
    assert_eq!(sell(&app, &m, &m.tea_seller, black).await.0, 201);
    assert_eq!(stock_of(&app, m.black_tea.id).await, 0, "not counted apart: the shop's stock");
    let (_, counts) = app.get_json_as(&stock_path, &m.tea_seller).await;
    assert_eq!(counts[0]["left"], 3, "{counts}");
    let (_, till) = page_as(&app, &format!("/stall/{}?producer={}", m.fair, m.tea.id), &m.tea_seller).await;
    assert!(till.contains("mang đến còn 3/5"), "the till shows what is left of what was brought");

    // A withdrawn sale gives its units back to the count, and only to it.
    let code = sale["code"].as_str().unwrap();
    let (status, _) = app
        .send_json(
            Method::POST,
            &format!("{}/{code}/cancel", sales_path(&m, m.tea.id)),
            Some(&m.tea_seller),
            &json!({}),
        )
        .await;
    assert_eq!(status, 200);
    let (_, counts) = app.get_json_as(&stock_path, &m.tea_seller).await;
    assert_eq!((counts[0]["sold"].as_i64(), counts[0]["left"].as_i64()), (Some(0), Some(5)), "{counts}");
    assert_eq!(stock_of(&app, m.green_tea.id).await, 10);

    // Selling past the count is recorded (the goods changed hands); left stays at zero.
    let six =
        json!({"client_sale_id": "d-3", "method": "cash", "items": [{"product_id": m.green_tea.id, "quantity": 6}]});
    assert_eq!(sell(&app, &m, &m.tea_seller, six).await.0, 201);
    let (_, counts) = app.get_json_as(&stock_path, &m.tea_seller).await;
    assert_eq!((counts[0]["sold"].as_i64(), counts[0]["left"].as_i64()), (Some(6), Some(0)));

    // No longer counted apart: the next sale takes from the shop again.
    let (_, counts) =
        app.send_json(Method::PUT, &stock_path, Some(&m.tea_seller), &brought(m.green_tea.id, Value::Null)).await;
    assert_eq!(counts, json!([]));
    let one =
        json!({"client_sale_id": "d-4", "method": "cash", "items": [{"product_id": m.green_tea.id, "quantity": 1}]});
    assert_eq!(sell(&app, &m, &m.tea_seller, one).await.0, 201);
    assert_eq!(stock_of(&app, m.green_tea.id).await, 9);
}

#[tokio::test]
async fn a_receipt_is_emailed_to_the_buyer_through_the_outbox() {
    let app = spawn_app().await;
    let m = market(&app).await;
    let body =
        json!({"client_sale_id": "r-1", "method": "cash", "items": [{"product_id": m.green_tea.id, "quantity": 2}]});
    let (_, sale) = sell(&app, &m, &m.tea_seller, body).await;
    let code = sale["code"].as_str().unwrap();
    let path = format!("{}/{code}/receipt", sales_path(&m, m.tea.id));

    let (status, answer) =
        app.send_json(Method::POST, &path, Some(&m.tea_seller), &json!({"email": "không phải"})).await;
    assert_eq!(status, 422, "{answer}");
    let (status, _) =
        app.send_json(Method::POST, &path, Some(&m.honey_seller), &json!({"email": "lan@example.vn"})).await;
    assert_eq!(status, 403, "another booth's seller");
    let (status, _) =
        app.send_json(Method::POST, &path, Some(&m.tea_seller), &json!({"email": "Lan@Example.vn"})).await;
    assert_eq!(status, 202);
    let (email, subject, body): (String, String, String) =
        sqlx::query_as("SELECT email, subject, body FROM notifications WHERE email IS NOT NULL AND subject LIKE $1")
            .bind(format!("%{code}%"))
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(email, "lan@example.vn");
    assert!(subject.contains(code) && subject.contains(&m.tea.name), "{subject}");
    assert!(
        body.contains("× 2") && body.contains("500.000") && body.contains(&format!("/stall/receipts/{code}")),
        "{body}"
    );
    for _ in 0..2 {
        assert_eq!(
            app.send_json(Method::POST, &path, Some(&m.tea_seller), &json!({"email": "lan@example.vn"})).await.0,
            202
        );
    }
    let (status, answer) =
        app.send_json(Method::POST, &path, Some(&m.tea_seller), &json!({"email": "lan@example.vn"})).await;
    assert_eq!(status, 409, "three times a sale at most: {answer}");
}
