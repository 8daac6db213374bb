//! The admin desk (`/admin`): create producers and accounts, bind sellers to
//! producers and officers to provinces.

pub mod jobs;
pub mod messages;
pub mod pages;
pub mod rates;
pub mod routes;
