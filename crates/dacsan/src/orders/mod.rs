//! Orders: checkout (one order per producer, stock taken in the same transaction),
//! the order lifecycle with its audit trail, the buyer's and the seller's views.

pub mod access;
pub mod api;
pub mod delivery;
mod delivery_view;
pub mod desk;
pub mod mailer;
pub mod messages;
pub mod model;
pub mod notify;
pub mod pages;
pub mod pricing;
pub mod referrals;
pub mod routes;
pub mod service;
pub mod store;

pub use model::{OrderStatus, PaymentMethod};
pub use notify::payment_needs_review as notify_payment_review;
pub use store::Order;
