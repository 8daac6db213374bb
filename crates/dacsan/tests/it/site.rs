//! `/healthz`, `/readyz`, `/metrics`, `/api/v1/openapi.json`, `/assets`, home and product pages.

use std::collections::BTreeSet;
use std::path::Path;

use crate::helpers::spawn_app;

#[tokio::test]
async fn healthz_answers_when_the_database_does() {
    let app = spawn_app().await;
    let response = app.api.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn readyz_wants_the_database_and_every_migration() {
    let app = spawn_app().await;
    let response = app.api.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    // A database one migration behind this build (a failed or rolled-back upgrade).
    sqlx::query("DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)")
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let response = app.api.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(response.status(), 503);
    assert!(response.text().await.unwrap().contains("migrations"));
    let response = app.api.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), 200, "alive all the same");
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

/// The OpenAPI document and the routes are one list: every documented operation is
/// served (not the API's "no such route" 404, not a 405), every handler annotated
/// in the source is documented, and no `/api/v1` route is added beside the domain
/// routers (which would be served but not documented).
#[tokio::test]
async fn openapi_and_routes_are_one_list() {
    let app = spawn_app().await;
    let (_, doc) = app.get_json("/api/v1/openapi.json").await;
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.insert((method.to_uppercase(), path.clone()));
        }
    }

    let source = rust_sources(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")));
    let annotated: BTreeSet<(String, String)> = source
        .iter()
        .flat_map(|(_, text)| text.split("#[utoipa::path(").skip(1))
        .map(|rest| {
            let method = rest.split(',').next().unwrap().trim().to_uppercase();
            let path = rest.split("path = \"").nth(1).unwrap().split('"').next().unwrap().to_string();
            (method, path)
        })
        .collect();
    assert_eq!(
        annotated.difference(&documented).collect::<Vec<_>>(),
        Vec::<&(String, String)>::new(),
        "annotated handlers missing from the document"
    );
    assert_eq!(
        documented.difference(&annotated).collect::<Vec<_>>(),
        Vec::<&(String, String)>::new(),
        "documented operations with no annotated handler"
    );

    let undocumented: Vec<_> = source
        .iter()
        .filter(|(_, text)| {
            // A nested router would hide its prefix from this check.
            text.replace(".route(\"/api/v1/openapi.json\"", "").contains(".route(\"/api") || text.contains(".nest(")
        })
        .map(|(file, _)| file.clone())
        .collect();
    assert!(undocumented.is_empty(), "/api/v1 routes outside routes!(): {undocumented:?}");

    for (method, path) in &documented {
        let url = app.url(&with_params(path));
        let response = app.api.request(method.parse().unwrap(), url).send().await.unwrap();
        let status = response.status();
        let body = response.text().await.unwrap();
        assert_ne!(status, 405, "{method} {path}: method not routed");
        assert!(!(status == 404 && body.contains("API route")), "{method} {path}: not routed ({body})");
    }
}

/// `/a/{id}/b/{code}` → `/a/1/b/1`.
fn with_params(path: &str) -> String {
    path.split('/').map(|part| if part.starts_with('{') { "1" } else { part }).collect::<Vec<_>>().join("/")
}

fn rust_sources(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
        }
    }
    out
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
async fn metrics_count_requests_by_route_and_status() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let product = app.product(producer.id).create().await;
    for _ in 0..2 {
        let (status, _) = app.page(&format!("/p/{}", product.slug)).await;
        assert_eq!(status, 200);
    }
    let (status, _) = app.page("/p/no-such-product").await;
    assert_eq!(status, 404);
    let response = app.api.get(app.url("/metrics")).send().await.unwrap();
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("application/openmetrics-text"));
    let text = response.text().await.unwrap();
    for line in [
        r#"dacsan_http_request_duration_seconds_count{method="GET",route="/p/{slug}",status="200"} 2"#,
        r#"dacsan_http_request_duration_seconds_count{method="GET",route="/p/{slug}",status="404"} 1"#,
        r#"dacsan_jobs_waiting{kind="serial_scans"} 0"#,
        "dacsan_response_cache_hits_total 1",
        "dacsan_db_connections_in_use ",
    ] {
        assert!(text.contains(line), "{line} missing from:\n{text}");
    }
    assert!(!text.contains("no-such-product"), "labels carry routes, not URLs");
}

#[tokio::test]
async fn every_answer_carries_a_request_id() {
    let app = spawn_app().await;
    let mut ids = std::collections::HashSet::new();
    for path in ["/healthz", "/api/v1/provinces", "/no-such-page"] {
        let response = app.api.get(app.url(path)).send().await.unwrap();
        let id = response.headers().get("x-request-id").expect("x-request-id").to_str().unwrap().to_string();
        assert_eq!(id.len(), 36, "a UUID: {id}");
        ids.insert(id);
    }
    assert_eq!(ids.len(), 3, "one id per request");
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

/// A request axum cannot fit to its handler (a query string or a path of the wrong
/// shape) gets the site's error page or problem+json saying what was wrong, not
/// axum's plain text.
#[tokio::test]
async fn a_request_that_does_not_fit_its_route_is_explained_like_any_error() {
    let app = spawn_app().await;
    let response = app.browser.get(app.url("/seller/products/new")).send().await.unwrap();
    assert_eq!(response.status(), 400);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let html = response.text().await.unwrap();
    assert!(html.contains("<html") && html.contains("producer"), "the page names what is missing: {html}");

    let response = app.api.get(app.url("/api/v1/shipping/collection-points/not-a-number")).send().await.unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    let problem: serde_json::Value = response.json().await.unwrap();
    assert_eq!(problem["code"], "error.malformed", "{problem}");
}

/// A body that is not JSON is a 400 that says so in the reader's language, with
/// the parser's own words inside.
#[tokio::test]
async fn a_body_that_is_not_json_is_explained_in_the_readers_language() {
    let app = spawn_app().await;
    let send = |language: &'static str| {
        app.api
            .post(app.url("/api/v1/checkout"))
            .header("content-type", "application/json")
            .header("accept-language", language)
            .body("{\"items\": [")
            .send()
    };
    let response = send("vi").await.unwrap();
    assert_eq!(response.status(), 400);
    let problem: serde_json::Value = response.json().await.unwrap();
    assert_eq!(problem["code"], "error.malformed", "{problem}");
    let detail = problem["detail"].as_str().unwrap();
    assert!(detail.starts_with("Yêu cầu không đọc được: JSON sai cú pháp ("), "{detail}");
    assert!(detail.contains("EOF"), "serde's reason stays inside: {detail}");

    let problem: serde_json::Value = send("en").await.unwrap().json().await.unwrap();
    let detail = problem["detail"].as_str().unwrap();
    assert!(detail.starts_with("Malformed request: JSON syntax ("), "{detail}");
}
