//! A personal-data breach and the notices it calls for: Decree 356/2025/NĐ-CP asks
//! the controller to tell the authority (the Ministry of Public Security's
//! cybersecurity department, A05) within 72 hours of finding a breach, and the people
//! affected when it puts them at risk.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::messages;
use crate::db;
use crate::error::FieldErrors;
use crate::error::Message;

/// Hours from finding a breach to the authority's notice.
pub const NOTICE_HOURS: i64 = 72;

/// The kinds of personal data a breach may touch; `payment` and `credentials` are
/// sensitive data under the decree.
pub const DATA_KINDS: [&str; 8] =
    ["identity", "contact", "address", "orders", "payment", "credentials", "location", "other"];

/// Who a notice went to.
pub const RECIPIENTS: [&str; 3] = ["authority", "subjects", "other"];

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BreachInput {
    pub title: Option<String>,
    /// What happened, how it was found, what was done.
    pub description: Option<String>,
    /// When it was found: RFC 3339, or `YYYY-MM-DDTHH:MM` in Vietnam's time.
    pub found_at: Option<String>,
    /// When it happened, if known (same forms).
    pub occurred_at: Option<String>,
    /// Among `identity`, `contact`, `address`, `orders`, `payment`, `credentials`,
    /// `location`, `other`.
    #[serde(default)]
    pub data_kinds: Vec<String>,
    /// How many people, as far as known.
    pub people_affected: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidBreach {
    pub title: String,
    pub description: String,
    pub found_at: String,
    pub occurred_at: Option<String>,
    pub data_kinds: Vec<String>,
    pub people_affected: i64,
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeInput {
    /// `authority`, `subjects` or `other`.
    pub recipient: Option<String>,
    /// How it was sent: the authority's portal, e-mail, SMS, letter…
    pub channel: Option<String>,
    /// When it was sent (same forms as `found_at`); now when left out.
    pub sent_at: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidNotice {
    pub recipient: String,
    pub channel: String,
    pub sent_at: String,
    pub note: String,
}

/// A time as typed: RFC 3339, or a form's `YYYY-MM-DDTHH:MM` read in Vietnam's time;
/// stored as UTC text.
pub fn parse_time(typed: &str) -> Option<OffsetDateTime> {
    let typed = typed.trim();
    let full = if typed.len() == 16 { format!("{typed}:00+07:00") } else { typed.to_string() };
    db::parse_time(&full)
}

/// Not later than a few minutes from now (clocks differ).
fn not_future(at: OffsetDateTime, now: OffsetDateTime) -> bool {
    at <= now + time::Duration::minutes(5)
}

fn text(errors: &mut FieldErrors, field: &str, value: Option<&str>, len: std::ops::RangeInclusive<usize>) -> String {
    let value = value.unwrap_or("").trim().to_string();
    if !len.contains(&value.chars().count()) {
        errors.add(
            field,
            Message::from(messages::LENGTH_IN_CHARACTERS).with("start", len.start()).with("end", len.end()),
        );
    }
    value
}

fn time_field(
    errors: &mut FieldErrors,
    field: &str,
    value: Option<&str>,
    now: OffsetDateTime,
) -> Option<OffsetDateTime> {
    let typed = value.map(str::trim).filter(|v| !v.is_empty())?;
    match parse_time(typed) {
        Some(at) if not_future(at, now) => Some(at),
        Some(_) => {
            errors.add(field, messages::CANNOT_BE_IN_THE_FUTURE);
            None
        }
        None => {
            errors.add(field, Message::from(messages::LOCAL_TIME_AS_TYPED).with("typed", typed));
            None
        }
    }
}

impl BreachInput {
    pub fn validate(&self, now: OffsetDateTime) -> Result<ValidBreach, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = text(&mut errors, "title", self.title.as_deref(), 3..=200);
        let description = text(&mut errors, "description", self.description.as_deref(), 10..=5_000);
        let found_at = time_field(&mut errors, "found_at", self.found_at.as_deref(), now);
        if found_at.is_none() && errors.get("found_at").is_none() {
            errors.add("found_at", messages::REQUIRED_WHEN_IT_WAS_FOUND);
        }
        let occurred_at = time_field(&mut errors, "occurred_at", self.occurred_at.as_deref(), now);
        if let (Some(found), Some(occurred)) = (found_at, occurred_at)
            && occurred > found
        {
            errors.add("occurred_at", messages::AFTER_IT_WAS_FOUND);
        }
        let mut data_kinds: Vec<String> = Vec::new();
        for (i, kind) in self.data_kinds.iter().map(|k| k.trim()).enumerate() {
            if !DATA_KINDS.contains(&kind) {
                errors.add(
                    &format!("data_kinds[{i}]"),
                    Message::from(messages::KIND_ONE_OF).with("kind", kind).with("join", DATA_KINDS.join(", ")),
                );
            } else if !data_kinds.iter().any(|k| k == kind) {
                data_kinds.push(kind.to_string());
            }
        }
        if self.data_kinds.is_empty() {
            errors.add("data_kinds", messages::NAME_THE_KINDS_OF_DATA_TOUCHED);
        }
        let people_affected = match self.people_affected {
            Some(n @ 0..=200_000_000) => n,
            _ => {
                errors.add("people_affected", messages::HOW_MANY_PEOPLE_0_OR_MORE);
                0
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidBreach {
            title,
            description,
            found_at: db::time_text(found_at.expect("checked above")),
            occurred_at: occurred_at.map(db::time_text),
            data_kinds,
            people_affected,
        })
    }
}

impl NoticeInput {
    /// `found_at`: the breach's, which a notice cannot precede.
    pub fn validate(&self, found_at: OffsetDateTime, now: OffsetDateTime) -> Result<ValidNotice, FieldErrors> {
        let mut errors = FieldErrors::default();
        let recipient = self.recipient.as_deref().unwrap_or("").trim().to_string();
        if !RECIPIENTS.contains(&recipient.as_str()) {
            errors.add("recipient", messages::RECIPIENT_ONE_OF);
        }
        let channel = text(&mut errors, "channel", self.channel.as_deref(), 2..=200);
        let note = self.note.as_deref().unwrap_or("").trim().to_string();
        if note.chars().count() > 2_000 {
            errors.add("note", messages::AT_MOST_2_000_CHARACTERS);
        }
        let sent_at = match self.sent_at.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => Some(now),
            typed => time_field(&mut errors, "sent_at", typed, now),
        };
        if sent_at.is_some_and(|at| at < found_at - time::Duration::minutes(1)) {
            errors.add("sent_at", messages::BEFORE_THE_BREACH_WAS_FOUND);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidNotice { recipient, channel, sent_at: db::time_text(sent_at.expect("checked above")), note })
    }
}

/// Where a breach stands against the 72-hour clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Clock {
    /// `found_at` + 72 hours.
    pub notify_by: String,
    /// `notified` (the authority was told), `due` or `overdue`.
    pub state: String,
    /// Whole hours left before `notify_by` (negative: hours late); none once told.
    pub hours_left: Option<i64>,
    /// Told within the 72 hours; none until told.
    pub on_time: Option<bool>,
}

/// The clock of a breach found at `found_at`, told to the authority at
/// `authority_at` (if it was), seen at `now`.
pub fn clock(found_at: OffsetDateTime, authority_at: Option<OffsetDateTime>, now: OffsetDateTime) -> Clock {
    let notify_by = found_at + time::Duration::hours(NOTICE_HOURS);
    match authority_at {
        Some(told) => Clock {
            notify_by: db::time_text(notify_by),
            state: "notified".into(),
            hours_left: None,
            on_time: Some(told <= notify_by),
        },
        None => {
            let minutes = (notify_by - now).whole_minutes();
            // Hours left round down, hours late round up: 30 minutes late is 1 hour late.
            let hours = if minutes >= 0 { minutes / 60 } else { -((-minutes + 59) / 60) };
            Clock {
                notify_by: db::time_text(notify_by),
                state: if minutes >= 0 { "due" } else { "overdue" }.into(),
                hours_left: Some(hours),
                on_time: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn input() -> BreachInput {
        BreachInput {
            title: Some("Lộ danh sách đơn hàng".into()),
            description: Some("Một tệp xuất đơn hàng bị gửi nhầm ra ngoài.".into()),
            found_at: Some("2026-12-01T09:30".into()),
            occurred_at: Some("2026-11-30T23:10:00Z".into()),
            data_kinds: vec!["contact".into(), "address".into(), "contact".into()],
            people_affected: Some(312),
        }
    }

    #[test]
    fn a_breach_is_read_in_vietnams_time_and_every_bad_field_is_named() {
        let now = datetime!(2026-12-02 00:00 UTC);
        let valid = input().validate(now).unwrap();
        assert_eq!(valid.found_at, "2026-12-01T02:30:00Z", "09:30 in Hà Nội");
        assert_eq!(valid.data_kinds, ["contact", "address"]);
        let bad = BreachInput {
            title: Some("x".into()),
            found_at: Some("2026-12-05T09:30".into()),
            occurred_at: Some("hôm qua".into()),
            data_kinds: vec!["passwords".into()],
            people_affected: Some(-1),
            ..input()
        };
        let errors = bad.validate(now).unwrap_err();
        for field in ["title", "found_at", "occurred_at", "data_kinds[0]", "people_affected"] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
    }

    #[test]
    fn the_clock_runs_72_hours_from_finding() {
        let found = datetime!(2026-12-01 02:30 UTC);
        let due = clock(found, None, datetime!(2026-12-03 02:00 UTC));
        assert_eq!((due.state.as_str(), due.hours_left), ("due", Some(24)));
        assert_eq!(due.notify_by, "2026-12-04T02:30:00Z");
        let late = clock(found, None, datetime!(2026-12-04 03:00 UTC));
        assert_eq!((late.state.as_str(), late.hours_left), ("overdue", Some(-1)));
        let told = clock(found, Some(datetime!(2026-12-03 10:00 UTC)), datetime!(2026-12-10 00:00 UTC));
        assert_eq!((told.state.as_str(), told.on_time), ("notified", Some(true)));
        let told_late = clock(found, Some(datetime!(2026-12-05 10:00 UTC)), datetime!(2026-12-10 00:00 UTC));
        assert_eq!(told_late.on_time, Some(false));
    }

    #[test]
    fn a_notice_names_its_recipient_and_cannot_precede_the_breach() {
        let found = datetime!(2026-12-01 02:30 UTC);
        let now = datetime!(2026-12-02 00:00 UTC);
        let notice =
            NoticeInput {
                recipient: Some("authority".into()), channel: Some("Cổng A05".into()), ..Default::default()
            };
        assert_eq!(notice.validate(found, now).unwrap().sent_at, "2026-12-02T00:00:00Z", "now by default");
        let bad = NoticeInput {
            recipient: Some("press".into()),
            channel: Some("x".into()),
            sent_at: Some("2026-11-01T08:00".into()),
            ..Default::default()
        };
        let errors = bad.validate(found, now).unwrap_err();
        for field in ["recipient", "channel", "sent_at"] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
    }
}
