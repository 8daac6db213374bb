//! Fairs and market sessions: the event (name, kind, place, dates, visitors) and its
//! booths (a producer, a booth label, the revenue in đồng), with the checks on what
//! people type.

use serde::{Deserialize, Serialize};

use super::messages;
use crate::error::FieldErrors;
use crate::error::Message;
use crate::programme::support::model::{clean, date_field, text_field};
use crate::vn::Vnd;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum FairKind {
    Fair,
    MarketSession,
}

impl FairKind {
    pub const ALL: &[FairKind] = <FairKind as strum::VariantArray>::VARIANTS;

    pub fn parse(value: &str) -> Option<FairKind> {
        value.trim().parse().ok()
    }

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label_key(self) -> &'static str {
        match self {
            FairKind::Fair => "fair_kind_fair",
            FairKind::MarketSession => "fair_kind_market_session",
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            FairKind::Fair => "Hội chợ",
            FairKind::MarketSession => "Phiên chợ",
        }
    }
}

/// The biggest revenue one booth may report (a hundred billion đồng): above is a typo.
pub const MAX_REVENUE: i64 = 100_000_000_000;
pub const MAX_VISITORS: i64 = 100_000_000;
const MAX_TEXT: usize = 200;

/// A fair as a form or the API sends it; for a change, what is absent stays.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct FairInput {
    pub province_code: Option<String>,
    pub name: Option<String>,
    /// `fair` or `market_session`.
    pub kind: Option<String>,
    pub place: Option<String>,
    /// `YYYY-MM-DD` (or `dd/mm/yyyy`).
    pub starts_on: Option<String>,
    /// The first day when absent (a one-day market session).
    pub ends_on: Option<String>,
    pub visitors: Option<i64>,
    /// What the fair hopes to sell, whole đồng (0: no target).
    pub target_revenue_vnd: Option<i64>,
}

/// A fair's fields once every rule holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FairFields {
    pub name: String,
    pub kind: FairKind,
    pub place: String,
    pub starts_on: String,
    pub ends_on: String,
    pub visitors: i64,
    pub target_revenue_vnd: i64,
}

impl FairInput {
    /// Checks every field, taking what is absent from `existing` (for changes).
    pub fn validate(&self, existing: Option<&FairFields>) -> Result<FairFields, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = match self.name.as_deref() {
            Some(n) => text_field(&mut errors, "name", messages::NAME_LABEL, Some(n), MAX_TEXT),
            None => existing.map(|e| e.name.clone()).unwrap_or_default(),
        };
        if name.is_empty() && errors.get("name").is_none() {
            errors.add("name", messages::NAME_REQUIRED);
        }
        let kind = match clean(self.kind.as_deref()) {
            Some(k) => FairKind::parse(&k).or_else(|| {
                errors.add("kind", Message::from(messages::UNKNOWN_KIND_FAIR_MARKET_SESSION).with("k", &k));
                None
            }),
            None => existing.map(|e| e.kind).or(Some(FairKind::Fair)),
        };
        let place = match self.place.as_deref() {
            Some(p) => text_field(&mut errors, "place", messages::PLACE_LABEL, Some(p), MAX_TEXT),
            None => existing.map(|e| e.place.clone()).unwrap_or_default(),
        };
        let starts_on = match self.starts_on.as_deref() {
            Some(d) => date_field(&mut errors, "starts_on", messages::STARTS_ON_LABEL, Some(d)),
            None => existing.map(|e| e.starts_on.clone()),
        };
        if starts_on.is_none() && errors.get("starts_on").is_none() {
            errors.add("starts_on", messages::START_DATE_REQUIRED);
        }
        let ends_on = match self.ends_on.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            Some(d) => date_field(&mut errors, "ends_on", messages::ENDS_ON_LABEL, Some(d)),
            None => existing.map(|e| e.ends_on.clone()).or_else(|| starts_on.clone()),
        };
        if let (Some(start), Some(end)) = (&starts_on, &ends_on)
            && end < start
        {
            errors.add(
                "ends_on",
                Message::from(messages::END_DATE_IS_BEFORE_THE_START).with("end", end).with("start", start),
            );
        }
        let visitors = self.visitors.or(existing.map(|e| e.visitors)).unwrap_or(0);
        if !(0..=MAX_VISITORS).contains(&visitors) {
            errors.add("visitors", Message::from(messages::VISITORS_0_TO_MAX).with("max_visitors", MAX_VISITORS));
        }
        let target_revenue_vnd = self.target_revenue_vnd.or(existing.map(|e| e.target_revenue_vnd)).unwrap_or(0);
        if !(0..=MAX_REVENUE).contains(&target_revenue_vnd) {
            errors.add(
                "target_revenue_vnd",
                Message::from(messages::REVENUE_TARGET_0_TO_MAX).with("value", Vnd(MAX_REVENUE)),
            );
        }
        match (kind, starts_on, ends_on) {
            (Some(kind), Some(starts_on), Some(ends_on)) if errors.is_empty() => {
                Ok(FairFields { name, kind, place, starts_on, ends_on, visitors, target_revenue_vnd })
            }
            _ => Err(errors),
        }
    }
}

/// Visitors as typed in a form: blank is none, else a whole number.
pub fn parse_visitors(errors: &mut FieldErrors, value: Option<&str>) -> Option<i64> {
    let value = clean(value)?;
    let digits: String = value.chars().filter(|c| !matches!(c, '.' | ',' | ' ')).collect();
    match digits.parse::<i64>() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.add("visitors", Message::from(messages::VISITORS_A_WHOLE_NUMBER).with("value", &value));
            None
        }
    }
}

/// Revenue as typed in a form (`12.500.000`, `12 500 000 ₫`): blank is 0.
pub fn parse_revenue(errors: &mut FieldErrors, value: Option<&str>) -> i64 {
    parse_amount(errors, "revenue_vnd", value)
}

/// An amount of đồng as typed in a form's `field`: blank is 0.
pub fn parse_amount(errors: &mut FieldErrors, field: &str, value: Option<&str>) -> i64 {
    let Some(value) = clean(value) else { return 0 };
    match Vnd::parse(&value) {
        Ok(Vnd(n)) => n,
        Err(why) => {
            errors.add(field, Message::from(messages::AMOUNT_REFUSED).with("value", &value).with_message("why", why));
            0
        }
    }
}

/// A booth as the API takes it: the producer by id, or by code or name.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct BoothInput {
    pub producer_id: Option<i64>,
    /// `Mã cơ sở` or the producer's name.
    pub producer: Option<String>,
    /// The booth's label (`A12`).
    pub booth: Option<String>,
    /// Whole đồng.
    pub revenue_vnd: Option<i64>,
}

/// A booth's label and revenue once checked.
pub fn check_booth(errors: &mut FieldErrors, booth: Option<&str>, revenue_vnd: i64) -> String {
    let label = text_field(errors, "booth", messages::BOOTH_LABEL, booth, 50);
    if !(0..=MAX_REVENUE).contains(&revenue_vnd) {
        errors.add("revenue_vnd", Message::from(messages::REVENUE_0_TO_MAX).with("value", Vnd(MAX_REVENUE)));
    }
    label
}

/// The kind of payment request a VietQR stall sale opens.
pub const PURPOSE: &str = "stall_sale";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema, strum::EnumString, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum SaleMethod {
    Vietqr,
    Cash,
}

impl SaleMethod {
    pub fn label_key(self) -> &'static str {
        match self {
            SaleMethod::Vietqr => "stall_method_vietqr",
            SaleMethod::Cash => "stall_method_cash",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum SaleStatus {
    AwaitingPayment,
    Paid,
    Cancelled,
}

impl SaleStatus {
    pub fn label_key(self) -> &'static str {
        match self {
            SaleStatus::AwaitingPayment => "stall_status_awaiting",
            SaleStatus::Paid => "stall_status_paid",
            SaleStatus::Cancelled => "stall_status_cancelled",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(start: &str, end: &str) -> FairInput {
        FairInput {
            name: Some("Hội chợ OCOP Lai Châu".into()),
            kind: Some("fair".into()),
            starts_on: Some(start.into()),
            ends_on: Some(end.into()),
            visitors: Some(1200),
            ..Default::default()
        }
    }

    #[test]
    fn an_end_before_the_start_is_refused() {
        let errors = input("2026-05-10", "2026-05-09").validate(None).unwrap_err();
        assert!(errors.get("ends_on").unwrap().contains("trước ngày bắt đầu"));
        let fields = input("2026-05-10", "12/05/2026").validate(None).unwrap();
        assert_eq!((fields.starts_on.as_str(), fields.ends_on.as_str()), ("2026-05-10", "2026-05-12"));
    }

    #[test]
    fn a_one_day_market_session_ends_when_it_starts() {
        let one_day = FairInput { ends_on: None, kind: Some("market_session".into()), ..input("2026-06-01", "") };
        let fields = one_day.validate(None).unwrap();
        assert_eq!((fields.kind, fields.ends_on.as_str()), (FairKind::MarketSession, "2026-06-01"));
    }

    #[test]
    fn a_change_keeps_what_is_not_sent() {
        let existing = input("2026-05-10", "2026-05-12").validate(None).unwrap();
        let change = FairInput { visitors: Some(5000), ..Default::default() };
        let fields = change.validate(Some(&existing)).unwrap();
        assert_eq!((fields.visitors, fields.name.as_str()), (5000, "Hội chợ OCOP Lai Châu"));
        let bad = FairInput {
            ends_on: Some("2026-05-01".into()),
            kind: Some("expo".into()),
            visitors: Some(-1),
            ..Default::default()
        };
        let errors = bad.validate(Some(&existing)).unwrap_err();
        for field in ["ends_on", "kind", "visitors"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn revenue_is_read_as_people_type_it() {
        let mut errors = FieldErrors::default();
        assert_eq!(parse_revenue(&mut errors, Some("12.500.000")), 12_500_000);
        assert_eq!(parse_revenue(&mut errors, Some(" ")), 0);
        assert!(errors.is_empty());
        assert_eq!(parse_revenue(&mut errors, Some("12,5 triệu")), 0);
        assert!(errors.get("revenue_vnd").unwrap().contains("12,5 triệu"));
        let mut errors = FieldErrors::default();
        assert_eq!(parse_visitors(&mut errors, Some("1.500")), Some(1500));
        assert_eq!(parse_visitors(&mut errors, Some("nhiều")), None);
        assert!(errors.get("visitors").is_some());
        let mut errors = FieldErrors::default();
        check_booth(&mut errors, Some("A12"), -5);
        assert!(errors.get("revenue_vnd").is_some());
    }
}
