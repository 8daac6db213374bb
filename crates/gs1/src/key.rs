//! Digits of GS1 identification keys: the mod-10 check digit shared by GTIN, GLN,
//! SSCC and the other fixed-length numeric keys, and [`KeyError`], the one reason a
//! key is refused.

use std::fmt;

/// Why a numeric GS1 key (GTIN, GLN) was refused.
///
/// Positions count characters from 1, after surrounding whitespace is trimmed, so a
/// message can point at the character a person typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// The number of digits is not one the key allows.
    #[error("expected {} digits, got {got}", Lengths(expected))]
    Length {
        /// The allowed numbers of digits, shortest first.
        expected: &'static [usize],
        /// The number of digits given.
        got: usize,
    },
    /// A character that is not an ASCII digit.
    #[error("{found:?} at position {position} is not a digit")]
    NonDigit {
        /// 1-based position of the character.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// The last digit does not match the check digit computed from the others.
    #[error("wrong check digit: expected {expected}, got {got}")]
    CheckDigit {
        /// The check digit computed from the body.
        expected: u8,
        /// The last digit given.
        got: u8,
    },
}

/// Computes the check digit to append to `body`, a key without its check digit.
///
/// GS1 General Specifications §7.9.1 (standard check digit calculation for GS1 data
/// structures): from the right, digits are weighted 3, 1, 3, 1, …; the check digit
/// brings the weighted sum up to the next multiple of ten. The same rule serves every
/// length (GTIN-8 to GTIN-14, GLN, SSCC, GSRN), so `body` may have any length; it is
/// taken as given, without trimming.
///
/// ```
/// assert_eq!(gs1::check_digit("400638133393"), Ok(1));
/// assert!(gs1::check_digit("40063813339x").is_err());
/// ```
pub fn check_digit(body: &str) -> Result<u8, KeyError> {
    ensure_digits(body)?;
    Ok(mod10(body.as_bytes()))
}

/// Checks that `input` (already trimmed) is all digits, has an allowed length and
/// ends in the right check digit. Returns the digits as ASCII bytes.
pub(crate) fn parse_key<'a>(input: &'a str, allowed: &'static [usize]) -> Result<&'a [u8], KeyError> {
    let digits = parse_digits(input, allowed)?;
    let (body, last) = digits.split_at(digits.len() - 1);
    let expected = mod10(body);
    let got = last[0] - b'0';
    if expected != got {
        return Err(KeyError::CheckDigit { expected, got });
    }
    Ok(digits)
}

/// Checks that `input` is all digits and has one of the `allowed` lengths (none of
/// which is zero). Returns the digits as ASCII bytes.
pub(crate) fn parse_digits<'a>(input: &'a str, allowed: &'static [usize]) -> Result<&'a [u8], KeyError> {
    ensure_digits(input)?;
    if !allowed.contains(&input.len()) {
        return Err(KeyError::Length { expected: allowed, got: input.len() });
    }
    Ok(input.as_bytes())
}

/// Appends the §7.9.1 check digit to an all-digit `body`.
pub(crate) fn with_check_digit(body: &[u8]) -> Vec<u8> {
    let mut digits = body.to_vec();
    digits.push(b'0' + mod10(body));
    digits
}

fn ensure_digits(input: &str) -> Result<(), KeyError> {
    match input.chars().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
        Some((index, found)) => Err(KeyError::NonDigit { position: index + 1, found }),
        None => Ok(()),
    }
}

/// §7.9.1 on ASCII digits; the running sum is kept modulo ten.
fn mod10(body: &[u8]) -> u8 {
    let sum = body.iter().rev().enumerate().fold(0u8, |sum, (i, b)| {
        let digit = b - b'0';
        let weight = if i % 2 == 0 { 3 } else { 1 };
        (sum + digit * weight) % 10
    });
    (10 - sum) % 10
}

/// Writes `[8, 12, 13, 14]` as "8, 12, 13 or 14".
struct Lengths(&'static [usize]);

impl fmt::Display for Lengths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let last = self.0.len().saturating_sub(1);
        for (i, n) in self.0.iter().enumerate() {
            match i {
                0 => write!(f, "{n}")?,
                _ if i == last => write!(f, " or {n}")?,
                _ => write!(f, ", {n}")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digit_of_known_keys() {
        // EAN-13 4006381333931, UPC-A 036000291452, EAN-8 96385074,
        // GTIN-14 09501101530003 (GS1's own example), GLN 9520123456788.
        assert_eq!(check_digit("400638133393"), Ok(1));
        assert_eq!(check_digit("03600029145"), Ok(2));
        assert_eq!(check_digit("9638507"), Ok(4));
        assert_eq!(check_digit("0950110153000"), Ok(3));
        assert_eq!(check_digit("952012345678"), Ok(8));
    }

    #[test]
    fn check_digit_zero_when_sum_is_a_multiple_of_ten() {
        // 3*1 + 7 = 10
        assert_eq!(check_digit("71"), Ok(0));
    }

    #[test]
    fn leading_zeros_do_not_change_the_check_digit() {
        assert_eq!(check_digit("03600029145"), check_digit("0003600029145"));
    }

    #[test]
    fn check_digit_refuses_non_digits() {
        assert_eq!(check_digit("40063813339x"), Err(KeyError::NonDigit { position: 12, found: 'x' }));
        // Only ASCII digits count: an Arabic-Indic three is refused.
        assert!(check_digit("٣").is_err());
    }

    #[test]
    fn parse_key_reports_length_then_check_digit() {
        const GTIN: &[usize] = &[8, 12, 13, 14];
        assert_eq!(parse_key("12345", GTIN), Err(KeyError::Length { expected: GTIN, got: 5 }));
        assert_eq!(parse_key("4006381333932", GTIN), Err(KeyError::CheckDigit { expected: 1, got: 2 }));
        assert_eq!(parse_key("4006381333931", GTIN), Ok(&b"4006381333931"[..]));
    }

    #[test]
    fn with_check_digit_appends() {
        assert_eq!(with_check_digit(b"400638133393"), b"4006381333931");
    }

    #[test]
    fn messages_say_what_was_wrong() {
        let length = KeyError::Length { expected: &[8, 12, 13, 14], got: 10 };
        assert_eq!(length.to_string(), "expected 8, 12, 13 or 14 digits, got 10");
        let single = KeyError::Length { expected: &[13], got: 12 };
        assert_eq!(single.to_string(), "expected 13 digits, got 12");
        let digit = KeyError::NonDigit { position: 3, found: 'O' };
        assert_eq!(digit.to_string(), "'O' at position 3 is not a digit");
        let check = KeyError::CheckDigit { expected: 5, got: 4 };
        assert_eq!(check.to_string(), "wrong check digit: expected 5, got 4");
    }
}
