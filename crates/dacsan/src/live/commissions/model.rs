//! A statement's month, a commission rate as people write it, and the arithmetic of
//! a commission (integer đồng, rounded down on each line).

use std::fmt;

use serde::Deserialize;

use super::messages;
use crate::error::Message;
use crate::error::{AppError, FieldErrors};

/// The highest rate a producer may set: half of the goods.
pub const MAX_RATE_BP: i64 = 5_000;

/// A calendar month in Vietnam's time, the period of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    pub year: i32,
    pub month: u8,
}

impl Month {
    /// This month in Vietnam.
    pub fn current() -> Month {
        let today = crate::db::today_vn();
        Month { year: today.year(), month: today.month() as u8 }
    }

    /// `YYYY-MM`; a blank value is this month.
    pub fn parse(text: Option<&str>) -> Result<Month, AppError> {
        let text = text.map(str::trim).unwrap_or_default();
        if text.is_empty() {
            return Ok(Month::current());
        }
        let bad = || AppError::invalid("month", Message::from(messages::MONTH_AS_YYYY_MM).with("text", text));
        let (year, month) = text.split_once('-').ok_or_else(bad)?;
        let (year, month): (i32, u8) = (year.parse().map_err(|_| bad())?, month.parse().map_err(|_| bad())?);
        if year.to_string().len() != 4 || !(2000..=2100).contains(&year) || !(1..=12).contains(&month) {
            return Err(bad());
        }
        Ok(Month { year, month })
    }

    fn first_day(self) -> time::Date {
        let month = time::Month::try_from(self.month).unwrap_or(time::Month::January);
        time::Date::from_calendar_date(self.year, month, 1).unwrap_or(time::Date::MIN)
    }

    /// The month's last day.
    pub fn last_day(self) -> time::Date {
        self.next().first_day().previous_day().unwrap_or(time::Date::MIN)
    }

    fn next(self) -> Month {
        if self.month == 12 { Month { year: self.year + 1, month: 1 } } else { Month { month: self.month + 1, ..self } }
    }

    /// The month's first and the next month's first instant, Vietnam's midnight, as
    /// timestamp columns hold them (UTC text), for `at >= start AND at < end`.
    pub fn bounds_utc(self) -> (String, String) {
        let midnight_vn = |m: Month| {
            m.first_day().midnight().assume_offset(time::UtcOffset::from_hms(7, 0, 0).unwrap_or(time::UtcOffset::UTC))
        };
        (crate::db::time_text(midnight_vn(self)), crate::db::time_text(midnight_vn(self.next())))
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A rate in hundredths of a per cent as people read it: `7,5 %`.
pub fn percent_text(rate_bp: i64) -> String {
    let (whole, hundredths) = (rate_bp / 100, rate_bp % 100);
    match hundredths {
        0 => format!("{whole} %"),
        h if h % 10 == 0 => format!("{whole},{} %", h / 10),
        h => format!("{whole},{h:02} %"),
    }
}

/// A per cent as typed: `7`, `7.5`, `7,25`, `7,5 %` → hundredths of a per cent,
/// from 0 to [`MAX_RATE_BP`].
pub fn parse_percent(text: &str) -> Result<i64, Message> {
    let clean = text.trim().trim_end_matches('%').trim().replace(',', ".");
    let (whole, fraction) = clean.split_once('.').unwrap_or((&clean, ""));
    let digits = |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || (!fraction.is_empty() && (fraction.len() > 2 || !fraction.bytes().all(|b| b.is_ascii_digit())))
    {
        return Err(Message::from(messages::RATE_AS_TYPED).with("text", text.trim()));
    }
    let hundredths: i64 = format!("{fraction:0<2}").parse().unwrap_or(0);
    let rate = whole.parse::<i64>().unwrap_or(i64::MAX / 200) * 100 + hundredths;
    check_rate(rate)?;
    Ok(rate)
}

fn check_rate(rate_bp: i64) -> Result<(), Message> {
    if (0..=MAX_RATE_BP).contains(&rate_bp) {
        Ok(())
    } else {
        Err(Message::from(messages::RATE_RANGE).with("max", percent_text(MAX_RATE_BP)))
    }
}

/// The commission on a line's goods: rounded down to the đồng.
pub fn commission_vnd(goods_vnd: i64, rate_bp: i64) -> i64 {
    (i128::from(goods_vnd) * i128::from(rate_bp) / 10_000) as i64
}

/// `PUT /api/v1/producers/{id}/commission-rates`: what a producer pays a host or an
/// affiliate on the goods of the orders attributed to it, for one product or (no
/// `product_id`) for its products without a rate of their own.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct RateInput {
    pub host_user_id: i64,
    #[serde(default)]
    pub product_id: Option<i64>,
    /// Hundredths of a per cent: 750 is 7.5 %; 0 to 5 000.
    pub rate_bp: i64,
}

impl RateInput {
    pub fn validate(&self) -> Result<(), AppError> {
        let mut errors = FieldErrors::default();
        if let Err(why) = check_rate(self.rate_bp) {
            errors.add("rate_bp", why);
        }
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_runs_from_vietnams_midnight_to_the_next_months() {
        let month = Month::parse(Some("2026-12")).unwrap();
        assert_eq!(month.to_string(), "2026-12");
        assert_eq!(month.bounds_utc(), ("2026-11-30T17:00:00Z".to_string(), "2026-12-31T17:00:00Z".to_string()));
        for bad in ["2026-13", "26-12", "2026/12", "december", "2026-00"] {
            assert!(Month::parse(Some(bad)).is_err(), "{bad}");
        }
        assert_eq!(Month::parse(Some(" ")).unwrap(), Month::current());
        assert_eq!(Month::parse(Some("2028-02")).unwrap().last_day().to_string(), "2028-02-29");
    }

    #[test]
    fn rates_as_people_type_them() {
        assert_eq!(parse_percent("7"), Ok(700));
        assert_eq!(parse_percent("7,5 %"), Ok(750));
        assert_eq!(parse_percent("12.25"), Ok(1225));
        assert_eq!(parse_percent("0"), Ok(0));
        for bad in ["", "abc", "7.555", "-3", "51", "1e3", "7,5,1"] {
            assert!(parse_percent(bad).is_err(), "{bad}");
        }
        assert_eq!(
            (percent_text(750), percent_text(1225), percent_text(1000)),
            ("7,5 %".into(), "12,25 %".into(), "10 %".into())
        );
    }

    #[test]
    fn a_commission_is_rounded_down_to_the_dong() {
        assert_eq!(commission_vnd(333_333, 750), 24_999);
        assert_eq!(commission_vnd(9_000_000_000_000, 5_000), 4_500_000_000_000);
        assert_eq!(commission_vnd(100_000, 0), 0);
    }
}
