//! Money in whole đồng. Vietnamese prices have no minor unit in practice, so an
//! amount is an `i64` of đồng, never a float, shown as `1.250.000 ₫`.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::messages;
use crate::error::Text;

/// An amount of Vietnamese đồng.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Vnd(pub i64);

/// The largest price a product may carry (10 billion đồng): anything above is a typo.
pub const MAX_PRICE: Vnd = Vnd(10_000_000_000);

impl Vnd {
    /// An amount as pages show it (`1.250.000 ₫`), from a value or a reference:
    /// templates pass fields by reference and sums by value.
    pub fn text(vnd: impl std::borrow::Borrow<i64>) -> String {
        Vnd(*vnd.borrow()).to_string()
    }

    /// Parses what people type: `1250000`, `1.250.000`, `1 250 000 ₫`, `1,250,000đ`.
    /// Decimals are refused: đồng have no minor unit.
    pub fn parse(input: &str) -> Result<Vnd, Text> {
        let trimmed = input.trim().trim_end_matches(['₫', 'đ', 'Đ']).trim();
        let trimmed = trimmed.strip_suffix("VND").or_else(|| trimmed.strip_suffix("vnd")).unwrap_or(trimmed).trim();
        if trimmed.is_empty() {
            return Err(messages::AMOUNT_EMPTY);
        }
        let digits: String = trimmed.chars().filter(|c| !matches!(c, '.' | ',' | ' ')).collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(messages::AMOUNT_DIGITS_ONLY);
        }
        let amount: i64 = digits.parse().map_err(|_| messages::AMOUNT_TOO_LARGE)?;
        Ok(Vnd(amount))
    }

    /// Sum that refuses to overflow instead of wrapping.
    pub fn checked_add(self, other: Vnd) -> Option<Vnd> {
        self.0.checked_add(other.0).map(Vnd)
    }

    /// Price times a quantity, refusing to overflow.
    pub fn checked_mul(self, quantity: i64) -> Option<Vnd> {
        self.0.checked_mul(quantity).map(Vnd)
    }

    /// The number with dot thousands separators and no symbol: `1.250.000`.
    pub fn grouped(self) -> String {
        let digits = self.0.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if self.0 < 0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push('.');
            }
            out.push(c);
        }
        out
    }
}

impl fmt::Display for Vnd {
    /// Vietnamese convention: dot thousands separators, a space, then `₫`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\u{a0}₫", self.grouped())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_dot_separators_and_symbol() {
        assert_eq!(Vnd(1_250_000).to_string(), "1.250.000\u{a0}₫");
        assert_eq!(Vnd(0).to_string(), "0\u{a0}₫");
        assert_eq!(Vnd(999).to_string(), "999\u{a0}₫");
        assert_eq!(Vnd(1000).grouped(), "1.000");
        assert_eq!(Vnd(-45_000).grouped(), "-45.000");
        assert_eq!(Vnd(i64::MAX).grouped(), "9.223.372.036.854.775.807");
    }

    #[test]
    fn parses_what_people_type() {
        for input in ["1250000", "1.250.000", "1 250 000 ₫", "1,250,000đ", "1250000 VND"] {
            assert_eq!(Vnd::parse(input), Ok(Vnd(1_250_000)), "{input}");
        }
    }

    #[test]
    fn refuses_non_numbers() {
        assert!(Vnd::parse("").is_err());
        assert!(Vnd::parse("12a").is_err());
        assert!(Vnd::parse("-5").is_err());
        assert!(Vnd::parse("99999999999999999999999").is_err());
    }

    #[test]
    fn arithmetic_refuses_overflow() {
        assert_eq!(Vnd(2).checked_mul(3), Some(Vnd(6)));
        assert_eq!(Vnd(i64::MAX).checked_mul(2), None);
        assert_eq!(Vnd(i64::MAX).checked_add(Vnd(1)), None);
    }
}
