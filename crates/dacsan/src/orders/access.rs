//! Who may see an order and as whom (buyer, seller, admin): the rule the order
//! pages, the order API and the payment API share. A guest buyer proves it with the
//! access token given at checkout.

use axum::http::HeaderMap;
use serde::Deserialize;

use super::messages;
use super::model::Actor;
use super::store::{self, Order};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::{AppError, AppResult};

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct TokenParam {
    /// The access token returned at checkout (guests).
    pub token: Option<String>,
}

/// How the asker relates to the order, if at all.
pub fn role_on(order: &Order, user: Option<&CurrentUser>, guest_token: Option<&str>) -> Option<Actor> {
    if let Some(user) = user {
        if user.is_admin() {
            return Some(Actor::Admin);
        }
        if user.can_manage_producer(order.producer_id) {
            return Some(Actor::Seller);
        }
        if order.buyer_user_id == Some(user.id) {
            return Some(Actor::Buyer);
        }
    }
    let token = guest_token?;
    (crate::auth::store::token_hash(token) == order.access_token_hash).then_some(Actor::Buyer)
}

pub fn guest_token<'a>(headers: &'a HeaderMap, query: &'a TokenParam) -> Option<&'a str> {
    query.token.as_deref().or_else(|| headers.get("x-order-token").and_then(|v| v.to_str().ok()))
}

/// The order if the asker may see it; otherwise 404 (its existence is not revealed).
pub async fn visible_order(
    db: &Db,
    id: &str,
    user: Option<&CurrentUser>,
    token: Option<&str>,
) -> AppResult<(Order, Actor)> {
    let not_found = || AppError::not_found(messages::ORDER);
    let order = match id.parse::<i64>() {
        Ok(id) => store::find_by_id(db, id).await?,
        Err(_) => store::find_by_code(db, id).await?,
    }
    .ok_or_else(not_found)?;
    let actor = role_on(&order, user, token).ok_or_else(not_found)?;
    Ok((order, actor))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Role;
    use crate::orders::{OrderStatus, PaymentMethod};

    fn order() -> Order {
        Order {
            live_session_id: None,
            host_user_id: None,
            deposit_vnd: 0,
            id: 1,
            code: "DS-1".into(),
            checkout_id: "c".into(),
            producer_id: 7,
            buyer_user_id: Some(3),
            buyer_name: "Lò Thị Hoa".into(),
            buyer_phone: "0912345678".into(),
            buyer_email: None,
            ship_province_code: "01".into(),
            ship_commune_code: "00004".into(),
            ship_street: "1 Hàng Bạc".into(),
            payment_method: PaymentMethod::Cod,
            status: OrderStatus::AwaitingPayment,
            subtotal_vnd: 100_000,
            shipping_vnd: 0,
            total_vnd: 100_000,
            paid_vnd: 0,
            stock_held: true,
            access_token_hash: crate::auth::store::token_hash("guest-secret"),
            payment_due_at: None,
            carrier: None,
            tracking_no: None,
            delivery_option: None,
            delivery_name: None,
            cod_fee_vnd: 0,
            parcel_weight_g: None,
            eta_days_min: None,
            eta_days_max: None,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    fn user(id: i64, role: Role, producer_ids: Vec<i64>) -> CurrentUser {
        CurrentUser { id, email: String::new(), name: String::new(), role, producer_ids, provinces: Vec::new() }
    }

    #[test]
    fn each_asker_sees_the_order_as_who_they_are() {
        let order = order();
        assert_eq!(role_on(&order, Some(&user(9, Role::Admin, vec![])), None), Some(Actor::Admin));
        assert_eq!(role_on(&order, Some(&user(5, Role::Seller, vec![7])), None), Some(Actor::Seller));
        assert_eq!(role_on(&order, Some(&user(3, Role::Buyer, vec![])), None), Some(Actor::Buyer));
        assert_eq!(role_on(&order, None, Some("guest-secret")), Some(Actor::Buyer));
    }

    #[test]
    fn strangers_and_wrong_tokens_see_nothing() {
        let order = order();
        assert_eq!(role_on(&order, Some(&user(5, Role::Seller, vec![8])), None), None);
        assert_eq!(role_on(&order, Some(&user(4, Role::Buyer, vec![])), None), None);
        assert_eq!(role_on(&order, None, Some("guessed")), None);
        assert_eq!(role_on(&order, None, None), None);
    }
}
