//! A batch's events as an EPCIS 2.0 JSON-LD document (`GET
//! /api/v1/batches/{id}/epcis`), and EPCIS events captured from outside (`POST
//! /api/v1/epcis/events`) filed under the batch their identifiers name.
//!
//! The lot is the EPC class `https://id.gs1.org/01/{gtin}/10/{lot}` when the
//! product has a GTIN, else the batch's own `/q/{code}` URL. What EPCIS has no
//! field for (who, the note, the commune, the hashes of the chain) travels in
//! `dacsan:` extension fields.

use gs1::epcis::{self, AggregationEvent, Common, Document, Event, ObjectEvent, QuantityElement, TransformationEvent};
use serde_json::{Map, Value, json};
use time::OffsetDateTime;

use super::messages;
use super::model::EventKind;
use super::service::{self, EventContent};
use super::state::TraceState;
use super::store::{self, Batch, StoredEvent};
use crate::catalog::{self, Product};
use crate::db::{self, Db};
use crate::error::{AppError, AppResult, Message};

/// The prefix of dacsan's extension fields.
const PREFIX: &str = "dacsan";

/// The EPC class of the batch's lot.
pub fn lot_class(public_url: &str, product: &Product, batch: &Batch) -> String {
    match (product.gtin.as_deref().map(gs1::Gtin::parse), gs1::Lot::parse(&batch.lot)) {
        (Some(Ok(gtin)), Ok(lot)) => epcis::lgtin(gs1::ID_GS1_ORG, gtin, &lot),
        _ => format!("{public_url}/q/{}", batch.code),
    }
}

/// The batch's events, in the order they happened, as an EPCIS document.
pub fn export(public_url: &str, product: &Product, batch: &Batch, events: &[StoredEvent]) -> AppResult<String> {
    let class = lot_class(public_url, product, batch);
    let mut ordered: Vec<&StoredEvent> = events.iter().collect();
    ordered.sort_by(|a, b| a.event_time_utc.cmp(&b.event_time_utc).then(a.seq.cmp(&b.seq)));
    let mut out = Vec::with_capacity(events.len());
    for stored in ordered {
        let event = match stored.body.get("epcis_event") {
            Some(captured) => Event::from_json_value(captured.clone())
                .map_err(|e| AppError::Internal(anyhow::anyhow!("stored EPCIS event {}: {e}", stored.event_id)))?,
            None => recorded_event(public_url, &class, batch, stored, events)?,
        };
        out.push(event);
    }
    let document = Document {
        creation_date: db::now(),
        events: out,
        extra_context: vec![(PREFIX.into(), format!("{public_url}/ns/epcis#"))],
    };
    Ok(document.to_json())
}

fn text<'a>(body: &'a Value, pointer: &str) -> Option<&'a str> {
    body.pointer(pointer).and_then(Value::as_str).filter(|s| !s.is_empty())
}

/// `+07:00` from `2026-05-01T08:00:00+07:00`; `Z` is `+00:00`.
fn offset_of(event_time: &str) -> String {
    if event_time.ends_with('Z') || event_time.ends_with('z') {
        "+00:00".into()
    } else {
        event_time[event_time.len().saturating_sub(6)..].to_string()
    }
}

/// An event recorded through dacsan, in EPCIS terms.
fn recorded_event(
    public_url: &str,
    class: &str,
    batch: &Batch,
    stored: &StoredEvent,
    all: &[StoredEvent],
) -> AppResult<Event> {
    let body = &stored.body;
    let kind = EventKind::parse(&stored.kind).ok_or_else(|| {
        AppError::Internal(anyhow::anyhow!(
            "event {}: its kind {:?} is none dacsan knows",
            stored.event_id,
            stored.kind
        ))
    })?;
    let event_time = text(body, "/event_time").unwrap_or(&stored.event_time_utc).to_string();
    let mut common = Common::new(stored.event_id.clone(), event_time.clone(), offset_of(&event_time));
    common.record_time = text(body, "/recorded_at").map(str::to_string);
    common.biz_step = Some(kind.biz_step());
    common.disposition = Some(kind.disposition(body.get("passed").and_then(Value::as_bool)));
    if let Some(gln) = text(body, "/place/gln").and_then(|g| gs1::Gln::parse(g).ok()) {
        common.read_point = Some(epcis::location(gs1::ID_GS1_ORG, gln));
        common.biz_location = Some(epcis::location(gs1::ID_GS1_ORG, gln));
    }
    if kind == EventKind::Certification
        && let Some(id) = body.pointer("/attachments/0/id").and_then(Value::as_i64)
    {
        common.certification_info = Some(format!("{public_url}/api/v1/batches/{}/files/{id}", batch.id));
    }
    let ext = &mut common.extensions;
    ext.insert(format!("{PREFIX}:seq"), json!(stored.seq));
    ext.insert(format!("{PREFIX}:kind"), json!(stored.kind));
    for (field, pointer) in
        [("who", "/who"), ("note", "/note"), ("commune", "/place/commune_code"), ("recordedBy", "/recorded_by/name")]
    {
        if let Some(value) = text(body, pointer) {
            ext.insert(format!("{PREFIX}:{field}"), json!(value));
        }
    }
    if let Some(seq) = stored.corrects_seq
        && let Some(corrected) = all.iter().find(|e| e.seq == seq)
    {
        ext.insert(format!("{PREFIX}:corrects"), json!(corrected.event_id));
    }
    ext.insert(format!("{PREFIX}:contentHash"), json!(stored.content_hash));
    ext.insert(format!("{PREFIX}:chainHash"), json!(stored.chain_hash));
    let sscc = text(body, "/sscc").and_then(|s| gs1::Sscc::parse(s).ok()).map(|s| s.to_uri(gs1::ID_GS1_ORG));
    let quantity = body.get("quantity").and_then(Value::as_i64).unwrap_or(batch.quantity);
    let lot = vec![QuantityElement { epc_class: class.to_string(), quantity: quantity as f64, uom: None }];
    Ok(match kind.event_type() {
        epcis::EventType::TransformationEvent => {
            if let Some(inputs) = batch.header.get("inputs").and_then(Value::as_array) {
                let codes: Vec<String> = inputs
                    .iter()
                    .filter_map(|i| i.get("code").and_then(Value::as_str))
                    .map(|code| format!("{public_url}/q/{code}"))
                    .collect();
                if !codes.is_empty() {
                    common.extensions.insert(format!("{PREFIX}:inputLots"), json!(codes));
                }
            }
            Event::Transformation(TransformationEvent {
                common,
                input_epc_list: Vec::new(),
                input_quantity_list: Vec::new(),
                output_epc_list: Vec::new(),
                output_quantity_list: lot,
                transformation_id: Some(format!("{public_url}/q/{}", batch.code)),
                ilmd: Some(lot_master_data(batch)),
            })
        }
        epcis::EventType::AggregationEvent => {
            // The carton's SSCC when it has one; else a name for it under the batch.
            let parent = sscc.unwrap_or_else(|| {
                let container = text(body, "/container").unwrap_or("1");
                let container: String = serde_urlencoded::to_string([("c", container)]).unwrap_or_default();
                format!("{public_url}/q/{}?{container}", batch.code)
            });
            Event::Aggregation(AggregationEvent {
                common,
                action: kind.action().unwrap_or(epcis::Action::Add),
                parent_id: Some(parent),
                child_epcs: Vec::new(),
                child_quantity_list: lot,
            })
        }
        _ => {
            let action = kind.action().unwrap_or(epcis::Action::Observe);
            Event::Object(ObjectEvent {
                common,
                action,
                // A carton shipped or received is named with the units it holds.
                epc_list: sscc.into_iter().collect(),
                quantity_list: lot,
                ilmd: (action == epcis::Action::Add).then(|| lot_master_data(batch)),
            })
        }
    })
}

/// CBV master data of the lot: its number and the dates.
fn lot_master_data(batch: &Batch) -> Map<String, Value> {
    let mut ilmd = Map::new();
    ilmd.insert("cbvmda:lotNumber".into(), json!(batch.lot));
    ilmd.insert("cbvmda:productionDate".into(), json!(batch.produced_on));
    if let Some(expires) = &batch.expires_on {
        ilmd.insert("cbvmda:itemExpirationDate".into(), json!(expires));
    }
    ilmd
}

/// Every identifier an event names: EPCs, quantity classes, parents and outputs.
fn identifiers(event: &Event) -> Vec<String> {
    let classes = |list: &[QuantityElement]| list.iter().map(|q| q.epc_class.clone()).collect::<Vec<_>>();
    match event {
        Event::Object(e) => [e.epc_list.clone(), classes(&e.quantity_list)].concat(),
        Event::Transformation(e) => [
            e.output_epc_list.clone(),
            classes(&e.output_quantity_list),
            e.input_epc_list.clone(),
            classes(&e.input_quantity_list),
        ]
        .concat(),
        Event::Aggregation(e) => {
            [e.child_epcs.clone(), classes(&e.child_quantity_list), e.parent_id.clone().into_iter().collect()].concat()
        }
    }
}

/// The whole units of the lot `class` an event counts, if it counts any.
fn quantity_of(event: &Event, class: &str) -> Option<i64> {
    let lists: Vec<&[QuantityElement]> = match event {
        Event::Object(e) => vec![&e.quantity_list],
        Event::Aggregation(e) => vec![&e.child_quantity_list],
        Event::Transformation(e) => vec![&e.output_quantity_list, &e.input_quantity_list],
    };
    let total: f64 = lists.into_iter().flatten().filter(|q| q.epc_class == class).map(|q| q.quantity).sum();
    (total > 0.0 && total.fract() == 0.0 && total < 1e15).then_some(total as i64)
}

/// The batch an identifier names: a Digital Link with a lot or a serial, or a
/// `/q/{code}[/{serial}]` URL of this site.
async fn batch_named(db: &Db, uri: &str) -> AppResult<Option<Batch>> {
    if let Ok(link) = gs1::DigitalLink::parse_uri(uri) {
        if let Some(serial) = &link.serial
            && let Some(row) = store::find_serial(db, serial.as_str()).await?
        {
            return Ok(store::find_batch(db, row.batch_id).await?);
        }
        if let Some(lot) = &link.lot {
            return Ok(store::find_batch_by_gtin_lot(db, &service::gtin_spellings(&link.gtin), lot.as_str()).await?);
        }
        return Ok(None);
    }
    let path = uri.split(['?', '#']).next().unwrap_or_default();
    let Some((_, rest)) = path.split_once("/q/") else { return Ok(None) };
    let code = rest.split('/').next().unwrap_or_default().to_ascii_uppercase();
    Ok(store::find_batch_by_code(db, &code).await?)
}

/// Reads a capture body and finds each event's batch. Any bad event refuses the
/// whole capture, naming it: nothing is stored half-way.
pub async fn read_capture(state: &TraceState, body: &Value) -> AppResult<Vec<(EventContent, Batch, usize)>> {
    let events = epcis::events_from_capture(body).map_err(|e| {
        let field = match e.event {
            Some(i) if e.field.is_empty() => format!("events[{i}]"),
            Some(i) => format!("events[{i}].{}", e.field),
            None if e.field.is_empty() => "body".into(),
            None => e.field.clone(),
        };
        AppError::invalid(&field, Message::from(messages::CAPTURE_REFUSED).with("detail", &e.message))
    })?;
    if events.is_empty() {
        return Err(AppError::invalid("eventList", messages::NO_EVENTS));
    }
    if events.len() > 1_000 {
        return Err(AppError::invalid("eventList", messages::AT_MOST_1000_EVENTS));
    }
    let now = OffsetDateTime::now_utc();
    let mut out = Vec::with_capacity(events.len());
    for (i, event) in events.into_iter().enumerate() {
        let mut batch = None;
        for uri in identifiers(&event) {
            if let Some(found) = batch_named(&state.db, &uri).await? {
                batch = Some(found);
                break;
            }
        }
        let batch = batch.ok_or_else(|| AppError::invalid(&format!("events[{i}]"), messages::NO_KNOWN_BATCH))?;
        let product = catalog::store::find_by_id(&state.db, batch.product_id)
            .await?
            .ok_or_else(|| AppError::not_found(messages::PRODUCT))?;
        let common = event.common();
        let time = OffsetDateTime::parse(&common.event_time, &time::format_description::well_known::Rfc3339)
            .map_err(|_| AppError::invalid(&format!("events[{i}].eventTime"), messages::RFC_3339_WITH_OFFSET))?;
        if time > now + time::Duration::hours(1) {
            return Err(AppError::invalid(&format!("events[{i}].eventTime"), messages::IN_THE_FUTURE));
        }
        let kind = EventKind::from_biz_step(common.biz_step, event.event_type());
        let mut fields = Map::new();
        fields.insert(
            "epcis".into(),
            json!({
                "type": event.event_type().as_str(),
                "biz_step": common.biz_step.map(|s| s.as_str()),
                "disposition": common.disposition.map(|d| d.as_str()),
            }),
        );
        if let Some(sscc) = identifiers(&event).iter().find_map(|uri| gs1::Sscc::from_uri(uri)) {
            fields.insert("sscc".into(), json!(sscc.as_str()));
            let class = lot_class(&state.settings.public_url, &product, &batch);
            if let Some(quantity) = quantity_of(&event, &class) {
                fields.insert("quantity".into(), json!(quantity));
            }
        }
        fields.insert("epcis_event".into(), event.to_json_value());
        let event_id = Some(common.event_id.clone()).filter(|id| !id.is_empty());
        out.push((EventContent { kind, time, corrects: None, event_id, fields }, batch, i));
    }
    Ok(out)
}
