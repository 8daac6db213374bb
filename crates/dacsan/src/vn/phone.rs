//! Vietnamese phone numbers. People write `0912 345 678`, `+84 912 345 678` or
//! `84912345678`; all are one number, stored in E.164 (`+84912345678`) and shown in the
//! national form (`0912 345 678`).

use std::fmt;

use super::messages;
use crate::error::Text;

/// A Vietnamese phone number, valid by the national numbering plan after the 2018
/// mobile prefix change (10-digit national numbers starting 03/05/07/08/09, and
/// 02x landlines of 11 digits).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Phone(String);

impl Phone {
    pub fn parse(input: &str) -> Result<Phone, Text> {
        let digits: String = input.chars().filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')')).collect();
        let national = if let Some(rest) = digits.strip_prefix("+84") {
            format!("0{rest}")
        } else if digits.starts_with("84") && digits.len() >= 11 {
            format!("0{}", &digits[2..])
        } else {
            digits
        };
        if !national.chars().all(|c| c.is_ascii_digit()) {
            return Err(messages::PHONE_CHARACTERS);
        }
        if !is_valid_national(&national) {
            return Err(messages::PHONE_INVALID);
        }
        Ok(Phone(format!("+84{}", &national[1..])))
    }

    /// `+84912345678`
    pub fn e164(&self) -> &str {
        &self.0
    }

    /// `0912345678`
    pub fn national(&self) -> String {
        format!("0{}", &self.0[3..])
    }
}

fn is_valid_national(number: &str) -> bool {
    let bytes = number.as_bytes();
    match (bytes.len(), bytes.get(1)) {
        (10, Some(b'3' | b'5' | b'7' | b'8' | b'9')) => bytes[0] == b'0',
        (11, Some(b'2')) => bytes[0] == b'0',
        _ => false,
    }
}

impl fmt::Display for Phone {
    /// Grouped national form: `0912 345 678`, landlines `0213 387 6543`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.national();
        write!(f, "{} {} {}", &n[..4], &n[4..7], &n[7..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_and_international_forms_are_one_number() {
        let a = Phone::parse("0912 345 678").unwrap();
        let b = Phone::parse("+84912345678").unwrap();
        let c = Phone::parse("84-912-345-678").unwrap();
        assert_eq!(a, b);
        assert_eq!(b, c);
        assert_eq!(a.e164(), "+84912345678");
        assert_eq!(a.national(), "0912345678");
        assert_eq!(a.to_string(), "0912 345 678");
    }

    #[test]
    fn landlines_have_eleven_digits() {
        let p = Phone::parse("0213 3876 543").unwrap();
        assert_eq!(p.e164(), "+842133876543");
    }

    #[test]
    fn refuses_invalid_numbers() {
        for bad in ["", "12345", "0112345678", "091234567", "09123456789", "0912a45678", "+1 202 555 0100"] {
            assert!(Phone::parse(bad).is_err(), "{bad}");
        }
    }
}
