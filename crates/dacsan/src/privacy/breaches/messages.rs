//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const AFTER_IT_WAS_FOUND: Text = ("privacy.breaches.after_it_was_found", "sau lúc phát hiện", "after it was found");
pub const AT_MOST_2_000_CHARACTERS: Text =
    ("privacy.breaches.at_most_2_000_characters", "tối đa 2.000 ký tự", "at most 2,000 characters");
pub const BEFORE_THE_BREACH_WAS_FOUND: Text =
    ("privacy.breaches.before_the_breach_was_found", "trước lúc phát hiện sự cố", "before the breach was found");
pub const BREACH: Text = ("privacy.breaches.breach", "sự cố", "breach");
pub const CANNOT_BE_IN_THE_FUTURE: Text =
    ("privacy.breaches.cannot_be_in_the_future", "không thể ở tương lai", "cannot be in the future");
pub const HOW_MANY_PEOPLE_0_OR_MORE: Text =
    ("privacy.breaches.how_many_people_0_or_more", "số người: 0 trở lên", "how many people: 0 or more");
pub const NAME_THE_KINDS_OF_DATA_TOUCHED: Text = (
    "privacy.breaches.name_the_kinds_of_data_touched",
    "chọn loại dữ liệu bị ảnh hưởng",
    "name the kinds of data touched",
);
pub const REQUIRED_WHEN_IT_WAS_FOUND: Text =
    ("privacy.breaches.required_when_it_was_found", "bắt buộc: lúc phát hiện", "required: when it was found");
pub const THE_BREACH_IS_CLOSED_ALREADY: Text =
    ("privacy.breaches.the_breach_is_closed_already", "Sự cố đã đóng", "the breach is closed already");
pub const LOCAL_TIME_AS_TYPED: Text = (
    "privacy.breaches.a_time_such_as_2026_12",
    "«{typed}»: thời điểm dạng 2026-12-03T14:30",
    "«{typed}»: a time such as 2026-12-03T14:30",
);
pub const KIND_ONE_OF: Text = ("privacy.breaches.one", "«{kind}»: một trong {join}", "«{kind}»: one of {join}");
pub const LENGTH_IN_CHARACTERS: Text =
    ("privacy.breaches.to_characters", "từ {start} đến {end} ký tự", "{start} to {end} characters");

pub const RECIPIENT_ONE_OF: Text =
    ("privacy.breaches.recipient_one_of", "authority, subjects hoặc other", "authority, subjects or other");

pub const TEXTS: &[Text] = &[
    RECIPIENT_ONE_OF,
    AFTER_IT_WAS_FOUND,
    AT_MOST_2_000_CHARACTERS,
    BEFORE_THE_BREACH_WAS_FOUND,
    BREACH,
    CANNOT_BE_IN_THE_FUTURE,
    HOW_MANY_PEOPLE_0_OR_MORE,
    NAME_THE_KINDS_OF_DATA_TOUCHED,
    REQUIRED_WHEN_IT_WAS_FOUND,
    THE_BREACH_IS_CLOSED_ALREADY,
    LOCAL_TIME_AS_TYPED,
    KIND_ONE_OF,
    LENGTH_IN_CHARACTERS,
];
