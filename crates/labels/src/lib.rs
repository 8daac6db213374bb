//! A4 PDF sheets of QR sticker labels for traceable products, A6 parcel labels
//! ([`parcels`]) and A4 reports ([`report`]).
//!
//! Each label carries a QR code with the item's GS1 Digital Link URL on its left,
//! filling the label's height, and beside it the product name, its OCOP stars, lot,
//! expiry date and serial number, in DejaVu Sans (Vietnamese, subset into the PDF).
//! A cooperative prints the sheet on an office laser printer onto die-cut decals
//! ([`Layout`]) and sticks one label on each jar or packet.
//!
//! ```
//! let label = labels::Label {
//!     title: "Mật ong bạc hà Đồng Văn".into(),
//!     stars: Some(4),
//!     lot: "L01".into(),
//!     expires: Some("31/12/2026".into()),
//!     serial: Some("AB12CD34EF".into()),
//!     url: "https://dacsan.vn/01/08934563138165/10/L01/21/AB12CD34EF".into(),
//! };
//! let pdf = labels::sheet(labels::Layout::A4x65, &[label]).unwrap();
//! assert!(pdf.starts_with(b"%PDF-"));
//! ```

mod code128;
mod document;
mod font;
mod layout;
mod parcel;
mod pdf;
mod qr;
pub mod report;
mod text;

pub use layout::{Layout, UnknownLayout};
pub use parcel::{Cash, MAX_PARCEL_LABELS, MIN_MODULE_MM, ParcelCaptions, ParcelLabel, Party, barcode_fits, parcels};

/// The most labels one sheet call renders: 20 000 labels are about 300 pages of
/// 5x13, more than a cooperative prints at once and still a few megabytes.
pub const MAX_LABELS: usize = 20_000;

/// What one sticker shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The product name in Vietnamese with diacritics, e.g. "Mật ong bạc hà Đồng Văn";
    /// wrapped to two lines and cut with "…" when longer.
    pub title: String,
    /// OCOP stars, 3 to 5, drawn as "OCOP ★★★★"; `None` for products without an
    /// OCOP certificate.
    pub stars: Option<u8>,
    /// The lot (batch) number, shown as "Lô: …".
    pub lot: String,
    /// The expiry date, already formatted (e.g. "31/12/2026"), shown as "HSD: …".
    pub expires: Option<String>,
    /// The item's serial number, shown as "Số: …".
    pub serial: Option<String>,
    /// The QR code's content: a GS1 Digital Link URL such as
    /// `https://dacsan.vn/01/08934563138165/10/L01/21/AB12CD34EF`.
    pub url: String,
}

/// Why a sheet could not be rendered. `index` is the label's position in the slice.
#[derive(Debug, thiserror::Error)]
pub enum LabelError {
    /// There is nothing to print.
    #[error("no labels to print")]
    NoLabels,
    /// More labels than [`MAX_LABELS`].
    #[error("{count} labels requested, at most {max} per sheet file")]
    TooMany { count: usize, max: usize },
    /// A label without a URL would carry a QR code that leads nowhere.
    #[error("label {index} has no URL")]
    EmptyUrl { index: usize },
    /// The URL needs a QR code whose modules would be under 0.4 mm on this layout.
    #[error("the URL of label {index} ({chars} characters) is too long for a readable QR code on {layout} labels")]
    UrlTooLong { index: usize, chars: usize, layout: Layout },
    /// OCOP ratings go from 3 to 5 stars (Decision 148/QĐ-TTg).
    #[error("label {index} has {stars} OCOP stars; OCOP ratings are 3 to 5 stars")]
    Stars { index: usize, stars: u8 },
    /// A parcel label's URL needs a QR code whose modules would be under 0.4 mm.
    #[error("the URL of parcel label {index} ({chars} characters) is too long for a readable QR code")]
    QrTooLong { index: usize, chars: usize },
    /// "Parcel n of N" with n outside 1..=N (or a cash parcel that is not another one).
    #[error("parcel label {index}: parcel {number} of {count} does not exist")]
    ParcelNumber { index: usize, number: u32, count: u32 },
    /// A parcel weighs something.
    #[error("parcel label {index}: a weight of {grams} g")]
    Weight { index: usize, grams: i64 },
    /// Cash to collect is a positive number of đồng.
    #[error("parcel label {index}: {vnd} đồng to collect")]
    Cash { index: usize, vnd: i64 },
    /// Not printable ASCII, or too long for bars of at least [`MIN_MODULE_MM`].
    #[error(
        "parcel label {index}: {value:?} cannot be printed as a Code 128 barcode that scans (printable ASCII, about 20 characters at most)"
    )]
    Barcode { index: usize, value: String },
    /// Not 18 digits ending in their GS1 check digit.
    #[error("parcel label {index}: {value:?} is not an SSCC (18 digits with their check digit)")]
    Sscc { index: usize, value: String },
    /// The embedded font could not be subset; a bug, not a caller's mistake.
    #[error("font: {0}")]
    Font(String),
}

/// Renders `labels` onto as many A4 pages of `layout` as they need, in order: left
/// to right, then top to bottom, page after page. Returns the PDF file.
pub fn sheet(layout: Layout, labels: &[Label]) -> Result<Vec<u8>, LabelError> {
    if labels.is_empty() {
        return Err(LabelError::NoLabels);
    }
    if labels.len() > MAX_LABELS {
        return Err(LabelError::TooMany { count: labels.len(), max: MAX_LABELS });
    }
    for (index, label) in labels.iter().enumerate() {
        check(index, label)?;
    }
    pdf::render(layout, labels)
}

/// Refuses a label that would print wrong whatever the layout.
fn check(index: usize, label: &Label) -> Result<(), LabelError> {
    if label.url.trim().is_empty() {
        return Err(LabelError::EmptyUrl { index });
    }
    match label.stars {
        Some(stars) if !(3..=5).contains(&stars) => Err(LabelError::Stars { index, stars }),
        _ => Ok(()),
    }
}
