//! Programme office: trainings. Courses by pillar (Go Online, Go Export, Go AI,
//! Go Right, packaging – connecting – delivery), their sessions (date, place,
//! trainer) and attendance, entered by hand or imported from the province's lists.
//! A completed attendance of a session held on a day is what the training
//! indicators count from that day.

pub mod api;
pub mod attendance;
pub mod courses;
pub mod import;
pub mod messages;
pub mod model;
pub mod pages;
pub mod routes;
pub mod store;

pub const TEXTS: &[(&str, &str, &str)] = &[
    ("training_pillar_go_online", "Go Online", "Go Online"),
    ("training_pillar_go_export", "Go Export", "Go Export"),
    ("training_pillar_go_ai", "Go AI", "Go AI"),
    ("training_pillar_go_right", "Go Right", "Go Right"),
    ("training_pillar_packaging_delivery", "Đóng gói – kết nối – giao nhận", "Packaging, connecting & delivery"),
    ("training_pillar", "Trụ cột", "Pillar"),
    ("training_course", "Khóa học", "Course"),
    ("training_courses", "Khóa học và buổi học", "Courses and sessions"),
    ("training_new_course", "Thêm khóa học", "New course"),
    ("training_course_title", "Tên khóa học", "Course title"),
    ("training_trained", "Cơ sở đã tập huấn", "Producers trained"),
    (
        "training_trained_note",
        "Cơ sở có người hoàn thành một buổi học đã diễn ra.",
        "Producers with a completed attendance of a session already held.",
    ),
    ("training_digital", "Kỹ năng số (Go Online, Export, AI, Right)", "Digital skills (Go Online, Export, AI, Right)"),
    ("training_packaging", "Đóng gói – kết nối – giao nhận", "Packaging, connecting & delivery"),
    ("training_sessions", "Buổi học", "Sessions"),
    ("training_session", "Buổi học", "Session"),
    ("training_no_courses", "Chưa có khóa học nào.", "No courses yet."),
    ("training_no_sessions", "Chưa có buổi học nào.", "No sessions yet."),
    ("training_new_session", "Thêm buổi học", "New session"),
    ("training_held_on", "Ngày học", "Date"),
    ("training_place", "Địa điểm", "Place"),
    ("training_trainer", "Giảng viên", "Trainer"),
    ("training_attendees", "Người học", "Attendees"),
    ("training_completed_producers", "Cơ sở hoàn thành", "Producers completed"),
    ("training_attendance", "Điểm danh", "Attendance"),
    ("training_no_attendance", "Chưa có ai trong danh sách.", "Nobody on the list yet."),
    ("training_attendee", "Họ tên người học", "Attendee"),
    ("training_completed", "Hoàn thành", "Completed"),
    ("training_yes", "Có", "Yes"),
    ("training_no", "Không", "No"),
    ("training_add", "Thêm vào danh sách", "Add to the list"),
    ("training_added", "Đã thêm vào danh sách.", "Added to the list."),
    ("training_remove", "Xóa dòng", "Remove"),
    ("training_removed", "Đã xóa dòng.", "Line removed."),
    ("training_producer_ref", "Mã cơ sở hoặc tên cơ sở", "Registry code or producer name"),
    ("training_phone_hint", "Điện thoại (khi hai cơ sở trùng tên)", "Phone (when two producers share a name)"),
    ("training_import", "Nhập danh sách từ tệp", "Import a list"),
    (
        "training_import_help",
        "Tệp .xlsx hoặc .csv có cột Mã cơ sở hoặc Tên cơ sở (thêm Điện thoại nếu trùng tên), Họ tên, Hoàn thành (Có/Không). Nhập lại không tạo dòng trùng.",
        "An .xlsx or .csv file with a Mã cơ sở (code) or Tên cơ sở (name) column (add Điện thoại when names repeat), Họ tên (attendee), Hoàn thành (Có/Không). Importing again adds no duplicates.",
    ),
    ("training_file", "Tệp danh sách", "List file"),
    ("training_valid_only", "Chỉ nhập các dòng hợp lệ", "Import the valid rows only"),
    ("training_do_import", "Nhập", "Import"),
    ("training_report_written", "Đã nhập: thêm mới", "Imported: added"),
    ("training_report_updated", "cập nhật", "updated"),
    (
        "training_report_failed",
        "Chưa nhập gì: sửa các dòng dưới đây rồi nhập lại, hoặc chọn chỉ nhập các dòng hợp lệ.",
        "Nothing imported: fix the rows below and import again, or import the valid rows only.",
    ),
    ("training_report_skipped", "Các dòng bị bỏ qua", "Rows left out"),
    ("training_row", "Dòng", "Row"),
    ("training_column", "Cột", "Column"),
    ("training_problem", "Lỗi", "Problem"),
    ("training_export", "Tải bảng .xlsx", "Download .xlsx"),
    ("training_back", "Tập huấn", "Trainings"),
    ("training_create", "Tạo", "Create"),
];
