//! Where a cart lives — in the account of a signed-in buyer, in a cookie for a
//! guest — and how a guest's cart joins the account at sign-in: the rules the cart
//! pages, checkout and sign-in share.

use axum::http::HeaderValue;
use axum_extra::extract::CookieJar;

use super::model::{CART_COOKIE, Cart};
use super::store;
use crate::config::Settings;
use crate::db::Db;
use crate::web::Page;

/// The cart of this request: the account's when signed in, else the cookie's.
pub async fn current(db: &Db, page: &Page, jar: &CookieJar) -> anyhow::Result<Cart> {
    match &page.user {
        Some(user) => store::load(db, user.id).await,
        None => Ok(jar.get(CART_COOKIE).map(|c| Cart::from_cookie(c.value())).unwrap_or_default()),
    }
}

/// Stores the cart where it belongs; for guests, the cookie to set.
pub async fn keep(db: &Db, settings: &Settings, page: &Page, cart: &Cart) -> anyhow::Result<Option<HeaderValue>> {
    match &page.user {
        Some(user) => {
            store::save(db, user.id, cart).await?;
            Ok(None)
        }
        None => Ok(Some(cookie(settings, &cart.to_cookie(), 30 * 86_400))),
    }
}

fn cookie(settings: &Settings, value: &str, max_age: i64) -> HeaderValue {
    let secure = if settings.secure_cookies { "; Secure" } else { "" };
    HeaderValue::from_str(&format!("{CART_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"))
        .unwrap_or(HeaderValue::from_static(""))
}

/// At sign-in: the guest cookie's lines join the account's cart; returns the
/// header that clears the cookie.
pub async fn merge_into_account(
    db: &Db,
    settings: &Settings,
    user_id: i64,
    jar: &CookieJar,
) -> anyhow::Result<Option<HeaderValue>> {
    let Some(guest) = jar.get(CART_COOKIE).map(|c| Cart::from_cookie(c.value())).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    let mut cart = store::load(db, user_id).await?;
    cart.merge(&guest);
    store::save(db, user_id, &cart).await?;
    Ok(Some(cookie(settings, "", 0)))
}
