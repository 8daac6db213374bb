//! EPCIS 2.0 documents against the official JSON schema (a copy in `tests/data/`,
//! see its README): documents built with the API, and the standard's own examples
//! read and written back, must validate; a broken one must not.

use std::sync::OnceLock;

use gs1::epcis::{
    self, Action, AggregationEvent, BizStep, BizTransaction, Common, Destination, Disposition, Document, Event,
    ObjectEvent, QuantityElement, Source, TransformationEvent,
};
use gs1::{Gln, Gtin, ID_GS1_ORG, Lot, Serial};
use serde_json::{Value, json};

const SCHEMA: &str = include_str!("data/EPCIS-JSON-Schema.json");
const EXAMPLE_OBJECT: &str = include_str!("data/Example_9.6.1-ObjectEvent.jsonld");
const EXAMPLE_TRANSFORMATION: &str = include_str!("data/Example_9.6.4-TransformationEvent.jsonld");

/// The schema as a draft-07 validator that checks `format` (without it, `"uri"`
/// and `"date-time"` go unchecked and a bizStep such as `"dancing"` passes as a
/// "URI") and never fetches anything: the schema has only local `$ref`s, and
/// `offline()` makes any other an error rather than a download.
fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: Value = serde_json::from_str(SCHEMA).expect("schema is JSON");
        jsonschema::draft7::options()
            .offline()
            .should_validate_formats(true)
            .build(&schema)
            .expect("schema compiles offline")
    })
}

/// Every schema error of `instance`, with where it is.
fn schema_errors(instance: &Value) -> Vec<String> {
    validator().iter_errors(instance).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

fn assert_valid(instance: &Value) {
    let errors = schema_errors(instance);
    assert!(errors.is_empty(), "schema errors:\n{}\nin {instance:#}", errors.join("\n"));
}

fn gtin(body: &str) -> Gtin {
    Gtin::from_body(body).unwrap()
}

/// A realistic dacsan trail: a lychee lot harvested at a farm, dried into a new
/// lot, bagged into a carton and shipped to a buyer.
fn dacsan_document() -> Document {
    let fresh = gtin("893456313816");
    let dried = gtin("893456313817");
    let farm = epcis::location(ID_GS1_ORG, Gln::from_body("893456300001").unwrap());
    let workshop = epcis::location(ID_GS1_ORG, Gln::from_body("893456300002").unwrap());
    let producer = epcis::party(ID_GS1_ORG, Gln::from_body("893456300010").unwrap());
    let buyer = epcis::party(ID_GS1_ORG, Gln::from_body("893456300020").unwrap());
    let fresh_lot = epcis::lgtin(ID_GS1_ORG, fresh, &Lot::parse("VAI-2025-06").unwrap());
    let dried_lot = epcis::lgtin(ID_GS1_ORG, dried, &Lot::parse("VAI-SAY-07").unwrap());
    let bags: Vec<String> =
        ["0001", "0002"].iter().map(|s| epcis::sgtin(ID_GS1_ORG, dried, &Serial::parse(s).unwrap())).collect();
    let carton = "https://id.gs1.org/00/389345630000000017".to_owned();

    let mut harvest =
        Common::new("urn:uuid:0b1e4a62-1c1d-4a44-9a57-2f8c54f6f001", "2025-06-10T06:30:00+07:00", "+07:00");
    harvest.biz_step = Some(BizStep::Commissioning);
    harvest.disposition = Some(Disposition::Active);
    harvest.read_point = Some(farm.clone());
    harvest.biz_location = Some(farm);
    harvest.source_list = vec![Source { kind: "owning_party".into(), id: producer.clone() }];
    harvest.certification_info = Some("https://dacsan.vn/chung-nhan/vietgap/VG-2025-0042".into());
    harvest.extensions.insert("dacsan:harvestArea".into(), json!("Thanh Hà, Hải Dương"));

    let mut drying =
        Common::new("urn:uuid:0b1e4a62-1c1d-4a44-9a57-2f8c54f6f002", "2025-06-12T14:00:00+07:00", "+07:00");
    drying.biz_step = Some(BizStep::Commissioning);
    drying.disposition = Some(Disposition::Active);
    drying.read_point = Some(workshop.clone());

    let mut packing =
        Common::new("urn:uuid:0b1e4a62-1c1d-4a44-9a57-2f8c54f6f003", "2025-06-13T09:15:00.250+07:00", "+07:00");
    packing.biz_step = Some(BizStep::Packing);
    packing.disposition = Some(Disposition::ContainerClosed);
    packing.read_point = Some(workshop.clone());

    let mut shipping = Common::new("urn:uuid:0b1e4a62-1c1d-4a44-9a57-2f8c54f6f004", "2025-06-14T01:00:00Z", "+07:00");
    shipping.record_time = Some("2025-06-14T01:00:05Z".into());
    shipping.biz_step = Some(BizStep::Shipping);
    shipping.disposition = Some(Disposition::InTransit);
    shipping.read_point = Some(workshop);
    shipping.biz_transaction_list =
        vec![BizTransaction { kind: Some("po".into()), id: "https://dacsan.vn/don-hang/DS-2025-000123".into() }];
    shipping.source_list = vec![Source { kind: "owning_party".into(), id: producer }];
    shipping.destination_list = vec![Destination { kind: "owning_party".into(), id: buyer }];

    let ilmd = |lot: &str, expiry: &str| {
        let mut map = serde_json::Map::new();
        map.insert("cbvmda:lotNumber".into(), json!(lot));
        map.insert("cbvmda:itemExpirationDate".into(), json!(expiry));
        Some(map)
    };
    let kg = |epc_class: &String, quantity: f64| QuantityElement {
        epc_class: epc_class.clone(),
        quantity,
        uom: Some("KGM".into()),
    };

    Document {
        creation_date: "2025-06-14T08:00:00+07:00".into(),
        extra_context: vec![("dacsan".into(), "https://dacsan.vn/epcis/".into())],
        events: vec![
            Event::Object(ObjectEvent {
                common: harvest,
                action: Action::Add,
                epc_list: vec![],
                quantity_list: vec![kg(&fresh_lot, 500.0)],
                ilmd: ilmd("VAI-2025-06", "2025-06-25"),
            }),
            Event::Transformation(TransformationEvent {
                common: drying,
                input_epc_list: vec![],
                input_quantity_list: vec![kg(&fresh_lot, 500.0)],
                output_epc_list: bags.clone(),
                output_quantity_list: vec![kg(&dried_lot, 120.5)],
                transformation_id: None,
                ilmd: ilmd("VAI-SAY-07", "2026-06-12"),
            }),
            Event::Aggregation(AggregationEvent {
                common: packing,
                action: Action::Add,
                parent_id: Some(carton.clone()),
                child_epcs: bags,
                child_quantity_list: vec![],
            }),
            Event::Object(ObjectEvent {
                common: shipping,
                action: Action::Observe,
                epc_list: vec![carton],
                quantity_list: vec![],
                ilmd: None,
            }),
        ],
    }
}

#[test]
fn a_built_document_validates_against_the_schema() {
    let document = dacsan_document();
    assert_valid(&document.to_json_value());
}

#[test]
fn a_built_document_reads_back_unchanged() {
    let document = dacsan_document();
    assert_eq!(Document::from_json(&document.to_json()), Ok(document));
}

#[test]
fn a_built_document_uses_the_json_ld_binding() {
    let json = dacsan_document().to_json_value();
    assert_eq!(json["@context"], json!([epcis::CONTEXT, {"dacsan": "https://dacsan.vn/epcis/"}]));
    assert_eq!(json["type"], "EPCISDocument");
    assert_eq!(json["schemaVersion"], "2.0");
    let events = json["epcisBody"]["eventList"].as_array().unwrap();
    let harvest = &events[0];
    assert_eq!(harvest["type"], "ObjectEvent");
    assert_eq!(harvest["action"], "ADD");
    assert_eq!(harvest["bizStep"], "commissioning");
    assert_eq!(harvest["readPoint"], json!({"id": "https://id.gs1.org/414/8934563000011"}));
    assert_eq!(
        harvest["quantityList"],
        json!([{"epcClass": "https://id.gs1.org/01/08934563138165/10/VAI-2025-06", "quantity": 500, "uom": "KGM"}])
    );
    assert_eq!(harvest["ilmd"]["cbvmda:lotNumber"], "VAI-2025-06");
    assert_eq!(harvest["dacsan:harvestArea"], "Thanh Hà, Hải Dương");
    assert_eq!(harvest["certificationInfo"], "https://dacsan.vn/chung-nhan/vietgap/VG-2025-0042");
    // Empty lists and absent values are left out; epcList too, as quantities are given.
    for absent in ["epcList", "recordTime", "bizTransactionList", "destinationList", "errorDeclaration"] {
        assert!(harvest.get(absent).is_none(), "{absent} in {harvest:#}");
    }
    assert_eq!(events[1]["outputQuantityList"][0]["quantity"], 120.5);
    assert!(events[1].get("action").is_none() && events[1].get("inputEPCList").is_none());
    assert_eq!(events[2]["childEPCs"].as_array().unwrap().len(), 2);
    assert!(events[2].get("childQuantityList").is_none());
    assert_eq!(events[3]["destinationList"][0]["destination"], "https://id.gs1.org/417/8934563000202");
    assert_eq!(
        events[3]["bizTransactionList"][0],
        json!({"type": "po", "bizTransaction": "https://dacsan.vn/don-hang/DS-2025-000123"})
    );
}

#[test]
fn an_object_event_without_epcs_or_quantities_still_validates() {
    // The schema wants epcList (even empty) or a non-empty quantityList.
    let common = Common::new("urn:uuid:0b1e4a62-1c1d-4a44-9a57-2f8c54f6f009", "2025-06-14T01:00:00Z", "+07:00");
    let event = ObjectEvent { common, action: Action::Observe, epc_list: vec![], quantity_list: vec![], ilmd: None };
    let document = Document {
        creation_date: "2025-06-14T08:00:00+07:00".into(),
        events: vec![Event::Object(event)],
        extra_context: vec![],
    };
    let json = document.to_json_value();
    assert_eq!(json["epcisBody"]["eventList"][0]["epcList"], json!([]));
    assert_valid(&json);
}

#[test]
fn a_broken_document_fails_validation() {
    let mut json = dacsan_document().to_json_value();
    json["epcisBody"]["eventList"][2]["bizStep"] = json!("dancing");
    let errors = schema_errors(&json);
    assert!(errors.iter().any(|e| e.contains("/epcisBody/eventList/2/bizStep")), "{errors:#?}");
    // Our reader refuses it too, naming the event and the field.
    let error = Document::from_json_value(json).unwrap_err();
    assert_eq!((error.event, error.field.as_str()), (Some(2), "bizStep"));
}

#[test]
fn each_kind_of_breakage_is_noticed_by_the_schema_and_the_reader() {
    // (field of the first event, value put there; none removes the field)
    let breakages = [
        ("eventTime", None),
        ("eventTime", Some(json!("2025-06-10 06:30"))),
        ("eventTimeZoneOffset", Some(json!("+7"))),
        ("action", Some(json!("observe"))),
        ("disposition", Some(json!("sold"))),
        ("harvestArea", Some(json!("Thanh Hà"))),
    ];
    for (field, value) in breakages {
        let mut json = dacsan_document().to_json_value();
        let event = json["epcisBody"]["eventList"][0].as_object_mut().unwrap();
        match &value {
            Some(value) => event.insert(field.to_owned(), value.clone()),
            None => event.remove(field),
        };
        assert!(!schema_errors(&json).is_empty(), "{field} = {value:?} passed the schema");
        let error = Document::from_json_value(json).unwrap_err();
        assert_eq!((error.event, error.field.as_str()), (Some(0), field), "{error}");
    }
}

#[test]
fn the_validator_never_fetches() {
    let remote = json!({"$ref": "https://example.com/schema.json"});
    assert!(jsonschema::draft7::options().offline().build(&remote).is_err());
}

/// Reads an example of the standard, checks it against the schema before and
/// after a round trip, and gives what was written back.
fn round_trip(example: &str) -> (Document, Value) {
    let original: Value = serde_json::from_str(example).unwrap();
    assert_valid(&original);
    let document = Document::from_json(example).unwrap();
    let written = document.to_json_value();
    assert_valid(&written);
    assert_eq!(Document::from_json_value(written.clone()).as_ref(), Ok(&document));
    (document, written)
}

#[test]
fn the_object_event_example_round_trips() {
    let (document, written) = round_trip(EXAMPLE_OBJECT);
    assert_eq!(document.creation_date, "2005-07-11T11:30:47.0Z");
    assert_eq!(document.extra_context, [("example".to_owned(), "http://ns.example.com/epcis/".to_owned())]);
    let events = &written["epcisBody"]["eventList"];
    assert_eq!(events.as_array().unwrap().len(), 2);
    assert_eq!(events[0]["eventTime"], "2005-04-03T20:33:31.116000-06:00");
    assert_eq!(events[0]["bizStep"], "shipping");
    assert_eq!(events[0]["disposition"], "in_transit");
    assert_eq!(
        events[0]["epcList"],
        json!(["urn:epc:id:sgtin:0614141.107346.2017", "urn:epc:id:sgtin:0614141.107346.2018"])
    );
    assert_eq!(events[1]["bizLocation"], json!({"id": "urn:epc:id:sgln:0012345.11111.0"}));
    assert_eq!(events[1]["bizTransactionList"][1]["type"], "desadv");
    assert_eq!(events[1]["example:myField"], "Example of a vendor/user extension");
    let Event::Object(second) = &document.events[1] else { panic!("{:?}", document.events[1]) };
    assert_eq!(second.common.biz_step, Some(BizStep::Receiving));
    assert_eq!(second.action, Action::Observe);
}

#[test]
fn the_transformation_event_example_round_trips() {
    let (document, written) = round_trip(EXAMPLE_TRANSFORMATION);
    let Event::Transformation(event) = &document.events[0] else { panic!("{:?}", document.events[0]) };
    assert_eq!(event.common.event_time, "2013-10-31T14:58:56.591Z");
    assert_eq!(event.common.biz_step, Some(BizStep::Commissioning));
    assert_eq!(event.input_epc_list.len(), 2);
    assert_eq!(event.output_epc_list.len(), 4);
    let event_json = &written["epcisBody"]["eventList"][0];
    assert_eq!(
        event_json["inputQuantityList"],
        json!([
            {"epcClass": "urn:epc:class:lgtin:4012345.011111.4444", "quantity": 10, "uom": "KGM"},
            {"epcClass": "urn:epc:class:lgtin:0614141.077777.987", "quantity": 30},
            {"epcClass": "urn:epc:idpat:sgtin:4012345.066666.*", "quantity": 220}
        ])
    );
    assert_eq!(event_json["ilmd"], json!({"example:bestBeforeDate": "2014-12-10", "example:batch": "XYZ"}));
    assert_eq!(event_json["example:myField"], "Example of a vendor/user extension");
}
