//! Programme office: listings (being built).

pub mod platform;
pub mod store;

pub use platform::Platform;

use axum::Router;

use crate::state::AppState;

pub const TEXTS: &[(&str, &str, &str)] = &[];

pub fn pages() -> Router<AppState> {
    Router::new()
}

pub fn api() -> Router<AppState> {
    Router::new()
}
