//! How `decode` refuses well-formed fields whose values break NAPAS's rules
//! (vietqr.md): template 38, the fixed values, the amount, field 62.

use vietqr::{DecodeError, ValueError, decode};

use crate::helpers::{acb_fields, acb_plus, acb_with, invalid, napas, path, tlv, with_crc, wrong};

mod napas_template {
    use super::*;

    #[test]
    fn another_schemes_guid_is_refused() {
        let beneficiary = tlv(0, "970416") + &tlv(1, "257678859");
        let template = tlv(0, "A000000775") + &tlv(1, &beneficiary) + &tlv(2, "QRIBFTTA");
        assert_eq!(
            decode(&acb_with(2, tlv(38, &template))),
            Err(DecodeError::WrongGuid { found: "A000000775".into() })
        );
    }

    #[test]
    fn each_part_is_mandatory() {
        let guid = tlv(0, "A000000727");
        let beneficiary = tlv(1, &(tlv(0, "970416") + &tlv(1, "257678859")));
        let service = tlv(2, "QRIBFTTA");
        let cases = [
            (beneficiary.clone() + &service, "38/00"),
            (guid.clone() + &service, "38/01"),
            (guid.clone() + &beneficiary, "38/02"),
            (guid.clone() + &tlv(1, &tlv(1, "257678859")) + &service, "38/01/00"),
            (guid.clone() + &tlv(1, &tlv(0, "970416")) + &service, "38/01/01"),
        ];
        for (template, missing) in cases {
            assert_eq!(
                decode(&acb_with(2, tlv(38, &template))),
                Err(DecodeError::Missing { path: path(missing) }),
                "{missing}"
            );
        }
    }

    #[test]
    fn nothing_else_is_allowed_inside() {
        let template = "0010A0000007270123000697041601092576788590208QRIBFTTA".to_owned();
        let text = acb_with(2, tlv(38, &(template + "0301X")));
        assert_eq!(
            decode(&text),
            Err(DecodeError::Unexpected { path: path("38/03"), offset: text.find("0301X").unwrap() })
        );
    }

    #[test]
    fn an_unknown_service_is_refused() {
        let text = acb_with(2, napas("970416", "257678859", "QRPUSH"));
        assert_eq!(decode(&text), Err(wrong("38/02", "QRIBFTTA (account) or QRIBFTTC (card)", "QRPUSH")));
    }

    #[test]
    fn a_bin_must_be_six_digits() {
        let text = acb_with(2, napas("97041", "257678859", "QRIBFTTA"));
        assert_eq!(decode(&text), Err(invalid("38/01/00", ValueError::Bin("97041".into()))));
    }

    #[test]
    fn an_account_takes_letters_and_digits_only() {
        let text = acb_with(2, napas("970416", "2576-78859", "QRIBFTTA"));
        assert_eq!(decode(&text), Err(invalid("38/01/01", ValueError::Account("2576-78859".into()))));
    }

    #[test]
    fn the_card_service_wants_a_napas_card_number() {
        let text = acb_with(2, napas("970416", "257678859", "QRIBFTTC"));
        assert_eq!(decode(&text), Err(invalid("38/01/01", ValueError::Card("257678859".into()))));
    }
}

mod fixed_values {
    use super::*;

    #[test]
    fn each_fixed_value_is_checked() {
        let cases = [
            (0, tlv(0, "02"), "00", "01", "02"),
            (1, tlv(1, "13"), "01", "11 (static) or 12 (dynamic)", "13"),
            (3, tlv(53, "840"), "53", "704", "840"),
            (4, tlv(58, "LA"), "58", "VN", "LA"),
        ];
        for (index, field, at, expected, found) in cases {
            assert_eq!(decode(&acb_with(index, field)), Err(wrong(at, expected, found)), "{at}");
        }
    }

    #[test]
    fn each_mandatory_field_is_required() {
        for (index, missing) in [(1, "01"), (2, "38"), (3, "53"), (4, "58")] {
            let mut fields = acb_fields();
            fields.remove(index);
            assert_eq!(decode(&with_crc(&fields)), Err(DecodeError::Missing { path: path(missing) }), "{missing}");
        }
    }
}

mod amount {
    use super::*;

    fn dynamic_with_amount(amount: &str) -> String {
        let mut fields = acb_fields();
        fields[1] = tlv(1, "12");
        fields.insert(4, tlv(54, amount));
        with_crc(&fields)
    }

    #[test]
    fn whole_dong_in_canonical_digits() {
        assert_eq!(decode(&dynamic_with_amount("10000")).unwrap().amount_vnd(), Some(10_000));
        for bad in ["", "0", "010000", "10000.00", "10,000", "1e4", "-1"] {
            assert_eq!(
                decode(&dynamic_with_amount(bad)),
                Err(invalid("54", ValueError::AmountFormat(bad.into()))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn at_most_thirteen_digits() {
        let max = "9999999999999";
        assert!(decode(&dynamic_with_amount(max)).is_ok());
        let over = "10000000000000";
        assert_eq!(decode(&dynamic_with_amount(over)), Err(invalid("54", ValueError::AmountFormat(over.into()))));
    }

    #[test]
    fn a_static_qr_with_an_amount_is_refused() {
        let mut fields = acb_fields();
        fields.insert(4, tlv(54, "10000"));
        assert_eq!(decode(&with_crc(&fields)), Err(invalid("54", ValueError::StaticWithAmount)));
    }

    #[test]
    fn a_dynamic_qr_without_an_amount_is_accepted() {
        let text = acb_with(1, tlv(1, "12"));
        let payload = decode(&text).unwrap();
        assert_eq!(payload.amount_vnd(), None);
        assert_eq!(payload.encode(), text);
    }
}

mod additional_data {
    use super::*;

    #[test]
    fn an_empty_template_is_refused() {
        assert_eq!(decode(&acb_plus(&[tlv(62, "")])), Err(wrong("62", "at least one subfield", "")));
    }

    #[test]
    fn a_text_longer_than_25_is_refused() {
        let long = "x".repeat(26);
        assert_eq!(decode(&acb_plus(&[tlv(62, &tlv(1, &long))])), Err(invalid("62/01", ValueError::TextLength(26))));
    }

    #[test]
    fn an_empty_text_is_refused() {
        assert_eq!(decode(&acb_plus(&[tlv(62, &tlv(5, ""))])), Err(invalid("62/05", ValueError::TextLength(0))));
    }

    #[test]
    fn a_repeated_subfield_is_refused() {
        let text = acb_plus(&[tlv(62, &(tlv(8, "a") + &tlv(8, "b")))]);
        assert_eq!(
            decode(&text),
            Err(DecodeError::Duplicate { path: path("62/08"), offset: text.find("0801b").unwrap() })
        );
    }

    #[test]
    fn subfields_not_interpreted_are_kept_in_place() {
        let template = tlv(3, "Cua hang 1") + &tlv(7, "T01") + &tlv(8, "DS1") + &tlv(9, "ME");
        let text = acb_plus(&[tlv(62, &template)]);
        let payload = decode(&text).unwrap();
        assert_eq!(payload.terminal_label(), Some("T01"));
        assert_eq!(payload.purpose(), Some("DS1"));
        assert_eq!(payload.other_additional_data().collect::<Vec<_>>(), [(3, "Cua hang 1"), (9, "ME")]);
        assert_eq!(payload.encode(), text);
    }

    #[test]
    fn top_level_fields_not_interpreted_are_kept_in_id_order() {
        let mut fields = acb_fields();
        fields.insert(3, tlv(52, "5499"));
        fields.push(tlv(59, "NGUYEN VAN A"));
        fields.push(tlv(60, "HA NOI"));
        let text = with_crc(&fields);
        let payload = decode(&text).unwrap();
        assert_eq!(payload.other_fields().collect::<Vec<_>>(), [(52, "5499"), (59, "NGUYEN VAN A"), (60, "HA NOI")]);
        assert_eq!(payload.encode(), text);
    }
}

#[test]
fn errors_name_the_field_in_their_message() {
    let text = acb_with(2, napas("97041", "257678859", "QRIBFTTA"));
    let error = decode(&text).unwrap_err();
    assert_eq!(error.path(), Some(path("38/01/00")));
    assert_eq!(error.to_string(), "field 38/01/00: a bank BIN is exactly 6 digits, got \"97041\"");
}

#[test]
fn path_points_at_the_field_or_says_the_whole_text() {
    let guid = tlv(0, "A000000775") + &tlv(1, &(tlv(0, "970416") + &tlv(1, "1"))) + &tlv(2, "QRIBFTTA");
    let cases = [
        (acb_with(2, tlv(38, &guid)), Some(path("38/00"))),
        (acb_fields().concat() + &tlv(63, "AE9"), Some(path("63"))),
        (acb_fields().concat() + "6304FFFF", None),
        (with_crc(&acb_fields())[..14].to_owned(), Some(path(""))),
    ];
    for (text, expected) in cases {
        assert_eq!(decode(&text).unwrap_err().path(), expected, "{text}");
    }
}
