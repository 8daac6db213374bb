//! The office's delivery figures: `GET /api/v1/programme/delivery`, `/office/delivery`
//! (page, drill-down, .xlsx) and their line in the monthly report, from orders that
//! went through a carrier's notifications (a local server answering as GHN's).

use calamine::Reader;
use dacsan::auth::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::TestApp;
use crate::logistics::{HOOK_TOKEN, app_with_ghn, at, ghn_order, ghn_status, notify};
use crate::orders::checkout_body;

const SIN_HO: &str = "03478";

/// Books the order's parcel with GHN and plays the carrier's `steps`.
async fn ship(app: &TestApp, order: &Value, seller: &str, steps: &[(&str, i64)]) -> Value {
    let path = format!("/api/v1/orders/{}/shipments", order["id"]);
    let (status, created) = app.send_json(Method::POST, &path, Some(seller), &json!({})).await;
    assert_eq!(status, 201, "{created}");
    let (waybill, code) = (created[0]["tracking_code"].as_str().unwrap(), created[0]["code"].as_str().unwrap());
    for (step, hours) in steps {
        let (_, answer) = notify(app, "ghn", HOOK_TOKEN, &ghn_status(waybill, code, step, &at(*hours))).await;
        assert_eq!(answer["outcome"], "applied", "{step}: {answer}");
    }
    created[0].clone()
}

/// Moves an order's placing time back, as if it had been placed `days` ago.
async fn placed_days_ago(app: &TestApp, order: &Value, days: i64) {
    let at = time::OffsetDateTime::now_utc() - time::Duration::days(days);
    sqlx::query("UPDATE orders SET created_at = $1 WHERE id = $2")
        .bind(dacsan::db::time_text(at))
        .bind(order["id"].as_i64().unwrap())
        .execute(&app.state.db.pool)
        .await
        .unwrap();
}

/// Four Sìn Hồ orders: delivered in 3 days, delivered in 5 days, failed then
/// returned, not shipped yet; and one unpaid VietQR order that does not count.
async fn four_orders(app: &TestApp) -> Vec<i64> {
    let mut producers = Vec::new();
    for (days, steps) in [
        (3, vec![("picked", 1), ("delivered", 2)]),
        (5, vec![("picked", 1), ("delivered", 2)]),
        (0, vec![("picked", 1), ("delivery_fail", 2), ("return", 3), ("returned", 4)]),
    ] {
        let (order, seller) = ghn_order(app).await;
        placed_days_ago(app, &order, days).await;
        let shipment = ship(app, &order, &seller, &steps).await;
        if steps.len() == 4 {
            let path = format!("/api/v1/shipments/{}/return", shipment["id"]);
            let (status, body) = app.send_json(Method::POST, &path, Some(&seller), &json!({"restock": true})).await;
            assert_eq!(status, 200, "{body}");
        }
        producers.push(order["producer_id"].as_i64().unwrap());
    }
    let (waiting, _) = ghn_order(app).await;
    producers.push(waiting["producer_id"].as_i64().unwrap());
    let (tea, product) = crate::logistics::remote_store(app).await;
    let mut unpaid = checkout_body(&[(product.id, 1)], "vietqr");
    unpaid["delivery"] = json!({ tea.id.to_string(): "ghn:standard" });
    let (status, body) = app.send_json(Method::POST, "/api/v1/checkout", None, &unpaid).await;
    assert_eq!(status, 201, "{body}");
    producers
}

#[tokio::test]
async fn the_office_sees_delivery_by_commune_and_each_communes_producers() {
    let (app, _) = app_with_ghn().await;
    let producers = four_orders(&app).await;
    let (_, _, officer) = app.officer(&["12"]).await;

    let (status, body) = app.get_json_as("/api/v1/programme/delivery?province=12", &officer).await;
    assert_eq!(status, 200, "{body}");
    let total = &body["total"];
    assert_eq!(total["orders"], 4, "the unpaid order does not count; the returned one does: {body}");
    assert_eq!(total["delivered"], 2);
    assert_eq!(total["delivered_pct"], 50.0);
    assert_eq!(total["median_days"], 4.0, "3 and 5 days");
    assert_eq!((total["failed"].as_i64(), total["returned"].as_i64()), (Some(1), Some(1)));
    assert_eq!(total["failed_pct"], 25.0);
    assert!(total["shipping_vnd"].as_i64().unwrap() > 0 && total["goods_vnd"] == 4 * 2 * 250_000, "{total}");
    assert!(total["cost_share_pct"].as_f64().unwrap() > 0.0);
    let rows = body["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{body}");
    assert_eq!(rows[0]["commune"], SIN_HO);
    assert_eq!(rows[0]["name"], "Xã Sìn Hồ");
    assert_eq!(rows[0]["orders"], 4);
    assert_eq!(rows[0]["collection_points"], 0);
    let uncovered: Vec<&str> =
        body["communes_without_point"].as_array().unwrap().iter().map(|c| c["commune"].as_str().unwrap()).collect();
    assert!(uncovered.contains(&SIN_HO), "Sìn Hồ has producers and no point: {body}");

    let (status, body) =
        app.get_json_as(&format!("/api/v1/programme/delivery?province=12&commune={SIN_HO}"), &officer).await;
    assert_eq!(status, 200, "{body}");
    let mut ids: Vec<i64> =
        body["rows"].as_array().unwrap().iter().map(|r| r["producer_id"].as_i64().unwrap()).collect();
    ids.sort();
    let mut expected = producers.clone();
    expected.sort();
    assert_eq!(ids, expected, "one line per producer of the commune");
    assert_eq!(body["total"]["orders"], 4);

    let (_, body) =
        app.get_json_as("/api/v1/programme/delivery?province=12&from=2020-01-01&to=2020-03-31", &officer).await;
    assert_eq!(body["total"]["orders"], 0, "orders outside the period do not count");
    assert_eq!(body["total"]["median_days"], Value::Null);
}

#[tokio::test]
async fn a_collection_point_with_a_run_covers_its_commune() {
    let (app, _) = app_with_ghn().await;
    let _ = ghn_order(&app).await;
    let (_, _, officer) = app.officer(&["12"]).await;
    let uncovered = |body: &Value| body["communes_without_point"].as_array().unwrap().len();
    let (_, before) = app.get_json_as("/api/v1/programme/delivery?province=12", &officer).await;
    assert_eq!(uncovered(&before), 1, "{before}");

    let points = "/api/v1/shipping/collection-points";
    let point = json!({"name": "Bưu điện xã Sìn Hồ", "province_code": "12", "commune_code": SIN_HO,
        "contact_name": "Lò Thị Mai", "contact_phone": "0912 345 678"});
    let (status, point) = app.send_json(Method::POST, points, Some(&officer), &point).await;
    assert_eq!(status, 201, "{point}");
    let (_, still) = app.get_json_as("/api/v1/programme/delivery?province=12", &officer).await;
    assert_eq!(uncovered(&still), 1, "a point without a run takes no parcels on: {still}");
    let runs = format!("{points}/{}/runs", point["id"]);
    let run = json!({"weekdays": ["tue", "fri"], "time": "14:00", "carrier": "ghn"});
    let (status, run) = app.send_json(Method::POST, &runs, Some(&officer), &run).await;
    assert_eq!(status, 201, "{run}");
    let (_, after) = app.get_json_as("/api/v1/programme/delivery?province=12", &officer).await;
    assert_eq!(uncovered(&after), 0, "{after}");
    assert_eq!(after["rows"][0]["collection_points"], 1);
}

#[tokio::test]
async fn delivery_figures_name_bad_parameters_and_stay_in_the_officers_province() {
    let (app, _) = app_with_ghn().await;
    let (_, _, officer) = app.officer(&["12"]).await;
    for (query, field) in [
        ("province=12&commune=00004", "commune"),
        ("province=12&from=2026-13-01", "from"),
        ("province=12&to=yesterday", "to"),
        ("province=12&from=2026-05-02&to=2026-05-01", "from"),
        ("province=12&from=2024-01-01&to=2026-01-01", "from"),
        ("province=99", "province"),
    ] {
        let (status, body) = app.get_json_as(&format!("/api/v1/programme/delivery?{query}"), &officer).await;
        assert_eq!(status, 422, "{query}: {body}");
        assert!(body.to_string().contains(field), "{query} names {field}: {body}");
    }
    let (status, _) = app.get_json_as("/api/v1/programme/delivery?province=01", &officer).await;
    assert_eq!(status, 403, "another province");
    let (_, _, buyer) = app.user(Role::Buyer, None).await;
    let (status, _) = app.get_json_as("/api/v1/programme/delivery?province=12", &buyer).await;
    assert_eq!(status, 403);
    let (status, _) = app.get_json("/api/v1/programme/delivery?province=12").await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn the_delivery_page_drills_down_exports_and_feeds_the_monthly_report() {
    let (app, _) = app_with_ghn().await;
    four_orders(&app).await;
    let (_, email, _) = app.officer(&["12"]).await;
    app.sign_in(&email, "password-123").await;

    let (status, page) = app.page("/office/delivery?province=12").await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Xã Sìn Hồ") && page.contains("50,0 %") && page.contains(">4<"), "{page}");
    assert!(page.contains(&format!("commune={SIN_HO}")), "each commune drills down");
    assert!(page.contains("id=\"uncovered\""));
    let (status, page) = app.page(&format!("/office/delivery?province=12&commune={SIN_HO}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("HTX Chè Sìn Hồ số"), "the commune's producers: {page}");
    let (status, page) = app.page("/office/delivery?province=12&from=2026-05-02&to=2026-05-01").await;
    assert_eq!(status, 422, "{page}");

    let response = app.browser.get(app.url("/office/delivery.xlsx?province=12")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.unwrap();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let sheet = book.worksheet_range("Giao hàng").unwrap();
    assert_eq!(sheet.get_value((1, 0)).unwrap().to_string(), "Xã Sìn Hồ");
    assert_eq!(sheet.get_value((1, 1)).unwrap().to_string(), "4");
    assert_eq!(sheet.get_value((1, 4)).unwrap().to_string(), "4", "median days");

    let (status, report) = app.page("/office/report?province=12").await;
    assert_eq!(status, 200);
    let section = &report[report.find("id=\"report-delivery\"").expect("a delivery section")..];
    assert!(section.contains("Số ngày giao (trung vị)"), "{section}");
}
