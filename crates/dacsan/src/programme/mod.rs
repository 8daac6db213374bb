//! The programme office: what the province's Department of Industry and Trade uses
//! to run its e-commerce plan. The registry of producers and products imported from
//! the province's workbooks, listings on other channels and their sales, the plan's
//! indicators with targets and trends, 1:1 support cases, trainings and fairs.
//! Officers see and change only their provinces; admins see all.

pub mod fairs;
pub mod kpis;
pub mod listings;
pub mod registry;
pub mod scope;
pub mod support;
mod texts;
pub mod training;
pub mod xlsx;

use axum::Router;

use crate::state::AppState;

/// Page texts of each part, added to the site's table (`web::i18n`).
pub const TEXTS: &[&[(&str, &str, &str)]] =
    &[texts::TEXTS, kpis::TEXTS, listings::TEXTS, registry::TEXTS, support::TEXTS, training::TEXTS, fairs::TEXTS];

/// The office's pages (under `/office`) and API (under `/api/v1/programme`).
pub fn pages() -> Router<AppState> {
    Router::new()
        .merge(kpis::pages())
        .merge(listings::pages())
        .merge(registry::pages())
        .merge(support::pages())
        .merge(training::pages())
        .merge(fairs::pages())
}

pub fn api() -> Router<AppState> {
    Router::new()
        .merge(kpis::api())
        .merge(listings::api())
        .merge(registry::api())
        .merge(support::api())
        .merge(training::api())
        .merge(fairs::api())
}
