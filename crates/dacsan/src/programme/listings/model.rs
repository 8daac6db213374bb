//! A listing as an officer enters it, checked: a known platform, a web address when
//! one is given, real dates.

use serde::Deserialize;

use super::Platform;
use super::messages;
use crate::error::Message;
use crate::error::{AppError, FieldErrors};
use crate::vn;

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct ListingInput {
    pub product_id: Option<i64>,
    pub platform: Option<String>,
    #[serde(default)]
    pub url: String,
    /// Default: today.
    pub listed_on: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ValidListing {
    pub product_id: i64,
    pub platform: Platform,
    pub url: String,
    pub listed_on: String,
}

impl ListingInput {
    pub fn validate(&self, today: time::Date) -> Result<ValidListing, AppError> {
        let mut errors = FieldErrors::default();
        if self.product_id.is_none() {
            errors.add("product_id", messages::CHOOSE_A_PRODUCT);
        }
        let platform_text = self.platform.as_deref().unwrap_or("").trim();
        let platform = Platform::from_code(platform_text).or_else(|| Platform::parse(platform_text));
        if platform.is_none() {
            let known: Vec<&str> = Platform::ALL.iter().map(|p| p.code()).collect();
            errors.add(
                "platform",
                Message::from(messages::UNKNOWN_PLATFORM_ONE_OF)
                    .with("platform_text", platform_text)
                    .with("join", known.join(", ")),
            );
        }
        let url = self.url.trim().to_string();
        if !is_web_address(&url) {
            errors.add("url", messages::THE_ADDRESS_MUST_START_WITH_HTTPS);
        }
        let listed_on = match self.listed_on.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => Some(today),
            Some(text) => vn::parse_iso_date(text),
        };
        if listed_on.is_none() {
            errors.add("listed_on", messages::NOT_A_DATE_YYYY_MM_DD);
        }
        errors.into_result()?;
        Ok(ValidListing {
            product_id: self.product_id.expect("checked"),
            platform: platform.expect("checked"),
            url,
            listed_on: listed_on.expect("checked").to_string(),
        })
    }
}

/// Empty (no address) or an http(s) address.
pub fn is_web_address(url: &str) -> bool {
    url.is_empty() || url.starts_with("https://") || url.starts_with("http://")
}

/// `YYYY-MM`, checked.
pub fn parse_month_param(field: &str, text: &str) -> Result<String, AppError> {
    super::sales::parse_month(text)
        .ok_or_else(|| AppError::invalid(field, Message::from(messages::NOT_A_MONTH_YYYY_MM).with("text", text)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_listing_needs_a_product_a_platform_and_real_dates() {
        let ok = ListingInput {
            product_id: Some(3),
            platform: Some("Tik Tok Shop".into()),
            url: " https://x.vn/a ".into(),
            listed_on: None,
        }
        .validate(date!(2026 - 11 - 25))
        .unwrap();
        assert_eq!(
            (ok.platform, ok.url.as_str(), ok.listed_on.as_str()),
            (Platform::TiktokShop, "https://x.vn/a", "2026-11-25")
        );
        let err = ListingInput {
            product_id: None,
            platform: Some("Nowhere".into()),
            url: "x.vn".into(),
            listed_on: Some("1/2/26".into()),
        }
        .validate(date!(2026 - 11 - 25))
        .unwrap_err();
        let detail = err.detail();
        for field in ["product_id", "platform", "url", "listed_on"] {
            assert!(detail.contains(field), "{field}: {detail}");
        }
    }
}
