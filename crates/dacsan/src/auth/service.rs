//! Account rules other parts call: checking a password.

use super::{model, store};
use crate::db::Db;

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
