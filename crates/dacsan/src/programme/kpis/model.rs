//! The plan's indicators (Plan 270/KH-UBND and the like) and their arithmetic:
//! a numerator over a denominator, in tenths of a percent, against a target.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Indicator {
    /// OCOP products (3★+, certificate valid on the date) with an active listing.
    OcopProductsOnline,
    /// Producers of such products with a digital store and an e-payment account.
    ProducersStoreAndPayment,
    TrainedDigitalSkills,
    TrainedPackagingDelivery,
    /// Products eligible for e-commerce with an active listing.
    EligibleGoodsOnline,
}

impl Indicator {
    pub const ALL: &[Indicator] = <Indicator as strum::VariantArray>::VARIANTS;

    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn parse(id: &str) -> Option<Indicator> {
        id.parse().ok()
    }

    /// The i18n key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            Indicator::OcopProductsOnline => "kpi_ocop_products_online",
            Indicator::ProducersStoreAndPayment => "kpi_producers_store_and_payment",
            Indicator::TrainedDigitalSkills => "kpi_trained_digital_skills",
            Indicator::TrainedPackagingDelivery => "kpi_trained_packaging_delivery",
            Indicator::EligibleGoodsOnline => "kpi_eligible_goods_online",
        }
    }
}

/// How many of how many.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Ratio {
    pub numerator: i64,
    pub denominator: i64,
}

impl Ratio {
    pub fn new(numerator: i64, denominator: i64) -> Ratio {
        Ratio { numerator, denominator }
    }

    /// Tenths of a percent, rounded half up; `None` when there is nothing to count.
    pub fn permille(self) -> Option<i64> {
        (self.denominator > 0).then(|| (self.numerator * 1000 + self.denominator / 2) / self.denominator)
    }

    /// `66.7` for 2 of 3: the JSON value (a ratio, not money).
    pub fn value_pct(self) -> Option<f64> {
        self.permille().map(|p| p as f64 / 10.0)
    }

    /// `66,7 %` as Vietnamese pages write it; `–` when there is nothing to count.
    pub fn pct_text(self) -> String {
        match self.permille() {
            Some(p) => format!("{},{} %", p / 10, p % 10),
            None => "–".to_string(),
        }
    }

    /// How many more must be counted to reach `target_pct` (0 when reached).
    pub fn missing_for(self, target_pct: i64) -> i64 {
        let needed = (target_pct * self.denominator + 99) / 100;
        (needed - self.numerator).max(0)
    }

    pub fn plus(self, other: Ratio) -> Ratio {
        Ratio::new(self.numerator + other.numerator, self.denominator + other.denominator)
    }
}

/// One indicator's value against its target on a date.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct IndicatorValue {
    pub id: &'static str,
    pub value_pct: Option<f64>,
    pub numerator: i64,
    pub denominator: i64,
    pub target_pct: Option<i64>,
    /// Target minus value, in percentage points (positive: still to go).
    pub gap_pct: Option<f64>,
    /// How many more products or producers reach the target.
    pub missing: Option<i64>,
}

impl IndicatorValue {
    pub fn new(indicator: Indicator, ratio: Ratio, target_pct: Option<i64>) -> IndicatorValue {
        let gap_pct = match (target_pct, ratio.permille()) {
            (Some(target), Some(permille)) => Some((target * 10 - permille).max(0) as f64 / 10.0),
            _ => None,
        };
        IndicatorValue {
            id: indicator.id(),
            value_pct: ratio.value_pct(),
            numerator: ratio.numerator,
            denominator: ratio.denominator,
            target_pct,
            gap_pct,
            missing: target_pct.map(|t| ratio.missing_for(t)),
        }
    }
}

/// The first day of `date`'s month.
pub fn month_start(date: time::Date) -> time::Date {
    date.replace_day(1).expect("day 1 exists in every month")
}

pub fn previous_month_start(date: time::Date) -> time::Date {
    let first = month_start(date);
    month_start(first.previous_day().expect("a day before the 1st of a month in range"))
}

pub fn next_month_start(date: time::Date) -> time::Date {
    let first = month_start(date);
    let days = time::util::days_in_month(first.month(), first.year());
    first + time::Duration::days(i64::from(days))
}

/// `2026-11` for a date in November 2026.
pub fn month_key(date: time::Date) -> String {
    format!("{:04}-{:02}", date.year(), u8::from(date.month()))
}

/// Growth of `now` over `before` in tenths of a percent (`None` from nothing).
pub fn growth_permille(now: i64, before: i64) -> Option<i64> {
    (before > 0).then(|| ((now - before) * 1000 + before / 2).div_euclid(before))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn ratios_round_half_up_to_a_tenth() {
        assert_eq!(Ratio::new(2, 3).value_pct(), Some(66.7));
        assert_eq!(Ratio::new(1, 3).value_pct(), Some(33.3));
        assert_eq!(Ratio::new(1, 8).value_pct(), Some(12.5));
        assert_eq!(Ratio::new(0, 0).value_pct(), None);
        assert_eq!(Ratio::new(7, 7).pct_text(), "100,0 %");
        assert_eq!(Ratio::new(2, 3).pct_text(), "66,7 %");
    }

    #[test]
    fn missing_counts_what_the_target_still_needs() {
        // 70 % of 9 producers is 6.3: 7 are needed.
        assert_eq!(Ratio::new(5, 9).missing_for(70), 2);
        assert_eq!(Ratio::new(7, 9).missing_for(70), 0);
        assert_eq!(Ratio::new(0, 10).missing_for(100), 10);
    }

    #[test]
    fn gap_is_in_percentage_points() {
        let v = IndicatorValue::new(Indicator::TrainedDigitalSkills, Ratio::new(1, 4), Some(70));
        assert_eq!(v.gap_pct, Some(45.0));
        assert_eq!(v.missing, Some(2));
        let reached = IndicatorValue::new(Indicator::TrainedDigitalSkills, Ratio::new(4, 4), Some(70));
        assert_eq!(reached.gap_pct, Some(0.0));
    }

    #[test]
    fn months() {
        assert_eq!(previous_month_start(date!(2026 - 01 - 15)), date!(2025 - 12 - 01));
        assert_eq!(next_month_start(date!(2026 - 02 - 10)), date!(2026 - 03 - 01));
        assert_eq!(month_key(date!(2026 - 03 - 31)), "2026-03");
    }

    #[test]
    fn growth() {
        assert_eq!(growth_permille(150, 100), Some(500));
        assert_eq!(growth_permille(50, 100), Some(-500));
        assert_eq!(growth_permille(5, 0), None);
    }
}
