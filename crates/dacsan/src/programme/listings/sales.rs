//! Monthly sales per platform as the platforms' seller centres report them, imported
//! from a workbook or CSV: one row per product, platform and month.
//!
//! Columns (matched ignoring case, tone marks and spacing; English aliases too):
//! `Mã cơ sở` or `Tên cơ sở` (the producer), `Tên sản phẩm`, `Sàn`, `Tháng`
//! (`11/2026`, `T11/2026`, `2026-11`, a date), `Số lượng`, `Doanh thu`.

use std::collections::HashMap;

use serde::Serialize;

use super::Platform;
use super::messages;
use crate::error::{AppError, Message};
use crate::payments::statement::values::parse_amount;
use crate::tables::{self, Grid, header_keys};
use crate::vn::text::name_key;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Column {
    ProducerCode,
    ProducerName,
    Product,
    Platform,
    Month,
    Units,
    Revenue,
}

impl Column {
    const ALL: [Column; 7] = [
        Column::ProducerCode,
        Column::ProducerName,
        Column::Product,
        Column::Platform,
        Column::Month,
        Column::Units,
        Column::Revenue,
    ];

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::ProducerCode => &["Mã cơ sở", "Producer ID", "Registry ID", "Mã chủ thể"],
            Column::ProducerName => &["Tên cơ sở", "Producer name", "Producer", "Chủ thể", "Tên chủ thể"],
            Column::Product => &["Tên sản phẩm", "Sản phẩm", "Product name", "Product"],
            Column::Platform => &["Sàn", "Sàn TMĐT", "Kênh", "Platform", "Channel"],
            Column::Month => &["Tháng", "Kỳ", "Month", "Period"],
            Column::Units => &["Số lượng", "Số lượng bán", "SL", "Units", "Quantity", "Units sold"],
            Column::Revenue => &["Doanh thu", "Doanh số", "Thành tiền", "Revenue", "Sales"],
        }
    }

    fn required(self) -> bool {
        !matches!(self, Column::ProducerCode | Column::ProducerName)
    }
}

/// One row read: who, what, where, when, how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalesRow {
    pub row: usize,
    pub producer_code: Option<String>,
    pub producer_name: Option<String>,
    pub product: String,
    pub platform: Platform,
    /// `YYYY-MM`
    pub month: String,
    pub units: i64,
    pub revenue_vnd: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RowProblem {
    pub row: usize,
    pub column: String,
    #[serde(flatten)]
    pub message: Message,
}

#[derive(Debug, Clone, Default)]
pub struct SalesFile {
    pub rows: Vec<SalesRow>,
    pub problems: Vec<RowProblem>,
}

/// How far down a title block may push the header row.
const HEADER_SEARCH_ROWS: usize = 30;

pub fn parse(bytes: &[u8]) -> Result<SalesFile, AppError> {
    for grid in tables::read_grids(bytes)? {
        if let Some((at, columns)) = find_header(&grid) {
            return Ok(read_rows(&grid[at + 1..], &columns, &grid[at].1));
        }
    }
    let names: Vec<&str> = Column::ALL.iter().filter(|c| c.required()).map(|c| c.aliases()[0]).collect();
    Err(AppError::invalid("file", Message::from(messages::NO_HEADER_ROW).with("join", names.join(", "))))
}

fn column_of(cell: &str) -> Option<Column> {
    let keys = header_keys(cell);
    Column::ALL.into_iter().find(|c| c.aliases().iter().any(|alias| keys.contains(&name_key(alias))))
}

fn find_header(grid: &Grid) -> Option<(usize, HashMap<Column, usize>)> {
    grid.iter().take(HEADER_SEARCH_ROWS).enumerate().find_map(|(index, (_, cells))| {
        let mut at = HashMap::new();
        for (col, cell) in cells.iter().enumerate() {
            if let Some(column) = column_of(cell) {
                at.entry(column).or_insert(col);
            }
        }
        let complete = Column::ALL.iter().filter(|c| c.required()).all(|c| at.contains_key(c))
            && (at.contains_key(&Column::ProducerCode) || at.contains_key(&Column::ProducerName));
        complete.then_some((index, at))
    })
}

fn read_rows(rows: &[(usize, Vec<String>)], columns: &HashMap<Column, usize>, headers: &[String]) -> SalesFile {
    let mut file = SalesFile::default();
    let mut seen: HashMap<(String, String, Platform, String), usize> = HashMap::new();
    for (number, cells) in rows {
        let get = |c: Column| columns.get(&c).and_then(|&i| cells.get(i)).map(|s| s.trim()).unwrap_or("");
        if Column::ALL.iter().all(|&c| get(c).is_empty()) {
            continue;
        }
        let header = |c: Column| columns.get(&c).and_then(|&i| headers.get(i)).cloned().unwrap_or_default();
        let mut problem =
            |c: Column, message: Message| file.problems.push(RowProblem { row: *number, column: header(c), message });
        let producer_code = Some(get(Column::ProducerCode).to_string()).filter(|s| !s.is_empty());
        let producer_name = Some(get(Column::ProducerName).to_string()).filter(|s| !s.is_empty());
        if producer_code.is_none() && producer_name.is_none() {
            let column =
                if columns.contains_key(&Column::ProducerCode) { Column::ProducerCode } else { Column::ProducerName };
            problem(column, messages::SALES_PRODUCER_MISSING.into());
            continue;
        }
        let product = get(Column::Product).to_string();
        if product.is_empty() {
            problem(Column::Product, messages::SALES_PRODUCT_MISSING.into());
            continue;
        }
        let Some(platform) = Platform::parse(get(Column::Platform)) else {
            problem(
                Column::Platform,
                Message::from(messages::SALES_UNKNOWN_PLATFORM).with("text", get(Column::Platform)),
            );
            continue;
        };
        let Some(month) = parse_month(get(Column::Month)) else {
            problem(Column::Month, Message::from(messages::SALES_NOT_A_MONTH).with("text", get(Column::Month)));
            continue;
        };
        let units = match get(Column::Units).replace(['.', ',', ' '], "").parse::<i64>() {
            Ok(n) if n >= 0 => n,
            _ => {
                problem(Column::Units, Message::from(messages::SALES_NOT_UNITS).with("text", get(Column::Units)));
                continue;
            }
        };
        let revenue_vnd = match parse_amount(get(Column::Revenue)) {
            Ok(Some(n)) if n >= 0 => n,
            Ok(None) => 0,
            _ => {
                problem(Column::Revenue, Message::from(messages::SALES_NOT_REVENUE).with("text", get(Column::Revenue)));
                continue;
            }
        };
        let who = producer_code.clone().or_else(|| producer_name.as_deref().map(name_key)).unwrap_or_default();
        let key = (who, name_key(&product), platform, month.clone());
        if let Some(first) = seen.insert(key, *number) {
            problem(Column::Product, Message::from(messages::SALES_REPEATED_ROW).with("first", first));
            continue;
        }
        file.rows.push(SalesRow {
            row: *number,
            producer_code,
            producer_name,
            product,
            platform,
            month,
            units,
            revenue_vnd,
        });
    }
    file
}

/// `11/2026`, `T11/2026`, `tháng 11/2026`, `11-2026`, `2026-11`, `2026-11-30`, `30/11/2026` → `2026-11`.
pub fn parse_month(text: &str) -> Option<String> {
    let key = name_key(text);
    let key = key.strip_prefix("thang ").or_else(|| key.strip_prefix('t')).unwrap_or(&key);
    let parts: Vec<i64> = key.split(' ').filter_map(|p| p.parse().ok()).collect();
    let (year, month) = match parts.as_slice() {
        [m, y] if *y > 1900 => (*y, *m),
        [y, m] if *y > 1900 => (*y, *m),
        [y, m, _d] if *y > 1900 => (*y, *m),
        [_d, m, y] if *y > 1900 => (*y, *m),
        _ => return None,
    };
    ((1..=12).contains(&month) && (2000..=2100).contains(&year)).then(|| format!("{year:04}-{month:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_the_usual_forms() {
        assert_eq!(parse_month("11/2026").as_deref(), Some("2026-11"));
        assert_eq!(parse_month("T3/2026").as_deref(), Some("2026-03"));
        assert_eq!(parse_month("Tháng 03/2026").as_deref(), Some("2026-03"));
        assert_eq!(parse_month("2026-07").as_deref(), Some("2026-07"));
        assert_eq!(parse_month("2026-07-31").as_deref(), Some("2026-07"));
        assert_eq!(parse_month("31/07/2026").as_deref(), Some("2026-07"));
        assert_eq!(parse_month("13/2026"), None);
        assert_eq!(parse_month("soon"), None);
    }

    #[test]
    fn reads_a_csv_with_a_title_and_reports_bad_rows() {
        let csv = "Báo cáo doanh số tháng\n\
                   Mã cơ sở,Tên sản phẩm,Sàn,Tháng,Số lượng,Doanh thu (VND)\n\
                   LC-001,Chè Shan tuyết,Shopee,11/2026,12,\"1.800.000\"\n\
                   LC-001,Chè Shan tuyết,Amazonia,11/2026,1,100000\n\
                   LC-002,Mật ong,Tiki,2026-11,-3,100000\n\
                   LC-001,Chè Shan tuyết,Shopee,T11/2026,1,1\n";
        let file = parse(csv.as_bytes()).unwrap();
        assert_eq!(file.rows.len(), 1);
        let row = &file.rows[0];
        assert_eq!(
            (row.row, row.platform, row.month.as_str(), row.units, row.revenue_vnd),
            (3, Platform::Shopee, "2026-11", 12, 1_800_000)
        );
        let problems: Vec<(usize, &str)> = file.problems.iter().map(|p| (p.row, p.column.as_str())).collect();
        assert_eq!(problems, vec![(4, "Sàn"), (5, "Số lượng"), (6, "Tên sản phẩm")]);
    }

    #[test]
    fn a_file_without_the_columns_says_which() {
        let err = parse(b"Name,Amount\nA,1\n").unwrap_err();
        assert!(err.detail().contains("Tên sản phẩm"), "{}", err.detail());
    }
}

/// What an import did, or would do.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct SalesReport {
    pub rows_read: usize,
    pub rows_written: usize,
    pub listings_created: usize,
    pub problems: Vec<RowProblem>,
    /// `false` when problems stopped the import (nothing was written).
    pub written: bool,
}

/// Matches each row to a product of the province (producer by registry id, else by
/// name; product by name within it) and writes the months' sales in one transaction.
/// With problems nothing is written unless `valid_only`.
pub async fn import(
    db: &crate::db::Db,
    province: &str,
    file: SalesFile,
    valid_only: bool,
    user_id: Option<i64>,
) -> crate::error::AppResult<SalesReport> {
    let products = super::store::named_products(db, province).await?;
    let mut by_code: HashMap<(&str, String), Vec<i64>> = HashMap::new();
    let mut by_name: HashMap<(String, String), Vec<i64>> = HashMap::new();
    for p in &products {
        if let Some(code) = &p.registry_code {
            by_code.entry((code.as_str(), name_key(&p.product_name))).or_default().push(p.product_id);
        }
        by_name.entry((name_key(&p.producer_name), name_key(&p.product_name))).or_default().push(p.product_id);
    }
    let mut report = SalesReport {
        rows_read: file.rows.len() + file.problems.len(),
        problems: file.problems,
        ..SalesReport::default()
    };
    let mut matched = Vec::new();
    for row in &file.rows {
        let product_key = name_key(&row.product);
        let candidates = match (&row.producer_code, &row.producer_name) {
            (Some(code), _) => by_code.get(&(code.as_str(), product_key.clone())),
            (None, Some(name)) => by_name.get(&(name_key(name), product_key.clone())),
            (None, None) => None,
        };
        match candidates.map(Vec::as_slice) {
            Some([one]) => matched.push((*one, row)),
            Some([_, _, ..]) => report.problems.push(RowProblem {
                row: row.row,
                column: "Tên sản phẩm".into(),
                message: messages::SALES_SEVERAL_PRODUCTS.into(),
            }),
            _ => report.problems.push(RowProblem {
                row: row.row,
                column: "Tên sản phẩm".into(),
                message: Message::from(messages::SALES_NO_SUCH_PRODUCT).with("product", &row.product),
            }),
        }
    }
    report.problems.sort_by_key(|p| p.row);
    if !report.problems.is_empty() && !valid_only {
        return Ok(report);
    }
    let mut tx = db.begin_write().await?;
    for (product_id, row) in &matched {
        let (listing, created) =
            super::store::ensure_in(&mut tx, *product_id, row.platform, &format!("{}-01", row.month), user_id).await?;
        if created {
            report.listings_created += 1;
        }
        super::store::upsert_sales(&mut tx, listing, &row.month, row.units, row.revenue_vnd).await?;
        report.rows_written += 1;
    }
    tx.commit().await.map_err(anyhow::Error::new)?;
    report.written = true;
    Ok(report)
}
