//! Regional trade: business buyers' requests for quotation, producers' quotes with
//! price tiers (every revision kept), a thread per quote, an accepted quote turned
//! into an ordinary order with its deposit, supply offers ahead of a harvest that
//! followers are told of, and the board's figures for the programme office.

pub mod api;
pub mod attachments;
pub mod figures;
pub mod messages;
pub mod model;
pub mod pages;
pub mod proforma;
pub mod service;
pub mod store;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub const TEXTS: &[(&str, &str, &str)] = &[
    ("trade_board", "Giao thương giữa các tỉnh", "Trade between provinces"),
    (
        "trade_intro",
        "Doanh nghiệp đăng yêu cầu mua số lượng lớn; hợp tác xã và cơ sở OCOP gửi báo giá. Nhà sản xuất đăng chào bán trước mùa vụ.",
        "Businesses post requests for large quantities; cooperatives and OCOP producers send quotes. Producers post supply offers ahead of the harvest.",
    ),
    ("trade_post_rfq", "Đăng yêu cầu báo giá", "Post a request for quotation"),
    ("trade_seller_desk", "Giao thương của tôi", "My trade desk"),
    ("trade_open_rfqs", "Yêu cầu đang mở", "Open requests"),
    ("trade_none", "Chưa có gì.", "Nothing yet."),
    ("trade_to", "Giao tới", "To"),
    ("trade_needed_by", "Cần trước", "Needed by"),
    ("trade_export", "Xuất khẩu", "Export"),
    ("trade_offers", "Chào bán trước mùa vụ", "Supply offers"),
    ("trade_from_qty", "từ", "from"),
    ("trade_available", "Có hàng từ", "Available from"),
    ("trade_until", "Đến", "Until"),
    ("trade_answer_offer", "Hỏi giá theo chào bán này", "Ask for a quote on this offer"),
    ("trade_business", "Hồ sơ doanh nghiệp", "Business profile"),
    (
        "trade_business_why",
        "Cần để đăng yêu cầu báo giá và xuất hóa đơn cho đơn hàng sỉ.",
        "Needed to post requests for quotation and to invoice wholesale orders.",
    ),
    ("trade_business_name", "Tên doanh nghiệp", "Business name"),
    ("trade_tax_code", "Mã số thuế", "Tax code"),
    ("trade_invoice_address", "Địa chỉ xuất hóa đơn", "Invoice address"),
    ("trade_contact_phone", "Điện thoại liên hệ", "Contact phone"),
    ("trade_save", "Lưu", "Save"),
    ("trade_what", "Hàng cần", "Goods"),
    ("trade_set", "Bộ sản phẩm OCOP", "OCOP product set"),
    ("trade_set_free", "Khác (tả bên dưới)", "Other (describe below)"),
    ("trade_description", "Mô tả, quy cách", "Description, specification"),
    ("trade_quantity", "Số lượng", "Quantity"),
    ("trade_unit", "Đơn vị", "Unit"),
    ("trade_target_price", "Giá mong muốn (₫/đơn vị)", "Target price (₫/unit)"),
    ("trade_deliver_province", "Giao tại tỉnh/thành", "Deliver to province"),
    ("trade_deliver_commune", "Mã xã/phường nhận hàng", "Commune code to deliver to"),
    ("trade_commune_hint", "5 chữ số, có thể để trống", "5 digits, may be left empty"),
    ("trade_from_province", "Chỉ nhận hàng từ tỉnh", "Only from the province"),
    ("trade_any_province", "Tỉnh nào cũng được", "Any province"),
    ("trade_any_stars", "Không yêu cầu", "Not required"),
    ("trade_requirements", "Yêu cầu thêm", "Requirements"),
    ("trade_country", "Nước nhập (mã 2 chữ)", "Destination country (2 letters)"),
    ("trade_post", "Đăng", "Post"),
    ("trade_status", "Trạng thái", "Status"),
    ("trade_rfq_open", "Đang nhận báo giá", "Taking quotes"),
    ("trade_rfq_awarded", "Đã chọn báo giá", "Quote accepted"),
    ("trade_rfq_closed", "Đã đóng", "Closed"),
    ("trade_buyer", "Bên mua", "Buyer"),
    ("trade_your_quote", "Báo giá của bạn", "Your quote"),
    ("trade_quotes", "Báo giá", "Quotes"),
    ("trade_no_quotes", "Chưa có báo giá.", "No quotes yet."),
    ("trade_traceable", "có truy xuất theo lô", "traceable batches"),
    ("trade_delivered_orders", "đơn đã giao", "orders delivered"),
    ("trade_price_at_qty", "Đơn giá ở số lượng cần", "Unit price at the quantity asked"),
    ("trade_total", "Thành tiền (gồm giao hàng)", "Total (delivery included)"),
    ("trade_tiers", "Bậc giá", "Price tiers"),
    (
        "trade_tiers_hint",
        "từ số lượng nào, giá bao nhiêu một đơn vị; tăng dần",
        "from which quantity, at what unit price; increasing",
    ),
    ("trade_moq", "Số lượng tối thiểu", "Minimum order"),
    ("trade_lead_days", "Số ngày chuẩn bị hàng", "Lead time (days)"),
    ("trade_valid_until", "Hiệu lực đến", "Valid until"),
    ("trade_deposit", "Đặt cọc", "Deposit"),
    ("trade_delivery_fee", "Phí giao hàng", "Delivery"),
    ("trade_included", "đã gồm trong giá", "included"),
    (
        "trade_by_carrier",
        "Giao qua hãng vận chuyển, giá của hãng khi chốt đơn",
        "By carrier, at the carrier's price when accepted",
    ),
    ("trade_unit_weight", "Khối lượng một đơn vị (g)", "Weight of one unit (g)"),
    (
        "trade_unit_weight_hint",
        "khi giao qua hãng: hãng tính giá theo khối lượng",
        "by carrier: carriers price by weight",
    ),
    ("trade_days", "ngày", "days"),
    (
        "trade_carrier_estimate_note",
        "giá hãng hôm nay cho số lượng yêu cầu, hãng rẻ nhất; tính lại theo số lượng khi chấp nhận",
        "the cheapest carrier's price today for the asked quantity; priced again for the quantity you accept",
    ),
    (
        "trade_no_carrier",
        "Chưa hãng nào nhận gói hàng này — hỏi người bán",
        "No carrier takes this parcel — ask the producer",
    ),
    ("trade_quote_open", "Đang hiệu lực", "Open"),
    ("trade_quote_expired", "Hết hạn", "Expired"),
    ("trade_quote_accepted", "Đã chấp nhận", "Accepted"),
    ("trade_quote_withdrawn", "Đã rút", "Withdrawn"),
    ("trade_revision", "lần", "revision"),
    ("trade_revisions", "Các lần báo giá", "Revisions"),
    ("trade_thread", "Trao đổi", "Questions and answers"),
    ("trade_accepted_order", "Đơn hàng", "Order"),
    ("trade_payment", "Thanh toán", "Payment"),
    ("trade_cod", "Khi nhận hàng", "On delivery"),
    ("trade_street", "Địa chỉ nhận", "Street address"),
    ("trade_street_hint", "để trống: địa chỉ doanh nghiệp", "empty: the business address"),
    ("trade_accept", "Chấp nhận và đặt hàng", "Accept and order"),
    ("trade_send_quote", "Gửi báo giá", "Send a quote"),
    ("trade_producer", "Cơ sở", "Producer"),
    ("trade_product", "Sản phẩm", "Product"),
    ("trade_best_product", "Tự chọn sản phẩm phù hợp", "Pick the matching product"),
    ("trade_pack_size", "Quy cách đóng gói", "Pack size"),
    ("trade_port", "Cảng", "Port"),
    ("trade_notes", "Ghi chú", "Notes"),
    ("trade_send", "Gửi", "Send"),
    ("trade_decline", "Từ chối yêu cầu", "Decline the request"),
    ("trade_reason", "Lý do", "Reason"),
    ("trade_sign_in_to_quote", "đăng nhập để báo giá hoặc xem báo giá", "sign in to quote or to see the quotes"),
    ("trade_quote", "Báo giá", "Quote"),
    ("trade_no_messages", "Chưa có trao đổi.", "No messages yet."),
    ("trade_message", "Tin nhắn", "Message"),
    ("trade_withdraw", "Rút báo giá", "Withdraw the quote"),
    ("trade_rfqs_for_you", "Yêu cầu gửi tới cơ sở của bạn", "Requests sent to your producers"),
    ("trade_your_offers", "Chào bán của bạn", "Your supply offers"),
    ("trade_new_offer", "Đăng chào bán trước mùa vụ", "Post a supply offer"),
    ("trade_office", "Giao thương", "Trade"),
    ("trade_province", "Tỉnh", "Province"),
    ("trade_show", "Xem", "Show"),
    ("trade_fig_requests", "Yêu cầu tới cơ sở của tỉnh", "Requests to the province's producers"),
    ("trade_fig_requests_in", "Yêu cầu giao vào tỉnh", "Requests delivering into the province"),
    ("trade_fig_deals", "Giao dịch", "Deals"),
    ("trade_fig_value", "Giá trị", "Value"),
    ("trade_fig_response", "Thời gian trả lời (trung vị)", "Response time (median)"),
    ("trade_fig_by_set", "Theo bộ sản phẩm", "By product set"),
    ("trade_fig_flows", "Luồng hàng giữa các tỉnh", "Flows between provinces"),
    ("trade_fig_from", "Từ", "From"),
    ("trade_offer_open", "Đang chào", "Open"),
    ("trade_proforma", "Hóa đơn chiếu lệ (PDF)", "Pro-forma invoice (PDF)"),
    ("trade_follow", "Theo dõi nguồn hàng", "Follow supply"),
    (
        "trade_follow_hint",
        "Nhận tin khi có chào bán hoặc sản phẩm mới thuộc bộ sản phẩm, tỉnh bạn chọn.",
        "Be told of new supply offers and products in the sets and provinces you choose.",
    ),
    ("trade_follow_button", "Theo dõi", "Follow"),
    ("trade_unfollow", "Bỏ theo dõi", "Unfollow"),
    ("trade_any_set", "Mọi bộ sản phẩm", "Every product set"),
    ("trade_offer_closed", "Đã đóng", "Closed"),
    ("trade_close_offer", "Đóng chào bán", "Close the offer"),
    ("trade_offered", "Hàng chào bán", "Goods offered"),
    ("trade_fig_matrix", "Ma trận luồng hàng (giá trị)", "Flow matrix (value)"),
    ("trade_revise_quote", "Sửa báo giá (giữ lại các lần trước)", "Revise the quote (earlier revisions are kept)"),
    ("trade_fig_unanswered", "Yêu cầu chưa ai trong tỉnh trả lời", "Requests nobody in the province answered"),
    ("trade_give_hand", "Hỗ trợ cơ sở", "Give a hand to producer"),
    ("trade_files", "Tệp đính kèm", "Attachments"),
    ("trade_fair_lead", "Mối giao thương từ hội chợ", "Trade lead from a fair"),
    (
        "trade_fair_lead_hint",
        "Doanh nghiệp gặp ở hội chợ: nhập yêu cầu thay họ. Các cơ sở phù hợp được báo và gửi báo giá; doanh nghiệp nhận yêu cầu bằng mã số thuế khi có tài khoản.",
        "A business met at the fair: enter its request for it. Matching producers are told and quote; the business claims the request by its tax code once it has an account.",
    ),
    ("trade_fair_leads", "Mối giao thương", "Trade leads"),
    ("trade_enter_lead", "Nhập mối giao thương", "Enter a trade lead"),
    ("trade_claim", "Nhận yêu cầu này", "Claim this request"),
    (
        "trade_leads_for_you",
        "Yêu cầu cán bộ nhập cho doanh nghiệp bạn ở hội chợ",
        "Requests officers entered for your business at fairs",
    ),
    (
        "trade_files_hint",
        "Phiếu kiểm nghiệm, chứng nhận, quy cách: PDF hoặc ảnh, tối đa 5 MB, 5 tệp mỗi báo giá.",
        "Test results, certificates, spec sheets: PDF or pictures, up to 5 MB, five per quote.",
    ),
    ("trade_file_title", "Tên tệp", "Title"),
    ("trade_file", "Tệp", "File"),
    ("trade_add_file", "Thêm tệp", "Add the file"),
];

/// `/api/v1/rfqs…`, `/api/v1/quotes…`, `/api/v1/offers…`, `/api/v1/me/business`,
/// `/api/v1/me/follows` and `/api/v1/programme/trade`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .route("/trade", get(pages::board))
        .route("/trade/follows", post(pages::follow))
        .route("/trade/business", get(pages::business_form).post(pages::save_business))
        .route("/trade/rfqs", post(pages::post_rfq))
        .route("/trade/rfqs/new", get(pages::new_rfq))
        .route("/trade/rfqs/{id}", get(pages::show_rfq))
        .route("/trade/rfqs/{id}/quotes", post(pages::send_quote))
        .route("/trade/rfqs/{id}/decline", post(pages::decline))
        .route("/trade/rfqs/{id}/claim", post(pages::claim))
        .route("/trade/quotes/{id}", get(pages::show_quote))
        .route("/trade/quotes/{id}/accept", post(pages::accept))
        .route("/trade/quotes/{id}/messages", post(pages::post_message))
        .route("/trade/quotes/{id}/withdraw", post(pages::withdraw))
        .route("/seller/trade", get(pages::seller_desk))
        .route("/seller/trade/offers", post(pages::post_offer))
        .route("/seller/trade/offers/{id}/close", post(pages::close_offer))
        .route("/office/trade", get(pages::office))
        .routes(routes!(api::put_business, api::get_business))
        .routes(routes!(api::post_rfq, api::list_rfqs))
        .routes(routes!(api::get_rfq))
        .routes(routes!(api::claim_rfq))
        .routes(routes!(api::send_quote, api::list_quotes))
        .routes(routes!(api::decline))
        .routes(routes!(api::list_declines))
        .routes(routes!(api::get_quote))
        .routes(routes!(api::accept))
        .routes(routes!(api::proforma))
        .routes(routes!(api::withdraw))
        .routes(routes!(api::list_messages, api::post_message))
        .routes(routes!(api::post_offer, api::list_offers))
        .routes(routes!(api::close_offer))
        .routes(routes!(api::list_follows, api::follow, api::unfollow))
        .routes(routes!(api::trade_figures))
        .merge(
            OpenApiRouter::new()
                .route("/trade/quotes/{id}/attachments", post(attachments::upload_on_page))
                .routes(routes!(attachments::post_attachment))
                .routes(routes!(attachments::get_attachment))
                .layer(DefaultBodyLimit::max(8 * 1024 * 1024)),
        )
}
