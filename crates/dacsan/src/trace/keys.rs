//! The platform's Ed25519 key that signs every batch's chain head. It is made on
//! first start and kept in the database, so that every process of one deployment
//! signs with the same key; its public half is published at
//! `/.well-known/dacsan-trace-key`.

use anyhow::Context;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD as BASE64, URL_SAFE_NO_PAD};
use ed25519_dalek::{SigningKey, VerifyingKey};
use rand::RngCore;
use serde::Serialize;

use super::{chain, store};
use crate::db::Db;
use crate::secrets::{Keyring, SealedColumn};

#[derive(Clone)]
pub struct PlatformKey {
    pub signing: SigningKey,
    pub key_id: String,
}

impl std::fmt::Debug for PlatformKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlatformKey").field("key_id", &self.key_id).finish_non_exhaustive()
    }
}

impl PlatformKey {
    pub fn verifying(&self) -> VerifyingKey {
        self.signing.verifying_key()
    }

    pub fn from_secret(secret: [u8; 32]) -> PlatformKey {
        let signing = SigningKey::from_bytes(&secret);
        PlatformKey { key_id: chain::key_id(&signing.verifying_key()), signing }
    }

    /// What `/.well-known/dacsan-trace-key` answers.
    pub fn published(&self) -> PublishedKey {
        let public = self.verifying();
        PublishedKey {
            key_id: self.key_id.clone(),
            algorithm: "Ed25519",
            public_key: chain::public_key_base64(&public),
            jwk: Jwk {
                kty: "OKP",
                crv: "Ed25519",
                x: URL_SAFE_NO_PAD.encode(public.as_bytes()),
                kid: self.key_id.clone(),
            },
            record_format: chain::RECORD_FORMAT,
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PublishedKey {
    pub key_id: String,
    pub algorithm: &'static str,
    /// 32 bytes, base64.
    pub public_key: String,
    /// The same key as a JSON Web Key (RFC 8037).
    #[schema(value_type = Object)]
    pub jwk: Jwk,
    pub record_format: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Jwk {
    pub kty: &'static str,
    pub crv: &'static str,
    pub x: String,
    pub kid: String,
}

/// The signing key's secret half, sealed when the operator sets `DACSAN_SECRET_KEY`:
/// checked at start and re-encrypted by `dacsan rotate-key` with the other secrets.
pub const SEALED_SECRET: SealedColumn = SealedColumn {
    what: "the trace signing key",
    table: "signing_keys",
    column: "secret_key_sealed",
    identity: &["key_id"],
};

/// The deployment's key, made and stored on first use: sealed under `keyring` when
/// there is one (a plain one stored before a key was set is sealed now).
pub async fn load_or_create(db: &Db, keyring: Option<&Keyring>) -> anyhow::Result<PlatformKey> {
    if store::signing_key(db).await?.is_none() {
        let mut secret = [0u8; 32];
        rand::rng().fill_bytes(&mut secret);
        let key = PlatformKey::from_secret(secret);
        let public = chain::public_key_base64(&key.verifying());
        match keyring {
            Some(ring) => {
                let sealed = ring.seal(&secret, &SEALED_SECRET.aad(&[&key.key_id]))?;
                store::insert_signing_key(db, &key.key_id, &public, "", Some(&sealed)).await?;
            }
            None => store::insert_signing_key(db, &key.key_id, &public, &BASE64.encode(secret), None).await?,
        }
    }
    let stored = store::signing_key(db).await?.context("the signing key was just stored")?;
    let aad = SEALED_SECRET.aad(&[&stored.key_id]);
    let secret: Vec<u8> = match (&stored.sealed, keyring) {
        (Some(sealed), Some(ring)) => {
            ring.open(sealed, &aad).map_err(|e| anyhow::anyhow!("the trace signing key does not open: {e}"))?
        }
        (Some(_), None) => anyhow::bail!("the trace signing key is sealed and DACSAN_SECRET_KEY is not set"),
        (None, _) => BASE64.decode(&stored.secret).unwrap_or_default(),
    };
    let secret: [u8; 32] = secret.try_into().ok().context("the stored signing key is not 32 bytes")?;
    let key = PlatformKey::from_secret(secret);
    anyhow::ensure!(key.key_id == stored.key_id, "the stored signing key does not match its id {}", stored.key_id);
    if let (None, Some(ring)) = (&stored.sealed, keyring) {
        store::seal_signing_key(db, &key.key_id, &ring.seal(&secret, &aad)?).await?;
        tracing::info!(key_id = %key.key_id, "the trace signing key is now sealed under DACSAN_SECRET_KEY");
    }
    Ok(key)
}
