//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const AMOUNT_IN_DONG: Text =
    ("catalog.amount_in_dong", "số tiền bằng đồng, ví dụ 150000", "an amount in đồng, e.g. 150000");
pub const AT_LEAST_2_LETTERS_OR_DIGITS: Text =
    ("catalog.at_least_2_letters_or_digits", "cần ít nhất 2 chữ cái hoặc số", "at least 2 letters or digits");
pub const AT_MOST_200_CHARACTERS: Text =
    ("catalog.at_most_200_characters", "tối đa 200 ký tự", "at most 200 characters");
pub const AT_MOST_20_000_CHARACTERS: Text =
    ("catalog.at_most_20_000_characters", "tối đa 20.000 ký tự", "at most 20,000 characters");
pub const AT_MOST_50_CHARACTERS: Text = ("catalog.at_most_50_characters", "tối đa 50 ký tự", "at most 50 characters");
pub const SKU_CHARACTERS: Text =
    ("catalog.at_most_64_of_a_z", "tối đa 64 ký tự: chữ không dấu, số, - _ . /", "at most 64 of A-Z 0-9 - _ . /");
pub const A_DATE_AS_YYYY_MM_DD: Text = ("catalog.a_date_as_yyyy_mm_dd", "ngày dạng YYYY-MM-DD", "a date as YYYY-MM-DD");
pub const ON_SALE_NEEDS_A_PRICE: Text =
    ("catalog.a_product_on_sale_needs", "sản phẩm đang bán cần có giá", "a product on sale needs a price");
pub const A_WHOLE_NUMBER: Text = ("catalog.a_whole_number", "cần một số nguyên", "a whole number");
pub const STOCK_0_TO_10_MILLION: Text =
    ("catalog.stock_0_to_10_million", "phải từ 0 đến 10.000.000", "must be 0 to 10,000,000");
pub const PRICE_0_TO_10_BILLION: Text =
    ("catalog.must_be_0_to_10_billion", "phải từ 0 đến 10 tỷ đồng", "must be 0 to 10 billion đồng");
pub const WEIGHT_0_TO_1_MILLION_GRAMS: Text =
    ("catalog.weight_0_to_1_million_grams", "phải từ 0 đến 1.000.000 gam", "must be 0 to 1,000,000 grams");
pub const MUST_BE_AFTER_THE_ISSUE_DATE: Text =
    ("catalog.must_be_after_the_issue_date", "phải sau ngày cấp", "must be after the issue date");
pub const MUST_NOT_BE_BELOW_MIN_PRICE: Text =
    ("catalog.must_not_be_below_min_price", "phải lớn hơn giá từ", "must not be below min_price");
pub const NAME_2_TO_200_CHARACTERS: Text =
    ("catalog.name_2_to_200_characters", "cần từ 2 đến 200 ký tự", "2 to 200 characters");
pub const WEIGHT_NEEDED_FOR_SHIPPING: Text =
    ("catalog.needed_for_shipping", "sản phẩm đang bán cần khối lượng để tính phí giao hàng", "needed for shipping");
pub const NOT_AN_OCOP_PRODUCT_SET_CODE: Text =
    ("catalog.not_an_ocop_product_set_code", "không phải mã nhóm sản phẩm OCOP", "not an OCOP product set code");
pub const NO_FREE_PRODUCT_ADDRESS: Text =
    ("catalog.no_free_product_address", "không tìm được địa chỉ trống", "no free product address");
pub const NO_SUCH_PRODUCER: Text = ("catalog.no_such_producer", "không có cơ sở này", "no such producer");
pub const ONE_OF_DRAFT_ACTIVE_ARCHIVED: Text =
    ("catalog.one_of_draft_active_archived", "chọn draft, active hoặc archived", "one of draft, active, archived");
pub const STARS_0_3_4_OR_5: Text = ("catalog.only_0_3_4_or_5", "chỉ 0, 3, 4 hoặc 5", "only 0, 3, 4 or 5");
pub const OCOP_STARS_0_3_4_OR_5: Text =
    ("catalog.only_0_3_4_or_5_2", "chỉ 0, 3, 4 hoặc 5 sao", "only 0, 3, 4 or 5 stars");
pub const PRODUCER: Text = ("catalog.producer", "cơ sở", "producer");
pub const PRODUCT: Text = ("catalog.product", "sản phẩm", "product");
pub const REQUIRED: Text = ("catalog.required", "bắt buộc", "required");
pub const UNIT_REQUIRED: Text =
    ("catalog.required_e_g_box_500", "bắt buộc, tối đa 50 ký tự (ví dụ: hộp 500 g)", "required, e.g. box 500 g");
pub const REQUIRED_WITH_OCOP_STARS: Text =
    ("catalog.required_with_ocop_stars", "bắt buộc khi có sao OCOP", "required with OCOP stars");
pub const SHELF_LIFE_1_TO_3650_DAYS: Text =
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
pub const AT_MOST_CERTIFICATIONS: Text =
    ("catalog.at_most", "tối đa {max_certifications} chứng nhận", "at most {max_certifications} certifications");
pub const CERTIFICATION_AT_MOST_60_CHARACTERS: Text =
    ("catalog.at_most_60_characters", "«{c}»: tối đa 60 ký tự", "«{c}»: at most 60 characters");
pub const AT_MOST_MARKETS: Text =
    ("catalog.at_most_countries", "tối đa {max_markets} nước", "at most {max_markets} countries");
pub const AT_MOST_BREAKS: Text =
    ("catalog.at_most_price_breaks", "tối đa {max_breaks} mức giá sỉ", "at most {max_breaks} price breaks");
pub const NUMBER_IN_RANGE: Text = ("catalog.a_number", "số từ {min} đến {max}", "a number from {min} to {max}");
pub const BREAK_PRICE_UNDER_LIST_PRICE: Text = (
    "catalog.above_0_and_under_the_list",
    "phải trên 0 và dưới giá lẻ {list_price}",
    "above 0 and under the list price {list_price}",
);
pub const PRODUCER_CANNOT_CHANGE: Text = (
    "catalog.a_product_cannot_move_to_another",
    "không đổi được cơ sở của sản phẩm",
    "a product cannot move to another producer",
);
pub const NOT_AN_EXPORT_COUNTRY: Text = (
    "catalog.is_not_an_iso_3166_country",
    "«{m}» không phải mã nước ISO 3166 ngoài VN",
    "«{m}» is not an ISO 3166 country code other than VN",
);
pub const BREAK_QUANTITY_2_TO_MAX: Text =
    ("catalog.n_2_to_units", "từ 2 đến {max_break_quantity}", "2 to {max_break_quantity} units");
pub const BREAK_PRICES_MUST_FALL: Text = (
    "catalog.prices_must_fall_as_quantities_rise",
    "giá phải giảm dần khi mua nhiều hơn",
    "prices must fall as quantities rise",
);
pub const BREAK_QUANTITIES_MUST_RISE: Text = (
    "catalog.quantities_must_increase_from_break",
    "số lượng phải tăng dần qua từng mức",
    "quantities must increase from break to break",
);
pub const SEND_AT_LEAST_ONE_PHOTO: Text = (
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
    AMOUNT_IN_DONG,
    AT_LEAST_2_LETTERS_OR_DIGITS,
    AT_MOST_200_CHARACTERS,
    AT_MOST_20_000_CHARACTERS,
    AT_MOST_50_CHARACTERS,
    SKU_CHARACTERS,
    A_DATE_AS_YYYY_MM_DD,
    ON_SALE_NEEDS_A_PRICE,
    A_WHOLE_NUMBER,
    STOCK_0_TO_10_MILLION,
    PRICE_0_TO_10_BILLION,
    WEIGHT_0_TO_1_MILLION_GRAMS,
    MUST_BE_AFTER_THE_ISSUE_DATE,
    MUST_NOT_BE_BELOW_MIN_PRICE,
    NAME_2_TO_200_CHARACTERS,
    WEIGHT_NEEDED_FOR_SHIPPING,
    NOT_AN_OCOP_PRODUCT_SET_CODE,
    NO_FREE_PRODUCT_ADDRESS,
    NO_SUCH_PRODUCER,
    ONE_OF_DRAFT_ACTIVE_ARCHIVED,
    STARS_0_3_4_OR_5,
    OCOP_STARS_0_3_4_OR_5,
    PRODUCER,
    PRODUCT,
    REQUIRED,
    UNIT_REQUIRED,
    REQUIRED_WITH_OCOP_STARS,
    SHELF_LIFE_1_TO_3650_DAYS,
    THIS_PRODUCT_ADDRESS_IS_TAKEN,
    THIS_SKU_IS_ALREADY_USED,
    UNKNOWN_COMMUNE,
    UNKNOWN_COMMUNE_CODE,
    UNKNOWN_OCOP_SECTOR_OR_SET,
    UNKNOWN_PROVINCE,
    USE_1_OR_0,
    AT_MOST_CERTIFICATIONS,
    CERTIFICATION_AT_MOST_60_CHARACTERS,
    AT_MOST_MARKETS,
    AT_MOST_BREAKS,
    NUMBER_IN_RANGE,
    BREAK_PRICE_UNDER_LIST_PRICE,
    PRODUCER_CANNOT_CHANGE,
    NOT_AN_EXPORT_COUNTRY,
    BREAK_QUANTITY_2_TO_MAX,
    BREAK_PRICES_MUST_FALL,
    BREAK_QUANTITIES_MUST_RISE,
    SEND_AT_LEAST_ONE_PHOTO,
];
