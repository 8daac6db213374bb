//! GHN (Giao Hàng Nhanh), carriers.md section 1: `Token` and `ShopId` headers, the
//! `{code, message, data}` envelope, 2-level addresses (`is_new_to_address`).

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use time::OffsetDateTime;

use crate::http::{Answer, Http, int, required_text, says_unserved, short, text};
use crate::notify::rfc3339;
use crate::{
    Booking, Carrier, CarrierError, Label, LiveQuote, ParcelRequest, Party, QuoteRequest, TrackEvent, stage_of,
};

/// `service_type_id` 2: light parcels under 20 kg in the current docs, hkt and the sandbox
/// ("Standard" in older docs; section 1, "Create").
const STANDARD_SERVICE: &str = "2";

/// Sends a JSON POST with the documented headers and opens the envelope: `data` when `code`
/// is 200, else the error the code and message say.
async fn post(http: &Http, path: &str, body: &Value) -> Result<Value, CarrierError> {
    let mut request = http.request(Method::POST, path).header("Token", &http.config.token).json(body);
    if let Some(shop_id) = &http.config.shop_id {
        request = request.header("ShopId", shop_id);
    }
    let answer = http.send(request).await?;
    open(&answer, path)
}

/// The `{code, message, data}` envelope (section 1, "Base + auth").
fn open(answer: &Answer, call: &str) -> Result<Value, CarrierError> {
    let envelope = answer.json(call);
    if answer.status == StatusCode::UNAUTHORIZED {
        let message = envelope.as_ref().ok().and_then(|e| text(&e["message"]));
        return Err(CarrierError::Unauthorized(message.unwrap_or_else(|| "HTTP 401".to_owned())));
    }
    let mut envelope = envelope?;
    let code = int(&envelope["code"])
        .ok_or_else(|| CarrierError::Malformed(format!("{call}: no code in {}", short(&envelope))))?;
    if code == 200 && answer.status.is_success() {
        return Ok(envelope["data"].take());
    }
    let message = text(&envelope["message"]).unwrap_or_else(|| format!("code {code}"));
    Err(if code == 401 {
        CarrierError::Unauthorized(message)
    } else if says_unserved(&message) {
        CarrierError::Unserved(message)
    } else {
        CarrierError::Rejected(message)
    })
}

/// The part of GHN's message after the last " - " (the part before is an internal code; hkt).
fn reason(message: &str) -> &str {
    message.rsplit_once(" - ").map_or(message, |(_, reason)| reason)
}

/// `Rejected`/`Unserved` messages shortened to GHN's reason.
fn with_reason(error: CarrierError) -> CarrierError {
    match error {
        CarrierError::Rejected(m) => CarrierError::Rejected(reason(&m).to_owned()),
        CarrierError::Unserved(m) => CarrierError::Unserved(reason(&m).to_owned()),
        other => other,
    }
}

/// The parcel part of the create body, shared with the quote (section 1, "Create": 2-level
/// names with `is_new_to_address:true`; the shop pays shipping, so `cod_amount` is all the
/// receiver pays; the receiver may look but not try, as the docs' example).
struct Parcel<'a> {
    from: &'a Party,
    to: &'a Party,
    weight_g: i64,
    length_cm: i64,
    width_cm: i64,
    height_cm: i64,
    cod_vnd: i64,
    value_vnd: i64,
    service: &'a str,
}

fn order_body(parcel: &Parcel<'_>) -> Value {
    let service_type_id: Value = parcel.service.parse::<i64>().map_or_else(|_| json!(parcel.service), |n| json!(n));
    json!({
        "payment_type_id": 1,
        "required_note": "CHOXEMHANGKHONGTHU",
        "from_name": parcel.from.name,
        "from_phone": parcel.from.phone,
        "from_address": parcel.from.street,
        "from_ward_name": parcel.from.ward_name,
        "from_province_name": parcel.from.province_name,
        "to_name": parcel.to.name,
        "to_phone": parcel.to.phone,
        "to_address": parcel.to.street,
        "is_new_to_address": true,
        "to_ward_name": parcel.to.ward_name,
        "to_province_name": parcel.to.province_name,
        "cod_amount": parcel.cod_vnd,
        "insurance_value": parcel.value_vnd,
        "weight": parcel.weight_g,
        "length": parcel.length_cm,
        "width": parcel.width_cm,
        "height": parcel.height_cm,
        "service_type_id": service_type_id,
    })
}

/// Quote with `v2/shipping-order/preview`, the create body that creates nothing (hkt's
/// choice; the 2-level form of `v2/shipping-order/fee` is in conflict): one quote, the standard
/// service, `total_fee` and `expected_delivery_time`. Preview states no COD fee, so it is 0.
pub(crate) async fn quote(http: &Http, req: &QuoteRequest) -> Result<Vec<LiveQuote>, CarrierError> {
    let mut body = order_body(&Parcel {
        from: &req.from,
        to: &req.to,
        weight_g: req.weight_g,
        length_cm: req.length_cm,
        width_cm: req.width_cm,
        height_cm: req.height_cm,
        cod_vnd: req.cod_vnd,
        value_vnd: req.value_vnd,
        service: STANDARD_SERVICE,
    });
    body["content"] = json!("Báo giá");
    let data = post(http, "v2/shipping-order/preview", &body).await.map_err(with_reason)?;
    let fee = int(&data["total_fee"]).ok_or_else(|| {
        CarrierError::Malformed(format!("v2/shipping-order/preview: no total_fee in {}", short(&data)))
    })?;
    let eta = text(&data["expected_delivery_time"]).and_then(|t| rfc3339(&t)).map(|at| {
        let days = days_until(at);
        (days, days)
    });
    Ok(vec![LiveQuote {
        service: STANDARD_SERVICE.to_owned(),
        service_name: "GHN hàng nhẹ".to_owned(),
        fee_vnd: fee,
        cod_fee_vnd: int(&data["fee"]["cod_fee"]).unwrap_or(0),
        eta_days: eta,
    }])
}

/// Whole days from now until `at`, rounded up, at least 0.
fn days_until(at: OffsetDateTime) -> i64 {
    let seconds = (at - OffsetDateTime::now_utc()).whole_seconds().max(0);
    (seconds + 86_399) / 86_400
}

/// `POST v2/shipping-order/create`. A repeated `client_order_code` answers with the order
/// already created (section 6), so a resend is an ordinary success.
pub(crate) async fn create(http: &Http, req: &ParcelRequest) -> Result<Booking, CarrierError> {
    let mut body = order_body(&Parcel {
        from: &req.from,
        to: &req.to,
        weight_g: req.weight_g,
        length_cm: req.length_cm,
        width_cm: req.width_cm,
        height_cm: req.height_cm,
        cod_vnd: req.cod_vnd,
        value_vnd: req.value_vnd,
        service: req.service.as_deref().unwrap_or(STANDARD_SERVICE),
    });
    body["client_order_code"] = json!(req.client_code);
    body["content"] = json!(req.content);
    let data = post(http, "v2/shipping-order/create", &body).await.map_err(with_reason)?;
    booking(&data, "v2/shipping-order/create")
}

/// A booking from `data` of create or detail: `order_code`, `total_fee`,
/// `expected_delivery_time`.
fn booking(data: &Value, call: &str) -> Result<Booking, CarrierError> {
    Ok(Booking {
        waybill: required_text(data, "order_code", call)?,
        fee_vnd: int(&data["total_fee"]),
        expected_delivery: text(&data["expected_delivery_time"]).and_then(|t| rfc3339(&t)),
    })
}

/// `POST v2/shipping-order/detail-by-client-code` (section 6). GHN answers an unknown code
/// with an error envelope; one whose message says "not found" (or empty `data`) is `None`.
pub(crate) async fn find_by_client_code(http: &Http, client_code: &str) -> Result<Option<Booking>, CarrierError> {
    let call = "v2/shipping-order/detail-by-client-code";
    match post(http, call, &json!({ "client_order_code": client_code })).await {
        Ok(data) if data.is_null() || text(&data["order_code"]).is_none() => Ok(None),
        Ok(data) => booking(&data, call).map(Some),
        Err(CarrierError::Rejected(message)) if says_not_found(&message) => Ok(None),
        Err(error) => Err(with_reason(error)),
    }
}

fn says_not_found(message: &str) -> bool {
    let message = message.to_lowercase();
    ["not found", "không tìm thấy", "không tồn tại"].iter().any(|words| message.contains(words))
}

/// `POST v2/switch-status/cancel {order_codes}` → `data[{order_code, result, message}]`;
/// `result:false` once past pickup (section 1).
pub(crate) async fn cancel(http: &Http, waybill: &str) -> Result<(), CarrierError> {
    let call = "v2/switch-status/cancel";
    let data = post(http, call, &json!({ "order_codes": [waybill] })).await.map_err(with_reason)?;
    let rows = data
        .as_array()
        .ok_or_else(|| CarrierError::Malformed(format!("{call}: data is not a list: {}", short(&data))))?;
    let row = rows
        .iter()
        .find(|row| text(&row["order_code"]).as_deref() == Some(waybill))
        .or(rows.first())
        .ok_or_else(|| CarrierError::Malformed(format!("{call}: no result for {waybill}")))?;
    match row["result"].as_bool() {
        Some(true) => Ok(()),
        Some(false) => {
            Err(CarrierError::NotCancellable(text(&row["message"]).unwrap_or_else(|| "result false".to_owned())))
        }
        None => Err(CarrierError::Malformed(format!("{call}: no result in {}", short(row)))),
    }
}

/// `POST v2/a5/gen-token {order_codes}` → `data.token`, then the A5 print page on the same
/// host: `…/shiip/public-api` becomes `…/a5/public-api/printA5?token=` (section 1).
pub(crate) async fn label(http: &Http, waybill: &str) -> Result<Label, CarrierError> {
    let call = "v2/a5/gen-token";
    let data = post(http, call, &json!({ "order_codes": [waybill] })).await.map_err(with_reason)?;
    let token = required_text(&data, "token", call)?;
    let base = http.config.base_url.trim_end_matches('/');
    let host = base.strip_suffix("/shiip/public-api").unwrap_or(base);
    Ok(Label::Url(format!("{host}/a5/public-api/printA5?{}", crate::query(&[("token", &token)]))))
}

/// `POST v2/shipping-order/detail {order_code}` → `log[{status, updated_date}]`; an order
/// with no log yet gives its current `status` at `updated_date`.
pub(crate) async fn track(http: &Http, waybill: &str) -> Result<Vec<TrackEvent>, CarrierError> {
    let call = "v2/shipping-order/detail";
    let data = post(http, call, &json!({ "order_code": waybill })).await.map_err(with_reason)?;
    let log = data["log"].as_array().filter(|log| !log.is_empty());
    let rows: Vec<&Value> = log.map_or_else(|| vec![&data], |log| log.iter().collect());
    rows.into_iter().map(|row| event(row, call)).collect()
}

fn event(row: &Value, call: &str) -> Result<TrackEvent, CarrierError> {
    let raw_status = required_text(row, "status", call)?;
    let when = required_text(row, "updated_date", call)?;
    let at = rfc3339(&when).ok_or_else(|| CarrierError::Malformed(format!("{call}: bad updated_date {when:?}")))?;
    Ok(TrackEvent { stage: stage_of(Carrier::Ghn, &raw_status, false), raw_status, at, note: String::new() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_is_after_the_last_dash() {
        assert_eq!(reason("ERR_CODE - Số điện thoại không hợp lệ"), "Số điện thoại không hợp lệ");
        assert_eq!(reason("a - b - c"), "c");
        assert_eq!(reason("plain"), "plain");
    }
}
