//! dacsan: a market, a digital brand and a programme office for the specialty and
//! OCOP products of Vietnam's northern midlands and mountains. `router()` is the
//! whole web site and API; `main.rs` is the command line around it.

pub mod admin;
pub mod auth;
pub mod cart;
pub mod catalog;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod media;
pub mod orders;
pub mod payments;
pub mod places;
pub mod producers;
pub mod programme;
pub mod search;
pub mod state;
pub mod tables;
pub mod trace;
pub mod vn;
pub mod web;

mod openapi;
mod routes;

pub use routes::router;
pub use state::AppState;

use std::sync::Arc;

/// Connects, migrates, builds the search index from the database and keeps it in
/// step: everything a server needs before it takes requests.
pub async fn start(database_url: &str, settings: config::Settings) -> anyhow::Result<AppState> {
    let db = db::Db::connect(database_url).await?;
    let index = Arc::new(search::SearchIndex::new()?);
    let watermark = catalog::service::rebuild_index(&db, &index).await?;
    catalog::service::spawn_sync(db.clone(), index.clone(), Some(watermark.unwrap_or_default()));
    orders::service::spawn_expiry(db.clone());
    if let Some(mailer) = orders::mailer::Mailer::from_settings(&settings)? {
        orders::mailer::spawn(db.clone(), mailer);
    }
    programme::kpis::spawn_history(db.clone());
    let trace_key = trace::keys::load_or_create(&db).await?;
    Ok(AppState::new(db, index, settings, trace_key))
}
