//! Delivery figures of a place (a commune, a producer, the whole province) and how
//! they add up: counts and sums that add, the days from order to delivery kept as a
//! histogram so that medians of groups are exact.

use std::collections::BTreeMap;

use crate::programme::kpis::model::Ratio;

/// What the orders of a place came to in a period. Orders are those that needed
/// delivery: paid or cash-on-delivery orders, not cancelled before a carrier took
/// them, not picked up at the producer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub orders: i64,
    pub delivered: i64,
    /// Orders with at least one failed delivery attempt.
    pub failed: i64,
    /// Orders with a parcel sent back (returning or returned).
    pub returned: i64,
    pub shipping_vnd: i64,
    pub goods_vnd: i64,
    /// Delivered orders by calendar days from order to delivery.
    pub days: BTreeMap<i64, i64>,
}

impl Tally {
    pub fn add(&mut self, other: &Tally) {
        self.orders += other.orders;
        self.delivered += other.delivered;
        self.failed += other.failed;
        self.returned += other.returned;
        self.shipping_vnd += other.shipping_vnd;
        self.goods_vnd += other.goods_vnd;
        for (days, count) in &other.days {
            *self.days.entry(*days).or_default() += count;
        }
    }

    pub fn delivered_share(&self) -> Ratio {
        Ratio::new(self.delivered, self.orders)
    }

    pub fn failed_share(&self) -> Ratio {
        Ratio::new(self.failed, self.orders)
    }

    pub fn returned_share(&self) -> Ratio {
        Ratio::new(self.returned, self.orders)
    }

    /// Delivery fees as a share of the goods' value.
    pub fn cost_share(&self) -> Ratio {
        Ratio::new(self.shipping_vnd, self.goods_vnd)
    }

    /// The median of the days from order to delivery, in half days (the mean of the
    /// two middle values of an even count); `None` when nothing was delivered.
    pub fn median_half_days(&self) -> Option<i64> {
        let count: i64 = self.days.values().sum();
        if count == 0 {
            return None;
        }
        let lower = nth_value(&self.days, (count - 1) / 2)?;
        let upper = nth_value(&self.days, count / 2)?;
        Some(lower + upper)
    }

    /// `2.5` for two and a half days: the JSON value.
    pub fn median_days(&self) -> Option<f64> {
        self.median_half_days().map(|half| half as f64 / 2.0)
    }

    /// `2,5` as Vietnamese pages write it; `–` when nothing was delivered.
    pub fn median_text(&self) -> String {
        match self.median_half_days() {
            Some(half) if half % 2 == 0 => (half / 2).to_string(),
            Some(half) => format!("{},5", half / 2),
            None => "–".to_string(),
        }
    }
}

/// The `index`th value (from 0) of a histogram laid out in order.
fn nth_value(histogram: &BTreeMap<i64, i64>, index: i64) -> Option<i64> {
    let mut seen = 0;
    for (value, count) in histogram {
        seen += count;
        if index < seen {
            return Some(*value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_days(days: &[(i64, i64)]) -> Tally {
        Tally { days: days.iter().copied().collect(), ..Tally::default() }
    }

    #[test]
    fn the_median_of_an_odd_count_is_the_middle_value() {
        // 1, 2, 2, 5, 9
        assert_eq!(with_days(&[(1, 1), (2, 2), (5, 1), (9, 1)]).median_days(), Some(2.0));
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        // 1, 2, 3, 9
        let tally = with_days(&[(1, 1), (2, 1), (3, 1), (9, 1)]);
        assert_eq!(tally.median_days(), Some(2.5));
        assert_eq!(tally.median_text(), "2,5");
        assert_eq!(Tally::default().median_days(), None);
        assert_eq!(Tally::default().median_text(), "–");
    }

    #[test]
    fn tallies_add_up_including_their_medians() {
        let mut province =
            Tally { orders: 3, delivered: 2, shipping_vnd: 60_000, goods_vnd: 600_000, ..with_days(&[(1, 2)]) };
        province.add(&Tally { orders: 2, delivered: 2, failed: 1, returned: 1, ..with_days(&[(6, 2)]) });
        assert_eq!(province.orders, 5);
        assert_eq!(province.delivered_share().permille(), Some(800));
        assert_eq!(province.failed_share().permille(), Some(200));
        assert_eq!(province.cost_share().permille(), Some(100));
        // 1, 1, 6, 6
        assert_eq!(province.median_days(), Some(3.5));
    }
}
