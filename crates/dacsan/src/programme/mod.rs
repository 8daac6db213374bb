//! The programme office: what the province's Department of Industry and Trade uses
//! to run its e-commerce plan. The registry of producers and products imported from
//! the province's workbooks, listings on other channels and their sales, the plan's
//! indicators with targets and trends, 1:1 support cases, trainings, fairs and live
//! selling sessions for the province's producers.
//! Officers see and change only their provinces; admins see all.

pub mod delivery;
pub mod fairs;
pub mod kpis;
pub mod listings;
pub mod live_sessions;
pub mod messages;
pub mod registry;
pub mod routes;
pub mod scope;
pub mod support;
mod texts;
pub mod training;
pub mod xlsx;

use crate::web::i18n::Text;

/// Page texts of each part, added to the site's table by the app (`crate::install_texts`).
pub const TEXTS: &[&[Text]] = &[
    texts::TEXTS,
    delivery::TEXTS,
    kpis::TEXTS,
    listings::TEXTS,
    registry::TEXTS,
    support::TEXTS,
    training::TEXTS,
    fairs::TEXTS,
    live_sessions::TEXTS,
];
