//! Digital Link paths and URIs: building, reading, percent-encoding and refusals.

use super::*;

fn gtin(s: &str) -> Gtin {
    Gtin::parse(s).unwrap()
}

fn link(g: &str, lot: Option<&str>, serial: Option<&str>) -> DigitalLink {
    DigitalLink {
        gtin: gtin(g),
        lot: lot.map(|l| Lot::parse(l).unwrap()),
        serial: serial.map(|s| Serial::parse(s).unwrap()),
    }
}

#[test]
fn builds_the_four_paths() {
    let g = "8934563138165";
    assert_eq!(link(g, None, None).path(), "/01/08934563138165");
    assert_eq!(link(g, Some("L01"), None).path(), "/01/08934563138165/10/L01");
    assert_eq!(link(g, None, Some("S-1")).path(), "/01/08934563138165/21/S-1");
    assert_eq!(link(g, Some("2024.11_A"), Some("0001")).path(), "/01/08934563138165/10/2024.11_A/21/0001");
}

#[test]
fn to_uri_joins_base_and_path() {
    let l = link("96385074", Some("A"), None);
    assert_eq!(l.to_uri(ID_GS1_ORG), "https://id.gs1.org/01/00000096385074/10/A");
    assert_eq!(l.to_uri("https://dacsan.vn/p/"), "https://dacsan.vn/p/01/00000096385074/10/A");
}

#[test]
fn percent_encodes_every_symbol_but_hyphen_dot_underscore() {
    let l = link("4006381333931", Some("!\"%&'()*+,-./"), Some(":;<=>?_"));
    assert_eq!(l.path(), "/01/04006381333931/10/%21%22%25%26%27%28%29%2A%2B%2C-.%2F/21/%3A%3B%3C%3D%3E%3F_");
}

#[test]
fn round_trips() {
    for l in [
        link("8934563138165", None, None),
        link("8934563138165", Some("L01"), None),
        link("8934563138165", None, Some("01")),
        link("8934563138165", Some("01"), Some("01")),
        link("036000291452", Some("A/B%C"), Some("x?y=z&w")),
        link("09501101530003", Some("!\"%&'()*+,-./:;<=>?"), Some("_")),
    ] {
        assert_eq!(DigitalLink::parse_path(&l.path()), Ok(l.clone()));
        assert_eq!(DigitalLink::parse_uri(&l.to_uri(ID_GS1_ORG)), Ok(l.clone()));
    }
}

#[test]
fn accepts_short_gtins_and_writes_14_digits() {
    let l = DigitalLink::parse_path("/01/4006381333931/10/A").unwrap();
    assert_eq!(l, link("4006381333931", Some("A"), None));
    assert_eq!(l.path(), "/01/04006381333931/10/A");
    let l = DigitalLink::parse_path("/01/96385074").unwrap();
    assert_eq!(l.path(), "/01/00000096385074");
    let l = DigitalLink::parse_path("/01/036000291452/21/7").unwrap();
    assert_eq!(l.path(), "/01/00036000291452/21/7");
}

#[test]
fn decodes_lower_case_hex_and_raw_sub_delims() {
    let l = DigitalLink::parse_path("/01/04006381333931/10/a%2fb/21/(1)+:").unwrap();
    assert_eq!(l.lot.unwrap().as_str(), "a/b");
    assert_eq!(l.serial.unwrap().as_str(), "(1)+:");
}

#[test]
fn refuses_bad_gtins() {
    assert_eq!(
        DigitalLink::parse_path("/01/04006381333932"),
        Err(DigitalLinkError::Gtin(KeyError::CheckDigit { expected: 1, got: 2 }))
    );
    assert!(matches!(DigitalLink::parse_path("/01/"), Err(DigitalLinkError::Gtin(KeyError::Length { got: 0, .. }))));
    assert!(matches!(
        DigitalLink::parse_path("/01/%204006381333931"),
        Err(DigitalLinkError::Gtin(KeyError::NonDigit { position: 1, .. }))
    ));
}

#[test]
fn refuses_paths_without_a_gtin() {
    for path in ["", "/", "01/04006381333931", "/00/106141411234567897", "/gtin/04006381333931"] {
        assert_eq!(DigitalLink::parse_path(path), Err(DigitalLinkError::NoGtin), "{path:?}");
    }
}

#[test]
fn refuses_other_qualifiers_order_and_repeats() {
    let g = "/01/04006381333931";
    for (rest, segment) in [
        ("/22/V1", "22"),
        ("/21/S/10/L", "10"),
        ("/10/A/10/B", "10"),
        ("/21/S/21/T", "21"),
        ("/10/A/17/261231", "17"),
        ("/lot/A", "lot"),
    ] {
        assert_eq!(
            DigitalLink::parse_path(&format!("{g}{rest}")),
            Err(DigitalLinkError::Unexpected { segment: segment.to_owned() }),
            "{rest}"
        );
    }
}

#[test]
fn refuses_missing_or_empty_values() {
    let g = "/01/04006381333931";
    assert_eq!(DigitalLink::parse_path(&format!("{g}/10")), Err(DigitalLinkError::Lot(AiValueError::Empty)));
    assert_eq!(DigitalLink::parse_path(&format!("{g}/10/")), Err(DigitalLinkError::Lot(AiValueError::Empty)));
    assert_eq!(DigitalLink::parse_path(&format!("{g}/10/A/21/")), Err(DigitalLinkError::Serial(AiValueError::Empty)));
    assert!(matches!(DigitalLink::parse_path(&format!("{g}/")), Err(DigitalLinkError::Unexpected { .. })));
}

#[test]
fn refuses_values_outside_set_82() {
    let g = "/01/04006381333931";
    assert_eq!(
        DigitalLink::parse_path(&format!("{g}/10/A%20B")),
        Err(DigitalLinkError::Lot(AiValueError::Character { position: 2, found: ' ' }))
    );
    // "LÔ" sent as UTF-8 escapes decodes, then fails the character set.
    assert_eq!(
        DigitalLink::parse_path(&format!("{g}/21/L%C3%94")),
        Err(DigitalLinkError::Serial(AiValueError::Character { position: 2, found: 'Ô' }))
    );
    assert_eq!(
        DigitalLink::parse_path(&format!("{g}/21/A~B")),
        Err(DigitalLinkError::Serial(AiValueError::Character { position: 2, found: '~' }))
    );
    assert_eq!(
        DigitalLink::parse_path(&format!("{g}/10/{}", "A".repeat(21))),
        Err(DigitalLinkError::Lot(AiValueError::TooLong { max: 20, got: 21 }))
    );
    // The limit counts decoded characters: 20 encoded slashes are fine.
    assert!(DigitalLink::parse_path(&format!("{g}/10/{}", "%2F".repeat(20))).is_ok());
}

#[test]
fn refuses_bad_percent_encoding_and_raw_characters() {
    let g = "/01/04006381333931";
    for value in ["%", "%2", "%G1", "A%+F", "%C3"] {
        assert_eq!(
            DigitalLink::parse_path(&format!("{g}/10/{value}")),
            Err(DigitalLinkError::PercentEncoding { segment: value.to_owned() }),
            "{value}"
        );
    }
    for (value, found) in [("A\"B", '"'), ("A<B", '<'), ("A B", ' '), ("LÔ", 'Ô')] {
        assert_eq!(
            DigitalLink::parse_path(&format!("{g}/10/{value}")),
            Err(DigitalLinkError::Unencoded { found }),
            "{value}"
        );
    }
}

#[test]
fn parse_uri_skips_scheme_domain_prefix_query_and_fragment() {
    let expected = link("9520123456788", Some("ABC"), Some("01"));
    for uri in [
        "https://id.gs1.org/01/09520123456788/10/ABC/21/01",
        "HTTPS://ID.GS1.ORG/01/09520123456788/10/ABC/21/01",
        "http://example.com/01/09520123456788/10/ABC/21/01?17=261231&linkType=all",
        "https://example.com/products/01/09520123456788/10/ABC/21/01#top",
        "https://example.com/01/x/01/09520123456788/10/ABC/21/01",
    ] {
        assert_eq!(DigitalLink::parse_uri(uri), Ok(expected.clone()), "{uri}");
    }
    // A lot equal to "01" is not mistaken for the key.
    assert_eq!(
        DigitalLink::parse_uri("https://example.com/01/09520123456788/10/01"),
        Ok(link("9520123456788", Some("01"), None))
    );
}

#[test]
fn parse_uri_refusals() {
    assert_eq!(DigitalLink::parse_uri("ftp://id.gs1.org/01/09520123456788"), Err(DigitalLinkError::NotHttp));
    assert_eq!(DigitalLink::parse_uri("https://id.gs1.org"), Err(DigitalLinkError::NoGtin));
    assert_eq!(DigitalLink::parse_uri("https://id.gs1.org/products/09520123456788"), Err(DigitalLinkError::NoGtin));
}

#[test]
fn messages() {
    let err = DigitalLink::parse_path("/01/04006381333931/10/A%20B").unwrap_err();
    assert_eq!(
        err.to_string(),
        "lot (AI 10): ' ' at position 2 is not allowed; \
         use letters A-Z a-z, digits and !\"%&'()*+,-./:;<=>?_"
    );
    let err = DigitalLink::parse_path("/01/04006381333931/22/V").unwrap_err();
    assert_eq!(err.to_string(), "unexpected \"22\" after the GTIN: only /10/{lot} then /21/{serial} may follow");
}
