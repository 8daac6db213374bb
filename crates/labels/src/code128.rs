//! Code 128 symbols (ISO/IEC 15417:2007) for the parcel label: a carrier's waybill
//! or our shipment code, and the SSCC as GS1-128 (FNC1 after the start character,
//! GS1 General Specifications §5.4). The bar patterns, the modulo-103 check symbol
//! and the stop pattern come from the `barcoders` crate; this file chooses the code
//! sets, which that crate leaves to its caller.

use barcoders::sym::code128::Code128;

/// `barcoders`' markers for the start character or a change of code set, and FNC1.
const SET_B: char = 'Ɓ';
const SET_C: char = 'Ć';
const FNC1: char = 'Ź';

/// The quiet zone on each side of a symbol, in modules (ISO/IEC 15417:2007 §4.4.2).
pub(crate) const QUIET_ZONE: usize = 10;

/// Why a value cannot be a Code 128 symbol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refused {
    Empty,
    /// Code sets B and C hold printable ASCII only (no letters with diacritics).
    Character(char),
}

/// The modules of the symbol of `data`, left to right, `true` for a bar: start
/// character, (FNC1 when `gs1`), data, check symbol and stop pattern, without the
/// quiet zones.
pub(crate) fn modules(data: &str, gs1: bool) -> Result<Vec<bool>, Refused> {
    let marked = with_code_sets(data, gs1)?;
    let symbol = Code128::new(&marked).map_err(|_| Refused::Empty)?;
    Ok(symbol.encode().into_iter().map(|module| module == 1).collect())
}

/// `data` with the start character and the changes of code set that make the
/// shortest symbol, following ISO/IEC 15417:2007 Annex E: start in set C when the
/// data begins with four or more digits (or is two digits), else in set B; from set
/// B go to set C for a run of six or more digits, or four or more at the end (an
/// odd run leaves its first digit in set B); leave set C when fewer than two digits
/// follow. Set A (control characters) is never needed for printed codes.
fn with_code_sets(data: &str, gs1: bool) -> Result<String, Refused> {
    let bytes = data.as_bytes();
    if bytes.is_empty() {
        return Err(Refused::Empty);
    }
    if let Some(c) = data.chars().find(|c| !(' '..='~').contains(c)) {
        return Err(Refused::Character(c));
    }
    let digits_from = |i: usize| bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    let leading = digits_from(0);
    let mut in_c = leading >= 4 || (leading == 2 && bytes.len() == 2);
    let mut out = String::with_capacity(bytes.len() + 4);
    out.push(if in_c { SET_C } else { SET_B });
    if gs1 {
        out.push(FNC1);
    }
    let mut i = 0;
    while i < bytes.len() {
        let run = digits_from(i);
        if in_c {
            if run >= 2 {
                out.push_str(&data[i..i + 2]);
                i += 2;
            } else {
                out.push(SET_B);
                in_c = false;
            }
        } else if run >= 6 || (run >= 4 && i + run == bytes.len()) {
            if run % 2 == 1 {
                out.push(char::from(bytes[i]));
                i += 1;
            }
            out.push(SET_C);
            in_c = true;
        } else {
            out.push(char::from(bytes[i]));
            i += 1;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 11-module patterns of the ISO/IEC 15417 symbol table that the tests
    /// below need, as bars (1) and spaces (0).
    fn pattern(value: usize) -> &'static str {
        match value {
            0 => "11011001100",
            8 => "10001100100",
            10 => "11001000100",
            13 => "10011011100",
            17 => "10011100110",
            23 => "11101101110",
            36 => "10110001000",
            40 => "11000101000",
            41 => "11000100010",
            45 => "10111011000",
            47 => "10001110110",
            51 => "11011101000",
            61 => "11001000010",
            67 => "10000101100",
            89 => "11011011110",
            102 => "11110101110",
            104 => "11010010000",
            105 => "11010011100",
            _ => panic!("pattern {value} not written down"),
        }
    }

    /// The symbol of these values (start character to check symbol), with the stop
    /// pattern and its final bar.
    fn symbol(values: &[usize]) -> String {
        values.iter().map(|v| pattern(*v)).collect::<String>() + "1100011101011"
    }

    fn bits(modules: &[bool]) -> String {
        modules.iter().map(|m| if *m { '1' } else { '0' }).collect()
    }

    #[test]
    fn a_shipment_code_in_set_b_ends_with_the_check_symbol_computed_by_hand() {
        // "DS-1" in code set B: Start B = 104, D = 36, S = 51, - = 13, 1 = 17.
        // Check = (104 + 1·36 + 2·51 + 3·13 + 4·17) mod 103
        //       = (104 + 36 + 102 + 39 + 68) mod 103 = 349 mod 103 = 40.
        assert_eq!(bits(&modules("DS-1", false).unwrap()), symbol(&[104, 36, 51, 13, 17, 40]));
    }

    #[test]
    fn an_sscc_is_gs1_128_in_set_c_with_fnc1_and_the_check_symbol_computed_by_hand() {
        // (00) 106141412345678908: Start C = 105, FNC1 = 102, then the pairs
        // 00 10 61 41 41 23 45 67 89 08.
        // Check = (105 + 1·102 + 2·0 + 3·10 + 4·61 + 5·41 + 6·41 + 7·23 + 8·45 + 9·67
        //          + 10·89 + 11·8) mod 103
        //       = (105 + 102 + 0 + 30 + 244 + 205 + 246 + 161 + 360 + 603 + 890 + 88) mod 103
        //       = 3034 mod 103 = 3034 − 29·103 = 47.
        let text = bits(&modules("00106141412345678908", true).unwrap());
        assert_eq!(text, symbol(&[105, 102, 0, 10, 61, 41, 41, 23, 45, 67, 89, 8, 47]));
        assert_eq!(text.len(), 156, "13 symbols of 11 modules and the 13-module stop");
    }

    #[test]
    fn code_sets_follow_annex_e() {
        assert_eq!(with_code_sets("DS7K2M9QXA-1", false).unwrap(), "ƁDS7K2M9QXA-1");
        assert_eq!(with_code_sets("12", false).unwrap(), "Ć12");
        assert_eq!(with_code_sets("123", false).unwrap(), "Ɓ123");
        assert_eq!(with_code_sets("1234AB", false).unwrap(), "Ć1234ƁAB");
        assert_eq!(with_code_sets("12345AB", false).unwrap(), "Ć1234Ɓ5AB");
        assert_eq!(with_code_sets("GHN12345", false).unwrap(), "ƁGHN1Ć2345", "four digits at the end");
        assert_eq!(with_code_sets("AB1234CD", false).unwrap(), "ƁAB1234CD", "four in the middle stay in B");
        assert_eq!(with_code_sets("AB1234567CD", false).unwrap(), "ƁAB1Ć234567ƁCD");
        assert_eq!(with_code_sets("00106141412345678908", true).unwrap(), "ĆŹ00106141412345678908");
    }

    #[test]
    fn refuses_what_sets_b_and_c_cannot_hold() {
        assert_eq!(modules("", false), Err(Refused::Empty));
        assert_eq!(modules("Đ-12", false), Err(Refused::Character('Đ')));
        assert_eq!(modules("A\tB", false), Err(Refused::Character('\t')));
    }
}
