//! Selling live: livestream sessions with a host, a referral code and session
//! prices valid only while the session runs; its public page and short link; the
//! orders attributed to it at checkout (through [`service::LiveReferrals`]) and its
//! report.

pub mod api;
pub mod audience;
pub mod channels;
pub mod commissions;
pub mod form;
pub mod messages;
pub mod model;
pub mod pages;
pub mod routes;
pub mod seller;
pub mod service;
pub mod store;

pub const TEXTS: &[(&str, &str, &str)] = &[
    ("live_badge", "Phiên bán hàng trực tiếp", "Live selling session"),
    ("live_now", "Đang phát trực tiếp", "Live now"),
    ("live_starts", "Bắt đầu", "Starts"),
    ("live_ends", "Kết thúc", "Ends"),
    (
        "live_ended",
        "Phiên đã kết thúc: giá phiên không còn áp dụng.",
        "The session has ended: session prices no longer apply.",
    ),
    ("live_not_started", "Giá phiên chỉ áp dụng trong giờ phát.", "Session prices apply only while the session runs."),
    ("live_watch", "Xem trên", "Watch on"),
    ("live_starts_in", "Bắt đầu sau", "Starts in"),
    ("live_ends_in", "Giá phiên còn", "Session prices for another"),
    ("live_days", "ngày", "days"),
    ("live_session_price", "Giá phiên", "Session price"),
    ("live_list_price", "Giá niêm yết", "List price"),
    ("live_left_at_price", "còn ở giá phiên", "left at the session price"),
    ("live_code", "Mã giới thiệu", "Referral code"),
    ("live_short_link", "Đường dẫn ngắn", "Short link"),
    (
        "live_rule",
        "Đơn đặt qua trang này, đường dẫn ngắn hoặc mã giới thiệu (trong 7 ngày) được tính cho phiên và người dẫn; mỗi đơn chỉ tính cho một phiên — phiên cuối cùng bạn ghé qua.",
        "Orders placed through this page, its short link or its referral code (within 7 days) count for the session and its host; an order counts for one session only — the last one you came through.",
    ),
    (
        "live_cap_rule",
        "Giá phiên chỉ áp dụng trong giờ phiên và cho số lượng còn lại ở giá phiên; khi bạn đặt nhiều hơn số còn lại, đơn báo số còn lại để bạn giảm số lượng (hoặc bỏ mã để mua giá niêm yết).",
        "Session prices hold during the session and for the units left at that price; if you order more than are left, checkout tells you how many are left so you can order fewer (or remove the code and pay the list price).",
    ),
    ("live_buy", "Xem và mua", "See and buy"),
    ("live_sessions", "Bán hàng trực tiếp (livestream)", "Live selling"),
    ("live_none", "Chưa có phiên nào.", "No sessions yet."),
    ("live_new", "Lên lịch một phiên", "Schedule a session"),
    ("live_title", "Tên phiên", "Title"),
    ("live_title_en", "Tên phiên bằng tiếng Anh", "Title in English"),
    ("live_platform", "Nền tảng", "Platform"),
    ("live_stream_url", "Đường dẫn buổi phát", "Stream link"),
    ("live_stream_hint", "https://…; bỏ trống nếu phát trên trang dacsan", "https://…; empty for dacsan's own page"),
    ("live_host_email", "E-mail người dẫn (KOL/KOC)", "Host's e-mail (KOL/KOC)"),
    ("live_host_hint", "tài khoản đã có; bỏ trống nếu tự dẫn", "an existing account; empty if you host"),
    ("live_products", "Sản phẩm trong phiên", "Products in the session"),
    ("live_price_hint", "giá phiên, đồng (không quá giá niêm yết)", "session price, đồng (not above the list price)"),
    ("live_cap", "tối đa ở giá phiên", "at most at the session price"),
    ("live_cap_short", "Tối đa", "At most"),
    (
        "live_items_hint",
        "Giá phiên tính bằng đồng, không quá giá niêm yết; «Tối đa»: số đơn vị bán ở giá phiên (bỏ trống: không giới hạn).",
        "Session price in đồng, not above the list price; «At most»: units sold at the session price (empty: no limit).",
    ),
    ("live_schedule", "Lên lịch", "Schedule"),
    ("live_report", "Kết quả phiên", "Session report"),
    ("live_orders", "Đơn hàng", "Orders"),
    ("live_units", "Số lượng", "Units"),
    ("live_revenue", "Doanh thu hàng", "Revenue of goods"),
    ("live_conversion", "Tỉ lệ chuyển đổi", "Conversion"),
    ("live_viewers", "Lượt xem", "Viewers"),
    ("live_peak", "Xem cùng lúc nhiều nhất", "Peak viewers"),
    (
        "live_audience_hint",
        "Nhập theo số liệu của nền tảng sau khi phiên kết thúc.",
        "Type in the platform's figures after the session.",
    ),
    ("live_save", "Lưu", "Save"),
    ("live_top", "Bán chạy trong phiên", "Top products"),
    ("live_open_page", "Mở trang phiên", "Open the session page"),
    ("live_import", "Hoặc nhập từ tệp xuất của nền tảng", "Or import the platform's export file"),
    (
        "live_import_hint",
        ".xlsx hoặc .csv từ trang thống kê LIVE (TikTok, Facebook, YouTube, Zalo): cột lượt xem và xem cùng lúc cao nhất",
        ".xlsx or .csv from the LIVE analytics (TikTok, Facebook, YouTube, Zalo): the viewers and peak viewers figures",
    ),
    ("live_import_button", "Nhập tệp", "Import the file"),
];
