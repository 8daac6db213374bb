//! A product and its rules: names, OCOP certificate (an expired one shows as
//! expired, not as stars), price in đồng, unit, weight, stock, codes and status.

use serde::{Deserialize, Serialize};
use time::Date;

use super::export::{self, ExportFacts};
use super::messages;
use super::ocop;
use super::wholesale::{self, PriceBreak};
use crate::error::{FieldErrors, Message};
use crate::vn::money::{MAX_PRICE, Vnd};
use crate::vn::{admin_units, text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum ProductStatus {
    Draft,
    Active,
    Archived,
}

impl ProductStatus {
    pub fn parse(value: &str) -> Option<ProductStatus> {
        value.parse().ok()
    }

    /// The i18n key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            ProductStatus::Draft => "status_draft",
            ProductStatus::Active => "status_active",
            ProductStatus::Archived => "status_archived",
        }
    }

    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// An OCOP certificate: stars with the decision that granted them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ocop {
    pub stars: u8,
    pub certificate_no: String,
    pub authority: String,
    pub certified_on: Date,
    pub expires_on: Date,
}

impl Ocop {
    pub fn is_valid_on(&self, day: Date) -> bool {
        day >= self.certified_on && day <= self.expires_on
    }
}

/// A product's packed size in whole centimetres, as carriers measure a parcel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct PackageSize {
    pub length_cm: i64,
    pub width_cm: i64,
    pub height_cm: i64,
}

/// The longest side carriers take for a parcel of goods.
pub const MAX_PACKAGE_CM: i64 = 200;

impl PackageSize {
    pub fn volume_cm3(&self) -> i64 {
        self.length_cm * self.width_cm * self.height_cm
    }

    /// All three sides from 1 to [`MAX_PACKAGE_CM`]; all zero clears the size
    /// (`Ok(None)`).
    pub fn checked(self) -> Result<Option<PackageSize>, Message> {
        let sides = [self.length_cm, self.width_cm, self.height_cm];
        if sides == [0, 0, 0] {
            return Ok(None);
        }
        if sides.iter().all(|s| (1..=MAX_PACKAGE_CM).contains(s)) {
            Ok(Some(self))
        } else {
            Err(Message::from(messages::PACKAGE_SIDES).with("max", MAX_PACKAGE_CM))
        }
    }
}

#[derive(Debug, Clone)]
pub struct Product {
    pub id: i64,
    pub slug: String,
    pub producer_id: i64,
    pub name: String,
    pub name_en: String,
    pub set_code: String,
    pub ocop: Option<Ocop>,
    pub price: Vnd,
    pub unit: String,
    pub weight_g: i64,
    /// Packed size; `None` when not measured (the weight alone prices delivery).
    pub package: Option<PackageSize>,
    pub stock: i64,
    pub sku: Option<String>,
    pub gtin: Option<String>,
    pub description: String,
    /// The description for English pages (Markdown); empty: the Vietnamese one.
    pub description_en: String,
    /// The unit for English pages; empty: the Vietnamese one.
    pub unit_en: String,
    pub export: ExportFacts,
    pub origin_commune_code: String,
    pub status: ProductStatus,
    pub sold_count: i64,
    /// Price breaks for business buyers; empty when the product is sold retail only.
    pub wholesale: Vec<PriceBreak>,
    pub created_at: String,
    pub updated_at: String,
    /// First photo: (full, card thumbnail) media ids.
    pub cover: Option<(i64, i64)>,
}

impl Product {
    /// Stars to show today: `None` when there is no certificate or it has expired.
    pub fn valid_stars(&self, today: Date) -> Option<u8> {
        self.ocop.as_ref().filter(|o| o.is_valid_on(today)).map(|o| o.stars)
    }

    pub fn has_expired_certificate(&self, today: Date) -> bool {
        self.ocop.as_ref().is_some_and(|o| today > o.expires_on)
    }

    pub fn card_image_url(&self) -> Option<String> {
        self.cover.map(|(_, thumb)| format!("/media/{thumb}"))
    }

    pub fn origin_province_code(&self) -> &str {
        admin_units::commune(&self.origin_commune_code).map(|c| c.province_code.as_str()).unwrap_or("")
    }

    /// The name in the reader's language, Vietnamese when there is no English one.
    pub fn display_name(&self, english: bool) -> &str {
        if english && !self.name_en.is_empty() { &self.name_en } else { &self.name }
    }

    pub fn display_unit(&self, english: bool) -> &str {
        if english && !self.unit_en.is_empty() { &self.unit_en } else { &self.unit }
    }

    pub fn display_description(&self, english: bool) -> &str {
        if english && !self.description_en.is_empty() { &self.description_en } else { &self.description }
    }
}

/// Product fields as sent by a form or the API. Every field is optional so that one
/// type serves creation (missing = error or default) and `PATCH` (missing = keep).
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductInput {
    pub producer_id: Option<i64>,
    pub slug: Option<String>,
    pub name: Option<String>,
    pub name_en: Option<String>,
    /// OCOP product set code (see `GET /api/v1/ocop/sets`).
    pub set_code: Option<String>,
    /// 0 or null for none, else 3, 4 or 5.
    pub ocop_stars: Option<u8>,
    pub ocop_certificate_no: Option<String>,
    pub ocop_authority: Option<String>,
    /// `YYYY-MM-DD`
    pub ocop_certified_on: Option<String>,
    /// `YYYY-MM-DD`
    pub ocop_expires_on: Option<String>,
    pub price_vnd: Option<i64>,
    pub unit: Option<String>,
    pub weight_g: Option<i64>,
    /// Packed size in cm; all three 0 clears it.
    pub package_cm: Option<PackageSize>,
    pub stock: Option<i64>,
    pub sku: Option<String>,
    pub gtin: Option<String>,
    /// Markdown.
    pub description: Option<String>,
    /// Markdown, for English pages.
    pub description_en: Option<String>,
    /// The unit for English pages, e.g. `box of 500 g`.
    pub unit_en: Option<String>,
    /// For export: 6, 8 or 10 digits (dots allowed, `0902.30.10`); `""` clears it.
    /// `GET /api/v1/ocop/sets` suggests the heading of each set.
    pub hs_code: Option<String>,
    /// Days; 0 clears it.
    pub shelf_life_days: Option<i64>,
    /// E.g. `["VietGAP", "HACCP", "Organic (EU)"]`.
    pub certifications: Option<Vec<String>>,
    /// ISO 3166 two-letter codes of the countries the product is sold to.
    pub export_markets: Option<Vec<String>>,
    pub origin_commune_code: Option<String>,
    /// `draft`, `active` or `archived`.
    pub status: Option<String>,
    /// Price breaks for business buyers, quantities rising and prices falling; the
    /// first quantity is the business minimum. `[]` removes them.
    pub wholesale_breaks: Option<Vec<PriceBreak>>,
}

/// A product's fields once every rule holds.
#[derive(Debug, Clone)]
pub struct ValidProduct {
    pub producer_id: i64,
    pub slug: String,
    pub name: String,
    pub name_en: String,
    pub set_code: String,
    pub ocop: Option<Ocop>,
    pub price: Vnd,
    pub unit: String,
    pub weight_g: i64,
    pub package: Option<PackageSize>,
    pub stock: i64,
    pub sku: Option<String>,
    pub gtin: Option<String>,
    pub description: String,
    pub description_en: String,
    pub unit_en: String,
    pub export: ExportFacts,
    pub origin_commune_code: String,
    pub status: ProductStatus,
    pub wholesale: Vec<PriceBreak>,
}

const MAX_STOCK: i64 = 10_000_000;
const MAX_WEIGHT_G: i64 = 1_000_000;

use crate::vn::parse_iso_date as parse_date;

fn trimmed(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_string())
}

/// `Some("")` means "clear it" on update; `None` means "keep what there was".
fn optional_text(new: Option<String>, old: Option<&Option<String>>) -> Option<String> {
    match trimmed(new) {
        Some(v) if v.is_empty() => None,
        Some(v) => Some(v),
        None => old.cloned().flatten(),
    }
}

impl ProductInput {
    /// Checks every field, taking what is missing from `existing` (for updates).
    /// `producer_commune` is the default origin of a new product.
    pub fn validate(self, existing: Option<&Product>, producer_commune: &str) -> Result<ValidProduct, FieldErrors> {
        let mut errors = FieldErrors::default();
        let ocop_fields = self_ocop_fields(&self);
        let producer_id = self.producer_id.or(existing.map(|p| p.producer_id)).unwrap_or(0);
        if producer_id <= 0 {
            errors.add("producer_id", messages::REQUIRED);
        }
        let name = trimmed(self.name).or_else(|| existing.map(|p| p.name.clone())).unwrap_or_default();
        if !(2..=200).contains(&name.chars().count()) {
            errors.add("name", messages::NAME_2_TO_200_CHARACTERS);
        }
        let name_en = trimmed(self.name_en).or_else(|| existing.map(|p| p.name_en.clone())).unwrap_or_default();
        if name_en.chars().count() > 200 {
            errors.add("name_en", messages::AT_MOST_200_CHARACTERS);
        }
        let slug = match trimmed(self.slug).filter(|s| !s.is_empty()) {
            Some(s) => text::slugify(&s),
            None => existing.map(|p| p.slug.clone()).unwrap_or_else(|| text::slugify(&name)),
        };
        if slug.len() < 2 {
            errors.add("slug", messages::AT_LEAST_2_LETTERS_OR_DIGITS);
        }
        let set_code = trimmed(self.set_code).or_else(|| existing.map(|p| p.set_code.clone())).unwrap_or_default();
        if ocop::set(&set_code).is_none() {
            errors.add("set_code", messages::NOT_AN_OCOP_PRODUCT_SET_CODE);
        }
        let ocop = validate_ocop(&ocop_fields, existing.and_then(|p| p.ocop.as_ref()), &mut errors);

        let price = self.price_vnd.map(Vnd).or(existing.map(|p| p.price)).unwrap_or(Vnd(0));
        if price.0 < 0 || price > MAX_PRICE {
            errors.add("price_vnd", messages::PRICE_0_TO_10_BILLION);
        }
        let unit = trimmed(self.unit).or_else(|| existing.map(|p| p.unit.clone())).unwrap_or_default();
        if unit.is_empty() || unit.chars().count() > 50 {
            errors.add("unit", messages::UNIT_REQUIRED);
        }
        let weight_g = self.weight_g.or(existing.map(|p| p.weight_g)).unwrap_or(0);
        if !(0..=MAX_WEIGHT_G).contains(&weight_g) {
            errors.add("weight_g", messages::WEIGHT_0_TO_1_MILLION_GRAMS);
        }
        let package = match self.package_cm.map(PackageSize::checked) {
            None => existing.and_then(|p| p.package),
            Some(Ok(size)) => size,
            Some(Err(why)) => {
                errors.add("package_cm", why);
                None
            }
        };
        let stock = self.stock.or(existing.map(|p| p.stock)).unwrap_or(0);
        if !(0..=MAX_STOCK).contains(&stock) {
            errors.add("stock", messages::STOCK_0_TO_10_MILLION);
        }
        let sku = optional_text(self.sku, existing.map(|p| &p.sku));
        if sku
            .as_ref()
            .is_some_and(|s| s.len() > 64 || !s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c)))
        {
            errors.add("sku", messages::SKU_CHARACTERS);
        }
        let gtin = match optional_text(self.gtin, existing.map(|p| &p.gtin)) {
            Some(g) => match gs1::Gtin::parse(&g) {
                Ok(gtin) => Some(gtin.to_string()),
                Err(e) => {
                    errors.add("gtin", crate::gs1_keys::refusal("GTIN", &e));
                    None
                }
            },
            None => None,
        };
        let description = self.description.or_else(|| existing.map(|p| p.description.clone())).unwrap_or_default();
        if description.chars().count() > 20_000 {
            errors.add("description", messages::AT_MOST_20_000_CHARACTERS);
        }
        let description_en =
            self.description_en.or_else(|| existing.map(|p| p.description_en.clone())).unwrap_or_default();
        if description_en.chars().count() > 20_000 {
            errors.add("description_en", messages::AT_MOST_20_000_CHARACTERS);
        }
        let unit_en = trimmed(self.unit_en).or_else(|| existing.map(|p| p.unit_en.clone())).unwrap_or_default();
        if unit_en.chars().count() > 50 {
            errors.add("unit_en", messages::AT_MOST_50_CHARACTERS);
        }
        let old = existing.map(|p| &p.export);
        let hs = self.hs_code.or_else(|| old.and_then(|e| e.hs_code.clone()));
        let shelf_life = match self.shelf_life_days {
            Some(0) => None,
            Some(days) => Some(days),
            None => old.and_then(|e| e.shelf_life_days),
        };
        let certifications = self.certifications.or_else(|| old.map(|e| e.certifications.clone())).unwrap_or_default();
        let markets = self.export_markets.or_else(|| old.map(|e| e.markets.clone())).unwrap_or_default();
        let export = export::validate(hs.as_deref(), shelf_life, &certifications, &markets, &mut errors);
        let origin_commune_code = trimmed(self.origin_commune_code)
            .filter(|c| !c.is_empty())
            .or_else(|| existing.map(|p| p.origin_commune_code.clone()))
            .unwrap_or_else(|| producer_commune.to_string());
        if admin_units::commune(&origin_commune_code).is_none() {
            errors.add("origin_commune_code", messages::UNKNOWN_COMMUNE_CODE);
        }
        let status = match trimmed(self.status) {
            Some(s) => ProductStatus::parse(&s).unwrap_or_else(|| {
                errors.add("status", messages::ONE_OF_DRAFT_ACTIVE_ARCHIVED);
                ProductStatus::Draft
            }),
            None => existing.map(|p| p.status).unwrap_or(ProductStatus::Draft),
        };
        if status == ProductStatus::Active {
            if price.0 <= 0 && errors.get("price_vnd").is_none() {
                errors.add("price_vnd", messages::ON_SALE_NEEDS_A_PRICE);
            }
            if weight_g <= 0 && errors.get("weight_g").is_none() {
                errors.add("weight_g", messages::WEIGHT_NEEDED_FOR_SHIPPING);
            }
        }
        let wholesale = self.wholesale_breaks.or_else(|| existing.map(|p| p.wholesale.clone())).unwrap_or_default();
        if errors.get("price_vnd").is_none() {
            wholesale::validate(&wholesale, price, &mut errors);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidProduct {
            producer_id,
            slug,
            name,
            name_en,
            set_code,
            ocop,
            price,
            unit,
            weight_g,
            package,
            stock,
            sku,
            gtin,
            description,
            description_en,
            unit_en,
            export,
            origin_commune_code,
            status,
            wholesale,
        })
    }
}

struct OcopFields {
    stars: Option<u8>,
    certificate_no: Option<String>,
    authority: Option<String>,
    certified_on: Option<String>,
    expires_on: Option<String>,
}

fn self_ocop_fields(input: &ProductInput) -> OcopFields {
    OcopFields {
        stars: input.ocop_stars,
        certificate_no: trimmed(input.ocop_certificate_no.clone()),
        authority: trimmed(input.ocop_authority.clone()),
        certified_on: trimmed(input.ocop_certified_on.clone()),
        expires_on: trimmed(input.ocop_expires_on.clone()),
    }
}

/// Stars need the whole certificate: number, authority, issue and expiry dates.
fn validate_ocop(new: &OcopFields, old: Option<&Ocop>, errors: &mut FieldErrors) -> Option<Ocop> {
    let stars = new.stars.or(old.map(|o| o.stars)).unwrap_or(0);
    if stars == 0 {
        return None;
    }
    if !matches!(stars, 3..=5) {
        errors.add("ocop_stars", messages::OCOP_STARS_0_3_4_OR_5);
        return None;
    }
    let text = |new: &Option<String>, old: Option<String>, field: &str, errors: &mut FieldErrors| {
        let value = new.clone().filter(|v| !v.is_empty()).or(old).unwrap_or_default();
        if value.is_empty() || value.chars().count() > 200 {
            errors.add(field, messages::REQUIRED_WITH_OCOP_STARS);
        }
        value
    };
    let certificate_no =
        text(&new.certificate_no, old.map(|o| o.certificate_no.clone()), "ocop_certificate_no", errors);
    let authority = text(&new.authority, old.map(|o| o.authority.clone()), "ocop_authority", errors);
    let date = |new: &Option<String>, old: Option<Date>, field: &str, errors: &mut FieldErrors| match new {
        Some(v) if !v.is_empty() => parse_date(v).or_else(|| {
            errors.add(field, messages::A_DATE_AS_YYYY_MM_DD);
            None
        }),
        _ => old.or_else(|| {
            errors.add(field, messages::REQUIRED_WITH_OCOP_STARS);
            None
        }),
    };
    let certified_on = date(&new.certified_on, old.map(|o| o.certified_on), "ocop_certified_on", errors);
    let expires_on = date(&new.expires_on, old.map(|o| o.expires_on), "ocop_expires_on", errors);
    let (certified_on, expires_on) = (certified_on?, expires_on?);
    if expires_on <= certified_on {
        errors.add("ocop_expires_on", messages::MUST_BE_AFTER_THE_ISSUE_DATE);
        return None;
    }
    Some(Ocop { stars, certificate_no, authority, certified_on, expires_on })
}

/// What a province's OCOP registry says of a product: the fields a registry
/// import writes (`programme::registry`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryFields {
    pub set_code: String,
    pub registry_class: Option<String>,
    pub ecommerce_eligible: bool,
    pub ocop_stars: i64,
    pub ocop_certificate_no: Option<String>,
    pub ocop_authority: Option<String>,
    pub ocop_certified_on: Option<String>,
    pub ocop_expires_on: Option<String>,
}

/// A product as a registry import finds it.
#[derive(Debug, Clone)]
pub struct RegisteredProduct {
    pub id: i64,
    pub producer_id: i64,
    pub name: String,
    pub fields: RegistryFields,
}

/// A product a registry import adds, as a draft its producer completes.
#[derive(Debug, Clone)]
pub struct NewRegisteredProduct<'a> {
    pub slug: &'a str,
    pub producer_id: i64,
    pub name: &'a str,
    pub price_vnd: i64,
    pub unit: &'a str,
    pub origin_commune_code: &'a str,
    pub fields: &'a RegistryFields,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn input() -> ProductInput {
        ProductInput {
            producer_id: Some(1),
            name: Some("Chè Shan tuyết Sìn Hồ".into()),
            set_code: Some(ocop::sets()[0].code.clone()),
            price_vnd: Some(250_000),
            unit: Some("hộp 500 g".into()),
            weight_g: Some(550),
            stock: Some(20),
            status: Some("active".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_product_is_valid() {
        let p = input().validate(None, "03478").unwrap();
        assert_eq!(p.slug, "che-shan-tuyet-sin-ho");
        assert_eq!(p.origin_commune_code, "03478");
        assert_eq!(p.ocop, None);
    }

    #[test]
    fn stars_need_a_whole_certificate() {
        let errors = ProductInput { ocop_stars: Some(4), ..input() }.validate(None, "03478").unwrap_err();
        for field in ["ocop_certificate_no", "ocop_authority", "ocop_certified_on", "ocop_expires_on"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let errors = ProductInput { ocop_stars: Some(2), ..input() }.validate(None, "03478").unwrap_err();
        assert!(errors.get("ocop_stars").is_some());
    }

    #[test]
    fn an_expired_certificate_shows_no_stars() {
        let ocop = Ocop {
            stars: 4,
            certificate_no: "12/QĐ-UBND".into(),
            authority: "UBND tỉnh Lai Châu".into(),
            certified_on: date!(2021 - 01 - 10),
            expires_on: date!(2024 - 01 - 10),
        };
        assert!(ocop.is_valid_on(date!(2023 - 06 - 01)));
        assert!(!ocop.is_valid_on(date!(2024 - 01 - 11)));
    }

    #[test]
    fn bad_numbers_and_codes_are_named() {
        let bad = ProductInput {
            price_vnd: Some(-1),
            stock: Some(-5),
            weight_g: Some(2_000_000),
            gtin: Some("8930000000001".into()),
            sku: Some("mã có dấu".into()),
            set_code: Some("nope".into()),
            status: Some("sold".into()),
            origin_commune_code: Some("99999".into()),
            ..input()
        };
        let errors = bad.validate(None, "03478").unwrap_err();
        for field in ["price_vnd", "stock", "weight_g", "gtin", "sku", "set_code", "status", "origin_commune_code"] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
    }

    #[test]
    fn active_products_need_a_price_and_weight() {
        let errors =
            ProductInput { price_vnd: Some(0), weight_g: Some(0), ..input() }.validate(None, "03478").unwrap_err();
        assert!(errors.get("price_vnd").is_some());
        assert!(errors.get("weight_g").is_some());
        assert!(
            ProductInput { price_vnd: Some(0), status: Some("draft".into()), ..input() }
                .validate(None, "03478")
                .is_ok()
        );
    }
}
