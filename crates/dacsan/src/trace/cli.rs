//! `dacsan trace verify FILE [--key KEY]`: checks a downloaded batch record offline.

use std::path::Path;

use anyhow::Context;

use super::chain::{self, Record};

/// The outcome line and whether the record verified. `key` is the published public
/// key (base64, or the JSON of `/.well-known/dacsan-trace-key`); without it the
/// record is checked against the key it names.
pub fn verify_file(path: &Path, key: Option<&str>) -> anyhow::Result<(bool, String)> {
    let text = std::fs::read_to_string(path).with_context(|| format!("read {}", path.display()))?;
    let record: Record = match serde_json::from_str(&text) {
        Ok(record) => record,
        Err(e) => return Ok((false, format!("NOT VERIFIED: {} is not a dacsan trace record: {e}", path.display()))),
    };
    let trusted = key.map(parse_key).transpose()?;
    let started = std::time::Instant::now();
    let outcome = chain::verify(&record, trusted.as_ref());
    let micros = started.elapsed().as_micros();
    Ok(match outcome {
        Ok(v) => {
            let trust =
                if trusted.is_some() { "the published key" } else { "the key the record names (pass --key to pin it)" };
            (
                true,
                format!(
                    "VERIFIED: {} events, lot {}, signed by key {} — {trust} ({micros} µs)",
                    v.event_count,
                    record.header.get("lot").and_then(|l| l.as_str()).unwrap_or("?"),
                    v.key_id
                ),
            )
        }
        Err(broken) => (false, format!("NOT VERIFIED: {broken}")),
    })
}

/// A public key given as base64, or as the JSON the well-known URL answers.
fn parse_key(text: &str) -> anyhow::Result<ed25519_dalek::VerifyingKey> {
    let text = text.trim();
    let key_text = match serde_json::from_str::<serde_json::Value>(text) {
        Ok(json) => json
            .get("public_key")
            .and_then(|k| k.as_str())
            .map(str::to_string)
            .context("no public_key in the key JSON")?,
        Err(_) => match std::fs::read_to_string(text) {
            Ok(file) => return parse_key(&file),
            Err(_) => text.to_string(),
        },
    };
    chain::parse_public_key(&key_text).map_err(|e| anyhow::anyhow!("--key: {e}"))
}
