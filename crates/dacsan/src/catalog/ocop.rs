//! The OCOP classification of Decision 148/QĐ-TTg (as amended in 2025): 6 sectors
//! and 26 product sets, embedded from `data/ocop/product_sets.csv`.

use std::sync::LazyLock;

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct ProductSet {
    pub code: String,
    pub name: String,
    pub name_en: String,
    pub sector_code: String,
    /// The HS heading suggested for its products' export HS codes (empty: none).
    pub hs_heading: String,
    /// Position in the list: the number the search index stores.
    pub ordinal: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Sector {
    pub code: String,
    pub name: String,
    pub name_en: String,
}

struct Classification {
    sectors: Vec<Sector>,
    sets: Vec<ProductSet>,
}

const CSV: &str = include_str!("../../../../data/ocop/product_sets.csv");

static OCOP: LazyLock<Classification> = LazyLock::new(|| {
    let mut sectors: Vec<Sector> = Vec::new();
    let mut sets = Vec::new();
    for (i, record) in csv::Reader::from_reader(CSV.as_bytes()).into_records().enumerate() {
        let r = record.expect("embedded OCOP CSV is well formed");
        if !sectors.iter().any(|s| s.code == r[0]) {
            sectors.push(Sector { code: r[0].to_string(), name: r[1].to_string(), name_en: r[2].to_string() });
        }
        sets.push(ProductSet {
            sector_code: r[0].to_string(),
            code: r[3].to_string(),
            name: r[4].to_string(),
            name_en: r[5].to_string(),
            hs_heading: r[6].to_string(),
            ordinal: i as u64,
        });
    }
    Classification { sectors, sets }
});

pub fn sectors() -> &'static [Sector] {
    &OCOP.sectors
}

pub fn sets() -> &'static [ProductSet] {
    &OCOP.sets
}

pub fn set(code: &str) -> Option<&'static ProductSet> {
    OCOP.sets.iter().find(|s| s.code == code)
}

pub fn set_by_ordinal(ordinal: u64) -> Option<&'static ProductSet> {
    OCOP.sets.get(ordinal as usize)
}

pub fn sector(code: &str) -> Option<&'static Sector> {
    OCOP.sectors.iter().find(|s| s.code == code)
}

/// The sets a `group` filter means: one set by its code, or every set of a sector.
pub fn group_mask(code: &str) -> Option<u64> {
    if let Some(set) = set(code) {
        return Some(1 << set.ordinal);
    }
    sector(code)?;
    Some(OCOP.sets.iter().filter(|s| s.sector_code == code).fold(0, |mask, s| mask | (1 << s.ordinal)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_sectors_and_twenty_six_sets() {
        assert_eq!(sectors().len(), 6);
        assert_eq!(sets().len(), 26);
        assert!(sets().len() <= 64, "the search filter keeps sets in a 64-bit mask");
        for s in sets() {
            assert!(sector(&s.sector_code).is_some(), "{} has no sector", s.code);
        }
    }

    #[test]
    fn a_sector_filter_covers_its_sets() {
        let food = &sectors()[0];
        let mask = group_mask(&food.code).unwrap();
        let count = sets().iter().filter(|s| s.sector_code == food.code).count();
        assert_eq!(mask.count_ones() as usize, count);
        assert_eq!(group_mask(&sets()[3].code), Some(1 << 3));
        assert_eq!(group_mask("nonsense"), None);
    }
}
