//! `/api/v1/payments/bank-webhook` (SePay, Casso), an order's VietQR code
//! (`/api/v1/orders/{id}/vietqr`, `.png`, `.svg`), the unmatched-transfer inbox and
//! bank-statement imports (`/api/v1/payments/statements`).

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Serialize;

use super::messages;
use super::model::{self, Transfer};
use super::qr::{self, VietqrJson, order_payload, qr_response};
use super::service::{self, Applied};
use super::store::{self, StoredTransfer};
use crate::auth::CurrentUser;
use crate::config::Settings;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::orders::access::{TokenParam, guest_token, visible_order};

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct WebhookAnswer {
    pub success: bool,
    /// What became of the transfer: `paid`, `underpaid`, `overpaid`, `paid_after_expiry`,
    /// `refund_needed`, `extra_payment`, `unmatched`, `other_account` or `duplicate`.
    pub outcome: String,
    pub order_id: Option<i64>,
}

/// Bank-transfer notifications: SePay (`Authorization: Apikey <key>`) or Casso v2
/// (`X-Casso-Signature`), with the key from `DACSAN_BANK_WEBHOOK_KEY`.
#[utoipa::path(post, path = "/api/v1/payments/bank-webhook", tag = "payments",
    request_body(content = serde_json::Value, description = "SePay or Casso v2 notification body"),
    responses((status = 200, body = WebhookAnswer), (status = 400, description = "malformed body"), (status = 401, description = "wrong key or signature"), (status = 422)))]
pub async fn bank_webhook(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Json<WebhookAnswer>> {
    let key = &settings.bank_webhook_key.0;
    let header_text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let transfer: Option<Transfer> = if let Some(signature) = header_text("x-casso-signature") {
        if !model::casso_authorised(Some(signature), key, &body) {
            return Err(AppError::Unauthorized);
        }
        model::parse_casso(&body)?
    } else {
        if !model::sepay_authorised(header_text("authorization"), key) {
            return Err(AppError::Unauthorized);
        }
        model::parse_sepay(&body)?
    };
    let Some(transfer) = transfer else {
        return Ok(Json(WebhookAnswer { success: true, outcome: "ignored".into(), order_id: None }));
    };
    let answer = match service::apply_transfer(&db, &transfer).await? {
        Applied::Duplicate => WebhookAnswer { success: true, outcome: "duplicate".into(), order_id: None },
        Applied::Stored { outcome, order_id } => WebhookAnswer { success: true, outcome: outcome.into(), order_id },
    };
    Ok(Json(answer))
}

#[utoipa::path(get, path = "/api/v1/orders/{id}/vietqr", tag = "payments", params(("id" = String, Path, description = "order id or code"), TokenParam),
    responses((status = 200, body = VietqrJson), (status = 404),
        (status = 409, description = "not a bank-transfer order, or (for the buyer) nothing is left to pay")))]
pub async fn order_vietqr(
    State(db): State<Db>,
    user: Option<CurrentUser>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<TokenParam>,
) -> AppResult<Json<VietqrJson>> {
    let (order, viewer) = visible_order(&db, &id, user.as_ref(), guest_token(&headers, &q)).await?;
    let (payload, account) = order_payload(&db, &order, viewer).await?;
    Ok(Json(VietqrJson {
        svg: qr::svg(&payload)?,
        bank_name: crate::vn::banks::by_bin(&account.bank_bin).map(|b| b.short_name.clone()).unwrap_or_default(),
        bank_bin: account.bank_bin,
        account_number: account.account_number,
        account_name: account.account_holder,
        amount_vnd: order.due_now(),
        purpose: order.code.clone(),
        payload,
    }))
}

#[utoipa::path(get, path = "/api/v1/orders/{id}/vietqr.png", tag = "payments", params(("id" = String, Path, description = "order id or code"), TokenParam),
    responses((status = 200, content_type = "image/png", description = "the QR code"), (status = 404)))]
pub async fn order_vietqr_png(
    State(db): State<Db>,
    user: Option<CurrentUser>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<TokenParam>,
) -> AppResult<Response> {
    let (order, viewer) = visible_order(&db, &id, user.as_ref(), guest_token(&headers, &q)).await?;
    let (payload, _) = order_payload(&db, &order, viewer).await?;
    Ok(qr_response("image/png", qr::png(&payload)?))
}

#[utoipa::path(get, path = "/api/v1/orders/{id}/vietqr.svg", tag = "payments", params(("id" = String, Path, description = "order id or code"), TokenParam),
    responses((status = 200, content_type = "image/svg+xml", description = "the QR code"), (status = 404)))]
pub async fn order_vietqr_svg(
    State(db): State<Db>,
    user: Option<CurrentUser>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<TokenParam>,
) -> AppResult<Response> {
    let (order, viewer) = visible_order(&db, &id, user.as_ref(), guest_token(&headers, &q)).await?;
    let (payload, _) = order_payload(&db, &order, viewer).await?;
    Ok(qr_response("image/svg+xml", qr::svg(&payload)?))
}

#[utoipa::path(get, path = "/api/v1/payments/unmatched", tag = "payments", security(("bearer" = [])),
    responses((status = 200, body = [StoredTransfer]), (status = 401), (status = 403)))]
pub async fn list_unmatched(State(db): State<Db>, user: CurrentUser) -> AppResult<Json<Vec<StoredTransfer>>> {
    user.require_admin()?;
    Ok(Json(store::list_unmatched(&db).await?))
}

/// The most a statement file may weigh: a year of a busy account is far less.
const STATEMENT_LIMIT: usize = 20 * 1024 * 1024;

/// Import a bank statement downloaded from internet banking: every incoming row is
/// reconciled exactly like a webhook transfer. Admins; sellers too, but a row for
/// another producer's order is reported `not_yours` and not applied.
#[utoipa::path(post, path = "/api/v1/payments/statements", tag = "payments", security(("bearer" = [])),
    request_body(content_type = "multipart/form-data", description = "`file`: the statement as CSV (UTF-8) or Excel (.xlsx, .xls)"),
    responses((status = 200, body = super::statement::StatementReport), (status = 401), (status = 403), (status = 413),
        (status = 422, description = "no statement table in the file")))]
pub async fn import_statement(
    State(db): State<Db>,
    user: CurrentUser,
    multipart: axum::extract::Multipart,
) -> AppResult<Json<super::statement::StatementReport>> {
    use super::statement::{self, Scope};
    let scope = match user.role {
        _ if user.is_admin() => Scope::All,
        crate::auth::Role::Seller if !user.producer_ids.is_empty() => Scope::Producers(&user.producer_ids),
        _ => return Err(AppError::Forbidden),
    };
    let bytes = statement_file(multipart).await?;
    let statement = tokio::task::spawn_blocking(move || statement::parse(&bytes))
        .await
        .map_err(|e| AppError::Internal(e.into()))??;
    Ok(Json(statement::import(&db, statement, scope).await?))
}

async fn statement_file(mut multipart: axum::extract::Multipart) -> AppResult<Bytes> {
    let unreadable =
        |e: axum::extract::multipart::MultipartError| crate::web::multipart::unreadable("file", e.body_text());
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        if field.name() == Some("file") {
            let bytes = field.bytes().await.map_err(unreadable)?;
            if bytes.len() > STATEMENT_LIMIT {
                return Err(AppError::TooLarge(messages::STATEMENT_20_MB.into()));
            }
            return Ok(bytes);
        }
    }
    Err(AppError::invalid("file", messages::SEND_THE_STATEMENT_IN_THE_FILE))
}
