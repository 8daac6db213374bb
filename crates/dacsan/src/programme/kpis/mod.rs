//! Programme office: kpis (being built).

use axum::Router;

use crate::state::AppState;

pub const TEXTS: &[(&str, &str, &str)] = &[];

pub fn pages() -> Router<AppState> {
    Router::new()
}

pub fn api() -> Router<AppState> {
    Router::new()
}
