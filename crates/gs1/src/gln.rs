//! The Global Location Number: [`Gln`], the 13-digit key of a party or a place
//! (a farm, a packing house, a warehouse).

use std::fmt;
use std::str::FromStr;

use crate::key::{self, KeyError};

const LENGTH: &[usize] = &[13];
const BODY_LENGTH: &[usize] = &[12];

/// A GLN whose check digit has been verified (GS1 General Specifications §7.9.1).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Gln {
    /// ASCII digits.
    digits: [u8; 13],
}

impl Gln {
    /// Parses 13 digits, ignoring surrounding whitespace.
    ///
    /// ```
    /// assert!(gs1::Gln::parse("9520123456788").is_ok());
    /// assert!(gs1::Gln::parse("9520123456789").is_err());
    /// ```
    pub fn parse(input: &str) -> Result<Self, KeyError> {
        key::parse_key(input.trim(), LENGTH).map(Self::from_digits)
    }

    /// Builds the GLN that 12 digits become once their check digit is appended.
    pub fn from_body(body: &str) -> Result<Self, KeyError> {
        let body = key::parse_digits(body.trim(), BODY_LENGTH)?;
        Ok(Self::from_digits(&key::with_check_digit(body)))
    }

    /// `digits` are 13 ASCII digits.
    fn from_digits(digits: &[u8]) -> Self {
        let mut array = [b'0'; 13];
        array.copy_from_slice(digits);
        Self { digits: array }
    }

    /// The 13 digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits).expect("a Gln holds ASCII digits only")
    }
}

impl fmt::Debug for Gln {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Gln").field(&self.as_str()).finish()
    }
}

impl fmt::Display for Gln {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Gln {
    type Err = KeyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

crate::serde_str::via_display_and_from_str!(Gln);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_glns() {
        for input in ["9520123456788", "4012345000009", " 8936036020526\n"] {
            let gln = Gln::parse(input).unwrap();
            assert_eq!(gln.as_str(), input.trim());
            assert_eq!(gln.to_string(), input.trim());
        }
    }

    #[test]
    fn refuses_wrong_check_digit() {
        assert_eq!(Gln::parse("9520123456780"), Err(KeyError::CheckDigit { expected: 8, got: 0 }));
    }

    #[test]
    fn refuses_other_lengths_even_valid_gtins() {
        // A valid GTIN-14 and a valid GTIN-8 are not GLNs.
        assert_eq!(Gln::parse("09501101530003"), Err(KeyError::Length { expected: &[13], got: 14 }));
        assert!(Gln::parse("96385074").is_err());
    }

    #[test]
    fn refuses_non_digits() {
        assert_eq!(Gln::parse("95201234567a8"), Err(KeyError::NonDigit { position: 12, found: 'a' }));
    }

    #[test]
    fn from_body_appends_the_check_digit() {
        assert_eq!(Gln::from_body("952012345678"), Ok(Gln::parse("9520123456788").unwrap()));
        assert!(Gln::from_body("9520123456788").is_err());
    }

    #[test]
    fn serde_round_trip() {
        use serde::Deserialize;
        use serde::de::IntoDeserializer;
        use serde::de::value::{Error, StrDeserializer};

        let gln = Gln::parse("9520123456788").unwrap();
        assert_eq!(crate::serde_str::to_string(&gln), "9520123456788");
        let de: StrDeserializer<'_, Error> = "9520123456788".into_deserializer();
        assert_eq!(Gln::deserialize(de), Ok(gln));
    }
}
