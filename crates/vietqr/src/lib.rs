//! VietQR: the EMVCo merchant-presented QR payload as NAPAS uses it for transfers to a
//! bank account or a NAPAS card (the NAPAS 247 QR, summarised in
//! `crates/vietqr/SPEC.md`). This crate owns the payload's text: building it from
//! validated values ([`Payload`]), writing it ([`Payload::encode`]), reading it back
//! ([`decode`]) and its checksum ([`crc16_ccitt_false`]), plus folding Vietnamese to
//! the ASCII a transfer content needs ([`fold_to_ascii`]). It does no IO and knows no
//! bank list; drawing the QR image is someone else's job.
//!
//! ```
//! use vietqr::{AccountNumber, Beneficiary, Bin, Payload, decode, fold_to_ascii};
//!
//! let account = AccountNumber::parse("257678859")?;
//! let payload = Payload::new(Bin::parse("970416")?, Beneficiary::Account(account))
//!     .with_amount(10_000)?
//!     .with_purpose(&fold_to_ascii("Chuyển tiền"))?;
//! let text = payload.encode();
//! assert_eq!(
//!     text,
//!     "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA\
//!      53037045405100005802VN62150811Chuyen tien630453E6"
//! );
//! assert_eq!(decode(&text)?, payload);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod crc;
mod decode;
mod fold;
mod payload;
mod spec;
mod tlv;
mod value;

pub use crc::crc16_ccitt_false;
pub use decode::{DecodeError, decode};
pub use fold::fold_to_ascii;
pub use payload::Payload;
pub use tlv::{FieldPath, MAX_VALUE_LEN};
pub use value::{
    AccountNumber, Beneficiary, Bin, CardNumber, Initiation, MAX_ACCOUNT_LEN, MAX_AMOUNT_VND, MAX_TEXT_LEN, Service,
    ValueError,
};
