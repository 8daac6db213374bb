//! GHTK (Giao Hàng Tiết Kiệm), carriers.md section 2: `Token` (and `X-Client-Source`)
//! headers, the `{success, message, error_code?}` envelope, addresses by name.

use reqwest::{Method, RequestBuilder, StatusCode};
use serde_json::{Value, json};

use crate::http::{Answer, Http, int, required_text, says_unserved, short, snippet, text};
use crate::notify::{rfc3339, vietnam_time};
use crate::{
    Booking, Carrier, CarrierError, Label, LiveQuote, ParcelRequest, QuoteRequest, TrackEvent, path_segment, stage_of,
};

/// `transport` when no service is asked for.
const STANDARD_TRANSPORT: &str = "road";

/// GHTK's bad-token code (section 2, "Base + auth").
const BAD_TOKEN: i64 = 20101;

fn request(http: &Http, method: Method, path: &str) -> RequestBuilder {
    let request = http.request(method, path).header("Token", &http.config.token);
    match &http.config.shop_id {
        Some(source) => request.header("X-Client-Source", source),
        None => request,
    }
}

/// Sends and reads the JSON answer; HTTP 401 or `error_code` 20101 is `Unauthorized`.
async fn call(http: &Http, request: RequestBuilder, call: &str) -> Result<Value, CarrierError> {
    let answer = http.send(request).await?;
    json(&answer, call)
}

fn json(answer: &Answer, call: &str) -> Result<Value, CarrierError> {
    let body = answer.json(call);
    let code = body.as_ref().ok().and_then(|b| int(&b["error_code"]));
    if answer.status == StatusCode::UNAUTHORIZED || code == Some(BAD_TOKEN) {
        let message = body.as_ref().ok().and_then(|b| text(&b["message"]));
        return Err(CarrierError::Unauthorized(message.unwrap_or_else(|| format!("HTTP {}", answer.status))));
    }
    body
}

/// `success:false` as an error with GHTK's message (create errors 301xx–306xx, mostly 422).
fn refusal(body: &Value) -> CarrierError {
    let message = text(&body["message"]).unwrap_or_else(|| short(body));
    if says_unserved(&message) { CarrierError::Unserved(message) } else { CarrierError::Rejected(message) }
}

fn street_or_other(street: &str) -> &str {
    if street.trim().is_empty() { "Khác" } else { street }
}

/// `GET /services/shipment/fee` with names (hkt; the Oct 2026 docs make `district` optional),
/// weight in grams, `deliver_option=none`. `fee.delivery:false` is `Unserved`; `fee.fee` is
/// the total (extFees are its breakdown); GHTK documents no COD fee, so 0. No ETA (section 2,
/// "Fee").
pub(crate) async fn quote(http: &Http, req: &QuoteRequest) -> Result<Vec<LiveQuote>, CarrierError> {
    let path = "services/shipment/fee";
    let (weight, value) = (req.weight_g.to_string(), req.value_vnd.to_string());
    let params = [
        ("pick_province", req.from.province_name.as_str()),
        ("pick_ward", req.from.ward_name.as_str()),
        ("pick_street", street_or_other(&req.from.street)),
        ("pick_address", req.from.street.as_str()),
        ("province", req.to.province_name.as_str()),
        ("ward", req.to.ward_name.as_str()),
        ("street", street_or_other(&req.to.street)),
        ("address", req.to.street.as_str()),
        ("weight", weight.as_str()),
        ("value", value.as_str()),
        ("transport", STANDARD_TRANSPORT),
        ("deliver_option", "none"),
    ];
    let body = call(http, request(http, Method::GET, path).query(&params), path).await?;
    if body["success"].as_bool() != Some(true) {
        return Err(refusal(&body));
    }
    let fee = &body["fee"];
    if fee["delivery"].as_bool() == Some(false) {
        let message = text(&body["message"]).unwrap_or_else(|| "fee.delivery is false".to_owned());
        return Err(CarrierError::Unserved(message));
    }
    let total =
        int(&fee["fee"]).ok_or_else(|| CarrierError::Malformed(format!("{path}: no fee.fee in {}", short(&body))))?;
    let area = text(&fee["name"]).map(|name| format!(" ({name})")).unwrap_or_default();
    Ok(vec![LiveQuote {
        service: STANDARD_TRANSPORT.to_owned(),
        service_name: format!("GHTK đường bộ{area}"),
        fee_vnd: total,
        cod_fee_vnd: 0,
        eta_days: None,
    }])
}

/// The create body (section 2, "Create"): `order.id` = our reference, receiver by name with
/// `street` (and `hamlet`) "Khác" when empty, weights in grams (`weight_option:"gram"`),
/// GHTK picks up (`pick_option:"cod"`), the shop pays shipping (`is_freeship:1`, so
/// `pick_money` is all the receiver pays). `service` is the `transport` (`road`/`fly`).
fn order_body(req: &ParcelRequest) -> Value {
    json!({
        "products": [{
            "name": req.content,
            "weight": req.weight_g,
            "quantity": 1,
            "price": req.value_vnd,
        }],
        "order": {
            "id": req.client_code,
            "pick_name": req.from.name,
            "pick_tel": req.from.phone,
            "pick_address": req.from.street,
            "pick_street": street_or_other(&req.from.street),
            "pick_ward": req.from.ward_name,
            "pick_district": "",
            "pick_province": req.from.province_name,
            "name": req.to.name,
            "tel": req.to.phone,
            "address": req.to.street,
            "street": street_or_other(&req.to.street),
            "hamlet": "Khác",
            "ward": req.to.ward_name,
            "district": "",
            "province": req.to.province_name,
            "pick_money": req.cod_vnd,
            "is_freeship": 1,
            "value": req.value_vnd,
            "weight_option": "gram",
            "transport": req.service.as_deref().unwrap_or(STANDARD_TRANSPORT),
            "pick_option": "cod",
            "deliver_option": "none",
        },
    })
}

/// `POST /services/shipment/order/?ver=1.5`. A repeated `order.id` answers `success:false`
/// with `error.code:"ORDER_ID_EXIST"` and the existing `ghtk_label`, taken as the booking
/// (section 6).
pub(crate) async fn create(http: &Http, req: &ParcelRequest) -> Result<Booking, CarrierError> {
    let path = "services/shipment/order/?ver=1.5";
    let body = call(http, request(http, Method::POST, path).json(&order_body(req)), path).await?;
    if body["success"].as_bool() == Some(true) {
        let order = &body["order"];
        return Ok(Booking {
            waybill: required_text(order, "label", path)?,
            fee_vnd: int(&order["fee"]),
            expected_delivery: text(&order["estimated_deliver_time"])
                .and_then(|t| rfc3339(&t).or_else(|| vietnam_time(&t))),
        });
    }
    let error = &body["error"];
    if text(&error["code"]).as_deref() == Some("ORDER_ID_EXIST") {
        let waybill = required_text(error, "ghtk_label", path)?;
        return Ok(Booking { waybill, fee_vnd: None, expected_delivery: None });
    }
    Err(refusal(&body))
}

/// `GET /services/shipment/v2/{order.id}` (section 6: "recover a lost reply"); `success:false`
/// (GHTK knows no such order) is `None`.
pub(crate) async fn find_by_client_code(http: &Http, client_code: &str) -> Result<Option<Booking>, CarrierError> {
    let path = format!("services/shipment/v2/{}", path_segment(client_code));
    let body = call(http, request(http, Method::GET, &path), &path).await?;
    if body["success"].as_bool() != Some(true) {
        return Ok(None);
    }
    let order = &body["order"];
    Ok(Some(Booking {
        waybill: required_text(order, "label_id", &path)?,
        fee_vnd: int(&order["ship_money"]),
        expected_delivery: None,
    }))
}

/// `POST /services/shipment/cancel/{label}`. Only statuses 1, 2 and 12 can be cancelled and
/// refusals (50101–50109) come as HTTP 200 `success:false`, so any refusal is
/// `NotCancellable` with GHTK's message (section 2, "Cancel").
pub(crate) async fn cancel(http: &Http, waybill: &str) -> Result<(), CarrierError> {
    let path = format!("services/shipment/cancel/{}", path_segment(waybill));
    let body = call(http, request(http, Method::POST, &path), &path).await?;
    if body["success"].as_bool() == Some(true) {
        return Ok(());
    }
    Err(CarrierError::NotCancellable(text(&body["message"]).unwrap_or_else(|| short(&body))))
}

/// `GET /services/label/{label}?original=portrait&paper_size=A6` → the PDF; errors come as
/// JSON. (`paper_size` per the English docs; the Vietnamese docs say `page_size`; A6 portrait
/// is the default either way.)
pub(crate) async fn label(http: &Http, waybill: &str) -> Result<Label, CarrierError> {
    let path = format!("services/label/{}", path_segment(waybill));
    let request = request(http, Method::GET, &path).query(&[("original", "portrait"), ("paper_size", "A6")]);
    let answer = http.send(request).await?;
    if answer.status.is_success() && (answer.body.starts_with(b"%PDF") || answer.content_type.contains("pdf")) {
        return Ok(Label::Pdf(answer.body));
    }
    let body = json(&answer, &path)?;
    if body["success"].as_bool() == Some(false) {
        return Err(refusal(&body));
    }
    Err(CarrierError::Malformed(format!("{path}: HTTP {} and not a PDF: {}", answer.status, snippet(&answer.body))))
}

/// `GET /services/shipment/v2/{label}` → the current `status` at `modified`, as one event
/// with `status_text` as its note.
pub(crate) async fn track(http: &Http, waybill: &str) -> Result<Vec<TrackEvent>, CarrierError> {
    let path = format!("services/shipment/v2/{}", path_segment(waybill));
    let body = call(http, request(http, Method::GET, &path), &path).await?;
    if body["success"].as_bool() != Some(true) {
        return Err(refusal(&body));
    }
    let order = &body["order"];
    let raw_status = required_text(order, "status", &path)?;
    let modified = required_text(order, "modified", &path)?;
    let at = rfc3339(&modified)
        .or_else(|| vietnam_time(&modified))
        .ok_or_else(|| CarrierError::Malformed(format!("{path}: bad modified {modified:?}")))?;
    Ok(vec![TrackEvent {
        stage: stage_of(Carrier::Ghtk, &raw_status, false),
        raw_status,
        at,
        note: text(&order["status_text"]).unwrap_or_default(),
    }])
}
