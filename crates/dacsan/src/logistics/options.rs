//! The delivery options of one producer's order: each carrier service whose card
//! takes the parcel, pick-up at the producer, and the producer's own delivery —
//! priced, with the days they take, cheapest first. Pure: the caller brings the
//! cards, the producer's terms and the parcel.

use super::messages;
use super::rates::{PACKAGING_G, Parcel, RateCard, region_of};
use crate::error::Text;
pub use crate::orders::delivery::{DeliveryOption, OptionKind, ParcelLine};

/// Weight assumed for a unit whose product has none (a 500 g pack is the most
/// common specialty pack); the quote then says it is an estimate.
pub const UNKNOWN_UNIT_WEIGHT_G: i64 = 500;

/// A producer's own delivery and pick-up terms.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct DeliveryTerms {
    /// Buyers in the producer's province may collect at the producer.
    pub pickup: bool,
    /// The producer's own delivery price; `None`: it does not deliver itself.
    pub own_fee_vnd: Option<i64>,
    /// `province` or `region`: how far the producer delivers itself.
    pub own_area: String,
    pub own_eta_days_min: i64,
    pub own_eta_days_max: i64,
    /// The collection point the producer drops its parcels at; carriers' days
    /// then count the wait for the point's next run.
    #[serde(default)]
    pub collection_point_id: Option<i64>,
}

impl Default for DeliveryTerms {
    fn default() -> Self {
        DeliveryTerms {
            pickup: true,
            own_fee_vnd: None,
            own_area: "province".into(),
            own_eta_days_min: 1,
            own_eta_days_max: 3,
            collection_point_id: None,
        }
    }
}

impl DeliveryTerms {
    /// The first field that is wrong, and why.
    pub fn check(&self) -> Result<(), (&'static str, Text)> {
        if self.own_fee_vnd.is_some_and(|fee| !(0..=10_000_000).contains(&fee)) {
            return Err(("own_fee_vnd", messages::OWN_FEE_RANGE));
        }
        if !matches!(self.own_area.as_str(), "province" | "region") {
            return Err(("own_area", messages::OWN_AREA_ONE_OF));
        }
        if self.own_eta_days_min < 0 || self.own_eta_days_max < self.own_eta_days_min || self.own_eta_days_max > 60 {
            return Err(("own_eta_days_max", messages::OWN_ETA_DAYS_RANGE));
        }
        Ok(())
    }
}

/// The parcel of an order's lines: the goods plus packaging, and whether some
/// weight was guessed because a product has none. Its size is the one package of a
/// single unit, else a cube holding the measured packages (what carriers estimate
/// for a box of several); products without a size add weight only.
pub fn parcel_of(lines: &[ParcelLine]) -> (Parcel, bool) {
    let mut estimated = false;
    let goods: i64 = lines
        .iter()
        .map(|line| {
            let unit = if line.weight_g > 0 {
                line.weight_g
            } else {
                estimated = true;
                UNKNOWN_UNIT_WEIGHT_G
            };
            unit.saturating_mul(line.quantity)
        })
        .fold(0i64, i64::saturating_add);
    let (length_cm, width_cm, height_cm) = match lines {
        [ParcelLine { quantity: 1, package: Some(size), .. }] => (size.length_cm, size.width_cm, size.height_cm),
        _ => {
            let volume = lines
                .iter()
                .filter_map(|l| l.package.map(|size| size.volume_cm3().saturating_mul(l.quantity)))
                .fold(0i64, i64::saturating_add);
            let side = cube_side(volume);
            (side, side, side)
        }
    };
    (Parcel { weight_g: goods.saturating_add(PACKAGING_G), length_cm, width_cm, height_cm }, estimated)
}

/// The side of the smallest whole-centimetre cube holding `volume` cm³.
fn cube_side(volume: i64) -> i64 {
    let (mut low, mut high) = (0i64, 2_100_000);
    while low < high {
        let mid = (low + high) / 2;
        if mid.saturating_mul(mid).saturating_mul(mid) >= volume { high = mid } else { low = mid + 1 }
    }
    low
}

/// Where an order goes from and to: `(province code, commune code)` each.
#[derive(Debug, Clone, Copy)]
pub struct Route<'a> {
    pub from: (&'a str, &'a str),
    pub to: (&'a str, &'a str),
}

/// Every option for a parcel on a route, cheapest (for the way the buyer pays)
/// first, then fastest.
pub fn options_for(
    cards: &[RateCard],
    terms: &DeliveryTerms,
    route: Route<'_>,
    parcel: &Parcel,
    subtotal_vnd: i64,
    cash_on_delivery: bool,
) -> Vec<DeliveryOption> {
    let cod_vnd = if cash_on_delivery { subtotal_vnd } else { 0 };
    let mut options: Vec<DeliveryOption> = cards
        .iter()
        .filter_map(|card| {
            let quote = card.quote(route.from, route.to, parcel, cod_vnd, subtotal_vnd)?;
            Some(DeliveryOption {
                id: format!("{}:{}", card.carrier, card.service),
                kind: OptionKind::Carrier,
                carrier: Some(card.carrier.clone()),
                service: card.service.clone(),
                name: card.name.clone(),
                fee_vnd: quote.fee_vnd,
                cod_fee_vnd: quote.cod_fee_vnd,
                eta_days_min: quote.eta_days_min,
                eta_days_max: quote.eta_days_max,
                sample_rates: card.sample,
                via: None,
            })
        })
        .collect();
    let same_province = route.from.0 == route.to.0;
    if terms.pickup && same_province {
        options.push(DeliveryOption {
            id: PICKUP_AT_PRODUCER.into(),
            kind: OptionKind::Pickup,
            carrier: None,
            service: "producer".into(),
            name: "Nhận tại nơi sản xuất / collect at the producer".into(),
            fee_vnd: 0,
            cod_fee_vnd: 0,
            eta_days_min: 0,
            eta_days_max: 1,
            sample_rates: false,
            via: None,
        });
    }
    let within_area = match terms.own_area.as_str() {
        "region" => region_of(route.from.0).is_some() && region_of(route.from.0) == region_of(route.to.0),
        _ => same_province,
    };
    if let (Some(fee), true) = (terms.own_fee_vnd, within_area) {
        options.push(DeliveryOption {
            id: OWN_DELIVERY.into(),
            kind: OptionKind::Producer,
            carrier: None,
            service: "own".into(),
            name: "Nhà sản xuất tự giao / the producer delivers".into(),
            fee_vnd: fee,
            cod_fee_vnd: 0,
            eta_days_min: terms.own_eta_days_min,
            eta_days_max: terms.own_eta_days_max,
            sample_rates: false,
            via: None,
        });
    }
    sort_cheapest_first(&mut options, cash_on_delivery);
    options
}

/// What the buyer pays first, then the fewest days, carriers before the rest.
pub fn sort_cheapest_first(options: &mut [DeliveryOption], cash_on_delivery: bool) {
    options.sort_by_key(|o| (o.charge_vnd(cash_on_delivery), o.eta_days_max, o.kind != OptionKind::Carrier));
}

pub const PICKUP_AT_PRODUCER: &str = "pickup:producer";
pub const OWN_DELIVERY: &str = "producer:own";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logistics::rates::sample_cards;
    use crate::vn::admin_units;

    fn hanoi_ward() -> String {
        admin_units::communes_of("01").find(|c| c.kind == "phuong").unwrap().code.clone()
    }

    fn lai_chau_commune() -> String {
        admin_units::communes_of("12").find(|c| c.kind == "xa").unwrap().code.clone()
    }

    fn line(weight_g: i64, quantity: i64) -> ParcelLine {
        ParcelLine { weight_g, quantity, package: None }
    }

    #[test]
    fn parcels_weigh_goods_and_packaging_and_say_when_they_guess() {
        let (parcel, estimated) = parcel_of(&[line(250, 2), line(1000, 1)]);
        assert_eq!(parcel.weight_g, 1500 + PACKAGING_G);
        assert_eq!(parcel.chargeable_g(), parcel.weight_g, "no size: the weight alone");
        assert!(!estimated);
        let (parcel, estimated) = parcel_of(&[line(0, 3)]);
        assert_eq!(parcel.weight_g, 3 * UNKNOWN_UNIT_WEIGHT_G + PACKAGING_G);
        assert!(estimated);
    }

    #[test]
    fn a_bulky_parcel_is_charged_its_volumetric_weight() {
        use crate::catalog::model::PackageSize;
        // Dried bamboo shoots: 400 g in a 40 × 30 × 20 cm bag: 24 000 cm³ / 6000 = 4 kg.
        let bag = PackageSize { length_cm: 40, width_cm: 30, height_cm: 20 };
        let (parcel, _) = parcel_of(&[ParcelLine { weight_g: 400, quantity: 1, package: Some(bag) }]);
        assert_eq!((parcel.length_cm, parcel.width_cm, parcel.height_cm), (40, 30, 20));
        assert_eq!(parcel.chargeable_g(), 4000);
        // Two bags and a tin without a size: a 37 cm cube holds 48 000 cm³.
        let (parcel, _) = parcel_of(&[ParcelLine { weight_g: 400, quantity: 2, package: Some(bag) }, line(300, 1)]);
        assert_eq!((parcel.length_cm, parcel.weight_g), (37, 800 + 300 + PACKAGING_G));
        assert_eq!(parcel.chargeable_g(), 37 * 37 * 37 * 1000 / 6000 + 1);
        assert_eq!((cube_side(0), cube_side(1), cube_side(27), cube_side(28)), (0, 1, 3, 4));
    }

    #[test]
    fn carriers_quote_from_a_remote_commune_to_the_capital_cheapest_first() {
        let (from, to) = (lai_chau_commune(), hanoi_ward());
        let route = Route { from: ("12", &from), to: ("01", &to) };
        let parcel = Parcel { weight_g: 1100, ..Default::default() };
        let options = options_for(&sample_cards(), &DeliveryTerms::default(), route, &parcel, 300_000, false);
        assert!(options.len() >= 4, "{options:?}");
        assert!(options.iter().all(|o| o.kind == OptionKind::Carrier), "no pick-up across provinces");
        assert!(options.windows(2).all(|w| w[0].fee_vnd <= w[1].fee_vnd), "{options:?}");
        assert!(options.iter().all(|o| o.fee_vnd > 0 && o.sample_rates));
    }

    #[test]
    fn cash_on_delivery_orders_the_options_by_what_the_buyer_pays() {
        let (from, to) = (lai_chau_commune(), hanoi_ward());
        let route = Route { from: ("12", &from), to: ("01", &to) };
        let parcel = Parcel { weight_g: 600, ..Default::default() };
        let options = options_for(&sample_cards(), &DeliveryTerms::default(), route, &parcel, 5_000_000, true);
        assert!(options.iter().any(|o| o.cod_fee_vnd > 0));
        assert!(options.windows(2).all(|w| w[0].charge_vnd(true) <= w[1].charge_vnd(true)));
    }

    #[test]
    fn neighbours_may_collect_or_have_the_producer_deliver() {
        let (from, to) = (lai_chau_commune(), lai_chau_commune());
        let route = Route { from: ("12", &from), to: ("12", &to) };
        let terms = DeliveryTerms { own_fee_vnd: Some(10_000), ..DeliveryTerms::default() };
        let options = options_for(
            &sample_cards(),
            &terms,
            route,
            &Parcel { weight_g: 600, ..Default::default() },
            100_000,
            false,
        );
        assert_eq!(options[0].id, PICKUP_AT_PRODUCER, "free pick-up is the cheapest");
        assert!(options.iter().any(|o| o.id == OWN_DELIVERY && o.fee_vnd == 10_000));
        let far = Route { from: ("12", &from), to: ("79", "26734") };
        let options =
            options_for(&sample_cards(), &terms, far, &Parcel { weight_g: 600, ..Default::default() }, 100_000, false);
        assert!(options.iter().all(|o| o.kind == OptionKind::Carrier), "own delivery stays in the province");
    }

    #[test]
    fn bad_terms_are_named() {
        let terms = DeliveryTerms { own_fee_vnd: Some(-1), ..DeliveryTerms::default() };
        assert_eq!(terms.check().unwrap_err().0, "own_fee_vnd");
        let terms = DeliveryTerms { own_eta_days_min: 3, own_eta_days_max: 1, ..DeliveryTerms::default() };
        assert_eq!(terms.check().unwrap_err().0, "own_eta_days_max");
    }
}
