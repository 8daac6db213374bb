//! The two sheets of the registry workbook and their columns: the public contract of
//! issue 5 ("Import template"). Headers are compared by [`name_key`] (no case, tone
//! marks, punctuation or spacing), with notes in brackets dropped, so `Mã cơ sở (*)`,
//! `MÃ CƠ SỞ` and `Producer ID` are one column.

use crate::vn::text::name_key;

/// A column of a sheet: the header the template writes, its English name, the other
/// names registries use, whether a row is useless without it, and what it holds.
#[derive(Debug)]
pub struct Spec {
    pub header: &'static str,
    pub english: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
    pub help_vi: &'static str,
    pub help_en: &'static str,
}

impl Spec {
    /// `Mã cơ sở / Producer ID`, the way errors name a column.
    pub fn label(&self) -> String {
        format!("{} / {}", self.header, self.english)
    }

    fn matches(&self, key: &str) -> bool {
        name_key(self.header) == key
            || name_key(self.english) == key
            || self.aliases.iter().any(|alias| name_key(alias) == key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum SheetKind {
    Producers,
    Products,
}

impl SheetKind {
    pub const ALL: [SheetKind; 2] = [SheetKind::Producers, SheetKind::Products];

    /// The sheet's name in the template.
    pub fn name(self) -> &'static str {
        match self {
            SheetKind::Producers => "Cơ sở",
            SheetKind::Products => "Sản phẩm",
        }
    }

    pub fn english(self) -> &'static str {
        match self {
            SheetKind::Producers => "Producers",
            SheetKind::Products => "Products",
        }
    }

    pub fn columns(self) -> &'static [Spec] {
        match self {
            SheetKind::Producers => &PRODUCER_COLUMNS,
            SheetKind::Products => &PRODUCT_COLUMNS,
        }
    }

    /// The sheet a worksheet name means: `Cơ sở`, `co so`, `Producers`, `DS cơ sở` ...
    pub fn of_sheet_name(name: &str) -> Option<SheetKind> {
        let key = name_key(name);
        let compact: String = key.split(' ').filter(|w| !matches!(*w, "ds" | "danh" | "sach")).collect();
        match compact.as_str() {
            "coso" | "cosan" | "cososanxuat" | "chuthe" | "producers" | "producer" => Some(SheetKind::Producers),
            "sanpham" | "products" | "product" => Some(SheetKind::Products),
            _ => None,
        }
    }
}

/// The column a header names, if any.
pub fn column_of(kind: SheetKind, header: &str) -> Option<usize> {
    let without_notes = strip_brackets(header);
    let key = name_key(&without_notes);
    if key.is_empty() {
        return None;
    }
    kind.columns().iter().position(|spec| spec.matches(&key))
}

/// `Số sao OCOP (3/4/5)` → `Số sao OCOP `; `Mã cơ sở (*)` → `Mã cơ sở `.
fn strip_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '*' => {}
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Column positions in [`PRODUCER_COLUMNS`].
pub mod producer {
    pub const CODE: usize = 0;
    pub const NAME: usize = 1;
    pub const KIND: usize = 2;
    pub const TAX_CODE: usize = 3;
    pub const PROVINCE: usize = 4;
    pub const COMMUNE: usize = 5;
    pub const ADDRESS: usize = 6;
    pub const PHONE: usize = 7;
    pub const EMAIL: usize = 8;
    pub const STORE: usize = 9;
    pub const PAYMENT: usize = 10;
    pub const TRAINED_DIGITAL: usize = 11;
    pub const TRAINED_PACKAGING: usize = 12;
}

/// Column positions in [`PRODUCT_COLUMNS`].
pub mod product {
    pub const CODE: usize = 0;
    pub const NAME: usize = 1;
    pub const SET: usize = 2;
    pub const CLASS: usize = 3;
    pub const STARS: usize = 4;
    pub const DECISION: usize = 5;
    pub const ISSUED_ON: usize = 6;
    pub const EXPIRES_ON: usize = 7;
    pub const ELIGIBLE: usize = 8;
    pub const PRICE: usize = 9;
    pub const UNIT: usize = 10;
    pub const PLATFORMS: usize = 11;
    pub const LINKS: usize = 12;
}

pub static PRODUCER_COLUMNS: [Spec; 13] = [
    Spec {
        header: "Mã cơ sở",
        english: "Producer ID",
        aliases: &["Producer code", "Mã CS", "Mã chủ thể", "Mã số cơ sở"],
        required: true,
        help_vi: "Mã tỉnh tự đặt cho cơ sở, duy nhất trong tỉnh; nhập lại cùng mã thì cập nhật, không tạo trùng.",
        help_en: "The province's own id of the producer, unique in the province; importing the same id again updates it.",
    },
    Spec {
        header: "Tên cơ sở",
        english: "Producer name",
        aliases: &["Tên chủ thể", "Tên cơ sở sản xuất", "Tên đơn vị"],
        required: true,
        help_vi: "Tên đầy đủ (2–200 ký tự).",
        help_en: "Full name (2–200 characters).",
    },
    Spec {
        header: "Loại hình",
        english: "Type",
        aliases: &["Loại hình chủ thể", "Loại hình tổ chức", "Kind"],
        required: true,
        help_vi: "Doanh nghiệp, Hợp tác xã, Tổ hợp tác hoặc Hộ kinh doanh (viết tắt DN, HTX, THT, HKD cũng được).",
        help_en: "Doanh nghiệp (enterprise), Hợp tác xã (cooperative), Tổ hợp tác (cooperative group) or Hộ kinh doanh (household business); DN, HTX, THT, HKD also accepted.",
    },
    Spec {
        header: "Mã số thuế",
        english: "Tax code",
        aliases: &["MST", "Mã số doanh nghiệp"],
        required: false,
        help_vi: "10 hoặc 13 chữ số (có hoặc không có dấu gạch), có thể để trống.",
        help_en: "10 or 13 digits (with or without the dash); may be empty.",
    },
    Spec {
        header: "Tỉnh",
        english: "Province",
        aliases: &["Tỉnh/Thành phố", "Tỉnh thành", "Tỉnh/TP"],
        required: true,
        help_vi: "Tên tỉnh mới hoặc cũ (trước 2025, ví dụ Yên Bái → Lào Cai) hoặc mã tỉnh.",
        help_en: "Province name, new or pre-2025 (e.g. Yên Bái → Lào Cai), or its code.",
    },
    Spec {
        header: "Xã",
        english: "Commune",
        aliases: &["Xã/Phường", "Phường/Xã", "Xã/Phường/Đặc khu"],
        required: true,
        help_vi: "Tên xã/phường mới hoặc mã; tên xã cũ trước 2025 được đổi theo bảng sáp nhập, tên trùng sẽ được báo.",
        help_en: "New commune name or code; pre-2025 names are converted with the merger table, ambiguous ones reported.",
    },
    Spec {
        header: "Địa chỉ",
        english: "Address",
        aliases: &["Thôn/bản", "Địa chỉ chi tiết", "Street"],
        required: false,
        help_vi: "Thôn, bản, số nhà (tối đa 200 ký tự).",
        help_en: "Village, street (at most 200 characters).",
    },
    Spec {
        header: "Điện thoại",
        english: "Phone",
        aliases: &["Số điện thoại", "SĐT", "ĐT", "Phone number"],
        required: false,
        help_vi: "Số di động hoặc cố định Việt Nam; để trống sẽ được cảnh báo.",
        help_en: "Vietnamese mobile or landline number; an empty one is a warning.",
    },
    Spec {
        header: "Email",
        english: "E-mail",
        aliases: &["Thư điện tử"],
        required: false,
        help_vi: "Có thể để trống.",
        help_en: "May be empty.",
    },
    Spec {
        header: "Gian hàng số",
        english: "Digital store",
        aliases: &["Gian hàng điện tử", "Gian hàng trực tuyến", "Gian hàng TMĐT"],
        required: false,
        help_vi: "Có / Không, hoặc đường link gian hàng.",
        help_en: "Có (yes) / Không (no), or the store's link.",
    },
    Spec {
        header: "Tài khoản thanh toán điện tử",
        english: "E-payment account",
        aliases: &["TK thanh toán điện tử", "Thanh toán điện tử", "Tài khoản thanh toán"],
        required: false,
        help_vi: "Có / Không.",
        help_en: "Có (yes) / Không (no).",
    },
    Spec {
        header: "Tập huấn kỹ năng số",
        english: "Digital skills training",
        aliases: &["Đã tập huấn kỹ năng số", "Tập huấn chuyển đổi số"],
        required: false,
        help_vi: "Có / Không, hoặc ngày hoàn thành.",
        help_en: "Có (yes) / Không (no), or the day it was completed.",
    },
    Spec {
        header: "Tập huấn đóng gói - giao nhận",
        english: "Packaging and delivery training",
        aliases: &["Tập huấn đóng gói và giao nhận", "Tập huấn đóng gói"],
        required: false,
        help_vi: "Có / Không, hoặc ngày hoàn thành.",
        help_en: "Có (yes) / Không (no), or the day it was completed.",
    },
];

pub static PRODUCT_COLUMNS: [Spec; 13] = [
    Spec {
        header: "Mã cơ sở",
        english: "Producer ID",
        aliases: &["Producer code", "Mã CS", "Mã chủ thể", "Mã số cơ sở"],
        required: true,
        help_vi: "Mã của cơ sở ở trang Cơ sở (hoặc đã có trên hệ thống).",
        help_en: "The producer's id from the Cơ sở sheet (or already in the system).",
    },
    Spec {
        header: "Tên sản phẩm",
        english: "Product name",
        aliases: &["Sản phẩm", "Tên SP"],
        required: true,
        help_vi: "Cùng với Mã cơ sở là khóa: nhập lại cùng tên thì cập nhật.",
        help_en: "With the producer ID, the key: the same name again updates the product.",
    },
    Spec {
        header: "Nhóm sản phẩm",
        english: "Product group",
        aliases: &["Bộ sản phẩm", "Nhóm", "Ngành hàng", "Product set"],
        required: false,
        help_vi: "Một trong 26 nhóm OCOP (tên hoặc mã, xem bảng dưới); bắt buộc với sản phẩm mới.",
        help_en: "One of the 26 OCOP product sets (name or code, see the list below); required for a new product.",
    },
    Spec {
        header: "Phân loại",
        english: "Class",
        aliases: &["Loại sản phẩm", "Phân loại sản phẩm"],
        required: false,
        help_vi: "OCOP, CNNT tiêu biểu hoặc Nông sản mùa vụ (để trống: OCOP nếu có sao).",
        help_en: "OCOP, CNNT tiêu biểu (outstanding rural industrial product) or Nông sản mùa vụ (seasonal farm produce); empty means OCOP when it has stars.",
    },
    Spec {
        header: "Số sao OCOP",
        english: "OCOP stars",
        aliases: &["Số sao", "Hạng sao", "Xếp hạng OCOP", "Stars"],
        required: false,
        help_vi: "3, 4 hoặc 5 (\"4 sao\" cũng được); để trống hoặc 0 nếu chưa có sao.",
        help_en: "3, 4 or 5 (\"4 sao\" also accepted); empty or 0 when it has none.",
    },
    Spec {
        header: "Số quyết định",
        english: "Decision no",
        aliases: &["Số QĐ", "Quyết định công nhận", "Số quyết định công nhận", "Decision number"],
        required: false,
        help_vi: "Số quyết định công nhận OCOP, bắt buộc khi có sao.",
        help_en: "The OCOP recognition decision's number, required with stars.",
    },
    Spec {
        header: "Ngày cấp",
        english: "Issued on",
        aliases: &["Ngày công nhận", "Ngày quyết định", "Ngày QĐ", "Issue date"],
        required: false,
        help_vi: "Ngày quyết định, bắt buộc khi có sao: 05/03/2024, 5/3/24, 05-03-2024, 2024-03-05, ngày 5 tháng 3 năm 2024 hoặc ô ngày của Excel.",
        help_en: "The decision's date, required with stars: 05/03/2024, 5/3/24, 05-03-2024, 2024-03-05, \"ngày 5 tháng 3 năm 2024\" or an Excel date cell.",
    },
    Spec {
        header: "Ngày hết hạn",
        english: "Expires on",
        aliases: &["Hết hạn", "Hiệu lực đến", "Ngày hết hiệu lực", "Expiry date"],
        required: false,
        help_vi: "Để trống thì tính 36 tháng kể từ ngày cấp (Quyết định 148/QĐ-TTg).",
        help_en: "Empty: 36 months after the issue date (Decision 148/QĐ-TTg).",
    },
    Spec {
        header: "Đủ điều kiện TMĐT",
        english: "E-commerce eligible",
        aliases: &["Đủ điều kiện thương mại điện tử", "Đủ ĐK TMĐT", "Đủ điều kiện bán online"],
        required: false,
        help_vi: "Có / Không.",
        help_en: "Có (yes) / Không (no).",
    },
    Spec {
        header: "Giá",
        english: "Price",
        aliases: &["Giá bán", "Đơn giá", "Giá bán lẻ"],
        required: false,
        help_vi: "Giá bán lẻ tính bằng đồng (150000, 150.000, 150.000 đ); chỉ dùng cho sản phẩm mới.",
        help_en: "Retail price in đồng (150000, 150.000, 150.000 đ); used for new products only.",
    },
    Spec {
        header: "Đơn vị",
        english: "Unit",
        aliases: &["Đơn vị tính", "ĐVT", "Quy cách"],
        required: false,
        help_vi: "Ví dụ: hộp 200 g, chai 500 ml; để trống là \"sản phẩm\". Chỉ dùng cho sản phẩm mới.",
        help_en: "E.g. box 200 g, bottle 500 ml; empty means \"sản phẩm\" (item). New products only.",
    },
    Spec {
        header: "Sàn TMĐT",
        english: "Platforms",
        aliases: &["Sàn thương mại điện tử", "Sàn", "Kênh bán", "Sàn TMĐT đã lên"],
        required: false,
        help_vi: "Tên các sàn, cách nhau bởi dấu phẩy: Shopee, TikTok Shop, Lazada, Postmart, Voso, Tiki, Sendo, Alibaba, Amazon, Facebook, Zalo, Website riêng.",
        help_en: "Platform names separated by commas: Shopee, TikTok Shop, Lazada, Postmart, Voso, Tiki, Sendo, Alibaba, Amazon, Facebook, Zalo, Website riêng (own site).",
    },
    Spec {
        header: "Link sàn",
        english: "Platform links",
        aliases: &["Link", "Đường link", "Liên kết sàn", "Link gian hàng", "Links"],
        required: false,
        help_vi: "Các đường link theo đúng thứ tự các sàn, hoặc mỗi sàn một link (nhận ra theo tên miền).",
        help_en: "The links in the same order as the platforms, or one link per platform (recognised by its host).",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_ignoring_case_tone_marks_spacing_and_notes() {
        let p = SheetKind::Producers;
        assert_eq!(column_of(p, "Mã cơ sở"), Some(producer::CODE));
        assert_eq!(column_of(p, "  MA  CO SO (*)"), Some(producer::CODE));
        assert_eq!(column_of(p, "Producer ID"), Some(producer::CODE));
        assert_eq!(column_of(p, "Tập huấn đóng gói – giao nhận"), Some(producer::TRAINED_PACKAGING));
        assert_eq!(column_of(p, "Packaging and delivery training"), Some(producer::TRAINED_PACKAGING));
        assert_eq!(column_of(p, "E-payment account"), Some(producer::PAYMENT));
        assert_eq!(column_of(p, "Tax code"), Some(producer::TAX_CODE));
        assert_eq!(column_of(p, "STT"), None);
        assert_eq!(column_of(p, ""), None);
        let q = SheetKind::Products;
        assert_eq!(column_of(q, "Số sao OCOP (3/4/5)"), Some(product::STARS));
        assert_eq!(column_of(q, "OCOP stars"), Some(product::STARS));
        assert_eq!(column_of(q, "dủ điều kiện tmđt"), Some(product::ELIGIBLE));
        assert_eq!(column_of(q, "Platform links"), Some(product::LINKS));
        assert_eq!(column_of(q, "Expires on"), Some(product::EXPIRES_ON));
        assert_eq!(column_of(q, "Giá (đồng)"), Some(product::PRICE));
    }

    #[test]
    fn no_two_columns_of_a_sheet_share_a_name() {
        for kind in SheetKind::ALL {
            let mut keys: Vec<String> = Vec::new();
            for spec in kind.columns() {
                let mut names = vec![spec.header, spec.english];
                names.extend(spec.aliases);
                for name in names {
                    let key = name_key(&strip_brackets(name));
                    assert!(!keys.contains(&key), "{key} twice in {}", kind.name());
                    keys.push(key);
                }
            }
        }
    }

    #[test]
    fn sheet_names_are_recognised() {
        assert_eq!(SheetKind::of_sheet_name("Cơ sở"), Some(SheetKind::Producers));
        assert_eq!(SheetKind::of_sheet_name("CO SO"), Some(SheetKind::Producers));
        assert_eq!(SheetKind::of_sheet_name("Danh sách cơ sở"), Some(SheetKind::Producers));
        assert_eq!(SheetKind::of_sheet_name("Sản phẩm"), Some(SheetKind::Products));
        assert_eq!(SheetKind::of_sheet_name("Products"), Some(SheetKind::Products));
        assert_eq!(SheetKind::of_sheet_name("Hướng dẫn"), None);
    }
}
