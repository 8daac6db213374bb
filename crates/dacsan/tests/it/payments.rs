//! VietQR codes and `POST /api/v1/payments/bank-webhook`.

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, WEBHOOK_KEY, spawn_app, spawn_app_with, test_settings};
use crate::orders::{checkout_body, two_stores};

async fn one_order(app: &TestApp, quantity: i64) -> (Value, String) {
    let (a, _) = two_stores(app).await;
    let (status, body) =
        app.send_json(Method::POST, "/api/v1/checkout", None, &checkout_body(&[(a.id, quantity)], "vietqr")).await;
    assert_eq!(status, 201, "{body}");
    (body["orders"][0].clone(), body["access_token"].as_str().unwrap().to_string())
}

fn sepay(id: i64, content: &str, amount: i64) -> Value {
    json!({"id": id, "gateway": "Vietcombank", "transactionDate": "2026-11-25 10:00:00", "accountNumber": "0011002233445",
        "subAccount": null, "code": null, "content": content, "transferType": "in", "transferAmount": amount,
        "accumulated": 0, "referenceCode": format!("FT{id}"), "description": content})
}

async fn webhook(app: &TestApp, body: &Value, key: &str) -> (u16, Value) {
    let response = app
        .api
        .post(app.url("/api/v1/payments/bank-webhook"))
        .header("authorization", format!("Apikey {key}"))
        .json(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn order_now(app: &TestApp, order: &Value, token: &str) -> Value {
    app.get_json(&format!("/api/v1/orders/{}?token={token}", order["id"])).await.1
}

#[tokio::test]
async fn the_vietqr_code_carries_account_amount_and_order_code() {
    let app = spawn_app().await;
    let (order, token) = one_order(&app, 2).await;
    let (status, qr) = app.get_json(&format!("/api/v1/orders/{}/vietqr?token={token}", order["id"])).await;
    assert_eq!(status, 200, "{qr}");
    let payload = vietqr::decode(qr["payload"].as_str().unwrap()).unwrap();
    assert_eq!(payload.bin().as_str(), "970436");
    assert_eq!(payload.beneficiary().number(), "0011002233445");
    assert_eq!(payload.amount_vnd(), Some(500_000));
    assert_eq!(payload.purpose(), Some(order["code"].as_str().unwrap()));
    assert_eq!(qr["amount_vnd"], 500_000);
    assert_eq!(qr["bank_name"], "Vietcombank");
    assert!(qr["svg"].as_str().unwrap().starts_with("<?xml") || qr["svg"].as_str().unwrap().contains("<svg"));
    let png =
        app.api.get(app.url(&format!("/api/v1/orders/{}/vietqr.png?token={token}", order["id"]))).send().await.unwrap();
    assert_eq!(png.headers()["content-type"], "image/png");
    assert!(png.bytes().await.unwrap().starts_with(b"\x89PNG"));
}

#[tokio::test]
async fn an_exact_transfer_pays_the_order_once() {
    let app = spawn_app().await;
    let (order, token) = one_order(&app, 2).await;
    let content = format!("MBVCB.8812 {} chuyen tien", order["code"].as_str().unwrap().to_lowercase());
    let (status, answer) = webhook(&app, &sepay(1001, &content, 500_000), WEBHOOK_KEY).await;
    assert_eq!(status, 200);
    assert_eq!(answer["success"], true);
    assert_eq!(answer["outcome"], "paid");
    let now = order_now(&app, &order, &token).await;
    assert_eq!((now["status"].as_str(), now["paid_vnd"].as_i64()), (Some("paid"), Some(500_000)));
    let (status, answer) = webhook(&app, &sepay(1001, &content, 500_000), WEBHOOK_KEY).await;
    assert_eq!((status, answer["outcome"].as_str()), (200, Some("duplicate")));
    assert_eq!(order_now(&app, &order, &token).await["paid_vnd"], 500_000, "a retry pays nothing twice");

    // Paid: the buyer no longer gets the producer's account number; its sellers do.
    let vietqr = format!("/api/v1/orders/{}/vietqr", order["id"]);
    let (status, body) = app.get_json(&format!("{vietqr}?token={token}")).await;
    assert_eq!(status, 409, "{body}");
    assert!(!body.to_string().contains("0011002233445"));
    let (status, _) = app.get_json(&format!("{vietqr}.png?token={token}")).await;
    assert_eq!(status, 409);
    let producer_id = order["producer_id"].as_i64().unwrap();
    let (_, _, seller) = app.user(dacsan::auth::Role::Seller, Some(producer_id)).await;
    let (status, body) = app.get_json_as(&vietqr, &seller).await;
    assert_eq!((status, body["account_number"].as_str()), (200, Some("0011002233445")), "{body}");
}

#[tokio::test]
async fn short_and_unknown_transfers_are_kept_for_review() {
    let app = spawn_app().await;
    let (order, token) = one_order(&app, 2).await;
    let code = order["code"].as_str().unwrap();
    let (_, answer) = webhook(&app, &sepay(2001, code, 200_000), WEBHOOK_KEY).await;
    assert_eq!(answer["outcome"], "underpaid");
    let now = order_now(&app, &order, &token).await;
    assert_eq!((now["status"].as_str(), now["paid_vnd"].as_i64()), (Some("awaiting_payment"), Some(200_000)));
    let (_, answer) =
        webhook(&app, &sepay(2002, &format!("{}-{}", &code[..5], &code[5..]), 300_000), WEBHOOK_KEY).await;
    assert_eq!(answer["outcome"], "paid", "the rest completes the order");
    let (_, answer) = webhook(&app, &sepay(2003, "tien an trua", 50_000), WEBHOOK_KEY).await;
    assert_eq!(answer["outcome"], "unmatched");
    let (_, _, admin) = app.user(dacsan::auth::Role::Admin, None).await;
    let (_, inbox) = app.get_json_as("/api/v1/payments/unmatched", &admin).await;
    assert_eq!(inbox.as_array().unwrap().len(), 1);
    assert_eq!(inbox[0]["amount_vnd"], 50_000);
}

#[tokio::test]
async fn webhooks_need_the_key() {
    let app = spawn_app().await;
    let (order, _) = one_order(&app, 1).await;
    let body = sepay(3001, order["code"].as_str().unwrap(), 250_000);
    let (status, _) = webhook(&app, &body, "wrong-key").await;
    assert_eq!(status, 401);
    let response = app.api.post(app.url("/api/v1/payments/bank-webhook")).json(&body).send().await.unwrap();
    assert_eq!(response.status(), 401);
    let response = app
        .api
        .post(app.url("/api/v1/payments/bank-webhook"))
        .header("authorization", format!("Apikey {WEBHOOK_KEY}"))
        .body("{oops")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400, "malformed JSON");
    let mut negative = body.clone();
    negative["transferAmount"] = json!(-5);
    let (status, _) = webhook(&app, &negative, WEBHOOK_KEY).await;
    assert_eq!(status, 422);
}

#[tokio::test]
async fn casso_signed_notifications_pay_too() {
    let app = spawn_app().await;
    let (order, token) = one_order(&app, 1).await;
    let data = json!({"id": 777, "reference": "FT1", "description": format!("ND: {}", order["code"].as_str().unwrap()), "amount": 250000,
        "runningBalance": 1, "transactionDateTime": "2026-11-25 10:00:00", "accountNumber": "0011002233445", "bankName": "VCB", "bankAbbreviation": "VCB"});
    let body = json!({"error": 0, "data": data}).to_string();
    let t = "1764064800000";
    let signature = dacsan::payments::model::casso_signature(WEBHOOK_KEY, t, &data).unwrap();
    let post = |sig: String| {
        app.api
            .post(app.url("/api/v1/payments/bank-webhook"))
            .header("x-casso-signature", sig)
            .header("content-type", "application/json")
            .body(body.clone())
            .send()
    };
    assert_eq!(post(format!("t={t},v1={}", "0".repeat(128))).await.unwrap().status(), 401);
    let response = post(format!("t={t},v1={signature}")).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(order_now(&app, &order, &token).await["status"], "paid");
}

#[tokio::test]
async fn money_after_the_deadline_takes_the_stock_again_or_asks_for_a_refund() {
    let mut settings = test_settings();
    settings.payment_time = std::time::Duration::from_secs(0);
    let app = spawn_app_with(settings).await;
    let (order, token) = one_order(&app, 10).await;
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(dacsan::orders::service::expire_overdue(&app.state.db).await.unwrap(), 1);
    let now = order_now(&app, &order, &token).await;
    assert_eq!(now["status"], "cancelled");
    let product_id = now["items"][0]["product_id"].as_i64().unwrap();
    let stock = |app: &TestApp| {
        let db = app.state.db.clone();
        async move { dacsan::catalog::store::find_by_id(&db, product_id).await.unwrap().unwrap().stock }
    };
    assert_eq!(stock(&app).await, 10, "stock released");
    let (_, answer) = webhook(&app, &sepay(4001, order["code"].as_str().unwrap(), 2_500_000), WEBHOOK_KEY).await;
    assert_eq!(answer["outcome"], "paid_after_expiry");
    assert_eq!(order_now(&app, &order, &token).await["status"], "paid");
    assert_eq!(stock(&app).await, 0, "the order took its stock again");

    // A second order expires and its stock is sold meanwhile: the seller must refund.
    let (_, body) =
        app.send_json(Method::POST, "/api/v1/checkout", None, &checkout_body(&[(product_id, 1)], "vietqr")).await;
    assert_eq!(body["orders"].as_array().map(Vec::len), None, "nothing left to sell: {body}");
}

#[tokio::test]
async fn money_sent_to_another_account_pays_nothing() {
    let app = spawn_app().await;
    let (order, token) = one_order(&app, 1).await;
    let mut body = sepay(5001, order["code"].as_str().unwrap(), 250_000);
    body["accountNumber"] = json!("9999888877");
    let (status, answer) = webhook(&app, &body, WEBHOOK_KEY).await;
    assert_eq!((status, answer["outcome"].as_str()), (200, Some("other_account")));
    let now = order_now(&app, &order, &token).await;
    assert_eq!((now["status"].as_str(), now["paid_vnd"].as_i64()), (Some("awaiting_payment"), Some(0)));
}
