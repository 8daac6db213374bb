//! The GS1 Company Prefix: the digits GS1 (in Vietnam, GS1 Vietnam under the
//! prefix 893) licenses to a company, at the head of every key the company makes —
//! its GTINs, GLNs and SSCCs.

use std::fmt;
use std::str::FromStr;

use crate::key::{self, KeyError};

/// The lengths a GS1 Company Prefix may have: 4 to 12 digits, the range of the GS1
/// General Specifications (GS1 Vietnam licenses 893 and four to six more). An SSCC
/// holds the prefix and a serial reference in 16 digits, so every length leaves room
/// for one.
const LENGTHS: &[usize] = &[4, 5, 6, 7, 8, 9, 10, 11, 12];

/// A GS1 Company Prefix whose digits and length have been checked. It has no
/// check digit of its own.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CompanyPrefix(String);

impl CompanyPrefix {
    /// Parses the prefix as GS1 wrote it on the licence: surrounding whitespace is
    /// ignored.
    ///
    /// ```
    /// let prefix = gs1::CompanyPrefix::parse(" 8934563 ").unwrap();
    /// assert_eq!(prefix.as_str(), "8934563");
    /// assert!(gs1::CompanyPrefix::parse("893").is_err());
    /// ```
    pub fn parse(input: &str) -> Result<Self, KeyError> {
        let digits = key::parse_digits(input.trim(), LENGTHS)?;
        Ok(Self(String::from_utf8_lossy(digits).into_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// How many SSCCs the prefix numbers: its extension digit and serial reference
    /// together are the `17 − length` digits before the check digit.
    pub fn sscc_capacity(&self) -> u64 {
        10u64.pow(17 - self.0.len() as u32)
    }
}

impl fmt::Debug for CompanyPrefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("CompanyPrefix").field(&self.0).finish()
    }
}

impl fmt::Display for CompanyPrefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for CompanyPrefix {
    type Err = KeyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_four_to_twelve_digits() {
        assert_eq!(CompanyPrefix::parse("0614141").unwrap().as_str(), "0614141");
        assert_eq!(CompanyPrefix::parse("893456313816").unwrap().sscc_capacity(), 100_000);
        assert_eq!(CompanyPrefix::parse("8934").unwrap().sscc_capacity(), 10_000_000_000_000);
        assert_eq!(CompanyPrefix::parse("893").unwrap_err(), KeyError::Length { expected: LENGTHS, got: 3 });
        assert!(matches!(CompanyPrefix::parse("8934563138165"), Err(KeyError::Length { got: 13, .. })));
        assert!(matches!(CompanyPrefix::parse("893-4563"), Err(KeyError::NonDigit { position: 4, .. })));
    }
}
