//! Carriers: a seller hands a batch over (`/api/v1/batches/{id}/handovers`,
//! `/seller/batches/{id}/handovers`), the carrier records its shipping and receiving
//! with the link (`/carry/{token}`, `/api/v1/carry/{token}/events`).

use dacsan::auth::Role;
use dacsan::trace::chain;
use dacsan::vn::admin_units;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};
use crate::trace::{GTIN, Setup, create_batch, path_of, published_key, record_of, setup};

async fn hand_over(app: &TestApp, s: &Setup, batch_id: i64) -> Value {
    let body = json!({"carrier_name": "Viettel Post Tam Đường", "carrier_phone": "0912 345 678", "days": 3});
    let (status, handover) =
        app.send_json(Method::POST, &format!("/api/v1/batches/{batch_id}/handovers"), Some(&s.token), &body).await;
    assert_eq!(status, 201, "{handover}");
    handover
}

#[tokio::test]
async fn a_carrier_records_shipping_and_receiving_with_the_link() {
    let app = spawn_app().await;
    let s = setup(&app, Some(GTIN)).await;
    let id = create_batch(&app, &s, "L1").await["id"].as_i64().unwrap();
    let handover = hand_over(&app, &s, id).await;
    assert_eq!(handover["live"], true);
    assert_eq!(handover["carrier_phone"], "+84912345678");
    let url = handover["url"].as_str().unwrap();
    assert!(url.contains("/carry/"), "{url}");
    let events = format!("/api/v1{}/events", path_of(url));

    let (status, event) = app.send_json(Method::POST, &events, None, &json!({"kind": "shipping"})).await;
    assert_eq!(status, 201, "no account needed: {event}");
    assert_eq!(event["body"]["who"], "Viettel Post Tam Đường", "the carrier is who did it");
    assert_eq!(event["body"]["recorded_by"]["role"], "carrier");
    assert_eq!(event["body"]["recorded_by"]["handover_id"], handover["id"]);
    let (status, event) =
        app.send_json(Method::POST, &events, None, &json!({"kind": "receiving", "who": "Cửa hàng Hà Nội"})).await;
    assert_eq!((status, event["body"]["who"].as_str()), (201, Some("Cửa hàng Hà Nội")));
    let (status, problem) = app.send_json(Method::POST, &events, None, &json!({"kind": "harvest"})).await;
    assert_eq!((status, problem["errors"][0]["field"].as_str()), (422, Some("kind")), "{problem}");

    let record = record_of(&app, id).await;
    assert_eq!(chain::verify(&record, Some(&published_key(&app).await)).unwrap().event_count, 2);

    let (status, list) = app.get_json_as(&format!("/api/v1/batches/{id}/handovers"), &s.token).await;
    assert_eq!(status, 200);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert!(list[0].get("url").is_none(), "the link is shown once, at issue");
    let path = format!("/api/v1/batches/{id}/handovers/{}", handover["id"]);
    assert_eq!(app.send_json(Method::DELETE, &path, Some(&s.token), &json!({})).await.0, 204);
    let (status, problem) = app.send_json(Method::POST, &events, None, &json!({"kind": "shipping"})).await;
    assert_eq!(status, 410, "a revoked link no longer works: {problem}");
    assert!(problem["detail"].as_str().unwrap().contains("Viettel Post"), "{problem}");
    assert_eq!(app.page(&path_of(url)).await.0, 410);
    assert_eq!(app.send_json(Method::DELETE, &format!("{path}0"), Some(&s.token), &json!({})).await.0, 404);
    let (status, _) = app.send_json(Method::POST, "/api/v1/carry/not-a-token/events", None, &json!({})).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn only_the_batchs_sellers_hand_it_over_and_bad_input_is_named() {
    let app = spawn_app().await;
    let s = setup(&app, Some(GTIN)).await;
    let id = create_batch(&app, &s, "L1").await["id"].as_i64().unwrap();
    let path = format!("/api/v1/batches/{id}/handovers");
    let body = json!({"carrier_name": "GHN"});
    assert_eq!(app.send_json(Method::POST, &path, None, &body).await.0, 401);
    let other = app.producer().name("HTX vận tải khác").create().await;
    let (_, _, stranger) = app.user(Role::Seller, Some(other.id)).await;
    assert_eq!(app.send_json(Method::POST, &path, Some(&stranger), &body).await.0, 403);
    assert_eq!(app.get_json_as(&path, &stranger).await.0, 403);
    let (status, problem) = app
        .send_json(
            Method::POST,
            &path,
            Some(&s.token),
            &json!({"carrier_name": " ", "carrier_phone": "12", "days": 90}),
        )
        .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["carrier_name", "carrier_phone", "days"]);
}

#[tokio::test]
async fn the_carriers_page_takes_a_province_and_a_commune_name() {
    let app = spawn_app().await;
    let s = setup(&app, Some(GTIN)).await;
    let id = create_batch(&app, &s, "L1").await["id"].as_i64().unwrap();
    let carry = path_of(hand_over(&app, &s, id).await["url"].as_str().unwrap());
    let (status, html) = app.page(&carry).await;
    assert_eq!(status, 200);
    assert!(html.contains("Mật ong bạc hà") && html.contains("Viettel Post Tam Đường"), "{html}");

    let hanoi = admin_units::find_province("Hà Nội").unwrap().code.clone();
    let (status, _, html) =
        app.post_form(&carry, &[("kind", "shipping"), ("province_code", &hanoi), ("commune", "Nowhere")]).await;
    assert_eq!(status, 200);
    assert!(html.contains("Nowhere"), "an unknown commune is named: {html}");
    let (status, location, _) = app
        .post_form(
            &carry,
            &[("kind", "receiving"), ("province_code", &hanoi), ("commune", "ba dinh"), ("quantity", "120")],
        )
        .await;
    assert_eq!((status, location.as_str()), (303, format!("{carry}?done=event").as_str()));
    let (_, events) = app.get_json(&format!("/api/v1/batches/{id}/events")).await;
    let ba_dinh = admin_units::find_commune(&hanoi, "Ba Đình").unwrap();
    assert_eq!(events[0]["body"]["place"]["commune_code"], ba_dinh.code.as_str(), "{events}");
    assert_eq!(events[0]["body"]["quantity"], 120);
    let (_, html) = app.page(&format!("{carry}?done=event")).await;
    assert!(html.contains("Nhận hàng"), "the carrier sees what they recorded: {html}");
}

#[tokio::test]
async fn the_seller_issues_a_link_with_its_qr_and_revokes_it_on_the_batch_page() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let product = app.product(producer.id).name("Chè Shan tuyết", "Shan tuyet tea").create().await;
    let (_, email, token) = app.user(Role::Seller, Some(producer.id)).await;
    let s = Setup { product_id: product.id, token, slug: product.slug };
    let id = create_batch(&app, &s, "CHE-1").await["id"].as_i64().unwrap();
    app.sign_in(&email, "password-123").await;

    let page = format!("/seller/batches/{id}/handovers");
    let (status, _, html) = app.post_form(&page, &[("carrier_name", ""), ("days", "7")]).await;
    assert_eq!(status, 200);
    assert!(html.contains("cần tên"), "the missing name is said: {html}");
    let (status, _, html) = app.post_form(&page, &[("carrier_name", "Xe khách Lai Châu"), ("days", "2")]).await;
    assert_eq!(status, 200);
    assert!(html.contains("<svg"), "the link comes with its QR code");
    let link = html.split("id=\"carrier-link\" href=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    assert_eq!(app.page(&path_of(&link)).await.0, 200);

    let (_, list) = app.get_json_as(&format!("/api/v1/batches/{id}/handovers"), &s.token).await;
    let handover = list[0]["id"].as_i64().unwrap();
    let (status, location, _) = app.post_form(&format!("{page}/{handover}/revoke"), &[]).await;
    assert_eq!((status, location.as_str()), (303, format!("/seller/batches/{id}?done=revoked#carriers-h").as_str()));
    assert_eq!(app.page(&path_of(&link)).await.0, 410);
    let (_, html) = app.page(&format!("/seller/batches/{id}")).await;
    assert!(html.contains("đã thu hồi"), "{html}");
}
