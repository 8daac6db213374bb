//! All SQL of affiliates' codes, producers' commission rates, and the attributed
//! order lines that statements sum.

use anyhow::Context;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::model::Month;
use crate::db::{self, Db};

/// The affiliate code of a user, if it has one.
pub async fn affiliate_code(db: &Db, user_id: i64) -> anyhow::Result<Option<String>> {
    let row = sqlx::query("SELECT referral_code FROM affiliates WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(&db.pool)
        .await
        .context("find an affiliate's code")?;
    Ok(row.map(|r| r.try_get("referral_code")).transpose()?)
}

/// Gives a user its code; `false` when the code is taken (or the user has one).
pub async fn insert_affiliate(db: &Db, user_id: i64, code: &str) -> anyhow::Result<bool> {
    let inserted = sqlx::query("INSERT INTO affiliates (user_id, referral_code, created_at) VALUES ($1, $2, $3)")
        .bind(user_id)
        .bind(code)
        .bind(db::now())
        .execute(&db.pool)
        .await;
    match inserted {
        Ok(_) => Ok(true),
        Err(e) if db::breaks_unique(&e, "affiliates_pkey") || db::breaks_unique(&e, "affiliates_referral_code_key") => {
            Ok(false)
        }
        Err(e) => Err(e).context("insert an affiliate"),
    }
}

/// The account whose affiliate code this is (accounts that can still sign in).
pub async fn affiliate_by_code(db: &Db, code: &str) -> anyhow::Result<Option<i64>> {
    let row = sqlx::query(
        "SELECT a.user_id FROM affiliates a JOIN users u ON u.id = a.user_id
         WHERE a.referral_code = $1 AND u.deleted_at IS NULL",
    )
    .bind(code)
    .fetch_optional(&db.pool)
    .await
    .context("find an affiliate by code")?;
    Ok(row.map(|r| r.try_get("user_id")).transpose()?)
}

/// Is there an account of this id that was not erased?
pub async fn account_signs_in(db: &Db, user_id: i64) -> anyhow::Result<bool> {
    let row = sqlx::query("SELECT 1 AS one FROM users WHERE id = $1 AND deleted_at IS NULL")
        .bind(user_id)
        .fetch_optional(&db.pool)
        .await
        .context("find an account")?;
    Ok(row.is_some())
}

/// A rate as its producer and its host read it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Rate {
    pub id: i64,
    pub producer_id: i64,
    pub producer_name: String,
    pub producer_slug: String,
    pub host_user_id: i64,
    pub host_name: String,
    /// Shown to the producer that named the host by it; never to the host's buyers.
    #[serde(skip)]
    pub host_email: String,
    /// `None`: every product of the producer without a rate of its own.
    pub product_id: Option<i64>,
    pub product_name: Option<String>,
    pub product_slug: Option<String>,
    pub rate_bp: i64,
    pub set_at: String,
}

impl Rate {
    pub fn percent(&self) -> String {
        super::model::percent_text(self.rate_bp)
    }
}

const RATE_COLUMNS: &str = "r.id, r.producer_id, pr.name AS producer_name, pr.slug AS producer_slug, r.host_user_id,
    u.name AS host_name, u.email AS host_email, r.product_id, p.name AS product_name, p.slug AS product_slug,
    r.rate_bp, r.set_at
    FROM commission_rates r JOIN producers pr ON pr.id = r.producer_id JOIN users u ON u.id = r.host_user_id
    LEFT JOIN products p ON p.id = r.product_id";

fn rate_from_row(row: &AnyRow) -> anyhow::Result<Rate> {
    Ok(Rate {
        id: row.try_get("id")?,
        producer_id: row.try_get("producer_id")?,
        producer_name: row.try_get("producer_name")?,
        producer_slug: row.try_get("producer_slug")?,
        host_user_id: row.try_get("host_user_id")?,
        host_name: row.try_get("host_name")?,
        host_email: row.try_get("host_email")?,
        product_id: row.try_get("product_id")?,
        product_name: row.try_get("product_name")?,
        product_slug: row.try_get("product_slug")?,
        rate_bp: row.try_get("rate_bp")?,
        set_at: row.try_get("set_at")?,
    })
}

/// A producer's rates, host by host, its all-products rate first.
pub async fn rates_of_producer(db: &Db, producer_id: i64) -> anyhow::Result<Vec<Rate>> {
    let rows = sqlx::query(&format!(
        "SELECT {RATE_COLUMNS} WHERE r.producer_id = $1 ORDER BY u.name, r.host_user_id, COALESCE(r.product_id, 0)"
    ))
    .bind(producer_id)
    .fetch_all(&db.pool)
    .await
    .context("list a producer's commission rates")?;
    rows.iter().map(rate_from_row).collect()
}

/// The rates producers pay a host, producer by producer.
pub async fn rates_for_host(db: &Db, host_user_id: i64) -> anyhow::Result<Vec<Rate>> {
    let rows = sqlx::query(&format!(
        "SELECT {RATE_COLUMNS} WHERE r.host_user_id = $1 ORDER BY pr.name, r.producer_id, COALESCE(r.product_id, 0)"
    ))
    .bind(host_user_id)
    .fetch_all(&db.pool)
    .await
    .context("list a host's commission rates")?;
    rows.iter().map(rate_from_row).collect()
}

/// Sets (or changes) a producer's rate for a host, on one product or on all.
pub async fn set_rate(
    db: &Db,
    producer_id: i64,
    host_user_id: i64,
    product_id: Option<i64>,
    rate_bp: i64,
    set_by: i64,
) -> anyhow::Result<()> {
    let mut tx = db.begin_write().await?;
    let now = db::now();
    let updated = sqlx::query(
        "UPDATE commission_rates SET rate_bp = $1, set_by = $2, set_at = $3
         WHERE producer_id = $4 AND host_user_id = $5 AND COALESCE(product_id, 0) = $6",
    )
    .bind(rate_bp)
    .bind(set_by)
    .bind(&now)
    .bind(producer_id)
    .bind(host_user_id)
    .bind(product_id.unwrap_or(0))
    .execute(&mut *tx)
    .await
    .context("change a commission rate")?;
    if updated.rows_affected() == 0 {
        sqlx::query(
            "INSERT INTO commission_rates (producer_id, host_user_id, product_id, rate_bp, set_by, set_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(producer_id)
        .bind(host_user_id)
        .bind(product_id)
        .bind(rate_bp)
        .bind(set_by)
        .bind(&now)
        .execute(&mut *tx)
        .await
        .context("set a commission rate")?;
    }
    tx.commit().await.context("commit a commission rate")?;
    Ok(())
}

/// Removes one of a producer's rates; `false` when it has none of that id.
pub async fn delete_rate(db: &Db, producer_id: i64, rate_id: i64) -> anyhow::Result<bool> {
    let deleted = sqlx::query("DELETE FROM commission_rates WHERE id = $1 AND producer_id = $2")
        .bind(rate_id)
        .bind(producer_id)
        .execute(&db.pool)
        .await
        .context("remove a commission rate")?;
    Ok(deleted.rows_affected() > 0)
}

/// The (producer, product, rate) triples a host is paid on; no product: all.
pub async fn host_rate_triples(db: &Db, host_user_id: i64) -> anyhow::Result<Vec<(i64, Option<i64>, i64)>> {
    let rows = sqlx::query("SELECT producer_id, product_id, rate_bp FROM commission_rates WHERE host_user_id = $1")
        .bind(host_user_id)
        .fetch_all(&db.pool)
        .await
        .context("read a host's rates")?;
    rows.iter().map(|r| Ok((r.try_get("producer_id")?, r.try_get("product_id")?, r.try_get("rate_bp")?))).collect()
}

/// A line of an attributed order delivered in the month, with its frozen rate.
#[derive(Debug, Clone)]
pub struct AttributedLine {
    pub order_id: i64,
    pub order_code: String,
    pub delivered_at: String,
    pub producer_id: i64,
    pub producer_name: String,
    pub host_user_id: i64,
    pub host_name: String,
    pub session_title: Option<String>,
    pub goods_vnd: i64,
    pub commission_bp: Option<i64>,
}

/// Who the lines are asked for: one host's, or the hosts of one producer's orders.
pub enum LinesOf {
    Host(i64),
    Producer(i64),
}

/// Lines of the orders attributed to a host, delivered in the month and neither
/// refunded nor cancelled since, in delivery order.
pub async fn delivered_lines(db: &Db, of: LinesOf, month: Month) -> anyhow::Result<Vec<AttributedLine>> {
    let (start, end) = month.bounds_utc();
    let (filter, id) = match of {
        LinesOf::Host(id) => ("o.host_user_id = $1", id),
        LinesOf::Producer(id) => ("o.producer_id = $1 AND o.host_user_id IS NOT NULL", id),
    };
    let rows = sqlx::query(&format!(
        "SELECT o.id AS order_id, o.code, o.delivered_at, o.producer_id, pr.name AS producer_name, o.host_user_id,
                u.name AS host_name, s.title AS session_title, i.price_vnd * i.quantity AS goods_vnd, i.commission_bp
         FROM orders o JOIN order_items i ON i.order_id = o.id JOIN producers pr ON pr.id = o.producer_id
              JOIN users u ON u.id = o.host_user_id LEFT JOIN live_sessions s ON s.id = o.live_session_id
         WHERE {filter} AND o.delivered_at >= $2 AND o.delivered_at < $3 AND o.status IN ('delivered', 'completed')
         ORDER BY o.delivered_at, o.id, i.product_id"
    ))
    .bind(id)
    .bind(start)
    .bind(end)
    .fetch_all(&db.pool)
    .await
    .context("read attributed order lines")?;
    rows.iter()
        .map(|r| {
            Ok(AttributedLine {
                order_id: r.try_get("order_id")?,
                order_code: r.try_get("code")?,
                delivered_at: r.try_get("delivered_at")?,
                producer_id: r.try_get("producer_id")?,
                producer_name: r.try_get("producer_name")?,
                host_user_id: r.try_get("host_user_id")?,
                host_name: r.try_get("host_name")?,
                session_title: r.try_get("session_title")?,
                goods_vnd: r.try_get("goods_vnd")?,
                commission_bp: r.try_get("commission_bp")?,
            })
        })
        .collect()
}

/// Orders attributed to a host still on their way (placed, not delivered, not
/// cancelled): (orders, goods).
pub async fn pending_for_host(db: &Db, host_user_id: i64) -> anyhow::Result<(i64, i64)> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS orders, COALESCE(CAST(SUM(subtotal_vnd) AS BIGINT), 0) AS goods FROM orders
         WHERE host_user_id = $1 AND status IN ('awaiting_payment', 'paid', 'confirmed', 'packed', 'shipped')",
    )
    .bind(host_user_id)
    .fetch_one(&db.pool)
    .await
    .context("count a host's orders on their way")?;
    Ok((row.try_get("orders")?, row.try_get("goods")?))
}
