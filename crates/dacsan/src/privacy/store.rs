//! All SQL of the privacy desk: the consent ledger, requests with their clocks,
//! the processing log, and erasure.

use anyhow::Context;
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::messages;
use super::model::{NOTICE_VERSION, Purpose, RequestKind, RequestStatus, acknowledge_by};
use crate::db::{self, Db};
use crate::error::Message;

pub type Tx = Transaction<'static, Any>;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ConsentRecord {
    pub purpose: String,
    pub granted: bool,
    pub notice_version: String,
    /// The page or API that recorded it.
    pub source: String,
    pub at: String,
}

fn consent_of(r: &AnyRow) -> anyhow::Result<ConsentRecord> {
    Ok(ConsentRecord {
        purpose: r.try_get("purpose")?,
        granted: r.try_get::<i64, _>("granted")? == 1,
        notice_version: r.try_get("notice_version")?,
        source: r.try_get("source")?,
        at: r.try_get("created_at")?,
    })
}

/// Adds a grant or a withdrawal to the ledger (of the notice in force).
pub async fn record_consent<'c, E>(
    conn: E,
    user_id: i64,
    purpose: Purpose,
    granted: bool,
    source: &str,
) -> anyhow::Result<()>
where
    E: sqlx::Executor<'c, Database = Any>,
{
    sqlx::query(
        "INSERT INTO consents (user_id, purpose, notice_version, granted, source, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(user_id)
    .bind(purpose.as_str())
    .bind(NOTICE_VERSION)
    .bind(i64::from(granted))
    .bind(source)
    .bind(db::now())
    .execute(conn)
    .await
    .context("record a consent")?;
    Ok(())
}

/// The whole ledger of one person, oldest first.
pub async fn consents_of(db: &Db, user_id: i64) -> anyhow::Result<Vec<ConsentRecord>> {
    let rows = sqlx::query(
        "SELECT purpose, granted, notice_version, source, created_at FROM consents WHERE user_id = $1 ORDER BY id",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await
    .context("read consents")?;
    rows.iter().map(consent_of).collect()
}

/// Each purpose's standing consent: the newest row of each.
pub fn standing(ledger: &[ConsentRecord]) -> Vec<(Purpose, Option<&ConsentRecord>)> {
    use strum::VariantArray;
    Purpose::VARIANTS.iter().map(|&p| (p, ledger.iter().rev().find(|c| c.purpose == p.as_str()))).collect()
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RequestRecord {
    pub id: i64,
    pub user_id: Option<i64>,
    pub kind: String,
    pub status: String,
    pub detail: String,
    pub contact: Option<String>,
    pub created_at: String,
    pub acknowledge_by: String,
    pub acknowledged_at: Option<String>,
    pub due_at: String,
    pub done_at: Option<String>,
    /// Open past its deadline (or not acknowledged in time).
    pub overdue: bool,
}

impl RequestRecord {
    /// The i18n keys of its kind and status (both checked when read).
    pub fn kind_key(&self) -> &'static str {
        RequestKind::parse(&self.kind).map_or("privacy_request", RequestKind::label_key)
    }

    pub fn status_key(&self) -> &'static str {
        RequestStatus::parse(&self.status).map_or("status", RequestStatus::label_key)
    }
}

const REQUEST_COLUMNS: &str =
    "id, user_id, kind, status, detail, contact, created_at, acknowledge_by, acknowledged_at, due_at, done_at";

fn request_of(r: &AnyRow, now: &str) -> anyhow::Result<RequestRecord> {
    let status: String = r.try_get("status")?;
    let kind: String = r.try_get("kind")?;
    db::known::<RequestStatus>(r, "status")?;
    db::known::<RequestKind>(r, "kind")?;
    let due_at: String = r.try_get("due_at")?;
    let acknowledge: String = r.try_get("acknowledge_by")?;
    let acknowledged_at: Option<String> = r.try_get("acknowledged_at")?;
    let open = status == RequestStatus::Open.as_str();
    Ok(RequestRecord {
        id: r.try_get("id")?,
        user_id: r.try_get("user_id")?,
        overdue: open && (due_at.as_str() < now || (acknowledged_at.is_none() && acknowledge.as_str() < now)),
        kind,
        status,
        detail: r.try_get("detail")?,
        contact: r.try_get("contact")?,
        created_at: r.try_get("created_at")?,
        acknowledge_by: acknowledge,
        acknowledged_at,
        due_at,
        done_at: r.try_get("done_at")?,
    })
}

/// A request to log. One that is done at once (a download, a withdrawal) is
/// stored done and acknowledged.
pub struct NewRequest<'a> {
    pub user_id: Option<i64>,
    pub kind: RequestKind,
    pub status: RequestStatus,
    pub detail: &'a str,
    pub contact: Option<&'a str>,
}

pub async fn log_request<'c, E>(conn: E, request: &NewRequest<'_>) -> anyhow::Result<i64>
where
    E: sqlx::Executor<'c, Database = Any>,
{
    let now = time::OffsetDateTime::now_utc();
    let finished = (request.status != RequestStatus::Open).then(|| db::time_text(now));
    let row = sqlx::query(
        "INSERT INTO privacy_requests (user_id, kind, status, detail, contact, created_at, acknowledge_by,
           acknowledged_at, due_at, done_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8) RETURNING id",
    )
    .bind(request.user_id)
    .bind(request.kind.as_str())
    .bind(request.status.as_str())
    .bind(request.detail)
    .bind(request.contact)
    .bind(db::time_text(now))
    .bind(db::time_text(acknowledge_by(now)))
    .bind(finished)
    .bind(db::time_text(now + request.kind.deadline()))
    .fetch_one(conn)
    .await
    .context("log a privacy request")?;
    Ok(row.try_get("id")?)
}

pub async fn requests_of(db: &Db, user_id: i64) -> anyhow::Result<Vec<RequestRecord>> {
    let now = db::now();
    let rows = sqlx::query(&format!("SELECT {REQUEST_COLUMNS} FROM privacy_requests WHERE user_id = $1 ORDER BY id"))
        .bind(user_id)
        .fetch_all(&db.pool)
        .await
        .context("read privacy requests")?;
    rows.iter().map(|r| request_of(r, &now)).collect()
}

/// The admin's inbox: open requests first (soonest deadline first), then the
/// newest of the rest.
pub async fn all_requests(db: &Db, limit: i64) -> anyhow::Result<Vec<RequestRecord>> {
    let now = db::now();
    let rows = sqlx::query(&format!(
        "SELECT {REQUEST_COLUMNS} FROM privacy_requests
         ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END, CASE WHEN status = 'open' THEN due_at END, id DESC
         LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .context("list privacy requests")?;
    rows.iter().map(|r| request_of(r, &now)).collect()
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ProcessingRecord {
    pub id: i64,
    pub actor_user_id: Option<i64>,
    pub actor_email: Option<String>,
    /// What was taken out (`office.cases.xlsx`, `me.data`…).
    pub action: String,
    /// How many people's data it held.
    pub people: i64,
    pub detail: String,
    pub at: String,
}

/// Notes a bulk use of personal data: who, what, of how many people.
pub async fn log_processing(
    db: &Db,
    actor: Option<i64>,
    action: &str,
    people: i64,
    detail: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO processing_log (actor_user_id, action, people, detail, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(actor)
    .bind(action)
    .bind(people)
    .bind(detail)
    .bind(db::now())
    .execute(&db.pool)
    .await
    .context("log a processing")?;
    Ok(())
}

pub async fn processing_log(db: &Db, limit: i64) -> anyhow::Result<Vec<ProcessingRecord>> {
    let rows = sqlx::query(
        "SELECT l.id, l.actor_user_id, u.email, l.action, l.people, l.detail, l.created_at
         FROM processing_log l LEFT JOIN users u ON u.id = l.actor_user_id ORDER BY l.id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .context("read the processing log")?;
    rows.iter()
        .map(|r| {
            Ok(ProcessingRecord {
                id: r.try_get("id")?,
                actor_user_id: r.try_get("actor_user_id")?,
                actor_email: r.try_get("email")?,
                action: r.try_get("action")?,
                people: r.try_get("people")?,
                detail: r.try_get("detail")?,
                at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// What keeps an account from being erased now: orders still on their way (not
/// delivered, cancelled or refunded) and open complaints, as `(what, words)`.
pub async fn erasure_holds(tx: &mut Tx, user_id: i64, email: &str) -> anyhow::Result<Vec<(String, Message)>> {
    let orders = sqlx::query(
        "SELECT code, status FROM orders WHERE buyer_user_id = $1
           AND status NOT IN ('delivered', 'completed', 'cancelled', 'refunded') ORDER BY id",
    )
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await
    .context("find orders on their way")?;
    let mut holds = Vec::new();
    for r in &orders {
        let (code, status): (String, String) = (r.try_get("code")?, r.try_get("status")?);
        let words = Message::from(messages::HELD_BY_ORDER).with("code", &code).with("status", &status);
        holds.push((format!("order {code}"), words));
    }
    let complaints: i64 = sqlx::query("SELECT COUNT(*) AS n FROM complaints WHERE contact = $1 AND status = 'open'")
        .bind(email)
        .fetch_one(&mut **tx)
        .await
        .context("count open complaints")?
        .try_get("n")?;
    if complaints > 0 {
        holds.push(("complaints".into(), Message::from(messages::HELD_BY_COMPLAINTS).with("complaints", complaints)));
    }
    Ok(holds)
}

/// The words that replace a deleted person's name wherever it was.
pub const DELETED: &str = "đã xóa / deleted";

/// Removes or irreversibly replaces the person's data: the account keeps its id
/// (orders, payments and consents point to it) but no name, e-mail, phone or
/// password; its sessions and tokens go; the orders keep their money and goods
/// for the accounting and e-commerce records, with the buyer shown as deleted and
/// no phone, e-mail or street line (province and commune stay, for statistics).
pub async fn erase(tx: &mut Tx, user_id: i64) -> anyhow::Result<()> {
    let now = db::now();
    sqlx::query(
        "UPDATE users SET email = $1, name = $2, phone = NULL, password_hash = '', deleted_at = $3 WHERE id = $4",
    )
    .bind(format!("deleted-{user_id}@deleted.invalid"))
    .bind(DELETED)
    .bind(&now)
    .bind(user_id)
    .execute(&mut **tx)
    .await
    .context("erase the account")?;
    sqlx::query(
        "UPDATE orders SET buyer_name = $1, buyer_phone = '', buyer_email = NULL, ship_street = '', updated_at = $2
         WHERE buyer_user_id = $3",
    )
    .bind(DELETED)
    .bind(&now)
    .bind(user_id)
    .execute(&mut **tx)
    .await
    .context("erase the buyer from orders")?;
    for sql in [
        "UPDATE order_events SET reason = '' WHERE actor_user_id = $1 AND actor = 'buyer'",
        "DELETE FROM sessions WHERE user_id = $1",
        "DELETE FROM cart_items WHERE user_id = $1",
        "DELETE FROM notifications WHERE user_id = $1",
        "DELETE FROM producer_members WHERE user_id = $1",
        "DELETE FROM officer_provinces WHERE user_id = $1",
        // An erased affiliate's code no longer attributes orders; the commissions
        // earned stay on the orders' lines.
        "DELETE FROM affiliates WHERE user_id = $1",
    ] {
        sqlx::query(sql).bind(user_id).execute(&mut **tx).await.with_context(|| format!("erase: {sql}"))?;
    }
    Ok(())
}

/// Admins other than `user_id` that can still sign in.
pub async fn other_admins(tx: &mut Tx, user_id: i64) -> anyhow::Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND id <> $1 AND deleted_at IS NULL")
        .bind(user_id)
        .fetch_one(&mut **tx)
        .await
        .context("count admins")?;
    Ok(row.try_get("n")?)
}

/// An admin's handling of a request: acknowledged, then done or refused.
pub async fn handle_request(
    db: &Db,
    id: i64,
    admin_id: i64,
    status: Option<RequestStatus>,
) -> anyhow::Result<Option<RequestRecord>> {
    let now = db::now();
    sqlx::query(
        "UPDATE privacy_requests SET acknowledged_at = COALESCE(acknowledged_at, $1), handled_by = $2,
           status = COALESCE($3, status), done_at = CASE WHEN $3 IS NULL THEN done_at ELSE $1 END
         WHERE id = $4 AND status = 'open'",
    )
    .bind(&now)
    .bind(admin_id)
    .bind(status.map(RequestStatus::as_str))
    .bind(id)
    .execute(&db.pool)
    .await
    .context("handle a privacy request")?;
    let row = sqlx::query(&format!("SELECT {REQUEST_COLUMNS} FROM privacy_requests WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .context("read a privacy request")?;
    row.map(|r| request_of(&r, &now)).transpose()
}

/// The profile fields a person corrects.
pub async fn name_and_phone(db: &Db, user_id: i64) -> anyhow::Result<(String, Option<String>)> {
    let row = sqlx::query("SELECT name, phone FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(&db.pool)
        .await
        .context("read a profile")?;
    Ok((row.try_get("name")?, row.try_get("phone")?))
}
