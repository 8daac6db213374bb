//! Vietnamese text folding: tone marks and đ removed, lower case. Search, slugs and
//! loose name matching (old commune names, spreadsheet headers) all go through here,
//! so that `sam lai chau` meets `Sâm Lai Châu`.

use unicode_normalization::UnicodeNormalization;

/// Lower-cases and removes every combining mark; `đ`/`Đ` become `d`.
/// `"Sâm Lai Châu"` → `"sam lai chau"`.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Folds and keeps only letters and digits, single spaces between words: the key
/// used to compare names typed by people (`"Xã  Sìn-Hồ"` → `"xa sin ho"`).
pub fn name_key(text: &str) -> String {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// `Có`/`Không` as people write it in lists and registries (also `x`, `yes`, `1`,
/// `đã có`, `đạt`, `hoàn thành` / `chưa`, `no`, `0`, `-`); `None` for anything else or
/// an empty text.
pub fn yes_no(text: &str) -> Option<bool> {
    if matches!(text.trim(), "-" | "—" | "–") {
        return Some(false);
    }
    match name_key(text).as_str() {
        "co" | "x" | "v" | "yes" | "y" | "true" | "1" | "da" | "da co" | "co roi" | "roi" | "dat" | "hoan thanh"
        | "da hoan thanh" => Some(true),
        "khong" | "k" | "ko" | "no" | "n" | "false" | "0" | "chua" | "chua co" | "khong co" | "khong dat"
        | "chua hoan thanh" | "khong hoan thanh" => Some(false),
        _ => None,
    }
}

/// A URL slug: folded, ASCII letters and digits joined by `-`, at most 80 bytes.
pub fn slugify(text: &str) -> String {
    let key = name_key(text);
    let mut slug: String = key.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    slug.truncate(80);
    slug.trim_matches('-').split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-")
}

/// Unicode combining diacritical marks (U+0300–U+036F cover every Vietnamese tone
/// mark and vowel mark once decomposed by NFD).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_tone_marks_and_d() {
        assert_eq!(fold("Sâm Lai Châu"), "sam lai chau");
        assert_eq!(fold("ĐẶC SẢN Điện Biên"), "dac san dien bien");
        assert_eq!(fold("Mường Khương"), "muong khuong");
        assert_eq!(fold("Shan tuyết"), "shan tuyet");
    }

    #[test]
    fn folding_precomposed_and_decomposed_input_agree() {
        let decomposed: String = "Hoà Bình".nfd().collect();
        assert_eq!(fold(&decomposed), fold("Hoà Bình"));
        assert_eq!(fold("Hòa"), fold("Hoà"));
    }

    #[test]
    fn name_key_ignores_punctuation_and_spacing() {
        assert_eq!(name_key("  Xã  Sìn-Hồ "), "xa sin ho");
        assert_eq!(name_key("Ea H'Leo"), "ea h leo");
    }

    #[test]
    fn slugs_are_ascii_kebab_case() {
        assert_eq!(slugify("Chè Shan tuyết Sìn Hồ (hộp 500 g)"), "che-shan-tuyet-sin-ho-hop-500-g");
        assert_eq!(slugify("---"), "");
        assert!(slugify(&"dài ".repeat(50)).len() <= 80);
    }
}
