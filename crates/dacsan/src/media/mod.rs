//! Uploaded pictures (product photos, logos, storefront photos): checked by their
//! real content, resized on upload to a display size and a card thumbnail under
//! 30 KB, kept in the database (so every app process sees them) and served with a
//! year-long cache.

pub mod messages;
pub mod model;
pub mod pages;
pub mod routes;
pub mod service;
pub mod store;
