//! Values of the GTIN's key qualifiers batch/lot, AI (10), and serial number,
//! AI (21): [`Lot`] and [`Serial`], both up to 20 characters of the GS1 AI encodable
//! character set 82.

use std::fmt;
use std::str::FromStr;

/// The longest batch/lot or serial number: both AIs have format X..20 (GS1 General
/// Specifications §3.2, the table of Application Identifiers).
const MAX_LEN: usize = 20;

/// Why a batch/lot or serial number was refused.
///
/// Positions count characters from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AiValueError {
    /// Nothing was given.
    #[error("value is empty")]
    Empty,
    /// More than 20 characters.
    #[error("value has {got} characters, at most {max} allowed")]
    TooLong {
        /// The maximum, 20.
        max: usize,
        /// The number of characters given.
        got: usize,
    },
    /// A character outside the GS1 AI encodable character set 82 (for example a
    /// space or a Vietnamese letter with a diacritic).
    #[error(
        "{found:?} at position {position} is not allowed; \
         use letters A-Z a-z, digits and !\"%&'()*+,-./:;<=>?_"
    )]
    Character {
        /// 1-based position of the character.
        position: usize,
        /// The offending character.
        found: char,
    },
}

/// Whether `c` is in the GS1 AI encodable character set 82 (GS1 General
/// Specifications §7.11): the digits, the upper- and lower-case Latin
/// letters and the twenty symbols `! " % & ' ( ) * + , - . / : ; < = > ? _`.
pub fn is_ai82(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '"'
                | '%'
                | '&'
                | '\''
                | '('
                | ')'
                | '*'
                | '+'
                | ','
                | '-'
                | '.'
                | '/'
                | ':'
                | ';'
                | '<'
                | '='
                | '>'
                | '?'
                | '_'
        )
}

/// Checks that `value` has 1 to `MAX_LEN` characters, all in set 82.
fn validate(value: &str) -> Result<(), AiValueError> {
    if let Some((index, found)) = value.chars().enumerate().find(|(_, c)| !is_ai82(*c)) {
        return Err(AiValueError::Character { position: index + 1, found });
    }
    match value.len() {
        0 => Err(AiValueError::Empty),
        got if got > MAX_LEN => Err(AiValueError::TooLong { max: MAX_LEN, got }),
        _ => Ok(()),
    }
}

/// Declares a validated X..20 newtype; `Lot` and `Serial` differ only in name.
macro_rules! ai82_value {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// The most characters a value may have (format X..20).
            pub const MAX_LEN: usize = MAX_LEN;

            /// Parses a value typed by a person, ignoring surrounding whitespace
            /// (whitespace is outside set 82, so trimming cannot change a valid value).
            pub fn parse(input: &str) -> Result<Self, AiValueError> {
                Self::parse_exact(input.trim())
            }

            /// Like `parse` but without trimming; for values read out of a URI.
            pub(crate) fn parse_exact(input: &str) -> Result<Self, AiValueError> {
                validate(input)?;
                Ok(Self(input.to_owned()))
            }

            /// The value, unencoded.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.0).finish()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl FromStr for $name {
            type Err = AiValueError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        crate::serde_str::via_display_and_from_str!($name);
    };
}

ai82_value! {
    /// A batch or lot number, AI (10): 1 to 20 characters of set 82.
    Lot
}

ai82_value! {
    /// A serial number, AI (21): 1 to 20 characters of set 82. With a GTIN it
    /// identifies one item (an SGTIN).
    Serial
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Set 82 as listed in §7.11, in code order.
    const SET_82: &str = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    #[test]
    fn set_82_has_82_characters_and_nothing_else() {
        assert_eq!(SET_82.chars().count(), 82);
        assert!(SET_82.chars().all(is_ai82));
        let others = (0..=0x2FF).filter_map(char::from_u32).filter(|c| is_ai82(*c)).count();
        assert_eq!(others, 82);
    }

    #[test]
    fn accepts_every_character_of_set_82() {
        for chunk in SET_82.as_bytes().chunks(MAX_LEN) {
            let value = std::str::from_utf8(chunk).unwrap();
            assert_eq!(Lot::parse(value).unwrap().as_str(), value);
        }
    }

    #[test]
    fn refuses_characters_outside_set_82() {
        for (input, position, found) in [
            ("LO 01", 3, ' '),
            ("LÔ-01", 2, 'Ô'),
            ("A#1", 2, '#'),
            ("A~1", 2, '~'),
            ("A@1", 2, '@'),
            ("A$1", 2, '$'),
            ("[1]", 1, '['),
            ("a\\b", 2, '\\'),
            ("x{", 2, '{'),
            ("tab\tx", 4, '\t'),
        ] {
            assert_eq!(Serial::parse(input), Err(AiValueError::Character { position, found }), "{input:?}");
        }
    }

    #[test]
    fn length_is_1_to_20() {
        assert_eq!(Lot::parse(""), Err(AiValueError::Empty));
        assert_eq!(Lot::parse("   "), Err(AiValueError::Empty));
        assert!(Lot::parse(&"9".repeat(20)).is_ok());
        assert_eq!(Lot::parse(&"9".repeat(21)), Err(AiValueError::TooLong { max: 20, got: 21 }));
    }

    #[test]
    fn parse_trims_but_parse_exact_does_not() {
        assert_eq!(Lot::parse(" L01 ").unwrap().as_str(), "L01");
        assert!(Lot::parse_exact(" L01").is_err());
    }

    #[test]
    fn messages() {
        let err = Lot::parse("LÔ").unwrap_err().to_string();
        assert!(err.starts_with("'Ô' at position 2 is not allowed"), "{err}");
        assert_eq!(
            AiValueError::TooLong { max: 20, got: 25 }.to_string(),
            "value has 25 characters, at most 20 allowed"
        );
    }

    #[test]
    fn serde_round_trip() {
        use serde::Deserialize;
        use serde::de::IntoDeserializer;
        use serde::de::value::{Error, StrDeserializer};

        let serial = Serial::parse("A/1%").unwrap();
        assert_eq!(crate::serde_str::to_string(&serial), "A/1%");
        let de: StrDeserializer<'_, Error> = "A/1%".into_deserializer();
        assert_eq!(Serial::deserialize(de), Ok(serial));
        let de: StrDeserializer<'_, Error> = "A 1".into_deserializer();
        assert!(Serial::deserialize(de).is_err());
    }
}
