//! Carriers' status notifications (webhooks) parsed into one [`Notification`], with the dedupe
//! key of section 6, and the carriers' time formats.
//!
//! Checking the secret in the callback URL (GHN, GHTK) or Viettel Post's `TOKEN` is the app's
//! job: this module only reads bodies ([`viettelpost_token`] hands the token over).

use std::collections::HashMap;

use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::macros::{format_description, offset};
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use crate::http::{flag, int, text};
use crate::{Carrier, Stage, stage_of};

/// Vietnam time, which carriers use when they send a local time without an offset.
pub(crate) const VIETNAM: UtcOffset = offset!(+7);

/// One status notification from a carrier's webhook, parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notification {
    pub carrier: Carrier,
    /// GHN `OrderCode`, GHTK `label_id`, Viettel Post `ORDER_NUMBER`, VNPost `itemCode`.
    pub waybill: String,
    /// Our reference: GHN `ClientOrderCode`, GHTK `partner_id`, Viettel Post `ORDER_REFERENCE`.
    pub client_code: Option<String>,
    /// The status as sent ("delivering", "5", "501").
    pub raw_status: String,
    pub stage: Stage,
    /// The carrier's time of the event.
    pub at: OffsetDateTime,
    /// Failure reason, description or status name; "" if none.
    pub reason: String,
    /// The amount to collect, as sent (GHN `CODAmount`, GHTK `pick_money`, Viettel Post
    /// `MONEY_COLLECTION`): planned, not collected (section 5).
    pub cod_vnd: Option<i64>,
    /// Section 6's dedupe key, `<carrier>:<waybill>:<status or type>:<time as sent>`.
    pub dedupe_key: String,
}

/// What was wrong with a notification body, in English.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ParseError(pub String);

fn fail<T>(message: impl Into<String>) -> Result<T, ParseError> {
    Err(ParseError(message.into()))
}

/// Parse a webhook body.
///
/// - GHN (section 1, "Webhook"): JSON, PascalCase. Every `Type` parses, the stage coming from
///   `Status`; the dedupe key is `OrderCode`+`Type`+`Time`.
/// - GHTK (section 2): form-urlencoded by default, JSON when `content_type` says so. The raw
///   `+` in `action_time` stays a `+`.
/// - Viettel Post (section 3): JSON `{"DATA":{…},"TOKEN":…}`; `ORDER_STATUSDATE` is
///   `dd/MM/yyyy HH:mm:ss` in Vietnam time.
/// - VNPost (section 4) documents no webhook. Accepted: one JSON row in the shape of its
///   status history, `{"itemCode","statusCode","createdDate":"dd/MM/yyyy",
///   "createHour":"HH:mm:ss"|"HH:mm","statusName"?,"saleOrderCode"?}`, so whatever relays
///   VNPost's history (a poller, a future webhook) can feed the same path.
pub fn parse_notification(carrier: Carrier, content_type: &str, body: &[u8]) -> Result<Notification, ParseError> {
    match carrier {
        Carrier::Ghn => ghn(&json_object(body)?),
        Carrier::Ghtk if is_json(content_type, body) => ghtk(&json_fields(&json_object(body)?)),
        Carrier::Ghtk => ghtk(&form_fields(body)?),
        Carrier::Viettelpost => viettelpost(&json_object(body)?),
        Carrier::Vnpost => vnpost(&json_object(body)?),
    }
}

/// Viettel Post's `TOKEN`, which must equal the secret agreed with VTP (section 3, "Auth"),
/// or `None` when the body has none.
pub fn viettelpost_token(body: &[u8]) -> Option<String> {
    let value: Value = serde_json::from_slice(body).ok()?;
    text(&value["TOKEN"])
}

fn is_json(content_type: &str, body: &[u8]) -> bool {
    content_type.to_ascii_lowercase().contains("json")
        || (content_type.trim().is_empty() && body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'))
}

fn json_object(body: &[u8]) -> Result<Value, ParseError> {
    let value: Value = serde_json::from_slice(body).map_err(|e| ParseError(format!("body is not JSON: {e}")))?;
    if !value.is_object() {
        return fail("body is JSON but not an object");
    }
    Ok(value)
}

/// `object[key]` as text, or a `ParseError` naming the missing field.
fn required(object: &Value, key: &str) -> Result<String, ParseError> {
    text(&object[key]).ok_or_else(|| ParseError(format!("missing field {key}")))
}

/// `object[key]` as a whole number when present; a `ParseError` when present but not a number.
fn optional_int(object: &Value, key: &str) -> Result<Option<i64>, ParseError> {
    match &object[key] {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        value => int(value).map(Some).ok_or_else(|| ParseError(format!("field {key} is not a number: {value}"))),
    }
}

/// GHN: `OrderCode`, `Type`, `Time` (ISO 8601) required; `Status` may be absent on
/// non-status types (then `Unknown`).
fn ghn(body: &Value) -> Result<Notification, ParseError> {
    let waybill = required(body, "OrderCode")?;
    let kind = required(body, "Type")?;
    let time = required(body, "Time")?;
    let raw_status = text(&body["Status"]).unwrap_or_default();
    let reason = text(&body["Reason"]).or_else(|| text(&body["Description"])).unwrap_or_default();
    Ok(Notification {
        carrier: Carrier::Ghn,
        stage: stage_of(Carrier::Ghn, &raw_status, false),
        at: rfc3339(&time).ok_or_else(|| ParseError(format!("bad time Time {time:?}: expected ISO 8601")))?,
        client_code: text(&body["ClientOrderCode"]),
        reason,
        cod_vnd: optional_int(body, "CODAmount")?,
        dedupe_key: format!("ghn:{waybill}:{kind}:{time}"),
        waybill,
        raw_status,
    })
}

/// GHTK's fields as text, from either body shape.
type Fields = HashMap<String, String>;

fn ghtk(fields: &Fields) -> Result<Notification, ParseError> {
    let get = |key: &str| fields.get(key).map(|v| v.trim()).filter(|v| !v.is_empty());
    let need = |key: &str| get(key).map(str::to_owned).ok_or_else(|| ParseError(format!("missing field {key}")));
    let waybill = need("label_id")?;
    let raw_status = need("status_id")?;
    let time = need("action_time")?;
    let at = rfc3339(&time)
        .or_else(|| vietnam_time(&time))
        .ok_or_else(|| ParseError(format!("bad time action_time {time:?}: expected ISO 8601 with an offset")))?;
    let cod_vnd = match get("pick_money") {
        None => None,
        Some(v) => Some(
            int(&Value::String(v.to_owned()))
                .ok_or_else(|| ParseError(format!("field pick_money is not a number: {v:?}")))?,
        ),
    };
    Ok(Notification {
        carrier: Carrier::Ghtk,
        stage: stage_of(Carrier::Ghtk, &raw_status, false),
        at,
        client_code: get("partner_id").map(str::to_owned),
        reason: get("reason").unwrap_or_default().to_owned(),
        cod_vnd,
        dedupe_key: format!("ghtk:{waybill}:{raw_status}:{time}"),
        waybill,
        raw_status,
    })
}

/// A JSON object's scalar fields as text (GHTK's JSON variant).
fn json_fields(body: &Value) -> Fields {
    let Some(object) = body.as_object() else { return Fields::new() };
    object.iter().filter_map(|(key, value)| Some((key.clone(), text(value)?))).collect()
}

/// A form body parsed by hand, because GHTK sends `action_time` with a raw `+` (section 2,
/// "Webhook"): in that field `+` is kept; elsewhere it is a space, as form encoding says.
fn form_fields(body: &[u8]) -> Result<Fields, ParseError> {
    let body = std::str::from_utf8(body).map_err(|_| ParseError("form body is not UTF-8".to_owned()))?;
    let mut fields = Fields::new();
    for pair in body.trim().split('&').filter(|pair| !pair.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(key, true)?;
        let value = percent_decode(value, key != "action_time")?;
        fields.insert(key, value);
    }
    if fields.is_empty() {
        return fail("empty form body");
    }
    Ok(fields)
}

/// Percent-decoding of one form component; `plus_is_space` as form encoding wants.
fn percent_decode(s: &str, plus_is_space: bool) -> Result<String, ParseError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                let byte = hex.and_then(|h| u8::from_str_radix(h, 16).ok());
                let byte = byte.ok_or_else(|| ParseError(format!("bad percent escape in form field {s:?}")))?;
                out.push(byte);
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| ParseError(format!("form field {s:?} is not UTF-8 once decoded")))
}

/// Viettel Post: `DATA.ORDER_NUMBER`, `ORDER_STATUS`, `ORDER_STATUSDATE` required;
/// `IS_RETURNING` turns 501 into `Returned`. The reason is `STATUS_NAME`, with `NOTE` after it
/// when there is one.
fn viettelpost(body: &Value) -> Result<Notification, ParseError> {
    let data = &body["DATA"];
    if !data.is_object() {
        return fail("missing field DATA");
    }
    let waybill = required(data, "ORDER_NUMBER")?;
    let raw_status = required(data, "ORDER_STATUS")?;
    let time = required(data, "ORDER_STATUSDATE")?;
    let is_returning = flag(&data["IS_RETURNING"]);
    let at = vietnam_time(&time)
        .ok_or_else(|| ParseError(format!("bad time ORDER_STATUSDATE {time:?}: expected dd/MM/yyyy HH:mm:ss")))?;
    let reason =
        [text(&data["STATUS_NAME"]), text(&data["NOTE"])].into_iter().flatten().collect::<Vec<_>>().join(" – ");
    Ok(Notification {
        carrier: Carrier::Viettelpost,
        stage: stage_of(Carrier::Viettelpost, &raw_status, is_returning),
        at,
        client_code: text(&data["ORDER_REFERENCE"]),
        reason,
        cod_vnd: optional_int(data, "MONEY_COLLECTION")?,
        dedupe_key: format!("viettelpost:{waybill}:{raw_status}:{time}"),
        waybill,
        raw_status,
    })
}

/// VNPost (undocumented webhook; see [`parse_notification`]): the dedupe key is
/// `itemCode`+`statusCode`+`createdDate createHour` (section 6, "use itemCode+statusCode+time").
fn vnpost(body: &Value) -> Result<Notification, ParseError> {
    let waybill = required(body, "itemCode")?;
    let raw_status = required(body, "statusCode")?;
    let (at, time) = vnpost_time(body)?;
    Ok(Notification {
        carrier: Carrier::Vnpost,
        stage: stage_of(Carrier::Vnpost, &raw_status, false),
        at,
        client_code: text(&body["saleOrderCode"]),
        reason: text(&body["statusName"]).unwrap_or_default(),
        cod_vnd: None,
        dedupe_key: format!("vnpost:{waybill}:{raw_status}:{time}"),
        waybill,
        raw_status,
    })
}

/// VNPost's `createdDate` (`dd/MM/yyyy`) and `createHour` (`HH:mm:ss` or `HH:mm`), Vietnam
/// time, with the text they were read from.
pub(crate) fn vnpost_time(row: &Value) -> Result<(OffsetDateTime, String), ParseError> {
    let date = required(row, "createdDate")?;
    let hour = required(row, "createHour")?;
    let joined = format!("{date} {hour}");
    let at = vietnam_time(&joined).ok_or_else(|| {
        ParseError(format!("bad time createdDate/createHour {joined:?}: expected dd/MM/yyyy HH:mm[:ss]"))
    })?;
    Ok((at, joined))
}

/// ISO 8601 / RFC 3339 with an offset ("2021-11-11T03:52:50.158Z", "2016-11-02T12:18:39+07:00").
pub(crate) fn rfc3339(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s.trim(), &Rfc3339).ok()
}

/// A local Vietnam time in the formats carriers use: `dd/MM/yyyy HH:mm:ss`, `dd/MM/yyyy
/// HH:mm` (Viettel Post, VNPost) or `yyyy-MM-dd HH:mm:ss` (GHTK's status answer).
pub(crate) fn vietnam_time(s: &str) -> Option<OffsetDateTime> {
    let (date, clock) = s.trim().split_once(' ')?;
    let date = Date::parse(date, format_description!("[day padding:none]/[month padding:none]/[year]"))
        .or_else(|_| Date::parse(date, format_description!("[year]-[month]-[day]")))
        .ok()?;
    let clock = clock.trim();
    let clock = Time::parse(clock, format_description!("[hour padding:none]:[minute]:[second]"))
        .or_else(|_| Time::parse(clock, format_description!("[hour padding:none]:[minute]")))
        .ok()?;
    Some(PrimitiveDateTime::new(date, clock).assume_offset(VIETNAM))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    /// The GHN example of carriers.md section 1, "Webhook".
    const GHN_EXAMPLE: &str = r#"{"OrderCode":"Z82BS","ClientOrderCode":"DS-123-1","Type":"switch_status","Status":"delivering",
 "Time":"2021-11-11T03:52:50.158Z","Reason":"","ReasonCode":"","Description":"…","ShopID":81558,
 "CODAmount":3000000,"CODTransferDate":null,"PaymentType":1,"TotalFee":71400,"Weight":10,"ConvertedWeight":200,
 "IsPartialReturn":false,"Warehouse":"Bưu Cục …","Fee":{"MainService":53900,"Insurance":17500,"CODFee":0,
 "PickRemoteAreasFee":0,"DeliverRemoteAreasFee":0,"Return":0,"R2S":0,"Total":0}}"#;

    /// The GHTK example of section 2, "Webhook", with its raw `+`.
    const GHTK_EXAMPLE: &str = "label_id=S1.A1.17373471&partner_id=1234567&status_id=5&action_time=2016-11-02T12:18:39+07:00&reason_code=&reason=&weight=2.4&fee=15000&pick_money=100000&return_part_package=0";

    /// The Viettel Post example of section 3, "Webhook".
    const VTP_EXAMPLE: &str = r#"{"DATA":{"ORDER_NUMBER":"1234567890","ORDER_REFERENCE":"DS-123-1","ORDER_STATUSDATE":"13/12/2018 17:34:05",
 "ORDER_STATUS":501,"STATUS_NAME":"Phát thành công","LOCALION_CURRENTLY":"…","NOTE":"","MONEY_COLLECTION":250000,
 "MONEY_FEECOD":0,"MONEY_TOTAL":30000,"EXPECTED_DELIVERY":"…","PRODUCT_WEIGHT":500,"ORDER_SERVICE":"VCBO",
 "IS_RETURNING":false,"MONEY_COLLECTION_ORIGIN":null,"REASON_CODE":null},"TOKEN":"<secret agreed with VTP>"}"#;

    fn error(carrier: Carrier, content_type: &str, body: &str) -> String {
        match parse_notification(carrier, content_type, body.as_bytes()) {
            Ok(n) => panic!("expected an error, parsed {n:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn ghn_example() {
        let n = parse_notification(Carrier::Ghn, "application/json", GHN_EXAMPLE.as_bytes()).unwrap();
        assert_eq!(
            n,
            Notification {
                carrier: Carrier::Ghn,
                waybill: "Z82BS".to_owned(),
                client_code: Some("DS-123-1".to_owned()),
                raw_status: "delivering".to_owned(),
                stage: Stage::OutForDelivery,
                at: datetime!(2021-11-11 03:52:50.158 UTC),
                reason: "…".to_owned(),
                cod_vnd: Some(3_000_000),
                dedupe_key: "ghn:Z82BS:switch_status:2021-11-11T03:52:50.158Z".to_owned(),
            }
        );
    }

    #[test]
    fn ghn_other_types_parse_with_the_stage_from_status() {
        let body = GHN_EXAMPLE.replace("switch_status", "update_cod").replace("delivering", "picked");
        let n = parse_notification(Carrier::Ghn, "application/json", body.as_bytes()).unwrap();
        assert_eq!(n.stage, Stage::PickedUp);
        assert_eq!(n.dedupe_key, "ghn:Z82BS:update_cod:2021-11-11T03:52:50.158Z");
    }

    #[test]
    fn ghn_malformed() {
        assert_eq!(
            error(Carrier::Ghn, "application/json", r#"{"Type":"create","Time":"2021-11-11T03:52:50Z"}"#),
            "missing field OrderCode"
        );
        assert_eq!(
            error(Carrier::Ghn, "application/json", r#"{"OrderCode":"Z","Type":"create","Time":"11/11/2021"}"#),
            "bad time Time \"11/11/2021\": expected ISO 8601"
        );
        assert!(error(Carrier::Ghn, "application/json", "OrderCode=Z").starts_with("body is not JSON"));
        assert_eq!(error(Carrier::Ghn, "application/json", "[1]"), "body is JSON but not an object");
    }

    #[test]
    fn ghtk_form_example_keeps_the_raw_plus() {
        let n =
            parse_notification(Carrier::Ghtk, "application/x-www-form-urlencoded", GHTK_EXAMPLE.as_bytes()).unwrap();
        assert_eq!(
            n,
            Notification {
                carrier: Carrier::Ghtk,
                waybill: "S1.A1.17373471".to_owned(),
                client_code: Some("1234567".to_owned()),
                raw_status: "5".to_owned(),
                stage: Stage::Delivered,
                at: datetime!(2016-11-02 12:18:39 +7),
                reason: String::new(),
                cod_vnd: Some(100_000),
                dedupe_key: "ghtk:S1.A1.17373471:5:2016-11-02T12:18:39+07:00".to_owned(),
            }
        );
    }

    #[test]
    fn ghtk_form_decodes_escapes_and_pluses_elsewhere() {
        let body = "label_id=S1&status_id=9&action_time=2016-11-02T12%3A18%3A39%2B07%3A00&reason=Kh%C3%A1ch+h%E1%BA%B9n+l%E1%BA%A1i";
        let n = parse_notification(Carrier::Ghtk, "", body.as_bytes()).unwrap();
        assert_eq!(n.at, datetime!(2016-11-02 12:18:39 +7));
        assert_eq!(n.reason, "Khách hẹn lại");
        assert_eq!(n.stage, Stage::DeliveryFailed);
        assert_eq!(n.client_code, None);
        assert_eq!(n.cod_vnd, None);
    }

    #[test]
    fn ghtk_json_is_accepted_too() {
        let body = r#"{"label_id":"S1.A1.17373471","partner_id":"1234567","status_id":5,"action_time":"2016-11-02T12:18:39+07:00","reason":"","weight":2.4,"pick_money":100000}"#;
        let json = parse_notification(Carrier::Ghtk, "application/json; charset=utf-8", body.as_bytes()).unwrap();
        let form =
            parse_notification(Carrier::Ghtk, "application/x-www-form-urlencoded", GHTK_EXAMPLE.as_bytes()).unwrap();
        assert_eq!(json, form);
    }

    #[test]
    fn ghtk_malformed() {
        let form = "application/x-www-form-urlencoded";
        assert_eq!(
            error(Carrier::Ghtk, form, "label_id=S1&action_time=2016-11-02T12:18:39+07:00"),
            "missing field status_id"
        );
        assert_eq!(
            error(Carrier::Ghtk, form, "status_id=5&action_time=2016-11-02T12:18:39+07:00"),
            "missing field label_id"
        );
        assert_eq!(
            error(Carrier::Ghtk, form, "label_id=S1&status_id=5&action_time=yesterday"),
            "bad time action_time \"yesterday\": expected ISO 8601 with an offset"
        );
        // What a decoder that turns '+' into a space would have produced.
        assert!(
            error(Carrier::Ghtk, form, "label_id=S1&status_id=5&action_time=2016-11-02T12:18:39%2007:00")
                .starts_with("bad time action_time")
        );
        assert_eq!(
            error(Carrier::Ghtk, form, "label_id=S1&status_id=5&action_time=2016-11-02T12:18:39+07:00&pick_money=lots"),
            "field pick_money is not a number: \"lots\""
        );
        assert_eq!(error(Carrier::Ghtk, form, "label_id=%ZZ"), "bad percent escape in form field \"%ZZ\"");
        assert_eq!(error(Carrier::Ghtk, form, ""), "empty form body");
    }

    #[test]
    fn viettelpost_example() {
        let n = parse_notification(Carrier::Viettelpost, "application/json", VTP_EXAMPLE.as_bytes()).unwrap();
        assert_eq!(
            n,
            Notification {
                carrier: Carrier::Viettelpost,
                waybill: "1234567890".to_owned(),
                client_code: Some("DS-123-1".to_owned()),
                raw_status: "501".to_owned(),
                stage: Stage::Delivered,
                at: datetime!(2018-12-13 17:34:05 +7),
                reason: "Phát thành công".to_owned(),
                cod_vnd: Some(250_000),
                dedupe_key: "viettelpost:1234567890:501:13/12/2018 17:34:05".to_owned(),
            }
        );
        assert_eq!(viettelpost_token(VTP_EXAMPLE.as_bytes()).as_deref(), Some("<secret agreed with VTP>"));
    }

    #[test]
    fn viettelpost_501_returning_is_returned() {
        let body = VTP_EXAMPLE.replace(r#""IS_RETURNING":false"#, r#""IS_RETURNING":true"#);
        let n = parse_notification(Carrier::Viettelpost, "application/json", body.as_bytes()).unwrap();
        assert_eq!(n.stage, Stage::Returned);
    }

    #[test]
    fn viettelpost_malformed() {
        let json = "application/json";
        assert_eq!(error(Carrier::Viettelpost, json, r#"{"ORDER_NUMBER":"1"}"#), "missing field DATA");
        assert_eq!(
            error(Carrier::Viettelpost, json, &VTP_EXAMPLE.replace(r#""ORDER_STATUS":501,"#, "")),
            "missing field ORDER_STATUS"
        );
        assert_eq!(
            error(Carrier::Viettelpost, json, &VTP_EXAMPLE.replace("13/12/2018 17:34:05", "2018-12-13T17:34:05")),
            "bad time ORDER_STATUSDATE \"2018-12-13T17:34:05\": expected dd/MM/yyyy HH:mm:ss"
        );
        assert_eq!(
            error(Carrier::Viettelpost, json, &VTP_EXAMPLE.replace("250000", "\"nhiều\"")),
            "field MONEY_COLLECTION is not a number: \"nhiều\""
        );
    }

    #[test]
    fn vnpost_history_row() {
        let body = r#"{"itemCode":"EB123456789VN","statusCode":14,"createdDate":"05/03/2026","createHour":"09:15","statusName":"Phát thành công","saleOrderCode":"DS-123-1"}"#;
        let n = parse_notification(Carrier::Vnpost, "application/json", body.as_bytes()).unwrap();
        assert_eq!(n.stage, Stage::Delivered);
        assert_eq!(n.at, datetime!(2026-03-05 09:15 +7));
        assert_eq!(n.client_code.as_deref(), Some("DS-123-1"));
        assert_eq!(n.reason, "Phát thành công");
        assert_eq!(n.dedupe_key, "vnpost:EB123456789VN:14:05/03/2026 09:15");
        let seconds = body.replace("09:15", "09:15:30");
        let n = parse_notification(Carrier::Vnpost, "application/json", seconds.as_bytes()).unwrap();
        assert_eq!(n.at, datetime!(2026-03-05 09:15:30 +7));
        assert_eq!(
            error(Carrier::Vnpost, "application/json", &body.replace(r#""createHour":"09:15","#, "")),
            "missing field createHour"
        );
    }

    #[test]
    fn vietnam_times() {
        assert_eq!(vietnam_time("13/12/2018 17:34:05"), Some(datetime!(2018-12-13 17:34:05 +7)));
        assert_eq!(vietnam_time("3/1/2026 7:05:00"), Some(datetime!(2026-01-03 07:05 +7)));
        assert_eq!(vietnam_time("2026-01-03 07:05:09"), Some(datetime!(2026-01-03 07:05:09 +7)));
        assert_eq!(vietnam_time("13/12/2018"), None);
        assert_eq!(vietnam_time("32/12/2018 00:00:00"), None);
    }
}
