//! Producers (cooperatives, household businesses, firms) and their public
//! storefronts at `/s/{slug}`, with the seller identity the E-commerce Law asks a
//! marketplace to show and a way for buyers to complain.

pub mod api;
pub mod editor;
pub mod messages;
pub mod model;
pub mod pages;
pub mod routes;
pub mod store;

pub use model::{Producer, ProducerKind};
