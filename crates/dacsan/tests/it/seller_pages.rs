//! `/seller`, `/seller/producers/{id}/edit`, `/seller/products/new`, `/seller/products/{id}/edit`.

use dacsan::auth::Role;
use reqwest::multipart::{Form, Part};

use crate::helpers::{TestApp, csrf_in, png, spawn_app};

fn product_form(csrf: &str, name: &str) -> Form {
    Form::new()
        .text("csrf", csrf.to_string())
        .text("name", name.to_string())
        .text("name_en", "Bao Yen cinnamon bark")
        .text("set_code", "gia-vi-khac")
        .text("price_vnd", "120.000")
        .text("unit", "túi 500 g")
        .text("weight_g", "520")
        .text("stock", "40")
        .text("sku", "QUE-01")
        .text("gtin", "")
        .text("origin_commune_code", "03478")
        .text("ocop_stars", "3")
        .text("ocop_certificate_no", "88/QĐ-UBND")
        .text("ocop_authority", "UBND tỉnh Lào Cai")
        .text("ocop_certified_on", "2025-02-01")
        .text("ocop_expires_on", "2028-02-01")
        .text("description", "Quế **Bảo Yên** thơm cay.")
        .text("status", "active")
}

async fn signed_in_seller(app: &TestApp) -> i64 {
    let producer = app.producer().create().await;
    let (_, email, _) = app.user(Role::Seller, Some(producer.id)).await;
    app.sign_in(&email, "password-123").await;
    producer.id
}

#[tokio::test]
async fn a_seller_adds_a_product_with_a_photo_and_finds_it() {
    let app = spawn_app().await;
    let producer_id = signed_in_seller(&app).await;
    let (status, html) = app.page(&format!("/seller/products/new?producer={producer_id}")).await;
    assert_eq!(status, 200);
    let form = product_form(&csrf_in(&html), "Quế Bảo Yên cuộn")
        .part("photos", Part::bytes(png(900, 700)).file_name("que.png").mime_str("image/png").unwrap());
    let response = app
        .browser
        .post(app.url(&format!("/seller/products/new?producer={producer_id}")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert!(location.ends_with("/edit?saved=1"), "{location}");
    let (_, found) = app.get_json("/api/v1/products?q=que%20bao%20yen").await;
    assert_eq!(found["total"], 1, "in search at once");
    let item = &found["items"][0];
    assert_eq!(item["price_vnd"], 120_000);
    assert_eq!(item["ocop_stars"], 3);
    assert!(item["image_url"].as_str().unwrap().starts_with("/media/"), "the photo became the card image");
}

#[tokio::test]
async fn the_product_form_explains_each_mistake() {
    let app = spawn_app().await;
    let producer_id = signed_in_seller(&app).await;
    let (_, html) = app.page(&format!("/seller/products/new?producer={producer_id}")).await;
    let form = product_form(&csrf_in(&html), "Q").text("price_vnd", "rẻ");
    let response = app
        .browser
        .post(app.url(&format!("/seller/products/new?producer={producer_id}")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.matches("class=\"field-error\"").count() >= 2, "name and price errors shown");
    assert!(html.contains("value=\"rẻ\""), "what was typed is kept");
    let (_, found) = app.get_json("/api/v1/products").await;
    assert_eq!(found["total"], 0, "nothing half-written");
}

#[tokio::test]
async fn a_seller_edits_the_storefront() {
    let app = spawn_app().await;
    let producer_id = signed_in_seller(&app).await;
    let (status, html) = app.page(&format!("/seller/producers/{producer_id}/edit")).await;
    assert_eq!(status, 200);
    let form = Form::new()
        .text("csrf", csrf_in(&html))
        .text("name", "HTX Chè Sìn Hồ")
        .text("slug", "htx-che-sin-ho")
        .text("kind", "hop_tac_xa")
        .text("commune_code", "03478")
        .text("street", "Bản Mới")
        .text("phone", "0912345678")
        .text("email", "htx@example.vn")
        .text("tax_code", "6200123456")
        .text("story", "Câu chuyện **mới**.")
        .part("logo", Part::bytes(png(300, 300)).file_name("logo.png"));
    let response = app
        .browser
        .post(app.url(&format!("/seller/producers/{producer_id}/edit")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let (status, html) = app.page("/s/htx-che-sin-ho").await;
    assert_eq!(status, 200);
    assert!(html.contains("<strong>mới</strong>"));
    assert!(html.contains("Logo HTX Chè Sìn Hồ"));
}

#[tokio::test]
async fn sellers_cannot_open_other_producers_editors() {
    let app = spawn_app().await;
    signed_in_seller(&app).await;
    let other = app.producer().name("HTX Khác").create().await;
    let product = app.product(other.id).status("draft").create().await;
    let (status, _) = app.page(&format!("/seller/producers/{}/edit", other.id)).await;
    assert_eq!(status, 403);
    let (status, _) = app.page(&format!("/seller/products/{}/edit", product.id)).await;
    assert_eq!(status, 403);
    let (status, _) = app.page(&format!("/seller/products/new?producer={}", other.id)).await;
    assert_eq!(status, 403);
    let (status, _) = app.page(&format!("/p/{}", product.slug)).await;
    assert_eq!(status, 404, "another producer's draft");
}

#[tokio::test]
async fn the_desk_needs_sign_in() {
    let app = spawn_app().await;
    let response = app.browser.get(app.url("/seller")).send().await.unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/signin");
}
