//! The cells of a bank statement as banks write them: amounts with thousands
//! separators and an optional decimal part, day-first dates, and the stable id of a
//! row whose bank gave it no reference.

use sha2::{Digest, Sha256};

use crate::error::Text;
use crate::payments::messages;

/// Whole đồng from a statement cell: `1.250.000`, `1,250,000`, `1 250 000 VND`,
/// `1250000.00`, `1.250.000,00`. A decimal part is accepted only when it is zero
/// (đồng have no minor unit); `Ok(None)` for an empty cell or a lone `-`.
///
/// Unlike [`crate::vn::Vnd::parse`], which reads what people type into a price field,
/// this tells a decimal separator from a thousands separator: banks export
/// `1250000.00`, and that is one million, not a hundred million.
pub fn parse_amount(text: &str) -> Result<Option<i64>, Text> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let lower = compact.to_lowercase();
    let unit_less = ["vnd", "vnđ", "đ", "₫"].iter().fold(lower.as_str(), |s, unit| s.strip_suffix(unit).unwrap_or(s));
    let number = unit_less.strip_prefix('+').unwrap_or(unit_less);
    if number.is_empty() || number == "-" {
        return Ok(None);
    }
    if number.starts_with('-') || number.starts_with('(') {
        return Err(messages::AMOUNT_NEGATIVE);
    }
    let (whole, fraction) = split_decimal(number);
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return Err(messages::NOT_AN_AMOUNT);
    }
    if fraction.bytes().any(|b| b != b'0') {
        return Err(messages::FRACTION_OF_A_DONG);
    }
    let digits: String = if whole.bytes().all(|b| b.is_ascii_digit()) {
        whole.to_string()
    } else if let Some(sep) = [b'.', b','].into_iter().find(|&sep| grouped(whole, sep)) {
        if number.len() > whole.len() && number.as_bytes()[whole.len()] == sep {
            return Err(messages::MIXED_SEPARATORS);
        }
        whole.chars().filter(char::is_ascii_digit).collect()
    } else {
        return Err(messages::NOT_AN_AMOUNT);
    };
    if digits.is_empty() {
        return Err(messages::NOT_AN_AMOUNT);
    }
    digits.parse::<i64>().map(Some).map_err(|_| messages::AMOUNT_TOO_LARGE)
}

/// Splits `1.250.000,00` into (`1.250.000`, `00`). A last separator followed by
/// exactly three digits after a well-grouped head is a thousands separator.
fn split_decimal(number: &str) -> (&str, &str) {
    let Some(at) = number.rfind(['.', ',']) else { return (number, "") };
    let (head, tail) = (&number[..at], &number[at + 1..]);
    let sep = number.as_bytes()[at];
    let thousands = tail.len() == 3 && tail.bytes().all(|b| b.is_ascii_digit()) && grouped(head, sep);
    if thousands { (number, "") } else { (head, tail) }
}

/// `1.250.000` with `.`: a first group of one to three digits, then groups of three.
fn grouped(text: &str, sep: u8) -> bool {
    let mut groups = text.split(sep as char);
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    first_ok && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// A statement date as `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS` (the form the bank
/// hooks send). Vietnamese banks write the day first: `25/11/2026`, `25-11-2026 10:05`,
/// `10:05:00 25/11/2026`; ISO dates (`2026-11-25`, `2026-11-25T10:05:00`) and
/// spreadsheet dates (already ISO when read) pass too. `None` when it is no date.
pub fn parse_date(text: &str) -> Option<String> {
    let spaced = text.trim().replace('T', " ");
    let mut date = None;
    let mut clock = None;
    for token in spaced.split_whitespace() {
        if token.contains(':') && clock.is_none() {
            clock = Some(parse_clock(token)?);
        } else if date.is_none() {
            date = Some(crate::vn::parse_day_month_year(token)?);
        } else {
            return None;
        }
    }
    let date = date?;
    Some(match clock {
        Some((h, m, s)) => format!("{date} {h:02}:{m:02}:{s:02}"),
        None => date.to_string(),
    })
}

fn parse_clock(token: &str) -> Option<(u8, u8, u8)> {
    let parts: Vec<u8> = token.split(':').map(|p| p.parse().ok()).collect::<Option<_>>()?;
    let (h, m, s) = match parts.as_slice() {
        [h, m] => (*h, *m, 0),
        [h, m, s] => (*h, *m, *s),
        _ => return None,
    };
    (h < 24 && m < 60 && s < 60).then_some((h, m, s))
}

/// The id of a row without a bank reference: SHA-256 of its date, amount and
/// content, so that importing the same file again finds the same ids. The second
/// identical row of a file (the same buyer paying the same sum twice that day) adds
/// its occurrence number, so it is not mistaken for the first.
pub fn stable_id(date: &str, amount_vnd: i64, content: &str, occurrence: usize) -> String {
    let mut hash = Sha256::new();
    hash.update(date.as_bytes());
    hash.update(b"\x1f");
    hash.update(amount_vnd.to_string().as_bytes());
    hash.update(b"\x1f");
    hash.update(content.as_bytes());
    if occurrence > 0 {
        hash.update(b"\x1f");
        hash.update(occurrence.to_string().as_bytes());
    }
    let hex: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_every_bank_format() {
        for (text, expected) in [
            ("1.250.000", 1_250_000),
            ("1,250,000", 1_250_000),
            ("1250000", 1_250_000),
            ("1250000.00", 1_250_000),
            ("1250000,00", 1_250_000),
            ("1.250.000,00", 1_250_000),
            ("1,250,000.00", 1_250_000),
            ("1250000.0", 1_250_000),
            ("1 250 000 VND", 1_250_000),
            ("1.250.000đ", 1_250_000),
            ("+500.000", 500_000),
            ("1.250", 1_250),
            ("1250000.000", 1_250_000),
            ("0", 0),
        ] {
            assert_eq!(parse_amount(text), Ok(Some(expected)), "{text}");
        }
        for empty in ["", "  ", "-"] {
            assert_eq!(parse_amount(empty), Ok(None), "{empty:?}");
        }
    }

    #[test]
    fn fractions_and_garbage_are_errors() {
        for text in ["1250000.50", "1250000,5", "12.5", "1.250.000,01"] {
            assert_eq!(parse_amount(text), Err(messages::FRACTION_OF_A_DONG), "{text}");
        }
        for text in ["abc", "1.25.000", "12a", "1.250.000.00", "-500", "(500)", "99999999999999999999", ".", ",00"] {
            assert!(parse_amount(text).is_err(), "{text}");
        }
    }

    #[test]
    fn dates_are_read_day_first() {
        assert_eq!(parse_date("25/11/2026").as_deref(), Some("2026-11-25"));
        assert_eq!(parse_date("5/1/2026").as_deref(), Some("2026-01-05"));
        assert_eq!(parse_date("25-11-2026 10:05").as_deref(), Some("2026-11-25 10:05:00"));
        assert_eq!(parse_date("25/11/2026\n10:05:09").as_deref(), Some("2026-11-25 10:05:09"));
        assert_eq!(parse_date("10:05:09 25.11.2026").as_deref(), Some("2026-11-25 10:05:09"));
        assert_eq!(parse_date("25/11/26").as_deref(), Some("2026-11-25"));
        assert_eq!(parse_date("2026-11-25").as_deref(), Some("2026-11-25"));
        assert_eq!(parse_date("2026-11-25T10:05:09").as_deref(), Some("2026-11-25 10:05:09"));
        for bad in ["", "hôm qua", "31/02/2026", "11/25/2026", "25/11/2026 25:00", "25/11", "25/11/2026 x"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn stable_ids_depend_on_date_amount_content_and_occurrence() {
        let id = stable_id("2026-11-25", 500_000, "DSAB12CD34 chuyen tien", 0);
        assert_eq!(id, stable_id("2026-11-25", 500_000, "DSAB12CD34 chuyen tien", 0));
        assert!(id.starts_with("sha256:") && id.len() == 7 + 64, "{id}");
        let expected: String = Sha256::digest(b"2026-11-25\x1f500000\x1fDSAB12CD34 chuyen tien")
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(id, format!("sha256:{expected}"), "plain SHA-256 of the three fields");
        for other in [
            stable_id("2026-11-26", 500_000, "DSAB12CD34 chuyen tien", 0),
            stable_id("2026-11-25", 500_001, "DSAB12CD34 chuyen tien", 0),
            stable_id("2026-11-25", 500_000, "DSAB12CD34 chuyen tien.", 0),
            stable_id("2026-11-25", 500_000, "DSAB12CD34 chuyen tien", 1),
        ] {
            assert_ne!(id, other);
        }
    }
}
