//! A producer and the rules for its fields.

use serde::{Deserialize, Serialize};

use super::messages;
use crate::error::FieldErrors;
use crate::vn::{Phone, TaxCode, admin_units, text};

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
pub enum ProducerKind {
    DoanhNghiep,
    HopTacXa,
    ToHopTac,
    HoKinhDoanh,
}

impl ProducerKind {
    pub const ALL: &[ProducerKind] = <ProducerKind as strum::VariantArray>::VARIANTS;

    pub fn parse(value: &str) -> Option<ProducerKind> {
        value.parse().ok()
    }

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The i18n key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            ProducerKind::DoanhNghiep => "kind_doanh_nghiep",
            ProducerKind::HopTacXa => "kind_hop_tac_xa",
            ProducerKind::ToHopTac => "kind_to_hop_tac",
            ProducerKind::HoKinhDoanh => "kind_ho_kinh_doanh",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Producer {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub kind: ProducerKind,
    pub province_code: String,
    pub commune_code: String,
    pub street: String,
    /// E.164, e.g. `+84912345678`.
    pub phone: String,
    pub email: Option<String>,
    pub tax_code: Option<String>,
    pub story: String,
    /// The story for English pages (Markdown); empty: the Vietnamese one.
    pub story_en: String,
    pub logo_media_id: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

impl Producer {
    /// The story in the reader's language, Vietnamese when there is no English one.
    pub fn display_story(&self, english: bool) -> &str {
        if english && !self.story_en.is_empty() { &self.story_en } else { &self.story }
    }

    /// `Thôn Nậm Tăm, Xã Sìn Hồ, Tỉnh Lai Châu`
    pub fn address(&self) -> String {
        full_address(&self.street, &self.commune_code, &self.province_code)
    }

    pub fn phone_display(&self) -> String {
        Phone::parse(&self.phone).map(|p| p.to_string()).unwrap_or_else(|_| self.phone.clone())
    }

    pub fn phone_national(&self) -> String {
        Phone::parse(&self.phone).map(|p| p.national()).unwrap_or_else(|_| self.phone.clone())
    }

    pub fn province_name(&self) -> &'static str {
        admin_units::province(&self.province_code).map(|p| p.short_name.as_str()).unwrap_or("")
    }

    pub fn logo_url(&self) -> Option<String> {
        self.logo_media_id.map(|id| format!("/media/{id}"))
    }
}

pub fn full_address(street: &str, commune_code: &str, province_code: &str) -> String {
    let commune = admin_units::commune(commune_code).map(|c| c.name.as_str()).unwrap_or("");
    let province = admin_units::province(province_code).map(|p| p.name.as_str()).unwrap_or("");
    [street, commune, province].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(", ")
}

/// Producer fields as sent by a form or the API; every field optional so that the
/// same type serves creation and partial updates.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct ProducerInput {
    pub slug: Option<String>,
    pub name: Option<String>,
    pub kind: Option<String>,
    pub province_code: Option<String>,
    pub commune_code: Option<String>,
    pub street: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub tax_code: Option<String>,
    pub story: Option<String>,
    /// Markdown, for English pages.
    pub story_en: Option<String>,
}

/// A producer's fields once every rule holds.
#[derive(Debug, Clone)]
pub struct ValidProducer {
    pub slug: String,
    pub name: String,
    pub kind: ProducerKind,
    pub province_code: String,
    pub commune_code: String,
    pub street: String,
    pub phone: String,
    pub email: Option<String>,
    pub tax_code: Option<String>,
    pub story: String,
    pub story_en: String,
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

impl ProducerInput {
    /// Checks every field, taking what is missing from `existing` (for updates).
    pub fn validate(self, existing: Option<&Producer>) -> Result<ValidProducer, FieldErrors> {
        let mut errors = FieldErrors::default();
        let keep = |new: Option<String>, old: Option<&str>| non_empty(new).or_else(|| old.map(str::to_string));

        let name = keep(self.name, existing.map(|p| p.name.as_str())).unwrap_or_default();
        if name.chars().count() < 2 || name.chars().count() > 200 {
            errors.add("name", messages::NAME_2_TO_200_CHARACTERS);
        }
        let slug = match non_empty(self.slug) {
            Some(s) => text::slugify(&s),
            None => existing.map(|p| p.slug.clone()).unwrap_or_else(|| text::slugify(&name)),
        };
        if slug.len() < 2 {
            errors.add("slug", messages::AT_LEAST_2_LETTERS_OR_DIGITS);
        }
        let kind = match keep(self.kind, existing.map(|p| p.kind.as_str())) {
            Some(k) => ProducerKind::parse(&k),
            None => None,
        };
        if kind.is_none() {
            errors.add("kind", messages::KIND_ONE_OF);
        }
        let province_code = keep(self.province_code, existing.map(|p| p.province_code.as_str())).unwrap_or_default();
        let commune_code = keep(self.commune_code, existing.map(|p| p.commune_code.as_str())).unwrap_or_default();
        if admin_units::province(&province_code).is_none() {
            errors.add("province_code", messages::UNKNOWN_PROVINCE_CODE);
        } else if admin_units::commune_in(&province_code, &commune_code).is_none() {
            errors.add("commune_code", messages::NO_SUCH_COMMUNE_IN_THIS_PROVINCE);
        }
        let street = keep(self.street, existing.map(|p| p.street.as_str())).unwrap_or_default();
        if street.chars().count() > 200 {
            errors.add("street", messages::AT_MOST_200_CHARACTERS);
        }
        let phone = match keep(self.phone, existing.map(|p| p.phone.as_str())) {
            Some(p) => match Phone::parse(&p) {
                Ok(p) => p.e164().to_string(),
                Err(e) => {
                    errors.add("phone", e);
                    String::new()
                }
            },
            None => {
                errors.add("phone", messages::REQUIRED);
                String::new()
            }
        };
        let email = match self.email.map(|e| e.trim().to_string()) {
            Some(e) if e.is_empty() => None,
            Some(e) => match crate::auth::model::parse_email(&e) {
                Ok(e) => Some(e),
                Err(msg) => {
                    errors.add("email", msg);
                    None
                }
            },
            None => existing.and_then(|p| p.email.clone()),
        };
        let tax_code = match self.tax_code.map(|t| t.trim().to_string()) {
            Some(t) if t.is_empty() => None,
            Some(t) => match TaxCode::parse(&t) {
                Ok(t) => Some(t.as_str().to_string()),
                Err(msg) => {
                    errors.add("tax_code", msg);
                    None
                }
            },
            None => existing.and_then(|p| p.tax_code.clone()),
        };
        let story = self.story.or_else(|| existing.map(|p| p.story.clone())).unwrap_or_default();
        if story.chars().count() > 20_000 {
            errors.add("story", messages::AT_MOST_20_000_CHARACTERS);
        }
        let story_en = self.story_en.or_else(|| existing.map(|p| p.story_en.clone())).unwrap_or_default();
        if story_en.chars().count() > 20_000 {
            errors.add("story_en", messages::AT_MOST_20_000_CHARACTERS);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidProducer {
            slug,
            name,
            kind: kind.expect("checked above"),
            province_code,
            commune_code,
            street,
            phone,
            email,
            tax_code,
            story,
            story_en,
        })
    }
}

/// What a province's OCOP registry says of a producer: the fields a registry
/// import writes (`programme::registry`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryFields {
    pub name: String,
    pub kind: ProducerKind,
    pub commune_code: String,
    pub street: String,
    pub phone: String,
    pub email: Option<String>,
    pub tax_code: Option<String>,
    pub declared_store_url: Option<String>,
    pub declared_store_on: Option<String>,
    pub declared_payment_on: Option<String>,
    pub trained_digital_on: Option<String>,
    pub trained_packaging_on: Option<String>,
}

/// A producer as a registry import finds it.
#[derive(Debug, Clone)]
pub struct RegisteredProducer {
    pub id: i64,
    pub province_code: String,
    pub registry_code: String,
    pub fields: RegistryFields,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProducerInput {
        ProducerInput {
            name: Some("Hợp tác xã Chè Sìn Hồ".into()),
            kind: Some("hop_tac_xa".into()),
            province_code: Some("12".into()),
            commune_code: Some("03478".into()),
            street: Some("Bản Nậm Tăm".into()),
            phone: Some("0912 345 678".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_producer_is_valid() {
        let p = input().validate(None).unwrap();
        assert_eq!(p.slug, "hop-tac-xa-che-sin-ho");
        assert_eq!(p.phone, "+84912345678");
    }

    #[test]
    fn each_bad_field_is_named() {
        let bad = ProducerInput {
            name: Some("x".into()),
            kind: Some("bank".into()),
            commune_code: Some("00004".into()),
            phone: Some("123".into()),
            email: Some("nope".into()),
            tax_code: Some("12".into()),
            ..input()
        };
        let errors = bad.validate(None).unwrap_err();
        for field in ["name", "kind", "commune_code", "phone", "email", "tax_code"] {
            assert!(errors.get(field).is_some(), "{field} not reported: {errors:?}");
        }
    }
}
