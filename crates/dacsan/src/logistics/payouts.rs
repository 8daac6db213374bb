//! A producer's COD payout statement as a workbook: one row per parcel, then the
//! totals — collected, the carriers' fees, and what comes back.

use super::api::Payouts;

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
