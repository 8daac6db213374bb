//! Payments: VietQR codes for bank-transfer orders, and the bank notifications
//! (SePay, Casso) or imported bank statements that confirm them automatically;
//! transfers nobody can match wait in an inbox, nothing is lost.

pub mod api;
pub mod messages;
pub mod model;
pub mod pages;
pub mod qr;
pub mod requests;
pub mod routes;
pub mod service;
pub mod statement;
pub mod store;
