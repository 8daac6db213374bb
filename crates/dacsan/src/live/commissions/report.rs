//! A commission statement as an A4 PDF (in the reader's language) and a workbook:
//! a host's (or affiliate's) month, or what a producer owes its hosts.

use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::messages;
use super::service::{Owed, Statement, StatementOrder};
use crate::error::Message;
use crate::error::{AppError, AppResult};
use crate::vn::Vnd;
use crate::web::i18n::Lang;

/// A statement ready to print.
pub struct Heading {
    /// The host's name (its statement) or the producer's (what it owes).
    pub who: String,
    pub month: String,
    pub goods_vnd: i64,
    pub commission_vnd: i64,
    /// A column naming each order's host: on a producer's statement.
    pub with_host: bool,
    pub orders: Vec<StatementOrder>,
    /// The download's name without its extension.
    pub file_stem: String,
}

impl Heading {
    pub fn of_statement(host_name: &str, statement: &Statement) -> Heading {
        Heading {
            who: host_name.to_string(),
            month: statement.month.clone(),
            goods_vnd: statement.goods_vnd,
            commission_vnd: statement.commission_vnd,
            with_host: false,
            orders: statement.orders.clone(),
            file_stem: format!("hoa-hong-{}", statement.month),
        }
    }

    pub fn of_owed(producer_name: &str, owed: &Owed) -> Heading {
        Heading {
            who: producer_name.to_string(),
            month: owed.month.clone(),
            goods_vnd: owed.goods_vnd,
            commission_vnd: owed.commission_vnd,
            with_host: true,
            orders: owed.orders.clone(),
            file_stem: format!("hoa-hong-phai-tra-{}-{}", owed.producer_id, owed.month),
        }
    }
}

/// The statement as a download: `xlsx`, or `pdf` in `lang` (drawn off the async
/// threads); another format is a 422 naming it.
pub async fn download(heading: Heading, format: &str, lang: Lang) -> AppResult<Response> {
    let file = format!("{}.{format}", heading.file_stem);
    let (bytes, kind) = match format {
        "xlsx" => (workbook(&heading)?, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "pdf" => {
            let drawn = tokio::task::spawn_blocking(move || pdf(&heading, |key| lang.t(key)));
            (drawn.await.map_err(|e| AppError::Internal(e.into()))??, "application/pdf")
        }
        other => {
            return Err(AppError::invalid(
                "format",
                Message::from(messages::FORMAT_XLSX_PDF_OR_NONE).with("other", other),
            ));
        }
    };
    Ok(attachment(bytes, kind, &file))
}

fn attachment(bytes: Vec<u8>, kind: &'static str, file: &str) -> Response {
    let disposition = format!("attachment; filename=\"{file}\"");
    ([(header::CONTENT_TYPE, kind.to_string()), (header::CONTENT_DISPOSITION, disposition)], bytes).into_response()
}

pub fn pdf(heading: &Heading, t: impl Fn(&str) -> &'static str) -> anyhow::Result<Vec<u8>> {
    let orders = &heading.orders;
    use labels::report::{Block, Column, Report, Table};
    let column = |key: &str, weight: u16, numeric: bool| Column { title: t(key).to_string(), weight, numeric };
    let mut columns = vec![
        column("order", 3, false),
        column("commission_delivered_on", 3, false),
        column("commission_producer", 4, false),
    ];
    if heading.with_host {
        columns.push(column("commission_host", 3, false));
    }
    columns.extend([
        column("commission_goods", 3, true),
        column("commission_rate", 2, true),
        column("commission_due", 3, true),
    ]);
    let rows = orders
        .iter()
        .map(|o| {
            let mut row = vec![o.order_code.clone(), crate::vn::iso_date_vn(&o.delivered_on), o.producer_name.clone()];
            if heading.with_host {
                row.push(o.host_name.clone());
            }
            row.extend([Vnd::text(o.goods_vnd), o.rate_text(), Vnd::text(o.commission_vnd)]);
            row
        })
        .collect();
    let totals = Table {
        columns: vec![
            Column { title: String::new(), weight: 3, numeric: false },
            Column { title: String::new(), weight: 2, numeric: true },
        ],
        rows: vec![
            vec![t("commission_orders").to_string(), orders.len().to_string()],
            vec![t("commission_goods").to_string(), Vnd::text(heading.goods_vnd)],
            vec![t("commission_due").to_string(), Vnd::text(heading.commission_vnd)],
        ],
    };
    let report = Report {
        title: format!(
            "{} — {}",
            t(if heading.with_host { "commission_owed" } else { "commission_statement" }),
            heading.who
        ),
        subtitle: format!("{} {}", t("commission_month"), heading.month),
        footer: format!("dacsan · {} · {}", heading.who, crate::vn::time_vn(&crate::db::now())),
        blocks: vec![
            Block::Table(totals),
            Block::Heading(t("commission_orders").to_string()),
            Block::Table(Table { columns, rows }),
            Block::Text(t(if heading.with_host { "commission_rule_producer" } else { "commission_rule" }).to_string()),
        ],
    };
    Ok(labels::report::report(&report)?)
}

pub fn workbook(heading: &Heading) -> anyhow::Result<Vec<u8>> {
    let orders = &heading.orders;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Hoa hồng")?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let money = rust_xlsxwriter::Format::new().set_num_format("#,##0");
    sheet.write_string_with_format(
        0,
        0,
        format!("Hoa hồng / Commission {} — {}", heading.month, heading.who),
        &bold,
    )?;
    let mut headers = vec!["Đơn hàng / Order", "Ngày giao / Delivered", "Nhà sản xuất / Producer"];
    if heading.with_host {
        headers.push("Người dẫn / Host");
    }
    headers.extend(["Phiên live / Session", "Tiền hàng / Goods", "Tỉ lệ / Rate", "Hoa hồng / Commission"]);
    for (col, text) in headers.iter().enumerate() {
        sheet.write_string_with_format(2, col as u16, *text, &bold)?;
    }
    let mut row = 3;
    for order in orders {
        let mut col = 0;
        let mut next = || {
            col += 1;
            col - 1
        };
        sheet.write_string(row, next(), &order.order_code)?;
        sheet.write_string(row, next(), &order.delivered_on)?;
        sheet.write_string(row, next(), &order.producer_name)?;
        if heading.with_host {
            sheet.write_string(row, next(), &order.host_name)?;
        }
        sheet.write_string(row, next(), order.session_title.as_deref().unwrap_or(""))?;
        sheet.write_number_with_format(row, next(), order.goods_vnd as f64, &money)?;
        sheet.write_string(row, next(), order.rate_text())?;
        sheet.write_number_with_format(row, next(), order.commission_vnd as f64, &money)?;
        row += 1;
    }
    let last = headers.len() as u16 - 1;
    row += 1;
    for (label, value) in
        [("Tiền hàng / Goods", heading.goods_vnd), ("Hoa hồng phải trả / Commission due", heading.commission_vnd)]
    {
        sheet.write_string_with_format(row, last - 1, label, &bold)?;
        sheet.write_number_with_format(row, last, value as f64, &money)?;
        row += 1;
    }
    sheet.autofit();
    Ok(book.save_to_buffer()?)
}
