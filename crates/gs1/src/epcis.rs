//! EPCIS 2.0 JSON-LD for dacsan: the closed vocabularies an event uses
//! ([`EventType`], [`Action`], [`BizStep`], [`Disposition`]), the identifiers it
//! carries (EPCs, EPC classes, locations and parties) written as GS1 Digital Link
//! URIs, and the events and documents themselves ([`Event`], [`Document`]), built
//! for an export and read back from a capture ([`events_from_capture`]).
//!
//! The vocabulary values are the enum lists of the official EPCIS 2.0 JSON schema
//! (`EPCIS-JSON-Schema.json`, from GS1's EPCIS repository): CBV 2.0 values are
//! written as bare words such as `"shipping"`, not as URNs. A test checks every list
//! here against a copy of that schema, and another validates exported documents
//! against it.
//!
//! Identifiers are GS1 Digital Link URIs, which EPCIS 2.0 accepts wherever an EPC
//! URI is expected, in their constrained form: 14-digit GTIN, only the AIs of the
//! identifier, no query string. An EPC URN (`urn:epc:id:sgtin:…`) would need the
//! length of the GS1 Company Prefix inside the GTIN, which a GTIN does not reveal.

mod capture;
mod document;
mod event;
mod syntax;

use std::fmt;
use std::str::FromStr;

use crate::ai82::{Lot, Serial};
use crate::digital_link::DigitalLink;
use crate::gln::Gln;
use crate::gtin::Gtin;

pub use capture::CaptureError;
pub use document::{Document, events_from_capture};
pub use event::{
    AggregationEvent, BizTransaction, Common, Destination, ErrorDeclaration, Event, ObjectEvent, QuantityElement,
    Source, TransformationEvent,
};

/// The JSON-LD context every EPCIS 2.0 document names in `@context`.
pub const CONTEXT: &str = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

/// The `schemaVersion` of an EPCIS 2.0 document.
pub const SCHEMA_VERSION: &str = "2.0";

/// A string that is not a value of the vocabulary it was parsed as.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not an EPCIS 2.0 {vocabulary}")]
pub struct UnknownValue {
    /// Which vocabulary, e.g. "business step".
    pub vocabulary: &'static str,
    /// The string given.
    pub value: String,
}

/// Declares a closed vocabulary: the enum, `ALL`, `as_str`, `Display`, `FromStr`
/// and serde as the bare string.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal {
            $($variant:ident = $value:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $(
                #[doc = concat!("`\"", $value, "\"`")]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in the order of the schema's list.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The value as written in EPCIS 2.0 JSON.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $value,)+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| UnknownValue {
                        vocabulary: $what,
                        value: s.to_owned(),
                    })
            }
        }

        crate::serde_str::via_display_and_from_str!($name);
    };
}

vocabulary! {
    /// The `type` of an event (EPCIS 2.0 JSON schema, the event definitions).
    EventType, "event type" {
        ObjectEvent = "ObjectEvent",
        AggregationEvent = "AggregationEvent",
        TransactionEvent = "TransactionEvent",
        TransformationEvent = "TransformationEvent",
        AssociationEvent = "AssociationEvent",
    }
}

vocabulary! {
    /// The `action` of an object, aggregation, transaction or association event
    /// (EPCIS 2.0 JSON schema, `definitions/action`). A transformation event has
    /// none.
    Action, "action" {
        Observe = "OBSERVE",
        Add = "ADD",
        Delete = "DELETE",
    }
}

vocabulary! {
    /// CBV 2.0 business steps, the `bizStep` of an event (EPCIS 2.0 JSON schema,
    /// `definitions/bizStep`). `commissioning` gives new objects their
    /// identifiers and `creating_class_instance` marks producing a lot or batch;
    /// CBV 2.0 has neither `harvesting` nor `transforming`.
    BizStep, "business step" {
        Accepting = "accepting",
        Arriving = "arriving",
        Assembling = "assembling",
        Collecting = "collecting",
        Commissioning = "commissioning",
        Consigning = "consigning",
        CreatingClassInstance = "creating_class_instance",
        CycleCounting = "cycle_counting",
        Decommissioning = "decommissioning",
        Departing = "departing",
        Destroying = "destroying",
        Disassembling = "disassembling",
        Dispensing = "dispensing",
        Encoding = "encoding",
        EnteringExiting = "entering_exiting",
        Holding = "holding",
        Inspecting = "inspecting",
        Installing = "installing",
        Killing = "killing",
        Loading = "loading",
        Other = "other",
        Packing = "packing",
        Picking = "picking",
        Receiving = "receiving",
        Removing = "removing",
        Repackaging = "repackaging",
        Repairing = "repairing",
        Replacing = "replacing",
        Reserving = "reserving",
        RetailSelling = "retail_selling",
        Shipping = "shipping",
        StagingOutbound = "staging_outbound",
        StockTaking = "stock_taking",
        Stocking = "stocking",
        Storing = "storing",
        Transporting = "transporting",
        Unloading = "unloading",
        Unpacking = "unpacking",
        VoidShipping = "void_shipping",
        SensorReporting = "sensor_reporting",
        Sampling = "sampling",
    }
}

vocabulary! {
    /// CBV 2.0 dispositions, the `disposition` of an event (EPCIS 2.0 JSON schema,
    /// `definitions/disposition`).
    Disposition, "disposition" {
        Active = "active",
        ContainerClosed = "container_closed",
        Damaged = "damaged",
        Destroyed = "destroyed",
        Dispensed = "dispensed",
        Disposed = "disposed",
        Encoded = "encoded",
        Expired = "expired",
        InProgress = "in_progress",
        InTransit = "in_transit",
        Inactive = "inactive",
        NoPedigreeMatch = "no_pedigree_match",
        NonSellableOther = "non_sellable_other",
        PartiallyDispensed = "partially_dispensed",
        Recalled = "recalled",
        Reserved = "reserved",
        RetailSold = "retail_sold",
        Returned = "returned",
        SellableAccessible = "sellable_accessible",
        SellableNotAccessible = "sellable_not_accessible",
        Stolen = "stolen",
        Unknown = "unknown",
        Available = "available",
        CompletenessVerified = "completeness_verified",
        CompletenessInferred = "completeness_inferred",
        Conformant = "conformant",
        ContainerOpen = "container_open",
        MismatchInstance = "mismatch_instance",
        MismatchClass = "mismatch_class",
        MismatchQuantity = "mismatch_quantity",
        NeedsReplacement = "needs_replacement",
        NonConformant = "non_conformant",
        Unavailable = "unavailable",
    }
}

impl BizStep {
    /// Reads a business step in any form CBV 2.0 gives it: the bare word
    /// (`shipping`, as EPCIS 2.0 JSON writes it), the URN
    /// (`urn:epcglobal:cbv:bizstep:shipping`, EPCIS 1.x) or the web URI
    /// (`https://ref.gs1.org/cbv/BizStep-shipping`, CBV 2.0's web URIs).
    pub fn parse_cbv(text: &str) -> Result<Self, UnknownValue> {
        parse_cbv(text, "urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-")
    }
}

impl Disposition {
    /// Reads a disposition as the bare word (`in_transit`), the URN
    /// (`urn:epcglobal:cbv:disp:in_transit`) or the web URI
    /// (`https://ref.gs1.org/cbv/Disp-in_transit`).
    pub fn parse_cbv(text: &str) -> Result<Self, UnknownValue> {
        parse_cbv(text, "urn:epcglobal:cbv:disp:", "https://ref.gs1.org/cbv/Disp-")
    }
}

/// Strips the URN or web URI prefix of a CBV value and reads the bare word; an
/// error quotes the text as given.
fn parse_cbv<T: FromStr<Err = UnknownValue>>(text: &str, urn: &str, web: &str) -> Result<T, UnknownValue> {
    let word = text.strip_prefix(urn).or_else(|| text.strip_prefix(web)).unwrap_or(text);
    word.parse().map_err(|e: UnknownValue| UnknownValue { value: text.to_owned(), ..e })
}

/// The EPC of one serialised item (an SGTIN), for `epcList`, `childEPCs`,
/// `inputEPCList` and `outputEPCList`: `{base}/01/{gtin14}/21/{serial}`.
///
/// Pass [`crate::ID_GS1_ORG`] as `base` for the canonical form. A lot is not part of
/// an SGTIN and is left out even when known.
///
/// ```
/// use gs1::{Gtin, Serial, ID_GS1_ORG};
/// let gtin = Gtin::parse("8934563138165").unwrap();
/// let serial = Serial::parse("0001").unwrap();
/// assert_eq!(
///     gs1::epcis::sgtin(ID_GS1_ORG, gtin, &serial),
///     "https://id.gs1.org/01/08934563138165/21/0001"
/// );
/// ```
pub fn sgtin(base: &str, gtin: Gtin, serial: &Serial) -> String {
    DigitalLink { gtin, lot: None, serial: Some(serial.clone()) }.to_uri(base)
}

/// The EPC class of one lot of a product (an LGTIN), for the `epcClass` of a
/// quantity element: `{base}/01/{gtin14}/10/{lot}`.
pub fn lgtin(base: &str, gtin: Gtin, lot: &Lot) -> String {
    DigitalLink { gtin, lot: Some(lot.clone()), serial: None }.to_uri(base)
}

/// The EPC class of a product whose lot is not tracked, for the `epcClass` of a
/// quantity element: `{base}/01/{gtin14}`.
pub fn product_class(base: &str, gtin: Gtin) -> String {
    DigitalLink { gtin, lot: None, serial: None }.to_uri(base)
}

/// A physical location such as a farm or a warehouse, for `readPoint` and
/// `bizLocation`: the GLN as AI (414), `{base}/414/{gln}` (a location without a GLN
/// extension).
pub fn location(base: &str, gln: Gln) -> String {
    format!("{}/414/{gln}", base.trim_end_matches('/'))
}

/// A party such as a producer or a buyer, for `sourceList` and `destinationList`
/// entries of type `owning_party` or `possessing_party`: the GLN as AI (417),
/// `{base}/417/{gln}`.
pub fn party(base: &str, gln: Gln) -> String {
    format!("{}/417/{gln}", base.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ID_GS1_ORG;

    #[test]
    fn as_str_and_from_str_agree() {
        for step in BizStep::ALL {
            assert_eq!(step.as_str().parse::<BizStep>(), Ok(*step));
        }
        for disposition in Disposition::ALL {
            assert_eq!(disposition.to_string().parse::<Disposition>(), Ok(*disposition));
        }
        assert_eq!("OBSERVE".parse::<Action>(), Ok(Action::Observe));
        assert_eq!("ObjectEvent".parse::<EventType>(), Ok(EventType::ObjectEvent));
    }

    #[test]
    fn lists_have_the_schema_sizes() {
        assert_eq!(BizStep::ALL.len(), 41);
        assert_eq!(Disposition::ALL.len(), 33);
        assert_eq!(Action::ALL.len(), 3);
        assert_eq!(EventType::ALL.len(), 5);
    }

    #[test]
    fn refuses_urns_and_unknown_words() {
        assert_eq!(
            "urn:epcglobal:cbv:bizstep:shipping".parse::<BizStep>(),
            Err(UnknownValue { vocabulary: "business step", value: "urn:epcglobal:cbv:bizstep:shipping".to_owned() })
        );
        assert!("harvesting".parse::<BizStep>().is_err());
        assert!("Shipping".parse::<BizStep>().is_err());
        assert!("observe".parse::<Action>().is_err());
        assert_eq!("sold".parse::<Disposition>().unwrap_err().to_string(), "\"sold\" is not an EPCIS 2.0 disposition");
    }

    #[test]
    fn parse_cbv_reads_words_urns_and_web_uris() {
        for text in ["shipping", "urn:epcglobal:cbv:bizstep:shipping", "https://ref.gs1.org/cbv/BizStep-shipping"] {
            assert_eq!(BizStep::parse_cbv(text), Ok(BizStep::Shipping), "{text}");
        }
        for text in ["in_transit", "urn:epcglobal:cbv:disp:in_transit", "https://ref.gs1.org/cbv/Disp-in_transit"] {
            assert_eq!(Disposition::parse_cbv(text), Ok(Disposition::InTransit), "{text}");
        }
        assert_eq!(
            BizStep::parse_cbv("urn:epcglobal:cbv:bizstep:dancing").unwrap_err().to_string(),
            "\"urn:epcglobal:cbv:bizstep:dancing\" is not an EPCIS 2.0 business step"
        );
        // A disposition's prefix does not make a business step.
        assert!(BizStep::parse_cbv("urn:epcglobal:cbv:disp:shipping").is_err());
        assert!(Disposition::parse_cbv("https://ref.gs1.org/cbv/BizStep-in_transit").is_err());
    }

    #[test]
    fn serde_writes_bare_words() {
        use serde::Deserialize;
        use serde::de::IntoDeserializer;
        use serde::de::value::{Error, StrDeserializer};

        assert_eq!(crate::serde_str::to_string(&BizStep::Shipping), "shipping");
        assert_eq!(crate::serde_str::to_string(&Disposition::InTransit), "in_transit");
        assert_eq!(crate::serde_str::to_string(&Action::Add), "ADD");
        let de: StrDeserializer<'_, Error> = "creating_class_instance".into_deserializer();
        assert_eq!(BizStep::deserialize(de), Ok(BizStep::CreatingClassInstance));
    }

    #[test]
    fn identifiers_are_constrained_digital_link_uris() {
        let gtin = Gtin::parse("8934563138165").unwrap();
        let lot = Lot::parse("L/2024").unwrap();
        let serial = Serial::parse("S1").unwrap();
        let gln = Gln::parse("9520123456788").unwrap();
        assert_eq!(sgtin(ID_GS1_ORG, gtin, &serial), "https://id.gs1.org/01/08934563138165/21/S1");
        assert_eq!(lgtin(ID_GS1_ORG, gtin, &lot), "https://id.gs1.org/01/08934563138165/10/L%2F2024");
        assert_eq!(product_class("https://dacsan.vn/", gtin), "https://dacsan.vn/01/08934563138165");
        assert_eq!(location(ID_GS1_ORG, gln), "https://id.gs1.org/414/9520123456788");
        assert_eq!(party("https://id.gs1.org/", gln), "https://id.gs1.org/417/9520123456788");
    }

    #[test]
    fn constants() {
        assert_eq!(SCHEMA_VERSION, "2.0");
        assert!(CONTEXT.ends_with("/epcis/2.0.0/epcis-context.jsonld"));
    }
}
