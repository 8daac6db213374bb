//! The empty registry workbook officers fill in: the `Cơ sở` and `Sản phẩm` sheets
//! with their headers, drop-down lists where a column takes fixed values (Excel data
//! validation; columns that also take a link or a date only advise), and a
//! `Hướng dẫn` sheet explaining every column, the 26 OCOP product sets and the
//! platform names.

use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, Format, Formula, Workbook, Worksheet, XlsxError};

use super::columns::{SheetKind, Spec, producer as p, product as q};
use crate::catalog::ocop;
use crate::programme::listings::Platform;

/// Rows the drop-down lists cover.
const ROWS: u32 = 20_000;
const GUIDE: &str = "Hướng dẫn";

/// The template's bytes.
pub fn template() -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold().set_text_wrap().set_background_color("#E8F0E0");
    // Where the guide lists the product sets, for the drop-down of `Nhóm sản phẩm`.
    let guide_rows = SheetKind::ALL.iter().map(|k| k.columns().len() as u32).sum::<u32>() + 3;
    let sets_first = guide_rows + 2;
    let sets_last = sets_first + ocop::sets().len() as u32 - 1;

    let ws = book.add_worksheet();
    ws.set_name(SheetKind::Producers.name())?;
    headers(ws, SheetKind::Producers, &bold)?;
    let kinds = ["Doanh nghiệp", "Hợp tác xã", "Tổ hợp tác", "Hộ kinh doanh"];
    list(ws, p::KIND, &kinds, DataValidationErrorStyle::Stop, SheetKind::Producers)?;
    list(ws, p::PAYMENT, &["Có", "Không"], DataValidationErrorStyle::Stop, SheetKind::Producers)?;
    for column in [p::STORE, p::TRAINED_DIGITAL, p::TRAINED_PACKAGING] {
        list(ws, column, &["Có", "Không"], DataValidationErrorStyle::Information, SheetKind::Producers)?;
    }
    let text = Format::new().set_num_format("@");
    for column in [p::CODE, p::TAX_CODE, p::PHONE] {
        ws.set_column_format(column as u16, &text)?;
    }

    let ws = book.add_worksheet();
    ws.set_name(SheetKind::Products.name())?;
    headers(ws, SheetKind::Products, &bold)?;
    list(
        ws,
        q::CLASS,
        &["OCOP", "CNNT tiêu biểu", "Nông sản mùa vụ"],
        DataValidationErrorStyle::Stop,
        SheetKind::Products,
    )?;
    list(ws, q::STARS, &["3", "4", "5"], DataValidationErrorStyle::Stop, SheetKind::Products)?;
    list(ws, q::ELIGIBLE, &["Có", "Không"], DataValidationErrorStyle::Stop, SheetKind::Products)?;
    let sets = DataValidation::new()
        .allow_list_formula(Formula::new(format!("='{GUIDE}'!$B${}:$B${}", sets_first + 1, sets_last + 1)))
        .set_error_style(DataValidationErrorStyle::Warning)
        .set_input_message(clip(SheetKind::Products.columns()[q::SET].help_vi))?;
    ws.add_data_validation(1, q::SET as u16, ROWS, q::SET as u16, &sets)?;
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for column in [q::ISSUED_ON, q::EXPIRES_ON] {
        ws.set_column_format(column as u16, &date)?;
    }
    ws.set_column_format(q::CODE as u16, &text)?;

    let ws = book.add_worksheet();
    ws.set_name(GUIDE)?;
    guide(ws, &bold, sets_first)?;
    book.save_to_buffer()
}

fn headers(ws: &mut Worksheet, kind: SheetKind, bold: &Format) -> Result<(), XlsxError> {
    for (i, spec) in kind.columns().iter().enumerate() {
        ws.write_string_with_format(0, i as u16, spec.header, bold)?;
        ws.set_column_width(i as u16, (spec.header.chars().count() as f64 + 4.0).max(14.0))?;
    }
    ws.set_row_height(0, 32)?;
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// A drop-down on a column; `Information` lets other values (links, dates) through.
fn list(
    ws: &mut Worksheet,
    column: usize,
    values: &[&str],
    style: DataValidationErrorStyle,
    kind: SheetKind,
) -> Result<(), XlsxError> {
    let spec: &Spec = &kind.columns()[column];
    let validation = DataValidation::new()
        .allow_list_strings(values)?
        .set_error_style(style)
        .set_input_message(clip(spec.help_vi))?;
    ws.add_data_validation(1, column as u16, ROWS, column as u16, &validation)?;
    Ok(())
}

/// Excel's input messages hold 255 characters.
fn clip(text: &str) -> String {
    text.chars().take(250).collect()
}

fn guide(ws: &mut Worksheet, bold: &Format, sets_first: u32) -> Result<(), XlsxError> {
    let wrap = Format::new().set_text_wrap();
    for (i, h) in ["Trang / Sheet", "Cột / Column", "English", "Bắt buộc / Required", "Giải thích", "Explanation"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(0, i as u16, *h, bold)?;
    }
    let mut row = 1;
    for kind in SheetKind::ALL {
        for spec in kind.columns() {
            ws.write_string(row, 0, kind.name())?;
            ws.write_string(row, 1, spec.header)?;
            ws.write_string(row, 2, spec.english)?;
            ws.write_string(row, 3, if spec.required { "Có / Yes" } else { "" })?;
            ws.write_string_with_format(row, 4, spec.help_vi, &wrap)?;
            ws.write_string_with_format(row, 5, spec.help_en, &wrap)?;
            row += 1;
        }
    }
    row += 1;
    ws.write_string_with_format(
        row,
        0,
        "Giới hạn: tối đa 25 MB và 200.000 dòng mỗi tệp; không dùng ô gộp trong vùng dữ liệu. / Limits: 25 MB and 200,000 rows per file; no merged cells in the data.",
        &wrap,
    )?;
    ws.write_string_with_format(sets_first - 1, 0, "Mã nhóm / Set code", bold)?;
    ws.write_string_with_format(sets_first - 1, 1, "Nhóm sản phẩm OCOP", bold)?;
    ws.write_string_with_format(sets_first - 1, 2, "OCOP product set", bold)?;
    ws.write_string_with_format(sets_first - 1, 3, "Ngành / Sector", bold)?;
    for (i, set) in ocop::sets().iter().enumerate() {
        let r = sets_first + i as u32;
        ws.write_string(r, 0, &set.code)?;
        ws.write_string(r, 1, &set.name)?;
        ws.write_string(r, 2, &set.name_en)?;
        ws.write_string(r, 3, ocop::sector(&set.sector_code).map_or("", |s| s.name.as_str()))?;
    }
    let platforms_row = sets_first + ocop::sets().len() as u32 + 1;
    ws.write_string_with_format(platforms_row, 0, "Sàn TMĐT / Platforms", bold)?;
    for (i, platform) in Platform::ALL.iter().enumerate() {
        ws.write_string(platforms_row + 1 + i as u32, 0, platform.label())?;
    }
    for (col, width) in [(0u16, 18.0), (1, 34.0), (2, 34.0), (3, 18.0), (4, 60.0), (5, 60.0)] {
        ws.set_column_width(col, width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programme::registry::workbook;

    #[test]
    fn the_template_reads_back_as_an_empty_registry() {
        let bytes = template().unwrap();
        let book = workbook::read(&bytes, &|| {}).unwrap();
        assert!(book.producers.rows.is_empty());
        assert!(book.products.rows.is_empty());
        assert!(book.producers.present.iter().all(|p| *p), "every producer column");
        assert!(book.products.present.iter().all(|p| *p), "every product column");
        assert!(book.errors.is_empty() && book.warnings.is_empty());
    }

    #[test]
    fn the_guide_lists_the_sets_where_the_drop_down_points() {
        use calamine::{Reader, Xlsx};
        let bytes = template().unwrap();
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range(GUIDE).unwrap();
        let guide_rows = SheetKind::ALL.iter().map(|k| k.columns().len() as u32).sum::<u32>() + 3;
        let first = guide_rows + 2;
        assert_eq!(range.get_value((first, 1)).unwrap().to_string(), ocop::sets()[0].name);
        let last = first + ocop::sets().len() as u32 - 1;
        assert_eq!(range.get_value((last, 1)).unwrap().to_string(), ocop::sets().last().unwrap().name);
    }
}
