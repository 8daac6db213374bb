//! `/signin`, `/register`, `/signout`, `POST /api/v1/auth/token`.

use dacsan::auth::Role;
use dacsan::config::Settings;
use reqwest::Method;
use serde_json::json;

use crate::helpers::{spawn_app, spawn_app_with};

#[tokio::test]
async fn token_for_good_credentials_only() {
    let app = spawn_app().await;
    let (_, email, _) = app.user(Role::Buyer, None).await;
    let (status, body) = app
        .send_json(Method::POST, "/api/v1/auth/token", None, &json!({"email": email, "password": "password-123"}))
        .await;
    assert_eq!(status, 201);
    assert_eq!(body["token_type"], "Bearer");
    assert!(body["token"].as_str().unwrap().len() >= 40);
    let (status, problem) = app
        .send_json(Method::POST, "/api/v1/auth/token", None, &json!({"email": email, "password": "wrong-one"}))
        .await;
    assert_eq!(status, 401);
    assert_eq!(problem["status"], 401);
    let (status, _) = app.send_json(Method::POST, "/api/v1/auth/token", None, &json!({"email": email})).await;
    assert_eq!(status, 422);
}

#[tokio::test]
async fn register_needs_consent_then_signs_in() {
    let app = spawn_app().await;
    let fields = [
        ("name", "Trần Văn Minh"),
        ("email", "minh@example.vn"),
        ("phone", "0912 000 111"),
        ("password", "mat-khau-dai"),
    ];
    let (status, _, html) = app.post_form("/register", &fields).await;
    assert_eq!(status, 200);
    assert!(html.contains("cần đồng ý"), "consent is required");
    let mut with_consent = fields.to_vec();
    with_consent.push(("consent", "1"));
    let (status, location, _) = app.post_form("/register", &with_consent).await;
    assert_eq!((status, location.as_str()), (303, "/"));
    let (_, html) = app.page("/").await;
    assert!(html.contains("Đăng xuất"), "signed in after registering");
    let (status, _, html) = app.post_form("/register", &with_consent).await;
    assert_eq!(status, 200);
    assert!(html.contains("đã có tài khoản"), "an e-mail registers once");
}

/// A form's errors are in the page's language: a visitor who chose English reads
/// them in English only.
#[tokio::test]
async fn a_forms_errors_are_in_the_language_the_visitor_chose() {
    let app = spawn_app().await;
    let (status, _) = app.page("/lang/en?back=/register").await;
    assert_eq!(status, 303, "the switch remembers English and goes back");
    let fields = [("name", "T"), ("email", "t@example.vn"), ("phone", "0912 000 111"), ("password", "mat-khau-dai")];
    let (status, _, html) = app.post_form("/register", &fields).await;
    assert_eq!(status, 200);
    assert!(html.contains("2 to 100 characters") && html.contains("consent is needed"), "English errors");
    assert!(!html.contains("cần từ 2 đến 100 ký tự") && !html.contains("cần đồng ý"), "and only English");
    let (status, html) = app.page("/no-such-page").await;
    assert_eq!(status, 404);
    assert!(html.contains("Not found: page") && html.contains("lang=\"en\""), "the error page too: {html}");
}

#[tokio::test]
async fn sign_in_and_out() {
    let app = spawn_app().await;
    let (_, email, _) = app.user(Role::Buyer, None).await;
    let (status, _, html) = app.post_form("/signin", &[("email", &email), ("password", "nope-nope")]).await;
    assert_eq!(status, 200);
    assert!(html.contains("không đúng"));
    app.sign_in(&email, "password-123").await;
    let (_, html) = app.page("/").await;
    assert!(html.contains("Đăng xuất"));
    let (status, location, _) = app.post_form("/signout", &[]).await;
    assert_eq!((status, location.as_str()), (303, "/"));
    let (_, html) = app.page("/").await;
    assert!(html.contains("Đăng nhập"));
}

#[tokio::test]
async fn sign_in_is_rate_limited() {
    let app = spawn_app_with(Settings { signin_per_minute: 3, ..crate::helpers::test_settings() }).await;
    let body = json!({"email": "x@example.vn", "password": "whatever-1"});
    let mut statuses = Vec::new();
    for _ in 0..5 {
        statuses.push(app.send_json(Method::POST, "/api/v1/auth/token", None, &body).await.0);
    }
    assert_eq!(&statuses[..3], [401, 401, 401]);
    assert_eq!(statuses[4], 429);
}

#[tokio::test]
async fn next_never_leaves_the_site() {
    let app = spawn_app().await;
    let (_, email, _) = app.user(Role::Buyer, None).await;
    let (status, location, _) = app
        .post_form("/signin", &[("email", &email), ("password", "password-123"), ("next", "//evil.example/x")])
        .await;
    assert_eq!((status, location.as_str()), (303, "/"));
}
