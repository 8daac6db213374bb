//! Scheduling a live session (who may put which products on it, at which prices),
//! reading one for its page and its report, and the referral codes checkout asks
//! about ([`LiveReferrals`]): a session's, or an affiliate's own.

use std::collections::HashMap;

use serde::Serialize;

use super::messages;
use super::model::{SessionInput, ValidSession, new_code};
use super::store::{self, Session, TopProduct};
use crate::auth::CurrentUser;
use crate::db::{self, Db};
use crate::error::Message;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::orders::delivery::BoxFuture;
use crate::orders::referrals::{Referral, Referrals, SessionPrice};
use crate::orders::store::Tx;

/// May this user put the product of this producer on a session? Its sellers, the
/// officers of its province (the province's e-commerce centre), admins.
async fn may_sell_for(db: &Db, user: &CurrentUser, producer_id: i64) -> AppResult<bool> {
    if user.is_admin() || user.producer_ids.contains(&producer_id) {
        return Ok(true);
    }
    if !user.is_officer() {
        return Ok(false);
    }
    let producer = crate::producers::store::find_by_id(db, producer_id).await?;
    Ok(producer.is_some_and(|p| user.can_oversee_province(&p.province_code)))
}

/// The products' rules: on sale, this user's to sell, session prices not above the list price.
async fn check_products(db: &Db, user: &CurrentUser, session: &ValidSession) -> AppResult<()> {
    let ids: Vec<i64> = session.items.iter().map(|i| i.product_id).collect();
    let products: HashMap<i64, crate::catalog::Product> =
        crate::catalog::store::list_by_ids(db, &ids).await?.into_iter().map(|p| (p.id, p)).collect();
    let mut errors = FieldErrors::default();
    for (i, item) in session.items.iter().enumerate() {
        let field = format!("items[{i}].product_id");
        let Some(product) = products.get(&item.product_id) else {
            errors.add(&field, Message::from(messages::NO_PRODUCT).with("product_id", item.product_id));
            continue;
        };
        if product.status != crate::catalog::ProductStatus::Active {
            errors.add(&field, Message::from(messages::IS_NOT_ON_SALE).with("name", &product.name));
        } else if !may_sell_for(db, user, product.producer_id).await? {
            errors.add(&field, Message::from(messages::IS_NOT_YOURS_TO_SELL).with("name", &product.name));
        }
        if let Some(price) = item.session_price_vnd.filter(|p| *p > product.price.0) {
            errors.add(
                &format!("items[{i}].session_price_vnd"),
                Message::from(messages::SESSION_PRICE_ABOVE_LIST_PRICE)
                    .with("session", crate::vn::Vnd(price))
                    .with("price", product.price),
            );
        }
    }
    errors.into_result()
}

/// Schedules a session; returns it.
pub async fn create(db: &Db, user: &CurrentUser, input: &SessionInput) -> AppResult<Session> {
    if user.producer_ids.is_empty() && !user.is_officer() {
        return Err(AppError::Forbidden);
    }
    let session = input.validate().map_err(AppError::Invalid)?;
    check_products(db, user, &session).await?;
    if let Some(host) = session.host_user_id
        && !crate::auth::store::user_exists(db, host).await?
    {
        return Err(AppError::invalid("host_user_id", Message::from(messages::NO_HOST_ACCOUNT).with("host", host)));
    }
    let base = crate::vn::text::slugify(&session.title);
    for _ in 0..10 {
        let slug = format!("{}-{}", base.chars().take(60).collect::<String>(), new_code(4).to_lowercase());
        if let Some(id) = store::insert(db, &session, &slug, &new_code(6), user.id).await? {
            tracing::info!(live.id = id, user.id = user.id, "live session {} scheduled", session.title);
            return store::find(db, id).await?.ok_or_else(|| AppError::not_found(messages::LIVE_SESSION));
        }
    }
    Err(AppError::Internal(anyhow::anyhow!("no free live session slug or code after 10 draws")))
}

/// Who may read a session's report and set its audience: whoever scheduled it, its
/// host, the sellers of its products' producers, the officers of a province one of
/// those producers is in (the office sees only its provinces), admins.
pub async fn may_manage(db: &Db, user: &CurrentUser, session: &Session) -> AppResult<bool> {
    if user.is_admin() || session.created_by == Some(user.id) || session.host_user_id == Some(user.id) {
        return Ok(true);
    }
    let items = store::items_of(db, session.id).await?;
    if items.iter().any(|i| user.producer_ids.contains(&i.producer_id)) {
        return Ok(true);
    }
    if !user.is_officer() {
        return Ok(false);
    }
    let producer_ids: Vec<i64> = items.iter().map(|i| i.producer_id).collect();
    let producers = crate::producers::store::list_by_ids(db, &producer_ids).await?;
    Ok(producers.iter().any(|p| user.can_oversee_province(&p.province_code)))
}

/// After the session: audience, orders, units, revenue, conversion, top products.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Report {
    pub session: Session,
    pub orders: i64,
    pub units: i64,
    /// Goods of the attributed orders not cancelled or refunded, without delivery.
    pub revenue_vnd: i64,
    /// Orders per hundred viewers, to two decimals (`None` before viewers are known).
    pub conversion_percent: Option<String>,
    pub top_products: Vec<TopProduct>,
}

pub async fn report(db: &Db, session: Session) -> AppResult<Report> {
    let (orders, units, revenue_vnd) = store::attributed_totals(db, session.id).await?;
    let top_products = store::top_products(db, session.id, 10).await?;
    let conversion_percent = (session.viewers > 0).then(|| {
        let hundredths = i128::from(orders) * 10_000 / i128::from(session.viewers);
        format!("{}.{:02}", hundredths / 100, hundredths % 100)
    });
    Ok(Report { session, orders, units, revenue_vnd, conversion_percent, top_products })
}

/// Referral codes for checkout, from the live sessions.
pub struct LiveReferrals;

async fn resolve(db: &Db, code: &str) -> anyhow::Result<Option<Referral>> {
    let code = code.to_uppercase();
    let Some(session) = store::find_by_code(db, &code).await? else {
        return super::commissions::service::affiliate_referral(db, &code).await;
    };
    let mut prices = HashMap::new();
    // A session price outside the session's window is never charged.
    if session.is_live_at(&db::now()) {
        for item in store::items_of(db, session.id).await? {
            if let Some(price_vnd) = item.session_price_vnd {
                let units_left = item.stock_cap.map(|cap| (cap - item.sold_at_session_price).max(0));
                prices.insert(item.product_id, SessionPrice { price_vnd, units_left });
            }
        }
    }
    let commissions = match session.host_user_id {
        Some(host) => super::commissions::service::rates_of_host(db, host).await?,
        None => Default::default(),
    };
    Ok(Some(Referral { session_id: Some(session.id), host_user_id: session.host_user_id, prices, commissions }))
}

impl Referrals for LiveReferrals {
    fn resolve<'a>(&'a self, db: &'a Db, code: &'a str) -> BoxFuture<'a, anyhow::Result<Option<Referral>>> {
        Box::pin(resolve(db, code))
    }

    fn take_session_units<'a>(
        &'a self,
        tx: &'a mut Tx,
        session_id: i64,
        product_id: i64,
        units: i64,
    ) -> BoxFuture<'a, anyhow::Result<bool>> {
        Box::pin(store::take_session_units(tx, session_id, product_id, units))
    }
}
