//! `GET /api/v1/programme/kpis` (the public contract), `/kpis/communes`, `/kpis/trend`,
//! `/kpis/gaps`, and the plan's targets (`GET/PUT /api/v1/programme/targets`).

use axum::Json;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};
use time::Date;

use super::messages;
use super::model::{Indicator, IndicatorValue, Ratio};
use super::{Market, ProducerGaps, store};
use crate::auth::CurrentUser;
use crate::db::{self, Db};
use crate::error::Message;
use crate::error::{AppError, AppResult};
use crate::programme::scope;
use crate::vn::{self, admin_units};
use crate::web::ApiJson;

/// `?province=CODE&commune=CODE&date=YYYY-MM-DD`, every part optional.
#[derive(Debug, Default, Deserialize)]
pub struct KpiParams {
    pub province: Option<String>,
    pub commune: Option<String>,
    pub date: Option<String>,
}

/// What a request is about, checked: a province the user oversees, one of its
/// communes or none, a date (today in Vietnam by default).
#[derive(Debug, Clone)]
pub struct KpiScope {
    pub province: String,
    pub commune: Option<String>,
    pub date: Date,
}

impl KpiParams {
    pub fn check(&self, user: &CurrentUser) -> AppResult<KpiScope> {
        let province = scope::province_for(user, self.province.as_deref())?;
        let commune = match self.commune.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            None => None,
            Some(code) => match admin_units::commune_in(&province, code) {
                Some(c) => Some(c.code.clone()),
                None => {
                    return Err(AppError::invalid(
                        "commune",
                        Message::from(messages::COMMUNE_IS_NOT_IN_PROVINCE)
                            .with("code", code)
                            .with("province", &province),
                    ));
                }
            },
        };
        let date = match self.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => db::today_vn(),
            Some(text) => vn::parse_iso_date(text).ok_or_else(|| {
                AppError::invalid("date", Message::from(messages::NOT_A_DATE_YYYY_MM_DD).with("text", text))
            })?,
        };
        Ok(KpiScope { province, commune, date })
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct KpisJson {
    pub province: String,
    pub commune: Option<String>,
    pub date: String,
    pub indicators: Vec<IndicatorValue>,
    pub market: Market,
}

/// `GET /api/v1/programme/kpis?province={code}[&commune={code}][&date=YYYY-MM-DD]`
#[utoipa::path(get, path = "/api/v1/programme/kpis", tag = "programme", security(("bearer" = [])),
    params(("province" = Option<String>, Query), ("commune" = Option<String>, Query), ("date" = Option<String>, Query, description = "YYYY-MM-DD, default today in Vietnam")),
    responses((status = 200, body = KpisJson), (status = 401), (status = 403), (status = 422)))]
pub async fn get_kpis(
    State(db): State<Db>,
    user: CurrentUser,
    Query(params): Query<KpiParams>,
) -> AppResult<Json<KpisJson>> {
    let scope = params.check(&user)?;
    let (snapshot, market) = tokio::try_join!(
        super::snapshot(&db, &scope.province, scope.date, scope.commune.as_deref()),
        super::market(&db, &scope.province, scope.date),
    )?;
    Ok(Json(KpisJson {
        province: scope.province,
        commune: scope.commune,
        date: scope.date.to_string(),
        indicators: snapshot.indicators,
        market,
    }))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CommuneRow {
    pub commune: String,
    pub name: String,
    pub producers: i64,
    pub indicators: Vec<IndicatorValue>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CommuneTableJson {
    pub province: String,
    pub date: String,
    pub communes: Vec<CommuneRow>,
}

/// `GET /api/v1/programme/kpis/communes?province=&date=`: every commune with producers.
#[utoipa::path(get, path = "/api/v1/programme/kpis/communes", tag = "programme", security(("bearer" = [])),
    params(("province" = Option<String>, Query), ("commune" = Option<String>, Query), ("date" = Option<String>, Query, description = "YYYY-MM-DD, default today in Vietnam")),
    responses((status = 200, body = CommuneTableJson), (status = 401), (status = 403), (status = 422)))]
pub async fn get_commune_table(
    State(db): State<Db>,
    user: CurrentUser,
    Query(params): Query<KpiParams>,
) -> AppResult<Json<CommuneTableJson>> {
    let scope = params.check(&user)?;
    let snapshot = super::snapshot(&db, &scope.province, scope.date, scope.commune.as_deref()).await?;
    let targets = store::targets(&db, &scope.province, scope.date.year()).await?;
    let communes = snapshot
        .communes
        .iter()
        .map(|c| CommuneRow {
            commune: c.commune_code.clone(),
            name: admin_units::commune(&c.commune_code).map(|u| u.name.clone()).unwrap_or_default(),
            producers: c.producers,
            indicators: super::indicator_values(c, &targets),
        })
        .collect();
    Ok(Json(CommuneTableJson { province: scope.province, date: scope.date.to_string(), communes }))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TrendPoint {
    pub month: String,
    pub indicators: Vec<TrendValue>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TrendValue {
    pub id: &'static str,
    pub value_pct: Option<f64>,
    #[serde(flatten)]
    pub ratio: Ratio,
}

/// `GET /api/v1/programme/kpis/trend?province=&date=`: the last 12 months.
#[utoipa::path(get, path = "/api/v1/programme/kpis/trend", tag = "programme", security(("bearer" = [])),
    params(("province" = Option<String>, Query), ("date" = Option<String>, Query, description = "YYYY-MM-DD, default today in Vietnam")),
    responses((status = 200, body = [TrendPoint]), (status = 401), (status = 403), (status = 422)))]
pub async fn get_trend(
    State(db): State<Db>,
    user: CurrentUser,
    Query(params): Query<KpiParams>,
) -> AppResult<Json<Vec<TrendPoint>>> {
    let scope = params.check(&user)?;
    let snapshot = super::snapshot(&db, &scope.province, scope.date, None).await?;
    let points = super::trend(&db, &scope.province, &snapshot, 12).await?;
    Ok(Json(
        points
            .into_iter()
            .map(|p| TrendPoint {
                indicators: p
                    .values
                    .iter()
                    .map(|(i, r)| TrendValue { id: i.id(), value_pct: r.value_pct(), ratio: *r })
                    .collect(),
                month: p.month,
            })
            .collect(),
    ))
}

/// `GET /api/v1/programme/kpis/gaps?province=&commune=&date=`: producers not there yet.
#[utoipa::path(get, path = "/api/v1/programme/kpis/gaps", tag = "programme", security(("bearer" = [])),
    params(("province" = Option<String>, Query), ("commune" = Option<String>, Query), ("date" = Option<String>, Query, description = "YYYY-MM-DD, default today in Vietnam")),
    responses((status = 200, body = [ProducerGaps]), (status = 401), (status = 403), (status = 422)))]
pub async fn get_gaps(
    State(db): State<Db>,
    user: CurrentUser,
    Query(params): Query<KpiParams>,
) -> AppResult<Json<Vec<ProducerGaps>>> {
    let scope = params.check(&user)?;
    let day = scope.date.to_string();
    let gaps = store::producers_with_gaps(&db, &scope.province, &day, scope.commune.as_deref(), 5_000).await?;
    Ok(Json(gaps))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TargetJson {
    pub indicator: String,
    pub year: i64,
    pub target_pct: i64,
    pub plan_name: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TargetsJson {
    pub province: String,
    /// The province's own plan rows (empty: the defaults apply).
    pub plan: Vec<TargetJson>,
    /// What applies in the year asked (`?date=`, default this year).
    pub effective: Vec<EffectiveTarget>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct EffectiveTarget {
    pub indicator: &'static str,
    pub target_pct: i64,
}

/// `GET /api/v1/programme/targets?province=`
#[utoipa::path(get, path = "/api/v1/programme/targets", tag = "programme", security(("bearer" = [])),
    params(("province" = Option<String>, Query)),
    responses((status = 200, body = TargetsJson), (status = 401), (status = 403)))]
pub async fn get_targets(
    State(db): State<Db>,
    user: CurrentUser,
    Query(params): Query<KpiParams>,
) -> AppResult<Json<TargetsJson>> {
    let scope = params.check(&user)?;
    let plan = store::plan_rows(&db, &scope.province)
        .await?
        .into_iter()
        .map(|(indicator, year, target_pct, plan_name)| TargetJson { indicator, year, target_pct, plan_name })
        .collect();
    let effective = store::targets(&db, &scope.province, scope.date.year())
        .await?
        .into_iter()
        .map(|(i, target_pct)| EffectiveTarget { indicator: i.id(), target_pct })
        .collect();
    Ok(Json(TargetsJson { province: scope.province, plan, effective }))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct TargetInput {
    pub province: Option<String>,
    pub indicator: String,
    pub year: i64,
    pub target_pct: i64,
    #[serde(default)]
    pub plan_name: String,
}

/// A plan row checked: the indicator exists, the year is plausible, the target a percentage.
pub fn check_target(indicator: &str, year: i64, target_pct: i64) -> AppResult<(Indicator, i32, i64)> {
    let mut errors = crate::error::FieldErrors::default();
    let indicator = Indicator::parse(indicator);
    if indicator.is_none() {
        let ids: Vec<&str> = Indicator::ALL.iter().map(|i| i.id()).collect();
        errors.add("indicator", Message::from(messages::UNKNOWN_INDICATOR).with("join", ids.join(", ")));
    }
    if !(2020..=2100).contains(&year) {
        errors.add("year", messages::A_YEAR_FROM_2020_TO_2100);
    }
    if !(0..=100).contains(&target_pct) {
        errors.add("target_pct", messages::A_TARGET_FROM_0_TO_100);
    }
    errors.into_result()?;
    Ok((indicator.expect("checked above"), year as i32, target_pct))
}

/// `PUT /api/v1/programme/targets` `{"province","indicator","year","target_pct","plan_name"}`
#[utoipa::path(put, path = "/api/v1/programme/targets", tag = "programme", security(("bearer" = [])),
    request_body = TargetInput,
    responses((status = 200, body = TargetsJson), (status = 401), (status = 403), (status = 422)))]
pub async fn put_target(
    State(db): State<Db>,
    user: CurrentUser,
    ApiJson(input): ApiJson<TargetInput>,
) -> AppResult<Json<TargetsJson>> {
    let province = scope::province_for(&user, input.province.as_deref())?;
    let (indicator, year, target_pct) = check_target(&input.indicator, input.year, input.target_pct)?;
    store::upsert_target(&db, &province, indicator, year, target_pct, input.plan_name.trim()).await?;
    let params = KpiParams { province: Some(province), commune: None, date: Some(format!("{year}-01-01")) };
    get_targets(State(db), user, Query(params)).await
}
