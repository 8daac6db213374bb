//! Traceability: batches, events, the resolver behind every label, scans, labels,
//! the signed record and the EPCIS export and capture.

use std::time::Duration;

use dacsan::auth::Role;
use dacsan::trace::chain::{self, Record};
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app, spawn_app_with, test_settings};

/// GS1's own example GTIN (valid check digit, Vietnam's 893 prefix).
pub(crate) const GTIN: &str = "8934563138165";
const SCHEMA: &str = include_str!("../../../gs1/tests/data/EPCIS-JSON-Schema.json");

pub(crate) struct Setup {
    pub product_id: i64,
    pub token: String,
    pub slug: String,
}

pub(crate) async fn setup(app: &TestApp, gtin: Option<&str>) -> Setup {
    let producer = app.producer().create().await;
    let mut product =
        app.product(producer.id).name("Mật ong bạc hà", "Mint honey").stars(4, "2025-01-01", "2028-01-01");
    if let Some(gtin) = gtin {
        product = product.gtin(gtin);
    }
    let product = product.create().await;
    let (_, _, token) = app.user(Role::Seller, Some(producer.id)).await;
    Setup { product_id: product.id, token, slug: product.slug }
}

pub(crate) async fn create_batch(app: &TestApp, s: &Setup, lot: &str) -> Value {
    let body = json!({
        "lot": lot, "produced_on": "2026-05-01", "expires_on": "2027-05-01", "quantity": 500,
        "latitude": "22.3964", "longitude": 103.2722, "standards": "TCVN 12605:2019",
        "inputs": [{"description": "Hoa bạc hà Đồng Văn"}]
    });
    let (status, batch) =
        app.send_json(Method::POST, &format!("/api/v1/products/{}/batches", s.product_id), Some(&s.token), &body).await;
    assert_eq!(status, 201, "{batch}");
    batch
}

async fn add_event(app: &TestApp, batch_id: i64, token: &str, body: Value) -> (u16, Value) {
    app.send_json(Method::POST, &format!("/api/v1/batches/{batch_id}/events"), Some(token), &body).await
}

pub(crate) fn path_of(url: &str) -> String {
    let after_scheme = url.split_once("://").map(|(_, rest)| rest).unwrap_or(url);
    after_scheme[after_scheme.find('/').unwrap()..].to_string()
}

pub(crate) async fn record_of(app: &TestApp, batch_id: i64) -> Record {
    let (status, record) = app.get_json(&format!("/api/v1/batches/{batch_id}/record")).await;
    assert_eq!(status, 200, "{record}");
    serde_json::from_value(record).unwrap()
}

pub(crate) async fn published_key(app: &TestApp) -> ed25519_dalek::VerifyingKey {
    let (status, key) = app.get_json("/.well-known/dacsan-trace-key").await;
    assert_eq!(status, 200);
    assert_eq!(key["algorithm"], "Ed25519");
    chain::parse_public_key(key["public_key"].as_str().unwrap()).unwrap()
}

#[tokio::test]
async fn a_batch_with_events_resolves_by_digital_link_and_verifies() {
    let app = spawn_app().await;
    let s = setup(&app, Some(GTIN)).await;
    let batch = create_batch(&app, &s, "MO-2026-05").await;
    let id = batch["id"].as_i64().unwrap();
    assert!(batch["digital_link"].as_str().unwrap().ends_with("/01/08934563138165/10/MO-2026-05"), "{batch}");
    assert_eq!(batch["latitude"], "22.396400");
    for (kind, who) in
        [("harvest", "Tổ thu hoạch bản Sủng Là"), ("processing", "Xưởng HTX"), ("shipping", "Viettel Post")]
    {
        let (status, event) =
            add_event(&app, id, &s.token, json!({"kind": kind, "who": who, "commune_code": "03478", "quantity": 500}))
                .await;
        assert_eq!(status, 201, "{event}");
        assert!(event["note"].is_null());
    }

    let (status, html) = app.page("/01/08934563138165/10/MO-2026-05").await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Chính hãng"), "the genuine mark");
    for text in
        ["Thu hoạch", "Chế biến", "Vận chuyển", "Viettel Post", "Mật ong bạc hà", "TCVN 12605:2019", "Xã Sìn Hồ"]
    {
        assert!(html.contains(text), "the batch page shows {text}");
    }
    let (status, same) = app.page("/01/8934563138165/10/MO-2026-05").await;
    assert_eq!(status, 200, "a GTIN-13 spelling resolves too: {same}");

    let response = app
        .api
        .get(app.url("/01/08934563138165/10/MO-2026-05"))
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let resolved: Value = response.json().await.unwrap();
    assert_eq!(resolved["genuine"], true, "{resolved}");
    assert_eq!(resolved["events"].as_array().unwrap().len(), 3);
    assert_eq!(resolved["product"]["ocop_stars"], 4);

    let response = app.api.get(app.url("/01/08934563138165/10/MO-2026-05?linkType=all")).send().await.unwrap();
    assert_eq!(response.headers()["content-type"], "application/linkset+json");
    let linkset: Value = response.json().await.unwrap();
    let links = &linkset["linkset"][0];
    assert!(links["anchor"].as_str().unwrap().ends_with("/01/08934563138165/10/MO-2026-05"));
    assert!(links["https://gs1.org/voc/pip"][0]["href"].as_str().unwrap().ends_with(&format!("/p/{}", s.slug)));
    assert!(
        links["https://gs1.org/voc/traceability"][0]["href"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/batches/{id}/epcis"))
    );

    let response = app.browser.get(app.url("/01/08934563138165/10/MO-2026-05?linkType=gs1:pip")).send().await.unwrap();
    assert_eq!(response.status(), 307);
    assert!(response.headers()["location"].to_str().unwrap().ends_with(&format!("/p/{}", s.slug)));

    let response = app.browser.get(app.url("/01/08934563138165")).send().await.unwrap();
    assert_eq!(response.status(), 303, "a GTIN alone opens the product page");

    let (_, product_page) = app.page(&format!("/p/{}", s.slug)).await;
    assert!(product_page.contains("href=\"/01/08934563138165/10/MO-2026-05\""), "the product page lists its batches");
    assert!(product_page.contains("facebook.com/sharer"), "with share links");
    app.browser.get(app.url("/lang/en?back=/")).send().await.unwrap();
    let english =
        app.browser.get(app.url("/01/08934563138165/10/MO-2026-05")).send().await.unwrap().text().await.unwrap();
    assert!(english.contains("Genuine") && english.contains("Mint honey"), "an English page for export buyers");

    let record = record_of(&app, id).await;
    let key = published_key(&app).await;
    assert_eq!(chain::verify(&record, Some(&key)).unwrap().event_count, 3);
    assert_eq!(record.header["producer"]["tax_code"], "6200123456", "Circular 02/2024 items are in the record");
    assert_eq!(record.header["expires_on"], "2027-05-01");
    assert_eq!(record.header["product"]["name"], "Mật ong bạc hà");
}

#[tokio::test]
async fn unknown_lots_serials_and_bad_gtins_are_explained_not_errors() {
    let app = spawn_app().await;
    let s = setup(&app, Some(GTIN)).await;
    create_batch(&app, &s, "L1").await;
    let (status, html) = app.page("/01/08934563138165/10/NOPE").await;
    assert_eq!(status, 404);
    assert!(html.contains("NOPE"), "the 404 page names the lot: {html}");
    let (status, html) = app.page("/01/08934563138165/10/L1/21/ZZZZZZZZZZZZ").await;
    assert_eq!(status, 404);
    assert!(html.contains("ZZZZZZZZZZZZ"), "{html}");
    let (status, html) = app.page("/01/08934563138166/10/L1").await;
    assert_eq!(status, 400, "a wrong check digit is a bad request");
    assert!(html.to_lowercase().contains("check digit"), "{html}");
    let (status, _) = app.page("/q/NOSUCHCODE").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn only_the_producer_its_officers_and_admins_record_events() {
    let app = spawn_app().await;
    let s = setup(&app, None).await;
    let id = create_batch(&app, &s, "L1").await["id"].as_i64().unwrap();
    let other = app.producer().name("HTX khác").create().await;
    let (_, _, other_seller) = app.user(Role::Seller, Some(other.id)).await;
    let (_, _, buyer) = app.user(Role::Buyer, None).await;
    let event = json!({"kind": "receiving", "who": "Kho Hà Nội"});
    assert_eq!(add_event(&app, id, &other_seller, event.clone()).await.0, 403, "another producer's seller");
    assert_eq!(add_event(&app, id, &buyer, event.clone()).await.0, 403);
    let (status, _) = app.send_json(Method::POST, &format!("/api/v1/batches/{id}/events"), None, &event).await;
    assert_eq!(status, 401);

    let (officer_id, _, officer) = app.user(Role::Officer, None).await;
    dacsan::auth::store::add_officer_province(&app.state.db, officer_id, "12").await.unwrap();
    let (status, body) =
        add_event(&app, id, &officer, json!({"kind": "quality_test", "passed": false, "note": "Độ ẩm 21%"})).await;
    assert_eq!(status, 201, "an officer of Lai Châu: {body}");
    let (far_officer_id, _, far_officer) = app.user(Role::Officer, None).await;
    dacsan::auth::store::add_officer_province(&app.state.db, far_officer_id, "01").await.unwrap();
    assert_eq!(add_event(&app, id, &far_officer, event).await.0, 403, "an officer of Hà Nội");
    let (status, _) = app
        .send_json(Method::POST, &format!("/api/v1/batches/{id}/serials"), Some(&other_seller), &json!({"count": 1}))
        .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn bad_events_are_refused_by_field_and_late_ones_are_ordered_by_time() {
    let app = spawn_app().await;
    let s = setup(&app, None).await;
    let id = create_batch(&app, &s, "L1").await["id"].as_i64().unwrap();
    let (status, body) = add_event(
        &app,
        id,
        &s.token,
        json!({"kind": "dancing", "time": "yesterday", "commune_code": "99999", "gln": "8930000000001"}),
    )
    .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    for field in ["kind", "time", "commune_code", "gln"] {
        assert!(fields.contains(&field), "{field} in {body}");
    }
    let (status, _) =
        add_event(&app, id, &s.token, json!({"kind": "shipping", "time": "2026-05-10T08:00:00+07:00"})).await;
    assert_eq!(status, 201);
    let (status, late) =
        add_event(&app, id, &s.token, json!({"kind": "harvest", "time": "2026-05-01T06:00:00+07:00"})).await;
    assert_eq!(status, 201, "accepted");
    assert!(late["note"].as_str().unwrap().contains("sớm hơn sự kiện đã ghi"), "with a note: {late}");
    let (_, resolved) = json_resolution(&app, &format!("/q/{}", batch_code(&app, id).await)).await;
    let kinds: Vec<&str> = resolved["events"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["harvest", "shipping"], "the timeline follows event time");

    let (status, _) = add_event(&app, id, &s.token, json!({"kind": "shipping", "corrects": 1, "note": "Sai xe"})).await;
    assert_eq!(status, 201, "a correction is a new event");
    let (status, body) = add_event(&app, id, &s.token, json!({"kind": "shipping", "corrects": 99})).await;
    assert_eq!((status, body["errors"][0]["field"].as_str()), (422, Some("corrects")));
    let (status, body) = add_event(&app, id, &s.token, json!({"kind": "shipping", "attachments": [12345]})).await;
    assert_eq!((status, body["errors"][0]["field"].as_str()), (422, Some("attachments")));

    let updated = sqlx::query("UPDATE trace_events SET body = '{}' WHERE seq = 1").execute(&app.state.db.pool).await;
    assert!(updated.is_err(), "the database itself refuses to edit an event");
    let deleted = sqlx::query("DELETE FROM trace_events").execute(&app.state.db.pool).await;
    assert!(deleted.is_err(), "or to delete one");
    let record = record_of(&app, id).await;
    assert!(chain::verify(&record, None).is_ok());
    assert_eq!(record.events.len(), 3);
}

async fn batch_code(app: &TestApp, id: i64) -> String {
    app.get_json(&format!("/api/v1/batches/{id}")).await.1["code"].as_str().unwrap().to_string()
}

async fn json_resolution(app: &TestApp, path: &str) -> (u16, Value) {
    let response = app.api.get(app.url(path)).header("accept", "application/json").send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn batches_need_valid_fields_and_unique_lots() {
    let app = spawn_app().await;
    let s = setup(&app, None).await;
    create_batch(&app, &s, "L1").await;
    let path = format!("/api/v1/products/{}/batches", s.product_id);
    let (status, body) = app
        .send_json(
            Method::POST,
            &path,
            Some(&s.token),
            &json!({"lot": "L1", "produced_on": "2026-05-01", "quantity": 5}),
        )
        .await;
    assert_eq!((status, body["errors"][0]["field"].as_str()), (409, Some("lot")), "{body}");
    let (status, body) = app
        .send_json(
            Method::POST,
            &path,
            Some(&s.token),
            &json!({"lot": "có dấu", "quantity": 0, "inputs": [{"batch_id": 999}]}),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let (status, body) = app
        .send_json(
            Method::POST,
            &path,
            Some(&s.token),
            &json!({"lot": "L2", "produced_on": "2026-05-01", "quantity": 5, "inputs": [{"batch_id": 999}]}),
        )
        .await;
    assert_eq!((status, body["errors"][0]["field"].as_str()), (422, Some("inputs[0].batch_id")), "{body}");
    let (status, _) = app.send_json(Method::POST, &path, None, &json!({"lot": "L3"})).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn serial_labels_count_scans_and_flag_copies() {
    let app = spawn_app_with(dacsan::config::Settings { scan_alert_count: 4, ..test_settings() }).await;
    let s = setup(&app, Some(GTIN)).await;
    let id = create_batch(&app, &s, "L1").await["id"].as_i64().unwrap();
    let path = format!("/api/v1/batches/{id}/serials");
    let (status, body) = app.send_json(Method::POST, &path, Some(&s.token), &json!({"count": 3})).await;
    assert_eq!(status, 201, "{body}");
    let urls: Vec<String> = body["urls"].as_array().unwrap().iter().map(|u| u.as_str().unwrap().to_string()).collect();
    assert_eq!(urls.len(), 3);
    assert!(urls[0].contains("/01/08934563138165/10/L1/21/"), "{urls:?}");
    let (status, body) = app.send_json(Method::POST, &path, Some(&s.token), &json!({"count": 498})).await;
    assert_eq!((status, body["errors"][0]["field"].as_str()), (422, Some("count")), "no more serials than units");

    let label = path_of(&urls[0]);
    let (status, first) = json_resolution(&app, &label).await;
    assert_eq!(status, 200, "{first}");
    assert_eq!(first["serial"]["scan_count"], 1);
    assert_eq!(first["serial"]["suspicious"], false);
    let serial = label.rsplit('/').next().unwrap().to_string();
    let without_lot = format!("/01/08934563138165/21/{serial}");
    assert_eq!(json_resolution(&app, &without_lot).await.0, 200, "the serial with the GTIN alone resolves");
    assert_eq!(
        app.page(&format!("/01/08934563138165/10/OTHER/21/{serial}")).await.0,
        404,
        "under another lot it is a fake"
    );

    // Scans are written by a background task: wait for them to land.
    let mut count = 0;
    for _ in 0..50 {
        count = json_resolution(&app, &label).await.1["serial"]["scan_count"].as_i64().unwrap();
        if count > 4 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(count > 4, "scans were counted: {count}");
    let (_, html) = app.page(&label).await;
    assert!(html.contains("có thể bị sao chép"), "a label scanned too often is flagged");

    let second = path_of(&urls[1]);
    for place in ["Hanoi", "Da Nang", "Ho Chi Minh City"] {
        app.api.get(app.url(&second)).header("cf-ipcity", place).send().await.unwrap();
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let mut flagged = false;
    for _ in 0..30 {
        let (_, body) = json_resolution(&app, &second).await;
        if body["serial"]["suspicious"] == true {
            flagged = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(flagged, "a label scanned in three cities is flagged");
    let (_, fresh) = json_resolution(&app, &path_of(&urls[2])).await;
    assert_eq!(fresh["serial"]["suspicious"], false);
}

/// A batch with two serial labels: its id and the labels' paths.
async fn batch_with_two_serials(app: &TestApp) -> (i64, Vec<String>) {
    let s = setup(app, Some(GTIN)).await;
    let id = create_batch(app, &s, "L1").await["id"].as_i64().unwrap();
    let path = format!("/api/v1/batches/{id}/serials");
    let (_, body) = app.send_json(Method::POST, &path, Some(&s.token), &json!({"count": 2})).await;
    (id, body["urls"].as_array().unwrap().iter().map(|u| path_of(u.as_str().unwrap())).collect())
}

/// Every resolution of a serial is counted, also hundreds at once (the writer folds
/// a serial's scans of one moment into one row update).
#[tokio::test]
async fn every_scan_is_counted_under_concurrent_load() {
    let app = spawn_app().await;
    let (id, urls) = batch_with_two_serials(&app).await;
    let mut tasks = Vec::new();
    for i in 0..300 {
        let (client, url) = (app.api.clone(), app.url(&urls[i % 2]));
        tasks.push(tokio::spawn(async move { client.get(url).send().await.unwrap().status().as_u16() }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), 200);
    }
    let counts = || async {
        let rows = sqlx::query(
            "SELECT COALESCE(t.scan_count, 0) FROM serials s LEFT JOIN serial_scan_stats t ON t.serial_id = s.id
             WHERE s.batch_id = $1 ORDER BY s.id",
        )
        .bind(id)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
        rows.iter().map(|r| sqlx::Row::get::<i64, _>(r, 0)).collect::<Vec<i64>>()
    };
    let mut seen = Vec::new();
    for _ in 0..50 {
        seen = counts().await;
        if seen.iter().sum::<i64>() >= 300 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(seen, [150, 150], "each of the 300 scans counted once");
    let scans: i64 = sqlx::Row::get(
        &sqlx::query("SELECT COUNT(*) FROM serial_scans s JOIN serials x ON x.id = s.serial_id WHERE x.batch_id = $1")
            .bind(id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap(),
        0,
    );
    assert_eq!(scans, 300);
}

/// A server told to stop (SIGTERM, as a service manager does at a deploy) writes
/// the label scans still waiting in its queue before it exits: none is lost.
#[cfg(unix)]
#[tokio::test]
async fn a_server_stopping_writes_the_scans_it_was_still_holding() {
    let app = spawn_app().await;
    let (id, urls) = batch_with_two_serials(&app).await;
    let (mut server, base) = crate::helpers::serve_process(&app, &[]).await;
    let mut tasks = Vec::new();
    for i in 0..400 {
        let (client, url) = (app.api.clone(), format!("{base}{}", urls[i % 2]));
        tasks.push(tokio::spawn(async move { client.get(url).send().await.unwrap().status().as_u16() }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), 200);
    }
    let pid = server.id().expect("the server is running").to_string();
    let sent = std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(sent.success());
    let exit = tokio::time::timeout(Duration::from_secs(20), server.wait()).await.expect("stops").unwrap();
    assert!(exit.success(), "a clean stop: {exit:?}");
    let counted: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM serial_scans s JOIN serials x ON x.id = s.serial_id WHERE x.batch_id = $1",
    )
    .bind(id)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(counted, 400, "every scan answered before the stop is written");
}

#[tokio::test]
async fn products_without_a_gtin_get_short_codes_and_labels_decode() {
    let app = spawn_app().await;
    let s = setup(&app, None).await;
    let batch = create_batch(&app, &s, "L-7").await;
    let id = batch["id"].as_i64().unwrap();
    let code = batch["code"].as_str().unwrap();
    let link = batch["digital_link"].as_str().unwrap();
    assert!(link.ends_with(&format!("/q/{code}")), "{link}");
    let (status, html) = app.page(&format!("/q/{}", code.to_lowercase())).await;
    assert_eq!(status, 200, "codes are read in any case: {html}");

    let png = app.api.get(app.url(&format!("/api/v1/batches/{id}/qr.png"))).send().await.unwrap();
    assert_eq!(png.headers()["content-type"], "image/png");
    let picture = image::load_from_memory(&png.bytes().await.unwrap()).unwrap().to_luma8();
    let (width, height) = picture.dimensions();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(width as usize, height as usize, |x, y| {
        picture.get_pixel(x as u32, y as u32).0[0]
    });
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1);
    let (_, content) = grids[0].decode().unwrap();
    assert_eq!(content, link, "the QR holds the Digital Link URL");
    let svg = app.api.get(app.url(&format!("/api/v1/batches/{id}/qr.svg"))).send().await.unwrap();
    assert!(svg.text().await.unwrap().contains("<svg"));

    let (status, body) = app
        .send_json(Method::POST, &format!("/api/v1/batches/{id}/serials"), Some(&s.token), &json!({"count": 20}))
        .await;
    assert_eq!(status, 201);
    let unit = path_of(body["urls"][0].as_str().unwrap());
    assert!(unit.starts_with(&format!("/q/{code}/")), "{unit}");
    assert_eq!(app.page(&unit).await.0, 200);

    let labels = |query: &str| {
        app.api.get(app.url(&format!("/api/v1/batches/{id}/labels.pdf{query}"))).bearer_auth(&s.token).send()
    };
    let pdf = labels("?layout=4x10").await.unwrap();
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF-"));
    let per_batch = labels("?layout=3x7&mode=batch&sheets=2").await.unwrap();
    assert_eq!(per_batch.status(), 200);
    let bad = labels("?layout=9x9").await.unwrap();
    assert_eq!(bad.status(), 422);
    let body: Value = bad.json().await.unwrap();
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("5x13"), "{body}");
    let anonymous = app.api.get(app.url(&format!("/api/v1/batches/{id}/labels.pdf"))).send().await.unwrap();
    assert_eq!(anonymous.status(), 401);
}

fn schema_errors(document: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let validator = jsonschema::draft7::options().offline().should_validate_formats(true).build(&schema).unwrap();
    validator.iter_errors(document).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

#[tokio::test]
async fn the_epcis_export_validates_and_captured_events_are_filed_by_lot() {
    let app = spawn_app().await;
    let s = setup(&app, Some(GTIN)).await;
    let id = create_batch(&app, &s, "MO-1").await["id"].as_i64().unwrap();
    for body in [
        json!({"kind": "harvest", "quantity": 500}),
        json!({"kind": "processing", "gln": "8934563000004"}),
        json!({"kind": "packing", "container": "Thùng 12"}),
        json!({"kind": "quality_test", "passed": true, "note": "Đạt TCVN"}),
        json!({"kind": "shipping", "corrects": 1}),
        json!({"kind": "retail"}),
    ] {
        let (status, event) = add_event(&app, id, &s.token, body).await;
        assert_eq!(status, 201, "{event}");
    }
    let response = app.api.get(app.url(&format!("/api/v1/batches/{id}/epcis"))).send().await.unwrap();
    assert_eq!(response.headers()["content-type"], "application/ld+json");
    let document: Value = response.json().await.unwrap();
    let errors = schema_errors(&document);
    assert!(errors.is_empty(), "schema errors: {errors:#?}\n{document:#}");
    let events = document["epcisBody"]["eventList"].as_array().unwrap();
    let types: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
    assert_eq!(
        types,
        ["ObjectEvent", "TransformationEvent", "AggregationEvent", "ObjectEvent", "ObjectEvent", "ObjectEvent"]
    );
    assert_eq!(events[0]["bizStep"], "commissioning");
    assert_eq!(events[0]["quantityList"][0]["epcClass"], "https://id.gs1.org/01/08934563138165/10/MO-1");
    assert_eq!(events[1]["readPoint"]["id"], "https://id.gs1.org/414/8934563000004");

    let capture = json!({
        "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
        "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-05-20T10:00:00+07:00",
        "epcisBody": {"eventList": [{
            "type": "ObjectEvent", "eventID": "urn:uuid:6f0c3c6a-8f1e-4a52-9d1b-1f2a3b4c5d6e",
            "eventTime": "2026-05-20T09:00:00+07:00", "eventTimeZoneOffset": "+07:00",
            "action": "OBSERVE", "bizStep": "receiving", "disposition": "in_progress",
            "quantityList": [{"epcClass": "https://id.gs1.org/01/08934563138165/10/MO-1", "quantity": 40}]
        }]}
    });
    let (status, body) = app.send_json(Method::POST, "/api/v1/epcis/events", Some(&s.token), &capture).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["events"][0]["kind"], "receiving");
    let (status, _) = app.send_json(Method::POST, "/api/v1/epcis/events", Some(&s.token), &capture).await;
    assert_eq!(status, 409, "the same eventID twice");

    let mut unknown = capture.clone();
    unknown["epcisBody"]["eventList"][0]["quantityList"][0]["epcClass"] =
        json!("https://id.gs1.org/01/08934563138165/10/NOPE");
    unknown["epcisBody"]["eventList"][0]["eventID"] = json!("urn:uuid:6f0c3c6a-8f1e-4a52-9d1b-000000000001");
    let (status, body) = app.send_json(Method::POST, "/api/v1/epcis/events", Some(&s.token), &unknown).await;
    assert_eq!((status, body["errors"][0]["field"].as_str()), (422, Some("events[0]")), "{body}");
    let mut bad = capture.clone();
    bad["epcisBody"]["eventList"][0]["bizStep"] = json!("dancing");
    let (status, body) = app.send_json(Method::POST, "/api/v1/epcis/events", Some(&s.token), &bad).await;
    assert_eq!(status, 422);
    assert!(body["errors"][0]["field"].as_str().unwrap().contains("bizStep"), "{body}");
    let other = app.producer().name("HTX khác").create().await;
    let (_, _, stranger) = app.user(Role::Seller, Some(other.id)).await;
    let mut theirs = capture.clone();
    theirs["epcisBody"]["eventList"][0]["eventID"] = json!("urn:uuid:6f0c3c6a-8f1e-4a52-9d1b-000000000002");
    let (status, _) = app.send_json(Method::POST, "/api/v1/epcis/events", Some(&stranger), &theirs).await;
    assert_eq!(status, 403, "an event for another producer's batch");

    let document: Value =
        app.api.get(app.url(&format!("/api/v1/batches/{id}/epcis"))).send().await.unwrap().json().await.unwrap();
    assert!(schema_errors(&document).is_empty(), "captured events export valid too");
    assert_eq!(document["epcisBody"]["eventList"].as_array().unwrap().len(), 7);
    let record = record_of(&app, id).await;
    assert!(chain::verify(&record, Some(&published_key(&app).await)).is_ok());
}

#[tokio::test]
async fn files_are_sniffed_capped_and_chained() {
    let app = spawn_app().await;
    let s = setup(&app, None).await;
    let id = create_batch(&app, &s, "L1").await["id"].as_i64().unwrap();
    let upload = |bytes: Vec<u8>, kind: &'static str| {
        let form = reqwest::multipart::Form::new()
            .text("kind", kind)
            .text("title", "Phiếu kiểm nghiệm số 12/2026")
            .part("file", reqwest::multipart::Part::bytes(bytes).file_name("ket-qua.pdf"));
        app.api.post(app.url(&format!("/api/v1/batches/{id}/files"))).bearer_auth(&s.token).multipart(form).send()
    };
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
    let response = upload(pdf.clone(), "test_result").await.unwrap();
    assert_eq!(response.status(), 201);
    let file: Value = response.json().await.unwrap();
    let (_, events) = app.get_json(&format!("/api/v1/batches/{id}/events")).await;
    assert_eq!(events[0]["kind"], "quality_test", "the test result is chained: {events}");
    assert_eq!(events[0]["body"]["attachments"][0]["sha256"], file["sha256"]);
    let got = app.api.get(app.url(&format!("/api/v1/batches/{id}/files/{}", file["id"]))).send().await.unwrap();
    assert_eq!(got.headers()["content-type"], "application/pdf");
    assert_eq!(got.bytes().await.unwrap().to_vec(), pdf);

    assert_eq!(upload(b"MZ\x90\x00 not a document".to_vec(), "certificate").await.unwrap().status(), 422);
    assert_eq!(upload(pdf.clone(), "virus").await.unwrap().status(), 422);
    let mut huge = b"%PDF-1.4\n".to_vec();
    huge.resize(6 * 1024 * 1024, b' ');
    assert_eq!(upload(huge, "certificate").await.unwrap().status(), 413);
}

#[tokio::test]
async fn an_exported_record_is_verified_offline_and_tampering_is_named() {
    let app = spawn_app().await;
    let s = setup(&app, None).await;
    let id = create_batch(&app, &s, "L1").await["id"].as_i64().unwrap();
    for kind in ["harvest", "packing", "shipping"] {
        add_event(&app, id, &s.token, json!({"kind": kind, "note": "ổn"})).await;
    }
    let record =
        app.api.get(app.url(&format!("/api/v1/batches/{id}/record"))).send().await.unwrap().text().await.unwrap();
    let key = app.api.get(app.url("/.well-known/dacsan-trace-key")).send().await.unwrap().text().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("record.json");
    std::fs::write(&file, &record).unwrap();
    let (ok, line) = dacsan::trace::cli::verify_file(&file, Some(&key)).unwrap();
    assert!(ok, "{line}");
    assert!(line.starts_with("VERIFIED: 3 events"), "{line}");

    let mut tampered: Value = serde_json::from_str(&record).unwrap();
    tampered["events"][1]["body"]["note"] = json!("đã sửa");
    std::fs::write(&file, tampered.to_string()).unwrap();
    let (ok, line) = dacsan::trace::cli::verify_file(&file, Some(&key)).unwrap();
    assert!(!ok);
    assert!(line.contains("event #2"), "names the first bad record: {line}");

    let other_key = json!({"public_key": chain::public_key_base64(&ed25519_dalek::SigningKey::from_bytes(&[1; 32]).verifying_key())});
    std::fs::write(&file, &record).unwrap();
    let (ok, line) = dacsan::trace::cli::verify_file(&file, Some(&other_key.to_string())).unwrap();
    assert!(!ok, "signed by another key than the one given: {line}");
}

/// GS1's example SSCC (General Specifications): extension 1, prefix 0614141.
const SSCC: &str = "106141412345678908";

#[tokio::test]
async fn cartons_resolve_by_sscc_to_the_batches_packed_in_them() {
    let app = spawn_app().await;
    let s = setup(&app, Some(GTIN)).await;
    let honey = create_batch(&app, &s, "MO-1").await["id"].as_i64().unwrap();
    let other = create_batch(&app, &s, "MO-2").await["id"].as_i64().unwrap();
    let (status, problem) =
        add_event(&app, honey, &s.token, json!({"kind": "packing", "sscc": "106141412345678901"})).await;
    assert_eq!((status, problem["errors"][0]["field"].as_str()), (422, Some("sscc")), "{problem}");
    let packing =
        json!({"kind": "packing", "sscc": "(00) 1 0614141 234567890 8", "quantity": 24, "container": "Thùng 24 hũ"});
    let (status, event) = add_event(&app, honey, &s.token, packing).await;
    assert_eq!((status, event["body"]["sscc"].as_str()), (201, Some(SSCC)), "{event}");
    assert_eq!(app.page(&format!("/00/{SSCC}")).await.0, 200);

    // Another lot joins the carton through an EPCIS capture naming it by its EPC URN.
    let capture = json!({
        "@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
        "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-05-20T10:00:00+07:00",
        "epcisBody": {"eventList": [{
            "type": "AggregationEvent", "eventID": "urn:uuid:7a0c3c6a-8f1e-4a52-9d1b-00000000cafe",
            "eventTime": "2026-05-20T09:00:00+07:00", "eventTimeZoneOffset": "+07:00",
            "action": "ADD", "bizStep": "packing", "parentID": "urn:epc:id:sscc:0614141.1234567890",
            "childQuantityList": [{"epcClass": "https://id.gs1.org/01/08934563138165/10/MO-2", "quantity": 12}]
        }]}
    });
    let (status, body) = app.send_json(Method::POST, "/api/v1/epcis/events", Some(&s.token), &capture).await;
    assert_eq!(status, 201, "{body}");

    let response =
        app.api.get(app.url(&format!("/00/{SSCC}"))).header("Accept", "application/json").send().await.unwrap();
    assert_eq!(response.status(), 200);
    let carton: Value = response.json().await.unwrap();
    let lots: Vec<(&str, i64)> = carton["batches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["lot"].as_str().unwrap(), b["quantity"].as_i64().unwrap()))
        .collect();
    assert_eq!(lots, [("MO-1", 24), ("MO-2", 12)], "{carton}");
    assert!(carton["batches"][1]["digital_link"].as_str().unwrap().ends_with("/01/08934563138165/10/MO-2"));
    let (_, html) = app.page(&format!("/00/{SSCC}")).await;
    assert!(html.contains("MO-1") && html.contains("MO-2") && html.contains("Mật ong bạc hà"), "{html}");
    assert!(html.contains("01/05/2027") && !html.contains("2027-05-01"), "expiry day first, as on the label: {html}");
    assert_eq!(carton["batches"][0]["expires_on"], "2027-05-01", "the API keeps ISO dates");
    let (_, batch_page) = app.page("/01/08934563138165/10/MO-1").await;
    assert!(batch_page.contains(&format!("href=\"/00/{SSCC}\"")), "the timeline links the carton");

    let (status, html) = app.page("/00/106141412345678901").await;
    assert!(status == 400 && html.contains("check digit"), "{status} {html}");
    assert_eq!(app.page("/00/000000000000000000").await.0, 404);

    let document: Value =
        app.api.get(app.url(&format!("/api/v1/batches/{honey}/epcis"))).send().await.unwrap().json().await.unwrap();
    assert!(schema_errors(&document).is_empty(), "{document:#}");
    let events = document["epcisBody"]["eventList"].as_array().unwrap();
    let aggregation = events.iter().find(|e| e["type"] == "AggregationEvent").unwrap();
    assert_eq!(aggregation["parentID"], format!("https://id.gs1.org/00/{SSCC}"));
    assert!(other > honey);
}
