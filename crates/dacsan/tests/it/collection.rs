//! Collection runs: `/api/v1/shipping/collection-points…` (points, runs, keepers'
//! links, manifests), a producer's point in `/api/v1/producers/{id}/delivery` and
//! checkout's days, and the keeper's `/api/v1/collect/{token}…` and `/collect/{token}`.

use dacsan::auth::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::TestApp;
use crate::logistics::{app_with_ghn, ghn_order, remote_store};
use crate::orders::checkout_body;

pub const POINTS: &str = "/api/v1/shipping/collection-points";

fn point_body() -> Value {
    json!({"name": "Bưu điện xã Sìn Hồ", "province_code": "12", "commune_code": "03478",
        "address": "Bản Sìn Hồ", "hours": "T2–T6 7:30–17:00", "contact_name": "Lò Thị Mai",
        "contact_phone": "0912 345 678"})
}

/// A Lai Châu point set up by an officer of the province, with one run; returns the
/// point's and the run's ids.
pub async fn point_with_run(app: &TestApp, officer: &str, run: &Value) -> (i64, i64) {
    let (status, point) = app.send_json(Method::POST, POINTS, Some(officer), &point_body()).await;
    assert_eq!(status, 201, "{point}");
    let id = point["id"].as_i64().unwrap();
    let (status, run) = app.send_json(Method::POST, &format!("{POINTS}/{id}/runs"), Some(officer), run).await;
    assert_eq!(status, 201, "{run}");
    (id, run["id"].as_i64().unwrap())
}

/// The weekday `days` after today, in Vietnam, as a run names it.
fn weekday_in(days: i64) -> String {
    let today = time::OffsetDateTime::now_utc().to_offset(time::macros::offset!(+7)).date();
    let day = today + time::Duration::days(days);
    day.weekday().to_string().to_lowercase()[..3].to_string()
}

#[tokio::test]
async fn collection_points_are_set_up_by_their_province_and_bad_input_is_named() {
    let app = crate::helpers::spawn_app().await;
    let (_, _, officer) = app.officer(&["12"]).await;
    let (_, _, elsewhere) = app.officer(&["01"]).await;
    let (status, _) = app.send_json(Method::POST, POINTS, None, &point_body()).await;
    assert_eq!(status, 401);
    let (status, _) = app.send_json(Method::POST, POINTS, Some(&elsewhere), &point_body()).await;
    assert_eq!(status, 403, "an officer of Hà Nội does not set up points in Lai Châu");
    for (field, bad) in
        [("commune_code", json!("00004")), ("contact_phone", json!("12345")), ("province_code", json!("99"))]
    {
        let mut body = point_body();
        body[field] = bad;
        let (status, answer) = app.send_json(Method::POST, POINTS, Some(&officer), &body).await;
        assert_eq!(status, 422, "{field}: {answer}");
        assert_eq!(answer["errors"][0]["field"], field, "{answer}");
    }

    let (id, _) =
        point_with_run(&app, &officer, &json!({"weekdays": ["tue", "fri"], "time": "14:00", "carrier": "ghn"})).await;
    let runs = format!("{POINTS}/{id}/runs");
    for (field, run) in [
        ("time", json!({"weekdays": ["tue"], "time": "25:00", "carrier": "ghn"})),
        ("weekdays", json!({"weekdays": ["someday"], "time": "14:00", "carrier": "ghn"})),
        ("carrier", json!({"weekdays": ["tue"], "time": "14:00", "carrier": "dhl"})),
        ("vehicle_name", json!({"weekdays": ["tue"], "time": "14:00", "carrier": "vehicle"})),
    ] {
        let (status, answer) = app.send_json(Method::POST, &runs, Some(&officer), &run).await;
        assert_eq!(status, 422, "{field}: {answer}");
        assert_eq!(answer["errors"][0]["field"], field, "{answer}");
    }
    let (status, _) = app.send_json(Method::POST, &runs, Some(&elsewhere), &json!({})).await;
    assert_eq!(status, 404, "another province's officer does not see the point");

    let (status, list) = app.get_json(&format!("{POINTS}?province=12")).await;
    assert_eq!(status, 200);
    let point = list["items"].as_array().unwrap().iter().find(|p| p["id"] == id).expect("the new point").clone();
    assert_eq!(point["contact_phone"], "+84912345678");
    assert_eq!(point["runs"][0]["weekdays"], json!(["tue", "fri"]));
    assert_eq!(point["runs"][0]["time"], "14:00");
    assert!(point["next_run_at"].is_string(), "{point}");
    let (_, list) = app.get_json(&format!("{POINTS}?province=01")).await;
    assert!(list["items"].as_array().unwrap().iter().all(|p| p["id"] != id));

    let mut changed = point_body();
    changed["hours"] = json!("Hằng ngày 7:00–11:00");
    let (status, answer) = app.send_json(Method::PUT, &format!("{POINTS}/{id}"), Some(&officer), &changed).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["hours"], "Hằng ngày 7:00–11:00");
    let (status, _) = app.send_json(Method::PUT, &format!("{POINTS}/{id}"), Some(&elsewhere), &changed).await;
    assert_eq!(status, 404);

    let tea = app.producer().name("HTX Chè Tả Phìn").create().await;
    let (_, _, seller) = app.user(Role::Seller, Some(tea.id)).await;
    let mut own = point_body();
    own["producer_id"] = json!(tea.id);
    let (status, answer) = app.send_json(Method::POST, POINTS, Some(&seller), &own).await;
    assert_eq!(status, 201, "a cooperative's seller sets up its own shed: {answer}");
    let (status, _) = app.send_json(Method::POST, POINTS, Some(&seller), &point_body()).await;
    assert_eq!(status, 403, "but not the province's points");
}

#[tokio::test]
async fn a_producer_at_a_point_quotes_carriers_with_the_wait_for_the_next_run() {
    let app = crate::helpers::spawn_app().await;
    let (_, _, officer) = app.officer(&["12"]).await;
    // The only run leaves three days from today: whatever the hour, three more days.
    let run =
        json!({"weekdays": [weekday_in(3)], "time": "12:00", "carrier": "vehicle", "vehicle_name": "Xe HTX Sìn Hồ"});
    let (point, _) = point_with_run(&app, &officer, &run).await;
    let (tea, product) = remote_store(&app).await;
    let (_, _, seller) = app.user(Role::Seller, Some(tea.id)).await;
    let quote = || async {
        let (status, quote) = app
            .send_json(Method::POST, "/api/v1/checkout/quote", None, &checkout_body(&[(product.id, 1)], "vietqr"))
            .await;
        assert_eq!(status, 200, "{quote}");
        let options = quote["orders"][0]["options"].as_array().unwrap().clone();
        options.into_iter().find(|o| o["id"] == "ghn:standard").expect("GHN standard is offered")
    };
    let direct = quote().await;
    assert!(direct.get("via").is_none(), "{direct}");

    let terms = format!("/api/v1/producers/{}/delivery", tea.id);
    let (_, mut body) = app.get_json(&terms).await;
    assert_eq!(body["collection_point_id"], Value::Null);
    body["collection_point_id"] = json!(point);
    let (status, answer) = app.send_json(Method::PUT, &terms, Some(&seller), &body).await;
    assert_eq!(status, 200, "{answer}");
    let (_, read) = app.get_json(&terms).await;
    assert_eq!(read["collection_point_id"], point);

    let via = quote().await;
    assert_eq!(via["eta_days_min"].as_i64().unwrap(), direct["eta_days_min"].as_i64().unwrap() + 3, "{via}");
    assert_eq!(via["eta_days_max"].as_i64().unwrap(), direct["eta_days_max"].as_i64().unwrap() + 3, "{via}");
    assert_eq!(via["via"], "Bưu điện xã Sìn Hồ");
    assert_eq!(via["fee_vnd"], direct["fee_vnd"], "the wait costs days, not money");

    let (_, _, hanoi) = app.officer(&["01"]).await;
    let mut far = point_body();
    far["province_code"] = json!("01");
    far["commune_code"] = json!("00004");
    let (_, far) = app.send_json(Method::POST, POINTS, Some(&hanoi), &far).await;
    body["collection_point_id"] = far["id"].clone();
    let (status, answer) = app.send_json(Method::PUT, &terms, Some(&seller), &body).await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["errors"][0]["field"], "collection_point_id");
    body["collection_point_id"] = json!(999_999);
    let (status, answer) = app.send_json(Method::PUT, &terms, Some(&seller), &body).await;
    assert_eq!((status, answer["errors"][0]["field"].as_str()), (422, Some("collection_point_id")), "{answer}");
}

/// A time `hours` from now, as carriers send it.
fn in_hours(hours: i64) -> String {
    let t = time::OffsetDateTime::now_utc() + time::Duration::hours(hours);
    t.format(&time::format_description::well_known::Rfc3339).unwrap()
}

pub fn token_of(url: &str) -> String {
    url.rsplit_once("/collect/").expect("a keeper's link").1.to_string()
}

#[tokio::test]
async fn the_keeper_receives_a_parcel_once_and_the_run_hands_it_over_with_its_manifest() {
    let (app, _) = app_with_ghn().await;
    let (_, _, officer) = app.officer(&["12"]).await;
    let (point, run) =
        point_with_run(&app, &officer, &json!({"weekdays": ["mon", "thu"], "time": "14:00", "carrier": "ghn"})).await;
    let (order, seller) = ghn_order(&app).await;
    let producer = order["producer_id"].as_i64().unwrap();
    let terms = format!("/api/v1/producers/{producer}/delivery");
    let (_, mut body) = app.get_json(&terms).await;
    body["collection_point_id"] = json!(point);
    let (status, answer) = app.send_json(Method::PUT, &terms, Some(&seller), &body).await;
    assert_eq!(status, 200, "{answer}");
    let (status, created) = app
        .send_json(Method::POST, &format!("/api/v1/orders/{}/shipments", order["id"]), Some(&seller), &json!({}))
        .await;
    assert_eq!(status, 201, "{created}");
    let code = created[0]["code"].as_str().unwrap().to_string();
    let waybill = created[0]["tracking_code"].as_str().unwrap().to_string();

    let keepers = format!("{POINTS}/{point}/keepers");
    let (status, answer) = app.send_json(Method::POST, &keepers, Some(&officer), &json!({"days": 0})).await;
    assert_eq!(status, 422);
    assert!(answer["errors"].as_array().unwrap().iter().any(|e| e["field"] == "keeper_name"), "{answer}");
    let (status, keeper) =
        app.send_json(Method::POST, &keepers, Some(&officer), &json!({"keeper_name": "Lò Thị Mai"})).await;
    assert_eq!(status, 201, "{keeper}");
    let token = token_of(keeper["url"].as_str().unwrap());

    let (status, view) = app.get_json(&format!("/api/v1/collect/{token}")).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["expected"][0]["code"], code.as_str(), "{view}");
    let (status, page) = app.page(&format!("/collect/{token}")).await;
    assert_eq!(status, 200);
    assert!(page.contains(&code), "the keeper's page lists the parcel");

    let scans = format!("/api/v1/collect/{token}/scans");
    let (status, answer) = app.send_json(Method::POST, &scans, None, &json!({"code": waybill})).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["outcome"], "received");
    let (status, again) = app.send_json(Method::POST, &scans, None, &json!({"code": code.to_lowercase()})).await;
    assert_eq!((status, again["outcome"].as_str()), (200, Some("already_received")), "{again}");
    let (status, unknown) = app.send_json(Method::POST, &scans, None, &json!({"code": "DS-NOPE-9"})).await;
    assert_eq!(status, 422, "{unknown}");
    assert_eq!(unknown["errors"][0]["field"], "code");
    assert!(unknown["errors"][0]["message"].as_str().unwrap().contains("DS-NOPE-9"), "{unknown}");
    let (_, read) = app.get_json_as(&format!("/api/v1/orders/{}", order["id"]), &seller).await;
    assert_eq!(read["shipments"][0]["status"], "at_collection_point");
    let journey: Vec<&str> =
        read["shipments"][0]["events"].as_array().unwrap().iter().map(|e| e["status"].as_str().unwrap()).collect();
    assert_eq!(journey, ["booked", "at_collection_point"], "one event for two scans");

    let manifest = format!("{POINTS}/{point}/runs/{run}/manifest?date=2026-12-03");
    let (status, list) = app.get_json_as(&manifest, &officer).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list["closed"], false);
    assert_eq!(list["parcels"][0]["code"], code.as_str());
    assert_eq!(list["parcels"][0]["waybill"], waybill.as_str());
    assert_eq!(list["parcels"][0]["weight_g"], created[0]["weight_g"]);
    assert_eq!(list["parcels"][0]["cod_vnd"], order["total_vnd"], "cash on delivery: goods and delivery");
    assert_eq!((list["parcel_count"].as_i64(), list["cod_vnd"].clone()), (Some(1), order["total_vnd"].clone()));
    let pdf = app.api.get(app.url(&format!("{manifest}&format=pdf"))).bearer_auth(&officer).send().await.unwrap();
    assert_eq!(pdf.status(), 200);
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF"));
    let (status, page) = app.page(&format!("/shipping/collection-points/{point}/runs/{run}/manifest")).await;
    assert_eq!(status, 303, "the manifest page needs a signed-in manager: {page}");

    let handover = format!("{POINTS}/{point}/runs/{run}/handover");
    let (status, closed) = app.send_json(Method::POST, &handover, Some(&officer), &json!({"date": "2026-12-03"})).await;
    assert_eq!(status, 200, "{closed}");
    assert_eq!((closed["closed"].as_bool(), closed["parcel_count"].as_i64()), (Some(true), Some(1)));
    let (status, _) = app.send_json(Method::POST, &handover, Some(&officer), &json!({"date": "2026-12-03"})).await;
    assert_eq!(status, 409, "closed once");
    let (_, list) = app.get_json_as(&manifest, &officer).await;
    assert_eq!(list["parcels"][0]["code"], code.as_str(), "the closed manifest keeps its parcels");

    let picked = json!({"OrderCode": waybill, "ClientOrderCode": code, "Type": "switch_status", "Status": "picked",
        "Time": in_hours(1), "Reason": "", "ShopID": 81558, "CODAmount": 0, "Weight": 600});
    let (status, answer) = app
        .send_json(
            Method::POST,
            &format!("/api/v1/shipping/webhooks/ghn?token={}", crate::logistics::HOOK_TOKEN),
            None,
            &picked,
        )
        .await;
    assert_eq!((status, answer["outcome"].as_str()), (200, Some("applied")), "{answer}");
    let (_, read) = app.get_json_as(&format!("/api/v1/orders/{}", order["id"]), &seller).await;
    assert_eq!(read["status"], "shipped", "the carrier's pick-up at the point ships the order");
    assert_eq!(read["shipments"][0]["status"], "picked_up");
    let (_, answer) = app.send_json(Method::POST, &scans, None, &json!({"code": code})).await;
    assert_eq!(answer["outcome"], "already_received", "a late scan changes nothing");
}

/// The camera scanner: the keeper's page, and only it, may use the camera and
/// start the QR decoder's worker; its scripts come from this site.
#[tokio::test]
async fn the_keepers_page_may_use_the_camera_and_loads_its_scanner_from_this_site() {
    let app = crate::helpers::spawn_app().await;
    let (_, _, officer) = app.officer(&["12"]).await;
    let (point, _) = point_with_run(
        &app,
        &officer,
        &json!({"weekdays": ["tue"], "time": "14:00", "carrier": "vehicle", "vehicle_name": "Xe"}),
    )
    .await;
    let (_, keeper) = app
        .send_json(Method::POST, &format!("{POINTS}/{point}/keepers"), Some(&officer), &json!({"keeper_name": "Mai"}))
        .await;
    let token = token_of(keeper["url"].as_str().unwrap());
    let response = app.api.get(app.url(&format!("/collect/{token}"))).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let header = |name: &str| response.headers()[name].to_str().unwrap().to_string();
    assert_eq!(header("permissions-policy"), "camera=(self), microphone=(), geolocation=()");
    assert_eq!(header("referrer-policy"), "no-referrer", "the token stays out of other sites' logs");
    let csp = header("content-security-policy");
    assert!(csp.contains("worker-src 'self' blob:") && csp.contains("script-src 'self'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    let html = response.text().await.unwrap();
    let script = dacsan::web::assets::collect_scan_js_url();
    assert!(html.contains(&format!("<script type=\"module\" src=\"{script}\">")), "{html}");
    assert!(html.contains("id=\"camera-start\"") && html.contains("id=\"scan-form\""));

    // Its module imports qr-scanner, which imports its worker, both by relative names.
    let scanner = app.api.get(app.url(script)).send().await.unwrap().text().await.unwrap();
    assert!(scanner.contains("from './qr-scanner-1.4.2.min.js'"));
    for (file, holds) in
        [("qr-scanner-1.4.2.min.js", "./qr-scanner-worker.min.js"), ("qr-scanner-worker.min.js", "createWorker")]
    {
        let served = app.api.get(app.url(&format!("/assets/{file}"))).send().await.unwrap();
        assert_eq!(served.status(), 200, "{file}");
        assert!(served.headers()["content-type"].to_str().unwrap().starts_with("text/javascript"));
        assert!(served.text().await.unwrap().contains(holds), "{file}");
    }

    // Every other page keeps the camera off and workers to this site.
    let home = app.api.get(app.url("/")).send().await.unwrap();
    assert_eq!(home.headers()["permissions-policy"], "camera=(), microphone=(), geolocation=()");
    assert!(!home.headers()["content-security-policy"].to_str().unwrap().contains("blob:"));
}

#[tokio::test]
async fn a_keepers_link_stops_working_when_revoked_or_expired() {
    let app = crate::helpers::spawn_app().await;
    let (_, _, officer) = app.officer(&["12"]).await;
    let (point, _) =
        point_with_run(&app, &officer, &json!({"weekdays": ["tue"], "time": "14:00", "carrier": "vnpost"})).await;
    let keepers = format!("{POINTS}/{point}/keepers");
    let (_, first) = app.send_json(Method::POST, &keepers, Some(&officer), &json!({"keeper_name": "A"})).await;
    let (_, second) = app.send_json(Method::POST, &keepers, Some(&officer), &json!({"keeper_name": "B"})).await;
    let (first_token, second_token) =
        (token_of(first["url"].as_str().unwrap()), token_of(second["url"].as_str().unwrap()));
    assert_eq!(app.get_json(&format!("/api/v1/collect/{first_token}")).await.0, 200);
    let (status, _) =
        app.send_json(Method::DELETE, &format!("{keepers}/{}", first["id"]), Some(&officer), &json!({})).await;
    assert_eq!(status, 204);
    let (status, problem) =
        app.send_json(Method::POST, &format!("/api/v1/collect/{first_token}/scans"), None, &json!({"code": "X"})).await;
    assert_eq!(status, 410, "{problem}");
    assert_eq!(app.page(&format!("/collect/{first_token}")).await.0, 410);
    app.expire_keeper_link(second["id"].as_i64().unwrap()).await;
    assert_eq!(app.get_json(&format!("/api/v1/collect/{second_token}")).await.0, 410);
    assert_eq!(app.get_json("/api/v1/collect/not-a-token").await.0, 404);
}

#[tokio::test]
async fn an_officer_manages_points_and_runs_from_the_pages() {
    let app = crate::helpers::spawn_app().await;
    let (_, email, _) = app.officer(&["12"]).await;
    app.sign_in(&email, "password-123").await;
    let (status, page) = app.page("/shipping/collection-points").await;
    assert_eq!(status, 200, "{page}");
    let fields = [
        ("name", "Kho HTX Nậm Tăm"),
        ("province_code", "12"),
        ("commune_code", "03478"),
        ("contact_name", "Lò Văn Pâng"),
        ("contact_phone", "1"),
    ];
    let (status, _, page) = app.post_form("/shipping/collection-points", &fields).await;
    assert_eq!(status, 200);
    assert!(page.contains("field-error"), "the bad phone is named on the form");
    let mut fields = fields.to_vec();
    fields[4] = ("contact_phone", "0912345678");
    let (status, location, _) = app.post_form("/shipping/collection-points", &fields).await;
    assert_eq!(status, 303);
    let run =
        [("wd_tue", "on"), ("wd_fri", "on"), ("time", "14:00"), ("carrier", "vehicle"), ("vehicle_name", "Xe HTX")];
    let (status, _, _) = app.post_form(&format!("{location}/runs"), &run).await;
    assert_eq!(status, 303);
    let (status, _, page) =
        app.post_form(&format!("{location}/keepers"), &[("keeper_name", "Lò Thị Mai"), ("days", "30")]).await;
    assert_eq!(status, 200);
    assert!(page.contains("/collect/") && page.contains("<svg"), "the link and its QR, shown once");
    let (_, page) = app.page(&location).await;
    assert!(page.contains("Xe HTX") && page.contains("14:00"), "{page}");
}

#[tokio::test]
async fn a_producer_sets_its_delivery_terms_and_point_from_a_phone() {
    let app = crate::helpers::spawn_app().await;
    let (_, _, officer) = app.officer(&["12"]).await;
    let run = json!({"weekdays": [weekday_in(2)], "time": "14:00", "carrier": "vehicle", "vehicle_name": "Xe HTX"});
    let (point, _) = point_with_run(&app, &officer, &run).await;
    let (tea, _) = remote_store(&app).await;
    let (_, email, _) = app.user(Role::Seller, Some(tea.id)).await;
    app.sign_in(&email, "password-123").await;
    let page = format!("/seller/producers/{}/delivery", tea.id);
    let (status, html) = app.page(&page).await;
    assert_eq!(status, 200);
    assert!(html.contains("Bưu điện xã Sìn Hồ"), "the province's points to choose from");

    let point = point.to_string();
    let mut fields = vec![
        ("pickup", "on"),
        ("own_delivery", "on"),
        ("own_fee_vnd", "ba mươi nghìn"),
        ("own_area", "province"),
        ("own_eta_days_min", "1"),
        ("own_eta_days_max", "2"),
        ("collection_point_id", point.as_str()),
    ];
    let (status, _, html) = app.post_form(&page, &fields).await;
    assert_eq!(status, 422);
    assert!(html.contains("«ba mươi nghìn»"), "names what was typed");
    fields[2] = ("own_fee_vnd", "30.000");
    fields[5] = ("own_eta_days_max", "0");
    let (status, _, html) = app.post_form(&page, &fields).await;
    assert_eq!(status, 422, "the latest before the soonest");
    assert!(html.contains("từ 0 đến 60"));
    fields[5] = ("own_eta_days_max", "2");
    let (status, location, _) = app.post_form(&page, &fields).await;
    assert_eq!((status, location), (303, format!("{page}?saved=1")));

    let (_, terms) = app.get_json(&format!("/api/v1/producers/{}/delivery", tea.id)).await;
    assert_eq!(terms["own_fee_vnd"], 30_000);
    assert_eq!(terms["collection_point_id"].to_string(), point);
    assert_eq!((terms["pickup"].as_bool(), terms["own_eta_days_max"].as_i64()), (Some(true), Some(2)));
    let (_, html) = app.page(&format!("{page}?saved=1")).await;
    assert!(html.contains(&format!("<option value=\"{point}\" selected>")), "the choice shown again");

    let other = app.producer().name("HTX Mật ong Mèo Vạc").place("08", "00769").create().await;
    let (_, other_email, _) = app.user(Role::Seller, Some(other.id)).await;
    app.sign_in(&other_email, "password-123").await;
    let (status, _) = app.page(&page).await;
    assert_eq!(status, 403, "another producer's sellers do not see it");
}
