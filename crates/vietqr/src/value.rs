//! The values a VietQR payload carries, each parsed once at the edge: bank BIN, account
//! or card number, service, initiation method, amount and the short texts of field 62.
//! Past these types a value is known to fit its field.

use std::fmt;

/// Longest account or card number 38/01/01 takes: NAPAS's table gives "ans, up to 19"
/// (vietqr.md names no limit; 19 is also the longest card number).
pub const MAX_ACCOUNT_LEN: usize = 19;

/// Longest text of a field-62 subfield (EMVCo MPM, data objects 62/01–62/08: "ans ..25").
pub const MAX_TEXT_LEN: usize = 25;

/// Largest amount field 54 can hold (EMVCo MPM, data object 54: at most 13 characters).
pub const MAX_AMOUNT_VND: u64 = 9_999_999_999_999;

/// Why a value cannot go into a payload. Callers building a payload from a form map each
/// variant to the field the user typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    #[error("a bank BIN is exactly 6 digits, got {0:?}")]
    Bin(String),
    #[error("an account number is 1 to {max} ASCII letters or digits, got {0:?}", max = MAX_ACCOUNT_LEN)]
    Account(String),
    #[error("a NAPAS card number is 16 to 19 digits starting with 9704, got {0:?}")]
    Card(String),
    #[error("an amount is 1 to {max} đồng, got {0}", max = MAX_AMOUNT_VND)]
    AmountOutOfRange(u64),
    #[error("an amount is whole đồng written in digits without a leading zero, got {0:?}")]
    AmountFormat(String),
    #[error("this text takes 1 to {max} characters, got {0}", max = MAX_TEXT_LEN)]
    TextLength(usize),
    #[error("this text takes printable ASCII only (fold Vietnamese with `fold_to_ascii` first), found {0:?}")]
    TextCharacter(char),
    #[error("the additional data (field 62) would take {0} bytes, more than the 99 a field holds")]
    AdditionalDataTooLong(usize),
    #[error("a static QR (initiation 11) carries no amount; an amount makes it dynamic (12)")]
    StaticWithAmount,
}

/// A bank's BIN, the 6-digit NAPAS identifier in field 38/01/00 (vietqr.md).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Bin(String);

impl Bin {
    /// Takes exactly 6 ASCII digits. Whether a bank holds the BIN is the bank list's
    /// business, not this crate's.
    pub fn parse(text: &str) -> Result<Self, ValueError> {
        if text.len() == 6 && text.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(text.to_owned()))
        } else {
            Err(ValueError::Bin(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A bank account number for service QRIBFTTA (field 38/01/01). Banks also issue
/// lettered alias accounts, so ASCII letters are allowed beside digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AccountNumber(String);

impl AccountNumber {
    /// Takes 1 to [`MAX_ACCOUNT_LEN`] ASCII letters or digits, nothing else: no spaces,
    /// no dashes (strip them before, if a form lets users type them).
    pub fn parse(text: &str) -> Result<Self, ValueError> {
        let fits = (1..=MAX_ACCOUNT_LEN).contains(&text.len());
        if fits && text.bytes().all(|b| b.is_ascii_alphanumeric()) {
            Ok(Self(text.to_owned()))
        } else {
            Err(ValueError::Account(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A NAPAS domestic card number for service QRIBFTTC (field 38/01/01): `9704…`
/// (vietqr.md), 16 or 19 digits on issued cards.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CardNumber(String);

impl CardNumber {
    /// Takes 16 to 19 ASCII digits starting with `9704`.
    pub fn parse(text: &str) -> Result<Self, ValueError> {
        let fits = (16..=19).contains(&text.len());
        if fits && text.starts_with("9704") && text.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(text.to_owned()))
        } else {
            Err(ValueError::Card(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Who receives the transfer; the kind of number decides the service code (38/02).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Beneficiary {
    Account(AccountNumber),
    Card(CardNumber),
}

impl Beneficiary {
    pub fn service(&self) -> Service {
        match self {
            Self::Account(_) => Service::ToAccount,
            Self::Card(_) => Service::ToCard,
        }
    }

    /// The account or card number as it goes into field 38/01/01.
    pub fn number(&self) -> &str {
        match self {
            Self::Account(account) => account.as_str(),
            Self::Card(card) => card.as_str(),
        }
    }
}

/// The NAPAS service code, field 38/02 (vietqr.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Service {
    /// `QRIBFTTA`: fast transfer to a bank account.
    ToAccount,
    /// `QRIBFTTC`: fast transfer to a NAPAS card.
    ToCard,
}

impl Service {
    pub fn code(self) -> &'static str {
        match self {
            Self::ToAccount => "QRIBFTTA",
            Self::ToCard => "QRIBFTTC",
        }
    }

    pub(crate) fn from_code(code: &str) -> Option<Self> {
        [Self::ToAccount, Self::ToCard].into_iter().find(|service| service.code() == code)
    }
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Point of initiation method, field 01 (vietqr.md): a static QR is printed once and
/// paid many times with an amount the payer types; a dynamic QR is made for one payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Initiation {
    /// `11`: no amount.
    Static,
    /// `12`: one payment, normally with its amount.
    Dynamic,
}

impl Initiation {
    pub fn code(self) -> &'static str {
        match self {
            Self::Static => "11",
            Self::Dynamic => "12",
        }
    }

    pub(crate) fn from_code(code: &str) -> Option<Self> {
        [Self::Static, Self::Dynamic].into_iter().find(|initiation| initiation.code() == code)
    }
}

/// An amount in whole đồng that field 54 can carry: VND has no minor unit, so the field
/// holds an integer (vietqr.md, field 54).
pub(crate) fn check_amount(amount_vnd: u64) -> Result<u64, ValueError> {
    if (1..=MAX_AMOUNT_VND).contains(&amount_vnd) {
        Ok(amount_vnd)
    } else {
        Err(ValueError::AmountOutOfRange(amount_vnd))
    }
}

/// Reads field 54 as written by [`check_amount`]'s counterpart: digits, no leading zero,
/// no decimal point, so that re-encoding gives back the same text.
pub(crate) fn parse_amount(text: &str) -> Result<u64, ValueError> {
    let canonical =
        !text.is_empty() && !text.starts_with('0') && text.len() <= 13 && text.bytes().all(|b| b.is_ascii_digit());
    if !canonical {
        return Err(ValueError::AmountFormat(text.to_owned()));
    }
    let amount = text.parse().map_err(|_| ValueError::AmountFormat(text.to_owned()))?;
    check_amount(amount)
}

/// A field-62 text: 1 to [`MAX_TEXT_LEN`] printable ASCII characters (EMVCo "ans"; and
/// vietqr.md: keep the purpose ASCII, banks mangle tone marks).
pub(crate) fn check_text(text: &str) -> Result<&str, ValueError> {
    if let Some(bad) = text.chars().find(|c| !matches!(c, ' '..='~')) {
        return Err(ValueError::TextCharacter(bad));
    }
    if (1..=MAX_TEXT_LEN).contains(&text.len()) { Ok(text) } else { Err(ValueError::TextLength(text.len())) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bin_is_six_digits() {
        assert!(Bin::parse("970403").is_ok());
        for bad in ["", "97040", "9704031", "97040a", "９７０４０３", " 970403"] {
            assert_eq!(Bin::parse(bad), Err(ValueError::Bin(bad.into())), "{bad:?}");
        }
    }

    #[test]
    fn account_is_ascii_alphanumeric_up_to_nineteen() {
        for good in ["0", "0011012345678", "NGUYENVANA68", &"9".repeat(19)] {
            assert!(AccountNumber::parse(good).is_ok(), "{good:?}");
        }
        for bad in ["", &"9".repeat(20), "0011 0123", "0011-0123", "tài01"] {
            assert_eq!(AccountNumber::parse(bad), Err(ValueError::Account(bad.into())), "{bad:?}");
        }
    }

    #[test]
    fn card_is_a_napas_number() {
        for good in ["9704031101234567", "9704031101234567890"] {
            assert!(CardNumber::parse(good).is_ok(), "{good:?}");
        }
        for bad in ["970403110123456", "97040311012345678901", "4111111111111111", "970403110123456A"] {
            assert_eq!(CardNumber::parse(bad), Err(ValueError::Card(bad.into())));
        }
    }

    #[test]
    fn service_follows_the_beneficiary() {
        let account = Beneficiary::Account(AccountNumber::parse("257678859").unwrap());
        let card = Beneficiary::Card(CardNumber::parse("9704031101234567").unwrap());
        assert_eq!(account.service().code(), "QRIBFTTA");
        assert_eq!(card.service().code(), "QRIBFTTC");
        assert_eq!(card.number(), "9704031101234567");
        assert_eq!(Service::from_code("QRIBFTTC"), Some(Service::ToCard));
        assert_eq!(Service::from_code("qribftta"), None);
    }

    #[test]
    fn initiation_codes() {
        assert_eq!(Initiation::from_code("11"), Some(Initiation::Static));
        assert_eq!(Initiation::from_code("12"), Some(Initiation::Dynamic));
        assert_eq!(Initiation::from_code("13"), None);
    }

    #[test]
    fn amount_bounds() {
        assert_eq!(check_amount(1), Ok(1));
        assert_eq!(check_amount(MAX_AMOUNT_VND), Ok(MAX_AMOUNT_VND));
        assert_eq!(check_amount(0), Err(ValueError::AmountOutOfRange(0)));
        let too_big = MAX_AMOUNT_VND + 1;
        assert_eq!(check_amount(too_big), Err(ValueError::AmountOutOfRange(too_big)));
    }

    #[test]
    fn amount_text_is_canonical_digits() {
        assert_eq!(parse_amount("180000"), Ok(180_000));
        assert_eq!(parse_amount("9999999999999"), Ok(MAX_AMOUNT_VND));
        for bad in ["", "0", "0180000", "180000.00", "18,000", "-5", "+5", "10000000000000"] {
            assert_eq!(parse_amount(bad), Err(ValueError::AmountFormat(bad.into())));
        }
    }

    #[test]
    fn text_is_short_printable_ascii() {
        assert_eq!(check_text("thanh toan don hang"), Ok("thanh toan don hang"));
        assert!(check_text(&"x".repeat(25)).is_ok());
        assert_eq!(check_text(""), Err(ValueError::TextLength(0)));
        assert_eq!(check_text(&"x".repeat(26)), Err(ValueError::TextLength(26)));
        assert_eq!(check_text("Chuyển tiền"), Err(ValueError::TextCharacter('ể')));
        assert_eq!(check_text("a\tb"), Err(ValueError::TextCharacter('\t')));
        assert_eq!(check_text("a\u{7f}"), Err(ValueError::TextCharacter('\u{7f}')));
    }
}
