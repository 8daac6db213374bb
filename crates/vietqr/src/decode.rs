//! Reading a VietQR payload back: checksum, then the TLV frame, then each field NAPAS
//! names (vietqr.md). Every refusal says what was wrong and where — the field's path
//! and, when it has one, the byte offset of its ID.

use crate::crc::crc16_ccitt_false;
use crate::payload::Payload;
use crate::spec::{self, additional, beneficiary, napas, top};
use crate::tlv::{FieldPath, RawField, read_fields};
use crate::value::{AccountNumber, Beneficiary, Bin, CardNumber, Initiation, Service, ValueError, parse_amount};

/// Why a text is not a VietQR payload this crate accepts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The text is damaged or was altered: the checksum does not match.
    #[error("CRC mismatch: field 63 says {stated:04X}, the payload computes to {computed:04X}")]
    CrcMismatch { stated: u16, computed: u16 },
    #[error("field 63 (CRC) must be 4 uppercase hex digits, found {found:?}")]
    CrcFormat { found: String },
    #[error("{parent}: the field ID at byte {offset} must be 2 digits, found {found:?}")]
    BadId { parent: FieldPath, offset: usize, found: String },
    #[error("field {path} at byte {offset}: the length must be 2 digits, found {found:?}")]
    BadLength { path: FieldPath, offset: usize, found: String },
    /// Bytes left over that cannot hold a field header; usually a length before them,
    /// in the field named by `after`, is wrong.
    #[error("{parent}: {available} byte(s) left at byte {offset}, too few for a field{note}", note = after_note(.after.as_ref()))]
    TruncatedHeader { parent: FieldPath, offset: usize, available: usize, after: Option<FieldPath> },
    #[error("field {path} at byte {offset} declares {declared} bytes but only {available} follow")]
    TruncatedValue { path: FieldPath, offset: usize, declared: usize, available: usize },
    /// Lengths count bytes (vietqr.md); one that counted characters ends mid-character.
    #[error("field {path} at byte {offset}: its length ends inside a multi-byte character (lengths count bytes)")]
    SplitCharacter { path: FieldPath, offset: usize },
    #[error("field {path} at byte {offset} appears twice")]
    Duplicate { path: FieldPath, offset: usize },
    #[error("field {path} at byte {offset} is out of place: {rule}")]
    OutOfPlace { path: FieldPath, offset: usize, rule: &'static str },
    #[error("field {path} at byte {offset} has no meaning in this template")]
    Unexpected { path: FieldPath, offset: usize },
    #[error("field {path} is missing")]
    Missing { path: FieldPath },
    /// Another scheme's QR (e.g. a card network's or an e-wallet's own).
    #[error("field 38/00: GUID {found:?} is not NAPAS's A000000727, so this is no VietQR transfer")]
    WrongGuid { found: String },
    #[error("field {path}: expected {expected}, found {found:?}")]
    WrongValue { path: FieldPath, expected: &'static str, found: String },
    #[error("field {path}: {source}")]
    Invalid {
        path: FieldPath,
        #[source]
        source: ValueError,
    },
}

impl DecodeError {
    /// The field the error is about, or the template around it for the errors that
    /// could not read a field's ID; `None` for a CRC mismatch, which is about the text.
    pub fn path(&self) -> Option<FieldPath> {
        match self {
            Self::CrcMismatch { .. } => None,
            Self::CrcFormat { .. } => Some(FieldPath::new(&[top::CRC])),
            Self::WrongGuid { .. } => Some(FieldPath::new(&[top::NAPAS, napas::GUID])),
            Self::BadId { parent, .. } | Self::TruncatedHeader { parent, .. } => Some(parent.clone()),
            Self::BadLength { path, .. }
            | Self::TruncatedValue { path, .. }
            | Self::SplitCharacter { path, .. }
            | Self::Duplicate { path, .. }
            | Self::OutOfPlace { path, .. }
            | Self::Unexpected { path, .. }
            | Self::Missing { path }
            | Self::WrongValue { path, .. }
            | Self::Invalid { path, .. } => Some(path.clone()),
        }
    }
}

fn after_note(after: Option<&FieldPath>) -> String {
    after.map_or_else(String::new, |path| format!(" (after field {path}: is its length right?)"))
}

/// Reads a VietQR payload: checks the CRC (63), the TLV structure at every level, the
/// fixed values (00 = `01`, 38/00 = NAPAS's GUID, 53 = `704`, 58 = `VN`) and that
/// every mandatory field is there, then parses each value into its type.
///
/// Lengths count bytes, as vietqr.md says. Fields this crate does not interpret, at the
/// top level or inside 62, are kept and written back by [`Payload::encode`]; inside
/// 38 nothing but 00, 01 and 02 is allowed.
pub fn decode(text: &str) -> Result<Payload, DecodeError> {
    verify_crc(text)?;
    let mut fields = Fields::top(text)?;
    fields.check_frame()?;
    expect(&fields.require(top::PAYLOAD_FORMAT)?, spec::PAYLOAD_FORMAT)?;
    let initiation = fields.require(top::INITIATION)?;
    let (bin, beneficiary) = napas_template(&fields.require(top::NAPAS)?)?;
    expect(&fields.require(top::CURRENCY)?, spec::CURRENCY_VND)?;
    expect(&fields.require(top::COUNTRY)?, spec::COUNTRY_VN)?;
    fields.require(top::CRC)?;

    let payload = Payload::new(bin, beneficiary);
    let mut payload = amount_and_initiation(payload, fields.take(top::AMOUNT), &initiation)?;
    if let Some(template) = fields.take(top::ADDITIONAL_DATA) {
        payload = additional_data(payload, &template)?;
    }
    Ok(fields.into_rest().into_iter().fold(payload, |payload, other| payload.keep_other(other.id, other.value)))
}

/// Fields 54 and 01 (vietqr.md): an amount makes the payload dynamic, so a static
/// payload with an amount is refused, at the amount.
fn amount_and_initiation(
    payload: Payload,
    amount: Option<RawField<'_>>,
    initiation: &RawField<'_>,
) -> Result<Payload, DecodeError> {
    let method = Initiation::from_code(initiation.value)
        .ok_or_else(|| wrong_value(initiation, "11 (static) or 12 (dynamic)"))?;
    let Some(amount) = amount else {
        return payload.with_initiation(method).map_err(|e| invalid(initiation, e));
    };
    let amount_vnd = parse_amount(amount.value).map_err(|e| invalid(&amount, e))?;
    payload.with_amount(amount_vnd).and_then(|payload| payload.with_initiation(method)).map_err(|e| invalid(&amount, e))
}

/// Checks the CRC when the text ends like a payload (`6304` + 4 characters). A text
/// that does not is left to the structural checks, which say where it breaks.
fn verify_crc(text: &str) -> Result<(), DecodeError> {
    let bytes = text.as_bytes();
    let Some(body_len) = bytes.len().checked_sub(4) else {
        return Ok(());
    };
    let (body, stated) = bytes.split_at(body_len);
    if !body.ends_with(spec::CRC_HEADER.as_bytes()) {
        return Ok(());
    }
    let stated = parse_crc(stated)
        .ok_or_else(|| DecodeError::CrcFormat { found: String::from_utf8_lossy(stated).into_owned() })?;
    let computed = crc16_ccitt_false(body);
    if stated == computed { Ok(()) } else { Err(DecodeError::CrcMismatch { stated, computed }) }
}

fn is_crc(value: &str) -> bool {
    value.len() == 4 && parse_crc(value.as_bytes()).is_some()
}

/// Four uppercase hex digits as a number (vietqr.md: "4 uppercase hex digits").
fn parse_crc(digits: &[u8]) -> Option<u16> {
    digits.iter().try_fold(0u16, |crc, &digit| {
        let nibble = match digit {
            b'0'..=b'9' => digit - b'0',
            b'A'..=b'F' => digit - b'A' + 10,
            _ => return None,
        };
        Some((crc << 4) | u16::from(nibble))
    })
}

/// Template 38: the GUID, the beneficiary (BIN + number) and the service code, which
/// decides whether the number is an account or a card (vietqr.md, field 38).
fn napas_template(template: &RawField<'_>) -> Result<(Bin, Beneficiary), DecodeError> {
    let mut fields = Fields::inside(template)?;
    let guid = fields.require(napas::GUID)?;
    if guid.value != spec::NAPAS_GUID {
        return Err(DecodeError::WrongGuid { found: guid.value.to_owned() });
    }
    let beneficiary_template = fields.require(napas::BENEFICIARY)?;
    let service_field = fields.require(napas::SERVICE)?;
    fields.refuse_rest()?;

    let service = Service::from_code(service_field.value)
        .ok_or_else(|| wrong_value(&service_field, "QRIBFTTA (account) or QRIBFTTC (card)"))?;
    let mut fields = Fields::inside(&beneficiary_template)?;
    let bin = fields.require(beneficiary::BIN)?;
    let number = fields.require(beneficiary::NUMBER)?;
    fields.refuse_rest()?;

    let bin = Bin::parse(bin.value).map_err(|e| invalid(&bin, e))?;
    let beneficiary = match service {
        Service::ToAccount => AccountNumber::parse(number.value).map(Beneficiary::Account),
        Service::ToCard => CardNumber::parse(number.value).map(Beneficiary::Card),
    }
    .map_err(|e| invalid(&number, e))?;
    Ok((bin, beneficiary))
}

/// Template 62: the texts this crate interprets are checked; other subfields are kept.
fn additional_data(payload: Payload, template: &RawField<'_>) -> Result<Payload, DecodeError> {
    let subfields = template.subfields()?;
    if subfields.is_empty() {
        return Err(wrong_value(template, "at least one subfield"));
    }
    subfields.iter().try_fold(payload, |payload, sub| {
        let with_text = match sub.id {
            additional::BILL_NUMBER => Payload::with_bill_number,
            additional::REFERENCE_LABEL => Payload::with_reference_label,
            additional::TERMINAL_LABEL => Payload::with_terminal_label,
            additional::PURPOSE => Payload::with_purpose,
            _ => return Ok(payload.keep_additional(sub.id, sub.value)),
        };
        with_text(payload, sub.value).map_err(|e| invalid(sub, e))
    })
}

/// The fields of one template, taken out one by one as they are interpreted.
struct Fields<'a> {
    fields: Vec<RawField<'a>>,
    parent: FieldPath,
}

impl<'a> Fields<'a> {
    /// The top-level fields of `text`.
    fn top(text: &'a str) -> Result<Self, DecodeError> {
        let fields = read_fields(text, 0, &FieldPath::top())?;
        Ok(Self { fields, parent: FieldPath::top() })
    }

    /// The subfields of `template`.
    fn inside(template: &RawField<'a>) -> Result<Self, DecodeError> {
        Ok(Self { fields: template.subfields()?, parent: template.path.clone() })
    }

    /// EMVCo's frame: the payload format indicator comes first, the CRC last, and the
    /// CRC is 4 uppercase hex digits.
    fn check_frame(&self) -> Result<(), DecodeError> {
        let (first, last) = (self.fields.first(), self.fields.last());
        self.check_place(top::PAYLOAD_FORMAT, first, "00 must be the first field")?;
        self.check_place(top::CRC, last, "63 (CRC) must be the last field")?;
        match last {
            Some(crc) if crc.id == top::CRC && !is_crc(crc.value) => {
                Err(DecodeError::CrcFormat { found: crc.value.to_owned() })
            }
            _ => Ok(()),
        }
    }

    /// Refuses field `id` if it is present anywhere but at `place`.
    fn check_place(&self, id: u8, place: Option<&RawField<'_>>, rule: &'static str) -> Result<(), DecodeError> {
        match self.fields.iter().find(|field| field.id == id) {
            Some(field) if place.is_none_or(|place| place.offset != field.offset) => {
                Err(DecodeError::OutOfPlace { path: field.path.clone(), offset: field.offset, rule })
            }
            _ => Ok(()),
        }
    }

    fn take(&mut self, id: u8) -> Option<RawField<'a>> {
        let index = self.fields.iter().position(|field| field.id == id)?;
        Some(self.fields.remove(index))
    }

    fn require(&mut self, id: u8) -> Result<RawField<'a>, DecodeError> {
        self.take(id).ok_or_else(|| DecodeError::Missing { path: self.parent.child(id) })
    }

    /// Refuses whatever was not taken: the template allows nothing else.
    fn refuse_rest(self) -> Result<(), DecodeError> {
        match self.fields.into_iter().next() {
            Some(field) => Err(DecodeError::Unexpected { path: field.path, offset: field.offset }),
            None => Ok(()),
        }
    }

    fn into_rest(self) -> Vec<RawField<'a>> {
        self.fields
    }
}

fn expect(field: &RawField<'_>, expected: &'static str) -> Result<(), DecodeError> {
    if field.value == expected { Ok(()) } else { Err(wrong_value(field, expected)) }
}

fn wrong_value(field: &RawField<'_>, expected: &'static str) -> DecodeError {
    DecodeError::WrongValue { path: field.path.clone(), expected, found: field.value.to_owned() }
}

fn invalid(field: &RawField<'_>, source: ValueError) -> DecodeError {
    DecodeError::Invalid { path: field.path.clone(), source }
}
