//! The VietQR code of a bank-transfer order: its payload (`vietqr` crate) drawn as
//! SVG and PNG, at error-correction level M with a quiet zone, which banking apps
//! read from a screen or from paper.
//!
//! The SVG, drawn for every VietQR sale and order page, comes from `fast_qr`: choosing
//! the best of the eight masks is most of a QR code's cost, and `qrcode` spent 13 % of
//! the server's time on it under bench/stalls. The PNG (order e-mails, downloads)
//! stays with `qrcode`'s image renderer.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use fast_qr::convert::Builder;
use fast_qr::convert::svg::SvgBuilder;
use qrcode::{EcLevel, QrCode};
use serde::Serialize;

use super::messages;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::orders::model::Actor;
use crate::orders::{Order, PaymentMethod};
use crate::producers;
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

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct VietqrJson {
    pub payload: String,
    pub bank_bin: String,
    pub bank_name: String,
    pub account_number: String,
    pub account_name: String,
    pub amount_vnd: i64,
    /// The transfer content: the order code.
    pub purpose: String,
    pub svg: String,
}

/// The VietQR payload of a bank-transfer order and the account it pays into; a
/// 409 for cash-on-delivery orders and producers without an account. The account
/// number is bank data: a buyer sees it while money is due, the producer's sellers
/// and admins always (the static code of a paid order).
pub async fn order_payload(db: &Db, order: &Order, viewer: Actor) -> AppResult<(String, PaymentAccount)> {
    if order.total_vnd <= order.paid_vnd && !matches!(viewer, Actor::Seller | Actor::Admin) {
        return Err(AppError::conflict("paid_vnd", messages::THE_ORDER_IS_PAID_NOTHING));
    }
    if order.payment_method != PaymentMethod::Vietqr {
        return Err(AppError::conflict("payment_method", messages::THIS_ORDER_IS_CASH_ON_DELIVERY));
    }
    let account = producers::store::payment_account(db, order.producer_id)
        .await?
        .ok_or_else(|| AppError::conflict("payment_method", messages::THE_SELLER_HAS_NO_RECEIVING_ACCOUNT))?;
    let payload = payload(order, &account).map_err(AppError::Internal)?;
    Ok((payload, account))
}

/// A QR picture for one viewer: never cached by shared caches.
pub fn qr_response(content_type: &'static str, body: impl IntoResponse) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
        ],
        body,
    )
        .into_response()
}

fn code(payload: &str) -> anyhow::Result<QrCode> {
    Ok(QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)?)
}

/// The code as SVG: four modules of quiet zone, 240 px wide unless a style says
/// otherwise.
pub fn svg(payload: &str) -> anyhow::Result<String> {
    let code = fast_qr::QRBuilder::new(payload.as_bytes()).ecl(fast_qr::ECL::M).build()?;
    let drawn = SvgBuilder::default().margin(4).to_str(&code);
    Ok(drawn.replacen("<svg ", r#"<svg width="240" height="240" "#, 1))
}

pub fn png(payload: &str) -> anyhow::Result<Vec<u8>> {
    let picture = code(payload)?.render::<image::Luma<u8>>().min_dimensions(480, 480).quiet_zone(true).build();
    let mut bytes = Vec::new();
    image::DynamicImage::ImageLuma8(picture)
        .write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dark modules of an SVG drawn as `M{x},{y}h1v1h-1` squares, as a picture
    /// four pixels a module, read back by an independent decoder.
    fn read_back(svg: &str) -> String {
        let side: usize = svg.split("viewBox=\"0 0 ").nth(1).unwrap().split(' ').next().unwrap().parse().unwrap();
        let mut dark = vec![false; side * side];
        let path = svg.split("<path d=\"").nth(1).unwrap().split('"').next().unwrap();
        for square in path.split('M').filter(|s| !s.is_empty()) {
            let corner = square.split('h').next().unwrap();
            let (x, y) = corner.split_once(',').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            dark[y * side + x] = true;
        }
        let mut picture = rqrr::PreparedImage::prepare_from_greyscale(side * 4, side * 4, |x, y| {
            if dark[(y / 4) * side + x / 4] { 0 } else { 255 }
        });
        let grids = picture.detect_grids();
        assert_eq!(grids.len(), 1, "one QR code");
        grids[0].decode().unwrap().1
    }

    #[test]
    fn the_svg_reads_back_as_the_payload() {
        let account = PaymentAccount {
            bank_bin: "970436".into(),
            account_number: "0011002233445".into(),
            account_holder: "HTX CHE SHAN TUYET".into(),
        };
        let payload = payload_for("DS7K2M9QXA", 1_250_000, &account).unwrap();
        let svg = svg(&payload).unwrap();
        assert!(svg.starts_with(r#"<svg width="240" height="240" viewBox="#), "{}", &svg[..80]);
        assert_eq!(read_back(&svg), payload);
    }
}
