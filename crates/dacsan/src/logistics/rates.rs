//! Rate cards and the arithmetic of a delivery price: which zone a route falls in,
//! what a parcel weighs for the carrier, and what the card asks for it.
//!
//! Vietnamese carriers price by zone — within the province (nội tỉnh), within the
//! region (nội miền), to the neighbouring region (cận miền), or across the country
//! (liên miền) — then by weight steps, with a surcharge for remote communes, a fee
//! for collecting cash on delivery and one for insurance above a declared value.
//! A card is kept as JSON so that an admin can read and edit it whole.

use serde::{Deserialize, Serialize};

use super::messages;
use crate::error::Message;
use crate::vn::admin_units;

/// Vietnam's three regions as carriers' zone tables read them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    North,
    Central,
    South,
}

/// The region of a 2025 province by its NSO code: the north runs to Ninh Bình (37),
/// the centre from Thanh Hóa (38) to Lâm Đồng (68), the south from Đồng Nai (75).
pub fn region_of(province_code: &str) -> Option<Region> {
    let code: u32 = province_code.parse().ok()?;
    admin_units::province(province_code)?;
    Some(match code {
        0..=37 => Region::North,
        38..=68 => Region::Central,
        _ => Region::South,
    })
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Zone {
    SameProvince,
    SameRegion,
    NearRegion,
    Far,
}

impl Zone {
    pub const ALL: &[Zone] = <Zone as strum::VariantArray>::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(value: &str) -> Option<Zone> {
        value.parse().ok()
    }
}

/// The zone of a route between two provinces; `None` for an unknown code.
pub fn zone_between(from_province: &str, to_province: &str) -> Option<Zone> {
    let (from, to) = (region_of(from_province)?, region_of(to_province)?);
    Some(if from_province == to_province {
        Zone::SameProvince
    } else if from == to {
        Zone::SameRegion
    } else if from == Region::Central || to == Region::Central {
        Zone::NearRegion
    } else {
        Zone::Far
    })
}

/// A parcel as a carrier weighs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Parcel {
    pub weight_g: i64,
    pub length_cm: i64,
    pub width_cm: i64,
    pub height_cm: i64,
}

/// Packaging added to the goods' weight: a box and its filling.
pub const PACKAGING_G: i64 = 100;
/// Volumetric divisor of Vietnamese carriers: L×W×H (cm) / 6000 = kg.
pub const VOLUMETRIC_DIVISOR: i64 = 6000;

impl Parcel {
    /// The weight a carrier charges: the larger of the real and the volumetric
    /// weight, in grams.
    pub fn chargeable_g(&self) -> i64 {
        let volume = self.length_cm.max(0) * self.width_cm.max(0) * self.height_cm.max(0);
        let volumetric = ceil_div(volume * 1000, VOLUMETRIC_DIVISOR);
        self.weight_g.max(volumetric)
    }
}

/// One zone's prices: fees up to each weight, then `extra_fee_vnd` for every
/// started `extra_step_g` above the last step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZonePrices {
    pub zone: Zone,
    /// `(up to grams, fee in đồng)`, rising.
    pub steps: Vec<(i64, i64)>,
    pub extra_step_g: i64,
    pub extra_fee_vnd: i64,
    pub eta_days_min: i64,
    pub eta_days_max: i64,
}

/// A per-cent fee with a floor, above a free allowance (COD, insurance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PercentFee {
    /// Amounts up to this pay nothing.
    #[serde(default)]
    pub free_up_to_vnd: i64,
    /// Hundredths of a per cent of the whole amount (50 = 0.5 %).
    #[serde(default)]
    pub basis_points: i64,
    #[serde(default)]
    pub min_vnd: i64,
}

impl PercentFee {
    pub fn fee_for(&self, amount_vnd: i64) -> i64 {
        if amount_vnd <= self.free_up_to_vnd || amount_vnd <= 0 {
            return 0;
        }
        let fee = (i128::from(amount_vnd) * i128::from(self.basis_points)).div_euclid(10_000);
        i64::try_from(fee).unwrap_or(i64::MAX).max(self.min_vnd)
    }
}

/// A carrier service's rate card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateCard {
    /// `ghn`, `ghtk`, `viettelpost`, `vnpost`.
    pub carrier: String,
    /// The service's own name in dacsan: `standard`, `express`, `economy`.
    pub service: String,
    /// What buyers read: `GHN Chuẩn`.
    pub name: String,
    /// The carrier's code for the service when booking (GHN service_type_id, VTP
    /// ORDER_SERVICE…); empty for the carrier's default.
    #[serde(default)]
    pub carrier_service_code: String,
    /// A sample card shipped with dacsan, not the carrier's contract prices.
    #[serde(default)]
    pub sample: bool,
    pub zones: Vec<ZonePrices>,
    /// Added when the delivery commune is remote.
    #[serde(default)]
    pub remote_surcharge_vnd: i64,
    #[serde(default)]
    pub remote_extra_days: i64,
    /// Remote communes by NSO code…
    #[serde(default)]
    pub remote_communes: Vec<String>,
    /// …and every rural commune (`xã`, not `phường`) of these provinces.
    #[serde(default)]
    pub remote_provinces: Vec<String>,
    #[serde(default)]
    pub cod_fee: PercentFee,
    #[serde(default)]
    pub insurance: PercentFee,
    /// Heaviest parcel the service takes.
    pub max_weight_g: i64,
}

/// What a card asks for one parcel on one route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardQuote {
    pub fee_vnd: i64,
    pub cod_fee_vnd: i64,
    pub eta_days_min: i64,
    pub eta_days_max: i64,
}

impl RateCard {
    /// Checks a card before it is stored: every zone priced, steps rising, nothing
    /// negative. Says what is wrong in words.
    pub fn check(&self) -> Result<(), Message> {
        if carriers::Carrier::parse(&self.carrier).is_none() {
            return Err(Message::from(messages::RATE_CARD_UNKNOWN_CARRIER).with("carrier", &self.carrier));
        }
        if self.service.trim().is_empty() || self.name.trim().is_empty() {
            return Err(messages::RATE_CARD_SERVICE_AND_NAME.into());
        }
        for &zone in Zone::ALL {
            let in_zone = |text| Message::from(text).with("zone", zone.as_str());
            let Some(prices) = self.zones.iter().find(|z| z.zone == zone) else {
                return Err(in_zone(messages::RATE_CARD_ZONE_WITHOUT_PRICES));
            };
            if prices.steps.is_empty() {
                return Err(in_zone(messages::RATE_CARD_ZONE_WITHOUT_STEPS));
            }
            let rising = prices.steps.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1);
            if !rising || prices.steps.iter().any(|(g, fee)| *g <= 0 || *fee < 0) {
                return Err(in_zone(messages::RATE_CARD_ZONE_STEPS_RISE));
            }
            if prices.extra_step_g <= 0 || prices.extra_fee_vnd < 0 {
                return Err(in_zone(messages::RATE_CARD_ZONE_EXTRA_STEP));
            }
            if prices.eta_days_min < 0 || prices.eta_days_max < prices.eta_days_min {
                let days = in_zone(messages::RATE_CARD_ZONE_DAYS);
                return Err(days.with("min", prices.eta_days_min).with("max", prices.eta_days_max));
            }
        }
        if self.max_weight_g <= 0 || self.remote_surcharge_vnd < 0 || self.remote_extra_days < 0 {
            return Err(messages::RATE_CARD_LIMITS.into());
        }
        Ok(())
    }

    pub fn is_remote(&self, province_code: &str, commune_code: &str) -> bool {
        self.remote_communes.iter().any(|c| c == commune_code)
            || (self.remote_provinces.iter().any(|p| p == province_code)
                && admin_units::commune(commune_code).is_some_and(|c| c.kind == "xa"))
    }

    /// The card's price for a parcel between two communes, each `(province code,
    /// commune code)`; `None` when the card does not take it (too heavy, an
    /// unknown province). Picking up in a remote commune costs the surcharge too.
    pub fn quote(
        &self,
        from: (&str, &str),
        to: (&str, &str),
        parcel: &Parcel,
        cod_vnd: i64,
        value_vnd: i64,
    ) -> Option<CardQuote> {
        let weight = parcel.chargeable_g();
        if weight > self.max_weight_g {
            return None;
        }
        let zone = zone_between(from.0, to.0)?;
        let prices = self.zones.iter().find(|z| z.zone == zone)?;
        let mut fee = step_fee(prices, weight)?;
        let (mut eta_min, mut eta_max) = (prices.eta_days_min, prices.eta_days_max);
        if self.is_remote(to.0, to.1) || self.is_remote(from.0, from.1) {
            fee += self.remote_surcharge_vnd;
            eta_min += self.remote_extra_days;
            eta_max += self.remote_extra_days;
        }
        fee = fee.checked_add(self.insurance.fee_for(value_vnd))?;
        Some(CardQuote {
            fee_vnd: fee,
            cod_fee_vnd: self.cod_fee.fee_for(cod_vnd),
            eta_days_min: eta_min,
            eta_days_max: eta_max,
        })
    }
}

/// The fee of the first step that holds the weight, or the last step plus the
/// started extra steps above it.
fn step_fee(prices: &ZonePrices, weight_g: i64) -> Option<i64> {
    if let Some((_, fee)) = prices.steps.iter().find(|(up_to, _)| weight_g <= *up_to) {
        return Some(*fee);
    }
    let (last_g, last_fee) = *prices.steps.last()?;
    let extra_steps = ceil_div(weight_g - last_g, prices.extra_step_g.max(1));
    extra_steps.checked_mul(prices.extra_fee_vnd)?.checked_add(last_fee)
}

/// `a / b` rounded up, for `a >= 0` and `b > 0` (a started step counts whole).
fn ceil_div(a: i64, b: i64) -> i64 {
    (a + b - 1) / b
}

/// The sample cards dacsan ships: shaped like the carriers' public price lists
/// (2025), marked as samples, replaced by importing the carrier's own card.
pub fn sample_cards() -> Vec<RateCard> {
    serde_json::from_str(include_str!("sample_rate_cards.json")).expect("the sample rate cards are valid JSON")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card() -> RateCard {
        sample_cards().into_iter().find(|c| c.carrier == "ghn" && c.service == "standard").unwrap()
    }

    #[test]
    fn zones_follow_the_regions() {
        assert_eq!(zone_between("12", "12"), Some(Zone::SameProvince));
        assert_eq!(zone_between("12", "01"), Some(Zone::SameRegion), "Lai Châu → Hà Nội");
        assert_eq!(zone_between("12", "48"), Some(Zone::NearRegion), "Lai Châu → Đà Nẵng");
        assert_eq!(zone_between("79", "38"), Some(Zone::NearRegion), "HCMC → Thanh Hóa");
        assert_eq!(zone_between("12", "79"), Some(Zone::Far), "Lai Châu → HCMC");
        assert_eq!(zone_between("12", "99"), None);
    }

    #[test]
    fn volumetric_weight_counts_when_larger() {
        let light_box = Parcel { weight_g: 300, length_cm: 40, width_cm: 30, height_cm: 20 };
        assert_eq!(light_box.chargeable_g(), 4000, "40×30×20/6000 = 4 kg");
        let dense = Parcel { weight_g: 5000, length_cm: 10, width_cm: 10, height_cm: 10 };
        assert_eq!(dense.chargeable_g(), 5000);
    }

    #[test]
    fn the_step_that_holds_the_weight_prices_it() {
        let prices = ZonePrices {
            zone: Zone::Far,
            steps: vec![(500, 30_000), (1000, 35_000)],
            extra_step_g: 500,
            extra_fee_vnd: 5_000,
            eta_days_min: 3,
            eta_days_max: 5,
        };
        assert_eq!(step_fee(&prices, 1), Some(30_000));
        assert_eq!(step_fee(&prices, 500), Some(30_000));
        assert_eq!(step_fee(&prices, 501), Some(35_000));
        assert_eq!(step_fee(&prices, 1001), Some(40_000), "a started step counts whole");
        assert_eq!(step_fee(&prices, 2000), Some(45_000));
    }

    #[test]
    fn remote_communes_pay_more_and_wait_longer() {
        let card = card();
        let parcel = Parcel { weight_g: 800, ..Default::default() };
        // A Hà Nội sender; buyers in a Hà Nội ward and in a rural Lai Châu commune.
        let ward = admin_units::communes_of("01").find(|c| c.kind == "phuong").unwrap();
        let hanoi = ("01", ward.code.as_str());
        let to_city = card.quote(hanoi, hanoi, &parcel, 0, 0).unwrap();
        let village = admin_units::communes_of("12").find(|c| c.kind == "xa").unwrap();
        let to_village = card.quote(hanoi, ("12", &village.code), &parcel, 0, 0).unwrap();
        assert!(card.is_remote("12", &village.code));
        let town = card.quote(hanoi, ("12", "not a commune"), &parcel, 0, 0).unwrap();
        assert_eq!(to_village.fee_vnd - card.remote_surcharge_vnd, town.fee_vnd);
        assert!(to_village.eta_days_max > to_city.eta_days_max);
    }

    #[test]
    fn cod_and_insurance_fees_follow_the_card() {
        let fee = PercentFee { free_up_to_vnd: 0, basis_points: 50, min_vnd: 10_000 };
        assert_eq!(fee.fee_for(0), 0);
        assert_eq!(fee.fee_for(500_000), 10_000, "0.5 % is 2 500: the floor applies");
        assert_eq!(fee.fee_for(4_000_000), 20_000);
        let insurance = PercentFee { free_up_to_vnd: 1_000_000, basis_points: 50, min_vnd: 0 };
        assert_eq!(insurance.fee_for(1_000_000), 0);
        assert_eq!(insurance.fee_for(3_000_000), 15_000);
    }

    #[test]
    fn too_heavy_parcels_are_not_taken() {
        let card = card();
        let parcel = Parcel { weight_g: card.max_weight_g + 1, ..Default::default() };
        assert_eq!(card.quote(("12", ""), ("01", "00004"), &parcel, 0, 0), None);
    }

    #[test]
    fn every_sample_card_holds() {
        let cards = sample_cards();
        assert!(cards.len() >= 4);
        for card in &cards {
            assert!(card.sample, "{}", card.name);
            card.check().unwrap_or_else(|e| panic!("{}: {e}", card.name));
        }
        let mut broken = card();
        broken.zones.retain(|z| z.zone != Zone::Far);
        let missing = broken.check().unwrap_err();
        assert_eq!(missing.code(), "logistics.rate_card_zone_without_prices");
        assert_eq!(missing.text(), "vùng far chưa có giá");
    }
}
