//! GHTK (carriers.md section 2) against a stand-in of `services.giaohangtietkiem.vn`.

use carriers::{Carrier, CarrierError, Label, Stage};
use serde_json::json;
use time::macros::datetime;

use crate::helpers::{IMPATIENT, PATIENT, Reply, SLOW, Seen, Server, parcel, quote_request};

const CREATE: &str = "/services/shipment/order/";

fn created(_: &Seen) -> Reply {
    Reply::json(json!({"success": true, "message": "Các đơn hàng đã được add vào hệ thống GHTK thành công.", "order": {
        "partner_id": "DS7K2M9QXA-1", "label": "S1.A1.17373471", "area": "1", "fee": "30400", "insurance_fee": "0",
        "tracking_id": 17373471, "estimated_pick_time": "Sáng 2026-03-05", "estimated_deliver_time": "Chiều 2026-03-07",
        "products": [], "status_id": 2
    }}))
}

#[tokio::test]
async fn create_sends_the_documented_headers_and_fields() {
    let server = Server::start(created).await;
    let booking = server.client(Carrier::Ghtk, "", PATIENT).create(&parcel()).await.unwrap();
    assert_eq!(booking.waybill, "S1.A1.17373471");
    assert_eq!(booking.fee_vnd, Some(30400), "fees come as strings");

    let seen = server.one(CREATE);
    assert_eq!(seen.method, "POST");
    assert_eq!(seen.query_value("ver").as_deref(), Some("1.5"));
    assert_eq!(seen.header("Token"), Some("test-token"));
    assert_eq!(seen.header("X-Client-Source"), Some("81558"));
    let body = seen.json();
    let order = &body["order"];
    assert_eq!(order["id"], "DS7K2M9QXA-1");
    assert_eq!(order["pick_money"], 250_000);
    assert_eq!(order["is_freeship"], 1);
    assert_eq!(order["value"], 240_000);
    assert_eq!(order["name"], "Nguyễn A");
    assert_eq!(order["tel"], "0909998877");
    assert_eq!(order["province"], "Hồ Chí Minh");
    assert_eq!(order["ward"], "Phường Sài Gòn");
    assert_eq!(order["district"], "");
    assert_eq!(order["street"], "12 Lê Lợi");
    assert_eq!(order["pick_province"], "Lào Cai");
    assert_eq!(order["pick_ward"], "Xã Văn Chấn");
    assert_eq!(order["weight_option"], "gram");
    assert_eq!(order["transport"], "road");
    assert_eq!(body["products"][0]["weight"], 500);
    assert_eq!(body["products"][0]["name"], "Trà Shan tuyết ×2");
}

#[tokio::test]
async fn an_empty_street_is_sent_as_khac() {
    let server = Server::start(created).await;
    let mut req = parcel();
    req.to.street = String::new();
    server.client(Carrier::Ghtk, "", PATIENT).create(&req).await.unwrap();
    assert_eq!(server.one(CREATE).json()["order"]["street"], "Khác");
}

#[tokio::test]
async fn order_id_exist_is_the_existing_booking() {
    let server = Server::start(|_| {
        Reply::json(json!({"success": false, "message": "Mã đơn hàng của shop đã tồn tại trên hệ thống.", "error": {
            "code": "ORDER_ID_EXIST", "partner_id": "DS7K2M9QXA-1", "ghtk_label": "S1.A1.17373471",
            "created": "2026-03-05 09:00:00", "status": 2
        }}))
    })
    .await;
    let booking = server.client(Carrier::Ghtk, "", PATIENT).create(&parcel()).await.unwrap();
    assert_eq!(booking.waybill, "S1.A1.17373471");
    assert_eq!(booking.fee_vnd, None);
}

#[tokio::test]
async fn a_bad_token_is_unauthorized() {
    let server = Server::start(|_| {
        Reply::json(json!({"success": false, "message": "Token không hợp lệ", "error_code": 20101})).status(401)
    })
    .await;
    let error = server.client(Carrier::Ghtk, "", PATIENT).create(&parcel()).await.unwrap_err();
    assert!(matches!(&error, CarrierError::Unauthorized(m) if m == "Token không hợp lệ"), "{error:?}");
}

#[tokio::test]
async fn a_validation_error_is_rejected_with_ghtks_message() {
    let server = Server::start(|_| {
        Reply::json(json!({"success": false, "message": "Số điện thoại người nhận không hợp lệ", "error_code": 30201}))
            .status(422)
    })
    .await;
    let error = server.client(Carrier::Ghtk, "", PATIENT).create(&parcel()).await.unwrap_err();
    assert!(matches!(&error, CarrierError::Rejected(m) if m == "Số điện thoại người nhận không hợp lệ"), "{error:?}");
}

#[tokio::test]
async fn quote_sends_names_and_grams_and_reads_the_fee() {
    let server = Server::start(|_| {
        Reply::json(json!({"success": true, "message": "", "fee": {
            "name": "area2", "fee": 30400, "insurance_fee": 0, "delivery": true,
            "extFees": [{"display": "Phụ phí", "title": "x", "amount": 5000, "type": "x"}]
        }}))
    })
    .await;
    let quotes = server.client(Carrier::Ghtk, "", PATIENT).quote(&quote_request()).await.unwrap();
    assert_eq!(quotes.len(), 1);
    assert_eq!((quotes[0].service.as_str(), quotes[0].fee_vnd, quotes[0].cod_fee_vnd), ("road", 30400, 0));
    assert_eq!(quotes[0].eta_days, None);
    let seen = server.one("/services/shipment/fee");
    assert_eq!(seen.method, "GET");
    assert_eq!(seen.header("Token"), Some("test-token"));
    for (key, value) in [
        ("weight", "500"),
        ("deliver_option", "none"),
        ("province", "Hồ Chí Minh"),
        ("ward", "Phường Sài Gòn"),
        ("pick_province", "Lào Cai"),
        ("value", "240000"),
    ] {
        assert_eq!(seen.query_value(key).as_deref(), Some(value), "{key}");
    }
}

#[tokio::test]
async fn an_unserved_address_is_unserved() {
    let server = Server::start(|_| {
        Reply::json(json!({"success": true, "message": "Không hỗ trợ giao", "fee": {"name": "area3", "fee": 0, "delivery": false}}))
    })
    .await;
    let error = server.client(Carrier::Ghtk, "", PATIENT).quote(&quote_request()).await.unwrap_err();
    assert!(matches!(error, CarrierError::Unserved(_)), "{error:?}");
}

#[tokio::test]
async fn a_slow_answer_is_a_timeout() {
    let server = Server::start(|seen| created(seen).after(SLOW)).await;
    let error = server.client(Carrier::Ghtk, "", IMPATIENT).create(&parcel()).await.unwrap_err();
    assert!(matches!(error, CarrierError::Timeout), "{error:?}");
}

#[tokio::test]
async fn cancel_past_pickup_is_not_cancellable() {
    let server = Server::start(|_| {
        Reply::json(json!({"success": false, "message": "Đơn hàng đã được lấy, không thể hủy", "log_id": "x"}))
    })
    .await;
    let error = server.client(Carrier::Ghtk, "", PATIENT).cancel("S1.A1.17373471").await.unwrap_err();
    assert!(
        matches!(&error, CarrierError::NotCancellable(m) if m == "Đơn hàng đã được lấy, không thể hủy"),
        "{error:?}"
    );
    let seen = server.one("/services/shipment/cancel/S1.A1.17373471");
    assert_eq!(seen.method, "POST");
}

#[tokio::test]
async fn label_is_the_a6_portrait_pdf() {
    let server = Server::start(|_| Reply::bytes("application/pdf", b"%PDF-1.4 label")).await;
    let label = server.client(Carrier::Ghtk, "", PATIENT).label("S1.A1.17373471").await.unwrap();
    assert_eq!(label, Label::Pdf(b"%PDF-1.4 label".to_vec()));
    let seen = server.one("/services/label/S1.A1.17373471");
    assert_eq!(seen.query_value("original").as_deref(), Some("portrait"));
    assert_eq!(seen.query_value("paper_size").as_deref(), Some("A6"));
}

#[tokio::test]
async fn a_label_error_comes_as_json() {
    let server = Server::start(|_| Reply::json(json!({"success": false, "message": "Không tìm thấy vận đơn"}))).await;
    let error = server.client(Carrier::Ghtk, "", PATIENT).label("S1.X").await.unwrap_err();
    assert!(matches!(&error, CarrierError::Rejected(m) if m == "Không tìm thấy vận đơn"), "{error:?}");
}

fn status(seen: &Seen) -> Reply {
    if seen.path.ends_with("/DS7K2M9QXA-1") || seen.path.ends_with("/S1.A1.17373471") {
        Reply::json(json!({"success": true, "message": "", "order": {
            "label_id": "S1.A1.17373471", "partner_id": "DS7K2M9QXA-1", "status": "3", "status_text": "Đã lấy hàng/Đã nhập kho",
            "modified": "2026-03-05 10:30:00", "ship_money": 30400, "pick_money": 250000, "weight": 500
        }}))
    } else {
        Reply::json(json!({"success": false, "message": "Không tìm thấy đơn hàng"}))
    }
}

#[tokio::test]
async fn find_by_client_code_reads_the_v2_status() {
    let server = Server::start(status).await;
    let client = server.client(Carrier::Ghtk, "", PATIENT);
    let found = client.find_by_client_code("DS7K2M9QXA-1").await.unwrap().unwrap();
    assert_eq!((found.waybill.as_str(), found.fee_vnd), ("S1.A1.17373471", Some(30400)));
    assert_eq!(client.find_by_client_code("DS7K2M9QXA-2").await.unwrap(), None);
    assert_eq!(server.seen()[0].path, "/services/shipment/v2/DS7K2M9QXA-1");
}

#[tokio::test]
async fn track_is_the_current_status_as_one_event() {
    let server = Server::start(status).await;
    let events = server.client(Carrier::Ghtk, "", PATIENT).track("S1.A1.17373471").await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!((events[0].raw_status.as_str(), events[0].stage), ("3", Stage::PickedUp));
    assert_eq!(events[0].at, datetime!(2026-03-05 10:30 +7));
    assert_eq!(events[0].note, "Đã lấy hàng/Đã nhập kho");
}
