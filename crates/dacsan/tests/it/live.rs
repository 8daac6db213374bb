//! Live sessions: `POST /api/v1/live-sessions`, the public page and short link,
//! attribution at checkout (`referral_code`, the `?ref=` cookie), session prices only
//! inside the window and within their cap, and the report.

use dacsan::auth::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};
use crate::orders::{checkout_body, two_stores};

fn at(minutes_from_now: i64) -> String {
    dacsan::db::time_text(time::OffsetDateTime::now_utc() + time::Duration::minutes(minutes_from_now))
}

/// A session of the tea producer's product: 200 000 ₫ instead of 250 000, 3 units at most.
async fn session(app: &TestApp, tea: &dacsan::catalog::Product, from: i64, to: i64) -> (Value, String, i64) {
    let (_, _, seller) = app.user(Role::Seller, Some(tea.producer_id)).await;
    let (host, _, _) = app.user(Role::Buyer, None).await;
    let body = json!({"title": "Chè Shan tuyết mùa xuân", "platform": "tiktok", "stream_url": "https://www.tiktok.com/@htx/live",
        "starts_at": at(from), "ends_at": at(to), "host_user_id": host,
        "items": [{"product_id": tea.id, "session_price_vnd": 200_000, "stock_cap": 3}]});
    let (status, created) = app.send_json(Method::POST, "/api/v1/live-sessions", Some(&seller), &body).await;
    assert_eq!(status, 201, "{created}");
    (created, seller, host)
}

async fn created_ends(app: &TestApp, created: &Value) -> String {
    let (_, session) = app.get_json(&format!("/api/v1/live-sessions/{}", created["id"])).await;
    session["ends_at"].as_str().unwrap().to_string()
}

fn with_code(mut body: Value, code: &str) -> Value {
    body["referral_code"] = json!(code);
    body
}

#[tokio::test]
async fn orders_through_a_running_session_pay_its_price_and_count_for_it() {
    let app = spawn_app().await;
    let (tea, honey) = two_stores(&app).await;
    let (created, seller, host) = session(&app, &tea, -10, 60).await;
    let code = created["referral_code"].as_str().unwrap();
    assert!(created["short_url"].as_str().unwrap().ends_with(&format!("/l/{code}")));

    let body = with_code(checkout_body(&[(tea.id, 2), (honey.id, 1)], "vietqr"), &code.to_lowercase());
    let (status, placed) = app.send_json(Method::POST, "/api/v1/checkout", None, &body).await;
    assert_eq!(status, 201, "{placed}");
    let orders = placed["orders"].as_array().unwrap();
    let tea_order = orders.iter().find(|o| o["producer_id"] == tea.producer_id).unwrap();
    assert_eq!(tea_order["subtotal_vnd"], 400_000, "two at the session price");
    assert_eq!(tea_order["attributed_to"]["session_id"], created["id"]);
    assert_eq!(tea_order["attributed_to"]["host_user_id"], host);
    let honey_order = orders.iter().find(|o| o["producer_id"] == honey.producer_id).unwrap();
    assert_eq!(honey_order["subtotal_vnd"], 450_000, "no session price: the list price");
    assert_eq!(
        honey_order["attributed_to"]["session_id"], created["id"],
        "the whole checkout came through the session"
    );

    let two_more = with_code(checkout_body(&[(tea.id, 2)], "vietqr"), code);
    let (status, answer) = app.send_json(Method::POST, "/api/v1/checkout", None, &two_more).await;
    assert_eq!(status, 409, "one unit left at the session price: {answer}");
    assert!(answer.to_string().contains("items[0].quantity"));

    let (status, report) = app.get_json_as(&format!("/api/v1/live-sessions/{}/report", created["id"]), &seller).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(
        (report["orders"].as_i64(), report["units"].as_i64(), report["revenue_vnd"].as_i64()),
        (Some(2), Some(3), Some(850_000))
    );
    assert!(report["conversion_percent"].is_null(), "no viewers yet");
    let audience = json!({"viewers": 800, "peak_viewers": 120});
    let path = format!("/api/v1/live-sessions/{}/audience", created["id"]);
    let (status, report) = app.send_json(Method::PUT, &path, Some(&seller), &audience).await;
    assert_eq!((status, report["conversion_percent"].as_str()), (200, Some("0.25")), "{report}");
    assert_eq!(report["top_products"][0]["product_id"], tea.id);
    let (_, _, stranger) = app.user(Role::Buyer, None).await;
    let (status, _) = app.send_json(Method::PUT, &path, Some(&stranger), &audience).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn a_session_price_outside_its_window_is_never_charged() {
    let app = spawn_app().await;
    let (tea, _) = two_stores(&app).await;
    let (later, _, _) = session(&app, &tea, 60, 120).await;
    let body = with_code(checkout_body(&[(tea.id, 1)], "vietqr"), later["referral_code"].as_str().unwrap());
    let (status, placed) = app.send_json(Method::POST, "/api/v1/checkout", None, &body).await;
    assert_eq!(status, 201, "{placed}");
    assert_eq!(placed["orders"][0]["subtotal_vnd"], 250_000, "not started: the list price");
    assert_eq!(placed["orders"][0]["attributed_to"]["session_id"], later["id"], "still attributed to it");

    let body = with_code(checkout_body(&[(tea.id, 1)], "vietqr"), "NOSUCH");
    let (status, answer) = app.send_json(Method::POST, "/api/v1/checkout", None, &body).await;
    assert_eq!(status, 422);
    assert!(answer.to_string().contains("referral_code"), "{answer}");
}

#[tokio::test]
async fn a_session_says_what_is_wrong_and_who_may_sell() {
    let app = spawn_app().await;
    let (tea, honey) = two_stores(&app).await;
    let (_, _, seller) = app.user(Role::Seller, Some(tea.producer_id)).await;
    let base = json!({"title": "Phiên chè", "platform": "facebook", "stream_url": "https://facebook.com/htx/live",
        "starts_at": at(10), "ends_at": at(70), "items": [{"product_id": tea.id, "session_price_vnd": 300_000}]});
    let (status, answer) = app.send_json(Method::POST, "/api/v1/live-sessions", Some(&seller), &base).await;
    assert_eq!(status, 422, "above the list price: {answer}");
    assert!(answer.to_string().contains("items[0].session_price_vnd"));
    let mut other = base.clone();
    other["items"] = json!([{"product_id": honey.id}]);
    let (status, answer) = app.send_json(Method::POST, "/api/v1/live-sessions", Some(&seller), &other).await;
    assert_eq!(status, 422, "another producer's product: {answer}");
    let (_, _, buyer) = app.user(Role::Buyer, None).await;
    let mut fine = base.clone();
    fine["items"] = json!([{"product_id": tea.id, "session_price_vnd": 0}]);
    let (status, _) = app.send_json(Method::POST, "/api/v1/live-sessions", Some(&buyer), &fine).await;
    assert_eq!(status, 403, "a buyer schedules nothing");
    let (_, _, officer) = app.officer(&["12"]).await;
    let mut both = fine.clone();
    both["items"] = json!([{"product_id": tea.id}, {"product_id": honey.id}]);
    let (status, answer) = app.send_json(Method::POST, "/api/v1/live-sessions", Some(&officer), &both).await;
    let honey_province =
        dacsan::producers::store::find_by_id(&app.state.db, honey.producer_id).await.unwrap().unwrap().province_code;
    if honey_province == "12" {
        assert_eq!(status, 201, "{answer}");
    } else {
        assert_eq!(status, 422, "the office sells its own province's products: {answer}");
    }
    let mut ghost_host = fine.clone();
    ghost_host["host_user_id"] = json!(999_999);
    let (status, answer) = app.send_json(Method::POST, "/api/v1/live-sessions", Some(&seller), &ghost_host).await;
    assert_eq!(status, 422, "{answer}");
}

#[tokio::test]
async fn the_page_and_short_link_carry_the_code_to_checkout() {
    let app = spawn_app().await;
    let (tea, _) = two_stores(&app).await;
    let (created, _, _) = session(&app, &tea, -5, 55).await;
    let code = created["referral_code"].as_str().unwrap();
    let response = app.browser.get(app.url(&format!("/l/{code}"))).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 303);
    let cookie = response.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with(&format!("dacsan_ref={code}")) && cookie.contains("Max-Age=604800"), "{cookie}");
    let location = response.headers()["location"].to_str().unwrap().to_string();
    let (status, html) = app.page(&location).await;
    assert_eq!(status, 200);
    assert!(html.contains("200.000") && html.contains("250.000") && html.contains(code), "session and list prices");
    assert!(html.contains("https://www.tiktok.com/@htx/live") && !html.contains("<script src=\"https://"));
    assert!(html.len() < 50_000, "session page {} bytes", html.len());
    let clock = html.split("id=\"countdown\"").nth(1).and_then(|c| c.split('>').nth(1)).unwrap_or_default();
    assert!(clock.starts_with("0:5") && clock.contains(':'), "about 55 minutes of session prices left: {clock}");
    assert!(html.contains(&format!("data-countdown-until=\"{}\"", created_ends(&app, &created).await)));

    app.browser.get(app.url(&format!("/p/{}?ref=OTHER1", tea.slug))).send().await.unwrap();
    app.browser.get(app.url(&format!("/p/{}?ref={code}", tea.slug))).send().await.unwrap();
    let (status, _, _) = app.post_form("/cart/add", &[("product_id", &tea.id.to_string()), ("quantity", "1")]).await;
    assert_eq!(status, 303);
    let (status, checkout) = app.page("/checkout").await;
    assert_eq!(status, 200);
    assert!(checkout.contains(&format!("name=\"referral_code\" maxlength=\"32\" autocapitalize=\"characters\" autocomplete=\"off\" value=\"{code}\"")), "the last code wins");
}

#[tokio::test]
async fn a_seller_schedules_a_session_from_a_phone_and_types_the_audience_in() {
    let app = spawn_app().await;
    let (tea, _) = two_stores(&app).await;
    let (_, email, _) = app.user(Role::Seller, Some(tea.producer_id)).await;
    let (_, host_email, _) = app.user(Role::Buyer, None).await;
    app.sign_in(&email, "password-123").await;
    let (status, html) = app.page("/seller/live").await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("name=\"product_{}\"", tea.id)));
    let product = format!("product_{}", tea.id);
    let price = format!("price_{}", tea.id);
    let cap = format!("cap_{}", tea.id);
    let mut fields = vec![
        ("title", "Chè xuân Sìn Hồ"),
        ("platform", "facebook"),
        ("stream_url", "https://facebook.com/htx/live"),
        ("starts_at", "2026-12-20T20:00"),
        ("ends_at", "2026-12-20T22:00"),
        ("host_email", "nobody@example.vn"),
        (product.as_str(), "on"),
        (price.as_str(), "300.000"),
        (cap.as_str(), "20"),
    ];
    let (status, _, html) = app.post_form("/seller/live", &fields).await;
    assert_eq!(status, 422);
    assert!(html.contains("nobody@example.vn"), "the unknown host is named");
    fields[5].1 = &host_email;
    let (status, _, html) = app.post_form("/seller/live", &fields).await;
    assert_eq!(status, 422, "above the list price");
    assert!(html.contains("300.000"));
    fields[7].1 = "225.000";
    let (status, location, _) = app.post_form("/seller/live", &fields).await;
    assert_eq!(status, 303, "{location}");
    let id: i64 = location.rsplit('/').next().unwrap().parse().unwrap();
    let (_, session) = app.get_json(&format!("/api/v1/live-sessions/{id}")).await;
    assert_eq!(session["starts_at"], "2026-12-20T13:00:00Z", "the form's time is Vietnam's");
    assert_eq!(
        (session["items"][0]["session_price_vnd"].as_i64(), session["items"][0]["stock_cap"].as_i64()),
        (Some(225_000), Some(20))
    );
    let (status, _, _) =
        app.post_form(&format!("{location}/audience"), &[("viewers", "1.200"), ("peak_viewers", "3000")]).await;
    assert_eq!(status, 422, "the peak above the total");
    let (status, _, _) =
        app.post_form(&format!("{location}/audience"), &[("viewers", "1.200"), ("peak_viewers", "300")]).await;
    assert_eq!(status, 303);
    let (_, page) = app.page(&location).await;
    assert!(page.contains("1200") && page.contains("Chè xuân Sìn Hồ"));
}

#[tokio::test]
async fn the_cart_shows_the_session_price_a_carried_code_brings() {
    let app = spawn_app().await;
    let (tea, _) = two_stores(&app).await;
    let (created, _, _) = session(&app, &tea, -10, 60).await;
    let code = created["referral_code"].as_str().unwrap();
    let (status, _, _) = app.post_form("/cart/add", &[("product_id", &tea.id.to_string()), ("quantity", "2")]).await;
    assert_eq!(status, 303);
    let (_, cart) = app.page("/cart").await;
    assert!(cart.contains("500.000") && !cart.contains("giá phiên live"), "no code: the list price");
    app.page(&format!("/search?ref={code}")).await;
    let (_, cart) = app.page("/cart").await;
    assert!(cart.contains("400.000") && cart.contains("giá phiên live"), "2 × 200 000 with the code: {cart}");
    let (status, _, _) = app.post_form("/cart/add", &[("product_id", &tea.id.to_string()), ("quantity", "2")]).await;
    assert_eq!(status, 303);
    let (_, cart) = app.page("/cart").await;
    assert!(
        cart.contains("Không còn đủ hàng ở giá phiên live"),
        "4 units are over the session's cap of 3, as checkout says"
    );
}

#[tokio::test]
async fn the_audience_comes_from_the_platforms_export_file() {
    let app = spawn_app().await;
    let (tea, _) = two_stores(&app).await;
    let (created, seller, _) = session(&app, &tea, -90, -30).await;
    let path = format!("/api/v1/live-sessions/{}/audience/import", created["id"]);
    let send = |token: String, file: &'static str| {
        let form = reqwest::multipart::Form::new()
            .part("file", reqwest::multipart::Part::bytes(file.as_bytes()).file_name("live-analytics.csv"));
        app.api.post(app.url(&path)).bearer_auth(token).multipart(form).send()
    };
    let export = "LIVE title,Duration,Viewers,Peak concurrent viewers\nChè Shan tuyết,01:00:00,\"4,000\",350\n";
    let response = send(seller.clone(), export).await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let report: Value = response.json().await.unwrap();
    assert_eq!(
        (report["session"]["viewers"].as_i64(), report["session"]["peak_viewers"].as_i64()),
        (Some(4000), Some(350))
    );
    let response = send(seller.clone(), "Likes,Shares\n10,2\n").await.unwrap();
    assert_eq!(response.status().as_u16(), 422);
    assert!(response.text().await.unwrap().contains("Peak viewers"), "says what it looked for");
    let (_, _, stranger) = app.user(Role::Buyer, None).await;
    assert_eq!(send(stranger, export).await.unwrap().status().as_u16(), 403);

    let (_, email, _) = app.user(Role::Seller, Some(tea.producer_id)).await;
    app.sign_in(&email, "password-123").await;
    let page = format!("/seller/live/{}", created["id"]);
    let (_, html) = app.page(&page).await;
    assert!(html.contains("audience/import"), "the page's upload form");
    let upload = |file: &'static str, csrf: String| {
        let form = reqwest::multipart::Form::new()
            .text("csrf", csrf)
            .part("file", reqwest::multipart::Part::bytes(file.as_bytes()).file_name("facebook.csv"));
        app.browser.post(app.url(&format!("{page}/audience/import"))).multipart(form).send()
    };
    let response =
        upload("Metric,Value\nPeak live viewers,90\nViews,1500\n", crate::helpers::csrf_in(&html)).await.unwrap();
    assert_eq!(response.status().as_u16(), 303);
    let (_, html) = app.page(&page).await;
    assert!(html.contains("value=\"1500\"") && html.contains("value=\"90\""), "the figures read from the file");
    let response = upload("Viewers,Peak viewers\nmany,few\n", crate::helpers::csrf_in(&html)).await.unwrap();
    assert_eq!(response.status().as_u16(), 422);
    assert!(response.text().await.unwrap().contains("«many»"));
}

#[tokio::test]
async fn the_office_compares_live_platforms_affiliates_and_direct_orders() {
    let app = spawn_app().await;
    let (tea, _) = two_stores(&app).await;
    let province = app.state.db.clone();
    let province =
        dacsan::producers::store::find_by_id(&province, tea.producer_id).await.unwrap().unwrap().province_code;
    let (created, seller, _) = session(&app, &tea, -10, 60).await;
    let audience = json!({"viewers": 400, "peak_viewers": 90});
    let path = format!("/api/v1/live-sessions/{}/audience", created["id"]);
    assert_eq!(app.send_json(Method::PUT, &path, Some(&seller), &audience).await.0, 200);
    let (status, _) = app
        .send_json(
            Method::POST,
            "/api/v1/checkout",
            None,
            &with_code(checkout_body(&[(tea.id, 2)], "cod"), created["referral_code"].as_str().unwrap()),
        )
        .await;
    assert_eq!(status, 201);
    let (_, _, affiliate) = app.user(Role::Buyer, None).await;
    let (_, me) = app.send_json(Method::POST, "/api/v1/affiliates/me", Some(&affiliate), &json!({})).await;
    let (status, _) = app
        .send_json(
            Method::POST,
            "/api/v1/checkout",
            None,
            &with_code(checkout_body(&[(tea.id, 1)], "cod"), me["referral_code"].as_str().unwrap()),
        )
        .await;
    assert_eq!(status, 201);
    for _ in 0..3 {
        let (status, _) =
            app.send_json(Method::POST, "/api/v1/checkout", None, &checkout_body(&[(tea.id, 1)], "cod")).await;
        assert_eq!(status, 201);
    }

    let (_, _, officer) = app.officer(&[&province]).await;
    let (status, channels) =
        app.get_json_as(&format!("/api/v1/programme/channels?province={province}"), &officer).await;
    assert_eq!(status, 200, "{channels}");
    let of = |name: &str| channels.as_array().unwrap().iter().find(|c| c["channel"] == name).cloned().unwrap();
    assert_eq!((of("direct")["orders"].as_i64(), of("direct")["revenue_vnd"].as_i64()), (Some(3), Some(750_000)));
    let tiktok = of("tiktok");
    assert_eq!(
        (
            tiktok["sessions"].as_i64(),
            tiktok["viewers"].as_i64(),
            tiktok["orders"].as_i64(),
            tiktok["revenue_vnd"].as_i64()
        ),
        (Some(1), Some(400), Some(1), Some(400_000)),
        "two at the session price"
    );
    assert_eq!((of("link")["orders"].as_i64(), of("link")["revenue_vnd"].as_i64()), (Some(1), Some(250_000)));
    assert_eq!(channels[0]["channel"], "direct", "direct orders first");
    let (status, _) = app.get_json_as(&format!("/api/v1/programme/channels?province={province}"), &seller).await;
    assert_eq!(status, 403, "the office's figures");

    let (_, email, _) = app.officer(&[&province]).await;
    app.sign_in(&email, "password-123").await;
    let (status, html) = app.page(&format!("/office/listings/effectiveness?province={province}")).await;
    assert_eq!(status, 200);
    let table = html.split("id=\"own-channels\"").nth(1).unwrap().split("</table>").next().unwrap();
    assert!(table.contains("Livestream · TikTok") && table.contains("0.25 %"), "one order per 400 viewers: {table}");
    assert!(table.contains("Cộng tác viên") && table.contains("Chợ dacsan"));
}

#[tokio::test]
async fn the_session_page_reads_in_english_abroad() {
    let app = spawn_app().await;
    let (tea, _) = two_stores(&app).await;
    let (_, _, seller) = app.user(Role::Seller, Some(tea.producer_id)).await;
    let body = json!({"title": "Chè Shan tuyết mùa xuân", "title_en": "Spring Shan tuyet tea", "platform": "dacsan",
        "starts_at": at(-5), "ends_at": at(60), "items": [{"product_id": tea.id, "session_price_vnd": 200_000}]});
    let (status, created) = app.send_json(Method::POST, "/api/v1/live-sessions", Some(&seller), &body).await;
    assert_eq!(status, 201, "{created}");
    let page = format!("/live/{}", created["slug"].as_str().unwrap());
    let english = app.api.get(app.url(&page)).header("accept-language", "en-GB,en;q=0.9").send().await.unwrap();
    let html = english.text().await.unwrap();
    assert!(html.contains("<h1>Spring Shan tuyet tea</h1>"), "the English title");
    assert!(html.contains(&format!("<strong>{}</strong>", tea.name_en)), "the product's English name");
    let (_, vietnamese) = app.page(&page).await;
    assert!(vietnamese.contains("<h1>Chè Shan tuyết mùa xuân</h1>"));
    let (_, json) = app.get_json(&format!("/api/v1/live-sessions/{}", created["id"])).await;
    assert_eq!(json["title_en"], "Spring Shan tuyet tea");
}

/// The fields of the office's schedule form for `products` (session price 1 000 đồng below the list price).
fn office_form<'a>(
    province: &'a str,
    producers: &'a str,
    products: &'a [(String, String, String)],
) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("province", province),
        ("producers", producers),
        ("title", "Đặc sản Lai Châu lên sóng"),
        ("platform", "tiktok"),
        ("stream_url", "https://www.tiktok.com/@laichau/live"),
        ("starts_at", "2030-05-01T20:00"),
        ("ends_at", "2030-05-01T22:00"),
    ];
    for (product, price, _) in products {
        fields.push((product.as_str(), "on"));
        fields.push((price.as_str(), "1.000"));
    }
    fields
}

/// `product_ID`, `price_ID`, `cap_ID` of a product.
fn item_fields(product_id: i64) -> (String, String, String) {
    (format!("product_{product_id}"), format!("price_{product_id}"), format!("cap_{product_id}"))
}

#[tokio::test]
async fn the_office_schedules_one_session_for_several_producers_of_its_province() {
    let app = spawn_app().await;
    let (tea, _) = two_stores(&app).await;
    let ginseng_house = app.producer().name("Công ty Sâm Lai Châu Mường Tè").place("12", "03463").create().await;
    app.payment_account(ginseng_house.id).await;
    let ginseng =
        app.product(ginseng_house.id).name("Sâm Lai Châu khô", "Dried Lai Chau ginseng").price(900_000).create().await;
    let idle = app.producer().name("HTX Chưa bán gì").place("12", "03463").create().await;
    app.product(idle.id).name("Măng khô", "Dried bamboo shoots").status("draft").create().await;
    let (_, email, _) = app.officer(&["12"]).await;
    app.sign_in(&email, "password-123").await;

    let (status, html) = app.page("/office/live?province=12").await;
    assert_eq!(status, 200);
    assert!(html.contains("href=\"/office/live?province=12\""), "the office's navigation links the page");
    assert!(html.contains(&format!("name=\"producers\" value=\"{}\"", tea.producer_id)));
    assert!(html.contains(&format!("name=\"producers\" value=\"{}\"", ginseng_house.id)));
    assert!(!html.contains("HTX Chưa bán gì"), "nothing on sale, nothing to put on a session");
    assert!(!html.contains("name=\"product_"), "no products before producers are picked");
    let picked = format!("/office/live?province=12&producers={}&producers={}", tea.producer_id, ginseng_house.id);
    let (status, html) = app.page(&picked).await;
    assert_eq!(status, 200);
    assert!(
        html.contains(&format!("name=\"product_{}\"", tea.id))
            && html.contains(&format!("name=\"product_{}\"", ginseng.id))
    );
    let (_, listed) =
        app.page(&format!("/office/live?province=12&producers={},{}", tea.producer_id, ginseng_house.id)).await;
    assert!(listed.contains(&format!("name=\"product_{}\"", ginseng.id)), "a comma list picks them too");

    let producers = format!("{},{}", tea.producer_id, ginseng_house.id);
    let items = [item_fields(tea.id), item_fields(ginseng.id)];
    let mut fields = office_form("12", &producers, &items);
    fields[2].1 = "";
    let (status, _, html) = app.post_form("/office/live", &fields).await;
    assert_eq!(status, 422, "no title");
    assert!(html.contains("Tên phiên: 3 đến 200 ký tự"), "the error is named");
    assert!(html.contains("https://www.tiktok.com/@laichau/live"), "the form is kept");
    assert!(html.contains(&format!("name=\"product_{}\" checked", ginseng.id)), "the products stay ticked");
    fields[2].1 = "Đặc sản Lai Châu lên sóng";
    fields[6].1 = "2030-05-01T19:00";
    let (status, _, html) = app.post_form("/office/live", &fields).await;
    assert_eq!(status, 422, "the end before the start");
    assert!(html.contains("Kết thúc sau khi bắt đầu"));
    fields[6].1 = "2030-05-01T22:00";
    let (status, location, _) = app.post_form("/office/live", &fields).await;
    assert_eq!(status, 303);
    let id: i64 = location.strip_prefix("/seller/live/").expect("on to the report").parse().unwrap();

    let (_, session) = app.get_json(&format!("/api/v1/live-sessions/{id}")).await;
    assert_eq!(session["starts_at"], "2030-05-01T13:00:00Z", "the form's time is Vietnam's");
    let mut on_it: Vec<i64> =
        session["items"].as_array().unwrap().iter().map(|i| i["product_id"].as_i64().unwrap()).collect();
    on_it.sort_unstable();
    assert_eq!(on_it, {
        let mut both = vec![tea.id, ginseng.id];
        both.sort_unstable();
        both
    });
    assert_eq!(session["items"][0]["session_price_vnd"], 1_000);
    let code = session["referral_code"].as_str().unwrap();
    let (status, _) = app
        .send_json(Method::POST, "/api/v1/checkout", None, &with_code(checkout_body(&[(ginseng.id, 1)], "cod"), code))
        .await;
    assert_eq!(status, 201, "an order through the session");
    let (status, report) = app.page(&location).await;
    assert_eq!(status, 200, "the officer opens the session's report");
    assert!(report.contains("Đặc sản Lai Châu lên sóng") && report.contains("900.000"));
    assert!(report.contains("<a href=\"/office/live\">"), "back to the office's list");

    let (_, html) = app.page("/office/live?province=12").await;
    let table =
        html.split("id=\"live-sessions\"").nth(1).expect("the province's sessions").split("</table>").next().unwrap();
    assert!(table.contains(&format!("href=\"/seller/live/{id}\"")) && table.contains("Đặc sản Lai Châu lên sóng"));
    assert!(table.contains("TikTok") && table.contains("20:00 01/05/2030"), "{table}");
    for (label, value) in [("Sản phẩm", "2"), ("Cơ sở", "2"), ("Đơn hàng", "1"), ("Doanh thu hàng", "900.000")]
    {
        assert!(table.contains(&format!("data-label=\"{label}\">{value}")), "{label} {value}: {table}");
    }
}

#[tokio::test]
async fn an_officer_of_another_province_neither_sees_nor_schedules_for_it() {
    let app = spawn_app().await;
    let (tea, honey) = two_stores(&app).await;
    let (_, email, _) = app.officer(&["08"]).await;
    app.sign_in(&email, "password-123").await;
    let (status, _) = app.page("/office/live?province=12").await;
    assert_eq!(status, 403);
    let items = [item_fields(tea.id)];
    let producers = tea.producer_id.to_string();
    let (status, _, _) = app.post_form("/office/live", &office_form("12", &producers, &items)).await;
    assert_eq!(status, 403, "nor posts for it");

    let (status, html) = app.page(&format!("/office/live?province=08&producers={}", tea.producer_id)).await;
    assert_eq!(status, 200);
    assert!(!html.contains(&format!("name=\"product_{}\"", tea.id)), "another province's producer is not picked");
    let (status, _, html) = app.post_form("/office/live", &office_form("08", &producers, &items)).await;
    assert_eq!(status, 422, "another province's product");
    let alert = html.split("role=\"alert\">").nth(1).unwrap().split("</p>").next().unwrap();
    assert!(
        alert.contains(&tea.name) && alert.contains("không phải hàng bạn được bán"),
        "the product is named: {alert}"
    );

    let honey_items = [item_fields(honey.id)];
    let own = honey.producer_id.to_string();
    let (status, location, _) = app.post_form("/office/live", &office_form("08", &own, &honey_items)).await;
    assert_eq!(status, 303, "its own province's product");
    let (_, other_email, _) = app.officer(&["12"]).await;
    app.sign_in(&other_email, "password-123").await;
    let (status, _) = app.page(&location).await;
    assert_eq!(status, 403, "the report of another province's session");
    let (_, html) = app.page("/office/live?province=12").await;
    assert!(html.contains("Chưa có phiên nào có sản phẩm của tỉnh."), "not in this province's list");
}
