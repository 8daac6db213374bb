//! Programme office: fairs and market sessions. The event (name, kind, place,
//! dates, visitors, revenue target), the producers' booths with their revenue in
//! đồng, the booths' tills that sell by VietQR or cash on the day (`sales*`, `till`),
//! and the totals the province reports (booths, producers, visitors, revenue).

pub mod api;
pub mod events;
pub mod messages;
pub mod model;
pub mod pages;
pub mod sales;
pub mod sales_api;
pub mod sales_store;
pub mod store;
pub mod till;

use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub const TEXTS: &[(&str, &str, &str)] = &[
    ("fair_kind_fair", "Hội chợ", "Fair"),
    ("fair_kind_market_session", "Phiên chợ", "Market session"),
    ("fair_new", "Thêm hội chợ, phiên chợ", "New fair or market session"),
    ("fair_name", "Tên sự kiện", "Name"),
    ("fair_kind", "Loại", "Kind"),
    ("fair_place", "Địa điểm", "Place"),
    ("fair_starts_on", "Từ ngày", "From"),
    ("fair_ends_on", "Đến ngày", "To"),
    ("fair_ends_hint", "bỏ trống nếu chỉ một ngày", "leave empty for one day"),
    ("fair_visitors", "Lượt khách", "Visitors"),
    ("fair_booths", "Gian hàng", "Booths"),
    ("fair_producers", "Cơ sở tham gia", "Producers"),
    ("fair_revenue", "Doanh thu", "Revenue"),
    ("fair_events", "Sự kiện", "Events"),
    ("fair_totals", "Tổng cộng", "Totals"),
    ("fair_none", "Chưa có hội chợ, phiên chợ nào.", "No fairs or market sessions yet."),
    ("fair_no_booths", "Chưa có gian hàng nào.", "No booths yet."),
    ("fair_booth", "Gian hàng số", "Booth"),
    ("fair_add_booth", "Thêm gian hàng", "Add a booth"),
    (
        "fair_booth_hint",
        "Thêm lại cùng cơ sở để sửa gian hàng và doanh thu.",
        "Add the same producer again to change its booth and revenue.",
    ),
    ("fair_booth_saved", "Đã lưu gian hàng.", "Booth saved."),
    ("fair_booth_removed", "Đã xóa gian hàng.", "Booth removed."),
    ("fair_revenue_hint", "đồng, ví dụ 12.500.000", "đồng, e.g. 12.500.000"),
    ("fair_remove", "Xóa", "Remove"),
    ("fair_edit", "Sửa thông tin", "Edit"),
    ("fair_save", "Lưu", "Save"),
    ("fair_export", "Tải bảng .xlsx", "Download .xlsx"),
    ("fair_back", "Hội chợ, phiên chợ", "Fairs"),
    ("fair_producer_ref", "Mã cơ sở hoặc tên cơ sở", "Registry code or producer name"),
    ("fair_target", "Doanh thu mục tiêu", "Revenue target"),
    ("fair_sales", "Bán tại gian hàng", "Sold at the stalls"),
    (
        "fair_sales_hint",
        "Tính từ các lần bán đã trả tiền trên máy bán hàng của gian hàng.",
        "From the paid sales of the booths' tills.",
    ),
    ("fair_of_target", "so với mục tiêu", "of the target"),
    ("fair_by_set", "Theo bộ sản phẩm", "By product set"),
    ("fair_by_hour", "Theo giờ", "By hour"),
    ("fair_typed_amounts", "Nhập số tiền (không rõ sản phẩm)", "Typed amounts (no product)"),
    ("fair_units", "Số lượng", "Units"),
    ("fair_hour", "Giờ", "Hour"),
    ("stall_till", "Bán hàng tại gian", "Stall till"),
    ("stall_my_booths", "Gian hàng hội chợ, phiên chợ", "My fair booths"),
    (
        "stall_no_booths",
        "Cơ sở chưa có gian hàng ở hội chợ, phiên chợ nào sắp tới.",
        "No booth at a coming fair or market session.",
    ),
    ("stall_online", "Đang có mạng", "Online"),
    (
        "stall_offline",
        "Mất mạng: bán tiền mặt vẫn được ghi trên máy, sẽ gửi khi có mạng",
        "Offline: cash sales are kept on this phone and sent when the network is back",
    ),
    ("stall_queued", "Chờ gửi", "Waiting to be sent"),
    ("stall_send_failed", "Không gửi được", "Could not be sent"),
    ("stall_waiting_money", "Đang chờ tiền về…", "Waiting for the transfer…"),
    ("stall_money_arrived", "Đã nhận tiền", "Money received"),
    ("stall_next_sale", "Bán tiếp", "Next sale"),
    (
        "stall_vietqr_needs_network",
        "VietQR cần có mạng; bán tiền mặt hoặc chờ có mạng.",
        "VietQR needs the network; sell for cash or wait.",
    ),
    ("stall_cash_recorded", "Đã ghi bán tiền mặt", "Cash sale recorded"),
    ("stall_sign_in_again", "Hết phiên đăng nhập: đăng nhập lại để gửi", "Signed out: sign in again to send"),
    ("stall_open_sale", "Xem lần bán", "Open the sale"),
    ("stall_no_products", "Gian hàng chưa có sản phẩm đang bán: nhập số tiền.", "No products on sale: type an amount."),
    ("stall_less", "Bớt", "Fewer"),
    ("stall_more", "Thêm", "More"),
    ("stall_amount", "Hoặc nhập số tiền", "Or type an amount"),
    ("stall_amount_hint", "đồng, khi không chọn sản phẩm", "đồng, without products"),
    ("stall_sell_vietqr", "Bán · VietQR", "Sell · VietQR"),
    ("stall_sell_cash", "Bán · Tiền mặt", "Sell · Cash"),
    (
        "stall_no_account",
        "Cơ sở chưa có tài khoản nhận tiền, chỉ bán tiền mặt được.",
        "No receiving account yet: cash only.",
    ),
    ("stall_sales", "Đã bán", "Sales"),
    ("stall_sales_count", "lần bán", "sales"),
    ("stall_transfer", "Chuyển khoản", "Transfer"),
    ("stall_cash", "Tiền mặt", "Cash"),
    ("stall_no_sales", "Chưa bán lần nào.", "No sales yet."),
    ("stall_sale", "Lần bán", "Sale"),
    ("stall_receipt", "Biên nhận", "Receipt"),
    (
        "stall_receipt_hint",
        "Khách quét mã này để giữ biên nhận, hoặc gửi qua tin nhắn, e-mail.",
        "The buyer scans this to keep the receipt, or send it by text or e-mail.",
    ),
    ("stall_send_sms", "Gửi tin nhắn", "Send by text"),
    ("stall_send_email", "Gửi e-mail", "Send by e-mail"),
    ("stall_open_receipt", "Mở biên nhận", "Open the receipt"),
    ("stall_cancel_sale", "Hủy lần bán này", "Withdraw this sale"),
    ("stall_method_vietqr", "VietQR", "VietQR"),
    ("stall_method_cash", "Tiền mặt", "Cash"),
    ("stall_status_awaiting", "Chờ tiền", "Awaiting payment"),
    ("stall_status_paid", "Đã trả", "Paid"),
    ("stall_status_cancelled", "Đã hủy", "Withdrawn"),
    ("fair_sales_list", "Các lần bán", "Every sale"),
    ("stall_day_left", "mang đến còn", "brought, left"),
    ("stall_receipt_email", "E-mail của khách", "The buyer's e-mail"),
    ("stall_receipt_emailed", "Đã xếp biên nhận vào hàng gửi e-mail.", "The receipt is on its way by e-mail."),
    ("stall_day_stock", "Hàng mang đến chợ hôm nay", "Goods brought to the fair"),
    (
        "stall_day_stock_hint",
        "Ghi số hàng mang đến để gian hàng tính riêng: bán ở chợ trừ vào số này, không trừ tồn kho cửa hàng. Để trống: trừ tồn kho như thường.",
        "Count what you brought apart: stall sales take from it, not from the shop's stock. Empty: the shop's stock as usual.",
    ),
    ("stall_day_stock_save", "Lưu số mang đến", "Save what I brought"),
    ("fair_sales_of", "Các lần bán tại", "Sales at"),
    ("fair_sales_all_booths", "Mọi gian hàng", "All booths"),
    ("fair_sales_show", "Xem", "Show"),
    ("fair_sales_when", "Giờ bán", "Sold at"),
    ("fair_sales_what", "Hàng", "Goods"),
    ("fair_sales_amount", "Số tiền", "Amount"),
    ("fair_sales_typed", "Nhập số tiền", "Typed amount"),
    ("fair_sales_newer", "Mới hơn", "Newer"),
    ("fair_sales_older", "Cũ hơn", "Older"),
];

/// `/office/fairs…` and `/api/v1/programme/fairs…`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .route("/office/fairs", get(pages::list_fairs).post(pages::create_fair))
        .route("/office/fairs.xlsx", get(pages::export_fairs))
        .route("/office/fairs/{id}", get(pages::show_fair).post(pages::update_fair))
        .route("/office/fairs/{id}/booths", post(pages::add_booth))
        .route("/office/fairs/{id}/booths.xlsx", get(pages::export_booths))
        .route("/office/fairs/{id}/sales", get(pages::list_sales))
        .route("/office/fairs/{id}/booths/{producer_id}/remove", post(pages::remove_booth))
        .routes(routes!(api::list_fairs, api::create_fair))
        .routes(routes!(api::get_fair, api::update_fair))
        .routes(routes!(api::create_booth))
        .routes(routes!(api::delete_booth))
        .route("/stall", get(till::my_stalls))
        .route("/stall/sw.js", get(till::service_worker))
        .route("/stall/receipts/{code}", get(till::receipt))
        .route("/stall/{fair}", get(till::till))
        .route("/stall/{fair}/sales", get(till::sales_fragment).post(till::sell))
        .route("/stall/{fair}/sales/{code}", get(till::show_sale))
        .route("/stall/{fair}/sales/{code}/cancel", post(till::cancel_sale))
        .route("/stall/{fair}/sales/{code}/receipt", post(till::email_receipt))
        .routes(routes!(sales_api::create_sale, sales_api::list_sales))
        .routes(routes!(sales_api::get_sale))
        .routes(routes!(sales_api::cancel_sale))
        .routes(routes!(sales_api::email_receipt))
        .routes(routes!(sales_api::get_day_counts, sales_api::put_day_counts))
        .route("/stall/{fair}/stock", post(till::set_day_counts))
}
