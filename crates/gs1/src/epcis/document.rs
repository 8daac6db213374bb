//! The EPCIS 2.0 JSON-LD document (EPCIS 2.0's JSON-LD binding, the schema's `epcisDocument`):
//! the envelope an export writes and a capture may send, around an `eventList`.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

use super::capture::{CaptureError, Fields, read_events, required};
use super::event::Event;
use super::{CONTEXT, SCHEMA_VERSION};

/// An `EPCISDocument`: when it was made, its events, and the namespace prefixes
/// its extensions use.
///
/// ```
/// use gs1::epcis::{Action, BizStep, Common, Document, Event, ObjectEvent};
///
/// let id = "urn:uuid:6c8a1b9e-3f0d-4d5e-9a7b-2c1e0f4d8a61";
/// let mut common = Common::new(id, "2025-03-01T08:30:00+07:00", "+07:00");
/// common.biz_step = Some(BizStep::Shipping);
/// common.extensions.insert("dacsan:note".into(), "xe lạnh".into());
/// let event = ObjectEvent { common, action: Action::Observe, epc_list: vec![], quantity_list: vec![], ilmd: None };
/// let document = Document {
///     creation_date: "2025-03-01T09:00:00+07:00".into(),
///     events: vec![Event::Object(event)],
///     extra_context: vec![("dacsan".into(), "https://dacsan.vn/epcis/".into())],
/// };
/// let json = document.to_json();
/// assert!(json.contains(r#""bizStep": "shipping""#));
/// assert_eq!(Document::from_json(&json).unwrap(), document);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// `creationDate`: when the document was made, RFC 3339 with an offset.
    pub creation_date: String,
    /// `epcisBody.eventList`.
    pub events: Vec<Event>,
    /// Namespace prefixes declared after the EPCIS context in `@context`, e.g.
    /// `("dacsan", "https://dacsan.vn/epcis/")` for fields named `dacsan:…`.
    pub extra_context: Vec<(String, String)>,
}

impl Document {
    /// The document as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an EPCIS document serialises to JSON")
    }

    /// The document as a JSON value.
    pub fn to_json_value(&self) -> Value {
        serde_json::to_value(self).expect("an EPCIS document serialises to JSON")
    }

    /// Reads a document from JSON text.
    pub fn from_json(text: &str) -> Result<Document, CaptureError> {
        let value = serde_json::from_str(text).map_err(|e| CaptureError::invalid("", format!("not JSON: {e}")))?;
        Document::from_json_value(value)
    }

    /// Reads a document from a JSON value. The document's own `id`, `sender`,
    /// `receiver`, `instanceIdentifier` and `epcisHeader` are not kept.
    pub fn from_json_value(value: Value) -> Result<Document, CaptureError> {
        let mut fields = Fields::of(value, "an EPCIS document object")?;
        let kind = required("type", fields.string("type")?)?;
        if kind != "EPCISDocument" {
            return Err(CaptureError::invalid("type", format!("{kind:?} is not EPCISDocument")));
        }
        let version = required("schemaVersion", fields.string("schemaVersion")?)?;
        if !is_version_2(&version) {
            return Err(CaptureError::invalid("schemaVersion", format!("{version:?} is not an EPCIS 2 version")));
        }
        let creation_date = required("creationDate", fields.date_time("creationDate")?)?;
        let extra_context = read_context(required("@context", fields.take("@context"))?)?;
        let body = required("epcisBody", fields.take("epcisBody"))?;
        let mut body = Fields::of(body, "an object").map_err(|e| e.inside("epcisBody"))?;
        let events = match body.take("eventList") {
            Some(Value::Array(events)) => read_events(events)?,
            Some(_) => return Err(CaptureError::wrong_type("epcisBody.eventList", "an array")),
            None => return Err(CaptureError::missing("epcisBody.eventList")),
        };
        Ok(Document { creation_date, events, extra_context })
    }
}

/// Whether `version` is `2`, `2.0`, `2.0.1`…: digits and dots, major version 2.
fn is_version_2(version: &str) -> bool {
    let mut parts = version.split('.');
    parts.next() == Some("2") && parts.all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// The prefix declarations of `@context`: a URL (the EPCIS context), an object of
/// `prefix: URI` pairs, or an array of those. Term definitions that are objects
/// are refused, as [`Document::extra_context`] could not write them back.
fn read_context(context: Value) -> Result<Vec<(String, String)>, CaptureError> {
    let items = match context {
        Value::Array(items) => items,
        other => vec![other],
    };
    let mut prefixes = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        match item {
            Value::String(_) => {}
            Value::Object(map) => {
                for (prefix, uri) in map {
                    let Value::String(uri) = uri else {
                        let message = "only prefix declarations (\"prefix\": \"URI\") are supported";
                        return Err(CaptureError::invalid(&format!("@context[{i}].{prefix}"), message));
                    };
                    prefixes.push((prefix, uri));
                }
            }
            _ => return Err(CaptureError::wrong_type(&format!("@context[{i}]"), "a URL or an object")),
        }
    }
    Ok(prefixes)
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut context = vec![Value::from(CONTEXT)];
        if !self.extra_context.is_empty() {
            let prefixes: Map<String, Value> =
                self.extra_context.iter().map(|(prefix, uri)| (prefix.clone(), Value::from(uri.as_str()))).collect();
            context.push(Value::Object(prefixes));
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("@context", &context)?;
        map.serialize_entry("type", "EPCISDocument")?;
        map.serialize_entry("schemaVersion", SCHEMA_VERSION)?;
        map.serialize_entry("creationDate", &self.creation_date)?;
        map.serialize_entry("epcisBody", &Body { event_list: &self.events })?;
        map.end()
    }
}

/// `epcisBody`.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Body<'a> {
    event_list: &'a [Event],
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Document::from_json_value(Value::deserialize(deserializer)?).map_err(serde::de::Error::custom)
    }
}

/// The events of a capture body, which may be an `EPCISDocument`, a single event
/// object, or a JSON array of events (what EPCIS 2.0's REST binding accepts at `POST /capture` and
/// `POST /events`).
pub fn events_from_capture(body: &Value) -> Result<Vec<Event>, CaptureError> {
    match body {
        Value::Array(events) => read_events(events.clone()),
        Value::Object(map) if map.get("type").and_then(Value::as_str) == Some("EPCISDocument") => {
            Ok(Document::from_json_value(body.clone())?.events)
        }
        Value::Object(_) => Ok(vec![Event::from_json_value(body.clone()).map_err(|e| e.at_event(0))?]),
        _ => Err(CaptureError::invalid("", "must be an EPCIS document, an event or an array of events")),
    }
}
