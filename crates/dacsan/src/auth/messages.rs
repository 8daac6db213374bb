//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const CONSENT_NEEDED: Text =
    ("auth.consent_is_needed_to_create", "cần đồng ý để tạo tài khoản", "consent is needed to create an account");
pub const NAME_2_TO_100_CHARACTERS: Text =
    ("auth.name_2_to_100_characters", "cần từ 2 đến 100 ký tự", "2 to 100 characters");
pub const EMAIL_HAS_AN_ACCOUNT: Text =
    ("auth.this_e_mail_already_has", "email này đã có tài khoản", "this e-mail already has an account");

pub const EMAIL_MISSING_AT: Text = ("auth.email_missing_at", "thiếu @", "the @ is missing");
pub const EMAIL_INVALID: Text = ("auth.email_invalid", "không phải địa chỉ email hợp lệ", "not a valid e-mail address");
pub const PASSWORD_TOO_SHORT: Text = ("auth.password_too_short", "cần ít nhất 8 ký tự", "at least 8 characters");
pub const PASSWORD_TOO_LONG: Text = ("auth.password_too_long", "quá dài", "too long");

pub const TEXTS: &[Text] = &[
    CONSENT_NEEDED,
    NAME_2_TO_100_CHARACTERS,
    EMAIL_HAS_AN_ACCOUNT,
    EMAIL_MISSING_AT,
    EMAIL_INVALID,
    PASSWORD_TOO_SHORT,
    PASSWORD_TOO_LONG,
];
