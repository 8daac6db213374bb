//! `/healthz`, `/metrics`, `/api/v1/openapi.json`, `/assets`, home and product pages.

use crate::helpers::spawn_app;

#[tokio::test]
async fn healthz_answers_when_the_database_does() {
    let app = spawn_app().await;
    let response = app.api.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn openapi_lists_every_api_route() {
    let app = spawn_app().await;
    let (status, doc) = app.get_json("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/api/v1/provinces",
        "/api/v1/provinces/{code}/communes",
        "/api/v1/products",
        "/api/v1/products/{id}",
        "/api/v1/products/{id}/photos",
        "/api/v1/producers",
        "/api/v1/producers/{id}",
        "/api/v1/auth/token",
        "/api/v1/ocop/sets",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing from OpenAPI");
    }
}

#[tokio::test]
async fn metrics_are_prometheus_text() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    app.product(producer.id).create().await;
    let text = app.api.get(app.url("/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(text.contains("dacsan_products 1"), "{text}");
    assert!(text.contains("dacsan_search_documents 1"), "{text}");
}

#[tokio::test]
async fn home_page_links_provinces_groups_and_products() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    app.product(producer.id).create().await;
    let (status, html) = app.page("/").await;
    assert_eq!(status, 200);
    assert!(html.contains("/search?province=12"), "province link");
    assert!(html.contains("/search?group=thuc-pham"), "sector link");
    assert!(html.contains("Chè Shan tuyết cổ thụ"));
}

#[tokio::test]
async fn product_page_is_small_and_self_contained() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let product = app.product(producer.id).stars(4, "2024-01-10", "2099-01-10").create().await;
    let response = app.api.get(app.url(&format!("/p/{}", product.slug))).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let csp = response.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    let html = response.text().await.unwrap();
    assert!(html.contains("<title>Chè Shan tuyết cổ thụ"));
    assert!(html.contains("name=\"description\""));
    assert!(html.contains("OCOP 4★"));
    assert!(html.contains(&format!("/s/{}", producer.slug)), "links to the storefront");
    assert!(!html.contains("<script"), "no script on the product page");
    assert!(!html.contains("style=\""), "no inline styles (CSP)");
    let loads_from_elsewhere = html.split("src=\"").skip(1).any(|rest| rest.starts_with("http"))
        || html.split("<link").skip(1).any(|tag| tag.split('>').next().unwrap_or("").contains("href=\"http"));
    assert!(!loads_from_elsewhere, "nothing is loaded from another host (share links are plain links)");
    let css = app.api.get(app.url(dacsan::web::assets::css_url())).send().await.unwrap();
    assert_eq!(css.status(), 200);
    assert!(html.len() + css.text().await.unwrap().len() < 50 * 1024, "HTML + CSS under 50 KB even uncompressed");
}

/// Visitors who are not signed in get the product page from the page cache: each
/// with their own CSRF token, and a write shows at once.
#[tokio::test]
async fn cached_product_pages_carry_each_visitors_token_and_follow_writes() {
    use crate::helpers::csrf_in;
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let product = app.product(producer.id).create().await;
    let path = format!("/p/{}", product.slug);
    let visitor =
        || reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let (ann, bao) = (visitor(), visitor());
    let mut tokens = Vec::new();
    for client in [&ann, &bao, &ann] {
        let html = client.get(app.url(&path)).send().await.unwrap().text().await.unwrap();
        assert!(html.contains("250.000"), "{html}");
        assert!(!html.contains(dacsan::web::response_cache::CSRF_MARKER));
        tokens.push(csrf_in(&html));
    }
    assert_ne!(tokens[0], tokens[1], "two visitors, two tokens");
    for (client, token) in [(&ann, &tokens[2]), (&bao, &tokens[1])] {
        let form = [("csrf", token.as_str()), ("product_id", &product.id.to_string()), ("quantity", "1")];
        let response = client.post(app.url("/cart/add")).form(&form).send().await.unwrap();
        assert_eq!(response.status(), 303, "the cached page's form works for its visitor");
    }

    let (_, _, seller) = app.user(dacsan::auth::Role::Seller, Some(producer.id)).await;
    let patch = serde_json::json!({"price_vnd": 310_000});
    let (status, _) =
        app.send_json(reqwest::Method::PATCH, &format!("/api/v1/products/{}", product.id), Some(&seller), &patch).await;
    assert_eq!(status, 200);
    let html = ann.get(app.url(&path)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("310.000") && !html.contains("250.000"), "the new price at once");
}

#[tokio::test]
async fn an_expired_certificate_shows_as_expired() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let product = app.product(producer.id).stars(4, "2020-01-10", "2023-01-10").create().await;
    let (_, html) = app.page(&format!("/p/{}", product.slug)).await;
    assert!(!html.contains("OCOP 4★"));
    assert!(html.contains("Đã hết hạn"));
}

#[tokio::test]
async fn unknown_pages_are_html_404() {
    let app = spawn_app().await;
    let (status, html) = app.page("/p/khong-co").await;
    assert_eq!(status, 404);
    assert!(html.contains("<html"));
    let (status, _) = app.page("/nowhere").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn english_pages_after_the_language_switch() {
    let app = spawn_app().await;
    let response = app.browser.get(app.url("/lang/en?back=/search")).send().await.unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/search");
    let (_, html) = app.page("/search").await;
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Sign in"));
    let response = app.browser.get(app.url("/lang/vi?back=https://evil.example")).send().await.unwrap();
    assert_eq!(response.headers()["location"], "/");
}
