//! Folding Vietnamese text to the plain ASCII a transfer's content must be: banks strip
//! or mangle tone marks (vietqr.md, field 62/08), so dacsan folds them itself and knows
//! exactly what the payer's bank will show.

/// Vietnamese letters with their marks, by the ASCII letter they fold to. The capitals
/// are the small letters' uppercase forms, in the same order (a test checks it).
const LETTERS: [(char, &str); 14] = [
    ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
    ('A', "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"),
    ('d', "đ"),
    ('D', "Đ"),
    ('e', "èéẻẽẹêềếểễệ"),
    ('E', "ÈÉẺẼẸÊỀẾỂỄỆ"),
    ('i', "ìíỉĩị"),
    ('I', "ÌÍỈĨỊ"),
    ('o', "òóỏõọôồốổỗộơờớởỡợ"),
    ('O', "ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"),
    ('u', "ùúủũụưừứửữự"),
    ('U', "ÙÚỦŨỤƯỪỨỬỮỰ"),
    ('y', "ỳýỷỹỵ"),
    ('Y', "ỲÝỶỸỴ"),
];

/// Folds Vietnamese text to printable ASCII for a transfer content (62/08) or another
/// field-62 text: tone marks and the circumflex, breve and horn go (`ế` → `e`, `ơ` →
/// `o`), `đ`/`Đ` become `d`/`D`, runs of whitespace become one space and the ends are
/// trimmed. Marks typed as separate combining characters (decomposed text) are dropped
/// too. Anything else outside ASCII (emoji, other scripts, control characters) is
/// dropped.
///
/// The result may still be longer than the 25 characters a field-62 text takes; the
/// payload's builder says so rather than cut an order code in half.
///
/// ```
/// assert_eq!(vietqr::fold_to_ascii("Thanh toán đơn hàng ĐH-0042"), "Thanh toan don hang DH-0042");
/// ```
pub fn fold_to_ascii(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().filter_map(fold_char) {
        if c != ' ' || !(folded.is_empty() || folded.ends_with(' ')) {
            folded.push(c);
        }
    }
    if folded.ends_with(' ') {
        folded.pop();
    }
    folded
}

/// The ASCII character `c` folds to, a space for whitespace, or `None` to drop it.
fn fold_char(c: char) -> Option<char> {
    if c.is_whitespace() {
        return Some(' ');
    }
    if matches!(c, ' '..='~') {
        return Some(c);
    }
    LETTERS.iter().find(|(_, marked)| marked.contains(c)).map(|(plain, _)| *plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_a_transfer_content() {
        assert_eq!(fold_to_ascii("Chuyển tiền"), "Chuyen tien");
        assert_eq!(fold_to_ascii("Thanh toán đơn hàng ĐH-0042"), "Thanh toan don hang DH-0042");
        assert_eq!(fold_to_ascii("Cà phê Buôn Ma Thuột"), "Ca phe Buon Ma Thuot");
        assert_eq!(fold_to_ascii("NƯỚC MẮM PHÚ QUỐC"), "NUOC MAM PHU QUOC");
    }

    #[test]
    fn every_vietnamese_letter_folds_to_ascii() {
        let all: String = LETTERS.iter().map(|(_, marked)| *marked).collect();
        // 67 small letters with marks (17 a, 1 d, 11 e, 5 i, 17 o, 11 u, 5 y) and their capitals.
        assert_eq!(all.chars().count(), 134);
        for c in all.chars() {
            let folded = fold_to_ascii(&c.to_string());
            assert_eq!(folded.len(), 1, "{c}");
            assert!(folded.chars().all(|f| f.is_ascii_alphabetic()), "{c}");
        }
    }

    #[test]
    fn capitals_are_the_small_letters_uppercased() {
        for pair in LETTERS.chunks(2) {
            let [(small, smalls), (capital, capitals)] = pair else {
                panic!("LETTERS comes in pairs");
            };
            assert_eq!(small.to_ascii_uppercase(), *capital);
            let uppercased: String = smalls.chars().flat_map(char::to_uppercase).collect();
            assert_eq!(uppercased, *capitals);
        }
    }

    #[test]
    fn drops_combining_marks_of_decomposed_text() {
        // "Việt" with the marks as separate characters: e + circumflex + dot below.
        assert_eq!(fold_to_ascii("Vie\u{302}\u{323}t"), "Viet");
        // "ư" decomposed: u + horn.
        assert_eq!(fold_to_ascii("Thu\u{31b}\u{301}"), "Thu");
    }

    #[test]
    fn tidies_whitespace_and_drops_the_rest() {
        assert_eq!(fold_to_ascii("  Bánh\t\tpía \n Sóc Trăng  "), "Banh pia Soc Trang");
        assert_eq!(fold_to_ascii("Trà 🍵 Thái Nguyên"), "Tra Thai Nguyen");
        assert_eq!(fold_to_ascii("a\u{0}b"), "ab");
        assert_eq!(fold_to_ascii(""), "");
        assert_eq!(fold_to_ascii(" \u{3000} "), "");
    }

    #[test]
    fn ascii_passes_through() {
        let printable: String = ('!'..='~').collect();
        assert_eq!(fold_to_ascii(&printable), printable);
        assert_eq!(fold_to_ascii("a b  c"), "a b c");
    }

    #[test]
    fn output_is_always_printable_ascii() {
        let sample = "Đặc sản Hà Giang: mật ong bạc hà, chè Shan tuyết 100% — ½ kg «ưu đãi»";
        let folded = fold_to_ascii(sample);
        assert!(folded.chars().all(|c| matches!(c, ' '..='~')), "{folded}");
        assert_eq!(folded, "Dac san Ha Giang: mat ong bac ha, che Shan tuyet 100% kg uu dai");
    }
}
