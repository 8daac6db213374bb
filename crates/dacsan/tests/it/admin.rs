//! `/admin`: producers and accounts.

use dacsan::auth::Role;

use crate::helpers::spawn_app;

#[tokio::test]
async fn only_admins_open_the_desk() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let (_, email, _) = app.user(Role::Seller, Some(producer.id)).await;
    app.sign_in(&email, "password-123").await;
    let (status, _) = app.page("/admin").await;
    assert_eq!(status, 403);
    let (status, _, _) = app.post_form("/admin/producers", &[("name", "X")]).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn an_admin_creates_a_producer_with_an_old_commune_name_and_its_seller() {
    let app = spawn_app().await;
    let (_, email, _) = app.user(Role::Admin, None).await;
    app.sign_in(&email, "password-123").await;
    let (status, _) = app.page("/admin").await;
    assert_eq!(status, 200);
    let fields = [
        ("name", "Hợp tác xã Quế Bảo Yên"),
        ("slug", ""),
        ("kind", "hop_tac_xa"),
        ("province_code", "15"),
        ("commune", "Xã Bảo Yên"),
        ("street", "Thôn 1"),
        ("phone", "0986 111 222"),
        ("email", ""),
        ("tax_code", ""),
    ];
    let (status, location, body) = app.post_form("/admin/producers", &fields).await;
    assert_eq!(status, 303, "{body}");
    assert_eq!(location, "/s/hop-tac-xa-que-bao-yen");
    let user = [
        ("user_email", "ban@example.vn"),
        ("user_name", "Bàn Thị Hoa"),
        ("user_password", "mat-khau-123"),
        ("user_role", "seller"),
        ("user_producer", "hop-tac-xa-que-bao-yen"),
        ("user_province", ""),
    ];
    let (status, _, html) = app.post_form("/admin/users", &user).await;
    assert_eq!(status, 200);
    assert!(html.contains("ban@example.vn"));
    let (status, _, html) = app
        .post_form(
            "/admin/users",
            &[
                ("user_email", "x@example.vn"),
                ("user_password", "mat-khau-123"),
                ("user_role", "seller"),
                ("user_producer", ""),
            ],
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("field-error"), "a seller needs a store");
}
