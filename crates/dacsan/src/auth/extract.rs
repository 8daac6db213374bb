//! `CurrentUser`: who is asking, from `Authorization: Bearer <token>` (API clients)
//! or the session cookie (browsers), with what they may act on.

use axum::extract::{FromRef, FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;

use super::model::Role;
use super::store;
use crate::db::Db;
use crate::error::AppError;

pub const SESSION_COOKIE: &str = "dacsan_session";

#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// Producers this seller works for.
    pub producer_ids: Vec<i64>,
    /// Provinces this officer covers.
    pub provinces: Vec<String>,
}

impl CurrentUser {
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }

    /// Admins act for every producer, sellers for their own.
    pub fn can_manage_producer(&self, producer_id: i64) -> bool {
        self.is_admin() || (self.role == Role::Seller && self.producer_ids.contains(&producer_id))
    }

    pub fn require_producer(&self, producer_id: i64) -> Result<(), AppError> {
        if self.can_manage_producer(producer_id) { Ok(()) } else { Err(AppError::Forbidden) }
    }

    /// Admins oversee every province, officers the provinces they are bound to.
    pub fn can_oversee_province(&self, province_code: &str) -> bool {
        self.is_admin() || (self.role == Role::Officer && self.provinces.iter().any(|p| p == province_code))
    }

    /// For the programme office: 403 unless this user oversees the province.
    pub fn require_province(&self, province_code: &str) -> Result<(), AppError> {
        if self.can_oversee_province(province_code) { Ok(()) } else { Err(AppError::Forbidden) }
    }

    /// Officers and admins: the people of the programme office.
    pub fn is_officer(&self) -> bool {
        self.is_admin() || self.role == Role::Officer
    }

    pub fn require_admin(&self) -> Result<(), AppError> {
        if self.is_admin() { Ok(()) } else { Err(AppError::Forbidden) }
    }
}

fn bearer_token(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(axum::http::header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// `Ok(None)` when no credentials were sent; `Err(Unauthorized)` when they were sent
/// and are wrong or expired.
async fn load(parts: &Parts, db: &Db) -> Result<Option<CurrentUser>, AppError> {
    let token = match bearer_token(parts) {
        Some(token) => token.to_string(),
        None => match CookieJar::from_headers(&parts.headers).get(SESSION_COOKIE) {
            Some(cookie) => cookie.value().to_string(),
            None => return Ok(None),
        },
    };
    let Some(user) = store::user_by_token(db, &token).await? else {
        return if bearer_token(parts).is_some() { Err(AppError::Unauthorized) } else { Ok(None) };
    };
    let (producer_ids, provinces) = store::memberships_of(db, user.id).await?;
    Ok(Some(CurrentUser { id: user.id, email: user.email, name: user.name, role: user.role, producer_ids, provinces }))
}

impl<S> FromRequestParts<S> for CurrentUser
where
    S: Send + Sync,
    Db: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        if let Some(user) = parts.extensions.get::<CurrentUser>() {
            return Ok(user.clone());
        }
        let user = load(parts, &Db::from_ref(state)).await?.ok_or(AppError::Unauthorized)?;
        parts.extensions.insert(user.clone());
        Ok(user)
    }
}

impl<S> OptionalFromRequestParts<S> for CurrentUser
where
    S: Send + Sync,
    Db: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Option<Self>, Self::Rejection> {
        if let Some(user) = parts.extensions.get::<CurrentUser>() {
            return Ok(Some(user.clone()));
        }
        let user = load(parts, &Db::from_ref(state)).await?;
        if let Some(user) = &user {
            parts.extensions.insert(user.clone());
        }
        Ok(user)
    }
}
