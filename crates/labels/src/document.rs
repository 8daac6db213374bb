//! What every PDF this crate writes shares: its first objects (catalog, page tree,
//! information, the two embedded fonts), the fonts' resource names, and how the file
//! is closed once its pages are written.

use pdf_writer::writers::Resources;
use pdf_writer::{Name, Pdf, Ref, TextStr};

use crate::LabelError;
use crate::text::Fonts;

const CATALOG: Ref = Ref::new(1);
pub(crate) const PAGE_TREE: Ref = Ref::new(2);
const INFO: Ref = Ref::new(3);
/// Each font takes five objects from its id on (see [`crate::font::Font::write`]).
const REGULAR_FONT: Ref = Ref::new(4);
const BOLD_FONT: Ref = Ref::new(9);
/// The first object id pages and images may take.
pub(crate) const FIRST_FREE_ID: i32 = 14;

pub(crate) const REGULAR_NAME: Name = Name(b"F1");
pub(crate) const BOLD_NAME: Name = Name(b"F2");

/// Makes both fonts available to a page under [`REGULAR_NAME`] and [`BOLD_NAME`].
pub(crate) fn add_fonts(resources: &mut Resources) {
    resources.fonts().pair(REGULAR_NAME, REGULAR_FONT).pair(BOLD_NAME, BOLD_FONT);
}

/// Writes the catalog, the page tree over `pages`, the information (`title` if
/// any) and the fonts with the glyphs the pages used, and returns the file.
pub(crate) fn finish(
    mut pdf: Pdf,
    fonts: &Fonts,
    pages: Vec<Ref>,
    title: Option<&str>,
    producer: &str,
) -> Result<Vec<u8>, LabelError> {
    pdf.catalog(CATALOG).pages(PAGE_TREE);
    pdf.pages(PAGE_TREE).count(pages.len() as i32).kids(pages);
    let mut info = pdf.document_info(INFO);
    if let Some(title) = title {
        info.title(TextStr(title));
    }
    info.producer(TextStr(producer));
    drop(info);
    fonts.regular.write(&mut pdf, REGULAR_FONT)?;
    fonts.bold.write(&mut pdf, BOLD_FONT)?;
    Ok(pdf.finish())
}
