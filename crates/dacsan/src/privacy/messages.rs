//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const ACCOUNT: Text = ("privacy.account", "tài khoản", "account");
pub const PHONE_OR_EMAIL: Text = ("privacy.a_phone_number", "số điện thoại hoặc e-mail", "a phone number or an e-mail");
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

pub const HELD_BY_ORDER: Text = (
    "privacy.held_by_order",
    "đơn {code} đang ở trạng thái {status}: xóa được khi đơn đã giao, hủy hoặc hoàn tiền",
    "order {code} is {status}: possible once it is delivered, cancelled or refunded",
);
pub const HELD_BY_COMPLAINTS: Text = (
    "privacy.held_by_complaints",
    "{complaints} khiếu nại đang mở: xóa được khi đã giải quyết",
    "{complaints} open complaint(s): possible once settled",
);
pub const HELD_AS_ONLY_ADMIN: Text = (
    "privacy.held_as_only_admin",
    "tài khoản quản trị duy nhất: hãy tạo quản trị khác trước",
    "the only admin: make another admin first",
);
pub const ERASURE_HELD: Text = ("privacy.erasure_held", "chưa xóa được tài khoản: {holds}", "not erased yet: {holds}");
pub const WRONG_PASSWORD: Text =
    ("privacy.wrong_password", "Sai mật khẩu: chưa có gì thay đổi.", "Wrong password: nothing was changed.");

pub const TEXTS: &[Text] = &[
    HELD_BY_ORDER,
    HELD_BY_COMPLAINTS,
    HELD_AS_ONLY_ADMIN,
    ERASURE_HELD,
    WRONG_PASSWORD,
    ACCOUNT,
    PHONE_OR_EMAIL,
    DETAIL_1_TO_2000_CHARACTERS,
    DONE_OR_REFUSED,
    MARKETING_EMAIL_OR_CARRIER_SHARING,
    NAME_1_TO_120_CHARACTERS,
    REQUEST,
    OBJECTION_DELETION_CORRECTION_OR_ACCESS,
    TAKING_BACK_THE_ACCOUNT_S_CONSENT,
];
