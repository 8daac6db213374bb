//! Properties checked over many generated payloads and texts: what the builder makes,
//! the decoder reads back unchanged; what was damaged, the decoder refuses; nothing
//! makes it panic.

use vietqr::{
    AccountNumber, Beneficiary, Bin, CardNumber, DecodeError, Initiation, MAX_AMOUNT_VND, MAX_VALUE_LEN, Payload,
    ValueError, crc16_ccitt_false, decode,
};

use crate::helpers::{DIGITS, Rng, alphanumeric, printable};

const ROUNDS: usize = 2_000;

fn random_beneficiary(rng: &mut Rng) -> Beneficiary {
    if rng.chance(3) {
        let len = usize::try_from(rng.between(12..=15)).unwrap();
        let card = format!("9704{}", rng.string(DIGITS, len));
        Beneficiary::Card(CardNumber::parse(&card).unwrap())
    } else {
        let len = usize::try_from(rng.between(1..=19)).unwrap();
        let account = rng.string(&alphanumeric(), len);
        Beneficiary::Account(AccountNumber::parse(&account).unwrap())
    }
}

fn random_text(rng: &mut Rng) -> String {
    let len = usize::try_from(rng.between(1..=25)).unwrap();
    rng.string(&printable(), len)
}

/// A payload built through the public builder from random valid values; a text that
/// would overfill field 62 must be refused for that reason alone.
fn random_payload(rng: &mut Rng) -> Payload {
    let bin = Bin::parse(&rng.string(DIGITS, 6)).unwrap();
    let mut payload = Payload::new(bin, random_beneficiary(rng));
    if rng.chance(2) {
        let amount = match rng.between(0..=3) {
            0 => 1,
            1 => MAX_AMOUNT_VND,
            _ => rng.between(1..=MAX_AMOUNT_VND),
        };
        payload = payload.with_amount(amount).unwrap();
    } else if rng.chance(4) {
        payload = payload.with_initiation(Initiation::Dynamic).unwrap();
    }
    type Setter = fn(Payload, &str) -> Result<Payload, ValueError>;
    let setters: [Setter; 4] =
        [Payload::with_bill_number, Payload::with_reference_label, Payload::with_terminal_label, Payload::with_purpose];
    for setter in setters {
        if rng.chance(2) {
            let text = random_text(rng);
            match setter(payload.clone(), &text) {
                Ok(longer) => payload = longer,
                Err(ValueError::AdditionalDataTooLong(len)) => assert!(len > MAX_VALUE_LEN),
                Err(other) => panic!("{text:?} refused: {other}"),
            }
        }
    }
    payload
}

#[test]
fn built_payloads_decode_to_themselves_and_reencode_identically() {
    let mut rng = Rng::new(0x5EED_0001);
    for _ in 0..ROUNDS {
        let payload = random_payload(&mut rng);
        let text = payload.encode();
        let decoded = decode(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(decoded, payload, "{text}");
        assert_eq!(decoded.encode(), text);
    }
}

#[test]
fn encoded_payloads_are_ascii_and_end_with_their_crc() {
    let mut rng = Rng::new(0x5EED_0002);
    for _ in 0..ROUNDS {
        let text = random_payload(&mut rng).encode();
        assert!(text.is_ascii());
        let (body, crc) = text.split_at(text.len() - 4);
        assert!(body.ends_with("6304"), "{text}");
        assert_eq!(format!("{:04X}", crc16_ccitt_false(body.as_bytes())), crc);
    }
}

#[test]
fn every_single_character_change_is_refused() {
    let mut rng = Rng::new(0x5EED_0003);
    let alphabet = printable();
    for _ in 0..100 {
        let text = random_payload(&mut rng).encode();
        for at in 0..text.len() {
            let original = text.as_bytes()[at] as char;
            let mut replacement = alphabet[rng.index(alphabet.len())];
            if replacement == original {
                replacement = if original == '0' { '1' } else { '0' };
            }
            let mut damaged = text.clone();
            damaged.replace_range(at..=at, &replacement.to_string());
            assert!(decode(&damaged).is_err(), "{damaged} accepted");
        }
    }
}

#[test]
fn every_truncation_is_refused() {
    let mut rng = Rng::new(0x5EED_0004);
    for _ in 0..200 {
        let text = random_payload(&mut rng).encode();
        for end in 0..text.len() {
            assert!(decode(&text[..end]).is_err(), "{} accepted", &text[..end]);
        }
    }
}

#[test]
fn arbitrary_text_never_panics() {
    let mut rng = Rng::new(0x5EED_0005);
    let alphabet: Vec<char> = "0123456789ABCDEF6304 VNđửạ🍵\u{301}".chars().collect();
    for _ in 0..ROUNDS * 5 {
        let len = rng.index(120);
        let text = rng.string(&alphabet, len);
        if let Err(error) = decode(&text) {
            // Rendering the error must not panic either.
            assert!(!error.to_string().is_empty());
        }
    }
}

#[test]
fn edited_and_resigned_payloads_never_panic_and_read_back_consistently() {
    let mut rng = Rng::new(0x5EED_0006);
    let inserts = ["0", "9", "đ", "ử", "🍵", "6304", "99"];
    let mut accepted = 0;
    for _ in 0..ROUNDS {
        let mut text = random_payload(&mut rng).encode();
        let body_len = text.len() - 8;
        let at = rng.index(body_len);
        if rng.chance(2) {
            text.remove(at);
        } else {
            text.insert_str(at, inserts[rng.index(inserts.len())]);
        }
        // Re-sign the edited body, so that only the structure checks stand in the way.
        let body = &text[..text.len() - 4];
        let resigned = format!("{body}{:04X}", crc16_ccitt_false(body.as_bytes()));
        match decode(&resigned) {
            // What still parses is a payload whose own text reads back to it; fields
            // that came out of ID order are written back in order.
            Ok(payload) => {
                accepted += 1;
                assert_eq!(decode(&payload.encode()), Ok(payload), "{resigned}");
            }
            Err(error) => assert!(!error.to_string().is_empty()),
        }
    }
    // Some edits (e.g. inside a free text) leave a valid payload; make sure the Ok
    // branch above ran at all.
    assert!(accepted > 0);
}

#[test]
fn appending_the_crc_leaves_a_zero_remainder() {
    // CRC-16/CCITT-FALSE is unreflected with no final XOR, so a message followed by its
    // own CRC (big-endian) always checks to zero.
    let mut rng = Rng::new(0x5EED_0007);
    for _ in 0..ROUNDS {
        let len = rng.index(300);
        let mut message: Vec<u8> = (0..len).map(|_| rng.next_u64().to_le_bytes()[0]).collect();
        let crc = crc16_ccitt_false(&message);
        message.extend_from_slice(&crc.to_be_bytes());
        assert_eq!(crc16_ccitt_false(&message), 0);
    }
}

#[test]
fn decode_errors_from_damage_name_a_place() {
    // A damaged length inside template 38, with the CRC re-signed, is reported inside 38.
    let text = Payload::new(
        Bin::parse("970403").unwrap(),
        Beneficiary::Account(AccountNumber::parse("0011012345678").unwrap()),
    )
    .encode();
    let body = text[..text.len() - 4].replace("0113", "0119");
    let resigned = format!("{body}{:04X}", crc16_ccitt_false(body.as_bytes()));
    match decode(&resigned) {
        Err(DecodeError::TruncatedValue { path, .. }) => assert_eq!(path.to_string(), "38/01/01"),
        other => panic!("{other:?}"),
    }
}
