//! Traceability and the digital brand: batches (lots) of a product, their trace
//! events as GS1 EPCIS 2.0 in a signed hash chain, serial numbers for unit labels,
//! QR label sheets, the Digital Link resolver behind every label and the batch page
//! a buyer sees when scanning one.

pub mod access;
pub mod api;
pub mod carrier;
pub mod cartons;
pub mod chain;
pub mod cli;
pub mod desk;
pub mod epcis;
pub mod files;
pub mod handovers;
pub mod keys;
pub mod labels;
pub mod messages;
pub mod model;
pub mod page_cache;
pub mod qr;
pub mod resolve;
pub mod routes;
pub mod scans;
pub mod service;
pub mod state;
pub mod store;

pub use keys::PlatformKey;
pub use scans::ScanRecorder;
pub use state::TraceState;
