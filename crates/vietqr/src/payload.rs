//! The payload as dacsan builds it: who is paid, how much, and the texts the payer's
//! bank shows and passes on. Its builder holds every rule that keeps
//! [`Payload::encode`] total, so an encoded payload always decodes back to itself.

use std::collections::BTreeMap;

use crate::crc::crc_hex;
use crate::spec::{self, additional, beneficiary, napas, top};
use crate::tlv::{MAX_VALUE_LEN, field};
use crate::value::{Beneficiary, Bin, Initiation, Service, ValueError, check_amount, check_text};

/// A VietQR transfer payload (NAPAS 247 QR, vietqr.md): to an account (QRIBFTTA) or a
/// NAPAS card (QRIBFTTC), in đồng, in Viet Nam.
///
/// Fields this crate does not interpret — at the top level or inside 62 — come only
/// from [`decode`](crate::decode) and are written back unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload {
    initiation: Initiation,
    bin: Bin,
    beneficiary: Beneficiary,
    amount_vnd: Option<u64>,
    /// Subfields of 62 by ID, interpreted or not; their encoded size fits in 99 bytes.
    additional: BTreeMap<u8, String>,
    /// Top-level fields this crate does not interpret, by ID.
    other: BTreeMap<u8, String>,
}

impl Payload {
    /// A static payload (01 = `11`): no amount, the payer types it.
    pub fn new(bin: Bin, beneficiary: Beneficiary) -> Self {
        Self {
            initiation: Initiation::Static,
            bin,
            beneficiary,
            amount_vnd: None,
            additional: BTreeMap::new(),
            other: BTreeMap::new(),
        }
    }

    /// Sets the amount (54) and makes the payload dynamic (01 = `12`): a QR with an
    /// amount is for one payment (vietqr.md, field 01).
    pub fn with_amount(mut self, amount_vnd: u64) -> Result<Self, ValueError> {
        self.amount_vnd = Some(check_amount(amount_vnd)?);
        self.initiation = Initiation::Dynamic;
        Ok(self)
    }

    /// Sets the initiation method (01). Static refuses a payload with an amount;
    /// dynamic without an amount is a one-off QR whose amount the payer types.
    pub fn with_initiation(mut self, initiation: Initiation) -> Result<Self, ValueError> {
        if initiation == Initiation::Static && self.amount_vnd.is_some() {
            return Err(ValueError::StaticWithAmount);
        }
        self.initiation = initiation;
        Ok(self)
    }

    /// Sets the bill number (62/01), e.g. dacsan's order code.
    pub fn with_bill_number(self, text: &str) -> Result<Self, ValueError> {
        self.with_additional(additional::BILL_NUMBER, text)
    }

    /// Sets the reference label (62/05).
    pub fn with_reference_label(self, text: &str) -> Result<Self, ValueError> {
        self.with_additional(additional::REFERENCE_LABEL, text)
    }

    /// Sets the terminal label (62/07).
    pub fn with_terminal_label(self, text: &str) -> Result<Self, ValueError> {
        self.with_additional(additional::TERMINAL_LABEL, text)
    }

    /// Sets the purpose (62/08): the transfer content the payer's app pre-fills and the
    /// payee's bank statement shows. ASCII only; fold Vietnamese text with
    /// [`fold_to_ascii`](crate::fold_to_ascii) first.
    pub fn with_purpose(self, text: &str) -> Result<Self, ValueError> {
        self.with_additional(additional::PURPOSE, text)
    }

    /// Sets one text subfield of 62, keeping the whole template within 99 bytes.
    fn with_additional(mut self, id: u8, text: &str) -> Result<Self, ValueError> {
        self.additional.insert(id, check_text(text)?.to_owned());
        let len = template_len(&self.additional);
        if len > MAX_VALUE_LEN {
            return Err(ValueError::AdditionalDataTooLong(len));
        }
        Ok(self)
    }

    /// Keeps a subfield of 62 the decoder read but does not interpret. Its size already
    /// fit in the template it came from.
    pub(crate) fn keep_additional(mut self, id: u8, value: &str) -> Self {
        self.additional.insert(id, value.to_owned());
        self
    }

    /// Keeps a top-level field the decoder read but does not interpret.
    pub(crate) fn keep_other(mut self, id: u8, value: &str) -> Self {
        self.other.insert(id, value.to_owned());
        self
    }

    pub fn initiation(&self) -> Initiation {
        self.initiation
    }

    pub fn bin(&self) -> &Bin {
        &self.bin
    }

    pub fn beneficiary(&self) -> &Beneficiary {
        &self.beneficiary
    }

    pub fn service(&self) -> Service {
        self.beneficiary.service()
    }

    /// The amount in whole đồng, if the payload fixes one.
    pub fn amount_vnd(&self) -> Option<u64> {
        self.amount_vnd
    }

    pub fn bill_number(&self) -> Option<&str> {
        self.additional_text(additional::BILL_NUMBER)
    }

    pub fn reference_label(&self) -> Option<&str> {
        self.additional_text(additional::REFERENCE_LABEL)
    }

    pub fn terminal_label(&self) -> Option<&str> {
        self.additional_text(additional::TERMINAL_LABEL)
    }

    pub fn purpose(&self) -> Option<&str> {
        self.additional_text(additional::PURPOSE)
    }

    fn additional_text(&self, id: u8) -> Option<&str> {
        self.additional.get(&id).map(String::as_str)
    }

    /// Subfields of 62 this crate does not interpret (e.g. 62/03 store label), by ID.
    pub fn other_additional_data(&self) -> impl Iterator<Item = (u8, &str)> {
        self.additional
            .iter()
            .filter(|(id, _)| !is_interpreted_additional(**id))
            .map(|(id, value)| (*id, value.as_str()))
    }

    /// Top-level fields this crate does not interpret (e.g. 59 merchant name), by ID.
    pub fn other_fields(&self) -> impl Iterator<Item = (u8, &str)> {
        self.other.iter().map(|(id, value)| (*id, value.as_str()))
    }

    /// The payload's text, ready to be drawn as a QR code: fields in ascending ID order
    /// (as in NAPAS's examples), then the CRC field 63 over everything before its value
    /// (vietqr.md, "CRC").
    pub fn encode(&self) -> String {
        let mut text: String = self.top_level_fields().iter().map(|(id, value)| field(*id, value)).collect();
        text.push_str(spec::CRC_HEADER);
        let crc = crc_hex(text.as_bytes());
        text + &crc
    }

    /// Every top-level field but the CRC, by ID.
    fn top_level_fields(&self) -> BTreeMap<u8, String> {
        let mut fields = self.other.clone();
        fields.insert(top::PAYLOAD_FORMAT, spec::PAYLOAD_FORMAT.to_owned());
        fields.insert(top::INITIATION, self.initiation.code().to_owned());
        fields.insert(top::NAPAS, self.napas_template());
        fields.insert(top::CURRENCY, spec::CURRENCY_VND.to_owned());
        if let Some(amount) = self.amount_vnd {
            fields.insert(top::AMOUNT, amount.to_string());
        }
        fields.insert(top::COUNTRY, spec::COUNTRY_VN.to_owned());
        if !self.additional.is_empty() {
            let template = self.additional.iter().map(|(id, v)| field(*id, v)).collect();
            fields.insert(top::ADDITIONAL_DATA, template);
        }
        fields
    }

    /// Template 38: GUID, beneficiary (BIN + number), service (vietqr.md, field 38).
    fn napas_template(&self) -> String {
        let beneficiary =
            [field(beneficiary::BIN, self.bin.as_str()), field(beneficiary::NUMBER, self.beneficiary.number())]
                .concat();
        [
            field(napas::GUID, spec::NAPAS_GUID),
            field(napas::BENEFICIARY, &beneficiary),
            field(napas::SERVICE, self.service().code()),
        ]
        .concat()
    }
}

fn is_interpreted_additional(id: u8) -> bool {
    [additional::BILL_NUMBER, additional::REFERENCE_LABEL, additional::TERMINAL_LABEL, additional::PURPOSE]
        .contains(&id)
}

/// Size of a template holding these subfields.
fn template_len(subfields: &BTreeMap<u8, String>) -> usize {
    subfields.values().map(|value| 4 + value.len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::AccountNumber;

    fn acb() -> Payload {
        let account = AccountNumber::parse("257678859").unwrap();
        Payload::new(Bin::parse("970416").unwrap(), Beneficiary::Account(account))
    }

    #[test]
    fn new_is_static_without_amount() {
        let payload = acb();
        assert_eq!(payload.initiation(), Initiation::Static);
        assert_eq!(payload.amount_vnd(), None);
        assert_eq!(payload.service(), Service::ToAccount);
    }

    #[test]
    fn an_amount_makes_it_dynamic() {
        let payload = acb().with_amount(10_000).unwrap();
        assert_eq!(payload.initiation(), Initiation::Dynamic);
        assert_eq!(payload.amount_vnd(), Some(10_000));
        assert_eq!(acb().with_amount(0), Err(ValueError::AmountOutOfRange(0)));
    }

    #[test]
    fn static_refuses_an_amount() {
        let payload = acb().with_amount(10_000).unwrap();
        assert_eq!(payload.with_initiation(Initiation::Static), Err(ValueError::StaticWithAmount));
        let dynamic = acb().with_initiation(Initiation::Dynamic).unwrap();
        assert_eq!(dynamic.amount_vnd(), None);
        assert!(dynamic.encode().starts_with("000201010212"));
    }

    #[test]
    fn texts_go_to_their_subfields() {
        let payload = acb()
            .with_bill_number("NPS6869")
            .and_then(|p| p.with_reference_label("REF1"))
            .and_then(|p| p.with_terminal_label("T01"))
            .and_then(|p| p.with_purpose("DS123"))
            .unwrap();
        assert_eq!(payload.bill_number(), Some("NPS6869"));
        assert_eq!(payload.reference_label(), Some("REF1"));
        assert_eq!(payload.terminal_label(), Some("T01"));
        assert_eq!(payload.purpose(), Some("DS123"));
        assert_eq!(payload.other_additional_data().count(), 0);
        assert!(payload.encode().contains("62350107NPS68690504REF10703T010805DS123"));
    }

    #[test]
    fn a_text_replaces_the_previous_one() {
        let payload = acb().with_purpose("first").unwrap();
        assert_eq!(payload.with_purpose("second").unwrap().purpose(), Some("second"));
    }

    #[test]
    fn field_62_must_fit_in_99_bytes() {
        let full = "x".repeat(25);
        let three = acb()
            .with_bill_number(&full)
            .and_then(|p| p.with_reference_label(&full))
            .and_then(|p| p.with_terminal_label(&full))
            .unwrap();
        // Three full subfields take 87 bytes; a fourth of 8 fits, 9 does not.
        assert!(three.clone().with_purpose(&"y".repeat(8)).is_ok());
        assert_eq!(three.with_purpose(&"y".repeat(9)), Err(ValueError::AdditionalDataTooLong(100)));
    }

    #[test]
    fn refused_text_is_reported() {
        assert_eq!(acb().with_purpose("Chuyển tiền"), Err(ValueError::TextCharacter('ể')));
        assert_eq!(acb().with_bill_number(""), Err(ValueError::TextLength(0)));
    }

    #[test]
    fn encode_ends_with_its_crc() {
        let text = acb().encode();
        let (body, crc) = text.split_at(text.len() - 4);
        assert!(body.ends_with("6304"));
        assert_eq!(crc, crc_hex(body.as_bytes()));
    }
}
