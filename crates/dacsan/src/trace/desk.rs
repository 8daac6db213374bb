//! The seller's traceability pages, made for a phone: a product's batches with a
//! form for a new one (`/seller/products/{id}/batches`), and one batch with its
//! QR code, label sheets, events, files and serials (`/seller/batches/{id}`).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;

use super::handovers::{self, Handover, HandoverInput};
use super::messages;
use super::model::{BatchInput, EventInput, EventKind, InputRef};
use super::service::{self, Recorder};
use super::state::TraceState;
use super::store::{self, Batch, ScanSummary, StoredEvent, TraceFile};
use crate::catalog::{self, Product};
use crate::db::Db;
use crate::error::Message;
use crate::error::{AppError, FieldErrors};
use crate::producers;
use crate::vn::admin_units;
use crate::web::PageError;
use crate::web::{CsrfForm, Page, render};

#[derive(Template)]
#[template(path = "seller/batches.html")]
struct BatchesTemplate {
    page: Page,
    product: Product,
    batches: Vec<Batch>,
    communes: Vec<&'static admin_units::Commune>,
    form: HashMap<String, String>,
    errors: FieldErrors,
}

impl BatchesTemplate {
    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }
}

async fn managed_product(db: &Db, page: &Page, id: i64) -> Result<Product, PageError> {
    let product = catalog::store::find_by_id(db, id).await?.ok_or_else(|| AppError::not_found(messages::PRODUCT))?;
    page.require_user()?.require_producer(product.producer_id)?;
    Ok(product)
}

async fn batches_page(
    db: &Db,
    page: Page,
    product: Product,
    form: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let batches = store::list_batches_of_product(db, product.id, 200).await?;
    let province =
        admin_units::commune(&product.origin_commune_code).map(|c| c.province_code.clone()).unwrap_or_default();
    let communes = admin_units::communes_of(&province).collect();
    Ok(render(&BatchesTemplate { page, product, batches, communes, form, errors }))
}

/// `GET /seller/products/{id}/batches`
pub async fn product_batches(State(db): State<Db>, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let product = managed_product(&db, &page, id).await?;
    let form = HashMap::from([("origin_commune_code".to_string(), product.origin_commune_code.clone())]);
    batches_page(&db, page, product, form, FieldErrors::default()).await
}

/// `POST /seller/products/{id}/batches`
pub async fn create_batch(
    State(state): State<TraceState>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let product = managed_product(&state.db, &page, id).await?;
    let user = page.require_user()?.clone();
    let text = |name: &str| form.get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let input = BatchInput {
        lot: text("lot"),
        produced_on: text("produced_on"),
        expires_on: text("expires_on"),
        quantity: match text("quantity").map(|q| q.parse::<i64>()) {
            Some(Ok(q)) => Some(q),
            Some(Err(_)) => Some(0),
            None => None,
        },
        origin_commune_code: text("origin_commune_code"),
        latitude: text("latitude").map(serde_json::Value::String),
        longitude: text("longitude").map(serde_json::Value::String),
        inputs: text("inputs").map(|d| vec![InputRef { batch_id: None, description: Some(d) }]).unwrap_or_default(),
        standards: text("standards"),
    };
    let valid = match input.validate(&product.origin_commune_code, crate::db::today_vn()) {
        Ok(valid) => valid,
        Err(errors) => return batches_page(&state.db, page, product, form, errors).await,
    };
    let producer = producers::store::find_by_id(&state.db, product.producer_id)
        .await?
        .ok_or_else(|| AppError::not_found(messages::PRODUCER))?;
    match service::create_batch(&state, &user, &product, &producer, valid).await {
        Ok(batch) => Ok(Redirect::to(&format!("/seller/batches/{}", batch.id)).into_response()),
        Err(e) => batches_page(&state.db, page, product, form, PageError::form_errors(e)?).await,
    }
}

/// An event as the seller's (or the carrier's) form sends it; empty fields are left out.
pub(super) fn event_input_from_form(form: &HashMap<String, String>) -> EventInput {
    let text = |name: &str| form.get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    // `datetime-local` sends `2026-05-01T08:00` in the sender's (Vietnam's) time.
    let time = text("time").map(|t| if t.len() == 16 { format!("{t}:00+07:00") } else { t });
    EventInput {
        kind: text("kind"),
        time,
        commune_code: text("commune_code"),
        gln: text("gln"),
        who: text("who"),
        note: text("note"),
        quantity: text("quantity").and_then(|q| q.parse().ok()),
        passed: text("passed").map(|p| p == "yes"),
        container: text("container"),
        sscc: text("sscc"),
        corrects: text("corrects").and_then(|c| c.parse().ok()),
        attachments: Vec::new(),
    }
}

#[derive(Template)]
#[template(path = "seller/batch.html")]
struct BatchTemplate {
    page: Page,
    product: Product,
    batch: Batch,
    link: String,
    events: Vec<EventRow>,
    files: Vec<TraceFile>,
    kinds: &'static [EventKind],
    communes: Vec<&'static admin_units::Commune>,
    errors: FieldErrors,
    notice: String,
    /// Only for a batch with serial labels.
    scans: Option<ScanSummary>,
    handovers: Vec<Handover>,
    now: String,
    /// A link just issued to a carrier, with its QR code (SVG): shown this once.
    new_handover: Option<(String, String)>,
}

/// One line of the seller's list of events, newest first.
struct EventRow {
    seq: i64,
    kind_key: &'static str,
    time_local: String,
    corrects: Option<i64>,
    chain_hash: String,
}

impl From<StoredEvent> for EventRow {
    fn from(e: StoredEvent) -> EventRow {
        EventRow {
            seq: e.seq,
            kind_key: EventKind::label_key_of(&e.kind),
            time_local: crate::vn::time_vn(&e.event_time_utc),
            corrects: e.corrects_seq,
            chain_hash: e.chain_hash[..16].to_string(),
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct NoticeParam {
    done: Option<String>,
}

/// What the batch page shows besides the batch: a notice, the errors of a form, a
/// carrier link just issued.
#[derive(Default)]
struct Shown {
    errors: FieldErrors,
    notice: String,
    new_handover: Option<(String, String)>,
}

impl Shown {
    fn errors(errors: FieldErrors) -> Shown {
        Shown { errors, ..Shown::default() }
    }
}

async fn batch_page(
    state: &TraceState,
    page: Page,
    batch: Batch,
    product: Product,
    shown: Shown,
) -> Result<Response, PageError> {
    let events: Vec<EventRow> =
        store::events_of(&state.db, batch.id).await?.into_iter().rev().map(EventRow::from).collect();
    let files = store::files_of(&state.db, batch.id).await?;
    let province =
        admin_units::commune(&batch.origin_commune_code).map(|c| c.province_code.clone()).unwrap_or_default();
    let communes = admin_units::communes_of(&province).collect();
    let link = format!("{}{}", state.settings.public_url, service::batch_path(&product, &batch));
    let scans = if batch.serial_count > 0 {
        let settings = &state.settings;
        Some(store::scan_summary(&state.db, batch.id, settings.scan_alert_count, settings.scan_alert_places).await?)
    } else {
        None
    };
    let handovers = handovers::list_for_batch(&state.db, batch.id).await?;
    Ok(render(&BatchTemplate {
        page,
        product,
        batch,
        link,
        events,
        files,
        kinds: EventKind::ALL,
        communes,
        errors: shown.errors,
        notice: shown.notice,
        scans,
        handovers,
        now: crate::db::now(),
        new_handover: shown.new_handover,
    }))
}

/// `GET /seller/batches/{id}`
pub async fn show_batch(
    State(state): State<TraceState>,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<NoticeParam>,
) -> Result<Response, PageError> {
    let (batch, product) = super::access::managed_batch(&state.db, id, page.require_user()?).await?;
    let notice = match q.done.as_deref() {
        Some("event") => page.t("trace_event_saved"),
        Some("serials") => page.t("trace_serials_issued"),
        Some("file") => page.t("trace_file_saved"),
        Some("revoked") => page.t("trace_handover_revoked"),
        _ => "",
    }
    .to_string();
    batch_page(&state, page, batch, product, Shown { notice, ..Shown::default() }).await
}

/// `POST /seller/batches/{id}/events`
pub async fn add_event(
    State(state): State<TraceState>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let (batch, product) = super::access::managed_batch(&state.db, id, page.require_user()?).await?;
    let user = page.require_user()?.clone();
    let input = event_input_from_form(&form);
    let valid = match input.validate(time::OffsetDateTime::now_utc()) {
        Ok(valid) => valid,
        Err(errors) => return batch_page(&state, page, batch, product, Shown::errors(errors)).await,
    };
    let content = service::content_of(&state.db, &batch, valid).await?;
    match service::append(&state, &batch, Recorder::from(&user), content).await {
        Ok(_) => Ok(Redirect::to(&format!("/seller/batches/{id}?done=event")).into_response()),
        Err(e) => batch_page(&state, page, batch, product, Shown::errors(PageError::form_errors(e)?)).await,
    }
}

/// `POST /seller/batches/{id}/serials`
pub async fn issue_serials(
    State(state): State<TraceState>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let (batch, product) = super::access::managed_batch(&state.db, id, page.require_user()?).await?;
    let count = form.get("count").and_then(|c| c.trim().parse::<i64>().ok()).unwrap_or(0);
    match service::issue_serials(&state.db, &batch, count).await {
        Ok(_) => Ok(Redirect::to(&format!("/seller/batches/{id}?done=serials")).into_response()),
        Err(e) => batch_page(&state, page, batch, product, Shown::errors(PageError::form_errors(e)?)).await,
    }
}

/// `POST /seller/batches/{id}/files` (multipart: `kind`, `title`, `file`).
pub async fn upload_file(
    State(state): State<TraceState>,
    page: Page,
    jar: CookieJar,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let (batch, product) = super::access::managed_batch(&state.db, id, page.require_user()?).await?;
    let user = page.require_user()?.clone();
    let upload = super::files::read_upload(multipart).await?;
    if !crate::web::csrf::token_matches(&jar, &upload.csrf) {
        return Err(AppError::Forbidden.into());
    }
    match super::files::store_file(&state, &batch, &user, upload).await {
        Ok(_) => Ok(Redirect::to(&format!("/seller/batches/{id}?done=file")).into_response()),
        Err(e) => batch_page(&state, page, batch, product, Shown::errors(PageError::form_errors(e)?)).await,
    }
}

/// `POST /seller/batches/{id}/handovers`: the page shows the carrier's link and its
/// QR code this once.
pub async fn create_handover(
    State(state): State<TraceState>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let (batch, product) = super::access::managed_batch(&state.db, id, page.require_user()?).await?;
    let user = page.require_user()?.clone();
    let input = HandoverInput {
        carrier_name: form.get("carrier_name").cloned(),
        carrier_phone: form.get("carrier_phone").cloned(),
        days: form.get("days").and_then(|d| d.trim().parse().ok()),
    };
    let valid = match input.validate() {
        Ok(valid) => valid,
        Err(errors) => return batch_page(&state, page, batch, product, Shown::errors(errors)).await,
    };
    let (_, token) = handovers::insert(&state.db, batch.id, user.id, &valid).await?;
    let url = super::handovers::carry_url(&state.settings.public_url, &token);
    let qr = super::qr::svg(&url)?;
    let notice = page.t("trace_handover_issued").to_string();
    batch_page(&state, page, batch, product, Shown { notice, new_handover: Some((url, qr)), ..Shown::default() }).await
}

/// `POST /seller/batches/{id}/handovers/{handover}/revoke`
pub async fn revoke_handover(
    State(db): State<Db>,
    page: Page,
    Path((id, handover)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let (batch, _) = super::access::managed_batch(&db, id, page.require_user()?).await?;
    if !handovers::revoke(&db, batch.id, handover).await? {
        return Err(AppError::not_found(Message::from(messages::HANDOVER).with("handover", handover)).into());
    }
    Ok(Redirect::to(&format!("/seller/batches/{id}?done=revoked#carriers-h")).into_response())
}
