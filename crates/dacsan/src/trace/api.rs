//! `/api/v1/products/{id}/batches`, `/api/v1/batches/{id}` with its events, files,
//! serials, labels, QR codes, signed record and EPCIS export, `/api/v1/epcis/events`
//! (capture) and `/.well-known/dacsan-trace-key`.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::access;
use super::chain::Record;
use super::keys::PublishedKey;
use super::labels::LabelParams;
use super::messages;
use super::model::{BatchInput, EventInput};
use super::service::{self, Recorder};
use super::state::TraceState;
use super::store::{self, Batch, InputRow, StoredEvent, TraceFile};
use super::{epcis, labels, qr};
use crate::auth::CurrentUser;
use crate::catalog::{self, Product};
use crate::config::Settings;
use crate::db::{self, Db};
use crate::error::{AppError, AppResult, Message};
use crate::producers;
use crate::web::ApiJson;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BatchJson {
    pub id: i64,
    pub product_id: i64,
    pub producer_id: i64,
    pub lot: String,
    /// The short code of `/q/{code}`.
    pub code: String,
    pub produced_on: String,
    pub expires_on: Option<String>,
    pub quantity: i64,
    pub origin_commune_code: String,
    pub latitude: Option<String>,
    pub longitude: Option<String>,
    pub standards: String,
    /// The URL the batch's QR code carries (GS1 Digital Link when the product has a GTIN).
    pub digital_link: String,
    pub event_count: i64,
    pub serial_count: i64,
    pub head_hash: String,
    pub key_id: String,
    pub created_at: String,
    pub inputs: Vec<InputRow>,
    pub files: Vec<TraceFile>,
}

async fn batch_json(state: &TraceState, product: &Product, batch: &Batch) -> AppResult<BatchJson> {
    Ok(BatchJson {
        id: batch.id,
        product_id: batch.product_id,
        producer_id: batch.producer_id,
        lot: batch.lot.clone(),
        code: batch.code.clone(),
        produced_on: batch.produced_on.clone(),
        expires_on: batch.expires_on.clone(),
        quantity: batch.quantity,
        origin_commune_code: batch.origin_commune_code.clone(),
        latitude: batch.gps_e6.map(|g| super::model::degrees_text(g.0)),
        longitude: batch.gps_e6.map(|g| super::model::degrees_text(g.1)),
        standards: batch.standards.clone(),
        digital_link: service::batch_url(&state.settings.public_url, product, batch),
        event_count: batch.event_count,
        serial_count: batch.serial_count,
        head_hash: batch.head_hash.clone(),
        key_id: batch.key_id.clone(),
        created_at: batch.created_at.clone(),
        inputs: store::inputs_of(&state.db, batch.id).await?,
        files: store::files_of(&state.db, batch.id).await?,
    })
}

/// The batch id of a path.
/// A batch anyone may see (see [`access::visible_batch`]).
pub async fn visible_batch(db: &Db, id: &str, user: Option<&CurrentUser>) -> AppResult<(Batch, Product)> {
    access::visible_batch(db, access::batch_id(id)?, user).await
}

/// A batch the user may add events and files to.
async fn recordable_batch(state: &TraceState, id: &str, user: &CurrentUser) -> AppResult<(Batch, Product)> {
    let (batch, product) = visible_batch(&state.db, id, Some(user)).await?;
    if !service::may_record(user, &batch) {
        return Err(AppError::Forbidden);
    }
    Ok((batch, product))
}

/// Record a batch (lot) of one of your products.
#[utoipa::path(post, path = "/api/v1/products/{id}/batches", tag = "trace", request_body = BatchInput,
    params(("id" = i64, Path, description = "product id")), security(("bearer" = [])),
    responses((status = 201, body = BatchJson), (status = 401), (status = 403), (status = 404), (status = 409, description = "the product already has this lot"), (status = 422)))]
pub async fn create_batch(
    State(state): State<TraceState>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<BatchInput>,
) -> AppResult<(StatusCode, Json<BatchJson>)> {
    let product = catalog::access::visible_product(&state.db, &id, Some(&user)).await?;
    user.require_producer(product.producer_id)?;
    let producer = producers::store::find_by_id(&state.db, product.producer_id)
        .await?
        .ok_or_else(|| AppError::not_found(messages::PRODUCER))?;
    let valid = input.validate(&product.origin_commune_code, db::today_vn()).map_err(AppError::Invalid)?;
    let batch = service::create_batch(&state, &user, &product, &producer, valid).await?;
    tracing::info!(batch.id = batch.id, product.id = product.id, user.id = user.id, "batch {} recorded", batch.lot);
    Ok((StatusCode::CREATED, Json(batch_json(&state, &product, &batch).await?)))
}

/// The batches of a product, newest first.
#[utoipa::path(get, path = "/api/v1/products/{id}/batches", tag = "trace",
    params(("id" = i64, Path, description = "product id")),
    responses((status = 200, body = [BatchJson]), (status = 404)))]
pub async fn list_batches(
    State(state): State<TraceState>,
    user: Option<CurrentUser>,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<BatchJson>>> {
    let product = catalog::access::visible_product(&state.db, &id, user.as_ref()).await?;
    let mut out = Vec::new();
    for batch in store::list_batches_of_product(&state.db, product.id, 200).await? {
        out.push(batch_json(&state, &product, &batch).await?);
    }
    Ok(Json(out))
}

#[utoipa::path(get, path = "/api/v1/batches/{id}", tag = "trace", params(("id" = i64, Path, description = "batch id")),
    responses((status = 200, body = BatchJson), (status = 404)))]
pub async fn get_batch(
    State(state): State<TraceState>,
    user: Option<CurrentUser>,
    Path(id): Path<String>,
) -> AppResult<Json<BatchJson>> {
    let (batch, product) = visible_batch(&state.db, &id, user.as_ref()).await?;
    Ok(Json(batch_json(&state, &product, &batch).await?))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct EventJson {
    pub seq: i64,
    pub event_id: String,
    pub kind: String,
    /// UTC.
    pub event_time: String,
    /// The hashed body: everything recorded about the event.
    #[schema(value_type = Object)]
    pub body: serde_json::Value,
    pub content_hash: String,
    pub prev_hash: String,
    pub chain_hash: String,
    pub corrects: Option<i64>,
    /// Set when the event was recorded out of time order.
    pub note: Option<String>,
}

pub(super) fn event_json(event: StoredEvent, note: Option<Message>) -> EventJson {
    EventJson {
        seq: event.seq,
        event_id: event.event_id,
        kind: event.kind,
        event_time: event.event_time_utc,
        body: event.body,
        content_hash: event.content_hash,
        prev_hash: event.prev_hash,
        chain_hash: event.chain_hash,
        corrects: event.corrects_seq,
        note: note.map(|note| note.text().to_string()),
    }
}

/// Add a trace event (harvest, processing, packing, quality test, certification,
/// shipping, receiving, retail) to a batch: its producer's sellers, the officers of
/// its province and admins. Events are never edited: a correction is a new event
/// with `corrects`.
#[utoipa::path(post, path = "/api/v1/batches/{id}/events", tag = "trace", request_body = EventInput,
    params(("id" = i64, Path, description = "batch id")), security(("bearer" = [])),
    responses((status = 201, body = EventJson), (status = 401), (status = 403, description = "another producer's batch"), (status = 404), (status = 422)))]
pub async fn create_event(
    State(state): State<TraceState>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<EventInput>,
) -> AppResult<(StatusCode, Json<EventJson>)> {
    let (batch, _) = recordable_batch(&state, &id, &user).await?;
    let valid = input.validate(time::OffsetDateTime::now_utc()).map_err(AppError::Invalid)?;
    let content = service::content_of(&state.db, &batch, valid).await?;
    let appended = service::append(&state, &batch, Recorder::from(&user), content).await?;
    Ok((StatusCode::CREATED, Json(event_json(appended.event, appended.note))))
}

/// The batch's events in chain order.
#[utoipa::path(get, path = "/api/v1/batches/{id}/events", tag = "trace", params(("id" = i64, Path, description = "batch id")),
    responses((status = 200, body = [EventJson]), (status = 404)))]
pub async fn list_events(
    State(db): State<Db>,
    user: Option<CurrentUser>,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<EventJson>>> {
    let (batch, _) = visible_batch(&db, &id, user.as_ref()).await?;
    let events = store::events_of(&db, batch.id).await?;
    Ok(Json(events.into_iter().map(|e| event_json(e, None)).collect()))
}

/// The signed record (header, events with their hashes, chain head, Ed25519
/// signature and key id) that `dacsan trace verify FILE` checks offline.
#[utoipa::path(get, path = "/api/v1/batches/{id}/record", tag = "trace", params(("id" = i64, Path, description = "batch id")),
    responses((status = 200, body = Object, description = "the signed record"), (status = 404)))]
pub async fn get_record(
    State(state): State<TraceState>,
    user: Option<CurrentUser>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (batch, _) = visible_batch(&state.db, &id, user.as_ref()).await?;
    let events = store::events_of(&state.db, batch.id).await?;
    let record: Record = service::record(&state.trace_key, &batch, &events);
    let disposition = format!("attachment; filename=\"batch-{}-record.json\"", batch.code);
    Ok((
        [(header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).map_err(anyhow::Error::from)?)],
        Json(record),
    )
        .into_response())
}

/// The batch's events as an EPCIS 2.0 JSON-LD document.
#[utoipa::path(get, path = "/api/v1/batches/{id}/epcis", tag = "trace", params(("id" = i64, Path, description = "batch id")),
    responses((status = 200, content_type = "application/ld+json", body = Object, description = "EPCIS 2.0 document"), (status = 404)))]
pub async fn get_epcis(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    user: Option<CurrentUser>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (batch, product) = visible_batch(&db, &id, user.as_ref()).await?;
    let events = store::events_of(&db, batch.id).await?;
    let document = epcis::export(&settings.public_url, &product, &batch, &events)?;
    Ok(([(header::CONTENT_TYPE, HeaderValue::from_static("application/ld+json"))], document).into_response())
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CaptureAnswer {
    /// The events stored, in the order given.
    pub events: Vec<EventJson>,
}

/// Capture EPCIS 2.0 events (an EPCISDocument, one event or an array of events).
/// Each event is filed under the batch its EPCs or quantity classes name (a Digital
/// Link `/01/{gtin}/10/{lot}`, `/01/{gtin}/21/{serial}` or `/q/{code}` URI).
#[utoipa::path(post, path = "/api/v1/epcis/events", tag = "trace",
    request_body(content = Object, content_type = "application/ld+json", description = "EPCIS 2.0 JSON-LD"),
    security(("bearer" = [])),
    responses((status = 201, body = CaptureAnswer), (status = 400), (status = 401), (status = 403), (status = 422)))]
pub async fn capture_events(
    State(state): State<TraceState>,
    user: CurrentUser,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> AppResult<(StatusCode, Json<CaptureAnswer>)> {
    let captured = epcis::read_capture(&state, &body).await?;
    for (_, batch, _) in &captured {
        if !service::may_record(&user, batch) {
            return Err(AppError::Forbidden);
        }
    }
    let mut stored = Vec::new();
    for (content, batch, _) in captured {
        let appended = service::append(&state, &batch, Recorder::from(&user), content).await?;
        stored.push(event_json(appended.event, appended.note));
    }
    Ok((StatusCode::CREATED, Json(CaptureAnswer { events: stored })))
}

/// Upload a test result, certificate or attachment (PDF, JPEG, PNG or WebP, up to
/// 5 MB) as multipart fields `file`, `kind` and `title`. A test result or
/// certificate is also chained as a quality-test or certification event.
#[utoipa::path(post, path = "/api/v1/batches/{id}/files", tag = "trace", params(("id" = i64, Path, description = "batch id")),
    security(("bearer" = [])),
    responses((status = 201, body = TraceFile), (status = 401), (status = 403), (status = 413), (status = 422)))]
pub async fn upload_file(
    State(state): State<TraceState>,
    user: CurrentUser,
    Path(id): Path<String>,
    multipart: Multipart,
) -> AppResult<(StatusCode, Json<TraceFile>)> {
    let (batch, _) = recordable_batch(&state, &id, &user).await?;
    let upload = super::files::read_upload(multipart).await?;
    let file = super::files::store_file(&state, &batch, &user, upload).await?;
    Ok((StatusCode::CREATED, Json(file)))
}

/// A file of a batch (public, like the record it is chained in).
#[utoipa::path(get, path = "/api/v1/batches/{id}/files/{file}", tag = "trace",
    params(("id" = i64, Path, description = "batch id"), ("file" = i64, Path, description = "file id")),
    responses((status = 200, description = "the file's bytes, with its content type"), (status = 404)))]
pub async fn get_file(
    State(db): State<Db>,
    user: Option<CurrentUser>,
    Path((id, file_id)): Path<(String, i64)>,
) -> AppResult<Response> {
    let (batch, _) = visible_batch(&db, &id, user.as_ref()).await?;
    let (file, bytes) =
        store::file_bytes(&db, batch.id, file_id).await?.ok_or_else(|| AppError::not_found(messages::FILE))?;
    Ok(crate::web::uploaded_file(&file.content_type, "public, max-age=31536000, immutable", bytes))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SerialsRequest {
    pub count: i64,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SerialsAnswer {
    pub issued: usize,
    pub serial_count: i64,
    /// The URL of each new unit label.
    pub urls: Vec<String>,
}

/// Issue serial numbers for one QR label per unit (anti-counterfeit); never more
/// than the batch's quantity.
#[utoipa::path(post, path = "/api/v1/batches/{id}/serials", tag = "trace", request_body = SerialsRequest,
    params(("id" = i64, Path, description = "batch id")), security(("bearer" = [])),
    responses((status = 201, body = SerialsAnswer), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn issue_serials(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<SerialsRequest>,
) -> AppResult<(StatusCode, Json<SerialsAnswer>)> {
    let (batch, product) = access::managed_batch(&db, access::batch_id(&id)?, &user).await?;
    let serials = service::issue_serials(&db, &batch, request.count).await?;
    let base = &settings.public_url;
    let urls = serials.iter().map(|s| format!("{base}{}", service::serial_path(&product, &batch, s))).collect();
    Ok((
        StatusCode::CREATED,
        Json(SerialsAnswer { issued: serials.len(), serial_count: batch.serial_count + serials.len() as i64, urls }),
    ))
}

/// An A4 PDF sheet of QR sticker labels with name, OCOP stars, lot and expiry.
#[utoipa::path(get, path = "/api/v1/batches/{id}/labels.pdf", tag = "trace", params(("id" = i64, Path, description = "batch id"), LabelParams),
    security(("bearer" = [])),
    responses((status = 200, content_type = "application/pdf", description = "the label sheet"), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn labels_pdf(
    State(state): State<TraceState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(params): Query<LabelParams>,
) -> AppResult<Response> {
    let (batch, product) = access::managed_batch(&state.db, access::batch_id(&id)?, &user).await?;
    let pdf = labels::sheet_for(&state, &product, &batch, &params).await?;
    let disposition = format!("inline; filename=\"labels-{}.pdf\"", batch.code);
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("application/pdf")),
            (header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).map_err(anyhow::Error::from)?),
        ],
        pdf,
    )
        .into_response())
}

#[utoipa::path(get, path = "/api/v1/batches/{id}/qr.svg", tag = "trace", params(("id" = i64, Path, description = "batch id")),
    responses((status = 200, content_type = "image/svg+xml", description = "the batch's QR code"), (status = 404)))]
pub async fn batch_qr_svg(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    user: Option<CurrentUser>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (batch, product) = visible_batch(&db, &id, user.as_ref()).await?;
    let url = service::batch_url(&settings.public_url, &product, &batch);
    Ok(qr::image_response("image/svg+xml", qr::svg(&url)?))
}

#[utoipa::path(get, path = "/api/v1/batches/{id}/qr.png", tag = "trace", params(("id" = i64, Path, description = "batch id")),
    responses((status = 200, content_type = "image/png", description = "the batch's QR code"), (status = 404)))]
pub async fn batch_qr_png(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    user: Option<CurrentUser>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (batch, product) = visible_batch(&db, &id, user.as_ref()).await?;
    let url = service::batch_url(&settings.public_url, &product, &batch);
    Ok(qr::image_response("image/png", qr::png(&url)?))
}

/// `GET /.well-known/dacsan-trace-key`: the public key that signs batch records.
pub async fn trace_key(State(state): State<TraceState>) -> Json<PublishedKey> {
    Json(state.trace_key.published())
}
