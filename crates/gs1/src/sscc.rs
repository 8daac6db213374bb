//! The Serial Shipping Container Code: [`Sscc`], the 18-digit key (AI 00) of a
//! logistic unit — a carton, a case, a pallet — printed on its label and named as
//! the parent of an EPCIS AggregationEvent.

use std::fmt;
use std::str::FromStr;

use crate::company_prefix::CompanyPrefix;
use crate::key::{self, KeyError};

const LENGTH: &[usize] = &[18];

/// An SSCC whose check digit has been verified (GS1 General Specifications §2.2.1,
/// §7.9.1): an extension digit, the GS1 company prefix, a serial reference and the
/// check digit.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sscc {
    /// ASCII digits.
    digits: [u8; 18],
}

impl Sscc {
    /// Parses 18 digits as people copy them from a label: surrounding whitespace,
    /// spaces between groups and a leading `(00)` are ignored.
    ///
    /// ```
    /// let sscc = gs1::Sscc::parse("(00) 1 0614141 234567890 8").unwrap();
    /// assert_eq!(sscc.as_str(), "106141412345678908");
    /// assert!(gs1::Sscc::parse("106141412345678900").is_err());
    /// ```
    pub fn parse(input: &str) -> Result<Self, KeyError> {
        let trimmed = input.trim();
        let without_ai = trimmed.strip_prefix("(00)").unwrap_or(trimmed);
        let compact: String = without_ai.chars().filter(|c| *c != ' ').collect();
        let digits = key::parse_key(&compact, LENGTH)?;
        let mut array = [b'0'; 18];
        array.copy_from_slice(digits);
        Ok(Self { digits: array })
    }

    /// The `number`th SSCC under `prefix`: `number` written in the `17 − prefix
    /// length` digits of the extension digit and the serial reference (most
    /// significant first, so the extension digit moves only when the serial
    /// references of one digit are used up), then the check digit. A company gives
    /// each logistic unit a number it never gave before (GS1 General Specifications
    /// §2.2.1); `None` when `number` does not fit (see
    /// [`CompanyPrefix::sscc_capacity`]).
    ///
    /// ```
    /// let prefix = gs1::CompanyPrefix::parse("0614141").unwrap();
    /// let sscc = gs1::Sscc::numbered(&prefix, 1_234_567_890).unwrap();
    /// assert_eq!(sscc.as_str(), "106141412345678908");
    /// assert_eq!(gs1::Sscc::numbered(&prefix, 7).unwrap().as_str(), "006141410000000074");
    /// assert!(gs1::Sscc::numbered(&prefix, prefix.sscc_capacity()).is_none());
    /// ```
    pub fn numbered(prefix: &CompanyPrefix, number: u64) -> Option<Self> {
        if number >= prefix.sscc_capacity() {
            return None;
        }
        let width = 17 - prefix.as_str().len();
        let reference = format!("{number:0width$}");
        let body = format!("{}{}{}", &reference[..1], prefix.as_str(), &reference[1..]);
        let digits = key::with_check_digit(body.as_bytes());
        let mut array = [b'0'; 18];
        array.copy_from_slice(&digits);
        Some(Self { digits: array })
    }

    /// The SSCC an EPCIS identifier names: a GS1 Digital Link URI on any domain
    /// (`https://id.gs1.org/00/106141412345678908`) or an EPC pure identity URI
    /// (`urn:epc:id:sscc:0614141.1234567890`, GS1 Tag Data Standard §6.3.2: the
    /// serial reference's first digit is the extension digit). `None` for anything else.
    ///
    /// ```
    /// let from_urn = gs1::Sscc::from_uri("urn:epc:id:sscc:0614141.1234567890").unwrap();
    /// assert_eq!(from_urn.as_str(), "106141412345678908");
    /// assert_eq!(gs1::Sscc::from_uri("https://example.vn/00/106141412345678908"), Some(from_urn));
    /// assert_eq!(gs1::Sscc::from_uri("https://id.gs1.org/01/09506000134352"), None);
    /// ```
    pub fn from_uri(uri: &str) -> Option<Self> {
        if let Some(rest) = uri.strip_prefix("urn:epc:id:sscc:") {
            let (prefix, reference) = rest.split_once('.')?;
            if prefix.len() + reference.len() != 17 || reference.is_empty() {
                return None;
            }
            let body = format!("{}{prefix}{}", &reference[..1], &reference[1..]);
            let check = key::check_digit(&body).ok()?;
            return Self::parse(&format!("{body}{check}")).ok();
        }
        let path = uri.split_once("://").map(|(_, rest)| rest)?;
        let path = path.split(['?', '#']).next()?;
        let digits = path.split_once("/00/")?.1;
        (digits.len() == 18).then(|| Self::parse(digits).ok()).flatten()
    }

    /// The 18 digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits).expect("an Sscc holds ASCII digits only")
    }

    /// The GS1 Digital Link URI of the unit on `domain` (e.g. [`crate::ID_GS1_ORG`]).
    pub fn to_uri(&self, domain: &str) -> String {
        format!("{}/00/{}", domain.trim_end_matches('/'), self.as_str())
    }
}

impl fmt::Debug for Sscc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Sscc").field(&self.as_str()).finish()
    }
}

impl fmt::Display for Sscc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Sscc {
    type Err = KeyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

crate::serde_str::via_display_and_from_str!(Sscc);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_ways_a_label_prints_it() {
        for input in ["106141412345678908", " (00)106141412345678908 ", "(00) 1 0614141 234567890 8"] {
            assert_eq!(Sscc::parse(input).unwrap().as_str(), "106141412345678908", "{input:?}");
        }
        assert_eq!(
            Sscc::parse("106141412345678908").unwrap().to_uri(crate::ID_GS1_ORG),
            "https://id.gs1.org/00/106141412345678908"
        );
    }

    #[test]
    fn numbered_units_are_valid_distinct_and_keep_the_prefix() {
        for prefix in ["8934", "8934563", "893456313816"] {
            let prefix = CompanyPrefix::parse(prefix).unwrap();
            let last = prefix.sscc_capacity() - 1;
            let numbers = [0, 1, 9, 10, 11, last / 10, last];
            let ssccs: Vec<Sscc> = numbers.iter().map(|n| Sscc::numbered(&prefix, *n).unwrap()).collect();
            for sscc in &ssccs {
                assert_eq!(Sscc::parse(sscc.as_str()).as_ref(), Ok(sscc), "the check digit holds");
                assert_eq!(&sscc.as_str()[1..1 + prefix.as_str().len()], prefix.as_str());
            }
            let distinct: std::collections::BTreeSet<&Sscc> = ssccs.iter().collect();
            assert_eq!(distinct.len(), numbers.len(), "{ssccs:?}");
            assert_eq!(Sscc::numbered(&prefix, last + 1), None);
        }
        // The extension digit is the number's most significant digit.
        let prefix = CompanyPrefix::parse("893456313816").unwrap();
        assert_eq!(&Sscc::numbered(&prefix, 99_999).unwrap().as_str()[..1], "9");
    }

    #[test]
    fn refuses_wrong_check_digits_lengths_and_letters() {
        assert_eq!(Sscc::parse("106141412345678901"), Err(KeyError::CheckDigit { expected: 8, got: 1 }));
        assert_eq!(Sscc::parse("10614141234567890"), Err(KeyError::Length { expected: &[18], got: 17 }));
        assert!(matches!(Sscc::parse("10614141234567890x"), Err(KeyError::NonDigit { .. })));
    }
}
