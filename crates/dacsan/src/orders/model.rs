//! Orders: their statuses and who may move them where (the lifecycle as a state
//! machine), order codes, and what a checkout must contain.

use serde::{Deserialize, Serialize};

use super::messages;
use crate::error::FieldErrors;
use crate::error::Message;
use crate::vn::{Phone, admin_units};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum OrderStatus {
    AwaitingPayment,
    Paid,
    Confirmed,
    Packed,
    Shipped,
    Delivered,
    Completed,
    Cancelled,
    Refunded,
}

impl OrderStatus {
    pub const ALL: &[OrderStatus] = <OrderStatus as strum::VariantArray>::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(value: &str) -> Option<OrderStatus> {
        value.parse().ok()
    }

    /// The i18n key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            OrderStatus::AwaitingPayment => "order_awaiting_payment",
            OrderStatus::Paid => "order_paid",
            OrderStatus::Confirmed => "order_confirmed",
            OrderStatus::Packed => "order_packed",
            OrderStatus::Shipped => "order_shipped",
            OrderStatus::Delivered => "order_delivered",
            OrderStatus::Completed => "order_completed",
            OrderStatus::Cancelled => "order_cancelled",
            OrderStatus::Refunded => "order_refunded",
        }
    }

    /// The i18n key of the button that moves an order here.
    pub fn action_key(self) -> &'static str {
        match self {
            OrderStatus::AwaitingPayment | OrderStatus::Paid => "action_paid",
            OrderStatus::Confirmed => "action_confirm",
            OrderStatus::Packed => "action_pack",
            OrderStatus::Shipped => "action_ship",
            OrderStatus::Delivered => "action_deliver",
            OrderStatus::Completed => "action_complete",
            OrderStatus::Cancelled => "action_cancel",
            OrderStatus::Refunded => "action_refund",
        }
    }

    /// Items are still in the seller's hands: the buyer may cancel.
    pub fn before_shipping(self) -> bool {
        matches!(self, OrderStatus::AwaitingPayment | OrderStatus::Paid | OrderStatus::Confirmed | OrderStatus::Packed)
    }
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum PaymentMethod {
    Vietqr,
    Cod,
}

impl PaymentMethod {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(value: &str) -> Option<PaymentMethod> {
        value.parse().ok()
    }

    /// Bank transfers wait for the money; cash on delivery is confirmed at once.
    pub fn initial_status(self) -> OrderStatus {
        match self {
            PaymentMethod::Vietqr => OrderStatus::AwaitingPayment,
            PaymentMethod::Cod => OrderStatus::Confirmed,
        }
    }
}

/// Who moves an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Actor {
    Buyer,
    Seller,
    Admin,
    /// The bank (a matched transfer) or the clock (payment time ran out).
    System,
}

impl Actor {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// May `actor` move an order from `from` to `to`? Admins may do what sellers may.
pub fn may_transition(actor: Actor, from: OrderStatus, to: OrderStatus) -> bool {
    use OrderStatus::*;
    let actor = if actor == Actor::Admin { Actor::Seller } else { actor };
    match (actor, from, to) {
        (Actor::System, AwaitingPayment, Paid | Cancelled) => true,
        // The carrier's notifications: picked up, then delivered.
        (Actor::System, Paid | Confirmed | Packed, Shipped) => true,
        (Actor::System, Shipped, Delivered) => true,
        // A parcel the carrier brought back, nothing paid for it (cash on delivery).
        (Actor::System, Shipped, Cancelled) => true,
        // Money for an order whose payment time ran out: it takes its stock again.
        (Actor::System, Cancelled, Paid) => true,
        (Actor::Seller, Paid, Confirmed) => true,
        (Actor::Seller, Confirmed, Packed) => true,
        (Actor::Seller, Packed, Shipped) => true,
        (Actor::Seller, Shipped, Delivered) => true,
        (Actor::Seller | Actor::Buyer, Delivered, Completed) => true,
        (Actor::Seller, AwaitingPayment | Confirmed | Packed, Cancelled) => true,
        (Actor::Buyer, f, Cancelled) if f.before_shipping() => true,
        // Money back: a paid order cancelled, or goods returned.
        (Actor::Seller, Paid | Confirmed | Packed | Shipped | Delivered | Completed | Cancelled, Refunded) => true,
        _ => false,
    }
}

/// Order codes: `DS` and 8 characters of Crockford's base32 (no I, L, O, U), short
/// enough to type into a banking app and survive banks' reformatting of the
/// transfer content.
pub const CODE_PREFIX: &str = "DS";
const CODE_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const CODE_LEN: usize = 10;

pub fn new_order_code() -> String {
    let mut code = String::from(CODE_PREFIX);
    for _ in 0..CODE_LEN - CODE_PREFIX.len() {
        code.push(CODE_ALPHABET[rand::random_range(0..CODE_ALPHABET.len())] as char);
    }
    code
}

/// Order codes a transfer content may hold. Banks upper-case, drop spaces and
/// punctuation and prepend their own words, so the content is reduced to letters
/// and digits and every `DS…` window is a candidate.
pub fn codes_in_transfer(content: &str) -> Vec<String> {
    let compact: String = crate::vn::text::fold(content)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let mut codes = Vec::new();
    let mut start = 0;
    while let Some(at) = compact[start..].find(CODE_PREFIX) {
        let begin = start + at;
        if let Some(candidate) = compact.get(begin..begin + CODE_LEN) {
            let body_ok = candidate[CODE_PREFIX.len()..].bytes().all(|b| CODE_ALPHABET.contains(&b));
            if body_ok && !codes.iter().any(|c| c == candidate) {
                codes.push(candidate.to_string());
            }
        }
        start = begin + 1;
    }
    codes
}

pub const MAX_LINES: usize = 50;
pub const MAX_QUANTITY: i64 = 999;

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct CheckoutItem {
    pub product_id: i64,
    pub quantity: i64,
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct BuyerInput {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct ShippingInput {
    pub province_code: Option<String>,
    pub commune_code: Option<String>,
    pub street: Option<String>,
}

/// `POST /api/v1/checkout`. A price sent by the client is not a field: prices come
/// from the catalog at the moment of checkout.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct CheckoutInput {
    pub items: Vec<CheckoutItem>,
    #[serde(default)]
    pub buyer: BuyerInput,
    #[serde(default)]
    pub shipping: ShippingInput,
    /// `vietqr` or `cod`.
    pub payment_method: String,
    /// The delivery option chosen for each producer's order, by producer id (see
    /// `POST /api/v1/checkout/quote`); a producer left out gets the cheapest.
    #[serde(default)]
    pub delivery: std::collections::HashMap<String, String>,
    /// A live session's referral code (typed, or carried by a `?ref=` link): the
    /// orders are attributed to the session and its host, at its session prices.
    #[serde(default)]
    pub referral_code: Option<String>,
}

/// A referral code as people type it (`ab12 cd`): letters and digits, upper case;
/// `None` when blank.
pub fn referral_code(value: Option<&str>, errors: &mut FieldErrors) -> Option<String> {
    let code: String = value?.chars().filter(|c| !c.is_whitespace() && *c != '-').collect::<String>().to_uppercase();
    if code.is_empty() {
        return None;
    }
    if code.len() > 32 || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        errors.add("referral_code", Message::from(messages::REFERRAL_CODE_LETTERS_AND_DIGITS_ONLY).with("code", &code));
        return None;
    }
    Some(code)
}

/// A checkout whose every field holds.
#[derive(Debug, Clone)]
pub struct ValidCheckout {
    /// The checkout form's one-time key: the same key again (a double submit)
    /// places nothing more.
    pub key: Option<String>,
    /// (product id, quantity), one line per product.
    pub items: Vec<(i64, i64)>,
    pub buyer_name: String,
    pub buyer_phone: String,
    pub buyer_email: Option<String>,
    pub province_code: String,
    pub commune_code: String,
    pub street: String,
    pub payment_method: PaymentMethod,
    /// Producer id → delivery option id.
    pub delivery: std::collections::HashMap<i64, String>,
    pub referral_code: Option<String>,
}

fn text(value: &Option<String>) -> String {
    value.as_deref().unwrap_or("").trim().to_string()
}

/// One line per product, each quantity in range.
fn valid_items(lines: &[CheckoutItem], errors: &mut FieldErrors) -> Vec<(i64, i64)> {
    if lines.is_empty() {
        errors.add("items", messages::THE_CART_IS_EMPTY);
    }
    if lines.len() > MAX_LINES {
        errors.add("items", Message::from(messages::AT_MOST_LINES).with("max_lines", MAX_LINES));
    }
    let mut items: Vec<(i64, i64)> = Vec::new();
    for (i, item) in lines.iter().enumerate() {
        if !(1..=MAX_QUANTITY).contains(&item.quantity) {
            errors.add(
                &format!("items[{i}].quantity"),
                Message::from(messages::QUANTITY_1_TO_MAX).with("max_quantity", MAX_QUANTITY),
            );
            continue;
        }
        match items.iter_mut().find(|(id, _)| *id == item.product_id) {
            Some(line) => line.1 = (line.1 + item.quantity).min(MAX_QUANTITY),
            None => items.push((item.product_id, item.quantity)),
        }
    }
    items
}

/// The delivery province and commune, a 2025 pair that belongs together.
fn valid_place(shipping: &ShippingInput, errors: &mut FieldErrors) -> (String, String) {
    let province_code = text(&shipping.province_code);
    let commune_code = text(&shipping.commune_code);
    if admin_units::province(&province_code).is_none() {
        errors.add("shipping.province_code", messages::UNKNOWN_PROVINCE_CODE);
    } else if admin_units::commune_in(&province_code, &commune_code).is_none() {
        errors.add("shipping.commune_code", messages::COMMUNE_NOT_IN_PROVINCE);
    }
    (province_code, commune_code)
}

/// `POST /api/v1/checkout/quote`: the checkout body; only the items, the place and
/// (for the order of options) the payment method count.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct QuoteInput {
    pub items: Vec<CheckoutItem>,
    #[serde(default)]
    pub shipping: ShippingInput,
    pub payment_method: Option<String>,
}

/// A quote request whose every field holds.
#[derive(Debug, Clone)]
pub struct ValidQuote {
    pub items: Vec<(i64, i64)>,
    pub province_code: String,
    pub commune_code: String,
    pub cash_on_delivery: bool,
}

impl QuoteInput {
    pub fn validate(&self) -> Result<ValidQuote, FieldErrors> {
        let mut errors = FieldErrors::default();
        let items = valid_items(&self.items, &mut errors);
        let (province_code, commune_code) = valid_place(&self.shipping, &mut errors);
        let method = self.payment_method.as_deref().map(str::trim).filter(|m| !m.is_empty());
        let cash_on_delivery = match method.map(PaymentMethod::parse) {
            None => false,
            Some(Some(method)) => method == PaymentMethod::Cod,
            Some(None) => {
                errors.add("payment_method", messages::VIETQR_OR_COD);
                false
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidQuote { items, province_code, commune_code, cash_on_delivery })
    }
}

impl CheckoutInput {
    pub fn validate(&self) -> Result<ValidCheckout, FieldErrors> {
        let mut errors = FieldErrors::default();
        let items = valid_items(&self.items, &mut errors);
        let buyer_name = text(&self.buyer.name);
        if !(2..=100).contains(&buyer_name.chars().count()) {
            errors.add("buyer.name", messages::BUYER_NAME_2_TO_100_CHARACTERS);
        }
        let buyer_phone = match Phone::parse(&text(&self.buyer.phone)) {
            Ok(p) => p.e164().to_string(),
            Err(e) => {
                errors.add("buyer.phone", e);
                String::new()
            }
        };
        let buyer_email = match text(&self.buyer.email) {
            e if e.is_empty() => None,
            e => crate::auth::model::parse_email(&e).map_err(|msg| errors.add("buyer.email", msg)).ok(),
        };
        let (province_code, commune_code) = valid_place(&self.shipping, &mut errors);
        let street = text(&self.shipping.street);
        if !(3..=200).contains(&street.chars().count()) {
            errors.add("shipping.street", messages::STREET_3_TO_200_CHARACTERS);
        }
        let payment_method = PaymentMethod::parse(self.payment_method.trim());
        if payment_method.is_none() {
            errors.add("payment_method", messages::VIETQR_OR_COD);
        }
        let mut delivery = std::collections::HashMap::new();
        for (producer, option) in &self.delivery {
            match producer.trim().parse::<i64>() {
                Ok(id) if !option.trim().is_empty() => {
                    delivery.insert(id, option.trim().to_string());
                }
                _ => errors.add(&format!("delivery.{producer}"), messages::DELIVERY_CHOICE_FORM),
            }
        }
        let referral_code = referral_code(self.referral_code.as_deref(), &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidCheckout {
            referral_code,
            key: None,
            items,
            buyer_name,
            buyer_phone,
            buyer_email,
            province_code,
            commune_code,
            street,
            payment_method: payment_method.expect("checked above"),
            delivery,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus::*;

    #[test]
    fn a_wholesale_break_fits_in_a_cart_line() {
        assert_eq!(crate::catalog::wholesale::MAX_BREAK_QUANTITY, MAX_QUANTITY);
    }

    #[test]
    fn the_happy_path_is_allowed() {
        let path = [
            (Actor::System, AwaitingPayment, Paid),
            (Actor::Seller, Paid, Confirmed),
            (Actor::Seller, Confirmed, Packed),
            (Actor::Seller, Packed, Shipped),
            (Actor::Seller, Shipped, Delivered),
            (Actor::Buyer, Delivered, Completed),
        ];
        for (actor, from, to) in path {
            assert!(may_transition(actor, from, to), "{actor:?} {from:?} → {to:?}");
        }
    }

    #[test]
    fn carriers_move_orders_they_carry_and_nothing_else() {
        assert!(may_transition(Actor::System, Confirmed, Shipped), "a COD order picked up before packing");
        assert!(may_transition(Actor::System, Shipped, Delivered));
        assert!(!may_transition(Actor::System, AwaitingPayment, Shipped), "unpaid transfers do not ship");
        assert!(!may_transition(Actor::System, Delivered, Completed), "the buyer completes");
        assert!(may_transition(Actor::System, Shipped, Cancelled), "returned, never paid");
        assert!(!may_transition(Actor::Seller, Shipped, Cancelled), "sellers refund what shipped");
    }

    #[test]
    fn buyers_cancel_only_before_shipping() {
        assert!(may_transition(Actor::Buyer, AwaitingPayment, Cancelled));
        assert!(may_transition(Actor::Buyer, Packed, Cancelled));
        assert!(!may_transition(Actor::Buyer, Shipped, Cancelled));
        assert!(!may_transition(Actor::Buyer, Paid, Confirmed), "buyers do not confirm");
        assert!(!may_transition(Actor::Buyer, Paid, Refunded), "buyers do not refund themselves");
    }

    #[test]
    fn nobody_skips_steps_or_leaves_final_states() {
        assert!(!may_transition(Actor::Seller, AwaitingPayment, Paid), "only the bank marks transfers paid");
        assert!(!may_transition(Actor::Seller, Confirmed, Shipped));
        assert!(!may_transition(Actor::Admin, Refunded, Paid));
        for &to in OrderStatus::ALL {
            assert!(!may_transition(Actor::Seller, Refunded, to));
        }
    }

    #[test]
    fn order_codes_are_found_in_mangled_transfer_contents() {
        let code = new_order_code();
        assert_eq!(code.len(), CODE_LEN);
        assert_eq!(codes_in_transfer(&format!("MBVCB.123456 {code} thanh toan")), vec![code.clone()]);
        let spaced = format!("ck don {} {}", &code[..5].to_lowercase(), &code[5..].to_lowercase());
        assert_eq!(codes_in_transfer(&spaced), vec![code.clone()]);
        let dashed = format!("{}-{}", &code[..4], &code[4..]);
        assert_eq!(codes_in_transfer(&dashed), vec![code.clone()]);
        assert!(codes_in_transfer("chuyen tien an sang").is_empty());
        assert!(codes_in_transfer("DS12").is_empty(), "truncated codes are not guessed");
    }

    fn checkout() -> CheckoutInput {
        CheckoutInput {
            referral_code: None,
            items: vec![CheckoutItem { product_id: 1, quantity: 2 }, CheckoutItem { product_id: 1, quantity: 1 }],
            buyer: BuyerInput { name: Some("Lan".into()), phone: Some("0912345678".into()), email: None },
            shipping: ShippingInput {
                province_code: Some("12".into()),
                commune_code: Some("03478".into()),
                street: Some("Bản Sìn Hồ".into()),
            },
            payment_method: "vietqr".into(),
            delivery: Default::default(),
        }
    }

    #[test]
    fn repeated_products_are_one_line() {
        let valid = checkout().validate().unwrap();
        assert_eq!(valid.items, [(1, 3)]);
    }

    #[test]
    fn each_bad_checkout_field_is_named() {
        let mut bad = checkout();
        bad.items = vec![CheckoutItem { product_id: 1, quantity: 0 }];
        bad.buyer.phone = Some("12345".into());
        bad.shipping.commune_code = Some("00004".into());
        bad.payment_method = "bitcoin".into();
        let errors = bad.validate().unwrap_err();
        for field in ["items[0].quantity", "buyer.phone", "shipping.commune_code", "payment_method"] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
    }
}
