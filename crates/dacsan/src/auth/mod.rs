//! Accounts: registration with privacy consent, sign-in and sign-out, sessions kept
//! in the database (browsers by cookie, API clients by bearer token), roles and who
//! may act for which producer or province.

pub mod api;
pub mod cli;
pub mod extract;
pub mod messages;
pub mod model;
pub mod pages;
pub mod service;
pub mod store;

pub use extract::CurrentUser;
pub use model::Role;

use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// Sign-in, registration, the privacy notice, the language switch and
/// `/api/v1/auth/token`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .route("/signin", get(pages::signin_page).post(pages::signin))
        .route("/register", get(pages::register_page).post(pages::register))
        .route("/signout", post(pages::signout))
        .route("/privacy", get(pages::privacy_page))
        .route("/lang/{code}", get(pages::switch_language))
        .routes(routes!(api::create_token))
}
