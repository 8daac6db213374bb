//! The programme office's desk work: 1:1 support cases (`/office/cases`,
//! `/api/v1/programme/cases`), trainings (`/office/trainings`, `/office/courses`,
//! `/office/sessions`, `/api/v1/programme/courses`, `/sessions`) and fairs
//! (`/office/fairs`, `/api/v1/programme/fairs`), each through the API and the pages,
//! with the province scope checked on every route.

use dacsan::auth::Role;
use reqwest::Method;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

use crate::helpers::{TestApp, csrf_in, spawn_app};

const LAI_CHAU: (&str, &str) = ("12", "03478");
const LAO_CAI: (&str, &str) = ("15", "02947");

/// A browser of its own, signed in as `email`.
async fn browser(app: &TestApp, email: &str) -> reqwest::Client {
    let client =
        reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let (_, _, _) = post_form(app, &client, "/signin", &[("email", email), ("password", "password-123")]).await;
    let response = client.get(app.url("/office/cases")).send().await.unwrap();
    assert_ne!(response.status().as_u16(), 303, "{email} is signed in");
    client
}

async fn csrf_of(app: &TestApp, client: &reqwest::Client) -> String {
    let html = client.get(app.url("/signin")).send().await.unwrap().text().await.unwrap();
    csrf_in(&html)
}

/// (status, Location, body)
async fn post_form(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> (u16, String, String) {
    let csrf = csrf_of(app, client).await;
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    let response = client.post(app.url(path)).form(&all).send().await.unwrap();
    let status = response.status().as_u16();
    let location = response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    (status, location, response.text().await.unwrap())
}

async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn download(app: &TestApp, client: &reqwest::Client, path: &str) -> Vec<u8> {
    let response = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(response.status(), 200, "{path}");
    assert!(response.headers()["content-type"].to_str().unwrap().contains("spreadsheetml"), "{path}");
    response.bytes().await.unwrap().to_vec()
}

/// Every row of a sheet as texts.
fn sheet_rows(bytes: &[u8], sheet: &str) -> Vec<Vec<String>> {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
}

async fn api(app: &TestApp, method: Method, path: &str, token: Option<&str>, body: Value) -> (u16, Value) {
    app.send_json(method, path, token, &body).await
}

/// Two officers (Lai Châu, Lào Cai) with their tokens and e-mails, a buyer's token.
struct People {
    lai_chau: (i64, String, String),
    lao_cai: (i64, String, String),
    buyer: String,
}

async fn people(app: &TestApp) -> People {
    People {
        lai_chau: app.officer(&["12"]).await,
        lao_cai: app.officer(&["15"]).await,
        buyer: app.user(Role::Buyer, None).await.2,
    }
}

fn errors_of(body: &Value) -> String {
    body["errors"]
        .as_array()
        .map(|e| e.iter().map(|e| format!("{} {}", e["field"], e["message"])).collect::<Vec<_>>().join(" | "))
        .unwrap_or_default()
}

#[tokio::test]
async fn cases_through_the_api() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let token = who.lai_chau.2.as_str();
    let tea = app.registry_producer(Some("LC-001"), "HTX Chè Shan tuyết Sìn Hồ", LAI_CHAU, "0912345678").await;
    let cinnamon = app.registry_producer(Some("LC-001"), "HTX Quế Bảo Yên", LAO_CAI, "0986111222").await;

    let (status, case) = api(&app, Method::POST, "/api/v1/programme/cases", Some(token),
        json!({"producer": "lc-001", "topic": "open_store", "title": "Mở gian hàng trên sàn", "due_on": "2020-01-31", "note": "Gọi lần 1"})).await;
    assert_eq!(status, 201, "{case}");
    assert_eq!(case["producer"]["id"], tea.id, "the code is looked up within the province");
    assert_eq!((case["status"].as_str(), case["owner_user_id"].as_i64()), (Some("open"), Some(who.lai_chau.0)));
    assert_eq!(case["overdue"], true, "a due date in the past is allowed, and late");
    assert_eq!(case["notes"].as_array().unwrap().len(), 1);
    let id = case["id"].as_i64().unwrap();

    // Bad input names the field; another province's producer is not the officer's.
    let (status, body) = api(
        &app,
        Method::POST,
        "/api/v1/programme/cases",
        Some(token),
        json!({"producer_id": tea.id, "topic": "stores", "due_on": "31/13/2026"}),
    )
    .await;
    assert_eq!(status, 422);
    let errors = errors_of(&body);
    assert!(errors.contains("\"topic\"") && errors.contains("\"due_on\"") && errors.contains("31/13/2026"), "{errors}");
    let (status, _) = api(
        &app,
        Method::POST,
        "/api/v1/programme/cases",
        Some(token),
        json!({"producer_id": cinnamon.id, "topic": "photos"}),
    )
    .await;
    assert_eq!(status, 403);
    let (status, body) = api(
        &app,
        Method::POST,
        "/api/v1/programme/cases",
        Some(token),
        json!({"producer": "HTX Quế Bảo Yên", "topic": "photos"}),
    )
    .await;
    assert_eq!(status, 422);
    assert!(errors_of(&body).contains("không thuộc tỉnh này"), "{body}");
    let (status, body) = api(
        &app,
        Method::POST,
        "/api/v1/programme/cases",
        Some(token),
        json!({"producer_id": tea.id, "topic": "photos", "owner_user_id": who.lao_cai.0}),
    )
    .await;
    assert_eq!(status, 422);
    assert!(errors_of(&body).contains("owner_user_id"), "{body}");

    // The list and its filters.
    let count = |body: &Value| body["cases"].as_array().map(Vec::len).unwrap_or(usize::MAX);
    let (status, list) = app.get_json_as("/api/v1/programme/cases?province=12", token).await;
    assert_eq!((status, count(&list)), (200, 1));
    assert_eq!(list["cases"][0]["producer"]["phone"], "+84912345678");
    for (filter, expected) in
        [("status=open", 1), ("status=done", 0), ("topic=photos", 0), ("topic=open_store", 1), ("overdue=1", 1)]
    {
        let (_, list) = app.get_json_as(&format!("/api/v1/programme/cases?province=12&{filter}"), token).await;
        assert_eq!(count(&list), expected, "{filter}");
    }
    let (_, list) = app.get_json_as(&format!("/api/v1/programme/cases?owner={}", who.lai_chau.0), token).await;
    assert_eq!(count(&list), 1, "the officer's own province by default");
    let (status, _) = app.get_json_as("/api/v1/programme/cases?status=closed", token).await;
    assert_eq!(status, 422);

    // Status moves: done sets closed_at, reopening clears it.
    let path = format!("/api/v1/programme/cases/{id}");
    let (status, case) = api(&app, Method::PATCH, &path, Some(token), json!({"status": "done"})).await;
    assert_eq!(status, 200, "{case}");
    assert!(case["closed_at"].is_string());
    assert_eq!(case["overdue"], false);
    let (_, case) = api(&app, Method::PATCH, &path, Some(token), json!({"status": "in_progress", "due_on": ""})).await;
    assert_eq!(
        (case["status"].as_str(), case["closed_at"].is_null(), case["due_on"].is_null()),
        (Some("in_progress"), true, true)
    );
    let (status, body) = api(&app, Method::PATCH, &path, Some(token), json!({"due_on": "mai"})).await;
    assert_eq!(status, 422, "{body}");

    let (status, note) =
        api(&app, Method::POST, &format!("{path}/notes"), Some(token), json!({"body": "Đã mở xong gian hàng"})).await;
    assert_eq!(status, 201, "{note}");
    assert_eq!(note["author_user_id"], who.lai_chau.0);
    let (status, _) = api(&app, Method::POST, &format!("{path}/notes"), Some(token), json!({"body": "  "})).await;
    assert_eq!(status, 422);
    let (_, case) = app.get_json_as(&path, token).await;
    assert_eq!(case["notes"].as_array().unwrap().len(), 2);

    // Scope: another province's officer, a buyer, nobody.
    let other = who.lao_cai.2.as_str();
    assert_eq!(app.get_json_as(&path, other).await.0, 403);
    assert_eq!(api(&app, Method::PATCH, &path, Some(other), json!({"status": "done"})).await.0, 403);
    assert_eq!(api(&app, Method::POST, &format!("{path}/notes"), Some(other), json!({"body": "x"})).await.0, 403);
    assert_eq!(app.get_json_as("/api/v1/programme/cases?province=12", other).await.0, 403);
    let (_, theirs) = app.get_json_as("/api/v1/programme/cases", other).await;
    assert_eq!(count(&theirs), 0, "lists only show the officer's province");
    assert_eq!(
        api(
            &app,
            Method::POST,
            "/api/v1/programme/cases?province=12",
            Some(other),
            json!({"producer": "LC-001", "topic": "photos"})
        )
        .await
        .0,
        403
    );
    assert_eq!(app.get_json_as("/api/v1/programme/cases", &who.buyer).await.0, 403);
    assert_eq!(app.get_json_as(&path, &who.buyer).await.0, 403);
    assert_eq!(app.get_json("/api/v1/programme/cases").await.0, 401);
    assert_eq!(app.get_json(&path).await.0, 401);
    assert_eq!(app.get_json_as("/api/v1/programme/cases/999999", token).await.0, 404);
}

#[tokio::test]
async fn cases_through_the_pages() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let tea = app.registry_producer(Some("LC-001"), "HTX Chè Shan tuyết Sìn Hồ", LAI_CHAU, "0912345678").await;
    let officer = browser(&app, &who.lai_chau.1).await;

    // The dashboard's "give a hand" link.
    let (status, html) = get(&app, &officer, &format!("/office/cases/new?producer={}&topic=open_store", tea.id)).await;
    assert_eq!(status, 200);
    assert!(html.contains("HTX Chè Shan tuyết Sìn Hồ") && html.contains("value=\"open_store\" selected"), "{html}");
    let (_, html) = get(&app, &officer, "/office/cases/new?province=12&q=shan%20tuyet").await;
    assert!(html.contains(&format!("/office/cases/new?producer={}", tea.id)), "the search finds the producer");

    let (status, _, html) = post_form(
        &app,
        &officer,
        "/office/cases",
        &[("province", "12"), ("producer", "LC-001"), ("topic", "photos"), ("due_on", "hôm qua")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("class=\"field-error\"") && html.contains("hôm qua"), "the bad date is named");
    let (status, _, html) = post_form(
        &app,
        &officer,
        "/office/cases",
        &[("province", "12"), ("producer", "Không có"), ("topic", "photos")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("không có cơ sở"), "{html}");
    let (status, location, _) = post_form(
        &app,
        &officer,
        "/office/cases",
        &[
            ("province", "12"),
            ("producer_id", &tea.id.to_string()),
            ("topic", "open_store"),
            ("due_on", "2020-02-01"),
            ("note", "Hẹn thứ hai"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    assert!(location.starts_with("/office/cases/"), "{location}");
    let case_path = location.clone();

    let (status, html) = get(&app, &officer, "/office/cases?province=12").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("HTX Chè Shan tuyết Sìn Hồ")
            && html.contains("href=\"tel:+84912345678\"")
            && html.contains("Sìn Hồ"),
        "{html}"
    );
    assert!(html.contains("badge warn"), "overdue shown");
    let (_, html) = get(&app, &officer, "/office/cases?province=12&status=done").await;
    assert!(!html.contains("href=\"tel:"), "filtered out");

    let (status, location, _) = post_form(
        &app,
        &officer,
        &case_path,
        &[
            ("status", "in_progress"),
            ("owner_user_id", &who.lai_chau.0.to_string()),
            ("due_on", "2030-01-01"),
            ("topic", "open_store"),
            ("title", "Shopee"),
        ],
    )
    .await;
    assert_eq!((status, location.ends_with("?done=saved")), (303, true));
    let (status, _, html) = post_form(&app, &officer, &case_path, &[("status", "closed")]).await;
    assert_eq!(status, 422, "{html}");
    let (status, _, _) =
        post_form(&app, &officer, &format!("{case_path}/notes"), &[("body", "Đã chụp ảnh sản phẩm")]).await;
    assert_eq!(status, 303);
    let (_, html) = get(&app, &officer, &case_path).await;
    assert!(
        html.contains("Đang hỗ trợ")
            && html.contains("Đã chụp ảnh sản phẩm")
            && html.contains("Hẹn thứ hai")
            && html.contains("01/01/2030"),
        "{html}"
    );

    let bytes = download(&app, &officer, "/office/cases.xlsx?province=12&status=in_progress").await;
    let rows = sheet_rows(&bytes, "Hỗ trợ 1-1");
    assert_eq!(rows.len(), 2, "header and the case");
    let logged: (String, i64) = sqlx::query_as("SELECT action, people FROM processing_log ORDER BY id DESC LIMIT 1")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(logged, ("office.cases.xlsx".to_string(), 1), "a bulk export of contacts is logged");
    assert_eq!(
        (rows[1][1].as_str(), rows[1][2].as_str(), rows[1][5].as_str()),
        ("LC-001", "HTX Chè Shan tuyết Sìn Hồ", "Mở gian hàng")
    );
    let bytes = download(&app, &officer, "/office/cases.xlsx?province=12&status=done").await;
    assert_eq!(sheet_rows(&bytes, "Hỗ trợ 1-1").len(), 1, "the export follows the filters");

    // Scope on every page.
    let other = browser(&app, &who.lao_cai.1).await;
    for path in [
        case_path.clone(),
        "/office/cases?province=12".into(),
        "/office/cases.xlsx?province=12".into(),
        format!("/office/cases/new?producer={}", tea.id),
        "/office/cases/new?province=12".into(),
    ] {
        assert_eq!(get(&app, &other, &path).await.0, 403, "{path}");
    }
    assert_eq!(post_form(&app, &other, &case_path, &[("status", "done")]).await.0, 403);
    assert_eq!(post_form(&app, &other, &format!("{case_path}/notes"), &[("body", "x")]).await.0, 403);
    assert_eq!(
        post_form(&app, &other, "/office/cases", &[("province", "12"), ("producer", "LC-001"), ("topic", "photos")])
            .await
            .0,
        403
    );
    let (_, buyer_email, _) = app.user(Role::Buyer, None).await;
    let buyer = browser(&app, &buyer_email).await;
    assert_eq!(get(&app, &buyer, "/office/cases").await.0, 403);
    assert_eq!(get(&app, &buyer, &case_path).await.0, 403);
    let (status, _) = app.page("/office/cases").await;
    assert_eq!(status, 303, "anonymous: to the sign-in page");
    let (status, _) = app.page(&case_path).await;
    assert_eq!(status, 303);
}

/// A course with one session in Lai Châu through the API: (course id, session id).
async fn course_and_session(app: &TestApp, token: &str, pillar: &str, held_on: &str) -> (i64, i64) {
    let (status, course) = api(
        app,
        Method::POST,
        "/api/v1/programme/courses?province=12",
        Some(token),
        json!({"title": "Bán hàng trên sàn TMĐT", "pillar": pillar}),
    )
    .await;
    assert_eq!(status, 201, "{course}");
    let course_id = course["id"].as_i64().unwrap();
    let (status, session) = api(
        app,
        Method::POST,
        &format!("/api/v1/programme/courses/{course_id}/sessions"),
        Some(token),
        json!({"held_on": held_on, "place": "UBND xã Sìn Hồ", "trainer": "Cục TMĐT"}),
    )
    .await;
    assert_eq!(status, 201, "{session}");
    (course_id, session["id"].as_i64().unwrap())
}

#[tokio::test]
async fn trainings_through_the_api() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let token = who.lai_chau.2.as_str();
    let tea = app.registry_producer(Some("LC-001"), "HTX Chè Shan tuyết Sìn Hồ", LAI_CHAU, "0912345678").await;
    let honey = app.registry_producer(None, "Hộ Lò Văn Sáng", LAI_CHAU, "0912000001").await;
    let cinnamon = app.registry_producer(Some("LC-009"), "HTX Quế Bảo Yên", LAO_CAI, "0986111222").await;

    let (status, body) = api(
        &app,
        Method::POST,
        "/api/v1/programme/courses?province=12",
        Some(token),
        json!({"title": "", "pillar": "go_far"}),
    )
    .await;
    assert_eq!(status, 422);
    assert!(errors_of(&body).contains("\"title\"") && errors_of(&body).contains("go_far"), "{body}");
    let (course_id, session_id) = course_and_session(&app, token, "go_online", "2025-01-15").await;
    let (status, body) = api(
        &app,
        Method::POST,
        &format!("/api/v1/programme/courses/{course_id}/sessions"),
        Some(token),
        json!({"held_on": "15/15/2026"}),
    )
    .await;
    assert_eq!(status, 422, "{body}");

    let attendance = format!("/api/v1/programme/sessions/{session_id}/attendance");
    let rows = json!([
        {"producer_id": tea.id, "attendee_name": "Lò Thị Mai", "completed": true},
        {"producer_name": "hộ lò văn sáng", "attendee_name": "Lò Văn Sáng", "completed": false},
        {"registry_code": "LC-404", "attendee_name": "A"},
        {"producer_id": cinnamon.id, "attendee_name": "B"},
        {"producer_id": tea.id, "attendee_name": "lo thi mai"},
        {"attendee_name": "C"}
    ]);
    let (status, body) = api(&app, Method::POST, &attendance, Some(token), rows.clone()).await;
    assert_eq!(status, 422, "{body}");
    let errors = errors_of(&body);
    for expected in [
        "row 3: registry_code",
        "LC-404",
        "row 4: producer_id",
        "không thuộc tỉnh này",
        "row 5: attendee_name",
        "trùng với dòng 1",
        "row 6",
    ] {
        assert!(errors.contains(expected), "{expected} in {errors}");
    }
    let (_, session) = app.get_json_as(&format!("/api/v1/programme/sessions/{session_id}"), token).await;
    assert_eq!(session["attendance"].as_array().unwrap().len(), 0, "nothing written while there are problems");

    let (status, report) =
        api(&app, Method::POST, &format!("{attendance}?valid_only=true"), Some(token), rows.clone()).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!((report["added"].as_i64(), report["errors"].as_array().unwrap().len()), (Some(2), 4));
    let (status, report) = api(&app, Method::POST, &format!("{attendance}?valid_only=1"), Some(token), rows).await;
    assert_eq!(
        (status, report["added"].as_i64(), report["updated"].as_i64()),
        (200, Some(0), Some(2)),
        "again: no duplicates"
    );
    let (_, session) = app.get_json_as(&format!("/api/v1/programme/sessions/{session_id}"), token).await;
    let list = session["attendance"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(session["producers_completed"], 1);
    assert!(list.iter().any(|a| a["producer"]["id"] == honey.id && a["completed"] == false));

    let (_, packaging_session) = course_and_session(&app, token, "packaging_delivery", "2025-02-01").await;
    let (status, _) = api(
        &app,
        Method::POST,
        &format!("/api/v1/programme/sessions/{packaging_session}/attendance"),
        Some(token),
        json!([{"producer_id": honey.id, "attendee_name": "Lò Văn Sáng"}]),
    )
    .await;
    assert_eq!(status, 200);
    let (status, t) = app.get_json_as("/api/v1/programme/courses?province=12", token).await;
    assert_eq!(status, 200, "{t}");
    assert_eq!((t["trained_digital_skills"].as_i64(), t["trained_packaging_delivery"].as_i64()), (Some(1), Some(1)));
    let go_online = t["pillars"].as_array().unwrap().iter().find(|p| p["pillar"] == "go_online").unwrap();
    assert_eq!(go_online["producers_trained"], 1);
    assert_eq!(t["courses"].as_array().unwrap().len(), 2);
    assert_eq!(t["courses"][0]["sessions"].as_array().unwrap().len(), 1);
    let (status, course) = app.get_json_as(&format!("/api/v1/programme/courses/{course_id}"), token).await;
    assert_eq!((status, course["producers_trained"].as_i64()), (200, Some(1)));

    // A line recorded by mistake goes; the course no longer counts the producer.
    let other = who.lao_cai.2.as_str();
    let line = format!("{attendance}?producer_id={}&attendee_name=L%C3%B2%20Th%E1%BB%8B%20Mai", tea.id);
    assert_eq!(api(&app, Method::DELETE, &line, Some(other), json!(null)).await.0, 403);
    assert_eq!(api(&app, Method::DELETE, &line, Some(token), json!(null)).await.0, 204);
    assert_eq!(api(&app, Method::DELETE, &line, Some(token), json!(null)).await.0, 404, "already gone");
    assert_eq!(api(&app, Method::DELETE, &attendance, Some(token), json!(null)).await.0, 400, "which line?");
    let (_, session) = app.get_json_as(&format!("/api/v1/programme/sessions/{session_id}"), token).await;
    assert_eq!(
        (session["attendance"].as_array().unwrap().len(), session["producers_completed"].as_i64()),
        (1, Some(0))
    );

    // Scope.
    assert_eq!(app.get_json_as(&format!("/api/v1/programme/sessions/{session_id}"), other).await.0, 403);
    assert_eq!(app.get_json_as(&format!("/api/v1/programme/courses/{course_id}"), other).await.0, 403);
    assert_eq!(app.get_json_as("/api/v1/programme/courses?province=12", other).await.0, 403);
    assert_eq!(
        api(
            &app,
            Method::POST,
            "/api/v1/programme/courses?province=12",
            Some(other),
            json!({"title": "x", "pillar": "go_ai"})
        )
        .await
        .0,
        403
    );
    assert_eq!(
        api(
            &app,
            Method::POST,
            &format!("/api/v1/programme/courses/{course_id}/sessions"),
            Some(other),
            json!({"held_on": "2026-03-01"})
        )
        .await
        .0,
        403
    );
    assert_eq!(api(&app, Method::POST, &attendance, Some(other), json!([{"producer_id": cinnamon.id}])).await.0, 403);
    let (_, theirs) = app.get_json_as("/api/v1/programme/courses", other).await;
    assert_eq!(theirs["courses"].as_array().unwrap().len(), 0);
    assert_eq!(app.get_json_as("/api/v1/programme/courses", &who.buyer).await.0, 403);
    assert_eq!(app.get_json("/api/v1/programme/courses").await.0, 401);
    assert_eq!(app.get_json(&format!("/api/v1/programme/sessions/{session_id}")).await.0, 401);
    assert_eq!(app.get_json_as("/api/v1/programme/sessions/424242", token).await.0, 404);
}

/// An attendance list as a province keeps it: a title, then the table.
fn attendance_workbook(rows: &[[&str; 5]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "DANH SÁCH HỌC VIÊN LỚP GO ONLINE").unwrap();
    for (c, header) in ["Mã cơ sở", "Tên cơ sở", "Điện thoại", "HỌ VÀ TÊN", "Hoàn thành"].iter().enumerate()
    {
        sheet.write_string(2, c as u16, *header).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            if !value.is_empty() {
                sheet.write_string(3 + r as u32, c as u16, *value).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

fn upload_form(bytes: Vec<u8>, csrf: Option<&str>, valid_only: bool) -> Form {
    let mut form = Form::new().part("file", Part::bytes(bytes).file_name("diem-danh.xlsx"));
    if let Some(csrf) = csrf {
        form = form.text("csrf", csrf.to_string());
    }
    if valid_only {
        form = form.text("valid_only", "1");
    }
    form
}

#[tokio::test]
async fn attendance_imported_from_a_workbook() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let token = who.lai_chau.2.as_str();
    app.registry_producer(Some("LC-001"), "HTX Chè Shan tuyết Sìn Hồ", LAI_CHAU, "0912345678").await;
    app.registry_producer(None, "Hộ Lò Văn Sáng", LAI_CHAU, "0912000001").await;
    app.registry_producer(None, "Hộ Lò Văn Sáng", LAI_CHAU, "0912000002").await;
    app.registry_producer(Some("LC-009"), "HTX Quế Bảo Yên", LAO_CAI, "0986111222").await;
    let (_, session_id) = course_and_session(&app, token, "go_online", "2025-01-15").await;

    let workbook = attendance_workbook(&[
        ["LC-001", "", "", "Lò Thị Mai", "Có"],
        ["", "Hộ Lò Văn Sáng", "0912 000 002", "Lò Văn Sáng", "Không"],
        ["", "Hộ Lò Văn Sáng", "", "Lò Văn Sáng", "Có"],
        ["LC-404", "", "", "Vàng A Lử", "Có"],
        ["", "HTX Quế Bảo Yên", "", "Giàng Thị Dợ", "Có"],
        ["lc-001", "", "", "LÒ THỊ MAI", "Có"],
        ["LC-001", "", "", "Tẩn Láo Sử", "chắc chắn"],
        ["", "", "", "", ""],
        ["LC-001", "", "", "Tẩn Láo Sử", "x"],
    ]);
    let url = app.url(&format!("/api/v1/programme/sessions/{session_id}/attendance"));
    let response = app
        .api
        .post(&url)
        .bearer_auth(token)
        .multipart(upload_form(workbook.clone(), None, false))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    let errors = errors_of(&body);
    for expected in [
        "row 6: Tên cơ sở",
        "có 2 cơ sở",
        "row 7: Mã cơ sở",
        "LC-404",
        "row 8: Tên cơ sở",
        "không thuộc tỉnh này",
        "row 9: HỌ VÀ TÊN",
        "trùng với dòng 4",
        "row 10: Hoàn thành",
        "chắc chắn",
    ] {
        assert!(errors.contains(expected), "{expected} in {errors}");
    }
    let (_, session) = app.get_json_as(&format!("/api/v1/programme/sessions/{session_id}"), token).await;
    assert_eq!(session["attendance"].as_array().unwrap().len(), 0, "nothing written");

    let response = app
        .api
        .post(&url)
        .bearer_auth(token)
        .multipart(upload_form(workbook.clone(), None, true))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let report: Value = response.json().await.unwrap();
    assert_eq!(
        (report["added"].as_i64(), report["errors"].as_array().unwrap().len(), report["rows"].as_i64()),
        (Some(3), 5, Some(8)),
        "{report}"
    );

    // Through the page: the same file again adds nothing; the problems are listed.
    let officer = browser(&app, &who.lai_chau.1).await;
    let csrf = csrf_of(&app, &officer).await;
    let page_url = app.url(&format!("/office/sessions/{session_id}/import"));
    let response =
        officer.post(&page_url).multipart(upload_form(workbook.clone(), Some(&csrf), false)).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("LC-404") && html.contains(r#"<td data-label="Dòng">7</td>"#) && html.contains("Chưa nhập gì"),
        "{html}"
    );
    let response = officer.post(&page_url).multipart(upload_form(workbook, Some(&csrf), true)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("thêm mới 0, cập nhật 3"), "{html}");
    let response = officer
        .post(&page_url)
        .multipart(upload_form(b"not a list at all".to_vec(), Some(&csrf), false))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422, "a file without a header row");
    assert!(response.text().await.unwrap().contains("Mã cơ sở"));
    let response = officer
        .post(&page_url)
        .multipart(upload_form(attendance_workbook(&[]), Some("wrong"), false))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403, "the CSRF token is checked");

    // The export reads back, and imports back as it is.
    let bytes = download(&app, &officer, &format!("/office/sessions/{session_id}/attendance.xlsx")).await;
    let rows = sheet_rows(&bytes, "Điểm danh");
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(rows.iter().any(|r| r[1] == "Hộ Lò Văn Sáng" && r[3] == "0912 000 002" && r[5] == "Không"), "{rows:?}");
    let response =
        app.api.post(&url).bearer_auth(token).multipart(upload_form(bytes, None, false)).send().await.unwrap();
    let report: Value = response.json().await.unwrap();
    assert_eq!((report["added"].as_i64(), report["updated"].as_i64()), (Some(0), Some(3)), "{report}");

    let other = who.lao_cai.2.as_str();
    let response = app
        .api
        .post(&url)
        .bearer_auth(other)
        .multipart(upload_form(attendance_workbook(&[]), None, false))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn trainings_through_the_pages() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let tea = app.registry_producer(Some("LC-001"), "HTX Chè Shan tuyết Sìn Hồ", LAI_CHAU, "0912345678").await;
    let officer = browser(&app, &who.lai_chau.1).await;

    let (status, _, html) = post_form(
        &app,
        &officer,
        "/office/trainings/courses",
        &[("province", "12"), ("title", ""), ("pillar", "go_ai")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("class=\"field-error\""));
    let (status, location, _) = post_form(
        &app,
        &officer,
        "/office/trainings/courses",
        &[("province", "12"), ("title", "Đóng gói sản phẩm"), ("pillar", "packaging_delivery")],
    )
    .await;
    assert_eq!(status, 303);
    let course_path = location;
    let (status, html) = get(&app, &officer, &course_path).await;
    assert!(status == 200 && html.contains("Đóng gói sản phẩm"));
    let (status, _, html) =
        post_form(&app, &officer, &format!("{course_path}/sessions"), &[("held_on", "2026-31-12")]).await;
    assert_eq!(status, 422);
    assert!(html.contains("2026-31-12"));
    let (status, location, _) = post_form(
        &app,
        &officer,
        &format!("{course_path}/sessions"),
        &[("held_on", "2025-03-05"), ("place", "Nhà văn hóa bản Sìn Hồ"), ("trainer", "Sở Công Thương")],
    )
    .await;
    assert_eq!(status, 303);
    let session_path = location;

    let (status, _, html) = post_form(
        &app,
        &officer,
        &format!("{session_path}/attendance"),
        &[("producer", "HTX không có"), ("attendee_name", "A"), ("completed", "yes")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("HTX không có"));
    let (status, _, _) = post_form(
        &app,
        &officer,
        &format!("{session_path}/attendance"),
        &[("producer", "htx che shan tuyet sin ho"), ("attendee_name", "Lò Thị Mai"), ("completed", "yes")],
    )
    .await;
    assert_eq!(status, 303);
    let (_, html) = get(&app, &officer, &session_path).await;
    assert!(html.contains("Lò Thị Mai") && html.contains("tel:+84912345678") && html.contains("05/03/2025"), "{html}");

    let (_, html) = get(&app, &officer, "/office/trainings?province=12").await;
    assert!(html.contains("Đóng gói sản phẩm") && html.contains("Nhà văn hóa bản Sìn Hồ"), "{html}");
    let bytes = download(&app, &officer, "/office/trainings.xlsx?province=12").await;
    let rows = sheet_rows(&bytes, "Tập huấn");
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[1][1].as_str(), rows[1][2].as_str(), rows[1][6].as_str()),
        ("Đóng gói sản phẩm", "05/03/2025", "1")
    );
    let pillars = sheet_rows(&bytes, "Trụ cột");
    assert!(pillars.iter().any(|r| r[0] == "Đóng gói – kết nối – giao nhận" && r[1] == "1"), "{pillars:?}");

    // Scope on every page.
    let other = browser(&app, &who.lao_cai.1).await;
    for path in [
        course_path.clone(),
        session_path.clone(),
        format!("{session_path}/attendance.xlsx"),
        "/office/trainings?province=12".into(),
        "/office/trainings.xlsx?province=12".into(),
    ] {
        assert_eq!(get(&app, &other, &path).await.0, 403, "{path}");
    }
    assert_eq!(post_form(&app, &other, &format!("{course_path}/sessions"), &[("held_on", "2026-03-05")]).await.0, 403);
    assert_eq!(post_form(&app, &other, &format!("{session_path}/attendance"), &[("producer", "LC-001")]).await.0, 403);
    let remove = [("producer_id", tea.id.to_string()), ("attendee_name", "Lò Thị Mai".to_string())];
    let remove: Vec<(&str, &str)> = remove.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(post_form(&app, &other, &format!("{session_path}/attendance/remove"), &remove).await.0, 403);
    assert_eq!(
        post_form(
            &app,
            &other,
            "/office/trainings/courses",
            &[("province", "12"), ("title", "x"), ("pillar", "go_ai")]
        )
        .await
        .0,
        403
    );
    let csrf = csrf_of(&app, &other).await;
    let response = other
        .post(app.url(&format!("{session_path}/import")))
        .multipart(upload_form(attendance_workbook(&[]), Some(&csrf), false))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    let (status, _) = app.page("/office/trainings").await;
    assert_eq!(status, 303, "anonymous: to the sign-in page");

    // Removing a wrong line.
    let (status, location, _) = post_form(&app, &officer, &format!("{session_path}/attendance/remove"), &remove).await;
    assert_eq!((status, location.ends_with("?done=removed")), (303, true));
    let (_, html) = get(&app, &officer, &session_path).await;
    assert!(!html.contains("tel:+84912345678"));
    assert_eq!(post_form(&app, &officer, &format!("{session_path}/attendance/remove"), &remove).await.0, 404);
}

#[tokio::test]
async fn fairs_through_the_api() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let token = who.lai_chau.2.as_str();
    let tea = app.registry_producer(Some("LC-001"), "HTX Chè Shan tuyết Sìn Hồ", LAI_CHAU, "0912345678").await;
    let honey = app.registry_producer(Some("LC-002"), "Hộ Lò Văn Sáng", LAI_CHAU, "0912000001").await;
    let cinnamon = app.registry_producer(Some("LC-009"), "HTX Quế Bảo Yên", LAO_CAI, "0986111222").await;

    let (status, body) = api(
        &app,
        Method::POST,
        "/api/v1/programme/fairs?province=12",
        Some(token),
        json!({"name": "Hội chợ OCOP", "kind": "fair", "starts_on": "2026-05-10", "ends_on": "2026-05-08"}),
    )
    .await;
    assert_eq!(status, 422);
    assert!(errors_of(&body).contains("\"ends_on\""), "{body}");
    let (status, fair) = api(&app, Method::POST, "/api/v1/programme/fairs?province=12", Some(token),
        json!({"name": "Hội chợ OCOP Lai Châu 2026", "kind": "fair", "place": "Quảng trường", "starts_on": "2026-05-10", "ends_on": "2026-05-12", "visitors": 3000})).await;
    assert_eq!(status, 201, "{fair}");
    let id = fair["id"].as_i64().unwrap();
    let path = format!("/api/v1/programme/fairs/{id}");
    let (status, fair) = api(&app, Method::PATCH, &path, Some(token), json!({"visitors": 4500})).await;
    assert_eq!(
        (status, fair["visitors"].as_i64(), fair["name"].as_str()),
        (200, Some(4500), Some("Hội chợ OCOP Lai Châu 2026"))
    );
    let (status, _) = api(&app, Method::PATCH, &path, Some(token), json!({"ends_on": "2026-05-01"})).await;
    assert_eq!(status, 422);

    let booths = format!("{path}/booths");
    let (status, fair) = api(
        &app,
        Method::POST,
        &booths,
        Some(token),
        json!({"producer_id": tea.id, "booth": "A1", "revenue_vnd": 12_500_000}),
    )
    .await;
    assert_eq!(status, 201, "{fair}");
    let (_, _) = api(
        &app,
        Method::POST,
        &booths,
        Some(token),
        json!({"producer": "LC-002", "booth": "A2", "revenue_vnd": 3_000_000}),
    )
    .await;
    let (_, fair) = api(
        &app,
        Method::POST,
        &booths,
        Some(token),
        json!({"producer_id": tea.id, "booth": "A1", "revenue_vnd": 15_000_000}),
    )
    .await;
    assert_eq!(
        (fair["booths"].as_i64(), fair["revenue_vnd"].as_i64()),
        (Some(2), Some(18_000_000)),
        "one booth per producer, updated"
    );
    let (status, body) =
        api(&app, Method::POST, &booths, Some(token), json!({"producer_id": honey.id, "revenue_vnd": -1})).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(api(&app, Method::POST, &booths, Some(token), json!({"producer_id": cinnamon.id})).await.0, 403);
    let (status, body) = api(&app, Method::POST, &booths, Some(token), json!({"producer": "LC-009"})).await;
    assert_eq!(status, 422);
    assert!(errors_of(&body).contains("không thuộc tỉnh này"), "{body}");

    let (status, list) = app.get_json_as("/api/v1/programme/fairs?province=12", token).await;
    assert_eq!(status, 200);
    assert_eq!(
        list["totals"],
        json!({"fairs": 1, "booths": 2, "producers": 2, "visitors": 4500, "revenue_vnd": 18_000_000})
    );
    let (status, _) = api(&app, Method::DELETE, &format!("{booths}/{}", honey.id), Some(token), Value::Null).await;
    assert_eq!(status, 204);
    assert_eq!(api(&app, Method::DELETE, &format!("{booths}/{}", honey.id), Some(token), Value::Null).await.0, 404);
    let (_, fair) = app.get_json_as(&path, token).await;
    assert_eq!(fair["booth_list"].as_array().unwrap().len(), 1);
    assert_eq!(fair["booth_list"][0]["revenue_vnd"], 15_000_000);

    let other = who.lao_cai.2.as_str();
    assert_eq!(app.get_json_as(&path, other).await.0, 403);
    assert_eq!(api(&app, Method::PATCH, &path, Some(other), json!({"visitors": 1})).await.0, 403);
    assert_eq!(api(&app, Method::POST, &booths, Some(other), json!({"producer_id": cinnamon.id})).await.0, 403);
    assert_eq!(api(&app, Method::DELETE, &format!("{booths}/{}", tea.id), Some(other), Value::Null).await.0, 403);
    assert_eq!(app.get_json_as("/api/v1/programme/fairs?province=12", other).await.0, 403);
    assert_eq!(
        api(
            &app,
            Method::POST,
            "/api/v1/programme/fairs?province=12",
            Some(other),
            json!({"name": "x", "starts_on": "2026-01-01"})
        )
        .await
        .0,
        403
    );
    let (_, theirs) = app.get_json_as("/api/v1/programme/fairs", other).await;
    assert_eq!(theirs["fairs"].as_array().unwrap().len(), 0);
    assert_eq!(app.get_json_as("/api/v1/programme/fairs", &who.buyer).await.0, 403);
    assert_eq!(app.get_json("/api/v1/programme/fairs").await.0, 401);
    assert_eq!(app.get_json(&path).await.0, 401);
}

#[tokio::test]
async fn fairs_through_the_pages() {
    let app = spawn_app().await;
    let who = people(&app).await;
    app.registry_producer(Some("LC-001"), "HTX Chè Shan tuyết Sìn Hồ", LAI_CHAU, "0912345678").await;
    let officer = browser(&app, &who.lai_chau.1).await;

    let (status, _, html) = post_form(
        &app,
        &officer,
        "/office/fairs",
        &[
            ("province", "12"),
            ("name", "Phiên chợ vùng cao"),
            ("kind", "market_session"),
            ("starts_on", "2026-06-07"),
            ("ends_on", "2026-06-06"),
            ("visitors", "nhiều"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("nhiều") && html.matches("class=\"field-error\"").count() >= 2, "{html}");
    let (status, location, _) = post_form(
        &app,
        &officer,
        "/office/fairs",
        &[
            ("province", "12"),
            ("name", "Phiên chợ vùng cao"),
            ("kind", "market_session"),
            ("place", "Chợ Sìn Hồ"),
            ("starts_on", "2026-06-07"),
            ("ends_on", ""),
            ("visitors", "1.200"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let fair_path = location;

    let (status, _, html) = post_form(
        &app,
        &officer,
        &format!("{fair_path}/booths"),
        &[("producer", "LC-001"), ("booth", "B3"), ("revenue", "12,5 triệu")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("12,5 triệu"));
    let (status, _, _) = post_form(
        &app,
        &officer,
        &format!("{fair_path}/booths"),
        &[("producer", "LC-001"), ("booth", "B3"), ("revenue", "12.500.000")],
    )
    .await;
    assert_eq!(status, 303);
    let (_, html) = get(&app, &officer, &fair_path).await;
    assert!(html.contains("12.500.000\u{a0}₫") && html.contains("B3") && html.contains("07/06/2026"), "{html}");
    let (status, location, _) = post_form(
        &app,
        &officer,
        &fair_path,
        &[
            ("name", "Phiên chợ vùng cao Sìn Hồ"),
            ("kind", "market_session"),
            ("place", "Chợ Sìn Hồ"),
            ("starts_on", "2026-06-07"),
            ("ends_on", "2026-06-08"),
            ("visitors", "2000"),
        ],
    )
    .await;
    assert_eq!((status, location.ends_with("?done=saved")), (303, true));

    let (_, html) = get(&app, &officer, "/office/fairs?province=12").await;
    assert!(html.contains("Phiên chợ vùng cao Sìn Hồ") && html.contains("12.500.000"), "{html}");
    let bytes = download(&app, &officer, "/office/fairs.xlsx?province=12").await;
    let rows = sheet_rows(&bytes, "Hội chợ");
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[1][0].as_str(), rows[1][1].as_str(), rows[1][5].as_str(), rows[1][6].as_str(), rows[1][7].as_str()),
        ("Phiên chợ vùng cao Sìn Hồ", "Phiên chợ", "2000", "1", "12500000")
    );
    assert_eq!(sheet_rows(&bytes, "Tổng")[1], vec!["1", "1", "1", "2000", "12500000"]);
    let bytes = download(&app, &officer, &format!("{fair_path}/booths.xlsx")).await;
    let rows = sheet_rows(&bytes, "Gian hàng");
    assert_eq!((rows[1][0].as_str(), rows[1][1].as_str(), rows[1][5].as_str()), ("B3", "LC-001", "12500000"));

    let other = browser(&app, &who.lao_cai.1).await;
    for path in [
        fair_path.clone(),
        format!("{fair_path}/booths.xlsx"),
        "/office/fairs?province=12".into(),
        "/office/fairs.xlsx?province=12".into(),
    ] {
        assert_eq!(get(&app, &other, &path).await.0, 403, "{path}");
    }
    assert_eq!(post_form(&app, &other, &fair_path, &[("visitors", "1")]).await.0, 403);
    assert_eq!(post_form(&app, &other, &format!("{fair_path}/booths"), &[("producer", "LC-001")]).await.0, 403);
    let producer_id = app
        .get_json_as(&format!("/api/v1/programme{}", fair_path.trim_start_matches("/office")), &who.lai_chau.2)
        .await
        .1["booth_list"][0]["producer"]["id"]
        .as_i64()
        .unwrap();
    let remove = format!("{fair_path}/booths/{producer_id}/remove");
    assert_eq!(post_form(&app, &other, &remove, &[]).await.0, 403);
    assert_eq!(
        post_form(&app, &other, "/office/fairs", &[("province", "12"), ("name", "x"), ("starts_on", "2026-01-01")])
            .await
            .0,
        403
    );
    let (status, _) = app.page("/office/fairs").await;
    assert_eq!(status, 303, "anonymous: to the sign-in page");

    let (status, _, _) = post_form(&app, &officer, &remove, &[]).await;
    assert_eq!(status, 303);
    let (_, html) = get(&app, &officer, &fair_path).await;
    assert!(!html.contains("tel:+84912345678"));
}
