//! `/api/v1/me/business`, `/api/v1/rfqs…`, `/api/v1/quotes…`, `/api/v1/offers…`
//! and `/api/v1/me/follows`: the trade board for programs.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use super::messages;
use super::model::{BusinessInput, OfferInput, QuoteInput, RfqInput};
use super::service::{self, AcceptInput, QuoteView, Viewer};
use super::store::{self, Business, Decline, Follow, Message, Offer, Quote, Revision, Rfq};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::{AppError, AppResult, Text};
use crate::orders::delivery::Delivery;
use crate::search::SearchIndex;
use crate::web::ApiJson;

fn id_of(text: &str, what: Text) -> AppResult<i64> {
    text.parse().map_err(|_| AppError::not_found(what))
}

#[utoipa::path(put, path = "/api/v1/me/business", tag = "trade", security(("bearer" = [])), request_body = BusinessInput,
    responses((status = 200, body = Business), (status = 401), (status = 422)))]
pub async fn put_business(
    State(db): State<Db>,
    user: CurrentUser,
    ApiJson(input): ApiJson<BusinessInput>,
) -> AppResult<Json<Business>> {
    Ok(Json(service::save_business(&db, &user, &input).await?))
}

#[utoipa::path(get, path = "/api/v1/me/business", tag = "trade", security(("bearer" = [])),
    responses((status = 200, body = Business), (status = 401), (status = 404)))]
pub async fn get_business(State(db): State<Db>, user: CurrentUser) -> AppResult<Json<Business>> {
    let business = store::business(&db, user.id).await?;
    Ok(Json(business.ok_or_else(|| AppError::not_found(messages::BUSINESS_PROFILE))?))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PostedRfq {
    #[serde(flatten)]
    pub rfq: Rfq,
    /// How many producers it was put in front of.
    pub matched_producers: usize,
}

#[utoipa::path(post, path = "/api/v1/rfqs", tag = "trade", security(("bearer" = [])), request_body = RfqInput,
    responses((status = 201, body = PostedRfq, description = "`Server-Timing: match;dur=…` says how long finding the producers took"), (status = 401),
        (status = 403, description = "only accounts with a business profile, and admins"), (status = 422)))]
pub async fn post_rfq(
    State(db): State<Db>,
    State(search): State<Arc<SearchIndex>>,
    user: CurrentUser,
    ApiJson(input): ApiJson<RfqInput>,
) -> AppResult<(StatusCode, [(axum::http::HeaderName, String); 1], Json<PostedRfq>)> {
    let posted = service::post_rfq(&db, &search, &user, &input).await?;
    let timing = format!("match;dur={:.1}", posted.matching.as_secs_f64() * 1000.0);
    let body = PostedRfq { rfq: posted.rfq, matched_producers: posted.matched };
    Ok((StatusCode::CREATED, [(axum::http::HeaderName::from_static("server-timing"), timing)], Json(body)))
}

#[utoipa::path(get, path = "/api/v1/rfqs", tag = "trade", security(("bearer" = [])),
    responses((status = 200, body = [Rfq], description = "a buyer's own; a seller's, those put before its producers or quoted; the office's, all"),
        (status = 401)))]
pub async fn list_rfqs(State(db): State<Db>, user: CurrentUser) -> AppResult<Json<Vec<Rfq>>> {
    Ok(Json(service::list_rfqs(&db, &user, 200).await?))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RfqJson {
    #[serde(flatten)]
    pub rfq: Rfq,
    /// The business's name: for its own account, the office, and producers.
    pub buyer_name: Option<String>,
    /// A fair lead's phone, for the same readers.
    pub lead_phone: Option<String>,
    /// The quotes this viewer may see (see `/quotes`).
    pub quotes: usize,
}

#[utoipa::path(get, path = "/api/v1/rfqs/{id}", tag = "trade", params(("id" = i64, Path)),
    responses((status = 200, body = RfqJson), (status = 404)))]
pub async fn get_rfq(
    State(db): State<Db>,
    user: Option<CurrentUser>,
    Path(id): Path<String>,
) -> AppResult<Json<RfqJson>> {
    let (rfq, viewer) = service::visible_rfq(&db, user.as_ref(), id_of(&id, messages::REQUEST_FOR_QUOTATION)?).await?;
    let (buyer_name, lead_phone) = service::buyer_of(&db, &rfq, &viewer).await?;
    let quotes = service::quote_count(&db, &rfq, &viewer).await?;
    Ok(Json(RfqJson { rfq, buyer_name, lead_phone, quotes }))
}

/// Take over a request an officer entered for your business at a fair (its tax
/// code is yours); you then compare and accept its quotes.
#[utoipa::path(post, path = "/api/v1/rfqs/{id}/claim", tag = "trade", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Rfq), (status = 401), (status = 403, description = "no business profile"), (status = 404),
        (status = 409, description = "not a lead of your tax code, or claimed already")))]
pub async fn claim_rfq(State(db): State<Db>, user: CurrentUser, Path(id): Path<String>) -> AppResult<Json<Rfq>> {
    Ok(Json(service::claim(&db, &user, id_of(&id, messages::REQUEST_FOR_QUOTATION)?).await?))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SentQuote {
    #[serde(flatten)]
    pub quote: Quote,
    /// The terms of this revision.
    pub latest: Revision,
}

#[utoipa::path(post, path = "/api/v1/rfqs/{id}/quotes", tag = "trade", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = QuoteInput,
    responses((status = 201, body = SentQuote, description = "a new quote, or the next revision of this producer's"),
        (status = 401), (status = 403), (status = 404),
        (status = 409, description = "the request is closed; the quote was accepted, withdrawn or expired"), (status = 422)))]
pub async fn send_quote(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<QuoteInput>,
) -> AppResult<(StatusCode, Json<SentQuote>)> {
    let (quote, latest) = service::send_quote(&db, &user, id_of(&id, messages::REQUEST_FOR_QUOTATION)?, &input).await?;
    Ok((StatusCode::CREATED, Json(SentQuote { quote, latest })))
}

#[utoipa::path(get, path = "/api/v1/rfqs/{id}/quotes", tag = "trade", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = [QuoteView], description = "the buyer sees every quote, a producer its own"),
        (status = 401), (status = 403), (status = 404)))]
pub async fn list_quotes(
    State(db): State<Db>,
    State(delivery): State<Arc<dyn Delivery>>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<QuoteView>>> {
    let (rfq, viewer) = service::visible_rfq(&db, Some(&user), id_of(&id, messages::REQUEST_FOR_QUOTATION)?).await?;
    if viewer == Viewer::Public {
        return Err(AppError::Forbidden);
    }
    Ok(Json(service::quotes_for(&db, delivery.as_ref(), &rfq, &viewer).await?))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct DeclineInput {
    pub producer_id: i64,
    pub reason: String,
}

#[utoipa::path(post, path = "/api/v1/rfqs/{id}/decline", tag = "trade", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = DeclineInput,
    responses((status = 204), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn decline(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<DeclineInput>,
) -> AppResult<StatusCode> {
    service::decline(&db, &user, id_of(&id, messages::REQUEST_FOR_QUOTATION)?, input.producer_id, &input.reason)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/rfqs/{id}/declines", tag = "trade", security(("bearer" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = [Decline]), (status = 401), (status = 404)))]
pub async fn list_declines(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<Decline>>> {
    let (rfq, viewer) = service::visible_rfq(&db, Some(&user), id_of(&id, messages::REQUEST_FOR_QUOTATION)?).await?;
    let declines = store::declines(&db, rfq.id).await?;
    Ok(Json(match viewer {
        Viewer::Owner | Viewer::Office => declines,
        Viewer::Producers(ids) => declines.into_iter().filter(|d| ids.contains(&d.producer_id)).collect(),
        Viewer::Public => return Err(AppError::Forbidden),
    }))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct QuoteJson {
    #[serde(flatten)]
    pub view: QuoteView,
    /// Every revision, the first first.
    pub revisions: Vec<Revision>,
    /// Test results and other files the producer added.
    pub attachments: Vec<store::Attachment>,
}

#[utoipa::path(get, path = "/api/v1/quotes/{id}", tag = "trade", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = QuoteJson), (status = 401), (status = 404)))]
pub async fn get_quote(
    State(db): State<Db>,
    State(delivery): State<Arc<dyn Delivery>>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<QuoteJson>> {
    let (quote, rfq, _) = service::quote_party(&db, &user, id_of(&id, messages::QUOTE)?).await?;
    let revisions = store::revisions(&db, quote.id).await?;
    let attachments = store::attachments(&db, quote.id).await?;
    let mut view = service::quote_view(&db, &rfq, quote).await?;
    service::estimate_delivery(&db, delivery.as_ref(), &rfq, &mut view).await?;
    Ok(Json(QuoteJson { view, revisions, attachments }))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AcceptedOrder {
    pub id: i64,
    pub code: String,
    /// Delivery, in the total: the quote's price, or the carrier's for the
    /// accepted quantity.
    pub shipping_vnd: i64,
    pub total_vnd: i64,
    /// Paid by VietQR before work starts (0: none).
    pub deposit_vnd: i64,
    pub status: String,
    pub payment_method: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Accepted {
    pub order: AcceptedOrder,
}

#[utoipa::path(post, path = "/api/v1/quotes/{id}/accept", tag = "trade", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = AcceptInput,
    responses((status = 201, body = Accepted), (status = 401), (status = 403), (status = 404),
        (status = 409, description = "expired, withdrawn or accepted; under the MOQ"), (status = 422)))]
pub async fn accept(
    State(db): State<Db>,
    State(delivery): State<Arc<dyn Delivery>>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<AcceptInput>,
) -> AppResult<(StatusCode, Json<Accepted>)> {
    let order = service::accept(&db, delivery.as_ref(), &user, id_of(&id, messages::QUOTE)?, &input).await?;
    let order = AcceptedOrder {
        id: order.id,
        code: order.code,
        shipping_vnd: order.shipping_vnd,
        total_vnd: order.total_vnd,
        deposit_vnd: order.deposit_vnd,
        status: order.status.as_str().to_string(),
        payment_method: order.payment_method.as_str().to_string(),
    };
    Ok((StatusCode::CREATED, Json(Accepted { order })))
}

#[utoipa::path(post, path = "/api/v1/quotes/{id}/withdraw", tag = "trade", security(("bearer" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = Quote), (status = 401), (status = 403), (status = 404), (status = 409)))]
pub async fn withdraw(State(db): State<Db>, user: CurrentUser, Path(id): Path<String>) -> AppResult<Json<Quote>> {
    Ok(Json(service::withdraw(&db, &user, id_of(&id, messages::QUOTE)?).await?))
}

#[utoipa::path(get, path = "/api/v1/quotes/{id}/messages", tag = "trade", security(("bearer" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = [Message]), (status = 401), (status = 404)))]
pub async fn list_messages(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<Message>>> {
    let (quote, _, _) = service::quote_party(&db, &user, id_of(&id, messages::QUOTE)?).await?;
    Ok(Json(store::messages(&db, quote.id).await?))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct MessageInput {
    pub body: String,
}

#[utoipa::path(post, path = "/api/v1/quotes/{id}/messages", tag = "trade", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = MessageInput,
    responses((status = 201, body = Message), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn post_message(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<MessageInput>,
) -> AppResult<(StatusCode, Json<Message>)> {
    let message = service::post_message(&db, &user, id_of(&id, messages::QUOTE)?, &input.body).await?;
    Ok((StatusCode::CREATED, Json(message)))
}

#[utoipa::path(post, path = "/api/v1/offers", tag = "trade", security(("bearer" = [])), request_body = OfferInput,
    responses((status = 201, body = Offer), (status = 401), (status = 403), (status = 422)))]
pub async fn post_offer(
    State(db): State<Db>,
    user: CurrentUser,
    ApiJson(input): ApiJson<OfferInput>,
) -> AppResult<(StatusCode, Json<Offer>)> {
    Ok((StatusCode::CREATED, Json(service::post_offer(&db, &user, &input).await?)))
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct OfferFilter {
    /// An OCOP product set.
    pub set: Option<String>,
    /// The producers' province.
    pub province: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/offers", tag = "trade", params(OfferFilter),
    responses((status = 200, body = [Offer], description = "open supply offers, newest first")))]
pub async fn list_offers(State(db): State<Db>, Query(filter): Query<OfferFilter>) -> AppResult<Json<Vec<Offer>>> {
    let set = filter.set.as_deref().unwrap_or("").trim();
    let province = filter.province.as_deref().unwrap_or("").trim();
    Ok(Json(store::list_offers(&db, set, province, 200).await?))
}

#[utoipa::path(post, path = "/api/v1/offers/{id}/close", tag = "trade", security(("bearer" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = Offer), (status = 401), (status = 403), (status = 404), (status = 409)))]
pub async fn close_offer(State(db): State<Db>, user: CurrentUser, Path(id): Path<String>) -> AppResult<Json<Offer>> {
    Ok(Json(service::close_offer(&db, &user, id_of(&id, messages::SUPPLY_OFFER)?).await?))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct FollowInput {
    pub set_code: Option<String>,
    pub province_code: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/me/follows", tag = "trade", security(("bearer" = [])),
    responses((status = 200, body = [Follow]), (status = 401)))]
pub async fn list_follows(State(db): State<Db>, user: CurrentUser) -> AppResult<Json<Vec<Follow>>> {
    Ok(Json(store::follows(&db, user.id).await?))
}

#[utoipa::path(post, path = "/api/v1/me/follows", tag = "trade", security(("bearer" = [])), request_body = FollowInput,
    responses((status = 200, body = [Follow], description = "everything followed now; told of matching offers"), (status = 401), (status = 422)))]
pub async fn follow(
    State(db): State<Db>,
    user: CurrentUser,
    ApiJson(input): ApiJson<FollowInput>,
) -> AppResult<Json<Vec<Follow>>> {
    let follow = service::valid_follow(input.set_code.as_deref(), input.province_code.as_deref())?;
    store::add_follow(&db, user.id, &follow).await?;
    Ok(Json(store::follows(&db, user.id).await?))
}

#[utoipa::path(delete, path = "/api/v1/me/follows", tag = "trade", security(("bearer" = [])), request_body = FollowInput,
    responses((status = 200, body = [Follow]), (status = 401), (status = 404), (status = 422)))]
pub async fn unfollow(
    State(db): State<Db>,
    user: CurrentUser,
    ApiJson(input): ApiJson<FollowInput>,
) -> AppResult<Json<Vec<Follow>>> {
    let follow = service::valid_follow(input.set_code.as_deref(), input.province_code.as_deref())?;
    if !store::remove_follow(&db, user.id, &follow).await? {
        return Err(AppError::not_found(messages::FOLLOW));
    }
    Ok(Json(store::follows(&db, user.id).await?))
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct ProvinceFilter {
    /// A province the officer covers; the officer's first when left out.
    pub province: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/programme/trade", tag = "trade", security(("bearer" = [])), params(ProvinceFilter),
    responses((status = 200, body = super::figures::TradeFigures), (status = 401), (status = 403), (status = 422)))]
pub async fn trade_figures(
    State(db): State<Db>,
    user: CurrentUser,
    Query(filter): Query<ProvinceFilter>,
) -> AppResult<Json<super::figures::TradeFigures>> {
    let province = crate::programme::scope::province_for(&user, filter.province.as_deref())?;
    Ok(Json(super::figures::for_province(&db, &province).await?))
}

#[utoipa::path(get, path = "/api/v1/quotes/{id}/proforma.pdf", tag = "trade", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/pdf", description = "the pro-forma invoice, English and Vietnamese"),
        (status = 401), (status = 404), (status = 409, description = "the quote is not accepted")))]
pub async fn proforma(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<axum::response::Response> {
    use axum::response::IntoResponse;
    let pdf = super::proforma::for_quote(&db, &user, id_of(&id, messages::QUOTE)?).await?;
    let name = format!("attachment; filename=\"proforma-{id}.pdf\"");
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "application/pdf".to_string()),
            (axum::http::header::CONTENT_DISPOSITION, name),
            (axum::http::header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        pdf,
    )
        .into_response())
}
