//! Batches (lots) and trace events as sellers send them, with their rules, and how
//! each kind of event is written in GS1 EPCIS 2.0 (event type, CBV business step and
//! disposition).

use gs1::epcis::{Action, BizStep, Disposition, EventType};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use super::messages;
use crate::error::FieldErrors;
use crate::error::Message;
use crate::vn::admin_units;

/// Largest quantity a batch or an event may carry.
const MAX_QUANTITY: i64 = 1_000_000_000;
const MAX_TEXT: usize = 2_000;

/// The kinds of step a seller, carrier or officer records along a batch's way.
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
pub enum EventKind {
    Harvest,
    Processing,
    Packing,
    QualityTest,
    Certification,
    Shipping,
    Receiving,
    Retail,
}

impl EventKind {
    pub const ALL: &[EventKind] = <EventKind as strum::VariantArray>::VARIANTS;

    pub fn parse(value: &str) -> Option<EventKind> {
        value.parse().ok()
    }

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The i18n key of a stored kind's name; "event" for a kind this version does not know.
    pub fn label_key_of(kind: &str) -> &'static str {
        EventKind::parse(kind).map_or("trace_event", EventKind::label_key)
    }

    /// The i18n key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            EventKind::Harvest => "trace_harvest",
            EventKind::Processing => "trace_processing",
            EventKind::Packing => "trace_packing",
            EventKind::QualityTest => "trace_quality_test",
            EventKind::Certification => "trace_certification",
            EventKind::Shipping => "trace_shipping",
            EventKind::Receiving => "trace_receiving",
            EventKind::Retail => "trace_retail",
        }
    }

    /// The stage code of Circular 02/2024/TT-BKHCN's record ("công đoạn"): the CBV
    /// business step, a public vocabulary the national portal also reads.
    pub fn biz_step(self) -> BizStep {
        match self {
            EventKind::Harvest => BizStep::Commissioning,
            EventKind::Processing => BizStep::CreatingClassInstance,
            EventKind::Packing => BizStep::Packing,
            EventKind::QualityTest | EventKind::Certification => BizStep::Inspecting,
            EventKind::Shipping => BizStep::Shipping,
            EventKind::Receiving => BizStep::Receiving,
            EventKind::Retail => BizStep::RetailSelling,
        }
    }

    pub fn event_type(self) -> EventType {
        match self {
            EventKind::Processing => EventType::TransformationEvent,
            EventKind::Packing => EventType::AggregationEvent,
            _ => EventType::ObjectEvent,
        }
    }

    /// `ADD` when the step brings the lot (or a carton) into being, else `OBSERVE`.
    pub fn action(self) -> Option<Action> {
        match self {
            EventKind::Processing => None,
            EventKind::Harvest | EventKind::Packing => Some(Action::Add),
            _ => Some(Action::Observe),
        }
    }

    /// The disposition after the step; a failed quality test leaves the lot
    /// non-conformant.
    pub fn disposition(self, passed: Option<bool>) -> Disposition {
        match self {
            EventKind::Harvest | EventKind::Processing => Disposition::Active,
            EventKind::Packing => Disposition::ContainerClosed,
            EventKind::QualityTest | EventKind::Certification => match passed {
                Some(false) => Disposition::NonConformant,
                _ => Disposition::Conformant,
            },
            EventKind::Shipping => Disposition::InTransit,
            EventKind::Receiving => Disposition::InProgress,
            EventKind::Retail => Disposition::SellableAccessible,
        }
    }

    /// The kind an EPCIS event captured from outside stands for.
    pub fn from_biz_step(step: Option<BizStep>, event_type: EventType) -> EventKind {
        match step {
            Some(BizStep::Commissioning) => EventKind::Harvest,
            Some(BizStep::CreatingClassInstance) => EventKind::Processing,
            Some(BizStep::Packing) => EventKind::Packing,
            Some(BizStep::Inspecting | BizStep::Sampling) => EventKind::QualityTest,
            Some(BizStep::Shipping | BizStep::Departing | BizStep::Transporting) => EventKind::Shipping,
            Some(BizStep::Receiving | BizStep::Arriving | BizStep::Accepting) => EventKind::Receiving,
            Some(BizStep::RetailSelling | BizStep::Stocking) => EventKind::Retail,
            _ => match event_type {
                EventType::TransformationEvent => EventKind::Processing,
                EventType::AggregationEvent => EventKind::Packing,
                _ => EventKind::QualityTest,
            },
        }
    }
}

/// A new batch as a seller sends it.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchInput {
    /// Batch/lot number as printed (GS1 AI 10: up to 20 of A–Z a–z 0–9 and `-._/` …).
    pub lot: Option<String>,
    /// `YYYY-MM-DD`
    pub produced_on: Option<String>,
    /// `YYYY-MM-DD`, optional.
    pub expires_on: Option<String>,
    pub quantity: Option<i64>,
    /// Commune of the growing/production area; the product's origin when left out.
    pub origin_commune_code: Option<String>,
    /// Decimal degrees as text or number, e.g. `22.3964`.
    #[schema(value_type = Option<String>)]
    pub latitude: Option<serde_json::Value>,
    #[schema(value_type = Option<String>)]
    pub longitude: Option<serde_json::Value>,
    /// Earlier batches (ids) or free descriptions of what went into this one.
    #[serde(default)]
    pub inputs: Vec<InputRef>,
    /// Standards applied, e.g. `TCVN 12605:2019`.
    pub standards: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InputRef {
    pub batch_id: Option<i64>,
    pub description: Option<String>,
}

/// A batch once every rule holds.
#[derive(Debug, Clone)]
pub struct ValidBatch {
    pub lot: gs1::Lot,
    pub produced_on: Date,
    pub expires_on: Option<Date>,
    pub quantity: i64,
    pub origin_commune_code: String,
    pub gps_e6: Option<(i64, i64)>,
    pub inputs: Vec<InputRef>,
    pub standards: String,
}

use crate::vn::parse_iso_date as parse_date;

impl BatchInput {
    pub fn validate(self, default_commune: &str, today: Date) -> Result<ValidBatch, FieldErrors> {
        let mut errors = FieldErrors::default();
        let lot = match gs1::Lot::parse(self.lot.as_deref().unwrap_or("").trim()) {
            Ok(lot) => Some(lot),
            Err(e) => {
                errors.add("lot", Message::from(messages::LOT_REFUSED).with("detail", e));
                None
            }
        };
        let produced_on = match self.produced_on.as_deref().map(parse_date) {
            Some(Some(day)) if day <= today + time::Duration::days(1) => Some(day),
            Some(Some(_)) => {
                errors.add("produced_on", messages::PRODUCTION_DATE_IS_IN_THE_FUTURE);
                None
            }
            _ => {
                errors.add("produced_on", messages::PRODUCTION_DATE_YYYY_MM_DD_REQUIRED);
                None
            }
        };
        let produced_as_given = self.produced_on.as_deref().and_then(parse_date);
        let expires_on = match self.expires_on.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(text) => match parse_date(text) {
                Some(day) if produced_as_given.is_none_or(|p| day > p) => Some(day),
                Some(_) => {
                    errors.add("expires_on", messages::EXPIRY_MUST_BE_AFTER_PRODUCTION);
                    None
                }
                None => {
                    errors.add("expires_on", messages::DATE_AS_YYYY_MM_DD);
                    None
                }
            },
        };
        let quantity = self.quantity.unwrap_or(0);
        if !(1..=MAX_QUANTITY).contains(&quantity) {
            errors.add("quantity", messages::QUANTITY_OF_AT_LEAST_1);
        }
        let origin = self.origin_commune_code.map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
        let origin = origin.unwrap_or_else(|| default_commune.to_string());
        if admin_units::commune(&origin).is_none() {
            errors.add("origin_commune_code", Message::from(messages::NO_ORIGIN_COMMUNE).with("origin", &origin));
        }
        let gps_e6 = match (self.latitude.as_ref(), self.longitude.as_ref()) {
            (None, None) => None,
            (Some(lat), Some(lon)) => {
                let lat = micro_degrees(lat, 90);
                let lon = micro_degrees(lon, 180);
                if lat.is_none() {
                    errors.add("latitude", messages::LATITUDE_RANGE);
                }
                if lon.is_none() {
                    errors.add("longitude", messages::LONGITUDE_RANGE);
                }
                lat.zip(lon)
            }
            _ => {
                errors.add("latitude", messages::GIVE_BOTH_LATITUDE_AND_LONGITUDE);
                None
            }
        };
        for (i, input) in self.inputs.iter().enumerate() {
            let description = input.description.as_deref().unwrap_or("").trim();
            if input.batch_id.is_none() && description.is_empty() {
                errors.add(&format!("inputs[{i}]"), messages::BATCH_ID_OR_DESCRIPTION_REQUIRED);
            }
            if description.chars().count() > 500 {
                errors.add(&format!("inputs[{i}].description"), messages::AT_MOST_500_CHARACTERS);
            }
        }
        if self.inputs.len() > 50 {
            errors.add("inputs", messages::AT_MOST_50_INPUTS);
        }
        let standards = self.standards.unwrap_or_default().trim().to_string();
        if standards.chars().count() > 500 {
            errors.add("standards", messages::AT_MOST_500_CHARACTERS);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidBatch {
            lot: lot.expect("checked above"),
            produced_on: produced_on.expect("checked above"),
            expires_on,
            quantity,
            origin_commune_code: origin,
            gps_e6,
            inputs: self.inputs,
            standards,
        })
    }
}

/// Decimal degrees (a JSON number or text) as millionths of a degree, without
/// going through floating point; `None` beyond ±`limit` or with more than six
/// decimals.
pub fn micro_degrees(value: &serde_json::Value, limit: i64) -> Option<i64> {
    let text = match value {
        serde_json::Value::String(s) => s.trim().to_string(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() || fraction.len() > 6 || !(whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit())) {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let fraction: i64 = format!("{fraction:0<6}").parse().ok()?;
    let value = whole.checked_mul(1_000_000)?.checked_add(fraction)?;
    (value <= limit * 1_000_000).then_some(if negative { -value } else { value })
}

/// Millionths of a degree as decimal text, e.g. `22.396400`.
pub fn degrees_text(e6: i64) -> String {
    let sign = if e6 < 0 { "-" } else { "" };
    format!("{sign}{}.{:06}", e6.abs() / 1_000_000, e6.abs() % 1_000_000)
}

/// A trace event as a seller, carrier or officer sends it.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventInput {
    /// harvest, processing, packing, quality_test, certification, shipping, receiving, retail
    pub kind: Option<String>,
    /// When it happened, RFC 3339 with offset (`2026-05-01T08:00:00+07:00`); now when left out.
    pub time: Option<String>,
    pub commune_code: Option<String>,
    /// GS1 Global Location Number of the place, if it has one.
    pub gln: Option<String>,
    /// Who did it (a person, a carrier, a laboratory).
    pub who: Option<String>,
    pub note: Option<String>,
    pub quantity: Option<i64>,
    /// For quality tests: did the lot pass?
    pub passed: Option<bool>,
    /// For packing: the carton or case the units went into.
    pub container: Option<String>,
    /// The carton's or pallet's SSCC (GS1 AI 00, 18 digits) when it has one: packing
    /// names it as the parent of the units, shipping and receiving as what moved.
    pub sscc: Option<String>,
    /// The seq of an earlier event of this batch that this one corrects.
    pub corrects: Option<i64>,
    /// Ids of files uploaded to this batch.
    #[serde(default)]
    pub attachments: Vec<i64>,
}

/// An event once every rule holds; the service adds who recorded it and when.
#[derive(Debug, Clone)]
pub struct ValidEvent {
    pub kind: EventKind,
    pub time: OffsetDateTime,
    pub commune_code: Option<String>,
    pub gln: Option<gs1::Gln>,
    pub who: String,
    pub note: String,
    pub quantity: Option<i64>,
    pub passed: Option<bool>,
    pub container: Option<String>,
    pub sscc: Option<gs1::Sscc>,
    pub corrects: Option<i64>,
    pub attachments: Vec<i64>,
}

impl EventInput {
    pub fn validate(self, now: OffsetDateTime) -> Result<ValidEvent, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = self.kind.as_deref().map(str::trim).and_then(EventKind::parse);
        if kind.is_none() {
            let names: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
            errors.add("kind", Message::from(messages::ONE_OF).with("join", names.join(", ")));
        }
        let time = match self.time.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            None => Some(now.to_offset(time::macros::offset!(+7))),
            Some(text) => match OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339) {
                Ok(at) if at <= now + time::Duration::hours(1) => Some(at),
                Ok(_) => {
                    errors.add("time", messages::THE_TIME_IS_IN_THE_FUTURE);
                    None
                }
                Err(_) => {
                    errors.add("time", messages::RFC_3339_WITH_OFFSET);
                    None
                }
            },
        };
        let commune_code = self.commune_code.map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
        if let Some(code) = &commune_code
            && admin_units::commune(code).is_none()
        {
            errors.add("commune_code", Message::from(messages::NO_COMMUNE_WITH_CODE).with("code", code));
        }
        let gln = match self.gln.as_deref().map(str::trim).filter(|g| !g.is_empty()) {
            None => None,
            Some(text) => match gs1::Gln::parse(text) {
                Ok(gln) => Some(gln),
                Err(e) => {
                    errors.add("gln", crate::gs1_keys::refusal("GLN", &e));
                    None
                }
            },
        };
        let who = self.who.unwrap_or_default().trim().to_string();
        let note = self.note.unwrap_or_default().trim().to_string();
        if who.chars().count() > 200 {
            errors.add("who", messages::AT_MOST_200_CHARACTERS);
        }
        if note.chars().count() > MAX_TEXT {
            errors.add("note", messages::AT_MOST_2000_CHARACTERS);
        }
        if let Some(q) = self.quantity
            && !(0..=MAX_QUANTITY).contains(&q)
        {
            errors.add("quantity", messages::QUANTITY_MUST_NOT_BE_NEGATIVE);
        }
        let container = self.container.map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
        if container.as_ref().is_some_and(|c| c.chars().count() > 80) {
            errors.add("container", messages::AT_MOST_80_CHARACTERS);
        }
        let sscc = match self.sscc.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(text) => match gs1::Sscc::parse(text) {
                Ok(sscc) => Some(sscc),
                Err(e) => {
                    errors.add("sscc", crate::gs1_keys::refusal("SSCC", &e));
                    None
                }
            },
        };
        if self.corrects.is_some_and(|seq| seq < 1) {
            errors.add("corrects", messages::EVENT_SEQ_FROM_1);
        }
        if self.attachments.len() > 10 {
            errors.add("attachments", messages::AT_MOST_10_FILES);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidEvent {
            kind: kind.expect("checked above"),
            time: time.expect("checked above"),
            commune_code,
            gln,
            who,
            note,
            quantity: self.quantity,
            passed: self.passed,
            container,
            sscc,
            corrects: self.corrects,
            attachments: self.attachments,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn today() -> Date {
        time::macros::date!(2026 - 05 - 10)
    }

    fn good_batch() -> BatchInput {
        BatchInput {
            lot: Some("MO-2026-05".into()),
            produced_on: Some("2026-05-01".into()),
            expires_on: Some("2027-05-01".into()),
            quantity: Some(500),
            ..Default::default()
        }
    }

    #[test]
    fn a_batch_takes_the_product_origin_when_none_is_given() {
        let batch = good_batch().validate("00004", today()).unwrap();
        assert_eq!(batch.origin_commune_code, "00004");
        assert_eq!(batch.lot.as_str(), "MO-2026-05");
    }

    #[test]
    fn bad_batches_name_each_field() {
        let input = BatchInput {
            lot: Some("lô có dấu".into()),
            produced_on: Some("2030-01-01".into()),
            expires_on: Some("2020-01-01".into()),
            quantity: Some(0),
            origin_commune_code: Some("99999".into()),
            latitude: Some(json!(91)),
            longitude: Some(json!("abc")),
            inputs: vec![InputRef::default()],
            standards: None,
        };
        let errors = input.validate("00004", today()).unwrap_err();
        for field in [
            "lot",
            "produced_on",
            "expires_on",
            "quantity",
            "origin_commune_code",
            "latitude",
            "longitude",
            "inputs[0]",
        ] {
            assert!(errors.get(field).is_some(), "{field} should be refused: {errors:?}");
        }
    }

    #[test]
    fn degrees_become_integers_without_floats() {
        assert_eq!(micro_degrees(&json!("22.3964"), 90), Some(22_396_400));
        assert_eq!(micro_degrees(&json!(-103.5), 180), Some(-103_500_000));
        assert_eq!(micro_degrees(&json!("90.000001"), 90), None);
        assert_eq!(micro_degrees(&json!("1.1234567"), 90), None);
        assert_eq!(micro_degrees(&json!("1e3"), 90), None);
        assert_eq!(degrees_text(-103_500_000), "-103.500000");
    }

    #[test]
    fn events_need_a_known_kind_a_past_time_and_real_places() {
        let now = time::macros::datetime!(2026-05-10 12:00 UTC);
        let good = EventInput { kind: Some("shipping".into()), ..Default::default() }.validate(now).unwrap();
        assert_eq!(good.kind, EventKind::Shipping);
        assert_eq!(good.time.offset(), time::macros::offset!(+7), "now, in Vietnam's time");
        let bad = EventInput {
            kind: Some("dancing".into()),
            time: Some("2027-01-01T00:00:00+07:00".into()),
            commune_code: Some("99999".into()),
            gln: Some("8930000000001".into()),
            quantity: Some(-1),
            corrects: Some(0),
            ..Default::default()
        }
        .validate(now)
        .unwrap_err();
        for field in ["kind", "time", "commune_code", "gln", "quantity", "corrects"] {
            assert!(bad.get(field).is_some(), "{field} should be refused: {bad:?}");
        }
        let no_offset =
            EventInput { kind: Some("harvest".into()), time: Some("2026-05-01T08:00:00".into()), ..Default::default() };
        assert!(no_offset.validate(now).unwrap_err().get("time").is_some());
    }

    #[test]
    fn every_kind_maps_to_epcis_values() {
        for &kind in EventKind::ALL {
            assert_eq!(EventKind::parse(kind.as_str()), Some(kind));
            assert_eq!(EventKind::from_biz_step(Some(kind.biz_step()), kind.event_type()).biz_step(), kind.biz_step());
            assert_eq!(kind.action().is_none(), kind.event_type() == EventType::TransformationEvent);
        }
        assert_eq!(EventKind::QualityTest.disposition(Some(false)), Disposition::NonConformant);
    }
}
