//! QR symbols as 1-bit bitmaps, one pixel per module, quiet zone included.
//!
//! A bitmap of a few hundred bytes drawn as an image XObject with `/Interpolate false`
//! prints as crisp as vector squares at a fraction of the size (PDF 32000-1:2008
//! §8.9.5). The symbol fills the label's height with its quiet zone, so the quiet
//! zone lies in the label's own margin and never reaches a neighbour's symbol.

use pdf_writer::{Filter, Pdf, Ref};
use qrcode::canvas::{Canvas, MaskPattern};

use crate::font::deflate;
use qrcode::{Color, EcLevel, QrResult};

/// The smallest module we print, in mm: about the minimum X-dimension that GS1's
/// symbol specification tables allow for QR Codes on retail items, and what a
/// cheap phone camera still reads from a sticker.
pub(crate) const MIN_MODULE_MM: f32 = 0.4;

/// Quiet zone on each side, in modules (ISO/IEC 18004:2015 §9.1).
pub(crate) const QUIET_ZONE: usize = 4;

/// The eight data masks of ISO/IEC 18004:2015 §7.8.2.
const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// One encoded symbol.
#[derive(Debug)]
pub(crate) struct Bitmap {
    /// Width and height in pixels: the symbol's modules plus two quiet zones.
    pub size: usize,
    /// Rows top to bottom, each padded to whole bytes, most significant bit first;
    /// 0 is black (dark module), 1 white, as `/DeviceGray` with 1 bit per component.
    pub bits: Vec<u8>,
}

/// Encodes `url` for a square of `side_mm`: error correction level Q (25 % of the
/// symbol may be scratched off) where its modules stay at least [`MIN_MODULE_MM`],
/// else level M (15 %). `None` when even level M makes the modules too small.
pub(crate) fn encode(url: &str, side_mm: f32) -> Option<Bitmap> {
    [EcLevel::Q, EcLevel::M].into_iter().find_map(|level| {
        let (width, dark) = symbol(url, level).ok()?;
        let size = width + 2 * QUIET_ZONE;
        // A hair of tolerance so that exactly 0.4 mm is not lost to rounding.
        (side_mm / size as f32 >= MIN_MODULE_MM - 1e-4).then(|| bitmap(width, &dark))
    })
}

/// The smallest symbol for `url` at `level`: its width in modules and its modules
/// row by row, `true` for dark.
///
/// This is `qrcode::QrCode::with_error_correction_level` with a faster choice of
/// mask: the crate scores each mask with a boxed closure per module, which made
/// masking nine tenths of the time of a 1 000-label sheet.
pub(crate) fn symbol(url: &str, level: EcLevel) -> QrResult<(usize, Vec<bool>)> {
    let bits = qrcode::bits::encode_auto(url.as_bytes(), level)?;
    let version = bits.version();
    let (data, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, level)?;
    let mut canvas = Canvas::new(version, level);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    let width = version.width() as usize;
    let best = MASKS
        .iter()
        .map(|&mask| {
            let mut masked = canvas.clone();
            masked.apply_mask(mask);
            masked.into_colors().into_iter().map(|color| color == Color::Dark).collect::<Vec<bool>>()
        })
        .min_by_key(|dark| penalty(width, dark))
        .expect("there are eight masks");
    Ok((width, best))
}

/// The penalty score of a masked symbol (ISO/IEC 18004:2015 §7.8.3.1): runs of five
/// or more modules of one colour, 2×2 blocks of one colour, finder-like 1:1:3:1:1
/// patterns beside four light modules, and dark/light imbalance. The encoder keeps
/// the mask with the lowest score.
fn penalty(width: usize, dark: &[bool]) -> u32 {
    let mut score = 0;
    let mut column = vec![false; width];
    for i in 0..width {
        score += line_penalty(&dark[i * width..(i + 1) * width]);
        for (y, module) in column.iter_mut().enumerate() {
            *module = dark[y * width + i];
        }
        score += line_penalty(&column);
    }
    for y in 0..width - 1 {
        for x in 0..width - 1 {
            let c = dark[y * width + x];
            if dark[y * width + x + 1] == c && dark[(y + 1) * width + x] == c && dark[(y + 1) * width + x + 1] == c {
                score += 3;
            }
        }
    }
    let dark_count = dark.iter().filter(|&&d| d).count();
    let percent = dark_count * 100 / dark.len();
    score + (percent.abs_diff(50) / 5) as u32 * 10
}

/// Rules N1 (runs of five or more) and N3 (finder-like patterns) along one row or
/// column; the quiet zone beyond the symbol's edge counts as light.
fn line_penalty(line: &[bool]) -> u32 {
    // 1011101 with four light modules after it, or before it.
    const FINDER_THEN_LIGHT: u32 = 0b101_1101_0000;
    const LIGHT_THEN_FINDER: u32 = 0b000_0101_1101;
    let mut score = 0;
    let mut run = 1;
    for i in 1..=line.len() {
        if i < line.len() && line[i] == line[i - 1] {
            run += 1;
        } else {
            if run >= 5 {
                score += 3 + (run - 5);
            }
            run = 1;
        }
    }
    let light = std::iter::repeat_n(false, QUIET_ZONE);
    let mut window: u32 = 0;
    for (i, module) in light.clone().chain(line.iter().copied()).chain(light).enumerate() {
        window = ((window << 1) | u32::from(module)) & 0x7ff;
        if i >= 10 && (window == FINDER_THEN_LIGHT || window == LIGHT_THEN_FINDER) {
            score += 40;
        }
    }
    score
}

/// Packs the symbol's modules into rows of bits, inside a white quiet zone.
fn bitmap(width: usize, dark: &[bool]) -> Bitmap {
    let size = width + 2 * QUIET_ZONE;
    let row_bytes = size.div_ceil(8);
    let mut bits = vec![0xff; row_bytes * size];
    for (i, _) in dark.iter().enumerate().filter(|(_, d)| **d) {
        let (x, y) = (i % width + QUIET_ZONE, i / width + QUIET_ZONE);
        bits[y * row_bytes + x / 8] &= !(0x80 >> (x % 8));
    }
    Bitmap { size, bits }
}

/// A QR bitmap as a 1-bit grayscale image, sharp-edged when scaled.
pub(crate) fn write_image(pdf: &mut Pdf, id: Ref, bitmap: &Bitmap) {
    let data = deflate(&bitmap.bits);
    let mut image = pdf.image_xobject(id, &data);
    image.filter(Filter::FlateDecode);
    image.width(bitmap.size as i32);
    image.height(bitmap.size as i32);
    image.color_space().device_gray();
    image.bits_per_component(1);
    image.interpolate(false);
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://dacsan.vn/01/08934563138165/10/L01/21/AB12CD34EF";

    fn dark(bitmap: &Bitmap, x: usize, y: usize) -> bool {
        let row_bytes = bitmap.size.div_ceil(8);
        bitmap.bits[y * row_bytes + x / 8] & (0x80 >> (x % 8)) == 0
    }

    #[test]
    fn quiet_zone_is_white_and_finder_pattern_dark() {
        let bitmap = encode(URL, 21.2).unwrap();
        for i in 0..bitmap.size {
            for q in 0..QUIET_ZONE {
                assert!(!dark(&bitmap, i, q) && !dark(&bitmap, q, i));
                assert!(!dark(&bitmap, i, bitmap.size - 1 - q) && !dark(&bitmap, bitmap.size - 1 - q, i));
            }
        }
        // The top-left finder pattern's outer ring.
        assert!((0..7).all(|i| dark(&bitmap, QUIET_ZONE + i, QUIET_ZONE)));
    }

    #[test]
    fn penalties_follow_the_standard_rules() {
        // A run of seven dark modules: 3 + 2.
        assert_eq!(line_penalty(&[true; 7]), 5);
        // A finder-like 1011101 with light beyond both ends: one for each side.
        let finder = [true, false, true, true, true, false, true];
        assert_eq!(line_penalty(&finder), 80);
        let mut checker = vec![false; 21 * 21];
        for (i, module) in checker.iter_mut().enumerate() {
            *module = (i % 21 + i / 21) % 2 == 0;
        }
        assert_eq!(penalty(21, &checker), 0);
    }

    #[test]
    fn prefers_level_q_and_falls_back_to_m() {
        let url = "https://dacsan.vn/01/08934563138165/10/LOT2026-01/21/AB12CD34EF?linkType=all";
        let q = symbol(url, EcLevel::Q).unwrap().0 + 2 * QUIET_ZONE;
        let m = symbol(url, EcLevel::M).unwrap().0 + 2 * QUIET_ZONE;
        assert!(m < q, "the URL should need a smaller symbol at level M: {m} {q}");
        assert_eq!(encode(url, q as f32 * MIN_MODULE_MM + 0.001).unwrap().size, q);
        assert_eq!(encode(url, q as f32 * MIN_MODULE_MM - 0.01).unwrap().size, m);
        assert!(encode(url, m as f32 * MIN_MODULE_MM - 0.01).is_none());
    }
}
