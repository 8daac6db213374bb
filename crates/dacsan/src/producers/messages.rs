//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const AT_LEAST_2_LETTERS_OR_DIGITS: Text =
    ("producers.at_least_2_letters_or_digits", "cần ít nhất 2 chữ cái hoặc số", "at least 2 letters or digits");
pub const AT_MOST_200_CHARACTERS: Text =
    ("producers.at_most_200_characters", "tối đa 200 ký tự", "at most 200 characters");
pub const AT_MOST_20_000_CHARACTERS: Text =
    ("producers.at_most_20_000_characters", "tối đa 20.000 ký tự", "at most 20,000 characters");
pub const PHONE_OR_EMAIL: Text =
    ("producers.a_valid_phone_number", "cần số điện thoại hoặc email hợp lệ", "a valid phone number or e-mail");
pub const MESSAGE_10_TO_4000_CHARACTERS: Text =
    ("producers.message_10_to_4000_characters", "cần từ 10 đến 4000 ký tự", "10 to 4000 characters");
pub const NAME_2_TO_100_CHARACTERS: Text =
    ("producers.name_2_to_100_characters", "cần từ 2 đến 100 ký tự", "2 to 100 characters");
pub const NAME_2_TO_200_CHARACTERS: Text =
    ("producers.name_2_to_200_characters", "cần từ 2 đến 200 ký tự", "2 to 200 characters");
pub const NO_SUCH_COMMUNE_IN_THIS_PROVINCE: Text = (
    "producers.no_such_commune_in_this_province",
    "không có xã/phường này trong tỉnh đã chọn",
    "no such commune in this province",
);
pub const PRODUCER: Text = ("producers.producer", "cơ sở", "producer");
pub const REQUIRED: Text = ("producers.required", "bắt buộc", "required");
pub const STORE: Text = ("producers.store", "gian hàng", "store");
pub const THIS_STORE_ADDRESS_IS_TAKEN: Text =
    ("producers.this_store_address_is_taken", "đã có gian hàng dùng địa chỉ này", "this store address is taken");
pub const UNKNOWN_PROVINCE_CODE: Text =
    ("producers.unknown_province_code", "không có tỉnh/thành phố này (mã 2025)", "unknown province code");

pub const KIND_ONE_OF: Text = (
    "producers.kind_one_of",
    "chọn doanh_nghiep, hop_tac_xa, to_hop_tac hoặc ho_kinh_doanh",
    "one of doanh_nghiep (enterprise), hop_tac_xa (cooperative), to_hop_tac (cooperative group), ho_kinh_doanh (household business)",
);

pub const TEXTS: &[Text] = &[
    KIND_ONE_OF,
    AT_LEAST_2_LETTERS_OR_DIGITS,
    AT_MOST_200_CHARACTERS,
    AT_MOST_20_000_CHARACTERS,
    PHONE_OR_EMAIL,
    MESSAGE_10_TO_4000_CHARACTERS,
    NAME_2_TO_100_CHARACTERS,
    NAME_2_TO_200_CHARACTERS,
    NO_SUCH_COMMUNE_IN_THIS_PROVINCE,
    PRODUCER,
    REQUIRED,
    STORE,
    THIS_STORE_ADDRESS_IS_TAKEN,
    UNKNOWN_PROVINCE_CODE,
];
