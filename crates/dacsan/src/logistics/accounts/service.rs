//! A producer's own carrier accounts as the seller manages them: sealed when saved,
//! listed masked, with what stops one from being used.

use carriers::Carrier;

use super::model::{AccountInput, AccountView, mask};
use super::{Unusable, aad, messages, store};
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::logistics::Logistics;

/// Seals and saves a producer's account with a carrier, replacing the one it
/// had. Refused, in words for the operator, when no key is set.
pub async fn save(
    db: &Db,
    logistics: &Logistics,
    producer_id: i64,
    carrier: Carrier,
    input: &AccountInput,
    user_id: i64,
) -> AppResult<AccountView> {
    let Some(keyring) = logistics.keyring() else {
        return Err(AppError::conflict("token", messages::THIS_SERVER_HAS_NO_DACSAN_SECRET));
    };
    let credentials = input.check().map_err(AppError::Invalid)?;
    if logistics.base_url(carrier).is_none() {
        return Err(AppError::conflict("carrier", Unusable::NotConnected.message(carrier)));
    }
    let json = serde_json::to_vec(&credentials).map_err(anyhow::Error::new)?;
    let sealed = keyring.seal(&json, &aad(producer_id, carrier))?;
    store::upsert(db, producer_id, carrier.as_str(), &sealed, user_id).await?;
    tracing::info!(
        producer.id = producer_id,
        carrier = carrier.as_str(),
        "own {} account of producer {producer_id} saved",
        carrier.as_str()
    );
    let saved = store::find(db, producer_id, carrier.as_str())
        .await?
        .ok_or_else(|| AppError::not_found(messages::CARRIER_ACCOUNT))?;
    Ok(view(logistics, carrier, &saved))
}

/// A producer's accounts, masked.
pub async fn list(db: &Db, logistics: &Logistics, producer_id: i64) -> anyhow::Result<Vec<AccountView>> {
    let mut views = Vec::new();
    for stored in store::list_for_producer(db, producer_id).await? {
        let carrier = Carrier::parse(&stored.carrier).ok_or_else(|| {
            anyhow::anyhow!("carrier «{}» of a carrier account is not one dacsan knows", stored.carrier)
        })?;
        views.push(view(logistics, carrier, &stored));
    }
    Ok(views)
}

fn view(logistics: &Logistics, carrier: Carrier, stored: &store::StoredAccount) -> AccountView {
    let opened = super::open(logistics.keyring(), carrier, stored);
    let problem = match (&opened, logistics.base_url(carrier)) {
        (Err(unusable), _) => Some(*unusable),
        (Ok(_), None) => Some(Unusable::NotConnected),
        (Ok(_), Some(_)) => None,
    };
    let credentials = opened.ok();
    AccountView {
        carrier: carrier.as_str().to_string(),
        token_hint: credentials.as_ref().map(|c| mask(&c.token)),
        shop_id: credentials.and_then(|c| c.shop_id),
        usable: problem.is_none(),
        updated_at: stored.updated_at.clone(),
        problem: problem.map(|p| p.message(carrier).text().to_string()),
    }
}
