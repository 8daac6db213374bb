//! Collection runs for remote communes: points where producers drop parcels, the
//! runs that take them on to the carrier, the keeper's no-account link that marks
//! parcels received, and the runs' manifests (page and PDF).

pub mod api;
pub mod manifest;
pub mod messages;
pub mod model;
pub mod pages;
pub mod routes;
pub mod service;
pub mod store;
