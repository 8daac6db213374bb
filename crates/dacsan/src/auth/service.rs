//! Account rules other parts call: checking a password, and how often one address
//! may try.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::{model, store};
use crate::db::Db;

/// Sign-in attempts per minute and address, for the pages and the token API alike.
#[derive(Clone)]
pub struct SigninLimiter(Arc<DefaultKeyedRateLimiter<IpAddr>>);

impl SigninLimiter {
    pub fn per_minute(attempts: u32) -> SigninLimiter {
        let per_minute = NonZeroU32::new(attempts.max(1)).expect("at least 1");
        SigninLimiter(Arc::new(RateLimiter::keyed(Quota::per_minute(per_minute))))
    }

    /// Counts one attempt from `ip`; `false` when it is one too many this minute.
    pub fn allows(&self, ip: IpAddr) -> bool {
        self.0.check_key(&ip).is_ok()
    }
}

/// The user id when the e-mail and password match.
pub async fn authenticate(db: &Db, email: &str, password: &str) -> anyhow::Result<Option<i64>> {
    match store::find_by_email(db, email).await? {
        Some(user) => {
            let hash = user.password_hash.clone();
            let password = password.to_string();
            let ok = tokio::task::spawn_blocking(move || model::verify_password(&password, &hash)).await?;
            Ok(ok.then_some(user.id))
        }
        None => {
            let password = password.to_string();
            tokio::task::spawn_blocking(move || model::equalise_timing(&password)).await?;
            Ok(None)
        }
    }
}
