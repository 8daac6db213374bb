//! The trade board as the programme office sees it for one province: requests put
//! before its producers, their quotes and deals, by product set; how fast they
//! answer; requests nobody of the province answered (and who to give a hand); the
//! flows of goods between provinces. A match or a quote counts for the province its
//! producer was in when it was written (the columns copied onto it for these reads).

use std::collections::BTreeMap;

use serde::Serialize;
use sqlx::Row;

use crate::db::{self, Db};

#[derive(Debug, Default, Clone, Serialize, utoipa::ToSchema)]
pub struct SetFigures {
    pub set_code: String,
    pub requests: i64,
    pub quotes: i64,
    pub deals: i64,
    pub value_vnd: i64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Unanswered {
    pub rfq_id: i64,
    pub title: String,
    pub created_at: String,
    pub needed_by: String,
    /// The province's producers it was put before that neither quoted nor declined.
    pub silent_producers: Vec<SilentProducer>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SilentProducer {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Flow {
    pub from_province_code: String,
    pub to_province_code: String,
    pub deals: i64,
    pub value_vnd: i64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TradeFigures {
    pub province_code: String,
    /// Requests put before the province's producers.
    pub requests: i64,
    /// Requests by buyers delivering into the province.
    pub requests_into_province: i64,
    pub quotes: i64,
    /// Quotes of the province's producers accepted, their orders not cancelled.
    pub deals: i64,
    pub deal_value_vnd: i64,
    /// Median hours from a request to the province's first quote on it, over the
    /// last 90 days.
    pub median_response_hours: Option<i64>,
    pub by_set: Vec<SetFigures>,
    /// The oldest open requests nobody of the province answered (50 at most).
    pub unanswered: Vec<Unanswered>,
    /// Deals from the producers' province to the delivery province, in or out of this one.
    pub flows: Vec<Flow>,
}

/// The response time is of the requests of the last this many days.
pub const RESPONSE_DAYS: i64 = 90;

const LIVE_DEAL: &str = "q.status = 'accepted' AND o.status NOT IN ('cancelled', 'refunded')";

/// The figures; each part is one query, run side by side on the pool's connections.
pub async fn for_province(db: &Db, province: &str) -> anyhow::Result<TradeFigures> {
    let into = async {
        let row = sqlx::query("SELECT COUNT(*) FROM rfqs WHERE deliver_province_code = $1")
            .bind(province)
            .fetch_one(&db.pool)
            .await?;
        anyhow::Ok(row.try_get::<i64, _>(0)?)
    };
    let (requests_into_province, by_set, median_response_hours, unanswered, flows) = tokio::try_join!(
        into,
        by_set(db, province),
        median_response_hours(db, province),
        unanswered(db, province),
        flows(db, province)
    )?;
    // A request has one set: the sets' counts add up to the province's.
    Ok(TradeFigures {
        province_code: province.to_string(),
        requests: by_set.iter().map(|s| s.requests).sum(),
        requests_into_province,
        quotes: by_set.iter().map(|s| s.quotes).sum(),
        deals: by_set.iter().map(|s| s.deals).sum(),
        deal_value_vnd: by_set.iter().map(|s| s.value_vnd).sum(),
        median_response_hours,
        by_set,
        unanswered,
        flows,
    })
}

async fn by_set(db: &Db, province: &str) -> anyhow::Result<Vec<SetFigures>> {
    let mut sets: BTreeMap<String, SetFigures> = BTreeMap::new();
    let requests = sqlx::query(
        "SELECT set_code, COUNT(DISTINCT rfq_id) FROM rfq_matches WHERE province_code = $1 GROUP BY set_code",
    )
    .bind(province)
    .fetch_all(&db.pool)
    .await?;
    for row in requests {
        let code: String = row.try_get(0)?;
        sets.entry(code.clone()).or_insert_with(|| SetFigures { set_code: code, ..Default::default() }).requests =
            row.try_get(1)?;
    }
    let quotes = sqlx::query(&format!(
        "SELECT q.set_code, COUNT(*),
                CAST(SUM(CASE WHEN {LIVE_DEAL} THEN 1 ELSE 0 END) AS BIGINT),
                CAST(SUM(CASE WHEN {LIVE_DEAL} THEN o.total_vnd ELSE 0 END) AS BIGINT)
         FROM quotes q LEFT JOIN orders o ON o.id = q.order_id
         WHERE q.province_code = $1 GROUP BY q.set_code"
    ))
    .bind(province)
    .fetch_all(&db.pool)
    .await?;
    for row in quotes {
        let code: String = row.try_get(0)?;
        let set = sets.entry(code.clone()).or_insert_with(|| SetFigures { set_code: code, ..Default::default() });
        set.quotes = row.try_get(1)?;
        set.deals = row.try_get::<Option<i64>, _>(2)?.unwrap_or(0);
        set.value_vnd = row.try_get::<Option<i64>, _>(3)?.unwrap_or(0);
    }
    let mut list: Vec<SetFigures> = sets.into_values().collect();
    list.sort_by_key(|s| (std::cmp::Reverse(s.value_vnd), std::cmp::Reverse(s.requests)));
    Ok(list)
}

/// Hours from each request of the last 90 days to the province's first quote on
/// it; the middle one.
async fn median_response_hours(db: &Db, province: &str) -> anyhow::Result<Option<i64>> {
    let since = db::time_text(time::OffsetDateTime::now_utc() - time::Duration::days(RESPONSE_DAYS));
    let rows = sqlx::query(
        "SELECT r.created_at, MIN(q.created_at) FROM quotes q JOIN rfqs r ON r.id = q.rfq_id
         WHERE q.province_code = $1 AND q.created_at >= $2 GROUP BY r.id, r.created_at",
    )
    .bind(province)
    .bind(since)
    .fetch_all(&db.pool)
    .await?;
    let mut hours: Vec<i64> = Vec::with_capacity(rows.len());
    for row in rows {
        let (asked, answered): (String, String) = (row.try_get(0)?, row.try_get(1)?);
        if let (Some(asked), Some(answered)) = (db::parse_time(&asked), db::parse_time(&answered)) {
            hours.push((answered - asked).whole_hours().max(0));
        }
    }
    if hours.is_empty() {
        return Ok(None);
    }
    let middle = hours.len() / 2;
    Ok(Some(*hours.select_nth_unstable(middle).1))
}

async fn unanswered(db: &Db, province: &str) -> anyhow::Result<Vec<Unanswered>> {
    let rows = sqlx::query(
        "SELECT r.id, r.title, r.created_at, r.needed_by FROM rfqs r
         WHERE r.status = 'open'
           AND r.id IN (SELECT m.rfq_id FROM rfq_matches m WHERE m.province_code = $1)
           AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.rfq_id = r.id AND q.province_code = $1)
         ORDER BY r.id LIMIT 50",
    )
    .bind(province)
    .fetch_all(&db.pool)
    .await?;
    let mut list = Vec::with_capacity(rows.len());
    for row in rows {
        let rfq_id: i64 = row.try_get(0)?;
        let silent = sqlx::query(
            "SELECT m.producer_id, p.name FROM rfq_matches m JOIN producers p ON p.id = m.producer_id
             WHERE m.rfq_id = $1 AND m.province_code = $2
               AND NOT EXISTS (SELECT 1 FROM rfq_declines d WHERE d.rfq_id = m.rfq_id AND d.producer_id = m.producer_id)
             ORDER BY m.producer_id LIMIT 5",
        )
        .bind(rfq_id)
        .bind(province)
        .fetch_all(&db.pool)
        .await?;
        list.push(Unanswered {
            rfq_id,
            title: row.try_get(1)?,
            created_at: row.try_get(2)?,
            needed_by: row.try_get(3)?,
            silent_producers: silent
                .iter()
                .map(|r| Ok(SilentProducer { id: r.try_get(0)?, name: r.try_get(1)? }))
                .collect::<Result<_, sqlx::Error>>()?,
        });
    }
    Ok(list)
}

async fn flows(db: &Db, province: &str) -> anyhow::Result<Vec<Flow>> {
    // Out of the province (from its producers), then into it from elsewhere: each
    // half starts from an index, where one OR would read every quote.
    let rows = sqlx::query(&format!(
        "SELECT q.province_code, r.deliver_province_code, COUNT(*), CAST(SUM(o.total_vnd) AS BIGINT)
         FROM quotes q JOIN rfqs r ON r.id = q.rfq_id JOIN orders o ON o.id = q.order_id
         WHERE q.province_code = $1 AND {LIVE_DEAL}
         GROUP BY q.province_code, r.deliver_province_code
         UNION ALL
         SELECT q.province_code, r.deliver_province_code, COUNT(*), CAST(SUM(o.total_vnd) AS BIGINT)
         FROM rfqs r JOIN quotes q ON q.rfq_id = r.id JOIN orders o ON o.id = q.order_id
         WHERE r.deliver_province_code = $1 AND q.province_code <> $1 AND {LIVE_DEAL}
         GROUP BY q.province_code, r.deliver_province_code"
    ))
    .bind(province)
    .fetch_all(&db.pool)
    .await?;
    let mut flows = rows
        .iter()
        .map(|r| {
            Ok(Flow {
                from_province_code: r.try_get(0)?,
                to_province_code: r.try_get(1)?,
                deals: r.try_get(2)?,
                value_vnd: r.try_get::<Option<i64>, _>(3)?.unwrap_or(0),
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    flows.sort_by_key(|f| std::cmp::Reverse(f.value_vnd));
    Ok(flows)
}

impl TradeFigures {
    /// The flows as a matrix: the provinces goods leave (rows) and reach (columns),
    /// each cell the deals' value.
    pub fn matrix(&self) -> (Vec<String>, Vec<(String, Vec<i64>)>) {
        let mut columns: Vec<String> = self.flows.iter().map(|f| f.to_province_code.clone()).collect();
        columns.sort();
        columns.dedup();
        let mut rows: Vec<String> = self.flows.iter().map(|f| f.from_province_code.clone()).collect();
        rows.sort();
        rows.dedup();
        let cells = rows
            .into_iter()
            .map(|from| {
                let values = columns
                    .iter()
                    .map(|to| {
                        self.flows
                            .iter()
                            .filter(|f| f.from_province_code == from && &f.to_province_code == to)
                            .map(|f| f.value_vnd)
                            .sum()
                    })
                    .collect();
                (from, values)
            })
            .collect();
        (columns, cells)
    }
}
