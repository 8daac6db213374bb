//! The rows a department's report ends with that are not data: the totals row
//! (`Tổng cộng`, `Tổng`, `Cộng`, `Tổng số: 25`) and the signature block (`Lai Châu,
//! ngày … tháng … năm …`, `Người lập biểu`, `Thủ trưởng đơn vị`, `(Ký, ghi rõ họ
//! tên)` and the names under them). The reader leaves them out and the preview lists
//! them as skipped rows with the reason: they are not producers with errors. Pure.

use super::messages;
use crate::error::Message;
use crate::vn::text::{fold, name_key};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    /// A totals or subtotals row.
    Totals,
    /// The first row of the signature block: it and every row below it are left out.
    Signature,
}

/// Labels of a totals row, folded, as the whole text of a cell.
const TOTALS: [&str; 7] = ["tong cong", "tong", "cong", "tong so", "cong tong", "total", "grand total"];
/// Beginnings of the signature block's cells, folded.
const SIGNATURE: [&str; 14] = [
    "nguoi lap bieu",
    "nguoi lap",
    "nguoi tong hop",
    "thu truong don vi",
    "thu truong co quan",
    "ky ghi ro ho ten",
    "ky va ghi ro ho ten",
    "ky ho ten",
    "ky ten",
    "ky dong dau",
    "ky ten dong dau",
    "kt giam doc",
    "tm uy ban nhan dan",
    "ke toan truong",
];

impl Closing {
    /// What a cell's text says about its row.
    pub fn of_text(text: &str) -> Option<Closing> {
        let text = text.trim();
        // Labels are short; a long text is a description, not a closing row.
        if text.is_empty() || text.len() > 120 {
            return None;
        }
        let key = name_key(text);
        let digits_after = |prefix: &str| {
            key.strip_prefix(prefix).is_some_and(|rest| rest.split(' ').all(|w| w.bytes().all(|b| b.is_ascii_digit())))
        };
        if TOTALS.contains(&key.as_str())
            || key.starts_with("tong cong ")
            || key.starts_with("tong so ")
            || digits_after("cong ")
            || digits_after("tong ")
        {
            return Some(Closing::Totals);
        }
        let starts_word = |prefix: &str| key == prefix || key.starts_with(&format!("{prefix} "));
        if SIGNATURE.iter().any(|s| starts_word(s)) || is_date_line(text) {
            return Some(Closing::Signature);
        }
        None
    }

    /// Why the row is left out.
    pub fn reason(self, last_row: u32) -> Message {
        match self {
            Closing::Totals => messages::TOTALS_ROW_SKIPPED.into(),
            Closing::Signature => Message::from(messages::SIGNATURE_BLOCK_SKIPPED).with("last_row", last_row),
        }
    }
}

/// `Lai Châu, ngày 15 tháng 11 năm 2026`, `Ngày … tháng … năm 2026`: a place (no
/// digits) and a comma before `ngày`, or nothing but a day and a month left blank
/// to be written by hand; only day, month and year after it. A date written in
/// words in a date column (`ngày 5 tháng 3 năm 2024`) and a decision's
/// `1410/QĐ-UBND ngày 19 tháng 8 năm 2022` are not one.
fn is_date_line(text: &str) -> bool {
    let folded = fold(text);
    let rest = if let Some(rest) = folded.strip_prefix("ngay") {
        let before_year = rest.split("nam").next().unwrap_or(rest);
        if before_year.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        rest
    } else if let Some((place, rest)) = folded.split_once(", ngay").or_else(|| folded.split_once(",ngay")) {
        if place.trim().is_empty() || place.chars().any(|c| c.is_ascii_digit()) || place.chars().count() > 40 {
            return false;
        }
        rest
    } else {
        return false;
    };
    let words: Vec<String> = name_key(rest).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
    let number = |w: &String| w.bytes().all(|b| b.is_ascii_digit());
    let (Some(month), Some(year)) = (words.iter().position(|w| w == "thang"), words.iter().position(|w| w == "nam"))
    else {
        return false;
    };
    month < year && words.iter().enumerate().all(|(i, w)| i == month || i == year || number(w)) && words.len() <= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_rows_are_known_by_their_label() {
        for text in
            ["Tổng cộng", "TỔNG CỘNG:", "Tổng", "Cộng", "Tổng số: 25", "Tổng cộng (25 cơ sở)", "Cộng 12", "Total"]
        {
            assert_eq!(Closing::of_text(text), Some(Closing::Totals), "{text}");
        }
        for text in ["Công ty TNHH Sâm Lai Châu", "HTX Tổng hợp Bình Lư", "Cộng đồng dân tộc Mông", "Tống Văn Cộng"]
        {
            assert_eq!(Closing::of_text(text), None, "{text}");
        }
    }

    #[test]
    fn the_signature_block_is_known_by_its_words_and_its_date_line() {
        for text in [
            "Người lập biểu",
            "NGƯỜI LẬP BIỂU",
            "Thủ trưởng đơn vị",
            "(Ký, ghi rõ họ tên)",
            "(Ký tên, đóng dấu)",
            "KT. GIÁM ĐỐC",
            "Lai Châu, ngày 15 tháng 11 năm 2026",
            "Lai Châu, ngày … tháng … năm 2026",
            "Sìn Hồ, ngày    tháng    năm 20",
            "Ngày … tháng … năm 2026",
        ] {
            assert_eq!(Closing::of_text(text), Some(Closing::Signature), "{text}");
        }
        for text in [
            "1410/QĐ-UBND ngày 19 tháng 8 năm 2022",
            "Quyết định 12/QĐ-UBND, ngày 19 tháng 8 năm 2022",
            "Thôn Ngày Lộc, xã Nậm Tăm",
            "Nguyễn Văn Lập",
            "ngày mai",
            "ngày 5 tháng 3 năm 2024",
            "Ngày 20 tháng 11 năm 2026",
        ] {
            assert_eq!(Closing::of_text(text), None, "{text}");
        }
    }
}
