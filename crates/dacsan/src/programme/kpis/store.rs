//! All SQL of the indicators. Each fact that counts carries the day from which it
//! holds (a product's `active_since`, a listing's `listed_on`/`delisted_on`, a
//! certificate's dates, a training session's `held_on`, declared dates from the
//! registry), so every figure is "as of" a date `$2`; `$1` is the province.
//! Sums are cast to BIGINT: PostgreSQL sums BIGINT columns as NUMERIC.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::model::{Indicator, Ratio};
use crate::db::{self, Db};
use crate::error::AppResult;

/// The facts of every producer of the province known on the date `$2` (and of one
/// commune when `$3` is bound), one row each, computed in one pass over the
/// province's products: OCOP products (3★+, certificate valid on the date), eligible
/// products, which of them are online (active on dacsan since, or listed elsewhere
/// on the date), a store (active on dacsan, listed elsewhere or declared), an
/// e-payment account (VietQR account on dacsan or declared), completed trainings.
/// Aggregates are joined, never correlated per row: it stays one scan at 100 000
/// products.
fn producer_facts_sql(commune: Option<&str>) -> String {
    let commune_filter = if commune.is_some() { "AND pr.commune_code = $3" } else { "" };
    format!(
        "WITH listed AS (
            SELECT DISTINCT l.product_id FROM listings l
            JOIN products p ON p.id = l.product_id JOIN producers pr ON pr.id = p.producer_id
            WHERE pr.province_code = $1 {commune_filter} AND l.listed_on <= $2 AND (l.delisted_on IS NULL OR l.delisted_on > $2)
         ),
         product_facts AS (
            SELECT p.producer_id,
                   CASE WHEN p.ocop_stars >= 3 AND (p.ocop_certified_on IS NULL OR p.ocop_certified_on <= $2)
                             AND (p.ocop_expires_on IS NULL OR p.ocop_expires_on >= $2) THEN 1 ELSE 0 END AS ocop,
                   CASE WHEN p.ecommerce_eligible = 1 THEN 1 ELSE 0 END AS eligible,
                   CASE WHEN p.status = 'active' AND p.active_since <= $2 THEN 1 ELSE 0 END AS on_dacsan,
                   CASE WHEN listed.product_id IS NULL THEN 0 ELSE 1 END AS elsewhere
            FROM products p JOIN producers pr ON pr.id = p.producer_id
            LEFT JOIN listed ON listed.product_id = p.id
            WHERE pr.province_code = $1 {commune_filter} AND p.status <> 'archived' AND substr(p.created_at, 1, 10) <= $2
         ),
         per_producer AS (
            SELECT producer_id,
                   MAX(ocop) AS has_ocop,
                   MAX(CASE WHEN on_dacsan = 1 OR elsewhere = 1 THEN 1 ELSE 0 END) AS has_listing,
                   SUM(ocop) AS ocop_total,
                   SUM(CASE WHEN ocop = 1 AND (on_dacsan = 1 OR elsewhere = 1) THEN 1 ELSE 0 END) AS ocop_online,
                   SUM(eligible) AS eligible_total,
                   SUM(CASE WHEN eligible = 1 AND (on_dacsan = 1 OR elsewhere = 1) THEN 1 ELSE 0 END) AS eligible_online,
                   SUM(CASE WHEN (ocop = 1 OR eligible = 1) AND on_dacsan = 0 AND elsewhere = 0 THEN 1 ELSE 0 END) AS offline
            FROM product_facts GROUP BY producer_id
         ),
         trained AS (
            SELECT ta.producer_id,
                   MAX(CASE WHEN c.pillar IN {DIGITAL_PILLARS} THEN 1 ELSE 0 END) AS digital,
                   MAX(CASE WHEN c.pillar IN {PACKAGING_PILLARS} THEN 1 ELSE 0 END) AS packaging
            FROM training_attendance ta
            JOIN training_sessions ts ON ts.id = ta.session_id
            JOIN courses c ON c.id = ts.course_id
            JOIN producers pr ON pr.id = ta.producer_id
            WHERE pr.province_code = $1 {commune_filter} AND ta.completed = 1 AND ts.held_on <= $2
            GROUP BY ta.producer_id
         ),
         facts AS (
            SELECT pr.id, pr.slug, pr.name, pr.registry_code, pr.commune_code, pr.phone,
                   COALESCE(pp.has_ocop, 0) AS has_ocop,
                   CASE WHEN pr.declared_store_on <= $2 OR pp.has_listing = 1 THEN 1 ELSE 0 END AS has_store,
                   CASE WHEN pr.declared_payment_on <= $2 OR pa.created_on <= $2 THEN 1 ELSE 0 END AS has_payment,
                   CASE WHEN pr.trained_digital_on <= $2 OR t.digital = 1 THEN 1 ELSE 0 END AS trained_digital,
                   CASE WHEN pr.trained_packaging_on <= $2 OR t.packaging = 1 THEN 1 ELSE 0 END AS trained_packaging,
                   COALESCE(pp.ocop_total, 0) AS ocop_total, COALESCE(pp.ocop_online, 0) AS ocop_online,
                   COALESCE(pp.eligible_total, 0) AS eligible_total, COALESCE(pp.eligible_online, 0) AS eligible_online,
                   COALESCE(pp.offline, 0) AS products_offline
            FROM producers pr
            LEFT JOIN per_producer pp ON pp.producer_id = pr.id
            LEFT JOIN payment_accounts pa ON pa.producer_id = pr.id
            LEFT JOIN trained t ON t.producer_id = pr.id
            WHERE pr.province_code = $1 {commune_filter} AND substr(pr.created_at, 1, 10) <= $2
         )"
    )
}

const DIGITAL_PILLARS: &str = "('go_online', 'go_export', 'go_ai', 'go_right')";
const PACKAGING_PILLARS: &str = "('packaging_delivery')";

/// Counts of one commune (or of the province, summed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub commune_code: String,
    pub producers: i64,
    pub ocop_products_online: Ratio,
    pub producers_store_and_payment: Ratio,
    pub trained_digital_skills: Ratio,
    pub trained_packaging_delivery: Ratio,
    pub eligible_goods_online: Ratio,
}

impl Counts {
    pub fn ratio(&self, indicator: Indicator) -> Ratio {
        match indicator {
            Indicator::OcopProductsOnline => self.ocop_products_online,
            Indicator::ProducersStoreAndPayment => self.producers_store_and_payment,
            Indicator::TrainedDigitalSkills => self.trained_digital_skills,
            Indicator::TrainedPackagingDelivery => self.trained_packaging_delivery,
            Indicator::EligibleGoodsOnline => self.eligible_goods_online,
        }
    }

    pub fn add(&mut self, other: &Counts) {
        self.producers += other.producers;
        self.ocop_products_online = self.ocop_products_online.plus(other.ocop_products_online);
        self.producers_store_and_payment = self.producers_store_and_payment.plus(other.producers_store_and_payment);
        self.trained_digital_skills = self.trained_digital_skills.plus(other.trained_digital_skills);
        self.trained_packaging_delivery = self.trained_packaging_delivery.plus(other.trained_packaging_delivery);
        self.eligible_goods_online = self.eligible_goods_online.plus(other.eligible_goods_online);
    }
}

/// Runs a query over the producer facts with the province, date and commune bound.
async fn fetch_facts(
    db: &Db,
    select: &str,
    province: &str,
    date: &str,
    commune: Option<&str>,
) -> AppResult<Vec<AnyRow>> {
    let sql = format!("{} {select}", producer_facts_sql(commune));
    let mut query = sqlx::query(&sql).bind(province).bind(date);
    if let Some(c) = commune {
        query = query.bind(c);
    }
    Ok(query.fetch_all(&db.pool).await?)
}

/// The indicators' counts per commune of the province on the date, in commune code order.
pub async fn counts_by_commune(db: &Db, province: &str, date: &str, commune: Option<&str>) -> AppResult<Vec<Counts>> {
    let select = "SELECT commune_code, COUNT(*) AS producers,
                CAST(SUM(has_ocop) AS BIGINT) AS with_ocop,
                CAST(SUM(has_ocop * has_store * has_payment) AS BIGINT) AS store_and_payment,
                CAST(SUM(trained_digital) AS BIGINT) AS digital,
                CAST(SUM(trained_packaging) AS BIGINT) AS packaging,
                CAST(SUM(ocop_total) AS BIGINT) AS ocop_total, CAST(SUM(ocop_online) AS BIGINT) AS ocop_online,
                CAST(SUM(eligible_total) AS BIGINT) AS eligible_total, CAST(SUM(eligible_online) AS BIGINT) AS eligible_online
         FROM facts GROUP BY commune_code ORDER BY commune_code";
    let rows = fetch_facts(db, select, province, date, commune).await?;
    rows.iter()
        .map(|r| {
            let producers: i64 = r.try_get("producers")?;
            Ok(Counts {
                commune_code: r.try_get("commune_code")?,
                producers,
                ocop_products_online: Ratio::new(r.try_get("ocop_online")?, r.try_get("ocop_total")?),
                producers_store_and_payment: Ratio::new(r.try_get("store_and_payment")?, r.try_get("with_ocop")?),
                trained_digital_skills: Ratio::new(r.try_get("digital")?, producers),
                trained_packaging_delivery: Ratio::new(r.try_get("packaging")?, producers),
                eligible_goods_online: Ratio::new(r.try_get("eligible_online")?, r.try_get("eligible_total")?),
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// A producer of the province with what it still lacks on the date.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ProducerGaps {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub registry_code: Option<String>,
    pub commune_code: String,
    pub phone: String,
    pub has_ocop: bool,
    pub has_store: bool,
    pub has_payment: bool,
    pub trained_digital: bool,
    pub trained_packaging: bool,
    /// OCOP or eligible products not listed anywhere on the date.
    pub products_offline: i64,
}

impl ProducerGaps {
    pub fn lacks_store_or_payment(&self) -> bool {
        self.has_ocop && !(self.has_store && self.has_payment)
    }
}

/// Producers that are "not there yet" on some indicator, by commune and name; at most `limit`.
pub async fn producers_with_gaps(
    db: &Db,
    province: &str,
    date: &str,
    commune: Option<&str>,
    limit: i64,
) -> AppResult<Vec<ProducerGaps>> {
    let select = format!(
        "SELECT * FROM facts
         WHERE products_offline > 0 OR trained_digital = 0 OR trained_packaging = 0
            OR (has_ocop = 1 AND (has_store = 0 OR has_payment = 0))
         ORDER BY commune_code, name, id
         LIMIT {limit}"
    );
    let rows = fetch_facts(db, &select, province, date, commune).await?;
    let flag = |r: &AnyRow, name: &str| -> Result<bool, sqlx::Error> { Ok(r.try_get::<i64, _>(name)? == 1) };
    rows.iter()
        .map(|r| {
            Ok(ProducerGaps {
                id: r.try_get("id")?,
                slug: r.try_get("slug")?,
                name: r.try_get("name")?,
                registry_code: r.try_get("registry_code")?,
                commune_code: r.try_get("commune_code")?,
                phone: r.try_get("phone")?,
                has_ocop: flag(r, "has_ocop")?,
                has_store: flag(r, "has_store")?,
                has_payment: flag(r, "has_payment")?,
                trained_digital: flag(r, "trained_digital")?,
                trained_packaging: flag(r, "trained_packaging")?,
                products_offline: r.try_get("products_offline")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// The provinces that have producers, for the monthly history.
pub async fn provinces_with_producers(db: &Db) -> AppResult<Vec<String>> {
    let rows =
        sqlx::query("SELECT DISTINCT province_code FROM producers ORDER BY province_code").fetch_all(&db.pool).await?;
    rows.iter().map(|r| r.try_get("province_code")).collect::<Result<_, sqlx::Error>>().map_err(Into::into)
}

/// The plan's target for each indicator in the date's year: the province's own plan
/// if it has one for that indicator, else the defaults; the year itself, else the
/// next year with a target, else the latest before.
pub async fn targets(db: &Db, province: &str, year: i32) -> AppResult<Vec<(Indicator, i64)>> {
    let rows = sqlx::query(
        "SELECT province_code, indicator, year, target_pct FROM plan_targets WHERE province_code IN ($1, '')",
    )
    .bind(province)
    .fetch_all(&db.pool)
    .await?;
    let mut found = Vec::new();
    for &indicator in Indicator::ALL {
        let mut candidates: Vec<(bool, i64, i64)> = Vec::new();
        for r in &rows {
            if r.try_get::<String, _>("indicator")? != indicator.id() {
                continue;
            }
            let own = r.try_get::<String, _>("province_code")? == province;
            candidates.push((own, r.try_get("year")?, r.try_get("target_pct")?));
        }
        let own_plan = candidates.iter().any(|(own, _, _)| *own);
        candidates.retain(|(own, _, _)| *own == own_plan);
        let year = i64::from(year);
        let pick = candidates
            .iter()
            .filter(|(_, y, _)| *y >= year)
            .min_by_key(|(_, y, _)| *y)
            .or_else(|| candidates.iter().max_by_key(|(_, y, _)| *y));
        if let Some((_, _, target)) = pick {
            found.push((indicator, *target));
        }
    }
    Ok(found)
}

/// The province's own plan rows, for the plan page.
pub async fn plan_rows(db: &Db, province: &str) -> AppResult<Vec<(String, i64, i64, String)>> {
    let rows = sqlx::query(
        "SELECT indicator, year, target_pct, plan_name FROM plan_targets WHERE province_code = $1 ORDER BY year, indicator",
    )
    .bind(province)
    .fetch_all(&db.pool)
    .await
    ?;
    rows.iter()
        .map(|r| Ok((r.try_get("indicator")?, r.try_get("year")?, r.try_get("target_pct")?, r.try_get("plan_name")?)))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

pub async fn upsert_target(
    db: &Db,
    province: &str,
    indicator: Indicator,
    year: i32,
    target_pct: i64,
    plan_name: &str,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO plan_targets (province_code, indicator, year, target_pct, plan_name) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (province_code, indicator, year) DO UPDATE SET target_pct = excluded.target_pct, plan_name = excluded.plan_name",
    )
    .bind(province)
    .bind(indicator.id())
    .bind(i64::from(year))
    .bind(target_pct)
    .bind(plan_name)
    .execute(&db.pool)
    .await
    ?;
    Ok(())
}

pub async fn delete_target(db: &Db, province: &str, indicator: Indicator, year: i32) -> AppResult<()> {
    sqlx::query("DELETE FROM plan_targets WHERE province_code = $1 AND indicator = $2 AND year = $3")
        .bind(province)
        .bind(indicator.id())
        .bind(i64::from(year))
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// The stored month-end history of a province, months `from..=to` (`YYYY-MM`).
pub async fn monthly(db: &Db, province: &str, from: &str, to: &str) -> AppResult<Vec<(String, Indicator, Ratio)>> {
    let rows = sqlx::query(
        "SELECT month, indicator, numerator, denominator FROM kpi_monthly
         WHERE province_code = $1 AND month >= $2 AND month <= $3 ORDER BY month",
    )
    .bind(province)
    .bind(from)
    .bind(to)
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::new();
    for r in &rows {
        let id: String = r.try_get("indicator")?;
        if let Some(indicator) = Indicator::parse(&id) {
            out.push((r.try_get("month")?, indicator, Ratio::new(r.try_get("numerator")?, r.try_get("denominator")?)));
        }
    }
    Ok(out)
}

/// Records a month's figures (rewritten while the month is open).
pub async fn save_month(db: &Db, province: &str, month: &str, counts: &Counts) -> AppResult<()> {
    let mut tx = db.begin_write().await?;
    let now = db::now();
    for &indicator in Indicator::ALL {
        let ratio = counts.ratio(indicator);
        sqlx::query(
            "INSERT INTO kpi_monthly (province_code, month, indicator, numerator, denominator, computed_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (province_code, month, indicator)
             DO UPDATE SET numerator = excluded.numerator, denominator = excluded.denominator, computed_at = excluded.computed_at",
        )
        .bind(province)
        .bind(month)
        .bind(indicator.id())
        .bind(ratio.numerator)
        .bind(ratio.denominator)
        .bind(&now)
        .execute(&mut *tx)
        .await
        ?;
    }
    tx.commit().await?;
    Ok(())
}

/// The market's own figures in a period: orders placed and not cancelled, their value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Sales {
    pub orders: i64,
    pub revenue_vnd: i64,
}

/// Orders of the province's producers created in `[from, to)` (UTC text bounds).
pub async fn market_sales(db: &Db, province: &str, from: &str, to: &str) -> AppResult<Sales> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS orders, CAST(COALESCE(SUM(o.total_vnd), 0) AS BIGINT) AS revenue
         FROM producers pr JOIN orders o ON o.producer_id = pr.id
         WHERE pr.province_code = $1 AND o.created_at >= $2 AND o.created_at < $3
           AND o.status NOT IN ('awaiting_payment', 'cancelled', 'refunded')",
    )
    .bind(province)
    .bind(from)
    .bind(to)
    .fetch_one(&db.pool)
    .await?;
    Ok(Sales { orders: row.try_get("orders")?, revenue_vnd: row.try_get("revenue")? })
}

/// Producers with an active dacsan storefront (an active product) on the date.
pub async fn active_stores(db: &Db, province: &str, date: &str) -> AppResult<i64> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM producers pr
         WHERE pr.province_code = $1
           AND EXISTS (SELECT 1 FROM products p WHERE p.producer_id = pr.id AND p.status = 'active' AND p.active_since <= $2)",
    )
    .bind(province)
    .bind(date)
    .fetch_one(&db.pool)
    .await
    ?;
    Ok(row.try_get("n")?)
}

/// Sales reported by other channels for the province's products in a month (`YYYY-MM`).
pub async fn channel_sales(db: &Db, province: &str, month: &str) -> AppResult<Sales> {
    let row = sqlx::query(
        "SELECT CAST(COALESCE(SUM(s.units), 0) AS BIGINT) AS units, CAST(COALESCE(SUM(s.revenue_vnd), 0) AS BIGINT) AS revenue
         FROM listing_sales s JOIN listings l ON l.id = s.listing_id
         JOIN products p ON p.id = l.product_id JOIN producers pr ON pr.id = p.producer_id
         WHERE pr.province_code = $1 AND s.month = $2",
    )
    .bind(province)
    .bind(month)
    .fetch_one(&db.pool)
    .await
    ?;
    Ok(Sales { orders: row.try_get("units")?, revenue_vnd: row.try_get("revenue")? })
}

/// What the programme did in the month of the date (for the monthly report).
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Activity {
    pub open_cases: i64,
    pub cases_closed_in_month: i64,
    pub sessions_in_month: i64,
    pub producers_trained_in_month: i64,
    pub fairs_in_month: i64,
    pub fair_revenue_vnd: i64,
    /// Paid sales of the fairs' stall tills in the month.
    pub stall_sales: crate::programme::fairs::sales_store::Takings,
}

pub async fn activity(db: &Db, province: &str, date: time::Date) -> AppResult<Activity> {
    let first = super::model::month_start(date).to_string();
    let last = date.to_string();
    // Every query takes the province and the month's first and last day.
    let one = |sql: &'static str| {
        let (first, last) = (first.clone(), last.clone());
        async move {
            let row = sqlx::query(sql).bind(province).bind(first).bind(last).fetch_one(&db.pool).await?;
            Ok::<i64, crate::error::AppError>(row.try_get("n")?)
        }
    };
    let open_cases = async {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM support_cases s JOIN producers pr ON pr.id = s.producer_id
             WHERE pr.province_code = $1 AND s.status IN ('open', 'in_progress')",
        )
        .bind(province)
        .fetch_one(&db.pool)
        .await?;
        Ok::<i64, crate::error::AppError>(row.try_get("n")?)
    };
    let stall_sales = async {
        crate::programme::fairs::sales_store::province_takings(db, province, &first, &last)
            .await
            .map_err(crate::error::AppError::from)
    };
    let (open_cases, cases_closed_in_month, sessions_in_month, producers_trained_in_month, fairs_in_month, fair_revenue_vnd, stall_sales) = tokio::try_join!(
        open_cases,
        one("SELECT COUNT(*) AS n FROM support_cases s JOIN producers pr ON pr.id = s.producer_id
             WHERE pr.province_code = $1 AND s.status = 'done' AND substr(s.closed_at, 1, 10) >= $2 AND substr(s.closed_at, 1, 10) <= $3"),
        one("SELECT COUNT(*) AS n FROM training_sessions ts JOIN courses c ON c.id = ts.course_id
             WHERE c.province_code = $1 AND ts.held_on >= $2 AND ts.held_on <= $3"),
        one("SELECT COUNT(DISTINCT ta.producer_id) AS n FROM training_attendance ta
             JOIN training_sessions ts ON ts.id = ta.session_id JOIN courses c ON c.id = ts.course_id
             WHERE c.province_code = $1 AND ta.completed = 1 AND ts.held_on >= $2 AND ts.held_on <= $3"),
        one("SELECT COUNT(*) AS n FROM fairs f WHERE f.province_code = $1 AND f.starts_on <= $3 AND f.ends_on >= $2"),
        one("SELECT CAST(COALESCE(SUM(b.revenue_vnd), 0) AS BIGINT) AS n FROM fair_booths b JOIN fairs f ON f.id = b.fair_id
             WHERE f.province_code = $1 AND f.starts_on <= $3 AND f.ends_on >= $2"),
        stall_sales,
    )?;
    Ok(Activity {
        open_cases,
        cases_closed_in_month,
        sessions_in_month,
        producers_trained_in_month,
        fairs_in_month,
        fair_revenue_vnd,
        stall_sales,
    })
}
