//! What a person may ask about their data, the purposes they consent to, and the
//! clocks those requests run on.

use time::{Duration, OffsetDateTime, Weekday};

/// The privacy notice in force (`/privacy`), kept with the accounts.
pub use crate::auth::model::PRIVACY_NOTICE_VERSION as NOTICE_VERSION;

/// What personal data is used for, each consented to on its own.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    utoipa::ToSchema,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Purpose {
    /// The account itself: orders, delivery, payments (the notice); withdrawing it
    /// means deleting the account.
    Account,
    /// News and offers by e-mail.
    MarketingEmail,
    /// Sharing more with carriers than a delivery needs (a phone number for a
    /// collection point's keeper, say).
    CarrierSharing,
}

impl Purpose {
    /// The purposes a person may take back while keeping the account.
    pub const OPTIONAL: [Purpose; 2] = [Purpose::MarketingEmail, Purpose::CarrierSharing];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<Purpose> {
        s.parse().ok()
    }

    /// The i18n key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            Purpose::Account => "purpose_account",
            Purpose::MarketingEmail => "purpose_marketing_email",
            Purpose::CarrierSharing => "purpose_carrier_sharing",
        }
    }
}

/// What a person asks.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    serde::Serialize,
    utoipa::ToSchema,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum RequestKind {
    Access,
    Export,
    Correction,
    Withdrawal,
    Deletion,
    Objection,
}

impl RequestKind {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<RequestKind> {
        s.parse().ok()
    }

    /// The i18n key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            RequestKind::Access => "privacy_kind_access",
            RequestKind::Export => "privacy_kind_export",
            RequestKind::Correction => "privacy_kind_correction",
            RequestKind::Withdrawal => "privacy_kind_withdrawal",
            RequestKind::Deletion => "privacy_kind_deletion",
            RequestKind::Objection => "privacy_kind_objection",
        }
    }

    /// How long dacsan gives itself to finish a request of this kind: 72 hours
    /// for what a person can do from the account, 15 days for an objection that
    /// an admin has to look into.
    pub fn deadline(self) -> Duration {
        match self {
            RequestKind::Objection => Duration::days(15),
            _ => Duration::hours(72),
        }
    }
}

/// Where a request is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema, strum::EnumString, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum RequestStatus {
    Open,
    Done,
    /// Could not be done (a deletion held by an order on its way), with the reason.
    Refused,
}

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<RequestStatus> {
        s.parse().ok()
    }

    /// The i18n key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            RequestStatus::Open => "privacy_status_open",
            RequestStatus::Done => "privacy_status_done",
            RequestStatus::Refused => "privacy_status_refused",
        }
    }
}

/// A request must be acknowledged within two working days (Saturdays and
/// Sundays do not count).
pub fn acknowledge_by(from: OffsetDateTime) -> OffsetDateTime {
    let mut at = from;
    let mut left = 2;
    while left > 0 {
        at += Duration::days(1);
        if !matches!(at.weekday(), Weekday::Saturday | Weekday::Sunday) {
            left -= 1;
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn two_working_days_skip_the_weekend() {
        // Thursday → Monday; Monday → Wednesday; Saturday → Tuesday.
        assert_eq!(acknowledge_by(datetime!(2026-12-03 10:00 UTC)), datetime!(2026-12-07 10:00 UTC));
        assert_eq!(acknowledge_by(datetime!(2026-12-07 10:00 UTC)), datetime!(2026-12-09 10:00 UTC));
        assert_eq!(acknowledge_by(datetime!(2026-12-05 10:00 UTC)), datetime!(2026-12-08 10:00 UTC));
    }

    #[test]
    fn names_read_back_and_unknown_ones_are_none() {
        use strum::VariantArray;
        for &p in Purpose::VARIANTS {
            assert_eq!(Purpose::parse(p.as_str()), Some(p));
        }
        for &k in RequestKind::VARIANTS {
            assert_eq!(RequestKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Purpose::parse("telemarketing"), None);
        assert_eq!(RequestKind::parse("forget"), None);
    }

    #[test]
    fn an_objection_gets_longer_than_a_deletion() {
        assert_eq!(RequestKind::Deletion.deadline(), Duration::hours(72));
        assert!(RequestKind::Objection.deadline() > RequestKind::Deletion.deadline());
    }
}
