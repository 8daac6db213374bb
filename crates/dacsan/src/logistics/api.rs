//! `/api/v1` of delivery: shipments of an order, carriers' notifications,
//! producers' delivery terms and the rate cards.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use super::messages;
use super::model::{Shipment, ShipmentStatus, StoredNotification};
use super::options::DeliveryTerms;
use super::rates::RateCard;
use super::service::parcels_of;
use super::shipments::{self, ShipmentInput};
use super::{notifications, parcel_labels, store};
use crate::auth::CurrentUser;
use crate::config::Settings;
use crate::db::Db;
use crate::error::Message;
use crate::error::{AppError, AppResult};
use crate::jobs::Jobs;
use crate::logistics::Logistics;
use crate::orders::access::visible_order;
use crate::orders::delivery::ParcelView;
use crate::orders::model::Actor;
use crate::web::ApiJson;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ShipmentJson {
    pub id: i64,
    pub code: String,
    pub carrier: String,
    pub service: String,
    pub tracking_code: Option<String>,
    pub status: String,
    pub weight_g: i64,
    pub cod_vnd: i64,
    pub fee_vnd: Option<i64>,
    pub label_url: String,
    pub tracking_url: Option<String>,
    pub error: Option<String>,
    /// Whose carrier account booked it: `platform` or `producer` (its own).
    pub account: String,
    /// The parcel's SSCC (GS1 AI 00), once dacsan has printed its own label for it.
    pub sscc: Option<String>,
}

impl From<&Shipment> for ShipmentJson {
    fn from(s: &Shipment) -> Self {
        ShipmentJson {
            id: s.id,
            code: s.code.clone(),
            carrier: s.carrier.clone(),
            service: s.service.clone(),
            tracking_code: s.tracking_code.clone(),
            status: s.status.as_str().to_string(),
            weight_g: s.weight_g,
            cod_vnd: s.cod_vnd,
            fee_vnd: s.fee_vnd,
            label_url: s.label_path(),
            tracking_url: s.tracking_url(),
            error: s.error.as_deref().map(|e| Message::from_stored(e).text().to_string()),
            account: s.account.as_str().to_string(),
            sscc: s.sscc.map(|sscc| sscc.as_str().to_string()),
        }
    }
}

fn require_seller(actor: Actor) -> AppResult<()> {
    match actor {
        Actor::Seller | Actor::Admin => Ok(()),
        _ => Err(AppError::Forbidden),
    }
}

/// Book the order's parcels with a carrier (the one chosen at checkout unless
/// another is named), or record a parcel given to another carrier or delivered
/// by the producer. One shipment per parcel.
#[utoipa::path(post, path = "/api/v1/orders/{id}/shipments", tag = "shipping", request_body = ShipmentInput,
    params(("id" = String, Path, description = "order id or code")), security(("bearer" = [])),
    responses((status = 201, body = Vec<ShipmentJson>), (status = 202, body = Vec<ShipmentJson>, description = "the carrier did not answer yet: the parcels stay `booking` and dacsan retries by itself (no second waybill)"), (status = 404), (status = 409, description = "the order cannot ship now"), (status = 422, description = "bad parcels, or the carrier refused the parcel")))]
pub async fn create_shipment(
    State(db): State<Db>,
    State(jobs): State<Jobs>,
    State(logistics): State<Arc<Logistics>>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ShipmentInput>,
) -> AppResult<(StatusCode, Json<Vec<ShipmentJson>>)> {
    let (order, actor) = visible_order(&db, &id, Some(&user), None).await?;
    require_seller(actor)?;
    let created = shipments::create(&db, &logistics, &jobs, &order, Some(user.id), &input).await?;
    // A parcel the carrier has not answered for yet is retried in the background.
    let status = if created.iter().any(|s| s.status == ShipmentStatus::Booking) {
        StatusCode::ACCEPTED
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(created.iter().map(ShipmentJson::from).collect())))
}

/// The shipment and the order it belongs to, if the asker sells it.
async fn managed_shipment(db: &Db, user: &CurrentUser, id: i64) -> AppResult<Shipment> {
    let shipment = store::find_shipment(db, id).await?.ok_or_else(|| AppError::not_found(messages::SHIPMENT))?;
    let (_, actor) = visible_order(db, &shipment.order_id.to_string(), Some(user), None)
        .await
        .map_err(|_| AppError::not_found(messages::SHIPMENT))?;
    require_seller(actor).map_err(|_| AppError::not_found(messages::SHIPMENT))?;
    Ok(shipment)
}

/// Cancel a booking before the carrier picks the parcel up.
#[utoipa::path(delete, path = "/api/v1/shipments/{id}", tag = "shipping", params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = ShipmentJson), (status = 404), (status = 409, description = "already picked up")))]
pub async fn cancel_shipment(
    State(db): State<Db>,
    State(jobs): State<Jobs>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> AppResult<Json<ShipmentJson>> {
    let shipment = managed_shipment(&db, &user, id).await?;
    let cancelled = shipments::cancel(&db, &jobs, &shipment).await?;
    Ok(Json(ShipmentJson::from(&cancelled)))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct LabelParams {
    /// `dacsan` for dacsan's own A6 labels even when the carrier has its own (a
    /// parcel dropped at a collection point); `carrier` or left out: the carrier's
    /// label when it has one, else dacsan's.
    pub source: Option<String>,
}

/// The parcel's label: the carrier's own (a PDF, or a redirect to the carrier's
/// print page), or dacsan's A6 labels (PDF, one page per parcel of the order that
/// travels the same way) for own delivery, other carriers and collection points:
/// the order's QR code, a Code 128 of the tracking code and the parcel's SSCC.
#[utoipa::path(get, path = "/api/v1/shipments/{id}/label", tag = "shipping", params(("id" = i64, Path), LabelParams), security(("bearer" = [])),
    responses((status = 200, content_type = "application/pdf"), (status = 303), (status = 404), (status = 409, description = "a cancelled parcel, or the carrier gave no label"), (status = 422)))]
pub async fn shipment_label(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    State(logistics): State<Arc<Logistics>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<LabelParams>,
) -> AppResult<Response> {
    let shipment = managed_shipment(&db, &user, id).await?;
    let dacsan = match q.source.as_deref().map(str::trim) {
        None | Some("" | "carrier") => false,
        Some("dacsan") => true,
        Some(other) => {
            return Err(AppError::invalid(
                "source",
                Message::from(messages::LABEL_SOURCE_ONE_OF).with("source", other),
            ));
        }
    };
    let client = logistics.shipment_client(&db, &shipment).await?.ok();
    let (Some(client), Some(waybill), false) = (client, shipment.tracking_code.as_deref(), dacsan) else {
        let pdf = parcel_labels::pdf(&db, &settings, &shipment).await?;
        let disposition = format!("inline; filename=\"nhan-{}.pdf\"", shipment.code);
        return Ok((
            [(header::CONTENT_TYPE, "application/pdf".to_string()), (header::CONTENT_DISPOSITION, disposition)],
            pdf,
        )
            .into_response());
    };
    match client.label(waybill).await {
        Ok(carriers::Label::Pdf(bytes)) => Ok(([(header::CONTENT_TYPE, "application/pdf")], bytes).into_response()),
        Ok(carriers::Label::Url(url)) => Ok(Redirect::to(&url).into_response()),
        Err(err) => {
            Err(AppError::conflict("label", Message::from(messages::CARRIER_GAVE_NO_LABEL).with("detail", &err)))
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ParcelList {
    pub items: Vec<ParcelView>,
}

/// An order's parcels with their journeys (the same as in the order's `shipments`).
#[utoipa::path(get, path = "/api/v1/orders/{id}/shipments", tag = "shipping",
    params(("id" = String, Path, description = "order id or code"), crate::orders::access::TokenParam),
    responses((status = 200, body = ParcelList), (status = 404)))]
pub async fn list_shipments(
    State(db): State<Db>,
    user: Option<CurrentUser>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<crate::orders::access::TokenParam>,
) -> AppResult<Json<ParcelList>> {
    let token = crate::orders::access::guest_token(&headers, &q);
    let (order, _) = visible_order(&db, &id, user.as_ref(), token).await?;
    Ok(Json(ParcelList { items: parcels_of(&db, order.id).await? }))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct WebhookParams {
    /// The secret registered with the carrier in the notification URL.
    pub token: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct WebhookAnswer {
    /// `applied`, `duplicate`, `older`, `unknown_waybill` or `unknown_status`.
    pub outcome: String,
}

/// A carrier's status notification, in the carrier's own documented body (GHN
/// JSON, GHTK form or JSON, Viettel Post JSON). Stored as received; a duplicate
/// changes nothing; an older status never moves a parcel back.
#[utoipa::path(post, path = "/api/v1/shipping/webhooks/{carrier}", tag = "shipping",
    request_body(content = String, description = "the carrier's notification as it sends it (JSON or form)"),
    params(("carrier" = String, Path, description = "ghn, ghtk, viettelpost or vnpost"), WebhookParams),
    responses((status = 200, body = WebhookAnswer), (status = 400, description = "unreadable body (kept for an admin)"), (status = 401), (status = 404)))]
pub async fn receive_notification(
    State(db): State<Db>,
    State(logistics): State<Arc<Logistics>>,
    Path(carrier): Path<String>,
    Query(params): Query<WebhookParams>,
    headers: HeaderMap,
    body: String,
) -> AppResult<Json<WebhookAnswer>> {
    let carrier = carriers::Carrier::parse(&carrier).ok_or_else(|| AppError::not_found(messages::CARRIER))?;
    if !logistics.webhook_token_matches(params.token.as_deref().unwrap_or("")) {
        return Err(AppError::Unauthorized);
    }
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let outcome = notifications::receive(&db, &logistics.intake, carrier, content_type, body.as_bytes()).await?;
    Ok(Json(WebhookAnswer { outcome: outcome.as_str().to_string() }))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct NotificationList {
    pub items: Vec<StoredNotification>,
}

/// Notifications that need an admin: unknown waybills and unreadable bodies.
#[utoipa::path(get, path = "/api/v1/shipping/notifications", tag = "shipping", security(("bearer" = [])),
    responses((status = 200, body = NotificationList), (status = 403)))]
pub async fn list_notifications(State(db): State<Db>, user: CurrentUser) -> AppResult<Json<NotificationList>> {
    user.require_admin()?;
    Ok(Json(NotificationList { items: store::notifications_needing_review(&db, 200).await? }))
}

/// A producer's own delivery and pick-up terms.
#[utoipa::path(get, path = "/api/v1/producers/{id}/delivery", tag = "shipping", params(("id" = i64, Path)),
    responses((status = 200, body = DeliveryTerms)))]
pub async fn get_delivery_terms(State(db): State<Db>, Path(id): Path<i64>) -> AppResult<Json<DeliveryTerms>> {
    crate::producers::store::find_by_id(&db, id).await?.ok_or_else(|| AppError::not_found(messages::PRODUCER))?;
    Ok(Json(store::delivery_terms(&db, id).await?))
}

/// Set a producer's own delivery price and area, whether neighbours may collect, and
/// the collection point it drops parcels at (carriers' days then count the wait
/// for the point's next run).
#[utoipa::path(put, path = "/api/v1/producers/{id}/delivery", tag = "shipping", params(("id" = i64, Path)),
    request_body = DeliveryTerms, security(("bearer" = [])),
    responses((status = 200, body = DeliveryTerms), (status = 403), (status = 422)))]
pub async fn put_delivery_terms(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<i64>,
    ApiJson(terms): ApiJson<DeliveryTerms>,
) -> AppResult<Json<DeliveryTerms>> {
    user.require_producer(id)?;
    terms.check().map_err(|(field, message)| AppError::invalid(field, message))?;
    if let Some(point_id) = terms.collection_point_id {
        let producer = crate::producers::store::find_by_id(&db, id)
            .await?
            .ok_or_else(|| AppError::not_found(messages::PRODUCER))?;
        super::collection::service::check_choice(&db, &producer.province_code, point_id).await?;
    }
    store::save_delivery_terms(&db, id, &terms).await?;
    Ok(Json(terms))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RateCardList {
    /// The cards that price deliveries now (JSON as in `logistics/rates.rs`).
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<RateCard>,
}

/// The rate cards that price deliveries now.
#[utoipa::path(get, path = "/api/v1/shipping/rate-cards", tag = "shipping", responses((status = 200, body = RateCardList)))]
pub async fn list_rate_cards(State(logistics): State<Arc<Logistics>>) -> Json<RateCardList> {
    Json(RateCardList { items: logistics.cards().as_ref().clone() })
}

/// Add a new version of a carrier service's rate card (admins); it prices from now on.
#[utoipa::path(post, path = "/api/v1/shipping/rate-cards", tag = "shipping", request_body(content = Object),
    security(("bearer" = [])), responses((status = 201), (status = 403), (status = 422)))]
pub async fn create_rate_card(
    State(db): State<Db>,
    State(logistics): State<Arc<Logistics>>,
    user: CurrentUser,
    ApiJson(card): ApiJson<RateCard>,
) -> AppResult<StatusCode> {
    user.require_admin()?;
    card.check().map_err(|why| AppError::invalid("card", why))?;
    store::insert_card(&db, &card, Some(user.id)).await?;
    logistics.reload_cards(&db).await?;
    Ok(StatusCode::CREATED)
}

/// The form's `file` field: its name and bytes.
async fn uploaded_file(mut multipart: axum::extract::Multipart) -> AppResult<(String, axum::body::Bytes)> {
    let unreadable =
        |e: axum::extract::multipart::MultipartError| crate::web::multipart::unreadable("file", e.body_text());
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or("").to_string();
            return Ok((name, field.bytes().await.map_err(unreadable)?));
        }
    }
    Err(AppError::invalid("file", messages::THE_FILE_IS_MISSING))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct CarrierParam {
    /// `ghn`, `ghtk`, `viettelpost` or `vnpost`.
    pub carrier: String,
}

/// Import a carrier's rate cards from its workbook (admins): sheets `Giá` and
/// `Điều kiện`, as `dacsan export rate-card-template` writes them. Every service in
/// it gets a new version; nothing is written when a row has a problem.
#[utoipa::path(post, path = "/api/v1/shipping/rate-cards/import", tag = "shipping", params(CarrierParam),
    request_body(content_type = "multipart/form-data", description = "`file`: the workbook (.xlsx)"),
    security(("bearer" = [])), responses((status = 201, body = RateCardList), (status = 403), (status = 422)))]
pub async fn import_rate_cards(
    State(db): State<Db>,
    State(logistics): State<Arc<Logistics>>,
    user: CurrentUser,
    Query(q): Query<CarrierParam>,
    multipart: axum::extract::Multipart,
) -> AppResult<(StatusCode, Json<RateCardList>)> {
    user.require_admin()?;
    let (_, bytes) = uploaded_file(multipart).await?;
    let cards = super::service::import_cards(&db, &logistics, &bytes, &q.carrier, Some(user.id)).await?;
    Ok((StatusCode::CREATED, Json(RateCardList { items: cards })))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct StatementParams {
    /// `ghn`, `ghtk`, `viettelpost` or `vnpost`.
    pub carrier: String,
}

/// Import a carrier's COD statement (admins): each line becomes a ledger row set
/// against its shipment — matched, differing (flagged), unmatched or repeated. The
/// same file again changes nothing.
#[utoipa::path(post, path = "/api/v1/shipping/cod-statements", tag = "shipping", params(StatementParams),
    request_body(content_type = "multipart/form-data", description = "`file`: the statement (.xlsx or .csv)"),
    security(("bearer" = [])), responses((status = 200, body = super::cod::CodReport), (status = 403), (status = 422)))]
pub async fn import_cod_statement(
    State(db): State<Db>,
    user: CurrentUser,
    Query(q): Query<StatementParams>,
    multipart: axum::extract::Multipart,
) -> AppResult<Json<super::cod::CodReport>> {
    user.require_admin()?;
    let (name, bytes) = uploaded_file(multipart).await?;
    Ok(Json(super::cod::import(&db, &q.carrier, &name, &bytes, Some(user.id)).await?))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct PeriodParams {
    /// First transfer date, `YYYY-MM-DD`.
    pub from: String,
    /// Last transfer date, `YYYY-MM-DD`.
    pub to: String,
    /// `xlsx` for the workbook.
    pub format: Option<String>,
}

/// A producer's COD payout statement for a period: each parcel's cash collected, the
/// carriers' fees, and what comes back (sellers of the producer, admins).
#[utoipa::path(get, path = "/api/v1/producers/{id}/payouts", tag = "shipping", params(("id" = i64, Path), PeriodParams),
    security(("bearer" = [])), responses((status = 200, body = super::payouts::Payouts), (status = 403), (status = 422)))]
pub async fn get_payouts(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<PeriodParams>,
) -> AppResult<Response> {
    user.require_producer(id)?;
    let (from, to) = super::payouts::period(&q.from, &q.to)?;
    let payouts = super::payouts::statement(&db, id, from, to).await?;
    if q.format.as_deref() == Some("xlsx") {
        let bytes = super::payouts::workbook(&payouts)?;
        let name = format!("doi-soat-cod-{}-{}-{}.xlsx", id, payouts.from, payouts.to);
        return Ok((
            [
                (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
            ],
            bytes,
        )
            .into_response());
    }
    Ok(Json(payouts).into_response())
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ShipmentMoney {
    #[serde(flatten)]
    pub shipment: ShipmentJson,
    /// The cash on delivery as the carriers' statements report it.
    pub cod: super::cod_store::CodMoney,
}

/// One shipment with its COD money: expected, collected, fees, transferred.
#[utoipa::path(get, path = "/api/v1/shipments/{id}", tag = "shipping", params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = ShipmentMoney), (status = 404)))]
pub async fn get_shipment(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> AppResult<Json<ShipmentMoney>> {
    let shipment = managed_shipment(&db, &user, id).await?;
    let cod = super::cod_store::shipment_money(&db, shipment.id, shipment.cod_vnd).await?;
    Ok(Json(ShipmentMoney { shipment: ShipmentJson::from(&shipment), cod }))
}

/// Settle a parcel the carrier brought back: back into stock or written off; the
/// order is cancelled (nothing was paid) or refunded (paid).
#[utoipa::path(post, path = "/api/v1/shipments/{id}/return", tag = "shipping", params(("id" = i64, Path)),
    request_body = super::shipments::ReturnInput, security(("bearer" = [])),
    responses((status = 200, body = ShipmentJson), (status = 404), (status = 409, description = "not returned, or settled already")))]
pub async fn settle_return(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<super::shipments::ReturnInput>,
) -> AppResult<Json<ShipmentJson>> {
    let shipment = managed_shipment(&db, &user, id).await?;
    super::shipments::settle_return(&db, &shipment, Some(user.id), &input).await?;
    Ok(Json(ShipmentJson::from(&shipment)))
}
