//! `POST /api/v1/shipping/cod-statements`, `GET /api/v1/shipments/{id}`,
//! `GET /api/v1/producers/{id}/payouts`: the COD ledger from carriers' statements.

use dacsan::auth::Role;
use reqwest::Method;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

use crate::helpers::TestApp;
use crate::logistics::{app_with_ghn, ghn_order};

/// Books the order's parcel with GHN; returns (shipment id, waybill, cash to collect).
async fn booked(app: &TestApp, order: &Value, seller: &str) -> (i64, String, i64) {
    let path = format!("/api/v1/orders/{}/shipments", order["id"]);
    let (status, created) = app.send_json(Method::POST, &path, Some(seller), &json!({})).await;
    assert_eq!(status, 201, "{created}");
    let s = &created[0];
    (s["id"].as_i64().unwrap(), s["tracking_code"].as_str().unwrap().to_string(), s["cod_vnd"].as_i64().unwrap())
}

async fn import(app: &TestApp, token: &str, carrier: &str, csv: String) -> (u16, Value) {
    let form = Form::new().part("file", Part::bytes(csv.into_bytes()).file_name("bang-ke.csv"));
    let response = app
        .api
        .post(app.url(&format!("/api/v1/shipping/cod-statements?carrier={carrier}")))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn statements_are_matched_flagged_and_never_counted_twice() {
    let (app, _) = app_with_ghn().await;
    let (first, seller) = ghn_order(&app).await;
    let (second, _) = ghn_order(&app).await;
    let (first_id, first_waybill, first_cod) = booked(&app, &first, &seller).await;
    let second_seller = app.user(Role::Seller, Some(second["producer_id"].as_i64().unwrap())).await.2;
    let (_, second_waybill, second_cod) = booked(&app, &second, &second_seller).await;
    assert_eq!(first_cod, first["total_vnd"].as_i64().unwrap(), "the buyer pays goods and delivery in cash");
    let (_, _, admin) = app.user(Role::Admin, None).await;

    let statement = format!(
        "BẢNG KÊ ĐỐI SOÁT COD\nMã vận đơn;Tiền thu hộ;Tổng phí;Thực nhận;Ngày chuyển\n\
         {first_waybill};{first_cod};36500;{};05/12/2026\n\
         {second_waybill};{};36500;{};05/12/2026\n\
         GHNUNKNOWN;100000;20000;80000;05/12/2026\n",
        first_cod - 36_500,
        second_cod - 50_000,
        second_cod - 86_500,
    );
    let (status, report) = import(&app, &admin, "ghn", statement.clone()).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!((report["lines"].as_i64(), report["matched"].as_i64()), (Some(3), Some(1)), "{report}");
    assert_eq!((report["differing"].as_i64(), report["unmatched"].as_i64()), (Some(1), Some(1)));
    let flagged: Vec<&str> =
        report["flagged"].as_array().unwrap().iter().map(|l| l["outcome"].as_str().unwrap()).collect();
    assert_eq!(flagged, ["differs", "unmatched"]);

    let (_, again) = import(&app, &admin, "ghn", statement).await;
    assert_eq!(again["already_imported"], true, "the same file changes nothing");
    let repeat = format!(
        "Waybill,COD,Fee,Net,Transfer date\n{first_waybill},{first_cod},36500,{},2026-12-05\n",
        first_cod - 36_500
    );
    let (_, repeated) = import(&app, &admin, "ghn", repeat).await;
    assert_eq!(repeated["repeated"], 1, "{repeated}");

    let (status, shipment) = app.get_json_as(&format!("/api/v1/shipments/{first_id}"), &seller).await;
    assert_eq!(status, 200, "{shipment}");
    assert_eq!(shipment["cod"]["collected_vnd"], first_cod, "counted once: {shipment}");
    assert_eq!(shipment["cod"]["fees_vnd"], 36_500);
    assert_eq!(shipment["cod"]["transferred_vnd"], first_cod - 36_500);
    assert_eq!(shipment["cod"]["differs"], false);

    let producer = first["producer_id"].as_i64().unwrap();
    let path = format!("/api/v1/producers/{producer}/payouts?from=2026-12-01&to=2026-12-31");
    let (status, payouts) = app.get_json_as(&path, &seller).await;
    assert_eq!(status, 200, "{payouts}");
    assert_eq!(payouts["lines"].as_array().unwrap().len(), 1, "only this producer's parcels: {payouts}");
    assert_eq!(payouts["collected_vnd"], first_cod);
    assert_eq!(payouts["net_vnd"], first_cod - 36_500);
    let response = app.api.get(app.url(&format!("{path}&format=xlsx"))).bearer_auth(&seller).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.bytes().await.unwrap().starts_with(b"PK"), "a workbook");
    let (status, _) =
        app.get_json_as(&format!("/api/v1/producers/{producer}/payouts?from=2026-12-31&to=2026-12-01"), &seller).await;
    assert_eq!(status, 422);
    let (status, _) = app.get_json_as(&path, &second_seller).await;
    assert_eq!(status, 403, "another producer's statement");
}

#[tokio::test]
async fn a_statement_without_a_waybill_column_is_refused_and_sellers_cannot_import() {
    let (app, _) = app_with_ghn().await;
    let (_, _, admin) = app.user(Role::Admin, None).await;
    let (status, answer) = import(&app, &admin, "ghn", "name,amount\nx,1\n".into()).await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["errors"][0]["field"], "file");
    let (status, _) = import(&app, &admin, "dhl", "Waybill,COD\nA,1\n".into()).await;
    assert_eq!(status, 422);
    let (_, _, seller) = app.user(Role::Seller, None).await;
    let (status, _) = import(&app, &seller, "ghn", "Waybill,COD\nA,1\n".into()).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn a_seller_reads_the_payout_statement_as_a_page_a_workbook_and_a_pdf() {
    let (app, _) = app_with_ghn().await;
    let (order, seller) = ghn_order(&app).await;
    let (_, waybill, cod) = booked(&app, &order, &seller).await;
    let (_, _, admin) = app.user(Role::Admin, None).await;
    let statement = format!(
        "Mã vận đơn;Tiền thu hộ;Tổng phí;Thực nhận;Ngày chuyển\n{waybill};{cod};36500;{};05/12/2026\n",
        cod - 36_500
    );
    let (status, report) = import(&app, &admin, "ghn", statement).await;
    assert_eq!(status, 200, "{report}");
    let producer = order["producer_id"].as_i64().unwrap();
    let (_, email, _) = app.user(Role::Seller, Some(producer)).await;
    app.sign_in(&email, "password-123").await;

    let (status, desk) = app.page("/seller").await;
    assert_eq!(status, 200);
    assert!(desk.contains(&format!("/seller/producers/{producer}/payouts")), "the desk links the statement");
    let base = format!("/seller/producers/{producer}/payouts");
    let (status, page) = app.page(&format!("{base}?from=2026-12-01&to=2026-12-31")).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains(&waybill) && page.contains(order["code"].as_str().unwrap()), "{page}");
    let net = dacsan::vn::money::Vnd(cod - 36_500).to_string();
    assert!(page.contains(&net), "net {net} on the page");
    let (status, page) = app.page(&format!("{base}?from=2026-11-01&to=2026-11-30")).await;
    assert_eq!(status, 200);
    assert!(!page.contains(&waybill), "another month, another statement");
    let (status, _) = app.page(&format!("{base}?from=2026-12-31&to=2026-12-01")).await;
    assert_eq!(status, 422);

    let response = app.browser.get(app.url(&format!("{base}.pdf?from=2026-12-01&to=2026-12-31"))).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let pdf = lopdf::Document::load_mem(&response.bytes().await.unwrap()).expect("a PDF");
    assert_eq!(pdf.get_pages().len(), 1, "one page");
    let text = pdf.extract_text(&[1]).unwrap();
    let net_digits = net.split(['\u{a0}', ' ']).next().unwrap().to_string();
    for expected in ["Đối soát tiền thu hộ", waybill.as_str(), net_digits.as_str(), "2026-12-01 → 2026-12-31"]
    {
        assert!(text.contains(expected), "{expected} missing from the PDF's text:\n{text}");
    }
    let response =
        app.browser.get(app.url(&format!("{base}.xlsx?from=2026-12-01&to=2026-12-31"))).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.bytes().await.unwrap().starts_with(b"PK"));

    let (other, _) = ghn_order(&app).await;
    let (status, _) = app.page(&format!("/seller/producers/{}/payouts", other["producer_id"])).await;
    assert_eq!(status, 403, "another producer's statement");
}
