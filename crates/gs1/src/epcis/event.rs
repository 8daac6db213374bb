//! EPCIS 2.0 events as Rust values, and how they are written in the JSON-LD
//! binding (EPCIS 2.0, the JSON schema's `ObjectEvent`, `TransformationEvent`
//! and `AggregationEvent`): camelCase names, `readPoint` and `bizLocation` as
//! `{"id": …}`, and empty lists and absent values left out.
//!
//! Reading them back is [`super::capture`]'s job; both sides use the same names.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use super::{Action, BizStep, Disposition};

/// One EPCIS event of the three kinds dacsan records.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// `"type": "ObjectEvent"`: something happened to objects (harvested,
    /// inspected, shipped, received).
    Object(ObjectEvent),
    /// `"type": "TransformationEvent"`: inputs were consumed to make outputs
    /// (fresh fruit dried into a new lot).
    Transformation(TransformationEvent),
    /// `"type": "AggregationEvent"`: objects were put into or taken out of a
    /// container such as a carton or a pallet.
    Aggregation(AggregationEvent),
}

impl Event {
    /// The part every kind of event has.
    pub fn common(&self) -> &Common {
        match self {
            Event::Object(event) => &event.common,
            Event::Transformation(event) => &event.common,
            Event::Aggregation(event) => &event.common,
        }
    }

    /// The `type` the event is written with.
    pub fn event_type(&self) -> super::EventType {
        match self {
            Event::Object(_) => super::EventType::ObjectEvent,
            Event::Transformation(_) => super::EventType::TransformationEvent,
            Event::Aggregation(_) => super::EventType::AggregationEvent,
        }
    }

    /// The event as a JSON object, as it stands in a document's `eventList`.
    pub fn to_json_value(&self) -> Value {
        serde_json::to_value(self).expect("an event serialises to JSON")
    }
}

/// The fields every event kind shares (EPCIS 2.0's EPCISEvent and the schema's `Event`
/// definition, plus the "what, where, why" fields the three kinds have in common).
#[derive(Debug, Clone, PartialEq)]
pub struct Common {
    /// `eventID`: a URI naming this event, e.g. `ni:///sha-256;…?ver=CBV2.0`
    /// (the CBV 2.0 event hash) or `urn:uuid:…`.
    pub event_id: String,
    /// `eventTime`: when it happened, RFC 3339 with an offset.
    pub event_time: String,
    /// `eventTimeZoneOffset`: the offset local to where it happened, `+07:00` in
    /// Vietnam.
    pub event_time_zone_offset: String,
    /// `recordTime`: when it was recorded, RFC 3339.
    pub record_time: Option<String>,
    /// `bizStep`, written as the bare CBV word.
    pub biz_step: Option<BizStep>,
    /// `disposition`, written as the bare CBV word.
    pub disposition: Option<Disposition>,
    /// `readPoint`: where it was observed, written `{"id": …}` (see
    /// [`super::location`]).
    pub read_point: Option<String>,
    /// `bizLocation`: where the objects are afterwards, written `{"id": …}`.
    pub biz_location: Option<String>,
    /// `bizTransactionList`: orders, invoices and despatch advices it belongs to.
    pub biz_transaction_list: Vec<BizTransaction>,
    /// `sourceList`: who or where the objects came from.
    pub source_list: Vec<Source>,
    /// `destinationList`: who or where the objects go to.
    pub destination_list: Vec<Destination>,
    /// `certificationInfo` (new in EPCIS 2.0): a URI of a certificate (VietGAP,
    /// organic) that applies to the event.
    pub certification_info: Option<String>,
    /// `errorDeclaration`: set when this event says an earlier record of it was
    /// wrong.
    pub error_declaration: Option<ErrorDeclaration>,
    /// Fields written as they are after the standard ones: user extensions, whose
    /// names are namespaced (`"dacsan:note"`, the prefix declared in the document's
    /// `@context`), and the few standard fields this crate does not model
    /// (`sensorElementList`, `persistentDisposition`, an event's own `@context`),
    /// kept so that a captured event is exported unchanged.
    pub extensions: Map<String, Value>,
}

impl Common {
    /// The mandatory fields; everything else empty.
    pub fn new(
        event_id: impl Into<String>,
        event_time: impl Into<String>,
        time_zone_offset: impl Into<String>,
    ) -> Self {
        Common {
            event_id: event_id.into(),
            event_time: event_time.into(),
            event_time_zone_offset: time_zone_offset.into(),
            record_time: None,
            biz_step: None,
            disposition: None,
            read_point: None,
            biz_location: None,
            biz_transaction_list: Vec::new(),
            source_list: Vec::new(),
            destination_list: Vec::new(),
            certification_info: None,
            error_declaration: None,
            extensions: Map::new(),
        }
    }
}

/// An `ObjectEvent` (EPCIS 2.0).
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectEvent {
    /// The shared fields.
    pub common: Common,
    /// `action`: `ADD` when the objects come into being (commissioning a lot),
    /// `OBSERVE` otherwise, `DELETE` when they cease to exist.
    pub action: Action,
    /// `epcList`: serialised items (see [`super::sgtin`]).
    pub epc_list: Vec<String>,
    /// `quantityList`: amounts of a class, e.g. 120 kg of one lot (see
    /// [`super::lgtin`]).
    pub quantity_list: Vec<QuantityElement>,
    /// `ilmd`: instance/lot master data, only with `ADD`, e.g.
    /// `"cbvmda:lotNumber"` and `"cbvmda:itemExpirationDate"` (CBV 2.0 master data attributes; the
    /// `cbvmda` prefix is in the EPCIS context).
    pub ilmd: Option<Map<String, Value>>,
}

/// A `TransformationEvent` (EPCIS 2.0): no `action`.
#[derive(Debug, Clone, PartialEq)]
pub struct TransformationEvent {
    /// The shared fields.
    pub common: Common,
    /// `inputEPCList`: serialised items consumed.
    pub input_epc_list: Vec<String>,
    /// `inputQuantityList`: amounts consumed.
    pub input_quantity_list: Vec<QuantityElement>,
    /// `outputEPCList`: serialised items produced.
    pub output_epc_list: Vec<String>,
    /// `outputQuantityList`: amounts produced.
    pub output_quantity_list: Vec<QuantityElement>,
    /// `transformationID`: ties together transformation events that form one
    /// transformation.
    pub transformation_id: Option<String>,
    /// `ilmd`: master data of the outputs' lot.
    pub ilmd: Option<Map<String, Value>>,
}

/// An `AggregationEvent` (EPCIS 2.0).
#[derive(Debug, Clone, PartialEq)]
pub struct AggregationEvent {
    /// The shared fields.
    pub common: Common,
    /// `action`: `ADD` packs the children into the parent, `DELETE` unpacks them.
    pub action: Action,
    /// `parentID`: the container, e.g. an SSCC; needed with `ADD` and `DELETE`.
    pub parent_id: Option<String>,
    /// `childEPCs`: serialised items in the container.
    pub child_epcs: Vec<String>,
    /// `childQuantityList`: amounts in the container.
    pub child_quantity_list: Vec<QuantityElement>,
}

/// One entry of a quantity list: `{"epcClass": …, "quantity": 120, "uom": "KGM"}`.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityElement {
    /// `epcClass`: the product or lot (see [`super::lgtin`] and
    /// [`super::product_class`]).
    pub epc_class: String,
    /// `quantity`: written as a JSON integer when it is whole.
    pub quantity: f64,
    /// `uom`: a UN/ECE Recommendation 20 unit code such as `KGM`; none means a
    /// count of items.
    pub uom: Option<String>,
}

/// One entry of `bizTransactionList`: `{"type": "po", "bizTransaction": …}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BizTransaction {
    /// `type`: a CBV word (`po`, `inv`, `desadv`, …) or a URI.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// `bizTransaction`: the URI of the order or document.
    #[serde(rename = "bizTransaction")]
    pub id: String,
}

/// One entry of `sourceList`: `{"type": "owning_party", "source": …}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Source {
    /// `type`: `owning_party`, `possessing_party`, `location` or a URI.
    #[serde(rename = "type")]
    pub kind: String,
    /// `source`: the party or location (see [`super::party`]).
    #[serde(rename = "source")]
    pub id: String,
}

/// One entry of `destinationList`: `{"type": "owning_party", "destination": …}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Destination {
    /// `type`: `owning_party`, `possessing_party`, `location` or a URI.
    #[serde(rename = "type")]
    pub kind: String,
    /// `destination`: the party or location.
    #[serde(rename = "destination")]
    pub id: String,
}

/// `errorDeclaration` (EPCIS 2.0): the event it is in, with the same
/// `eventID`, says the earlier one was wrong.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorDeclaration {
    /// `declarationTime`: RFC 3339.
    pub declaration_time: String,
    /// `reason`: `did_not_occur`, `incorrect_data` or a URI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `correctiveEventIDs`: the events that replace the wrong one.
    #[serde(rename = "correctiveEventIDs", skip_serializing_if = "Vec::is_empty")]
    pub corrective_event_ids: Vec<String>,
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", self.event_type().as_str())?;
        self.common().write_head(&mut map)?;
        match self {
            Event::Object(event) => event.write(&mut map)?,
            Event::Transformation(event) => event.write(&mut map)?,
            Event::Aggregation(event) => event.write(&mut map)?,
        }
        self.common().write_tail(&mut map)?;
        map.end()
    }
}

impl Common {
    /// The when of the event, written first.
    fn write_head<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("eventID", &self.event_id)?;
        map.serialize_entry("eventTime", &self.event_time)?;
        map.serialize_entry("eventTimeZoneOffset", &self.event_time_zone_offset)?;
        put_some(map, "recordTime", &self.record_time)?;
        put_some(map, "errorDeclaration", &self.error_declaration)
    }

    /// The why and where of the event, then the extensions, written after the what.
    fn write_tail<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        put_some(map, "bizStep", &self.biz_step)?;
        put_some(map, "disposition", &self.disposition)?;
        put_some(map, "readPoint", &self.read_point.as_deref().map(|id| Id { id }))?;
        put_some(map, "bizLocation", &self.biz_location.as_deref().map(|id| Id { id }))?;
        put_list(map, "bizTransactionList", &self.biz_transaction_list)?;
        put_list(map, "sourceList", &self.source_list)?;
        put_list(map, "destinationList", &self.destination_list)?;
        put_some(map, "certificationInfo", &self.certification_info)?;
        for (name, value) in &self.extensions {
            map.serialize_entry(name, value)?;
        }
        Ok(())
    }
}

impl ObjectEvent {
    /// The what of the event. The schema wants `epcList` (even empty) or a
    /// non-empty `quantityList`, so `epcList` is left out only when quantities
    /// are given.
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("action", &self.action)?;
        if !self.epc_list.is_empty() || self.quantity_list.is_empty() {
            map.serialize_entry("epcList", &self.epc_list)?;
        }
        put_list(map, "quantityList", &self.quantity_list)?;
        put_some(map, "ilmd", &self.ilmd)
    }
}

impl TransformationEvent {
    /// The what of the event.
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        put_list(map, "inputEPCList", &self.input_epc_list)?;
        put_list(map, "inputQuantityList", &self.input_quantity_list)?;
        put_list(map, "outputEPCList", &self.output_epc_list)?;
        put_list(map, "outputQuantityList", &self.output_quantity_list)?;
        put_some(map, "transformationID", &self.transformation_id)?;
        put_some(map, "ilmd", &self.ilmd)
    }
}

impl AggregationEvent {
    /// The what of the event.
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("action", &self.action)?;
        put_some(map, "parentID", &self.parent_id)?;
        put_list(map, "childEPCs", &self.child_epcs)?;
        put_list(map, "childQuantityList", &self.child_quantity_list)
    }
}

impl Serialize for QuantityElement {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("epcClass", &self.epc_class)?;
        // Whole quantities as integers: `10`, as people and the standard's
        // examples write them, rather than `10.0`.
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        if self.quantity.fract() == 0.0 && self.quantity.abs() < EXACT {
            // Whole and below 2^53, so the cast is exact.
            map.serialize_entry("quantity", &(self.quantity as i64))?;
        } else {
            map.serialize_entry("quantity", &self.quantity)?;
        }
        put_some(&mut map, "uom", &self.uom)?;
        map.end()
    }
}

/// `{"id": …}`, the form of `readPoint` and `bizLocation`.
#[derive(serde::Serialize)]
struct Id<'a> {
    id: &'a str,
}

/// Writes `key` only when there is a value.
fn put_some<M: SerializeMap, V: Serialize>(map: &mut M, key: &str, value: &Option<V>) -> Result<(), M::Error> {
    match value {
        Some(value) => map.serialize_entry(key, value),
        None => Ok(()),
    }
}

/// Writes `key` only when the list has entries.
fn put_list<M: SerializeMap, V: Serialize>(map: &mut M, key: &str, list: &[V]) -> Result<(), M::Error> {
    if list.is_empty() { Ok(()) } else { map.serialize_entry(key, list) }
}
