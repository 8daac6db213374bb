//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const ACCOUNT: Text = ("privacy.account", "tài khoản", "account");
pub const A_PHONE_NUMBER: Text = ("privacy.a_phone_number", "số điện thoại hoặc e-mail", "a phone number or an e-mail");
pub const DETAIL_1_TO_2000_CHARACTERS: Text =
    ("privacy.detail_1_to_2000_characters", "từ 1 đến 2000 ký tự", "1 to 2000 characters");
pub const DONE_OR_REFUSED: Text = ("privacy.done_or_refused", "done hoặc refused", "done or refused");
pub const MARKETING_EMAIL_OR_CARRIER_SHARING: Text = (
    "privacy.marketing_email_or_carrier_sharing",
    "marketing_email hoặc carrier_sharing",
    "marketing_email or carrier_sharing",
);
pub const NAME_1_TO_120_CHARACTERS: Text =
    ("privacy.name_1_to_120_characters", "từ 1 đến 120 ký tự", "1 to 120 characters");
pub const REQUEST: Text = ("privacy.request", "yêu cầu", "request");
pub const NOT_A_VIETNAMESE_PHONE_NUMBER: Text =
    ("privacy.not_a_vietnamese_phone_number", "{why}", "not a Vietnamese phone number");
pub const OBJECTION_DELETION_CORRECTION_OR_ACCESS: Text = (
    "privacy.objection_deletion_correction_or_access",
    "objection, deletion, correction hoặc access",
    "objection, deletion, correction or access",
);
pub const TAKING_BACK_THE_ACCOUNT_S_CONSENT: Text = (
    "privacy.taking_back_the_account_s_consent",
    "rút đồng ý với tài khoản nghĩa là xóa tài khoản",
    "taking back the account's consent means deleting the account",
);

pub const TEXTS: &[Text] = &[
    ACCOUNT,
    A_PHONE_NUMBER,
    DETAIL_1_TO_2000_CHARACTERS,
    DONE_OR_REFUSED,
    MARKETING_EMAIL_OR_CARRIER_SHARING,
    NAME_1_TO_120_CHARACTERS,
    REQUEST,
    NOT_A_VIETNAMESE_PHONE_NUMBER,
    OBJECTION_DELETION_CORRECTION_OR_ACCESS,
    TAKING_BACK_THE_ACCOUNT_S_CONSENT,
];
