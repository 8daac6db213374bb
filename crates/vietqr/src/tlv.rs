//! The TLV layer shared by the payload and its templates (38, 38/01, 62): every field is
//! an ID (2 digits), a length (2 digits) and a value. Reading says where a field breaks;
//! writing is the encoder's only way to put a field on the wire.

use std::fmt;

use crate::DecodeError;

/// The longest value a field can carry: the length is two decimal digits.
pub const MAX_VALUE_LEN: usize = 99;

/// Bytes in a field's header: ID (2 digits) + length (2 digits).
const HEADER_LEN: usize = 4;

/// Where a field sits: its ID after the IDs of the templates around it, written the way
/// the NAPAS tables write it, e.g. `38/01/01` for the account number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct FieldPath(Vec<u8>);

impl FieldPath {
    /// The path through these IDs, outermost first: `FieldPath::new(&[38, 1, 1])` is
    /// `38/01/01`. IDs are two digits, so each is at most 99.
    pub fn new(ids: &[u8]) -> Self {
        debug_assert!(ids.iter().all(|id| *id <= 99), "field IDs are two digits");
        Self(ids.to_vec())
    }

    /// The payload itself, around the top-level fields.
    pub(crate) fn top() -> Self {
        Self::default()
    }

    /// The path of field `id` inside this one.
    pub(crate) fn child(&self, id: u8) -> Self {
        let mut ids = self.0.clone();
        ids.push(id);
        Self(ids)
    }

    /// The IDs from the outermost template down to the field, e.g. `[38, 1, 1]`.
    pub fn ids(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("the payload");
        }
        for (i, id) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("/")?;
            }
            write!(f, "{id:02}")?;
        }
        Ok(())
    }
}

/// One field as read from the text, before its value means anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawField<'a> {
    pub(crate) id: u8,
    pub(crate) path: FieldPath,
    /// Byte offset of the field's ID in the whole payload.
    pub(crate) offset: usize,
    pub(crate) value: &'a str,
}

impl<'a> RawField<'a> {
    /// Byte offset of the value in the whole payload.
    fn value_offset(&self) -> usize {
        self.offset + HEADER_LEN
    }

    /// Reads this field's value as a template of fields.
    pub(crate) fn subfields(&self) -> Result<Vec<RawField<'a>>, DecodeError> {
        read_fields(self.value, self.value_offset(), &self.path)
    }
}

/// Splits `text` (the payload or a template's value, starting at byte `base` of the
/// payload) into fields. Lengths count bytes (vietqr.md), so a length that ends inside a
/// multi-byte character is refused rather than sliced. An ID seen twice is refused: the
/// EMVCo data objects of one template are unique.
pub(crate) fn read_fields<'a>(
    text: &'a str,
    base: usize,
    parent: &FieldPath,
) -> Result<Vec<RawField<'a>>, DecodeError> {
    let mut fields: Vec<RawField<'a>> = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let field = read_field(text, pos, base, parent, fields.last())?;
        if fields.iter().any(|seen| seen.id == field.id) {
            return Err(DecodeError::Duplicate { path: field.path, offset: field.offset });
        }
        pos = field.offset - base + HEADER_LEN + field.value.len();
        fields.push(field);
    }
    Ok(fields)
}

/// Reads the field whose header starts at `pos` of `text`.
fn read_field<'a>(
    text: &'a str,
    pos: usize,
    base: usize,
    parent: &FieldPath,
    previous: Option<&RawField<'_>>,
) -> Result<RawField<'a>, DecodeError> {
    let bytes = text.as_bytes();
    let offset = base + pos;
    let available = bytes.len() - pos;
    if available < HEADER_LEN {
        return Err(DecodeError::TruncatedHeader {
            parent: parent.clone(),
            offset,
            available,
            after: previous.map(|field| field.path.clone()),
        });
    }
    let id = two_digits(&bytes[pos..pos + 2]).ok_or_else(|| DecodeError::BadId {
        parent: parent.clone(),
        offset,
        found: String::from_utf8_lossy(&bytes[pos..pos + 2]).into_owned(),
    })?;
    let path = parent.child(id);
    let declared = two_digits(&bytes[pos + 2..pos + 4]).ok_or_else(|| DecodeError::BadLength {
        path: path.clone(),
        offset,
        found: String::from_utf8_lossy(&bytes[pos + 2..pos + 4]).into_owned(),
    })?;
    let start = pos + HEADER_LEN;
    let declared = usize::from(declared);
    if declared > bytes.len() - start {
        return Err(DecodeError::TruncatedValue { path, offset, declared, available: bytes.len() - start });
    }
    let value =
        text.get(start..start + declared).ok_or_else(|| DecodeError::SplitCharacter { path: path.clone(), offset })?;
    Ok(RawField { id, path, offset, value })
}

/// Two ASCII digits as a number, or `None`.
fn two_digits(pair: &[u8]) -> Option<u8> {
    match pair {
        [tens @ b'0'..=b'9', units @ b'0'..=b'9'] => Some((tens - b'0') * 10 + (units - b'0')),
        _ => None,
    }
}

/// One field on the wire. Callers hold the invariants that make this total: `id` is at
/// most 99 and `value` at most [`MAX_VALUE_LEN`] bytes.
pub(crate) fn field(id: u8, value: &str) -> String {
    debug_assert!(id <= 99, "field ID {id} has more than two digits");
    debug_assert!(value.len() <= MAX_VALUE_LEN, "field {id} is too long");
    format!("{id:02}{:02}{value}", value.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(text: &str) -> Result<Vec<(u8, &str)>, DecodeError> {
        let fields = read_fields(text, 0, &FieldPath::top())?;
        Ok(fields.iter().map(|f| (f.id, f.value)).collect())
    }

    #[test]
    fn paths_print_as_the_napas_tables_do() {
        let path = FieldPath::top().child(38).child(1).child(1);
        assert_eq!(path.to_string(), "38/01/01");
        assert_eq!(path.ids(), [38, 1, 1]);
        assert_eq!(FieldPath::top().to_string(), "the payload");
    }

    #[test]
    fn reads_fields_in_order() {
        assert_eq!(top("000201010212").unwrap(), [(0, "01"), (1, "12")]);
        assert_eq!(top("").unwrap(), []);
    }

    #[test]
    fn zero_and_ninety_nine_byte_values() {
        let long = "x".repeat(99);
        assert_eq!(top("5900").unwrap(), [(59, "")]);
        assert_eq!(top(&format!("5999{long}")).unwrap(), [(59, long.as_str())]);
    }

    #[test]
    fn lengths_count_bytes_not_characters() {
        // "Cửa hàng" is 8 characters but 11 bytes in UTF-8.
        assert_eq!(top("5911Cửa hàng").unwrap(), [(59, "Cửa hàng")]);
        // Counting characters, 8 bytes would end inside the "à" (bytes 7..9).
        assert_eq!(
            top("5908Cửa hàng"),
            Err(DecodeError::SplitCharacter { path: FieldPath::top().child(59), offset: 0 })
        );
    }

    #[test]
    fn offsets_are_absolute_in_nested_templates() {
        let fields = read_fields("0002ab0102cd", 20, &FieldPath::top().child(62)).unwrap();
        assert_eq!(fields[1].offset, 26);
        assert_eq!(fields[1].path.to_string(), "62/01");
        let error = fields[1].subfields().unwrap_err();
        assert!(error.to_string().contains("byte 30"), "{error}");
    }

    #[test]
    fn refuses_a_short_header_naming_the_field_before() {
        assert_eq!(
            top("00020101"),
            Err(DecodeError::TruncatedHeader {
                parent: FieldPath::top(),
                offset: 6,
                available: 2,
                after: Some(FieldPath::top().child(0)),
            })
        );
    }

    #[test]
    fn refuses_a_value_past_the_end() {
        assert_eq!(
            top("00020105411234"),
            Err(DecodeError::TruncatedValue { path: FieldPath::top().child(5), offset: 6, declared: 41, available: 4 })
        );
    }

    #[test]
    fn refuses_non_digit_ids_and_lengths() {
        assert!(matches!(
            top("0002010A0212"),
            Err(DecodeError::BadId { offset: 6, ref found, .. }) if found == "0A"
        ));
        assert!(matches!(
            top("00020101 212"),
            Err(DecodeError::BadLength { offset: 6, ref found, .. }) if found == " 2"
        ));
        assert!(matches!(
            top("00-2010212"),
            Err(DecodeError::BadLength { offset: 0, ref found, .. }) if found == "-2"
        ));
    }

    #[test]
    fn refuses_a_multibyte_character_in_a_header() {
        // "đ" is two bytes, so it fills the ID exactly but is no digit.
        assert!(matches!(top("đ02ab"), Err(DecodeError::BadId { offset: 0, .. })));
        // Here the length's second byte is the first half of "đ".
        assert!(matches!(top("590đ"), Err(DecodeError::BadLength { offset: 0, .. })));
    }

    #[test]
    fn refuses_a_repeated_id() {
        assert_eq!(top("000201000201"), Err(DecodeError::Duplicate { path: FieldPath::top().child(0), offset: 6 }));
    }

    #[test]
    fn writes_two_digit_id_and_byte_length() {
        assert_eq!(field(1, "12"), "010212");
        assert_eq!(field(62, ""), "6200");
        assert_eq!(field(8, "Chuyen tien"), "0811Chuyen tien");
    }
}
