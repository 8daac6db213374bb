use serde_json::{Value, json};

use super::*;
use crate::epcis::events_from_capture;

/// A valid ObjectEvent to break.
fn shipping() -> Value {
    json!({
        "type": "ObjectEvent",
        "eventID": "urn:uuid:0b1e4a62-1c1d-4a44-9a57-2f8c54f6f004",
        "eventTime": "2025-06-14T08:00:00+07:00",
        "eventTimeZoneOffset": "+07:00",
        "action": "OBSERVE",
        "epcList": ["https://id.gs1.org/01/08934563138165/21/0001"],
        "bizStep": "shipping",
        "disposition": "in_transit",
        "readPoint": {"id": "https://id.gs1.org/414/8934563000011"},
        "quantityList": [
            {"epcClass": "https://id.gs1.org/01/08934563138165/10/VAI-2025", "quantity": 12.5, "uom": "KGM"}
        ],
        "dacsan:note": "xe lạnh"
    })
}

/// The error for a shipping event broken by `breakage`, sent second in a list.
fn error_of(breakage: impl FnOnce(&mut Value)) -> CaptureError {
    let mut broken = shipping();
    breakage(&mut broken);
    events_from_capture(&json!([shipping(), broken])).unwrap_err()
}

fn assert_error(error: &CaptureError, field: &str, message_part: &str) {
    assert_eq!(error.event, Some(1), "{error}");
    assert_eq!(error.field, field, "{error}");
    assert!(error.message.contains(message_part), "{error}");
}

#[test]
fn reads_a_valid_event() {
    let events = events_from_capture(&shipping()).unwrap();
    let [Event::Object(event)] = events.as_slice() else { panic!("{events:?}") };
    assert_eq!(event.common.biz_step, Some(BizStep::Shipping));
    assert_eq!(event.common.read_point.as_deref(), Some("https://id.gs1.org/414/8934563000011"));
    assert_eq!(event.quantity_list[0].quantity, 12.5);
    assert_eq!(event.common.extensions["dacsan:note"], "xe lạnh");
    assert_eq!(events[0].to_json_value(), shipping());
}

#[test]
fn missing_event_time() {
    let error = error_of(|e| drop(e.as_object_mut().unwrap().remove("eventTime")));
    assert_error(&error, "eventTime", "missing");
    assert_eq!(error.to_string(), "event 1, eventTime: missing");
}

#[test]
fn unknown_biz_step() {
    let error = error_of(|e| e["bizStep"] = json!("dancing"));
    assert_error(&error, "bizStep", "\"dancing\" is not an EPCIS 2.0 business step");
    assert_eq!(error.to_string(), "event 1, bizStep: \"dancing\" is not an EPCIS 2.0 business step");
}

#[test]
fn wrong_event_type() {
    assert_error(
        &error_of(|e| e["type"] = json!("ShippingEvent")),
        "type",
        "\"ShippingEvent\" is not an EPCIS 2.0 event type",
    );
    assert_error(&error_of(|e| e["type"] = json!("TransactionEvent")), "type", "not supported");
    assert_error(&error_of(|e| e["type"] = json!(3)), "type", "must be a string");
    assert_error(&error_of(|e| drop(e.as_object_mut().unwrap().remove("type"))), "type", "missing");
}

#[test]
fn bad_values_name_their_field() {
    assert_error(&error_of(|e| e["action"] = json!("observe")), "action", "\"observe\" is not an EPCIS 2.0 action");
    assert_error(&error_of(|e| e["eventTime"] = json!("2025-06-14 08:00")), "eventTime", "RFC 3339");
    assert_error(&error_of(|e| e["eventTimeZoneOffset"] = json!("+7")), "eventTimeZoneOffset", "±HH:MM");
    assert_error(&error_of(|e| e["disposition"] = json!("sold")), "disposition", "disposition");
    assert_error(
        &error_of(|e| e["readPoint"] = json!("https://id.gs1.org/414/8934563000011")),
        "readPoint",
        "an object",
    );
    assert_error(&error_of(|e| e["readPoint"] = json!({})), "readPoint.id", "missing");
    assert_error(&error_of(|e| e["epcList"][0] = json!("not a uri")), "epcList[0]", "not a URI");
    assert_error(&error_of(|e| e["epcList"] = json!(["urn:x:1", "urn:x:1"])), "epcList[1]", "repeats epcList[0]");
    assert_error(&error_of(|e| e["quantityList"][0]["quantity"] = json!("12")), "quantityList[0].quantity", "a number");
    assert_error(&error_of(|e| e["quantityList"][0]["uom"] = json!("kg")), "quantityList[0].uom", "unit code");
    assert_error(&error_of(|e| e["quantityList"][0]["lot"] = json!("x")), "quantityList[0].lot", "unexpected field");
    assert_error(&error_of(|e| e["bizstep"] = json!("shipping")), "bizstep", "not a field of this event type");
    assert_error(&error_of(|e| e["ilmd"] = json!({"cbvmda:lotNumber": "L1"})), "ilmd", "only an ADD event");
    assert_error(
        &error_of(|e| e["certificationInfo"] = json!(["urn:a:1", "urn:a:2"])),
        "certificationInfo",
        "more than one",
    );
}

#[test]
fn vocabularies_as_urns_and_web_uris_are_kept_as_words() {
    let mut event = shipping();
    event["bizStep"] = json!("urn:epcglobal:cbv:bizstep:shipping");
    event["disposition"] = json!("https://ref.gs1.org/cbv/Disp-in_transit");
    let read = Event::from_json_value(event).unwrap();
    assert_eq!(read.common().biz_step, Some(BizStep::Shipping));
    assert_eq!(read.common().disposition, Some(Disposition::InTransit));
    assert_eq!(read.to_json_value()["bizStep"], "shipping");
}

#[test]
fn a_lone_event_is_event_0_and_a_body_must_be_json_objects() {
    let error = events_from_capture(&shipping_with_biz_step("dancing")).unwrap_err();
    assert_eq!((error.event, error.field.as_str()), (Some(0), "bizStep"));
    let error = Event::from_json_value(shipping_with_biz_step("dancing")).unwrap_err();
    assert_eq!(error.event, None);
    assert_eq!(error.to_string(), "bizStep: \"dancing\" is not an EPCIS 2.0 business step");
    assert!(events_from_capture(&json!("ObjectEvent")).is_err());
    let error = events_from_capture(&json!([shipping(), 7])).unwrap_err();
    assert_eq!(error.to_string(), "event 1: must be an event object");
}

fn shipping_with_biz_step(step: &str) -> Value {
    let mut event = shipping();
    event["bizStep"] = json!(step);
    event
}

#[test]
fn a_document_names_the_event_in_its_list() {
    let document = json!({
        "@context": [crate::epcis::CONTEXT],
        "type": "EPCISDocument",
        "schemaVersion": "2.0",
        "creationDate": "2025-06-14T08:00:00+07:00",
        "epcisBody": {"eventList": [shipping(), shipping_with_biz_step("dancing")]}
    });
    let error = events_from_capture(&document).unwrap_err();
    assert_eq!(error.to_string(), "event 1, bizStep: \"dancing\" is not an EPCIS 2.0 business step");
    let mut document = document;
    document["epcisBody"]["eventList"][1] = shipping();
    assert_eq!(events_from_capture(&document).unwrap().len(), 2);
    document["creationDate"] = json!("yesterday");
    let error = events_from_capture(&document).unwrap_err();
    assert_eq!((error.event, error.field.as_str()), (None, "creationDate"));
}

#[test]
fn transformation_and_aggregation_rules() {
    let transformation = json!({
        "type": "TransformationEvent",
        "eventID": "urn:uuid:1",
        "eventTime": "2025-06-12T14:00:00+07:00",
        "eventTimeZoneOffset": "+07:00",
        "inputQuantityList": [{"epcClass": "urn:x:fresh", "quantity": 500, "uom": "KGM"}]
    });
    let error = Event::from_json_value(transformation.clone()).unwrap_err();
    assert_eq!(error.field, "outputEPCList");
    let mut with_id = transformation;
    with_id["transformationID"] = json!("urn:uuid:t1");
    assert!(Event::from_json_value(with_id).is_ok());

    let aggregation = json!({
        "type": "AggregationEvent",
        "eventID": "urn:uuid:2",
        "eventTime": "2025-06-13T09:15:00+07:00",
        "eventTimeZoneOffset": "+07:00",
        "action": "ADD",
        "childEPCs": ["urn:x:bag1"]
    });
    assert_eq!(Event::from_json_value(aggregation.clone()).unwrap_err().to_string(), "parentID: missing");
    let mut no_children = aggregation;
    no_children["parentID"] = json!("urn:x:carton");
    no_children["childEPCs"] = json!([]);
    assert_eq!(Event::from_json_value(no_children).unwrap_err().field, "childEPCs");
}
