//! The province's registry of producers and products, imported from its Excel
//! workbook (issue 5, "Import template"): `dacsan import registry FILE.xlsx`, the
//! upload page `/office/registry` and `POST /api/v1/programme/registry/…` all run
//! [`run`]. The workbook is read ([`workbook`]), every row checked ([`rows`], with
//! the cell rules in [`model`]), the writes decided against the database
//! ([`plan`]) and, unless there are errors (or only the valid rows were asked for),
//! written in one transaction ([`store`]). `dacsan export registry-template` and
//! `/office/registry/template.xlsx` give the empty workbook ([`template`]).

pub mod api;
pub mod cli;
pub mod closing;
pub mod columns;
pub mod messages;
pub mod model;
pub mod pages;
pub mod plan;
pub mod report;
pub mod routes;
pub mod rows;
pub mod store;
pub mod template;
pub mod workbook;

use indicatif::ProgressBar;

pub use model::Scope;
pub use report::{Counts, Problem, Report};

use crate::db::Db;
use crate::error::AppResult;

pub const TEXTS: &[(&str, &str, &str)] = &[
    ("reg_title", "Nhập sổ đăng ký cơ sở và sản phẩm", "Import the producer and product registry"),
    (
        "reg_intro",
        "Tải lên tệp Excel (.xlsx, tối đa 25 MB, 200.000 dòng) có hai trang Cơ sở và Sản phẩm. Bạn sẽ xem trước mọi thay đổi và mọi dòng lỗi trước khi nhập; nhập lại cùng tệp chỉ cập nhật, không tạo trùng.",
        "Upload an Excel workbook (.xlsx, at most 25 MB and 200,000 rows) with the two sheets Cơ sở and Sản phẩm. You see every change and every faulty row before importing; importing the same file again updates, never duplicates.",
    ),
    ("reg_template", "Tải tệp mẫu (.xlsx)", "Download the template (.xlsx)"),
    ("reg_file", "Tệp Excel", "Excel file"),
    ("reg_preview", "Xem trước", "Preview"),
    ("reg_recent", "Các lần tải lên gần đây", "Recent uploads"),
    ("reg_none", "Chưa có lần tải lên nào.", "No uploads yet."),
    ("reg_when", "Lúc", "When"),
    ("reg_status", "Trạng thái", "Status"),
    ("reg_summary", "Tóm tắt", "Summary"),
    ("reg_status_previewed", "Đã xem trước", "Previewed"),
    ("reg_status_imported", "Đã nhập", "Imported"),
    ("reg_preview_title", "Xem trước khi nhập", "Preview before import"),
    ("reg_result_title", "Kết quả nhập", "Import result"),
    ("reg_kind", "Loại", "Kind"),
    ("reg_create", "Tạo mới", "Create"),
    ("reg_update", "Cập nhật", "Update"),
    ("reg_unchanged", "Không đổi", "Unchanged"),
    ("reg_skipped", "Bỏ qua (lỗi)", "Skipped (errors)"),
    ("reg_producers", "Cơ sở", "Producers"),
    ("reg_products", "Sản phẩm", "Products"),
    ("reg_listings", "Kênh bán ngoài", "Outside listings"),
    ("reg_errors", "Lỗi", "Errors"),
    ("reg_warnings", "Cảnh báo", "Warnings"),
    ("reg_skipped_rows", "Dòng bỏ qua (không phải dữ liệu)", "Rows left out (not data)"),
    ("reg_sheet", "Trang", "Sheet"),
    ("reg_row", "Dòng", "Row"),
    ("reg_column", "Cột", "Column"),
    ("reg_message", "Nội dung", "Message"),
    (
        "reg_more",
        "dòng nữa không hiện ở đây; tải bằng dòng lệnh hoặc API để xem hết",
        "more not shown here; use the command line or the API to see them all",
    ),
    ("reg_no_errors", "Không có lỗi: có thể nhập.", "No errors: ready to import."),
    (
        "reg_has_errors",
        "Có lỗi: sửa tệp rồi tải lên lại, hoặc chỉ nhập các dòng hợp lệ.",
        "There are errors: fix the file and upload it again, or import the valid rows only.",
    ),
    (
        "reg_valid_only",
        "Chỉ nhập các dòng hợp lệ (bỏ qua dòng lỗi)",
        "Import the valid rows only (skip the faulty ones)",
    ),
    ("reg_import", "Nhập vào hệ thống", "Import"),
    ("reg_written", "Đã nhập xong.", "Imported."),
    ("reg_not_written", "Chưa ghi gì vào hệ thống.", "Nothing was written."),
    ("reg_upload_again", "Tải tệp khác", "Upload another file"),
];

/// How an import runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Check and count, write nothing.
    pub dry_run: bool,
    /// Write the valid rows even when others have errors.
    pub valid_only: bool,
    pub scope: Scope,
    /// Who imports (recorded on new listings).
    pub user_id: Option<i64>,
    /// The stored upload to mark imported, with the summary, in the same transaction.
    pub import_id: Option<i64>,
}

/// Reads, checks, plans and (unless it is a dry run or there are errors) writes a
/// registry workbook. A file that cannot be read at all is a report with errors, not
/// an `Err`: `Err` is for the database.
pub async fn run(db: &Db, bytes: Vec<u8>, options: &Options, progress: &ProgressBar) -> AppResult<Report> {
    progress.set_message("đọc tệp / reading");
    let scope = options.scope.clone();
    let bar = progress.clone();
    let parsed = tokio::task::spawn_blocking(move || {
        let book = workbook::read(&bytes, &|| bar.inc(1))?;
        Ok::<_, Vec<Problem>>(rows::parse(&book, &scope))
    })
    .await
    .map_err(|e| anyhow::anyhow!("registry reader stopped: {e}"))?;
    let parsed = match parsed {
        Ok(parsed) => parsed,
        Err(problems) => {
            let mut report = Report {
                dry_run: options.dry_run,
                valid_only: options.valid_only,
                unreadable: true,
                ..Report::default()
            };
            report.errors = problems;
            return Ok(report);
        }
    };
    progress.set_message("so với dữ liệu đã có / comparing");
    let existing = store::load_existing(db, &parsed.codes()).await?;
    let today = crate::db::today_vn();
    let plan = plan::plan(parsed, &existing, &options.scope, today, options.valid_only);
    let mut report = plan.report.clone();
    report.dry_run = options.dry_run;
    if options.dry_run || report.blocked() {
        return Ok(report);
    }
    progress.set_message("ghi / writing");
    progress.set_position(0);
    progress.set_length(plan.writes() as u64);
    report.written = true;
    let summary = report.summary();
    let bar = progress.clone();
    store::apply(db, &plan, options.user_id, today, options.import_id.map(|id| (id, summary)), &move || bar.inc(1))
        .await?;
    tracing::info!(
        producers.created = report.producers.create,
        producers.updated = report.producers.update,
        products.created = report.products.create,
        products.updated = report.products.update,
        "registry imported"
    );
    Ok(report)
}
