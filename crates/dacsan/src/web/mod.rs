//! What every page shares: the layout and page context, the i18n tables, the static
//! assets, CSRF protection, security headers and the JSON/form extractors.

pub mod assets;
pub mod csrf;
pub mod extract;
pub mod i18n;
pub mod layout;
pub mod markdown;
pub mod multipart;

pub use extract::{ApiJson, CsrfForm};
pub use i18n::Lang;
pub use layout::{Page, render};
