//! Products: the catalog a buyer browses and searches, the product page at
//! `/p/{slug}`, and the seller's product editor (web and `/api/v1/products`).

pub mod api;
pub mod editor;
pub mod model;
pub mod ocop;
pub mod pages;
pub mod query;
pub mod service;
pub mod store;

pub use model::{Product, ProductStatus};
