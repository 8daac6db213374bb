//! A 1:1 support case and its rules: the topics the task force helps with, the
//! statuses a case moves through (open → in progress → done, or cancelled, and back
//! again when a closed case is reopened) and the checks on what people type.

use serde::{Deserialize, Serialize};
use time::Date;

use super::messages;
use crate::error::FieldErrors;
use crate::error::{Message, Text};

/// What the producer needs a hand with.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Topic {
    OpenStore,
    PaymentAccount,
    Packaging,
    Photos,
    Livestream,
    Other,
}

impl Topic {
    pub const ALL: &[Topic] = <Topic as strum::VariantArray>::VARIANTS;

    pub fn parse(value: &str) -> Option<Topic> {
        value.trim().parse().ok()
    }

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The i18n key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            Topic::OpenStore => "case_topic_open_store",
            Topic::PaymentAccount => "case_topic_payment_account",
            Topic::Packaging => "case_topic_packaging",
            Topic::Photos => "case_topic_photos",
            Topic::Livestream => "case_topic_livestream",
            Topic::Other => "case_topic_other",
        }
    }

    /// Its Vietnamese name, for exports.
    pub fn label_vi(self) -> &'static str {
        match self {
            Topic::OpenStore => "Mở gian hàng",
            Topic::PaymentAccount => "Mở tài khoản thanh toán",
            Topic::Packaging => "Bao bì, đóng gói",
            Topic::Photos => "Ảnh sản phẩm",
            Topic::Livestream => "Livestream",
            Topic::Other => "Khác",
        }
    }
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum CaseStatus {
    Open,
    InProgress,
    Done,
    Cancelled,
}

impl CaseStatus {
    pub const ALL: &[CaseStatus] = <CaseStatus as strum::VariantArray>::VARIANTS;

    pub fn parse(value: &str) -> Option<CaseStatus> {
        value.trim().parse().ok()
    }

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label_key(self) -> &'static str {
        match self {
            CaseStatus::Open => "case_status_open",
            CaseStatus::InProgress => "case_status_in_progress",
            CaseStatus::Done => "case_status_done",
            CaseStatus::Cancelled => "case_status_cancelled",
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            CaseStatus::Open => "Mới",
            CaseStatus::InProgress => "Đang hỗ trợ",
            CaseStatus::Done => "Xong",
            CaseStatus::Cancelled => "Hủy",
        }
    }

    pub fn is_closed(self) -> bool {
        matches!(self, CaseStatus::Done | CaseStatus::Cancelled)
    }
}

/// When a case counts as closed after a change of status: a case that closes gets
/// the time of the change, one that stays closed keeps its time, and a reopened one
/// has none. Every move between statuses is allowed: a wrongly closed case is
/// reopened, a cancelled one can be done after all.
pub fn closed_at_after(from: CaseStatus, to: CaseStatus, closed_at: Option<&str>, now: &str) -> Option<String> {
    match (from.is_closed(), to.is_closed()) {
        (_, false) => None,
        (true, true) if from == to => closed_at.map(str::to_string).or_else(|| Some(now.to_string())),
        _ => Some(now.to_string()),
    }
}

/// Late: still open or in progress after its due date.
pub fn is_overdue(status: CaseStatus, due_on: Option<&str>, today: Date) -> bool {
    !status.is_closed() && due_on.and_then(parse_day).is_some_and(|due| due < today)
}

/// A day as people and forms write it: `2026-05-01` (forms, API) or `01/05/2026`.
pub fn parse_day(value: &str) -> Option<Date> {
    let value = value.trim();
    // A two-digit year is too easily a typo for a due date.
    let four_digit_year = value.rsplit(['/', '-', '.']).next().is_some_and(|y| y.len() == 4);
    crate::vn::parse_iso_date(value).or_else(|| crate::vn::parse_day_month_year(value).filter(|_| four_digit_year))
}

/// `2026-05-01` → `01/05/2026`; text that is not a date is shown as it is.
pub fn day_vn(iso: &str) -> String {
    parse_day(iso).map(|d| crate::vn::date_vn(&d)).unwrap_or_else(|| iso.to_string())
}

/// A date field: `None` when blank, the ISO text when readable, else an error
/// naming the field.
pub fn date_field(errors: &mut FieldErrors, field: &str, label: Text, value: Option<&str>) -> Option<String> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    match parse_day(value) {
        Some(date) => Some(date.to_string()),
        None => {
            errors.add(
                field,
                Message::from(messages::FIELD_UNREADABLE_DATE).with_message("label", label).with("value", value),
            );
            None
        }
    }
}

/// A text field trimmed to `None` when blank.
pub fn clean(value: Option<&str>) -> Option<String> {
    value.map(str::trim).filter(|v| !v.is_empty()).map(str::to_string)
}

/// A free text no longer than `max` characters.
pub fn text_field(errors: &mut FieldErrors, field: &str, label: Text, value: Option<&str>, max: usize) -> String {
    let text = clean(value).unwrap_or_default();
    if text.chars().count() > max {
        errors.add(
            field,
            Message::from(messages::FIELD_AT_MOST_CHARACTERS).with_message("label", label).with("max", max),
        );
    }
    text
}

pub const MAX_TITLE: usize = 200;
pub const MAX_NOTE: usize = 4_000;

/// A new case as a form or the API sends it. The producer is given by id, or by its
/// `Mã cơ sở` or name (resolved within the province).
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct CaseInput {
    pub producer_id: Option<i64>,
    /// `Mã cơ sở` or the producer's name.
    pub producer: Option<String>,
    pub topic: Option<String>,
    pub title: Option<String>,
    /// An officer of the province or an admin; the creator when absent.
    pub owner_user_id: Option<i64>,
    /// `YYYY-MM-DD` (or `dd/mm/yyyy`); a date in the past is allowed.
    pub due_on: Option<String>,
    /// A first note.
    pub note: Option<String>,
}

/// The fields of a new case that need no database to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFields {
    pub topic: Topic,
    pub title: String,
    pub due_on: Option<String>,
    pub note: Option<String>,
}

impl CaseInput {
    pub fn validate(&self) -> Result<CaseFields, FieldErrors> {
        let mut errors = FieldErrors::default();
        let topic = topic_field(&mut errors, self.topic.as_deref(), true);
        let title = text_field(&mut errors, "title", messages::TITLE_LABEL, self.title.as_deref(), MAX_TITLE);
        let due_on = date_field(&mut errors, "due_on", messages::DUE_ON_LABEL, self.due_on.as_deref());
        let note = text_field(&mut errors, "note", messages::NOTE_LABEL, self.note.as_deref(), MAX_NOTE);
        if self.producer_id.is_none() && clean(self.producer.as_deref()).is_none() {
            errors.add("producer", messages::PRODUCER_REQUIRED_REGISTRY_CODE_OR_NAME);
        }
        match topic {
            Some(topic) if errors.is_empty() => {
                Ok(CaseFields { topic, title, due_on, note: Some(note).filter(|n| !n.is_empty()) })
            }
            _ => Err(errors),
        }
    }
}

fn topic_field(errors: &mut FieldErrors, value: Option<&str>, required: bool) -> Option<Topic> {
    match clean(value) {
        Some(t) => {
            let topic = Topic::parse(&t);
            if topic.is_none() {
                errors.add("topic", Message::from(messages::UNKNOWN_TOPIC_ONE_OF).with("t", &t));
            }
            topic
        }
        None => {
            if required {
                errors.add("topic", messages::TOPIC_REQUIRED);
            }
            None
        }
    }
}

/// A change to a case: only the fields sent change. `due_on: ""` removes the due date.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct CasePatch {
    pub topic: Option<String>,
    pub title: Option<String>,
    pub status: Option<String>,
    pub owner_user_id: Option<i64>,
    pub due_on: Option<String>,
}

/// The checked change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseChange {
    pub topic: Option<Topic>,
    pub title: Option<String>,
    pub status: Option<CaseStatus>,
    pub owner_user_id: Option<i64>,
    /// `Some(None)` removes the due date.
    pub due_on: Option<Option<String>>,
}

impl CasePatch {
    pub fn validate(&self) -> Result<CaseChange, FieldErrors> {
        let mut errors = FieldErrors::default();
        let topic = topic_field(&mut errors, self.topic.as_deref(), false);
        let title =
            self.title.as_deref().map(|t| text_field(&mut errors, "title", messages::TITLE_LABEL, Some(t), MAX_TITLE));
        let status = match clean(self.status.as_deref()) {
            Some(s) => {
                let status = CaseStatus::parse(&s);
                if status.is_none() {
                    errors.add("status", Message::from(messages::UNKNOWN_STATUS_ONE_OF).with("s", &s));
                }
                status
            }
            None => None,
        };
        let due_on = self.due_on.as_deref().map(|d| date_field(&mut errors, "due_on", messages::DUE_ON_LABEL, Some(d)));
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(CaseChange { topic, title, status, owner_user_id: self.owner_user_id, due_on })
    }
}

/// Filters of the case list, as the query string sends them.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CaseFilter {
    pub province: Option<String>,
    pub status: Option<String>,
    pub topic: Option<String>,
    /// A user id.
    pub owner: Option<String>,
    /// `1`, `true` or `on`: only late cases.
    pub overdue: Option<String>,
}

/// The checked filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseQuery {
    pub status: Option<CaseStatus>,
    pub topic: Option<Topic>,
    pub owner: Option<i64>,
    pub overdue: bool,
}

impl CaseFilter {
    pub fn validate(&self) -> Result<CaseQuery, FieldErrors> {
        let mut errors = FieldErrors::default();
        let status = clean(self.status.as_deref()).and_then(|s| {
            let status = CaseStatus::parse(&s);
            if status.is_none() {
                errors.add("status", Message::from(messages::UNKNOWN_STATUS).with("s", &s));
            }
            status
        });
        let topic = clean(self.topic.as_deref()).and_then(|t| {
            let topic = Topic::parse(&t);
            if topic.is_none() {
                errors.add("topic", Message::from(messages::UNKNOWN_TOPIC).with("t", &t));
            }
            topic
        });
        let owner = clean(self.owner.as_deref()).and_then(|o| {
            let id = o.parse::<i64>().ok();
            if id.is_none() {
                errors.add("owner", Message::from(messages::OWNER_IS_A_USER_ID).with("o", &o));
            }
            id
        });
        let overdue = clean(self.overdue.as_deref()).is_some_and(|o| matches!(o.as_str(), "1" | "true" | "on" | "yes"));
        if errors.is_empty() { Ok(CaseQuery { status, topic, owner, overdue }) } else { Err(errors) }
    }

    /// The filters as a query string (for the export link and the chips).
    pub fn query_string(&self, province: &str) -> String {
        let mut pairs = vec![("province", province.to_string())];
        for (key, value) in
            [("status", &self.status), ("topic", &self.topic), ("owner", &self.owner), ("overdue", &self.overdue)]
        {
            if let Some(v) = clean(value.as_deref()) {
                pairs.push((key, v));
            }
        }
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn closing_sets_the_time_and_reopening_clears_it() {
        use CaseStatus::*;
        let now = "2026-05-01T08:00:00Z";
        assert_eq!(closed_at_after(Open, InProgress, None, now), None);
        assert_eq!(closed_at_after(InProgress, Done, None, now).as_deref(), Some(now));
        assert_eq!(closed_at_after(Open, Cancelled, None, now).as_deref(), Some(now));
        assert_eq!(
            closed_at_after(Done, Done, Some("2026-01-01T00:00:00Z"), now).as_deref(),
            Some("2026-01-01T00:00:00Z")
        );
        assert_eq!(closed_at_after(Done, Cancelled, Some("2026-01-01T00:00:00Z"), now).as_deref(), Some(now));
        assert_eq!(closed_at_after(Done, Open, Some("2026-01-01T00:00:00Z"), now), None);
        assert_eq!(closed_at_after(Cancelled, InProgress, Some(now), now), None);
    }

    #[test]
    fn late_cases_are_open_past_their_due_date() {
        let today = date!(2026 - 05 - 10);
        assert!(is_overdue(CaseStatus::Open, Some("2026-05-09"), today));
        assert!(is_overdue(CaseStatus::InProgress, Some("2026-01-01"), today));
        assert!(!is_overdue(CaseStatus::Open, Some("2026-05-10"), today));
        assert!(!is_overdue(CaseStatus::Done, Some("2026-01-01"), today));
        assert!(!is_overdue(CaseStatus::Open, None, today));
    }

    #[test]
    fn days_are_read_in_iso_and_vietnamese_forms() {
        assert_eq!(parse_day("2026-05-01"), Some(date!(2026 - 05 - 01)));
        assert_eq!(parse_day(" 1/5/2026 "), Some(date!(2026 - 05 - 01)));
        assert_eq!(parse_day("31.12.2025"), Some(date!(2025 - 12 - 31)));
        for bad in ["", "mai", "2026-13-01", "31/02/2026", "1/5/26", "2026/05/01/1"] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_new_case_needs_a_producer_and_a_known_topic() {
        let errors = CaseInput::default().validate().unwrap_err();
        assert!(errors.get("topic").is_some());
        assert!(errors.get("producer").is_some());
        let input = CaseInput {
            producer_id: Some(3),
            topic: Some("photos".into()),
            due_on: Some("2020-01-02".into()),
            ..Default::default()
        };
        let fields = input.validate().unwrap();
        assert_eq!((fields.topic, fields.due_on.as_deref()), (Topic::Photos, Some("2020-01-02")));
        let bad = CaseInput { due_on: Some("next week".into()), topic: Some("stores".into()), ..input };
        let errors = bad.validate().unwrap_err();
        assert!(errors.get("due_on").unwrap().contains("next week"));
        assert!(errors.get("topic").unwrap().contains("stores"));
    }

    #[test]
    fn a_patch_changes_only_what_is_sent() {
        let change = CasePatch { status: Some("done".into()), due_on: Some("".into()), ..Default::default() }
            .validate()
            .unwrap();
        assert_eq!(change.status, Some(CaseStatus::Done));
        assert_eq!(change.due_on, Some(None));
        assert_eq!(change.topic, None);
        let errors = CasePatch { status: Some("closed".into()), ..Default::default() }.validate().unwrap_err();
        assert!(errors.get("status").is_some());
    }

    #[test]
    fn filters_are_checked() {
        let filter = CaseFilter {
            status: Some("open".into()),
            owner: Some("7".into()),
            overdue: Some("1".into()),
            ..Default::default()
        };
        assert_eq!(
            filter.validate().unwrap(),
            CaseQuery { status: Some(CaseStatus::Open), topic: None, owner: Some(7), overdue: true }
        );
        assert!(CaseFilter { owner: Some("me".into()), ..Default::default() }.validate().is_err());
        assert_eq!(filter.query_string("12"), "province=12&status=open&owner=7&overdue=1");
    }
}
