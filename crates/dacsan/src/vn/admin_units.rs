//! Vietnam's administrative units after the 1 July 2025 reorganisation: 34 provinces
//! and 3,321 communes (Resolution 202/2025/QH15 and the NSO code list), embedded in
//! the binary from `data/admin-units/`. Old (pre-2025) provinces and communes are
//! accepted and converted to the new ones with the old→new table.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

use super::text::name_key;

#[derive(Debug, Clone, Serialize)]
pub struct Province {
    /// 2-digit NSO code, e.g. `12` for Lai Châu.
    pub code: String,
    /// Official name with its type word: `Tỉnh Lai Châu`.
    pub name: String,
    /// Without the type word: `Lai Châu`.
    pub short_name: String,
    /// ASCII short name: `Lai Chau`.
    pub name_en: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Commune {
    /// 5-digit NSO code.
    pub code: String,
    /// Official name with its type word: `Xã Sìn Hồ`.
    pub name: String,
    pub short_name: String,
    pub province_code: String,
    /// `xa`, `phuong` or `dac khu`.
    pub kind: String,
}

struct Units {
    provinces: Vec<Province>,
    communes: Vec<Commune>,
    province_by_code: HashMap<String, usize>,
    commune_by_code: HashMap<String, usize>,
    /// Old province code → new province code.
    old_province: HashMap<String, String>,
    /// (new province code, folded old province name) pairs, for names typed by people.
    old_province_by_name: HashMap<String, String>,
    /// (old province code, folded old commune short name) → new commune codes.
    old_commune_by_name: HashMap<(String, String), Vec<String>>,
    /// (old province code, folded old district short name) → its old communes as
    /// (folded type word, folded short name, new commune code), one per old→new row.
    old_district: HashMap<(String, String), Vec<OldCommune>>,
}

/// An old commune of an old district, and a new commune (part of) it went into.
struct OldCommune {
    /// `xa`, `phuong` or `thi tran`.
    kind: String,
    key: String,
    new_code: String,
}

static UNITS: LazyLock<Units> = LazyLock::new(load);

const PROVINCES_CSV: &str = include_str!("../../../../data/admin-units/provinces.csv");
const COMMUNES_CSV: &str = include_str!("../../../../data/admin-units/communes.csv");
const OLD_PROVINCES_CSV: &str = include_str!("../../../../data/admin-units/old_province_to_new.csv");
/// The MIT-licensed old→new table (see data/admin-units/README.md for why this one).
const OLD_COMMUNES_CSV: &str = include_str!("../../../../data/admin-units/old_to_new_mit.csv");

fn rows(csv_text: &'static str) -> impl Iterator<Item = csv::StringRecord> {
    csv::Reader::from_reader(csv_text.as_bytes())
        .into_records()
        .map(|r| r.expect("embedded admin-units CSV is well formed"))
}

fn load() -> Units {
    let provinces: Vec<Province> = rows(PROVINCES_CSV)
        .map(|r| Province {
            code: r[0].to_string(),
            name: r[1].to_string(),
            name_en: r[2].to_string(),
            short_name: r[4].to_string(),
        })
        .collect();
    let communes: Vec<Commune> = rows(COMMUNES_CSV)
        .map(|r| Commune {
            code: r[0].to_string(),
            name: r[1].to_string(),
            province_code: r[2].to_string(),
            kind: r[3].to_string(),
            short_name: r[4].to_string(),
        })
        .collect();
    let mut old_province = HashMap::new();
    let mut old_province_by_name = HashMap::new();
    for r in rows(OLD_PROVINCES_CSV) {
        old_province.insert(r[0].to_string(), r[2].to_string());
        old_province_by_name.insert(name_key(strip_type_word(&r[1])), r[0].to_string());
    }
    let mut old_commune_by_name: HashMap<(String, String), Vec<String>> = HashMap::new();
    let mut old_district: HashMap<(String, String), Vec<OldCommune>> = HashMap::new();
    for r in rows(OLD_COMMUNES_CSV) {
        let (kind, key) = split_type_key(&name_key(&r[5]), COMMUNE_TYPES);
        old_district
            .entry((r[0].to_string(), split_type_key(&name_key(&r[3]), DISTRICT_TYPES).1))
            .or_default()
            .push(OldCommune { kind: kind.unwrap_or_default().to_string(), key, new_code: r[7].to_string() });
        let key = (r[0].to_string(), name_key(strip_type_word(&r[5])));
        let targets = old_commune_by_name.entry(key).or_default();
        if !targets.iter().any(|t| t == &r[7]) {
            targets.push(r[7].to_string());
        }
    }
    Units {
        province_by_code: provinces.iter().enumerate().map(|(i, p)| (p.code.clone(), i)).collect(),
        commune_by_code: communes.iter().enumerate().map(|(i, c)| (c.code.clone(), i)).collect(),
        provinces,
        communes,
        old_province,
        old_province_by_name,
        old_commune_by_name,
        old_district,
    }
}

/// Type words of communes as people write them, folded, with their common
/// abbreviations (`TT. Sìn Hồ`, `X. Tả Phìn`, `P. Tân An`): (written, canonical).
const COMMUNE_TYPES: &[(&str, &str)] = &[
    ("thi tran", "thi tran"),
    ("tt", "thi tran"),
    ("xa", "xa"),
    ("x", "xa"),
    ("phuong", "phuong"),
    ("p", "phuong"),
    ("dac khu", "dac khu"),
];
/// Type words of the old districts (huyện, thị xã, thành phố, quận) and their abbreviations.
const DISTRICT_TYPES: &[(&str, &str)] = &[
    ("huyen", "huyen"),
    ("h", "huyen"),
    ("thi xa", "thi xa"),
    ("tx", "thi xa"),
    ("thanh pho", "thanh pho"),
    ("tp", "thanh pho"),
    ("quan", "quan"),
    ("q", "quan"),
];

/// `"xa ta phin"` → (`Some("xa")`, `"ta phin"`): a folded name split into its type
/// word (canonical) and the rest; a name that is only a type word keeps it as its name.
fn split_type_key(key: &str, types: &[(&str, &'static str)]) -> (Option<&'static str>, String) {
    for (written, canonical) in types {
        if let Some(rest) = key.strip_prefix(written).and_then(|r| r.strip_prefix(' '))
            && !rest.is_empty()
        {
            return (Some(canonical), rest.to_string());
        }
    }
    (None, key.to_string())
}

/// `Tỉnh Lai Châu` → `Lai Châu`; `Thị xã Sa Pa` → `Sa Pa`.
fn strip_type_word(name: &str) -> &str {
    const TYPE_WORDS: [&str; 9] =
        ["Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Thị trấn ", "Đặc khu ", "Thị xã ", "Quận ", "Huyện "];
    TYPE_WORDS.iter().find_map(|w| name.strip_prefix(w)).unwrap_or(name)
}

pub fn provinces() -> &'static [Province] {
    &UNITS.provinces
}

pub fn province(code: &str) -> Option<&'static Province> {
    UNITS.province_by_code.get(code).map(|&i| &UNITS.provinces[i])
}

pub fn commune(code: &str) -> Option<&'static Commune> {
    UNITS.commune_by_code.get(code).map(|&i| &UNITS.communes[i])
}

/// The communes of a province, in NSO code order.
pub fn communes_of(province_code: &str) -> impl Iterator<Item = &'static Commune> + '_ {
    UNITS.communes.iter().filter(move |c| c.province_code == province_code)
}

/// A commune that exists and lies in the given province.
pub fn commune_in(province_code: &str, commune_code: &str) -> Option<&'static Commune> {
    commune(commune_code).filter(|c| c.province_code == province_code)
}

/// A province by a name people write, new or old (`Yên Bái` → Lào Cai), with or
/// without type word and tone marks.
pub fn find_province(name: &str) -> Option<&'static Province> {
    let key = name_key(strip_type_word(name.trim()));
    let key = key.strip_prefix("tinh ").or_else(|| key.strip_prefix("thanh pho ")).unwrap_or(&key);
    if let Some(p) = UNITS.provinces.iter().find(|p| name_key(&p.short_name) == key || p.code == key) {
        return Some(p);
    }
    let old_code = UNITS.old_province_by_name.get(key)?;
    province(UNITS.old_province.get(old_code)?)
}

/// A new commune of a (new) province by a name people write, with or without type
/// word and tone marks. Old commune names of the old provinces merged into this one
/// are looked up in the old→new table; `Err` lists the candidates when the name is
/// ambiguous.
pub fn find_commune(province_code: &str, name: &str) -> Result<&'static Commune, Vec<&'static Commune>> {
    let key = name_key(strip_type_word(name.trim()));
    let current: Vec<&Commune> = communes_of(province_code)
        .filter(|c| name_key(&c.short_name) == key || name_key(&c.name) == key || c.code == name.trim())
        .collect();
    match current.as_slice() {
        [one] => return Ok(one),
        [] => {}
        many => return Err(many.to_vec()),
    }
    let mut found: Vec<&Commune> = Vec::new();
    for (old_province, new_province) in &UNITS.old_province {
        if new_province != province_code {
            continue;
        }
        if let Some(codes) = UNITS.old_commune_by_name.get(&(old_province.clone(), key.clone())) {
            found.extend(codes.iter().filter_map(|c| commune(c)));
        }
    }
    found.sort_by(|a, b| a.code.cmp(&b.code));
    found.dedup_by(|a, b| a.code == b.code);
    match found.as_slice() {
        [one] => Ok(one),
        _ => Err(found),
    }
}

/// A new commune of a (new) province by an old commune written with its old
/// district, as provinces' lists still write addresses: `xã Tả Phìn`, `huyện Sìn Hồ`
/// → Xã Sìn Hồ. The district tells apart old communes of the same name (`xã Tân An`
/// of Văn Bàn and `phường Tân An` of Nghĩa Lộ, both now in Lào Cai); the commune's
/// type word, when written, tells apart a `thị trấn` and a `xã` of one name in one
/// district. A new commune's name with its old district (`xã Sìn Hồ, huyện Sìn Hồ`)
/// is found too, when that commune took in part of the district. `Err` lists the
/// candidates (an old commune split between several), empty when nothing matches.
pub fn find_commune_in_old_district(
    province_code: &str,
    district: &str,
    name: &str,
) -> Result<&'static Commune, Vec<&'static Commune>> {
    let (_, district_key) = split_type_key(&name_key(district), DISTRICT_TYPES);
    let (kind, key) = split_type_key(&name_key(name), COMMUNE_TYPES);
    let mut in_district: Vec<&OldCommune> = Vec::new();
    for (old_province, new_province) in &UNITS.old_province {
        if new_province == province_code
            && let Some(communes) = UNITS.old_district.get(&(old_province.clone(), district_key.clone()))
        {
            in_district.extend(communes);
        }
    }
    let named: Vec<&OldCommune> = in_district.iter().copied().filter(|c| c.key == key).collect();
    let of_kind: Vec<&OldCommune> = named.iter().copied().filter(|c| kind.is_some_and(|k| c.kind == k)).collect();
    let chosen = if of_kind.is_empty() { named } else { of_kind };
    let mut found: Vec<&'static Commune> = chosen.iter().filter_map(|c| commune(&c.new_code)).collect();
    if found.is_empty() {
        // A new name: the new commune of that name that took in part of the district.
        found = in_district
            .iter()
            .filter_map(|c| commune(&c.new_code))
            .filter(|c| name_key(&c.short_name) == key && c.province_code == province_code)
            .collect();
    }
    found.sort_by(|a, b| a.code.cmp(&b.code));
    found.dedup_by(|a, b| a.code == b.code);
    match found.as_slice() {
        [one] => Ok(one),
        _ => Err(found),
    }
}

/// The new province an old (pre-2025) province code went into: `15` (Yên Bái) → `15`
/// (Lào Cai), `10` (old Lào Cai) → `15`.
pub fn new_province_of_old(old_code: &str) -> Option<&'static Province> {
    province(UNITS.old_province.get(old_code)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_the_2025_units() {
        assert_eq!(provinces().len(), 34);
        assert_eq!(UNITS.communes.len(), 3321);
        assert_eq!(province("12").unwrap().short_name, "Lai Châu");
        assert_eq!(communes_of("12").count(), 38);
        assert_eq!(communes_of("15").count(), 99);
    }

    #[test]
    fn finds_provinces_by_new_and_old_names() {
        assert_eq!(find_province("Lai Chau").unwrap().code, "12");
        assert_eq!(find_province("Tỉnh Lào Cai").unwrap().code, "15");
        assert_eq!(find_province("Yên Bái").unwrap().code, "15");
        assert_eq!(find_province("bac giang").unwrap().code, "24");
        assert_eq!(find_province("Hà Giang").unwrap().code, "08");
        assert!(find_province("Atlantis").is_none());
    }

    #[test]
    fn finds_communes_by_new_and_old_names() {
        let sin_ho = find_commune("12", "Xã Sìn Hồ").unwrap();
        assert_eq!(sin_ho.province_code, "12");
        assert_eq!(find_commune("12", "sin ho").unwrap().code, sin_ho.code);
        assert!(find_commune("12", "Nowhere").is_err());
    }

    #[test]
    fn finds_old_communes_by_their_old_district() {
        let sin_ho = find_commune("12", "Sìn Hồ").unwrap();
        assert_eq!(find_commune_in_old_district("12", "huyện Sìn Hồ", "xã Tả Phìn").unwrap().code, sin_ho.code);
        assert_eq!(find_commune_in_old_district("12", "Sin Ho", "Ta Phin").unwrap().code, sin_ho.code);
        assert_eq!(find_commune_in_old_district("12", "H. Sìn Hồ", "TT. Sìn Hồ").unwrap().code, sin_ho.code);
        assert_eq!(find_commune_in_old_district("12", "huyện Sìn Hồ", "xã Sìn Hồ").unwrap().code, sin_ho.code);
        // Two old Tân An and two old Thanh Bình, now all in Lào Cai: the district decides.
        assert_eq!(find_commune_in_old_district("15", "huyện Văn Bàn", "xã Tân An").unwrap().code, "02989");
        assert_eq!(find_commune_in_old_district("15", "thị xã Nghĩa Lộ", "phường Tân An").unwrap().code, "04288");
        assert_eq!(find_commune_in_old_district("15", "Mường Khương", "Thanh Bình").unwrap().code, "02761");
        assert_eq!(find_commune_in_old_district("15", "thị xã Sa Pa", "xã Thanh Bình").unwrap().code, "03046");
        assert!(find_commune_in_old_district("12", "huyện Mường Tè", "xã Tả Phìn").unwrap_err().is_empty());
        assert!(find_commune_in_old_district("15", "huyện Sìn Hồ", "xã Tả Phìn").unwrap_err().is_empty());
    }

    #[test]
    fn commune_must_lie_in_its_province() {
        let sin_ho = find_commune("12", "Sìn Hồ").unwrap();
        assert!(commune_in("12", &sin_ho.code).is_some());
        assert!(commune_in("15", &sin_ho.code).is_none());
    }

    #[test]
    fn old_province_codes_map_to_new() {
        assert_eq!(new_province_of_old("10").unwrap().code, "15");
        assert_eq!(new_province_of_old("02").unwrap().code, "08");
    }
}
