//! A6 parcel labels (105 × 148 mm, one page per parcel) for parcels that carry no
//! carrier's label: a producer's own delivery, another carrier, a parcel dropped
//! at a collection point. From top to bottom: the order code, how the parcel
//! travels and "parcel n/N" with its weight; the sender; the recipient beside the
//! order's QR code; the cash to collect (or that nothing is); a Code 128 barcode of
//! the tracking code; the parcel's SSCC as GS1-128 with its "(00)" line.
//!
//! Bars are drawn as filled rectangles at a whole module width of at least
//! [`MIN_MODULE_MM`], with ten-module quiet zones; the QR code is a 1-bit image
//! like on the sticker sheets.

use pdf_writer::{Content, Filter, Name, Pdf, Rect, Ref, Str};

use crate::LabelError;
use crate::code128::{self, QUIET_ZONE};
use crate::document::{self, BOLD_NAME, FIRST_FREE_ID, PAGE_TREE, REGULAR_NAME};
use crate::font::{Font, deflate};
use crate::qr;
use crate::text::{Fonts, clean, ellipsize, wrap};

/// The most parcels one call prints.
pub const MAX_PARCEL_LABELS: usize = 200;

/// The narrowest bar we print, in mm: narrower bars of a cheap thermal or laser
/// printer spread into the spaces and handheld scanners stop reading them.
pub const MIN_MODULE_MM: f32 = 0.33;
/// The widest: GS1's target X-dimension for SSCCs on logistic labels is 0.495 mm
/// and more; wider bars would not leave a long code its quiet zones.
const MAX_MODULE_MM: f32 = 0.5;

const PT_PER_MM: f32 = 72.0 / 25.4;
/// A6 portrait.
const PAGE_MM: (f32, f32) = (105.0, 148.0);
/// What most printers leave blank at the edges.
const MARGIN: f32 = 4.0;
const WIDTH: f32 = PAGE_MM.0 - 2.0 * MARGIN;
const LEADING: f32 = 1.2;

/// Where each part starts, in mm from the top of the page.
const HEADER_TOP: f32 = MARGIN;
const SENDER_TOP: f32 = 19.0;
const RECIPIENT_TOP: f32 = 35.0;
/// The QR code's side, quiet zone included, beside the recipient.
const QR_MM: f32 = 30.0;
const CASH_TOP: f32 = 67.0;
const CASH_HEIGHT: f32 = 12.0;
const TRACKING_TOP: f32 = 81.5;
const TRACKING_BARS: f32 = 15.0;
const SSCC_TOP: f32 = 106.5;
const SSCC_BARS: f32 = 17.0;
const FOOTER_TOP: f32 = 134.5;

const CAPTION_PT: f32 = 6.5;
const GRAY: f32 = 0.35;

/// Who sends or receives the parcel, as printed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    pub phone: String,
    /// The street line: house, street, hamlet (thôn, bản).
    pub street: String,
    /// The commune and the province, e.g. "Xã Sìn Hồ, Tỉnh Lai Châu".
    pub place: String,
}

/// What the carrier or the producer collects on delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cash {
    /// Cash on delivery, in đồng.
    Collect(i64),
    /// Nothing to collect: the order is paid.
    Paid,
    /// The order's cash is collected with another of its parcels (its number).
    WithParcel(u32),
}

/// One parcel's label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParcelLabel {
    /// The order's code, printed large at the top (`DS7K2M9QXA`).
    pub order_code: String,
    /// The parcel's own code (`DS7K2M9QXA-1`), printed at the bottom.
    pub parcel_code: String,
    /// "Parcel `number` of `count`".
    pub number: u32,
    pub count: u32,
    /// How the parcel travels, in words: "Tự giao", "Xe khách Lai Châu", a
    /// collection point's name.
    pub carrier: String,
    pub sender: Party,
    pub recipient: Party,
    pub weight_g: i64,
    pub cash: Cash,
    /// The QR code's content: the order's tracking page.
    pub url: String,
    /// The Code 128 barcode's content: the waybill, or the parcel's code when the
    /// carrier gave none. Printable ASCII.
    pub barcode: String,
    /// The parcel's SSCC (18 digits), printed as GS1-128 with AI (00); none when
    /// the parcel has no SSCC.
    pub sscc: Option<String>,
}

/// The printed words that are not data, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParcelCaptions {
    pub from: String,
    pub to: String,
    /// Before "n/N".
    pub parcel: String,
    pub cod: String,
    pub paid: String,
    /// Before the number of the parcel that carries the cash.
    pub cod_with_parcel: String,
    /// Above the tracking code's barcode.
    pub tracking: String,
    /// Beside the parcel's code at the bottom: what the QR code is for.
    pub scan: String,
}

impl Default for ParcelCaptions {
    /// Vietnamese, as carriers' labels are.
    fn default() -> Self {
        ParcelCaptions {
            from: "Người gửi".into(),
            to: "Người nhận".into(),
            parcel: "Kiện".into(),
            cod: "Thu hộ (COD)".into(),
            paid: "Đã thanh toán, không thu tiền".into(),
            cod_with_parcel: "Tiền thu hộ đi cùng kiện".into(),
            tracking: "Mã vận đơn".into(),
            scan: "Quét mã QR để xem hành trình đơn hàng".into(),
        }
    }
}

/// Whether `value` makes a Code 128 barcode that fits an A6 label with bars of at
/// least [`MIN_MODULE_MM`]: printable ASCII, about 20 characters at most (more
/// when they are digits).
pub fn barcode_fits(value: &str) -> bool {
    code128::modules(value, false).is_ok_and(|modules| module_mm(modules.len()).is_some())
}

/// The module width for a symbol of `modules` across the label's width with its
/// quiet zones, if it is wide enough to scan.
fn module_mm(modules: usize) -> Option<f32> {
    let x = (WIDTH / (modules + 2 * QUIET_ZONE) as f32).min(MAX_MODULE_MM);
    (x >= MIN_MODULE_MM).then_some(x)
}

/// Renders one A6 page per parcel, in order, and returns the PDF file.
pub fn parcels(labels: &[ParcelLabel], captions: &ParcelCaptions) -> Result<Vec<u8>, LabelError> {
    if labels.is_empty() {
        return Err(LabelError::NoLabels);
    }
    if labels.len() > MAX_PARCEL_LABELS {
        return Err(LabelError::TooMany { count: labels.len(), max: MAX_PARCEL_LABELS });
    }
    let checked: Vec<Checked> = labels.iter().enumerate().map(|(i, l)| check(i, l)).collect::<Result<_, _>>()?;
    let mut fonts = Fonts { regular: Font::regular(), bold: Font::bold() };
    let mut pdf = Pdf::new();
    let mut next_id = FIRST_FREE_ID;
    let mut pages = Vec::with_capacity(labels.len());
    for (label, symbols) in labels.iter().zip(&checked) {
        let mut page = Page::new(&mut fonts);
        page.draw(label, symbols, captions);
        let (page_id, content_id, image_id) = (Ref::new(next_id), Ref::new(next_id + 1), Ref::new(next_id + 2));
        next_id += 3;
        let content = page.content.finish();
        pdf.stream(content_id, &deflate(&content)).filter(Filter::FlateDecode);
        qr::write_image(&mut pdf, image_id, &symbols.qr);
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_MM.0 * PT_PER_MM, PAGE_MM.1 * PT_PER_MM));
        page.parent(PAGE_TREE);
        page.contents(content_id);
        let mut resources = page.resources();
        document::add_fonts(&mut resources);
        resources.x_objects().pair(QR_NAME, image_id);
        drop(resources);
        drop(page);
        pages.push(page_id);
    }
    let title = match labels {
        [one] => one.order_code.clone(),
        _ => format!("{} ({})", labels[0].order_code, labels.len()),
    };
    document::finish(pdf, &fonts, pages, Some(&title), "dacsan parcel labels")
}

const QR_NAME: Name = Name(b"Qr");

/// A label's symbols, encoded once its fields are checked.
struct Checked {
    qr: qr::Bitmap,
    barcode: Vec<bool>,
    sscc: Option<Vec<bool>>,
}

fn check(index: usize, label: &ParcelLabel) -> Result<Checked, LabelError> {
    if label.number == 0 || label.number > label.count {
        return Err(LabelError::ParcelNumber { index, number: label.number, count: label.count });
    }
    if label.weight_g <= 0 {
        return Err(LabelError::Weight { index, grams: label.weight_g });
    }
    match label.cash {
        Cash::Collect(vnd) if vnd <= 0 => return Err(LabelError::Cash { index, vnd }),
        Cash::WithParcel(n) if n == 0 || n > label.count || n == label.number => {
            return Err(LabelError::ParcelNumber { index, number: n, count: label.count });
        }
        _ => {}
    }
    if label.url.trim().is_empty() {
        return Err(LabelError::EmptyUrl { index });
    }
    let qr = qr::encode(label.url.trim(), QR_MM)
        .ok_or(LabelError::QrTooLong { index, chars: label.url.trim().chars().count() })?;
    let barcode = code128::modules(label.barcode.trim(), false)
        .ok()
        .filter(|modules| module_mm(modules.len()).is_some())
        .ok_or_else(|| LabelError::Barcode { index, value: label.barcode.clone() })?;
    let sscc = match &label.sscc {
        None => None,
        Some(sscc) if is_sscc(sscc) => Some(
            code128::modules(&format!("00{sscc}"), true)
                .map_err(|_| LabelError::Sscc { index, value: sscc.clone() })?,
        ),
        Some(sscc) => return Err(LabelError::Sscc { index, value: sscc.clone() }),
    };
    Ok(Checked { qr, barcode, sscc })
}

/// 18 digits whose last is the GS1 check digit of the others (GS1 General
/// Specifications §7.9.1: weights 3, 1, 3… from the right).
fn is_sscc(value: &str) -> bool {
    let digits = value.as_bytes();
    if digits.len() != 18 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 =
        digits[..17].iter().rev().enumerate().map(|(i, d)| u32::from(d - b'0') * if i % 2 == 0 { 3 } else { 1 }).sum();
    (10 - sum % 10) % 10 == u32::from(digits[17] - b'0')
}

/// `1250000` as `1.250.000 ₫`.
fn money(vnd: i64) -> String {
    let digits = vnd.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    format!("{}{out} ₫", if vnd < 0 { "−" } else { "" })
}

/// `600` as `600 g`, `1250` as `1,25 kg` (Vietnamese decimal comma).
fn weight(grams: i64) -> String {
    if grams < 1000 {
        return format!("{grams} g");
    }
    let (kg, rest) = (grams / 1000, grams % 1000);
    let decimals = format!("{:03}", rest / 10 * 10);
    let decimals = decimals.trim_end_matches('0');
    if decimals.is_empty() { format!("{kg} kg") } else { format!("{kg},{decimals} kg") }
}

/// A piece of text as placed, for the layout tests.
#[derive(Debug, Clone)]
#[cfg_attr(not(test), expect(dead_code, reason = "read by the layout tests only"))]
struct Placed {
    x: f32,
    baseline: f32,
    width: f32,
    size: f32,
    bold: bool,
    text: String,
}

/// One page being drawn, in mm from the top left.
struct Page<'a> {
    fonts: &'a mut Fonts,
    content: Content,
    placed: Vec<Placed>,
}

impl<'a> Page<'a> {
    fn new(fonts: &'a mut Fonts) -> Page<'a> {
        Page { fonts, content: Content::new(), placed: Vec::new() }
    }

    fn font(&self, bold: bool) -> &Font {
        if bold { &self.fonts.bold } else { &self.fonts.regular }
    }

    /// Width of `text` in mm.
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        self.font(bold).width(text, size) / PT_PER_MM
    }

    /// Height of a line of `size` points, in mm.
    fn line(size: f32) -> f32 {
        size * LEADING / PT_PER_MM
    }

    /// Shows `text` in the line slot whose top is `top`, from `x` (mm).
    fn show(&mut self, x: f32, top: f32, size: f32, bold: bool, gray: f32, text: &str) {
        let ascent = self.font(bold).ascent(size);
        let descent = self.font(bold).descent(size);
        let slot = size * LEADING;
        let baseline = (PAGE_MM.1 - top) * PT_PER_MM - (slot - ascent - descent) / 2.0 - ascent;
        let (font, name) =
            if bold { (&mut self.fonts.bold, BOLD_NAME) } else { (&mut self.fonts.regular, REGULAR_NAME) };
        let width = font.width(text, size);
        let encoded = font.encode(text);
        let c = &mut self.content;
        c.set_fill_gray(gray);
        c.begin_text();
        c.set_font(name, size);
        c.set_text_matrix([1.0, 0.0, 0.0, 1.0, x * PT_PER_MM, baseline]);
        c.show(Str(&encoded));
        c.end_text();
        self.placed.push(Placed { x: x * PT_PER_MM, baseline, width, size, bold, text: text.to_string() });
    }

    /// One line cut to `width` mm: at `size` if it fits, else a little smaller,
    /// else cut with "…". Returns the size used.
    fn fitted(&self, text: &str, size: f32, bold: bool, width: f32) -> (String, f32) {
        let natural = self.width(text, size, bold);
        if natural <= width {
            return (text.to_string(), size);
        }
        let smaller = (size * width / natural).max(size * 0.8);
        (ellipsize(self.font(bold), text, smaller, width * PT_PER_MM), smaller)
    }

    fn fitted_line(&mut self, x: f32, top: f32, size: f32, bold: bool, width: f32, text: &str) -> f32 {
        let (text, used) = self.fitted(&clean(text), size, bold, width);
        if !text.is_empty() {
            self.show(x, top, used, bold, 0.0, &text);
        }
        Page::line(size)
    }

    fn caption(&mut self, x: f32, top: f32, text: &str) -> f32 {
        let text = clean(text).to_uppercase();
        let (text, size) = self.fitted(&text, CAPTION_PT, true, WIDTH);
        self.show(x, top, size, true, GRAY, &text);
        Page::line(CAPTION_PT)
    }

    fn rule(&mut self, top: f32) {
        let y = (PAGE_MM.1 - top) * PT_PER_MM;
        let c = &mut self.content;
        c.set_stroke_gray(0.0);
        c.set_line_width(0.8);
        c.move_to(MARGIN * PT_PER_MM, y);
        c.line_to((MARGIN + WIDTH) * PT_PER_MM, y);
        c.stroke();
    }

    fn draw(&mut self, label: &ParcelLabel, symbols: &Checked, captions: &ParcelCaptions) {
        self.header(label, captions);
        self.rule(SENDER_TOP - 1.0);
        self.sender(&label.sender, captions);
        self.rule(RECIPIENT_TOP - 1.0);
        self.recipient(&label.recipient, captions);
        self.qr();
        self.cash(label, captions);
        self.caption(MARGIN, TRACKING_TOP, &captions.tracking);
        let top = TRACKING_TOP + Page::line(CAPTION_PT);
        self.barcode(&symbols.barcode, top, TRACKING_BARS, &clean(&label.barcode));
        if let (Some(modules), Some(sscc)) = (&symbols.sscc, &label.sscc) {
            self.caption(MARGIN, SSCC_TOP, "SSCC");
            let top = SSCC_TOP + Page::line(CAPTION_PT);
            self.barcode(modules, top, SSCC_BARS, &format!("(00) {sscc}"));
        }
        self.footer(label, captions);
    }

    /// The order code and how the parcel travels at the left; "Kiện n/N" and
    /// the weight at the right.
    fn header(&mut self, label: &ParcelLabel, captions: &ParcelCaptions) {
        let number = format!("{} {}/{}", clean(&captions.parcel).to_uppercase(), label.number, label.count);
        let number_width = self.width(&number, 14.0, true);
        self.show(MARGIN + WIDTH - number_width, HEADER_TOP, 14.0, true, 0.0, &number);
        let weight = weight(label.weight_g);
        let weight_width = self.width(&weight, 9.0, false);
        self.show(MARGIN + WIDTH - weight_width, HEADER_TOP + Page::line(14.0), 9.0, false, 0.0, &weight);
        let left = WIDTH - number_width.max(weight_width) - 3.0;
        let used = self.fitted_line(MARGIN, HEADER_TOP, 16.0, true, left, &label.order_code);
        self.fitted_line(MARGIN, HEADER_TOP + used, 8.0, false, left, &label.carrier);
    }

    fn sender(&mut self, sender: &Party, captions: &ParcelCaptions) {
        let mut top = SENDER_TOP;
        top += self.caption(MARGIN, top, &captions.from);
        top += self.fitted_line(MARGIN, top, 9.0, true, WIDTH, &sender.name);
        let place = [sender.street.as_str(), sender.place.as_str()]
            .iter()
            .map(|s| clean(s))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        top += self.fitted_line(MARGIN, top, 8.0, false, WIDTH, &place);
        self.fitted_line(MARGIN, top, 8.0, false, WIDTH, &sender.phone);
    }

    /// The recipient in the column left of the QR code: name and phone large, the
    /// street and the place on up to two lines each; the whole block shrinks when
    /// it would run into the cash box.
    fn recipient(&mut self, recipient: &Party, captions: &ParcelCaptions) {
        let width = WIDTH - QR_MM - 1.0;
        let room = CASH_TOP - 1.0 - RECIPIENT_TOP - Page::line(CAPTION_PT);
        let mut scale = 1.0;
        let mut lines = self.recipient_lines(recipient, width, scale);
        for _ in 0..8 {
            let height: f32 = lines.iter().map(|(_, size, _)| Page::line(*size)).sum();
            if height <= room {
                break;
            }
            scale *= (room / height).min(0.95);
            lines = self.recipient_lines(recipient, width, scale);
        }
        let mut top = RECIPIENT_TOP;
        top += self.caption(MARGIN, top, &captions.to);
        for (text, size, bold) in lines {
            self.show(MARGIN, top, size, bold, 0.0, &text);
            top += Page::line(size);
        }
    }

    fn recipient_lines(&self, r: &Party, width: f32, scale: f32) -> Vec<(String, f32, bool)> {
        let mut lines = Vec::new();
        for (text, size, bold, max_lines) in
            [(&r.name, 12.0, true, 1), (&r.phone, 11.0, true, 1), (&r.street, 9.0, false, 2), (&r.place, 9.0, false, 2)]
        {
            let text = clean(text);
            if text.is_empty() {
                continue;
            }
            let size = size * scale;
            if max_lines == 1 {
                let (line, used) = self.fitted(&text, size, bold, width);
                lines.push((line, used, bold));
            } else {
                for line in wrap(self.font(bold), &text, size, width * PT_PER_MM, max_lines) {
                    lines.push((line, size, bold));
                }
            }
        }
        lines
    }

    /// The QR code at the right of the recipient, its quiet zone inside the square.
    fn qr(&mut self) {
        let (x, top) = (MARGIN + WIDTH - QR_MM, RECIPIENT_TOP);
        let side = QR_MM * PT_PER_MM;
        let c = &mut self.content;
        c.save_state();
        c.transform([side, 0.0, 0.0, side, x * PT_PER_MM, (PAGE_MM.1 - top - QR_MM) * PT_PER_MM]);
        c.x_object(QR_NAME);
        c.restore_state();
    }

    /// The cash box: what to collect, large, in a heavy frame.
    fn cash(&mut self, label: &ParcelLabel, captions: &ParcelCaptions) {
        let (text, size) = match label.cash {
            Cash::Collect(vnd) => (format!("{}: {}", clean(&captions.cod).to_uppercase(), money(vnd)), 15.0),
            Cash::Paid => (clean(&captions.paid).to_uppercase(), 11.0),
            Cash::WithParcel(n) => (format!("{} {n}/{}", clean(&captions.cod_with_parcel), label.count), 11.0),
        };
        let weight = if matches!(label.cash, Cash::Collect(_)) { 1.6 } else { 0.6 };
        let c = &mut self.content;
        c.set_stroke_gray(0.0);
        c.set_line_width(weight * PT_PER_MM / 2.0);
        let inset = weight / 4.0;
        c.rect(
            (MARGIN + inset) * PT_PER_MM,
            (PAGE_MM.1 - CASH_TOP - CASH_HEIGHT + inset) * PT_PER_MM,
            (WIDTH - 2.0 * inset) * PT_PER_MM,
            (CASH_HEIGHT - 2.0 * inset) * PT_PER_MM,
        );
        c.stroke();
        let (text, used) = self.fitted(&text, size, true, WIDTH - 6.0);
        let x = MARGIN + (WIDTH - self.width(&text, used, true)) / 2.0;
        let top = CASH_TOP + (CASH_HEIGHT - Page::line(used)) / 2.0;
        self.show(x, top, used, true, 0.0, &text);
    }

    /// A Code 128 symbol centred across the label, `height` mm of bars from `top`,
    /// and its human-readable line under it.
    fn barcode(&mut self, modules: &[bool], top: f32, height: f32, text: &str) {
        let x_dim = module_mm(modules.len()).unwrap_or(MIN_MODULE_MM);
        let left = MARGIN + (WIDTH - x_dim * modules.len() as f32) / 2.0;
        let bottom = (PAGE_MM.1 - top - height) * PT_PER_MM;
        let c = &mut self.content;
        c.set_fill_gray(0.0);
        let mut i = 0;
        while i < modules.len() {
            if !modules[i] {
                i += 1;
                continue;
            }
            let run = modules[i..].iter().take_while(|m| **m).count();
            c.rect((left + i as f32 * x_dim) * PT_PER_MM, bottom, run as f32 * x_dim * PT_PER_MM, height * PT_PER_MM);
            i += run;
        }
        c.fill_nonzero();
        let size = 9.0;
        let (text, used) = self.fitted(text, size, false, WIDTH);
        let x = MARGIN + (WIDTH - self.width(&text, used, false)) / 2.0;
        self.show(x, top + height + 0.3, used, false, 0.0, &text);
    }

    fn footer(&mut self, label: &ParcelLabel, captions: &ParcelCaptions) {
        let code = clean(&label.parcel_code);
        let code_width = self.width(&code, 8.0, true);
        self.show(MARGIN + WIDTH - code_width, FOOTER_TOP, 8.0, true, 0.0, &code);
        self.fitted_line(MARGIN, FOOTER_TOP, 7.0, false, WIDTH - code_width - 3.0, &captions.scan);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ParcelLabel {
        ParcelLabel {
            order_code: "DS7K2M9QXA".into(),
            parcel_code: "DS7K2M9QXA-1".into(),
            number: 1,
            count: 2,
            carrier: "Tự giao".into(),
            sender: Party {
                name: "HTX Chè Shan tuyết Sìn Hồ".into(),
                phone: "0912 345 678".into(),
                street: "Bản Sìn Hồ".into(),
                place: "Xã Sìn Hồ, Tỉnh Lai Châu".into(),
            },
            recipient: Party {
                name: "Lò Thị Hoa".into(),
                phone: "0987 654 321".into(),
                street: "Số 1 Hàng Bạc".into(),
                place: "Phường Hoàn Kiếm, Thành phố Hà Nội".into(),
            },
            weight_g: 1250,
            cash: Cash::Collect(1_250_000),
            url: "https://dacsan.vn/orders/DS7K2M9QXA#DS7K2M9QXA-1".into(),
            barcode: "DS7K2M9QXA-1".into(),
            sscc: Some("106141412345678908".into()),
        }
    }

    fn long() -> ParcelLabel {
        let party = Party {
            name: "Hợp tác xã Nông nghiệp và Dịch vụ Chè Shan tuyết cổ thụ Tả Phìn Sìn Hồ Lai Châu".into(),
            phone: "0912 345 678 / 0987 654 321 / 0203 3876 543".into(),
            street: "Số nhà 123, ngõ 45, ngách 67, đường Nguyễn Thị Minh Khai kéo dài, tổ dân phố số 18, khu đô thị mới Bắc An Khánh".into(),
            place: "Phường Tây Hồ Tây Bắc Mở Rộng Theo Nghị Quyết Mới, Thành phố Hồ Chí Minh".into(),
        };
        ParcelLabel {
            carrier: "Xe khách tuyến Lai Châu – Hà Nội, nhà xe Hoàng Long, gửi tại bến xe Mỹ Đình".into(),
            order_code: "DS7K2M9QXAXXXXXXXXXXXXXXXX".into(),
            sender: party.clone(),
            recipient: party,
            cash: Cash::Collect(9_999_999_999),
            ..sample()
        }
    }

    /// Every text line stays on the page inside the margins, the recipient's clear
    /// of the QR code, whatever the fields hold.
    #[test]
    fn nothing_runs_off_the_label_or_over_the_qr_code() {
        for label in [sample(), long()] {
            let symbols = check(0, &label).unwrap();
            let mut fonts = Fonts { regular: Font::regular(), bold: Font::bold() };
            let mut page = Page::new(&mut fonts);
            page.draw(&label, &symbols, &ParcelCaptions::default());
            let placed = page.placed.clone();
            assert!(placed.iter().any(|p| p.text.starts_with("THU HỘ (COD): ")), "{placed:?}");
            let fonts = Fonts { regular: Font::regular(), bold: Font::bold() };
            let (left, right) = (MARGIN * PT_PER_MM, (MARGIN + WIDTH) * PT_PER_MM);
            let qr_left = (MARGIN + WIDTH - QR_MM) * PT_PER_MM;
            let qr_bottom = (PAGE_MM.1 - RECIPIENT_TOP - QR_MM) * PT_PER_MM;
            for p in &placed {
                let font = if p.bold { &fonts.bold } else { &fonts.regular };
                assert!(p.x >= left - 0.01 && p.x + p.width <= right + 0.01, "{p:?}");
                assert!(p.baseline - font.descent(p.size) >= MARGIN * PT_PER_MM - 0.01, "{p:?}");
                assert!(p.baseline + font.ascent(p.size) <= (PAGE_MM.1 - MARGIN) * PT_PER_MM + 0.01, "{p:?}");
                if p.baseline > qr_bottom && p.baseline < (PAGE_MM.1 - RECIPIENT_TOP) * PT_PER_MM {
                    assert!(p.x + p.width <= qr_left + 0.01, "beside the QR code: {p:?}");
                }
                assert!(p.size >= 5.0, "unreadably small: {p:?}");
            }
            let cash_top = (PAGE_MM.1 - CASH_TOP) * PT_PER_MM;
            let recipient: Vec<&Placed> = placed.iter().filter(|p| p.x < qr_left && p.baseline > cash_top).collect();
            assert!(recipient.len() >= 4, "{recipient:?}");
            assert!(recipient.iter().all(|p| p.baseline - 2.0 > cash_top), "clear of the cash box: {recipient:?}");
        }
    }

    #[test]
    fn money_and_weights_are_written_the_vietnamese_way() {
        assert_eq!(money(1_250_000), "1.250.000 ₫");
        assert_eq!(money(500), "500 ₫");
        assert_eq!(money(1000), "1.000 ₫");
        assert_eq!(weight(600), "600 g");
        assert_eq!(weight(1250), "1,25 kg");
        assert_eq!(weight(2000), "2 kg");
        assert_eq!(weight(1005), "1 kg");
    }

    #[test]
    fn bars_are_never_narrower_than_a_third_of_a_millimetre() {
        assert_eq!(module_mm(156), Some(MAX_MODULE_MM), "an SSCC gets GS1's 0.5 mm");
        assert!(barcode_fits("EE123456789VN"));
        assert!(barcode_fits("DS7K2M9QXA-12"));
        assert!(!barcode_fits(&"X".repeat(30)));
        assert!(barcode_fits(&"1".repeat(40)), "digits pack two to a symbol");
        assert!(!barcode_fits("MÃ-ĐƠN"));
        for chars in 1..40 {
            let modules = code128::modules(&"A".repeat(chars), false).unwrap().len();
            if let Some(x) = module_mm(modules) {
                assert!(x >= MIN_MODULE_MM);
                assert!(x * (modules + 2 * QUIET_ZONE) as f32 <= WIDTH + 0.01, "quiet zones inside the label");
            }
        }
    }

    #[test]
    fn sscc_check_digits_are_checked() {
        assert!(is_sscc("106141412345678908"));
        assert!(!is_sscc("106141412345678907"));
        assert!(!is_sscc("10614141234567890"));
        assert!(!is_sscc("10614141234567890x"));
    }
}
