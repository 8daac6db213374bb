//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const CHOOSE_A_PRODUCT: Text = ("live.commissions.choose_a_product", "Chọn một sản phẩm", "choose a product");
pub const COMMISSION_RATE: Text = ("live.commissions.commission_rate", "mức hoa hồng", "commission rate");
pub const HOST_EMAIL_REQUIRED: Text =
    ("live.commissions.the_host_s_e_mail", "Cần e-mail của người dẫn", "the host's e-mail");
pub const MONTH_AS_YYYY_MM: Text = (
    "live.commissions.a_month_as_yyyy_mm",
    "tháng dạng YYYY-MM, không phải «{text}»",
    "a month as YYYY-MM, not «{text}»",
);
pub const NO_ACCOUNT: Text = ("live.commissions.no_account", "Không có tài khoản «{email}»", "no account «{email}»");
pub const NO_HOST_ACCOUNT: Text = ("live.commissions.no_account_2", "Không có tài khoản {host}", "no account {host}");
pub const FORMAT_XLSX_PDF_OR_NONE: Text =
    ("live.commissions.or_none", "«{other}»: xlsx, pdf hoặc bỏ trống", "«{other}»: xlsx, pdf or none");
pub const NOT_THIS_PRODUCER_S_PRODUCT: Text = (
    "live.commissions.not_this_producer_s_product",
    "Sản phẩm {product_id} không phải của nhà sản xuất này",
    "product {product_id} is not this producer's",
);

pub const RATE_AS_TYPED: Text =
    ("live.commissions.rate_as_typed", "«{text}»: một tỉ lệ như 7 hoặc 7,5", "«{text}»: a rate such as 7 or 7.5");
pub const RATE_RANGE: Text = ("live.commissions.rate_range", "tỉ lệ từ 0 đến {max}", "a rate from 0 to {max}");
pub const PRODUCER: Text = ("live.commissions.producer", "cơ sở", "producer");

pub const TEXTS: &[Text] = &[
    CHOOSE_A_PRODUCT,
    COMMISSION_RATE,
    HOST_EMAIL_REQUIRED,
    MONTH_AS_YYYY_MM,
    NO_ACCOUNT,
    NO_HOST_ACCOUNT,
    FORMAT_XLSX_PDF_OR_NONE,
    NOT_THIS_PRODUCER_S_PRODUCT,
    RATE_AS_TYPED,
    RATE_RANGE,
    PRODUCER,
];
