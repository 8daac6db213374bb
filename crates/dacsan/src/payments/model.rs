//! Bank-transfer notifications as the common Vietnamese bank-hook services send
//! them, read into one [`Transfer`], and their authentication: SePay's API key,
//! Casso's HMAC-SHA512 signature.

use hmac::{Hmac, Mac};
use serde::Deserialize;
use serde_json::Value;
use sha2::Sha512;

use super::messages;
use crate::error::{AppError, Message};

/// Money that arrived in a producer's account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transfer {
    /// `sepay`, `casso` or `statement`.
    pub source: &'static str,
    /// The provider's transaction id: the same id twice is one transfer.
    pub source_txn_id: String,
    /// The bank's own reference (e.g. `FT25123…`), empty when unknown: the same
    /// transfer reported by a webhook and by a statement carries the same one.
    pub bank_reference: String,
    pub amount_vnd: i64,
    pub content: String,
    pub account_number: String,
    pub transacted_at: String,
}

/// SePay's webhook body.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SepayBody {
    id: i64,
    #[serde(default)]
    transaction_date: String,
    #[serde(default)]
    account_number: String,
    #[serde(default)]
    content: String,
    transfer_type: String,
    transfer_amount: i64,
    #[serde(default)]
    reference_code: Option<String>,
}

/// `None` for outgoing transfers (SePay reports both directions).
pub fn parse_sepay(body: &[u8]) -> Result<Option<Transfer>, AppError> {
    let b: SepayBody = parse_json(body)?;
    if b.transfer_type != "in" {
        return Ok(None);
    }
    positive(b.transfer_amount)?;
    Ok(Some(Transfer {
        source: "sepay",
        source_txn_id: b.id.to_string(),
        bank_reference: b.reference_code.unwrap_or_default().trim().to_string(),
        amount_vnd: b.transfer_amount,
        content: b.content,
        account_number: b.account_number,
        transacted_at: b.transaction_date,
    }))
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct CassoTransaction {
    id: i64,
    #[serde(default)]
    description: String,
    amount: i64,
    #[serde(default)]
    account_number: String,
    #[serde(default)]
    transaction_date_time: String,
    #[serde(default)]
    reference: Option<String>,
}

/// Casso v2: `{"error":0,"data":{…}}`; negative amounts are money going out.
pub fn parse_casso(body: &[u8]) -> Result<Option<Transfer>, AppError> {
    let value: Value = parse_json(body)?;
    let data = value.get("data").cloned().ok_or_else(|| AppError::invalid("data", messages::MISSING))?;
    let t: CassoTransaction = serde_path_to_error::deserialize(data).map_err(|e| {
        let why = Message::from(crate::web::messages::JSON_VALUE).with("detail", e.inner());
        AppError::invalid(&format!("data.{}", e.path()), why)
    })?;
    if t.amount <= 0 {
        return Ok(None);
    }
    Ok(Some(Transfer {
        source: "casso",
        source_txn_id: t.id.to_string(),
        bank_reference: t.reference.unwrap_or_default().trim().to_string(),
        amount_vnd: t.amount,
        content: t.description,
        account_number: t.account_number,
        transacted_at: t.transaction_date_time,
    }))
}

fn parse_json<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, AppError> {
    let deserializer = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(deserializer).map_err(crate::web::extract::json_error)
}

fn positive(amount: i64) -> Result<(), AppError> {
    if amount > 0 { Ok(()) } else { Err(AppError::invalid("transferAmount", messages::MUST_BE_POSITIVE)) }
}

/// `Authorization: Apikey <key>` with the configured key (compared in constant time).
pub fn sepay_authorised(header: Option<&str>, key: &str) -> bool {
    let Some(value) = header else { return false };
    let Some((scheme, sent)) = value.split_once(' ') else { return false };
    scheme.eq_ignore_ascii_case("apikey") && !key.is_empty() && constant_time_eq(sent.trim().as_bytes(), key.as_bytes())
}

/// `X-Casso-Signature: t=<ms>,v1=<hex>`, v1 = HMAC-SHA512(key, t + "." + data as
/// compact JSON with sorted keys).
pub fn casso_authorised(header: Option<&str>, key: &str, body: &[u8]) -> bool {
    let Some(header) = header else { return false };
    let mut timestamp = None;
    let mut signature = None;
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) => timestamp = Some(v),
            Some(("v1", v)) => signature = Some(v),
            _ => {}
        }
    }
    let (Some(t), Some(sent)) = (timestamp, signature) else { return false };
    let Ok(value) = serde_json::from_slice::<Value>(body) else { return false };
    let Some(data) = value.get("data") else { return false };
    casso_signature(key, t, data)
        .is_some_and(|expected| constant_time_eq(expected.as_bytes(), sent.to_ascii_lowercase().as_bytes()))
}

pub fn casso_signature(key: &str, timestamp: &str, data: &Value) -> Option<String> {
    if key.is_empty() {
        return None;
    }
    let mut mac = Hmac::<Sha512>::new_from_slice(key.as_bytes()).ok()?;
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(canonical_json(data).as_bytes());
    Some(mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect())
}

/// Compact JSON with object keys sorted, whatever the map order of `serde_json`.
pub fn canonical_json(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let fields: Vec<String> =
                keys.iter().map(|k| format!("{}:{}", Value::String((*k).clone()), canonical_json(&map[*k]))).collect();
            format!("{{{}}}", fields.join(","))
        }
        Value::Array(items) => format!("[{}]", items.iter().map(canonical_json).collect::<Vec<_>>().join(",")),
        other => other.to_string(),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_sepay_incoming_transfers_only() {
        let body = json!({"id": 92704, "gateway": "Vietcombank", "transactionDate": "2026-11-25 10:00:00", "accountNumber": "0123499999",
            "subAccount": null, "code": null, "content": "CT DEN:0123 DSAB12CD34 thanh toan", "transferType": "in",
            "transferAmount": 450000, "accumulated": 19077000, "referenceCode": "MBVCB.3278907687", "description": ""});
        let t = parse_sepay(body.to_string().as_bytes()).unwrap().unwrap();
        assert_eq!((t.source_txn_id.as_str(), t.amount_vnd), ("92704", 450000));
        let mut out = body.clone();
        out["transferType"] = json!("out");
        assert!(parse_sepay(out.to_string().as_bytes()).unwrap().is_none());
        let mut text_amount = body;
        text_amount["transferAmount"] = json!("450000");
        assert!(
            matches!(parse_sepay(text_amount.to_string().as_bytes()), Err(AppError::Invalid(_))),
            "amounts as strings are refused"
        );
        assert!(parse_sepay(b"{not json").is_err());
    }

    #[test]
    fn sepay_key_must_match() {
        assert!(sepay_authorised(Some("Apikey secret-key"), "secret-key"));
        assert!(sepay_authorised(Some("apikey secret-key"), "secret-key"));
        assert!(!sepay_authorised(Some("Apikey wrong"), "secret-key"));
        assert!(!sepay_authorised(Some("Bearer secret-key"), "secret-key"));
        assert!(!sepay_authorised(None, "secret-key"));
        assert!(!sepay_authorised(Some("Apikey "), ""), "an unset key authorises nobody");
    }

    #[test]
    fn casso_signature_covers_sorted_data() {
        let data = json!({"id": 7, "description": "DSAB12CD34", "amount": 450000, "accountNumber": "0123"});
        let body = json!({"error": 0, "data": data}).to_string();
        let signature = casso_signature("k", "1732500000000", &data).unwrap();
        let header = format!("t=1732500000000,v1={signature}");
        assert!(casso_authorised(Some(&header), "k", body.as_bytes()));
        assert!(!casso_authorised(Some(&header), "other", body.as_bytes()));
        let tampered = body.replace("450000", "4500000");
        assert!(!casso_authorised(Some(&header), "k", tampered.as_bytes()));
        assert_eq!(
            canonical_json(&json!({"b": 1, "a": {"d": [1, 2], "c": "x"}})),
            r#"{"a":{"c":"x","d":[1,2]},"b":1}"#
        );
        let t = parse_casso(body.as_bytes()).unwrap().unwrap();
        assert_eq!((t.source, t.amount_vnd), ("casso", 450000));
    }
}
