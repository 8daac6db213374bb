//! Every office table exports to .xlsx the same way: a bold header row, frozen,
//! columns sized to their content, numbers as numbers.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// One cell of an exported table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A percentage given as a ratio in basis points (10 000 = 100 %), shown `0.0 %`.
    PercentBp(i64),
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_string())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Cell {
        Cell::Int(n)
    }
}

/// A sheet: its name (at most 31 characters, as Excel allows), headers and rows.
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub fn new(name: &str, headers: &[&str]) -> Sheet {
        Sheet {
            name: name.chars().take(31).collect(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }
}

/// The workbook's bytes.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.0%");
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name)?;
        let mut widths: Vec<usize> = sheet.headers.iter().map(|h| h.chars().count()).collect();
        for (col, header) in sheet.headers.iter().enumerate() {
            ws.write_string_with_format(0, col as u16, header, &bold)?;
        }
        for (i, row) in sheet.rows.iter().enumerate() {
            let r = i as u32 + 1;
            for (col, cell) in row.iter().enumerate() {
                let c = col as u16;
                let width = match cell {
                    Cell::Text(text) => {
                        ws.write_string(r, c, text)?;
                        text.chars().count()
                    }
                    Cell::Int(n) => {
                        ws.write_number(r, c, *n as f64)?;
                        n.to_string().len()
                    }
                    Cell::PercentBp(bp) => {
                        // Excel stores every number as a double; this is only for display.
                        ws.write_number_with_format(r, c, *bp as f64 / 10_000.0, &percent)?;
                        7
                    }
                };
                if col < widths.len() {
                    widths[col] = widths[col].max(width);
                }
            }
        }
        for (col, width) in widths.iter().enumerate() {
            ws.set_column_width(col as u16, (*width).clamp(6, 60) as f64 + 2.0)?;
        }
        ws.set_freeze_panes(1, 0)?;
    }
    book.save_to_buffer()
}

/// The response of an .xlsx download named `file_name`.
pub fn download(file_name: &str, bytes: Vec<u8>) -> axum::response::Response {
    crate::web::download(file_name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Reader, Xlsx};

    #[test]
    fn a_sheet_reads_back() {
        let mut sheet = Sheet::new("Cơ sở", &["Tên", "Số", "Tỷ lệ"]);
        sheet.push(vec!["HTX Chè".into(), 12.into(), Cell::PercentBp(7_050)]);
        let bytes = workbook(&[sheet]).unwrap();
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("Cơ sở").unwrap();
        assert_eq!(range.get_value((1, 0)).unwrap().to_string(), "HTX Chè");
        assert_eq!(range.get_value((1, 1)).unwrap().to_string(), "12");
        assert_eq!(range.get_value((1, 2)).unwrap().to_string(), "0.705");
    }
}
