//! The data subject's rights: everything held downloaded, profile corrected,
//! consents as a ledger, the account erased (or held by an order on its way),
//! requests in the admins' inbox with their clocks, bulk exports logged.

use dacsan::auth::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};
use crate::orders::{checkout_body, two_stores};

/// A buyer with one cash-on-delivery order: (buyer id, e-mail, token, order).
async fn buyer_with_order(app: &TestApp) -> (i64, String, String, Value) {
    let (product, _) = two_stores(app).await;
    let (id, email, token) = app.user(Role::Buyer, None).await;
    let (status, placed) =
        app.send_json(Method::POST, "/api/v1/checkout", Some(&token), &checkout_body(&[(product.id, 2)], "cod")).await;
    assert_eq!(status, 201, "{placed}");
    (id, email, token, placed["orders"][0].clone())
}

#[tokio::test]
async fn a_buyer_downloads_everything_held_about_them() {
    let app = spawn_app().await;
    let (_, email, token, order) = buyer_with_order(&app).await;
    let (status, data) = app.get_json_as("/api/v1/me/data", &token).await;
    assert_eq!(status, 200, "{data}");
    assert_eq!(data["profile"]["email"], email.as_str());
    assert_eq!(data["orders"][0]["code"], order["code"]);
    assert_eq!(data["orders"][0]["items"][0]["quantity"], 2);
    assert_eq!(data["orders"][0]["ship_to"]["street"], "12 phố Hàng Bông");
    assert_eq!(data["addresses"].as_array().unwrap().len(), 1, "{data}");
    assert_eq!(data["consents"][0]["purpose"], "account", "the consent given on registration");
    assert_eq!(data["consents"][0]["source"], "register");
    assert_eq!(data["sessions"][0]["kind"], "api");
    assert!(data["sessions"][0].get("token").is_none() && data["sessions"][0].get("token_hash").is_none());
    assert!(!data["messages"].as_array().unwrap().is_empty(), "the order's message to the buyer");

    let response = app.api.get(app.url("/api/v1/me/data.xlsx")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let bytes = response.bytes().await.unwrap();
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let orders = book.worksheet_range("Đơn hàng - Orders").unwrap();
    assert_eq!(orders.rows().nth(1).unwrap()[0].to_string(), order["code"].as_str().unwrap());

    let (_, data) = app.get_json_as("/api/v1/me/data", &token).await;
    let kinds: Vec<&str> = data["requests"].as_array().unwrap().iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["access", "export"], "each download is logged");
    let (status, _) = app.get_json("/api/v1/me/data").await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn a_person_corrects_the_profile_and_a_bad_phone_is_named() {
    let app = spawn_app().await;
    let (_, _, token) = app.user(Role::Buyer, None).await;
    let (status, answer) = app
        .send_json(Method::PUT, "/api/v1/me/profile", Some(&token), &json!({"name": "Lò Thị Hoa", "phone": "12"}))
        .await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["errors"][0]["field"], "phone");
    let (status, _) = app
        .send_json(
            Method::PUT,
            "/api/v1/me/profile",
            Some(&token),
            &json!({"name": "Lò Thị Hoa", "phone": "0912 345 678"}),
        )
        .await;
    assert_eq!(status, 204);
    let (_, data) = app.get_json_as("/api/v1/me/data", &token).await;
    assert_eq!(
        (data["profile"]["name"].as_str(), data["profile"]["phone"].as_str()),
        (Some("Lò Thị Hoa"), Some("+84912345678"))
    );
    assert_eq!(data["requests"][0]["kind"], "correction");
}

#[tokio::test]
async fn consents_are_a_ledger_and_a_withdrawal_is_logged() {
    let app = spawn_app().await;
    let (_, _, token) = app.user(Role::Buyer, None).await;
    for granted in [true, false] {
        let body = json!({"purpose": "marketing_email", "granted": granted});
        let (status, answer) = app.send_json(Method::POST, "/api/v1/me/consents", Some(&token), &body).await;
        assert_eq!(status, 200, "{answer}");
    }
    let (_, consents) = app.get_json_as("/api/v1/me/consents", &token).await;
    let marketing =
        consents["purposes"].as_array().unwrap().iter().find(|p| p["purpose"] == "marketing_email").unwrap();
    assert_eq!(marketing["granted"], false);
    let history: Vec<(String, bool)> = consents["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["purpose"].as_str().unwrap().to_string(), c["granted"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        history,
        [("account".into(), true), ("marketing_email".into(), true), ("marketing_email".into(), false)],
        "nothing overwritten"
    );
    assert_eq!(consents["history"][1]["notice_version"], consents["notice_version"]);
    for bad in [json!({"purpose": "account", "granted": false}), json!({"purpose": "telemarketing", "granted": true})] {
        let (status, answer) = app.send_json(Method::POST, "/api/v1/me/consents", Some(&token), &bad).await;
        assert_eq!(status, 422, "{answer}");
        assert_eq!(answer["errors"][0]["field"], "purpose");
    }
    let (_, data) = app.get_json_as("/api/v1/me/data", &token).await;
    assert_eq!(data["requests"][0]["kind"], "withdrawal");
    assert_eq!(data["requests"][0]["detail"], "marketing_email");
}

#[tokio::test]
async fn erasure_wants_the_password_and_waits_for_an_order_on_its_way() {
    let app = spawn_app().await;
    let (buyer_id, email, token, order) = buyer_with_order(&app).await;
    let erase = |password: &str| json!({ "password": password });

    let (status, _) = app.send_json(Method::POST, "/api/v1/me/erasure", Some(&token), &erase("wrong-password")).await;
    assert_eq!(status, 403);
    let (status, answer) =
        app.send_json(Method::POST, "/api/v1/me/erasure", Some(&token), &erase("password-123")).await;
    assert_eq!(status, 409, "{answer}");
    let code = order["code"].as_str().unwrap();
    assert!(
        answer["detail"].as_str().unwrap_or_default().contains(code) || answer.to_string().contains(code),
        "{answer}"
    );
    let (status, again) = app.send_json(Method::POST, "/api/v1/me/erasure", Some(&token), &erase("password-123")).await;
    assert_eq!((status, &again), (409, &answer), "the same answer twice");
    let (status, data) = app.get_json_as("/api/v1/me/data", &token).await;
    assert_eq!((status, data["profile"]["email"].as_str()), (200, Some(email.as_str())), "nothing changed");

    let path = format!("/api/v1/orders/{}/transitions", order["id"]);
    let (status, _) =
        app.send_json(Method::POST, &path, Some(&token), &json!({"to": "cancelled", "reason": "gọi 0912345678"})).await;
    assert_eq!(status, 200);
    let (status, done) = app.send_json(Method::POST, "/api/v1/me/erasure", Some(&token), &erase("password-123")).await;
    assert_eq!((status, done["status"].as_str()), (200, Some("done")), "{done}");

    let (status, _) = app.get_json_as("/api/v1/me/data", &token).await;
    assert_eq!(status, 401, "the token stopped working");
    let (status, _, _) = app.post_form("/signin", &[("email", email.as_str()), ("password", "password-123")]).await;
    assert_eq!(status, 200, "sign-in fails: the form again");
    let row: (String, String, Option<String>, String, i64) =
        sqlx::query_as("SELECT buyer_name, buyer_phone, buyer_email, ship_street, total_vnd FROM orders WHERE id = $1")
            .bind(order["id"].as_i64().unwrap())
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!((row.0.as_str(), row.1.as_str(), row.2, row.3.as_str()), ("đã xóa / deleted", "", None, ""));
    assert_eq!(row.4, order["total_vnd"].as_i64().unwrap(), "the money stays for the records");
    let reasons: Vec<String> =
        sqlx::query_scalar("SELECT reason FROM order_events WHERE order_id = $1 AND actor = 'buyer'")
            .bind(order["id"].as_i64().unwrap())
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    assert!(reasons.iter().all(|r| !r.contains("0912345678")), "the buyer's own words are gone: {reasons:?}");
    let user: (String, String, Option<String>) = sqlx::query_as("SELECT email, name, phone FROM users WHERE id = $1")
        .bind(buyer_id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(!user.0.contains(&email) && user.1 == "đã xóa / deleted" && user.2.is_none(), "{user:?}");

    let (_, _, admin) = app.user(Role::Admin, None).await;
    let (_, inbox) = app.get_json_as("/api/v1/admin/privacy/requests", &admin).await;
    let deletions: Vec<&str> = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "deletion")
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(deletions, ["done", "refused", "refused"], "every attempt logged, newest first");
}

#[tokio::test]
async fn a_new_notice_is_asked_for_at_the_next_sign_in() {
    let app = spawn_app().await;
    let (_, email, _) = app.user(Role::Buyer, None).await;
    // The notice changed since this person agreed.
    sqlx::query("UPDATE consents SET notice_version = '2020-01'").execute(&app.state.db.pool).await.unwrap();
    let (status, location, _) = app.post_form("/signin", &[("email", &email), ("password", "password-123")]).await;
    assert_eq!((status, location.as_str()), (303, "/account/consent?next=%2F"));
    let (status, html) = app.page(&location).await;
    assert_eq!(status, 200);
    assert!(html.contains("action=\"/account/consent\""), "{html}");
    let (status, location, _) = app.post_form("/account/consent", &[("next", "/orders")]).await;
    assert_eq!((status, location.as_str()), (303, "/orders"));
    let (status, location, _) = app.post_form("/account/consent", &[("next", "https://evil.example")]).await;
    assert_eq!((status, location.as_str()), (303, "/"), "only local paths");
    app.sign_in(&email, "password-123").await;
}

#[tokio::test]
async fn requests_from_outside_land_in_the_admin_inbox_with_their_clock() {
    let app = spawn_app().await;
    let body = json!({"kind": "objection", "contact": "0912 345 678", "detail": "Xin bỏ số điện thoại của tôi khỏi danh sách cơ sở"});
    let (status, filed) = app.send_json(Method::POST, "/api/v1/privacy/requests", None, &body).await;
    assert_eq!(status, 201, "{filed}");
    let bad = json!({"kind": "objection", "contact": "not a contact", "detail": "x"});
    let (status, answer) = app.send_json(Method::POST, "/api/v1/privacy/requests", None, &bad).await;
    assert_eq!((status, answer["errors"][0]["field"].as_str()), (422, Some("contact")));

    let (_, _, admin) = app.user(Role::Admin, None).await;
    let (_, _, buyer) = app.user(Role::Buyer, None).await;
    let (status, _) = app.get_json_as("/api/v1/admin/privacy/requests", &buyer).await;
    assert_eq!(status, 403);
    let (status, inbox) = app.get_json_as("/api/v1/admin/privacy/requests", &admin).await;
    assert_eq!(status, 200);
    let request = &inbox["items"][0];
    assert_eq!(
        (request["id"].clone(), request["status"].as_str(), request["overdue"].as_bool()),
        (filed["id"].clone(), Some("open"), Some(false))
    );
    assert!(request["acknowledge_by"].as_str().unwrap() < request["due_at"].as_str().unwrap(), "{request}");

    sqlx::query("UPDATE privacy_requests SET due_at = '2000-01-01T00:00:00Z'")
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let (_, inbox) = app.get_json_as("/api/v1/admin/privacy/requests", &admin).await;
    assert_eq!(inbox["items"][0]["overdue"], true, "highlighted once overdue");
    let path = format!("/api/v1/admin/privacy/requests/{}", filed["id"]);
    let (status, handled) = app.send_json(Method::POST, &path, Some(&admin), &json!({})).await;
    assert_eq!((status, handled["status"].as_str()), (200, Some("open")));
    assert!(handled["acknowledged_at"].is_string());
    let (_, handled) = app.send_json(Method::POST, &path, Some(&admin), &json!({"status": "done"})).await;
    assert_eq!((handled["status"].as_str(), handled["overdue"].as_bool()), (Some("done"), Some(false)));
    let (status, _) = app.send_json(Method::POST, &path, Some(&admin), &json!({"status": "open"})).await;
    assert_eq!(status, 422);
}

#[tokio::test]
async fn admins_keep_a_breach_register_with_its_72_hour_clock_and_notices() {
    let app = spawn_app().await;
    let (_, _, admin) = app.user(Role::Admin, None).await;
    let (_, _, seller) = app.user(Role::Seller, None).await;
    let found = (time::OffsetDateTime::now_utc() - time::Duration::hours(70)).to_offset(time::macros::offset!(+7));
    let found_at = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        found.year(),
        u8::from(found.month()),
        found.day(),
        found.hour(),
        found.minute()
    );
    let body = json!({"title": "Tệp xuất đơn hàng gửi nhầm", "description": "Một tệp xuất đơn hàng tháng 11 bị gửi nhầm cho một đối tác.",
        "found_at": found_at, "data_kinds": ["contact", "address"], "people_affected": 312});
    let (status, _) = app.send_json(Method::POST, "/api/v1/admin/breaches", Some(&seller), &body).await;
    assert_eq!(status, 403, "admins only");
    let bad = json!({"title": "x", "description": "ngắn", "found_at": "2999-01-01T00:00", "data_kinds": ["passwords"],
        "people_affected": -3});
    let (status, errors) = app.send_json(Method::POST, "/api/v1/admin/breaches", Some(&admin), &bad).await;
    assert_eq!(status, 422, "{errors}");
    for field in ["title", "description", "found_at", "data_kinds[0]", "people_affected"] {
        assert!(errors.to_string().contains(&format!("\"{field}\"")), "{field}: {errors}");
    }
    let (status, breach) = app.send_json(Method::POST, "/api/v1/admin/breaches", Some(&admin), &body).await;
    assert_eq!(status, 201, "{breach}");
    assert_eq!(breach["clock"]["state"], "due");
    let left = breach["clock"]["hours_left"].as_i64().unwrap();
    assert!((1..=2).contains(&left), "found 70 hours ago: {left} hours left");

    let notices = format!("/api/v1/admin/breaches/{}/notices", breach["id"]);
    let early = json!({"recipient": "authority", "channel": "Cổng A05", "sent_at": "2020-01-01T08:00"});
    let (status, errors) = app.send_json(Method::POST, &notices, Some(&admin), &early).await;
    assert_eq!(status, 422, "a notice cannot precede the breach: {errors}");
    let told = json!({"recipient": "authority", "channel": "Cổng A05 (Bộ Công an)", "note": "Mẫu 03"});
    let (status, breach) = app.send_json(Method::POST, &notices, Some(&admin), &told).await;
    assert_eq!(status, 201, "{breach}");
    assert_eq!(
        (breach["clock"]["state"].as_str(), breach["clock"]["on_time"].as_bool()),
        (Some("notified"), Some(true))
    );
    let people = json!({"recipient": "subjects", "channel": "SMS"});
    let (_, breach) = app.send_json(Method::POST, &notices, Some(&admin), &people).await;
    assert_eq!(breach["notices"].as_array().map(Vec::len), Some(2));

    let close = format!("/api/v1/admin/breaches/{}/close", breach["id"]);
    let (status, closed) = app.send_json(Method::POST, &close, Some(&admin), &json!({})).await;
    assert_eq!((status, closed["status"].as_str()), (200, Some("closed")));
    let (status, _) = app.send_json(Method::POST, &close, Some(&admin), &json!({})).await;
    assert_eq!(status, 409, "closed once");
    let (_, list) = app.get_json_as("/api/v1/admin/breaches", &admin).await;
    assert_eq!(list[0]["id"], breach["id"]);
    let (status, _) = app.get_json_as("/api/v1/admin/breaches/999999", &admin).await;
    assert_eq!(status, 404);

    // An overdue one, on the page.
    let old = json!({"title": "Máy tính xách tay bị mất", "description": "Máy có bản sao danh sách hộ sản xuất.",
        "found_at": "2026-01-05T08:00", "data_kinds": ["identity", "contact"], "people_affected": 40});
    let (_, overdue) = app.send_json(Method::POST, "/api/v1/admin/breaches", Some(&admin), &old).await;
    assert_eq!(overdue["clock"]["state"], "overdue");
    let (_, list) = app.get_json_as("/api/v1/admin/breaches", &admin).await;
    assert_eq!(list[0]["id"], overdue["id"], "open ones first");
}

#[tokio::test]
async fn an_admin_records_a_breach_and_its_notice_on_the_pages() {
    let app = spawn_app().await;
    let (_, email, _) = app.user(Role::Admin, None).await;
    app.sign_in(&email, "password-123").await;
    let (status, _, html) =
        app.post_form("/admin/breaches", &[("title", "Mất máy tính"), ("people_affected", "40")]).await;
    assert_eq!(status, 422, "the form comes back with what is missing");
    assert!(html.contains("Mất máy tính"), "what was typed is kept");
    let fields = [
        ("title", "Mất máy tính xách tay"),
        ("description", "Máy có bản sao danh sách hộ sản xuất của tỉnh."),
        ("found_at", "2026-11-20T08:00"),
        ("data_kinds", "identity"),
        ("data_kinds", "contact"),
        ("people_affected", "1.200"),
    ];
    let (status, location, _) = app.post_form("/admin/breaches", &fields).await;
    assert_eq!(status, 303, "{location}");
    let (_, page) = app.page(&location).await;
    assert!(page.contains("Mất máy tính xách tay") && page.contains("1200") && page.contains("Quá hạn"), "{page}");
    let notice = [("recipient", "authority"), ("channel", "Cổng A05"), ("sent_at", "")];
    let (status, _, _) = app.post_form(&format!("{location}/notices"), &notice).await;
    assert_eq!(status, 303);
    let (_, page) = app.page(&location).await;
    assert!(page.contains("Đã báo cơ quan") && page.contains("trễ hạn"), "told, and late");
}
