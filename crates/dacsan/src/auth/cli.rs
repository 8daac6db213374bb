//! `dacsan user add`: create a user or reset its password and role, binding sellers
//! to producers and officers to provinces.

use anyhow::{Context, bail};

use super::model::{self, Role};
use super::store;
use crate::config::{RoleArg, UserAddArgs};
use crate::db::Db;
use crate::error::Message;
use crate::producers;
use crate::vn::admin_units;

pub async fn add_user(db: &Db, args: &UserAddArgs) -> anyhow::Result<String> {
    let email = model::parse_email(&args.email).map_err(|e| anyhow::anyhow!("--email: {}", Message::from(e)))?;
    model::check_password_strength(&args.password).map_err(|e| anyhow::anyhow!("--password: {}", Message::from(e)))?;
    let role = match args.role {
        RoleArg::Admin => Role::Admin,
        RoleArg::Officer => Role::Officer,
        RoleArg::Seller => Role::Seller,
        RoleArg::Buyer => Role::Buyer,
    };
    let mut producer_ids = Vec::new();
    for slug in &args.producer {
        let producer = producers::store::find_by_slug(db, slug)
            .await?
            .with_context(|| format!("--producer: no producer with slug {slug}"))?;
        producer_ids.push(producer.id);
    }
    for code in &args.province {
        if admin_units::province(code).is_none() {
            bail!("--province: {code} is not a 2025 province code (see GET /api/v1/provinces)");
        }
    }
    if role == Role::Seller && producer_ids.is_empty() {
        bail!("--producer: a seller works for at least one producer");
    }
    if role == Role::Officer && args.province.is_empty() {
        bail!("--province: an officer covers at least one province");
    }
    let hash = model::hash_password(&args.password)?;
    let name = args.name.clone().unwrap_or_else(|| email.split('@').next().unwrap_or("").to_string());
    let new_user =
        store::NewUser { email: &email, name: &name, phone: None, password_hash: &hash, role, privacy_consent: false };
    let (id, verb) = match store::insert(db, &new_user).await? {
        Some(id) => (id, "created"),
        None => {
            let user = store::find_by_email(db, &email).await?.context("user vanished")?;
            store::update_password_and_role(db, user.id, &hash, role).await?;
            (user.id, "updated")
        }
    };
    for producer_id in producer_ids {
        store::add_producer_member(db, id, producer_id, "owner").await?;
    }
    for code in &args.province {
        store::add_officer_province(db, id, code).await?;
    }
    Ok(format!("user {email} ({}) {verb}", role.as_str()))
}
