//! VNPost (carriers.md section 4, client-code facts only) against a stand-in of
//! `…/customer-partner`.

use carriers::{Carrier, CarrierError, Stage};
use serde_json::json;
use time::macros::datetime;

use crate::helpers::{IMPATIENT, PATIENT, Reply, SLOW, Seen, Server, parcel, quote_request};

const BASE: &str = "/customer-partner";

fn created(_: &Seen) -> Reply {
    Reply::json(json!({"orderHdrID": "h1", "originalID": "o1", "itemCode": "EB123456789VN", "originalItemCode": null,
        "status": 1, "totalFee": 25000, "saleOrderCode": "DS7K2M9QXA-1"}))
}

#[tokio::test]
async fn create_sends_the_token_header_and_the_documented_fields() {
    let server = Server::start(created).await;
    let booking = server.client(Carrier::Vnpost, BASE, PATIENT).create(&parcel()).await.unwrap();
    assert_eq!((booking.waybill.as_str(), booking.fee_vnd), ("EB123456789VN", Some(25000)));
    let seen = server.one("/customer-partner/CreateOrder");
    assert_eq!(seen.header("token"), Some("test-token"));
    let body = seen.json();
    assert_eq!(body["customerCode"], "81558");
    assert_eq!(body["type"], "GUI");
    let order = &body["informationOrder"];
    assert_eq!(order["saleOrderCode"], "DS7K2M9QXA-1");
    assert_eq!(order["serviceCode"], "CTN009");
    assert_eq!(order["weight"], "500");
    assert_eq!(order["receiverProvinceName"], "Hồ Chí Minh");
    assert_eq!(order["receiverCommuneName"], "Phường Sài Gòn");
    assert_eq!(order["receiverProvinceCode"], json!(null));
    assert_eq!(order["addonService"][0], json!({"code": "GTG021", "propValue": "PROP0018:250000"}));
}

#[tokio::test]
async fn a_bad_token_is_unauthorized() {
    let server = Server::start(|_| {
        Reply::json(json!({"status": 401, "timestamp": "2026-03-05T10:00:00", "error": "Unauthorized",
            "message": "Token hết hạn", "description": "", "path": "/customer-partner/CreateOrder"}))
        .status(401)
    })
    .await;
    let error = server.client(Carrier::Vnpost, BASE, PATIENT).create(&parcel()).await.unwrap_err();
    assert!(matches!(&error, CarrierError::Unauthorized(m) if m == "Token hết hạn"), "{error:?}");
}

#[tokio::test]
async fn a_slow_answer_is_a_timeout() {
    let server = Server::start(|seen| created(seen).after(SLOW)).await;
    let error = server.client(Carrier::Vnpost, BASE, IMPATIENT).create(&parcel()).await.unwrap_err();
    assert!(matches!(error, CarrierError::Timeout), "{error:?}");
}

#[tokio::test]
async fn quote_gives_one_line_per_service() {
    let server = Server::start(|_| {
        Reply::json(json!([{"serviceCode": "CTN009", "totalFee": 22000}, {"serviceCode": "ETN011", "totalFee": 35000}]))
    })
    .await;
    let quotes = server.client(Carrier::Vnpost, BASE, PATIENT).quote(&quote_request()).await.unwrap();
    let lines: Vec<_> = quotes.iter().map(|q| (q.service.as_str(), q.fee_vnd)).collect();
    assert_eq!(lines, [("CTN009", 22000), ("ETN011", 35000)]);
    let body = server.one("/customer-partner/ServicesCharge").json();
    assert_eq!(body["scope"], 1);
    assert_eq!(body["data"]["weight"], 500);
    assert_eq!(body["data"]["serviceCode"], json!(null));
    assert_eq!(body["data"]["receiverNational"], "VN");
}

#[tokio::test]
async fn cancel_refused_is_not_cancellable() {
    let server = Server::start(|_| {
        Reply::json(json!([{"type": "ERROR", "note": "", "message": "Bưu gửi đã được nhận", "originalId": "EB123456789VN", "caseId": null}]))
    })
    .await;
    let error = server.client(Carrier::Vnpost, BASE, PATIENT).cancel("EB123456789VN").await.unwrap_err();
    assert!(matches!(&error, CarrierError::NotCancellable(m) if m == "Bưu gửi đã được nhận"), "{error:?}");
    assert_eq!(server.one("/customer-partner/orderCancel").json()["OriginalId"], "EB123456789VN");
}

#[tokio::test]
async fn no_label_and_no_lookup() {
    let server = Server::start(Reply::not_found).await;
    let client = server.client(Carrier::Vnpost, BASE, PATIENT);
    let error = client.label("EB123456789VN").await.unwrap_err();
    assert!(matches!(&error, CarrierError::Rejected(m) if m == "VNPost has no label API"), "{error:?}");
    assert_eq!(client.find_by_client_code("DS7K2M9QXA-1").await.unwrap(), None);
    assert!(server.seen().is_empty());
}

#[tokio::test]
async fn track_reads_the_status_history() {
    let server = Server::start(|_| {
        Reply::json(json!({"data": [{"statusHistory": [
            {"statusCode": "6", "statusName": "Đã nhận hàng", "createdDate": "05/03/2026", "createHour": "09:15:00"},
            {"statusCode": 14, "statusName": "Phát thành công", "createdDate": "07/03/2026", "createHour": "16:40"}
        ]}]}))
    })
    .await;
    let events = server.client(Carrier::Vnpost, BASE, PATIENT).track("EB123456789VN").await.unwrap();
    let lines: Vec<_> = events.iter().map(|e| (e.raw_status.as_str(), e.stage, e.at)).collect();
    assert_eq!(
        lines,
        [
            ("6", Stage::PickedUp, datetime!(2026-03-05 09:15 +7)),
            ("14", Stage::Delivered, datetime!(2026-03-07 16:40 +7))
        ]
    );
    let seen = server.one("/customer-partner/GetStatusHistoryOrder");
    assert_eq!(seen.query_value("type").as_deref(), Some("2"));
    assert_eq!(seen.query_value("code").as_deref(), Some("EB123456789VN"));
}
