//! Texts shared by every office page (the navigation).

pub const TEXTS: &[(&str, &str, &str)] = &[
    ("office", "Văn phòng chương trình", "Programme office"),
    ("office_dashboard", "Chỉ tiêu", "Indicators"),
    ("office_registry", "Sổ đăng ký", "Registry"),
    ("office_listings", "Kênh bán", "Channels"),
    ("office_cases", "Hỗ trợ 1:1", "1:1 support"),
    ("office_trainings", "Tập huấn", "Trainings"),
    ("office_fairs", "Hội chợ, phiên chợ", "Fairs"),
    ("office_live", "Bán hàng trực tiếp", "Live selling"),
    ("office_report", "Báo cáo tháng", "Monthly report"),
];
