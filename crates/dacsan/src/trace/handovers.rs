//! Handing a batch to a carrier. A seller gives the driver or the post office a
//! link (`/carry/{token}`, shown once, as a QR code too) with which they record the
//! batch's shipping and receiving events from their own phone, without an account,
//! until it expires or the seller revokes it. Only the token's SHA-256 is stored.
//! The events say who recorded them: the carrier by name, on the word of the seller
//! who issued the link.

use anyhow::Context;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::messages;
use super::model::EventKind;
use crate::auth::store::{new_token, token_hash};
use crate::db::{self, Db};
use crate::error::FieldErrors;
use crate::error::Message;
use crate::vn::phone::Phone;

/// What a carrier may record: the batch on its way, and its arrival.
pub const CARRIER_KINDS: [EventKind; 2] = [EventKind::Shipping, EventKind::Receiving];
/// Longest a link lives, and how long when the seller does not say.
pub const MAX_DAYS: i64 = 30;
pub const DEFAULT_DAYS: i64 = 7;

/// What a seller fills in to hand a batch over.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct HandoverInput {
    /// The carrier: a company, a driver, a post office.
    pub carrier_name: Option<String>,
    pub carrier_phone: Option<String>,
    /// How long the link works: 1 to 30 days (7 when left out).
    pub days: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct ValidHandover {
    pub carrier_name: String,
    pub carrier_phone: Option<Phone>,
    pub days: i64,
}

impl HandoverInput {
    pub fn validate(self) -> Result<ValidHandover, FieldErrors> {
        let mut errors = FieldErrors::default();
        let carrier_name = self.carrier_name.unwrap_or_default().trim().to_string();
        if carrier_name.is_empty() {
            errors.add("carrier_name", messages::THE_CARRIER_S_NAME_IS_REQUIRED);
        } else if carrier_name.chars().count() > 120 {
            errors.add("carrier_name", messages::AT_MOST_120_CHARACTERS);
        }
        let carrier_phone = match self.carrier_phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
            None => None,
            Some(text) => match Phone::parse(text) {
                Ok(phone) => Some(phone),
                Err(e) => {
                    errors.add("carrier_phone", e);
                    None
                }
            },
        };
        let days = self.days.unwrap_or(DEFAULT_DAYS);
        if !(1..=MAX_DAYS).contains(&days) {
            errors.add("days", Message::from(messages::HANDOVER_DAYS_1_TO_MAX).with("max_days", MAX_DAYS));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidHandover { carrier_name, carrier_phone, days })
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Handover {
    pub id: i64,
    pub batch_id: i64,
    pub carrier_name: String,
    /// E.164, when given.
    pub carrier_phone: Option<String>,
    /// The seller who issued the link.
    pub created_by: i64,
    pub created_at: String,
    pub expires_at: String,
    pub revoked_at: Option<String>,
}

impl Handover {
    /// Neither revoked nor expired at `now` (UTC text).
    pub fn is_live(&self, now: &str) -> bool {
        self.revoked_at.is_none() && self.expires_at.as_str() > now
    }

    /// `0912 345 678`
    pub fn phone_national(&self) -> String {
        self.carrier_phone.as_deref().and_then(|p| Phone::parse(p).ok()).map(|p| p.national()).unwrap_or_default()
    }
}

const COLUMNS: &str = "id, batch_id, carrier_name, carrier_phone, created_by, created_at, expires_at, revoked_at";

fn from_row(r: &AnyRow) -> Result<Handover, sqlx::Error> {
    Ok(Handover {
        id: r.try_get("id")?,
        batch_id: r.try_get("batch_id")?,
        carrier_name: r.try_get("carrier_name")?,
        carrier_phone: r.try_get("carrier_phone")?,
        created_by: r.try_get("created_by")?,
        created_at: r.try_get("created_at")?,
        expires_at: r.try_get("expires_at")?,
        revoked_at: r.try_get("revoked_at")?,
    })
}

/// Stores a handover and returns it with its token (the only time the token exists
/// in clear).
pub async fn insert(db: &Db, batch_id: i64, user_id: i64, input: &ValidHandover) -> anyhow::Result<(Handover, String)> {
    let token = new_token();
    let now = time::OffsetDateTime::now_utc();
    let expires_at = db::time_text(now + time::Duration::days(input.days));
    let row = sqlx::query(&format!(
        "INSERT INTO carrier_handovers (batch_id, token_hash, carrier_name, carrier_phone, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {COLUMNS}"
    ))
    .bind(batch_id)
    .bind(token_hash(&token))
    .bind(&input.carrier_name)
    .bind(input.carrier_phone.as_ref().map(|p| p.e164().to_string()))
    .bind(user_id)
    .bind(db::time_text(now))
    .bind(expires_at)
    .fetch_one(&db.pool)
    .await
    .with_context(|| format!("insert a carrier handover of batch {batch_id}"))?;
    Ok((from_row(&row)?, token))
}

/// The handover behind a token, live or not.
pub async fn find_by_token(db: &Db, token: &str) -> anyhow::Result<Option<Handover>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM carrier_handovers WHERE token_hash = $1"))
        .bind(token_hash(token))
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

/// A batch's handovers, newest first.
pub async fn list_for_batch(db: &Db, batch_id: i64) -> anyhow::Result<Vec<Handover>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM carrier_handovers WHERE batch_id = $1 ORDER BY created_at DESC, id DESC LIMIT 100"
    ))
    .bind(batch_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// Ends a handover of this batch; `false` when it has no such handover.
pub async fn revoke(db: &Db, batch_id: i64, id: i64) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE carrier_handovers SET revoked_at = COALESCE(revoked_at, $3) WHERE id = $1 AND batch_id = $2",
    )
    .bind(id)
    .bind(batch_id)
    .bind(db::now())
    .execute(&db.pool)
    .await
    .with_context(|| format!("revoke carrier handover {id}"))?;
    Ok(done.rows_affected() > 0)
}

/// The carrier's page of a batch, and the API with the same link.
pub fn carry_url(public_url: &str, token: &str) -> String {
    format!("{public_url}/carry/{token}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, phone: &str, days: Option<i64>) -> HandoverInput {
        HandoverInput { carrier_name: Some(name.into()), carrier_phone: Some(phone.into()), days }
    }

    #[test]
    fn a_handover_needs_a_carrier_and_a_sensible_lifetime() {
        let valid = input(" Viettel Post Tam Đường ", "0912 345 678", None).validate().unwrap();
        assert_eq!(valid.carrier_name, "Viettel Post Tam Đường");
        assert_eq!(valid.carrier_phone.unwrap().e164(), "+84912345678");
        assert_eq!(valid.days, DEFAULT_DAYS);
        let errors = input("", "12", Some(31)).validate().unwrap_err();
        for field in ["carrier_name", "carrier_phone", "days"] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        assert!(input("A", "", Some(0)).validate().unwrap_err().get("days").is_some());
    }

    #[test]
    fn a_handover_lives_until_it_expires_or_is_revoked() {
        let mut handover = Handover {
            id: 1,
            batch_id: 1,
            carrier_name: "A".into(),
            carrier_phone: None,
            created_by: 1,
            created_at: "2026-11-01T00:00:00Z".into(),
            expires_at: "2026-11-08T00:00:00Z".into(),
            revoked_at: None,
        };
        assert!(handover.is_live("2026-11-07T23:59:59Z"));
        assert!(!handover.is_live("2026-11-08T00:00:00Z"));
        handover.revoked_at = Some("2026-11-02T00:00:00Z".into());
        assert!(!handover.is_live("2026-11-03T00:00:00Z"));
    }
}
