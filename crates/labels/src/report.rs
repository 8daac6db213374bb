//! A4 reports: a title, headings, paragraphs, tables that run over as many pages as
//! they need with their header repeated, and small line charts of monthly values
//! against a target. The programme office's monthly report is printed with it.
//!
//! The same DejaVu faces as the label sheets, subset into the file, so Vietnamese
//! prints and can be searched and copied from the PDF.

use pdf_writer::{Content, Filter, Pdf, Rect, Ref, Str};

use crate::LabelError;
use crate::document::{self, BOLD_NAME, FIRST_FREE_ID, PAGE_TREE, REGULAR_NAME};
use crate::font::{Font, deflate};
use crate::text::{Fonts, clean, ellipsize, wrap};

/// A4 portrait in points.
const PAGE: (f32, f32) = (595.28, 841.89);
/// 15 mm all round.
const MARGIN: f32 = 42.52;
/// The lowest a block may reach: the margin plus the footer's line.
const BOTTOM: f32 = MARGIN + 12.0;
/// Line height as a multiple of the font size (room for stacked Vietnamese marks).
const LEADING: f32 = 1.25;

const TITLE_PT: f32 = 17.0;
const HEADING_PT: f32 = 12.0;
const TEXT_PT: f32 = 9.5;
const TABLE_PT: f32 = 8.0;
const SMALL_PT: f32 = 6.5;
/// Lines a table cell may take before it is cut with an ellipsis.
const CELL_LINES: usize = 3;
/// Lines a column title may take.
const HEADER_LINES: usize = 5;
/// Rows of a table kept on the page with its heading (all of a shorter table).
const ROWS_KEPT: usize = 6;
const CELL_PAD: f32 = 3.0;
/// Two charts side by side, each this high (title included).
const CHART_HEIGHT: f32 = 128.0;
const CHART_GAP: f32 = 14.0;

type Rgb = (f32, f32, f32);
const INK: Rgb = (0.11, 0.13, 0.12);
const MUTED: Rgb = (0.33, 0.38, 0.35);
const RULE: Rgb = (0.80, 0.84, 0.81);
const HEADER_FILL: Rgb = (0.92, 0.95, 0.93);
const SERIES: Rgb = (0.12, 0.36, 0.23);
const TARGET: Rgb = (0.54, 0.35, 0.0);

/// A report: its title (also the PDF's title), a footer line printed on every page
/// with the page number, and its content from top to bottom.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub title: String,
    /// A line under the title, e.g. the province and the date the figures are for.
    pub subtitle: String,
    pub footer: String,
    pub blocks: Vec<Block>,
}

/// One part of a report.
#[derive(Debug, Clone)]
pub enum Block {
    Heading(String),
    /// A paragraph, wrapped to the page's width.
    Text(String),
    Table(Table),
    /// Line charts, two to a row.
    Charts(Vec<Chart>),
}

/// A table whose header is repeated on every page it runs over; a cell wraps to
/// three lines and is then cut with "…". Without column titles there is no header.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    /// The column's share of the table's width, relative to the other columns'.
    pub weight: u16,
    /// Numbers are right-aligned.
    pub numeric: bool,
}

/// A line chart of values in tenths of a percent (0–1000), one per month, gaps
/// where there is no value, with the target (in percent) as a dashed line.
#[derive(Debug, Clone)]
pub struct Chart {
    pub title: String,
    /// (month label such as `03/2026`, value in tenths of a percent).
    pub points: Vec<(String, Option<i64>)>,
    pub target_pct: Option<i64>,
}

/// Lays `report` out on A4 pages and returns the PDF file.
pub fn report(report: &Report) -> Result<Vec<u8>, LabelError> {
    lay_out(report).finish(report)
}

/// Places every block on the pages, before the footers.
fn lay_out(report: &Report) -> Writer {
    let mut writer = Writer::new();
    writer.title(report);
    for (i, block) in report.blocks.iter().enumerate() {
        match block {
            Block::Heading(text) => {
                let next = report.blocks.get(i + 1).map_or(0.0, |next| writer.start_height(next));
                writer.heading(text, next)
            }
            Block::Text(text) => writer.paragraph(text),
            Block::Table(table) => writer.table(table),
            Block::Charts(charts) => writer.charts(charts),
        }
    }
    writer
}

/// A piece of text as placed, kept so that tests can check nothing leaves the page.
#[derive(Debug, Clone)]
#[cfg_attr(not(test), expect(dead_code, reason = "read by the layout tests only"))]
struct Placed {
    pub page: usize,
    pub x: f32,
    pub baseline: f32,
    pub width: f32,
    pub size: f32,
    pub text: String,
}

/// The page being filled, the finished ones, and where the next block starts.
struct Writer {
    fonts: Fonts,
    done: Vec<Content>,
    page: Content,
    /// The top of the free space on the page, in points from the bottom.
    top: f32,
    placed: Vec<Placed>,
}

impl Writer {
    fn new() -> Writer {
        Writer {
            fonts: Fonts { regular: Font::regular(), bold: Font::bold() },
            done: Vec::new(),
            page: Content::new(),
            top: PAGE.1 - MARGIN,
            placed: Vec::new(),
        }
    }

    fn width() -> f32 {
        PAGE.0 - 2.0 * MARGIN
    }

    fn at_page_top(&self) -> bool {
        self.top >= PAGE.1 - MARGIN - 0.01
    }

    fn new_page(&mut self) {
        let full = std::mem::replace(&mut self.page, Content::new());
        self.done.push(full);
        self.top = PAGE.1 - MARGIN;
    }

    /// Starts a new page unless `height` fits under the free space's top.
    fn make_room(&mut self, height: f32) {
        if self.top - height < BOTTOM && !self.at_page_top() {
            self.new_page();
        }
    }

    fn font(&self, bold: bool) -> &Font {
        if bold { &self.fonts.bold } else { &self.fonts.regular }
    }

    /// Shows one line of text with its left end of the baseline at (`x`, `baseline`).
    fn show(&mut self, x: f32, baseline: f32, size: f32, bold: bool, color: Rgb, text: &str) {
        let (font, name) =
            if bold { (&mut self.fonts.bold, BOLD_NAME) } else { (&mut self.fonts.regular, REGULAR_NAME) };
        let width = font.width(text, size);
        let encoded = font.encode(text);
        self.page.set_fill_rgb(color.0, color.1, color.2);
        self.page.begin_text();
        self.page.set_font(name, size);
        self.page.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, baseline]);
        self.page.show(Str(&encoded));
        self.page.end_text();
        let page = self.done.len();
        self.placed.push(Placed { page, x, baseline, width, size, text: text.to_string() });
    }

    /// The baseline of a line whose slot starts at `top`.
    fn baseline(&self, top: f32, size: f32, bold: bool) -> f32 {
        top - self.font(bold).ascent(size) - (size * LEADING - size * 1.16) / 2.0
    }

    /// Wrapped lines of text across the page's width, each moving the top down.
    fn lines(&mut self, text: &str, size: f32, bold: bool, color: Rgb) {
        let lines = wrap(self.font(bold), &clean(text), size, Writer::width(), usize::MAX);
        for line in lines {
            self.make_room(size * LEADING);
            let baseline = self.baseline(self.top, size, bold);
            self.show(MARGIN, baseline, size, bold, color, &line);
            self.top -= size * LEADING;
        }
    }

    fn title(&mut self, report: &Report) {
        self.lines(&report.title, TITLE_PT, true, INK);
        if !report.subtitle.trim().is_empty() {
            self.lines(&report.subtitle, TEXT_PT, false, MUTED);
        }
        self.top -= 6.0;
    }

    /// A heading, kept on the page with the start of what follows (`next` high).
    fn heading(&mut self, text: &str, next: f32) {
        if !self.at_page_top() {
            self.top -= 8.0;
        }
        self.make_room(HEADING_PT * LEADING + 3.0 + next);
        self.lines(text, HEADING_PT, true, SERIES);
        self.top -= 3.0;
    }

    /// The height of the part of `block` that should not be parted from a heading
    /// above it: a paragraph's first lines, a table's header and first rows, a row of
    /// charts.
    fn start_height(&self, block: &Block) -> f32 {
        match block {
            Block::Heading(_) => HEADING_PT * LEADING,
            Block::Text(_) => 3.0 * TEXT_PT * LEADING,
            Block::Charts(_) => CHART_HEIGHT,
            Block::Table(table) => {
                let widths = column_widths(table);
                let rows = table.rows.iter().take(ROWS_KEPT).map(|row| row_height(&self.cells(row, &widths, false)));
                self.header_height(table, &widths) + rows.sum::<f32>()
            }
        }
    }

    fn paragraph(&mut self, text: &str) {
        self.lines(text, TEXT_PT, false, INK);
        self.top -= 4.0;
    }

    fn table(&mut self, table: &Table) {
        if table.columns.is_empty() {
            return;
        }
        let widths = column_widths(table);
        let header_height = self.header_height(table, &widths);
        let mut first = true;
        for row in &table.rows {
            let cells = self.cells(row, &widths, false);
            let height = row_height(&cells);
            if first || self.top - height < BOTTOM {
                self.make_room(header_height + height);
                self.header(table, &widths);
                first = false;
            }
            self.table_row(table, &widths, &cells, false);
        }
        if first {
            self.make_room(header_height);
            self.header(table, &widths);
        }
        self.top -= 6.0;
    }

    fn has_header(table: &Table) -> bool {
        table.columns.iter().any(|c| !c.title.trim().is_empty())
    }

    fn header_cells(&self, table: &Table, widths: &[f32]) -> Vec<Vec<String>> {
        let titles: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
        self.wrap_cells(&titles, widths, true, HEADER_LINES)
    }

    fn header_height(&self, table: &Table, widths: &[f32]) -> f32 {
        if Writer::has_header(table) { row_height(&self.header_cells(table, widths)) } else { 0.0 }
    }

    fn header(&mut self, table: &Table, widths: &[f32]) {
        if Writer::has_header(table) {
            let cells = self.header_cells(table, widths);
            self.table_row(table, widths, &cells, true);
        }
    }

    /// Each cell's text wrapped to its column.
    fn cells(&self, row: &[String], widths: &[f32], bold: bool) -> Vec<Vec<String>> {
        self.wrap_cells(row, widths, bold, CELL_LINES)
    }

    fn wrap_cells(&self, row: &[String], widths: &[f32], bold: bool, max_lines: usize) -> Vec<Vec<String>> {
        widths
            .iter()
            .enumerate()
            .map(|(i, width)| {
                let text = row.get(i).map(|t| clean(t)).unwrap_or_default();
                wrap(self.font(bold), &text, TABLE_PT, width - 2.0 * CELL_PAD, max_lines)
            })
            .collect()
    }

    fn table_row(&mut self, table: &Table, widths: &[f32], cells: &[Vec<String>], header: bool) {
        let height = row_height(cells);
        let bottom = self.top - height;
        if header {
            self.page.set_fill_rgb(HEADER_FILL.0, HEADER_FILL.1, HEADER_FILL.2);
            self.page.rect(MARGIN, bottom, Writer::width(), height);
            self.page.fill_nonzero();
        }
        let mut left = MARGIN;
        for ((column, width), lines) in table.columns.iter().zip(widths).zip(cells) {
            let mut top = self.top - CELL_PAD;
            for line in lines {
                let x = if column.numeric {
                    left + width - CELL_PAD - self.font(header).width(line, TABLE_PT)
                } else {
                    left + CELL_PAD
                };
                let baseline = self.baseline(top, TABLE_PT, header);
                self.show(x, baseline, TABLE_PT, header, INK, line);
                top -= TABLE_PT * LEADING;
            }
            left += width;
        }
        self.rule(MARGIN, bottom, MARGIN + Writer::width(), bottom, RULE, 0.5);
        self.top = bottom;
    }

    fn rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, color: Rgb, width: f32) {
        self.page.set_stroke_rgb(color.0, color.1, color.2);
        self.page.set_line_width(width);
        self.page.move_to(x1, y1);
        self.page.line_to(x2, y2);
        self.page.stroke();
    }

    fn charts(&mut self, charts: &[Chart]) {
        let width = (Writer::width() - CHART_GAP) / 2.0;
        for pair in charts.chunks(2) {
            self.make_room(CHART_HEIGHT);
            for (i, chart) in pair.iter().enumerate() {
                let left = MARGIN + i as f32 * (width + CHART_GAP);
                self.chart(chart, left, width);
            }
            self.top -= CHART_HEIGHT;
        }
        self.top -= 4.0;
    }

    /// One chart in the box of `width` from `left`, `CHART_HEIGHT` down from the top.
    fn chart(&mut self, chart: &Chart, left: f32, width: f32) {
        let title_pt = TABLE_PT;
        let mut top = self.top;
        for line in wrap(&self.fonts.bold, &clean(&chart.title), title_pt, width, 2) {
            let baseline = self.baseline(top, title_pt, true);
            self.show(left, baseline, title_pt, true, INK, &line);
            top -= title_pt * LEADING;
        }

        let plot_left = left + 26.0;
        let plot_right = left + width - 6.0;
        let plot_top = self.top - 2.0 * title_pt * LEADING - 8.0;
        let plot_bottom = self.top - CHART_HEIGHT + 18.0;
        let y = |permille: i64| plot_bottom + (plot_top - plot_bottom) * permille.clamp(0, 1000) as f32 / 1000.0;
        let count = chart.points.len();
        let x = |i: usize| {
            if count > 1 { plot_left + (plot_right - plot_left) * i as f32 / (count - 1) as f32 } else { plot_left }
        };

        for pct in [0, 50, 100] {
            let gy = y(pct * 10);
            self.rule(plot_left, gy, plot_right, gy, RULE, 0.5);
            let label = format!("{pct}%");
            let label_x = plot_left - 3.0 - self.fonts.regular.width(&label, SMALL_PT);
            self.show(label_x, gy - SMALL_PT * 0.35, SMALL_PT, false, MUTED, &label);
        }
        if let Some(target) = chart.target_pct {
            let ty = y(target * 10);
            self.page.set_dash_pattern([4.0, 3.0], 0.0);
            self.rule(plot_left, ty, plot_right, ty, TARGET, 1.0);
            self.page.set_dash_pattern([], 0.0);
        }
        let points: Vec<(f32, f32)> =
            chart.points.iter().enumerate().filter_map(|(i, (_, v))| v.map(|v| (x(i), y(v)))).collect();
        self.series(&points);
        if let Some((first, _)) = chart.points.first() {
            self.show(plot_left, plot_bottom - 10.0, SMALL_PT, false, MUTED, &clean(first));
        }
        if count > 1
            && let Some((last, _)) = chart.points.last()
        {
            let last = clean(last);
            let last_x = plot_right - self.fonts.regular.width(&last, SMALL_PT);
            self.show(last_x, plot_bottom - 10.0, SMALL_PT, false, MUTED, &last);
        }
    }

    /// The chart's line through `points`, with a dot on each.
    fn series(&mut self, points: &[(f32, f32)]) {
        let c = &mut self.page;
        c.set_stroke_rgb(SERIES.0, SERIES.1, SERIES.2);
        c.set_fill_rgb(SERIES.0, SERIES.1, SERIES.2);
        c.set_line_width(1.5);
        if let Some(((x0, y0), rest)) = points.split_first()
            && !rest.is_empty()
        {
            c.move_to(*x0, *y0);
            for (x, y) in rest {
                c.line_to(*x, *y);
            }
            c.stroke();
        }
        for (x, y) in points {
            circle(c, *x, *y, 1.8);
            c.fill_nonzero();
        }
    }

    /// Adds the page numbers and writes the file.
    fn finish(mut self, report: &Report) -> Result<Vec<u8>, LabelError> {
        self.new_page();
        let pages = std::mem::take(&mut self.done);
        let count = pages.len();
        let mut pdf = Pdf::new();
        let mut next_id = FIRST_FREE_ID;
        let mut page_ids = Vec::with_capacity(count);
        for (number, mut content) in pages.into_iter().enumerate() {
            std::mem::swap(&mut self.page, &mut content);
            self.footer(&report.footer, number, count);
            let content = std::mem::replace(&mut self.page, Content::new());
            let (page_id, content_id) = (Ref::new(next_id), Ref::new(next_id + 1));
            next_id += 2;
            pdf.stream(content_id, &deflate(&content.finish())).filter(Filter::FlateDecode);
            let mut page = pdf.page(page_id);
            page.media_box(Rect::new(0.0, 0.0, PAGE.0, PAGE.1));
            page.parent(PAGE_TREE);
            page.contents(content_id);
            document::add_fonts(&mut page.resources());
            page_ids.push(page_id);
        }
        document::finish(pdf, &self.fonts, page_ids, Some(&clean(&report.title)), "dacsan")
    }

    /// The footer line at the page's foot: the report's footer on the left, "Trang
    /// n/N" on the right.
    fn footer(&mut self, footer: &str, number: usize, count: usize) {
        let baseline = MARGIN - SMALL_PT;
        let pages = format!("Trang {}/{count}", number + 1);
        let pages_width = self.fonts.regular.width(&pages, SMALL_PT);
        let text = ellipsize(&self.fonts.regular, &clean(footer), SMALL_PT, Writer::width() - pages_width - 12.0);
        self.rule(MARGIN, BOTTOM - 6.0, PAGE.0 - MARGIN, BOTTOM - 6.0, RULE, 0.5);
        let placed_before = self.placed.len();
        self.show(MARGIN, baseline, SMALL_PT, false, MUTED, &text);
        self.show(PAGE.0 - MARGIN - pages_width, baseline, SMALL_PT, false, MUTED, &pages);
        for placed in &mut self.placed[placed_before..] {
            placed.page = number;
        }
    }
}

/// Each column's width in points: its share of the page's width.
fn column_widths(table: &Table) -> Vec<f32> {
    let total: f32 = table.columns.iter().map(|c| f32::from(c.weight.max(1))).sum();
    table.columns.iter().map(|c| Writer::width() * f32::from(c.weight.max(1)) / total).collect()
}

/// The height of a table row: its tallest cell plus padding.
fn row_height(cells: &[Vec<String>]) -> f32 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    lines as f32 * TABLE_PT * LEADING + 2.0 * CELL_PAD
}

/// A circle as four Bézier quarter arcs.
fn circle(c: &mut Content, x: f32, y: f32, r: f32) {
    let k = 0.552_284_7 * r;
    c.move_to(x + r, y);
    c.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
    c.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
    c.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
    c.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
    c.close_path();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(rows: usize) -> Report {
        let columns = vec![
            Column { title: "Xã / phường".into(), weight: 3, numeric: false },
            Column { title: "Cơ sở".into(), weight: 1, numeric: true },
            Column {
                title: "Sản phẩm OCOP có mặt trên sàn thương mại điện tử".into(), weight: 2, numeric: true
            },
        ];
        let rows = (0..rows)
            .map(|i| {
                vec![
                    format!("Xã Mường Khoa số {i} {}", "với một cái tên rất dài cần xuống dòng ".repeat(8)),
                    format!("{i}"),
                    "12,5 %".into(),
                ]
            })
            .collect();
        let points = (1..=12).map(|m| (format!("{m:02}/2026"), (m != 4).then_some(m * 70))).collect();
        Report {
            title: "Báo cáo tháng 11/2026 — Chuyển đổi số sản phẩm OCOP".into(),
            subtitle: "Lai Châu · số liệu đến ngày 25/11/2026".into(),
            footer: "dacsan — Sở Công Thương Lai Châu".into(),
            blocks: vec![
                Block::Heading("Chỉ tiêu".into()),
                Block::Text("Một đoạn văn ".repeat(40)),
                Block::Charts(vec![
                    Chart { title: "Sản phẩm OCOP trên sàn".into(), points, target_pct: Some(100) },
                    Chart { title: "Trống".into(), points: vec![], target_pct: None },
                    Chart {
                        title: "Một tháng".into(), points: vec![("11/2026".into(), Some(500))], target_pct: None
                    },
                ]),
                Block::Heading("Theo xã".into()),
                Block::Table(Table { columns, rows }),
            ],
        }
    }

    #[test]
    fn every_line_stays_inside_the_margins() {
        let placed = lay_out(&sample(150)).placed;
        let pages = placed.iter().map(|p| p.page).max().unwrap() + 1;
        assert!(pages >= 3, "150 wrapped rows take several pages, got {pages}");
        let fonts = Fonts { regular: Font::regular(), bold: Font::bold() };
        for p in &placed {
            assert!(p.x >= MARGIN - 0.01, "{p:?}");
            assert!(p.x + p.width <= PAGE.0 - MARGIN + 0.01, "{p:?}");
            assert!(p.baseline + fonts.bold.ascent(p.size) <= PAGE.1 - MARGIN + 0.01, "{p:?}");
            assert!(p.baseline - fonts.bold.descent(p.size) >= BOTTOM - 0.01, "{p:?}");
        }
    }

    #[test]
    fn the_table_header_is_repeated_on_each_page_it_runs_over() {
        let placed = lay_out(&sample(150)).placed;
        let header_pages: Vec<usize> = placed.iter().filter(|p| p.text == "Cơ sở").map(|p| p.page).collect();
        let row_pages: std::collections::BTreeSet<usize> =
            placed.iter().filter(|p| p.text.starts_with("Xã Mường Khoa")).map(|p| p.page).collect();
        assert_eq!(header_pages, row_pages.into_iter().collect::<Vec<_>>());
    }

    #[test]
    fn long_cells_wrap_then_are_cut() {
        let placed = lay_out(&sample(1)).placed;
        let cell: Vec<&Placed> = placed.iter().filter(|p| p.baseline > 0.0 && p.x < MARGIN + 5.0).collect();
        assert!(cell.iter().any(|p| p.text.ends_with('…')), "a cell longer than three lines is cut");
    }

    #[test]
    fn a_report_is_a_pdf_with_its_title_and_page_numbers() {
        let pdf = report(&sample(150)).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let placed = lay_out(&sample(0)).placed;
        assert!(placed.iter().any(|p| p.text.starts_with("Báo cáo tháng 11/2026")));
    }
}
