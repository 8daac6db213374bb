//! Collection points and their runs as rules: what a point and a run must say, when
//! a run next leaves (weekdays and a time in Vietnam time, UTC+7), and how the wait
//! for it lengthens a carrier's days at checkout.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

use super::messages;
use crate::error::FieldErrors;
use crate::error::Message;
use crate::orders::delivery::{DeliveryOption, OptionKind};
use crate::vn::admin_units;
use crate::vn::phone::Phone;

/// Vietnam's time (Indochina Time, no daylight saving).
pub const VN_OFFSET: UtcOffset = time::macros::offset!(+7);
/// A run by the cooperative's own vehicle rather than a carrier.
pub const VEHICLE: &str = "vehicle";

/// What an officer, an admin or a cooperative's seller fills in for a point.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct PointInput {
    pub name: Option<String>,
    /// The province's code (2025 units, `12` Lai Châu).
    pub province_code: Option<String>,
    /// The commune's code in that province (2025 units).
    pub commune_code: Option<String>,
    /// House, hamlet (bản), road.
    pub address: Option<String>,
    /// Opening hours as people say them: `T2–T6 7:30–17:00`.
    pub hours: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    /// The cooperative that runs the point; left out for a province's point.
    pub producer_id: Option<i64>,
    /// `true` when left out.
    pub active: Option<bool>,
}

#[derive(Debug, Clone)]
pub struct ValidPoint {
    pub name: String,
    pub province_code: String,
    pub commune_code: String,
    pub address: String,
    pub hours: String,
    pub contact_name: String,
    pub contact_phone: Phone,
    pub producer_id: Option<i64>,
    pub active: bool,
}

fn text(value: Option<String>) -> String {
    value.unwrap_or_default().trim().to_string()
}

fn limit(errors: &mut FieldErrors, field: &str, value: &str, max: usize, required: bool) {
    if required && value.is_empty() {
        errors.add(field, messages::REQUIRED);
    } else if value.chars().count() > max {
        errors.add(field, Message::from(messages::AT_MOST_CHARACTERS).with("max", max));
    }
}

impl PointInput {
    pub fn validate(self) -> Result<ValidPoint, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = text(self.name);
        limit(&mut errors, "name", &name, 120, true);
        let province_code = text(self.province_code);
        let commune_code = text(self.commune_code);
        if admin_units::province(&province_code).is_none() {
            errors.add("province_code", messages::NO_PROVINCE_HAS_THIS_CODE);
        } else if admin_units::commune_in(&province_code, &commune_code).is_none() {
            errors.add("commune_code", messages::NO_SUCH_COMMUNE_IN_PROVINCE);
        }
        let address = text(self.address);
        limit(&mut errors, "address", &address, 200, false);
        let hours = text(self.hours);
        limit(&mut errors, "hours", &hours, 120, false);
        let contact_name = text(self.contact_name);
        limit(&mut errors, "contact_name", &contact_name, 120, true);
        let contact_phone = match Phone::parse(self.contact_phone.as_deref().unwrap_or("").trim()) {
            Ok(phone) => Some(phone),
            Err(e) => {
                errors.add("contact_phone", e);
                None
            }
        };
        match contact_phone {
            Some(contact_phone) if errors.is_empty() => Ok(ValidPoint {
                name,
                province_code,
                commune_code,
                address,
                hours,
                contact_name,
                contact_phone,
                producer_id: self.producer_id,
                active: self.active.unwrap_or(true),
            }),
            _ => Err(errors),
        }
    }
}

/// A collection point as stored.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CollectionPoint {
    pub id: i64,
    pub name: String,
    pub province_code: String,
    pub commune_code: String,
    pub address: String,
    pub hours: String,
    pub contact_name: String,
    /// E.164.
    pub contact_phone: String,
    pub producer_id: Option<i64>,
    pub active: bool,
    pub created_at: String,
    pub updated_at: String,
}

impl CollectionPoint {
    /// `Xã Sìn Hồ, Tỉnh Lai Châu`
    pub fn place_name(&self) -> String {
        let commune = admin_units::commune(&self.commune_code).map(|c| c.name.as_str()).unwrap_or("");
        let province = admin_units::province(&self.province_code).map(|p| p.name.as_str()).unwrap_or("");
        [commune, province].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")
    }

    /// `0912 345 678`
    pub fn phone_national(&self) -> String {
        Phone::parse(&self.contact_phone).map(|p| p.national()).unwrap_or_else(|_| self.contact_phone.clone())
    }
}

/// A run as asked for.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct RunInput {
    /// `mon` … `sun` (or `t2` … `t7`, `cn`): `["tue", "fri"]`.
    #[serde(default)]
    pub weekdays: Vec<String>,
    /// `HH:MM` in Vietnam time: `14:00`.
    pub time: Option<String>,
    /// A carrier's code (`ghn`, `ghtk`, `viettelpost`, `vnpost`) or `vehicle`.
    pub carrier: Option<String>,
    /// For `vehicle`: whose vehicle (`Xe HTX Sìn Hồ`).
    pub vehicle_name: Option<String>,
    /// `true` when left out.
    pub active: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRun {
    pub weekdays: Vec<Weekday>,
    pub time: Time,
    pub carrier: String,
    pub vehicle_name: Option<String>,
    pub active: bool,
}

const WEEK: [(Weekday, &str, &str); 7] = [
    (Weekday::Monday, "mon", "t2"),
    (Weekday::Tuesday, "tue", "t3"),
    (Weekday::Wednesday, "wed", "t4"),
    (Weekday::Thursday, "thu", "t5"),
    (Weekday::Friday, "fri", "t6"),
    (Weekday::Saturday, "sat", "t7"),
    (Weekday::Sunday, "sun", "cn"),
];

/// `tue`, `Tuesday`, `T3` → Tuesday.
pub fn parse_weekday(value: &str) -> Option<Weekday> {
    let value = value.trim().to_lowercase();
    WEEK.iter()
        .find(|(day, short, vi)| value == *short || value == *vi || value == day.to_string().to_lowercase())
        .map(|(day, _, _)| *day)
}

pub fn weekday_code(day: Weekday) -> &'static str {
    WEEK.iter().find(|(d, _, _)| *d == day).map(|(_, short, _)| *short).unwrap_or("mon")
}

/// `14:00` → 14:00; hours 0–23, minutes 0–59, two digits each (one for the hour).
pub fn parse_time(value: &str) -> Option<Time> {
    let (h, m) = value.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 || !h.chars().chain(m.chars()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    Time::from_hms(h.parse().ok()?, m.parse().ok()?, 0).ok()
}

impl RunInput {
    pub fn validate(self) -> Result<ValidRun, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut weekdays = Vec::new();
        for value in &self.weekdays {
            match parse_weekday(value) {
                Some(day) if !weekdays.contains(&day) => weekdays.push(day),
                Some(_) => {}
                None => errors.add("weekdays", Message::from(messages::IS_NOT_A_WEEKDAY_MON_SUN).with("value", value)),
            }
        }
        if self.weekdays.is_empty() {
            errors.add("weekdays", messages::CHOOSE_AT_LEAST_ONE_WEEKDAY);
        }
        weekdays.sort_by_key(|d| d.number_days_from_monday());
        let time = parse_time(self.time.as_deref().unwrap_or(""));
        if time.is_none() {
            errors.add("time", messages::TIME_AS_HH_MM);
        }
        let carrier = text(self.carrier).to_lowercase();
        let vehicle_name = Some(text(self.vehicle_name)).filter(|v| !v.is_empty());
        if carrier == VEHICLE {
            match &vehicle_name {
                None => errors.add("vehicle_name", messages::THE_VEHICLE_S_NAME_IS_REQUIRED),
                Some(name) => limit(&mut errors, "vehicle_name", name, 120, true),
            }
        } else if carriers::Carrier::parse(&carrier).is_none() {
            errors.add("carrier", messages::RUN_CARRIER_ONE_OF);
        }
        match time {
            Some(time) if errors.is_empty() => Ok(ValidRun {
                weekdays,
                time,
                vehicle_name: if carrier == VEHICLE { vehicle_name } else { None },
                carrier,
                active: self.active.unwrap_or(true),
            }),
            _ => Err(errors),
        }
    }
}

/// A run as stored.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Run {
    pub id: i64,
    pub point_id: i64,
    /// `["tue", "fri"]`
    pub weekdays: Vec<String>,
    /// `14:00`, Vietnam time.
    pub time: String,
    /// A carrier's code or `vehicle`.
    pub carrier: String,
    pub vehicle_name: Option<String>,
    pub active: bool,
}

impl Run {
    /// The run's days and time; `None` when what is stored is not understood.
    pub fn schedule(&self) -> Option<(Vec<Weekday>, Time)> {
        let days: Option<Vec<Weekday>> = self.weekdays.iter().map(|d| parse_weekday(d)).collect();
        Some((days?, parse_time(&self.time)?))
    }

    /// When it next leaves after `now`.
    pub fn next_after(&self, now: OffsetDateTime) -> Option<OffsetDateTime> {
        let (days, at) = self.schedule()?;
        next_run_after(now, &days, at)
    }

    /// Does it take parcels of this carrier? A cooperative's vehicle takes all.
    pub fn takes(&self, carrier: Option<&str>) -> bool {
        self.carrier == VEHICLE || carrier == Some(self.carrier.as_str())
    }

    /// Who carries: the carrier's name or the vehicle's.
    pub fn carrier_name(&self) -> String {
        match carriers::Carrier::parse(&self.carrier) {
            Some(c) => c.display_name().to_string(),
            None => self.vehicle_name.clone().unwrap_or_else(|| self.carrier.clone()),
        }
    }
}

/// The first departure strictly after `now`, on one of `days` at `at` in Vietnam
/// time; `None` without days. A parcel brought at the very minute of a run waits
/// for the next one.
pub fn next_run_after(now: OffsetDateTime, days: &[Weekday], at: Time) -> Option<OffsetDateTime> {
    let today = now.to_offset(VN_OFFSET).date();
    (0..=7)
        .filter_map(|ahead| today.checked_add(time::Duration::days(ahead)))
        .filter(|date| days.contains(&date.weekday()))
        .map(|date| PrimitiveDateTime::new(date, at).assume_offset(VN_OFFSET))
        .find(|departure| *departure > now)
}

/// Whole calendar days (Vietnam time) from `now` to `departure`: 0 on the same day.
pub fn days_until(now: OffsetDateTime, departure: OffsetDateTime) -> i64 {
    let from: Date = now.to_offset(VN_OFFSET).date();
    (departure.to_offset(VN_OFFSET).date() - from).whole_days().max(0)
}

/// Carrier options of a producer that drops parcels at `point_name`: each option
/// that a live run takes grows by the days until that run's next departure (the
/// soonest of them) and says it goes through the point. Other options are left.
pub fn route_via_point(options: &mut [DeliveryOption], point_name: &str, runs: &[Run], now: OffsetDateTime) {
    for option in options.iter_mut().filter(|o| o.kind == OptionKind::Carrier) {
        let next = runs
            .iter()
            .filter(|r| r.active && r.takes(option.carrier.as_deref()))
            .filter_map(|r| r.next_after(now))
            .min();
        if let Some(departure) = next {
            let wait = days_until(now, departure);
            option.eta_days_min = option.eta_days_min.saturating_add(wait);
            option.eta_days_max = option.eta_days_max.saturating_add(wait);
            option.via = Some(point_name.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{datetime, time};

    const TUE_FRI: [Weekday; 2] = [Weekday::Tuesday, Weekday::Friday];

    #[test]
    fn the_next_run_is_later_the_same_day_before_its_time() {
        // Tuesday 2026-12-01, 09:00 in Vietnam.
        let now = datetime!(2026-12-01 09:00 +7);
        assert_eq!(next_run_after(now, &TUE_FRI, time!(14:00)), Some(datetime!(2026-12-01 14:00 +7)));
        assert_eq!(days_until(now, datetime!(2026-12-01 14:00 +7)), 0);
    }

    #[test]
    fn at_or_after_the_time_the_parcel_waits_for_the_next_run_day() {
        let at_the_minute = datetime!(2026-12-01 14:00 +7);
        assert_eq!(next_run_after(at_the_minute, &TUE_FRI, time!(14:00)), Some(datetime!(2026-12-04 14:00 +7)));
        let after = datetime!(2026-12-01 14:01 +7);
        let next = next_run_after(after, &TUE_FRI, time!(14:00)).unwrap();
        assert_eq!(next, datetime!(2026-12-04 14:00 +7));
        assert_eq!(days_until(after, next), 3);
    }

    #[test]
    fn the_week_wraps_from_friday_afternoon_to_tuesday() {
        let now = datetime!(2026-12-04 16:30 +7);
        let next = next_run_after(now, &TUE_FRI, time!(14:00)).unwrap();
        assert_eq!(next, datetime!(2026-12-08 14:00 +7));
        assert_eq!(days_until(now, next), 4);
        // One run a week, just missed: seven days.
        let now = datetime!(2026-12-01 14:30 +7);
        let next = next_run_after(now, &[Weekday::Tuesday], time!(14:00)).unwrap();
        assert_eq!(days_until(now, next), 7);
        assert_eq!(next_run_after(now, &[], time!(14:00)), None);
    }

    #[test]
    fn days_and_times_are_vietnams_not_utc() {
        // Monday 20:00 UTC is already Tuesday 03:00 in Vietnam: today's run counts.
        let now = datetime!(2026-11-30 20:00 UTC);
        let next = next_run_after(now, &TUE_FRI, time!(14:00)).unwrap();
        assert_eq!(next, datetime!(2026-12-01 07:00 UTC));
        assert_eq!(days_until(now, next), 0);
        // Tuesday 07:30 UTC is 14:30 in Vietnam: the run has gone.
        let now = datetime!(2026-12-01 07:30 UTC);
        assert_eq!(next_run_after(now, &TUE_FRI, time!(14:00)), Some(datetime!(2026-12-04 14:00 +7)));
    }

    fn option(carrier: &str, min: i64, max: i64) -> DeliveryOption {
        DeliveryOption {
            id: format!("{carrier}:standard"),
            kind: OptionKind::Carrier,
            carrier: Some(carrier.into()),
            service: "standard".into(),
            name: carrier.into(),
            fee_vnd: 30_000,
            cod_fee_vnd: 0,
            eta_days_min: min,
            eta_days_max: max,
            sample_rates: true,
            via: None,
        }
    }

    fn run(carrier: &str, days: &[&str], time: &str) -> Run {
        Run {
            id: 1,
            point_id: 1,
            weekdays: days.iter().map(|d| d.to_string()).collect(),
            time: time.into(),
            carrier: carrier.into(),
            vehicle_name: None,
            active: true,
        }
    }

    #[test]
    fn carrier_days_grow_by_the_wait_for_the_run_that_takes_them() {
        let now = datetime!(2026-12-04 16:30 +7);
        let mut options = vec![option("ghn", 2, 3), option("viettelpost", 3, 4)];
        route_via_point(&mut options, "Bưu điện Sìn Hồ", &[run("ghn", &["tue", "fri"], "14:00")], now);
        assert_eq!((options[0].eta_days_min, options[0].eta_days_max), (6, 7));
        assert_eq!(options[0].via.as_deref(), Some("Bưu điện Sìn Hồ"));
        assert_eq!((options[1].eta_days_min, options[1].eta_days_max), (3, 4), "no run takes Viettel Post");
        assert_eq!(options[1].via, None);
        let mut options = vec![option("viettelpost", 3, 4)];
        let runs = [run(VEHICLE, &["sat"], "08:00"), run("viettelpost", &["tue"], "14:00")];
        route_via_point(&mut options, "Kho HTX", &runs, now);
        assert_eq!(options[0].eta_days_max, 5, "the soonest run: the vehicle tomorrow");
    }

    #[test]
    fn a_point_needs_a_2025_commune_of_its_province_and_a_phone() {
        let input = |commune: &str, phone: &str| PointInput {
            name: Some(" Bưu điện xã Sìn Hồ ".into()),
            province_code: Some("12".into()),
            commune_code: Some(commune.into()),
            contact_name: Some("Lò Thị Mai".into()),
            contact_phone: Some(phone.into()),
            ..PointInput::default()
        };
        let valid = input("03478", "0912 345 678").validate().unwrap();
        assert_eq!((valid.name.as_str(), valid.contact_phone.e164()), ("Bưu điện xã Sìn Hồ", "+84912345678"));
        assert!(valid.active);
        let errors = input("00004", "12").validate().unwrap_err();
        assert!(errors.get("commune_code").is_some(), "a Hà Nội ward is not in Lai Châu: {errors:?}");
        assert!(errors.get("contact_phone").is_some());
        assert!(PointInput::default().validate().unwrap_err().get("name").is_some());
    }

    #[test]
    fn bad_runs_name_their_field() {
        let input = RunInput {
            weekdays: vec!["tue".into(), "funday".into()],
            time: Some("25:00".into()),
            carrier: Some("dhl".into()),
            ..RunInput::default()
        };
        let errors = input.validate().unwrap_err();
        for field in ["weekdays", "time", "carrier"] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        let vehicle = RunInput {
            weekdays: vec!["T3".into()],
            time: Some("7:30".into()),
            carrier: Some("vehicle".into()),
            ..RunInput::default()
        };
        assert!(vehicle.clone().validate().unwrap_err().get("vehicle_name").is_some());
        let valid = RunInput { vehicle_name: Some("Xe HTX".into()), ..vehicle }.validate().unwrap();
        assert_eq!((valid.weekdays, valid.time), (vec![Weekday::Tuesday], time!(7:30)));
        assert_eq!(parse_time("14:5"), None);
        assert_eq!(parse_time("14:60"), None);
    }
}
