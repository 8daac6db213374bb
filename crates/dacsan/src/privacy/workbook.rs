//! `GET /api/v1/me/data.xlsx`: the same data as the JSON, one sheet per kind of
//! record, for a person who reads it in a spreadsheet.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::export::PersonalData;

fn sheet(book: &mut Workbook, name: &str, headers: &[&str], rows: Vec<Vec<String>>) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let sheet: &mut Worksheet = book.add_worksheet();
    sheet.set_name(name)?;
    for (col, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *header, &bold)?;
        sheet.set_column_width(col as u16, 18)?;
    }
    for (i, row) in rows.iter().enumerate() {
        for (col, cell) in row.iter().enumerate() {
            sheet.write_string(i as u32 + 1, col as u16, cell)?;
        }
    }
    Ok(())
}

pub fn write(data: &PersonalData) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let p = &data.profile;
    sheet(
        &mut book,
        "Hồ sơ - Profile",
        &["id", "email", "name", "phone", "role", "created_at"],
        vec![vec![
            p.id.to_string(),
            p.email.clone(),
            p.name.clone(),
            p.phone.clone().unwrap_or_default(),
            p.role.clone(),
            p.created_at.clone(),
        ]],
    )?;
    sheet(
        &mut book,
        "Địa chỉ - Addresses",
        &["name", "phone", "province_code", "commune_code", "street"],
        data.addresses
            .iter()
            .map(|a| {
                vec![a.name.clone(), a.phone.clone(), a.province_code.clone(), a.commune_code.clone(), a.street.clone()]
            })
            .collect(),
    )?;
    sheet(
        &mut book,
        "Đơn hàng - Orders",
        &["code", "producer", "status", "payment", "total_vnd", "paid_vnd", "items", "street", "created_at"],
        data.orders
            .iter()
            .map(|o| {
                let items: Vec<String> = o.items.iter().map(|i| format!("{} ×{}", i.name, i.quantity)).collect();
                vec![
                    o.code.clone(),
                    o.producer.clone(),
                    o.status.clone(),
                    o.payment_method.clone(),
                    o.total_vnd.to_string(),
                    o.paid_vnd.to_string(),
                    items.join(", "),
                    o.ship_to.street.clone(),
                    o.created_at.clone(),
                ]
            })
            .collect(),
    )?;
    sheet(
        &mut book,
        "Đồng ý - Consents",
        &["purpose", "granted", "notice_version", "source", "at"],
        data.consents
            .iter()
            .map(|c| {
                vec![c.purpose.clone(), c.granted.to_string(), c.notice_version.clone(), c.source.clone(), c.at.clone()]
            })
            .collect(),
    )?;
    sheet(
        &mut book,
        "Yêu cầu - Requests",
        &["kind", "status", "detail", "created_at", "done_at"],
        data.requests
            .iter()
            .map(|r| {
                vec![
                    r.kind.clone(),
                    r.status.clone(),
                    r.detail.clone(),
                    r.created_at.clone(),
                    r.done_at.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    )?;
    sheet(
        &mut book,
        "Phiên - Sessions",
        &["kind", "created_at", "expires_at"],
        data.sessions.iter().map(|s| vec![s.kind.clone(), s.created_at.clone(), s.expires_at.clone()]).collect(),
    )?;
    sheet(
        &mut book,
        "Tin nhắn - Messages",
        &["subject", "body", "created_at"],
        data.messages.iter().map(|m| vec![m.subject.clone(), m.body.clone(), m.created_at.clone()]).collect(),
    )?;
    sheet(
        &mut book,
        "Khác - Other",
        &["what", "detail"],
        data.cart
            .iter()
            .map(|c| vec!["cart".to_string(), format!("{} ×{} ({})", c.product, c.quantity, c.added_at)])
            .chain(data.memberships.iter().map(|m| vec!["membership".to_string(), m.clone()]))
            .chain(data.affiliate.iter().map(|a| vec!["affiliate".to_string(), a.clone()]))
            .chain(
                data.complaints
                    .iter()
                    .map(|c| vec!["complaint".to_string(), format!("{}: {} ({})", c.producer, c.message, c.status)]),
            )
            .chain(
                data.support_cases
                    .iter()
                    .map(|c| vec!["support case".to_string(), format!("{}: {} ({})", c.producer, c.title, c.status)]),
            )
            .collect(),
    )?;
    book.save_to_buffer()
}
