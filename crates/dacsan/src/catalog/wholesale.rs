//! Wholesale prices of a product: price breaks by quantity for business buyers
//! (accounts with a business profile). The first break's quantity is the business
//! minimum: under it, a business buyer pays the list price like everyone else.

use serde::{Deserialize, Serialize};

use super::messages;
use crate::error::FieldErrors;
use crate::error::Message;
use crate::vn::Vnd;

/// From `min_quantity` units on, each unit costs `unit_price_vnd`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PriceBreak {
    pub min_quantity: i64,
    pub unit_price_vnd: i64,
}

pub const MAX_BREAKS: usize = 5;
/// The most units of one product a cart line holds (the checkout's limit too).
pub const MAX_BREAK_QUANTITY: i64 = 999;

/// The wholesale unit price for `quantity` units: the last break reached; `None`
/// under the first one.
pub fn price_for(breaks: &[PriceBreak], quantity: i64) -> Option<i64> {
    breaks.iter().rev().find(|b| quantity >= b.min_quantity).map(|b| b.unit_price_vnd)
}

/// The business minimum: the first break's quantity.
pub fn minimum(breaks: &[PriceBreak]) -> Option<i64> {
    breaks.first().map(|b| b.min_quantity)
}

/// Breaks must rise in quantity (2 to 999 units) and fall in price, every price
/// above zero and under the list price.
pub fn validate(breaks: &[PriceBreak], list_price: Vnd, errors: &mut FieldErrors) {
    if breaks.len() > MAX_BREAKS {
        errors.add("wholesale_breaks", Message::from(messages::AT_MOST_BREAKS).with("max_breaks", MAX_BREAKS));
        return;
    }
    for (i, b) in breaks.iter().enumerate() {
        let field = format!("wholesale_breaks[{i}]");
        if !(2..=MAX_BREAK_QUANTITY).contains(&b.min_quantity) {
            errors.add(
                &format!("{field}.min_quantity"),
                Message::from(messages::BREAK_QUANTITY_2_TO_MAX).with("max_break_quantity", MAX_BREAK_QUANTITY),
            );
        } else if i > 0 && b.min_quantity <= breaks[i - 1].min_quantity {
            errors.add(&format!("{field}.min_quantity"), messages::BREAK_QUANTITIES_MUST_RISE);
        }
        if b.unit_price_vnd <= 0 || b.unit_price_vnd >= list_price.0 {
            errors.add(
                &format!("{field}.unit_price_vnd"),
                Message::from(messages::BREAK_PRICE_UNDER_LIST_PRICE).with("list_price", list_price),
            );
        } else if i > 0 && b.unit_price_vnd >= breaks[i - 1].unit_price_vnd {
            errors.add(&format!("{field}.unit_price_vnd"), messages::BREAK_PRICES_MUST_FALL);
        }
    }
}

/// The stored form (a JSON list); a value this code cannot read is an error that
/// quotes it, never an empty list.
pub fn from_stored(value: &str) -> Result<Vec<PriceBreak>, String> {
    if value.is_empty() {
        return Ok(Vec::new());
    }
    serde_json::from_str(value).map_err(|e| format!("a product's wholesale prices {value:?} are unreadable: {e}"))
}

pub fn to_stored(breaks: &[PriceBreak]) -> String {
    if breaks.is_empty() { String::new() } else { serde_json::to_string(breaks).expect("plain numbers") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breaks() -> Vec<PriceBreak> {
        vec![
            PriceBreak { min_quantity: 20, unit_price_vnd: 90_000 },
            PriceBreak { min_quantity: 100, unit_price_vnd: 80_000 },
        ]
    }

    #[test]
    fn the_last_break_reached_sets_the_price() {
        let b = breaks();
        assert_eq!(price_for(&b, 19), None, "under the business minimum");
        assert_eq!(price_for(&b, 20), Some(90_000));
        assert_eq!(price_for(&b, 99), Some(90_000));
        assert_eq!(price_for(&b, 100), Some(80_000));
        assert_eq!(price_for(&[], 500), None);
        assert_eq!(minimum(&b), Some(20));
    }

    #[test]
    fn breaks_rise_in_quantity_and_fall_in_price_under_the_list_price() {
        let mut errors = FieldErrors::default();
        validate(&breaks(), Vnd(100_000), &mut errors);
        assert!(errors.is_empty(), "{errors:?}");

        let bad = [
            PriceBreak { min_quantity: 1, unit_price_vnd: 120_000 },
            PriceBreak { min_quantity: 50, unit_price_vnd: 90_000 },
            PriceBreak { min_quantity: 40, unit_price_vnd: 95_000 },
        ];
        let mut errors = FieldErrors::default();
        validate(&bad, Vnd(100_000), &mut errors);
        for field in [
            "wholesale_breaks[0].min_quantity",
            "wholesale_breaks[0].unit_price_vnd",
            "wholesale_breaks[2].min_quantity",
            "wholesale_breaks[2].unit_price_vnd",
        ] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        assert!(errors.get("wholesale_breaks[1].min_quantity").is_none());
    }

    #[test]
    fn stored_form_round_trips_and_garbage_is_named() {
        assert_eq!(from_stored(&to_stored(&breaks())).unwrap(), breaks());
        assert_eq!(from_stored("").unwrap(), []);
        assert!(from_stored("20:9000").unwrap_err().contains("20:9000"));
    }
}
