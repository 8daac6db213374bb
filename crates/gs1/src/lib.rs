//! GS1 identifiers for dacsan, with no IO: GTIN, GLN and SSCC with their check
//! digits ([`Gtin`], [`Gln`], [`Sscc`], [`check_digit`]), the company prefix SSCCs are
//! numbered under ([`CompanyPrefix`]), batch/lot and serial numbers ([`Lot`],
//! [`Serial`]), GS1 Digital Link URIs for trade items ([`DigitalLink`]) and the
//! EPCIS 2.0 events and documents with their vocabularies and identifiers ([`epcis`]).
//!
//! Everything is parsed once, at the edge, into these types; past that point no
//! raw string stands for a GS1 key.
//!
//! ```
//! use gs1::{DigitalLink, Gtin, Lot, ID_GS1_ORG};
//!
//! let gtin = Gtin::parse("8934563138165").unwrap();
//! assert!(gtin.is_vietnam());
//! let link = DigitalLink { gtin, lot: Some(Lot::parse("VAI-2025").unwrap()), serial: None };
//! let uri = link.to_uri(ID_GS1_ORG);
//! assert_eq!(uri, "https://id.gs1.org/01/08934563138165/10/VAI-2025");
//! assert_eq!(DigitalLink::parse_uri(&uri), Ok(link));
//! ```

mod ai82;
mod company_prefix;
mod digital_link;
pub mod epcis;
mod gln;
mod gtin;
mod key;
mod serde_str;
mod sscc;

pub use ai82::{AiValueError, Lot, Serial, is_ai82};
pub use company_prefix::CompanyPrefix;
pub use digital_link::{DigitalLink, DigitalLinkError, ID_GS1_ORG};
pub use gln::Gln;
pub use gtin::Gtin;
pub use key::{KeyError, check_digit};
pub use sscc::Sscc;
