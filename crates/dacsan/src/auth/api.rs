//! `POST /api/v1/auth/token`: e-mail and password for a bearer token.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use super::service::SigninLimiter;
use super::store;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::web::ApiJson;

const TOKEN_DAYS: i64 = 90;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct TokenRequest {
    pub email: String,
    pub password: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TokenResponse {
    pub token: String,
    pub token_type: &'static str,
    pub expires_in_days: i64,
}

#[utoipa::path(post, path = "/api/v1/auth/token", tag = "auth", request_body = TokenRequest,
    responses((status = 201, body = TokenResponse), (status = 401, description = "wrong e-mail or password"), (status = 429)))]
pub async fn create_token(
    State(db): State<Db>,
    State(limiter): State<SigninLimiter>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiJson(request): ApiJson<TokenRequest>,
) -> AppResult<(StatusCode, Json<TokenResponse>)> {
    if !limiter.allows(peer.ip()) {
        return Err(AppError::TooManyRequests);
    }
    let email = request.email.trim().to_lowercase();
    let user_id = super::service::authenticate(&db, &email, &request.password).await?.ok_or(AppError::Unauthorized)?;
    let token = store::create_session(&db, user_id, "api", TOKEN_DAYS).await?;
    Ok((StatusCode::CREATED, Json(TokenResponse { token, token_type: "Bearer", expires_in_days: TOKEN_DAYS })))
}
