//! All SQL of live sessions, their products, and the orders attributed to them.

use anyhow::Context;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::model::{Platform, ValidSession};
use crate::db::{self, Db};

type Tx = sqlx::Transaction<'static, sqlx::Any>;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Session {
    pub id: i64,
    pub slug: String,
    pub referral_code: String,
    pub title: String,
    /// For English pages; empty: the title.
    pub title_en: String,
    pub platform: Platform,
    pub stream_url: String,
    pub starts_at: String,
    pub ends_at: String,
    pub host_user_id: Option<i64>,
    #[serde(skip)]
    pub created_by: Option<i64>,
    pub viewers: i64,
    pub peak_viewers: i64,
}

impl Session {
    /// Is `at` between the start and the end?
    /// The title in the reader's language.
    pub fn title_in(&self, lang: crate::web::i18n::Lang) -> &str {
        if lang == crate::web::i18n::Lang::En && !self.title_en.is_empty() { &self.title_en } else { &self.title }
    }

    pub fn is_live_at(&self, at: &str) -> bool {
        self.starts_at.as_str() <= at && at < self.ends_at.as_str()
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SessionItem {
    pub product_id: i64,
    pub producer_id: i64,
    pub slug: String,
    pub name: String,
    pub unit: String,
    /// For English pages; empty: the Vietnamese ones.
    pub name_en: String,
    pub unit_en: String,
    pub list_price_vnd: i64,
    pub session_price_vnd: Option<i64>,
    pub stock_cap: Option<i64>,
    pub sold_at_session_price: i64,
    pub stock: i64,
}

const COLUMNS: &str =
    "id, slug, referral_code, title, title_en, platform, stream_url, starts_at, ends_at, host_user_id,
    created_by, viewers, peak_viewers";

fn from_row(row: &AnyRow) -> anyhow::Result<Session> {
    let platform: String = row.try_get("platform")?;
    Ok(Session {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        referral_code: row.try_get("referral_code")?,
        title: row.try_get("title")?,
        title_en: row.try_get("title_en")?,
        platform: platform.parse().with_context(|| format!("live platform «{platform}» is unknown"))?,
        stream_url: row.try_get("stream_url")?,
        starts_at: row.try_get("starts_at")?,
        ends_at: row.try_get("ends_at")?,
        host_user_id: row.try_get("host_user_id")?,
        created_by: row.try_get("created_by")?,
        viewers: row.try_get("viewers")?,
        peak_viewers: row.try_get("peak_viewers")?,
    })
}

/// Stores the session and its products; `None` when the slug or the code is taken.
pub async fn insert(
    db: &Db,
    session: &ValidSession,
    slug: &str,
    code: &str,
    created_by: i64,
) -> anyhow::Result<Option<i64>> {
    let mut tx = db.begin_write().await?;
    let now = db::now();
    let inserted = sqlx::query(
        "INSERT INTO live_sessions (slug, referral_code, title, platform, stream_url, starts_at, ends_at, host_user_id,
                                    created_by, created_at, updated_at, title_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11) RETURNING id",
    )
    .bind(slug)
    .bind(code)
    .bind(&session.title)
    .bind(<&str>::from(session.platform))
    .bind(&session.stream_url)
    .bind(db::time_text(session.starts_at))
    .bind(db::time_text(session.ends_at))
    .bind(session.host_user_id)
    .bind(created_by)
    .bind(&now)
    .bind(&session.title_en)
    .fetch_one(&mut *tx)
    .await;
    let id: i64 = match inserted {
        Ok(row) => row.try_get("id")?,
        Err(e)
            if db::breaks_unique(&e, "live_sessions_slug_key")
                || db::breaks_unique(&e, "live_sessions_referral_code_key") =>
        {
            return Ok(None);
        }
        Err(e) => return Err(e).context("insert live session"),
    };
    for (position, item) in session.items.iter().enumerate() {
        sqlx::query(
            "INSERT INTO live_session_items (session_id, product_id, position, session_price_vnd, stock_cap)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(item.product_id)
        .bind(position as i64)
        .bind(item.session_price_vnd)
        .bind(item.stock_cap)
        .execute(&mut *tx)
        .await
        .context("insert live session item")?;
    }
    tx.commit().await.context("commit live session")?;
    Ok(Some(id))
}

async fn one(db: &Db, column: &str, value: &str) -> anyhow::Result<Option<Session>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM live_sessions WHERE {column} = $1"))
        .bind(value)
        .fetch_optional(&db.pool)
        .await
        .context("find live session")?;
    row.as_ref().map(from_row).transpose()
}

pub async fn find(db: &Db, id: i64) -> anyhow::Result<Option<Session>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM live_sessions WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .context("find live session")?;
    row.as_ref().map(from_row).transpose()
}

pub async fn find_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<Session>> {
    one(db, "slug", slug).await
}

pub async fn find_by_code(db: &Db, code: &str) -> anyhow::Result<Option<Session>> {
    one(db, "referral_code", code).await
}

pub async fn items_of(db: &Db, session_id: i64) -> anyhow::Result<Vec<SessionItem>> {
    let rows = sqlx::query(
        "SELECT i.product_id, p.producer_id, p.slug, p.name, p.unit, p.name_en, p.unit_en, p.price_vnd, p.stock, i.session_price_vnd, i.stock_cap,
                i.sold_at_session_price
         FROM live_session_items i JOIN products p ON p.id = i.product_id
         WHERE i.session_id = $1 ORDER BY i.position",
    )
    .bind(session_id)
    .fetch_all(&db.pool)
    .await
    .context("list live session items")?;
    rows.iter()
        .map(|r| {
            Ok(SessionItem {
                product_id: r.try_get("product_id")?,
                producer_id: r.try_get("producer_id")?,
                slug: r.try_get("slug")?,
                name: r.try_get("name")?,
                unit: r.try_get("unit")?,
                name_en: r.try_get("name_en")?,
                unit_en: r.try_get("unit_en")?,
                list_price_vnd: r.try_get("price_vnd")?,
                session_price_vnd: r.try_get("session_price_vnd")?,
                stock_cap: r.try_get("stock_cap")?,
                sold_at_session_price: r.try_get("sold_at_session_price")?,
                stock: r.try_get("stock")?,
            })
        })
        .collect()
}

/// Counts units sold at the session price unless the cap would be passed.
pub async fn take_session_units(tx: &mut Tx, session_id: i64, product_id: i64, units: i64) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE live_session_items SET sold_at_session_price = sold_at_session_price + $1
         WHERE session_id = $2 AND product_id = $3 AND (stock_cap IS NULL OR sold_at_session_price + $1 <= stock_cap)",
    )
    .bind(units)
    .bind(session_id)
    .bind(product_id)
    .execute(&mut **tx)
    .await
    .context("count session units")?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_audience(db: &Db, id: i64, viewers: i64, peak_viewers: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE live_sessions SET viewers = $1, peak_viewers = $2, updated_at = $3 WHERE id = $4")
        .bind(viewers)
        .bind(peak_viewers)
        .bind(db::now())
        .bind(id)
        .execute(&db.pool)
        .await
        .context("set live session audience")?;
    Ok(())
}

/// A product as the session's report shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TopProduct {
    pub product_id: i64,
    pub name: String,
    pub units: i64,
    pub revenue_vnd: i64,
}

/// The statuses of the orders a session's figures count: all but cancelled and refunded.
const COUNTED: &str = "NOT IN ('cancelled', 'refunded')";

/// Orders attributed to a session that were not cancelled: (orders, units, revenue of goods).
pub async fn attributed_totals(db: &Db, session_id: i64) -> anyhow::Result<(i64, i64, i64)> {
    let row = sqlx::query(&format!(
        "SELECT COUNT(*) AS orders, COALESCE(CAST(SUM(o.subtotal_vnd) AS BIGINT), 0) AS revenue,
                COALESCE((SELECT CAST(SUM(i.quantity) AS BIGINT) FROM order_items i JOIN orders x ON x.id = i.order_id
                          WHERE x.live_session_id = $1 AND x.status {COUNTED}), 0) AS units
         FROM orders o WHERE o.live_session_id = $1 AND o.status {COUNTED}",
    ))
    .bind(session_id)
    .fetch_one(&db.pool)
    .await
    .context("sum a live session's orders")?;
    Ok((row.try_get("orders")?, row.try_get("units")?, row.try_get("revenue")?))
}

pub async fn top_products(db: &Db, session_id: i64, limit: i64) -> anyhow::Result<Vec<TopProduct>> {
    let rows = sqlx::query(
        "SELECT i.product_id, MIN(i.name) AS name, CAST(SUM(i.quantity) AS BIGINT) AS units,
                CAST(SUM(i.quantity * i.price_vnd) AS BIGINT) AS revenue
         FROM order_items i JOIN orders o ON o.id = i.order_id
         WHERE o.live_session_id = $1 AND o.status NOT IN ('cancelled', 'refunded')
         GROUP BY i.product_id ORDER BY units DESC, revenue DESC LIMIT $2",
    )
    .bind(session_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .context("a live session's top products")?;
    rows.iter()
        .map(|r| {
            Ok(TopProduct {
                product_id: r.try_get("product_id")?,
                name: r.try_get("name")?,
                units: r.try_get("units")?,
                revenue_vnd: r.try_get("revenue")?,
            })
        })
        .collect()
}

/// Sessions a user scheduled, hosts, or that show their producers' products; the latest first.
pub async fn list_for_user(db: &Db, user_id: i64, producer_ids: &[i64]) -> anyhow::Result<Vec<Session>> {
    let products = if producer_ids.is_empty() {
        String::new()
    } else {
        format!(
            " OR id IN (SELECT i.session_id FROM live_session_items i JOIN products p ON p.id = i.product_id
                         WHERE p.producer_id IN ({}))",
            crate::producers::store::id_list(producer_ids)
        )
    };
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM live_sessions WHERE created_by = $1 OR host_user_id = $1{products}
         ORDER BY starts_at DESC, id DESC LIMIT 200"
    ))
    .bind(user_id)
    .fetch_all(&db.pool)
    .await
    .context("list a user's live sessions")?;
    rows.iter().map(from_row).collect()
}

/// A session in the programme office's list: its host, how many products and
/// producers it carries, and its orders and revenue counted as [`attributed_totals`] does.
#[derive(Debug, Clone, Serialize)]
pub struct ProvinceSession {
    pub session: Session,
    /// The host's name; `None` when the scheduler hosts.
    pub host_name: Option<String>,
    pub products: i64,
    pub producers: i64,
    pub orders: i64,
    pub revenue_vnd: i64,
}

/// The sessions that carry a product of one of the province's producers, with their
/// counts, in one statement; the latest first.
pub async fn list_for_province(db: &Db, province_code: &str, limit: i64) -> anyhow::Result<Vec<ProvinceSession>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS},
                (SELECT u.name FROM users u WHERE u.id = s.host_user_id) AS host_name,
                (SELECT COUNT(*) FROM live_session_items i WHERE i.session_id = s.id) AS products,
                (SELECT COUNT(DISTINCT p.producer_id) FROM live_session_items i JOIN products p ON p.id = i.product_id
                 WHERE i.session_id = s.id) AS producers,
                (SELECT COUNT(*) FROM orders o WHERE o.live_session_id = s.id AND o.status {COUNTED}) AS orders,
                (SELECT COALESCE(CAST(SUM(o.subtotal_vnd) AS BIGINT), 0) FROM orders o
                 WHERE o.live_session_id = s.id AND o.status {COUNTED}) AS revenue
         FROM live_sessions s
         WHERE s.id IN (SELECT i.session_id FROM live_session_items i JOIN products p ON p.id = i.product_id
                        JOIN producers pr ON pr.id = p.producer_id WHERE pr.province_code = $1)
         ORDER BY s.starts_at DESC, s.id DESC LIMIT $2"
    ))
    .bind(province_code)
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .with_context(|| format!("list the live sessions of province {province_code}"))?;
    rows.iter()
        .map(|r| {
            Ok(ProvinceSession {
                session: from_row(r)?,
                host_name: r.try_get("host_name")?,
                products: r.try_get("products")?,
                producers: r.try_get("producers")?,
                orders: r.try_get("orders")?,
                revenue_vnd: r.try_get("revenue")?,
            })
        })
        .collect()
}
