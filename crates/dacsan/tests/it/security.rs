//! CSRF protection and security headers across the site.

use dacsan::auth::Role;

use crate::helpers::spawn_app;

#[tokio::test]
async fn forms_without_the_token_are_refused() {
    let app = spawn_app().await;
    let (_, email, _) = app.user(Role::Buyer, None).await;
    app.page("/signin").await;
    let response = app
        .browser
        .post(app.url("/signin"))
        .form(&[("email", email.as_str()), ("password", "password-123")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    let response = app
        .browser
        .post(app.url("/signin"))
        .form(&[("csrf", "forged-token-forged-token-forged"), ("email", email.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let app = spawn_app().await;
    let token = app.csrf().await;
    let response = app
        .browser
        .post(app.url("/signin"))
        .header("origin", "https://evil.example")
        .form(&[("csrf", token.as_str()), ("email", "a@b.vn"), ("password", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    let response = app
        .browser
        .post(app.url("/signin"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("csrf", token.as_str()), ("email", "a@b.vn"), ("password", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn pages_carry_security_headers() {
    let app = spawn_app().await;
    let response = app.api.get(app.url("/")).send().await.unwrap();
    let headers = response.headers();
    assert!(headers["content-security-policy"].to_str().unwrap().contains("frame-ancestors 'none'"));
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(headers.get("referrer-policy").is_some());
    let cookie = headers["set-cookie"].to_str().unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
}
