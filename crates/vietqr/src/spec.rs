//! The field IDs and fixed values of a VietQR payload, as the NAPAS table in vietqr.md
//! lists them. Nothing else in the crate spells an ID or a fixed value as a literal.

/// IDs of the top-level fields.
pub(crate) mod top {
    /// 00: payload format indicator.
    pub(crate) const PAYLOAD_FORMAT: u8 = 0;
    /// 01: point of initiation method, static or dynamic.
    pub(crate) const INITIATION: u8 = 1;
    /// 38: NAPAS's merchant account information template.
    pub(crate) const NAPAS: u8 = 38;
    /// 53: transaction currency.
    pub(crate) const CURRENCY: u8 = 53;
    /// 54: transaction amount.
    pub(crate) const AMOUNT: u8 = 54;
    /// 58: country code.
    pub(crate) const COUNTRY: u8 = 58;
    /// 62: additional data template.
    pub(crate) const ADDITIONAL_DATA: u8 = 62;
    /// 63: CRC.
    pub(crate) const CRC: u8 = 63;
}

/// IDs inside template 38.
pub(crate) mod napas {
    /// 38/00: globally unique identifier of the scheme.
    pub(crate) const GUID: u8 = 0;
    /// 38/01: beneficiary organisation template.
    pub(crate) const BENEFICIARY: u8 = 1;
    /// 38/02: service code.
    pub(crate) const SERVICE: u8 = 2;
}

/// IDs inside template 38/01.
pub(crate) mod beneficiary {
    /// 38/01/00: acquirer, the bank's BIN.
    pub(crate) const BIN: u8 = 0;
    /// 38/01/01: account or card number.
    pub(crate) const NUMBER: u8 = 1;
}

/// IDs inside template 62 that this crate interprets; others are kept as they are.
pub(crate) mod additional {
    /// 62/01: bill number.
    pub(crate) const BILL_NUMBER: u8 = 1;
    /// 62/05: reference label.
    pub(crate) const REFERENCE_LABEL: u8 = 5;
    /// 62/07: terminal label.
    pub(crate) const TERMINAL_LABEL: u8 = 7;
    /// 62/08: purpose of transaction, the transfer content.
    pub(crate) const PURPOSE: u8 = 8;
}

/// 00: the only payload format there is.
pub(crate) const PAYLOAD_FORMAT: &str = "01";
/// 38/00: NAPAS's GUID.
pub(crate) const NAPAS_GUID: &str = "A000000727";
/// 53: ISO 4217 numeric code of the Vietnamese đồng.
pub(crate) const CURRENCY_VND: &str = "704";
/// 58: ISO 3166-1 alpha-2 code of Viet Nam.
pub(crate) const COUNTRY_VN: &str = "VN";
/// 63 with its length: the checksum covers the payload up to and including this.
pub(crate) const CRC_HEADER: &str = "6304";
