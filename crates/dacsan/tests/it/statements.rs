//! `POST /api/v1/payments/statements` and `dacsan import bank-statement`.

use dacsan::auth::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};
use crate::orders::{checkout_body, two_stores};

/// One bank-transfer order of 500 000 ₫ from the first store, and both products.
async fn one_order(app: &TestApp) -> (Value, String, dacsan::catalog::Product, dacsan::catalog::Product) {
    let (a, b) = two_stores(app).await;
    let (status, body) =
        app.send_json(Method::POST, "/api/v1/checkout", None, &checkout_body(&[(a.id, 2)], "vietqr")).await;
    assert_eq!(status, 201, "{body}");
    (body["orders"][0].clone(), body["access_token"].as_str().unwrap().to_string(), a, b)
}

/// A Vietcombank-like export: a title block, a blank line, then the table with a
/// credit for the order (line 7), a debit (8), a garbage row (9) and a transfer
/// nobody can match, without a reference (10).
fn statement_csv(code: &str) -> String {
    format!(
        "NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM,,,,,\n\
         SAO KÊ TÀI KHOẢN / ACCOUNT STATEMENT,,,,,\n\
         Số tài khoản:,0011002233445,,,,\n\
         Từ ngày 25/11/2026 đến ngày 26/11/2026,,,,,\n\
         \n\
         STT,Ngày giao dịch,Số tham chiếu,Số tiền ghi nợ,Số tiền ghi có,Nội dung\n\
         1,25/11/2026 10:00:00,FT26329001,,\"500,000.00\",MBVCB.8812 {} chuyen tien\n\
         2,25/11/2026 11:00:00,FT26329002,\"150,000\",,Rut tien ATM\n\
         3,ngay sai,FT26329003,,abc,???\n\
         4,26/11/2026 09:00:00,,,\"75,000\",tien an trua\n",
        code.to_lowercase()
    )
}

async fn upload(app: &TestApp, token: Option<&str>, name: &str, bytes: Vec<u8>) -> (u16, Value) {
    let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_string());
    let mut request = app
        .api
        .post(app.url("/api/v1/payments/statements"))
        .multipart(reqwest::multipart::Form::new().part("file", part));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn order_now(app: &TestApp, order: &Value, token: &str) -> Value {
    app.get_json(&format!("/api/v1/orders/{}?token={token}", order["id"])).await.1
}

fn outcomes(report: &Value) -> Vec<(i64, String, Value)> {
    report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["row"].as_i64().unwrap(), r["outcome"].as_str().unwrap().to_string(), r["order_code"].clone()))
        .collect()
}

#[tokio::test]
async fn statements_pay_orders_once_and_report_every_row() {
    let app = spawn_app().await;
    let (order, token, _, _) = one_order(&app).await;
    let code = order["code"].as_str().unwrap();
    let (_, _, admin) = app.user(Role::Admin, None).await;
    let csv = statement_csv(code);

    let (status, report) = upload(&app, Some(&admin), "saoke.csv", csv.clone().into_bytes()).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(outcomes(&report), vec![(7, "paid".into(), json!(code)), (10, "unmatched".into(), Value::Null)]);
    assert_eq!(report["rows"][0]["amount_vnd"], 500_000);
    assert_eq!(report["rows"][0]["reference"], "FT26329001");
    assert_eq!(report["rows"][0]["date"], "2026-11-25 10:00:00");
    assert!(report["rows"][1]["reference"].as_str().unwrap().starts_with("sha256:"));
    assert_eq!(
        report["errors"],
        json!([{"row": 9, "column": "Số tiền ghi có", "code": "payments.not_an_amount", "message": "không phải số tiền"}])
    );
    assert_eq!(
        report["summary"],
        json!({"credits": 2, "debits_ignored": 1, "errors": 1, "new_vnd": 575_000, "outcomes": {"paid": 1, "unmatched": 1}})
    );
    let now = order_now(&app, &order, &token).await;
    assert_eq!((now["status"].as_str(), now["paid_vnd"].as_i64()), (Some("paid"), Some(500_000)));
    let (_, inbox) = app.get_json_as("/api/v1/payments/unmatched", &admin).await;
    assert_eq!(inbox.as_array().unwrap().len(), 1, "the unmatched money is kept: {inbox}");
    assert_eq!(
        (inbox[0]["source"].as_str(), inbox[0]["account_number"].as_str()),
        (Some("statement"), Some("0011002233445"))
    );

    let (status, again) = upload(&app, Some(&admin), "saoke.csv", csv.into_bytes()).await;
    assert_eq!(status, 200);
    assert_eq!(outcomes(&again), vec![(7, "duplicate".into(), json!(code)), (10, "duplicate".into(), Value::Null)]);
    assert_eq!(again["summary"]["new_vnd"], 0);
    assert_eq!(order_now(&app, &order, &token).await["paid_vnd"], 500_000, "nothing counted twice");
    let (_, inbox) = app.get_json_as("/api/v1/payments/unmatched", &admin).await;
    assert_eq!(inbox.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_transfer_seen_by_the_webhook_is_not_paid_again_by_the_statement() {
    let app = spawn_app().await;
    let (order, token, _, _) = one_order(&app).await;
    let code = order["code"].as_str().unwrap();
    let (_, _, admin) = app.user(Role::Admin, None).await;
    let hook = json!({"id": 777, "gateway": "Vietcombank", "transactionDate": "2026-11-25 10:00:00",
        "accountNumber": "0011002233445", "content": format!("MBVCB.8812 {code} chuyen tien"), "transferType": "in",
        "transferAmount": 500_000, "referenceCode": "FT26329001"});
    let response = app
        .api
        .post(app.url("/api/v1/payments/bank-webhook"))
        .header("authorization", format!("Apikey {}", crate::helpers::WEBHOOK_KEY))
        .json(&hook)
        .send()
        .await
        .unwrap();
    let answer: Value = response.json().await.unwrap();
    assert_eq!(answer["outcome"], "paid", "{answer}");

    let (status, report) = upload(&app, Some(&admin), "saoke.csv", statement_csv(code).into_bytes()).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(outcomes(&report)[0], (7, "duplicate".into(), json!(code)), "the same bank reference: {report}");
    assert_eq!(order_now(&app, &order, &token).await["paid_vnd"], 500_000, "paid once");
}

#[tokio::test]
async fn excel_statements_are_read_too() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let app = spawn_app().await;
    let (order, token, _, _) = one_order(&app).await;
    let (_, _, admin) = app.user(Role::Admin, None).await;
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "Sao kê tài khoản").unwrap();
    sheet.write_string(1, 0, "Số tài khoản: 0011002233445").unwrap();
    for (col, header) in
        ["Ngày GD / Transaction date", "Mô tả / Description", "Ghi nợ (VND)", "Ghi có (VND)"].iter().enumerate()
    {
        sheet.write_string(3, col as u16, *header).unwrap();
    }
    let when = ExcelDateTime::parse_from_str("2026-11-25 10:30:00").unwrap();
    sheet.write_datetime_with_format(4, 0, &when, &Format::new().set_num_format("dd/mm/yyyy hh:mm")).unwrap();
    sheet.write_string(4, 1, format!("CT DEN {} Nguyen Thi Lan", order["code"].as_str().unwrap())).unwrap();
    sheet.write_number(4, 3, 500_000.0).unwrap();
    sheet.write_string(5, 0, "25/11/2026").unwrap();
    sheet.write_string(5, 1, "Phi dich vu").unwrap();
    sheet.write_number(5, 2, 11_000.0).unwrap();
    sheet.write_string(6, 0, "26/11/2026").unwrap();
    sheet.write_string(6, 1, "Le").unwrap();
    sheet.write_number(6, 3, 1_000.5).unwrap();
    let bytes = workbook.save_to_buffer().unwrap();

    let (status, report) = upload(&app, Some(&admin), "saoke.xlsx", bytes.clone()).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(outcomes(&report), vec![(5, "paid".into(), order["code"].clone())]);
    assert_eq!(report["rows"][0]["date"], "2026-11-25 10:30:00");
    assert!(report["rows"][0]["reference"].as_str().unwrap().starts_with("sha256:"), "no reference column");
    assert_eq!(report["summary"]["debits_ignored"], 1);
    assert_eq!(report["errors"][0]["row"], 7, "{report}");
    assert_eq!(report["errors"][0]["column"], "Ghi có (VND)");
    assert_eq!(order_now(&app, &order, &token).await["status"], "paid");
    let (_, again) = upload(&app, Some(&admin), "saoke.xlsx", bytes).await;
    assert_eq!(outcomes(&again), vec![(5, "duplicate".into(), order["code"].clone())], "the hash id is stable");
}

#[tokio::test]
async fn sellers_apply_only_their_own_orders() {
    let app = spawn_app().await;
    let (order, token, a, b) = one_order(&app).await;
    let code = order["code"].as_str().unwrap();
    let (_, _, other_seller) = app.user(Role::Seller, Some(b.producer_id)).await;
    let (status, report) = upload(&app, Some(&other_seller), "saoke.csv", statement_csv(code).into_bytes()).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(outcomes(&report), vec![(7, "not_yours".into(), Value::Null), (10, "unmatched".into(), Value::Null)]);
    assert_eq!(report["summary"]["new_vnd"], 75_000);
    assert_eq!(order_now(&app, &order, &token).await["status"], "awaiting_payment", "not applied");

    let (_, _, own_seller) = app.user(Role::Seller, Some(a.producer_id)).await;
    let (_, report) = upload(&app, Some(&own_seller), "saoke.csv", statement_csv(code).into_bytes()).await;
    assert_eq!(outcomes(&report), vec![(7, "paid".into(), json!(code)), (10, "duplicate".into(), Value::Null)]);
    assert_eq!(order_now(&app, &order, &token).await["status"], "paid");
}

#[tokio::test]
async fn statement_imports_need_a_seller_or_an_admin_and_a_statement() {
    let app = spawn_app().await;
    let csv = statement_csv("DSAB12CD34").into_bytes();
    let (status, _) = upload(&app, None, "saoke.csv", csv.clone()).await;
    assert_eq!(status, 401);
    let (_, _, buyer) = app.user(Role::Buyer, None).await;
    let (status, _) = upload(&app, Some(&buyer), "saoke.csv", csv).await;
    assert_eq!(status, 403);
    let (_, _, admin) = app.user(Role::Admin, None).await;
    let (status, problem) = upload(&app, Some(&admin), "notes.csv", b"hello,world\n1,2\n".to_vec()).await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "file", "{problem}");
    let response = app
        .api
        .post(app.url("/api/v1/payments/statements"))
        .bearer_auth(&admin)
        .multipart(reqwest::multipart::Form::new().text("other", "x"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422, "no `file` field");
}

#[test]
fn the_command_line_prints_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.db").to_string_lossy().into_owned();
    let file = dir.path().join("saoke.csv");
    std::fs::write(&file, statement_csv("DSAB12CD34")).unwrap();
    let run = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_dacsan"))
            .args(["import", "bank-statement", file.to_str().unwrap(), "--database", &db])
            .env("RUST_LOG", "error")
            .output()
            .unwrap()
    };
    let out = run();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "a bad row makes the exit status non-zero");
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 rows could not be read"));
    assert!(stdout.starts_with("Row  Date"), "{stdout}");
    assert!(stdout.contains("row 9, column \"Số tiền ghi có\""), "{stdout}");
    assert!(stdout.contains("2 incoming rows (2 unmatched), 1 outgoing ignored, 1 unreadable"), "{stdout}");
    let again = String::from_utf8_lossy(&run().stdout).into_owned();
    assert!(again.contains("(2 duplicate)") && again.contains("0\u{a0}₫ newly recorded"), "{again}");
}
