//! The routes of accounts: its pages and its part of `/api/v1`, which is also its part
//! of the OpenAPI document.

use std::sync::Arc;

use axum::extract::FromRef;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::service::SigninLimiter;
use super::{api, pages};
use crate::config::Settings;
use crate::db::Db;

/// Sign-in, registration, the privacy notice, the language switch and
/// `/api/v1/auth/token`.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
    Arc<Settings>: FromRef<S>,
    SigninLimiter: FromRef<S>,
{
    OpenApiRouter::new()
        .route("/signin", get(pages::signin_page).post(pages::signin))
        .route("/register", get(pages::register_page).post(pages::register))
        .route("/signout", post(pages::signout))
        .route("/privacy", get(pages::privacy_page))
        .route("/lang/{code}", get(pages::switch_language))
        .routes(routes!(api::create_token))
}
