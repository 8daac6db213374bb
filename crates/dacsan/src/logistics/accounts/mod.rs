//! Producers' own carrier accounts (issue 14): a producer may book its parcels with
//! its own GHN, GHTK, Viettel Post or VNPost account instead of the platform's, at
//! the carrier's API address the settings give (`DACSAN_GHN_URL`…). The token and
//! shop id are sealed with the operator's `DACSAN_SECRET_KEY` before they are
//! stored (issue 17, [`crate::secrets`]); sellers see the token's last four
//! characters, never the token.

pub mod api;
pub mod messages;
pub mod model;
pub mod pages;
pub mod routes;
pub mod service;
pub mod store;

use carriers::Carrier;

use self::model::Credentials;
use crate::db::Db;
use crate::error::{AppError, AppResult, Message};
use crate::secrets::{Keyring, SealedColumn};

/// The sealed column, for the start-up check and `dacsan rotate-key`.
pub const CREDENTIALS: SealedColumn = SealedColumn {
    what: "producers' carrier accounts",
    table: "carrier_accounts",
    column: "credentials",
    identity: &["producer_id", "carrier"],
};

/// The associated data of a producer's account with a carrier: a value sealed
/// for one producer and carrier does not open in another's row.
pub(super) fn aad(producer_id: i64, carrier: Carrier) -> Vec<u8> {
    CREDENTIALS.aad(&[&producer_id.to_string(), carrier.as_str()])
}

/// Why a producer's own account cannot book a parcel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unusable {
    /// The settings give no address for the carrier's API.
    NotConnected,
    /// The producer has no account with the carrier (any more).
    Removed,
    /// Its credentials do not open (altered, or sealed for another row).
    Unreadable,
}

impl Unusable {
    /// What the seller reads.
    pub fn message(self, carrier: Carrier) -> Message {
        let text = match self {
            Unusable::NotConnected => messages::NOT_CONNECTED,
            Unusable::Removed => messages::REMOVED,
            Unusable::Unreadable => messages::UNREADABLE,
        };
        Message::from(text).with("carrier", carrier.display_name()).with("setting", url_setting(carrier))
    }
}

/// `DACSAN_GHN_URL`…: the setting that gives a carrier's API address.
fn url_setting(carrier: Carrier) -> String {
    format!("DACSAN_{}_URL", carrier.as_str().to_uppercase())
}

/// The carrier named in a path: `ghn`, `ghtk`, `viettelpost` or `vnpost`.
pub fn parse_carrier(name: &str) -> AppResult<Carrier> {
    Carrier::parse(name.trim()).ok_or_else(|| AppError::not_found(messages::CARRIER))
}

/// Opens a stored account's credentials.
pub fn open(
    keyring: Option<&Keyring>,
    carrier: Carrier,
    stored: &store::StoredAccount,
) -> Result<Credentials, Unusable> {
    let keyring = keyring.ok_or(Unusable::Unreadable)?;
    let plain = keyring.open(&stored.sealed, &aad(stored.producer_id, carrier)).map_err(|err| {
        tracing::warn!(
            producer.id = stored.producer_id,
            carrier = carrier.as_str(),
            "carrier account does not open: {err}"
        );
        Unusable::Unreadable
    })?;
    serde_json::from_slice(&plain).map_err(|_| Unusable::Unreadable)
}

/// The credentials of a producer's own account with a carrier, to book with.
pub async fn credentials(
    db: &Db,
    keyring: Option<&Keyring>,
    producer_id: i64,
    carrier: Carrier,
) -> anyhow::Result<Result<Credentials, Unusable>> {
    Ok(match store::find(db, producer_id, carrier.as_str()).await? {
        Some(stored) => open(keyring, carrier, &stored),
        None => Err(Unusable::Removed),
    })
}

/// Removes a producer's account with a carrier; parcels it booked keep it named
/// but can no longer be cancelled or tracked through dacsan.
pub async fn remove(db: &Db, producer_id: i64, carrier: Carrier) -> AppResult<()> {
    if !store::delete(db, producer_id, carrier.as_str()).await? {
        return Err(AppError::not_found(messages::CARRIER_ACCOUNT));
    }
    tracing::info!(
        producer.id = producer_id,
        carrier = carrier.as_str(),
        "own {} account of producer {producer_id} removed",
        carrier.as_str()
    );
    Ok(())
}
