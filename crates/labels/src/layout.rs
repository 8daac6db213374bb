//! The decal sheets: which A4 sheets of die-cut stickers we print on, and where each
//! sticker sits on the page.

use std::fmt;
use std::str::FromStr;

/// Decal sheet layouts common in Vietnam (A4, 210×297 mm).
///
/// The dimensions are those of the die-cut sheets sold by Tomy, Avery and their
/// local equivalents; a label printed off its sticker is a label wasted, so they are
/// given to a tenth of a millimetre:
///
/// | layout | columns × rows | label (mm)  | left / top margin (mm) | gaps (mm)          |
/// | ------ | -------------- | ----------- | ---------------------- | ------------------ |
/// | `3x7`  | 3 × 7          | 70 × 42.3   | 0 / 0.45               | none               |
/// | `4x10` | 4 × 10         | 52.5 × 29.7 | 0 / 0                  | none               |
/// | `5x13` | 5 × 13         | 38.1 × 21.2 | 4.67 / 10.7            | 2.54 between columns |
///
/// `3x7` is the Tomy A4 21-label sheet (and Avery's 3×7 of the same size), `4x10` the
/// 40-label sheet cut edge to edge, `5x13` Avery L7651 with its margins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    /// 3 columns × 7 rows of 70 × 42.3 mm.
    A4x21,
    /// 4 columns × 10 rows of 52.5 × 29.7 mm.
    A4x40,
    /// 5 columns × 13 rows of 38.1 × 21.2 mm.
    A4x65,
}

/// Where the labels of a layout sit on the sheet, in millimetres from the top left.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Geometry {
    /// Label width.
    pub width: f32,
    /// Label height.
    pub height: f32,
    /// Distance from the sheet's left edge to the first column.
    pub left: f32,
    /// Distance from the sheet's top edge to the first row.
    pub top: f32,
    /// Distance between the left edges of two neighbouring columns.
    pub pitch_x: f32,
    /// Distance between the top edges of two neighbouring rows.
    pub pitch_y: f32,
    /// White space kept between the text and the label's edges, against the
    /// printer's and the die-cutter's tolerance.
    pub pad: f32,
    /// Title size in points before shrinking to fit.
    pub title_pt: f32,
    /// Size of the other lines in points before shrinking to fit.
    pub body_pt: f32,
}

impl Layout {
    /// Every layout, smallest label count first.
    pub const ALL: &[Layout] = &[Layout::A4x21, Layout::A4x40, Layout::A4x65];

    /// The number of labels across the sheet.
    pub fn columns(&self) -> u32 {
        match self {
            Layout::A4x21 => 3,
            Layout::A4x40 => 4,
            Layout::A4x65 => 5,
        }
    }

    /// The number of labels down the sheet.
    pub fn rows(&self) -> u32 {
        match self {
            Layout::A4x21 => 7,
            Layout::A4x40 => 10,
            Layout::A4x65 => 13,
        }
    }

    /// The number of labels on one sheet.
    pub fn per_page(&self) -> usize {
        (self.columns() * self.rows()) as usize
    }

    /// The name used on the command line and in forms: `"3x7"`, `"4x10"`, `"5x13"`.
    pub fn name(&self) -> &'static str {
        match self {
            Layout::A4x21 => "3x7",
            Layout::A4x40 => "4x10",
            Layout::A4x65 => "5x13",
        }
    }

    /// The label size and positions on the sheet (see the table on [`Layout`]).
    pub(crate) fn geometry(&self) -> Geometry {
        match self {
            Layout::A4x21 => Geometry {
                width: 70.0,
                height: 42.3,
                left: 0.0,
                top: 0.45,
                pitch_x: 70.0,
                pitch_y: 42.3,
                pad: 2.0,
                title_pt: 10.0,
                body_pt: 8.5,
            },
            Layout::A4x40 => Geometry {
                width: 52.5,
                height: 29.7,
                left: 0.0,
                top: 0.0,
                pitch_x: 52.5,
                pitch_y: 29.7,
                pad: 1.5,
                title_pt: 8.0,
                body_pt: 7.0,
            },
            Layout::A4x65 => Geometry {
                width: 38.1,
                height: 21.2,
                left: 4.67,
                top: 10.7,
                pitch_x: 40.64,
                pitch_y: 21.2,
                pad: 1.0,
                title_pt: 6.5,
                body_pt: 5.5,
            },
        }
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A layout name that is none of `3x7`, `4x10`, `5x13`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown label layout {0:?}: expected one of 3x7, 4x10, 5x13")]
pub struct UnknownLayout(pub String);

impl FromStr for Layout {
    type Err = UnknownLayout;

    /// Parses `"3x7"`, `"4x10"` or `"5x13"`; `×` and `X` may stand for `x`, and
    /// surrounding spaces are ignored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let normal = s.trim().replace(['×', 'X'], "x");
        Layout::ALL.iter().copied().find(|layout| layout.name() == normal).ok_or_else(|| UnknownLayout(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_multiplication_sign() {
        assert_eq!("3x7".parse(), Ok(Layout::A4x21));
        assert_eq!("4x10".parse(), Ok(Layout::A4x40));
        assert_eq!("5x13".parse(), Ok(Layout::A4x65));
        assert_eq!("3×7".parse(), Ok(Layout::A4x21));
        assert_eq!(" 5X13 ".parse(), Ok(Layout::A4x65));
    }

    #[test]
    fn refuses_other_names_and_lists_the_accepted_ones() {
        for bad in ["", "3x8", "7x3", "A4x21", "5x13x1", "x"] {
            let err = bad.parse::<Layout>().unwrap_err();
            assert_eq!(err.0, bad);
            assert!(err.to_string().contains("3x7, 4x10, 5x13"), "{err}");
        }
    }

    #[test]
    fn names_round_trip() {
        for layout in Layout::ALL {
            assert_eq!(layout.name().parse::<Layout>(), Ok(*layout));
            assert_eq!(layout.per_page(), (layout.columns() * layout.rows()) as usize);
        }
    }

    #[test]
    fn every_label_lies_on_the_sheet_and_none_overlap() {
        for layout in Layout::ALL {
            let g = layout.geometry();
            let right = g.left + (layout.columns() - 1) as f32 * g.pitch_x + g.width;
            let bottom = g.top + (layout.rows() - 1) as f32 * g.pitch_y + g.height;
            assert!(g.left >= 0.0 && g.top >= 0.0, "{layout}");
            assert!(right <= 210.0 + 0.01 && bottom <= 297.0 + 0.01, "{layout}: {right} × {bottom}");
            assert!(g.pitch_x >= g.width && g.pitch_y >= g.height, "{layout}");
        }
    }
}
