//! Go Export: what a buyer abroad needs to know of a product (its HS code, shelf
//! life, certifications, the markets it already sells to), and the indicative US
//! dollar figure of a đồng price at the rate an admin sets.

use serde::Serialize;

use super::messages;
use crate::error::FieldErrors;
use crate::error::{Message, Text};

pub const MAX_CERTIFICATIONS: usize = 10;
pub const MAX_MARKETS: usize = 30;
const MAX_SHELF_LIFE_DAYS: i64 = 3650;

/// A product's export facts; all optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ExportFacts {
    /// 6, 8 or 10 digits, no dots.
    pub hs_code: Option<String>,
    pub shelf_life_days: Option<i64>,
    /// E.g. VietGAP, organic (EU), HACCP, ISO 22000.
    pub certifications: Vec<String>,
    /// ISO 3166 two-letter codes of the countries it is sold to.
    pub markets: Vec<String>,
}

impl ExportFacts {
    pub fn is_empty(&self) -> bool {
        *self == ExportFacts::default()
    }

    /// The HS code as customs write it: `0902.30.10`.
    pub fn hs_display(&self) -> Option<String> {
        self.hs_code.as_deref().map(hs_dotted)
    }

    /// The markets as "code — English name".
    pub fn market_names(&self) -> Vec<String> {
        self.markets.iter().map(|code| format!("{code} — {}", country_name(code))).collect()
    }
}

fn hs_dotted(code: &str) -> String {
    let mut parts = vec![&code[..4.min(code.len())]];
    let mut at = 4;
    while at < code.len() {
        parts.push(&code[at..(at + 2).min(code.len())]);
        at += 2;
    }
    parts.join(".")
}

/// A country goods can be exported to: an ISO 3166 two-letter code (upper case)
/// other than Vietnam.
pub fn is_export_country(code: &str) -> bool {
    code != "VN" && isocountry::CountryCode::for_alpha2(code).is_ok()
}

/// The English name of an ISO 3166 two-letter code (the code itself when unknown).
pub fn country_name(code: &str) -> &'static str {
    isocountry::CountryCode::for_alpha2(code).map(|c| c.name()).unwrap_or("?")
}

/// An HS code as typed (`0902.30.10`, `0902 30`): its digits, when they are 6, 8
/// or 10 of them in a chapter of the nomenclature (01–97, not 77).
pub fn hs_code(typed: &str) -> Result<String, Text> {
    let digits: String = typed.chars().filter(|c| !matches!(c, '.' | ' ' | '-')).collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) || ![6, 8, 10].contains(&digits.len()) {
        return Err(messages::HS_CODE_DIGITS);
    }
    let chapter: u32 = digits[..2].parse().unwrap_or(0);
    if !(1..=97).contains(&chapter) || chapter == 77 {
        return Err(messages::HS_CODE_CHAPTER);
    }
    Ok(digits)
}

/// Checks the export facts as sent, naming each bad field; returns them cleaned
/// (HS digits only, markets upper case, blanks dropped, repeats removed).
pub fn validate(
    hs: Option<&str>,
    shelf_life_days: Option<i64>,
    certifications: &[String],
    markets: &[String],
    errors: &mut FieldErrors,
) -> ExportFacts {
    let hs_code = match hs.map(str::trim).filter(|h| !h.is_empty()) {
        Some(typed) => hs_code(typed).map_err(|e| errors.add("hs_code", e)).ok(),
        None => None,
    };
    if shelf_life_days.is_some_and(|d| !(1..=MAX_SHELF_LIFE_DAYS).contains(&d)) {
        errors.add("shelf_life_days", messages::SHELF_LIFE_1_TO_3650_DAYS);
    }
    let mut certs: Vec<String> = Vec::new();
    for c in certifications.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        if c.chars().count() > 60 {
            errors.add("certifications", Message::from(messages::CERTIFICATION_AT_MOST_60_CHARACTERS).with("c", c));
        } else if !certs.iter().any(|k| k.eq_ignore_ascii_case(c)) {
            certs.push(c.to_string());
        }
    }
    if certs.len() > MAX_CERTIFICATIONS {
        errors.add(
            "certifications",
            Message::from(messages::AT_MOST_CERTIFICATIONS).with("max_certifications", MAX_CERTIFICATIONS),
        );
    }
    let mut codes: Vec<String> = Vec::new();
    for m in markets.iter().map(|m| m.trim().to_ascii_uppercase()).filter(|m| !m.is_empty()) {
        if !is_export_country(&m) {
            errors.add("export_markets", Message::from(messages::NOT_AN_EXPORT_COUNTRY).with("m", &m));
        } else if !codes.contains(&m) {
            codes.push(m);
        }
    }
    if codes.len() > MAX_MARKETS {
        errors.add("export_markets", Message::from(messages::AT_MOST_MARKETS).with("max_markets", MAX_MARKETS));
    }
    ExportFacts { hs_code, shelf_life_days, certifications: certs, markets: codes }
}

/// A list stored as one text column, items joined by `|` (no item holds one:
/// certifications are checked for it, markets are two letters).
pub fn list_from_stored(value: &str) -> Vec<String> {
    value.split('|').filter(|v| !v.is_empty()).map(str::to_string).collect()
}

pub fn list_to_stored(items: &[String]) -> String {
    items.iter().map(|i| i.replace('|', "/")).collect::<Vec<_>>().join("|")
}

/// The indicative dollar figure of `vnd` at `vnd_per_usd`, to the cent, rounded
/// half up: integer arithmetic only.
pub fn usd_figure(vnd: i64, vnd_per_usd: i64) -> Option<String> {
    if vnd_per_usd <= 0 || vnd < 0 {
        return None;
    }
    let cents = (i128::from(vnd) * 100 + i128::from(vnd_per_usd) / 2) / i128::from(vnd_per_usd);
    let dollars = (cents / 100).to_string();
    let grouped: Vec<String> =
        dollars.as_bytes().rchunks(3).rev().map(|chunk| String::from_utf8_lossy(chunk).into_owned()).collect();
    Some(format!("US${}.{:02}", grouped.join(","), cents % 100))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hs_codes_are_digits_of_a_real_chapter() {
        assert_eq!(hs_code("0902.30.10").unwrap(), "09023010");
        assert_eq!(hs_code("0409 00").unwrap(), "040900");
        assert!(hs_code("0902").is_err(), "a heading is not a code");
        assert!(hs_code("7701.00").is_err(), "chapter 77 is reserved");
        assert!(hs_code("9901.00").is_err());
        assert!(hs_code("09O2.30").is_err());
        let facts = ExportFacts { hs_code: Some("09023010".into()), ..Default::default() };
        assert_eq!(facts.hs_display().unwrap(), "0902.30.10");
    }

    #[test]
    fn every_bad_fact_is_named_and_good_ones_are_cleaned() {
        let mut errors = FieldErrors::default();
        let facts = validate(
            Some(" 0902.30 "),
            Some(540),
            &["VietGAP".into(), " vietgap".into(), String::new(), "HACCP".into()],
            &["jp".into(), "US".into(), "jp".into()],
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(facts.hs_code.as_deref(), Some("090230"));
        assert_eq!(facts.certifications, ["VietGAP", "HACCP"]);
        assert_eq!(facts.markets, ["JP", "US"]);
        assert_eq!(facts.market_names()[0], "JP — Japan");

        let mut errors = FieldErrors::default();
        validate(Some("12"), Some(0), &["x".repeat(61)], &["XX".into(), "VN".into()], &mut errors);
        for field in ["hs_code", "shelf_life_days", "certifications", "export_markets"] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
    }

    #[test]
    fn dollar_figures_are_rounded_to_the_cent_without_floats() {
        assert_eq!(usd_figure(250_000, 25_450).unwrap(), "US$9.82");
        assert_eq!(usd_figure(12_725, 25_450).unwrap(), "US$0.50", "half a cent rounds up");
        assert_eq!(usd_figure(2_545_000_000, 25_450).unwrap(), "US$100,000.00");
        assert_eq!(usd_figure(1, 0), None);
    }

    #[test]
    fn stored_lists_round_trip() {
        let items = vec!["VietGAP".to_string(), "Organic (EU)".to_string()];
        assert_eq!(list_from_stored(&list_to_stored(&items)), items);
        assert!(list_from_stored("").is_empty());
    }
}
