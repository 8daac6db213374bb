//! `GET /api/v1/programme/delivery?province=&commune=&from=&to=` (the public contract).

use axum::Json;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};
use time::Date;

use super::messages;
use super::model::Tally;
use super::{Figures, Line};
use crate::auth::CurrentUser;
use crate::db::{self, Db};
use crate::error::Message;
use crate::error::{AppError, AppResult};
use crate::programme::scope;
use crate::vn::{self, admin_units};

/// The default period: the last 90 days, today included.
const DEFAULT_DAYS: i64 = 90;
/// The longest period one request may ask for.
const MAX_DAYS: i64 = 366;

/// `?province=CODE&commune=CODE&from=YYYY-MM-DD&to=YYYY-MM-DD`, every part optional.
#[derive(Debug, Default, Deserialize)]
pub struct DeliveryParams {
    pub province: Option<String>,
    pub commune: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A request checked: a province the user oversees, one of its communes or none, and
/// a period of at most a year.
#[derive(Debug, Clone)]
pub struct DeliveryScope {
    pub province: String,
    pub commune: Option<String>,
    pub from: Date,
    pub to: Date,
}

impl DeliveryParams {
    pub fn check(&self, user: &CurrentUser) -> AppResult<DeliveryScope> {
        let province = scope::province_for(user, self.province.as_deref())?;
        let commune = match given(&self.commune) {
            None => None,
            Some(code) => Some(
                admin_units::commune_in(&province, code)
                    .ok_or_else(|| {
                        AppError::invalid(
                            "commune",
                            Message::from(messages::COMMUNE_IS_NOT_IN_PROVINCE)
                                .with("code", code)
                                .with("province", &province),
                        )
                    })?
                    .code
                    .clone(),
            ),
        };
        let to = match given(&self.to) {
            Some(text) => date("to", text)?,
            None => db::today_vn(),
        };
        let from = match given(&self.from) {
            Some(text) => date("from", text)?,
            None => to - time::Duration::days(DEFAULT_DAYS - 1),
        };
        if from > to {
            return Err(AppError::invalid(
                "from",
                Message::from(messages::THE_PERIOD_STARTS_AFTER_IT_ENDS).with("from", from).with("to", to),
            ));
        }
        if (to - from).whole_days() >= MAX_DAYS {
            return Err(AppError::invalid(
                "from",
                Message::from(messages::A_PERIOD_IS_AT_MOST_DAYS).with("max_days", MAX_DAYS),
            ));
        }
        Ok(DeliveryScope { province, commune, from, to })
    }
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn date(field: &str, text: &str) -> AppResult<Date> {
    vn::parse_iso_date(text)
        .ok_or_else(|| AppError::invalid(field, Message::from(messages::NOT_A_DATE_YYYY_MM_DD).with("text", text)))
}

/// A place's figures. Shares are percentages with one decimal (ratios, not money);
/// `null` when there is nothing to count.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TallyJson {
    pub orders: i64,
    pub delivered: i64,
    pub delivered_pct: Option<f64>,
    /// Calendar days (Vietnam time) from order to delivery; a half for an even count.
    pub median_days: Option<f64>,
    pub failed: i64,
    pub failed_pct: Option<f64>,
    pub returned: i64,
    pub returned_pct: Option<f64>,
    pub shipping_vnd: i64,
    pub goods_vnd: i64,
    /// Delivery fees as a share of the goods' value.
    pub cost_share_pct: Option<f64>,
}

impl From<&Tally> for TallyJson {
    fn from(t: &Tally) -> Self {
        TallyJson {
            orders: t.orders,
            delivered: t.delivered,
            delivered_pct: t.delivered_share().value_pct(),
            median_days: t.median_days(),
            failed: t.failed,
            failed_pct: t.failed_share().value_pct(),
            returned: t.returned,
            returned_pct: t.returned_share().value_pct(),
            shipping_vnd: t.shipping_vnd,
            goods_vnd: t.goods_vnd,
            cost_share_pct: t.cost_share().value_pct(),
        }
    }
}

/// A commune (province view: `commune`, `collection_points`, `producers`) or a
/// producer (commune view: `producer_id`).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LineJson {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub producer_id: Option<i64>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub producers: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection_points: Option<i64>,
    #[serde(flatten)]
    pub figures: TallyJson,
}

impl From<&Line> for LineJson {
    fn from(line: &Line) -> Self {
        LineJson {
            commune: line.producer_id.is_none().then(|| line.key.clone()),
            producer_id: line.producer_id,
            name: line.name.clone(),
            producers: line.coverage.as_ref().map(|c| c.producers),
            collection_points: line.coverage.as_ref().map(|c| c.points),
            figures: TallyJson::from(&line.tally),
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct UncoveredJson {
    pub commune: String,
    pub name: String,
    pub producers: i64,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DeliveryJson {
    pub province: String,
    pub commune: Option<String>,
    pub from: String,
    pub to: String,
    pub total: TallyJson,
    /// Communes (or, for a commune, its producers), most orders first.
    pub rows: Vec<LineJson>,
    /// Communes with producers and no collection point within reach: none in the
    /// commune with an active run, and none used by the commune's producers.
    pub communes_without_point: Vec<UncoveredJson>,
}

impl From<&Figures> for DeliveryJson {
    fn from(f: &Figures) -> Self {
        DeliveryJson {
            province: f.province.clone(),
            commune: f.commune.clone(),
            from: f.from.to_string(),
            to: f.to.to_string(),
            total: TallyJson::from(&f.total),
            rows: f.lines.iter().map(LineJson::from).collect(),
            communes_without_point: f
                .uncovered
                .iter()
                .map(|u| UncoveredJson { commune: u.commune.clone(), name: u.name.clone(), producers: u.producers })
                .collect(),
        }
    }
}

/// `GET /api/v1/programme/delivery?province=&commune=&from=&to=`: delivery by the
/// sending producer's commune over a period (default the last 90 days).
#[utoipa::path(get, path = "/api/v1/programme/delivery", tag = "programme", security(("bearer" = [])),
    params(("province" = Option<String>, Query), ("commune" = Option<String>, Query, description = "a commune of the province: its producers"),
        ("from" = Option<String>, Query, description = "YYYY-MM-DD, default 89 days before `to`"),
        ("to" = Option<String>, Query, description = "YYYY-MM-DD, default today in Vietnam")),
    responses((status = 200, body = DeliveryJson), (status = 400), (status = 401), (status = 403)))]
pub async fn get_delivery(
    State(db): State<Db>,
    user: CurrentUser,
    Query(params): Query<DeliveryParams>,
) -> AppResult<Json<DeliveryJson>> {
    let scope = params.check(&user)?;
    let figures = super::figures(&db, &scope.province, scope.commune.as_deref(), scope.from, scope.to).await?;
    Ok(Json(DeliveryJson::from(&figures)))
}
