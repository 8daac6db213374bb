//! A session's audience read from the platform's export file (TikTok LIVE, Facebook,
//! YouTube or Zalo analytics, saved as .xlsx or .csv): the total viewers and the peak
//! of viewers at once. Platforms name these figures differently and lay them out as a
//! header row over one row of figures, or as label–value pairs; both are read, and
//! anything else is refused with what was found.

use super::messages;
use crate::error::{AppError, Message};
use crate::tables::{Grid, read_grids};
use crate::vn::text::name_key;

/// Viewers as platforms count them: 0 to a billion, the peak not above the total.
pub fn check(viewers: i64, peak_viewers: i64) -> Result<(), crate::error::FieldErrors> {
    let mut errors = crate::error::FieldErrors::default();
    for (field, value) in [("viewers", viewers), ("peak_viewers", peak_viewers)] {
        if !(0..=1_000_000_000).contains(&value) {
            errors.add(field, messages::AUDIENCE_0_TO_A_BILLION);
        }
    }
    if peak_viewers > viewers {
        errors.add("peak_viewers", messages::NOT_ABOVE_THE_VIEWERS);
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// A figure's kind by its label; `None` when it is neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Figure {
    Viewers,
    Peak,
}

/// Labels as exports write them, folded: `Peak concurrent viewers`, `PCU`, `Top viewer
/// count`, `Số người xem cùng lúc cao nhất` are peaks; `Viewers`, `Total views`,
/// `Lượt xem`, `Người xem` are totals. A peak is looked for first, since its label
/// also says "viewers".
fn figure_of(label: &str) -> Option<Figure> {
    let key = name_key(label);
    let words: Vec<&str> = key.split(' ').collect();
    let has = |w: &str| words.contains(&w);
    let peak = has("peak")
        || has("pcu")
        || has("highest")
        || key.contains("top viewer")
        || key.contains("cung luc")
        || key.contains("cao nhat");
    let viewers =
        has("viewers") || has("views") || has("viewer") || key.contains("luot xem") || key.contains("nguoi xem");
    match (peak, viewers) {
        (true, _) => Some(Figure::Peak),
        (false, true) => Some(Figure::Viewers),
        _ => None,
    }
}

/// `12,345`, `12.345`, `12 345` or a spreadsheet's number: whole viewers.
fn count(text: &str) -> Option<i64> {
    let digits: String = text.trim().chars().filter(|c| !matches!(c, ',' | '.' | ' ' | '\u{a0}')).collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 12 {
        return None;
    }
    digits.parse().ok()
}

/// The figures found in one grid: `(viewers, peak)` with the row they came from.
#[derive(Debug, Default)]
struct Found {
    viewers: Option<(i64, usize)>,
    peak: Option<(i64, usize)>,
}

/// A header row naming both figures, over the row of figures right under it.
fn as_table(grid: &Grid) -> Result<Found, Message> {
    for (at, (row_number, cells)) in grid.iter().enumerate() {
        let viewers_col = cells.iter().position(|c| figure_of(c) == Some(Figure::Viewers));
        let peak_col = cells.iter().position(|c| figure_of(c) == Some(Figure::Peak));
        let (Some(v), Some(p)) = (viewers_col, peak_col) else { continue };
        let figures: Vec<&(usize, Vec<String>)> =
            grid[at + 1..].iter().filter(|(_, row)| row.iter().any(|c| !c.trim().is_empty())).collect();
        let Some((number, row)) = figures.first() else {
            return Err(Message::from(messages::EXPORT_HEADER_WITHOUT_FIGURES).with("row", row_number));
        };
        if figures.len() > 1 {
            return Err(Message::from(messages::EXPORT_SEVERAL_ROWS).with("rows", figures.len()));
        }
        let cell = |col: usize| row.get(col).map(String::as_str).unwrap_or("");
        let read = |col: usize| {
            count(cell(col))
                .map(|n| (n, *number))
                .ok_or_else(|| Message::from(messages::EXPORT_NOT_VIEWERS).with("row", number).with("text", cell(col)))
        };
        return Ok(Found { viewers: Some(read(v)?), peak: Some(read(p)?) });
    }
    Ok(Found::default())
}

/// Label–value pairs: a label cell with the first number after it on its row.
fn as_pairs(grid: &Grid) -> Found {
    let mut found = Found::default();
    for (row_number, cells) in grid {
        for (i, cell) in cells.iter().enumerate() {
            let Some(figure) = figure_of(cell) else { continue };
            let Some(value) = cells[i + 1..].iter().find_map(|c| count(c)) else { continue };
            let slot = match figure {
                Figure::Viewers => &mut found.viewers,
                Figure::Peak => &mut found.peak,
            };
            slot.get_or_insert((value, *row_number));
            break;
        }
    }
    found
}

/// `(viewers, peak_viewers)` from an export file, checked as typed-in figures are.
pub fn read_export(bytes: &[u8]) -> Result<(i64, i64), AppError> {
    let refuse = |why: Message| AppError::invalid("file", why);
    if bytes.is_empty() {
        return Err(refuse(messages::EXPORT_EMPTY.into()));
    }
    for grid in read_grids(bytes)? {
        let mut found = as_table(&grid).map_err(refuse)?;
        if found.viewers.is_none() {
            found = as_pairs(&grid);
        }
        if let (Some((viewers, _)), Some((peak, _))) = (found.viewers, found.peak) {
            check(viewers, peak).map_err(AppError::Invalid)?;
            return Ok((viewers, peak));
        }
    }
    Err(refuse(messages::EXPORT_WITHOUT_FIGURES.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<(i64, i64), String> {
        read_export(text.as_bytes()).map_err(|e| format!("{e:?}"))
    }

    #[test]
    fn a_header_row_over_the_sessions_figures() {
        let tiktok = "LIVE title,Duration,Viewers,Peak concurrent viewers,New followers\n\
                      Chè Shan tuyết,01:30:00,\"12,345\",812,40\n";
        assert_eq!(read(tiktok), Ok((12_345, 812)));
        let vietnamese = "Tiêu đề;Lượt xem;Số người xem cùng lúc cao nhất\nPhiên tối;4.210;305\n";
        assert_eq!(read(vietnamese), Ok((4_210, 305)));
    }

    #[test]
    fn label_value_pairs() {
        let facebook = "Metric,Value\nReach,20000\nPeak live viewers,950\nViews,15400\n";
        assert_eq!(read(facebook), Ok((15_400, 950)));
    }

    #[test]
    fn what_cannot_be_read_is_named() {
        let series = "Minute,Viewers,PCU\n1,10,10\n2,30,25\n";
        assert!(read(series).unwrap_err().contains("2 rows of figures"));
        let words = "Viewers,Peak viewers\nmany,few\n";
        assert!(read(words).unwrap_err().contains("«many»"));
        assert!(read("Likes,Shares\n10,2\n").unwrap_err().contains("no viewers"));
        let peak_above = "Viewers,Peak viewers\n100,200\n";
        assert!(read(peak_above).unwrap_err().contains("peak_viewers"));
        assert!(read("").unwrap_err().contains("empty"));
    }
}
