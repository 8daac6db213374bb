//! Vietnam basics that every domain uses: the 2025 administrative units, money in
//! đồng, phone numbers, tax codes and the text folding that search relies on.

pub mod admin_units;
pub mod banks;
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

/// A date as Vietnamese readers write it: `18/12/2022`.
pub fn date_vn(date: &time::Date) -> String {
    format!("{:02}/{:02}/{}", date.day(), u8::from(date.month()), date.year())
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
}
