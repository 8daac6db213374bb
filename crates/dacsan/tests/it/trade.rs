//! The trade board: business profiles, `POST /api/v1/rfqs` matched to producers,
//! quotes and their revisions, who sees which quote, tiers, MOQ and expiry,
//! acceptance into an order paid (deposit, then balance) by VietQR and the bank
//! webhook, supply offers told to followers, and the office's figures.

use dacsan::auth::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, WEBHOOK_KEY, spawn_app};

fn in_days(days: i64) -> String {
    (dacsan::db::today_vn() + time::Duration::days(days)).to_string()
}

/// A buyer account with a business profile: its bearer token.
async fn business_buyer(app: &TestApp) -> (i64, String) {
    let (id, _, token) = business_buyer_signing_in(app).await;
    (id, token)
}

/// The same, with its e-mail (password `password-123`).
async fn business_buyer_signing_in(app: &TestApp) -> (i64, String, String) {
    let (id, email, token) = app.user(Role::Buyer, None).await;
    let profile = json!({"name": "Công ty TNHH Nhà hàng Phố Cổ", "tax_code": "0101234567",
        "address": "25 phố Hàng Buồm, Hoàn Kiếm", "contact_phone": "0987 654 321"});
    let (status, body) = app.send_json(Method::PUT, "/api/v1/me/business", Some(&token), &profile).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["contact_phone"], "+84987654321");
    (id, email, token)
}

/// Two tea producers (Lai Châu, Hà Giang) with a product each, and a seller of each.
async fn two_tea_producers(app: &TestApp) -> ((i64, i64, String), (i64, i64, String)) {
    let mut made = Vec::new();
    for (name, province, commune) in [("HTX Chè Sìn Hồ", "12", "03478"), ("HTX Chè Vị Xuyên", "08", "00769")] {
        let producer = app.producer().name(name).place(province, commune).create().await;
        app.payment_account(producer.id).await;
        let product = app.product(producer.id).stock(40).create().await;
        let (_, _, seller) = app.user(Role::Seller, Some(producer.id)).await;
        made.push((producer.id, product.id, seller));
    }
    let second = made.pop().unwrap();
    (made.pop().unwrap(), second)
}

fn rfq_body() -> Value {
    json!({"title": "Chè Shan tuyết cho chuỗi nhà hàng", "set_code": "che", "description": "Chè búp khô, đóng túi 1 kg",
        "quantity": 600, "unit": "kg", "target_price_vnd": 360_000, "deliver_province_code": "01",
        "deliver_commune_code": "00004", "needed_by": in_days(30)})
}

fn quote_body(producer_id: i64, tiers: &[(i64, i64)], moq: i64, valid_days: i64) -> Value {
    json!({"producer_id": producer_id,
        "tiers": tiers.iter().map(|(q, p)| json!({"min_quantity": q, "unit_price_vnd": p})).collect::<Vec<_>>(),
        "moq": moq, "lead_days": 14, "valid_until": in_days(valid_days), "pack_size": "túi 1 kg"})
}

async fn post_rfq(app: &TestApp, token: &str, body: &Value) -> Value {
    let (status, rfq) = app.send_json(Method::POST, "/api/v1/rfqs", Some(token), body).await;
    assert_eq!(status, 201, "{rfq}");
    rfq
}

#[tokio::test]
async fn only_businesses_post_requests_and_they_reach_the_producers_of_the_set() {
    let app = spawn_app().await;
    let ((lai_chau, _, lai_chau_seller), (ha_giang, _, _)) = two_tea_producers(&app).await;
    let honey = app.producer().name("HTX Mật ong").place("08", "00769").create().await;
    app.product(honey.id).name("Mật ong bạc hà", "Mint honey").set("mat-ong").create().await;

    let (_, _, plain_buyer) = app.user(Role::Buyer, None).await;
    let (status, _) = app.send_json(Method::POST, "/api/v1/rfqs", Some(&plain_buyer), &rfq_body()).await;
    assert_eq!(status, 403, "no business profile");
    let (status, _) = app.send_json(Method::POST, "/api/v1/rfqs", None, &rfq_body()).await;
    assert_eq!(status, 401);
    let (_, buyer) = business_buyer(&app).await;
    let bad_profile = json!({"name": "X", "tax_code": "123", "address": "", "contact_phone": "12"});
    let (status, errors) = app.send_json(Method::PUT, "/api/v1/me/business", Some(&buyer), &bad_profile).await;
    assert_eq!(status, 422);
    for field in ["name", "tax_code", "address", "contact_phone"] {
        assert!(errors.to_string().contains(field), "{field}: {errors}");
    }

    let mut bad = rfq_body();
    bad["set_code"] = json!("khong-co");
    bad["quantity"] = json!(0);
    bad["needed_by"] = json!("2020-01-01");
    bad["export"] = json!({"country": "Japan", "incoterm": "XYZ"});
    let (status, errors) = app.send_json(Method::POST, "/api/v1/rfqs", Some(&buyer), &bad).await;
    assert_eq!(status, 422, "{errors}");
    for field in ["set_code", "quantity", "needed_by", "export.country", "export.incoterm"] {
        assert!(errors.to_string().contains(field), "{field}: {errors}");
    }

    let rfq = post_rfq(&app, &buyer, &rfq_body()).await;
    assert_eq!((rfq["status"].as_str(), rfq["matched_producers"].as_i64()), (Some("open"), Some(2)));
    let mut from_lai_chau = rfq_body();
    from_lai_chau["from_province_code"] = json!("12");
    let limited = post_rfq(&app, &buyer, &from_lai_chau).await;
    assert_eq!(limited["matched_producers"], 1);

    let (_, seen) = app.get_json_as("/api/v1/rfqs", &lai_chau_seller).await;
    assert_eq!(seen.as_array().unwrap().len(), 2, "both requests reached Lai Châu: {seen}");
    let (_, mine) = app.get_json_as("/api/v1/rfqs", &buyer).await;
    assert_eq!(mine.as_array().unwrap().len(), 2);
    let (_, _, other_buyer) = app.user(Role::Buyer, None).await;
    let (_, theirs) = app.get_json_as("/api/v1/rfqs", &other_buyer).await;
    assert_eq!(theirs, json!([]));
    let (status, public) = app.get_json(&format!("/api/v1/rfqs/{}", rfq["id"])).await;
    assert_eq!(status, 200, "open requests are on the public board");
    assert!(public["buyer_name"].is_null(), "the public does not see who asks");

    let quote = quote_body(ha_giang, &[(100, 380_000)], 100, 10);
    let path = format!("/api/v1/rfqs/{}/quotes", limited["id"]);
    let (_, _, ha_giang_seller) = app.user(Role::Seller, Some(ha_giang)).await;
    let (status, answer) = app.send_json(Method::POST, &path, Some(&ha_giang_seller), &quote).await;
    assert_eq!(status, 409, "the buyer asked for Lai Châu only: {answer}");
    let (status, _) =
        app.send_json(Method::POST, &path, Some(&ha_giang_seller), &quote_body(lai_chau, &[(1, 1)], 1, 5)).await;
    assert_eq!(status, 403, "not this seller's producer");
}

#[tokio::test]
async fn quotes_are_private_revised_and_accepted_into_an_order_paid_by_deposit_then_balance() {
    let app = spawn_app().await;
    let ((first, _, first_seller), (second, _, second_seller)) = two_tea_producers(&app).await;
    let (_, buyer) = business_buyer(&app).await;
    let rfq = post_rfq(&app, &buyer, &rfq_body()).await;
    let quotes_path = format!("/api/v1/rfqs/{}/quotes", rfq["id"]);

    let bad = quote_body(first, &[(500, 350_000), (100, 380_000)], 100, 10);
    let (status, errors) = app.send_json(Method::POST, &quotes_path, Some(&first_seller), &bad).await;
    assert_eq!(status, 422, "tiers must increase: {errors}");
    let (status, one) = app
        .send_json(Method::POST, &quotes_path, Some(&first_seller), &quote_body(first, &[(100, 390_000)], 100, 10))
        .await;
    assert_eq!((status, one["revision"].as_i64()), (201, Some(1)), "{one}");
    let mut revised = quote_body(first, &[(100, 380_000), (500, 350_000)], 100, 10);
    revised["deposit_pct"] = json!(30);
    revised["delivery_vnd"] = json!(1_500_000);
    let (status, two) = app.send_json(Method::POST, &quotes_path, Some(&first_seller), &revised).await;
    assert_eq!((status, two["revision"].as_i64(), two["id"].clone()), (201, Some(2), one["id"].clone()), "{two}");
    let (status, other) = app
        .send_json(Method::POST, &quotes_path, Some(&second_seller), &quote_body(second, &[(50, 370_000)], 50, 10))
        .await;
    assert_eq!(status, 201, "{other}");

    let (_, buyer_sees) = app.get_json_as(&quotes_path, &buyer).await;
    assert_eq!(buyer_sees.as_array().unwrap().len(), 2, "the buyer sees every quote");
    let cheapest = &buyer_sees[0];
    assert_eq!(cheapest["id"], one["id"], "600 kg at 350 000 + delivery beats 370 000: {buyer_sees}");
    assert_eq!(cheapest["unit_price_at_quantity_vnd"], 350_000);
    assert_eq!(cheapest["total_at_quantity_vnd"], 600 * 350_000 + 1_500_000);
    assert_eq!(cheapest["latest"]["revision"], 2);
    let (_, first_sees) = app.get_json_as(&quotes_path, &first_seller).await;
    assert_eq!(first_sees.as_array().unwrap().len(), 1, "a producer sees its own quote only");
    assert_eq!(first_sees[0]["producer_id"], first);
    let (status, _) = app.get_json_as(&format!("/api/v1/quotes/{}", other["id"]), &first_seller).await;
    assert_eq!(status, 404, "nor another's by its id");
    let (_, _, stranger) = app.user(Role::Buyer, None).await;
    let (status, _) = app.get_json_as(&quotes_path, &stranger).await;
    assert_eq!(status, 403, "another buyer sees no quotes");
    let (status, history) = app.get_json_as(&format!("/api/v1/quotes/{}", one["id"]), &buyer).await;
    assert_eq!((status, history["revisions"].as_array().map(Vec::len)), (200, Some(2)), "every revision kept");

    let thread = format!("/api/v1/quotes/{}/messages", one["id"]);
    let (status, _) =
        app.send_json(Method::POST, &thread, Some(&buyer), &json!({"body": "Có giấy kiểm nghiệm không?"})).await;
    assert_eq!(status, 201);
    let (status, _) = app.send_json(Method::POST, &thread, Some(&first_seller), &json!({"body": "Có, gửi kèm."})).await;
    assert_eq!(status, 201);
    let (status, _) = app.send_json(Method::POST, &thread, Some(&second_seller), &json!({"body": "?"})).await;
    assert_eq!(status, 404, "not the second producer's thread");
    let (_, messages) = app.get_json_as(&thread, &buyer).await;
    assert_eq!(
        messages.as_array().unwrap().iter().map(|m| m["side"].as_str().unwrap()).collect::<Vec<_>>(),
        ["buyer", "producer"]
    );

    let accept = format!("/api/v1/quotes/{}/accept", one["id"]);
    let (status, answer) = app.send_json(Method::POST, &accept, Some(&buyer), &json!({"quantity": 99})).await;
    assert_eq!(status, 409, "under the MOQ: {answer}");
    let (status, _) = app.send_json(Method::POST, &accept, Some(&first_seller), &json!({"quantity": 600})).await;
    assert_eq!(status, 403, "the seller cannot accept its own quote");
    let (status, accepted) = app.send_json(Method::POST, &accept, Some(&buyer), &json!({"quantity": 600})).await;
    assert_eq!(status, 201, "{accepted}");
    let total = 600 * 350_000 + 1_500_000;
    let deposit = (total * 30 + 99) / 100;
    assert_eq!(accepted["order"]["total_vnd"], total);
    assert_eq!(accepted["order"]["deposit_vnd"], deposit);
    assert_eq!(accepted["order"]["status"], "awaiting_payment");
    let (status, again) = app.send_json(Method::POST, &accept, Some(&buyer), &json!({"quantity": 600})).await;
    assert_eq!(status, 409, "accepted once: {again}");
    let (status, _) = app.send_json(Method::POST, &quotes_path, Some(&first_seller), &revised).await;
    assert_eq!(status, 409, "no revision after acceptance");
    let (status, _) = app
        .send_json(
            Method::POST,
            &format!("/api/v1/quotes/{}/accept", other["id"]),
            Some(&buyer),
            &json!({"quantity": 600}),
        )
        .await;
    assert_eq!(status, 409, "the request is awarded");

    let pdf = app
        .api
        .get(app.url(&format!("/api/v1/quotes/{}/proforma.pdf", one["id"])))
        .bearer_auth(&buyer)
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), 200);
    let pdf = lopdf::Document::load_mem(&pdf.bytes().await.unwrap()).expect("a PDF an independent reader opens");
    let text = pdf.extract_text(&[1]).unwrap();
    for expected in [
        "PRO-FORMA INVOICE",
        "HÓA ĐƠN CHIẾU LỆ",
        accepted["order"]["code"].as_str().unwrap(),
        "211.500.000",
        "Nhà hàng Phố Cổ",
    ] {
        assert!(text.contains(expected), "{expected} missing from the pro-forma:\n{text}");
    }
    let (status, _) = app.get_json_as(&format!("/api/v1/quotes/{}/proforma.pdf", other["id"]), &buyer).await;
    assert_eq!(status, 409, "only an accepted quote has one");
    let (status, _) = app.get_json_as(&format!("/api/v1/quotes/{}/proforma.pdf", one["id"]), &second_seller).await;
    assert_eq!(status, 404, "not the other producer's");

    let order_id = accepted["order"]["id"].as_i64().unwrap();
    let code = accepted["order"]["code"].as_str().unwrap();
    let (status, qr) = app.get_json_as(&format!("/api/v1/orders/{order_id}/vietqr"), &buyer).await;
    assert_eq!((status, qr["amount_vnd"].as_i64()), (200, Some(deposit)), "the QR asks for the deposit: {qr}");
    assert_eq!(bank_transfer(&app, 7001, code, deposit).await, "paid");
    let (_, order) = app.get_json_as(&format!("/api/v1/orders/{order_id}"), &buyer).await;
    assert_eq!((order["status"].as_str(), order["paid_vnd"].as_i64()), (Some("paid"), Some(deposit)), "{order}");
    assert_eq!(order["items"][0]["unit"], "kg");
    assert_eq!(order["items"][0]["price_vnd"], 350_000);
    let (_, qr) = app.get_json_as(&format!("/api/v1/orders/{order_id}/vietqr"), &buyer).await;
    assert_eq!(qr["amount_vnd"], total - deposit, "then the balance");
    assert_eq!(bank_transfer(&app, 7002, code, total - deposit).await, "paid", "the balance needs no review");
    let (_, desk) = app.get_json_as("/api/v1/orders", &first_seller).await;
    assert!(desk.to_string().contains(code), "the seller sees the order on its desk");
    let stock =
        dacsan::catalog::store::find_by_id(&app.state.db, two["product_id"].as_i64().unwrap()).await.unwrap().unwrap();
    assert_eq!(stock.stock, 40, "made to order: the shop's retail stock is untouched");
}

async fn bank_transfer(app: &TestApp, id: i64, code: &str, amount: i64) -> String {
    let body = json!({"id": id, "gateway": "Vietcombank", "transactionDate": "2026-11-25 10:00:00",
        "accountNumber": "0011002233445", "subAccount": null, "code": null, "content": format!("{code} chuyen tien"),
        "transferType": "in", "transferAmount": amount, "accumulated": 0, "referenceCode": format!("FT{id}"),
        "description": code});
    let response = app
        .api
        .post(app.url("/api/v1/payments/bank-webhook"))
        .header("authorization", format!("Apikey {WEBHOOK_KEY}"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let answer: Value = response.json().await.unwrap();
    answer["outcome"].as_str().unwrap_or_default().to_string()
}

#[tokio::test]
async fn expired_withdrawn_and_declined_quotes_are_refused_with_the_reason() {
    let app = spawn_app().await;
    let ((first, _, first_seller), (second, _, second_seller)) = two_tea_producers(&app).await;
    let (_, buyer) = business_buyer(&app).await;
    let rfq = post_rfq(&app, &buyer, &rfq_body()).await;
    let quotes_path = format!("/api/v1/rfqs/{}/quotes", rfq["id"]);
    let (_, quote) = app
        .send_json(Method::POST, &quotes_path, Some(&first_seller), &quote_body(first, &[(100, 380_000)], 100, 3))
        .await;
    sqlx::query("UPDATE quote_revisions SET valid_until = '2020-01-01' WHERE quote_id = $1")
        .bind(quote["id"].as_i64().unwrap())
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let accept = format!("/api/v1/quotes/{}/accept", quote["id"]);
    let (status, answer) = app.send_json(Method::POST, &accept, Some(&buyer), &json!({"quantity": 600})).await;
    assert_eq!(status, 409);
    assert!(answer.to_string().contains("expired"), "{answer}");
    let (status, _) =
        app.send_json(Method::POST, &quotes_path, Some(&first_seller), &quote_body(first, &[(100, 1)], 100, 3)).await;
    assert_eq!(status, 409, "an expired quote is not revised");
    let (_, listed) = app.get_json_as(&quotes_path, &buyer).await;
    assert_eq!(listed[0]["state"], "expired");

    let (_, second_quote) =
        app.send_json(Method::POST, &quotes_path, Some(&second_seller), &quote_body(second, &[(100, 1)], 100, 3)).await;
    let (status, withdrawn) = app
        .send_json(
            Method::POST,
            &format!("/api/v1/quotes/{}/withdraw", second_quote["id"]),
            Some(&second_seller),
            &json!({}),
        )
        .await;
    assert_eq!((status, withdrawn["status"].as_str()), (200, Some("withdrawn")));
    let (status, _) = app
        .send_json(
            Method::POST,
            &format!("/api/v1/quotes/{}/accept", second_quote["id"]),
            Some(&buyer),
            &json!({"quantity": 600}),
        )
        .await;
    assert_eq!(status, 409, "a withdrawn quote cannot be accepted");

    let decline = format!("/api/v1/rfqs/{}/decline", rfq["id"]);
    let no = json!({"producer_id": second, "reason": "Hết hàng vụ này"});
    let (status, _) = app.send_json(Method::POST, &decline, Some(&second_seller), &no).await;
    assert_eq!(status, 204);
    let (status, _) = app.send_json(Method::POST, &decline, Some(&second_seller), &no).await;
    assert_eq!(status, 409);
    let (_, declines) = app.get_json_as(&format!("/api/v1/rfqs/{}/declines", rfq["id"]), &buyer).await;
    assert_eq!(declines[0]["reason"], "Hết hàng vụ này");
}

#[tokio::test]
async fn supply_offers_tell_followers_and_an_rfq_answers_one() {
    let app = spawn_app().await;
    let ((first, _, first_seller), _) = two_tea_producers(&app).await;
    let (follower, buyer) = business_buyer(&app).await;
    let (status, follows) =
        app.send_json(Method::POST, "/api/v1/me/follows", Some(&buyer), &json!({"set_code": "che"})).await;
    assert_eq!((status, follows.as_array().map(Vec::len)), (200, Some(1)));
    let (status, _) =
        app.send_json(Method::POST, "/api/v1/me/follows", Some(&buyer), &json!({"set_code": "khong-co"})).await;
    assert_eq!(status, 422);
    let offer = json!({"producer_id": first, "set_code": "che", "title": "Chè Shan tuyết vụ xuân 2027",
        "quantity": 2_000, "unit": "kg", "unit_price_vnd": 340_000, "min_quantity": 100, "available_from": in_days(60)});
    let (status, posted) = app.send_json(Method::POST, "/api/v1/offers", Some(&first_seller), &offer).await;
    assert_eq!(status, 201, "{posted}");
    let (status, _) = app.send_json(Method::POST, "/api/v1/offers", Some(&buyer), &offer).await;
    assert_eq!(status, 403, "only the producer's sellers offer its goods");
    let (_, listed) = app.get_json("/api/v1/offers?set=che").await;
    assert_eq!(listed[0]["id"], posted["id"]);
    // Go Export: the English board gives offers a dollar figure once the admin set a rate.
    let (_, _, admin) = app.user(Role::Admin, None).await;
    let rate = json!({"vnd_per_usd": 25_450});
    let (status, _) = app.send_json(Method::PUT, "/api/v1/admin/exchange-rates/usd", Some(&admin), &rate).await;
    assert_eq!(status, 200);
    let (_, vietnamese) = app.page("/trade").await;
    assert!(
        vietnamese.contains("Chè Shan tuyết vụ xuân 2027") && !vietnamese.contains("US$"),
        "đồng only in Vietnamese"
    );
    app.browser.get(app.url("/lang/en?back=/")).send().await.unwrap();
    let (_, english) = app.page("/trade").await;
    assert!(english.contains("≈ US$13.36"), "340 000 ₫ at 25 450 ₫/US$ on the English board");
    app.browser.get(app.url("/lang/vi?back=/")).send().await.unwrap();
    let told: (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND subject LIKE '%supply offer%'")
            .bind(follower)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(told.0, 1, "the follower is told");

    let (status, _) =
        app.send_json(Method::POST, "/api/v1/me/follows", Some(&buyer), &json!({"province_code": "08"})).await;
    assert_eq!(status, 200);
    let tea = app.producer().name("HTX Chè Hoàng Su Phì").place("08", "00769").create().await;
    app.product(tea.id).name("Chè Shan tuyết Hoàng Su Phì", "Hoang Su Phi tea").create().await;
    assert!(dacsan::trade::service::announce_new_products(&app.state.db).await.unwrap() >= 1);
    assert_eq!(dacsan::trade::service::announce_new_products(&app.state.db).await.unwrap(), 0, "once per product");
    let told: (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND subject LIKE '%Hoàng Su Phì%'")
            .bind(follower)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(told.0, 1, "a new product in a followed set and province: told once, not once per follow");

    let mut answer = rfq_body();
    answer["offer_id"] = posted["id"].clone();
    let rfq = post_rfq(&app, &buyer, &answer).await;
    assert_eq!(rfq["offer_id"], posted["id"]);
}

#[tokio::test]
async fn the_office_sees_requests_deals_and_flows_of_its_province() {
    let app = spawn_app().await;
    let ((first, _, first_seller), _) = two_tea_producers(&app).await;
    let (_, buyer) = business_buyer(&app).await;
    let rfq = post_rfq(&app, &buyer, &rfq_body()).await;
    let unanswered = post_rfq(&app, &buyer, &rfq_body()).await;
    let (_, quote) = app
        .send_json(
            Method::POST,
            &format!("/api/v1/rfqs/{}/quotes", rfq["id"]),
            Some(&first_seller),
            &quote_body(first, &[(100, 380_000)], 100, 10),
        )
        .await;
    let (status, _) = app
        .send_json(
            Method::POST,
            &format!("/api/v1/quotes/{}/accept", quote["id"]),
            Some(&buyer),
            &json!({"quantity": 200}),
        )
        .await;
    assert_eq!(status, 201);

    let (_, _, lai_chau_officer) = app.officer(&["12"]).await;
    let (status, figures) = app.get_json_as("/api/v1/programme/trade?province=12", &lai_chau_officer).await;
    assert_eq!(status, 200, "{figures}");
    assert_eq!(figures["requests"], 2);
    assert_eq!(figures["quotes"], 1);
    assert_eq!((figures["deals"].as_i64(), figures["deal_value_vnd"].as_i64()), (Some(1), Some(200 * 380_000)));
    assert_eq!(figures["flows"][0]["from_province_code"], "12");
    assert_eq!(figures["flows"][0]["to_province_code"], "01");
    assert_eq!(figures["by_set"][0]["set_code"], "che");
    assert_eq!(figures["unanswered"][0]["rfq_id"], unanswered["id"]);
    assert_eq!(figures["unanswered"][0]["silent_producers"][0]["id"], first);
    let (status, _) = app.get_json_as("/api/v1/programme/trade?province=08", &lai_chau_officer).await;
    assert_eq!(status, 403, "not this officer's province");
    let (status, _) = app.get_json_as("/api/v1/programme/trade", &buyer).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn business_buyers_pay_the_wholesale_price_they_reach_and_others_the_list_price() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    app.payment_account(producer.id).await;
    let product = app.product(producer.id).price(100_000).stock(500).create().await;
    let (_, _, seller) = app.user(Role::Seller, Some(producer.id)).await;
    let path = format!("/api/v1/products/{}", product.id);

    let bad = json!({"wholesale_breaks": [{"min_quantity": 1, "unit_price_vnd": 120_000},
        {"min_quantity": 50, "unit_price_vnd": 90_000}, {"min_quantity": 40, "unit_price_vnd": 95_000}]});
    let (status, errors) = app.send_json(Method::PATCH, &path, Some(&seller), &bad).await;
    assert_eq!(status, 422, "{errors}");
    for field in
        ["wholesale_breaks[0].min_quantity", "wholesale_breaks[0].unit_price_vnd", "wholesale_breaks[2].min_quantity"]
    {
        assert!(errors.to_string().contains(field), "{field}: {errors}");
    }
    let breaks = json!({"wholesale_breaks": [{"min_quantity": 20, "unit_price_vnd": 90_000},
        {"min_quantity": 100, "unit_price_vnd": 80_000}]});
    let (status, saved) = app.send_json(Method::PATCH, &path, Some(&seller), &breaks).await;
    assert_eq!(status, 200, "{saved}");
    let (_, read) = app.get_json(&path).await;
    assert_eq!(read["wholesale_breaks"], breaks["wholesale_breaks"]);
    assert_eq!(read["wholesale_min_quantity"], 20);
    let (_, html) = app.page(&format!("/p/{}", product.slug)).await;
    assert!(html.contains("Giá sỉ cho doanh nghiệp") && html.contains("80.000"), "shown on the product page");

    let (_, _, retail) = app.user(Role::Buyer, None).await;
    let (_, business) = business_buyer(&app).await;
    let subtotal = |placed: &Value| placed["orders"][0]["subtotal_vnd"].as_i64();
    let cases = [
        (&retail, 100, 10_000_000),
        (&business, 19, 1_900_000),
        (&business, 20, 1_800_000),
        (&business, 150, 12_000_000),
    ];
    for (token, quantity, expected) in cases {
        let body = crate::orders::checkout_body(&[(product.id, quantity)], "vietqr");
        let (status, placed) = app.send_json(Method::POST, "/api/v1/checkout", Some(token), &body).await;
        assert_eq!(status, 201, "{placed}");
        assert_eq!(subtotal(&placed), Some(expected), "{quantity} units: {placed}");
    }
    let quote = json!({"items": [{"product_id": product.id, "quantity": 100}],
        "shipping": {"province_code": "01", "commune_code": "00004"}});
    let (status, quoted) = app.send_json(Method::POST, "/api/v1/checkout/quote", Some(&business), &quote).await;
    assert_eq!((status, quoted["orders"][0]["subtotal_vnd"].as_i64()), (200, Some(8_000_000)), "{quoted}");
    let (_, quoted) = app.send_json(Method::POST, "/api/v1/checkout/quote", None, &quote).await;
    assert_eq!(quoted["orders"][0]["subtotal_vnd"], 10_000_000, "a guest pays the list price");

    // A business account's cart shows the wholesale price and the next break.
    let (_, email, token) = app.user(Role::Buyer, None).await;
    let profile = json!({"name": "Siêu thị Hải Phòng", "tax_code": "0201234567", "address": "Lê Chân, Hải Phòng",
        "contact_phone": "0912 345 678"});
    let (status, _) = app.send_json(Method::PUT, "/api/v1/me/business", Some(&token), &profile).await;
    assert_eq!(status, 200);
    app.sign_in(&email, "password-123").await;
    let (status, _, _) =
        app.post_form("/cart/add", &[("product_id", &product.id.to_string()), ("quantity", "25")]).await;
    assert_eq!(status, 303);
    let (_, cart) = app.page("/cart").await;
    assert!(cart.contains("2.250.000"), "25 × 90 000: {cart}");
    assert!(cart.contains("Giá sỉ từ 100"), "the next break is pointed out");
}

#[tokio::test]
async fn go_export_facts_and_the_admins_dollar_rate_reach_the_english_product_page() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let product = app.product(producer.id).price(250_000).create().await;
    let (_, _, seller) = app.user(Role::Seller, Some(producer.id)).await;
    let (_, _, admin) = app.user(Role::Admin, None).await;
    let path = format!("/api/v1/products/{}", product.id);

    let bad = json!({"hs_code": "0902", "shelf_life_days": 9000, "export_markets": ["JP", "XX"],
        "certifications": ["x".repeat(61)]});
    let (status, errors) = app.send_json(Method::PATCH, &path, Some(&seller), &bad).await;
    assert_eq!(status, 422, "{errors}");
    for field in ["hs_code", "shelf_life_days", "export_markets", "certifications"] {
        assert!(errors.to_string().contains(&format!("\"{field}\"")), "{field}: {errors}");
    }
    assert!(errors.to_string().contains("XX"), "the bad country is quoted: {errors}");
    let facts = json!({"hs_code": "0902.30.10", "shelf_life_days": 540, "export_markets": ["jp", "US"],
        "certifications": ["VietGAP", "HACCP"], "unit_en": "box of 200 g",
        "description_en": "Sun-withered buds of **ancient** Shan tuyet trees."});
    let (status, saved) = app.send_json(Method::PATCH, &path, Some(&seller), &facts).await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["hs_code"], "09023010");
    assert_eq!(saved["hs_heading_suggested"], "0902", "tea: the set's heading");
    assert_eq!(saved["export_markets"], json!(["JP", "US"]));
    assert!(saved["indicative_usd"].is_null(), "no rate set yet");

    let rate = json!({"vnd_per_usd": 25_450});
    let (status, _) = app.send_json(Method::PUT, "/api/v1/admin/exchange-rates/usd", Some(&seller), &rate).await;
    assert_eq!(status, 403, "only admins set the rate");
    let silly = json!({"vnd_per_usd": 25});
    let (status, answer) = app.send_json(Method::PUT, "/api/v1/admin/exchange-rates/usd", Some(&admin), &silly).await;
    assert_eq!(status, 422, "{answer}");
    let (status, set) = app.send_json(Method::PUT, "/api/v1/admin/exchange-rates/usd", Some(&admin), &rate).await;
    assert_eq!((status, set["vnd_per_usd"].as_i64()), (200, Some(25_450)), "{set}");
    let (_, rates) = app.get_json("/api/v1/exchange-rates").await;
    assert_eq!(rates[0]["currency"], "USD");
    let (_, read) = app.get_json(&path).await;
    assert_eq!(read["indicative_usd"], "US$9.82", "250 000 ₫ at 25 450 ₫/US$");

    let (_, vietnamese) = app.page(&format!("/p/{}", product.slug)).await;
    assert!(vietnamese.contains("0902.30.10") && vietnamese.contains("JP — Japan"), "export facts shown");
    assert!(!vietnamese.contains("US$"), "Vietnamese pages stay in đồng");
    app.browser.get(app.url("/lang/en?back=/")).send().await.unwrap();
    let (_, english) = app.page(&format!("/p/{}", product.slug)).await;
    assert!(english.contains("US$9.82") && english.contains("box of 200 g"), "dollars and the English unit");
    assert!(english.contains("<strong>ancient</strong>"), "the English description");
    assert!(english.len() < 40 * 1024, "the English product page stays small: {} bytes", english.len());
    let (_, search) = app.page("/search?q=che").await;
    assert!(search.contains("≈ US$9.82"), "cards show the figure too");

    let story = json!({"story_en": "Ancient **Shan tuyet** trees on the Sin Ho plateau."});
    let (status, saved) =
        app.send_json(Method::PATCH, &format!("/api/v1/producers/{}", producer.id), Some(&seller), &story).await;
    assert_eq!(status, 200, "{saved}");
    let (_, store) = app.page(&format!("/s/{}", producer.slug)).await;
    assert!(store.contains("Ancient <strong>Shan tuyet</strong> trees"), "the storefront tells its story in English");

    // A browser abroad gets English before any choice; Vietnamese browsers keep Vietnamese.
    let abroad = app.api.get(app.url(&format!("/p/{}", product.slug))).header("accept-language", "ja-JP,ja;q=0.9");
    let html = abroad.send().await.unwrap().text().await.unwrap();
    assert!(html.contains("<html lang=\"en\">") && html.contains("US$9.82"), "English for a buyer abroad");
    let home = app.api.get(app.url("/")).header("accept-language", "vi-VN,vi;q=0.9,en;q=0.8");
    assert!(home.send().await.unwrap().text().await.unwrap().contains("<html lang=\"vi\">"));
}

/// Uploads a file to a quote: (status, answer).
async fn attach(app: &TestApp, quote_id: &Value, token: &str, title: &str, bytes: Vec<u8>) -> (u16, Value) {
    let form = reqwest::multipart::Form::new()
        .text("title", title.to_string())
        .part("file", reqwest::multipart::Part::bytes(bytes).file_name("file.pdf"));
    let url = app.url(&format!("/api/v1/quotes/{quote_id}/attachments"));
    let response = app.api.post(url).bearer_auth(token).multipart(form).send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_producer_attaches_test_results_that_only_the_quotes_parties_read() {
    let app = spawn_app().await;
    let ((first, _, first_seller), (_, _, second_seller)) = two_tea_producers(&app).await;
    let (_, buyer) = business_buyer(&app).await;
    let rfq = post_rfq(&app, &buyer, &rfq_body()).await;
    let quotes_path = format!("/api/v1/rfqs/{}/quotes", rfq["id"]);
    let (_, quote) = app
        .send_json(Method::POST, &quotes_path, Some(&first_seller), &quote_body(first, &[(100, 390_000)], 100, 10))
        .await;
    let pdf = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".to_vec();

    let (status, answer) =
        attach(&app, &quote["id"], &first_seller, "Phiếu kiểm nghiệm", b"MZ not a pdf".to_vec()).await;
    assert_eq!(status, 422, "{answer}");
    assert!(answer.to_string().contains("PDF"), "says what is taken: {answer}");
    let (status, answer) = attach(&app, &quote["id"], &first_seller, " ", pdf.clone()).await;
    assert_eq!(status, 422, "a title is needed: {answer}");
    let (status, _) = attach(&app, &quote["id"], &second_seller, "x", pdf.clone()).await;
    assert_eq!(status, 404, "another producer cannot see the quote, let alone add to it");
    let (status, _) = attach(&app, &quote["id"], &buyer, "x", pdf.clone()).await;
    assert_eq!(status, 403, "the buyer reads, the producer adds");
    let (status, file) = attach(&app, &quote["id"], &first_seller, "Phiếu kiểm nghiệm dư lượng", pdf.clone()).await;
    assert_eq!(status, 201, "{file}");
    assert_eq!(file["content_type"], "application/pdf");
    for n in 2..=5 {
        let (status, _) = attach(&app, &quote["id"], &first_seller, &format!("Tệp {n}"), pdf.clone()).await;
        assert_eq!(status, 201);
    }
    let (status, answer) = attach(&app, &quote["id"], &first_seller, "Tệp 6", pdf.clone()).await;
    assert_eq!(status, 409, "five per quote: {answer}");

    let (_, read) = app.get_json_as(&format!("/api/v1/quotes/{}", quote["id"]), &buyer).await;
    assert_eq!(read["attachments"].as_array().map(Vec::len), Some(5), "{read}");
    let url = app.url(file["url"].as_str().unwrap());
    let response = app.api.get(&url).bearer_auth(&buyer).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert_eq!(response.headers()["content-security-policy"], "sandbox");
    assert_eq!(response.bytes().await.unwrap().to_vec(), pdf, "the same bytes back");
    let (_, _, stranger) = app.user(Role::Buyer, None).await;
    assert_eq!(app.api.get(&url).bearer_auth(&stranger).send().await.unwrap().status(), 404);
    assert_eq!(app.api.get(&url).bearer_auth(&second_seller).send().await.unwrap().status(), 404);

    let (status, _) = app
        .send_json(Method::POST, &format!("/api/v1/quotes/{}/withdraw", quote["id"]), Some(&first_seller), &json!({}))
        .await;
    assert_eq!(status, 200);
    let (_, _, seller_again) = app.user(Role::Seller, Some(first)).await;
    let (status, answer) = attach(&app, &quote["id"], &seller_again, "Muộn", pdf).await;
    assert_eq!(status, 409, "a withdrawn quote takes no more files: {answer}");
}

#[tokio::test]
async fn an_officer_enters_a_fairs_lead_that_the_business_claims_by_its_tax_code() {
    let app = spawn_app().await;
    let ((first, _, first_seller), _) = two_tea_producers(&app).await;
    let (_, _, officer) = app.officer(&["12"]).await;
    let (_, _, other_officer) = app.officer(&["08"]).await;
    let fair = json!({"name": "Hội chợ OCOP Lai Châu", "kind": "fair", "starts_on": in_days(0)});
    let (status, fair) =
        app.send_json(Method::POST, "/api/v1/programme/fairs?province=12", Some(&officer), &fair).await;
    assert_eq!(status, 201, "{fair}");
    let lead = |phone: &str| {
        let mut body = rfq_body();
        body["fair_lead"] = json!({"fair_id": fair["id"], "name": "Công ty CP Thực phẩm Hải Phòng",
            "phone": phone, "tax_code": "0201234567"});
        body
    };
    let (status, errors) = app.send_json(Method::POST, "/api/v1/rfqs", Some(&officer), &lead("12")).await;
    assert_eq!(status, 422, "{errors}");
    assert!(errors.to_string().contains("fair_lead.phone"), "{errors}");
    let (status, _) = app.send_json(Method::POST, "/api/v1/rfqs", Some(&other_officer), &lead("0912 345 678")).await;
    assert_eq!(status, 403, "another province's officer");
    let (status, _) = app.send_json(Method::POST, "/api/v1/rfqs", Some(&first_seller), &lead("0912 345 678")).await;
    assert_eq!(status, 403, "sellers do not enter leads");
    let rfq = post_rfq(&app, &officer, &lead("0912 345 678")).await;
    assert_eq!(rfq["fair_id"], fair["id"]);
    assert_eq!(rfq["matched_producers"], 2, "{rfq}");

    let path = format!("/api/v1/rfqs/{}", rfq["id"]);
    let (_, seen) = app.get_json_as(&path, &first_seller).await;
    assert_eq!(seen["buyer_name"], "Công ty CP Thực phẩm Hải Phòng", "producers see whom to call");
    assert_eq!(seen["lead_phone"], "+84912345678");
    let (_, public) = app.get_json(&path).await;
    assert!(public["lead_phone"].is_null() && public["buyer_name"].is_null(), "not the public: {public}");

    let quotes_path = format!("{path}/quotes");
    let (_, quote) = app
        .send_json(Method::POST, &quotes_path, Some(&first_seller), &quote_body(first, &[(100, 380_000)], 100, 10))
        .await;
    let accept = format!("/api/v1/quotes/{}/accept", quote["id"]);
    let (status, answer) = app.send_json(Method::POST, &accept, Some(&officer), &json!({"quantity": 600})).await;
    assert_eq!(status, 409, "the business accepts, once it claims: {answer}");

    let claim = format!("{path}/claim");
    let (_, other_business) = business_buyer(&app).await;
    let (status, answer) = app.send_json(Method::POST, &claim, Some(&other_business), &json!({})).await;
    assert_eq!(status, 409, "another tax code: {answer}");
    let (_, _, token) = app.user(Role::Buyer, None).await;
    let profile = json!({"name": "Công ty CP Thực phẩm Hải Phòng", "tax_code": "0201234567",
        "address": "Lê Chân, Hải Phòng", "contact_phone": "0912 345 678"});
    app.send_json(Method::PUT, "/api/v1/me/business", Some(&token), &profile).await;
    let (status, claimed) = app.send_json(Method::POST, &claim, Some(&token), &json!({})).await;
    assert_eq!(status, 200, "{claimed}");
    assert!(claimed["claimed_at"].is_string());
    let (status, _) = app.send_json(Method::POST, &claim, Some(&token), &json!({})).await;
    assert_eq!(status, 409, "claimed once");
    let (status, accepted) =
        app.send_json(Method::POST, &accept, Some(&token), &json!({"quantity": 600, "payment_method": "cod"})).await;
    assert_eq!(status, 201, "the business's own request now: {accepted}");
    let (_, figures) = app.get_json_as("/api/v1/programme/trade?province=12", &officer).await;
    assert!(figures.to_string().contains("deals"), "{figures}");
}

#[tokio::test]
async fn a_quote_left_to_the_carriers_is_priced_for_the_accepted_quantity_and_books_that_carrier() {
    let app = spawn_app().await;
    let ((producer, _, seller), _) = two_tea_producers(&app).await;
    let (_, buyer) = business_buyer(&app).await;
    let mut small = rfq_body();
    small["quantity"] = json!(40);
    small["unit"] = json!("hộp");
    let rfq = post_rfq(&app, &buyer, &small).await;
    let quotes_path = format!("/api/v1/rfqs/{}/quotes", rfq["id"]);

    let mut both = quote_body(producer, &[(20, 95_000)], 20, 10);
    both["delivery_vnd"] = json!(200_000);
    both["carrier_unit_weight_g"] = json!(250);
    let (status, errors) = app.send_json(Method::POST, &quotes_path, Some(&seller), &both).await;
    assert_eq!(status, 422, "a delivery price or the carriers', not both: {errors}");
    assert_eq!(errors["errors"][0]["field"], "carrier_unit_weight_g");
    let mut by_carrier = quote_body(producer, &[(20, 95_000)], 20, 10);
    by_carrier["carrier_unit_weight_g"] = json!(250);
    let (status, quote) = app.send_json(Method::POST, &quotes_path, Some(&seller), &by_carrier).await;
    assert_eq!(status, 201, "{quote}");

    // 40 boxes of 250 g from Lai Châu to Hà Nội: the cheapest carrier, in the total.
    let (_, compared) = app.get_json_as(&quotes_path, &buyer).await;
    let estimate = &compared[0]["delivery_estimate"];
    let fee = estimate["fee_vnd"].as_i64().expect("an estimate");
    assert!(fee > 0 && estimate["kind"] == "carrier", "{compared}");
    assert_eq!(compared[0]["latest"]["carrier_unit_weight_g"], 250);
    assert_eq!(compared[0]["total_at_quantity_vnd"], 40 * 95_000 + fee);

    let accept = format!("/api/v1/quotes/{}/accept", quote["id"]);
    let (status, refused) = app
        .send_json(Method::POST, &accept, Some(&buyer), &json!({"quantity": 40, "delivery_option": "boat:river"}))
        .await;
    assert_eq!(status, 422, "an option not offered is named: {refused}");
    assert_eq!(refused["errors"][0]["field"], "delivery_option");
    assert!(refused["errors"][0]["message"].as_str().unwrap().contains(estimate["id"].as_str().unwrap()));

    // Accepting more boxes prices the larger parcel.
    let (status, accepted) = app.send_json(Method::POST, &accept, Some(&buyer), &json!({"quantity": 120})).await;
    assert_eq!(status, 201, "{accepted}");
    let order = &accepted["order"];
    let shipping = order["shipping_vnd"].as_i64().unwrap();
    assert!(shipping > fee, "120 boxes cost more to carry than 40: {shipping} vs {fee}");
    assert_eq!(order["total_vnd"], 120 * 95_000 + shipping);
    let (_, full) = app.get_json_as(&format!("/api/v1/orders/{}", order["id"]), &buyer).await;
    assert_eq!(full["delivery"]["option"], estimate["id"], "the order books the carrier it was priced with: {full}");
    assert!(full["delivery"]["weight_g"].as_i64().unwrap() >= 30_000, "{full}");
}

#[tokio::test]
async fn a_parcel_no_carrier_takes_is_refused_with_the_reason() {
    let app = spawn_app().await;
    let ((producer, _, seller), _) = two_tea_producers(&app).await;
    let (_, email, buyer) = business_buyer_signing_in(&app).await;
    let rfq = post_rfq(&app, &buyer, &rfq_body()).await;
    let quotes_path = format!("/api/v1/rfqs/{}/quotes", rfq["id"]);
    let mut by_carrier = quote_body(producer, &[(100, 380_000)], 100, 10);
    by_carrier["carrier_unit_weight_g"] = json!(1000);
    let (status, quote) = app.send_json(Method::POST, &quotes_path, Some(&seller), &by_carrier).await;
    assert_eq!(status, 201, "{quote}");

    let (_, compared) = app.get_json_as(&quotes_path, &buyer).await;
    assert_eq!(compared[0]["delivery_estimate"], Value::Null, "600 kg is no parcel: {compared}");
    assert_eq!(compared[0]["total_at_quantity_vnd"], Value::Null);
    app.sign_in(&email, "password-123").await;
    let (status, page) = app.page(&format!("/trade/rfqs/{}", rfq["id"])).await;
    assert_eq!(status, 200);
    assert!(page.contains("ask the producer") || page.contains("hỏi người bán"), "the page says so");

    let accept = format!("/api/v1/quotes/{}/accept", quote["id"]);
    let (status, refused) = app.send_json(Method::POST, &accept, Some(&buyer), &json!({"quantity": 600})).await;
    assert_eq!(status, 409, "{refused}");
    assert_eq!(refused["errors"][0]["field"], "delivery");
    assert!(refused["detail"].as_str().unwrap().contains("600,1 kg"), "600 kg and its packing: {refused}");
    assert!(refused["detail"].as_str().unwrap().contains("kg"), "{refused}");
}
