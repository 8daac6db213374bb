//! `/api/v1/programme/kpis` and the office dashboard: the indicators on hand-counted
//! fixtures, on both databases, and who may see them.

use dacsan::auth::Role;
use serde_json::Value;

use crate::helpers::{TestApp, spawn_app};

const SIN_HO: &str = "03478";
const BINH_LU: &str = "03390";

/// Two communes of Lai Châu, four producers, six products (see each line):
/// OCOP valid: X1 (active on dacsan), Y1 (on Shopee), Y2 (nowhere), Z1 (delisted) → 2 of 4 online.
/// Producers with OCOP: P1 (store: active product; payment: VietQR account), P2 (store: Shopee;
/// no payment), P3 (declared store and payment) → 2 of 3.
/// Digital skills: P1 (completed a Go Online session), P4 (declared) → 2 of 4.
/// Packaging: P2 attended without completing → 0 of 4.
/// Eligible: X1 (online), Y2 (not), Z2 (active) → 2 of 3.
struct Fixture {
    p1: i64,
    p2: i64,
}

async fn fixture(app: &TestApp) -> Fixture {
    let p1 = app.producer().name("HTX Chè Sìn Hồ").place("12", SIN_HO).create().await;
    let x1 = app.product(p1.id).name("Chè Shan tuyết X1", "").stars(4, "2024-01-01", "2099-12-31").create().await;
    app.eligible(x1.id).await;
    app.product(p1.id).name("Chè xanh X2", "").stars(3, "2021-01-01", "2024-01-01").create().await;
    app.payment_account(p1.id).await;
    app.trained("12", "go_online", "2025-03-01", p1.id, true).await;

    let p2 = app.producer().name("HTX Mật ong Sìn Hồ").place("12", SIN_HO).create().await;
    let y1 =
        app.product(p2.id).name("Mật ong Y1", "").status("draft").stars(5, "2024-01-01", "2099-12-31").create().await;
    app.listing(y1.id, "shopee", "2025-01-01", None).await;
    let y2 =
        app.product(p2.id).name("Mật ong Y2", "").status("draft").stars(3, "2024-01-01", "2099-12-31").create().await;
    app.eligible(y2.id).await;
    app.trained("12", "packaging_delivery", "2025-04-01", p2.id, false).await;

    let p3 = app.producer().name("HTX Gạo Bình Lư").place("12", BINH_LU).create().await;
    let z1 = app
        .product(p3.id)
        .name("Gạo Z1", "")
        .status("draft")
        .origin(BINH_LU)
        .stars(3, "2024-01-01", "2099-12-31")
        .create()
        .await;
    app.listing(z1.id, "lazada", "2024-06-01", Some("2025-02-01")).await;
    let z2 = app.product(p3.id).name("Gạo Z2", "").origin(BINH_LU).create().await;
    app.eligible(z2.id).await;
    app.declare(p3.id, "declared_store_on", "2025-01-01").await;
    app.declare(p3.id, "declared_payment_on", "2025-01-01").await;

    let p4 = app.producer().name("Hộ Bình Lư").place("12", BINH_LU).create().await;
    app.declare(p4.id, "trained_digital_on", "2025-05-05").await;

    // Another province's producer counts nowhere here.
    let other = app.producer().name("HTX Lào Cai").place("15", "02647").create().await;
    app.product(other.id).origin("02647").stars(5, "2024-01-01", "2099-12-31").create().await;
    Fixture { p1: p1.id, p2: p2.id }
}

fn indicator<'a>(body: &'a Value, id: &str) -> &'a Value {
    body["indicators"].as_array().unwrap().iter().find(|i| i["id"] == id).unwrap_or_else(|| panic!("no {id} in {body}"))
}

fn assert_ratio(body: &Value, id: &str, numerator: i64, denominator: i64, value_pct: f64) {
    let i = indicator(body, id);
    assert_eq!((i["numerator"].as_i64(), i["denominator"].as_i64()), (Some(numerator), Some(denominator)), "{id}: {i}");
    assert_eq!(i["value_pct"].as_f64(), Some(value_pct), "{id}: {i}");
}

#[tokio::test]
async fn kpis_count_what_the_plan_counts() {
    let app = spawn_app().await;
    fixture(&app).await;
    let (_, _, token) = app.officer(&["12"]).await;
    let (status, body) = app.get_json_as("/api/v1/programme/kpis?province=12", &token).await;
    assert_eq!(status, 200, "{body}");
    assert_ratio(&body, "ocop_products_online", 2, 4, 50.0);
    assert_ratio(&body, "producers_store_and_payment", 2, 3, 66.7);
    assert_ratio(&body, "trained_digital_skills", 2, 4, 50.0);
    assert_ratio(&body, "trained_packaging_delivery", 0, 4, 0.0);
    assert_ratio(&body, "eligible_goods_online", 2, 3, 66.7);
    // Plan 270's targets are the defaults.
    assert_eq!(indicator(&body, "ocop_products_online")["target_pct"], 100);
    assert_eq!(indicator(&body, "trained_digital_skills")["target_pct"], 70);
    assert_eq!(indicator(&body, "trained_packaging_delivery")["target_pct"], 60);
    assert_eq!(indicator(&body, "eligible_goods_online")["target_pct"], 90);
    // 70 % of 4 producers is 2.8: one more is needed.
    assert_eq!(indicator(&body, "trained_digital_skills")["missing"], 1);
}

#[tokio::test]
async fn kpis_of_one_commune() {
    let app = spawn_app().await;
    fixture(&app).await;
    let (_, _, token) = app.officer(&["12"]).await;
    let (status, body) = app.get_json_as(&format!("/api/v1/programme/kpis?province=12&commune={SIN_HO}"), &token).await;
    assert_eq!(status, 200, "{body}");
    assert_ratio(&body, "ocop_products_online", 2, 3, 66.7);
    assert_ratio(&body, "producers_store_and_payment", 1, 2, 50.0);
    assert_ratio(&body, "trained_digital_skills", 1, 2, 50.0);
    assert_ratio(&body, "eligible_goods_online", 1, 2, 50.0);
    let (status, body) =
        app.get_json_as(&format!("/api/v1/programme/kpis?province=12&commune={BINH_LU}"), &token).await;
    assert_eq!(status, 200, "{body}");
    assert_ratio(&body, "ocop_products_online", 0, 1, 0.0);
    assert_ratio(&body, "producers_store_and_payment", 1, 1, 100.0);
    assert_ratio(&body, "trained_digital_skills", 1, 2, 50.0);
    assert_ratio(&body, "eligible_goods_online", 1, 1, 100.0);
}

#[tokio::test]
async fn kpis_on_a_date() {
    let app = spawn_app().await;
    fixture(&app).await;
    let (_, _, token) = app.officer(&["12"]).await;
    // In 2100 every certificate has expired: no OCOP product to count.
    let (status, body) = app.get_json_as("/api/v1/programme/kpis?province=12&date=2100-06-01", &token).await;
    assert_eq!(status, 200, "{body}");
    assert_ratio(&body, "trained_digital_skills", 2, 4, 50.0);
    let ocop = indicator(&body, "ocop_products_online");
    assert_eq!((ocop["numerator"].as_i64(), ocop["denominator"].as_i64()), (Some(0), Some(0)));
    assert!(ocop["value_pct"].is_null());
    // Before anything was recorded (the fixtures are made today), nothing is known.
    let (status, body) = app.get_json_as("/api/v1/programme/kpis?province=12&date=2024-01-01", &token).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(indicator(&body, "trained_digital_skills")["denominator"], 0);
}

#[tokio::test]
async fn kpis_refuse_bad_parameters() {
    let app = spawn_app().await;
    let (_, _, token) = app.officer(&["12"]).await;
    for (query, field) in
        [("province=12&date=15/06/2026", "date"), ("province=12&commune=04774", "commune"), ("province=99", "province")]
    {
        let (status, body) = app.get_json_as(&format!("/api/v1/programme/kpis?{query}"), &token).await;
        assert_eq!(status, 422, "{query}: {body}");
        assert!(body.to_string().contains(field), "{query}: {body}");
    }
}

#[tokio::test]
async fn kpis_are_for_the_officers_of_the_province() {
    let app = spawn_app().await;
    fixture(&app).await;
    let (_, _, other_officer) = app.officer(&["15"]).await;
    let (status, _) = app.get_json_as("/api/v1/programme/kpis?province=12", &other_officer).await;
    assert_eq!(status, 403);
    // Without a province, an officer gets their own.
    let (status, body) = app.get_json_as("/api/v1/programme/kpis", &other_officer).await;
    assert_eq!(status, 200);
    assert_eq!(body["province"], "15");
    assert_ratio(&body, "ocop_products_online", 1, 1, 100.0);
    for role in [Role::Buyer, Role::Seller] {
        let (_, _, token) = app.user(role, None).await;
        let (status, _) = app.get_json_as("/api/v1/programme/kpis?province=12", &token).await;
        assert_eq!(status, 403, "{role:?}");
    }
    let (status, _) = app.get_json("/api/v1/programme/kpis?province=12").await;
    assert_eq!(status, 401);
    let (_, _, admin) = app.user(Role::Admin, None).await;
    let (status, _) = app.get_json_as("/api/v1/programme/kpis?province=12", &admin).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn commune_table_and_gaps() {
    let app = spawn_app().await;
    let f = fixture(&app).await;
    let (_, _, token) = app.officer(&["12"]).await;
    let (status, body) = app.get_json_as("/api/v1/programme/kpis/communes?province=12", &token).await;
    assert_eq!(status, 200, "{body}");
    let communes = body["communes"].as_array().unwrap();
    assert_eq!(communes.len(), 2);
    assert_eq!(communes[0]["commune"], BINH_LU);
    assert_eq!(communes[1]["commune"], SIN_HO);
    assert_eq!(communes[1]["producers"], 2);
    let (status, gaps) =
        app.get_json_as(&format!("/api/v1/programme/kpis/gaps?province=12&commune={SIN_HO}"), &token).await;
    assert_eq!(status, 200, "{gaps}");
    let gaps = gaps.as_array().unwrap();
    // P1 lacks packaging training; P2 lacks payment, packaging and digital training, and Y2 is offline.
    assert_eq!(gaps.len(), 2);
    let p2 = gaps.iter().find(|g| g["id"] == f.p2).unwrap();
    assert_eq!(p2["has_payment"], false);
    assert_eq!(p2["products_offline"], 1);
    assert_eq!(p2["phone"], "+84912345678");
    let p1 = gaps.iter().find(|g| g["id"] == f.p1).unwrap();
    assert_eq!(
        (p1["has_store"].as_bool(), p1["has_payment"].as_bool(), p1["trained_digital"].as_bool()),
        (Some(true), Some(true), Some(true))
    );
}

#[tokio::test]
async fn targets_follow_the_provinces_plan() {
    let app = spawn_app().await;
    fixture(&app).await;
    let (_, _, token) = app.officer(&["12"]).await;
    let plan = serde_json::json!({"province": "12", "indicator": "trained_digital_skills", "year": 2026, "target_pct": 80, "plan_name": "KH 12/2026"});
    let (status, body) = app.send_json(reqwest::Method::PUT, "/api/v1/programme/targets", Some(&token), &plan).await;
    assert_eq!(status, 200, "{body}");
    let (_, body) = app.get_json_as("/api/v1/programme/kpis?province=12&date=2026-06-01", &token).await;
    assert_eq!(indicator(&body, "trained_digital_skills")["target_pct"], 80);
    let bad = serde_json::json!({"province": "12", "indicator": "happiness", "year": 1999, "target_pct": 120});
    let (status, body) = app.send_json(reqwest::Method::PUT, "/api/v1/programme/targets", Some(&token), &bad).await;
    assert_eq!(status, 422);
    for field in ["indicator", "year", "target_pct"] {
        assert!(body.to_string().contains(field), "{field}: {body}");
    }
    let (_, _, other) = app.officer(&["15"]).await;
    let (status, _) = app.send_json(reqwest::Method::PUT, "/api/v1/programme/targets", Some(&other), &plan).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn dashboard_page_shows_the_indicators_and_communes() {
    let app = spawn_app().await;
    fixture(&app).await;
    let (_, email, _) = app.officer(&["12"]).await;
    app.sign_in(&email, "password-123").await;
    let (status, html) = app.page("/office?province=12").await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("50,0 %") && html.contains("66,7 %"), "{html}");
    assert!(html.contains("Xã Sìn Hồ") && html.contains("Xã Bình Lư"));
    assert!(html.contains("<svg class=\"chart\""));
    let (status, html) = app.page(&format!("/office/communes/{SIN_HO}?province=12")).await;
    assert_eq!(status, 200);
    assert!(html.contains("HTX Mật ong Sìn Hồ") && html.contains("tel:+84912345678"), "{html}");
    let (status, html) = app.page("/office?province=15").await;
    assert_eq!(status, 403, "{html}");
    let (status, html) = app.page("/office/report?province=12").await;
    assert_eq!(status, 200);
    assert!(html.contains("class=\"report\""));
    let (status, _) = app.page("/office/report?province=12&month=2026-13").await;
    assert_eq!(status, 422);
}

#[tokio::test]
async fn monthly_report_downloads_as_a_pdf_with_the_figures() {
    let app = spawn_app().await;
    fixture(&app).await;
    let (_, email, _) = app.officer(&["12"]).await;
    app.sign_in(&email, "password-123").await;
    // The running month: the figures as of today, as the dashboard shows them.
    let response = app.browser.get(app.url("/office/report.pdf?province=12")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let disposition = response.headers()["content-disposition"].to_str().unwrap().to_string();
    assert!(disposition.contains("filename=\"bao-cao-12-20"), "{disposition}");
    let bytes = response.bytes().await.unwrap().to_vec();
    let pdf = lopdf::Document::load_mem(&bytes).expect("a PDF an independent reader opens");
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).unwrap();
    for expected in
        ["Báo cáo tháng", "Lai Châu", "Số liệu đến ngày", "50,0 %", "66,7 %", "2 / 4", "Xã Sìn Hồ", "Xã Bình Lư"]
    {
        assert!(text.contains(expected), "{expected} missing from the PDF's text:\n{text}");
    }
    let (status, _) = app.page("/office/report.pdf?province=15").await;
    assert_eq!(status, 403);
    let (status, _) = app.page("/office/report.pdf?province=12&month=June").await;
    assert_eq!(status, 422);
}

#[tokio::test]
async fn dashboard_exports_to_xlsx() {
    use calamine::{Reader, Xlsx};
    let app = spawn_app().await;
    fixture(&app).await;
    let (_, email, _) = app.officer(&["12"]).await;
    app.sign_in(&email, "password-123").await;
    let response = app.browser.get(app.url("/office/kpis.xlsx?province=12")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.unwrap().to_vec();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("Chỉ tiêu").unwrap();
    let ocop = sheet.rows().find(|r| r[1] == "ocop_products_online").unwrap();
    assert_eq!((ocop[3].to_string(), ocop[4].to_string()), ("2".to_string(), "4".to_string()));
    let gaps = book.worksheet_range("Chủ thể chưa đạt").unwrap();
    assert!(gaps.rows().any(|r| r[1] == "HTX Mật ong Sìn Hồ"));

    // The plan's targets: Plan 270's defaults are in force until the province enters its own.
    let response = app.browser.get(app.url("/office/plan.xlsx?province=12")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.unwrap().to_vec();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(book.worksheet_range("Kế hoạch").unwrap().rows().count(), 1, "only the header: nothing entered");
    let in_force = book.worksheet_range("Đang áp dụng").unwrap();
    let targets: Vec<(String, String)> =
        in_force.rows().skip(1).map(|r| (r[1].to_string(), r[3].to_string())).collect();
    assert_eq!(targets.len(), 5, "{targets:?}");
    assert!(targets.contains(&("trained_packaging_delivery".to_string(), "60".to_string())), "{targets:?}");
    assert_eq!(app.page("/office/plan.xlsx?province=15").await.0, 403);
}
