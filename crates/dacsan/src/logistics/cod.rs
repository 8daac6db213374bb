//! Cash on delivery coming back: the carriers' reconciliation files (Viettel Post's
//! "bảng kê đối soát", GHN's and GHTK's COD exports; .xlsx or .csv) read into ledger
//! lines — waybill, amount collected, fees, amount transferred, transfer date — and
//! each line set against the shipment's expected cash. Nothing is overwritten: a
//! second import of the same file changes nothing, a line already reported in an
//! earlier file is kept as `repeated` and not counted twice, an amount that differs
//! is flagged, an unknown waybill is listed.

use std::collections::HashMap;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::cod_store::{self, NewLine};
use super::messages;
use super::model::CodLine;
use crate::db::Db;
use crate::error::{AppError, AppResult, Message};
use crate::payments::statement::values::{parse_amount, parse_date};
use crate::tables::{self, Grid, header_keys};
use crate::vn::text::name_key;

/// The most lines one file may hold.
pub const MAX_LINES: usize = 200_000;
const HEADER_SEARCH_ROWS: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Waybill,
    Collected,
    Fee,
    Transferred,
    Date,
}

impl Field {
    const ALL: [Field; 5] = [Field::Waybill, Field::Collected, Field::Fee, Field::Transferred, Field::Date];

    /// Headers as the carriers' files write them, the most specific first.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Waybill => &[
                "Mã vận đơn",
                "Mã đơn hàng",
                "Mã đơn",
                "Số hiệu",
                "Mã ĐH",
                "Waybill",
                "Tracking",
                "Order code",
                "label_id",
                "ORDER_NUMBER",
            ],
            Field::Collected => &["Tiền thu hộ", "Thu hộ", "Tiền COD", "COD", "Collected", "COD amount"],
            Field::Fee => &["Tổng phí", "Phí", "Cước phí", "Phí dịch vụ", "Fees", "Fee"],
            Field::Transferred => &["Thực nhận", "Số tiền chuyển", "Tiền chuyển", "Còn lại", "Net", "Transferred"],
            Field::Date => &["Ngày chuyển", "Ngày đối soát", "Ngày thanh toán", "Transfer date", "Date", "Ngày"],
        }
    }
}

/// A row that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RowProblem {
    pub row: usize,
    #[serde(flatten)]
    pub message: Message,
}

/// Reads a statement file into lines and the rows that could not be read.
pub fn parse(bytes: &[u8]) -> AppResult<(Vec<CodLine>, Vec<RowProblem>)> {
    for grid in tables::read_grids(bytes)? {
        if let Some((at, columns)) = find_header(&grid) {
            return read_lines(&grid[at + 1..], &columns);
        }
    }
    Err(AppError::invalid("file", messages::COD_NO_HEADER_ROW))
}

fn field_of(cell: &str) -> Option<(Field, usize)> {
    let keys = header_keys(cell);
    Field::ALL.into_iter().find_map(|field| {
        field.aliases().iter().position(|alias| keys.contains(&name_key(alias))).map(|rank| (field, rank))
    })
}

fn find_header(grid: &Grid) -> Option<(usize, HashMap<Field, usize>)> {
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
        (best.contains_key(&Field::Waybill) && best.contains_key(&Field::Collected))
            .then(|| (index, best.into_iter().map(|(f, (_, col))| (f, col)).collect()))
    })
}

fn read_lines(
    rows: &[(usize, Vec<String>)],
    columns: &HashMap<Field, usize>,
) -> AppResult<(Vec<CodLine>, Vec<RowProblem>)> {
    if rows.len() > MAX_LINES {
        return Err(AppError::invalid("file", Message::from(messages::AT_MOST_LINES).with("max_lines", MAX_LINES)));
    }
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    for (row, cells) in rows {
        let cell = |field: Field| columns.get(&field).and_then(|&i| cells.get(i)).map(|s| s.trim()).unwrap_or("");
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let waybill = cell(Field::Waybill).to_string();
        let summary = ["tong", "cong", "total"].iter().any(|w| name_key(&waybill).starts_with(w));
        if waybill.is_empty() || summary {
            continue;
        }
        let amount = |field: Field| parse_amount(cell(field)).map(|a| a.unwrap_or(0));
        let (collected, fee, transferred) =
            match (amount(Field::Collected), amount(Field::Fee), amount(Field::Transferred)) {
                (Ok(c), Ok(f), Ok(t)) => (c, f, if cell(Field::Transferred).is_empty() { c - f } else { t }),
                (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                    let message =
                        Message::from(messages::COD_ROW_REFUSED).with("waybill", &waybill).with_message("why", e);
                    problems.push(RowProblem { row: *row, message });
                    continue;
                }
            };
        let date = cell(Field::Date);
        let transfer_date = parse_date(date).map(|d| d[..10].to_string());
        if !date.is_empty() && transfer_date.is_none() {
            problems.push(RowProblem {
                row: *row,
                message: Message::from(messages::COD_NOT_A_DATE).with("waybill", &waybill).with("date", date),
            });
            continue;
        }
        lines.push(CodLine {
            row: *row,
            waybill,
            collected_vnd: collected,
            fee_vnd: fee,
            transferred_vnd: transferred,
            transfer_date,
        });
    }
    Ok((lines, problems))
}

/// What an import did.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct CodReport {
    /// This very file was imported before: nothing was written.
    pub already_imported: bool,
    pub lines: usize,
    pub matched: usize,
    /// Collected differs from the shipment's expected cash: flagged.
    pub differing: usize,
    /// No shipment has this waybill.
    pub unmatched: usize,
    /// Reported in an earlier statement: kept, not counted again.
    pub repeated: usize,
    /// Every line that is not a plain match, and every unreadable row.
    pub flagged: Vec<FlaggedLine>,
    pub problems: Vec<RowProblem>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FlaggedLine {
    pub row: usize,
    pub waybill: String,
    pub outcome: String,
    pub expected_vnd: Option<i64>,
    pub collected_vnd: i64,
}

/// Imports a carrier's statement into the ledger, in one transaction.
pub async fn import(
    db: &Db,
    carrier: &str,
    file_name: &str,
    bytes: &[u8],
    user_id: Option<i64>,
) -> AppResult<CodReport> {
    let carrier = carriers::Carrier::parse(carrier.trim())
        .ok_or_else(|| AppError::invalid("carrier", messages::CARRIER_ONE_OF))?;
    let owned = bytes.to_vec();
    let (lines, problems) =
        tokio::task::spawn_blocking(move || parse(&owned)).await.map_err(|e| AppError::Internal(e.into()))??;
    let sha = format!("{:x}", Sha256::digest(bytes));
    let mut tx = db.begin_write().await?;
    let Some(statement_id) =
        cod_store::insert_statement(&mut tx, carrier.as_str(), &sha, file_name, lines.len(), user_id).await?
    else {
        return Ok(CodReport { already_imported: true, ..CodReport::default() });
    };
    let mut report = CodReport { lines: lines.len(), problems, ..CodReport::default() };
    let mut waybills: Vec<&str> = lines.iter().map(|l| l.waybill.as_str()).collect();
    waybills.sort_unstable();
    waybills.dedup();
    let shipments = cod_store::shipments_by_waybill(&mut tx, carrier.as_str(), &waybills).await?;
    let mut seen = cod_store::lines_seen(&mut tx, carrier.as_str(), &waybills).await?;
    for line in &lines {
        let shipment = shipments.get(&line.waybill).copied();
        // A line already reported, in an earlier file or higher up in this one.
        let repeated = !seen.insert(cod_store::line_key(line));
        let (outcome, expected) = match shipment {
            _ if repeated => ("repeated", shipment.map(|s| s.1)),
            None => ("unmatched", None),
            Some((_, expected)) if expected == line.collected_vnd => ("matched", Some(expected)),
            Some((_, expected)) => ("differs", Some(expected)),
        };
        match outcome {
            "matched" => report.matched += 1,
            "differs" => report.differing += 1,
            "unmatched" => report.unmatched += 1,
            _ => report.repeated += 1,
        }
        if outcome != "matched" {
            report.flagged.push(FlaggedLine {
                row: line.row,
                waybill: line.waybill.clone(),
                outcome: outcome.to_string(),
                expected_vnd: expected,
                collected_vnd: line.collected_vnd,
            });
        }
        let new = NewLine {
            statement_id,
            carrier: carrier.as_str(),
            line,
            shipment_id: shipment.map(|s| s.0),
            expected_vnd: expected,
            outcome,
        };
        cod_store::insert_line(&mut tx, &new).await?;
    }
    tx.commit().await.map_err(anyhow::Error::new)?;
    tracing::info!(
        carrier = carrier.as_str(),
        lines = report.lines,
        differing = report.differing,
        unmatched = report.unmatched,
        "COD statement imported"
    );
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_carriers_statement_reads_below_its_title_block_and_skips_totals() {
        let csv = "BẢNG KÊ ĐỐI SOÁT THANH TOÁN\nKỳ: 01/12/2026 - 07/12/2026\n\
                   STT;Mã vận đơn;Tiền thu hộ;Tổng phí;Thực nhận;Ngày chuyển\n\
                   1;GHN123;536.500;36.500;500.000;05/12/2026\n\
                   2;GHN124;250000;20000;;05/12/2026\n\
                   ;Tổng cộng;786.500;56.500;730.000;\n";
        let (lines, problems) = parse(csv.as_bytes()).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].waybill, "GHN123");
        assert_eq!((lines[0].collected_vnd, lines[0].fee_vnd, lines[0].transferred_vnd), (536_500, 36_500, 500_000));
        assert_eq!(lines[0].transfer_date.as_deref(), Some("2026-12-05"));
        assert_eq!(lines[1].transferred_vnd, 230_000, "no net column: collected less fees");
    }

    #[test]
    fn unreadable_rows_are_named_and_the_others_kept() {
        let csv = "Waybill,COD,Fee,Date\nA1,100000,10000,2026-12-05\nA2,12.5,0,2026-12-05\nA3,5000,0,someday\n";
        let (lines, problems) = parse(csv.as_bytes()).unwrap();
        assert_eq!(lines.len(), 1);
        assert_eq!(problems.iter().map(|p| p.row).collect::<Vec<_>>(), [3, 4]);
        assert!(parse(b"name,amount\nx,1\n").is_err(), "no waybill column");
    }
}
