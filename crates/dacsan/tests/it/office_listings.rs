//! `/api/v1/programme/listings` and `/office/listings`: outside listings feed the
//! indicators; monthly sales per platform; upload files for platforms.

use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

struct Shop {
    producer: i64,
    honey: i64,
    tea: i64,
}

async fn shop(app: &TestApp) -> Shop {
    let p = app.producer().name("HTX Mật ong Sìn Hồ").create().await;
    let honey = app
        .product(p.id)
        .name("Mật ong bạc hà", "Mint honey")
        .status("draft")
        .stars(4, "2024-01-01", "2099-12-31")
        .create()
        .await;
    let tea = app.product(p.id).name("Chè Shan tuyết", "Shan tuyet tea").create().await;
    Shop { producer: p.id, honey: honey.id, tea: tea.id }
}

fn ocop_online(body: &Value) -> (i64, i64) {
    let i = body["indicators"].as_array().unwrap().iter().find(|i| i["id"] == "ocop_products_online").unwrap();
    (i["numerator"].as_i64().unwrap(), i["denominator"].as_i64().unwrap())
}

#[tokio::test]
async fn a_listing_elsewhere_puts_a_product_online_until_it_ends() {
    let app = spawn_app().await;
    let s = shop(&app).await;
    let (_, _, token) = app.officer(&["12"]).await;
    let (_, body) = app.get_json_as("/api/v1/programme/kpis?province=12", &token).await;
    assert_eq!(ocop_online(&body), (0, 1));
    let listing = json!({"product_id": s.honey, "platform": "Shopee", "url": "https://shopee.vn/mat-ong", "listed_on": "2025-03-01"});
    let (status, created) =
        app.send_json(reqwest::Method::POST, "/api/v1/programme/listings", Some(&token), &listing).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["platform"], "shopee");
    let (_, body) = app.get_json_as("/api/v1/programme/kpis?province=12", &token).await;
    assert_eq!(ocop_online(&body), (1, 1));
    let id = created["id"].as_i64().unwrap();
    let (status, ended) = app
        .send_json(
            reqwest::Method::PATCH,
            &format!("/api/v1/programme/listings/{id}"),
            Some(&token),
            &json!({"delisted_on": "2025-06-01"}),
        )
        .await;
    assert_eq!(status, 200, "{ended}");
    let (_, body) = app.get_json_as("/api/v1/programme/kpis?province=12", &token).await;
    assert_eq!(ocop_online(&body), (0, 1));
    // Still online on a day between the two.
    let (_, body) = app.get_json_as("/api/v1/programme/kpis?province=12&date=2026-12-31", &token).await;
    assert_eq!(ocop_online(&body).1, 1);
    let (_, listed) = app.get_json_as("/api/v1/programme/listings?province=12", &token).await;
    let honey = listed.as_array().unwrap().iter().find(|p| p["product_id"] == s.honey).unwrap();
    assert_eq!(honey["listings"][0]["delisted_on"], "2025-06-01");
}

#[tokio::test]
async fn listings_refuse_bad_input_and_other_provinces() {
    let app = spawn_app().await;
    let s = shop(&app).await;
    let (_, _, token) = app.officer(&["12"]).await;
    let bad = json!({"platform": "Chợ phiên", "url": "shopee.vn", "listed_on": "01/03/2025"});
    let (status, body) = app.send_json(reqwest::Method::POST, "/api/v1/programme/listings", Some(&token), &bad).await;
    assert_eq!(status, 422);
    for field in ["product_id", "platform", "url", "listed_on"] {
        assert!(body.to_string().contains(field), "{field}: {body}");
    }
    let (_, _, other) = app.officer(&["15"]).await;
    let listing = json!({"product_id": s.honey, "platform": "tiki"});
    let (status, _) = app.send_json(reqwest::Method::POST, "/api/v1/programme/listings", Some(&other), &listing).await;
    assert_eq!(status, 403);
    let (_, created) = app.send_json(reqwest::Method::POST, "/api/v1/programme/listings", Some(&token), &listing).await;
    let id = created["id"].as_i64().unwrap();
    let (status, _) = app
        .send_json(
            reqwest::Method::PATCH,
            &format!("/api/v1/programme/listings/{id}"),
            Some(&other),
            &json!({"url": "https://tiki.vn/x"}),
        )
        .await;
    assert_eq!(status, 403);
    let (status, body) = app
        .send_json(
            reqwest::Method::PATCH,
            &format!("/api/v1/programme/listings/{id}"),
            Some(&token),
            &json!({"delisted_on": "2000-01-01"}),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let (status, _) = app.get_json_as("/api/v1/programme/listings?province=12", &other).await;
    assert_eq!(status, 403);
    let (status, _) = app
        .send_json(
            reqwest::Method::POST,
            "/api/v1/programme/listings",
            Some(&token),
            &json!({"product_id": 999_999, "platform": "tiki"}),
        )
        .await;
    assert_eq!(status, 404);
    let _ = s.producer;
}

async fn post_sales(app: &TestApp, token: &str, query: &str, csv: &str) -> (u16, Value) {
    let response = app
        .api
        .post(app.url(&format!("/api/v1/programme/listings/sales?province=12{query}")))
        .bearer_auth(token)
        .body(csv.to_string())
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

#[tokio::test]
async fn monthly_sales_show_which_product_sells_where() {
    let app = spawn_app().await;
    let s = shop(&app).await;
    let (_, _, token) = app.officer(&["12"]).await;
    let csv = "Tên cơ sở,Tên sản phẩm,Sàn,Tháng,Số lượng,Doanh thu\n\
               HTX Mật ong Sìn Hồ,Mật ong bạc hà,Shopee,09/2026,10,\"3.500.000\"\n\
               HTX Mật ong Sìn Hồ,Mật ong bạc hà,Shopee,10/2026,12,4200000\n\
               HTX Mật ong Sìn Hồ,Chè Shan tuyết,TikTok Shop,10/2026,5,1250000\n\
               HTX Mật ong Sìn Hồ,Rượu ngô,Shopee,10/2026,1,100000\n";
    // One row names a product the producer does not have: nothing is written.
    let (status, report) = post_sales(&app, &token, "", csv).await;
    assert_eq!(status, 422, "{report}");
    assert_eq!(report["written"], false);
    assert_eq!(report["problems"][0]["row"], 5);
    let (_, rows) =
        app.get_json_as("/api/v1/programme/listings/effectiveness?province=12&from=2026-01&to=2026-12", &token).await;
    assert_eq!(rows, json!([]));
    // The valid rows only.
    let (status, report) = post_sales(&app, &token, "&valid_only=true", csv).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!((report["rows_written"].as_i64(), report["listings_created"].as_i64()), (Some(3), Some(2)));
    // A second import of the same month replaces it, never adds to it.
    let (status, _) = post_sales(&app, &token, "&valid_only=true", csv).await;
    assert_eq!(status, 200);
    let (status, rows) =
        app.get_json_as("/api/v1/programme/listings/effectiveness?province=12&from=2026-01&to=2026-12", &token).await;
    assert_eq!(status, 200);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0]["product_id"].as_i64(), rows[0]["platform"].as_str()), (Some(s.honey), Some("shopee")));
    assert_eq!(
        (rows[0]["units"].as_i64(), rows[0]["revenue_vnd"].as_i64(), rows[0]["months"].as_i64()),
        (Some(22), Some(7_700_000), Some(2))
    );
    assert_eq!((rows[1]["product_id"].as_i64(), rows[1]["revenue_vnd"].as_i64()), (Some(s.tea), Some(1_250_000)));
    // A listing made by the sales import counts from the first reported month.
    let (_, listed) = app.get_json_as("/api/v1/programme/listings?province=12", &token).await;
    let honey = listed.as_array().unwrap().iter().find(|p| p["product_id"] == s.honey).unwrap();
    assert_eq!(
        (honey["listings"][0]["platform"].as_str(), honey["listings"][0]["listed_on"].as_str()),
        (Some("shopee"), Some("2026-09-01"))
    );
    let (_, body) = app.get_json_as("/api/v1/programme/kpis?province=12", &token).await;
    assert_eq!(ocop_online(&body), (1, 1));
    let (status, body) =
        app.get_json_as("/api/v1/programme/listings/effectiveness?province=12&from=2026-13", &token).await;
    assert_eq!(status, 422, "{body}");
    let (status, body) = post_sales(&app, &token, "", "a,b\n1,2\n").await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("Tên sản phẩm"));
}

#[tokio::test]
async fn the_listings_page_adds_and_ends_listings_and_imports_sales() {
    let app = spawn_app().await;
    let s = shop(&app).await;
    let (_, email, token) = app.officer(&["12"]).await;
    app.sign_in(&email, "password-123").await;
    let (status, html) = app.page("/office/listings?province=12").await;
    assert_eq!(status, 200);
    assert!(html.contains("Mật ong bạc hà") && html.contains("Chè Shan tuyết"));
    let honey = s.honey.to_string();
    let (status, location, _) = app
        .post_form(
            "/office/listings",
            &[
                ("province", "12"),
                ("product_id", &honey),
                ("platform", "postmart"),
                ("url", "https://postmart.vn/x"),
                ("listed_on", "2026-01-05"),
            ],
        )
        .await;
    assert_eq!(status, 303, "{location}");
    let (_, listed) = app.get_json_as("/api/v1/programme/listings?province=12", &token).await;
    let row = listed.as_array().unwrap().iter().find(|p| p["product_id"] == s.honey).unwrap();
    assert_eq!(row["listings"][0]["platform"], "postmart");
    let id = row["listings"][0]["id"].as_i64().unwrap().to_string();
    let (status, _, _) = app.post_form(&format!("/office/listings/{id}/delist"), &[("province", "12")]).await;
    assert_eq!(status, 303);
    let (_, body) = app.get_json_as("/api/v1/programme/kpis?province=12", &token).await;
    assert_eq!(ocop_online(&body), (0, 1));

    let csrf = app.csrf().await;
    let csv = "Tên cơ sở,Tên sản phẩm,Sàn,Tháng,Số lượng,Doanh thu\nHTX Mật ong Sìn Hồ,Mật ong bạc hà,Voso,11/2026,3,900000\n";
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf)
        .text("province", "12")
        .part("file", reqwest::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("doanh-so.csv"));
    let response = app.browser.post(app.url("/office/listings/sales")).multipart(form).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"sales-report\"") && html.contains("1 dòng"), "{html}");

    let response =
        app.browser.get(app.url("/office/listings/export.xlsx?province=12&platform=shopee")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.unwrap().to_vec();
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("Shopee").unwrap();
    let names: Vec<String> = sheet.rows().skip(1).map(|r| r[0].to_string()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.contains(&"Mật ong bạc hà".to_string()));
    let (status, _) = app.page("/office/listings/export.xlsx?province=12&platform=myspace").await;
    assert_eq!(status, 422);

    // The channels table: the delisted Postmart line, the imported Voso one, the tea listed nowhere.
    let response = app.browser.get(app.url("/office/listings.xlsx?province=12")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.unwrap().to_vec();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("Kênh bán").unwrap();
    let mut lines: Vec<(String, String, String)> =
        sheet.rows().skip(1).map(|r| (r[3].to_string(), r[6].to_string(), r[9].to_string())).collect();
    lines.sort();
    assert_eq!(
        lines,
        [
            ("Chè Shan tuyết".to_string(), String::new(), String::new()),
            ("Mật ong bạc hà".to_string(), "Postmart".to_string(), dacsan::db::today_vn().to_string()),
            ("Mật ong bạc hà".to_string(), "Voso".to_string(), String::new()),
        ]
    );
    assert_eq!(app.page("/office/listings.xlsx?province=15").await.0, 403);
    let (status, html) = app.page("/office/listings/effectiveness?province=12&from=2026-01&to=2026-12").await;
    assert_eq!(status, 200);
    assert!(html.contains("Voso"), "{html}");
    let (status, _) = app.page("/office/listings?province=15").await;
    assert_eq!(status, 403);
}
