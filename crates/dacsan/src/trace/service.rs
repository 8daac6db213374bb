//! Recording batches and their events: the header that starts a batch's chain, each
//! event appended to it under a lock with the head signed again, serial numbers for
//! unit labels, and the signed record a batch is exported as.

use rand::Rng;
use serde_json::{Map, Value, json};
use time::OffsetDateTime;

use super::chain::{self, Record, RecordEvent, RecordSignature};
use super::keys::PlatformKey;
use super::messages;
use super::model::{EventKind, ValidBatch, ValidEvent, degrees_text};
use super::state::TraceState;
use super::store::{self, Batch, NewBatch, NewEvent, StoredEvent};
use crate::auth::CurrentUser;
use crate::catalog::Product;
use crate::db::{self, Db};
use crate::error::Message;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::producers::Producer;
use crate::vn::admin_units;

/// Most serial numbers one request may issue.
pub const MAX_SERIALS_PER_REQUEST: i64 = 100_000;
/// Crockford's base32: no I, L, O, U, so that a code read aloud or retyped survives.
const CODE_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn random_code(len: usize) -> String {
    let mut rng = rand::rng();
    (0..len).map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char).collect()
}

/// The path a batch's QR code carries: GS1 Digital Link `/01/{gtin}/10/{lot}` when
/// the product has a GTIN, else the short `/q/{code}`.
pub fn batch_path(product: &Product, batch: &Batch) -> String {
    match gtin_link(product, &batch.lot, None) {
        Some(link) => link.path(),
        None => format!("/q/{}", batch.code),
    }
}

/// The absolute URL of [`batch_path`] on this site.
pub fn batch_url(public_url: &str, product: &Product, batch: &Batch) -> String {
    format!("{public_url}{}", batch_path(product, batch))
}

/// The path of one unit's label: `/01/{gtin}/10/{lot}/21/{serial}` or `/q/{code}/{serial}`.
pub fn serial_path(product: &Product, batch: &Batch, serial: &str) -> String {
    match gtin_link(product, &batch.lot, Some(serial)) {
        Some(link) => link.path(),
        None => format!("/q/{}/{serial}", batch.code),
    }
}

fn gtin_link(product: &Product, lot: &str, serial: Option<&str>) -> Option<gs1::DigitalLink> {
    let gtin = gs1::Gtin::parse(product.gtin.as_deref()?).ok()?;
    Some(gs1::DigitalLink {
        gtin,
        lot: Some(gs1::Lot::parse(lot).ok()?),
        serial: match serial {
            Some(s) => Some(gs1::Serial::parse(s).ok()?),
            None => None,
        },
    })
}

/// The spellings a GTIN may be stored with (8, 12, 13 or 14 digits).
pub fn gtin_spellings(gtin: &gs1::Gtin) -> Vec<String> {
    let full = gtin.as_gtin14();
    [8, 12, 13, 14]
        .into_iter()
        .filter(|len| full[..14 - len].bytes().all(|b| b == b'0'))
        .map(|len| full[14 - len..].to_string())
        .collect()
}

/// The batch header: what the record says about the product, the producer and
/// the lot, holding the data items of Circular 02/2024/TT-BKHCN (product name and
/// image, producer name and address, traceability code, expiry, standards).
fn header(
    public_url: &str,
    product: &Product,
    producer: &Producer,
    batch: &ValidBatch,
    code: &str,
    inputs: &[Value],
) -> Value {
    let commune = admin_units::commune(&batch.origin_commune_code);
    let province = commune.and_then(|c| admin_units::province(&c.province_code));
    let traceability_path = match gs1::Gtin::parse(product.gtin.as_deref().unwrap_or("")) {
        Ok(gtin) => gs1::DigitalLink { gtin, lot: Some(batch.lot.clone()), serial: None }.path(),
        Err(_) => format!("/q/{code}"),
    };
    json!({
        "code": code,
        "traceability_code": format!("{public_url}{traceability_path}"),
        "lot": batch.lot.as_str(),
        "produced_on": batch.produced_on.to_string(),
        "expires_on": batch.expires_on.map(|d| d.to_string()),
        "quantity": batch.quantity,
        "unit": product.unit,
        "standards": batch.standards,
        "product": {
            "id": product.id,
            "name": product.name,
            "name_en": product.name_en,
            "gtin": product.gtin,
            "sku": product.sku,
            "brand": producer.name,
            "image": product.cover.map(|(full, _)| format!("{public_url}/media/{full}")),
            "page": format!("{public_url}/p/{}", product.slug),
            "ocop": product.ocop.as_ref().map(|o| json!({
                "stars": o.stars,
                "certificate_no": o.certificate_no,
                "authority": o.authority,
                "certified_on": o.certified_on.to_string(),
                "expires_on": o.expires_on.to_string(),
            })),
        },
        "producer": {
            "id": producer.id,
            "name": producer.name,
            "kind": producer.kind.as_str(),
            "address": producer.address(),
            "phone": producer.phone,
            "tax_code": producer.tax_code,
        },
        "origin": {
            "commune_code": batch.origin_commune_code,
            "commune": commune.map(|c| c.name.clone()),
            "province": province.map(|p| p.name.clone()),
            "latitude": batch.gps_e6.map(|g| degrees_text(g.0)),
            "longitude": batch.gps_e6.map(|g| degrees_text(g.1)),
        },
        "inputs": inputs,
    })
}

/// Records a new batch of `product`, its header hashed and signed as a chain of
/// no events yet.
pub async fn create_batch(
    state: &TraceState,
    user: &CurrentUser,
    product: &Product,
    producer: &Producer,
    batch: ValidBatch,
) -> AppResult<Batch> {
    let inputs = check_inputs(&state.db, producer.id, &batch).await?;
    let db = state.db.clone();
    let key = state.trace_key.clone();
    let public_url = state.settings.public_url.clone();
    let product = product.clone();
    let producer = producer.clone();
    let user_id = user.id;
    let id = db::run_to_completion(async move {
        for _ in 0..5 {
            let code = random_code(8);
            let header = header(&public_url, &product, &producer, &batch, &code, &inputs);
            let header_hash = chain::content_hash(&header);
            let signature = chain::sign_head(&key.signing, &header_hash, &header_hash, 0);
            let mut tx = db.begin_write().await?;
            let produced_on = batch.produced_on.to_string();
            let expires_on = batch.expires_on.map(|d| d.to_string());
            let header_text = chain::canonical_json(&header);
            let now = db::now();
            let new = NewBatch {
                product_id: product.id,
                producer_id: producer.id,
                lot: batch.lot.as_str(),
                code: &code,
                produced_on: &produced_on,
                expires_on: expires_on.as_deref(),
                quantity: batch.quantity,
                origin_commune_code: &batch.origin_commune_code,
                gps_e6: batch.gps_e6,
                standards: &batch.standards,
                header: &header_text,
                header_hash: &header_hash,
                signature: &signature,
                key_id: &key.key_id,
                created_by: Some(user_id),
                created_at: &now,
            };
            match store::insert_batch(&mut tx, &new).await {
                Ok(Some(id)) => {
                    for (position, input) in batch.inputs.iter().enumerate() {
                        let description = input.description.as_deref().unwrap_or("").trim();
                        store::insert_input(&mut tx, id, position as i64, input.batch_id, description).await?;
                    }
                    tx.commit().await.map_err(anyhow::Error::from)?;
                    return Ok(id);
                }
                Ok(None) => {
                    return Err(AppError::conflict(
                        "lot",
                        Message::from(messages::THIS_PRODUCT_ALREADY_HAS_LOT).with("lot", &batch.lot),
                    ));
                }
                // Another batch drew the same short code: draw again.
                Err(e) if e.to_string().contains("code") => continue,
                Err(e) => return Err(AppError::Internal(e)),
            }
        }
        Err(AppError::Internal(anyhow::anyhow!("no free batch code after 5 draws")))
    })
    .await??;
    // The product page lists its latest batches.
    state.response_cache.clear();
    store::find_batch(&state.db, id).await?.ok_or_else(|| AppError::not_found(messages::BATCH))
}

/// Input batches must exist and belong to the same producer; each is written into
/// the header with its lot and code.
async fn check_inputs(db: &Db, producer_id: i64, batch: &ValidBatch) -> AppResult<Vec<Value>> {
    let mut errors = FieldErrors::default();
    let mut inputs = Vec::new();
    for (i, input) in batch.inputs.iter().enumerate() {
        let description = input.description.as_deref().unwrap_or("").trim();
        match input.batch_id {
            None => inputs.push(json!({"description": description})),
            Some(id) => match store::find_batch(db, id).await? {
                Some(found) if found.producer_id == producer_id => inputs.push(json!({
                    "batch_id": found.id, "lot": found.lot, "code": found.code, "description": description,
                })),
                _ => errors.add(
                    &format!("inputs[{i}].batch_id"),
                    Message::from(messages::NO_BATCH_OF_THIS_PRODUCER).with("id", id),
                ),
            },
        }
    }
    errors.into_result()?;
    Ok(inputs)
}

/// Who recorded an event.
#[derive(Debug, Clone)]
pub struct Recorder {
    /// The signed-in user, or for a carrier the seller who handed the batch over.
    pub user_id: i64,
    pub name: String,
    pub role: String,
    /// The carrier handover the event came through.
    pub handover_id: Option<i64>,
}

impl From<&CurrentUser> for Recorder {
    fn from(user: &CurrentUser) -> Recorder {
        Recorder { user_id: user.id, name: user.name.clone(), role: user.role.as_str().to_string(), handover_id: None }
    }
}

impl From<&super::handovers::Handover> for Recorder {
    fn from(handover: &super::handovers::Handover) -> Recorder {
        Recorder {
            user_id: handover.created_by,
            name: handover.carrier_name.clone(),
            role: "carrier".into(),
            handover_id: Some(handover.id),
        }
    }
}

/// An event ready to be chained: its kind, time, what it corrects and the body
/// fields the caller fills (the service adds seq, ids and who recorded it).
#[derive(Debug, Clone)]
pub struct EventContent {
    pub kind: EventKind,
    pub time: OffsetDateTime,
    pub corrects: Option<i64>,
    pub event_id: Option<String>,
    pub fields: Map<String, Value>,
}

/// An appended event, and a note when it was recorded out of time order.
#[derive(Debug, Clone)]
pub struct Appended {
    pub event: StoredEvent,
    /// Set when the event was recorded out of time order.
    pub note: Option<Message>,
}

/// The body fields of an event a seller, carrier or officer posted.
pub async fn content_of(db: &Db, batch: &Batch, event: ValidEvent) -> AppResult<EventContent> {
    let mut fields = Map::new();
    if !event.who.is_empty() {
        fields.insert("who".into(), json!(event.who));
    }
    if !event.note.is_empty() {
        fields.insert("note".into(), json!(event.note));
    }
    if event.commune_code.is_some() || event.gln.is_some() {
        let commune = event.commune_code.as_deref().and_then(admin_units::commune);
        fields.insert(
            "place".into(),
            json!({
                "commune_code": event.commune_code,
                "commune": commune.map(|c| c.name.clone()),
                "province": commune.and_then(|c| admin_units::province(&c.province_code)).map(|p| p.name.clone()),
                "gln": event.gln.map(|g| g.as_str().to_string()),
            }),
        );
    }
    if let Some(quantity) = event.quantity {
        fields.insert("quantity".into(), json!(quantity));
    }
    if let Some(passed) = event.passed {
        fields.insert("passed".into(), json!(passed));
    }
    if let Some(container) = event.container {
        fields.insert("container".into(), json!(container));
    }
    if let Some(sscc) = event.sscc {
        fields.insert("sscc".into(), json!(sscc.as_str()));
    }
    if !event.attachments.is_empty() {
        let files = store::files_of(db, batch.id).await?;
        let mut attached = Vec::new();
        for id in &event.attachments {
            let file = files.iter().find(|f| f.id == *id).ok_or_else(|| {
                AppError::invalid("attachments", Message::from(messages::THIS_BATCH_HAS_NO_FILE).with("id", id))
            })?;
            attached.push(
                json!({"id": file.id, "title": file.title, "sha256": file.sha256, "content_type": file.content_type}),
            );
        }
        fields.insert("attachments".into(), Value::Array(attached));
    }
    fields.insert("epcis".into(), epcis_terms(event.kind, event.passed));
    Ok(EventContent { kind: event.kind, time: event.time, corrects: event.corrects, event_id: None, fields })
}

/// How an event of this kind is written in EPCIS, kept in its body.
pub fn epcis_terms(kind: EventKind, passed: Option<bool>) -> Value {
    json!({
        "type": kind.event_type().as_str(),
        "biz_step": kind.biz_step().as_str(),
        "disposition": kind.disposition(passed).as_str(),
        "action": kind.action().map(|a| a.as_str()),
    })
}

/// A new event id: a random UUID (version 4) as a URN.
pub fn new_event_id() -> String {
    let mut bytes: [u8; 16] = rand::rng().random();
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("urn:uuid:{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// Appends an event to the batch's chain and signs the new head, in one
/// transaction with the batch row locked: two events posted at once are chained
/// one after the other, never forked.
pub async fn append(
    state: &TraceState,
    batch: &Batch,
    recorder: Recorder,
    content: EventContent,
) -> AppResult<Appended> {
    let db = state.db.clone();
    let key = state.trace_key.clone();
    let batch = batch.clone();
    db::run_to_completion(async move {
        let mut tx = db.begin_write().await?;
        let (prev_hash, count) = store::lock_head(&mut tx, db.dialect, batch.id).await?;
        if let Some(seq) = content.corrects
            && !store::event_seq_exists(&mut tx, batch.id, seq).await?
        {
            return Err(AppError::invalid(
                "corrects",
                Message::from(messages::NO_EVENT_IN_THIS_BATCH).with("seq", seq),
            ));
        }
        let latest = store::latest_event_time(&mut tx, batch.id).await?;
        let seq = count + 1;
        let event_time_utc = db::time_text(content.time);
        let event_time = content
            .time
            .format(&time::format_description::well_known::Rfc3339)
            .map_err(|e| AppError::Internal(e.into()))?;
        let event_id = content.event_id.clone().unwrap_or_else(new_event_id);
        let recorded_at = db::now();
        let mut body = content.fields.clone();
        body.insert("seq".into(), json!(seq));
        body.insert("event_id".into(), json!(event_id));
        body.insert("kind".into(), json!(content.kind.as_str()));
        body.insert("event_time".into(), json!(event_time));
        body.insert("recorded_at".into(), json!(recorded_at));
        let mut recorded_by = json!({"user_id": recorder.user_id, "name": recorder.name, "role": recorder.role});
        if let Some(handover) = recorder.handover_id {
            recorded_by["handover_id"] = json!(handover);
        }
        body.insert("recorded_by".into(), recorded_by);
        if let Some(corrects) = content.corrects {
            body.insert("corrects".into(), json!(corrects));
        }
        let body = Value::Object(body);
        let content_hash = chain::content_hash(&body);
        let chain_hash = chain::link(&prev_hash, &content_hash);
        let signature = chain::sign_head(&key.signing, &batch.header_hash, &chain_hash, seq as u64);
        let body_text = chain::canonical_json(&body);
        let new = NewEvent {
            batch_id: batch.id,
            seq,
            event_id: &event_id,
            kind: content.kind.as_str(),
            event_time_utc: &event_time_utc,
            body: &body_text,
            content_hash: &content_hash,
            prev_hash: &prev_hash,
            chain_hash: &chain_hash,
            corrects_seq: content.corrects,
            recorded_by: Some(recorder.user_id),
            recorded_at: &recorded_at,
        };
        match store::append_event(&mut tx, &new, &signature).await {
            Err(e) if e.chain().any(|c| c.to_string().contains("event_id")) => {
                return Err(AppError::conflict(
                    "eventID",
                    Message::from(messages::EVENT_EXISTS).with("event_id", &event_id),
                ));
            }
            other => other?,
        }
        if let Some(sscc) = body.get("sscc").and_then(Value::as_str) {
            let quantity = body.get("quantity").and_then(Value::as_i64);
            let kind = content.kind.as_str();
            store::insert_carton_line(&mut tx, sscc, batch.id, seq, kind, &event_time_utc, quantity).await?;
        }
        tx.commit().await.map_err(anyhow::Error::from)?;
        let note = latest
            .filter(|latest| *latest > event_time_utc)
            .map(|latest| Message::from(messages::EARLIER_THAN_RECORDED).with("latest", latest));
        let event = StoredEvent {
            seq,
            event_id,
            kind: content.kind.as_str().to_string(),
            event_time_utc,
            body,
            content_hash,
            prev_hash,
            chain_hash,
            corrects_seq: content.corrects,
        };
        Ok(Appended { event, note })
    })
    .await?
}

/// Issues `count` new serial numbers (12 characters of Crockford base32, about 60
/// random bits: not guessable) for unit labels; never more than the batch's units.
pub async fn issue_serials(db: &Db, batch: &Batch, count: i64) -> AppResult<Vec<String>> {
    if !(1..=MAX_SERIALS_PER_REQUEST).contains(&count) {
        return Err(AppError::invalid(
            "count",
            Message::from(messages::SERIALS_1_TO_MAX).with("max_serials_per_request", MAX_SERIALS_PER_REQUEST),
        ));
    }
    let left = batch.quantity - batch.serial_count;
    if count > left {
        return Err(AppError::invalid("count", Message::from(messages::ONLY_UNITS_LEFT).with("left", left)));
    }
    let db = db.clone();
    let batch_id = batch.id;
    let quantity = batch.quantity;
    db::run_to_completion(async move {
        for _ in 0..5 {
            let serials: Vec<String> = (0..count).map(|_| random_code(12)).collect();
            let mut tx = db.begin_write().await?;
            // Re-check under the write lock: two requests must not overshoot together.
            let issued = store::serial_count(&mut tx, db.dialect, batch_id).await?;
            if issued + count > quantity {
                return Err(AppError::conflict("count", messages::MORE_SERIALS_THAN_UNITS));
            }
            if store::insert_serials(&mut tx, batch_id, &serials, &db::now()).await? {
                tx.commit().await.map_err(anyhow::Error::from)?;
                return Ok(serials);
            }
        }
        Err(AppError::Internal(anyhow::anyhow!("serial numbers kept colliding")))
    })
    .await?
}

/// The batch's signed record, as exported and verified.
pub fn record(key: &PlatformKey, batch: &Batch, events: &[StoredEvent]) -> Record {
    Record {
        format: chain::RECORD_FORMAT.into(),
        header: batch.header.clone(),
        header_hash: batch.header_hash.clone(),
        events: events
            .iter()
            .map(|e| RecordEvent {
                seq: e.seq as u64,
                body: e.body.clone(),
                content_hash: e.content_hash.clone(),
                prev_hash: e.prev_hash.clone(),
                chain_hash: e.chain_hash.clone(),
            })
            .collect(),
        head_hash: batch.head_hash.clone(),
        event_count: batch.event_count as u64,
        signature: RecordSignature {
            algorithm: "Ed25519".into(),
            key_id: batch.key_id.clone(),
            public_key: chain::public_key_base64(&key.verifying()),
            value: batch.signature.clone(),
        },
    }
}

/// May this user add events to the batch? Its producer's sellers, admins, and
/// officers of the province the batch comes from.
pub fn may_record(user: &CurrentUser, batch: &Batch) -> bool {
    let province = admin_units::commune(&batch.origin_commune_code).map(|c| c.province_code.as_str());
    user.can_manage_producer(batch.producer_id)
        || (user.role == crate::auth::Role::Officer && province.is_some_and(|p| user.provinces.iter().any(|o| o == p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_crockford_base32() {
        let code = random_code(12);
        assert_eq!(code.len(), 12);
        assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)));
        assert!(gs1::Serial::parse(&code).is_ok(), "a serial is a valid GS1 AI 21 value");
    }

    #[test]
    fn event_ids_are_version_4_uuids() {
        let id = new_event_id();
        assert_eq!(id.len(), "urn:uuid:".len() + 36);
        assert_eq!(&id[23..24], "4");
        assert_ne!(new_event_id(), id);
    }

    #[test]
    fn gtins_are_looked_up_in_every_spelling() {
        let gtin = gs1::Gtin::parse("8934563138165").unwrap();
        assert_eq!(gtin_spellings(&gtin), vec!["8934563138165".to_string(), "08934563138165".to_string()]);
    }
}
