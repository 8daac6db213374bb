//! Reading the registry workbook: the `Cơ sở` and `Sản phẩm` sheets found by name,
//! the header row searched for (a title block above it is common), and each data
//! row's cells put under the columns of [`super::columns`]. Cells are streamed, so a
//! sheet costs memory for the columns we use only, and a stray cell at XFD1048576
//! cannot make a dense grid of billions of cells.
//!
//! A report's closing rows — totals and the signature block ([`super::closing`]) —
//! are left out here and listed as skipped rows with their reason.
//!
//! What cannot be trusted is reported here, before any rule looks at a value:
//! formulas without a computed value (the file was written by a program that does not
//! calculate; open and save it in Excel), error cells (`#N/A`), merged cells in the
//! data area (only the first row of a merged block holds the value), files over
//! [`MAX_BYTES`] or [`MAX_ROWS`] rows, `.xls` and anything that is not a workbook.

use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};

use super::closing::Closing;
use super::columns::{self, SheetKind};
use super::messages;
use super::report::Problem;
use crate::error::Message;

/// The largest workbook accepted (bytes).
pub const MAX_BYTES: usize = 25 * 1024 * 1024;
/// The most data rows accepted, both sheets together.
pub const MAX_ROWS: usize = 200_000;
/// How far down a title block may push the header row.
const HEADER_SEARCH_ROWS: u32 = 30;
/// Columns further right are ignored (no registry has 256 columns).
const MAX_COLUMNS: u32 = 256;

/// A cell's value as the workbook holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A real Excel date cell (a number with a date format).
    Date(time::Date),
    /// An error value (`#N/A`), or a formula without a computed value.
    Error(String),
}

impl Value {
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as text: whole numbers without `.0`, dates as `YYYY-MM-DD`.
    pub fn text(&self) -> String {
        match self {
            Value::Empty | Value::Error(_) => String::new(),
            Value::Text(t) => t.trim().to_string(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Value::Date(d) => d.to_string(),
        }
    }
}

/// A data row: the number Excel shows, and one value per column of the sheet.
#[derive(Debug, Clone)]
pub struct Row {
    pub number: u32,
    pub cells: Vec<Value>,
}

impl Row {
    pub fn get(&self, column: usize) -> &Value {
        self.cells.get(column).unwrap_or(&Value::Empty)
    }
}

/// The rows of one sheet, and which of its columns the sheet has.
#[derive(Debug, Clone)]
pub struct SheetRows {
    pub kind: SheetKind,
    /// `present[i]`: the sheet has column `i` of [`SheetKind::columns`].
    pub present: Vec<bool>,
    pub rows: Vec<Row>,
}

impl SheetRows {
    fn empty(kind: SheetKind) -> SheetRows {
        SheetRows { kind, present: vec![false; kind.columns().len()], rows: Vec::new() }
    }

    pub fn has(&self, column: usize) -> bool {
        self.present.get(column).copied().unwrap_or(false)
    }
}

/// Both sheets, with the problems met while reading them (errors and warnings).
#[derive(Debug, Clone)]
pub struct Book {
    pub producers: SheetRows,
    pub products: SheetRows,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
    /// Rows left out as not data (totals, the signature block), with the reason.
    pub skipped: Vec<Problem>,
}

/// Reads a registry workbook. `Err` lists what makes the whole file unusable: not an
/// .xlsx, too large, a missing sheet, missing columns. `on_row` is called once per
/// data row read (for a progress bar).
pub fn read(bytes: &[u8], on_row: &dyn Fn()) -> Result<Book, Vec<Problem>> {
    read_limited(bytes, MAX_ROWS, on_row)
}

fn read_limited(bytes: &[u8], max_rows: usize, on_row: &dyn Fn()) -> Result<Book, Vec<Problem>> {
    const MB: usize = 1024 * 1024;
    if bytes.len() > MAX_BYTES {
        let too_large = Message::from(messages::FILE_TOO_LARGE_SPLIT_IT).with("size_mb", bytes.len() / MB);
        return Err(vec![Problem::file(too_large.with("max_mb", MAX_BYTES / MB))]);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(vec![Problem::file(messages::OLD_XLS_FILE)]);
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(vec![Problem::file(messages::NOT_AN_XLSX_WORKBOOK)]);
    }
    // calamine is careful, but a malformed archive must never take the server down.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_xlsx(bytes, max_rows, on_row)))
        .unwrap_or_else(|_| Err(vec![Problem::file(messages::CORRUPT_WORKBOOK)]))
}

/// The reader's (calamine's) error, as the `{detail}` of a corrupt workbook.
fn unreadable(e: impl std::fmt::Display) -> Vec<Problem> {
    vec![Problem::file(Message::from(messages::CORRUPT_WORKBOOK_DETAIL).with("detail", e))]
}

fn read_xlsx(bytes: &[u8], max_rows: usize, on_row: &dyn Fn()) -> Result<Book, Vec<Problem>> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let names = book.sheet_names();
    let mut file_errors = Vec::new();
    let mut found: Vec<(SheetKind, String)> = Vec::new();
    for kind in SheetKind::ALL {
        match names.iter().find(|n| SheetKind::of_sheet_name(n) == Some(kind)) {
            Some(name) => found.push((kind, name.clone())),
            None => {
                let missing = Message::from(messages::SHEET_MISSING).with("sheet", kind.name());
                file_errors
                    .push(Problem::file(missing.with("english", kind.english()).with("sheets", names.join(", "))));
            }
        }
    }
    let mut result = Book {
        producers: SheetRows::empty(SheetKind::Producers),
        products: SheetRows::empty(SheetKind::Products),
        errors: Vec::new(),
        warnings: Vec::new(),
        skipped: Vec::new(),
    };
    let mut rows = RowCount { seen: 0, max: max_rows };
    for (kind, name) in found {
        match read_sheet(&mut book, kind, &name, &mut rows, on_row) {
            Ok((sheet, errors, warnings, skipped)) => {
                result.errors.extend(errors);
                result.warnings.extend(warnings);
                result.skipped.extend(skipped);
                match kind {
                    SheetKind::Producers => result.producers = sheet,
                    SheetKind::Products => result.products = sheet,
                }
            }
            Err(problems) => file_errors.extend(problems),
        }
    }
    if file_errors.is_empty() { Ok(result) } else { Err(file_errors) }
}

/// Data rows read so far, both sheets, and how many are allowed.
struct RowCount {
    seen: usize,
    max: usize,
}

/// The sheet's rows, its errors, warnings and skipped rows; `Err`: the sheet is unusable.
type SheetResult = Result<(SheetRows, Vec<Problem>, Vec<Problem>, Vec<Problem>), Vec<Problem>>;

/// One cell as streamed: position (0-based), value, and whether it holds a formula.
struct RawCell {
    row: u32,
    col: u32,
    value: Value,
    formula: bool,
}

fn read_sheet(
    book: &mut Xlsx<Cursor<&[u8]>>,
    kind: SheetKind,
    name: &str,
    total_rows: &mut RowCount,
    on_row: &dyn Fn(),
) -> SheetResult {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut head: Vec<RawCell> = Vec::new();
    let mut header: Option<Header> = None;
    let mut sheet = SheetRows::empty(kind);
    let mut formulas = FormulaNotes::default();
    // Rows whose text (in any column, read or not) marks a closing row.
    let mut closing: std::collections::BTreeMap<u32, Closing> = std::collections::BTreeMap::new();
    {
        let mut reader = book.worksheet_cells_reader(name).map_err(unreadable)?;
        while let Some(cell) = reader.next_cell_with_formula_metadata().map_err(unreadable)? {
            let (row, col) = cell.pos;
            if col >= MAX_COLUMNS {
                continue;
            }
            let raw = RawCell { row, col, value: value_of(&cell.value), formula: cell.formula.is_some() };
            if let Value::Text(text) = &raw.value
                && let Some(kind) = Closing::of_text(text)
            {
                closing.entry(row + 1).or_insert(kind);
            }
            if header.is_none() {
                if row < HEADER_SEARCH_ROWS {
                    head.push(raw);
                    continue;
                }
                let found = find_header(kind, &head)?;
                for buffered in head.drain(..).filter(|c| c.row > found.row) {
                    place(&found, &mut sheet, buffered, &mut formulas, &mut errors, total_rows, on_row)?;
                }
                header = Some(found);
            }
            if let Some(found) = &header {
                place(found, &mut sheet, raw, &mut formulas, &mut errors, total_rows, on_row)?;
            }
        }
    }
    if header.is_none() {
        if head.is_empty() {
            return Ok((sheet, errors, warnings, Vec::new()));
        }
        let found = find_header(kind, &head)?;
        for buffered in head.drain(..).filter(|c| c.row > found.row) {
            place(&found, &mut sheet, buffered, &mut formulas, &mut errors, total_rows, on_row)?;
        }
        header = Some(found);
    }
    let Some(header) = header else { return Ok((sheet, errors, warnings, Vec::new())) };
    let closing: Vec<(u32, Closing)> = closing.into_iter().filter(|(row, _)| *row > header.row + 1).collect();
    let skipped = leave_out_closing_rows(&mut sheet, &closing, &mut errors);
    let is_skipped = |row: u32| skipped.iter().any(|p| p.row == row) || signature_from(&closing) <= row;
    sheet.present = header.present(kind.columns().len());
    warnings.extend(header.duplicates.iter().map(|(col, spec)| {
        Problem::at(
            kind,
            header.row + 1,
            &kind.columns()[*spec].label(),
            Message::from(messages::HEADER_REPEATED).with("column", column_letters(*col)),
        )
    }));
    warnings.extend(formulas.warnings(kind, &is_skipped));
    sheet.rows.retain(|r| r.cells.iter().any(|c| !c.is_empty()));
    for region in book.merge_cells_by_sheet_name(name).map_err(unreadable)? {
        let (start, end) = (region.start, region.end);
        if end.0 <= header.row {
            continue;
        }
        if (start.0.max(header.row + 1)..=end.0).all(|r| is_skipped(r + 1)) {
            continue;
        }
        let columns: Vec<usize> = (start.1..=end.1).filter_map(|c| header.field_at(c)).collect();
        let Some(first) = columns.first() else { continue };
        let cells = format!("{}{}:{}{}", column_letters(start.1), start.0 + 1, column_letters(end.1), end.0 + 1);
        errors.push(Problem::at(
            kind,
            start.0.max(header.row + 1) + 1,
            &kind.columns()[*first].label(),
            Message::from(messages::MERGED_CELLS).with("cells", cells),
        ));
    }
    Ok((sheet, errors, warnings, skipped))
}

/// The row (as Excel numbers it) the signature block starts at; `u32::MAX` when none.
fn signature_from(closing: &[(u32, Closing)]) -> u32 {
    closing.iter().find(|(_, kind)| *kind == Closing::Signature).map_or(u32::MAX, |(row, _)| *row)
}

/// Takes the totals rows and the signature block (and everything below it) out of
/// the sheet's rows, drops the reader's errors on them, and says which were left out.
fn leave_out_closing_rows(
    sheet: &mut SheetRows,
    closing: &[(u32, Closing)],
    errors: &mut Vec<Problem>,
) -> Vec<Problem> {
    let signature = signature_from(closing);
    let totals = |row: u32| closing.iter().any(|(r, kind)| *r == row && *kind == Closing::Totals);
    let last_row = sheet.rows.iter().map(|r| r.number).chain(closing.iter().map(|(r, _)| *r)).max().unwrap_or(0);
    let mut skipped: Vec<Problem> = sheet
        .rows
        .iter()
        .filter(|r| r.number < signature && totals(r.number))
        .map(|r| Problem::at(sheet.kind, r.number, "", Closing::Totals.reason(r.number)))
        .collect();
    if signature < u32::MAX {
        skipped.push(Problem::at(sheet.kind, signature, "", Closing::Signature.reason(last_row)));
    }
    sheet.rows.retain(|r| r.number < signature && !totals(r.number));
    errors.retain(|e| e.sheet != sheet.kind.name() || e.row == 0 || (e.row < signature && !totals(e.row)));
    skipped
}

/// Puts a data cell under its column, starting a new row when the row changes.
fn place(
    header: &Header,
    sheet: &mut SheetRows,
    cell: RawCell,
    formulas: &mut FormulaNotes,
    errors: &mut Vec<Problem>,
    total_rows: &mut RowCount,
    on_row: &dyn Fn(),
) -> Result<(), Vec<Problem>> {
    let Some(field) = header.field_at(cell.col) else { return Ok(()) };
    let number = cell.row + 1;
    if sheet.rows.last().is_none_or(|r| r.number != number) {
        total_rows.seen += 1;
        if total_rows.seen > total_rows.max {
            let too_many = Message::from(messages::MORE_ROWS_THAN_ALLOWED).with("max", total_rows.max);
            return Err(vec![Problem::file(too_many)]);
        }
        on_row();
        sheet.rows.push(Row { number, cells: vec![Value::Empty; sheet.kind.columns().len()] });
    }
    let column = || sheet.kind.columns()[field].label();
    let value = match cell.value {
        Value::Error(e) if cell.formula => {
            errors.push(Problem::at(
                sheet.kind,
                number,
                &column(),
                Message::from(messages::FORMULA_RESULT_IS_AN_ERROR).with("detail", &e),
            ));
            Value::Error(e)
        }
        Value::Error(e) => {
            errors.push(Problem::at(
                sheet.kind,
                number,
                &column(),
                Message::from(messages::CELL_HOLDS_AN_ERROR).with("detail", &e),
            ));
            Value::Error(e)
        }
        v if cell.formula && v.is_empty() => {
            errors.push(Problem::at(sheet.kind, number, &column(), messages::FORMULA_WITHOUT_A_VALUE));
            Value::Error("formula".into())
        }
        v => {
            if cell.formula {
                formulas.note(field, number);
            }
            v
        }
    };
    if let Some(row) = sheet.rows.last_mut() {
        row.cells[field] = value;
    }
    Ok(())
}

/// Formulas that carry a computed value are accepted; one warning per column says so.
#[derive(Default)]
struct FormulaNotes {
    /// column → the rows with a formula there
    seen: std::collections::BTreeMap<usize, Vec<u32>>,
}

impl FormulaNotes {
    fn note(&mut self, field: usize, row: u32) {
        self.seen.entry(field).or_default().push(row);
    }

    /// One warning per column, counting the rows that are data (not `skipped`).
    fn warnings(&self, kind: SheetKind, skipped: &dyn Fn(u32) -> bool) -> Vec<Problem> {
        self.seen
            .iter()
            .filter_map(|(field, rows)| {
                let data: Vec<u32> = rows.iter().copied().filter(|r| !skipped(*r)).collect();
                Some((field, *data.first()?, data.len()))
            })
            .map(|(field, first, count)| {
                Problem::at(
                    kind,
                    first,
                    &kind.columns()[*field].label(),
                    Message::from(messages::FORMULAS_COMPUTED_VALUES_USED).with("count", count).with("first", first),
                )
            })
            .collect()
    }
}

fn value_of(data: &DataRef<'_>) -> Value {
    match data {
        DataRef::Empty => Value::Empty,
        DataRef::String(s) => Value::Text(s.clone()),
        DataRef::SharedString(s) => Value::Text(s.to_string()),
        DataRef::Int(i) => Value::Number(*i as f64),
        DataRef::Float(f) => Value::Number(*f),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match time::Month::try_from(m).ok().and_then(|m| time::Date::from_calendar_date(i32::from(y), m, d).ok()) {
                Some(date) => Value::Date(date),
                None => Value::Number(dt.as_f64()),
            }
        }
        DataRef::DateTime(dt) => Value::Number(dt.as_f64()),
        DataRef::DateTimeIso(s) => match crate::vn::parse_iso_date(s.get(..10).unwrap_or(s)) {
            Some(date) => Value::Date(date),
            None => Value::Text(s.clone()),
        },
        DataRef::DurationIso(s) => Value::Text(s.clone()),
        DataRef::Error(e) => Value::Error(e.to_string()),
    }
}

/// The header row: which sheet column holds which field.
struct Header {
    row: u32,
    /// (sheet column, field)
    fields: Vec<(u32, usize)>,
    /// Further columns with a header already taken: (sheet column, field).
    duplicates: Vec<(u32, usize)>,
}

impl Header {
    fn field_at(&self, col: u32) -> Option<usize> {
        self.fields.iter().find(|(c, _)| *c == col).map(|(_, f)| *f)
    }

    fn present(&self, len: usize) -> Vec<bool> {
        let mut present = vec![false; len];
        for (_, f) in &self.fields {
            present[*f] = true;
        }
        present
    }
}

/// The row among the first ones naming the most columns (two at least); `Err` names
/// the required columns it lacks.
fn find_header(kind: SheetKind, head: &[RawCell]) -> Result<Header, Vec<Problem>> {
    let mut best: Option<Header> = None;
    let mut rows: Vec<u32> = head.iter().map(|c| c.row).collect();
    rows.dedup();
    for row in rows {
        let mut fields: Vec<(u32, usize)> = Vec::new();
        let mut duplicates = Vec::new();
        for cell in head.iter().filter(|c| c.row == row) {
            let Value::Text(text) = &cell.value else { continue };
            if let Some(field) = columns::column_of(kind, text) {
                if fields.iter().any(|(_, f)| *f == field) {
                    duplicates.push((cell.col, field));
                } else {
                    fields.push((cell.col, field));
                }
            }
        }
        if fields.len() >= 2 && best.as_ref().is_none_or(|b| fields.len() > b.fields.len()) {
            best = Some(Header { row, fields, duplicates });
        }
    }
    let missing = |have: &[(u32, usize)]| -> Vec<String> {
        kind.columns()
            .iter()
            .enumerate()
            .filter(|(i, spec)| spec.required && !have.iter().any(|(_, f)| f == i))
            .map(|(_, spec)| format!("\"{}\" ({})", spec.header, spec.english))
            .collect()
    };
    match best {
        Some(header) if missing(&header.fields).is_empty() => Ok(header),
        Some(header) => {
            let missing = Message::from(messages::MISSING_COLUMNS).with("columns", missing(&header.fields).join(", "));
            Err(vec![Problem::at(kind, header.row + 1, "", missing)])
        }
        None => {
            let none = Message::from(messages::NO_HEADER_ROW).with("rows", HEADER_SEARCH_ROWS);
            Err(vec![Problem::at(kind, 0, "", none.with("columns", missing(&[]).join(", ")))])
        }
    }
}

/// `0` → `A`, `27` → `AB`.
pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push((b'A' + rem) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_as_excel_writes_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
    }

    #[test]
    fn what_is_not_an_xlsx_is_refused_clearly() {
        let code = |bytes: &[u8]| read(bytes, &|| {}).unwrap_err()[0].message.code().to_string();
        assert_eq!(code(b"hello, world"), messages::NOT_AN_XLSX_WORKBOOK.0);
        assert_eq!(code(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0]), messages::OLD_XLS_FILE.0);
        let err = read(b"PK\x03\x04garbage that is no zip", &|| {}).unwrap_err();
        assert_eq!(err[0].message.code(), messages::CORRUPT_WORKBOOK_DETAIL.0);
        assert!(!err[0].message.vietnamese().contains("{detail}"), "the reader's reason fills it: {err:?}");
        let err = read(&vec![b'P'; MAX_BYTES + 1], &|| {}).unwrap_err();
        assert_eq!(err[0].message.code(), messages::FILE_TOO_LARGE_SPLIT_IT.0);
    }

    #[test]
    fn too_many_rows_are_refused_whole() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet().set_name("Cơ sở").unwrap();
        for (i, h) in ["Mã cơ sở", "Tên cơ sở", "Loại hình", "Tỉnh", "Xã"].iter().enumerate() {
            ws.write(0, i as u16, *h).unwrap();
        }
        for r in 1..=6 {
            ws.write(r, 0, format!("LC-{r}")).unwrap();
        }
        let ws = book.add_worksheet().set_name("Sản phẩm").unwrap();
        ws.write(0, 0, "Mã cơ sở").unwrap();
        ws.write(0, 1, "Tên sản phẩm").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let err = read_limited(&bytes, 5, &|| {}).unwrap_err();
        assert_eq!(err[0].message, Message::from(messages::MORE_ROWS_THAN_ALLOWED).with("max", 5));
        assert!(read_limited(&bytes, 6, &|| {}).is_ok());
    }

    #[test]
    fn a_title_block_above_the_header_is_skipped() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet().set_name("Cơ sở").unwrap();
        ws.write(0, 0, "DANH SÁCH CƠ SỞ OCOP TỈNH LAI CHÂU").unwrap();
        for (i, h) in ["STT", "Mã cơ sở", "Tên cơ sở", "Loại hình", "Tỉnh", "Xã", "Ghi chú"].iter().enumerate()
        {
            ws.write(2, i as u16, *h).unwrap();
        }
        ws.write(3, 0, 1).unwrap();
        ws.write(3, 1, "LC-01").unwrap();
        ws.write(3, 2, "HTX Chè").unwrap();
        ws.write(3, 6, "ignored").unwrap();
        let ws = book.add_worksheet().set_name("Sản phẩm").unwrap();
        ws.write(0, 0, "Mã cơ sở").unwrap();
        ws.write(0, 1, "Tên sản phẩm").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let book = read(&bytes, &|| {}).unwrap();
        assert_eq!(book.producers.rows.len(), 1);
        let row = &book.producers.rows[0];
        assert_eq!(row.number, 4);
        assert_eq!(row.get(columns::producer::CODE).text(), "LC-01");
        assert!(book.producers.has(columns::producer::KIND));
        assert!(!book.producers.has(columns::producer::PHONE));
        assert!(book.products.rows.is_empty());
    }
}
