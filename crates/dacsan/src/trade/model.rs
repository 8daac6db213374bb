//! What business buyers and producers send to the trade board — a business
//! profile, a request for quotation, a quote with its price tiers, a supply offer —
//! and the checks on it. Quantities are whole units of the request's unit (grams or
//! millilitres where a unit needs decimals), prices whole đồng.

use serde::{Deserialize, Serialize};
use time::Date;

use super::messages;
use crate::catalog::ocop;
use crate::error::FieldErrors;
use crate::error::Message;
use crate::vn::{TaxCode, admin_units, phone::Phone};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    utoipa::ToSchema,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "UPPERCASE")]
#[strum(serialize_all = "UPPERCASE", ascii_case_insensitive)]
pub enum Incoterm {
    Exw,
    Fca,
    Fas,
    Fob,
    Cfr,
    Cif,
    Cpt,
    Cip,
    Dap,
    Dpu,
    Ddp,
}

impl Incoterm {
    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// What a request may ask beyond stars: each a word in forms and the API.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    utoipa::ToSchema,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Requirement {
    Vietgap,
    Organic,
    /// Traceable batches (the brand's trace records).
    Traceable,
    /// A sample first, before the order.
    SampleFirst,
}

impl Requirement {
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn all_codes() -> impl Iterator<Item = &'static str> {
        use strum::VariantArray;
        Requirement::VARIANTS.iter().map(|r| r.code())
    }

    pub fn name(self) -> (&'static str, &'static str) {
        match self {
            Requirement::Vietgap => ("VietGAP", "VietGAP"),
            Requirement::Organic => ("Hữu cơ", "Organic"),
            Requirement::Traceable => ("Truy xuất theo lô", "Traceable batches"),
            Requirement::SampleFirst => ("Gửi mẫu trước", "Sample first"),
        }
    }
}

fn text(errors: &mut FieldErrors, field: &str, value: Option<&str>, range: std::ops::RangeInclusive<usize>) -> String {
    let value = value.unwrap_or("").trim().to_string();
    let length = value.chars().count();
    if !range.contains(&length) {
        let (min, max) = (range.start(), range.end());
        if *min > 0 && length == 0 {
            errors.add(field, Message::from(messages::FIELD_REQUIRED).with("field", field));
        } else {
            errors.add(
                field,
                Message::from(messages::FIELD_LENGTH).with("field", field).with("min", min).with("max", max),
            );
        }
    }
    value
}

fn date(errors: &mut FieldErrors, field: &str, value: Option<&str>) -> Option<Date> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => {
            errors.add(field, Message::from(messages::FIELD_REQUIRED).with("field", field));
            None
        }
        Some(text) => crate::vn::parse_iso_date(text).or_else(|| {
            errors.add(field, Message::from(messages::DATE_AS_TYPED).with("text", text));
            None
        }),
    }
}

/// Whole units or đồng, from `min` to a trillion (no order is larger).
fn amount(errors: &mut FieldErrors, field: &str, value: Option<i64>, min: i64) -> i64 {
    match value {
        Some(v) if (min..=1_000_000_000_000).contains(&v) => v,
        Some(_) => {
            errors.add(field, Message::from(messages::FIELD_UP_TO_10_12).with("field", field).with("min", min));
            0
        }
        None => {
            errors.add(field, Message::from(messages::FIELD_REQUIRED).with("field", field));
            0
        }
    }
}

fn set_code(errors: &mut FieldErrors, value: Option<&str>) -> String {
    let code = value.unwrap_or("").trim();
    if !code.is_empty() && ocop::set(code).is_none() {
        errors.add("set_code", Message::from(messages::NO_OCOP_PRODUCT_SET).with("code", code));
    }
    code.to_string()
}

fn province(errors: &mut FieldErrors, field: &str, value: Option<&str>, required: bool) -> Option<String> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None if required => {
            errors.add(field, Message::from(messages::FIELD_REQUIRED).with("field", field));
            None
        }
        None => None,
        Some(code) if admin_units::province(code).is_none() => {
            errors.add(field, Message::from(messages::NO_PROVINCE).with("code", code));
            None
        }
        Some(code) => Some(code.to_string()),
    }
}

fn unit(errors: &mut FieldErrors, value: Option<&str>) -> String {
    text(errors, "unit", value, 1..=20)
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct BusinessInput {
    pub name: Option<String>,
    /// 10 digits, or 10-3 for a branch; checked as producers' tax codes are.
    pub tax_code: Option<String>,
    /// The invoice address.
    pub address: Option<String>,
    pub contact_phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidBusiness {
    pub name: String,
    pub tax_code: String,
    pub address: String,
    pub contact_phone: String,
}

impl BusinessInput {
    pub fn validate(&self) -> Result<ValidBusiness, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = text(&mut errors, "name", self.name.as_deref(), 2..=200);
        let tax_code = match TaxCode::parse(self.tax_code.as_deref().unwrap_or("").trim()) {
            Ok(code) => code.as_str().to_string(),
            Err(msg) => {
                errors.add("tax_code", Message::from(messages::TAX_CODE_REFUSED).with_message("why", msg));
                String::new()
            }
        };
        let address = text(&mut errors, "address", self.address.as_deref(), 5..=300);
        let contact_phone = match Phone::parse(self.contact_phone.as_deref().unwrap_or("")) {
            Ok(phone) => phone.e164().to_string(),
            Err(msg) => {
                errors.add("contact_phone", Message::from(messages::PHONE_REFUSED).with_message("why", msg));
                String::new()
            }
        };
        if errors.is_empty() { Ok(ValidBusiness { name, tax_code, address, contact_phone }) } else { Err(errors) }
    }
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct ExportInput {
    /// ISO 3166-1 alpha-2 (`JP`, `DE`).
    pub country: Option<String>,
    /// `EXW`, `FCA`, `FOB`, `CIF`, `DAP` …
    pub incoterm: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct RfqInput {
    pub title: Option<String>,
    /// An OCOP product set (`/api/v1/product-sets`); left out for a free-text request.
    pub set_code: Option<String>,
    pub description: Option<String>,
    /// Whole units of `unit`.
    pub quantity: Option<i64>,
    /// `kg`, `hộp`, `chai` …
    pub unit: Option<String>,
    /// Đồng per unit the buyer hopes for.
    pub target_price_vnd: Option<i64>,
    pub deliver_province_code: Option<String>,
    pub deliver_commune_code: Option<String>,
    /// Only producers of this province.
    pub from_province_code: Option<String>,
    /// `YYYY-MM-DD`, not in the past.
    pub needed_by: Option<String>,
    /// 3, 4 or 5.
    pub min_ocop_stars: Option<i64>,
    /// `vietgap`, `organic`, `traceable`, `sample_first`.
    #[serde(default)]
    pub requirements: Vec<String>,
    pub export: Option<ExportInput>,
    /// The supply offer this request answers.
    pub offer_id: Option<i64>,
    /// Posted by an officer for a business met at a fair (officers of the fair's
    /// province only); the business claims it later by its tax code.
    pub fair_lead: Option<FairLeadInput>,
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FairLeadInput {
    pub fair_id: Option<i64>,
    /// The business's name.
    pub name: Option<String>,
    pub phone: Option<String>,
    /// Lets the business claim the request once it has a business profile.
    pub tax_code: Option<String>,
}

/// A fair lead once its fields hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FairLead {
    pub fair_id: i64,
    pub name: String,
    /// E.164.
    pub phone: String,
    pub tax_code: Option<String>,
}

fn fair_lead(errors: &mut FieldErrors, input: &FairLeadInput) -> Option<FairLead> {
    let fair_id = input.fair_id.filter(|id| *id > 0);
    if fair_id.is_none() {
        errors.add("fair_lead.fair_id", messages::THE_FAIR_IS_REQUIRED);
    }
    let name = text(errors, "fair_lead.name", input.name.as_deref(), 2..=200);
    let phone = match Phone::parse(input.phone.as_deref().unwrap_or("")) {
        Ok(phone) => Some(phone.e164().to_string()),
        Err(msg) => {
            errors.add("fair_lead.phone", Message::from(messages::PHONE_REFUSED).with_message("why", msg));
            None
        }
    };
    let tax_code = match input.tax_code.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => None,
        Some(typed) => match TaxCode::parse(typed) {
            Ok(code) => Some(code.as_str().to_string()),
            Err(msg) => {
                errors.add("fair_lead.tax_code", Message::from(messages::TAX_CODE_REFUSED).with_message("why", msg));
                None
            }
        },
    };
    Some(FairLead { fair_id: fair_id?, name, phone: phone?, tax_code })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRfq {
    pub title: String,
    pub set_code: String,
    pub description: String,
    pub quantity: i64,
    pub unit: String,
    pub target_price_vnd: Option<i64>,
    pub deliver_province_code: String,
    pub deliver_commune_code: Option<String>,
    pub from_province_code: Option<String>,
    pub needed_by: Date,
    pub min_ocop_stars: i64,
    pub requirements: Vec<Requirement>,
    pub export: Option<(String, Incoterm)>,
    pub offer_id: Option<i64>,
    pub fair_lead: Option<FairLead>,
}

impl RfqInput {
    pub fn validate(&self, today: Date) -> Result<ValidRfq, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = text(&mut errors, "title", self.title.as_deref(), 3..=200);
        let set_code = set_code(&mut errors, self.set_code.as_deref());
        let description = text(&mut errors, "description", self.description.as_deref(), 0..=5_000);
        if set_code.is_empty() && description.is_empty() {
            errors.add("description", messages::CHOOSE_A_PRODUCT_SET_OR_DESCRIBE);
        }
        let quantity = amount(&mut errors, "quantity", self.quantity, 1);
        let unit = unit(&mut errors, self.unit.as_deref());
        let target_price_vnd = self.target_price_vnd.map(|p| amount(&mut errors, "target_price_vnd", Some(p), 0));
        let deliver_province_code =
            province(&mut errors, "deliver_province_code", self.deliver_province_code.as_deref(), true);
        let deliver_commune_code = match self.deliver_commune_code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            None => None,
            Some(code) => match deliver_province_code.as_deref() {
                Some(p) if admin_units::commune_in(p, code).is_some() => Some(code.to_string()),
                Some(_) => {
                    errors.add(
                        "deliver_commune_code",
                        Message::from(messages::COMMUNE_NOT_IN_THAT_PROVINCE).with("code", code),
                    );
                    None
                }
                None => None,
            },
        };
        let from_province_code = province(&mut errors, "from_province_code", self.from_province_code.as_deref(), false);
        let needed_by = date(&mut errors, "needed_by", self.needed_by.as_deref());
        if needed_by.is_some_and(|d| d < today) {
            errors.add("needed_by", messages::DATE_NEEDED_IN_THE_PAST);
        }
        let min_ocop_stars = match self.min_ocop_stars {
            None | Some(0) => 0,
            Some(s @ 3..=5) => s,
            Some(_) => {
                errors.add("min_ocop_stars", messages::MIN_OCOP_STARS_3_4_OR_5);
                0
            }
        };
        let mut requirements = Vec::new();
        for (i, word) in self.requirements.iter().enumerate() {
            match word.trim().parse::<Requirement>() {
                Ok(r) if !requirements.contains(&r) => requirements.push(r),
                Ok(_) => {}
                Err(_) => errors
                    .add(&format!("requirements[{i}]"), Message::from(messages::REQUIREMENT_ONE_OF).with("word", word)),
            }
        }
        let export = self.export.as_ref().and_then(|e| export(&mut errors, e));
        let fair_lead = self.fair_lead.as_ref().and_then(|lead| fair_lead(&mut errors, lead));
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidRfq {
            title,
            set_code,
            description,
            quantity,
            unit,
            target_price_vnd,
            deliver_province_code: deliver_province_code.unwrap_or_default(),
            deliver_commune_code,
            from_province_code,
            needed_by: needed_by.expect("checked above"),
            min_ocop_stars,
            requirements,
            export,
            offer_id: self.offer_id,
            fair_lead,
        })
    }
}

fn export(errors: &mut FieldErrors, input: &ExportInput) -> Option<(String, Incoterm)> {
    let country = input.country.as_deref().unwrap_or("").trim().to_ascii_uppercase();
    let country_ok = crate::catalog::export::is_export_country(&country);
    if !country_ok {
        errors.add("export.country", messages::EXPORT_COUNTRY_CODE);
    }
    let incoterm = incoterm(errors, "export.incoterm", input.incoterm.as_deref(), true);
    match (country_ok, incoterm) {
        (true, Some(term)) => Some((country, term)),
        _ => None,
    }
}

fn incoterm(errors: &mut FieldErrors, field: &str, value: Option<&str>, required: bool) -> Option<Incoterm> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None if required => {
            errors.add(field, Message::from(messages::FIELD_REQUIRED).with("field", field));
            None
        }
        None => None,
        Some(text) => text.parse().ok().or_else(|| {
            errors.add(field, Message::from(messages::NOT_AN_INCOTERM).with("text", text));
            None
        }),
    }
}

/// One price break: from `min_quantity` units on, `unit_price_vnd` a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Tier {
    pub min_quantity: i64,
    pub unit_price_vnd: i64,
}

/// The unit price for `quantity`: the last tier it reaches; `None` below the first.
pub fn price_for(tiers: &[Tier], quantity: i64) -> Option<i64> {
    tiers.iter().rev().find(|t| t.min_quantity <= quantity).map(|t| t.unit_price_vnd)
}

pub const MAX_TIERS: usize = 10;
/// Files a seller may attach to one quote.
pub const MAX_ATTACHMENTS: i64 = 5;
/// The heaviest unit a quote may weigh for carriers: a tonne.
const MAX_UNIT_WEIGHT_G: i64 = 1_000_000;

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct QuoteInput {
    pub producer_id: Option<i64>,
    /// The producer's product the quote is for; the producer's best match for the
    /// request when left out.
    pub product_id: Option<i64>,
    /// Increasing in quantity; the first from the MOQ or below.
    #[serde(default)]
    pub tiers: Vec<Tier>,
    /// Minimum order quantity, in the request's unit.
    pub moq: Option<i64>,
    /// `10 kg bag`, `carton of 24`.
    pub pack_size: Option<String>,
    pub lead_days: Option<i64>,
    /// `YYYY-MM-DD`: the last day the quote may be accepted.
    pub valid_until: Option<String>,
    /// Part of the total paid by VietQR before work starts, 0–100.
    pub deposit_pct: Option<i64>,
    /// Delivery to the request's address, đồng (0: included).
    pub delivery_vnd: Option<i64>,
    /// Delivery left to the carriers' prices, for parcels of this many grams a unit
    /// of the request: priced (and booked) when the quote is accepted, for the
    /// accepted quantity. Not with `delivery_vnd`.
    pub carrier_unit_weight_g: Option<i64>,
    pub sample_price_vnd: Option<i64>,
    pub incoterm: Option<String>,
    pub port: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidQuote {
    pub producer_id: i64,
    pub product_id: Option<i64>,
    pub tiers: Vec<Tier>,
    pub moq: i64,
    pub pack_size: String,
    pub lead_days: i64,
    pub valid_until: Date,
    pub deposit_pct: i64,
    pub delivery_vnd: i64,
    pub carrier_unit_weight_g: Option<i64>,
    pub sample_price_vnd: Option<i64>,
    pub incoterm: Option<Incoterm>,
    pub port: String,
    pub notes: String,
}

impl QuoteInput {
    pub fn validate(&self, today: Date) -> Result<ValidQuote, FieldErrors> {
        let mut errors = FieldErrors::default();
        let producer_id = amount(&mut errors, "producer_id", self.producer_id, 1);
        let moq = amount(&mut errors, "moq", self.moq, 1);
        check_tiers(&mut errors, &self.tiers, moq);
        let pack_size = text(&mut errors, "pack_size", self.pack_size.as_deref(), 0..=100);
        let lead_days = match self.lead_days {
            Some(d @ 0..=365) => d,
            Some(_) => {
                errors.add("lead_days", messages::LEAD_DAYS_0_TO_365);
                0
            }
            None => {
                errors.add("lead_days", messages::LEAD_DAYS_REQUIRED);
                0
            }
        };
        let valid_until = date(&mut errors, "valid_until", self.valid_until.as_deref());
        if valid_until.is_some_and(|d| d < today) {
            errors.add("valid_until", messages::VALIDITY_DATE_IN_THE_PAST);
        }
        let deposit_pct = match self.deposit_pct {
            None => 0,
            Some(p @ 0..=100) => p,
            Some(_) => {
                errors.add("deposit_pct", messages::DEPOSIT_0_TO_100_PERCENT);
                0
            }
        };
        let delivery_vnd = self.delivery_vnd.map_or(0, |v| amount(&mut errors, "delivery_vnd", Some(v), 0));
        let carrier_unit_weight_g = match self.carrier_unit_weight_g {
            None => None,
            Some(_) if delivery_vnd > 0 => {
                errors.add("carrier_unit_weight_g", messages::DELIVERY_PRICE_OR_CARRIERS);
                None
            }
            Some(g @ 1..=MAX_UNIT_WEIGHT_G) => Some(g),
            Some(_) => {
                errors.add("carrier_unit_weight_g", messages::UNIT_WEIGHT_1_G_TO_1_TONNE);
                None
            }
        };
        let sample_price_vnd = self.sample_price_vnd.map(|v| amount(&mut errors, "sample_price_vnd", Some(v), 0));
        let incoterm = incoterm(&mut errors, "incoterm", self.incoterm.as_deref(), false);
        let port = text(&mut errors, "port", self.port.as_deref(), 0..=100);
        let notes = text(&mut errors, "notes", self.notes.as_deref(), 0..=5_000);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidQuote {
            producer_id,
            product_id: self.product_id,
            tiers: self.tiers.clone(),
            moq,
            pack_size,
            lead_days,
            valid_until: valid_until.expect("checked above"),
            deposit_pct,
            delivery_vnd,
            carrier_unit_weight_g,
            sample_price_vnd,
            incoterm,
            port,
            notes,
        })
    }
}

/// Tiers: one to ten, increasing in quantity, prices in đồng, and the MOQ priced.
fn check_tiers(errors: &mut FieldErrors, tiers: &[Tier], moq: i64) {
    if tiers.is_empty() || tiers.len() > MAX_TIERS {
        errors.add("tiers", Message::from(messages::PRICE_TIERS_1_TO_MAX).with("max_tiers", MAX_TIERS));
        return;
    }
    for (i, tier) in tiers.iter().enumerate() {
        if !(1..=1_000_000_000_000).contains(&tier.min_quantity) {
            errors.add(&format!("tiers[{i}].min_quantity"), messages::NUMBER_1_TO_10_12);
        }
        if !(0..=1_000_000_000_000).contains(&tier.unit_price_vnd) {
            errors.add(&format!("tiers[{i}].unit_price_vnd"), messages::DONG_0_TO_10_12);
        }
        if i > 0 && tier.min_quantity <= tiers[i - 1].min_quantity {
            errors.add(&format!("tiers[{i}].min_quantity"), messages::TIERS_MUST_INCREASE_IN_QUANTITY);
        }
    }
    if moq > 0 && tiers[0].min_quantity > moq {
        errors.add("tiers[0].min_quantity", messages::FIRST_TIER_AT_MOQ);
    }
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct OfferInput {
    pub producer_id: Option<i64>,
    /// One of the producer's products, when the offer is of one.
    pub product_id: Option<i64>,
    pub set_code: Option<String>,
    pub title: Option<String>,
    pub quantity: Option<i64>,
    pub unit: Option<String>,
    pub unit_price_vnd: Option<i64>,
    pub min_quantity: Option<i64>,
    /// `YYYY-MM-DD`: the harvest, or when the goods are ready.
    pub available_from: Option<String>,
    pub available_until: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidOffer {
    pub producer_id: i64,
    pub product_id: Option<i64>,
    pub set_code: String,
    pub title: String,
    pub quantity: i64,
    pub unit: String,
    pub unit_price_vnd: i64,
    pub min_quantity: i64,
    pub available_from: Date,
    pub available_until: Option<Date>,
    pub notes: String,
}

impl OfferInput {
    pub fn validate(&self) -> Result<ValidOffer, FieldErrors> {
        let mut errors = FieldErrors::default();
        let producer_id = amount(&mut errors, "producer_id", self.producer_id, 1);
        let set_code = set_code(&mut errors, self.set_code.as_deref());
        if set_code.is_empty() {
            errors.add("set_code", messages::SET_CODE_REQUIRED);
        }
        let title = text(&mut errors, "title", self.title.as_deref(), 3..=200);
        let quantity = amount(&mut errors, "quantity", self.quantity, 1);
        let unit = unit(&mut errors, self.unit.as_deref());
        let unit_price_vnd = amount(&mut errors, "unit_price_vnd", self.unit_price_vnd, 0);
        let min_quantity = self.min_quantity.map_or(1, |m| amount(&mut errors, "min_quantity", Some(m), 1));
        if min_quantity > quantity && quantity > 0 {
            errors.add("min_quantity", messages::NOT_ABOVE_THE_QUANTITY_OFFERED);
        }
        let available_from = date(&mut errors, "available_from", self.available_from.as_deref());
        let available_until = match self.available_until.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            None => None,
            some => date(&mut errors, "available_until", some),
        };
        if let (Some(from), Some(until)) = (available_from, available_until)
            && until < from
        {
            errors.add("available_until", messages::BEFORE_THE_START);
        }
        let notes = text(&mut errors, "notes", self.notes.as_deref(), 0..=2_000);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidOffer {
            producer_id,
            product_id: self.product_id,
            set_code,
            title,
            quantity,
            unit,
            unit_price_vnd,
            min_quantity,
            available_from: available_from.expect("checked above"),
            available_until,
            notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier(min_quantity: i64, unit_price_vnd: i64) -> Tier {
        Tier { min_quantity, unit_price_vnd }
    }

    #[test]
    fn the_price_is_the_last_tier_the_quantity_reaches() {
        let tiers = [tier(100, 380_000), tier(500, 350_000), tier(2_000, 320_000)];
        assert_eq!(price_for(&tiers, 99), None);
        assert_eq!(price_for(&tiers, 100), Some(380_000));
        assert_eq!(price_for(&tiers, 499), Some(380_000));
        assert_eq!(price_for(&tiers, 500), Some(350_000));
        assert_eq!(price_for(&tiers, 2_000), Some(320_000));
    }

    fn quote(tiers: Vec<Tier>, moq: i64) -> QuoteInput {
        QuoteInput {
            producer_id: Some(1),
            tiers,
            moq: Some(moq),
            lead_days: Some(10),
            valid_until: Some("2027-01-31".into()),
            ..Default::default()
        }
    }

    #[test]
    fn tiers_must_increase_and_price_the_moq() {
        let today = Date::from_calendar_date(2027, time::Month::January, 1).unwrap();
        assert!(quote(vec![tier(100, 380_000), tier(500, 350_000)], 100).validate(today).is_ok());
        let errors = quote(vec![tier(500, 350_000), tier(100, 380_000)], 500).validate(today).unwrap_err();
        assert!(errors.get("tiers[1].min_quantity").is_some());
        let errors = quote(vec![tier(200, 380_000)], 100).validate(today).unwrap_err();
        assert!(errors.get("tiers[0].min_quantity").is_some());
        let errors = quote(vec![], 100).validate(today).unwrap_err();
        assert!(errors.get("tiers").is_some());
    }

    #[test]
    fn a_quote_valid_until_yesterday_is_refused() {
        let today = Date::from_calendar_date(2027, time::Month::February, 1).unwrap();
        let errors = quote(vec![tier(1, 1_000)], 1).validate(today).unwrap_err();
        assert!(errors.get("valid_until").is_some());
    }

    #[test]
    fn incoterms_parse_in_any_case() {
        assert_eq!("fob".parse::<Incoterm>().ok(), Some(Incoterm::Fob));
        assert_eq!(Incoterm::Dap.code(), "DAP");
        assert!("FOO".parse::<Incoterm>().is_err());
    }

    #[test]
    fn an_rfq_needs_a_set_or_a_description() {
        let today = Date::from_calendar_date(2027, time::Month::January, 1).unwrap();
        let input = RfqInput {
            title: Some("Chè Shan tuyết".into()),
            quantity: Some(2_000),
            unit: Some("kg".into()),
            deliver_province_code: Some("01".into()),
            needed_by: Some("2027-03-01".into()),
            ..Default::default()
        };
        assert!(input.validate(today).unwrap_err().get("description").is_some());
        let with_set = RfqInput { set_code: Some(ocop::sets()[0].code.clone()), ..input };
        assert!(with_set.validate(today).is_ok());
    }
}
