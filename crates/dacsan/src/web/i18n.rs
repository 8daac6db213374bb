//! Vietnamese first, English second. Every text a page shows comes from one table,
//! assembled by the app from the texts each domain keeps beside its code (this file
//! holds the site's and the market's); templates call `page.t("key")`.

use std::collections::HashMap;
use std::sync::OnceLock;

use axum::extract::Request;
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::CookieJar;

/// The cookie that remembers the language a reader chose.
pub const LANG_COOKIE: &str = "lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn parse(value: &str) -> Option<Lang> {
        value.parse().ok()
    }

    /// The language of a visitor who has not chosen one, from the browser's
    /// `Accept-Language`: the first of Vietnamese or English it lists; English for a
    /// browser that lists languages but neither (a buyer abroad); else Vietnamese.
    pub fn from_accept_language(header: Option<&str>) -> Lang {
        let listed = accept_language::parse(header.unwrap_or(""));
        let primary = |tag: &String| tag.split('-').next().unwrap_or("").to_ascii_lowercase();
        match listed.iter().map(primary).find(|p| p == "vi" || p == "en") {
            Some(p) => Lang::parse(&p).unwrap_or_default(),
            None if listed.iter().any(|tag| tag != "*") => Lang::En,
            None => Lang::Vi,
        }
    }

    /// Under `/api/` the client's language, elsewhere the page's.
    pub fn of_request(path: &str, headers: &HeaderMap) -> Lang {
        if path.starts_with("/api/") { Lang::of_client(headers) } else { Lang::of_page(headers) }
    }

    /// A page's language: the one its reader chose (a cookie), else the browser's.
    fn of_page(headers: &HeaderMap) -> Lang {
        let chosen = CookieJar::from_headers(headers).get(LANG_COOKIE).and_then(|c| Lang::parse(c.value()));
        chosen.unwrap_or_else(|| Lang::of_client(headers))
    }

    /// An API client's language: its `Accept-Language`, Vietnamese when it sends none.
    fn of_client(headers: &HeaderMap) -> Lang {
        Lang::from_accept_language(headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()))
    }

    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn t(self, key: &str) -> &'static str {
        match TABLE.get().and_then(|table| table.get(key)) {
            Some((vi, en)) => match self {
                Lang::Vi => vi,
                Lang::En => en,
            },
            None => {
                tracing::warn!(key, "missing i18n key");
                "?"
            }
        }
    }
}

/// One text of a page: (key, Vietnamese, English).
pub use crate::error::Text;

/// Every request's error messages in its reader's language: under `/api/` the
/// client's `Accept-Language`, elsewhere the page's language.
/// The language is decided once here and kept with the request, where `Page` and
/// handlers that take a `Lang` find it.
pub async fn speak_the_readers_language(mut request: Request, next: Next) -> Response {
    let lang = Lang::of_request(request.uri().path(), request.headers());
    request.extensions_mut().insert(lang);
    crate::error::in_language(lang == Lang::En, next.run(request)).await
}

/// The reader's language, as [`speak_the_readers_language`] decided it.
impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Lang, Self::Rejection> {
        let decided = parts.extensions.get::<Lang>().copied();
        Ok(decided.unwrap_or_else(|| Lang::of_request(parts.uri.path(), &parts.headers)))
    }
}

static TABLE: OnceLock<HashMap<&'static str, (&'static str, &'static str)>> = OnceLock::new();

/// Builds the table from the texts each domain keeps beside its code; the app calls it
/// once as it assembles its router (`crate::install_texts`). Later calls change nothing.
pub fn install(parts: &[&'static [Text]]) {
    TABLE.get_or_init(|| parts.iter().flat_map(|part| part.iter()).map(|(k, vi, en)| (*k, (*vi, *en))).collect());
}

/// Whether `key` is in the installed table (for tests of templates and texts).
pub fn has_key(key: &str) -> bool {
    TABLE.get().is_some_and(|table| table.contains_key(key))
}

/// The number of keys in the installed table.
pub fn len() -> usize {
    TABLE.get().map_or(0, HashMap::len)
}

/// (key, Vietnamese, English)
pub const TEXTS: &[Text] = &[
    ("site_name", "Đặc sản Miền núi phía Bắc", "Northern Highlands Specialties"),
    (
        "site_tagline",
        "Sản phẩm OCOP và đặc sản từ tận nơi sản xuất",
        "OCOP and specialty products, straight from their makers",
    ),
    (
        "site_description",
        "Chợ trực tuyến của các hợp tác xã, hộ kinh doanh và doanh nghiệp vùng trung du và miền núi phía Bắc: chè Shan tuyết, sâm Lai Châu, mật ong bạc hà, gạo Séng Cù và nhiều sản phẩm OCOP.",
        "The online market of the cooperatives, household businesses and firms of Vietnam's northern midlands and mountains: Shan tuyet tea, Lai Chau ginseng, mint honey, Seng Cu rice and many OCOP products.",
    ),
    ("search", "Tìm kiếm", "Search"),
    ("search_placeholder", "Ví dụ: sam lai chau", "E.g. lai chau ginseng"),
    ("search_label", "Tìm sản phẩm", "Search products"),
    ("home", "Trang chủ", "Home"),
    ("sign_in", "Đăng nhập", "Sign in"),
    ("sign_out", "Đăng xuất", "Sign out"),
    ("register", "Đăng ký", "Register"),
    ("seller_desk", "Gian hàng của tôi", "My store"),
    ("admin", "Quản trị", "Admin"),
    ("language_other", "English", "Tiếng Việt"),
    ("language_other_code", "en", "vi"),
    ("privacy", "Chính sách bảo vệ dữ liệu cá nhân", "Privacy notice"),
    (
        "footer_note",
        "Phần mềm mã nguồn mở dacsan. Giá niêm yết bằng đồng Việt Nam, đã gồm thuế.",
        "Open-source dacsan software. Prices in Vietnamese đồng, taxes included.",
    ),
    ("by_province", "Theo tỉnh", "By province"),
    ("by_group", "Theo nhóm sản phẩm", "By product group"),
    ("by_stars", "Theo hạng sao OCOP", "By OCOP stars"),
    ("province", "Tỉnh, thành phố", "Province"),
    ("commune", "Xã, phường", "Commune"),
    ("group", "Nhóm sản phẩm", "Product group"),
    ("stars", "Sao OCOP", "OCOP stars"),
    ("no_stars", "Chưa xếp hạng", "Not rated"),
    ("all", "Tất cả", "All"),
    ("price_from", "Giá từ (₫)", "Price from (₫)"),
    ("price_to", "đến (₫)", "to (₫)"),
    ("in_stock_only", "Chỉ hàng còn", "In stock only"),
    ("sort", "Sắp xếp", "Sort"),
    ("sort_relevance", "Phù hợp nhất", "Best match"),
    ("sort_newest", "Mới nhất", "Newest"),
    ("sort_price_asc", "Giá tăng dần", "Price: low to high"),
    ("sort_price_desc", "Giá giảm dần", "Price: high to low"),
    ("sort_best_selling", "Bán chạy", "Best selling"),
    ("apply_filters", "Lọc", "Filter"),
    ("results", "sản phẩm", "products"),
    (
        "no_results",
        "Không tìm thấy sản phẩm phù hợp. Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc.",
        "No matching products. Try other words or fewer filters.",
    ),
    ("previous", "Trang trước", "Previous"),
    ("next", "Trang sau", "Next"),
    ("page", "Trang", "Page"),
    ("featured", "Sản phẩm bán chạy", "Best sellers"),
    ("newest_products", "Mới lên kệ", "New in"),
    ("see_all", "Xem tất cả", "See all"),
    ("out_of_stock", "Hết hàng", "Out of stock"),
    ("in_stock", "Còn hàng", "In stock"),
    ("stock_left", "Còn", "Left"),
    ("unit", "Quy cách", "Unit"),
    ("weight", "Khối lượng", "Weight"),
    ("sku", "Mã hàng", "SKU"),
    ("gtin", "Mã vạch GTIN", "GTIN barcode"),
    ("origin", "Xuất xứ", "Origin"),
    ("ocop_certificate", "Chứng nhận OCOP", "OCOP certificate"),
    ("certificate_no", "Số quyết định", "Decision no."),
    ("issued_by", "Cơ quan cấp", "Issued by"),
    ("issued_on", "Ngày cấp", "Issued on"),
    ("expires_on", "Hết hạn", "Expires on"),
    ("expired", "Đã hết hạn", "Expired"),
    ("description", "Mô tả", "Description"),
    ("sold_by", "Người bán", "Sold by"),
    ("visit_store", "Xem gian hàng", "Visit the store"),
    ("more_from_store", "Sản phẩm khác của gian hàng", "More from this store"),
    ("seller_identity", "Thông tin người bán", "Seller details"),
    ("seller_kind", "Loại hình", "Type"),
    ("address", "Địa chỉ", "Address"),
    ("phone", "Điện thoại", "Phone"),
    ("email", "Email", "Email"),
    ("tax_code", "Mã số thuế / số đăng ký", "Tax / registration no."),
    ("our_story", "Câu chuyện của chúng tôi", "Our story"),
    ("products", "Sản phẩm", "Products"),
    ("complain", "Phản ánh, khiếu nại về người bán", "Report a problem with this seller"),
    (
        "complain_intro",
        "Nếu sản phẩm hoặc người bán có vấn đề, hãy cho chúng tôi biết. Ban quản lý sàn sẽ liên hệ lại trong 3 ngày làm việc.",
        "If something is wrong with a product or this seller, tell us. The marketplace team answers within 3 working days.",
    ),
    ("your_name", "Họ và tên", "Your name"),
    ("your_contact", "Số điện thoại hoặc email", "Phone or e-mail"),
    ("message", "Nội dung", "Message"),
    ("send", "Gửi", "Send"),
    ("complaint_received", "Đã nhận phản ánh của bạn. Cảm ơn bạn!", "Your report was received. Thank you!"),
    ("password", "Mật khẩu", "Password"),
    ("name", "Họ và tên", "Name"),
    ("no_account", "Chưa có tài khoản?", "No account yet?"),
    ("have_account", "Đã có tài khoản?", "Already registered?"),
    (
        "consent",
        "Tôi đã đọc và đồng ý với chính sách bảo vệ dữ liệu cá nhân",
        "I have read and agree to the privacy notice",
    ),
    ("wrong_credentials", "Email hoặc mật khẩu không đúng.", "Wrong e-mail or password."),
    ("form_has_errors", "Vui lòng sửa các mục được đánh dấu.", "Please correct the marked fields."),
    ("save", "Lưu", "Save"),
    ("saved", "Đã lưu.", "Saved."),
    ("edit_store", "Sửa gian hàng", "Edit store"),
    ("add_product", "Thêm sản phẩm", "Add a product"),
    ("edit", "Sửa", "Edit"),
    ("view", "Xem", "View"),
    ("status", "Trạng thái", "Status"),
    ("status_draft", "Nháp", "Draft"),
    ("status_active", "Đang bán", "On sale"),
    ("status_archived", "Ngừng bán", "Archived"),
    ("price", "Giá (₫)", "Price (₫)"),
    ("stock", "Tồn kho", "Stock"),
    ("weight_g", "Khối lượng (gam)", "Weight (grams)"),
    ("unit_hint", "Ví dụ: hộp 500 g", "E.g. box 500 g"),
    ("name_vi", "Tên sản phẩm (tiếng Việt)", "Product name (Vietnamese)"),
    ("name_en", "Tên tiếng Anh", "English name"),
    ("photos", "Ảnh", "Photos"),
    (
        "add_photos",
        "Thêm ảnh (JPEG, PNG hoặc WebP, tối đa 8 MB mỗi ảnh)",
        "Add photos (JPEG, PNG or WebP, 8 MB each at most)",
    ),
    ("logo", "Logo", "Logo"),
    ("story", "Câu chuyện (Markdown)", "Story (Markdown)"),
    ("description_md", "Mô tả (Markdown: **đậm**, - danh sách)", "Description (Markdown: **bold**, - lists)"),
    ("origin_commune", "Xã/phường xuất xứ", "Origin commune"),
    ("ocop_none", "Không có / chưa xếp hạng", "None / not rated"),
    ("street", "Số nhà, thôn/bản, đường", "Street, village"),
    ("producer_name", "Tên cơ sở", "Producer name"),
    ("kind_doanh_nghiep", "Doanh nghiệp", "Enterprise"),
    ("kind_hop_tac_xa", "Hợp tác xã", "Cooperative"),
    ("kind_to_hop_tac", "Tổ hợp tác", "Cooperative group"),
    ("kind_ho_kinh_doanh", "Hộ kinh doanh", "Household business"),
    ("my_producers", "Cơ sở của tôi", "My producers"),
    ("my_products", "Sản phẩm", "Products"),
    ("no_products_yet", "Chưa có sản phẩm nào.", "No products yet."),
    ("create_producer", "Tạo cơ sở sản xuất", "Create a producer"),
    ("create_user", "Tạo tài khoản", "Create a user"),
    ("failed_jobs", "Việc nền bị lỗi", "Failed background jobs"),
    ("no_failed_jobs", "Không có việc nền nào lỗi.", "No background job has failed."),
    ("job_kind", "Việc", "Job"),
    ("job_error", "Lỗi", "Error"),
    ("job_attempts", "Số lần thử", "Attempts"),
    ("job_retry", "Chạy lại", "Retry"),
    ("job_drop", "Bỏ", "Drop"),
    ("job_retried", "Đã xếp lại việc", "Queued again: job"),
    ("job_dropped", "Đã bỏ việc", "Dropped: job"),
    ("role", "Vai trò", "Role"),
    ("producers", "Cơ sở sản xuất", "Producers"),
    ("users", "Tài khoản", "Users"),
    ("producer_slug", "Mã gian hàng (slug)", "Store slug"),
    ("optional", "không bắt buộc", "optional"),
    ("choose", "— Chọn —", "— Choose —"),
    ("remove", "Xóa", "Remove"),
    ("verified_origin", "Nguồn gốc từ người sản xuất", "Sold by its maker"),
    ("back_to_top", "Lên đầu trang", "Back to top"),
    ("error", "Có lỗi", "Something went wrong"),
    ("go_home", "Về trang chủ", "Back to the home page"),
    ("star_suffix", "sao", "stars"),
    ("payment_account", "Tài khoản nhận thanh toán VietQR", "VietQR receiving account"),
    ("cart", "Giỏ hàng", "Cart"),
    ("cart_empty", "Giỏ hàng đang trống.", "Your cart is empty."),
    (
        "cart_one_order_per_store",
        "Mỗi gian hàng là một đơn riêng, bạn trả tiền thẳng cho người bán.",
        "Each store is a separate order: you pay the seller directly.",
    ),
    ("cart_update", "Cập nhật giỏ hàng", "Update cart"),
    ("cart_price_changed", "giá đã đổi, trước là", "price changed, was"),
    ("cart_unavailable", "Sản phẩm không còn bán", "No longer on sale"),
    ("cart_short", "Không đủ hàng", "Not enough in stock"),
    ("wholesale_price", "giá sỉ", "wholesale price"),
    ("cart_session_price", "giá phiên live", "live session price"),
    (
        "cart_session_short",
        "Không còn đủ hàng ở giá phiên live, hãy giảm số lượng",
        "Not that many left at the session price: lower the quantity",
    ),
    ("wholesale_from", "Giá sỉ từ", "Wholesale from"),
    ("wholesale_prices", "Giá sỉ cho doanh nghiệp", "Wholesale prices for businesses"),
    (
        "wholesale_note",
        "Cho tài khoản có hồ sơ doanh nghiệp: giỏ hàng tự tính giá sỉ khi bạn mua từ số lượng tối thiểu.",
        "For accounts with a business profile: the cart applies them from the minimum quantity.",
    ),
    ("wholesale_quantity", "Số lượng", "Quantity"),
    ("wholesale_from_quantity", "Từ số lượng", "From quantity"),
    ("wholesale_unit_price", "Đơn giá", "Unit price"),
    (
        "wholesale_form_hint",
        "Mỗi dòng một mức: từ số lượng này, mỗi đơn vị giá này (dưới giá lẻ, giảm dần). Dòng đầu là số lượng tối thiểu để mua giá sỉ.",
        "One break per row: from this quantity, each unit at this price (under the list price, falling). The first row is the minimum for wholesale.",
    ),
    ("go_export", "Xuất khẩu và tiếng Anh", "Export and English"),
    (
        "go_export_hint",
        "Cho khách nước ngoài: trang tiếng Anh dùng đơn vị và mô tả này; mã HS, hạn dùng, chứng nhận và thị trường hiện trên trang sản phẩm.",
        "For buyers abroad: English pages use this unit and description; the HS code, shelf life, certifications and markets show on the product page.",
    ),
    ("unit_en", "Đơn vị (tiếng Anh)", "Unit (English)"),
    ("story_en", "Câu chuyện bằng tiếng Anh (Markdown)", "Story in English (Markdown)"),
    ("description_en", "Mô tả tiếng Anh (Markdown)", "English description (Markdown)"),
    ("hs_code", "Mã HS", "HS code"),
    ("hs_suggested", "gợi ý theo nhóm:", "suggested for the set:"),
    ("shelf_life_days", "Hạn sử dụng (ngày)", "Shelf life (days)"),
    ("package_cm", "Kích thước gói hàng, cm", "Packed size, cm"),
    ("package_size", "Kích thước gói", "Packed size"),
    (
        "package_hint",
        "dài × rộng × cao; hãng vận chuyển tính theo khối lượng quy đổi khi gói cồng kềnh",
        "length × width × height; carriers charge the volumetric weight of a bulky parcel",
    ),
    ("package_length", "Dài", "Length"),
    ("package_width", "Rộng", "Width"),
    ("package_height", "Cao", "Height"),
    ("shelf_life", "Hạn sử dụng", "Shelf life"),
    ("certifications", "Chứng nhận", "Certifications"),
    ("comma_separated", "(cách nhau bằng dấu phẩy)", "(comma separated)"),
    ("export_markets", "Thị trường xuất khẩu", "Export markets"),
    ("export_markets_hint", "(mã nước ISO: JP, US, DE…)", "(ISO country codes: JP, US, DE…)"),
    ("export_facts", "Thông tin xuất khẩu", "Export facts"),
    ("indicative", "tham khảo", "indicative"),
    ("usd_rate", "Tỷ giá đô la Mỹ (tham khảo)", "US dollar rate (indicative)"),
    (
        "usd_rate_hint",
        "Trang tiếng Anh hiện giá quy đổi USD theo tỷ giá này; giá bán vẫn là đồng.",
        "English pages show dollar figures at this rate; prices stay in đồng.",
    ),
    ("usd_rate_now", "Đang dùng:", "Now:"),
    ("usd_rate_field", "Số đồng cho 1 USD", "Đồng for 1 USD"),
    ("wholesale_set_up", "Tạo hồ sơ doanh nghiệp", "Set up a business profile"),
    (
        "cart_fix_first",
        "Hãy sửa các dòng được đánh dấu trước khi đặt hàng.",
        "Fix the marked lines before checking out.",
    ),
    ("add_to_cart", "Thêm vào giỏ", "Add to cart"),
    ("quantity", "Số lượng", "Quantity"),
    ("subtotal", "Tạm tính", "Subtotal"),
    ("total", "Tổng cộng", "Total"),
    ("checkout", "Đặt hàng", "Check out"),
    ("cod_only", "chỉ nhận tiền mặt khi giao hàng", "cash on delivery only"),
    ("shipping_agreed", "phí giao hàng người bán báo khi xác nhận", "the seller confirms the delivery fee"),
    ("choose_commune", "Chọn xã, phường", "Choose the commune"),
    ("payment", "Thanh toán", "Payment"),
    (
        "pay_vietqr",
        "Chuyển khoản VietQR (quét mã bằng ứng dụng ngân hàng)",
        "VietQR bank transfer (scan with any banking app)",
    ),
    ("pay_cod", "Trả tiền mặt khi nhận hàng (COD)", "Cash on delivery"),
    ("place_order", "Đặt hàng", "Place the order"),
    ("order", "Đơn hàng", "Order"),
    ("orders_placed", "Đã đặt hàng", "Order placed"),
    (
        "orders_placed_intro",
        "Cảm ơn bạn! Mỗi gian hàng có một đơn riêng. Trang này tự cập nhật khi tiền về.",
        "Thank you! Each store has its own order. This page updates itself when the money arrives.",
    ),
    ("paid_amount", "Đã trả", "Paid"),
    ("pay_by_vietqr", "Quét mã để thanh toán", "Scan to pay"),
    (
        "pay_hint",
        "Mở ứng dụng ngân hàng, quét mã hoặc chuyển khoản đúng số tiền với nội dung là mã đơn.",
        "Open your banking app, scan the code, or transfer the exact amount with the order code as the content.",
    ),
    ("bank", "Ngân hàng", "Bank"),
    ("account_number", "Số tài khoản", "Account number"),
    ("account_holder", "Chủ tài khoản", "Account holder"),
    ("amount", "Số tiền", "Amount"),
    ("transfer_content", "Nội dung chuyển khoản", "Transfer content"),
    ("carrier", "Đơn vị vận chuyển", "Carrier"),
    ("tracking_no", "Mã vận đơn", "Tracking number"),
    ("reason", "Lý do", "Reason"),
    ("order_details", "Chi tiết đơn", "Order details"),
    ("packing_slip", "In phiếu đóng gói", "Print the packing slip"),
    ("delivery", "Giao hàng", "Delivery"),
    ("timeline", "Lịch sử đơn hàng", "Order timeline"),
    ("my_orders", "Đơn hàng của tôi", "My orders"),
    ("no_orders", "Chưa có đơn hàng nào.", "No orders yet."),
    ("order_desk", "Đơn hàng cần xử lý", "Order desk"),
    ("from", "Người gửi", "From"),
    ("to", "Người nhận", "To"),
    ("collect_cod", "Thu hộ", "Collect on delivery"),
    ("prepaid", "Đã thanh toán trước", "Prepaid"),
    ("order_awaiting_payment", "Chờ thanh toán", "Awaiting payment"),
    ("order_paid", "Đã thanh toán", "Paid"),
    ("referral_code", "Mã giới thiệu", "Referral code"),
    ("referral_hint", "của phiên live, nếu có; bỏ trống được", "from a live session, if any; may be left empty"),
    ("order_confirmed", "Đã xác nhận", "Confirmed"),
    ("order_packed", "Đã đóng gói", "Packed"),
    ("order_shipped", "Đã gửi hàng", "Shipped"),
    ("order_delivered", "Đã giao", "Delivered"),
    ("order_completed", "Hoàn tất", "Completed"),
    ("order_cancelled", "Đã hủy", "Cancelled"),
    ("order_refunded", "Đã hoàn tiền", "Refunded"),
    ("reload", "Tải lại để xem trạng thái mới", "Reload for the latest status"),
    ("action_paid", "Đánh dấu đã thanh toán", "Mark paid"),
    ("action_confirm", "Xác nhận đơn", "Confirm the order"),
    ("action_pack", "Đã đóng gói xong", "Packed"),
    ("action_ship", "Gửi hàng", "Ship"),
    ("action_deliver", "Đã giao hàng", "Delivered"),
    ("action_complete", "Đã nhận được hàng", "I received it"),
    ("action_cancel", "Hủy đơn", "Cancel the order"),
    ("action_refund", "Hoàn tiền", "Refund"),
    ("bank_account_saved", "Đã lưu tài khoản nhận tiền.", "Receiving account saved."),
    ("lot", "Lô", "Lot"),
    ("share", "Chia sẻ", "Share"),
    ("trace_harvest", "Thu hoạch", "Harvest"),
    ("trace_processing", "Chế biến", "Processing"),
    ("trace_packing", "Đóng gói", "Packing"),
    ("trace_quality_test", "Kiểm nghiệm", "Quality test"),
    ("trace_certification", "Chứng nhận", "Certification"),
    ("trace_shipping", "Vận chuyển", "Shipping"),
    ("trace_receiving", "Nhận hàng", "Receiving"),
    ("trace_retail", "Bán lẻ", "Retail"),
    ("trace_event", "Sự kiện", "Event"),
    ("trace_genuine", "Chính hãng — hồ sơ truy xuất đã được xác minh", "Genuine — the traceability record verifies"),
    (
        "trace_genuine_detail",
        "Mọi sự kiện khớp chuỗi băm và chữ ký số của nền tảng",
        "Every event matches the hash chain and the platform's digital signature",
    ),
    ("trace_key", "khoá", "key"),
    ("trace_not_verified", "Hồ sơ không xác minh được", "The record does not verify"),
    ("trace_suspicious", "Tem này có thể bị sao chép", "This label may have been copied"),
    (
        "trace_suspicious_detail",
        "Nếu bạn không phải người quét các lần trước, hãy báo cho người bán.",
        "If the earlier scans were not yours, tell the seller.",
    ),
    ("trace_scanned", "Đã quét", "Scanned"),
    ("trace_times", "lần", "times"),
    ("trace_places", "ở", "from"),
    ("trace_serial", "Số sê-ri", "Serial number"),
    ("trace_scans", "Lượt quét", "Scans"),
    ("trace_first_scan", "lần đầu", "first on"),
    ("trace_produced_on", "Ngày sản xuất", "Produced on"),
    ("trace_standards", "Tiêu chuẩn áp dụng", "Standards applied"),
    ("trace_input", "Nguyên liệu", "Input"),
    ("trace_code", "Mã truy xuất", "Traceability code"),
    ("trace_timeline", "Hành trình sản phẩm", "The product's journey"),
    ("trace_no_events", "Chưa có sự kiện nào.", "No events yet."),
    ("trace_failed", "không đạt", "failed"),
    ("trace_corrected", "đã được sửa", "corrected"),
    ("trace_corrects", "Sửa cho sự kiện", "Corrects event"),
    ("trace_files", "Kết quả kiểm nghiệm và chứng nhận", "Test results and certificates"),
    ("trace_check_yourself", "Tự kiểm tra", "Check it yourself"),
    (
        "trace_check_detail",
        "Tải hồ sơ đã ký và kiểm tra ngoại tuyến bằng lệnh dacsan trace verify với khoá công khai của nền tảng.",
        "Download the signed record and check it offline with dacsan trace verify and the platform's public key.",
    ),
    ("trace_download_record", "Tải hồ sơ đã ký", "Download the signed record"),
    ("trace_public_key", "Khoá công khai", "Public key"),
    ("trace_buy", "Xem và mua sản phẩm", "See and buy the product"),
    ("upload", "Tải lên", "Upload"),
    ("trace_batches", "Lô hàng truy xuất", "Traceable batches"),
    ("trace_no_batches", "Chưa có lô hàng nào.", "No batches yet."),
    ("trace_new_batch", "Ghi lô hàng mới", "Record a new batch"),
    ("trace_optional", "không bắt buộc", "optional"),
    ("trace_record_batch", "Ghi lô hàng", "Record the batch"),
    ("trace_serials", "Số sê-ri đã cấp", "Serials issued"),
    ("trace_scans_h", "Lượt quét tem sê-ri", "Scans of the serial labels"),
    ("trace_labels_scanned", "tem đã được quét", "labels scanned"),
    ("trace_scans_in_all", "lượt quét tất cả", "scans in all"),
    (
        "trace_flagged_h",
        "Tem đáng ngờ (quét quá nhiều lần hoặc ở quá nhiều nơi)",
        "Suspicious labels (scanned too often or from too many places)",
    ),
    ("trace_no_flagged", "Chưa có tem nào đáng ngờ.", "No suspicious labels."),
    ("trace_last_scan", "Lần cuối", "Last scan"),
    ("trace_carriers_h", "Giao cho người vận chuyển", "Hand over to a carrier"),
    (
        "trace_carriers_intro",
        "Người vận chuyển mở liên kết trên điện thoại để ghi việc vận chuyển và nhận hàng của lô này, không cần tài khoản.",
        "The carrier opens the link on their phone to record this batch's shipping and receiving, without an account.",
    ),
    ("trace_carrier_name", "Người hoặc đơn vị vận chuyển", "Carrier (person or company)"),
    ("trace_handover_days", "Hiệu lực (ngày)", "Valid for (days)"),
    ("trace_issue_link", "Tạo liên kết", "Create the link"),
    (
        "trace_handover_issued",
        "Liên kết chỉ hiện lần này: gửi cho người vận chuyển hoặc cho họ quét mã QR.",
        "The link is shown only now: send it to the carrier or let them scan the QR code.",
    ),
    ("trace_handover_revoked", "Đã thu hồi liên kết.", "The link was revoked."),
    ("trace_valid_until", "hiệu lực đến", "valid until"),
    ("trace_revoked", "đã thu hồi", "revoked"),
    ("trace_expired", "đã hết hạn", "expired"),
    ("trace_revoke", "Thu hồi", "Revoke"),
    ("trace_carry_title", "Ghi vận chuyển", "Record the transport"),
    ("trace_carry_as", "Bạn ghi cho lô hàng này với tư cách", "You record for this batch as"),
    ("trace_recent_events", "Sự kiện gần đây", "Recent events"),
    ("trace_commune_name", "Xã, phường (tên)", "Commune (name)"),
    ("trace_carton", "Thùng hàng", "Carton"),
    ("trace_container", "Thùng, kiện (mô tả)", "Carton or case (description)"),
    ("trace_sscc_hint", "mã 18 số trên nhãn thùng, nếu có", "the carton label's 18 digits, if any"),
    (
        "trace_carton_intro",
        "Các lô hàng được đóng gói hoặc vận chuyển trong thùng này; mở từng lô để xem hành trình và xác minh.",
        "The batches packed or shipped in this carton; open each to see its journey and verify it.",
    ),
    ("trace_labels", "In tem QR", "Print QR labels"),
    ("trace_labels_batch", "Một mã cho cả lô (tờ A4)", "One code for the batch (A4 sheet)"),
    ("trace_labels_serial", "Mỗi sản phẩm một mã sê-ri (chống giả)", "One serial code per unit (anti-counterfeit)"),
    ("trace_issue_serials", "Cấp số sê-ri", "Issue serial numbers"),
    ("trace_issue", "Cấp số", "Issue"),
    ("trace_add_event", "Thêm sự kiện", "Add an event"),
    ("trace_when", "Thời điểm (để trống: bây giờ)", "When (empty: now)"),
    ("trace_who", "Ai thực hiện", "Who"),
    ("trace_where", "Ở đâu", "Where"),
    ("trace_result", "Kết quả kiểm nghiệm", "Test result"),
    ("trace_passed", "đạt", "passed"),
    ("trace_note", "Ghi chú", "Note"),
    ("trace_file_kind", "Loại tệp", "File type"),
    ("trace_file_title", "Tên tệp", "Title"),
    ("trace_attachment", "Tệp đính kèm", "Attachment"),
    ("trace_event_saved", "Đã ghi sự kiện vào chuỗi.", "The event was added to the chain."),
    ("trace_serials_issued", "Đã cấp số sê-ri: in tem ở trên.", "Serials issued: print the labels above."),
    ("trace_file_saved", "Đã lưu tệp.", "The file was saved."),
    ("trace_brand_batches", "Lô hàng có truy xuất nguồn gốc", "Traceable batches"),
    ("menu", "Menu", "Menu"),
];

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn a_browsers_languages_choose_until_the_visitor_does() {
        assert_eq!(Lang::from_accept_language(Some("vi-VN,vi;q=0.9,en-US;q=0.8")), Lang::Vi);
        assert_eq!(Lang::from_accept_language(Some("en-GB,en;q=0.9")), Lang::En);
        assert_eq!(Lang::from_accept_language(Some("ja-JP,ja;q=0.9,en;q=0.5,vi;q=0.4")), Lang::En);
        assert_eq!(Lang::from_accept_language(Some("fr-FR,fr;q=0.9")), Lang::En, "neither: a buyer abroad");
        assert_eq!(Lang::from_accept_language(Some("*")), Lang::Vi);
        assert_eq!(Lang::from_accept_language(None), Lang::Vi);
    }
}
