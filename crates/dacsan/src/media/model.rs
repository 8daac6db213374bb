//! Image checks and resizing. The type is sniffed from the bytes, never from the
//! file name; dimensions are read from the header before decoding, so that a small
//! file that would decompress to gigabytes (a decompression bomb) is refused.

use super::messages;
use std::io::Cursor;

use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat, ImageReader, Limits};

use crate::error::AppError;

pub const MAX_UPLOAD_BYTES: usize = 8 * 1024 * 1024;
const MAX_SIDE: u32 = 8_000;
const MAX_PIXELS: u64 = 40_000_000;
const FULL_SIDE: u32 = 1_200;
pub const CARD_SIDE: u32 = 400;
pub const CARD_MAX_BYTES: usize = 30 * 1024;

/// A stored rendition: JPEG bytes and size.
pub struct Rendition {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// The display-size picture and the square card thumbnail.
pub struct Processed {
    pub full: Rendition,
    pub card: Rendition,
}

fn refuse(message: crate::error::Text) -> AppError {
    AppError::invalid("photo", message)
}

/// Checks an upload and makes its renditions. CPU-heavy: call from a blocking task.
pub fn process_upload(bytes: &[u8]) -> Result<Processed, AppError> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(AppError::TooLarge(messages::PHOTOS_UP_TO_8_MB.into()));
    }
    let format = image::guess_format(bytes).map_err(|_| refuse(messages::NOT_A_PICTURE))?;
    if !matches!(format, ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) {
        return Err(refuse(messages::ONLY_JPEG_PNG_OR_WEBP));
    }
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|_| refuse(messages::DAMAGED))?;
    if width == 0
        || height == 0
        || width > MAX_SIDE
        || height > MAX_SIDE
        || u64::from(width) * u64::from(height) > MAX_PIXELS
    {
        return Err(refuse(messages::TOO_MANY_PIXELS));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_PIXELS * 4 + 16_000_000);
    reader.limits(limits);
    let picture = reader.decode().map_err(|_| refuse(messages::DAMAGED))?;
    renditions(&picture).map_err(AppError::Internal)
}

/// Both renditions of a decoded picture (also used for generated demo pictures).
pub fn renditions(picture: &DynamicImage) -> anyhow::Result<Processed> {
    let full = if picture.width() > FULL_SIDE || picture.height() > FULL_SIDE {
        picture.resize(FULL_SIDE, FULL_SIDE, FilterType::Triangle)
    } else {
        picture.clone()
    };
    let card = picture.resize_to_fill(CARD_SIDE, CARD_SIDE, FilterType::Triangle);
    Ok(Processed { full: jpeg(&full, 82)?, card: jpeg_under(&card, CARD_MAX_BYTES)? })
}

fn jpeg(picture: &DynamicImage, quality: u8) -> anyhow::Result<Rendition> {
    let rgb = picture.to_rgb8();
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, quality).encode_image(&rgb)?;
    Ok(Rendition { bytes, width: rgb.width(), height: rgb.height() })
}

/// The best JPEG quality that fits in `max_bytes`; a picture too busy to fit even
/// at low quality is made smaller.
fn jpeg_under(picture: &DynamicImage, max_bytes: usize) -> anyhow::Result<Rendition> {
    let mut picture = picture.clone();
    loop {
        for quality in [78, 68, 58, 48, 38, 28] {
            let rendition = jpeg(&picture, quality)?;
            if rendition.bytes.len() <= max_bytes {
                return Ok(rendition);
            }
        }
        if picture.width() < 64 {
            return jpeg(&picture, 20);
        }
        picture = picture.resize(picture.width() * 3 / 4, picture.height() * 3 / 4, FilterType::Triangle);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageBuffer, Rgb};

    fn png(width: u32, height: u32) -> Vec<u8> {
        let picture = ImageBuffer::from_fn(width, height, |x, y| {
            Rgb([(x * 7 % 256) as u8, (y * 13 % 256) as u8, ((x ^ y) % 256) as u8])
        });
        let mut bytes = Vec::new();
        DynamicImage::ImageRgb8(picture).write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png).unwrap();
        bytes
    }

    #[test]
    fn makes_a_small_card_and_a_display_size() {
        let processed = process_upload(&png(1600, 1000)).unwrap();
        assert_eq!(processed.card.width, processed.card.height);
        assert!(processed.card.width >= 200, "a noisy picture shrinks a little, not to nothing");
        assert!(processed.card.bytes.len() <= CARD_MAX_BYTES, "{}", processed.card.bytes.len());
        assert_eq!(processed.full.width, FULL_SIDE);
    }

    #[test]
    fn refuses_what_is_not_a_picture() {
        assert!(matches!(process_upload(b"<svg xmlns='http://www.w3.org/2000/svg'/>"), Err(AppError::Invalid(_))));
        assert!(matches!(process_upload(b"GIF89a........"), Err(AppError::Invalid(_))));
        let mut truncated = png(50, 50);
        truncated.truncate(60);
        assert!(process_upload(&truncated).is_err());
    }

    #[test]
    fn refuses_decompression_bombs_by_their_header() {
        // A PNG header claiming 60000 × 60000 pixels, with almost no data.
        let mut bomb = png(1, 1);
        bomb[16..20].copy_from_slice(&60_000u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&60_000u32.to_be_bytes());
        let err = process_upload(&bomb).err().expect("refused");
        assert!(matches!(err, AppError::Invalid(_)));
    }
}
