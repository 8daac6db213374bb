//! A live session as people schedule it: title, platform, the stream's link, start
//! and end, host, products with optional session prices and caps; the checks on
//! what they send.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::messages;
use crate::db;
use crate::error::FieldErrors;
use crate::error::Message;

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
pub enum Platform {
    Tiktok,
    Facebook,
    Youtube,
    Zalo,
    /// dacsan's own session page, without an outside stream.
    Dacsan,
}

impl Platform {
    /// What forms and the API send: `tiktok`.
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn name(self) -> &'static str {
        match self {
            Platform::Tiktok => "TikTok",
            Platform::Facebook => "Facebook",
            Platform::Youtube => "YouTube",
            Platform::Zalo => "Zalo",
            Platform::Dacsan => "dacsan",
        }
    }
}

pub const MAX_ITEMS: usize = 50;
/// A session longer than a day is a typo.
pub const MAX_HOURS: i64 = 24;

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct SessionItemInput {
    pub product_id: i64,
    /// Whole đồng, charged only between the start and the end; never above the list price.
    pub session_price_vnd: Option<i64>,
    /// Units sold at the session price at most.
    pub stock_cap: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct SessionInput {
    pub title: Option<String>,
    /// For English pages; empty or left out: the title.
    #[serde(default)]
    pub title_en: Option<String>,
    /// `tiktok`, `facebook`, `youtube`, `zalo` or `dacsan`.
    pub platform: Option<String>,
    /// The stream's link (`https://…`); may be left out for `dacsan`.
    pub stream_url: Option<String>,
    /// RFC 3339.
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    /// The host's (KOL/KOC's) account.
    pub host_user_id: Option<i64>,
    #[serde(default)]
    pub items: Vec<SessionItemInput>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidItem {
    pub product_id: i64,
    pub session_price_vnd: Option<i64>,
    pub stock_cap: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSession {
    pub title: String,
    pub title_en: String,
    pub platform: Platform,
    pub stream_url: String,
    pub starts_at: OffsetDateTime,
    pub ends_at: OffsetDateTime,
    pub host_user_id: Option<i64>,
    pub items: Vec<ValidItem>,
}

fn time_field(errors: &mut FieldErrors, field: &str, value: Option<&str>) -> Option<OffsetDateTime> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => {
            errors.add(field, Message::from(messages::FIELD_REQUIRED).with("field", field));
            None
        }
        Some(text) => db::parse_time(text).or_else(|| {
            errors.add(field, Message::from(messages::RFC_3339_TIME).with("text", text));
            None
        }),
    }
}

impl SessionInput {
    pub fn validate(&self) -> Result<ValidSession, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = self.title.as_deref().unwrap_or("").trim().to_string();
        if !(3..=200).contains(&title.chars().count()) {
            errors.add("title", messages::TITLE_3_TO_200_CHARACTERS);
        }
        let title_en = self.title_en.as_deref().unwrap_or("").trim().to_string();
        if title_en.chars().count() > 200 {
            errors.add("title_en", messages::ENGLISH_TITLE_AT_MOST_200_CHARACTERS);
        }
        let platform = match self.platform.as_deref().map(str::trim) {
            Some(p) => p.parse::<Platform>().ok(),
            None => None,
        };
        match (platform, self.platform.as_deref()) {
            (Some(_), _) => {}
            (None, Some(p)) => errors.add("platform", Message::from(messages::UNKNOWN_PLATFORM).with("p", p)),
            (None, None) => errors.add("platform", messages::PLATFORM_REQUIRED),
        }
        let stream_url = self.stream_url.as_deref().unwrap_or("").trim().to_string();
        let stream_ok = stream_url.len() <= 500
            && (stream_url.starts_with("https://") && stream_url.len() > 8
                || stream_url.is_empty() && platform == Some(Platform::Dacsan));
        if !stream_ok {
            errors.add("stream_url", messages::STREAM_URL_AN_HTTPS_LINK);
        }
        let starts_at = time_field(&mut errors, "starts_at", self.starts_at.as_deref());
        let ends_at = time_field(&mut errors, "ends_at", self.ends_at.as_deref());
        if let (Some(start), Some(end)) = (starts_at, ends_at)
            && (end <= start || end - start > time::Duration::hours(MAX_HOURS))
        {
            errors.add("ends_at", Message::from(messages::ENDS_WITHIN_HOURS_OF_START).with("max_hours", MAX_HOURS));
        }
        if self.items.is_empty() || self.items.len() > MAX_ITEMS {
            errors.add("items", Message::from(messages::ITEMS_1_TO_MAX).with("max_items", MAX_ITEMS));
        }
        let mut items: Vec<ValidItem> = Vec::new();
        for (i, item) in self.items.iter().enumerate() {
            if items.iter().any(|v| v.product_id == item.product_id) {
                errors.add(&format!("items[{i}].product_id"), messages::THE_PRODUCT_IS_LISTED_TWICE);
            }
            if item.session_price_vnd.is_some_and(|p| p < 0) {
                errors.add(&format!("items[{i}].session_price_vnd"), messages::SESSION_PRICE_BELOW_ZERO);
            }
            if item.stock_cap.is_some_and(|c| c < 0) {
                errors.add(&format!("items[{i}].stock_cap"), messages::CAP_BELOW_ZERO);
            }
            items.push(ValidItem {
                product_id: item.product_id,
                session_price_vnd: item.session_price_vnd,
                stock_cap: item.stock_cap,
            });
        }
        match (platform, starts_at, ends_at) {
            (Some(platform), Some(starts_at), Some(ends_at)) if errors.is_empty() => Ok(ValidSession {
                title,
                title_en,
                platform,
                stream_url,
                starts_at,
                ends_at,
                host_user_id: self.host_user_id,
                items,
            }),
            _ => Err(errors),
        }
    }
}

/// Referral codes: six characters without look-alikes (no 0/O, 1/I/L), easy to read
/// off a screen and say aloud.
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

pub(crate) fn new_code(len: usize) -> String {
    (0..len).map(|_| CODE_ALPHABET[rand::random_range(0..CODE_ALPHABET.len())] as char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> SessionInput {
        SessionInput {
            title: Some("Chè Shan tuyết mùa xuân".into()),
            title_en: Some(" Spring Shan tuyet tea ".into()),
            platform: Some("tiktok".into()),
            stream_url: Some("https://www.tiktok.com/@htxsinho/live".into()),
            starts_at: Some("2026-12-05T20:00:00+07:00".into()),
            ends_at: Some("2026-12-05T22:00:00+07:00".into()),
            host_user_id: None,
            items: vec![SessionItemInput { product_id: 3, session_price_vnd: Some(200_000), stock_cap: Some(50) }],
        }
    }

    #[test]
    fn a_good_session_reads_back() {
        let valid = input().validate().unwrap();
        assert_eq!((valid.platform, valid.items.len()), (Platform::Tiktok, 1));
        assert_eq!(valid.title_en, "Spring Shan tuyet tea");
        assert_eq!(db::time_text(valid.starts_at), "2026-12-05T13:00:00Z");
    }

    #[test]
    fn every_bad_field_is_named() {
        let bad = SessionInput {
            title: Some("x".into()),
            title_en: Some("y".repeat(201)),
            platform: Some("myspace".into()),
            stream_url: Some("javascript:alert(1)".into()),
            starts_at: Some("2026-12-05T20:00:00+07:00".into()),
            ends_at: Some("2026-12-05T19:00:00+07:00".into()),
            host_user_id: None,
            items: vec![
                SessionItemInput { product_id: 3, session_price_vnd: Some(-1), stock_cap: Some(-2) },
                SessionItemInput { product_id: 3, session_price_vnd: None, stock_cap: None },
            ],
        };
        let errors = bad.validate().unwrap_err();
        for field in [
            "title",
            "platform",
            "stream_url",
            "ends_at",
            "items[0].session_price_vnd",
            "items[0].stock_cap",
            "items[1].product_id",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let own_page = SessionInput { platform: Some("dacsan".into()), stream_url: None, ..input() };
        assert!(own_page.validate().is_ok(), "dacsan's own page needs no outside stream");
    }
}
