//! Outside listings: where each product of the province is sold besides dacsan
//! (Shopee, TikTok Shop, Lazada, Postmart, Voso ...), since when, and what it sells there.

pub mod api;
pub mod export;
pub mod messages;
pub mod model;
pub mod pages;
pub mod platform;
pub mod routes;
pub mod sales;
pub mod store;
mod texts;

pub use platform::Platform;
pub use texts::TEXTS;
