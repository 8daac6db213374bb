//! dacsan's own parcel labels: `GET /api/v1/shipments/{id}/label` for own delivery,
//! other carriers and collection points (`?source=dacsan`), the parcels' SSCCs at
//! `GET /00/{sscc}`, the keeper's scans of the label's codes, and the links on the
//! order page and the seller's order desk.

use dacsan::auth::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::collection::{POINTS, point_with_run, token_of};
use crate::helpers::{TestApp, spawn_app_with, test_settings};
use crate::logistics::{app_with_ghn_and, ghn_order, remote_store};
use crate::orders::checkout_body;

const PREFIX: &str = "8934563";

fn settings() -> dacsan::config::Settings {
    dacsan::config::Settings { gs1_company_prefix: Some(gs1::CompanyPrefix::parse(PREFIX).unwrap()), ..test_settings() }
}

/// A cash-on-delivery order of a Lai Châu cooperative, its seller's token and the
/// buyer's guest token.
async fn cod_order(app: &TestApp) -> (Value, String, String) {
    let (tea, product) = remote_store(app).await;
    let (_, _, seller) = app.user(Role::Seller, Some(tea.id)).await;
    let (status, placed) =
        app.send_json(Method::POST, "/api/v1/checkout", None, &checkout_body(&[(product.id, 2)], "cod")).await;
    assert_eq!(status, 201, "{placed}");
    (placed["orders"][0].clone(), seller, placed["access_token"].as_str().unwrap().to_string())
}

/// GET with a bearer token: (status, content type, body).
async fn get_as(app: &TestApp, path: &str, token: &str) -> (u16, String, Vec<u8>) {
    let response = app.api.get(app.url(path)).bearer_auth(token).send().await.unwrap();
    let status = response.status().as_u16();
    let kind = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    (status, kind, response.bytes().await.unwrap().to_vec())
}

fn mm(points: &lopdf::Object) -> f32 {
    let points = points.as_float().or_else(|_| points.as_i64().map(|n| n as f32)).unwrap();
    (points * 25.4 / 72.0).round()
}

/// The pages of a PDF: each one's size in mm and the text of its QR code.
fn pages(pdf: &[u8]) -> Vec<((f32, f32), String)> {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF an independent reader opens");
    doc.get_pages()
        .into_values()
        .map(|page| {
            let dict = doc.get_dictionary(page).unwrap();
            let media_box = dict.get(b"MediaBox").unwrap().as_array().unwrap();
            let resources = doc.dereference(dict.get(b"Resources").unwrap()).unwrap().1.as_dict().unwrap();
            let images = doc.dereference(resources.get(b"XObject").unwrap()).unwrap().1.as_dict().unwrap();
            let (_, image) = images.iter().next().expect("the QR code's image");
            let image = doc.dereference(image).unwrap().1.as_stream().unwrap();
            let size = image.dict.get(b"Width").unwrap().as_i64().unwrap() as usize;
            let bits = image.decompressed_content().unwrap();
            let row = size.div_ceil(8);
            let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(size * 4, size * 4, |x, y| {
                let (x, y) = (x / 4, y / 4);
                if bits[y * row + x / 8] & (0x80 >> (x % 8)) == 0 { 0 } else { 255 }
            });
            let grids = prepared.detect_grids();
            assert_eq!(grids.len(), 1, "one QR code a page");
            ((mm(&media_box[2]), mm(&media_box[3])), grids[0].decode().unwrap().1)
        })
        .collect()
}

#[tokio::test]
async fn parcel_labels_of_own_delivery_are_a6_pages_with_the_orders_qr_code_and_unique_ssccs() {
    let app = spawn_app_with(settings()).await;
    let (order, seller, _) = cod_order(&app).await;
    let code = order["code"].as_str().unwrap();
    let parcels = json!({"carrier": "own", "parcels": [{"weight_g": 700}, {"weight_g": 500}, {"weight_g": 300}]});
    let (status, created) = app
        .send_json(Method::POST, &format!("/api/v1/orders/{}/shipments", order["id"]), Some(&seller), &parcels)
        .await;
    assert_eq!(status, 201, "{created}");
    let ids: Vec<i64> = created.as_array().unwrap().iter().map(|s| s["id"].as_i64().unwrap()).collect();
    assert!(created[0]["sscc"].is_null(), "numbered when first printed");

    let label = format!("/api/v1/shipments/{}/label", ids[1]);
    let (status, kind, pdf) = get_as(&app, &label, &seller).await;
    assert_eq!((status, kind.as_str()), (200, "application/pdf"), "{}", String::from_utf8_lossy(&pdf));
    let read = pages(&pdf);
    assert_eq!(read.len(), 3, "a page per parcel");
    for (i, (size, url)) in read.iter().enumerate() {
        assert_eq!(*size, (105.0, 148.0), "A6");
        assert_eq!(url, &format!("{}/orders/{code}#{code}-{}", app.state.settings.public_url, i + 1));
    }

    let mut ssccs = Vec::new();
    for id in &ids {
        let (status, shipment) = app.get_json_as(&format!("/api/v1/shipments/{id}"), &seller).await;
        assert_eq!(status, 200, "{shipment}");
        let sscc = gs1::Sscc::parse(shipment["sscc"].as_str().unwrap()).expect("a valid SSCC");
        assert_eq!(&sscc.as_str()[1..8], PREFIX, "under the platform's prefix");
        ssccs.push(sscc);
    }
    let distinct: std::collections::BTreeSet<_> = ssccs.iter().collect();
    assert_eq!(distinct.len(), 3, "{ssccs:?}");
    let (_, _, again) = get_as(&app, &label, &seller).await;
    assert_eq!(again, pdf, "printed again: the same numbers");

    let (status, journey) = app
        .api
        .get(app.url(&format!("/00/{}", ssccs[0])))
        .header("accept", "application/json")
        .send()
        .await
        .map(|r| (r.status().as_u16(), r))
        .unwrap();
    let journey: Value = journey.json().await.unwrap();
    assert_eq!(status, 200, "{journey}");
    assert_eq!((journey["kind"].as_str(), journey["status"].as_str()), (Some("parcel"), Some("picked_up")));
    assert_eq!(journey["events"][0]["status"], "picked_up");
    let (status, page) = app.page(&format!("/00/{}", ssccs[2])).await;
    assert_eq!(status, 200);
    for private in ["Nguyễn Thị Lan", "0987", "Hàng Bông", code] {
        assert!(!page.contains(private), "the journey page shows no {private}");
    }
    let (status, _) = app.page("/00/106141412345678900").await;
    assert_eq!(status, 400, "a wrong check digit");
    let (status, _) = app.page("/00/106141412345678908").await;
    assert_eq!(status, 404, "neither a parcel nor a carton");
}

#[tokio::test]
async fn parcel_labels_are_the_sellers_only_and_bad_requests_are_named() {
    let app = spawn_app_with(settings()).await;
    let (order, seller, guest) = cod_order(&app).await;
    let body = json!({"carrier": "other", "service": "Xe khách Lai Châu", "tracking_code": "XK-2291"});
    let (status, created) =
        app.send_json(Method::POST, &format!("/api/v1/orders/{}/shipments", order["id"]), Some(&seller), &body).await;
    assert_eq!(status, 201, "{created}");
    let label = format!("/api/v1/shipments/{}/label", created[0]["id"]);

    let (_, _, buyer) = app.user(Role::Buyer, None).await;
    let (other, _) = remote_store(&app).await;
    let (_, _, other_seller) = app.user(Role::Seller, Some(other.id)).await;
    for token in [buyer.as_str(), other_seller.as_str(), guest.as_str()] {
        let (status, _, _) = get_as(&app, &label, token).await;
        assert!(matches!(status, 401 | 403 | 404), "{status}");
    }
    let (status, _) = app.get_json_as(&format!("/api/v1/shipments/{}/label", 999_999), &seller).await;
    assert_eq!(status, 404);
    let (status, answer) = app.get_json_as(&format!("{label}?source=fax"), &seller).await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["errors"][0]["field"], "source");

    let (status, kind, pdf) = get_as(&app, &label, &seller).await;
    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    assert_eq!(pages(&pdf).len(), 1);

    // Without a company prefix the labels still print, without SSCCs.
    let plain = spawn_app_with(test_settings()).await;
    let (order, seller, _) = cod_order(&plain).await;
    let (_, created) = plain
        .send_json(
            Method::POST,
            &format!("/api/v1/orders/{}/shipments", order["id"]),
            Some(&seller),
            &json!({"carrier": "own"}),
        )
        .await;
    let (status, _, pdf) = get_as(&plain, &format!("/api/v1/shipments/{}/label", created[0]["id"]), &seller).await;
    assert_eq!((status, pages(&pdf).len()), (200, 1));
    let (_, shipment) = plain.get_json_as(&format!("/api/v1/shipments/{}", created[0]["id"]), &seller).await;
    assert!(shipment["sscc"].is_null(), "{shipment}");
}

#[tokio::test]
async fn parcel_labels_link_from_the_order_page_and_the_order_desk() {
    let app = spawn_app_with(settings()).await;
    let (order, _, _) = cod_order(&app).await;
    let producer = order["producer_id"].as_i64().unwrap();
    let (_, email, seller) = app.user(Role::Seller, Some(producer)).await;
    let (_, created) = app
        .send_json(
            Method::POST,
            &format!("/api/v1/orders/{}/shipments", order["id"]),
            Some(&seller),
            &json!({"carrier": "own"}),
        )
        .await;
    let link = format!("/api/v1/shipments/{}/label?source=dacsan", created[0]["id"]);
    app.sign_in(&email, "password-123").await;
    let (status, page) = app.page(&format!("/orders/{}", order["code"].as_str().unwrap())).await;
    assert_eq!(status, 200);
    assert!(page.contains(&link), "the order page links the labels");
    let (status, desk) = app.page("/seller/orders").await;
    assert_eq!(status, 200);
    assert!(desk.contains(&link), "the order desk links the labels: {desk}");
    let response = app.browser.get(app.url(&link)).send().await.unwrap();
    assert_eq!(response.status(), 200, "the seller's browser prints them");
}

#[tokio::test]
async fn a_carrier_parcel_keeps_its_carriers_label_and_the_keeper_scans_dacsans_label_at_the_point() {
    let (app, _) = app_with_ghn_and(settings()).await;
    let (_, _, officer) = app.officer(&["12"]).await;
    let (point, _) =
        point_with_run(&app, &officer, &json!({"weekdays": ["mon", "thu"], "time": "14:00", "carrier": "ghn"})).await;
    let (order, seller) = ghn_order(&app).await;
    let terms = format!("/api/v1/producers/{}/delivery", order["producer_id"]);
    let (_, mut body) = app.get_json(&terms).await;
    body["collection_point_id"] = json!(point);
    let (status, _) = app.send_json(Method::PUT, &terms, Some(&seller), &body).await;
    assert_eq!(status, 200);
    let parcels = json!({"parcels": [{"weight_g": 400}, {"weight_g": 300}]});
    let (status, created) = app
        .send_json(Method::POST, &format!("/api/v1/orders/{}/shipments", order["id"]), Some(&seller), &parcels)
        .await;
    assert_eq!(status, 201, "{created}");
    let waybill = created[0]["tracking_code"].as_str().unwrap();

    let label = format!("/api/v1/shipments/{}/label", created[0]["id"]);
    // The browser client does not follow redirects.
    let response = app.browser.get(app.url(&label)).bearer_auth(&seller).send().await.unwrap();
    assert_eq!(response.status(), 303, "GHN's own label, as before");
    let location = response.headers()["location"].to_str().unwrap();
    assert!(location.contains(&format!("printA5?token=tok-{waybill}")), "{location}");

    let (status, kind, pdf) = get_as(&app, &format!("{label}?source=dacsan"), &seller).await;
    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    let read = pages(&pdf);
    assert_eq!(read.len(), 2);
    let (_, second) = app.get_json_as(&format!("/api/v1/shipments/{}", created[1]["id"]), &seller).await;
    let sscc = second["sscc"].as_str().unwrap().to_string();

    let (_, keeper) = app
        .send_json(
            Method::POST,
            &format!("{POINTS}/{point}/keepers"),
            Some(&officer),
            &json!({"keeper_name": "Lò Thị Mai"}),
        )
        .await;
    let scans = format!("/api/v1/collect/{}/scans", token_of(keeper["url"].as_str().unwrap()));
    let (status, answer) = app.send_json(Method::POST, &scans, None, &json!({"code": read[0].1.to_uppercase()})).await;
    assert_eq!((status, answer["outcome"].as_str()), (200, Some("received")), "the QR code of parcel 1: {answer}");
    assert_eq!(answer["parcel"]["code"], created[0]["code"]);
    let (status, answer) = app.send_json(Method::POST, &scans, None, &json!({"code": format!("00{sscc}")})).await;
    assert_eq!((status, answer["outcome"].as_str()), (200, Some("received")), "the SSCC of parcel 2: {answer}");
    assert_eq!(answer["parcel"]["code"], created[1]["code"]);
    let (_, answer) = app.send_json(Method::POST, &scans, None, &json!({"code": format!("(00) {sscc}")})).await;
    assert_eq!(answer["outcome"], "already_received", "as printed under the bars");
    let (status, answer) = app.send_json(Method::POST, &scans, None, &json!({"code": "00106141412345678908"})).await;
    assert_eq!(status, 422, "an SSCC of no parcel: {answer}");
}
