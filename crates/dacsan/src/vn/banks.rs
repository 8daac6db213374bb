//! The banks of the NAPAS 247 network with their BINs (the 6 digits a VietQR payload
//! names the bank by), embedded from `data/banks/napas-banks.csv`.

use std::sync::LazyLock;

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Bank {
    pub bin: String,
    pub code: String,
    pub short_name: String,
    pub name: String,
}

const CSV: &str = include_str!("../../../../data/banks/napas-banks.csv");

/// Banks that accept VietQR transfers (`vietqr_status` 1), in the file's order.
static BANKS: LazyLock<Vec<Bank>> = LazyLock::new(|| {
    csv::Reader::from_reader(CSV.as_bytes())
        .into_records()
        .map(|r| r.expect("embedded bank CSV is well formed"))
        .filter(|r| &r[5] == "1" && !r[0].is_empty())
        .map(|r| Bank {
            bin: r[0].to_string(),
            code: r[1].to_string(),
            short_name: r[2].to_string(),
            name: r[3].to_string(),
        })
        .collect()
});

pub fn vietqr_banks() -> &'static [Bank] {
    &BANKS
}

/// The first bank with this BIN (some BINs are shared after mergers).
pub fn by_bin(bin: &str) -> Option<&'static Bank> {
    BANKS.iter().find(|b| b.bin == bin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_big_banks() {
        assert!(vietqr_banks().len() > 30);
        assert!(vietqr_banks().iter().all(|b| b.bin.len() == 6 && b.bin.chars().all(|c| c.is_ascii_digit())));
        assert_eq!(by_bin("970436").map(|b| b.code.as_str()), Some("VCB"));
        assert!(by_bin("000000").is_none());
    }
}
