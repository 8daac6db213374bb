//! VNPost (MyVNPost), carriers.md section 4. No official documentation was found: every call
//! here follows client code (hieukun1011/Shipping and two unnamed clients) and is
//! **unconfirmed**. The `token:` header; errors as `{status, error, message, description}`
//! with an HTTP error status; names with null codes for addresses (2-level support is
//! unconfirmed); `Config.shop_id` is the `customerCode`, and no `contractCode` is sent.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::http::{Answer, Http, int, required_text, says_unserved, short, text};
use crate::notify::vnpost_time;
use crate::{Booking, Carrier, CarrierError, LiveQuote, ParcelRequest, Party, QuoteRequest, TrackEvent, stage_of};

/// `serviceCode` when no service is asked for: e-commerce standard.
const STANDARD_SERVICE: &str = "CTN009";

/// Sends with the `token` header and reads the JSON answer.
async fn call(
    http: &Http,
    method: Method,
    path: &str,
    body: Option<&Value>,
    query: &[(&str, &str)],
) -> Result<Value, CarrierError> {
    let mut request = http.request(method, path).header("token", &http.config.token).query(query);
    if let Some(body) = body {
        request = request.json(body);
    }
    let answer = http.send(request).await?;
    open(&answer, path)
}

/// HTTP 401/403 is the token; any other non-2xx is a rejection with `message` (or
/// `description`, or `errorMessage`).
fn open(answer: &Answer, call: &str) -> Result<Value, CarrierError> {
    let body = answer.json(call);
    if answer.status.is_success() {
        return body;
    }
    let message = body
        .as_ref()
        .ok()
        .and_then(|b| text(&b["message"]).or_else(|| text(&b["description"])).or_else(|| text(&b["errorMessage"])))
        .unwrap_or_else(|| format!("HTTP {}", answer.status));
    Err(match answer.status {
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => CarrierError::Unauthorized(message),
        _ if says_unserved(&message) => CarrierError::Unserved(message),
        _ => CarrierError::Rejected(message),
    })
}

/// A list answered bare or under `data`.
fn rows<'a>(body: &'a Value, call: &str) -> Result<&'a Vec<Value>, CarrierError> {
    body.as_array()
        .or_else(|| body["data"].as_array())
        .ok_or_else(|| CarrierError::Malformed(format!("{call}: no list in {}", short(body))))
}

/// The address fields of one side, by name with null codes.
fn address(side: &str, party: &Party) -> Vec<(String, Value)> {
    vec![
        (format!("{side}ProvinceCode"), Value::Null),
        (format!("{side}ProvinceName"), json!(party.province_name)),
        (format!("{side}DistrictCode"), Value::Null),
        (format!("{side}DistrictName"), Value::Null),
        (format!("{side}CommuneCode"), Value::Null),
        (format!("{side}CommuneName"), json!(party.ward_name)),
    ]
}

fn extend(object: &mut Value, fields: Vec<(String, Value)>) {
    if let Some(map) = object.as_object_mut() {
        map.extend(fields);
    }
}

/// Add-on services: COD `GTG021` + `PROP0018:<amount>`, declared value `GTG008` +
/// `PROP0026:<value>` (section 4, "Create").
fn addons(cod_vnd: i64, value_vnd: i64) -> Value {
    let mut addons = Vec::new();
    if cod_vnd > 0 {
        addons.push(json!({ "code": "GTG021", "propValue": format!("PROP0018:{cod_vnd}") }));
    }
    if value_vnd > 0 {
        addons.push(json!({ "code": "GTG008", "propValue": format!("PROP0026:{value_vnd}") }));
    }
    Value::Array(addons)
}

/// A readable name for the documented service codes.
fn service_name(code: &str) -> String {
    match code {
        "CTN009" => "VNPost TMĐT tiêu chuẩn".to_owned(),
        "ETN011" | "ETN013" => format!("VNPost chuyển phát nhanh ({code})"),
        "PTN001" => "VNPost hàng nặng".to_owned(),
        other => format!("VNPost {other}"),
    }
}

/// `POST ServicesCharge` with `serviceCode:null` (all services) → one quote per item
/// (`serviceCode`, `totalFee`). ETA and a separate COD fee are unconfirmed: `None` and 0.
pub(crate) async fn quote(http: &Http, req: &QuoteRequest) -> Result<Vec<LiveQuote>, CarrierError> {
    let path = "ServicesCharge";
    let mut data = json!({
        "receiverNational": "VN",
        "weight": req.weight_g,
        "length": req.length_cm,
        "width": req.width_cm,
        "height": req.height_cm,
        "serviceCode": null,
        "addonService": addons(req.cod_vnd, req.value_vnd),
        "additionRequest": [],
        "vehicle": "BO",
    });
    extend(&mut data, address("sender", &req.from));
    extend(&mut data, address("receiver", &req.to));
    let body = json!({ "scope": 1, "customerCode": http.config.shop_id, "contractCode": null, "data": data });
    let answer = call(http, Method::POST, path, Some(&body), &[]).await?;
    rows(&answer, path)?.iter().map(|row| quote_row(row, path)).collect()
}

fn quote_row(row: &Value, path: &str) -> Result<LiveQuote, CarrierError> {
    let service = required_text(row, "serviceCode", path)?;
    let fee = int(&row["totalFee"])
        .ok_or_else(|| CarrierError::Malformed(format!("{path}: no totalFee in {}", short(row))))?;
    Ok(LiveQuote {
        service_name: text(&row["serviceName"]).unwrap_or_else(|| service_name(&service)),
        service,
        fee_vnd: fee,
        cod_fee_vnd: 0,
        eta_days: None,
    })
}

/// The `CreateOrder` body: submitted at once (`orderCreationStatus:1`), `saleOrderCode` = our
/// reference, weight as a string of grams, picked up (`sendType:"1"`, unconfirmed; "2" is
/// drop-off at an office), whole day, receiver may look (`deliveryRequire:"2"`).
fn order_body(http: &Http, req: &ParcelRequest) -> Value {
    let mut information = json!({
        "senderName": req.from.name,
        "senderPhone": req.from.phone,
        "senderAddress": req.from.street,
        "receiverName": req.to.name,
        "receiverPhone": req.to.phone,
        "receiverAddress": req.to.street,
        "serviceCode": req.service.as_deref().unwrap_or(STANDARD_SERVICE),
        "saleOrderCode": req.client_code,
        "contentNote": req.content,
        "weight": req.weight_g.to_string(),
        "width": req.width_cm,
        "length": req.length_cm,
        "height": req.height_cm,
        "vehicle": "BO",
        "sendType": "1",
        "isBroken": false,
        "deliveryTime": "N",
        "deliveryRequire": "2",
        "deliveryInstruction": "",
        "addonService": addons(req.cod_vnd, req.value_vnd),
    });
    extend(&mut information, address("sender", &req.from));
    extend(&mut information, address("receiver", &req.to));
    json!({
        "orderCreationStatus": 1,
        "type": "GUI",
        "customerCode": http.config.shop_id,
        "contractCode": null,
        "informationOrder": information,
    })
}

/// `POST CreateOrder` → `itemCode` (the tracking code), `totalFee`; answered as an object, a
/// one-item list or under `data`. What VNPost does with a repeated `saleOrderCode` is
/// unconfirmed: a rejection stays a rejection.
pub(crate) async fn create(http: &Http, req: &ParcelRequest) -> Result<Booking, CarrierError> {
    let path = "CreateOrder";
    let body = call(http, Method::POST, path, Some(&order_body(http, req)), &[]).await?;
    let order = if body["itemCode"].is_null() { first(&body) } else { &body };
    Ok(Booking {
        waybill: required_text(order, "itemCode", path)?,
        fee_vnd: int(&order["totalFee"]),
        expected_delivery: None,
    })
}

fn first(body: &Value) -> &Value {
    match body {
        Value::Array(items) => items.first().unwrap_or(&Value::Null),
        _ if body["data"].is_array() => first(&body["data"]),
        _ => &body["data"],
    }
}

/// `POST orderCancel {OriginalId}` with the waybill (whether it takes the `itemCode` or only
/// `originalID` is unconfirmed) → `[{type, note, message, …}]`. A row whose `type` says error
/// or failure is `NotCancellable` with its message (only API-created, not yet picked orders
/// can be cancelled); so is an HTTP rejection.
pub(crate) async fn cancel(http: &Http, waybill: &str) -> Result<(), CarrierError> {
    let path = "orderCancel";
    let body = match call(http, Method::POST, path, Some(&json!({ "OriginalId": waybill })), &[]).await {
        Err(CarrierError::Rejected(message)) => return Err(CarrierError::NotCancellable(message)),
        other => other?,
    };
    let empty = Vec::new();
    let rows = body.as_array().unwrap_or(&empty);
    let failed = rows.iter().find(|row| {
        let kind = text(&row["type"]).unwrap_or_default().to_lowercase();
        ["error", "fail", "false"].iter().any(|word| kind.contains(word))
    });
    match failed {
        Some(row) => Err(CarrierError::NotCancellable(
            text(&row["message"]).or_else(|| text(&row["note"])).unwrap_or_else(|| short(row)),
        )),
        None => Ok(()),
    }
}

/// `GET GetStatusHistoryOrder?type=2&code=` → `data[{statusHistory[{statusCode, statusName,
/// createdDate, createHour}]}]`.
pub(crate) async fn track(http: &Http, waybill: &str) -> Result<Vec<TrackEvent>, CarrierError> {
    let path = "GetStatusHistoryOrder";
    let body = call(http, Method::GET, path, None, &[("type", "2"), ("code", waybill)]).await?;
    let mut events = Vec::new();
    for item in rows(&body, path)? {
        for row in item["statusHistory"].as_array().into_iter().flatten() {
            events.push(event(row, path)?);
        }
    }
    Ok(events)
}

fn event(row: &Value, path: &str) -> Result<TrackEvent, CarrierError> {
    let raw_status = required_text(row, "statusCode", path)?;
    let (at, _) = vnpost_time(row).map_err(|e| CarrierError::Malformed(format!("{path}: {e}")))?;
    Ok(TrackEvent {
        stage: stage_of(Carrier::Vnpost, &raw_status, false),
        raw_status,
        at,
        note: text(&row["statusName"]).unwrap_or_default(),
    })
}
