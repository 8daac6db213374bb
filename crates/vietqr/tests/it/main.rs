//! The crate through its public API: NAPAS's example payloads (vietqr.md), every way
//! `decode` refuses a text, and properties checked over many generated payloads.

mod examples;
mod field_rules;
mod helpers;
mod properties;
mod refusals;
