//! The two analyzers: `vi_fold` (lower case, tone marks and đ folded to ASCII) for
//! matching, `vi_exact` (lower case only) to rank exact diacritics higher.

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

#[cfg(test)]
mod tests {
    use super::*;

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
