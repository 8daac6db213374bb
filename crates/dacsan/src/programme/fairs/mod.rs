//! Programme office: fairs and market sessions. The event (name, kind, place,
//! dates, visitors), the producers' booths with their revenue in đồng, and the
//! totals the province reports (booths, producers, visitors, revenue).

pub mod api;
pub mod events;
pub mod model;
pub mod pages;
pub mod store;

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
];

/// `/office/fairs…` and `/api/v1/programme/fairs…`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .route("/office/fairs", get(pages::list_fairs).post(pages::create_fair))
        .route("/office/fairs.xlsx", get(pages::export_fairs))
        .route("/office/fairs/{id}", get(pages::show_fair).post(pages::update_fair))
        .route("/office/fairs/{id}/booths", post(pages::add_booth))
        .route("/office/fairs/{id}/booths.xlsx", get(pages::export_booths))
        .route("/office/fairs/{id}/booths/{producer_id}/remove", post(pages::remove_booth))
        .routes(routes!(api::list_fairs, api::create_fair))
        .routes(routes!(api::get_fair, api::update_fair))
        .routes(routes!(api::create_booth))
        .routes(routes!(api::delete_booth))
}
