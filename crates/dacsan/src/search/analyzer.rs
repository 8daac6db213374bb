//! The two analyzers: `vi_fold` (lower case, tone marks and đ folded to ASCII) for
//! matching, `vi_exact` (lower case only) to rank exact diacritics higher; and the
//! regional spellings of initials ([`loose`]) that the search forgives like a missing
//! tone mark.

use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};
use unicode_normalization::UnicodeNormalization;

pub const FOLD: &str = "vi_fold";
pub const EXACT: &str = "vi_exact";

pub fn folding() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

pub fn exact() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default()).filter(RemoveLongFilter::limit(40)).filter(LowerCaser).build()
}

/// Precomposed form: the tokenizer splits on combining marks, so decomposed input
/// (as some phone keyboards send) must be composed first.
pub fn normalise(text: &str) -> String {
    text.nfc().collect()
}

/// The tokens an analyzer makes of a text.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let normalised = normalise(text);
    let mut stream = analyzer.token_stream(&normalised);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// The initials that regions write differently for one sound, each group read as its
/// first member: `d`, `gi` and `r` (`dòng`/`giòng`/`ròng`), `s` and `x` (`sôi`/`xôi`),
/// `ch` and `tr` (`chà`/`trà`). Longest first, so `gi` and `tr` win over `g`, `t`.
const INITIALS: [(&str, &str); 6] = [("gi", "d"), ("tr", "ch"), ("ch", "ch"), ("d", "d"), ("r", "d"), ("x", "s")];

/// A folded word with its initial written as the first of its group (`giong` →
/// `dong`, `xoi` → `soi`, `tra` → `cha`); `None` when the initial is in no group, or
/// nothing would be left of the word. `gi` before a consonant or at the end keeps its
/// vowel (`gin` → `din`, `gi` → `di`). `s` belongs to its group's first member: `sam`
/// is its own loose form.
pub fn loose(folded: &str) -> Option<String> {
    if folded.starts_with('s') {
        return Some(folded.to_string());
    }
    let (initial, canonical) = INITIALS.iter().find(|(initial, _)| folded.starts_with(initial))?;
    let rest = &folded[initial.len()..];
    if rest.is_empty() && *initial != "gi" {
        return None;
    }
    let vowel_follows = rest.starts_with(['a', 'e', 'i', 'o', 'u', 'y']);
    let rest = if *initial == "gi" && !vowel_follows { format!("i{rest}") } else { rest.to_string() };
    Some(format!("{canonical}{rest}"))
}

/// The loose forms of the words of a text whose spelling they change (`Xôi trắng
/// Trạm Tấu` → `soi chang cham`): indexed apart, so a query's loose form finds them,
/// while words written with a group's first initial are found in the folded fields.
pub fn loose_words(analyzer: &mut TextAnalyzer, text: &str) -> String {
    let mut out = String::new();
    for word in tokens(analyzer, text) {
        if let Some(l) = loose(&word).filter(|l| *l != word) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&l);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regional_initials_read_as_one() {
        for (a, b) in [("dong", "giong"), ("dong", "rong"), ("soi", "xoi"), ("cha", "tra"), ("din", "gin")] {
            assert_eq!(loose(a), loose(b), "{a} and {b}");
        }
        assert_eq!(loose("giang").as_deref(), Some("dang"));
        assert_eq!(loose("gi").as_deref(), Some("di"));
        assert_eq!(loose("sam").as_deref(), Some("sam"));
        assert_eq!(loose("tra").as_deref(), Some("cha"));
        assert_eq!(loose("mat"), None, "m has no regional twin");
        assert_eq!(loose("ghe"), None, "gh is not gi");
        assert_eq!(loose("tuong"), None, "t alone is not tr");
        assert_ne!(loose("che"), loose("se"));
    }

    #[test]
    fn loose_words_keep_only_the_changed_ones() {
        assert_eq!(loose_words(&mut folding(), "Xôi trắng Trạm Tấu, gạo Séng Cù"), "soi chang cham");
        assert_eq!(loose_words(&mut folding(), "Rượu ngô Giàng"), "duou dang");
        assert_eq!(loose_words(&mut folding(), "Mật ong Sìn Hồ"), "");
    }

    #[test]
    fn folding_removes_tone_marks_and_d() {
        assert_eq!(tokens(&mut folding(), "Sâm Lai Châu"), ["sam", "lai", "chau"]);
        assert_eq!(
            tokens(&mut folding(), "ĐẶC SẢN Mường Khương, tương ớt!"),
            ["dac", "san", "muong", "khuong", "tuong", "ot"]
        );
        assert_eq!(tokens(&mut folding(), "Mật ong bạc hà ữ ỹ ặ"), ["mat", "ong", "bac", "ha", "u", "y", "a"]);
    }

    #[test]
    fn decomposed_input_is_composed_first() {
        let decomposed: String = "Sâm".nfd().collect();
        assert_eq!(tokens(&mut folding(), &decomposed), ["sam"]);
        assert_eq!(tokens(&mut exact(), &decomposed), ["sâm"]);
    }

    #[test]
    fn exact_keeps_diacritics() {
        assert_eq!(tokens(&mut exact(), "Sâm Lai Châu"), ["sâm", "lai", "châu"]);
    }
}
