//! All SQL of accounts and sessions.

use anyhow::Context;
use sha2::{Digest, Sha256};
use sqlx::Row;

use super::model::Role;
use crate::db::{self, Db};

#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub password_hash: String,
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub phone: Option<&'a str>,
    pub password_hash: &'a str,
    pub role: Role,
    pub privacy_consent: bool,
}

fn user_from_row(row: &sqlx::any::AnyRow) -> Result<User, sqlx::Error> {
    Ok(User {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        role: crate::db::known(row, "role")?,
        password_hash: row.try_get("password_hash")?,
    })
}

/// Inserts a user; `Ok(None)` when the e-mail is taken. Consent given on
/// registration goes into the consent ledger with the notice's version.
pub async fn insert(db: &Db, user: &NewUser<'_>) -> anyhow::Result<Option<i64>> {
    let now = db::now();
    let mut tx = db.begin_write().await?;
    let result = sqlx::query(
        "INSERT INTO users (email, name, phone, password_hash, role, privacy_consent_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(user.email)
    .bind(user.name)
    .bind(user.phone)
    .bind(user.password_hash)
    .bind(user.role.as_str())
    .bind(user.privacy_consent.then(|| now.clone()))
    .bind(&now)
    .fetch_one(&mut *tx)
    .await;
    let id: i64 = match result {
        Ok(row) => row.try_get("id")?,
        Err(e) if db::breaks_unique(&e, "users_email_key") => return Ok(None),
        Err(e) => return Err(e).context(format!("insert user {}", user.email)),
    };
    if user.privacy_consent {
        sqlx::query(
            "INSERT INTO consents (user_id, purpose, notice_version, granted, source, created_at)
             VALUES ($1, 'account', $2, 1, 'register', $3)",
        )
        .bind(id)
        .bind(super::model::PRIVACY_NOTICE_VERSION)
        .bind(&now)
        .execute(&mut *tx)
        .await
        .context("record the consent given on registration")?;
    }
    tx.commit().await.context("commit a new user")?;
    Ok(Some(id))
}

/// `true` when the person's standing consent to the account is to the notice in
/// force.
pub async fn accepted_notice(db: &Db, user_id: i64) -> anyhow::Result<bool> {
    let row = sqlx::query(
        "SELECT granted, notice_version FROM consents WHERE user_id = $1 AND purpose = 'account' ORDER BY id DESC LIMIT 1",
    )
    .bind(user_id)
    .fetch_optional(&db.pool)
    .await
    .context("read the notice consent")?;
    Ok(match row {
        Some(r) => {
            r.try_get::<i64, _>("granted")? == 1
                && r.try_get::<String, _>("notice_version")? == super::model::PRIVACY_NOTICE_VERSION
        }
        None => false,
    })
}

pub async fn update_password_and_role(db: &Db, id: i64, password_hash: &str, role: Role) -> anyhow::Result<()> {
    sqlx::query("UPDATE users SET password_hash = $1, role = $2 WHERE id = $3")
        .bind(password_hash)
        .bind(role.as_str())
        .bind(id)
        .execute(&db.pool)
        .await
        .context("update user")?;
    Ok(())
}

pub async fn find_by_email(db: &Db, email: &str) -> anyhow::Result<Option<User>> {
    let row = sqlx::query("SELECT id, email, name, role, password_hash FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(&db.pool)
        .await
        .context("find user by email")?;
    Ok(row.map(|r| user_from_row(&r)).transpose()?)
}

pub async fn find_by_id(db: &Db, id: i64) -> anyhow::Result<Option<User>> {
    let row = sqlx::query("SELECT id, email, name, role, password_hash FROM users WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .context("find user by id")?;
    Ok(row.map(|r| user_from_row(&r)).transpose()?)
}

pub async fn list(db: &Db) -> anyhow::Result<Vec<User>> {
    let rows = sqlx::query("SELECT id, email, name, role, password_hash FROM users ORDER BY id")
        .fetch_all(&db.pool)
        .await
        .context("list users")?;
    Ok(rows.iter().map(user_from_row).collect::<Result<_, _>>()?)
}

pub async fn add_producer_member(db: &Db, user_id: i64, producer_id: i64, member_role: &str) -> anyhow::Result<()> {
    let sql = match db.dialect {
        db::Dialect::Sqlite => {
            "INSERT OR IGNORE INTO producer_members (user_id, producer_id, member_role) VALUES ($1, $2, $3)"
        }
        db::Dialect::Postgres => {
            "INSERT INTO producer_members (user_id, producer_id, member_role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING"
        }
    };
    sqlx::query(sql)
        .bind(user_id)
        .bind(producer_id)
        .bind(member_role)
        .execute(&db.pool)
        .await
        .context("add producer member")?;
    Ok(())
}

pub async fn add_officer_province(db: &Db, user_id: i64, province_code: &str) -> anyhow::Result<()> {
    let sql = match db.dialect {
        db::Dialect::Sqlite => "INSERT OR IGNORE INTO officer_provinces (user_id, province_code) VALUES ($1, $2)",
        db::Dialect::Postgres => {
            "INSERT INTO officer_provinces (user_id, province_code) VALUES ($1, $2) ON CONFLICT DO NOTHING"
        }
    };
    sqlx::query(sql).bind(user_id).bind(province_code).execute(&db.pool).await.context("add officer province")?;
    Ok(())
}

/// The producers a user sells for and the provinces an officer is bound to, in one
/// read (every signed-in request asks both): `(producer ids, province codes)`, sorted.
pub async fn memberships_of(db: &Db, user_id: i64) -> anyhow::Result<(Vec<i64>, Vec<String>)> {
    let rows = sqlx::query(
        "SELECT producer_id, NULL AS province_code FROM producer_members WHERE user_id = $1
         UNION ALL SELECT NULL, province_code FROM officer_provinces WHERE user_id = $1",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await
    .context("list memberships")?;
    let (mut producers, mut provinces) = (Vec::new(), Vec::new());
    for row in &rows {
        match (row.try_get::<Option<i64>, _>(0)?, row.try_get::<Option<String>, _>(1)?) {
            (Some(producer), _) => producers.push(producer),
            (None, Some(province)) => provinces.push(province),
            (None, None) => {}
        }
    }
    producers.sort_unstable();
    provinces.sort_unstable();
    Ok((producers, provinces))
}

/// Sessions store only the SHA-256 of the token: a leaked database does not leak
/// usable sessions.
pub fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn new_token() -> String {
    use base64::Engine;
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Starts a session and returns its token.
pub async fn create_session(db: &Db, user_id: i64, kind: &str, days: i64) -> anyhow::Result<String> {
    let token = new_token();
    let expires = time::OffsetDateTime::now_utc() + time::Duration::days(days);
    let expires = expires.format(&time::format_description::well_known::Rfc3339)?;
    sqlx::query("INSERT INTO sessions (token_hash, user_id, kind, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(token_hash(&token))
        .bind(user_id)
        .bind(kind)
        .bind(db::now())
        .bind(expires)
        .execute(&db.pool)
        .await
        .context("insert session")?;
    Ok(token)
}

/// The user behind a live session token.
pub async fn user_by_token(db: &Db, token: &str) -> anyhow::Result<Option<User>> {
    let row = sqlx::query(
        "SELECT u.id, u.email, u.name, u.role, u.password_hash FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2",
    )
    .bind(token_hash(token))
    .bind(db::now())
    .fetch_optional(&db.pool)
    .await
    .context("find session")?;
    Ok(row.map(|r| user_from_row(&r)).transpose()?)
}

pub async fn delete_session(db: &Db, token: &str) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash(token))
        .execute(&db.pool)
        .await
        .context("delete session")?;
    Ok(())
}

pub async fn user_exists(db: &Db, id: i64) -> anyhow::Result<bool> {
    let row = sqlx::query("SELECT 1 FROM users WHERE id = $1").bind(id).fetch_optional(&db.pool).await?;
    Ok(row.is_some())
}
