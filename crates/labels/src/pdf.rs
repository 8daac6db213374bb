//! Writing the PDF: one page per sheet, each label a QR image XObject and a few
//! lines of text, then the two font subsets once all the text is known.

use pdf_writer::{Content, Filter, Name, Pdf, Rect, Ref, Str};

use crate::document::{self, BOLD_NAME, FIRST_FREE_ID, PAGE_TREE, REGULAR_NAME};
use crate::font::{Font, deflate};
use crate::layout::{Geometry, Layout};
use crate::qr;
use crate::text::{self, Area, Fonts, Line};
use crate::{Label, LabelError};

/// Points per millimetre (a point is 1/72 inch).
const PT_PER_MM: f32 = 72.0 / 25.4;
/// A4 portrait in millimetres.
const A4_MM: (f32, f32) = (210.0, 297.0);

/// Renders already checked labels (see [`crate::sheet`]).
pub(crate) fn render(layout: Layout, labels: &[Label]) -> Result<Vec<u8>, LabelError> {
    let mut fonts = Fonts { regular: Font::regular(), bold: Font::bold() };
    let mut pdf = Pdf::new();
    let mut next_id = FIRST_FREE_ID;
    let mut pages = Vec::new();
    for (page, chunk) in labels.chunks(layout.per_page()).enumerate() {
        let page_id = Ref::new(next_id);
        next_id += 1;
        let first = page * layout.per_page();
        next_id = write_page(&mut pdf, &mut fonts, layout, chunk, first, page_id, next_id)?;
        pages.push(page_id);
    }
    document::finish(pdf, &fonts, pages, None, "dacsan labels")
}

/// Writes one page with `labels` (the labels from `first` on) and its images,
/// taking object ids from `next_id`; returns the next free id.
fn write_page(
    pdf: &mut Pdf,
    fonts: &mut Fonts,
    layout: Layout,
    labels: &[Label],
    first: usize,
    page_id: Ref,
    mut next_id: i32,
) -> Result<i32, LabelError> {
    let geometry = layout.geometry();
    let mut content = Content::new();
    let mut images = Vec::with_capacity(labels.len());
    for (slot, label) in labels.iter().enumerate() {
        let cell = cell(layout, &geometry, slot);
        let bitmap = qr::encode(&label.url, geometry.height).ok_or(LabelError::UrlTooLong {
            index: first + slot,
            chars: label.url.chars().count(),
            layout,
        })?;
        let image_id = Ref::new(next_id);
        next_id += 1;
        qr::write_image(pdf, image_id, &bitmap);
        let name = format!("Im{slot}");
        draw_image(&mut content, Name(name.as_bytes()), cell);
        let lines = text::lay_out(label, fonts, text_area(&geometry, cell), geometry.title_pt, geometry.body_pt);
        draw_text(&mut content, fonts, &lines);
        images.push((name, image_id));
    }

    let content_id = Ref::new(next_id);
    next_id += 1;
    pdf.stream(content_id, &deflate(&content.finish())).filter(Filter::FlateDecode);

    let mut page = pdf.page(page_id);
    page.media_box(Rect::new(0.0, 0.0, A4_MM.0 * PT_PER_MM, A4_MM.1 * PT_PER_MM));
    page.parent(PAGE_TREE);
    page.contents(content_id);
    let mut resources = page.resources();
    document::add_fonts(&mut resources);
    let mut x_objects = resources.x_objects();
    for (name, id) in &images {
        x_objects.pair(Name(name.as_bytes()), *id);
    }
    Ok(next_id)
}

/// The box of the label in `slot` (0 at the top left, row by row), in points.
fn cell(layout: Layout, g: &Geometry, slot: usize) -> Area {
    let columns = layout.columns() as usize;
    let (column, row) = ((slot % columns) as f32, (slot / columns) as f32);
    let left = g.left + column * g.pitch_x;
    let bottom = A4_MM.1 - (g.top + row * g.pitch_y + g.height);
    Area { x: left * PT_PER_MM, y: bottom * PT_PER_MM, width: g.width * PT_PER_MM, height: g.height * PT_PER_MM }
}

/// The part of a label's box right of its QR code (a square as high as the label,
/// quiet zone included), less the padding.
fn text_area(g: &Geometry, cell: Area) -> Area {
    let pad = g.pad * PT_PER_MM;
    let qr = cell.height;
    Area { x: cell.x + qr, y: cell.y + pad, width: cell.width - qr - pad, height: cell.height - 2.0 * pad }
}

/// Draws the image `name` as the square at the left of `cell`.
fn draw_image(content: &mut Content, name: Name, cell: Area) {
    let side = cell.height;
    content.save_state();
    content.transform([side, 0.0, 0.0, side, cell.x, cell.y]);
    content.x_object(name);
    content.restore_state();
}

/// Shows `lines`, adding their glyphs to the font subsets.
fn draw_text(content: &mut Content, fonts: &mut Fonts, lines: &[Line]) {
    content.begin_text();
    for line in lines {
        let (font, name) = if line.bold { (&mut fonts.bold, BOLD_NAME) } else { (&mut fonts.regular, REGULAR_NAME) };
        content.set_font(name, line.size);
        content.set_text_matrix([1.0, 0.0, 0.0, 1.0, line.x, line.baseline]);
        content.show(Str(&font.encode(&line.text)));
    }
    content.end_text();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(title: &str, lot: &str, serial: &str) -> Label {
        Label {
            title: title.into(),
            stars: Some(5),
            lot: lot.into(),
            expires: Some("31/12/2026".into()),
            serial: Some(serial.into()),
            url: "https://dacsan.vn/01/08934563138165/10/L01/21/AB12CD34EF".into(),
        }
    }

    /// Every line of text, however long the fields, stays inside its label's box,
    /// clear of the QR code and its quiet zone.
    #[test]
    fn nothing_overflows_the_label_box() {
        let fonts = Fonts { regular: Font::regular(), bold: Font::bold() };
        let samples = [
            label("Mật ong", "L01", "AB12CD34EF"),
            label("Mật ong bạc hà Đồng Văn", "L2026-01-15", "AB12CD34EF"),
            label(
                "Rượu ngô men lá Bắc Hà đặc biệt thượng hạng ủ lâu năm trong chum sành Phù Lãng",
                "LÔ-SẢN-XUẤT-2026-THÁNG-MỘT-SỐ-0001",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            ),
            label("Trààààààààààààààààààààààààààààààààààààààààààààààààààààààààààà", "L", "S"),
        ];
        for layout in Layout::ALL {
            let g = layout.geometry();
            for slot in 0..layout.per_page() {
                let cell = cell(*layout, &g, slot);
                assert!(cell.x >= 0.0 && cell.y >= -0.01, "{layout} slot {slot}");
                assert!(cell.x + cell.width <= A4_MM.0 * PT_PER_MM + 0.01);
                assert!(cell.y + cell.height <= A4_MM.1 * PT_PER_MM + 0.01);
            }
            let cell = cell(*layout, &g, 0);
            let area = text_area(&g, cell);
            assert!(area.width > 10.0, "{layout}: text area only {} pt wide", area.width);
            for sample in &samples {
                for line in text::lay_out(sample, &fonts, area, g.title_pt, g.body_pt) {
                    let font = if line.bold { &fonts.bold } else { &fonts.regular };
                    let right = line.x + font.width(&line.text, line.size);
                    assert!(line.x >= cell.x + cell.height, "{layout}: {line:?} over the QR code");
                    assert!(right <= cell.x + cell.width - g.pad * PT_PER_MM + 0.01, "{layout}: {line:?} too wide");
                    assert!(
                        line.baseline + font.ascent(line.size) <= cell.y + cell.height + 0.01,
                        "{layout}: {line:?}"
                    );
                    assert!(line.baseline - font.descent(line.size) >= cell.y - 0.01, "{layout}: {line:?}");
                    assert!(line.size >= 3.5, "{layout}: {line:?} unreadably small");
                }
            }
        }
    }
}
