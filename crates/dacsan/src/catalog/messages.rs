//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const AN_AMOUNT_IN_NG: Text =
    ("catalog.an_amount_in_ng", "số tiền bằng đồng, ví dụ 150000", "an amount in đồng, e.g. 150000");
pub const AT_LEAST_2_LETTERS_OR_DIGITS: Text =
    ("catalog.at_least_2_letters_or_digits", "cần ít nhất 2 chữ cái hoặc số", "at least 2 letters or digits");
pub const AT_MOST_200_CHARACTERS: Text =
    ("catalog.at_most_200_characters", "tối đa 200 ký tự", "at most 200 characters");
pub const AT_MOST_20_000_CHARACTERS: Text =
    ("catalog.at_most_20_000_characters", "tối đa 20.000 ký tự", "at most 20,000 characters");
pub const AT_MOST_50_CHARACTERS: Text = ("catalog.at_most_50_characters", "tối đa 50 ký tự", "at most 50 characters");
pub const AT_MOST_64_OF_A_Z: Text =
    ("catalog.at_most_64_of_a_z", "tối đa 64 ký tự: chữ không dấu, số, - _ . /", "at most 64 of A-Z 0-9 - _ . /");
pub const A_DATE_AS_YYYY_MM_DD: Text = ("catalog.a_date_as_yyyy_mm_dd", "ngày dạng YYYY-MM-DD", "a date as YYYY-MM-DD");
pub const A_PRODUCT_ON_SALE_NEEDS: Text =
    ("catalog.a_product_on_sale_needs", "sản phẩm đang bán cần có giá", "a product on sale needs a price");
pub const A_WHOLE_NUMBER: Text = ("catalog.a_whole_number", "cần một số nguyên", "a whole number");
pub const MUST_BE_0_TO_10_000: Text =
    ("catalog.must_be_0_to_10_000", "phải từ 0 đến 10.000.000", "must be 0 to 10,000,000");
pub const MUST_BE_0_TO_10_BILLION: Text =
    ("catalog.must_be_0_to_10_billion", "phải từ 0 đến 10 tỷ đồng", "must be 0 to 10 billion đồng");
pub const MUST_BE_0_TO_1_000: Text =
    ("catalog.must_be_0_to_1_000", "phải từ 0 đến 1.000.000 gam", "must be 0 to 1,000,000 grams");
pub const MUST_BE_AFTER_THE_ISSUE_DATE: Text =
    ("catalog.must_be_after_the_issue_date", "phải sau ngày cấp", "must be after the issue date");
pub const MUST_NOT_BE_BELOW_MIN_PRICE: Text =
    ("catalog.must_not_be_below_min_price", "phải lớn hơn giá từ", "must not be below min_price");
pub const NAME_2_TO_200_CHARACTERS: Text =
    ("catalog.name_2_to_200_characters", "cần từ 2 đến 200 ký tự", "2 to 200 characters");
pub const NEEDED_FOR_SHIPPING: Text =
    ("catalog.needed_for_shipping", "sản phẩm đang bán cần khối lượng để tính phí giao hàng", "needed for shipping");
pub const NOT_AN_OCOP_PRODUCT_SET_CODE: Text =
    ("catalog.not_an_ocop_product_set_code", "không phải mã nhóm sản phẩm OCOP", "not an OCOP product set code");
pub const NO_FREE_PRODUCT_ADDRESS: Text =
    ("catalog.no_free_product_address", "không tìm được địa chỉ trống", "no free product address");
pub const NO_SUCH_PRODUCER: Text = ("catalog.no_such_producer", "không có cơ sở này", "no such producer");
pub const ONE_OF_DRAFT_ACTIVE_ARCHIVED: Text =
    ("catalog.one_of_draft_active_archived", "chọn draft, active hoặc archived", "one of draft, active, archived");
pub const ONLY_0_3_4_OR_5: Text = ("catalog.only_0_3_4_or_5", "chỉ 0, 3, 4 hoặc 5", "only 0, 3, 4 or 5");
pub const ONLY_0_3_4_OR_5_2: Text = ("catalog.only_0_3_4_or_5_2", "chỉ 0, 3, 4 hoặc 5 sao", "only 0, 3, 4 or 5 stars");
pub const PRODUCER: Text = ("catalog.producer", "cơ sở", "producer");
pub const PRODUCT: Text = ("catalog.product", "sản phẩm", "product");
pub const REQUIRED: Text = ("catalog.required", "bắt buộc", "required");
pub const REQUIRED_E_G_BOX_500: Text =
    ("catalog.required_e_g_box_500", "bắt buộc, tối đa 50 ký tự (ví dụ: hộp 500 g)", "required, e.g. box 500 g");
pub const REQUIRED_WITH_OCOP_STARS: Text =
    ("catalog.required_with_ocop_stars", "bắt buộc khi có sao OCOP", "required with OCOP stars");
pub const SHELF_LIFE_DAYS_1_TO_3650_DAYS: Text =
    ("catalog.shelf_life_days_1_to_3650_days", "từ 1 đến 3650 ngày", "1 to 3650 days");
pub const THIS_PRODUCT_ADDRESS_IS_TAKEN: Text =
    ("catalog.this_product_address_is_taken", "đã có sản phẩm dùng địa chỉ này", "this product address is taken");
pub const THIS_SKU_IS_ALREADY_USED: Text =
    ("catalog.this_sku_is_already_used", "cơ sở đã có sản phẩm với mã hàng này", "this SKU is already used");
pub const UNKNOWN_COMMUNE: Text = ("catalog.unknown_commune", "không có xã/phường này", "unknown commune");
pub const UNKNOWN_COMMUNE_CODE: Text =
    ("catalog.unknown_commune_code", "không có xã/phường này (mã 2025)", "unknown commune code");
pub const UNKNOWN_OCOP_SECTOR_OR_SET: Text =
    ("catalog.unknown_ocop_sector_or_set", "không phải mã ngành hay nhóm sản phẩm OCOP", "unknown OCOP sector or set");
pub const UNKNOWN_PROVINCE: Text = ("catalog.unknown_province", "không có tỉnh/thành phố này", "unknown province");
pub const USE_1_OR_0: Text = ("catalog.use_1_or_0", "dùng 1 hoặc 0", "use 1 or 0");
pub const AT_MOST: Text = ("catalog.at_most", "tối đa {max_certifications} chứng nhận", "at most {max_certifications}");
pub const AT_MOST_60_CHARACTERS: Text =
    ("catalog.at_most_60_characters", "«{c}»: tối đa 60 ký tự", "«{c}»: at most 60 characters");
pub const AT_MOST_COUNTRIES: Text =
    ("catalog.at_most_countries", "tối đa {max_markets} nước", "at most {max_markets} countries");
pub const AT_MOST_PRICE_BREAKS: Text =
    ("catalog.at_most_price_breaks", "tối đa {max_breaks} mức giá sỉ", "at most {max_breaks} price breaks");
pub const A_NUMBER: Text = ("catalog.a_number", "số từ {min} đến {max}", "a number from {min} to {max}");
pub const ABOVE_0_AND_UNDER_THE_LIST: Text = (
    "catalog.above_0_and_under_the_list",
    "phải trên 0 và dưới giá lẻ {list_price}",
    "above 0 and under the list price {list_price}",
);
pub const A_PRODUCT_CANNOT_MOVE_TO_ANOTHER: Text = (
    "catalog.a_product_cannot_move_to_another",
    "không đổi được cơ sở của sản phẩm",
    "a product cannot move to another producer",
);
pub const A_WHOLE_NUMBER_2: Text = ("catalog.a_whole_number_2", "cần một số nguyên", "a whole number");
pub const IS_NOT_AN_ISO_3166_COUNTRY: Text = (
    "catalog.is_not_an_iso_3166_country",
    "«{m}» không phải mã nước ISO 3166 ngoài VN",
    "«{m}» is not an ISO 3166 country code other than VN",
);
pub const N_2_TO_UNITS: Text =
    ("catalog.n_2_to_units", "từ 2 đến {max_break_quantity}", "2 to {max_break_quantity} units");
pub const PRICES_MUST_FALL_AS_QUANTITIES_RISE: Text = (
    "catalog.prices_must_fall_as_quantities_rise",
    "giá phải giảm dần khi mua nhiều hơn",
    "prices must fall as quantities rise",
);
pub const QUANTITIES_MUST_INCREASE_FROM_BREAK: Text = (
    "catalog.quantities_must_increase_from_break",
    "số lượng phải tăng dần qua từng mức",
    "quantities must increase from break to break",
);
pub const SEND_AT_LEAST_ONE_FILE: Text = (
    "catalog.send_at_least_one_file",
    "gửi ít nhất một tệp ảnh trong trường `photo`",
    "send at least one file in the `photo` field",
);

pub const HS_CODE_DIGITS: Text = (
    "catalog.hs_code_digits",
    "mã HS gồm 6, 8 hoặc 10 chữ số (ví dụ 0902.30.10)",
    "an HS code is 6, 8 or 10 digits, e.g. 0902.30.10",
);
pub const HS_CODE_CHAPTER: Text =
    ("catalog.hs_code_chapter", "không có chương HS này (01–97)", "no such HS chapter (01–97)");

pub const SORT_ONE_OF: Text = (
    "catalog.sort_one_of",
    "dùng relevance, newest, price_asc, price_desc hoặc best_selling",
    "one of relevance, newest, price_asc, price_desc, best_selling",
);
pub const PACKAGE_SIDES: Text = (
    "catalog.package_sides",
    "dài, rộng, cao: mỗi cạnh 1 đến {max} cm (0 cả ba để bỏ)",
    "length, width, height: 1 to {max} cm each (all 0 to clear)",
);

pub const TEXTS: &[Text] = &[
    SORT_ONE_OF,
    PACKAGE_SIDES,
    HS_CODE_DIGITS,
    HS_CODE_CHAPTER,
    AN_AMOUNT_IN_NG,
    AT_LEAST_2_LETTERS_OR_DIGITS,
    AT_MOST_200_CHARACTERS,
    AT_MOST_20_000_CHARACTERS,
    AT_MOST_50_CHARACTERS,
    AT_MOST_64_OF_A_Z,
    A_DATE_AS_YYYY_MM_DD,
    A_PRODUCT_ON_SALE_NEEDS,
    A_WHOLE_NUMBER,
    MUST_BE_0_TO_10_000,
    MUST_BE_0_TO_10_BILLION,
    MUST_BE_0_TO_1_000,
    MUST_BE_AFTER_THE_ISSUE_DATE,
    MUST_NOT_BE_BELOW_MIN_PRICE,
    NAME_2_TO_200_CHARACTERS,
    NEEDED_FOR_SHIPPING,
    NOT_AN_OCOP_PRODUCT_SET_CODE,
    NO_FREE_PRODUCT_ADDRESS,
    NO_SUCH_PRODUCER,
    ONE_OF_DRAFT_ACTIVE_ARCHIVED,
    ONLY_0_3_4_OR_5,
    ONLY_0_3_4_OR_5_2,
    PRODUCER,
    PRODUCT,
    REQUIRED,
    REQUIRED_E_G_BOX_500,
    REQUIRED_WITH_OCOP_STARS,
    SHELF_LIFE_DAYS_1_TO_3650_DAYS,
    THIS_PRODUCT_ADDRESS_IS_TAKEN,
    THIS_SKU_IS_ALREADY_USED,
    UNKNOWN_COMMUNE,
    UNKNOWN_COMMUNE_CODE,
    UNKNOWN_OCOP_SECTOR_OR_SET,
    UNKNOWN_PROVINCE,
    USE_1_OR_0,
    AT_MOST,
    AT_MOST_60_CHARACTERS,
    AT_MOST_COUNTRIES,
    AT_MOST_PRICE_BREAKS,
    A_NUMBER,
    ABOVE_0_AND_UNDER_THE_LIST,
    A_PRODUCT_CANNOT_MOVE_TO_ANOTHER,
    A_WHOLE_NUMBER_2,
    IS_NOT_AN_ISO_3166_COUNTRY,
    N_2_TO_UNITS,
    PRICES_MUST_FALL_AS_QUANTITIES_RISE,
    QUANTITIES_MUST_INCREASE_FROM_BREAK,
    SEND_AT_LEAST_ONE_FILE,
];
