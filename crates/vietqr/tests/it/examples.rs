//! The NAPAS specification's own example payloads, as vietqr.md lists them: each must
//! decode to the values the document states, re-encode byte for byte, and come out of
//! the builder from those values alone.

use vietqr::{
    AccountNumber, Beneficiary, Bin, CardNumber, DecodeError, Initiation, Payload, Service, crc16_ccitt_false, decode,
};

use crate::helpers::path;

const TO_ACCOUNT: &str = "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E";
const TO_CARD: &str = "00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC530370454061800005802VN62340107NPS68690819thanh toan don hang6304A203";
const ACB_STATIC: &str = "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F";
const ACB_DYNAMIC: &str = "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6";
const WRONG_INNER_LENGTH: &str =
    "00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5";

fn bin(text: &str) -> Bin {
    Bin::parse(text).unwrap()
}

fn account(text: &str) -> Beneficiary {
    Beneficiary::Account(AccountNumber::parse(text).unwrap())
}

fn card(text: &str) -> Beneficiary {
    Beneficiary::Card(CardNumber::parse(text).unwrap())
}

/// The dynamic examples' shared amount and texts.
fn order_nps6869(payload: Payload) -> Payload {
    payload
        .with_amount(180_000)
        .and_then(|p| p.with_bill_number("NPS6869"))
        .and_then(|p| p.with_purpose("thanh toan don hang"))
        .unwrap()
}

#[test]
fn dynamic_to_account() {
    let payload = decode(TO_ACCOUNT).unwrap();
    assert_eq!(payload.initiation(), Initiation::Dynamic);
    assert_eq!(payload.bin().as_str(), "970403");
    assert_eq!(payload.beneficiary(), &account("0011012345678"));
    assert_eq!(payload.service(), Service::ToAccount);
    assert_eq!(payload.amount_vnd(), Some(180_000));
    assert_eq!(payload.bill_number(), Some("NPS6869"));
    assert_eq!(payload.purpose(), Some("thanh toan don hang"));
    assert_eq!(payload.reference_label(), None);
    assert_eq!(payload.terminal_label(), None);
    assert_eq!(payload.other_fields().count(), 0);
    assert_eq!(payload.other_additional_data().count(), 0);
    assert_eq!(payload.encode(), TO_ACCOUNT);

    let built = order_nps6869(Payload::new(bin("970403"), account("0011012345678")));
    assert_eq!(built, payload);
    assert_eq!(built.encode(), TO_ACCOUNT);
}

#[test]
fn dynamic_to_card() {
    let payload = decode(TO_CARD).unwrap();
    assert_eq!(payload.initiation(), Initiation::Dynamic);
    assert_eq!(payload.bin().as_str(), "970403");
    assert_eq!(payload.beneficiary(), &card("9704031101234567"));
    assert_eq!(payload.service(), Service::ToCard);
    assert_eq!(payload.amount_vnd(), Some(180_000));
    assert_eq!(payload.bill_number(), Some("NPS6869"));
    assert_eq!(payload.purpose(), Some("thanh toan don hang"));
    assert_eq!(payload.encode(), TO_CARD);

    let built = order_nps6869(Payload::new(bin("970403"), card("9704031101234567")));
    assert_eq!(built.encode(), TO_CARD);
}

#[test]
fn static_acb_account() {
    let payload = decode(ACB_STATIC).unwrap();
    assert_eq!(payload.initiation(), Initiation::Static);
    assert_eq!(payload.bin().as_str(), "970416");
    assert_eq!(payload.beneficiary(), &account("257678859"));
    assert_eq!(payload.amount_vnd(), None);
    assert_eq!(payload.purpose(), None);
    assert_eq!(payload.bill_number(), None);
    assert_eq!(payload.encode(), ACB_STATIC);

    let built = Payload::new(bin("970416"), account("257678859"));
    assert_eq!(built.encode(), ACB_STATIC);
}

#[test]
fn dynamic_acb_account_with_purpose() {
    let payload = decode(ACB_DYNAMIC).unwrap();
    assert_eq!(payload.initiation(), Initiation::Dynamic);
    assert_eq!(payload.beneficiary(), &account("257678859"));
    assert_eq!(payload.amount_vnd(), Some(10_000));
    assert_eq!(payload.purpose(), Some("Chuyen tien"));
    assert_eq!(payload.bill_number(), None);
    assert_eq!(payload.encode(), ACB_DYNAMIC);

    let built = Payload::new(bin("970416"), account("257678859"))
        .with_amount(10_000)
        .and_then(|p| p.with_purpose(&vietqr::fold_to_ascii("Chuyển tiền")))
        .unwrap();
    assert_eq!(built.encode(), ACB_DYNAMIC);
}

#[test]
fn wrong_inner_length_with_valid_crc_is_refused_where_it_breaks() {
    // The CRC is right, so only the structure can catch it.
    let (body, crc) = WRONG_INNER_LENGTH.split_at(WRONG_INNER_LENGTH.len() - 4);
    assert_eq!(format!("{:04X}", crc16_ccitt_false(body.as_bytes())), crc);

    let error = decode(WRONG_INNER_LENGTH).unwrap_err();
    // 38/01/01 says 12 bytes, so the account's 13th digit is left over at the end of
    // 38/01, too short to be a field.
    let offset = WRONG_INNER_LENGTH.find("0208QRIBFTTA").unwrap() - 1;
    assert_eq!(
        error,
        DecodeError::TruncatedHeader { parent: path("38/01"), offset, available: 1, after: Some(path("38/01/01")) }
    );
    assert_eq!(
        error.to_string(),
        format!(
            "38/01: 1 byte(s) left at byte {offset}, too few for a field \
             (after field 38/01/01: is its length right?)"
        )
    );
}

#[test]
fn every_example_carries_its_own_crc() {
    for example in [TO_ACCOUNT, TO_CARD, ACB_STATIC, ACB_DYNAMIC, WRONG_INNER_LENGTH] {
        let (body, crc) = example.split_at(example.len() - 4);
        assert!(body.ends_with("6304"));
        assert_eq!(format!("{:04X}", crc16_ccitt_false(body.as_bytes())), crc);
    }
}
