//! `/api/v1/provinces`

use crate::helpers::spawn_app;

#[tokio::test]
async fn provinces_are_the_34_of_2025() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/v1/provinces").await;
    assert_eq!(status, 200);
    let provinces = body.as_array().unwrap();
    assert_eq!(provinces.len(), 34);
    assert!(provinces.iter().any(|p| p["code"] == "12" && p["short_name"] == "Lai Châu"));
}

#[tokio::test]
async fn communes_of_lai_chau() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/v1/provinces/12/communes").await;
    assert_eq!(status, 200);
    let communes = body.as_array().unwrap();
    assert_eq!(communes.len(), 38);
    assert!(communes.iter().all(|c| c["province_code"] == "12"));
    assert!(communes.iter().any(|c| c["name"] == "Xã Sìn Hồ"));
}

#[tokio::test]
async fn unknown_province_is_a_problem_404() {
    let app = spawn_app().await;
    let response = app.api.get(app.url("/api/v1/provinces/99/communes")).send().await.unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["status"], 404);
    assert_eq!(body["detail"], "Không tìm thấy tỉnh mã 99.", "{body}");
}
