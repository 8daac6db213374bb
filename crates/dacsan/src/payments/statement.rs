//! Bank statements as producers download them from internet banking (CSV, or an
//! Excel workbook: .xlsx, and .xls/.ods too), read into [`Transfer`]s that are then
//! reconciled exactly like the bank webhook's ([`report::import`]).
//!
//! Vietnamese banks export differently: a title block above the table (bank, account,
//! period), headers in Vietnamese or English or both, `;` or `,` between CSV fields,
//! amounts as `1.250.000` or `1250000.00`. So the header row is searched for, and
//! headers are compared folded ([`crate::vn::text::name_key`]: no case, tone marks or
//! spacing) against the aliases below. A row that cannot be read is reported with its
//! row number and column and the others are still imported: money is never dropped
//! because of a neighbour.

use super::messages;

pub mod report;
pub mod values;

use std::collections::HashMap;

use serde::Serialize;

use super::model::Transfer;
use crate::error::{AppError, Message, Text};
use crate::tables::{self, Grid, header_keys};
use crate::vn::text::name_key;
pub use report::{Scope, StatementReport, import};
use values::{parse_amount, parse_date, stable_id};

/// The `source` of transfers read from a statement.
pub const SOURCE: &str = "statement";
/// How far down a title block may push the header row.
const HEADER_SEARCH_ROWS: usize = 40;

/// A column a statement may have, and the headers it goes by, the most specific
/// first: when two columns match one field (`Ngày giao dịch` and `Ngày hiệu lực`),
/// the earlier alias wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Date,
    Content,
    Credit,
    Debit,
    Reference,
    Account,
}

impl Field {
    const ALL: [Field; 6] =
        [Field::Date, Field::Content, Field::Credit, Field::Debit, Field::Reference, Field::Account];

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Date => &["Ngày giao dịch", "Ngày GD", "Ngày hiệu lực", "Transaction date", "Date", "Ngày"],
            Field::Content => &["Nội dung", "Mô tả", "Diễn giải", "Nội dung chi tiết", "Description", "Details"],
            Field::Credit => &["Số tiền ghi có", "Ghi có", "Số tiền vào", "Credit", "Credit amount", "Có"],
            // "Nợ" last: an English "No." column folds to the same key.
            Field::Debit => &["Số tiền ghi nợ", "Ghi nợ", "Số tiền ra", "Debit", "Debit amount", "Nợ"],
            Field::Reference => &["Số tham chiếu", "Mã giao dịch", "Số bút toán", "Reference", "Transaction ID", "Ref"],
            Field::Account => &["Số tài khoản", "Số TK", "Account", "Account number", "Account no"],
        }
    }
}

/// Where the fields are, and the header texts (to name columns in errors).
#[derive(Debug, Clone)]
struct Columns {
    at: HashMap<Field, usize>,
    names: Vec<String>,
}

impl Columns {
    fn name(&self, field: Field) -> String {
        self.at.get(&field).and_then(|&i| self.names.get(i)).map(|n| n.trim().replace('\n', " ")).unwrap_or_default()
    }
}

/// An incoming transfer read from row `row` (numbered as a spreadsheet shows it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    pub row: usize,
    pub transfer: Transfer,
}

/// A row that could not be read: its number, the column at fault, what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RowError {
    pub row: usize,
    pub column: String,
    #[serde(flatten)]
    pub message: Message,
}

/// What a statement file holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Statement {
    pub credits: Vec<Credit>,
    /// Rows with money going out: not ours to reconcile.
    pub debits_ignored: usize,
    pub errors: Vec<RowError>,
}

/// Reads a statement: an Excel workbook when the bytes are one (by content, not by
/// file name), else CSV. `Invalid` on the field `file` when no table is found.
pub fn parse(bytes: &[u8]) -> Result<Statement, AppError> {
    let grids = tables::read_grids(bytes)?;
    for grid in &grids {
        if let Some((header_at, columns)) = find_header(grid) {
            let account = title_account(&grid[..header_at]);
            return Ok(read_rows(&grid[header_at + 1..], &columns, &account));
        }
    }
    Err(AppError::invalid("file", messages::NO_HEADER_ROW_WITH_A_DATE))
}

/// Which field a header cell names, and how specifically (the alias's rank).
fn field_of(cell: &str) -> Option<(Field, usize)> {
    if cell.trim().eq_ignore_ascii_case("no.") {
        return None;
    }
    let keys = header_keys(cell);
    Field::ALL.into_iter().find_map(|field| {
        field.aliases().iter().position(|alias| keys.contains(&name_key(alias))).map(|rank| (field, rank))
    })
}

/// The first row, among the top [`HEADER_SEARCH_ROWS`], that names a date, a
/// content and a credit column.
fn find_header(grid: &Grid) -> Option<(usize, Columns)> {
    grid.iter().take(HEADER_SEARCH_ROWS).enumerate().find_map(|(index, (_, cells))| {
        let mut best: HashMap<Field, (usize, usize)> = HashMap::new();
        for (col, cell) in cells.iter().enumerate() {
            if let Some((field, rank)) = field_of(cell) {
                let entry = best.entry(field).or_insert((rank, col));
                if rank < entry.0 {
                    *entry = (rank, col);
                }
            }
        }
        let complete = [Field::Date, Field::Content, Field::Credit].iter().all(|f| best.contains_key(f));
        complete.then(|| {
            let at = best.into_iter().map(|(field, (_, col))| (field, col)).collect();
            (index, Columns { at, names: cells.clone() })
        })
    })
}

/// The account number of a title block: `Số tài khoản: 0011002233445` in one cell,
/// or the label in one cell and the number in the next.
fn title_account(rows: &[(usize, Vec<String>)]) -> String {
    let is_label = |text: &str| matches!(field_of(text), Some((Field::Account, _)));
    let digits = |text: &str| -> Option<String> {
        let d: String = text.chars().filter(char::is_ascii_digit).collect();
        (d.len() >= 6).then_some(d)
    };
    for (_, cells) in rows {
        for (i, cell) in cells.iter().enumerate() {
            if let Some((label, value)) = cell.split_once(':')
                && is_label(label)
                && let Some(number) = digits(value)
            {
                return number;
            }
            if is_label(cell.trim_end_matches([':', ' ']))
                && let Some(number) = cells[i + 1..].iter().find(|c| !c.trim().is_empty()).and_then(|c| digits(c))
            {
                return number;
            }
        }
    }
    String::new()
}

/// Is this a total or balance line (`Tổng cộng`, `Số dư cuối kỳ`, `Total`)?
fn is_summary(cells: &[String]) -> bool {
    cells.iter().map(|c| name_key(c)).any(|key| {
        ["tong", "cong", "so du", "total", "balance", "opening", "closing"].iter().any(|w| key.starts_with(w))
    })
}

fn read_rows(rows: &[(usize, Vec<String>)], columns: &Columns, title_account: &str) -> Statement {
    let mut statement = Statement::default();
    let mut seen: HashMap<(String, i64, String), usize> = HashMap::new();
    for (row, cells) in rows {
        let cell = |field: Field| -> &str {
            columns.at.get(&field).and_then(|&i| cells.get(i)).map(|s| s.trim()).unwrap_or("")
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut error = |field: Field, message: Text| {
            statement.errors.push(RowError { row: *row, column: columns.name(field), message: message.into() });
        };
        let credit = match parse_amount(cell(Field::Credit)) {
            Ok(amount) => amount.filter(|&a| a > 0),
            Err(message) => {
                error(Field::Credit, message);
                continue;
            }
        };
        let date = parse_date(cell(Field::Date));
        let Some(amount_vnd) = credit else {
            let debit = parse_amount(cell(Field::Debit).trim_start_matches('-')).ok().flatten().filter(|&a| a > 0);
            if debit.is_some() {
                statement.debits_ignored += 1;
            } else if date.is_some() {
                error(Field::Credit, messages::NO_AMOUNT);
            }
            continue;
        };
        let Some(date) = date else {
            if !is_summary(cells) {
                error(Field::Date, messages::NOT_A_DATE);
            }
            continue;
        };
        let content = cell(Field::Content).split_whitespace().collect::<Vec<_>>().join(" ");
        let source_txn_id = match cell(Field::Reference) {
            "" => {
                let occurrence = seen.entry((date.clone(), amount_vnd, content.clone())).or_default();
                *occurrence += 1;
                stable_id(&date, amount_vnd, &content, *occurrence - 1)
            }
            reference => reference.to_string(),
        };
        let account_number = match cell(Field::Account) {
            "" => title_account.to_string(),
            account => account.to_string(),
        };
        let transfer = Transfer {
            source: SOURCE,
            // A reference the bank gave (not our hash of the row) identifies the transfer everywhere.
            bank_reference: if source_txn_id.starts_with("sha256:") { String::new() } else { source_txn_id.clone() },
            source_txn_id,
            amount_vnd,
            content,
            account_number,
            transacted_at: date,
        };
        statement.credits.push(Credit { row: *row, transfer });
    }
    statement
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header_of(csv: &str) -> Option<(usize, Vec<(Field, usize)>)> {
        let grids = tables::read_grids(csv.as_bytes()).unwrap();
        let (grid, (index, columns)) = grids.iter().find_map(|grid| Some((grid, find_header(grid)?)))?;
        let mut at: Vec<(Field, usize)> = columns.at.into_iter().collect();
        at.sort_by_key(|(_, col)| *col);
        Some((grid[index].0, at))
    }

    #[test]
    fn finds_the_header_below_a_title_block() {
        let csv = "NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM\nSao kê tài khoản,,\nSố tài khoản: 0011002233445,,\n\n\
                   STT,Ngày giao dịch,Số tham chiếu,Số tiền ghi nợ,Số tiền ghi có,Nội dung\n1,25/11/2026,FT1,,500.000,DSAB12CD34\n";
        let (line, at) = header_of(csv).unwrap();
        assert_eq!(line, 5, "the fifth line, after a blank one");
        assert_eq!(
            at,
            vec![(Field::Date, 1), (Field::Reference, 2), (Field::Debit, 3), (Field::Credit, 4), (Field::Content, 5)]
        );
    }

    #[test]
    fn headers_match_without_case_tone_marks_spacing_or_notes() {
        for (cell, field) in [
            ("NGAY GD", Field::Date),
            ("ngày  giao-dịch", Field::Date),
            ("Ngày GD / Transaction Date", Field::Date),
            ("Transaction\nDate", Field::Date),
            ("Số tiền ghi có (VND)", Field::Credit),
            ("Ghi Có VNĐ", Field::Credit),
            ("CREDIT", Field::Credit),
            ("Có", Field::Credit),
            ("Dien giai", Field::Content),
            ("Nội dung chi tiết", Field::Content),
            ("Details", Field::Content),
            ("Nợ", Field::Debit),
            ("Debit", Field::Debit),
            ("Số bút toán", Field::Reference),
            ("Transaction ID", Field::Reference),
            ("Số tài khoản", Field::Account),
        ] {
            assert_eq!(field_of(cell).map(|(f, _)| f), Some(field), "{cell}");
        }
        for cell in ["No.", "STT", "Số dư", "Số tài khoản đối ứng", ""] {
            assert_eq!(field_of(cell), None, "{cell}");
        }
    }

    #[test]
    fn the_more_specific_alias_wins_and_semicolons_work() {
        let csv = "No.;Ngày hiệu lực;Ngày giao dịch;Debit;Credit;Mô tả;Nợ\n";
        let (_, at) = header_of(csv).unwrap();
        assert!(at.contains(&(Field::Date, 2)), "{at:?}");
        assert!(at.contains(&(Field::Debit, 3)), "{at:?}");
        assert!(header_of("Date,Amount,Description\n").is_none(), "a credit column is required");
        assert!(header_of(&format!("{}Date,Credit,Description\n", "title\n".repeat(41))).is_none());
    }

    #[test]
    fn reads_credits_skips_debits_and_reports_bad_rows() {
        let csv = "Sao kê\nSố tài khoản:,0011002233445\n\
                   Ngày GD,Nội dung,Ghi nợ,Ghi có,Mã giao dịch\n\
                   25/11/2026 10:00,DSAB12CD34  chuyen tien,,\"1,250,000\",FT001\n\
                   25/11/2026,Rut tien,200.000,,FT002\n\
                   hôm qua,xyz,,abc,\n\
                   26/11/2026,An trua,,50.000,\n\
                   ,,,,\n\
                   27/11/2026,Lẻ,,\"12,50\",FT003\n\
                   ngày nào,Mua hàng,,10.000,FT004\n\
                   Tổng cộng,,200.000,1.310.000,\n";
        let statement = parse(csv.as_bytes()).unwrap();
        assert_eq!(statement.debits_ignored, 1);
        let rows: Vec<(usize, &str, i64, &str)> = statement
            .credits
            .iter()
            .map(|c| {
                (c.row, c.transfer.source_txn_id.as_str(), c.transfer.amount_vnd, c.transfer.transacted_at.as_str())
            })
            .collect();
        assert_eq!(rows[0], (4, "FT001", 1_250_000, "2026-11-25 10:00:00"));
        assert_eq!((rows[1].0, rows[1].2, rows[1].3), (7, 50_000, "2026-11-26"));
        assert!(rows[1].1.starts_with("sha256:"), "no reference: a hash");
        assert_eq!(rows.len(), 2);
        let first = &statement.credits[0].transfer;
        assert_eq!(
            (first.content.as_str(), first.account_number.as_str()),
            ("DSAB12CD34 chuyen tien", "0011002233445")
        );
        assert_eq!(first.source, "statement");
        let errors: Vec<(usize, &str)> = statement.errors.iter().map(|e| (e.row, e.column.as_str())).collect();
        assert_eq!(errors, vec![(6, "Ghi có"), (9, "Ghi có"), (10, "Ngày GD")]);
    }

    #[test]
    fn identical_rows_get_distinct_stable_ids() {
        let csv = "Date,Description,Credit\n25/11/2026,DSAB12CD34,100000\n25/11/2026,DSAB12CD34,100000\n";
        let once = parse(csv.as_bytes()).unwrap();
        let again = parse(csv.as_bytes()).unwrap();
        assert_eq!(once, again, "the same file gives the same ids");
        assert_ne!(once.credits[0].transfer.source_txn_id, once.credits[1].transfer.source_txn_id);
    }

    #[test]
    fn text_encodings_and_files_without_a_table() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "Ngày GD\tNội dung\tGhi có\n25/11/2026\tDSAB12CD34\t100.000\n"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        assert_eq!(parse(&utf16).unwrap().credits[0].transfer.amount_vnd, 100_000);
        let bom = "\u{feff}Ngày GD,Nội dung,Ghi có\n25/11/2026,x,100\n";
        assert_eq!(parse(bom.as_bytes()).unwrap().credits.len(), 1);
        assert!(matches!(parse(b"just,some\ntext,here\n"), Err(AppError::Invalid(_))));
        assert!(matches!(parse(&[0xC3, 0x28, 0x0A]), Err(AppError::Invalid(_))), "not UTF-8");
        assert!(matches!(parse(b"PK\x03\x04garbage"), Err(AppError::Invalid(_))), "a broken workbook");
    }
}
