//! The resolver: what a phone opens when it scans a label. GS1 Digital Link paths
//! (`/01/{gtin}`, `/01/{gtin}/10/{lot}`, `…/21/{serial}`) and the short
//! `/q/{code}[/{serial}]` for products without a GTIN answer the batch's page for
//! people, JSON with `Accept: application/json`, a GS1 linkset with
//! `?linkType=all`, and a redirect for `?linkType=gs1:pip` and the other link types.
//! Every resolution of a serial is counted.

use std::sync::Arc;

use askama::Template;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Value, json};

use super::chain;
use super::messages;
use super::model::EventKind;
use super::page_cache::BatchData;
use super::scans::{self, ScanVerdict};
use super::service;
use super::state::TraceState;
use super::store::{self, Batch, SerialRow, StoredEvent, TraceFile};
use crate::catalog::{self, Product, ProductStatus};
use crate::db::{self, Db};
use crate::error::AppError;
use crate::error::Message;
use crate::producers;
use crate::vn::admin_units;
use crate::web::PageError;
use crate::web::share::ShareLinks;
use crate::web::{Page, render};

#[derive(Debug, Deserialize, Default)]
pub struct ResolveParams {
    #[serde(rename = "linkType")]
    pub link_type: Option<String>,
}

/// `GET /01/{*rest}`: a GS1 Digital Link.
pub async fn resolve_gtin(
    State(state): State<TraceState>,
    page: Page,
    headers: HeaderMap,
    Path(rest): Path<String>,
    Query(params): Query<ResolveParams>,
) -> Result<Response, PageError> {
    let link = gs1::DigitalLink::parse_path(&format!("/01/{rest}"))
        .map_err(|e| AppError::BadRequest(Message::from(messages::NOT_A_DIGITAL_LINK).with("detail", e)))?;
    let spellings = service::gtin_spellings(&link.gtin);
    let gtin = link.gtin.as_gtin14();
    let (batch, serial, data) = match (&link.lot, &link.serial) {
        (None, None) => return product_by_gtin(&state.db, &spellings, gtin).await,
        (Some(lot), None) => {
            let batch = store::find_batch_by_gtin_lot(&state.db, &spellings, lot.as_str()).await?.ok_or_else(|| {
                AppError::not_found(Message::from(messages::LOT_OF_GTIN).with("lot", lot).with("gtin", gtin))
            })?;
            (batch, None, None)
        }
        (lot, Some(serial)) => {
            let unknown = || {
                AppError::not_found(Message::from(messages::SERIAL_OF_GTIN).with("serial", serial).with("gtin", gtin))
            };
            let (row, batch) = store::find_serial_with_batch(&state.db, serial.as_str()).await?.ok_or_else(unknown)?;
            let data = batch_data(&state, &batch).await?;
            // A serial printed under another product's GTIN or another lot is not this label.
            let same_gtin = data
                .product
                .gtin
                .as_deref()
                .and_then(|g| gs1::Gtin::parse(g).ok())
                .is_some_and(|g| g.as_gtin14() == gtin);
            if !same_gtin || lot.as_ref().is_some_and(|l| l.as_str() != batch.lot) {
                return Err(unknown().into());
            }
            (batch, Some(row), Some(data))
        }
    };
    answer(&state, page, &headers, &params, batch, serial, data).await
}

/// `GET /q/{code}`: a batch of a product without a GTIN.
pub async fn resolve_code(
    State(state): State<TraceState>,
    page: Page,
    headers: HeaderMap,
    Path(code): Path<String>,
    Query(params): Query<ResolveParams>,
) -> Result<Response, PageError> {
    let code = code.to_ascii_uppercase();
    let batch = store::find_batch_by_code(&state.db, &code)
        .await?
        .ok_or_else(|| AppError::not_found(Message::from(messages::TRACEABILITY_CODE).with("code", &code)))?;
    answer(&state, page, &headers, &params, batch, None, None).await
}

/// `GET /q/{code}/{serial}`: one unit's label.
pub async fn resolve_code_serial(
    State(state): State<TraceState>,
    page: Page,
    headers: HeaderMap,
    Path((code, serial)): Path<(String, String)>,
    Query(params): Query<ResolveParams>,
) -> Result<Response, PageError> {
    let code = code.to_ascii_uppercase();
    let serial = serial.to_ascii_uppercase();
    let unknown =
        || AppError::not_found(Message::from(messages::SERIAL_OF_CODE).with("serial", &serial).with("code", &code));
    let (row, batch) = store::find_serial_with_batch(&state.db, &serial).await?.ok_or_else(unknown)?;
    if batch.code != code {
        return Err(unknown().into());
    }
    answer(&state, page, &headers, &params, batch, Some(row), None).await
}

/// `/01/{gtin}` alone: the product's page.
async fn product_by_gtin(db: &Db, spellings: &[String], gtin: &str) -> Result<Response, PageError> {
    let not_found = || AppError::not_found(Message::from(messages::PRODUCT_WITH_GTIN).with("gtin", gtin));
    let id = catalog::store::find_id_by_gtin(db, spellings).await?.ok_or_else(not_found)?;
    let product = catalog::store::find_by_id(db, id).await?.ok_or_else(not_found)?;
    if product.status == ProductStatus::Draft {
        return Err(not_found().into());
    }
    Ok(Redirect::to(&format!("/p/{}", product.slug)).into_response())
}

/// The answer for a resolved batch (and serial); `data` when the caller has it already.
async fn answer(
    state: &TraceState,
    page: Page,
    headers: &HeaderMap,
    params: &ResolveParams,
    batch: Batch,
    serial: Option<SerialRow>,
    data: Option<Arc<BatchData>>,
) -> Result<Response, PageError> {
    let not_found = || AppError::not_found(messages::BATCH);
    let data = match data {
        Some(data) => data,
        None => batch_data(state, &batch).await?,
    };
    let product = &data.product;
    if product.status == ProductStatus::Draft
        && !page.user.as_ref().is_some_and(|u| u.can_manage_producer(batch.producer_id))
    {
        return Err(not_found().into());
    }
    let base = &state.settings.public_url;
    let here = match &serial {
        Some(s) => format!("{base}{}", service::serial_path(product, &batch, &s.serial)),
        None => format!("{base}{}", service::batch_path(product, &batch)),
    };
    let links = Links::of(base, product, &batch);
    match params.link_type.as_deref() {
        None => {}
        Some("all") | Some("linkset") => return Ok(linkset(&here, &links)),
        Some(other) => {
            let target = links
                .by_type(other)
                .ok_or_else(|| AppError::not_found(Message::from(messages::UNKNOWN_LINK_TYPE).with("other", other)))?;
            return Ok((StatusCode::TEMPORARY_REDIRECT, [(header::LOCATION, target)]).into_response());
        }
    }
    let place = scans::place_from(headers);
    let verdict = match &serial {
        Some(row) => {
            let places = if row.has_places { store::scan_places(&state.db, row.id).await? } else { Vec::new() };
            state.scans.record(row.id, place.clone());
            Some(scans::verdict(
                row.scan_count,
                row.first_scan_at.clone(),
                places,
                &place,
                state.settings.scan_alert_count,
                state.settings.scan_alert_places,
            ))
        }
        None => None,
    };
    if crate::web::extract::wants_json(headers) {
        return Ok(resolution_json(&here, &links, &data, &batch, serial.as_ref(), verdict.as_ref()));
    }
    let view = BatchView::new(&page, &here, &links, &data, batch, serial, verdict);
    let mut response = render(&BatchTemplate { page, v: view });
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// The batch's product, producer, events, files and verdict: from the cache when
/// its chain head is the same, else from the database (and verified).
async fn batch_data(state: &TraceState, batch: &Batch) -> Result<Arc<BatchData>, AppError> {
    if let Some(data) = state.batch_cache.get(batch.id, &batch.head_hash) {
        return Ok(data);
    }
    let not_found = || AppError::not_found(messages::BATCH);
    let product = catalog::store::find_by_id(&state.db, batch.product_id).await?.ok_or_else(not_found)?;
    let producer = producers::store::find_by_id(&state.db, batch.producer_id).await?.ok_or_else(not_found)?;
    let events = store::events_of(&state.db, batch.id).await?;
    let files = store::files_of(&state.db, batch.id).await?;
    let record = service::record(&state.trace_key, batch, &events);
    let verified = chain::verify(&record, Some(&state.trace_key.verifying()));
    let events_json = events_json(&events);
    let data = Arc::new(BatchData { product, producer, events, files, verified, events_json });
    state.batch_cache.put(batch.id, &batch.head_hash, data.clone());
    Ok(data)
}

/// Where a batch's related resources live.
struct Links {
    pip: String,
    batch_page: String,
    epcis: String,
    record: String,
    certification: Option<String>,
}

impl Links {
    fn of(base: &str, product: &Product, batch: &Batch) -> Links {
        Links {
            pip: format!("{base}/p/{}", product.slug),
            batch_page: format!("{base}{}", service::batch_path(product, batch)),
            epcis: format!("{base}/api/v1/batches/{}/epcis", batch.id),
            record: format!("{base}/api/v1/batches/{}/record", batch.id),
            certification: product.ocop.as_ref().map(|_| format!("{base}/p/{}#ocop-h", product.slug)),
        }
    }

    fn by_type(&self, link_type: &str) -> Option<String> {
        match link_type.trim_start_matches("https://gs1.org/voc/").trim_start_matches("gs1:") {
            "pip" => Some(self.pip.clone()),
            "defaultLink" => Some(self.batch_page.clone()),
            "traceability" | "epcis" => Some(self.epcis.clone()),
            "certificationInfo" => self.certification.clone(),
            _ => None,
        }
    }
}

/// A GS1 linkset (RFC 9264 JSON, GS1 Digital Link link types).
fn linkset(anchor: &str, links: &Links) -> Response {
    let mut set = serde_json::Map::new();
    set.insert("anchor".into(), json!(anchor));
    set.insert(
        "https://gs1.org/voc/defaultLink".into(),
        json!([{"href": links.batch_page, "title": "Truy xuất lô hàng / Batch traceability", "type": "text/html", "hreflang": ["vi", "en"]}]),
    );
    set.insert(
        "https://gs1.org/voc/pip".into(),
        json!([{"href": links.pip, "title": "Thông tin sản phẩm / Product information", "type": "text/html", "hreflang": ["vi", "en"]}]),
    );
    set.insert(
        "https://gs1.org/voc/traceability".into(),
        json!([
            {"href": links.epcis, "title": "EPCIS 2.0", "type": "application/ld+json"},
            {"href": links.record, "title": "Hồ sơ ký số / Signed record", "type": "application/json"}
        ]),
    );
    if let Some(cert) = &links.certification {
        set.insert(
            "https://gs1.org/voc/certificationInfo".into(),
            json!([{"href": cert, "title": "Giấy chứng nhận OCOP / OCOP certificate", "type": "text/html"}]),
        );
    }
    let body = json!({"linkset": [Value::Object(set)]});
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/linkset+json"))], Json(body)).into_response()
}

/// The JSON answer: the batch's timeline comes serialised from the cache.
#[derive(Serialize)]
struct Resolution<'a> {
    url: &'a str,
    genuine: bool,
    verification: String,
    batch: Value,
    product: Value,
    producer: Value,
    serial: Option<Value>,
    events: &'a RawValue,
    links: Value,
}

fn resolution_json(
    here: &str,
    links: &Links,
    data: &BatchData,
    batch: &Batch,
    serial: Option<&SerialRow>,
    verdict: Option<&ScanVerdict>,
) -> Response {
    let (product, producer, verified) = (&data.product, &data.producer, &data.verified);
    let body = Resolution {
        url: here,
        genuine: verified.is_ok(),
        verification: match verified {
            Ok(v) => format!("verified: {} events, key {}", v.event_count, v.key_id),
            Err(e) => e.to_string(),
        },
        batch: json!({
            "id": batch.id, "product_id": batch.product_id, "lot": batch.lot, "code": batch.code,
            "produced_on": batch.produced_on, "expires_on": batch.expires_on, "quantity": batch.quantity,
            "origin_commune_code": batch.origin_commune_code, "digital_link": links.batch_page,
        }),
        product: json!({"id": product.id, "name": product.name, "name_en": product.name_en, "gtin": product.gtin, "page": links.pip,
            "ocop_stars": product.valid_stars(db::today_vn())}),
        producer: json!({"id": producer.id, "name": producer.name, "address": producer.address(), "store": format!("/s/{}", producer.slug)}),
        serial: serial.map(|s| {
            json!({
                "serial": s.serial,
                "scan_count": verdict.map(|v| v.count),
                "first_scan_at": verdict.map(|v| v.first_scan_at.clone()),
                "suspicious": verdict.is_some_and(|v| v.suspicious()),
            })
        }),
        events: &data.events_json,
        links: json!({"epcis": links.epcis, "record": links.record}),
    };
    Json(body).into_response()
}

/// The timeline of the JSON answer.
fn events_json(events: &[StoredEvent]) -> Box<RawValue> {
    let rows: Vec<Value> = timeline(events)
        .iter()
        .map(|e| json!({"seq": e.seq, "kind": e.kind, "event_time": e.event_time_utc, "body": e.body}))
        .collect();
    serde_json::value::to_raw_value(&rows).expect("JSON values serialise")
}

/// Events in the order they happened (ties: the order they were recorded).
fn timeline(events: &[StoredEvent]) -> Vec<&StoredEvent> {
    let mut ordered: Vec<&StoredEvent> = events.iter().collect();
    ordered.sort_by(|a, b| a.event_time_utc.cmp(&b.event_time_utc).then(a.seq.cmp(&b.seq)));
    ordered
}

/// One row of the page's timeline.
pub struct TimelineRow {
    pub seq: i64,
    pub kind_key: &'static str,
    pub time_local: String,
    pub who: String,
    pub place: String,
    pub note: String,
    pub quantity: Option<i64>,
    pub failed: bool,
    pub corrects: Option<i64>,
    pub corrected: bool,
    pub attachments: Vec<(i64, String)>,
    /// The carton (SSCC) the event names, if any.
    pub sscc: String,
}

pub struct BatchView {
    pub here: String,
    pub product_name: String,
    pub product_name_vi: String,
    pub product_url: String,
    pub image: Option<i64>,
    pub stars: Option<u8>,
    pub ocop_no: String,
    pub ocop_authority: String,
    pub producer_name: String,
    pub producer_url: String,
    pub producer_address: String,
    pub producer_phone: String,
    pub lot: String,
    pub code: String,
    pub produced_on: String,
    pub expires_on: String,
    pub quantity: i64,
    pub unit: String,
    pub origin: String,
    pub gps: Option<(String, String)>,
    pub standards: String,
    pub inputs: Vec<String>,
    pub genuine: bool,
    pub broken: String,
    pub key_id: String,
    pub serial: Option<String>,
    pub verdict: Option<ScanVerdict>,
    pub first_scan: String,
    pub rows: Vec<TimelineRow>,
    pub files: Vec<TraceFile>,
    pub batch_id: i64,
    pub share: ShareLinks,
}

fn text(body: &Value, pointer: &str) -> String {
    body.pointer(pointer).and_then(Value::as_str).unwrap_or("").to_string()
}

/// `u=<url, form-encoded>`, the query share links take.
impl BatchView {
    fn new(
        page: &Page,
        here: &str,
        links: &Links,
        data: &BatchData,
        batch: Batch,
        serial: Option<SerialRow>,
        verdict: Option<ScanVerdict>,
    ) -> BatchView {
        let (product, producer, events, verified) = (&data.product, &data.producer, &data.events, &data.verified);
        let corrected: Vec<i64> = events.iter().filter_map(|e| e.corrects_seq).collect();
        let rows = timeline(events)
            .into_iter()
            .map(|e| TimelineRow {
                seq: e.seq,
                kind_key: EventKind::label_key_of(&e.kind),
                time_local: crate::vn::time_vn(&e.event_time_utc),
                who: [text(&e.body, "/who"), text(&e.body, "/recorded_by/name")]
                    .into_iter()
                    .find(|w| !w.is_empty())
                    .unwrap_or_default(),
                place: [text(&e.body, "/place/commune"), text(&e.body, "/place/province"), text(&e.body, "/place/gln")]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
                note: text(&e.body, "/note"),
                quantity: e.body.get("quantity").and_then(Value::as_i64),
                failed: e.body.get("passed") == Some(&Value::Bool(false)),
                corrects: e.corrects_seq,
                corrected: corrected.contains(&e.seq),
                sscc: text(&e.body, "/sscc"),
                attachments: e
                    .body
                    .get("attachments")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(|f| Some((f.get("id")?.as_i64()?, f.get("title")?.as_str()?.to_string())))
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect();
        let commune = admin_units::commune(&batch.origin_commune_code);
        let origin = [
            commune.map(|c| c.name.clone()).unwrap_or_default(),
            commune.and_then(|c| admin_units::province(&c.province_code)).map(|p| p.name.clone()).unwrap_or_default(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
        let inputs = batch
            .header
            .get("inputs")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .map(|i| {
                        let lot = i.get("lot").and_then(Value::as_str).map(|l| format!("{}: {l}", page.t("lot")));
                        let description = i.get("description").and_then(Value::as_str).unwrap_or("").to_string();
                        [lot.unwrap_or_default(), description]
                            .into_iter()
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(" — ")
                    })
                    .collect()
            })
            .unwrap_or_default();
        let ocop = product.ocop.as_ref().filter(|o| o.is_valid_on(db::today_vn()));
        BatchView {
            here: here.to_string(),
            product_name: product.display_name(page.is_en()).to_string(),
            product_name_vi: product.name.clone(),
            product_url: links.pip.clone(),
            image: product.cover.map(|c| c.0),
            stars: ocop.map(|o| o.stars),
            ocop_no: ocop.map(|o| o.certificate_no.clone()).unwrap_or_default(),
            ocop_authority: ocop.map(|o| o.authority.clone()).unwrap_or_default(),
            producer_url: format!("/s/{}", producer.slug),
            producer_address: producer.address(),
            producer_phone: producer.phone_display(),
            producer_name: producer.name.clone(),
            lot: batch.lot.clone(),
            code: batch.code.clone(),
            produced_on: crate::vn::iso_date_vn(&batch.produced_on),
            expires_on: batch.expires_on.as_deref().map(crate::vn::iso_date_vn).unwrap_or_default(),
            quantity: batch.quantity,
            unit: product.unit.clone(),
            origin,
            gps: batch.gps_e6.map(|(lat, lon)| (super::model::degrees_text(lat), super::model::degrees_text(lon))),
            standards: batch.standards.clone(),
            inputs,
            genuine: verified.is_ok(),
            broken: verified.as_ref().err().map(|e| e.to_string()).unwrap_or_default(),
            key_id: batch.key_id.clone(),
            first_scan: verdict.as_ref().map(|v| crate::vn::time_vn(&v.first_scan_at)).unwrap_or_default(),
            serial: serial.map(|s| s.serial),
            verdict,
            rows,
            files: data.files.clone(),
            batch_id: batch.id,
            share: ShareLinks::of(here),
        }
    }
}

#[derive(Template)]
#[template(path = "trace/batch.html")]
struct BatchTemplate {
    page: Page,
    v: BatchView,
}
