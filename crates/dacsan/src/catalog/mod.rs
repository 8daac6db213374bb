//! Products: the catalog a buyer browses and searches, the product page at
//! `/p/{slug}`, and the seller's product editor (web and `/api/v1/products`).

pub mod access;
pub mod api;
pub mod cards;
pub mod editor;
pub mod export;
pub mod messages;
pub mod model;
pub mod ocop;
pub mod pages;
pub mod query;
pub mod routes;
pub mod service;
pub mod store;
pub mod wholesale;

pub use model::{Product, ProductStatus};
