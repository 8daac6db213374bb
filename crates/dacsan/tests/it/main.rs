//! One integration-test binary: the real server on a temporary SQLite file, or on a
//! fresh PostgreSQL database when `DACSAN_TEST_PG_URL` is set. Files mirror routes.

mod builders;
mod helpers;

mod admin;
mod auth;
mod backups;
mod carrier;
mod carrier_accounts;
mod cart_pages;
mod cli;
mod cod;
mod collection;
mod commissions;
mod demo;
mod jobs;
mod live;
mod logistics;
mod mailer;
mod office_delivery;
mod office_desk;
mod office_listings;
mod orders;
mod parcel_labels;
mod payments;
mod places;
mod privacy;
mod producers;
mod products;
mod programme;
mod registry;
mod schema;
mod search;
mod security;
mod seller_pages;
mod site;
mod stalls;
mod statements;
mod trace;
mod trade;
