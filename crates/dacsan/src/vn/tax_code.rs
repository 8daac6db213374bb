//! Vietnamese tax codes (mã số thuế): 10 digits for an enterprise, cooperative or
//! household business, `NNNNNNNNNN-NNN` (13 digits) for a branch or dependent unit.
//! Since 2025 a citizen's 12-digit personal ID number also serves as the tax code of a
//! household business (Circular 86/2024/TT-BTC), so 12 digits are accepted too.

use std::fmt;

use super::messages;
use crate::error::Text;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TaxCode(String);

impl TaxCode {
    pub fn parse(input: &str) -> Result<TaxCode, Text> {
        let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        let digits: String = compact.chars().filter(|c| *c != '-').collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(messages::TAX_CODE_CHARACTERS);
        }
        if let Some((main, branch)) = compact.split_once('-')
            && (main.len() != 10 || branch.len() != 3)
        {
            return Err(messages::TAX_CODE_BRANCH);
        }
        match digits.len() {
            10 | 12 => Ok(TaxCode(digits)),
            13 => Ok(TaxCode(format!("{}-{}", &digits[..10], &digits[10..]))),
            _ => Err(messages::TAX_CODE_LENGTH),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TaxCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ten_and_thirteen_digits() {
        assert_eq!(TaxCode::parse("0101243150").unwrap().as_str(), "0101243150");
        assert_eq!(TaxCode::parse("0101243150-001").unwrap().as_str(), "0101243150-001");
        assert_eq!(TaxCode::parse("0101243150001").unwrap().as_str(), "0101243150-001");
        assert_eq!(TaxCode::parse("001085012345").unwrap().as_str(), "001085012345");
    }

    #[test]
    fn refuses_other_lengths_and_letters() {
        for bad in ["", "123", "01012431501", "01012431A0", "0101243150-01"] {
            assert!(TaxCode::parse(bad).is_err(), "{bad}");
        }
    }
}
