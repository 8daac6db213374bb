//! Fitting a label's text into the space beside its QR code: the title wraps to two
//! lines and is then cut with an ellipsis, the other lines shrink a little and are
//! then cut, and the whole block shrinks until it fits the height. Nothing is drawn
//! outside the box.

use unicode_normalization::UnicodeNormalization;

use crate::Label;
use crate::font::Font;

/// Line height as a multiple of the font size: DejaVu's ascender plus descender
/// (1.16 em, room for Vietnamese stacked marks) and a little air.
const LEADING: f32 = 1.2;

/// The smallest a body line may shrink to, relative to its size, before it is cut.
const MIN_SHRINK: f32 = 0.75;

/// The title is tried at this size relative to its own before it is cut.
const TITLE_SHRINK: f32 = 0.85;

/// The two faces a label uses.
pub(crate) struct Fonts {
    /// For everything but the title.
    pub regular: Font,
    /// For the title.
    pub bold: Font,
}

/// A rectangle on the page in points, origin at the bottom left.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Area {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// One line of text placed on the page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub bold: bool,
    pub size: f32,
    pub text: String,
    /// Left end of the baseline, in points.
    pub x: f32,
    pub baseline: f32,
}

/// The lines of a label as they will be printed, before placing.
struct Block {
    title: Vec<String>,
    title_size: f32,
    body: Vec<(String, f32)>,
    body_size: f32,
}

/// The printed lines of `label` within `area`, with the title at `title_pt` and the
/// other lines at `body_pt` unless the block must shrink to fit the height.
pub(crate) fn lay_out(label: &Label, fonts: &Fonts, area: Area, title_pt: f32, body_pt: f32) -> Vec<Line> {
    let body = body_texts(label);
    let mut scale = 1.0;
    let mut block = fit(label, &body, fonts, area.width, title_pt, body_pt);
    for _ in 0..8 {
        let height = block_height(&block);
        if height <= area.height {
            break;
        }
        scale *= (area.height / height).min(0.95);
        block = fit(label, &body, fonts, area.width, title_pt * scale, body_pt * scale);
    }
    place(&block, fonts, area)
}

/// The lines under the title, in print order.
fn body_texts(label: &Label) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(stars) = label.stars {
        lines.push(format!("OCOP {}", "★".repeat(usize::from(stars))));
    }
    lines.push(format!("Lô: {}", clean(&label.lot)));
    if let Some(expires) = &label.expires {
        lines.push(format!("HSD: {}", clean(expires)));
    }
    if let Some(serial) = &label.serial {
        lines.push(format!("Số: {}", clean(serial)));
    }
    lines
}

/// Text as printed: composed to NFC, since a decomposed "ặ" (a + two combining
/// marks) would print its marks at the font's default place without a shaper, and
/// control characters (a stray newline or tab) as spaces.
pub(crate) fn clean(text: &str) -> String {
    text.nfc().map(|c| if c.is_control() { ' ' } else { c }).collect::<String>().trim().to_string()
}

/// Wraps and cuts every line for `width` at the given sizes.
fn fit(label: &Label, body: &[String], fonts: &Fonts, width: f32, title_pt: f32, body_pt: f32) -> Block {
    let (title, title_size) = fit_title(&fonts.bold, &clean(&label.title), title_pt, width);
    let body = body.iter().flat_map(|text| fit_line(&fonts.regular, text, body_pt, width)).collect();
    Block { title, title_size, body, body_size: body_pt }
}

/// The title in at most two lines: at its size if it fits, else a little smaller,
/// else cut with an ellipsis.
fn fit_title(font: &Font, title: &str, size: f32, width: f32) -> (Vec<String>, f32) {
    let lines = wrap(font, title, size, width, 2);
    if !lines.last().is_some_and(|line| line.ends_with('…')) {
        return (lines, size);
    }
    let smaller = size * TITLE_SHRINK;
    (wrap(font, title, smaller, width, 2), smaller)
}

/// One line: at its size, else shrunk down to [`MIN_SHRINK`], else broken between
/// letters onto a second line (a serial number is better split than cut), whose
/// end is cut if it still does not fit.
fn fit_line(font: &Font, text: &str, size: f32, width: f32) -> Vec<(String, f32)> {
    if let Some(fitted) = shrink(font, text, size, width) {
        return vec![fitted];
    }
    let (head, tail) = split_word(font, text, size, width);
    let tail = tail.trim_start();
    let tail = shrink(font, tail, size, width).unwrap_or_else(|| {
        let smallest = size * MIN_SHRINK;
        (ellipsize(font, tail, smallest, width), smallest)
    });
    vec![(head, size), tail]
}

/// `text` at `size`, or smaller down to [`MIN_SHRINK`] so that it fits `width`.
fn shrink(font: &Font, text: &str, size: f32, width: f32) -> Option<(String, f32)> {
    let natural = font.width(text, size);
    if natural <= width {
        return Some((text.to_string(), size));
    }
    let shrunk = size * width / natural;
    (shrunk >= size * MIN_SHRINK).then(|| (text.to_string(), shrunk))
}

/// Greedy word wrap into at most `max_lines` lines; a word wider than the line is
/// broken between letters, and what does not fit in the last line is cut.
pub(crate) fn wrap(font: &Font, text: &str, size: f32, width: f32, max_lines: usize) -> Vec<String> {
    let mut words: Vec<String> = text.split_whitespace().rev().map(str::to_string).collect();
    let mut lines = Vec::new();
    while !words.is_empty() {
        if lines.len() + 1 == max_lines {
            let rest: Vec<String> = words.drain(..).rev().collect();
            lines.push(ellipsize(font, &rest.join(" "), size, width));
            break;
        }
        let mut line = String::new();
        while let Some(word) = words.pop() {
            let candidate = if line.is_empty() { word.clone() } else { format!("{line} {word}") };
            if font.width(&candidate, size) <= width {
                line = candidate;
            } else if line.is_empty() {
                let (head, tail) = split_word(font, &word, size, width);
                line = head;
                words.push(tail);
                break;
            } else {
                words.push(word);
                break;
            }
        }
        lines.push(line);
    }
    lines
}

/// The longest start of `word` that fits `width` (at least one letter), and the rest.
fn split_word(font: &Font, word: &str, size: f32, width: f32) -> (String, String) {
    let mut end = word.chars().next().map_or(0, char::len_utf8);
    for (i, c) in word.char_indices().skip(1) {
        if font.width(&word[..i + c.len_utf8()], size) > width {
            break;
        }
        end = i + c.len_utf8();
    }
    (word[..end].to_string(), word[end..].to_string())
}

/// `text` cut at the end with `…` so that it fits `width`; unchanged if it fits.
/// Whole words are kept where at least one fits: "Bắc Hà…" rather than "Bắc Hà đặ…".
pub(crate) fn ellipsize(font: &Font, text: &str, size: f32, width: f32) -> String {
    if font.width(text, size) <= width {
        return text.to_string();
    }
    let fits = |candidate: &String| font.width(candidate, size) <= width;
    let words: Vec<&str> = text.split_whitespace().collect();
    let by_words = (1..words.len()).rev().map(|n| format!("{}…", words[..n].join(" "))).find(fits);
    by_words.unwrap_or_else(|| {
        let mut cut = text.to_string();
        while cut.pop().is_some() {
            let candidate = format!("{}…", cut.trim_end());
            if fits(&candidate) {
                return candidate;
            }
        }
        String::new()
    })
}

/// Height of the block as placed by [`place`].
fn block_height(block: &Block) -> f32 {
    let title = block.title.len() as f32 * block.title_size * LEADING;
    let body = block.body.len() as f32 * block.body_size * LEADING;
    let gap = if block.title.is_empty() || block.body.is_empty() { 0.0 } else { block.body_size * 0.3 };
    title + gap + body
}

/// Stacks the block's lines, centred vertically in `area`, left-aligned.
fn place(block: &Block, fonts: &Fonts, area: Area) -> Vec<Line> {
    let height = block_height(block);
    let mut top = area.y + area.height - ((area.height - height) / 2.0).max(0.0);
    let mut lines = Vec::new();
    let mut push = |text: &str, bold: bool, size: f32, slot: f32, top: &mut f32| {
        let font = if bold { &fonts.bold } else { &fonts.regular };
        // Centre the glyphs' ascent + descent in the slot.
        let baseline = *top - (slot - font.ascent(size) - font.descent(size)) / 2.0 - font.ascent(size);
        lines.push(Line { bold, size, text: text.to_string(), x: area.x, baseline });
        *top -= slot;
    };
    for text in &block.title {
        push(text, true, block.title_size, block.title_size * LEADING, &mut top);
    }
    if !block.title.is_empty() && !block.body.is_empty() {
        top -= block.body_size * 0.3;
    }
    for (text, size) in &block.body {
        push(text, false, *size, block.body_size * LEADING, &mut top);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts { regular: Font::regular(), bold: Font::bold() }
    }

    #[test]
    fn decomposed_vietnamese_is_composed() {
        assert_eq!(clean("Ma\u{323}\u{306}t\nong"), "Mặt ong");
    }

    #[test]
    fn short_text_is_left_alone() {
        let font = Font::regular();
        assert_eq!(wrap(&font, "Chè Shan tuyết", 8.0, 200.0, 2), ["Chè Shan tuyết"]);
        assert_eq!(ellipsize(&font, "L01", 8.0, 200.0), "L01");
    }

    #[test]
    fn long_titles_wrap_to_two_lines_then_are_cut() {
        let font = Font::bold();
        let title = "Mật ong bạc hà Đồng Văn thượng hạng từ cao nguyên đá Hà Giang";
        let lines = wrap(&font, title, 8.0, 80.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(title.starts_with(&lines[0]), "{lines:?}");
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|line| font.width(line, 8.0) <= 80.0));
    }

    #[test]
    fn cuts_between_words_where_a_word_fits() {
        let font = Font::regular();
        let width = font.width("lá Bắc Hà đặ…", 8.0);
        assert_eq!(ellipsize(&font, "lá Bắc Hà đặc biệt", 8.0, width), "lá Bắc Hà…");
        let width = font.width("AB12C…", 8.0);
        assert_eq!(ellipsize(&font, "AB12CD34EF", 8.0, width), "AB12C…");
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken_between_letters() {
        let font = Font::regular();
        let lines = wrap(&font, "Siêuuuuuuuuuuuuuuuuuuuuuuudài", 8.0, 40.0, 3);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|line| font.width(line, 8.0) <= 40.0 && !line.is_empty()));
        assert!(lines[0].starts_with("Siêu"));
    }

    #[test]
    fn lines_shrink_then_break_then_are_cut() {
        let font = Font::regular();
        let text = "Số: AB12CD34EF";
        let natural = font.width(text, 6.0);
        let lines = fit_line(&font, text, 6.0, natural * 0.9);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].0, text);
        assert!(lines[0].1 < 6.0 && lines[0].1 >= 6.0 * MIN_SHRINK);

        let lines = fit_line(&font, text, 6.0, natural * 0.6);
        assert_eq!(lines.len(), 2);
        assert_eq!(format!("{}{}", lines[0].0, lines[1].0), text);

        let lines = fit_line(&font, text, 6.0, natural * 0.3);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].0.ends_with('…'), "{lines:?}");
        for (line, size) in &lines {
            assert!(font.width(line, *size) <= natural * 0.3 + 0.01, "{line}");
        }
    }

    #[test]
    fn the_block_shrinks_to_the_height() {
        let fonts = fonts();
        let label = Label {
            title: "Mật ong bạc hà Đồng Văn".into(),
            stars: Some(4),
            lot: "L01".into(),
            expires: Some("31/12/2026".into()),
            serial: Some("AB12CD34EF".into()),
            url: String::new(),
        };
        let area = Area { x: 0.0, y: 0.0, width: 200.0, height: 30.0 };
        let lines = lay_out(&label, &fonts, area, 10.0, 9.0);
        assert_eq!(lines.len(), 5);
        for line in &lines {
            let font = if line.bold { &fonts.bold } else { &fonts.regular };
            assert!(line.baseline + font.ascent(line.size) <= area.height + 0.01, "{line:?}");
            assert!(line.baseline - font.descent(line.size) >= -0.01, "{line:?}");
        }
        assert_eq!(lines[1].text, "OCOP ★★★★");
    }
}
