//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const A_WHOLE_NUMBER: Text = ("live.a_whole_number", "Cần một số", "a whole number");
pub const CHOOSE_THE_PLATFORM_S_EXPORT_FILE: Text =
    ("live.choose_the_platform_s_export_file", "Chọn tệp xuất từ nền tảng", "choose the platform's export file");
pub const ENGLISH_TITLE_AT_MOST_200_CHARACTERS: Text = (
    "live.english_title_at_most_200_characters",
    "Tên tiếng Anh: tối đa 200 ký tự",
    "English title: at most 200 characters",
);
pub const AUDIENCE_0_TO_A_BILLION: Text = ("live.field_0_to_a_billion", "Từ 0 đến 1 tỉ", "0 to a billion");
pub const LIVE_SESSION: Text = ("live.live_session", "phiên live", "live session");
pub const NOT_ABOVE_THE_VIEWERS: Text =
    ("live.not_above_the_viewers", "Không hơn tổng lượt xem", "not above the viewers");
pub const PLATFORM_REQUIRED: Text = ("live.platform_required", "Nền tảng: bắt buộc", "platform: required");
pub const STREAM_URL_AN_HTTPS_LINK: Text =
    ("live.stream_url_an_https_link", "Đường dẫn buổi live: https://…", "stream_url: an https:// link");
pub const THE_FILE_IS_MISSING: Text = ("live.the_file_is_missing", "cần tệp", "the file is missing");
pub const TITLE_3_TO_200_CHARACTERS: Text =
    ("live.title_3_to_200_characters", "Tên phiên: 3 đến 200 ký tự", "title: 3 to 200 characters");
pub const RFC_3339_TIME: Text = (
    "live.an_rfc_3339_time_2026_12",
    "«{text}»: cần dạng RFC 3339",
    "«{text}»: an RFC 3339 time (2026-12-05T20:00:00+07:00)",
);
pub const IS_NOT_ON_SALE: Text = ("live.is_not_on_sale", "«{name}» đang không bán", "«{name}» is not on sale");
pub const IS_NOT_YOURS_TO_SELL: Text =
    ("live.is_not_yours_to_sell", "«{name}» không phải hàng bạn được bán", "«{name}» is not yours to sell");
pub const NO_ACCOUNT: Text = ("live.no_account", "Không có tài khoản «{email}»", "no account «{email}»");
pub const NO_HOST_ACCOUNT: Text = ("live.no_account_2", "Không có tài khoản {host}", "no account {host}");
pub const NO_PRODUCT: Text = ("live.no_product", "Không có sản phẩm {product_id}", "no product {product_id}");
pub const ITEMS_1_TO_MAX: Text = ("live.n_1_to_products", "Từ 1 đến {max_items} sản phẩm", "1 to {max_items} products");
pub const FIELD_REQUIRED: Text = ("live.required", "{field}: bắt buộc", "{field}: required");
pub const ENDS_WITHIN_HOURS_OF_START: Text = (
    "live.ends_after_it_starts_hours",
    "Kết thúc sau khi bắt đầu, tối đa {max_hours} giờ",
    "ends after it starts, {max_hours} hours at most",
);
pub const CAP_BELOW_ZERO: Text =
    ("live.the_cap_is_never_below_zero", "Số lượng tối đa không âm", "the cap is never below zero");
pub const THE_PRODUCT_IS_LISTED_TWICE: Text =
    ("live.the_product_is_listed_twice", "Sản phẩm lặp lại", "the product is listed twice");
pub const SESSION_PRICE_ABOVE_LIST_PRICE: Text = (
    "live.the_session_price_is_above",
    "Giá phiên {session} cao hơn giá niêm yết {price}",
    "the session price {session} is above the list price {price}",
);
pub const SESSION_PRICE_BELOW_ZERO: Text =
    ("live.the_session_price_is_never_below", "Giá phiên không âm", "the session price is never below zero");
pub const UNKNOWN_PLATFORM: Text = (
    "live.unknown_platform_tiktok_facebook_youtube_zalo",
    "Nền tảng «{p}» không có",
    "unknown platform «{p}» (tiktok, facebook, youtube, zalo, dacsan)",
);

/// A number as typed, and why it is not one (a row of `vn`).
pub const NUMBER_REFUSED: Text = ("live.number_refused", "«{text}»: {why}", "«{text}»: {why}");

pub const EXPORT_EMPTY: Text = ("live.export_empty", "tệp trống", "the file is empty");
pub const EXPORT_HEADER_WITHOUT_FIGURES: Text = (
    "live.export_header_without_figures",
    "dòng {row} có tiêu đề nhưng không có số liệu",
    "row {row} heads no figures",
);
pub const EXPORT_SEVERAL_ROWS: Text = (
    "live.export_several_rows",
    "{rows} dòng số liệu: hãy xuất bản tóm tắt của phiên",
    "{rows} rows of figures: export the session's summary",
);
pub const EXPORT_NOT_VIEWERS: Text = (
    "live.export_not_viewers",
    "dòng {row}: «{text}» không phải số người xem",
    "row {row}: «{text}» is not a number of viewers",
);
pub const EXPORT_WITHOUT_FIGURES: Text = (
    "live.export_without_figures",
    "không thấy cột «lượt xem» và «xem cùng lúc cao nhất» (Viewers, Peak viewers)",
    "no viewers and peak viewers figures found",
);

pub const TEXTS: &[Text] = &[
    EXPORT_EMPTY,
    EXPORT_HEADER_WITHOUT_FIGURES,
    EXPORT_SEVERAL_ROWS,
    EXPORT_NOT_VIEWERS,
    EXPORT_WITHOUT_FIGURES,
    NUMBER_REFUSED,
    A_WHOLE_NUMBER,
    CHOOSE_THE_PLATFORM_S_EXPORT_FILE,
    ENGLISH_TITLE_AT_MOST_200_CHARACTERS,
    AUDIENCE_0_TO_A_BILLION,
    LIVE_SESSION,
    NOT_ABOVE_THE_VIEWERS,
    PLATFORM_REQUIRED,
    STREAM_URL_AN_HTTPS_LINK,
    THE_FILE_IS_MISSING,
    TITLE_3_TO_200_CHARACTERS,
    RFC_3339_TIME,
    IS_NOT_ON_SALE,
    IS_NOT_YOURS_TO_SELL,
    NO_ACCOUNT,
    NO_HOST_ACCOUNT,
    NO_PRODUCT,
    ITEMS_1_TO_MAX,
    FIELD_REQUIRED,
    ENDS_WITHIN_HOURS_OF_START,
    CAP_BELOW_ZERO,
    THE_PRODUCT_IS_LISTED_TWICE,
    SESSION_PRICE_ABOVE_LIST_PRICE,
    SESSION_PRICE_BELOW_ZERO,
    UNKNOWN_PLATFORM,
];
