//! Programme office: 1:1 support. The task force opens a case for a producer who
//! needs a hand (open a store, a payment account, packaging, photos, livestream),
//! gives it an owner and a due date, moves it through its statuses and keeps a log
//! of notes. The province's producers are picked through [`directory`], which
//! trainings and fairs use too.

pub mod api;
pub mod cases;
pub mod directory;
pub mod messages;
pub mod model;
pub mod pages;
pub mod routes;
pub mod store;

pub const TEXTS: &[(&str, &str, &str)] = &[
    ("case_topic_open_store", "Mở gian hàng", "Open a store"),
    ("case_topic_payment_account", "Mở tài khoản thanh toán", "Open a payment account"),
    ("case_topic_packaging", "Bao bì, đóng gói", "Packaging"),
    ("case_topic_photos", "Ảnh sản phẩm", "Product photos"),
    ("case_topic_livestream", "Livestream", "Livestream"),
    ("case_topic_other", "Khác", "Other"),
    ("case_status_open", "Mới", "Open"),
    ("case_status_in_progress", "Đang hỗ trợ", "In progress"),
    ("case_status_done", "Xong", "Done"),
    ("case_status_cancelled", "Hủy", "Cancelled"),
    ("case_new", "Mở hồ sơ hỗ trợ", "New support case"),
    ("case_one", "Hồ sơ hỗ trợ", "Support case"),
    ("case_producer", "Cơ sở", "Producer"),
    ("case_code", "Mã cơ sở", "Registry code"),
    ("case_commune", "Xã", "Commune"),
    ("case_phone", "Điện thoại", "Phone"),
    ("case_topic", "Nội dung hỗ trợ", "Topic"),
    ("case_title", "Tiêu đề", "Title"),
    ("case_owner", "Người phụ trách", "Owner"),
    ("case_status", "Trạng thái", "Status"),
    ("case_due", "Hạn", "Due"),
    ("case_overdue", "Quá hạn", "Overdue"),
    ("case_only_overdue", "Chỉ hồ sơ quá hạn", "Overdue only"),
    ("case_notes", "Nhật ký", "Notes"),
    ("case_add_note", "Thêm ghi chú", "Add a note"),
    ("case_note_added", "Đã thêm ghi chú.", "Note added."),
    ("case_first_note", "Ghi chú (không bắt buộc)", "Note (optional)"),
    ("case_filter", "Lọc", "Filter"),
    ("case_all", "Tất cả", "All"),
    ("case_export", "Tải bảng .xlsx", "Download .xlsx"),
    ("case_none", "Không có hồ sơ nào.", "No cases."),
    ("case_find_producer", "Tìm cơ sở (mã, tên hoặc số điện thoại)", "Find a producer (code, name or phone)"),
    ("case_find", "Tìm", "Find"),
    ("case_choose", "Chọn", "Choose"),
    ("case_no_match", "Không tìm thấy cơ sở nào.", "No producer found."),
    ("case_producer_ref", "Mã cơ sở hoặc tên cơ sở", "Registry code or producer name"),
    ("case_other_producer", "Chọn cơ sở khác", "Choose another producer"),
    ("case_save", "Lưu", "Save"),
    ("case_opened", "Mở lúc", "Opened"),
    ("case_closed_at", "Đóng lúc", "Closed"),
    ("case_province", "Tỉnh", "Province"),
    ("case_show", "Chọn tỉnh", "Show"),
    ("case_back", "Danh sách hỗ trợ", "Support cases"),
];
