//! The cart: lines of (product, quantity), in a cookie for guests and in the
//! database for signed-in buyers (the cookie is merged in at sign-in). Prices are
//! never kept: the cart page and checkout read them from the catalog each time.

pub mod messages;
pub mod model;
pub mod pages;
pub mod routes;
pub mod service;
pub mod store;
pub mod view;
