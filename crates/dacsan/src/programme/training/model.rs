//! Courses by pillar, their sessions and who attended, with the checks on what
//! people type. A completed attendance is what the plan's training indicators count:
//! `trained_digital_skills` for the Go Online / Go Export / Go AI / Go Right pillars,
//! `trained_packaging_delivery` for packaging – connecting – delivery, from the day
//! the session was held.

use serde::{Deserialize, Serialize};

use super::messages;
use crate::error::FieldErrors;
use crate::error::Message;
use crate::programme::support::model::{clean, date_field, text_field};

/// The plan's training pillars.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Pillar {
    GoOnline,
    GoExport,
    GoAi,
    GoRight,
    PackagingDelivery,
}

impl Pillar {
    pub const ALL: &[Pillar] = <Pillar as strum::VariantArray>::VARIANTS;

    pub fn parse(value: &str) -> Option<Pillar> {
        value.trim().parse().ok()
    }

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Pillar::GoOnline => "training_pillar_go_online",
            Pillar::GoExport => "training_pillar_go_export",
            Pillar::GoAi => "training_pillar_go_ai",
            Pillar::GoRight => "training_pillar_go_right",
            Pillar::PackagingDelivery => "training_pillar_packaging_delivery",
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Pillar::GoOnline => "Go Online",
            Pillar::GoExport => "Go Export",
            Pillar::GoAi => "Go AI",
            Pillar::GoRight => "Go Right",
            Pillar::PackagingDelivery => "Đóng gói – kết nối – giao nhận",
        }
    }

    /// The indicator a completed session of this pillar counts for.
    pub fn indicator(self) -> &'static str {
        match self {
            Pillar::PackagingDelivery => "trained_packaging_delivery",
            _ => "trained_digital_skills",
        }
    }
}

pub const MAX_TEXT: usize = 200;

/// A new course.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct CourseInput {
    /// The province; `?province=` or the officer's first province when absent.
    pub province_code: Option<String>,
    pub title: Option<String>,
    /// go_online, go_export, go_ai, go_right or packaging_delivery.
    pub pillar: Option<String>,
}

impl CourseInput {
    pub fn validate(&self) -> Result<(String, Pillar), FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = text_field(&mut errors, "title", messages::TITLE_LABEL, self.title.as_deref(), MAX_TEXT);
        if title.is_empty() {
            errors.add("title", messages::COURSE_TITLE_REQUIRED);
        }
        let pillar = match clean(self.pillar.as_deref()) {
            Some(p) => Pillar::parse(&p).or_else(|| {
                errors.add("pillar", Message::from(messages::UNKNOWN_PILLAR).with("p", &p));
                None
            }),
            None => {
                errors.add("pillar", messages::PILLAR_REQUIRED);
                None
            }
        };
        match pillar {
            Some(pillar) if errors.is_empty() => Ok((title, pillar)),
            _ => Err(errors),
        }
    }
}

/// A session of a course.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct SessionInput {
    /// `YYYY-MM-DD` (or `dd/mm/yyyy`).
    pub held_on: Option<String>,
    pub place: Option<String>,
    pub trainer: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSession {
    pub held_on: String,
    pub place: String,
    pub trainer: String,
}

impl SessionInput {
    pub fn validate(&self) -> Result<ValidSession, FieldErrors> {
        let mut errors = FieldErrors::default();
        let held_on = date_field(&mut errors, "held_on", messages::SESSION_DATE_LABEL, self.held_on.as_deref());
        if held_on.is_none() && errors.get("held_on").is_none() {
            errors.add("held_on", messages::SESSION_DATE_REQUIRED);
        }
        let place = text_field(&mut errors, "place", messages::PLACE_LABEL, self.place.as_deref(), MAX_TEXT);
        let trainer = text_field(&mut errors, "trainer", messages::TRAINER_LABEL, self.trainer.as_deref(), MAX_TEXT);
        match held_on {
            Some(held_on) if errors.is_empty() => Ok(ValidSession { held_on, place, trainer }),
            _ => Err(errors),
        }
    }
}

/// `Có`/`Không` cells: the words of [`crate::vn::text::yes_no`].
pub use crate::vn::text::yes_no as parse_yes_no;

/// A checkbox or flag: `true`, `1`, `on` or `yes`.
pub fn is_ticked(value: Option<&str>) -> bool {
    value.is_some_and(|v| matches!(v.trim(), "1" | "true" | "on" | "yes"))
}

/// An attendee's name as stored: trimmed, single spaces.
pub fn attendee_name(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One attendance row as the API takes it: the producer by id, by `registry_code`,
/// or by `producer_name` (with `phone` when two producers share a name).
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct AttendeeInput {
    pub producer_id: Option<i64>,
    pub registry_code: Option<String>,
    pub producer_name: Option<String>,
    pub phone: Option<String>,
    pub attendee_name: Option<String>,
    /// `true` when absent.
    pub completed: Option<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pillars_feed_their_indicator() {
        assert_eq!(Pillar::parse("go_ai"), Some(Pillar::GoAi));
        assert_eq!(Pillar::parse("go_online").map(Pillar::indicator), Some("trained_digital_skills"));
        assert_eq!(Pillar::PackagingDelivery.indicator(), "trained_packaging_delivery");
        assert_eq!(Pillar::parse("go_offline"), None);
    }

    #[test]
    fn yes_and_no_in_vietnamese_and_english() {
        for yes in ["Có", "co", " X ", "Yes", "1", "Đạt", "Đã hoàn thành"] {
            assert_eq!(parse_yes_no(yes), Some(true), "{yes}");
        }
        for no in ["Không", "KHONG", "no", "0", "Chưa"] {
            assert_eq!(parse_yes_no(no), Some(false), "{no}");
        }
        assert_eq!(parse_yes_no("có lẽ"), None);
        assert_eq!(parse_yes_no(""), None);
    }

    #[test]
    fn courses_and_sessions_name_their_bad_fields() {
        let errors = CourseInput { title: Some(" ".into()), pillar: Some("go_far".into()), ..Default::default() }
            .validate()
            .unwrap_err();
        assert!(errors.get("title").is_some());
        assert!(errors.get("pillar").unwrap().contains("go_far"));
        let ok = CourseInput {
            title: Some("Bán hàng trên sàn".into()),
            pillar: Some("go_online".into()),
            ..Default::default()
        };
        assert_eq!(ok.validate().unwrap(), ("Bán hàng trên sàn".to_string(), Pillar::GoOnline));

        let errors = SessionInput::default().validate().unwrap_err();
        assert!(errors.get("held_on").unwrap().contains("bắt buộc"));
        let errors = SessionInput { held_on: Some("32/01/2026".into()), ..Default::default() }.validate().unwrap_err();
        assert!(errors.get("held_on").unwrap().contains("32/01/2026"));
        let ok = SessionInput { held_on: Some("05/03/2026".into()), place: Some(" Sìn Hồ ".into()), trainer: None };
        assert_eq!(ok.validate().unwrap().held_on, "2026-03-05");
    }

    #[test]
    fn attendee_names_are_tidied() {
        assert_eq!(attendee_name("  Lò   Thị  Mai "), "Lò Thị Mai");
    }
}
