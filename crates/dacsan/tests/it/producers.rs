//! `/s/{slug}` storefronts and `/api/v1/producers`.

use dacsan::auth::Role;
use reqwest::Method;
use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn storefront_shows_the_seller_identity_and_products() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    app.product(producer.id).create().await;
    app.product(producer.id).name("Chè nháp", "Draft tea").status("draft").create().await;
    let (status, html) = app.page(&format!("/s/{}", producer.slug)).await;
    assert_eq!(status, 200);
    for expected in [
        "Hợp tác xã Chè Shan tuyết Sìn Hồ",
        "Xã Sìn Hồ, Tỉnh Lai Châu",
        "0912 345 678",
        "6200123456",
        "<strong>Shan tuyết</strong>",
    ] {
        assert!(html.contains(expected), "{expected} missing");
    }
    assert!(html.contains("Chè Shan tuyết cổ thụ"));
    assert!(!html.contains("Chè nháp"), "drafts are not public");
    assert!(html.contains("/complaints"), "a way to complain");
}

#[tokio::test]
async fn buyers_can_complain_about_a_seller() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let path = format!("/s/{}/complaints", producer.slug);
    let (status, _, html) = app.post_form(&path, &[("name", "Lan"), ("contact", "bad"), ("message", "short")]).await;
    assert_eq!(status, 200);
    assert!(html.contains("field-error"), "errors shown on the form");
    let (status, _, html) = app
        .post_form(
            &path,
            &[("name", "Nguyễn Thị Lan"), ("contact", "0987654321"), ("message", "Hàng giao thiếu một hộp chè.")],
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Đã nhận phản ánh"));
}

#[tokio::test]
async fn api_reads_producers_by_id_or_slug() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let (status, body) = app.get_json(&format!("/api/v1/producers/{}", producer.slug)).await;
    assert_eq!(status, 200);
    assert_eq!(body["id"], producer.id);
    let (_, list) = app.get_json("/api/v1/producers").await;
    assert_eq!(list["total"], 1);
    let (status, _) = app.get_json("/api/v1/producers/khong-co").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn only_admins_create_producers_and_sellers_edit_their_own() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let other = app.producer().name("HTX Khác").create().await;
    let (_, _, seller) = app.user(Role::Seller, Some(producer.id)).await;
    let (_, _, admin) = app.user(Role::Admin, None).await;
    let body = json!({"name": "HTX Quế Bảo Yên", "kind": "hop_tac_xa", "province_code": "15", "commune_code": "02947", "phone": "+84 986 111 222"});
    let (status, _) = app.send_json(Method::POST, "/api/v1/producers", Some(&seller), &body).await;
    assert_eq!(status, 403);
    let (status, created) = app.send_json(Method::POST, "/api/v1/producers", Some(&admin), &body).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["address"], "Xã Bảo Yên, Tỉnh Lào Cai");
    let (status, _) = app
        .send_json(Method::PATCH, &format!("/api/v1/producers/{}", other.id), Some(&seller), &json!({"story": "x"}))
        .await;
    assert_eq!(status, 403);
    let (status, updated) = app
        .send_json(
            Method::PATCH,
            &format!("/api/v1/producers/{}", producer.id),
            Some(&seller),
            &json!({"story": "Câu chuyện mới"}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(updated["story"], "Câu chuyện mới");
    let (status, problem) = app
        .send_json(
            Method::PATCH,
            &format!("/api/v1/producers/{}", producer.id),
            Some(&seller),
            &json!({"phone": "123", "commune_code": "00004"}),
        )
        .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert!(fields.contains(&"phone") && fields.contains(&"commune_code"), "{problem}");
}
