//! The embedded DejaVu Sans faces: measuring text, encoding it as glyph ids, and
//! writing a subset of each face into the PDF as a CID-keyed TrueType font.
//!
//! DejaVu Sans covers Vietnamese (precomposed letters such as ặ, ư, ơ, Đ) and ★. The
//! PDF gets only the glyphs the sheet uses (PDF 32000-1:2008 §9.6.4, font subsets),
//! a `/ToUnicode` map so the text can be searched and copied, and `/W` widths.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;
use ttf_parser::{Face, GlyphId};

use crate::LabelError;

/// DejaVu Sans 2.37 (see `fonts/LICENSE`).
const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold 2.37, for titles.
const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// One face as used on one sheet: its metrics and the glyphs used so far.
pub(crate) struct Font {
    name: &'static str,
    data: &'static [u8],
    face: Face<'static>,
    units_per_em: f32,
    /// Glyph shown for characters the face lacks.
    fallback: GlyphId,
    /// Original glyph id → id in the subset, which is also the CID written in text.
    remapper: GlyphRemapper,
    /// Subset glyph id → the character it was first used for, for `/ToUnicode`.
    chars: BTreeMap<u16, char>,
}

/// The object ids of one embedded font.
struct FontRefs {
    type0: Ref,
    cid: Ref,
    descriptor: Ref,
    file: Ref,
    to_unicode: Ref,
}

impl Font {
    /// DejaVu Sans.
    pub fn regular() -> Font {
        Font::new("DejaVuSans", REGULAR)
    }

    /// DejaVu Sans Bold.
    pub fn bold() -> Font {
        Font::new("DejaVuSans-Bold", BOLD)
    }

    fn new(name: &'static str, data: &'static [u8]) -> Font {
        let face = Face::parse(data, 0).expect("the embedded DejaVu font parses");
        let fallback = face.glyph_index('?').expect("DejaVu has a question mark");
        Font {
            name,
            data,
            units_per_em: f32::from(face.units_per_em()),
            face,
            fallback,
            remapper: GlyphRemapper::new(),
            chars: BTreeMap::new(),
        }
    }

    /// The glyph for `c`, or the question mark when the face has none: a `?` is
    /// honest where an empty `.notdef` box would hide the problem.
    pub fn glyph(&self, c: char) -> GlyphId {
        self.face.glyph_index(c).filter(|g| g.0 != 0).unwrap_or(self.fallback)
    }

    /// Whether the face has a real glyph for `c`.
    pub fn has_glyph(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some_and(|g| g.0 != 0)
    }

    /// The advance width of `text` at `size`, in the unit of `size` (points).
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text.chars().map(|c| u32::from(self.face.glyph_hor_advance(self.glyph(c)).unwrap_or(0))).sum();
        units as f32 * size / self.units_per_em
    }

    /// How far the tallest glyphs (with Vietnamese stacked marks) rise above the
    /// baseline at `size`.
    pub fn ascent(&self, size: f32) -> f32 {
        f32::from(self.face.ascender()) * size / self.units_per_em
    }

    /// How far descenders reach below the baseline at `size`, as a positive number.
    pub fn descent(&self, size: f32) -> f32 {
        -f32::from(self.face.descender()) * size / self.units_per_em
    }

    /// `text` as the two-byte CIDs of a `Tj` string (Identity-H), adding its glyphs
    /// to the subset.
    pub fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let shown = if self.has_glyph(c) { c } else { '?' };
            let cid = self.remapper.remap(self.glyph(c).0);
            self.chars.entry(cid).or_insert(shown);
            out.extend_from_slice(&cid.to_be_bytes());
        }
        out
    }

    /// Writes the font (Type0 → CIDFontType2 → descriptor → subset file, plus the
    /// `/ToUnicode` CMap) with the glyphs encoded so far; `id` is the Type0 font's id
    /// and the next four ids after it are taken too.
    pub fn write(&self, pdf: &mut Pdf, id: Ref) -> Result<(), LabelError> {
        let refs = FontRefs {
            type0: id,
            cid: Ref::new(id.get() + 1),
            descriptor: Ref::new(id.get() + 2),
            file: Ref::new(id.get() + 3),
            to_unicode: Ref::new(id.get() + 4),
        };
        let base_font = format!("{}+{}", self.subset_tag(), self.name);
        let base_font = Name(base_font.as_bytes());
        let system_info = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };

        pdf.type0_font(refs.type0)
            .base_font(base_font)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(refs.cid)
            .to_unicode(refs.to_unicode);

        let mut cid = pdf.cid_font(refs.cid);
        cid.subtype(CidFontType::Type2)
            .base_font(base_font)
            .system_info(system_info)
            .font_descriptor(refs.descriptor)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        let widths: Vec<f32> = self.remapper.remapped_gids().map(|old| self.pdf_units(self.advance(old))).collect();
        cid.widths().consecutive(0, widths);
        cid.finish();

        self.write_descriptor(pdf, &refs, base_font);

        let subset = subsetter::subset(self.data, 0, &self.remapper)
            .map_err(|err| LabelError::Font(format!("subsetting {}: {err:?}", self.name)))?;
        let subset = deflate(&subset);
        pdf.stream(refs.file, &subset).filter(Filter::FlateDecode);

        let mut cmap = UnicodeCmap::new(Name(b"Custom"), system_info);
        for (&cid, &c) in &self.chars {
            cmap.pair(cid, c);
        }
        let cmap = deflate(&cmap.finish());
        pdf.cmap(refs.to_unicode, &cmap).filter(Filter::FlateDecode);
        Ok(())
    }

    fn write_descriptor(&self, pdf: &mut Pdf, refs: &FontRefs, base_font: Name) {
        let bbox = self.face.global_bounding_box();
        let weight = self.face.weight().to_number();
        pdf.font_descriptor(refs.descriptor)
            .name(base_font)
            .flags(FontFlags::SYMBOLIC)
            .bbox(Rect::new(
                self.pdf_units(f32::from(bbox.x_min)),
                self.pdf_units(f32::from(bbox.y_min)),
                self.pdf_units(f32::from(bbox.x_max)),
                self.pdf_units(f32::from(bbox.y_max)),
            ))
            .italic_angle(0.0)
            .ascent(self.pdf_units(f32::from(self.face.ascender())))
            .descent(self.pdf_units(f32::from(self.face.descender())))
            .cap_height(self.pdf_units(f32::from(self.face.capital_height().unwrap_or(self.face.ascender()))))
            // The usual estimate from the weight class, as PDF readers only hint with it.
            .stem_v(10.0 + 0.244 * (f32::from(weight) - 50.0))
            .font_file2(refs.file);
    }

    fn advance(&self, glyph: u16) -> f32 {
        f32::from(self.face.glyph_hor_advance(GlyphId(glyph)).unwrap_or(0))
    }

    /// Font units → the thousandths of an em that PDF font dictionaries use.
    fn pdf_units(&self, units: f32) -> f32 {
        (units * 1000.0 / self.units_per_em).round()
    }

    /// Six capital letters naming this subset (PDF 32000-1:2008 §9.6.4), derived
    /// from the glyphs it holds so that different subsets get different names.
    fn subset_tag(&self) -> String {
        // FNV-1a over the glyph list.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for glyph in self.remapper.remapped_gids() {
            for byte in glyph.to_be_bytes() {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        (0..6)
            .map(|_| {
                let letter = char::from(b'A' + (hash % 26) as u8);
                hash /= 26;
                letter
            })
            .collect()
    }
}

/// Zlib-compresses a stream for `/FlateDecode`.
pub(crate) fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_letters_and_the_star_have_glyphs_in_both_faces() {
        for font in [Font::regular(), Font::bold()] {
            for c in "ĂÂĐÊÔƠƯăâđêôơưạặẫờữỹ★…".chars() {
                assert!(font.has_glyph(c), "{} lacks {c}", font.name);
            }
        }
    }

    #[test]
    fn missing_characters_fall_back_to_a_question_mark() {
        let font = Font::regular();
        assert_eq!(font.glyph('\u{E000}'), font.glyph('?'));
        assert_ne!(font.glyph('a'), font.glyph('?'));
    }

    #[test]
    fn encoding_gives_stable_subset_ids_starting_after_notdef() {
        let mut font = Font::regular();
        assert_eq!(font.encode("ab"), vec![0, 1, 0, 2]);
        assert_eq!(font.encode("ba"), vec![0, 2, 0, 1]);
        assert_eq!(font.chars.get(&1), Some(&'a'));
    }

    #[test]
    fn widths_grow_with_text_and_size() {
        let font = Font::regular();
        assert!(font.width("Mật ong", 10.0) > font.width("Mật", 10.0));
        assert!((font.width("Mật", 20.0) - 2.0 * font.width("Mật", 10.0)).abs() < 1e-3);
    }
}
