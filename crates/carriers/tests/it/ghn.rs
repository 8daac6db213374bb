//! GHN (carriers.md section 1) against a stand-in of `…/shiip/public-api`.

use carriers::{Carrier, CarrierError, Label, Stage};
use serde_json::json;
use time::macros::datetime;

use crate::helpers::{IMPATIENT, PATIENT, Reply, SLOW, Seen, Server, parcel, quote_request};

const BASE: &str = "/shiip/public-api";
const CREATE: &str = "/shiip/public-api/v2/shipping-order/create";

fn created(_: &Seen) -> Reply {
    Reply::json(json!({"code": 200, "message": "Success", "data": {
        "order_code": "Z82BS", "sort_code": "190-G-01-A7", "trans_type": "truck", "total_fee": 33000,
        "expected_delivery_time": "2026-03-07T16:59:59Z", "fee": {"main_service": 33000, "insurance": 0}
    }}))
}

#[tokio::test]
async fn create_sends_the_documented_headers_and_2_level_fields() {
    let server = Server::start(created).await;
    let booking = server.client(Carrier::Ghn, BASE, PATIENT).create(&parcel()).await.unwrap();
    assert_eq!(booking.waybill, "Z82BS");
    assert_eq!(booking.fee_vnd, Some(33000));
    assert_eq!(booking.expected_delivery, Some(datetime!(2026-03-07 16:59:59 UTC)));

    let seen = server.one(CREATE);
    assert_eq!(seen.method, "POST");
    assert_eq!(seen.header("Token"), Some("test-token"));
    assert_eq!(seen.header("ShopId"), Some("81558"));
    let body = seen.json();
    assert_eq!(body["client_order_code"], "DS7K2M9QXA-1");
    assert_eq!(body["is_new_to_address"], true);
    assert_eq!(body["to_name"], "Nguyễn A");
    assert_eq!(body["to_phone"], "0909998877");
    assert_eq!(body["to_address"], "12 Lê Lợi");
    assert_eq!(body["to_ward_name"], "Phường Sài Gòn");
    assert_eq!(body["to_province_name"], "Hồ Chí Minh");
    assert_eq!(body["from_ward_name"], "Xã Văn Chấn");
    assert_eq!(body["from_province_name"], "Lào Cai");
    assert_eq!(body["service_type_id"], 2);
    assert_eq!(body["payment_type_id"], 1);
    assert_eq!(body["cod_amount"], 250_000);
    assert_eq!(body["insurance_value"], 240_000);
    assert_eq!((body["weight"].clone(), body["length"].clone()), (json!(500), json!(20)));
    assert_eq!(body["content"], "Trà Shan tuyết ×2");
    assert!(body.get("to_district_id").is_none(), "no 3-level fields: {body}");
}

#[tokio::test]
async fn a_repeated_client_order_code_gives_the_same_order() {
    // GHN answers a duplicate client_order_code with the order already created.
    let server = Server::start(created).await;
    let client = server.client(Carrier::Ghn, BASE, PATIENT);
    let first = client.create(&parcel()).await.unwrap();
    let again = client.create(&parcel()).await.unwrap();
    assert_eq!(first.waybill, again.waybill);
    let codes: Vec<_> = server.seen().iter().map(|s| s.json()["client_order_code"].clone()).collect();
    assert_eq!(codes, [json!("DS7K2M9QXA-1"), json!("DS7K2M9QXA-1")]);
}

#[tokio::test]
async fn a_bad_token_is_unauthorized() {
    let server =
        Server::start(|_| Reply::json(json!({"code": 401, "message": "Token is not valid", "data": null})).status(401))
            .await;
    let error = server.client(Carrier::Ghn, BASE, PATIENT).create(&parcel()).await.unwrap_err();
    assert!(matches!(&error, CarrierError::Unauthorized(m) if m == "Token is not valid"), "{error:?}");
}

#[tokio::test]
async fn a_rejection_keeps_the_reason_after_the_last_dash() {
    let server = Server::start(|_| {
        Reply::json(json!({"code": 400, "message": "CREATE_ORDER_FAIL - Số điện thoại không hợp lệ", "data": null}))
            .status(400)
    })
    .await;
    let error = server.client(Carrier::Ghn, BASE, PATIENT).create(&parcel()).await.unwrap_err();
    assert!(matches!(&error, CarrierError::Rejected(m) if m == "Số điện thoại không hợp lệ"), "{error:?}");
}

#[tokio::test]
async fn an_unserved_ward_is_unserved() {
    let server = Server::start(|_| {
        Reply::json(json!({"code": 400, "message": "PREVIEW_FAIL - Phường xã không hỗ trợ giao hàng", "data": null}))
            .status(400)
    })
    .await;
    let error = server.client(Carrier::Ghn, BASE, PATIENT).quote(&quote_request()).await.unwrap_err();
    assert!(matches!(&error, CarrierError::Unserved(m) if m == "Phường xã không hỗ trợ giao hàng"), "{error:?}");
}

#[tokio::test]
async fn a_slow_answer_is_a_timeout() {
    let server = Server::start(|seen| created(seen).after(SLOW)).await;
    let error = server.client(Carrier::Ghn, BASE, IMPATIENT).create(&parcel()).await.unwrap_err();
    assert!(matches!(error, CarrierError::Timeout), "{error:?}");
}

#[tokio::test]
async fn a_server_error_is_transport() {
    let server = Server::start(|_| Reply::bytes("text/html", b"<h1>502 Bad Gateway</h1>").status(502)).await;
    let error = server.client(Carrier::Ghn, BASE, PATIENT).create(&parcel()).await.unwrap_err();
    assert!(matches!(&error, CarrierError::Transport(m) if m.contains("502")), "{error:?}");
}

#[tokio::test]
async fn quote_previews_the_create_body() {
    let server = Server::start(|_| {
        Reply::json(json!({"code": 200, "message": "Success", "data": {
            "total_fee": 36300, "expected_delivery_time": "2999-01-01T00:00:00Z"
        }}))
    })
    .await;
    let quotes = server.client(Carrier::Ghn, BASE, PATIENT).quote(&quote_request()).await.unwrap();
    assert_eq!(quotes.len(), 1);
    assert_eq!((quotes[0].service.as_str(), quotes[0].fee_vnd, quotes[0].cod_fee_vnd), ("2", 36300, 0));
    assert!(quotes[0].eta_days.is_some_and(|(low, high)| low == high && low > 300_000));
    let body = server.one("/shiip/public-api/v2/shipping-order/preview").json();
    assert_eq!(body["is_new_to_address"], true);
    assert_eq!(body["to_ward_name"], "Phường Sài Gòn");
    assert_eq!(body["cod_amount"], 250_000);
}

#[tokio::test]
async fn cancel_past_pickup_is_not_cancellable() {
    let server = Server::start(|_| {
        Reply::json(json!({"code": 200, "message": "Success", "data": [
            {"order_code": "Z82BS", "result": false, "message": "Đơn hàng đã lấy, không thể hủy"}
        ]}))
    })
    .await;
    let error = server.client(Carrier::Ghn, BASE, PATIENT).cancel("Z82BS").await.unwrap_err();
    assert!(matches!(&error, CarrierError::NotCancellable(m) if m == "Đơn hàng đã lấy, không thể hủy"), "{error:?}");
    let seen = server.one("/shiip/public-api/v2/switch-status/cancel");
    assert_eq!(seen.json()["order_codes"], json!(["Z82BS"]));
    assert_eq!(seen.header("ShopId"), Some("81558"));
}

#[tokio::test]
async fn cancel_before_pickup_succeeds() {
    let server = Server::start(|_| {
        Reply::json(json!({"code": 200, "message": "Success", "data": [
            {"order_code": "Z82BS", "result": true, "message": "OK"}
        ]}))
    })
    .await;
    server.client(Carrier::Ghn, BASE, PATIENT).cancel("Z82BS").await.unwrap();
}

#[tokio::test]
async fn label_is_the_a5_page_on_the_same_host() {
    let server =
        Server::start(|_| Reply::json(json!({"code": 200, "message": "Success", "data": {"token": "a1b2-c3"}}))).await;
    let label = server.client(Carrier::Ghn, BASE, PATIENT).label("Z82BS").await.unwrap();
    assert_eq!(label, Label::Url(format!("{}/a5/public-api/printA5?token=a1b2-c3", server.url)));
    assert_eq!(server.one("/shiip/public-api/v2/a5/gen-token").json()["order_codes"], json!(["Z82BS"]));
}

#[tokio::test]
async fn find_by_client_code_recovers_or_says_none() {
    let server = Server::start(|seen| {
        if seen.json()["client_order_code"] == "DS7K2M9QXA-1" {
            Reply::json(
                json!({"code": 200, "message": "Success", "data": {"order_code": "Z82BS", "status": "ready_to_pick"}}),
            )
        } else {
            Reply::json(json!({"code": 400, "message": "Order not found", "data": null})).status(400)
        }
    })
    .await;
    let client = server.client(Carrier::Ghn, BASE, PATIENT);
    let found = client.find_by_client_code("DS7K2M9QXA-1").await.unwrap().unwrap();
    assert_eq!(found.waybill, "Z82BS");
    assert_eq!(client.find_by_client_code("DS7K2M9QXA-2").await.unwrap(), None);
    assert!(server.seen().iter().all(|s| s.path == "/shiip/public-api/v2/shipping-order/detail-by-client-code"));
}

#[tokio::test]
async fn track_reads_the_detail_log() {
    let server = Server::start(|_| {
        Reply::json(json!({"code": 200, "message": "Success", "data": {
            "order_code": "Z82BS", "status": "delivering", "updated_date": "2026-03-06T02:00:00Z",
            "log": [
                {"status": "picked", "updated_date": "2026-03-05T03:00:00Z"},
                {"status": "delivering", "updated_date": "2026-03-06T02:00:00Z"}
            ]
        }}))
    })
    .await;
    let events = server.client(Carrier::Ghn, BASE, PATIENT).track("Z82BS").await.unwrap();
    let stages: Vec<_> = events.iter().map(|e| (e.raw_status.as_str(), e.stage, e.at)).collect();
    assert_eq!(
        stages,
        [
            ("picked", Stage::PickedUp, datetime!(2026-03-05 03:00 UTC)),
            ("delivering", Stage::OutForDelivery, datetime!(2026-03-06 02:00 UTC))
        ]
    );
    assert_eq!(server.one("/shiip/public-api/v2/shipping-order/detail").json()["order_code"], "Z82BS");
}
