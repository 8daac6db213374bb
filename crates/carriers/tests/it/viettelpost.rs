//! Viettel Post (carriers.md section 3) against a stand-in of `partner.viettelpost.vn/v2`.

use carriers::{Carrier, CarrierError, Label, Stage};
use serde_json::json;
use time::macros::datetime;

use crate::helpers::{IMPATIENT, PATIENT, Reply, SLOW, Seen, Server, parcel, quote_request};

const BASE: &str = "/v2";
const CREATE: &str = "/v2/order/createOrderNlp";
const FILTER: &str = "/v2/order/order-filter";

fn created(_: &Seen) -> Reply {
    Reply::json(json!({"status": 200, "error": false, "message": "OK", "data": {
        "ORDER_NUMBER": "1234567890", "MONEY_COLLECTION": 250000, "EXCHANGE_WEIGHT": 500, "MONEY_TOTAL": 30000,
        "MONEY_TOTAL_FEE": 27273, "MONEY_FEE": 25000, "MONEY_COLLECTION_FEE": 0, "MONEY_OTHER_FEE": 0, "MONEY_VAT": 2727,
        "KPI_HT": 48
    }}))
}

#[tokio::test]
async fn create_sends_the_documented_header_and_fields() {
    let server = Server::start(created).await;
    let booking = server.client(Carrier::Viettelpost, BASE, PATIENT).create(&parcel()).await.unwrap();
    assert_eq!(booking.waybill, "1234567890");
    assert_eq!(booking.fee_vnd, Some(30000));
    assert!(booking.expected_delivery.is_some(), "now + KPI_HT hours");

    let seen = server.one(CREATE);
    assert_eq!(seen.method, "POST");
    assert_eq!(seen.header("Token"), Some("test-token"));
    let body = seen.json();
    assert_eq!(body["ORDER_NUMBER"], "DS7K2M9QXA-1");
    assert_eq!(body["CHECK_UNIQUE"], true);
    assert_eq!(body["RECEIVER_FULLNAME"], "Nguyễn A");
    assert_eq!(body["RECEIVER_PHONE"], "0909998877");
    assert_eq!(body["RECEIVER_ADDRESS"], "12 Lê Lợi, Phường Sài Gòn, Hồ Chí Minh");
    assert_eq!(body["SENDER_ADDRESS"], "Bản Suối Giàng, Xã Văn Chấn, Lào Cai");
    assert_eq!(body["MONEY_COLLECTION"], 250_000);
    assert_eq!(body["ORDER_PAYMENT"], 3);
    assert_eq!(body["ORDER_SERVICE"], "VCBO");
    assert_eq!(body["PRODUCT_WEIGHT"], 500);
    assert_eq!(body["PRODUCT_PRICE"], 240_000);
    assert_eq!(body["PRODUCT_NAME"], "Trà Shan tuyết ×2");
    assert_eq!(body["GROUPADDRESS_ID"], 81558);
}

#[tokio::test]
async fn a_repeat_rejected_by_check_unique_is_looked_up() {
    let server = Server::start(|seen| match seen.path.as_str() {
        CREATE => Reply::json(json!({"status": 205, "error": true, "message": "Mã đơn hàng đã tồn tại", "data": null})),
        FILTER => {
            Reply::json(json!({"status": 200, "error": false, "message": "OK", "data": {"TOTAL": 2, "LIST_ORDER": [
                {"ORDER_NUMBER": "9999999999", "ORDER_REFERENCE": "DS7K2M9QXA-10", "MONEY_TOTAL": 1},
                {"ORDER_NUMBER": "1234567890", "ORDER_REFERENCE": "DS7K2M9QXA-1", "MONEY_TOTAL": 30000}
            ]}}))
        }
        _ => Reply::not_found(seen),
    })
    .await;
    let booking = server.client(Carrier::Viettelpost, BASE, PATIENT).create(&parcel()).await.unwrap();
    assert_eq!(booking.waybill, "1234567890");
    assert_eq!(booking.fee_vnd, Some(30000));
    let filter = server.one(FILTER);
    assert_eq!(filter.header("Token"), Some("test-token"));
    assert_eq!(filter.query_value("page").as_deref(), Some("1"));
    assert_eq!(filter.json()["filter"], "DS7K2M9QXA-1");
}

#[tokio::test]
async fn a_rejection_the_lookup_cannot_explain_stands() {
    let server = Server::start(|seen| match seen.path.as_str() {
        CREATE => {
            Reply::json(json!({"status": 204, "error": true, "message": "Số điện thoại không hợp lệ", "data": null}))
        }
        FILTER => Reply::json(json!({"status": 200, "error": false, "message": "OK", "data": {"LIST_ORDER": []}})),
        _ => Reply::not_found(seen),
    })
    .await;
    let error = server.client(Carrier::Viettelpost, BASE, PATIENT).create(&parcel()).await.unwrap_err();
    assert!(matches!(&error, CarrierError::Rejected(m) if m == "Số điện thoại không hợp lệ"), "{error:?}");
}

#[tokio::test]
async fn a_bad_token_comes_as_http_200_with_error() {
    let server =
        Server::start(|_| Reply::json(json!({"status": 202, "error": true, "message": "Token invalid", "data": null})))
            .await;
    let error = server.client(Carrier::Viettelpost, BASE, PATIENT).create(&parcel()).await.unwrap_err();
    assert!(matches!(&error, CarrierError::Unauthorized(m) if m == "Token invalid"), "{error:?}");
    assert_eq!(server.seen().len(), 1, "no lookup after a token error");
}

#[tokio::test]
async fn a_slow_answer_is_a_timeout() {
    let server = Server::start(|seen| created(seen).after(SLOW)).await;
    let error = server.client(Carrier::Viettelpost, BASE, IMPATIENT).create(&parcel()).await.unwrap_err();
    assert!(matches!(error, CarrierError::Timeout), "{error:?}");
}

#[tokio::test]
async fn quote_gives_one_line_per_service() {
    let server = Server::start(|_| {
        Reply::json(json!({"status": 200, "error": false, "message": "OK", "data": {
            "SENDER_ADDRESS": {"ADDRESS": "Lào Cai"}, "RECEIVER_ADDRESS": {"ADDRESS": "Hồ Chí Minh"},
            "RESULT": [
                {"MA_DV_CHINH": "VCBO", "TEN_DICHVU": "Chuyển phát đường bộ", "GIA_CUOC": 30000, "THOI_GIAN": "72 giờ", "EXCHANGE_WEIGHT": 500},
                {"MA_DV_CHINH": "VHT", "TEN_DICHVU": "Phát hỏa tốc", "GIA_CUOC": "95000", "THOI_GIAN": "24 giờ", "EXCHANGE_WEIGHT": 500}
            ]
        }}))
    })
    .await;
    let quotes = server.client(Carrier::Viettelpost, BASE, PATIENT).quote(&quote_request()).await.unwrap();
    let lines: Vec<_> = quotes.iter().map(|q| (q.service.as_str(), q.fee_vnd, q.eta_days)).collect();
    assert_eq!(lines, [("VCBO", 30000, Some((3, 3))), ("VHT", 95000, Some((1, 1)))]);
    assert_eq!(quotes[1].service_name, "Phát hỏa tốc");
    let body = server.one("/v2/order/getPriceAllNlp").json();
    assert_eq!(body["RECEIVER_ADDRESS"], "12 Lê Lợi, Phường Sài Gòn, Hồ Chí Minh");
    assert_eq!(body["PRODUCT_WEIGHT"], 500);
    assert_eq!(body["MONEY_COLLECTION"], 250_000);
}

#[tokio::test]
async fn cancel_past_pickup_is_not_cancellable() {
    let server = Server::start(|_| {
        Reply::json(json!({"status": 200, "error": true, "message": "Đơn hàng đã lấy, không được hủy", "data": null}))
    })
    .await;
    let error = server.client(Carrier::Viettelpost, BASE, PATIENT).cancel("1234567890").await.unwrap_err();
    assert!(matches!(&error, CarrierError::NotCancellable(m) if m == "Đơn hàng đã lấy, không được hủy"), "{error:?}");
    let body = server.one("/v2/order/UpdateOrder").json();
    assert_eq!(body["TYPE"], 4);
    assert_eq!(body["ORDER_NUMBER"], "1234567890");
}

#[tokio::test]
async fn label_opens_the_printing_code() {
    let server =
        Server::start(|_| Reply::json(json!({"status": 200, "error": false, "message": "PRINTCODE42", "data": null})))
            .await;
    let label = server.client(Carrier::Viettelpost, BASE, PATIENT).label("1234567890").await.unwrap();
    assert_eq!(
        label,
        Label::Url(
            "https://digitalize.viettelpost.vn/DigitalizePrint/report.do?type=1&bill=PRINTCODE42&showPostage=1"
                .to_owned()
        )
    );
    let body = server.one("/v2/order/printing-code").json();
    assert_eq!(body["ORDER_ARRAY"], json!(["1234567890"]));
    assert!(body["EXPIRY_TIME"].as_i64().is_some_and(|ms| ms > 1_700_000_000_000));
}

#[tokio::test]
async fn track_reads_the_detail() {
    let server = Server::start(|_| {
        Reply::json(json!({"status": 200, "error": false, "message": "OK", "data": [{
            "ORDER_NUMBER": "1234567890", "ORDER_STATUS": 501, "ORDER_STATUSDATE": "13/12/2018 17:34:05",
            "STATUS_NAME": "Phát thành công", "IS_RETURNING": true
        }]}))
    })
    .await;
    let events = server.client(Carrier::Viettelpost, BASE, PATIENT).track("1234567890").await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!((events[0].raw_status.as_str(), events[0].stage), ("501", Stage::Returned));
    assert_eq!(events[0].at, datetime!(2018-12-13 17:34:05 +7));
    let seen = server.one("/v2/order/getOrderDetailV3");
    assert_eq!(seen.query_value("OrderNumber").as_deref(), Some("1234567890"));
}
