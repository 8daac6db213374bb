//! The VietQR code of a bank-transfer order: its payload (`vietqr` crate) drawn as
//! SVG and PNG, at error-correction level M with a quiet zone, which banking apps
//! read from a screen or from paper.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::orders::Order;
use crate::producers::store::PaymentAccount;

/// The payload for paying `order` into `account`: the exact amount still due and
/// the order code as transfer content.
pub fn payload(order: &Order, account: &PaymentAccount) -> anyhow::Result<String> {
    payload_for(&order.code, order.due_now(), account)
}

/// The payload for paying `due` đồng into `account` with `code` as transfer content
/// (an order's or a payment request's).
pub fn payload_for(code: &str, due: i64, account: &PaymentAccount) -> anyhow::Result<String> {
    let bin = vietqr::Bin::parse(&account.bank_bin)?;
    let number = vietqr::AccountNumber::parse(&account.account_number)?;
    let mut payload = vietqr::Payload::new(bin, vietqr::Beneficiary::Account(number));
    // Nothing left to pay: a static code (no amount) still names the account.
    if due > 0 {
        payload = payload.with_amount(u64::try_from(due)?)?;
    }
    Ok(payload.with_purpose(code)?.encode())
}

fn code(payload: &str) -> anyhow::Result<QrCode> {
    Ok(QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)?)
}

pub fn svg(payload: &str) -> anyhow::Result<String> {
    Ok(code(payload)?.render::<svg::Color<'_>>().min_dimensions(240, 240).quiet_zone(true).build())
}

pub fn png(payload: &str) -> anyhow::Result<Vec<u8>> {
    let picture = code(payload)?.render::<image::Luma<u8>>().min_dimensions(480, 480).quiet_zone(true).build();
    let mut bytes = Vec::new();
    image::DynamicImage::ImageLuma8(picture)
        .write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)?;
    Ok(bytes)
}
