//! The carrier's side of a handover (see [`super::handovers`]): the phone page behind
//! the link (`/carry/{token}`) and its API (`/api/v1/carry/{token}/events`), with
//! which a driver or a post office records the batch's shipping and receiving, and
//! the seller's API to issue, list and revoke the links
//! (`/api/v1/batches/{id}/handovers`).

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use super::access;
use super::api::{EventJson, event_json};
use super::desk::event_input_from_form;
use super::handovers::{self, CARRIER_KINDS, Handover, HandoverInput, carry_url};
use super::messages;
use super::model::{EventInput, EventKind};
use super::service::{self, Recorder};
use super::state::TraceState;
use super::store::{self, Batch};
use crate::auth::CurrentUser;
use crate::catalog::{self, Product};
use crate::config::Settings;
use crate::db::{self, Db};
use crate::error::Message;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::vn::{Province, admin_units};
use crate::web::PageError;
use crate::web::{ApiJson, CsrfForm, Page, render};

/// The handover behind a link, with its batch and product, while it lives.
async fn live_handover(db: &Db, token: &str) -> AppResult<(Handover, Batch, Product)> {
    let handover =
        handovers::find_by_token(db, token).await?.ok_or_else(|| AppError::not_found(messages::HANDOVER_LINK))?;
    if !handover.is_live(&db::now()) {
        let link = Message::from(messages::HANDOVER_LINK_OF).with("carrier", &handover.carrier_name);
        return Err(AppError::Gone(link));
    }
    let not_found = || AppError::not_found(messages::BATCH);
    let batch = store::find_batch(db, handover.batch_id).await?.ok_or_else(not_found)?;
    let product = catalog::store::find_by_id(db, batch.product_id).await?.ok_or_else(not_found)?;
    Ok((handover, batch, product))
}

/// A carrier's event: only the kinds a carrier records, and the carrier named as
/// the one who did it unless they name someone else.
fn carrier_event(handover: &Handover, mut input: EventInput) -> AppResult<super::model::ValidEvent> {
    let kind = input.kind.as_deref().map(str::trim).and_then(EventKind::parse);
    if !kind.is_some_and(|k| CARRIER_KINDS.contains(&k)) {
        let names: Vec<&str> = CARRIER_KINDS.iter().map(|k| k.as_str()).collect();
        return Err(AppError::invalid(
            "kind",
            Message::from(messages::CARRIER_EVENT_KINDS).with("join", names.join(", ")),
        ));
    }
    if input.who.as_deref().is_none_or(|w| w.trim().is_empty()) {
        input.who = Some(handover.carrier_name.clone());
    }
    input.corrects = None;
    input.attachments = Vec::new();
    input.validate(time::OffsetDateTime::now_utc()).map_err(AppError::Invalid)
}

#[derive(Template)]
#[template(path = "trace/carry.html")]
struct CarryTemplate {
    page: Page,
    handover: Handover,
    product: Product,
    batch: Batch,
    batch_link: String,
    /// Latest first.
    events: Vec<CarryEventRow>,
    kinds: &'static [EventKind],
    provinces: &'static [Province],
    form: HashMap<String, String>,
    errors: FieldErrors,
    notice: bool,
}

impl CarryTemplate {
    fn value(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }
}

struct CarryEventRow {
    kind_key: &'static str,
    time_local: String,
    who: String,
}

#[derive(Debug, Deserialize)]
pub struct DoneParam {
    done: Option<String>,
}

async fn carry_page(
    state: &TraceState,
    page: Page,
    (handover, batch, product): (Handover, Batch, Product),
    form: HashMap<String, String>,
    errors: FieldErrors,
    notice: bool,
) -> Result<Response, PageError> {
    let events = store::events_of(&state.db, batch.id)
        .await?
        .into_iter()
        .rev()
        .take(10)
        .map(|e| CarryEventRow {
            kind_key: EventKind::label_key_of(&e.kind),
            time_local: crate::vn::time_vn(&e.event_time_utc),
            who: e.body.get("who").and_then(|w| w.as_str()).unwrap_or_default().to_string(),
        })
        .collect();
    let batch_link = service::batch_url(&state.settings.public_url, &product, &batch);
    let mut response = render(&CarryTemplate {
        page,
        handover,
        product,
        batch,
        batch_link,
        events,
        kinds: &CARRIER_KINDS,
        provinces: admin_units::provinces(),
        form,
        errors,
        notice,
    });
    // The token is in the URL: keep it out of other sites' logs and of shared caches.
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    Ok(response)
}

/// `GET /carry/{token}`
pub async fn show_carry(
    State(state): State<TraceState>,
    page: Page,
    Path(token): Path<String>,
    Query(q): Query<DoneParam>,
) -> Result<Response, PageError> {
    let handover = live_handover(&state.db, &token).await?;
    carry_page(&state, page, handover, HashMap::new(), FieldErrors::default(), q.done.is_some()).await
}

/// `POST /carry/{token}`: the form's place is a province and a commune's name, as a
/// carrier knows it (old names of merged communes are found too).
pub async fn record_carry(
    State(state): State<TraceState>,
    page: Page,
    Path(token): Path<String>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let (handover, batch, product) = live_handover(&state.db, &token).await?;
    let text = |name: &str| form.get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let commune_code = match commune_from_form(text("province_code"), text("commune")) {
        Ok(code) => code,
        Err(errors) => return carry_page(&state, page, (handover, batch, product), form, errors, false).await,
    };
    let input = EventInput { commune_code, ..event_input_from_form(&form) };
    let valid = match carrier_event(&handover, input) {
        Ok(valid) => valid,
        Err(e) => {
            let errors = PageError::form_errors(e)?;
            return carry_page(&state, page, (handover, batch, product), form, errors, false).await;
        }
    };
    let content = service::content_of(&state.db, &batch, valid).await?;
    service::append(&state, &batch, Recorder::from(&handover), content).await?;
    tracing::info!(
        batch.id = batch.id,
        handover.id = handover.id,
        "carrier {} recorded an event",
        handover.carrier_name
    );
    Ok(Redirect::to(&format!("/carry/{token}?done=event")).into_response())
}

/// The commune code a province and a commune name point to; none when both are empty.
fn commune_from_form(province: Option<String>, commune: Option<String>) -> Result<Option<String>, FieldErrors> {
    let mut errors = FieldErrors::default();
    match (province, commune) {
        (_, None) => Ok(None),
        (None, Some(_)) => {
            errors.add("province_code", messages::CHOOSE_THE_COMMUNE_S_PROVINCE);
            Err(errors)
        }
        (Some(province), Some(name)) => match admin_units::find_commune(&province, &name) {
            Ok(commune) => Ok(Some(commune.code.clone())),
            Err(candidates) if candidates.is_empty() => {
                errors.add("commune", Message::from(messages::NO_COMMUNE_THERE).with("name", &name));
                Err(errors)
            }
            Err(candidates) => {
                let names: Vec<String> = candidates.iter().map(|c| c.name.clone()).collect();
                errors.add(
                    "commune",
                    Message::from(messages::SEVERAL_PLACES_HAVE_THIS_NAME).with("join", names.join(", ")),
                );
                Err(errors)
            }
        },
    }
}

/// Record a shipping or receiving event with a carrier's handover link: no account,
/// the token in the path. `who` defaults to the carrier's name.
#[utoipa::path(post, path = "/api/v1/carry/{token}/events", tag = "trace", request_body = EventInput,
    params(("token" = String, Path, description = "the handover link's token")),
    responses((status = 201, body = EventJson), (status = 404, description = "no such link"), (status = 410, description = "the link expired or was revoked"), (status = 422)))]
pub async fn create_carrier_event(
    State(state): State<TraceState>,
    Path(token): Path<String>,
    ApiJson(input): ApiJson<EventInput>,
) -> AppResult<(StatusCode, Json<EventJson>)> {
    let (handover, batch, _) = live_handover(&state.db, &token).await?;
    let valid = carrier_event(&handover, input)?;
    let content = service::content_of(&state.db, &batch, valid).await?;
    let appended = service::append(&state, &batch, Recorder::from(&handover), content).await?;
    Ok((StatusCode::CREATED, Json(event_json(appended.event, appended.note))))
}

/// A handover as the seller's API shows it; `url` only when it is issued.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct HandoverJson {
    #[serde(flatten)]
    pub handover: Handover,
    pub live: bool,
    /// The link to give the carrier (page and API): shown once, at issue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Hand a batch to a carrier: a link with which they record its shipping and
/// receiving, for 1 to 30 days. The link is in this answer only.
#[utoipa::path(post, path = "/api/v1/batches/{id}/handovers", tag = "trace", request_body = HandoverInput,
    params(("id" = i64, Path, description = "batch id")), security(("bearer" = [])),
    responses((status = 201, body = HandoverJson), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn create_handover(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<HandoverInput>,
) -> AppResult<(StatusCode, Json<HandoverJson>)> {
    let (batch, _) = access::managed_batch(&db, access::batch_id(&id)?, &user).await?;
    let valid = input.validate().map_err(AppError::Invalid)?;
    let (handover, token) = handovers::insert(&db, batch.id, user.id, &valid).await?;
    tracing::info!(batch.id = batch.id, handover.id = handover.id, user.id = user.id, "batch handed to a carrier");
    let url = Some(carry_url(&settings.public_url, &token));
    Ok((StatusCode::CREATED, Json(HandoverJson { handover, live: true, url })))
}

/// The batch's handovers, newest first (without their links).
#[utoipa::path(get, path = "/api/v1/batches/{id}/handovers", tag = "trace",
    params(("id" = i64, Path, description = "batch id")), security(("bearer" = [])),
    responses((status = 200, body = [HandoverJson]), (status = 401), (status = 403), (status = 404)))]
pub async fn list_handovers(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<HandoverJson>>> {
    let (batch, _) = access::managed_batch(&db, access::batch_id(&id)?, &user).await?;
    let now = db::now();
    let list = handovers::list_for_batch(&db, batch.id).await?;
    Ok(Json(list.into_iter().map(|h| HandoverJson { live: h.is_live(&now), handover: h, url: None }).collect()))
}

/// Revoke a handover: its link stops working at once.
#[utoipa::path(delete, path = "/api/v1/batches/{id}/handovers/{handover}", tag = "trace",
    params(("id" = i64, Path, description = "batch id"), ("handover" = i64, Path, description = "handover id")),
    security(("bearer" = [])),
    responses((status = 204), (status = 401), (status = 403), (status = 404)))]
pub async fn revoke_handover(
    State(db): State<Db>,
    user: CurrentUser,
    Path((id, handover)): Path<(String, i64)>,
) -> AppResult<StatusCode> {
    let (batch, _) = access::managed_batch(&db, access::batch_id(&id)?, &user).await?;
    if !handovers::revoke(&db, batch.id, handover).await? {
        return Err(AppError::not_found(Message::from(messages::HANDOVER).with("handover", handover)));
    }
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_carriers_place_is_a_province_and_a_commune_name() {
        assert_eq!(commune_from_form(None, None).unwrap(), None);
        assert!(commune_from_form(None, Some("Ba Đình".into())).unwrap_err().get("province_code").is_some());
        let hanoi = admin_units::find_province("Hà Nội").unwrap();
        let code = commune_from_form(Some(hanoi.code.clone()), Some("ba dinh".into())).unwrap().unwrap();
        assert_eq!(admin_units::commune(&code).unwrap().short_name, "Ba Đình");
        let unknown = commune_from_form(Some(hanoi.code.clone()), Some("Nowhere".into())).unwrap_err();
        assert!(unknown.get("commune").unwrap().contains("Nowhere"));
    }
}
