//! Personal data (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): what a person can
//! see, download, correct, withdraw and delete from their account; the consent
//! ledger; the admins' inbox of requests with their clocks; the processing log
//! of bulk exports.

pub mod api;
pub mod breaches;
pub mod export;
pub mod messages;
pub mod model;
pub mod pages;
pub mod routes;
pub mod service;
pub mod store;
mod texts;
mod workbook;

pub use texts::TEXTS;
