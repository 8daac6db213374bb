//! What an import (or its preview) tells the officer: counts of what is created,
//! updated or left alone, and every problem with its sheet, row and column.

use serde::Serialize;

use super::columns::SheetKind;
use super::messages;
use crate::error::Message;

/// One problem: where (sheet, the row number Excel shows, the column's header) and
/// what — `{"sheet", "row", "column", "code", "message"}`, the message in the
/// reader's language. Row 0 is the whole sheet; an empty sheet is the whole file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Problem {
    pub sheet: String,
    pub row: u32,
    pub column: String,
    #[serde(flatten)]
    pub message: Message,
}

impl Problem {
    pub fn file(message: impl Into<Message>) -> Problem {
        Problem { sheet: String::new(), row: 0, column: String::new(), message: message.into() }
    }

    pub fn at(sheet: SheetKind, row: u32, column: &str, message: impl Into<Message>) -> Problem {
        Problem { sheet: sheet.name().to_string(), row, column: column.to_string(), message: message.into() }
    }

    /// `Cơ sở, dòng 7, Xã / Commune: …`, in the reader's language (Vietnamese
    /// outside a request: the command line).
    pub fn line(&self) -> String {
        let mut place = Vec::new();
        if !self.sheet.is_empty() {
            place.push(self.sheet.clone());
        }
        if self.row > 0 {
            place.push(Message::from(messages::ROW_NUMBER).with("row", self.row).to_string());
        }
        if !self.column.is_empty() {
            place.push(self.column.clone());
        }
        if place.is_empty() { self.message.to_string() } else { format!("{}: {}", place.join(", "), self.message) }
    }
}

/// Rows of one kind that would be (or were) created, updated, or found unchanged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Counts {
    pub create: usize,
    pub update: usize,
    pub unchanged: usize,
    /// Rows left out because of their errors (or their producer's).
    pub skipped: usize,
}

/// The preview, and after an import its summary.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct Report {
    pub producers: Counts,
    pub products: Counts,
    pub listings_add: usize,
    pub listings_update: usize,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
    /// Rows that are not data and were left out, with the reason: a report's totals
    /// row, its signature block. Not errors.
    pub skipped_rows: Vec<Problem>,
    /// Rows (of both sheets) with at least one error.
    pub error_rows: usize,
    /// Whether anything was written to the database.
    pub written: bool,
    pub dry_run: bool,
    pub valid_only: bool,
    /// Things the officer should know that are not problems of a row.
    pub notes: Vec<Message>,
    /// The file itself could not be used (not a workbook, a sheet or columns
    /// missing): no row was checked, so there is nothing valid to import either.
    pub unreadable: bool,
}

impl Report {
    /// Nothing is written when there are errors, unless only the valid rows were asked for.
    pub fn blocked(&self) -> bool {
        !self.errors.is_empty() && !self.valid_only
    }

    /// One line, stored with the import: `Cơ sở 3 mới, 1 cập nhật, …`.
    pub fn summary(&self) -> String {
        let state = if self.written {
            "đã nhập / imported"
        } else if self.blocked() {
            "chưa nhập vì có lỗi / not imported: errors"
        } else {
            "xem trước / preview"
        };
        format!(
            "{state}. Cơ sở/producers: {} mới/new, {} cập nhật/updated, {} không đổi/unchanged, {} bỏ qua/skipped. \
             Sản phẩm/products: {} mới/new, {} cập nhật/updated, {} không đổi/unchanged, {} bỏ qua/skipped. \
             Kênh bán/listings: {} thêm/added, {} sửa/updated. Lỗi/errors: {} ({} dòng/rows), cảnh báo/warnings: {}.",
            self.producers.create,
            self.producers.update,
            self.producers.unchanged,
            self.producers.skipped,
            self.products.create,
            self.products.update,
            self.products.unchanged,
            self.products.skipped,
            self.listings_add,
            self.listings_update,
            self.errors.len(),
            self.error_rows,
            self.warnings.len(),
        )
    }

    /// The plain-text table the CLI prints; its problems and notes in the reader's
    /// language, Vietnamese on the command line (as every command prints messages).
    pub fn table(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!("{:<22} {:>8} {:>8} {:>10} {:>8}\n", "", "create", "update", "unchanged", "skipped"));
        for (name, c) in [("producers (cơ sở)", self.producers), ("products (sản phẩm)", self.products)] {
            out.push_str(&format!("{name:<22} {:>8} {:>8} {:>10} {:>8}\n", c.create, c.update, c.unchanged, c.skipped));
        }
        out.push_str(&format!("{:<22} {:>8} {:>8}\n", "listings (kênh bán)", self.listings_add, self.listings_update));
        for note in &self.notes {
            out.push_str(&format!("note: {note}\n"));
        }
        if !self.errors.is_empty() {
            out.push_str(&format!("\n{} errors in {} rows (lỗi):\n", self.errors.len(), self.error_rows));
            for p in &self.errors {
                out.push_str(&format!("  {}\n", p.line()));
            }
        }
        if !self.warnings.is_empty() {
            out.push_str(&format!("\n{} warnings (cảnh báo):\n", self.warnings.len()));
            for p in &self.warnings {
                out.push_str(&format!("  {}\n", p.line()));
            }
        }
        if !self.skipped_rows.is_empty() {
            out.push_str(&format!("\n{} rows left out, not data (dòng bỏ qua):\n", self.skipped_rows.len()));
            for p in &self.skipped_rows {
                out.push_str(&format!("  {}\n", p.line()));
            }
        }
        out.push('\n');
        out.push_str(&self.summary());
        out.push('\n');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::in_language;

    fn problem() -> Problem {
        let message = Message::from(messages::NO_SUCH_PROVINCE).with("text", "Mordor");
        Problem::at(SheetKind::Producers, 9, "Tỉnh / Province", message)
    }

    #[tokio::test]
    async fn a_problem_is_its_place_with_a_code_and_a_sentence_in_the_readers_language() {
        let json = in_language(true, async { serde_json::to_value(problem()).unwrap() }).await;
        assert_eq!(
            json,
            serde_json::json!({
                "sheet": "Cơ sở",
                "row": 9,
                "column": "Tỉnh / Province",
                "code": "programme.registry.no_such_province",
                "message": "no province \"Mordor\" (new or old name, or code)",
            })
        );
        let line = in_language(true, async { problem().line() }).await;
        assert_eq!(line, "Cơ sở, row 9, Tỉnh / Province: no province \"Mordor\" (new or old name, or code)");
    }

    #[test]
    fn the_command_line_reads_vietnamese() {
        assert_eq!(
            problem().line(),
            "Cơ sở, dòng 9, Tỉnh / Province: không có tỉnh \"Mordor\" (tên mới, tên cũ hoặc mã)"
        );
        let report = Report { errors: vec![Problem::file(messages::NOT_AN_XLSX_WORKBOOK)], ..Report::default() };
        assert!(report.table().contains("\n  không phải tệp Excel .xlsx\n"), "{}", report.table());
    }
}
