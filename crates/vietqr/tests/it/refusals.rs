//! How `decode` refuses a damaged text: CRC, TLV structure, UTF-8 lengths. Each case
//! is reached on purpose: the CRC is made right (with `with_crc`) wherever the test is
//! about something else. Refusals of field values are in `field_rules`.

use vietqr::{DecodeError, ValueError, decode};

use crate::helpers::{acb_fields, acb_plus, acb_with, invalid, path, tlv, with_crc};

#[test]
fn the_baseline_is_accepted() {
    assert!(decode(&with_crc(&acb_fields())).is_ok());
}

mod crc {
    use super::*;

    #[test]
    fn a_changed_digit_breaks_the_crc() {
        let good = with_crc(&acb_fields());
        let bad = good.replace("257678859", "257678858");
        assert_eq!(
            decode(&bad),
            Err(DecodeError::CrcMismatch {
                stated: u16::from_str_radix(&good[good.len() - 4..], 16).unwrap(),
                computed: vietqr::crc16_ccitt_false(&bad.as_bytes()[..bad.len() - 4]),
            })
        );
    }

    #[test]
    fn lowercase_hex_is_refused() {
        let good = with_crc(&acb_fields());
        let lower = good.to_lowercase();
        let lower = format!("{}{}", &good[..good.len() - 4], &lower[lower.len() - 4..]);
        assert_eq!(decode(&lower), Err(DecodeError::CrcFormat { found: "ae9f".into() }));
    }

    #[test]
    fn a_crc_of_another_length_is_refused() {
        let text = acb_fields().concat() + &tlv(63, "AE9F0");
        assert_eq!(decode(&text), Err(DecodeError::CrcFormat { found: "AE9F0".into() }));
    }

    #[test]
    fn a_text_without_crc_is_missing_field_63() {
        assert_eq!(decode(&acb_fields().concat()), Err(DecodeError::Missing { path: path("63") }));
    }

    #[test]
    fn the_crc_must_be_last() {
        let mut fields = acb_fields();
        let country = fields.pop().unwrap();
        let text = with_crc(&fields) + &country;
        let offset = text.find("6304").unwrap();
        assert_eq!(
            decode(&text),
            Err(DecodeError::OutOfPlace { path: path("63"), offset, rule: "63 (CRC) must be the last field" })
        );
    }
}

mod structure {
    use super::*;

    #[test]
    fn a_non_numeric_id_is_refused() {
        let text = acb_with(3, "5X03704".into());
        let offset = text.find("5X").unwrap();
        assert_eq!(decode(&text), Err(DecodeError::BadId { parent: path(""), offset, found: "5X".into() }));
    }

    #[test]
    fn a_non_numeric_length_is_refused() {
        for length in ["O3", " 3", "3 ", "+3", "-3"] {
            let text = acb_with(3, format!("53{length}704"));
            let offset = text.find(&format!("53{length}704")).unwrap();
            assert_eq!(
                decode(&text),
                Err(DecodeError::BadLength { path: path("53"), offset, found: length.into() }),
                "{length:?}"
            );
        }
    }

    #[test]
    fn a_non_numeric_length_inside_a_template_is_refused() {
        let template = "0010A0000007270123000697041601092576788590208QRIBFTTA";
        let broken = template.replace("0109", "01x9");
        let text = acb_with(2, tlv(38, &broken));
        assert_eq!(
            decode(&text),
            Err(DecodeError::BadLength {
                path: path("38/01/01"),
                offset: text.find("01x9").unwrap(),
                found: "x9".into(),
            })
        );
    }

    #[test]
    fn a_truncated_text_says_which_field_runs_out() {
        let full = with_crc(&acb_fields());
        let cut = &full[..40];
        assert_eq!(
            decode(cut),
            Err(DecodeError::TruncatedValue { path: path("38"), offset: 12, declared: 53, available: 24 })
        );
    }

    #[test]
    fn a_cut_header_names_the_field_before() {
        let full = with_crc(&acb_fields());
        let cut = &full[..14];
        assert_eq!(
            decode(cut),
            Err(DecodeError::TruncatedHeader { parent: path(""), offset: 12, available: 2, after: Some(path("01")) })
        );
    }

    #[test]
    fn an_inner_length_too_long_overruns_its_template() {
        // 38/01/01 says 10 bytes where the account has 9: the subfield runs past 38/01.
        let beneficiary = tlv(0, "970416") + "0110257678859";
        let template = tlv(0, "A000000727") + &tlv(1, &beneficiary) + &tlv(2, "QRIBFTTA");
        let text = acb_with(2, tlv(38, &template));
        assert_eq!(
            decode(&text),
            Err(DecodeError::TruncatedValue {
                path: path("38/01/01"),
                offset: text.find("0110257678859").unwrap(),
                declared: 10,
                available: 9,
            })
        );
    }

    #[test]
    fn an_empty_text_is_missing_the_format_indicator() {
        assert_eq!(decode(""), Err(DecodeError::Missing { path: path("00") }));
    }

    #[test]
    fn a_repeated_field_is_refused() {
        let text = acb_plus(&[tlv(58, "VN")]);
        assert_eq!(
            decode(&text),
            Err(DecodeError::Duplicate { path: path("58"), offset: text.rfind("5802VN").unwrap() })
        );
    }

    #[test]
    fn the_format_indicator_must_be_first() {
        let mut fields = acb_fields();
        fields.swap(0, 1);
        let text = with_crc(&fields);
        assert_eq!(
            decode(&text),
            Err(DecodeError::OutOfPlace { path: path("00"), offset: 6, rule: "00 must be the first field" })
        );
    }
}

mod utf8 {
    use super::*;

    #[test]
    fn lengths_counting_bytes_keep_a_vietnamese_field() {
        // "Cửa hàng Đà Lạt": 15 characters, 22 bytes. Field 59 is not interpreted but
        // kept, and comes back in place.
        let name = "Cửa hàng Đà Lạt";
        assert_eq!(name.len(), 22);
        let text = acb_plus(&[tlv(59, name)]);
        assert!(text.contains("5922Cửa hàng"));
        let payload = decode(&text).unwrap();
        assert_eq!(payload.other_fields().collect::<Vec<_>>(), [(59, name)]);
        assert_eq!(payload.encode(), text);
    }

    #[test]
    fn a_length_counting_characters_ends_mid_character() {
        let name = "Cửa hàng";
        let text = acb_plus(&[format!("59{:02}{name}", name.chars().count())]);
        assert_eq!(
            decode(&text),
            Err(DecodeError::SplitCharacter { path: path("59"), offset: text.find("5908").unwrap() })
        );
    }

    #[test]
    fn a_length_counting_characters_that_lands_on_a_boundary_still_fails() {
        // "Đà Lạt" counted as 6 characters ends after "Đà L" (6 bytes); the rest, "ạt",
        // is then read as the next field's header and its ID is no digits.
        let text = acb_plus(&["5906Đà Lạt".into()]);
        let offset = text.find("ạt").unwrap();
        assert!(
            matches!(decode(&text), Err(DecodeError::BadId { offset: at, .. }) if at == offset),
            "{:?}",
            decode(&text)
        );
    }

    #[test]
    fn a_vietnamese_purpose_is_refused_even_with_byte_lengths() {
        let text = acb_plus(&[tlv(62, &tlv(8, "Chuyển tiền"))]);
        assert_eq!(decode(&text), Err(invalid("62/08", ValueError::TextCharacter('ể'))));
    }
}
