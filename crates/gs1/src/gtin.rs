//! The Global Trade Item Number: [`Gtin`], parsed once at the edge from what a
//! producer types or a scanner reads, in any of its four lengths.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use crate::key::{self, KeyError};

/// The lengths a GTIN may be written in: GTIN-8, GTIN-12, GTIN-13 and GTIN-14.
const LENGTHS: &[usize] = &[8, 12, 13, 14];

/// Body lengths (without the check digit) accepted by [`Gtin::from_body`].
const BODY_LENGTHS: &[usize] = &[7, 11, 12, 13];

/// GS1 Prefix allocated to GS1 Vietnam.
const VIETNAM_PREFIX: &str = "893";

/// A GTIN whose check digit has been verified.
///
/// GS1 General Specifications §7.9.1 gives the check digit. A GTIN-8, -12 or -13 is
/// the same number as its GTIN-14 form padded with leading zeros, so equality,
/// ordering and hashing use [`Gtin::as_gtin14`]; store that form as a database key.
/// [`Display`](fmt::Display) keeps the form that was entered, as printed under
/// the barcode.
#[derive(Clone, Copy)]
pub struct Gtin {
    /// The GTIN-14 form, ASCII digits.
    digits: [u8; 14],
    /// How many digits were entered: 8, 12, 13 or 14.
    len: usize,
}

impl Gtin {
    /// Parses a GTIN-8, -12, -13 or -14 from digits, ignoring surrounding whitespace.
    ///
    /// ```
    /// let gtin = gs1::Gtin::parse(" 4006381333931 ").unwrap();
    /// assert_eq!(gtin.as_gtin14(), "04006381333931");
    /// assert_eq!(
    ///     gs1::Gtin::parse("4006381333932").unwrap_err().to_string(),
    ///     "wrong check digit: expected 1, got 2"
    /// );
    /// ```
    pub fn parse(input: &str) -> Result<Self, KeyError> {
        Self::parse_exact(input.trim())
    }

    /// Builds the GTIN that `body` (7, 11, 12 or 13 digits) becomes once its check
    /// digit is appended, e.g. a GS1 Company Prefix followed by an item reference.
    pub fn from_body(body: &str) -> Result<Self, KeyError> {
        let body = key::parse_digits(body.trim(), BODY_LENGTHS)?;
        Ok(Self::from_digits(&key::with_check_digit(body)))
    }

    /// Like [`Gtin::parse`] but without trimming; for values read out of a URI.
    pub(crate) fn parse_exact(input: &str) -> Result<Self, KeyError> {
        key::parse_key(input, LENGTHS).map(Self::from_digits)
    }

    /// `digits` are ASCII digits of an allowed length.
    fn from_digits(digits: &[u8]) -> Self {
        let mut padded = [b'0'; 14];
        padded[14 - digits.len()..].copy_from_slice(digits);
        Self { digits: padded, len: digits.len() }
    }

    /// The 14-digit form, zero-padded on the left: the form GS1 Digital Link and
    /// EPCIS use.
    pub fn as_gtin14(&self) -> &str {
        std::str::from_utf8(&self.digits).expect("a Gtin holds ASCII digits only")
    }

    /// The digits as entered (8, 12, 13 or 14 of them).
    pub fn as_str(&self) -> &str {
        &self.as_gtin14()[14 - self.len..]
    }

    /// Whether the GTIN was allocated through GS1 Vietnam (GS1 Prefix 893).
    ///
    /// The GS1 Prefix is read from the GTIN-13 form (the GTIN-14 without its
    /// indicator digit). A GTIN-8 carries its own GS1-8 Prefix in its first three
    /// digits; it is recognised by the six leading zeros of its GTIN-14 form, a range
    /// GS1 keeps for GTIN-8 (GS1 General Specifications, GS1 Prefix list).
    pub fn is_vietnam(&self) -> bool {
        self.gs1_prefix() == VIETNAM_PREFIX
    }

    /// The first three digits of the GS1 Prefix.
    fn gs1_prefix(&self) -> &str {
        let gtin14 = self.as_gtin14();
        match gtin14.strip_prefix("000000") {
            Some(gtin8) => &gtin8[..3],
            None => &gtin14[1..4],
        }
    }
}

impl PartialEq for Gtin {
    fn eq(&self, other: &Self) -> bool {
        self.digits == other.digits
    }
}

impl Eq for Gtin {}

impl Hash for Gtin {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.digits.hash(state);
    }
}

impl PartialOrd for Gtin {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Gtin {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.digits.cmp(&other.digits)
    }
}

impl fmt::Debug for Gtin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Gtin").field(&self.as_str()).finish()
    }
}

impl fmt::Display for Gtin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Gtin {
    type Err = KeyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

crate::serde_str::via_display_and_from_str!(Gtin);

#[cfg(test)]
mod tests {
    use super::*;

    fn gtin(s: &str) -> Gtin {
        Gtin::parse(s).unwrap()
    }

    #[test]
    fn accepts_the_four_lengths() {
        for (input, gtin14) in [
            ("96385074", "00000096385074"),
            ("036000291452", "00036000291452"),
            ("4006381333931", "04006381333931"),
            ("09501101530003", "09501101530003"),
        ] {
            let parsed = gtin(input);
            assert_eq!(parsed.as_gtin14(), gtin14);
            assert_eq!(parsed.as_str(), input);
            assert_eq!(parsed.to_string(), input);
        }
    }

    #[test]
    fn trims_surrounding_whitespace_only() {
        assert_eq!(gtin("\t4006381333931 \n").as_str(), "4006381333931");
        assert_eq!(Gtin::parse("400638 1333931"), Err(KeyError::NonDigit { position: 7, found: ' ' }));
    }

    #[test]
    fn refuses_wrong_check_digits() {
        // 8934563138164 looks like a Vietnamese EAN-13 but its check digit is 5.
        assert_eq!(Gtin::parse("8934563138164"), Err(KeyError::CheckDigit { expected: 5, got: 4 }));
        assert!(Gtin::parse("036000291453").is_err());
        assert!(Gtin::parse("96385075").is_err());
        assert!(Gtin::parse("09501101530004").is_err());
    }

    #[test]
    fn refuses_other_lengths() {
        for input in ["", "1234567", "1234567890", "12345678901", "123456789012345"] {
            assert_eq!(Gtin::parse(input), Err(KeyError::Length { expected: LENGTHS, got: input.len() }), "{input:?}");
        }
    }

    #[test]
    fn refuses_non_digits_with_their_position() {
        assert_eq!(Gtin::parse("40063813339O1"), Err(KeyError::NonDigit { position: 12, found: 'O' }));
        assert_eq!(Gtin::parse("-4006381333931"), Err(KeyError::NonDigit { position: 1, found: '-' }));
    }

    #[test]
    fn from_body_appends_the_check_digit() {
        assert_eq!(Gtin::from_body("893456313816").unwrap().as_str(), "8934563138165");
        assert_eq!(Gtin::from_body("9638507").unwrap().as_str(), "96385074");
        assert_eq!(
            Gtin::from_body("1400638133393").map(|g| g.to_string()),
            Ok("14006381333938".to_owned()),
            "a 13-digit body makes a GTIN-14"
        );
        assert!(matches!(Gtin::from_body("123"), Err(KeyError::Length { got: 3, .. })));
    }

    #[test]
    fn same_number_in_different_lengths_is_equal() {
        assert_eq!(gtin("4006381333931"), gtin("04006381333931"));
        assert_eq!(gtin("036000291452"), gtin("0036000291452"));
        assert_ne!(gtin("4006381333931"), gtin("14006381333938"));
        let mut set = std::collections::HashSet::new();
        set.insert(gtin("96385074"));
        assert!(set.contains(&gtin("00000096385074")));
    }

    #[test]
    fn vietnam_prefix() {
        assert!(gtin("8934563138165").is_vietnam());
        // GTIN-14 with indicator digit 1 around the same GTIN-13.
        let case = Gtin::from_body("1893456313816").unwrap();
        assert!(case.is_vietnam());
        // A GTIN-8 carries its GS1-8 Prefix in its first digits.
        let gtin8 = Gtin::from_body("8931234").unwrap();
        assert!(gtin8.is_vietnam());
        assert!(!gtin("4006381333931").is_vietnam());
        assert!(!gtin("96385074").is_vietnam());
        // A UPC-A can never be Vietnamese: its GTIN-13 form starts with 0.
        assert!(!Gtin::from_body("89345631381").unwrap().is_vietnam());
    }

    #[test]
    fn debug_shows_the_digits() {
        assert_eq!(format!("{:?}", gtin("96385074")), "Gtin(\"96385074\")");
    }

    #[test]
    fn from_str_and_serde() {
        use serde::Deserialize;
        use serde::de::IntoDeserializer;
        use serde::de::value::{Error, StrDeserializer};

        assert_eq!("4006381333931".parse::<Gtin>(), Ok(gtin("4006381333931")));
        let de: StrDeserializer<'_, Error> = "036000291452".into_deserializer();
        assert_eq!(Gtin::deserialize(de).unwrap(), gtin("036000291452"));
        let de: StrDeserializer<'_, Error> = "036000291453".into_deserializer();
        let err = Gtin::deserialize(de).unwrap_err().to_string();
        assert_eq!(err, "wrong check digit: expected 2, got 3");
        assert_eq!(crate::serde_str::to_string(&gtin("96385074")), "96385074");
    }
}
