//! `/api/v1/products` writes and reads, and who may do them.

use dacsan::auth::Role;
use reqwest::Method;
use serde_json::json;

use crate::helpers::{png, spawn_app};

fn new_product(producer_id: i64) -> serde_json::Value {
    json!({
        "producer_id": producer_id,
        "name": "Mật ong bạc hà Đồng Văn",
        "name_en": "Dong Van mint honey",
        "set_code": "mat-ong",
        "ocop_stars": 4,
        "ocop_certificate_no": "25/QĐ-UBND",
        "ocop_authority": "UBND tỉnh Tuyên Quang",
        "ocop_certified_on": "2025-03-01",
        "ocop_expires_on": "2028-03-01",
        "price_vnd": 450000,
        "unit": "chai 500 ml",
        "weight_g": 700,
        "stock": 30,
        "gtin": "8934563138165",
        "description": "Mật ong **hoa bạc hà**.",
        "status": "active"
    })
}

#[tokio::test]
async fn a_seller_creates_a_product_and_finds_it_at_once() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let (_, _, token) = app.user(Role::Seller, Some(producer.id)).await;
    let (status, body) = app.send_json(Method::POST, "/api/v1/products", Some(&token), &new_product(producer.id)).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["slug"], "mat-ong-bac-ha-dong-van");
    assert_eq!(body["ocop_stars"], 4);
    assert_eq!(body["price_vnd"], 450000);
    let (_, found) = app.get_json("/api/v1/products?q=mat%20ong%20dong%20van").await;
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["id"], body["id"]);
}

#[tokio::test]
async fn patch_changes_only_what_is_sent() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let product = app.product(producer.id).create().await;
    let (_, _, token) = app.user(Role::Seller, Some(producer.id)).await;
    let path = format!("/api/v1/products/{}", product.id);
    let (status, body) = app.send_json(Method::PATCH, &path, Some(&token), &json!({"stock": 20})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["stock"], 20);
    assert_eq!(body["price_vnd"], 250_000);
    assert_eq!(body["name"], "Chè Shan tuyết cổ thụ");
    let (status, _) = app.send_json(Method::PATCH, &path, Some(&token), &json!({"status": "archived"})).await;
    assert_eq!(status, 200);
    let (_, found) = app.get_json("/api/v1/products?q=shan").await;
    assert_eq!(found["total"], 0, "archived products leave the search at once");
    let (status, _) = app.get_json(&path).await;
    assert_eq!(status, 404, "archived products are not public");
    let (status, _) = app.get_json_as(&path, &token).await;
    assert_eq!(status, 200, "their seller still sees them");
}

#[tokio::test]
async fn writes_need_a_token() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let (status, body) = app.send_json(Method::POST, "/api/v1/products", None, &new_product(producer.id)).await;
    assert_eq!(status, 401);
    assert_eq!(body["status"], 401);
    let (status, _) =
        app.send_json(Method::POST, "/api/v1/products", Some("not-a-token"), &new_product(producer.id)).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn a_seller_cannot_touch_another_producers_products() {
    let app = spawn_app().await;
    let mine = app.producer().create().await;
    let theirs = app.producer().name("HTX Khác").create().await;
    let draft = app.product(theirs.id).status("draft").create().await;
    let active = app.product(theirs.id).create().await;
    let (_, _, token) = app.user(Role::Seller, Some(mine.id)).await;
    let (_, _, buyer) = app.user(Role::Buyer, None).await;
    let (status, _) = app.send_json(Method::POST, "/api/v1/products", Some(&token), &new_product(theirs.id)).await;
    assert_eq!(status, 403, "create for another producer");
    let (status, _) = app.send_json(Method::POST, "/api/v1/products", Some(&buyer), &new_product(mine.id)).await;
    assert_eq!(status, 403, "buyers do not sell");
    let (status, _) = app.get_json_as(&format!("/api/v1/products/{}", draft.id), &token).await;
    assert_eq!(status, 404, "another producer's draft stays hidden");
    let (status, _) = app
        .send_json(Method::PATCH, &format!("/api/v1/products/{}", draft.id), Some(&token), &json!({"stock": 1}))
        .await;
    assert_eq!(status, 404);
    let (status, _) = app
        .send_json(Method::PATCH, &format!("/api/v1/products/{}", active.id), Some(&token), &json!({"stock": 1}))
        .await;
    assert_eq!(status, 403);
    let (status, _) = app
        .send_json(
            Method::PATCH,
            &format!("/api/v1/products/{}", active.id),
            Some(&token),
            &json!({"producer_id": mine.id}),
        )
        .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn admins_manage_every_product() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let draft = app.product(producer.id).status("draft").create().await;
    let (_, _, admin) = app.user(Role::Admin, None).await;
    let (status, _) = app.get_json_as(&format!("/api/v1/products/{}", draft.id), &admin).await;
    assert_eq!(status, 200);
    let (status, body) = app.send_json(Method::POST, "/api/v1/products", Some(&admin), &new_product(producer.id)).await;
    assert_eq!(status, 201, "{body}");
}

#[tokio::test]
async fn bad_fields_are_named() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let (_, _, token) = app.user(Role::Seller, Some(producer.id)).await;
    let mut body = new_product(producer.id);
    body["price_vnd"] = json!(-5);
    body["gtin"] = json!("8934563138164");
    body["ocop_expires_on"] = json!("2020-01-01");
    body["set_code"] = json!("vang-bac");
    let (status, problem) = app.send_json(Method::POST, "/api/v1/products", Some(&token), &body).await;
    assert_eq!(status, 422);
    let fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    for field in ["price_vnd", "gtin", "ocop_expires_on", "set_code"] {
        assert!(fields.contains(&field), "{field} not named: {problem}");
    }
    let (status, problem) = app
        .send_json(
            Method::POST,
            "/api/v1/products",
            Some(&token),
            &json!({"producer_id": producer.id, "price_vnd": "many"}),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "price_vnd", "{problem}");
    let (status, problem) = app
        .send_json(
            Method::POST,
            "/api/v1/products",
            Some(&token),
            &json!({"producer_id": producer.id, "colour": "red"}),
        )
        .await;
    assert_eq!(status, 422, "unknown fields are refused: {problem}");
}

/// An API error speaks the client's `Accept-Language` (Vietnamese when it names
/// none), and its codes stay the same in every language.
#[tokio::test]
async fn api_errors_speak_the_clients_language_under_stable_codes() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let (_, _, token) = app.user(Role::Seller, Some(producer.id)).await;
    let mut body = new_product(producer.id);
    body["name"] = json!("x");
    body["set_code"] = json!("vang-bac");
    let ask = |language: Option<&'static str>| {
        let mut request = app.api.post(app.url("/api/v1/products")).bearer_auth(&token).json(&body);
        if let Some(language) = language {
            request = request.header("Accept-Language", language);
        }
        async move { request.send().await.unwrap().json::<serde_json::Value>().await.unwrap() }
    };
    let named = |problem: &serde_json::Value, field: &str| {
        let errors = problem["errors"].as_array().unwrap();
        let error = errors.iter().find(|e| e["field"] == field).unwrap_or_else(|| panic!("{field}: {problem}"));
        (error["code"].as_str().unwrap().to_string(), error["message"].as_str().unwrap().to_string())
    };
    let vietnamese = ask(None).await;
    assert_eq!(vietnamese["code"], "error.invalid");
    assert_eq!(
        named(&vietnamese, "name"),
        ("catalog.name_2_to_200_characters".into(), "cần từ 2 đến 200 ký tự".into())
    );
    let english = ask(Some("en-GB,en;q=0.9")).await;
    assert_eq!(named(&english, "name"), ("catalog.name_2_to_200_characters".into(), "2 to 200 characters".into()));
    assert_eq!(named(&english, "set_code").1, "not an OCOP product set code");
    assert_eq!(named(&ask(Some("vi-VN,vi;q=0.9,en;q=0.5")).await, "name").1, "cần từ 2 đến 200 ký tự");

    let missing = app.api.get(app.url("/api/v1/products/999999")).header("Accept-Language", "en").send().await.unwrap();
    let missing: serde_json::Value = missing.json().await.unwrap();
    assert_eq!(missing["code"], "error.not_found", "{missing}");
    assert_eq!(missing["detail"], "Not found: product.", "what is missing is named in English too");
    let (status, missing) = app.get_json("/api/v1/products/999999").await;
    assert_eq!((status, missing["detail"].as_str()), (404, Some("Không tìm thấy sản phẩm.")), "{missing}");
}

#[tokio::test]
async fn a_chosen_slug_that_is_taken_is_a_conflict() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let (_, _, token) = app.user(Role::Seller, Some(producer.id)).await;
    let mut body = new_product(producer.id);
    body["slug"] = json!("mat-ong");
    let (status, _) = app.send_json(Method::POST, "/api/v1/products", Some(&token), &body).await;
    assert_eq!(status, 201);
    let (status, problem) = app.send_json(Method::POST, "/api/v1/products", Some(&token), &body).await;
    assert_eq!(status, 409);
    assert_eq!(problem["errors"][0]["field"], "slug");
    body.as_object_mut().unwrap().remove("slug");
    let (status, first) = app.send_json(Method::POST, "/api/v1/products", Some(&token), &body).await;
    let (_, second) = app.send_json(Method::POST, "/api/v1/products", Some(&token), &body).await;
    assert_eq!(status, 201);
    assert_ne!(first["slug"], second["slug"], "a derived slug gets a suffix instead");
}

#[tokio::test]
async fn photos_upload_with_thumbnails() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let product = app.product(producer.id).create().await;
    let (_, _, token) = app.user(Role::Seller, Some(producer.id)).await;
    let form = reqwest::multipart::Form::new()
        .part("photo", reqwest::multipart::Part::bytes(png(1400, 900)).file_name("a.png"));
    let response = app
        .api
        .post(app.url(&format!("/api/v1/products/{}/photos", product.id)))
        .bearer_auth(&token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let body: serde_json::Value = response.json().await.unwrap();
    let card = app.api.get(app.url(body["image_url"].as_str().unwrap())).send().await.unwrap();
    assert_eq!(card.headers()["content-type"], "image/jpeg");
    assert!(card.headers()["cache-control"].to_str().unwrap().contains("immutable"));
    assert!(card.bytes().await.unwrap().len() < 30 * 1024, "card image under 30 KB");

    let form = reqwest::multipart::Form::new()
        .part("photo", reqwest::multipart::Part::bytes(b"<svg onload=alert(1)>".to_vec()).file_name("x.jpg"));
    let response = app
        .api
        .post(app.url(&format!("/api/v1/products/{}/photos", product.id)))
        .bearer_auth(&token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422, "the type is sniffed from the bytes, not the name");
}
