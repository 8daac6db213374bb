//! `/api/v1/producers/{id}/carrier-accounts…`: a producer's own carrier accounts,
//! for its sellers and admins. No answer ever carries a token.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Serialize;

use super::messages;
use super::model::{AccountInput, AccountView};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::logistics::Logistics;
use crate::web::ApiJson;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AccountList {
    pub items: Vec<AccountView>,
}

/// The producer, if the asker may manage it (403 before 404, as for delivery terms).
async fn managed_producer(db: &Db, user: &CurrentUser, id: i64) -> AppResult<()> {
    user.require_producer(id)?;
    crate::producers::store::find_by_id(db, id).await?.ok_or_else(|| AppError::not_found(messages::PRODUCER))?;
    Ok(())
}

/// The producer's own carrier accounts: each token shown by its last four
/// characters only (sellers of the producer, admins).
#[utoipa::path(get, path = "/api/v1/producers/{id}/carrier-accounts", tag = "shipping", params(("id" = i64, Path)),
    security(("bearer" = [])), responses((status = 200, body = AccountList), (status = 403), (status = 404)))]
pub async fn list_accounts(
    State(db): State<Db>,
    State(logistics): State<Arc<Logistics>>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> AppResult<Json<AccountList>> {
    managed_producer(&db, &user, id).await?;
    Ok(Json(AccountList { items: super::service::list(&db, &logistics, id).await? }))
}

/// Save the producer's own account with a carrier (replacing the one it had): its
/// parcels with that carrier book with it from now on. The token is encrypted
/// before it is stored; 409 when the server has no `DACSAN_SECRET_KEY`.
#[utoipa::path(put, path = "/api/v1/producers/{id}/carrier-accounts/{carrier}", tag = "shipping",
    params(("id" = i64, Path), ("carrier" = String, Path, description = "ghn, ghtk, viettelpost or vnpost")),
    request_body = AccountInput, security(("bearer" = [])),
    responses((status = 200, body = AccountView), (status = 403), (status = 404),
        (status = 409, description = "no DACSAN_SECRET_KEY, or no API address for the carrier, on this server"), (status = 422)))]
pub async fn put_account(
    State(db): State<Db>,
    State(logistics): State<Arc<Logistics>>,
    user: CurrentUser,
    Path((id, carrier)): Path<(i64, String)>,
    ApiJson(input): ApiJson<AccountInput>,
) -> AppResult<Json<AccountView>> {
    managed_producer(&db, &user, id).await?;
    let carrier = super::parse_carrier(&carrier)?;
    Ok(Json(super::service::save(&db, &logistics, id, carrier, &input, user.id).await?))
}

/// Remove the producer's own account with a carrier: its next parcels book with
/// the platform's account, if the platform has one.
#[utoipa::path(delete, path = "/api/v1/producers/{id}/carrier-accounts/{carrier}", tag = "shipping",
    params(("id" = i64, Path), ("carrier" = String, Path, description = "ghn, ghtk, viettelpost or vnpost")),
    security(("bearer" = [])), responses((status = 204), (status = 403), (status = 404)))]
pub async fn delete_account(
    State(db): State<Db>,
    user: CurrentUser,
    Path((id, carrier)): Path<(i64, String)>,
) -> AppResult<StatusCode> {
    managed_producer(&db, &user, id).await?;
    let carrier = super::parse_carrier(&carrier)?;
    super::remove(&db, id, carrier).await?;
    Ok(StatusCode::NO_CONTENT)
}
