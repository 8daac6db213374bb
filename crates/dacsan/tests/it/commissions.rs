//! Hosts' and affiliates' commissions: an affiliate's own code, the rates producers
//! set (a product's over the producer's), frozen on the order lines at checkout, and
//! the monthly statements of the host and of the producer (delivered, not refunded;
//! no buyer's details), as JSON, workbook, PDF and pages.

use dacsan::auth::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};
use crate::orders::{checkout_body, two_stores};

/// Takes a cash-on-delivery order to the buyer's door.
async fn deliver(app: &TestApp, order_id: &Value, seller: &str) {
    let path = format!("/api/v1/orders/{order_id}/transitions");
    for step in [
        json!({"to": "packed"}),
        json!({"to": "shipped", "carrier": "VNPost", "tracking_no": "EK123456789VN"}),
        json!({"to": "delivered"}),
    ] {
        let (status, answer) = app.send_json(Method::POST, &path, Some(seller), &step).await;
        assert_eq!(status, 200, "{step}: {answer}");
    }
}

async fn place(app: &TestApp, items: &[(i64, i64)], code: &str) -> Vec<Value> {
    let mut body = checkout_body(items, "cod");
    body["referral_code"] = json!(code);
    let (status, placed) = app.send_json(Method::POST, "/api/v1/checkout", None, &body).await;
    assert_eq!(status, 201, "{placed}");
    placed["orders"].as_array().unwrap().clone()
}

fn this_month() -> String {
    let today = dacsan::db::today_vn();
    format!("{:04}-{:02}", today.year(), today.month() as u8)
}

#[tokio::test]
async fn an_affiliate_earns_the_rates_its_producers_set_on_delivered_orders() {
    let app = spawn_app().await;
    let (tea, honey) = two_stores(&app).await;
    let tea_bags = app.product(tea.producer_id).name("Chè túi lọc", "Tea bags").price(100_000).stock(10).create().await;
    let (_, _, tea_seller) = app.user(Role::Seller, Some(tea.producer_id)).await;
    let (_, _, honey_seller) = app.user(Role::Seller, Some(honey.producer_id)).await;
    let (affiliate, _, affiliate_token) = app.user(Role::Buyer, None).await;

    let (status, me) = app.send_json(Method::POST, "/api/v1/affiliates/me", Some(&affiliate_token), &json!({})).await;
    assert_eq!(status, 201, "{me}");
    let code = me["referral_code"].as_str().unwrap().to_string();
    assert_eq!(code.len(), 8, "eight characters: never a session's six");
    assert!(me["example_link"].as_str().unwrap().ends_with(&format!("/?ref={code}")));
    let (status, again) =
        app.send_json(Method::POST, "/api/v1/affiliates/me", Some(&affiliate_token), &json!({})).await;
    assert_eq!((status, again["referral_code"].as_str()), (200, Some(code.as_str())), "one code per account");

    let rates = format!("/api/v1/producers/{}/commission-rates", tea.producer_id);
    for (body, status, field) in [
        (json!({"host_user_id": affiliate, "rate_bp": 6000}), 422, "rate_bp"),
        (json!({"host_user_id": affiliate, "product_id": honey.id, "rate_bp": 500}), 422, "product_id"),
        (json!({"host_user_id": 999_999, "rate_bp": 500}), 422, "host_user_id"),
    ] {
        let (got, answer) = app.send_json(Method::PUT, &rates, Some(&tea_seller), &body).await;
        assert_eq!(got, status, "{body}: {answer}");
        assert!(answer.to_string().contains(field), "{answer}");
    }
    let all_products = json!({"host_user_id": affiliate, "rate_bp": 1000});
    let (status, _) = app.send_json(Method::PUT, &rates, Some(&honey_seller), &all_products).await;
    assert_eq!(status, 403, "another producer's sellers set nothing here");
    let (status, _) = app.send_json(Method::PUT, &rates, Some(&tea_seller), &all_products).await;
    assert_eq!(status, 200);
    let tea_only = json!({"host_user_id": affiliate, "product_id": tea.id, "rate_bp": 500});
    let (status, list) = app.send_json(Method::PUT, &rates, Some(&tea_seller), &tea_only).await;
    assert_eq!((status, list.as_array().map(Vec::len)), (200, Some(2)), "{list}");

    let orders = place(&app, &[(tea.id, 2), (tea_bags.id, 1), (honey.id, 1)], &code.to_lowercase()).await;
    for order in &orders {
        assert_eq!(order["attributed_to"]["host_user_id"], affiliate, "{order}");
        assert!(order["attributed_to"]["session_id"].is_null(), "an affiliate's code names no session");
    }
    // A later change of rate does not reach orders already placed.
    let (status, _) = app
        .send_json(Method::PUT, &rates, Some(&tea_seller), &json!({"host_user_id": affiliate, "rate_bp": 2000}))
        .await;
    assert_eq!(status, 200);
    let of = |producer: i64| orders.iter().find(|o| o["producer_id"] == producer).unwrap().clone();
    deliver(&app, &of(tea.producer_id)["id"], &tea_seller).await;
    deliver(&app, &of(honey.producer_id)["id"], &honey_seller).await;

    let refunded = place(&app, &[(tea.id, 1)], &code).await;
    deliver(&app, &refunded[0]["id"], &tea_seller).await;
    let path = format!("/api/v1/orders/{}/transitions", refunded[0]["id"]);
    let (status, answer) =
        app.send_json(Method::POST, &path, Some(&tea_seller), &json!({"to": "refunded", "reason": "hàng vỡ"})).await;
    assert_eq!(status, 200, "{answer}");
    place(&app, &[(tea_bags.id, 1)], &code).await;

    let month = this_month();
    let (status, statement) =
        app.get_json_as(&format!("/api/v1/affiliates/me/statement?month={month}"), &affiliate_token).await;
    assert_eq!(status, 200, "{statement}");
    let lines = statement["orders"].as_array().unwrap();
    assert_eq!(lines.len(), 2, "delivered and not refunded: {statement}");
    let tea_line = lines.iter().find(|o| o["producer_id"] == tea.producer_id).unwrap();
    assert_eq!(tea_line["goods_vnd"], 600_000);
    assert_eq!(tea_line["commission_vnd"], 25_000 + 10_000, "5 % on the tea, 10 % on the tea bags");
    assert!(tea_line["rate_bp"].is_null(), "two rates on one order");
    let honey_line = lines.iter().find(|o| o["producer_id"] == honey.producer_id).unwrap();
    assert_eq!((honey_line["commission_vnd"].as_i64(), honey_line["lines_without_rate"].as_i64()), (Some(0), Some(1)));
    assert_eq!(
        (statement["goods_vnd"].as_i64(), statement["commission_vnd"].as_i64()),
        (Some(1_050_000), Some(35_000))
    );
    assert_eq!(
        (statement["pending_orders"].as_i64(), statement["pending_goods_vnd"].as_i64()),
        (Some(1), Some(100_000))
    );
    let text = statement.to_string();
    for personal in ["0987", "Hàng Bông", "Lan", "lan@example.vn"] {
        assert!(!text.contains(personal), "a host never sees the buyer: {personal}");
    }

    let (status, owed) =
        app.get_json_as(&format!("/api/v1/producers/{}/commissions?month={month}", tea.producer_id), &tea_seller).await;
    assert_eq!(status, 200, "{owed}");
    assert_eq!(owed["hosts"][0]["host_user_id"], affiliate);
    assert_eq!((owed["hosts"][0]["orders"].as_i64(), owed["commission_vnd"].as_i64()), (Some(1), Some(35_000)));
    let (status, _) =
        app.get_json_as(&format!("/api/v1/producers/{}/commissions", tea.producer_id), &honey_seller).await;
    assert_eq!(status, 403);

    let (status, answer) = app.get_json_as("/api/v1/affiliates/me/statement?month=2026-13", &affiliate_token).await;
    assert_eq!(status, 422, "{answer}");
    assert!(answer.to_string().contains("month"));
    let (status, earlier) = app.get_json_as("/api/v1/affiliates/me/statement?month=2020-01", &affiliate_token).await;
    assert_eq!((status, earlier["orders"].as_array().map(Vec::len)), (200, Some(0)));
    for (format, magic) in [("xlsx", &b"PK"[..]), ("pdf", &b"%PDF"[..])] {
        let response = app
            .api
            .get(app.url(&format!("/api/v1/affiliates/me/statement?month={month}&format={format}")))
            .bearer_auth(&affiliate_token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200);
        assert!(response.bytes().await.unwrap().starts_with(magic), "{format}");
    }

    let (status, data) = app.get_json_as("/api/v1/me/data", &affiliate_token).await;
    assert_eq!(status, 200);
    let held: Vec<&str> = data["affiliate"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(held.contains(&format!("referral code {code}").as_str()), "the affiliate's own data: {held:?}");
    assert!(held.iter().any(|h| h.starts_with("commission 5 % from")), "{held:?}");

    let rate_id = list[1]["id"].as_i64().unwrap();
    let path = format!("{rates}/{rate_id}");
    assert_eq!(app.send_json(Method::DELETE, &path, Some(&honey_seller), &json!({})).await.0, 403);
    assert_eq!(app.send_json(Method::DELETE, &path, Some(&tea_seller), &json!({})).await.0, 204);
    assert_eq!(app.send_json(Method::DELETE, &path, Some(&tea_seller), &json!({})).await.0, 404);
}

#[tokio::test]
async fn a_live_session_host_is_paid_on_the_sessions_orders() {
    let app = spawn_app().await;
    let (tea, _) = two_stores(&app).await;
    let (_, _, seller) = app.user(Role::Seller, Some(tea.producer_id)).await;
    let (host, _, host_token) = app.user(Role::Buyer, None).await;
    let now = time::OffsetDateTime::now_utc();
    let session = json!({"title": "Chè Shan tuyết mùa xuân", "platform": "tiktok", "stream_url": "https://www.tiktok.com/@htx/live",
        "starts_at": dacsan::db::time_text(now - time::Duration::minutes(5)),
        "ends_at": dacsan::db::time_text(now + time::Duration::hours(1)), "host_user_id": host,
        "items": [{"product_id": tea.id, "session_price_vnd": 200_000}]});
    let (status, created) = app.send_json(Method::POST, "/api/v1/live-sessions", Some(&seller), &session).await;
    assert_eq!(status, 201, "{created}");
    let rates = format!("/api/v1/producers/{}/commission-rates", tea.producer_id);
    let (status, _) =
        app.send_json(Method::PUT, &rates, Some(&seller), &json!({"host_user_id": host, "rate_bp": 750})).await;
    assert_eq!(status, 200);
    let orders = place(&app, &[(tea.id, 3)], created["referral_code"].as_str().unwrap()).await;
    deliver(&app, &orders[0]["id"], &seller).await;

    let (_, statement) =
        app.get_json_as(&format!("/api/v1/affiliates/me/statement?month={}", this_month()), &host_token).await;
    let line = &statement["orders"][0];
    assert_eq!(line["session_title"], "Chè Shan tuyết mùa xuân", "{statement}");
    assert_eq!((line["goods_vnd"].as_i64(), line["rate_bp"].as_i64()), (Some(600_000), Some(750)));
    assert_eq!(line["commission_vnd"], 45_000, "7.5 % of the goods at the session price");
}

#[tokio::test]
async fn a_producer_sets_a_rate_and_the_affiliate_reads_its_statement_on_pages() {
    let app = spawn_app().await;
    let (tea, _) = two_stores(&app).await;
    let (_, seller_email, _) = app.user(Role::Seller, Some(tea.producer_id)).await;
    let (_, affiliate_email, _) = app.user(Role::Buyer, None).await;

    app.sign_in(&affiliate_email, "password-123").await;
    let (status, html) = app.page("/account/affiliate").await;
    assert_eq!(status, 200);
    assert!(html.contains("action=\"/account/affiliate\""), "a button to get a code");
    let (status, location, _) = app.post_form("/account/affiliate", &[]).await;
    assert_eq!((status, location.as_str()), (303, "/account/affiliate"));
    let (_, html) = app.page("/account/affiliate").await;
    let code = html.split("id=\"affiliate-code\"><strong>").nth(1).unwrap().split('<').next().unwrap().to_string();
    assert_eq!(code.len(), 8, "{html}");
    assert!(html.contains(&format!("/?ref={code}")), "a link to share");

    app.sign_in(&seller_email, "password-123").await;
    let page = format!("/seller/producers/{}/commissions", tea.producer_id);
    let (status, html) = app.page(&page).await;
    assert_eq!(status, 200);
    assert!(html.contains("name=\"host_email\""));
    let (status, _, html) = app
        .post_form(&format!("{page}/rates"), &[("host_email", &affiliate_email), ("product_id", ""), ("rate", "80")])
        .await;
    assert_eq!(status, 422, "above the highest rate");
    assert!(html.contains("50 %"), "says the limit");
    let (status, _, html) = app
        .post_form(&format!("{page}/rates"), &[("host_email", "nobody@example.vn"), ("product_id", ""), ("rate", "5")])
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("nobody@example.vn"), "names the unknown account");
    let (status, location, _) = app
        .post_form(
            &format!("{page}/rates"),
            &[("host_email", &affiliate_email), ("product_id", &tea.id.to_string()), ("rate", "7,5")],
        )
        .await;
    assert_eq!((status, location.as_str()), (303, page.as_str()));
    let (_, html) = app.page(&page).await;
    assert!(html.contains("7,5 %"), "the rate as people read it");
    let response = app.browser.get(app.url(&format!("{page}.xlsx"))).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.bytes().await.unwrap().starts_with(b"PK"), "what the producer owes, as a workbook");

    app.sign_in(&affiliate_email, "password-123").await;
    let (_, html) = app.page("/account/affiliate").await;
    assert!(html.contains("7,5 %") && html.contains(&format!("?ref={code}")), "the rate and the product's link");
    let (status, _) = app.page("/account/affiliate?month=tháng-13").await;
    assert_eq!(status, 422);
    let response = app.browser.get(app.url("/account/affiliate/statement.pdf")).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.bytes().await.unwrap().starts_with(b"%PDF"));
}
