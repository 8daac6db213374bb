//! A small line chart of an indicator's 12 months as inline SVG (no script, no
//! styles: the site's CSP allows neither inline), with the target as a dashed line.

use std::fmt::Write;

const WIDTH: i64 = 320;
const HEIGHT: i64 = 110;
const LEFT: i64 = 30;
const BOTTOM: i64 = 20;
const TOP: i64 = 8;

/// `points`: (month `YYYY-MM`, value in tenths of a percent or none); `target` in percent.
pub fn trend_svg(title: &str, points: &[(String, Option<i64>)], target: Option<i64>) -> String {
    let plot_w = WIDTH - LEFT - 8;
    let plot_h = HEIGHT - BOTTOM - TOP;
    let x = |i: usize| LEFT + if points.len() > 1 { i as i64 * plot_w / (points.len() as i64 - 1) } else { 0 };
    let y = |permille: i64| TOP + plot_h - permille.clamp(0, 1000) * plot_h / 1000;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"##,
        escape(title)
    );
    for pct in [0, 50, 100] {
        let gy = y(pct * 10);
        let _ = write!(
            svg,
            r##"<line x1="{LEFT}" y1="{gy}" x2="{}" y2="{gy}" stroke="#d5ddd7" stroke-width="1"/><text x="{}" y="{}" font-size="9" text-anchor="end" fill="#55605a">{pct}%</text>"##,
            WIDTH - 8,
            LEFT - 4,
            gy + 3
        );
    }
    if let Some(target) = target {
        let ty = y(target * 10);
        let _ = write!(
            svg,
            r##"<line x1="{LEFT}" y1="{ty}" x2="{}" y2="{ty}" stroke="#8a5a00" stroke-width="1.5" stroke-dasharray="4 3"/>"##,
            WIDTH - 8
        );
    }
    let path: Vec<String> =
        points.iter().enumerate().filter_map(|(i, (_, v))| v.map(|v| format!("{},{}", x(i), y(v)))).collect();
    if path.len() > 1 {
        let _ =
            write!(svg, r##"<polyline fill="none" stroke="#1f5d3a" stroke-width="2" points="{}"/>"##, path.join(" "));
    }
    for (i, (_, v)) in points.iter().enumerate() {
        if let Some(v) = v {
            let _ = write!(svg, r##"<circle cx="{}" cy="{}" r="2.5" fill="#1f5d3a"/>"##, x(i), y(*v));
        }
    }
    for i in [0, points.len().saturating_sub(1)] {
        if let Some((month, _)) = points.get(i) {
            let label = month_label(month);
            let anchor = if i == 0 { "start" } else { "end" };
            let _ = write!(
                svg,
                r##"<text x="{}" y="{}" font-size="9" text-anchor="{anchor}" fill="#55605a">{label}</text>"##,
                x(i),
                HEIGHT - 6
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// `2026-03` → `03/2026`.
pub(super) fn month_label(month: &str) -> String {
    match month.split_once('-') {
        Some((y, m)) => format!("{m}/{y}"),
        None => month.to_string(),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_values_and_target() {
        let points =
            vec![("2026-01".to_string(), Some(0)), ("2026-02".to_string(), None), ("2026-03".to_string(), Some(1000))];
        let svg = trend_svg("OCOP <online>", &points, Some(70));
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("aria-label=\"OCOP &lt;online&gt;\""));
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains("stroke-dasharray"));
        assert!(svg.contains(">01/2026<") && svg.contains(">03/2026<"));
        // 100 % sits at the top of the plot, 0 % at its bottom.
        assert!(svg.contains(&format!("cy=\"{TOP}\"")));
        assert!(svg.contains(&format!("cy=\"{}\"", HEIGHT - BOTTOM)));
    }
}
