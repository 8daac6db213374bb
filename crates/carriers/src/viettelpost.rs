//! Viettel Post, carriers.md section 3: the long-lived token in the `Token` header, the
//! `{status, error, message, data}` envelope whose rejections come as HTTP 200 + `error:true`,
//! and text addresses (`…Nlp` calls) since the 2025 merger.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use time::macros::format_description;
use time::{Duration, OffsetDateTime};

use crate::http::{Answer, Http, flag, int, required_text, says_unserved, short, text};
use crate::notify::{VIETNAM, vietnam_time};
use crate::{Booking, Carrier, CarrierError, Label, LiveQuote, ParcelRequest, QuoteRequest, TrackEvent, stage_of};

/// `ORDER_SERVICE` when no service is asked for.
const STANDARD_SERVICE: &str = "VCBO";

/// How far back [`find_by_client_code`] searches `order/order-filter`.
const LOOKBACK_DAYS: i64 = 30;

/// Sends with the `Token` header and opens the envelope.
async fn call(
    http: &Http,
    method: Method,
    path: &str,
    body: Option<&Value>,
    query: &[(&str, &str)],
) -> Result<Value, CarrierError> {
    let mut request = http.request(method, path).header("Token", &http.config.token).query(query);
    if let Some(body) = body {
        request = request.json(body);
    }
    let answer = http.send(request).await?;
    open(&answer, path)
}

/// The envelope (section 3, "Base + auth"): `error:true` is a rejection whatever the HTTP
/// status; `status` 202 or 401 means the token (hkt refreshes it then). A bare array (as
/// `getPriceAll` answers) is the data itself.
fn open(answer: &Answer, call: &str) -> Result<Value, CarrierError> {
    let body = answer.json(call);
    if answer.status == StatusCode::UNAUTHORIZED {
        let message = body.as_ref().ok().and_then(|b| text(&b["message"]));
        return Err(CarrierError::Unauthorized(message.unwrap_or_else(|| "HTTP 401".to_owned())));
    }
    let mut body = body?;
    if body.is_array() {
        return Ok(body);
    }
    let status = int(&body["status"]);
    let message = text(&body["message"]).unwrap_or_else(|| format!("status {}", status.unwrap_or_default()));
    if body["error"].as_bool() == Some(true) || !answer.status.is_success() {
        return Err(match status {
            Some(202 | 401) => CarrierError::Unauthorized(message),
            _ if says_unserved(&message) => CarrierError::Unserved(message),
            _ => CarrierError::Rejected(message),
        });
    }
    Ok(match body.get_mut("data") {
        Some(data) => data.take(),
        None => body,
    })
}

/// `POST order/getPriceAllNlp` with text addresses → one quote per `RESULT` entry
/// (`MA_DV_CHINH`, `TEN_DICHVU`, `GIA_CUOC`, `THOI_GIAN`). The answer states no COD fee per
/// service, so 0.
pub(crate) async fn quote(http: &Http, req: &QuoteRequest) -> Result<Vec<LiveQuote>, CarrierError> {
    let path = "order/getPriceAllNlp";
    let body = json!({
        "SENDER_ADDRESS": req.from.full_address(),
        "RECEIVER_ADDRESS": req.to.full_address(),
        "PRODUCT_TYPE": "HH",
        "PRODUCT_WEIGHT": req.weight_g,
        "PRODUCT_PRICE": req.value_vnd,
        "MONEY_COLLECTION": req.cod_vnd,
        "PRODUCT_LENGTH": req.length_cm,
        "PRODUCT_WIDTH": req.width_cm,
        "PRODUCT_HEIGHT": req.height_cm,
        "TYPE": 1,
    });
    let data = call(http, Method::POST, path, Some(&body), &[]).await?;
    let rows = data
        .as_array()
        .or_else(|| data["RESULT"].as_array())
        .ok_or_else(|| CarrierError::Malformed(format!("{path}: no RESULT in {}", short(&data))))?;
    rows.iter().map(|row| quote_row(row, path)).collect()
}

fn quote_row(row: &Value, path: &str) -> Result<LiveQuote, CarrierError> {
    let service = required_text(row, "MA_DV_CHINH", path)?;
    let fee = int(&row["GIA_CUOC"])
        .ok_or_else(|| CarrierError::Malformed(format!("{path}: no GIA_CUOC in {}", short(row))))?;
    Ok(LiveQuote {
        service_name: text(&row["TEN_DICHVU"]).unwrap_or_else(|| service.clone()),
        service,
        fee_vnd: fee,
        cod_fee_vnd: 0,
        eta_days: text(&row["THOI_GIAN"]).and_then(|t| eta_days(&t)),
    })
}

/// `THOI_GIAN` as days, rounded up: "24 giờ" → (1, 1), "36 giờ" → (2, 2), "2-3 ngày" → (2, 3).
/// Text without a number and a unit (giờ/h, ngày/day) is `None`.
fn eta_days(text: &str) -> Option<(i64, i64)> {
    let lower = text.to_lowercase();
    let per_day = if lower.contains("ngày") || lower.contains("day") {
        1
    } else if lower.contains("giờ") || lower.contains('h') {
        24
    } else {
        return None;
    };
    let numbers: Vec<i64> =
        lower.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect();
    let days = |n: i64| (n + per_day - 1) / per_day;
    match numbers.as_slice() {
        [one] => Some((days(*one), days(*one))),
        [low, high, ..] => Some((days(*low), days(*high))),
        [] => None,
    }
}

/// The `createOrderNlp` body (section 3, "Create"; hkt `vtpCreateBody`): `ORDER_NUMBER` is our
/// reference with `CHECK_UNIQUE:true`; `ORDER_PAYMENT` 3 (collect the goods money only, the
/// shop pays shipping) when there is COD, else 1. `GROUPADDRESS_ID` is `Config.shop_id` when
/// set.
fn order_body(http: &Http, req: &ParcelRequest) -> Value {
    let mut body = json!({
        "ORDER_NUMBER": req.client_code,
        "CHECK_UNIQUE": true,
        "SENDER_FULLNAME": req.from.name,
        "SENDER_PHONE": req.from.phone,
        "SENDER_ADDRESS": req.from.full_address(),
        "RECEIVER_FULLNAME": req.to.name,
        "RECEIVER_PHONE": req.to.phone,
        "RECEIVER_ADDRESS": req.to.full_address(),
        "PRODUCT_NAME": req.content,
        "PRODUCT_QUANTITY": 1,
        "PRODUCT_PRICE": req.value_vnd,
        "PRODUCT_WEIGHT": req.weight_g,
        "PRODUCT_LENGTH": req.length_cm,
        "PRODUCT_WIDTH": req.width_cm,
        "PRODUCT_HEIGHT": req.height_cm,
        "PRODUCT_TYPE": "HH",
        "ORDER_PAYMENT": if req.cod_vnd > 0 { 3 } else { 1 },
        "ORDER_SERVICE": req.service.as_deref().unwrap_or(STANDARD_SERVICE),
        "ORDER_SERVICE_ADD": "",
        "ORDER_NOTE": "",
        "MONEY_COLLECTION": req.cod_vnd,
        "PRODUCT_DETAIL": [{
            "PRODUCT_NAME": req.content,
            "PRODUCT_PRICE": req.value_vnd,
            "PRODUCT_WEIGHT": req.weight_g,
            "PRODUCT_QUANTITY": 1,
        }],
    });
    if let Some(group) = &http.config.shop_id {
        body["GROUPADDRESS_ID"] = group.parse::<i64>().map_or_else(|_| json!(group), |n| json!(n));
    }
    body
}

/// `POST order/createOrderNlp` → `data.ORDER_NUMBER` (the VTP waybill), `MONEY_TOTAL`,
/// `KPI_HT` (hours, so the expected delivery is now + KPI_HT). `CHECK_UNIQUE` rejects a repeat
/// without the earlier waybill (section 6), so any rejection is looked up with
/// [`find_by_client_code`]; the rejection stands when nothing is found.
pub(crate) async fn create(http: &Http, req: &ParcelRequest) -> Result<Booking, CarrierError> {
    let path = "order/createOrderNlp";
    match call(http, Method::POST, path, Some(&order_body(http, req)), &[]).await {
        Ok(data) => {
            let data = if data.is_array() { data[0].clone() } else { data };
            let hours = int(&data["KPI_HT"]).filter(|h| *h > 0);
            Ok(Booking {
                waybill: required_text(&data, "ORDER_NUMBER", path)?,
                fee_vnd: int(&data["MONEY_TOTAL"]),
                expected_delivery: hours.map(|h| OffsetDateTime::now_utc().to_offset(VIETNAM) + Duration::hours(h)),
            })
        }
        Err(CarrierError::Rejected(message)) => match find_by_client_code(http, &req.client_code).await {
            Ok(Some(booking)) => Ok(booking),
            _ => Err(CarrierError::Rejected(message)),
        },
        Err(error) => Err(error),
    }
}

/// `POST order/order-filter?page=1` over the last 30 days with our reference as `filter`
/// (known from hkt only, not in VTP's doc copy: best effort), keeping the order whose
/// `ORDER_REFERENCE` is our reference.
pub(crate) async fn find_by_client_code(http: &Http, client_code: &str) -> Result<Option<Booking>, CarrierError> {
    let path = "order/order-filter";
    let today = OffsetDateTime::now_utc().to_offset(VIETNAM);
    let body = json!({
        "filter": client_code,
        "from_date": day(today - Duration::days(LOOKBACK_DAYS)),
        "to_date": day(today),
        "list_inventory": [],
        "list_status": [],
    });
    let data = call(http, Method::POST, path, Some(&body), &[("page", "1")]).await?;
    let empty = Vec::new();
    let list = data.as_array().or_else(|| data["LIST_ORDER"].as_array()).unwrap_or(&empty);
    let Some(order) = list.iter().find(|o| text(&o["ORDER_REFERENCE"]).as_deref() == Some(client_code)) else {
        return Ok(None);
    };
    Ok(Some(Booking {
        waybill: required_text(order, "ORDER_NUMBER", path)?,
        fee_vnd: int(&order["MONEY_TOTAL"]),
        expected_delivery: None,
    }))
}

/// `dd/MM/yyyy` in Vietnam time.
fn day(at: OffsetDateTime) -> String {
    at.format(format_description!("[day]/[month]/[year]")).unwrap_or_default()
}

/// `POST order/UpdateOrder {TYPE:4}`: cancel, allowed only while the status is below 200
/// (section 3), so a refusal is `NotCancellable` with VTP's message.
pub(crate) async fn cancel(http: &Http, waybill: &str) -> Result<(), CarrierError> {
    let today = day(OffsetDateTime::now_utc().to_offset(VIETNAM));
    let body = json!({ "TYPE": 4, "ORDER_NUMBER": waybill, "NOTE": "Hủy đơn", "DATE": today });
    match call(http, Method::POST, "order/UpdateOrder", Some(&body), &[]).await {
        Ok(_) => Ok(()),
        Err(CarrierError::Rejected(message) | CarrierError::Unserved(message)) => {
            Err(CarrierError::NotCancellable(message))
        }
        Err(error) => Err(error),
    }
}

/// `POST order/printing-code {EXPIRY_TIME, ORDER_ARRAY}` → a code in `message`, opened on
/// VTP's digitalize host with `type=1` (the values for A5/A6/80×80 are unconfirmed). The code
/// expires a day later.
pub(crate) async fn label(http: &Http, waybill: &str) -> Result<Label, CarrierError> {
    let path = "order/printing-code";
    let expiry = (OffsetDateTime::now_utc() + Duration::days(1)).unix_timestamp() * 1000;
    let body = json!({ "EXPIRY_TIME": expiry, "ORDER_ARRAY": [waybill] });
    let request = http.request(Method::POST, path).header("Token", &http.config.token).json(&body);
    let answer = http.send(request).await?;
    open(&answer, path)?;
    let code = required_text(&answer.json(path)?, "message", path)?;
    Ok(Label::Url(format!(
        "https://digitalize.viettelpost.vn/DigitalizePrint/report.do?{}",
        crate::query(&[("type", "1"), ("bill", &code), ("showPostage", "1")])
    )))
}

/// `GET order/getOrderDetailV3?OrderNumber=` (hkt; best effort): the journey list when the
/// answer has one (`LIST_TRACK`, `ORDER_TRACKING`, `TRACKING`, `JOURNEY`, `HISTORY`), else the
/// current `ORDER_STATUS` at `ORDER_STATUSDATE`.
pub(crate) async fn track(http: &Http, waybill: &str) -> Result<Vec<TrackEvent>, CarrierError> {
    let path = "order/getOrderDetailV3";
    let data = call(http, Method::GET, path, None, &[("OrderNumber", waybill)]).await?;
    let order = if data.is_array() { &data[0] } else { &data };
    let returning = flag(&order["IS_RETURNING"]);
    let journey = ["LIST_TRACK", "ORDER_TRACKING", "TRACKING", "JOURNEY", "HISTORY"]
        .iter()
        .find_map(|key| order[*key].as_array().filter(|rows| !rows.is_empty()));
    match journey {
        Some(rows) => rows.iter().map(|row| event(row, returning, path)).collect(),
        None => Ok(vec![event(order, returning, path)?]),
    }
}

fn event(row: &Value, returning: bool, path: &str) -> Result<TrackEvent, CarrierError> {
    let raw_status = text(&row["ORDER_STATUS"])
        .or_else(|| text(&row["STATUS"]))
        .ok_or_else(|| CarrierError::Malformed(format!("{path}: no ORDER_STATUS in {}", short(row))))?;
    let when = text(&row["ORDER_STATUSDATE"])
        .or_else(|| text(&row["STATUS_DATE"]))
        .ok_or_else(|| CarrierError::Malformed(format!("{path}: no ORDER_STATUSDATE in {}", short(row))))?;
    let at =
        vietnam_time(&when).ok_or_else(|| CarrierError::Malformed(format!("{path}: bad ORDER_STATUSDATE {when:?}")))?;
    let returning = if row["IS_RETURNING"].is_null() { returning } else { flag(&row["IS_RETURNING"]) };
    let note = [text(&row["STATUS_NAME"]), text(&row["NOTE"])].into_iter().flatten().collect::<Vec<_>>().join(" – ");
    Ok(TrackEvent { stage: stage_of(Carrier::Viettelpost, &raw_status, returning), raw_status, at, note })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eta_from_thoi_gian() {
        assert_eq!(eta_days("24 giờ"), Some((1, 1)));
        assert_eq!(eta_days("36 giờ"), Some((2, 2)));
        assert_eq!(eta_days("48h"), Some((2, 2)));
        assert_eq!(eta_days("2-3 ngày"), Some((2, 3)));
        assert_eq!(eta_days("Giao trong ngày"), None);
        assert_eq!(eta_days("24"), None);
        assert_eq!(eta_days(""), None);
    }
}
