//! Delivery: priced options at checkout (rate cards, carriers' live quotes, pick-up
//! and producers' own delivery), parcels booked with carriers, their journeys from
//! the carriers' notifications, and the order that follows its parcels.

pub mod accounts;
pub mod api;
pub mod cod;
pub mod cod_store;
pub mod collection;
pub mod messages;
pub mod model;
pub mod notifications;
pub mod options;
pub mod pages;
pub mod parcel_labels;
pub mod payouts;
pub mod rate_book;
pub mod rates;
pub mod routes;
pub mod service;
pub mod shipments;
pub mod store;
pub mod terms_page;
mod texts;
pub mod tracking;

pub use texts::TEXTS;

pub use service::Logistics;

/// Delivery's durable work: bookings, cancellations and tracking polls.
pub fn register_jobs(handlers: &mut crate::jobs::Handlers, db: &crate::db::Db, logistics: &std::sync::Arc<Logistics>) {
    let (d, l) = (db.clone(), logistics.clone());
    handlers.on(shipments::BOOK_JOB, move |job| {
        let (db, logistics) = (d.clone(), l.clone());
        async move { shipments::run_booking(&db, &logistics, job).await }
    });
    let (d, l) = (db.clone(), logistics.clone());
    handlers.on(shipments::CANCEL_JOB, move |job| {
        let (db, logistics) = (d.clone(), l.clone());
        async move { shipments::run_cancel(&db, &logistics, job).await }
    });
    tracking::register(handlers, db, logistics);
}
