//! Tamper evidence for a batch record, with no IO: canonical JSON, the hash chain and
//! the Ed25519 signature over its head, and [`verify`] that `dacsan trace verify`
//! and the brand page both use.
//!
//! The chain of a batch starts at the hash of its header (product, producer, lot,
//! dates, origin …). Each event links to the one recorded before it:
//!
//! ```text
//! content_hash = sha256(canonical(event body))
//! chain_hash   = sha256(prev_hash ":" content_hash)      prev_hash of event 1 = header_hash
//! signature    = Ed25519("dacsan-trace-v1\n" header_hash "\n" head_hash "\n" event_count)
//! ```
//!
//! Canonical JSON: object keys sorted by their UTF-8 bytes, no whitespace, strings
//! escaped as serde_json writes them. Bodies hold strings, integers, booleans and
//! nulls only (no floats), so the form is stable across machines.

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The `format` of a signed batch record.
pub const RECORD_FORMAT: &str = "dacsan-trace-record/1";
const SIGNING_CONTEXT: &str = "dacsan-trace-v1";

/// `value` as canonical JSON text.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            out.push('{');
            for (i, (key, item)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write_canonical(item, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash of a header or an event body.
pub fn content_hash(body: &Value) -> String {
    sha256_hex(canonical_json(body).as_bytes())
}

/// The chain link after `prev_hash` for a body hashing to `content_hash`.
pub fn link(prev_hash: &str, content_hash: &str) -> String {
    sha256_hex(format!("{prev_hash}:{content_hash}").as_bytes())
}

/// What the platform signs: the header, the head of the chain and its length, so
/// that dropping the last events is caught as surely as changing one.
pub fn head_message(header_hash: &str, head_hash: &str, event_count: u64) -> String {
    format!("{SIGNING_CONTEXT}\n{header_hash}\n{head_hash}\n{event_count}")
}

/// The key id published with a public key: the first 16 hex digits of its SHA-256.
pub fn key_id(key: &VerifyingKey) -> String {
    sha256_hex(key.as_bytes())[..16].to_string()
}

pub fn sign_head(key: &SigningKey, header_hash: &str, head_hash: &str, event_count: u64) -> String {
    BASE64.encode(key.sign(head_message(header_hash, head_hash, event_count).as_bytes()).to_bytes())
}

/// One event of a record, in chain order.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RecordEvent {
    pub seq: u64,
    pub body: Value,
    pub content_hash: String,
    pub prev_hash: String,
    pub chain_hash: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RecordSignature {
    /// Always `Ed25519`.
    pub algorithm: String,
    pub key_id: String,
    /// The public key, base64 (32 bytes).
    pub public_key: String,
    /// The signature over [`head_message`], base64 (64 bytes).
    pub value: String,
}

/// A batch's signed record, as `GET /api/v1/batches/{id}/record` returns it and
/// `dacsan trace verify FILE` reads it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Record {
    pub format: String,
    pub header: Value,
    pub header_hash: String,
    pub events: Vec<RecordEvent>,
    pub head_hash: String,
    pub event_count: u64,
    pub signature: RecordSignature,
}

/// The first thing in a record that does not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Broken {
    Format(String),
    Header(String),
    Event { position: usize, seq: u64, event_id: String, problem: String },
    Head(String),
    Signature(String),
}

impl fmt::Display for Broken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Broken::Format(problem) => write!(f, "not a dacsan trace record: {problem}"),
            Broken::Header(problem) => write!(f, "batch header: {problem}"),
            Broken::Event { position, seq, event_id, problem } => {
                write!(f, "event #{position} (seq {seq}, {event_id}): {problem}")
            }
            Broken::Head(problem) => write!(f, "chain head: {problem}"),
            Broken::Signature(problem) => write!(f, "signature: {problem}"),
        }
    }
}

/// A record that verified: how many events and by which key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub event_count: u64,
    pub key_id: String,
}

/// Checks every hash, every link and the signature. With `trusted`, the record must
/// be signed by that key (the one published at `/.well-known/dacsan-trace-key`);
/// without it, by the key the record names, which proves integrity but not origin.
pub fn verify(record: &Record, trusted: Option<&VerifyingKey>) -> Result<Verified, Broken> {
    if record.format != RECORD_FORMAT {
        return Err(Broken::Format(format!("format is {:?}, expected {RECORD_FORMAT:?}", record.format)));
    }
    if content_hash(&record.header) != record.header_hash {
        return Err(Broken::Header("header_hash does not match the header".into()));
    }
    let mut prev = record.header_hash.clone();
    for (i, event) in record.events.iter().enumerate() {
        let broken = |problem: &str| Broken::Event {
            position: i + 1,
            seq: event.seq,
            event_id: event.body.get("event_id").and_then(Value::as_str).unwrap_or("no event_id").to_string(),
            problem: problem.to_string(),
        };
        if event.seq != i as u64 + 1 {
            return Err(broken(&format!("out of place: expected seq {}", i + 1)));
        }
        if event.body.get("seq").and_then(Value::as_u64) != Some(event.seq) {
            return Err(broken("the body's seq differs from the record's"));
        }
        if content_hash(&event.body) != event.content_hash {
            return Err(broken("content_hash does not match the event body"));
        }
        if event.prev_hash != prev {
            return Err(broken("prev_hash does not match the previous link"));
        }
        if link(&event.prev_hash, &event.content_hash) != event.chain_hash {
            return Err(broken("chain_hash is not the link of prev_hash and content_hash"));
        }
        prev = event.chain_hash.clone();
    }
    if record.event_count != record.events.len() as u64 {
        return Err(Broken::Head(format!(
            "event_count is {} but the record holds {} events",
            record.event_count,
            record.events.len()
        )));
    }
    if record.head_hash != prev {
        return Err(Broken::Head("head_hash is not the last link of the chain".into()));
    }
    let key = record_key(record, trusted)?;
    let signature = BASE64
        .decode(&record.signature.value)
        .ok()
        .and_then(|bytes| Signature::from_slice(&bytes).ok())
        .ok_or_else(|| Broken::Signature("not a base64 Ed25519 signature".into()))?;
    key.verify(head_message(&record.header_hash, &record.head_hash, record.event_count).as_bytes(), &signature)
        .map_err(|_| Broken::Signature(format!("does not verify with key {}", key_id(&key))))?;
    Ok(Verified { event_count: record.event_count, key_id: key_id(&key) })
}

fn record_key(record: &Record, trusted: Option<&VerifyingKey>) -> Result<VerifyingKey, Broken> {
    if record.signature.algorithm != "Ed25519" {
        return Err(Broken::Signature(format!("algorithm {:?} is not Ed25519", record.signature.algorithm)));
    }
    let named = parse_public_key(&record.signature.public_key)
        .map_err(|problem| Broken::Signature(format!("public_key: {problem}")))?;
    match trusted {
        Some(trusted) if trusted != &named => Err(Broken::Signature(format!(
            "signed by key {}, not by the published key {}",
            key_id(&named),
            key_id(trusted)
        ))),
        Some(trusted) => Ok(*trusted),
        None => Ok(named),
    }
}

/// A public key from base64 (32 bytes).
pub fn parse_public_key(text: &str) -> Result<VerifyingKey, String> {
    let bytes = BASE64.decode(text.trim()).map_err(|_| "not base64".to_string())?;
    let bytes: [u8; 32] = bytes.try_into().map_err(|_| "an Ed25519 public key is 32 bytes".to_string())?;
    VerifyingKey::from_bytes(&bytes).map_err(|_| "not a valid Ed25519 public key".to_string())
}

pub fn public_key_base64(key: &VerifyingKey) -> String {
    BASE64.encode(key.as_bytes())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    /// A record of `n` events signed by `signer`, built the way the store builds one.
    fn record(n: u64, signer: &SigningKey) -> Record {
        let header = json!({"lot": "L-01", "product": {"name": "Mật ong bạc hà"}, "quantity": 100});
        let header_hash = content_hash(&header);
        let mut prev = header_hash.clone();
        let mut events = Vec::new();
        for seq in 1..=n {
            let body = json!({"seq": seq, "event_id": format!("urn:uuid:{seq}"), "kind": "harvest", "note": "ổn"});
            let content = content_hash(&body);
            let chain = link(&prev, &content);
            events.push(RecordEvent {
                seq,
                body,
                content_hash: content,
                prev_hash: prev.clone(),
                chain_hash: chain.clone(),
            });
            prev = chain;
        }
        let public = signer.verifying_key();
        Record {
            format: RECORD_FORMAT.into(),
            signature: RecordSignature {
                algorithm: "Ed25519".into(),
                key_id: key_id(&public),
                public_key: public_key_base64(&public),
                value: sign_head(signer, &header_hash, &prev, n),
            },
            header,
            header_hash,
            events,
            head_hash: prev,
            event_count: n,
        }
    }

    #[test]
    fn canonical_json_sorts_keys_at_every_level_and_drops_whitespace() {
        let value: Value = serde_json::from_str(r#"{ "b": 1, "a": {"z": [true, null], "y": "Đ\"x"} }"#).unwrap();
        assert_eq!(canonical_json(&value), r#"{"a":{"y":"Đ\"x","z":[true,null]},"b":1}"#);
    }

    #[test]
    fn a_good_record_verifies_with_and_without_the_published_key() {
        let signer = key(7);
        let good = record(5, &signer);
        assert_eq!(verify(&good, None).unwrap().event_count, 5);
        assert!(verify(&good, Some(&signer.verifying_key())).is_ok());
        assert!(verify(&record(0, &signer), None).is_ok(), "a batch without events verifies too");
    }

    #[test]
    fn a_record_signed_by_another_key_is_refused_against_the_published_one() {
        let forged = record(3, &key(9));
        assert!(verify(&forged, None).is_ok(), "consistent in itself");
        let err = verify(&forged, Some(&key(7).verifying_key())).unwrap_err();
        assert!(matches!(err, Broken::Signature(_)), "{err}");
    }

    #[test]
    fn changing_any_field_of_any_event_names_that_event() {
        let signer = key(7);
        let good = record(4, &signer);
        for position in 0..4 {
            for field in ["seq", "event_id", "kind", "note"] {
                let mut bad = good.clone();
                bad.events[position].body[field] = json!("tampered");
                let err = verify(&bad, None).unwrap_err();
                match err {
                    Broken::Event { position: p, .. } => assert_eq!(p, position + 1, "{field}: {err}"),
                    other => panic!("{field}: expected an event error, got {other}"),
                }
            }
            let mut added = good.clone();
            added.events[position].body["extra"] = json!(1);
            assert!(matches!(verify(&added, None), Err(Broken::Event { position: p, .. }) if p == position + 1));
        }
    }

    #[test]
    fn rehashing_a_tampered_event_breaks_the_next_link_or_the_signature() {
        let signer = key(7);
        let mut bad = record(3, &signer);
        bad.events[1].body["note"] = json!("forged");
        bad.events[1].content_hash = content_hash(&bad.events[1].body);
        bad.events[1].chain_hash = link(&bad.events[1].prev_hash, &bad.events[1].content_hash);
        let err = verify(&bad, None).unwrap_err();
        assert!(matches!(err, Broken::Event { position: 3, .. }), "{err}");
    }

    #[test]
    fn header_hashes_order_count_head_and_signature_are_all_checked() {
        let signer = key(7);
        let good = record(3, &signer);

        let mut bad = good.clone();
        bad.header["quantity"] = json!(1000);
        assert!(matches!(verify(&bad, None), Err(Broken::Header(_))));

        let mut bad = good.clone();
        bad.events.swap(0, 1);
        assert!(matches!(verify(&bad, None), Err(Broken::Event { position: 1, .. })));

        let mut bad = good.clone();
        bad.events.pop();
        assert!(matches!(verify(&bad, None), Err(Broken::Head(_))), "dropping the last event is caught");

        let mut bad = good.clone();
        bad.events.pop();
        bad.event_count = 2;
        bad.head_hash = bad.events[1].chain_hash.clone();
        assert!(matches!(verify(&bad, None), Err(Broken::Signature(_))), "the signature covers the head");

        let mut bad = good.clone();
        bad.events[2].prev_hash = "00".repeat(32);
        assert!(matches!(verify(&bad, None), Err(Broken::Event { position: 3, .. })));

        let mut bad = good.clone();
        bad.signature.value = "AAAA".into();
        assert!(matches!(verify(&bad, None), Err(Broken::Signature(_))));

        let mut bad = good.clone();
        bad.format = "something/else".into();
        assert!(matches!(verify(&bad, None), Err(Broken::Format(_))));
    }

    #[test]
    fn public_keys_round_trip_through_base64() {
        let public = key(3).verifying_key();
        assert_eq!(parse_public_key(&public_key_base64(&public)), Ok(public));
        assert!(parse_public_key("AAAA").is_err());
        assert_eq!(key_id(&public).len(), 16);
    }
}
