//! What each of dacsan's own selling channels brought a province over a period, for
//! the programme office's per-channel effectiveness: orders placed directly, through
//! each platform's live sessions (with their audience and conversion), and through
//! affiliates' links.

use std::collections::BTreeMap;

use anyhow::Context;
use sqlx::Row;

use super::commissions::model::Month;
use super::model::Platform;
use crate::db::Db;

/// One channel's figures; the audience only for live sessions.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ChannelFigures {
    /// `direct`, `link`, or the live platform's code (`tiktok` …).
    pub channel: String,
    pub sessions: Option<i64>,
    pub viewers: Option<i64>,
    /// Orders neither cancelled nor refunded.
    pub orders: i64,
    /// Their goods, without delivery.
    pub revenue_vnd: i64,
}

impl ChannelFigures {
    /// Orders per hundred viewers, to two decimals.
    pub fn conversion_percent(&self) -> Option<String> {
        let viewers = self.viewers.filter(|v| *v > 0)?;
        let hundredths = i128::from(self.orders) * 10_000 / i128::from(viewers);
        Some(format!("{}.{:02}", hundredths / 100, hundredths % 100))
    }

    /// The platform's name for a live channel.
    pub fn platform_name(&self) -> Option<&'static str> {
        self.channel.parse::<Platform>().ok().map(Platform::name)
    }
}

/// The province's channels over the months `from..=to` (Vietnam's calendar): orders
/// by when they were placed, sessions by when they started; the direct orders first,
/// then live platforms by revenue, then affiliates' links.
pub async fn province_channels(db: &Db, province: &str, from: Month, to: Month) -> anyhow::Result<Vec<ChannelFigures>> {
    let (start, _) = from.bounds_utc();
    let (_, end) = to.bounds_utc();
    let orders = sqlx::query(
        "SELECT CASE WHEN o.live_session_id IS NOT NULL THEN s.platform
                     WHEN o.host_user_id IS NOT NULL THEN 'link' ELSE 'direct' END AS channel,
                COUNT(*) AS orders, COALESCE(CAST(SUM(o.subtotal_vnd) AS BIGINT), 0) AS revenue
         FROM orders o JOIN producers pr ON pr.id = o.producer_id LEFT JOIN live_sessions s ON s.id = o.live_session_id
         WHERE pr.province_code = $1 AND o.created_at >= $2 AND o.created_at < $3
           AND o.status NOT IN ('cancelled', 'refunded')
         GROUP BY 1",
    )
    .bind(province)
    .bind(&start)
    .bind(&end)
    .fetch_all(&db.pool)
    .await
    .context("a province's orders by channel")?;
    let sessions = sqlx::query(
        "SELECT s.platform, COUNT(*) AS sessions, COALESCE(CAST(SUM(s.viewers) AS BIGINT), 0) AS viewers
         FROM live_sessions s
         WHERE s.starts_at >= $2 AND s.starts_at < $3
           AND EXISTS (SELECT 1 FROM live_session_items i JOIN products p ON p.id = i.product_id
                       JOIN producers pr ON pr.id = p.producer_id WHERE i.session_id = s.id AND pr.province_code = $1)
         GROUP BY s.platform",
    )
    .bind(province)
    .bind(&start)
    .bind(&end)
    .fetch_all(&db.pool)
    .await
    .context("a province's live sessions by platform")?;

    let mut channels: BTreeMap<String, ChannelFigures> = BTreeMap::new();
    fn figures_of(channels: &mut BTreeMap<String, ChannelFigures>, channel: String) -> &mut ChannelFigures {
        channels.entry(channel.clone()).or_insert(ChannelFigures {
            channel,
            sessions: None,
            viewers: None,
            orders: 0,
            revenue_vnd: 0,
        })
    }
    for row in &orders {
        let figures = figures_of(&mut channels, row.try_get("channel")?);
        figures.orders = row.try_get("orders")?;
        figures.revenue_vnd = row.try_get("revenue")?;
    }
    for row in &sessions {
        let figures = figures_of(&mut channels, row.try_get("platform")?);
        figures.sessions = Some(row.try_get("sessions")?);
        figures.viewers = Some(row.try_get("viewers")?);
    }
    let rank = |c: &ChannelFigures| match c.channel.as_str() {
        "direct" => 0,
        "link" => 2,
        _ => 1,
    };
    let mut out: Vec<ChannelFigures> = channels.into_values().collect();
    out.sort_by(|a, b| rank(a).cmp(&rank(b)).then(b.revenue_vnd.cmp(&a.revenue_vnd)).then(a.channel.cmp(&b.channel)));
    Ok(out)
}
