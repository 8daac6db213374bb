//! Cart lines and their cookie form (`12:2:250000,40:1:90000`: product, quantity,
//! the price the buyer saw when adding it).

use crate::orders::model::{MAX_LINES, MAX_QUANTITY};

pub const CART_COOKIE: &str = "dacsan_cart";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CartLine {
    pub product_id: i64,
    pub quantity: i64,
    /// The price shown when the line was added: a later change is pointed out.
    pub seen_price_vnd: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cart {
    /// In the order they were added.
    pub lines: Vec<CartLine>,
}

impl Cart {
    /// Reads the cookie value; malformed parts are dropped, never an error.
    pub fn from_cookie(value: &str) -> Cart {
        let mut cart = Cart::default();
        for part in value.split(',') {
            let numbers: Vec<Option<i64>> = part.split(':').map(|n| n.trim().parse().ok()).collect();
            if let [Some(id), Some(quantity), Some(price)] = numbers[..]
                && id > 0
                && price >= 0
            {
                cart.add(id, quantity, price);
            }
        }
        cart
    }

    pub fn to_cookie(&self) -> String {
        self.lines
            .iter()
            .map(|l| format!("{}:{}:{}", l.product_id, l.quantity, l.seen_price_vnd))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Adds to a line (or starts one), keeping quantities within 1..=999 and the
    /// cart within the checkout's line limit.
    pub fn add(&mut self, product_id: i64, quantity: i64, seen_price_vnd: i64) {
        if quantity <= 0 {
            return;
        }
        if let Some(line) = self.lines.iter_mut().find(|l| l.product_id == product_id) {
            line.quantity = (line.quantity + quantity).min(MAX_QUANTITY);
        } else if self.lines.len() < MAX_LINES {
            self.lines.push(CartLine { product_id, quantity: quantity.min(MAX_QUANTITY), seen_price_vnd });
        }
    }

    /// Sets a line's quantity; 0 removes it.
    pub fn set_quantity(&mut self, product_id: i64, quantity: i64) {
        if quantity <= 0 {
            self.lines.retain(|l| l.product_id != product_id);
        } else if let Some(line) = self.lines.iter_mut().find(|l| l.product_id == product_id) {
            line.quantity = quantity.min(MAX_QUANTITY);
        }
    }

    /// Adds another cart's lines (a guest's cart at sign-in).
    pub fn merge(&mut self, other: &Cart) {
        for line in &other.lines {
            self.add(line.product_id, line.quantity, line.seen_price_vnd);
        }
    }

    pub fn count(&self) -> i64 {
        self.lines.iter().map(|l| l.quantity).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_round_trip_and_garbage() {
        let cart = Cart::from_cookie("12:2:250000, 40:1:9000,x:3:1,7:-1:5,9:abc:1,12:1:250000,5:1");
        let ids: Vec<(i64, i64)> = cart.lines.iter().map(|l| (l.product_id, l.quantity)).collect();
        assert_eq!(ids, [(12, 3), (40, 1)]);
        assert_eq!(Cart::from_cookie(&cart.to_cookie()), cart);
        assert_eq!(cart.count(), 4);
    }

    #[test]
    fn quantities_stay_in_bounds() {
        let mut cart = Cart::default();
        cart.add(1, 5000, 10);
        assert_eq!(cart.lines[0].quantity, MAX_QUANTITY);
        cart.set_quantity(1, 0);
        assert!(cart.is_empty());
        for id in 1..=100 {
            cart.add(id, 1, 10);
        }
        assert_eq!(cart.lines.len(), MAX_LINES);
    }

    #[test]
    fn merging_adds_quantities() {
        let mut mine = Cart::from_cookie("1:1:100");
        mine.merge(&Cart::from_cookie("1:2:100,2:1:50"));
        assert_eq!(mine.to_cookie(), "1:3:100,2:1:50");
    }
}
