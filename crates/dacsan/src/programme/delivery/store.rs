//! The SQL of the delivery figures. Every query takes the province, the period's
//! bounds as UTC timestamps and, for a commune's drill-down, the commune.

use std::collections::HashMap;

use sqlx::Row;

use super::model::Tally;
use crate::db::Db;
use crate::error::AppResult;

/// How rows are grouped: the province's communes, or one commune's producers.
#[derive(Debug, Clone, Copy)]
pub enum Grouping<'a> {
    Communes,
    Producers { commune: &'a str },
}

impl Grouping<'_> {
    fn key(self) -> &'static str {
        match self {
            Grouping::Communes => "pr.commune_code",
            Grouping::Producers { .. } => "CAST(pr.id AS TEXT)",
        }
    }

    fn commune_filter(self) -> &'static str {
        match self {
            Grouping::Communes => "",
            Grouping::Producers { .. } => "AND pr.commune_code = $4",
        }
    }

    fn commune(self) -> Option<String> {
        match self {
            Grouping::Communes => None,
            Grouping::Producers { commune } => Some(commune.to_string()),
        }
    }
}

/// Orders that needed delivery: paid or cash on delivery, and not cancelled before
/// they were handed to a carrier (an order cancelled after its parcel came back, as a
/// returned cash-on-delivery order is, still counts).
const NEEDED_DELIVERY: &str = "o.status <> 'awaiting_payment' AND (o.status <> 'cancelled' OR o.carrier IS NOT NULL)";

/// The period: orders placed from `from` (included) to `to` (excluded), UTC.
#[derive(Debug, Clone)]
pub struct Period {
    pub from: String,
    pub to: String,
}

/// Each group's tally (the commune's code or the producer's id as text).
pub async fn tallies(
    db: &Db,
    province: &str,
    period: &Period,
    grouping: Grouping<'_>,
) -> AppResult<HashMap<String, Tally>> {
    let (orders, troubles) =
        tokio::try_join!(order_rows(db, province, period, grouping), trouble_rows(db, province, period, grouping))?;
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    for row in orders {
        let tally = tallies.entry(row.key).or_default();
        tally.orders += row.orders;
        tally.shipping_vnd += row.shipping_vnd;
        tally.goods_vnd += row.goods_vnd;
        if let Some(days) = row.days {
            tally.delivered += row.orders;
            *tally.days.entry(days).or_default() += row.orders;
        }
    }
    for (key, trouble, orders) in troubles {
        let tally = tallies.entry(key).or_default();
        match trouble {
            Trouble::Failed => tally.failed += orders,
            Trouble::Returned => tally.returned += orders,
        }
    }
    Ok(tallies)
}

/// Runs a grouped query with its province, period and (for a drill-down) commune.
async fn fetch_grouped(
    db: &Db,
    sql: &str,
    province: &str,
    period: &Period,
    grouping: Grouping<'_>,
) -> AppResult<Vec<sqlx::any::AnyRow>> {
    let mut query = sqlx::query(sql).bind(province).bind(&period.from).bind(&period.to);
    if let Some(commune) = grouping.commune() {
        query = query.bind(commune);
    }
    Ok(query.fetch_all(&db.pool).await?)
}

struct OrderRow {
    key: String,
    days: Option<i64>,
    orders: i64,
    shipping_vnd: i64,
    goods_vnd: i64,
}

/// Orders that needed delivery, grouped by place and by days to delivery (none while
/// not delivered): one pass over the `orders_delivery` index per producer.
async fn order_rows(db: &Db, province: &str, period: &Period, grouping: Grouping<'_>) -> AppResult<Vec<OrderRow>> {
    let sql = format!(
        "SELECT {key} AS place, o.delivery_days AS days, COUNT(*) AS orders,
                CAST(COALESCE(SUM(o.shipping_vnd), 0) AS BIGINT) AS shipping,
                CAST(COALESCE(SUM(o.subtotal_vnd), 0) AS BIGINT) AS goods
         FROM producers pr JOIN orders o ON o.producer_id = pr.id
         WHERE pr.province_code = $1 AND o.created_at >= $2 AND o.created_at < $3 {commune}
           AND {needed}
           AND (o.delivery_option IS NULL OR o.delivery_option NOT LIKE 'pickup:%')
         GROUP BY {key}, o.delivery_days",
        key = grouping.key(),
        commune = grouping.commune_filter(),
        needed = NEEDED_DELIVERY,
    );
    let rows = fetch_grouped(db, &sql, province, period, grouping).await?;
    rows.iter()
        .map(|r| {
            Ok(OrderRow {
                key: r.try_get("place")?,
                days: r.try_get("days")?,
                orders: r.try_get("orders")?,
                shipping_vnd: r.try_get("shipping")?,
                goods_vnd: r.try_get("goods")?,
            })
        })
        .collect()
}

#[derive(Debug, Clone, Copy)]
enum Trouble {
    Failed,
    Returned,
}

/// Orders with a failed attempt or a return, by place: read from those events alone
/// (`shipment_events_status`), a few in a hundred parcels.
async fn trouble_rows(
    db: &Db,
    province: &str,
    period: &Period,
    grouping: Grouping<'_>,
) -> AppResult<Vec<(String, Trouble, i64)>> {
    let sql = format!(
        "SELECT {key} AS place,
                CASE WHEN e.status = 'delivery_failed' THEN 'failed' ELSE 'returned' END AS trouble,
                COUNT(DISTINCT s.order_id) AS orders
         FROM shipment_events e
         JOIN shipments s ON s.id = e.shipment_id
         JOIN orders o ON o.id = s.order_id
         JOIN producers pr ON pr.id = o.producer_id
         WHERE e.status IN ('delivery_failed', 'returning', 'returned')
           AND pr.province_code = $1 AND o.created_at >= $2 AND o.created_at < $3 {commune}
           AND {needed}
         GROUP BY 1, 2",
        key = grouping.key(),
        commune = grouping.commune_filter(),
        needed = NEEDED_DELIVERY,
    );
    let rows = fetch_grouped(db, &sql, province, period, grouping).await?;
    rows.iter()
        .map(|r| {
            let trouble: String = r.try_get("trouble")?;
            let trouble = if trouble == "failed" { Trouble::Failed } else { Trouble::Returned };
            Ok((r.try_get("place")?, trouble, r.try_get("orders")?))
        })
        .collect()
}

/// A commune's producers and how they reach a collection point.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    pub producers: i64,
    /// Producers who chose an active collection point for their parcels.
    pub using_point: i64,
    /// Active collection points in the commune with an active run.
    pub points: i64,
}

impl Coverage {
    /// A commune with producers, no point of its own and none of its producers at a
    /// point elsewhere: nobody there has a collection run within reach.
    pub fn without_point(&self) -> bool {
        self.producers > 0 && self.points == 0 && self.using_point == 0
    }
}

/// Every commune of the province with producers or collection points.
pub async fn coverage(db: &Db, province: &str) -> AppResult<HashMap<String, Coverage>> {
    let producers = sqlx::query(
        "SELECT pr.commune_code AS commune, COUNT(*) AS producers,
                SUM(CASE WHEN cp.id IS NULL THEN 0 ELSE 1 END) AS using_point
         FROM producers pr
         LEFT JOIN producer_delivery d ON d.producer_id = pr.id
         LEFT JOIN collection_points cp ON cp.id = d.collection_point_id AND cp.active = 1
         WHERE pr.province_code = $1
         GROUP BY pr.commune_code",
    )
    .bind(province);
    let points = sqlx::query(
        "SELECT cp.commune_code AS commune, COUNT(DISTINCT cp.id) AS points
         FROM collection_points cp JOIN collection_runs r ON r.point_id = cp.id AND r.active = 1
         WHERE cp.province_code = $1 AND cp.active = 1
         GROUP BY cp.commune_code",
    )
    .bind(province);
    let (producers, points) = tokio::try_join!(producers.fetch_all(&db.pool), points.fetch_all(&db.pool))?;
    let mut coverage: HashMap<String, Coverage> = HashMap::new();
    for r in producers {
        let c = coverage.entry(r.try_get("commune")?).or_default();
        c.producers = r.try_get("producers")?;
        c.using_point = r.try_get::<Option<i64>, _>("using_point")?.unwrap_or(0);
    }
    for r in points {
        coverage.entry(r.try_get("commune")?).or_default().points = r.try_get("points")?;
    }
    Ok(coverage)
}

/// The names of a commune's producers, by id.
pub async fn producer_names(db: &Db, province: &str, commune: &str) -> AppResult<HashMap<i64, String>> {
    let rows = sqlx::query("SELECT id, name FROM producers WHERE province_code = $1 AND commune_code = $2")
        .bind(province)
        .bind(commune)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("name")?))).collect()
}
