//! Building payload texts field by field, valid or not, and a small deterministic
//! random source for the property tests.

use vietqr::{DecodeError, FieldPath, ValueError, crc16_ccitt_false};

/// One TLV field, its length counted in bytes.
pub fn tlv(id: u8, value: &str) -> String {
    format!("{id:02}{:02}{value}", value.len())
}

/// Fields in the given order, then `6304` and the right CRC.
pub fn with_crc(fields: &[String]) -> String {
    let mut text = fields.concat();
    text.push_str("6304");
    let crc = crc16_ccitt_false(text.as_bytes());
    format!("{text}{crc:04X}")
}

/// Template 38 for `bin` and `number` with `service`.
pub fn napas(bin: &str, number: &str, service: &str) -> String {
    let beneficiary = tlv(0, bin) + &tlv(1, number);
    tlv(38, &(tlv(0, "A000000727") + &tlv(1, &beneficiary) + &tlv(2, service)))
}

/// The fields of the static ACB example, without the CRC; tests swap one at a time.
pub fn acb_fields() -> Vec<String> {
    vec![tlv(0, "01"), tlv(1, "11"), napas("970416", "257678859", "QRIBFTTA"), tlv(53, "704"), tlv(58, "VN")]
}

/// The ACB static example with field `index` replaced.
pub fn acb_with(index: usize, field: String) -> String {
    let mut fields = acb_fields();
    fields[index] = field;
    with_crc(&fields)
}

/// The ACB static example with `extra` fields inserted before the CRC.
pub fn acb_plus(extra: &[String]) -> String {
    let mut fields = acb_fields();
    fields.extend_from_slice(extra);
    with_crc(&fields)
}

pub fn invalid(printed: &str, source: ValueError) -> DecodeError {
    DecodeError::Invalid { path: path(printed), source }
}

pub fn wrong(printed: &str, expected: &'static str, found: &str) -> DecodeError {
    DecodeError::WrongValue { path: path(printed), expected, found: found.into() }
}

/// SplitMix64: enough randomness for property loops, the same on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `range`.
    pub fn between(&mut self, range: std::ops::RangeInclusive<u64>) -> u64 {
        let span = range.end() - range.start() + 1;
        range.start() + self.next_u64() % span
    }

    pub fn index(&mut self, len: usize) -> usize {
        usize::try_from(self.next_u64() % len as u64).expect("index fits in usize")
    }

    pub fn chance(&mut self, one_in: u64) -> bool {
        self.next_u64().is_multiple_of(one_in)
    }

    /// `len` characters picked from `alphabet`.
    pub fn string(&mut self, alphabet: &[char], len: usize) -> String {
        (0..len).map(|_| alphabet[self.index(alphabet.len())]).collect()
    }
}

pub const DIGITS: &[char] = &['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/// Printable ASCII, what field-62 texts take.
pub fn printable() -> Vec<char> {
    (' '..='~').collect()
}

/// ASCII letters and digits, what account numbers take.
pub fn alphanumeric() -> Vec<char> {
    ('0'..='9').chain('A'..='Z').chain('a'..='z').collect()
}

/// A path from its printed form, e.g. `38/01/01`; `""` is the payload itself.
pub fn path(printed: &str) -> FieldPath {
    let ids: Vec<u8> = printed.split('/').filter(|id| !id.is_empty()).map(|id| id.parse().unwrap()).collect();
    FieldPath::new(&ids)
}
