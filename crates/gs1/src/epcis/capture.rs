//! Reading EPCIS 2.0 JSON-LD events that someone sends us (a capture, as EPCIS
//! 2.0's capture interface and REST binding define it): every field is checked as
//! it is taken, so an error names the event and the field, and what is read can be
//! exported again and still pass the EPCIS 2.0 JSON schema.
//!
//! Business steps and dispositions are accepted as CBV words, URNs or web URIs and
//! kept as the bare word. Namespaced fields (`"dacsan:note"`) and the standard
//! fields this crate does not model go to [`Common::extensions`] unchanged; any
//! other field name is refused, as the schema refuses it.

use std::fmt;

use serde::Deserialize;
use serde_json::{Map, Value};

use super::event::{
    AggregationEvent, BizTransaction, Common, Destination, ErrorDeclaration, Event, ObjectEvent, QuantityElement,
    Source, TransformationEvent,
};
use super::syntax::{is_date_time, is_time_zone_offset, is_unit_code, is_uri};
use super::{Action, BizStep, Disposition, EventType, UnknownValue};

/// Standard event fields that are kept in [`Common::extensions`] as they are.
const PASSED_THROUGH: &[&str] = &["@context", "persistentDisposition", "sensorElementList"];

/// What is wrong with a captured document or event, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptureError {
    /// Which event, counted from 0 in the `eventList` or array it came in;
    /// `None` for the document itself or a lone event read on its own.
    pub event: Option<usize>,
    /// Which field, as a path inside the event or document: `bizStep`,
    /// `quantityList[1].uom`, `epcisBody.eventList`; empty for the whole value.
    pub field: String,
    /// What is wrong with it, e.g. `missing`.
    pub message: String,
}

impl CaptureError {
    /// A required field is absent.
    pub(crate) fn missing(field: &str) -> Self {
        Self::invalid(field, "missing")
    }

    /// A field holds the wrong kind of JSON value.
    pub(crate) fn wrong_type(field: &str, expected: &str) -> Self {
        Self::invalid(field, format!("must be {expected}"))
    }

    /// A field holds a value that is not allowed.
    pub(crate) fn invalid(field: &str, message: impl Into<String>) -> Self {
        CaptureError { event: None, field: field.to_owned(), message: message.into() }
    }

    /// The same error, found in the event at `index`.
    pub(crate) fn at_event(self, index: usize) -> Self {
        CaptureError { event: Some(index), ..self }
    }

    /// The same error, found inside the field `parent`.
    pub(crate) fn inside(self, parent: &str) -> Self {
        let field = if self.field.is_empty() { parent.to_owned() } else { format!("{parent}.{}", self.field) };
        CaptureError { field, ..self }
    }
}

impl fmt::Display for CaptureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(index) = self.event {
            write!(f, "event {index}")?;
            f.write_str(if self.field.is_empty() { ": " } else { ", " })?;
        }
        if !self.field.is_empty() {
            write!(f, "{}: ", self.field)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for CaptureError {}

/// Reads a list of events, numbering errors by position.
pub(crate) fn read_events(events: Vec<Value>) -> Result<Vec<Event>, CaptureError> {
    events.into_iter().enumerate().map(|(i, value)| Event::from_json_value(value).map_err(|e| e.at_event(i))).collect()
}

impl Event {
    /// Reads one event from its JSON object. Errors name the field but no event
    /// index; [`super::events_from_capture`] and [`super::Document::from_json`] add it.
    pub fn from_json_value(value: Value) -> Result<Event, CaptureError> {
        let mut fields = Fields::of(value, "an event object")?;
        let kind = required("type", fields.string("type")?)?;
        let kind: EventType = kind.parse().map_err(|e: UnknownValue| CaptureError::invalid("type", e.to_string()))?;
        match kind {
            EventType::ObjectEvent => read_object(fields).map(Event::Object),
            EventType::TransformationEvent => read_transformation(fields).map(Event::Transformation),
            EventType::AggregationEvent => read_aggregation(fields).map(Event::Aggregation),
            EventType::TransactionEvent | EventType::AssociationEvent => {
                Err(CaptureError::invalid("type", format!("{kind} is not supported")))
            }
        }
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Event::from_json_value(Value::deserialize(deserializer)?).map_err(serde::de::Error::custom)
    }
}

/// An `ObjectEvent`'s own fields, then the common ones. `ilmd` only comes with
/// `ADD` (EPCIS 2.0, ObjectEvent; the schema refuses it otherwise).
fn read_object(mut fields: Fields) -> Result<ObjectEvent, CaptureError> {
    let action = required("action", fields.vocabulary("action", str::parse::<Action>)?)?;
    let epc_list = fields.uri_list("epcList")?;
    let quantity_list = fields.quantity_list("quantityList")?;
    let ilmd = fields.ilmd()?;
    if ilmd.is_some() && action != Action::Add {
        return Err(CaptureError::invalid("ilmd", "only an ADD event carries ilmd"));
    }
    Ok(ObjectEvent { common: read_common(fields)?, action, epc_list, quantity_list, ilmd })
}

/// A `TransformationEvent`'s own fields, then the common ones. It needs inputs
/// and outputs, or a `transformationID` and one of them (the schema's rule).
fn read_transformation(mut fields: Fields) -> Result<TransformationEvent, CaptureError> {
    let event = TransformationEvent {
        input_epc_list: fields.uri_list("inputEPCList")?,
        input_quantity_list: fields.quantity_list("inputQuantityList")?,
        output_epc_list: fields.uri_list("outputEPCList")?,
        output_quantity_list: fields.quantity_list("outputQuantityList")?,
        transformation_id: fields.uri("transformationID")?,
        ilmd: fields.ilmd()?,
        common: read_common(fields)?,
    };
    let inputs = !event.input_epc_list.is_empty() || !event.input_quantity_list.is_empty();
    let outputs = !event.output_epc_list.is_empty() || !event.output_quantity_list.is_empty();
    match (inputs, outputs, &event.transformation_id) {
        (true, true, _) | (true, false, Some(_)) | (false, true, Some(_)) => Ok(event),
        (false, _, _) => {
            Err(CaptureError::invalid("inputEPCList", "no inputs (needs inputEPCList or inputQuantityList)"))
        }
        (true, false, None) => {
            Err(CaptureError::invalid("outputEPCList", "no outputs (needs outputEPCList or outputQuantityList)"))
        }
    }
}

/// An `AggregationEvent`'s own fields, then the common ones. `ADD` and `DELETE`
/// name the parent (EPCIS 2.0, AggregationEvent); `ADD` and `OBSERVE` name children.
fn read_aggregation(mut fields: Fields) -> Result<AggregationEvent, CaptureError> {
    let action = required("action", fields.vocabulary("action", str::parse::<Action>)?)?;
    let parent_id = fields.uri("parentID")?;
    let child_epcs = fields.uri_list("childEPCs")?;
    let child_quantity_list = fields.quantity_list("childQuantityList")?;
    if parent_id.is_none() && action != Action::Observe {
        return Err(CaptureError::missing("parentID"));
    }
    if child_epcs.is_empty() && child_quantity_list.is_empty() && action != Action::Delete {
        return Err(CaptureError::invalid("childEPCs", "no children (needs childEPCs or childQuantityList)"));
    }
    Ok(AggregationEvent { common: read_common(fields)?, action, parent_id, child_epcs, child_quantity_list })
}

/// The fields every event has; what is left over becomes the extensions.
fn read_common(mut fields: Fields) -> Result<Common, CaptureError> {
    let event_time_zone_offset = required("eventTimeZoneOffset", fields.string("eventTimeZoneOffset")?)?;
    if !is_time_zone_offset(&event_time_zone_offset) {
        return Err(CaptureError::invalid("eventTimeZoneOffset", format!("{event_time_zone_offset:?} is not ±HH:MM")));
    }
    Ok(Common {
        event_id: required("eventID", fields.uri("eventID")?)?,
        event_time: required("eventTime", fields.date_time("eventTime")?)?,
        event_time_zone_offset,
        record_time: fields.date_time("recordTime")?,
        biz_step: fields.vocabulary("bizStep", BizStep::parse_cbv)?,
        disposition: fields.vocabulary("disposition", Disposition::parse_cbv)?,
        read_point: fields.id_object("readPoint")?,
        biz_location: fields.id_object("bizLocation")?,
        biz_transaction_list: fields.list("bizTransactionList", read_biz_transaction)?,
        source_list: fields.list("sourceList", read_source)?,
        destination_list: fields.list("destinationList", read_destination)?,
        certification_info: fields.certification_info()?,
        error_declaration: fields.object("errorDeclaration", read_error_declaration)?,
        extensions: fields.extensions()?,
    })
}

/// `{"type": "po", "bizTransaction": …}`.
fn read_biz_transaction(mut fields: Fields) -> Result<BizTransaction, CaptureError> {
    let kind = fields.string("type")?;
    let id = required("bizTransaction", fields.uri("bizTransaction")?)?;
    fields.finish()?;
    Ok(BizTransaction { kind, id })
}

/// `{"type": "owning_party", "source": …}`.
fn read_source(mut fields: Fields) -> Result<Source, CaptureError> {
    let kind = required("type", fields.string("type")?)?;
    let id = required("source", fields.uri("source")?)?;
    fields.finish()?;
    Ok(Source { kind, id })
}

/// `{"type": "owning_party", "destination": …}`.
fn read_destination(mut fields: Fields) -> Result<Destination, CaptureError> {
    let kind = required("type", fields.string("type")?)?;
    let id = required("destination", fields.uri("destination")?)?;
    fields.finish()?;
    Ok(Destination { kind, id })
}

/// `{"declarationTime": …, "reason": …, "correctiveEventIDs": […]}`.
fn read_error_declaration(mut fields: Fields) -> Result<ErrorDeclaration, CaptureError> {
    let declaration_time = required("declarationTime", fields.date_time("declarationTime")?)?;
    let reason = fields.string("reason")?;
    let corrective_event_ids = fields.uri_list("correctiveEventIDs")?;
    fields.finish()?;
    Ok(ErrorDeclaration { declaration_time, reason, corrective_event_ids })
}

/// `{"epcClass": …, "quantity": 12.5, "uom": "KGM"}`.
fn read_quantity(mut fields: Fields) -> Result<QuantityElement, CaptureError> {
    let epc_class = required("epcClass", fields.uri("epcClass")?)?;
    let quantity = match fields.take("quantity") {
        Some(Value::Number(n)) => n.as_f64().ok_or_else(|| CaptureError::wrong_type("quantity", "a number"))?,
        Some(_) => return Err(CaptureError::wrong_type("quantity", "a number")),
        None => return Err(CaptureError::missing("quantity")),
    };
    let uom = fields.string("uom")?;
    if let Some(uom) = uom.as_deref().filter(|uom| !is_unit_code(uom)) {
        return Err(CaptureError::invalid("uom", format!("{uom:?} is not a UN/ECE Rec 20 unit code such as KGM")));
    }
    fields.finish()?;
    Ok(QuantityElement { epc_class, quantity, uom })
}

/// `value`, or a "missing" error for `field`.
pub(crate) fn required<T>(field: &str, value: Option<T>) -> Result<T, CaptureError> {
    value.ok_or_else(|| CaptureError::missing(field))
}

/// `text` if it is an absolute URI, else an error for `field`.
fn checked_uri(field: &str, text: String) -> Result<String, CaptureError> {
    if is_uri(&text) { Ok(text) } else { Err(CaptureError::invalid(field, format!("{text:?} is not a URI"))) }
}

/// The fields of one JSON object, taken out one by one as they are read, so
/// that what is left at the end is what nobody asked for.
pub(crate) struct Fields {
    map: Map<String, Value>,
}

impl Fields {
    /// The fields of `value`, which must be an object (`what` says which, for the
    /// error).
    pub(crate) fn of(value: Value, what: &str) -> Result<Self, CaptureError> {
        match value {
            Value::Object(map) => Ok(Fields { map }),
            _ => Err(CaptureError::wrong_type("", what)),
        }
    }

    /// Takes a field as it is.
    pub(crate) fn take(&mut self, name: &str) -> Option<Value> {
        self.map.remove(name)
    }

    /// Takes a string field.
    pub(crate) fn string(&mut self, name: &str) -> Result<Option<String>, CaptureError> {
        match self.take(name) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(_) => Err(CaptureError::wrong_type(name, "a string")),
        }
    }

    /// Takes a string field that must be an absolute URI.
    fn uri(&mut self, name: &str) -> Result<Option<String>, CaptureError> {
        self.string(name)?.map(|text| checked_uri(name, text)).transpose()
    }

    /// Takes a string field that must be an RFC 3339 date-time with an offset.
    pub(crate) fn date_time(&mut self, name: &str) -> Result<Option<String>, CaptureError> {
        let text = self.string(name)?;
        match text {
            Some(text) if !is_date_time(&text) => Err(CaptureError::invalid(
                name,
                format!("{text:?} is not an RFC 3339 date-time with an offset, such as 2025-03-01T08:30:00+07:00"),
            )),
            _ => Ok(text),
        }
    }

    /// Takes a string field and reads it with `parse`.
    fn vocabulary<T>(
        &mut self,
        name: &str,
        parse: impl FnOnce(&str) -> Result<T, UnknownValue>,
    ) -> Result<Option<T>, CaptureError> {
        let text = self.string(name)?;
        text.map(|text| parse(&text).map_err(|e| CaptureError::invalid(name, e.to_string()))).transpose()
    }

    /// Takes an object field and reads it with `read`.
    fn object<T>(
        &mut self,
        name: &str,
        read: impl FnOnce(Fields) -> Result<T, CaptureError>,
    ) -> Result<Option<T>, CaptureError> {
        let Some(value) = self.take(name) else { return Ok(None) };
        let fields = Fields::of(value, "an object").map_err(|e| e.inside(name))?;
        read(fields).map(Some).map_err(|e| e.inside(name))
    }

    /// Takes a `{"id": …}` field, as `readPoint` and `bizLocation` are written.
    fn id_object(&mut self, name: &str) -> Result<Option<String>, CaptureError> {
        self.object(name, |mut fields| {
            let id = required("id", fields.uri("id")?)?;
            fields.finish()?;
            Ok(id)
        })
    }

    /// Takes an array field, reading each element (an object) with `read`.
    fn list<T>(
        &mut self,
        name: &str,
        read: impl Fn(Fields) -> Result<T, CaptureError>,
    ) -> Result<Vec<T>, CaptureError> {
        let items = self.array(name)?;
        let read_item = |(i, item)| {
            let path = format!("{name}[{i}]");
            Fields::of(item, "an object").and_then(&read).map_err(|e| e.inside(&path))
        };
        items.into_iter().enumerate().map(read_item).collect()
    }

    /// Takes an array of EPCs or other URIs; none may be repeated.
    fn uri_list(&mut self, name: &str) -> Result<Vec<String>, CaptureError> {
        let mut uris: Vec<String> = Vec::new();
        for (i, item) in self.array(name)?.into_iter().enumerate() {
            let path = format!("{name}[{i}]");
            let Value::String(uri) = item else { return Err(CaptureError::wrong_type(&path, "a string")) };
            let uri = checked_uri(&path, uri)?;
            if let Some(first) = uris.iter().position(|seen| *seen == uri) {
                return Err(CaptureError::invalid(&path, format!("repeats {name}[{first}]")));
            }
            uris.push(uri);
        }
        Ok(uris)
    }

    /// Takes a quantity list.
    fn quantity_list(&mut self, name: &str) -> Result<Vec<QuantityElement>, CaptureError> {
        self.list(name, read_quantity)
    }

    /// Takes an array field; absent is empty.
    fn array(&mut self, name: &str) -> Result<Vec<Value>, CaptureError> {
        match self.take(name) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => Ok(items),
            Some(_) => Err(CaptureError::wrong_type(name, "an array")),
        }
    }

    /// Takes `ilmd`: an object whose field names are namespaced, such as
    /// `cbvmda:lotNumber` (the schema asks for URIs).
    fn ilmd(&mut self) -> Result<Option<Map<String, Value>>, CaptureError> {
        self.object("ilmd", |fields| match fields.map.keys().find(|name| !is_uri(name)) {
            Some(name) => {
                Err(CaptureError::invalid(name, "an ilmd field name must be namespaced, e.g. cbvmda:lotNumber"))
            }
            None => Ok(fields.map),
        })
    }

    /// Takes `certificationInfo`: one URI, or an array of at most one (dacsan
    /// records one certificate per event).
    fn certification_info(&mut self) -> Result<Option<String>, CaptureError> {
        const NAME: &str = "certificationInfo";
        let value = match self.take(NAME) {
            Some(Value::Array(items)) if items.len() > 1 => {
                return Err(CaptureError::invalid(NAME, "more than one certificate is not supported"));
            }
            Some(Value::Array(items)) => items.into_iter().next(),
            other => other,
        };
        match value {
            None => Ok(None),
            Some(Value::String(text)) => checked_uri(NAME, text).map(Some),
            Some(_) => Err(CaptureError::wrong_type(NAME, "a URI or an array of one URI")),
        }
    }

    /// The fields nobody took: namespaced extensions and [`PASSED_THROUGH`]
    /// standard fields. Any other name is an error.
    fn extensions(self) -> Result<Map<String, Value>, CaptureError> {
        match self.map.keys().find(|name| !PASSED_THROUGH.contains(&name.as_str()) && !is_uri(name)) {
            Some(name) => Err(CaptureError::invalid(
                name,
                "not a field of this event type (an extension needs a prefix, e.g. dacsan:note)",
            )),
            None => Ok(self.map),
        }
    }

    /// Checks that every field was taken.
    pub(crate) fn finish(self) -> Result<(), CaptureError> {
        match self.map.keys().next() {
            Some(name) => Err(CaptureError::invalid(name, "unexpected field")),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests;
