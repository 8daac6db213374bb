//! What the Vietnam basics say when a typed value is not one: (key, Vietnamese,
//! English) rows of the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const PHONE_CHARACTERS: Text = (
    "vn.phone_characters",
    "chỉ được chứa chữ số, dấu cách và dấu +",
    "only digits, spaces and a leading + are allowed",
);
pub const PHONE_INVALID: Text =
    ("vn.phone_invalid", "không phải số điện thoại Việt Nam hợp lệ", "not a valid Vietnamese phone number");
pub const AMOUNT_EMPTY: Text = ("vn.amount_empty", "chưa nhập số tiền", "no amount given");
pub const AMOUNT_DIGITS_ONLY: Text =
    ("vn.amount_digits_only", "chỉ được chứa chữ số", "digits only, a whole number of đồng");
pub const AMOUNT_TOO_LARGE: Text = ("vn.amount_too_large", "số quá lớn", "the number is too large");
pub const TAX_CODE_CHARACTERS: Text =
    ("vn.tax_code_characters", "chỉ được chứa chữ số và dấu gạch ngang", "only digits and a dash are allowed");
pub const TAX_CODE_BRANCH: Text = (
    "vn.tax_code_branch",
    "mã chi nhánh có dạng 10 chữ số - 3 chữ số",
    "a branch's code is 10 digits, a dash, then 3 digits",
);
pub const TAX_CODE_LENGTH: Text = (
    "vn.tax_code_length",
    "phải có 10 hoặc 13 chữ số (hoặc 12 chữ số định danh cá nhân)",
    "10 or 13 digits (or a 12-digit personal ID number)",
);

pub const TEXTS: &[Text] = &[
    PHONE_CHARACTERS,
    PHONE_INVALID,
    AMOUNT_EMPTY,
    AMOUNT_DIGITS_ONLY,
    AMOUNT_TOO_LARGE,
    TAX_CODE_CHARACTERS,
    TAX_CODE_BRANCH,
    TAX_CODE_LENGTH,
];
