//! Secrets at rest: values the app must read back (a producer's own carrier token)
//! are sealed with XChaCha20-Poly1305 under the operator's key `DACSAN_SECRET_KEY`
//! before they reach the database. Knows no domain: a domain names its sealed
//! columns with [`SealedColumn`], and this module checks them at start and
//! re-encrypts them on `dacsan rotate-key`.
//!
//! A sealed value is text: `v1:<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>`. The
//! key id (8 hex digits of a SHA-256 of the key) tells which key sealed it, so a
//! wrong key is named as such instead of looking like tampering, and rotation can
//! tell old values from new. The nonce is 24 random bytes per value (XChaCha's
//! extended nonce: random nonces never collide in practice). The row's identity is
//! the associated data: a value copied into another row does not open.

mod columns;

pub use columns::{RotateReport, SealedColumn, check_at_start, count_sealed, rotate};

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};

/// The version prefix of every sealed value this build writes.
const VERSION: &str = "v1";
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;

/// Why a key setting is not a key. The caller names the setting.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error(
        "it is {0} bytes long, and a key is exactly 32 random bytes written as 64 hex digits or 44 base64 characters (make one with `openssl rand -base64 32`)"
    )]
    Length(usize),
    #[error(
        "it is neither hex nor base64: a key is 32 random bytes written as 64 hex digits or 44 base64 characters (make one with `openssl rand -base64 32`)"
    )]
    Format,
}

/// A 32-byte key. Never printed: `Debug` shows its id only.
#[derive(Clone)]
pub struct SecretKey {
    bytes: [u8; 32],
    id: String,
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretKey").field("id", &self.id).finish_non_exhaustive()
    }
}

impl SecretKey {
    /// Reads a key written as 64 hex digits or as base64 (standard or URL-safe,
    /// padded or not) of 32 bytes; surrounding blanks are ignored.
    pub fn parse(text: &str) -> Result<SecretKey, KeyError> {
        let text = text.trim();
        let bytes = match hex_bytes(text) {
            Some(bytes) => bytes,
            None => [STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD]
                .iter()
                .find_map(|engine| engine.decode(text).ok())
                .ok_or(KeyError::Format)?,
        };
        let bytes: [u8; 32] = bytes.as_slice().try_into().map_err(|_| KeyError::Length(bytes.len()))?;
        Ok(SecretKey::from_bytes(bytes))
    }

    pub fn from_bytes(bytes: [u8; 32]) -> SecretKey {
        let digest = Sha256::new().chain_update(b"dacsan secret key id\0").chain_update(bytes).finalize();
        let id = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
        SecretKey { bytes, id }
    }

    /// A fresh random key.
    pub fn generate() -> SecretKey {
        SecretKey::from_bytes(rand::random())
    }

    /// Eight hex digits naming the key; safe to print and to store.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The key as base64, the form the settings take.
    pub fn to_base64(&self) -> String {
        STANDARD.encode(self.bytes)
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(&self.bytes.into())
    }
}

/// A key setting: `Ok(None)` when left empty, a [`KeyError`] naming `setting`
/// when it is not a key. The value itself is never repeated in the message.
pub fn key_from_setting(setting: &str, value: &str) -> anyhow::Result<Option<SecretKey>> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    SecretKey::parse(value).map(Some).map_err(|e| anyhow::anyhow!("{setting} is not a usable key: {e}"))
}

/// 64 hex digits as 32 bytes.
fn hex_bytes(text: &str) -> Option<Vec<u8>> {
    if text.len() != 64 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok()).collect()
}

/// Why a sealed value did not open.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("the value is not a sealed value of a version dacsan knows")]
    NotSealed,
    /// Sealed with a key this process does not hold (by its id).
    #[error("the value was sealed with key {0}, which is not the key set here")]
    OtherKey(String),
    /// The key is right but the value, or the row it sits in, is not the one sealed.
    #[error("the value does not open: it was altered or moved from another row")]
    Rejected,
}

/// The keys a process holds: the first seals, every one opens the values sealed
/// with it (`dacsan rotate-key` holds the old key and the new one).
#[derive(Debug, Clone)]
pub struct Keyring {
    keys: Vec<SecretKey>,
}

impl Keyring {
    pub fn new(current: SecretKey) -> Keyring {
        Keyring { keys: vec![current] }
    }

    /// Also opens values sealed with `older`.
    pub fn with_older(mut self, older: SecretKey) -> Keyring {
        self.keys.push(older);
        self
    }

    /// The key that seals.
    pub fn current(&self) -> &SecretKey {
        &self.keys[0]
    }

    /// Seals `plaintext` for the row named by `aad` (see [`SealedColumn::aad`]).
    pub fn seal(&self, plaintext: &[u8], aad: &[u8]) -> anyhow::Result<String> {
        let key = self.current();
        let nonce: [u8; NONCE_LEN] = rand::random();
        let sealed = key
            .cipher()
            .encrypt(&XNonce::from(nonce), Payload { msg: plaintext, aad })
            .map_err(|_| anyhow::anyhow!("seal a value: too long"))?;
        let mut bytes = Vec::with_capacity(NONCE_LEN + sealed.len());
        bytes.extend_from_slice(&nonce);
        bytes.extend_from_slice(&sealed);
        Ok(format!("{VERSION}:{}:{}", key.id, URL_SAFE_NO_PAD.encode(bytes)))
    }

    /// Opens a value sealed for the row named by `aad`.
    pub fn open(&self, sealed: &str, aad: &[u8]) -> Result<Vec<u8>, OpenError> {
        let (key_id, bytes) = parts(sealed).ok_or(OpenError::NotSealed)?;
        let key = self.keys.iter().find(|k| k.id == key_id).ok_or_else(|| OpenError::OtherKey(key_id.to_string()))?;
        let (nonce, sealed) = bytes.split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| OpenError::NotSealed)?;
        key.cipher().decrypt(&XNonce::from(nonce), Payload { msg: sealed, aad }).map_err(|_| OpenError::Rejected)
    }
}

/// The id of the key that sealed a value, if it is one.
pub fn key_id_of(sealed: &str) -> Option<&str> {
    parts(sealed).map(|(id, _)| id)
}

/// `v1:<key id>:<base64>` → the key id and the bytes (nonce, ciphertext, tag).
fn parts(sealed: &str) -> Option<(&str, Vec<u8>)> {
    let mut parts = sealed.splitn(3, ':');
    let (version, key_id, body) = (parts.next()?, parts.next()?, parts.next()?);
    if version != VERSION || key_id.len() != 8 {
        return None;
    }
    let bytes = URL_SAFE_NO_PAD.decode(body).ok()?;
    (bytes.len() >= NONCE_LEN + TAG_LEN).then_some((key_id, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROW: &[u8] = br#"["carrier_accounts","credentials","7","ghn"]"#;

    #[test]
    fn a_sealed_value_opens_with_its_key_and_row() {
        let ring = Keyring::new(SecretKey::generate());
        let sealed = ring.seal(b"ghn-token-of-producer-7", ROW).unwrap();
        assert!(sealed.starts_with(&format!("v1:{}:", ring.current().id())), "{sealed}");
        assert!(!sealed.contains("ghn-token"), "{sealed}");
        assert_eq!(ring.open(&sealed, ROW).unwrap(), b"ghn-token-of-producer-7");
        assert_ne!(ring.seal(b"ghn-token-of-producer-7", ROW).unwrap(), sealed, "a fresh nonce each time");
    }

    #[test]
    fn another_key_does_not_open_it_and_says_which_key_sealed_it() {
        let sealer = Keyring::new(SecretKey::generate());
        let sealed = sealer.seal(b"token", ROW).unwrap();
        let other = Keyring::new(SecretKey::generate());
        assert_eq!(other.open(&sealed, ROW), Err(OpenError::OtherKey(sealer.current().id().to_string())));
        // The same id with different bytes (a forged id) is refused by the tag.
        let mut forged = SecretKey::generate();
        forged.id = sealer.current().id().to_string();
        assert_eq!(Keyring::new(forged).open(&sealed, ROW), Err(OpenError::Rejected));
        // A ring holding the old key as well opens it.
        assert_eq!(other.with_older(sealer.current().clone()).open(&sealed, ROW).unwrap(), b"token");
    }

    #[test]
    fn a_tampered_value_does_not_open() {
        let ring = Keyring::new(SecretKey::generate());
        let sealed = ring.seal(b"token", ROW).unwrap();
        let (head, body) = sealed.rsplit_once(':').unwrap();
        let mut bytes = URL_SAFE_NO_PAD.decode(body).unwrap();
        for i in [0, NONCE_LEN, bytes.len() - 1] {
            bytes[i] ^= 1;
            let tampered = format!("{head}:{}", URL_SAFE_NO_PAD.encode(&bytes));
            assert_eq!(ring.open(&tampered, ROW), Err(OpenError::Rejected), "byte {i}");
            bytes[i] ^= 1;
        }
        assert_eq!(ring.open(&sealed[..sealed.len() - 4], ROW), Err(OpenError::Rejected), "cut short");
        for junk in ["", "token", "v1:abc", "v2:00000000:AAAA", &sealed.replacen("v1", "v9", 1), "v1:0000:x!"] {
            assert_eq!(ring.open(junk, ROW), Err(OpenError::NotSealed), "{junk}");
        }
    }

    #[test]
    fn a_value_moved_to_another_row_does_not_open() {
        let ring = Keyring::new(SecretKey::generate());
        let sealed = ring.seal(b"token", ROW).unwrap();
        for other in [
            &br#"["carrier_accounts","credentials","8","ghn"]"#[..],
            br#"["carrier_accounts","credentials","7","ghtk"]"#,
            b"",
        ] {
            assert_eq!(ring.open(&sealed, other), Err(OpenError::Rejected));
        }
    }

    #[test]
    fn keys_are_read_as_hex_or_base64_of_32_bytes() {
        let bytes: [u8; 32] = std::array::from_fn(|i| i as u8 * 7);
        let hex: String = bytes.iter().map(|b| format!("{b:02X}")).collect();
        let id = SecretKey::from_bytes(bytes).id().to_string();
        for text in [
            hex.clone(),
            hex.to_lowercase(),
            STANDARD.encode(bytes),
            STANDARD_NO_PAD.encode(bytes),
            URL_SAFE.encode(bytes),
            format!("  {}\n", URL_SAFE_NO_PAD.encode(bytes)),
        ] {
            assert_eq!(SecretKey::parse(&text).unwrap().id(), id, "{text}");
        }
        assert_eq!(SecretKey::parse(&STANDARD.encode([1u8; 16])).unwrap_err(), KeyError::Length(16));
        assert!(matches!(SecretKey::parse(&hex[..62]), Err(KeyError::Length(_) | KeyError::Format)), "62 hex digits");
        assert_eq!(SecretKey::parse("not a key!").unwrap_err(), KeyError::Format);
        assert_eq!(SecretKey::parse(&"zz".repeat(32)).unwrap_err(), KeyError::Length(48));
        let err = key_from_setting("DACSAN_SECRET_KEY", "c2hvcnQ=").unwrap_err().to_string();
        assert!(err.starts_with("DACSAN_SECRET_KEY is not a usable key: it is 5 bytes long"), "{err}");
        assert!(!err.contains("c2hvcnQ"), "the value is never repeated: {err}");
        assert!(key_from_setting("DACSAN_SECRET_KEY", "  ").unwrap().is_none());
    }

    #[test]
    fn a_key_is_never_printed() {
        let key = SecretKey::generate();
        let shown = format!("{key:?} {:?}", Keyring::new(key.clone()));
        assert!(!shown.contains(&key.to_base64()), "{shown}");
        assert!(shown.contains(key.id()));
    }
}
