//! Accounts: registration with privacy consent, sign-in and sign-out, sessions kept
//! in the database (browsers by cookie, API clients by bearer token), roles and who
//! may act for which producer or province.

pub mod api;
pub mod cli;
pub mod extract;
pub mod messages;
pub mod model;
pub mod pages;
pub mod routes;
pub mod service;
pub mod store;

pub use extract::CurrentUser;
pub use model::Role;
