//! A producer's COD payout statement for a period: one row per parcel the carriers
//! reported transferring, then the totals — collected, the carriers' fees (delivery,
//! COD, returns), and what comes back. As JSON (`/api/v1/producers/{id}/payouts`), a
//! page (`/seller/producers/{id}/payouts`), a workbook and an A4 PDF.

use serde::Serialize;
use time::Date;

use super::cod_store::PayoutLine;
use super::messages;
use crate::db::Db;
use crate::error::{AppError, AppResult};

/// The longest period one statement covers.
const MAX_DAYS: i64 = 366;

/// `from` and `to` (`YYYY-MM-DD`, both included) checked: a day to a year.
pub fn period(from: &str, to: &str) -> AppResult<(Date, Date)> {
    let (Some(from), Some(to)) = (crate::vn::parse_iso_date(from.trim()), crate::vn::parse_iso_date(to.trim())) else {
        return Err(AppError::invalid("from", messages::FROM_AND_TO_AS_DATES));
    };
    if to < from || (to - from).whole_days() > MAX_DAYS {
        return Err(AppError::invalid("to", messages::PERIOD_ONE_DAY_TO_ONE_YEAR));
    }
    Ok((from, to))
}

/// A producer's COD payout statement for a period.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Payouts {
    pub producer_id: i64,
    pub from: String,
    pub to: String,
    pub lines: Vec<PayoutLine>,
    pub collected_vnd: i64,
    /// Delivery and COD fees the carriers kept.
    pub fees_vnd: i64,
    /// Collected − fees: what comes to the producer.
    pub net_vnd: i64,
    /// Lines whose collected cash differs from the order's.
    pub differing: usize,
}

/// The statement of a producer's COD transferred from `from` to `to`.
pub async fn statement(db: &Db, producer_id: i64, from: Date, to: Date) -> anyhow::Result<Payouts> {
    let lines = super::cod_store::payout_lines(db, producer_id, &from.to_string(), &to.to_string()).await?;
    let collected_vnd = lines.iter().map(|l| l.collected_vnd).sum();
    let fees_vnd = lines.iter().map(|l| l.fee_vnd).sum();
    Ok(Payouts {
        producer_id,
        from: from.to_string(),
        to: to.to_string(),
        differing: lines.iter().filter(|l| l.differs).count(),
        net_vnd: collected_vnd - fees_vnd,
        collected_vnd,
        fees_vnd,
        lines,
    })
}

/// The statement as an A4 PDF in the reader's language (`t` gives a page text).
pub fn pdf(payouts: &Payouts, producer_name: &str, t: impl Fn(&str) -> &'static str) -> anyhow::Result<Vec<u8>> {
    use labels::report::{Block, Column, Report, Table};
    let vnd = |amount: i64| crate::vn::money::Vnd(amount).to_string();
    let column = |key: &str, weight: u16, numeric: bool| Column { title: t(key).to_string(), weight, numeric };
    let columns = vec![
        column("payout_transfer_date", 3, false),
        column("carrier", 2, false),
        column("payout_waybill", 4, false),
        column("order", 3, false),
        column("payout_expected", 3, true),
        column("payout_collected", 3, true),
        column("payout_fees", 3, true),
        column("payout_transferred", 3, true),
    ];
    let rows = payouts
        .lines
        .iter()
        .map(|l| {
            let flag = if l.differs { format!(" ({})", t("payout_differs")) } else { String::new() };
            vec![
                l.transfer_date.clone().unwrap_or_default(),
                l.carrier.clone(),
                l.waybill.clone(),
                l.order_code.clone(),
                l.expected_vnd.map(vnd).unwrap_or_default(),
                format!("{}{flag}", vnd(l.collected_vnd)),
                vnd(l.fee_vnd),
                vnd(l.transferred_vnd),
            ]
        })
        .collect();
    let totals = Table {
        columns: vec![
            Column { title: String::new(), weight: 3, numeric: false },
            Column { title: String::new(), weight: 2, numeric: true },
        ],
        rows: vec![
            vec![t("payout_collected").to_string(), vnd(payouts.collected_vnd)],
            vec![t("payout_fees").to_string(), vnd(payouts.fees_vnd)],
            vec![t("payout_net").to_string(), vnd(payouts.net_vnd)],
            vec![t("payout_differing").to_string(), payouts.differing.to_string()],
        ],
    };
    let report = Report {
        title: format!("{} — {producer_name}", t("payout_title")),
        subtitle: format!("{} → {}", payouts.from, payouts.to),
        footer: format!("dacsan · {producer_name} · {}", crate::vn::time_vn(&crate::db::now())),
        blocks: vec![
            Block::Table(totals),
            Block::Heading(t("payout_lines").to_string()),
            Block::Table(Table { columns, rows }),
        ],
    };
    Ok(labels::report::report(&report)?)
}

pub fn workbook(payouts: &Payouts) -> anyhow::Result<Vec<u8>> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Đối soát COD")?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let money = rust_xlsxwriter::Format::new().set_num_format("#,##0");
    sheet.write_string_with_format(
        0,
        0,
        format!("Đối soát tiền thu hộ / COD payouts {} → {}", payouts.from, payouts.to),
        &bold,
    )?;
    let headers = [
        "Ngày chuyển / Transfer date",
        "Hãng / Carrier",
        "Mã vận đơn / Waybill",
        "Đơn hàng / Order",
        "Phải thu / Expected",
        "Đã thu / Collected",
        "Phí / Fees",
        "Chuyển về / Transferred",
        "Chênh lệch / Differs",
    ];
    for (col, text) in headers.iter().enumerate() {
        sheet.write_string_with_format(2, col as u16, *text, &bold)?;
    }
    let mut row = 3;
    for line in &payouts.lines {
        sheet.write_string(row, 0, line.transfer_date.as_deref().unwrap_or(""))?;
        sheet.write_string(row, 1, &line.carrier)?;
        sheet.write_string(row, 2, &line.waybill)?;
        sheet.write_string(row, 3, &line.order_code)?;
        if let Some(expected) = line.expected_vnd {
            sheet.write_number_with_format(row, 4, expected as f64, &money)?;
        }
        sheet.write_number_with_format(row, 5, line.collected_vnd as f64, &money)?;
        sheet.write_number_with_format(row, 6, line.fee_vnd as f64, &money)?;
        sheet.write_number_with_format(row, 7, line.transferred_vnd as f64, &money)?;
        sheet.write_string(row, 8, if line.differs { "có / yes" } else { "" })?;
        row += 1;
    }
    row += 1;
    for (label, value) in [
        ("Đã thu / Collected", payouts.collected_vnd),
        ("Phí / Fees", payouts.fees_vnd),
        ("Thực nhận / Net", payouts.net_vnd),
    ] {
        sheet.write_string_with_format(row, 6, label, &bold)?;
        sheet.write_number_with_format(row, 7, value as f64, &money)?;
        row += 1;
    }
    sheet.autofit();
    Ok(book.save_to_buffer()?)
}
