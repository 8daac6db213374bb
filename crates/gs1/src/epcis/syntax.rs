//! The small lexical checks EPCIS 2.0 JSON makes on strings, done when an event
//! is read so that what was captured can be exported again and still pass the
//! EPCIS 2.0 JSON schema: date-times (RFC 3339, `format: date-time`), time zone
//! offsets (`eventTimeZoneOffset`'s pattern) and absolute URIs (`format: uri`).

/// Whether `text` is an RFC 3339 date-time with a time zone: `2025-03-01T08:30:00Z`,
/// `2025-03-01T08:30:00.125+07:00` (RFC 3339 §5.6). A date-time without an offset
/// is refused: EPCIS times are instants.
pub(crate) fn is_date_time(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() < 20 || !matches!(b[10], b'T' | b't') {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (number(b, 0, 4), number(b, 5, 2), number(b, 8, 2)) else {
        return false;
    };
    let (Some(hour), Some(minute), Some(second)) = (number(b, 11, 2), number(b, 14, 2), number(b, 17, 2)) else {
        return false;
    };
    let separators = b[4] == b'-' && b[7] == b'-' && b[13] == b':' && b[16] == b':';
    let date_ok = (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day);
    // A leap second is written as second 60.
    let time_ok = hour <= 23 && minute <= 59 && second <= 60;
    separators && date_ok && time_ok && is_fraction_and_offset(&text[19..])
}

/// Whether `rest` is an optional `.digits` fraction followed by `Z` or `±HH:MM`.
fn is_fraction_and_offset(rest: &str) -> bool {
    let rest = match rest.strip_prefix('.') {
        Some(fraction) => {
            let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return false;
            }
            &fraction[digits..]
        }
        None => rest,
    };
    if rest == "Z" || rest == "z" {
        return true;
    }
    let b = rest.as_bytes();
    b.len() == 6
        && matches!(b[0], b'+' | b'-')
        && b[3] == b':'
        && number(b, 1, 2).is_some_and(|h| h <= 23)
        && number(b, 4, 2).is_some_and(|m| m <= 59)
}

/// Whether `text` is an `eventTimeZoneOffset`: `+07:00`, `-06:00`, from `-14:00`
/// to `+14:00` (the EPCIS 2.0 JSON schema's pattern for the field).
pub(crate) fn is_time_zone_offset(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 6 || !matches!(b[0], b'+' | b'-') || b[3] != b':' {
        return false;
    }
    matches!((number(b, 1, 2), number(b, 4, 2)), (Some(0..=13), Some(0..=59)) | (Some(14), Some(0)))
}

/// Whether `text` is a unit code as the schema's `uom` pattern allows: two or
/// three capital letters or digits (UN/ECE Recommendation 20, e.g. `KGM`).
pub(crate) fn is_unit_code(text: &str) -> bool {
    (2..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Whether `text` is an absolute URI as far as a capture needs to know: a scheme
/// (RFC 3986 §3.1), a colon, then something, with no character RFC 3986 never
/// allows (spaces, quotes, `<>\^{|}` and backticks) and well-formed `%XX` escapes.
/// Covers EPC URNs, GS1 Digital Link URIs, `ni:` event ids and compact names such
/// as `cbvmda:lotNumber`.
pub(crate) fn is_uri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut scheme_chars = scheme.chars();
    let scheme_ok = scheme_chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme_chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let chars_ok = rest
        .chars()
        .all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}'));
    scheme_ok && !rest.is_empty() && chars_ok && escapes_ok(rest)
}

/// Whether every `%` in `text` starts a `%XX` escape.
fn escapes_ok(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().filter(|(_, c)| **c == b'%').all(|(i, _)| {
        b.get(i + 1).is_some_and(u8::is_ascii_hexdigit) && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
    })
}

/// The decimal number written in `len` ASCII digits at `start`, if they are digits.
fn number(b: &[u8], start: usize, len: usize) -> Option<u32> {
    let digits = b.get(start..start + len)?;
    digits.iter().try_fold(0, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
}

/// Days in `month` of `year` in the proleptic Gregorian calendar.
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times() {
        for good in [
            "2025-03-01T08:30:00Z",
            "2005-07-11T11:30:47.0Z",
            "2005-04-03T20:33:31.116000-06:00",
            "2024-02-29T23:59:60+07:00",
            "2025-03-01t08:30:00z",
        ] {
            assert!(is_date_time(good), "{good}");
        }
        for bad in [
            "",
            "2025-03-01",
            "2025-03-01T08:30:00",
            "2025-03-01 08:30:00Z",
            "2025-02-29T08:30:00Z",
            "2025-13-01T08:30:00Z",
            "2025-03-01T24:00:00Z",
            "2025-03-01T08:30:00.Z",
            "2025-03-01T08:30:00+7:00",
            "2025-03-01T08:30:00+0700",
            "2025-03-01T08:30:00+07:00 ",
            "2025-03-01T08:3a:00Z",
            "2025-03-01T08:30:00.12ΩZ",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }

    #[test]
    fn time_zone_offsets() {
        for good in ["+07:00", "-06:00", "+00:00", "-14:00", "+13:45", "+05:30"] {
            assert!(is_time_zone_offset(good), "{good}");
        }
        for bad in ["07:00", "+7:00", "+14:30", "+15:00", "Z", "+07:00:00", "+07:60"] {
            assert!(!is_time_zone_offset(bad), "{bad}");
        }
    }

    #[test]
    fn uris() {
        for good in [
            "https://id.gs1.org/01/08934563138165/21/0001",
            "urn:epc:id:sgtin:0614141.107346.2017",
            "urn:epc:idpat:sgtin:4012345.066666.*",
            "ni:///sha-256;df7b?ver=CBV2.0",
            "cbvmda:lotNumber",
            "https://id.gs1.org/01/08934563138165/10/L%2F2024",
        ] {
            assert!(is_uri(good), "{good}");
        }
        for bad in ["", "shipping", "dacsan:", "1abc:x", "https://x.vn/a b", "https://x.vn/%zz", "urn:x:\"q\""] {
            assert!(!is_uri(bad), "{bad}");
        }
    }
}
