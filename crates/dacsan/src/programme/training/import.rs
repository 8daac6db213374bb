//! An attendance list as the province keeps it (an .xlsx, .xls, .ods or .csv file)
//! read into rows. Headers are found in the first rows and matched ignoring case,
//! tone marks and spacing, with English aliases: `Mã cơ sở` or `Tên cơ sở` (with an
//! optional `Điện thoại` to tell apart two producers of one name), `Họ tên` (the
//! attendee) and `Hoàn thành` (Có/Không; everyone completed when the column is
//! absent). Every row keeps its number as a spreadsheet shows it, so that each
//! problem is reported at its row and column.

use serde::Serialize;

use super::messages;
use super::model::{attendee_name, parse_yes_no};
use crate::error::{AppError, Message};
use crate::tables::{self, Grid};
use crate::vn::text::name_key;

/// How far down a title block may push the header row.
const HEADER_SEARCH_ROWS: usize = 20;
/// An attendance list longer than this is not one.
pub const MAX_ROWS: usize = 10_000;

/// A problem with one row: its number, the column at fault, what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RowError {
    pub row: usize,
    pub column: String,
    #[serde(flatten)]
    pub message: Message,
}

/// A row as read, before its producer is looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub row: usize,
    pub producer_id: Option<i64>,
    pub code: Option<String>,
    pub name: Option<String>,
    pub phone: Option<String>,
    pub attendee: String,
    pub completed: bool,
    /// `code` may be a code or a name (a form's single producer field).
    pub loose: bool,
}

/// The columns' names as the file (or the API) calls them, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnNames {
    pub producer_id: String,
    pub code: String,
    pub name: String,
    pub phone: String,
    pub attendee: String,
    pub completed: String,
}

impl ColumnNames {
    pub fn api() -> ColumnNames {
        ColumnNames {
            producer_id: "producer_id".into(),
            code: "registry_code".into(),
            name: "producer_name".into(),
            phone: "phone".into(),
            attendee: "attendee_name".into(),
            completed: "completed".into(),
        }
    }
}

/// What a file holds: the rows that could be read, and those that could not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub columns: ColumnNames,
    pub rows: Vec<Candidate>,
    pub errors: Vec<RowError>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Code,
    Name,
    Phone,
    Attendee,
    Completed,
}

impl Field {
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Code => &["Mã cơ sở", "Mã CS", "Mã", "Producer code", "Registry code", "Code"],
            Field::Name => &["Tên cơ sở", "Cơ sở", "Tên đơn vị", "Đơn vị", "Producer", "Producer name"],
            Field::Phone => &["Điện thoại", "Số điện thoại", "SĐT", "ĐT", "Phone", "Phone number", "Tel"],
            Field::Attendee => {
                &["Họ tên", "Họ và tên", "Học viên", "Người tham dự", "Attendee", "Attendee name", "Full name", "Name"]
            }
            Field::Completed => &["Hoàn thành", "Đã hoàn thành", "Kết quả", "Completed", "Complete", "Done"],
        }
    }

    fn matches(self, header: &str) -> bool {
        let key = name_key(header);
        !key.is_empty() && self.aliases().iter().any(|a| name_key(a) == key)
    }
}

/// Reads the list: a workbook when the bytes are one (by content), else CSV.
pub fn parse(bytes: &[u8]) -> Result<Parsed, AppError> {
    if bytes.is_empty() {
        return Err(AppError::invalid("file", messages::THE_FILE_IS_EMPTY));
    }
    let grids = tables::read_grids(bytes)?;
    for grid in &grids {
        if let Some(parsed) = read_grid(grid)? {
            return Ok(parsed);
        }
    }
    Err(AppError::invalid("file", messages::NO_HEADER_ROW))
}

/// The rows below the first header row that names a producer column; `None` when
/// this grid has no such row.
fn read_grid(grid: &Grid) -> Result<Option<Parsed>, AppError> {
    let Some(at) = grid
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(|(_, cells)| cells.iter().any(|c| Field::Code.matches(c) || Field::Name.matches(c)))
    else {
        return Ok(None);
    };
    let headers = &grid[at].1;
    let find = |field: Field| headers.iter().position(|h| field.matches(h));
    let col = |field: Field| find(field).map(|i| (i, headers[i].trim().to_string()));
    let (code, name, phone, attendee, completed) =
        (col(Field::Code), col(Field::Name), col(Field::Phone), col(Field::Attendee), col(Field::Completed));
    let label = |c: &Option<(usize, String)>, field: Field| {
        c.as_ref().map(|(_, h)| h.clone()).unwrap_or_else(|| field.aliases()[0].to_string())
    };
    let columns = ColumnNames {
        producer_id: String::new(),
        code: label(&code, Field::Code),
        name: label(&name, Field::Name),
        phone: label(&phone, Field::Phone),
        attendee: label(&attendee, Field::Attendee),
        completed: label(&completed, Field::Completed),
    };
    let data = &grid[at + 1..];
    if data.len() > MAX_ROWS {
        return Err(AppError::invalid(
            "file",
            Message::from(messages::TOO_MANY_ROWS).with("len", data.len()).with("max_rows", MAX_ROWS),
        ));
    }
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (number, cells) in data {
        let cell = |c: &Option<(usize, String)>| {
            c.as_ref().and_then(|(i, _)| cells.get(*i)).map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let (code_v, name_v) = (cell(&code), cell(&name));
        if code_v.is_none() && name_v.is_none() {
            errors.push(RowError {
                row: *number,
                column: columns.code.clone(),
                message: Message::from(messages::NO_CODE_NOR_NAME)
                    .with("code", &columns.code)
                    .with("name", &columns.name),
            });
            continue;
        }
        let completed_v = match (&completed, cell(&completed)) {
            (None, _) => true,
            (Some(_), None) => {
                errors.push(RowError {
                    row: *number,
                    column: columns.completed.clone(),
                    message: messages::COMPLETED_EMPTY.into(),
                });
                continue;
            }
            (Some(_), Some(text)) => match parse_yes_no(&text) {
                Some(done) => done,
                None => {
                    errors.push(RowError {
                        row: *number,
                        column: columns.completed.clone(),
                        message: Message::from(messages::COMPLETED_YES_NO).with("text", &text),
                    });
                    continue;
                }
            },
        };
        // A phone typed into a number cell loses its leading zero.
        let phone_v = cell(&phone)
            .map(|p| if p.len() == 9 && p.bytes().all(|b| b.is_ascii_digit()) { format!("0{p}") } else { p });
        rows.push(Candidate {
            row: *number,
            producer_id: None,
            code: code_v,
            name: name_v,
            phone: phone_v,
            attendee: attendee_name(&cell(&attendee).unwrap_or_default()),
            completed: completed_v,
            loose: false,
        });
    }
    Ok(Some(Parsed { columns, rows, errors }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_list_with_a_title_block_and_vietnamese_headers() {
        let csv = "Danh sách học viên lớp Go Online\n\nSTT;Mã cơ sở;Tên cơ sở;HỌ TÊN;Hoàn thành\n1;LC-001;HTX Chè;Lò Thị  Mai;Có\n2;;Hộ Sáng;Lò Văn Sáng;Không\n\n3;;;;Có\n4;LC-002;;A;có lẽ\n";
        let parsed = parse(csv.as_bytes()).unwrap();
        assert_eq!(parsed.columns.attendee, "HỌ TÊN");
        assert_eq!(parsed.rows.len(), 2);
        assert_eq!(parsed.rows[0].row, 4);
        assert_eq!(parsed.rows[0].code.as_deref(), Some("LC-001"));
        assert_eq!(parsed.rows[0].attendee, "Lò Thị Mai");
        assert!(parsed.rows[0].completed);
        assert_eq!((parsed.rows[1].name.as_deref(), parsed.rows[1].completed), (Some("Hộ Sáng"), false));
        let errors: Vec<(usize, &str)> = parsed.errors.iter().map(|e| (e.row, e.column.as_str())).collect();
        assert_eq!(errors, vec![(7, "Mã cơ sở"), (8, "Hoàn thành")]);
    }

    #[test]
    fn english_headers_and_a_missing_completed_column() {
        let csv = "Producer code,Attendee,Phone\nLC-001,Mai,912345678\n";
        let parsed = parse(csv.as_bytes()).unwrap();
        assert_eq!(parsed.rows.len(), 1);
        assert!(parsed.rows[0].completed);
        assert_eq!(parsed.rows[0].phone.as_deref(), Some("0912345678"));
    }

    #[test]
    fn files_without_a_producer_column_are_refused() {
        let err = parse(b"Ho ten,Hoan thanh\nMai,Co\n").unwrap_err();
        assert!(err.detail().contains("Mã cơ sở"), "{}", err.detail());
        assert!(parse(b"").is_err());
        assert!(parse(b"PK\x03\x04 not really a zip").is_err());
    }
}
