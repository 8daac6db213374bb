//! Tables read from uploaded files: an Excel workbook (.xlsx, and .xls/.ods too) when
//! the bytes are one (by content, not by file name), else CSV (UTF-8 with or without
//! BOM, or UTF-16 "Unicode text"; `,`, `;` or tab between fields). Every cell becomes
//! text; rows keep the number a spreadsheet shows, so errors can name them. Used by
//! the bank statement import and the programme office's imports.

use std::io::Cursor;

use calamine::{Data, Reader};

use crate::error::{AppError, Message};
use crate::vn::text::name_key;

/// The grids of a file: one per worksheet, or one per likely CSV delimiter.
pub fn read_grids(bytes: &[u8]) -> Result<Vec<Grid>, AppError> {
    if is_workbook(bytes) { workbook_grids(bytes) } else { csv_grids(bytes) }
}

/// A grid of cell texts, each row with its number as a spreadsheet shows it.
pub type Grid = Vec<(usize, Vec<String>)>;

/// Zip (xlsx, ods) or OLE (xls) signatures.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// One grid per worksheet.
fn workbook_grids(bytes: &[u8]) -> Result<Vec<Grid>, AppError> {
    let unreadable =
        |e: calamine::Error| AppError::invalid("file", Message::from(messages::UNREADABLE).with("detail", e));
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let mut grids = Vec::new();
    for sheet in workbook.sheet_names() {
        let range = workbook.worksheet_range(&sheet).map_err(unreadable)?;
        let first_row = range.start().map_or(0, |(row, _)| row as usize);
        let first_col = range.start().map_or(0, |(_, col)| col as usize);
        let grid = range
            .rows()
            .enumerate()
            .map(|(i, cells)| {
                let mut texts = vec![String::new(); first_col];
                texts.extend(cells.iter().map(cell_text));
                (first_row + i + 1, texts)
            })
            .collect();
        grids.push(grid);
    }
    Ok(grids)
}

pub fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Whole đồng, give or take the float noise of a computed cell.
        Data::Float(f) if (f - f.round()).abs() < 1e-6 && f.abs() < 1e15 => format!("{}", f.round() as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTime(dt) => dt.as_f64().to_string(),
        Data::Error(e) => format!("#{e}"),
    }
}

/// The CSV read with each likely delimiter (`,`, `;`, tab), in that order: the
/// first grid in which a header row is found is used.
fn csv_grids(bytes: &[u8]) -> Result<Vec<Grid>, AppError> {
    let text = decode_text(bytes)?;
    // Line numbers from byte offsets: the reader counts a run of blank lines as one.
    let newlines: Vec<usize> = text.match_indices('\n').map(|(at, _)| at).collect();
    let mut grids = Vec::new();
    for delimiter in [b',', b';', b'\t'] {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let mut grid = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let Ok(record) = record else { break };
            // The line in the file: blank lines are rows in a spreadsheet too.
            let line = record.position().map_or(i + 1, |p| {
                let start = p.byte() as usize;
                let start = start + text[start..].bytes().take_while(|b| matches!(b, b'\r' | b'\n')).count();
                newlines.partition_point(|&n| n < start) + 1
            });
            grid.push((line, record.iter().map(str::to_string).collect()));
        }
        grids.push(grid);
    }
    Ok(grids)
}

/// UTF-8 (with or without BOM) or UTF-16 with its BOM ("Unicode text" from Excel).
fn decode_text(bytes: &[u8]) -> Result<String, AppError> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> = rest.chunks_exact(2).map(|p| u16::from_le_bytes([p[0], p[1]])).collect();
        return String::from_utf16(&units).map_err(|_| not_text());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|_| not_text())
}

fn not_text() -> AppError {
    AppError::invalid("file", messages::NOT_TEXT)
}

/// (key, Vietnamese, English) rows of the app's text table.
pub mod messages {
    use crate::error::Text;

    pub const UNREADABLE: Text =
        ("tables.unreadable", "tệp Excel không đọc được: {detail}", "the workbook could not be read: {detail}");
    pub const NOT_TEXT: Text =
        ("tables.not_text", "cần tệp CSV mã UTF-8 hoặc tệp Excel", "expected a UTF-8 CSV file or an Excel workbook");

    pub const TEXTS: &[Text] = &[UNREADABLE, NOT_TEXT];
}

/// The folded forms a header cell goes by: the whole text and each part of a
/// bilingual header (`Ngày GD / Transaction date`), without `(VND)`-like notes or a
/// trailing currency.
pub fn header_keys(cell: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in cell.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    std::iter::once(plain.as_str())
        .chain(plain.split(['/', '\n', '|', '-']))
        .map(|part| {
            let key = name_key(part);
            key.strip_suffix(" vnd").map(str::to_string).unwrap_or(key)
        })
        .filter(|k| !k.is_empty())
        .collect()
}
