//! Hosts' and affiliates' commissions: an account's own referral code for any
//! product's link, the rates producers pay each host (on all their products or on
//! one), frozen on the order lines at checkout, and the monthly statements — what a
//! host earned on the orders delivered and not refunded, what a producer owes each
//! host — as pages, workbooks and PDFs.

pub mod api;
pub mod messages;
pub mod model;
pub mod pages;
pub mod report;
pub mod routes;
pub mod service;
pub mod store;

pub const TEXTS: &[(&str, &str, &str)] = &[
    ("commission_affiliate", "Tiếp thị liên kết", "Affiliate"),
    (
        "commission_affiliate_intro",
        "Giới thiệu sản phẩm đặc sản bằng đường dẫn của riêng bạn: đơn đặt qua đường dẫn (trong 7 ngày) được tính cho bạn, và nhà sản xuất trả hoa hồng theo mức đã thỏa thuận.",
        "Recommend specialty products with your own link: orders placed through it (within 7 days) count for you, and producers pay the commission they agreed.",
    ),
    ("commission_become", "Nhận mã giới thiệu của tôi", "Get my referral code"),
    ("commission_my_code", "Mã giới thiệu của bạn", "Your referral code"),
    (
        "commission_link_hint",
        "Thêm ?ref= và mã vào bất kỳ đường dẫn nào của dacsan, ví dụ:",
        "Add ?ref= and your code to any dacsan link, for example:",
    ),
    ("commission_rates", "Mức hoa hồng", "Commission rates"),
    (
        "commission_rates_none",
        "Chưa nhà sản xuất nào đặt mức hoa hồng cho bạn.",
        "No producer has set a rate for you yet.",
    ),
    ("commission_all_products", "Mọi sản phẩm", "All products"),
    ("commission_statement", "Bảng kê hoa hồng", "Commission statement"),
    ("commission_month", "Tháng", "Month"),
    ("commission_show", "Xem", "Show"),
    ("commission_orders", "Đơn hàng", "Orders"),
    ("commission_goods", "Tiền hàng", "Goods"),
    ("commission_rate", "Tỉ lệ", "Rate"),
    ("commission_due", "Hoa hồng", "Commission"),
    ("commission_delivered_on", "Ngày giao", "Delivered"),
    ("commission_producer", "Nhà sản xuất", "Producer"),
    ("commission_host", "Người dẫn / cộng tác viên", "Host / affiliate"),
    ("commission_by_link", "đường dẫn giới thiệu", "referral link"),
    ("commission_no_rate", "chưa thỏa thuận mức", "no rate agreed"),
    ("commission_none", "Chưa có đơn nào được giao trong tháng.", "No order was delivered this month."),
    (
        "commission_pending",
        "đơn đang trên đường: được tính vào tháng giao hàng",
        "orders on their way: they count in the month they are delivered",
    ),
    (
        "commission_rule",
        "Tính trên tiền hàng (không gồm phí giao) của đơn được ghi cho bạn, đã giao trong tháng và không hoàn tiền; mức là mức nhà sản xuất đặt lúc đơn được đặt, làm tròn xuống từng dòng.",
        "Counted on the goods (without delivery) of the orders attributed to you, delivered in the month and not refunded, at the rate the producer had set when the order was placed, rounded down on each line.",
    ),
    (
        "commission_rule_producer",
        "Tính trên tiền hàng (không gồm phí giao) của đơn được ghi cho người dẫn, đã giao trong tháng và không hoàn tiền; mức là mức bạn đặt lúc đơn được đặt, làm tròn xuống từng dòng.",
        "Counted on the goods (without delivery) of the orders attributed to the host, delivered in the month and not refunded, at the rate you had set when the order was placed, rounded down on each line.",
    ),
    ("commission_rates_none_set", "Bạn chưa đặt mức hoa hồng cho ai.", "You have set no rate yet."),
    ("commission_xlsx", "Tải Excel", "Download Excel"),
    ("commission_pdf", "Tải PDF", "Download PDF"),
    ("commission_owed", "Hoa hồng phải trả", "Commissions owed"),
    (
        "commission_owed_intro",
        "Mức hoa hồng bạn trả người dẫn phiên live và cộng tác viên, và số phải trả mỗi người theo tháng.",
        "What you pay live hosts and affiliates, and what you owe each of them by month.",
    ),
    ("commission_set_rate", "Đặt mức hoa hồng", "Set a rate"),
    ("commission_host_email", "E-mail người dẫn / cộng tác viên", "Host's or affiliate's e-mail"),
    ("commission_product", "Sản phẩm", "Product"),
    ("commission_percent", "Tỉ lệ, %", "Rate, %"),
    (
        "commission_percent_hint",
        "0 đến 50; áp dụng cho đơn đặt từ bây giờ; mức của một sản phẩm thay cho mức mọi sản phẩm",
        "0 to 50; applies to orders placed from now on; a product's rate wins over the all-products rate",
    ),
    ("commission_save", "Lưu mức", "Save the rate"),
    ("commission_remove", "Bỏ", "Remove"),
    ("commission_by_host", "Theo người dẫn", "By host"),
];
