//! Scenery shared by the product themes and the producer logos: the backdrop, a
//! table, soft shadows, the round geometric emblem and a labelled bottle.

use super::canvas::{BLACK, Canvas, Col, Rng, WHITE, hsl, len, poly_dist, regular, star};

/// A soft two-tone background with a large pale disc, its hue drawn from `hues`.
pub(super) fn backdrop(c: &mut Canvas, rng: &mut Rng, hues: (f32, f32)) {
    let h = rng.range(hues.0, hues.1) + rng.range(-12.0, 12.0);
    let top = hsl(h, rng.range(0.35, 0.6), rng.range(0.9, 0.95));
    let bottom = hsl(h + rng.range(-20.0, 20.0), rng.range(0.3, 0.55), rng.range(0.8, 0.87));
    c.vgradient(top, bottom);
    let (x, y) = (rng.range(0.25, 0.75), rng.range(0.3, 0.5));
    c.circle_a(x, y, rng.range(0.3, 0.42), top.shade(0.45), 0.7);
}

/// A table or cloth along the bottom, from `y` down.
pub(super) fn table(c: &mut Canvas, rng: &mut Rng, y: f32) -> Col {
    let wood = rng.chance(0.6);
    let col = if wood {
        hsl(rng.range(22.0, 35.0), rng.range(0.35, 0.5), rng.range(0.5, 0.62))
    } else {
        hsl(rng.range(0.0, 360.0), rng.range(0.25, 0.45), rng.range(0.72, 0.82))
    };
    c.rect(-0.01, y, 1.01, 1.01, col);
    c.rect(-0.01, y, 1.01, y + 0.012, col.shade(0.2));
    if wood {
        for i in 0..4 {
            let yy = y + 0.04 + i as f32 * 0.06 + rng.range(0.0, 0.02);
            c.line((-0.01, yy), (1.01, yy + rng.range(-0.01, 0.01)), 0.004, col.shade(-0.12));
        }
    }
    col
}

pub(super) fn shadow(c: &mut Canvas, cx: f32, cy: f32, rx: f32, ry: f32) {
    c.ellipse_a(cx, cy, rx, ry, BLACK, 0.18);
}

/// A disc with a geometric motif (logos and unknown themes).
pub(super) fn emblem(c: &mut Canvas, rng: &mut Rng, cx: f32, cy: f32, r: f32) {
    let hue = rng.range(0.0, 360.0);
    let base = hsl(hue, rng.range(0.45, 0.7), rng.range(0.35, 0.48));
    let accent = hsl(hue + rng.pick(&[150.0, 180.0, 40.0, -40.0]), 0.7, 0.6);
    let light = hsl(hue, 0.4, 0.95);
    c.circle(cx, cy, r, base.shade(-0.25));
    c.circle(cx, cy, r * 0.92, base);
    c.ring(cx, cy, r * 0.82, r * 0.025, light);
    let rot = rng.range(0.0, std::f32::consts::TAU);
    match rng.below(5) {
        0 => {
            let n = 5 + rng.below(4);
            c.poly(&star(cx, cy, r * 0.62, r * 0.28, n, rot), light);
            c.circle(cx, cy, r * 0.14, accent);
        }
        1 => {
            let n = 6 + rng.below(5);
            for i in 0..n {
                let a = rot + i as f32 * std::f32::consts::TAU / n as f32;
                c.leaf((cx, cy), a, r * 0.66, r * 0.24, if i % 2 == 0 { light } else { accent });
            }
            c.circle(cx, cy, r * 0.12, light);
        }
        2 => {
            for k in 0..4 {
                let s = r * (0.62 - k as f32 * 0.14);
                let col = if k % 2 == 0 { light } else { accent };
                c.poly(&regular(cx, cy, s, 4, std::f32::consts::FRAC_PI_2), col);
            }
        }
        3 => {
            // mountains and a sun, clipped to the disc
            let rr = r * 0.8;
            c.circle(cx + r * 0.22, cy - r * 0.25, r * 0.16, accent);
            let peaks = [
                (cx - rr, cy + r * 0.3),
                (cx - r * 0.35, cy - r * 0.35),
                (cx, cy + r * 0.05),
                (cx + r * 0.3, cy - r * 0.2),
                (cx + rr, cy + r * 0.3),
            ];
            let mut pts = peaks.to_vec();
            pts.push((cx + rr, cy + rr));
            pts.push((cx - rr, cy + rr));
            c.shape((cx - rr, cy - rr, cx + rr, cy + rr), light, 1.0, |x, y| {
                poly_dist(x, y, &pts).max(len(x - cx, y - cy) - rr)
            });
            for k in 0..3 {
                let yy = cy + r * (0.42 + k as f32 * 0.12);
                c.shape((cx - rr, yy - 0.03, cx + rr, yy + 0.03), base, 1.0, |x, y| {
                    ((y - yy - 0.015 * (x * 30.0).sin()).abs() - r * 0.025).max(len(x - cx, y - cy) - rr * 0.92)
                });
            }
        }
        _ => {
            let n = 3 + rng.below(3);
            for k in 0..n {
                let a = rot + k as f32 * std::f32::consts::TAU / n as f32;
                let (px, py) = (cx + a.cos() * r * 0.3, cy + a.sin() * r * 0.3);
                c.poly(&regular(px, py, r * 0.26, 4, a), if k % 2 == 0 { light } else { accent });
            }
            c.poly(&regular(cx, cy, r * 0.18, 4, rot), base.shade(-0.3));
        }
    }
}

/// A bottle standing on `bottom`, centred at `cx`, with a liquid of colour `liquid`.
pub(super) fn bottle(c: &mut Canvas, rng: &mut Rng, cx: f32, bottom: f32, liquid: Col) {
    let hw = rng.range(0.11, 0.14);
    let hb = rng.range(0.2, 0.25);
    let neck_w = hw * 0.32;
    let top = bottom - 2.0 * hb;
    let neck_top = top - rng.range(0.14, 0.2);
    shadow(c, cx, bottom, hw * 1.3, 0.025);
    let glass = hsl(rng.range(90.0, 200.0), 0.15, 0.86);
    let outline = vec![
        (cx - hw, bottom - 0.02),
        (cx - hw, top + 0.05),
        (cx - neck_w, top - 0.06),
        (cx - neck_w, neck_top),
        (cx + neck_w, neck_top),
        (cx + neck_w, top - 0.06),
        (cx + hw, top + 0.05),
        (cx + hw, bottom - 0.02),
        (cx + hw - 0.02, bottom),
        (cx - hw + 0.02, bottom),
    ];
    c.poly(&outline, glass);
    let level = top + rng.range(0.02, 0.12);
    c.shape((cx - hw, level, cx + hw, bottom), liquid, 1.0, |x, y| (poly_dist(x, y, &outline) + 0.008).max(level - y));
    c.rect(cx - hw + 0.025, top + 0.04, cx - hw + 0.045, bottom - 0.04, WHITE.mix(glass, 0.3));
    // label: plain, with a geometric mark
    let paper = hsl(rng.range(0.0, 360.0), 0.35, 0.92);
    let mark = hsl(rng.range(0.0, 360.0), 0.6, 0.42);
    let ly = bottom - hb * 0.9;
    c.rect(cx - hw + 0.005, ly - hb * 0.38, cx + hw - 0.005, ly + hb * 0.38, paper);
    c.rect(cx - hw + 0.005, ly + hb * 0.24, cx + hw - 0.005, ly + hb * 0.3, mark);
    c.poly(&regular(cx, ly - hb * 0.06, hb * 0.2, 4, std::f32::consts::FRAC_PI_2), mark);
    c.poly(&regular(cx, ly - hb * 0.06, hb * 0.1, 4, std::f32::consts::FRAC_PI_2), paper);
    let cap = hsl(rng.pick(&[0.0, 30.0, 45.0, 210.0, 120.0]), 0.5, rng.range(0.3, 0.45));
    c.rrect((cx, neck_top - 0.02), (neck_w + 0.01, 0.035), 0.01, 0.0, cap);
}
