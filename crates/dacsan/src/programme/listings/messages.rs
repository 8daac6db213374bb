//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const CHOOSE_A_PRODUCT: Text = ("programme.listings.choose_a_product", "chọn sản phẩm", "choose a product");
pub const DELISTED_BEFORE_IT_WAS_LISTED: Text =
    ("programme.listings.delisted_before_it_was_listed", "ngày gỡ trước ngày lên sàn", "delisted before it was listed");
pub const FROM_AFTER_TO: Text = ("programme.listings.from_is_after", "tháng đầu sau tháng cuối", "from is after to");
pub const NOT_A_DATE_YYYY_MM_DD: Text =
    ("programme.listings.not_a_date_yyyy_mm_dd", "ngày không hợp lệ (YYYY-MM-DD)", "not a date (YYYY-MM-DD)");
pub const THE_ADDRESS_MUST_START_WITH_HTTPS: Text = (
    "programme.listings.the_address_must_start_with_https",
    "địa chỉ cần bắt đầu bằng https://",
    "the address must start with https://",
);
pub const THE_FILE_IS_EMPTY: Text = ("programme.listings.the_file_is_empty", "tệp trống", "the file is empty");
pub const THE_FILE_IS_OVER_8_MB: Text =
    ("programme.listings.the_file_is_over_8_mb", "tệp quá 8 MB", "the file is over 8 MB");
pub const NOT_A_MONTH_YYYY_MM: Text = (
    "programme.listings.not_a_month_yyyy_mm",
    "tháng không hợp lệ «{text}» (YYYY-MM)",
    "not a month «{text}» (YYYY-MM)",
);
pub const UNKNOWN_PLATFORM: Text =
    ("programme.listings.unknown_platform", "không rõ sàn «{code}»", "unknown platform «{code}»");
pub const COMMUNE_IS_NOT_IN_THE_PROVINCE: Text = (
    "programme.listings.commune_is_not_in_the_province",
    "xã mã {code} không thuộc tỉnh {province}",
    "commune {code} is not in province {province}",
);
pub const NO_HEADER_ROW: Text = (
    "programme.listings.no_header_row_with_the_columns",
    "không thấy dòng tiêu đề có các cột {join} và Mã cơ sở hoặc Tên cơ sở",
    "no header row with the columns {join} and a producer id or name",
);
pub const UNKNOWN_PLATFORM_ONE_OF: Text = (
    "programme.listings.unknown_platform_one",
    "không rõ sàn «{platform_text}»; một trong {join}",
    "unknown platform «{platform_text}»; one of {join}",
);

/// Nouns of not-found answers.
pub const LISTING: Text = ("programme.listings.listing", "kênh bán {id}", "listing {id}");
pub const PRODUCT: Text = ("programme.listings.product", "sản phẩm {id}", "product {id}");

pub const SALES_PRODUCER_MISSING: Text =
    ("programme.listings.sales_producer_missing", "thiếu mã hoặc tên cơ sở", "the producer is missing");
pub const SALES_PRODUCT_MISSING: Text =
    ("programme.listings.sales_product_missing", "thiếu tên sản phẩm", "the product name is missing");
pub const SALES_UNKNOWN_PLATFORM: Text =
    ("programme.listings.sales_unknown_platform", "không rõ sàn «{text}»", "unknown platform «{text}»");
pub const SALES_NOT_A_MONTH: Text = (
    "programme.listings.sales_not_a_month",
    "tháng không hợp lệ «{text}» (MM/YYYY)",
    "«{text}» is not a month (MM/YYYY)",
);
pub const SALES_NOT_UNITS: Text =
    ("programme.listings.sales_not_units", "số lượng không hợp lệ «{text}»", "«{text}» is not a whole number ≥ 0");
pub const SALES_NOT_REVENUE: Text =
    ("programme.listings.sales_not_revenue", "doanh thu không hợp lệ «{text}»", "«{text}» is not an amount in đồng");
pub const SALES_REPEATED_ROW: Text = (
    "programme.listings.sales_repeated_row",
    "trùng dòng {first} (cùng sản phẩm, sàn, tháng)",
    "repeats row {first} (same product, platform and month)",
);
pub const SALES_SEVERAL_PRODUCTS: Text = (
    "programme.listings.sales_several_products",
    "nhiều sản phẩm trùng tên; dùng Mã cơ sở",
    "several products match; give the producer id",
);
pub const SALES_NO_SUCH_PRODUCT: Text = (
    "programme.listings.sales_no_such_product",
    "không có sản phẩm «{product}» của cơ sở này trong tỉnh",
    "no product «{product}» of this producer in the province",
);

pub const CHOOSE_A_SALES_FILE: Text =
    ("programme.listings.choose_a_sales_file", "Chọn tệp báo cáo doanh số", "Choose a sales report file");

pub const TEXTS: &[Text] = &[
    CHOOSE_A_SALES_FILE,
    SALES_PRODUCER_MISSING,
    SALES_PRODUCT_MISSING,
    SALES_UNKNOWN_PLATFORM,
    SALES_NOT_A_MONTH,
    SALES_NOT_UNITS,
    SALES_NOT_REVENUE,
    SALES_REPEATED_ROW,
    SALES_SEVERAL_PRODUCTS,
    SALES_NO_SUCH_PRODUCT,
    LISTING,
    PRODUCT,
    CHOOSE_A_PRODUCT,
    DELISTED_BEFORE_IT_WAS_LISTED,
    FROM_AFTER_TO,
    NOT_A_DATE_YYYY_MM_DD,
    THE_ADDRESS_MUST_START_WITH_HTTPS,
    THE_FILE_IS_EMPTY,
    THE_FILE_IS_OVER_8_MB,
    NOT_A_MONTH_YYYY_MM,
    UNKNOWN_PLATFORM,
    COMMUNE_IS_NOT_IN_THE_PROVINCE,
    NO_HEADER_ROW,
    UNKNOWN_PLATFORM_ONE_OF,
];
