//! Vietnam basics that every domain uses: the 2025 administrative units, money in
//! đồng, phone numbers, tax codes and the text folding that search relies on.

pub mod admin_units;
pub mod banks;
pub mod messages;
pub mod money;
pub mod phone;
pub mod tax_code;
pub mod text;

pub use admin_units::{Commune, Province};
pub use money::Vnd;
pub use phone::Phone;
pub use tax_code::TaxCode;

/// A `YYYY-MM-DD` date as forms, the API and the database write it.
pub fn parse_iso_date(value: &str) -> Option<time::Date> {
    time::Date::parse(value.trim(), time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// A date as Vietnamese documents write it, day first — `05/03/2024`, `5/3/24`,
/// `05-03-2024`, `05.03.2024` — or year first: `2024-03-05`, `2024/3/5`.
pub fn parse_day_month_year(token: &str) -> Option<time::Date> {
    let parts: Vec<&str> = token.trim().split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else { return None };
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<i32>().ok())?
    };
    let (year, month, day) = if a.len() == 4 {
        (number(a)?, number(b)?, number(c)?)
    } else {
        let year = match c.len() {
            4 => number(c)?,
            2 => 2000 + number(c)?,
            _ => return None,
        };
        (year, number(b)?, number(a)?)
    };
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    time::Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()
}

/// A date as Vietnamese readers write it: `18/12/2022`.
pub fn date_vn(date: &time::Date) -> String {
    format!("{:02}/{:02}/{}", date.day(), u8::from(date.month()), date.year())
}

/// A stored `YYYY-MM-DD` date as people read it: `06/11/2027`; text that is not a
/// date is shown as it is.
pub fn iso_date_vn(iso: &str) -> String {
    parse_iso_date(iso).map(|d| date_vn(&d)).unwrap_or_else(|| iso.to_string())
}

/// A stored UTC timestamp's date in Vietnam (UTC+7) as `YYYY-MM-DD`; text that is
/// not a timestamp is given back as it is.
pub fn iso_date_of_utc(utc: &str) -> String {
    time::OffsetDateTime::parse(utc, &time::format_description::well_known::Rfc3339)
        .map(|t| t.to_offset(time::macros::offset!(+7)).date().to_string())
        .unwrap_or_else(|_| utc.to_string())
}

/// A stored UTC timestamp (RFC 3339) in Vietnam's time (UTC+7) as people read it:
/// `06:30 01/11/2026`; text that is not a timestamp is shown as it is.
pub fn time_vn(utc: &str) -> String {
    time::OffsetDateTime::parse(utc, &time::format_description::well_known::Rfc3339)
        .map(|t| {
            let t = t.to_offset(time::macros::offset!(+7));
            format!("{:02}:{:02} {}", t.hour(), t.minute(), date_vn(&t.date()))
        })
        .unwrap_or_else(|_| utc.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn utc_times_are_shown_in_vietnam_time() {
        assert_eq!(super::time_vn("2026-11-01T23:30:00Z"), "06:30 02/11/2026");
        assert_eq!(super::time_vn("yesterday"), "yesterday");
    }

    #[test]
    fn stored_dates_are_shown_day_first() {
        assert_eq!(super::iso_date_vn("2027-11-06"), "06/11/2027");
        assert_eq!(super::iso_date_vn("soon"), "soon");
    }
}
