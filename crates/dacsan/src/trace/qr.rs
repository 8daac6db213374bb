//! A batch's or a unit's QR code: the Digital Link URL at error-correction level Q
//! (a quarter of the code may be scratched or stained and it still reads), with
//! the quiet zone phones need.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::error::AppError;

fn code(url: &str) -> Result<QrCode, AppError> {
    QrCode::with_error_correction_level(url.as_bytes(), EcLevel::Q).map_err(|e| AppError::Internal(e.into()))
}

pub fn svg(url: &str) -> Result<String, AppError> {
    Ok(code(url)?.render::<svg::Color<'_>>().min_dimensions(240, 240).quiet_zone(true).build())
}

pub fn png(url: &str) -> Result<Vec<u8>, AppError> {
    let picture = code(url)?.render::<image::Luma<u8>>().min_dimensions(480, 480).quiet_zone(true).build();
    let mut bytes = Vec::new();
    image::DynamicImage::ImageLuma8(picture)
        .write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok(bytes)
}

/// A QR picture that may be cached: a batch's URL never changes.
pub fn image_response(content_type: &'static str, body: impl IntoResponse) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400")),
        ],
        body,
    )
        .into_response()
}
