//! The food and drink themes of [`super::product_picture`]: tea, rice, honey, chilli,
//! fish, meat, fruit, nuts and coffee. Each draws one scene on a fresh canvas.

use super::canvas::{BLACK, Canvas, P, Rng, WHITE, ellipse_dist, hsl, len, local, quad_bezier, regular, seg_dist};
use super::scenery::{backdrop, shadow, table};

pub(super) fn tea(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rng, (70.0, 140.0));
    let ty = rng.range(0.74, 0.8);
    table(c, rng, ty);
    let green = hsl(rng.range(95.0, 135.0), rng.range(0.45, 0.65), rng.range(0.3, 0.4));
    let flip = rng.chance(0.5);
    let fx = |x: f32| if flip { 1.0 - x } else { x };
    // a cup of tea
    let (cx, cy) = (fx(rng.range(0.68, 0.74)), ty + 0.01);
    let cup = hsl(rng.range(0.0, 360.0), 0.25, 0.9);
    shadow(c, cx, cy + 0.02, 0.17, 0.03);
    let side = if flip { -1.0 } else { 1.0 };
    c.ring(cx + side * 0.14, cy - 0.1, 0.045, 0.018, cup.shade(-0.15));
    c.shape((cx - 0.16, cy - 0.2, cx + 0.16, cy + 0.01), cup, 1.0, |x, y| {
        ellipse_dist(x - cx, y - (cy - 0.17), 0.15, 0.17).max(cy - 0.17 - y)
    });
    c.ellipse(cx, cy - 0.17, 0.15, 0.035, 0.0, cup.shade(-0.1));
    c.ellipse(cx, cy - 0.165, 0.13, 0.026, 0.0, hsl(rng.range(45.0, 75.0), 0.65, 0.55));
    for k in 0..2 {
        let x = cx - 0.04 + k as f32 * 0.06;
        let pts: Vec<P> = (0..12).map(|i| (x + 0.015 * (i as f32 * 0.9).sin(), cy - 0.22 - i as f32 * 0.012)).collect();
        c.stroke_a(&pts, 0.012, 0.004, WHITE, 0.6);
    }
    // a sprig of tea leaves
    let base = (fx(0.12), rng.range(0.7, 0.76));
    let tip = (fx(rng.range(0.5, 0.6)), rng.range(0.12, 0.2));
    let ctrl = (fx(rng.range(0.2, 0.35)), rng.range(0.3, 0.45));
    let stem = quad_bezier(base, ctrl, tip, 24);
    c.stroke(&stem, 0.018, 0.008, hsl(30.0, 0.35, 0.35));
    let n = 5 + rng.below(3);
    for i in 0..n {
        let t = 0.2 + 0.75 * i as f32 / n as f32;
        let p = stem[(t * 24.0) as usize];
        let q = stem[(t * 24.0) as usize + 1];
        let dir = (q.1 - p.1).atan2(q.0 - p.0);
        let out = if i % 2 == 0 { 0.9 } else { -0.9 } + rng.range(-0.2, 0.2);
        let size = 0.22 - 0.09 * t + rng.range(-0.02, 0.02);
        let col = green.shade(rng.range(-0.15, 0.15) + t * 0.15);
        c.leaf(p, dir + out, size, size * 0.45, col);
    }
    // the Shan tuyết bud: pale, with white down
    let dir = (tip.1 - stem[22].1).atan2(tip.0 - stem[22].0);
    let bud = hsl(95.0, 0.35, 0.72);
    c.leaf(tip, dir, 0.1, 0.04, bud);
    for _ in 0..14 {
        let t = rng.range(0.1, 0.9);
        let (x, y) = (
            tip.0 + dir.cos() * 0.1 * t + rng.range(-0.012, 0.012),
            tip.1 + dir.sin() * 0.1 * t + rng.range(-0.012, 0.012),
        );
        c.circle_a(x, y, 0.004, WHITE, 0.9);
    }
}

pub(super) fn rice(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rng, (30.0, 55.0));
    let ty = rng.range(0.7, 0.76);
    table(c, rng, ty);
    let (cx, cy) = (rng.range(0.5, 0.58), ty - 0.06);
    let (rx, ry) = (0.3, 0.07);
    let bowl = hsl(rng.pick(&[210.0, 200.0, 25.0, 160.0]), rng.range(0.3, 0.55), rng.range(0.45, 0.6));
    shadow(c, cx, ty + 0.07, 0.27, 0.035);
    c.ellipse(cx, cy, rx, ry, 0.0, bowl.shade(-0.35));
    // the mound of rice and its grains
    let grain = hsl(45.0, 0.3, 0.95);
    c.shape((cx - 0.28, cy - 0.2, cx + 0.28, cy + 0.02), grain.shade(-0.05), 1.0, |x, y| {
        ellipse_dist(x - cx, y - cy, 0.27, 0.17).max(y - cy)
    });
    for _ in 0..220 {
        let a = rng.range(0.0, std::f32::consts::PI);
        let rr = rng.unit().sqrt();
        let (x, y) = (cx + a.cos() * 0.25 * rr, cy - a.sin() * 0.16 * rr);
        let col = grain.shade(rng.range(-0.12, 0.03));
        c.ellipse(x, y, 0.013, 0.0055, rng.range(0.0, std::f32::consts::PI), col);
    }
    // the bowl in front
    c.shape((cx - rx, cy - 0.01, cx + rx, cy + 0.2), bowl, 1.0, |x, y| {
        ellipse_dist(x - cx, y - cy, rx, 0.2).max(cy - y)
    });
    c.shape((cx - rx, cy + 0.04, cx + rx, cy + 0.08), bowl.shade(0.45), 1.0, |x, y| {
        ellipse_dist(x - cx, y - cy, rx, 0.2).max((y - cy - 0.06).abs() - 0.012)
    });
    c.rect(cx - 0.08, cy + 0.18, cx + 0.08, cy + 0.2, bowl.shade(-0.2));
    // a golden ear of rice
    let gold = hsl(rng.range(38.0, 48.0), 0.75, 0.55);
    let x0 = if cx > 0.55 { rng.range(0.1, 0.16) } else { rng.range(0.84, 0.9) };
    let stalk = quad_bezier((x0, ty + 0.02), (x0 + 0.02, 0.35), (x0 + if x0 < 0.5 { 0.12 } else { -0.12 }, 0.15), 20);
    c.stroke(&stalk, 0.01, 0.005, hsl(70.0, 0.45, 0.4));
    for i in 6..20 {
        let p = stalk[i];
        for side in [-1.0f32, 1.0] {
            let a = (stalk[i + 1].1 - p.1).atan2(stalk[i + 1].0 - p.0) + side * 0.6;
            c.ellipse(p.0 + a.cos() * 0.02, p.1 + a.sin() * 0.02, 0.02, 0.009, a, gold.shade(rng.range(-0.1, 0.1)));
        }
    }
    for _ in 0..6 {
        c.ellipse(rng.range(0.15, 0.85), rng.range(ty + 0.08, 0.97), 0.012, 0.005, rng.range(0.0, 3.0), grain);
    }
}

pub(super) fn honey(c: &mut Canvas, rng: &mut Rng) {
    let hue = rng.range(38.0, 50.0);
    backdrop(c, rng, (hue, hue));
    // a faint honeycomb: distance to the nearest cell's edge, in one pass
    let cell = rng.range(0.06, 0.08);
    let comb = hsl(hue, 0.7, 0.72);
    let (w, h) = (cell * 3f32.sqrt(), cell * 3.0);
    c.shape((0.0, 0.0, 1.0, 1.0), comb, 0.35, |x, y| {
        let near = |ox: f32, oy: f32| {
            let (qx, qy) = (x - ox, y - oy);
            let (cx, cy) = ((qx / w).round() * w, (qy / h).round() * h);
            (qx - cx, qy - cy)
        };
        let (ax, ay) = near(0.0, 0.0);
        let (bx, by) = near(w / 2.0, h / 2.0);
        let (dx, dy) = if ax * ax + ay * ay < bx * bx + by * by { (ax, ay) } else { (bx, by) };
        let (dx, dy) = (dx.abs(), dy.abs());
        let inside = dx.max(0.5 * dx + 0.866 * dy) - cell * 0.866;
        inside.abs() - 0.004
    });
    let ty = rng.range(0.78, 0.84);
    table(c, rng, ty);
    let (cx, bottom) = (rng.range(0.42, 0.52), ty + 0.02);
    let (hw, hh) = (rng.range(0.17, 0.2), rng.range(0.22, 0.26));
    let cy = bottom - hh;
    shadow(c, cx, bottom, hw * 1.15, 0.03);
    c.rrect((cx, cy), (hw, hh), 0.07, 0.0, hsl(hue, 0.2, 0.88));
    let amber = hsl(rng.range(28.0, 42.0), 0.85, rng.range(0.42, 0.52));
    c.rrect((cx, cy + 0.02), (hw - 0.015, hh - 0.035), 0.06, 0.0, amber);
    c.rrect((cx - hw * 0.55, cy + 0.02), (0.02, hh - 0.08), 0.02, 0.0, amber.shade(0.35));
    // label without text: a hexagon emblem on a paper band
    let paper = hsl(hue, 0.5, 0.93);
    c.rrect((cx, cy + 0.03), (hw - 0.015, hh * 0.3), 0.01, 0.0, paper);
    c.poly(&regular(cx, cy + 0.03, hh * 0.2, 6, std::f32::consts::FRAC_PI_6), amber.shade(-0.1));
    c.poly(&regular(cx, cy + 0.03, hh * 0.12, 6, std::f32::consts::FRAC_PI_6), paper);
    // lid with a cloth cover and a drip
    let cloth = hsl(rng.pick(&[0.0, 10.0, 120.0, 210.0, 30.0]), 0.6, 0.5);
    let top = cy - hh;
    c.rrect((cx, top - 0.03), (hw + 0.02, 0.05), 0.02, 0.0, cloth);
    for k in 0..6 {
        let x = cx - hw + (k as f32 + 0.5) * (2.0 * hw + 0.04) / 6.0 - 0.02;
        c.rect(x - 0.012, top - 0.08, x + 0.012, top + 0.02, cloth.shade(0.35));
    }
    c.rect(cx - hw - 0.02, top + 0.01, cx + hw + 0.02, top + 0.025, cloth.shade(-0.3));
    let dx = cx + hw * rng.range(-0.5, 0.5);
    c.stroke(&[(dx, top + 0.02), (dx, top + 0.09)], 0.025, 0.02, amber);
    c.circle(dx, top + 0.1, 0.016, amber);
    // a honey dipper
    let side = if cx < 0.47 { 1.0 } else { -1.0 };
    let (dx0, dy0) = (cx + side * (hw + 0.16), bottom - 0.03);
    c.line((dx0, dy0), (dx0 - side * 0.05, dy0 - 0.34), 0.018, hsl(28.0, 0.5, 0.45));
    for k in 0..4 {
        c.ellipse(
            dx0,
            dy0 - k as f32 * 0.022,
            0.05 - k as f32 * 0.004,
            0.014,
            0.0,
            hsl(28.0, 0.5, 0.52 + 0.04 * (k % 2) as f32),
        );
    }
}

pub(super) fn chilli(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rng, (15.0, 50.0));
    let ty = rng.range(0.6, 0.68);
    table(c, rng, ty);
    // a plate
    let (px, py) = (0.5, ty + 0.12);
    shadow(c, px, py + 0.03, 0.42, 0.1);
    let plate = hsl(rng.range(180.0, 230.0), 0.25, 0.92);
    c.ellipse(px, py, 0.42, 0.14, 0.0, plate.shade(-0.08));
    c.ellipse(px, py, 0.34, 0.1, 0.0, plate);
    // a jar of sauce behind
    let sauce = hsl(rng.range(2.0, 10.0), 0.8, 0.42);
    let jx = rng.pick(&[0.2, 0.8]);
    c.rrect((jx, ty - 0.08), (0.1, 0.13), 0.03, 0.0, sauce);
    c.rrect((jx - 0.05, ty - 0.08), (0.015, 0.09), 0.01, 0.0, sauce.shade(0.3));
    c.rrect((jx, ty - 0.22), (0.085, 0.03), 0.01, 0.0, hsl(40.0, 0.3, 0.3));
    c.rrect((jx, ty - 0.06), (0.1, 0.04), 0.0, 0.0, hsl(45.0, 0.6, 0.9));
    // chillies
    let n = 4 + rng.below(3);
    for i in 0..n {
        let t = (i as f32 + 0.5) / n as f32;
        let base = (0.2 + 0.6 * t + rng.range(-0.03, 0.03), py - 0.02 + rng.range(-0.08, 0.04));
        let a = rng.range(-0.9, 0.9) + if i % 2 == 0 { 0.0 } else { std::f32::consts::PI };
        let l = rng.range(0.26, 0.34);
        let bend = rng.range(-0.12, 0.12);
        let end = (base.0 + a.cos() * l, base.1 + a.sin() * l * 0.5);
        let mid = ((base.0 + end.0) / 2.0 - a.sin() * bend, (base.1 + end.1) / 2.0 + a.cos() * bend * 0.5);
        let pts = quad_bezier(base, mid, end, 16);
        let red = hsl(rng.range(355.0, 368.0), rng.range(0.75, 0.9), rng.range(0.42, 0.5));
        c.stroke(&pts, 0.06, 0.008, red);
        let hl: Vec<P> = pts[2..10].iter().map(|&(x, y)| (x, y - 0.01)).collect();
        c.stroke_a(&hl, 0.014, 0.004, WHITE, 0.45);
        let back = (base.0 - a.cos() * 0.015, base.1 - a.sin() * 0.008);
        c.ellipse(back.0, back.1, 0.028, 0.02, a, hsl(110.0, 0.5, 0.35));
        c.stroke(
            &[back, (back.0 - a.cos() * 0.05, back.1 - a.sin() * 0.03 - 0.02)],
            0.012,
            0.008,
            hsl(100.0, 0.45, 0.32),
        );
    }
}

pub(super) fn fish(c: &mut Canvas, rng: &mut Rng) {
    let water = rng.range(190.0, 215.0);
    c.vgradient(hsl(water, 0.5, 0.86), hsl(water + 10.0, 0.55, 0.7));
    for k in 0..7 {
        let y0 = 0.08 + k as f32 * 0.13 + rng.range(-0.02, 0.02);
        let ph = rng.range(0.0, 6.0);
        let pts: Vec<P> = (0..=30)
            .map(|i| {
                let x = i as f32 / 30.0;
                (x, y0 + 0.012 * (x * 14.0 + ph).sin())
            })
            .collect();
        c.stroke_a(&pts, 0.008, 0.008, WHITE, 0.45);
    }
    let flip = rng.chance(0.5);
    let (cx, cy) = (0.5, rng.range(0.42, 0.5));
    let (rx, ry) = (0.3, rng.range(0.1, 0.12));
    let dir = if flip { -1.0 } else { 1.0 };
    let tilt = rng.range(-0.12, 0.12);
    let tf = |x: f32, y: f32| -> P {
        let (s, co) = tilt.sin_cos();
        let (x, y) = (x * dir, y);
        (cx + x * co - y * s, cy + x * s + y * co)
    };
    let back = hsl(rng.range(150.0, 200.0), 0.2, 0.38);
    let pink = hsl(rng.range(5.0, 15.0), 0.75, 0.68);
    let belly = hsl(30.0, 0.3, 0.93);
    // tail and fins
    c.poly(&[tf(-rx + 0.03, 0.0), tf(-rx - 0.13, -ry * 1.2), tf(-rx - 0.09, 0.0), tf(-rx - 0.13, ry * 1.2)], back);
    c.poly(&[tf(-0.02, -ry + 0.01), tf(0.06, -ry - 0.08), tf(0.12, -ry + 0.02)], back);
    c.poly(&[tf(-0.15, -ry * 0.6), tf(-0.12, -ry - 0.04), tf(-0.08, -ry * 0.7)], back.shade(0.1));
    c.poly(&[tf(0.02, ry - 0.01), tf(0.08, ry + 0.07), tf(0.13, ry - 0.02)], pink.shade(-0.1));
    c.poly(&[tf(-0.14, ry * 0.7), tf(-0.1, ry + 0.05), tf(-0.06, ry * 0.8)], pink.shade(-0.1));
    // body in three bands
    let body = |x: f32, y: f32| {
        let (lx, ly) = local(x, y, cx, cy, tilt);
        let lx = lx * dir;
        let k = if lx > 0.0 { 1.0 } else { 0.85 };
        ellipse_dist(lx, ly, rx * k, ry)
    };
    let bb = (cx - rx - 0.02, cy - ry - 0.06, cx + rx + 0.02, cy + ry + 0.06);
    c.shape(bb, belly, 1.0, body);
    c.shape(bb, pink, 1.0, |x, y| {
        let (_, ly) = local(x, y, cx, cy, tilt);
        body(x, y).max(ly - ry * 0.35)
    });
    c.shape(bb, back, 1.0, |x, y| {
        let (lx, ly) = local(x, y, cx, cy, tilt);
        body(x, y).max(ly + ry * 0.15 + 0.02 * (lx * 20.0).sin() * 0.2)
    });
    for _ in 0..26 {
        let (x, y) = (rng.range(-0.22, 0.22), rng.range(-ry * 0.85, -ry * 0.1));
        if ellipse_dist(x, y, rx * 0.8, ry * 0.8) < 0.0 {
            let p = tf(x, y);
            c.circle(p.0, p.1, 0.006, back.shade(-0.45));
        }
    }
    let eye = tf(rx * 0.72, -ry * 0.2);
    c.circle(eye.0, eye.1, 0.02, WHITE);
    c.circle(eye.0, eye.1, 0.011, BLACK);
    let gill: Vec<P> = (0..10)
        .map(|i| {
            let a = -1.0 + i as f32 * 0.2;
            tf(rx * 0.48 + 0.05 * a.cos(), ry * 0.8 * a.sin())
        })
        .collect();
    c.stroke(&gill, 0.006, 0.004, back.shade(-0.3));
    // a salmon steak on a board below
    let (sx, sy) = (if flip { 0.26 } else { 0.74 }, rng.range(0.78, 0.82));
    c.rrect((sx, sy + 0.02), (0.2, 0.09), 0.03, 0.0, hsl(30.0, 0.45, 0.55));
    let flesh = hsl(rng.range(12.0, 20.0), 0.85, 0.62);
    c.rrect((sx, sy), (0.13, 0.055), 0.03, 0.05, flesh);
    for k in 0..5 {
        let x = sx - 0.09 + k as f32 * 0.045;
        c.stroke_a(&quad_bezier((x, sy - 0.05), (x + 0.03, sy), (x, sy + 0.05), 8), 0.006, 0.006, WHITE, 0.7);
    }
}

pub(super) fn meat(c: &mut Canvas, rng: &mut Rng) {
    let warm = rng.range(15.0, 30.0);
    c.vgradient(hsl(warm, 0.3, 0.3), hsl(warm + 5.0, 0.45, 0.18));
    // smoke
    for _ in 0..14 {
        c.circle_a(rng.range(0.0, 1.0), rng.range(0.0, 0.7), rng.range(0.05, 0.14), hsl(30.0, 0.1, 0.7), 0.08);
    }
    // embers and flames of the kitchen fire below
    c.ellipse_a(0.5, 1.05, 0.55, 0.16, hsl(25.0, 0.9, 0.5), 0.35);
    c.ellipse_a(0.5, 1.03, 0.35, 0.1, hsl(35.0, 0.95, 0.55), 0.5);
    for k in 0..5 {
        let x = 0.3 + k as f32 * 0.1 + rng.range(-0.02, 0.02);
        let h = rng.range(0.08, 0.14);
        let flame =
            [(x - 0.035, 1.01), (x - 0.01, 1.0 - h * 0.6), (x, 1.0 - h), (x + 0.015, 1.0 - h * 0.5), (x + 0.035, 1.01)];
        c.poly_a(&flame, hsl(rng.range(20.0, 40.0), 0.95, 0.55), 0.85);
    }
    // bamboo pole
    let py = rng.range(0.12, 0.17);
    let bamboo = hsl(rng.range(45.0, 60.0), 0.45, 0.5);
    c.rrect((0.5, py), (0.56, 0.025), 0.02, 0.0, bamboo);
    c.rect(-0.01, py - 0.012, 1.01, py - 0.004, bamboo.shade(0.25));
    for k in 0..5 {
        let x = 0.1 + k as f32 * 0.2 + rng.range(-0.03, 0.03);
        c.rect(x - 0.006, py - 0.026, x + 0.006, py + 0.026, bamboo.shade(-0.25));
    }
    // strips of smoked meat: uneven, dark outside, spiced
    let n = 4 + rng.below(3);
    for i in 0..n {
        let x = 0.12 + 0.76 * (i as f32 + 0.5) / n as f32 + rng.range(-0.02, 0.02);
        let top = py + rng.range(0.05, 0.09);
        let hh = rng.range(0.2, 0.28);
        let hw = rng.range(0.04, 0.055);
        c.line((x, py), (x, top + 0.01), 0.005, hsl(40.0, 0.3, 0.7));
        let spine: Vec<P> = (0..=8)
            .map(|k| {
                let t = k as f32 / 8.0;
                (x + 0.015 * (t * 3.0 + i as f32).sin() + rng.range(-0.002, 0.002), top + t * 2.0 * hh)
            })
            .collect();
        let col = hsl(rng.range(5.0, 15.0), rng.range(0.45, 0.6), rng.range(0.2, 0.27));
        c.stroke(&spine, hw * 2.0, hw * 1.3, col.shade(-0.4));
        c.stroke(&spine, hw * 1.6, hw * 1.0, col);
        c.stroke(&[(x - hw * 0.4, top + 0.03), (x - hw * 0.3, top + 1.6 * hh)], 0.008, 0.004, col.shade(0.2));
        for _ in 0..10 {
            let t = rng.range(0.05, 0.95);
            c.circle(
                x + rng.range(-hw * 0.6, hw * 0.6) * (1.0 - 0.35 * t),
                top + t * 2.0 * hh,
                0.0035,
                hsl(35.0, 0.3, 0.1),
            );
        }
    }
}

pub(super) fn fruit(c: &mut Canvas, rng: &mut Rng) {
    let variant = rng.below(7);
    let hue = [35.0, 60.0, 90.0, 0.0, 28.0, 100.0, 290.0][variant];
    backdrop(c, rng, (hue + 20.0, hue + 20.0));
    let ty = rng.range(0.66, 0.72);
    table(c, rng, ty);
    let leaf = hsl(rng.range(100.0, 130.0), 0.5, 0.35);
    let (big, n) = match variant {
        1 | 2 => (0.17, 2),
        _ => (0.11, 3 + rng.below(2)),
    };
    let mut spots: Vec<P> = Vec::new();
    for i in 0..n {
        let x = 0.5 + (i as f32 - (n as f32 - 1.0) / 2.0) * big * 1.7 + rng.range(-0.02, 0.02);
        let y = ty + 0.1 - big + rng.range(-0.02, 0.03) + if i % 2 == 1 { 0.05 } else { 0.0 };
        spots.push((x, y));
    }
    spots.sort_by(|a, b| a.1.total_cmp(&b.1));
    for &(x, y) in &spots {
        shadow(c, x, y + big * 0.95, big, big * 0.2);
    }
    for (i, &(x, y)) in spots.iter().enumerate() {
        let r = big * rng.range(0.9, 1.05);
        match variant {
            0 => {
                // oranges / mandarins
                let col = hsl(rng.range(28.0, 40.0), 0.85, 0.52);
                c.circle(x, y, r, col);
                c.circle(x - r * 0.3, y - r * 0.3, r * 0.35, col.shade(0.2));
                for _ in 0..12 {
                    c.circle(
                        x + rng.range(-r * 0.7, r * 0.7),
                        y + rng.range(-r * 0.7, r * 0.7),
                        0.003,
                        col.shade(-0.15),
                    );
                }
                c.leaf((x, y - r * 0.9), -1.0 - rng.range(0.0, 0.8), r * 0.8, r * 0.35, leaf);
            }
            1 => {
                // pomelo / melon: big green-yellow fruit with a net or a cut half
                let col = hsl(rng.range(55.0, 80.0), 0.55, 0.58);
                c.circle(x, y, r, col);
                c.circle(x - r * 0.3, y - r * 0.3, r * 0.4, col.shade(0.15));
                if i == 0 {
                    for _ in 0..20 {
                        let a = (rng.range(-r, r), rng.range(-r, r));
                        let b = (a.0 + rng.range(-0.06, 0.06), a.1 + rng.range(-0.06, 0.06));
                        c.shape((x - r, y - r, x + r, y + r), col.shade(0.55), 1.0, |px, py| {
                            (seg_dist(px - x, py - y, a, b).0 - 0.003).max(len(px - x, py - y) - r)
                        });
                    }
                } else {
                    c.circle(x, y, r * 0.92, hsl(50.0, 0.4, 0.88));
                    c.circle(x, y, r * 0.8, hsl(rng.range(0.0, 40.0), 0.7, 0.75));
                    for k in 0..10 {
                        let a = k as f32 * std::f32::consts::TAU / 10.0;
                        c.line((x, y), (x + a.cos() * r * 0.8, y + a.sin() * r * 0.8), 0.004, hsl(50.0, 0.4, 0.9));
                    }
                }
                c.line((x, y - r), (x + 0.01, y - r - 0.03), 0.008, hsl(30.0, 0.4, 0.3));
            }
            2 => {
                // custard apple: green with scales
                let col = hsl(rng.range(85.0, 105.0), 0.45, 0.5);
                c.circle(x, y, r, col.shade(-0.1));
                for row in 0..7 {
                    for k in 0..7 {
                        let (sx, sy) =
                            (x - r + (k as f32 + 0.5 * (row % 2) as f32) * r * 0.3, y - r + row as f32 * r * 0.3);
                        if len(sx - x, sy - y) < r * 0.9 {
                            c.circle(sx, sy, r * 0.13, col.shade(0.1));
                        }
                    }
                }
                c.line((x, y - r), (x - 0.01, y - r - 0.04), 0.01, hsl(30.0, 0.4, 0.3));
            }
            3 => {
                // lychees: red and bumpy
                let col = hsl(rng.range(350.0, 365.0), 0.7, 0.42);
                c.circle(x, y, r, col);
                for _ in 0..30 {
                    let (dx, dy) = (rng.range(-r, r), rng.range(-r, r));
                    if len(dx, dy) < r * 0.9 {
                        c.circle(x + dx, y + dy, r * 0.07, col.shade(-0.25));
                    }
                }
                c.circle(x - r * 0.3, y - r * 0.35, r * 0.2, col.shade(0.25));
                if i == spots.len() - 1 {
                    c.circle(x + r * 1.3, y + r * 0.5, r * 0.55, hsl(40.0, 0.3, 0.92));
                    c.circle(x + r * 1.3, y + r * 0.5, r * 0.2, hsl(20.0, 0.5, 0.3));
                }
                c.stroke(
                    &quad_bezier((x, y - r), (x + 0.03, y - r - 0.08), (0.5, 0.18), 8),
                    0.006,
                    0.006,
                    hsl(30.0, 0.4, 0.35),
                );
            }
            4 => {
                // persimmons: flat, orange, square calyx
                let col = hsl(rng.range(20.0, 30.0), 0.9, 0.52);
                c.ellipse(x, y, r * 1.05, r * 0.85, 0.0, col);
                c.ellipse(x - r * 0.35, y - r * 0.2, r * 0.3, r * 0.2, -0.4, col.shade(0.25));
                let calyx = hsl(80.0, 0.35, 0.3);
                for k in 0..4 {
                    let a = std::f32::consts::FRAC_PI_4 + k as f32 * std::f32::consts::FRAC_PI_2;
                    c.leaf((x, y - r * 0.8), a * 0.5 - 1.9 + k as f32 * 0.5, r * 0.45, r * 0.25, calyx);
                }
                c.rect(x - 0.005, y - r * 1.05, x + 0.005, y - r * 0.8, calyx.shade(-0.2));
            }
            5 => {
                // melons with a net
                let col = hsl(rng.range(60.0, 90.0), 0.4, 0.55);
                c.ellipse(x, y, r * 1.1, r * 0.95, 0.0, col);
                for k in 0..14 {
                    let a = k as f32 * 0.45;
                    let (dx, dy) = (a.cos() * 0.08, a.sin() * 0.08);
                    let p = (rng.range(-r, r), rng.range(-r, r));
                    c.shape((x - r * 1.1, y - r, x + r * 1.1, y + r), col.shade(0.5), 1.0, |px, py| {
                        (seg_dist(px - x, py - y, (p.0 - dx, p.1 - dy), (p.0 + dx, p.1 + dy)).0 - 0.0025)
                            .max(ellipse_dist(px - x, py - y, r * 1.1, r * 0.95))
                    });
                }
                c.line((x, y - r * 0.95), (x + 0.015, y - r - 0.03), 0.01, hsl(80.0, 0.4, 0.35));
            }
            _ => {
                // plums: purple-red with bloom
                let col = hsl(rng.range(320.0, 345.0), 0.5, 0.4);
                c.circle(x, y, r * 0.85, col);
                c.circle(x - r * 0.25, y - r * 0.25, r * 0.35, col.shade(0.3));
                c.line((x, y - r * 0.85), (x + 0.01, y - r - 0.02), 0.006, hsl(30.0, 0.4, 0.3));
                c.leaf((x + 0.01, y - r - 0.02), -0.5, r * 0.7, r * 0.3, leaf);
            }
        }
    }
}

pub(super) fn nut(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rng, (25.0, 45.0));
    let ty = rng.range(0.6, 0.66);
    table(c, rng, ty);
    let chestnut = rng.chance(0.45);
    // a woven tray
    let (cx, cy) = (0.5, ty + 0.12);
    shadow(c, cx, cy + 0.05, 0.4, 0.08);
    let tray = hsl(38.0, 0.45, 0.6);
    c.ellipse(cx, cy, 0.4, 0.13, 0.0, tray.shade(-0.15));
    c.ellipse(cx, cy - 0.01, 0.36, 0.1, 0.0, tray);
    for k in 0..9 {
        let x = cx - 0.32 + k as f32 * 0.08;
        c.line((x, cy - 0.08), (x + 0.02, cy + 0.06), 0.004, tray.shade(-0.2));
    }
    let mut nuts: Vec<P> = (0..14).map(|_| (cx + rng.range(-0.3, 0.3), cy - 0.04 + rng.range(-0.09, 0.04))).collect();
    nuts.push((0.15, 0.92));
    nuts.push((0.82, 0.9));
    nuts.sort_by(|a, b| a.1.total_cmp(&b.1));
    for (i, &(x, y)) in nuts.iter().enumerate() {
        let r = rng.range(0.045, 0.055);
        if chestnut {
            let col = hsl(rng.range(15.0, 22.0), 0.55, 0.28);
            let tilt = rng.range(-0.4, 0.4);
            c.ellipse(x, y, r * 1.05, r, tilt, col);
            c.poly(&[(x - r * 0.35, y - r * 0.8), (x, y - r * 1.35), (x + r * 0.35, y - r * 0.8)], col);
            c.shape((x - r, y, x + r, y + r), hsl(40.0, 0.35, 0.7), 1.0, |px, py| {
                ellipse_dist(px - x, py - y, r * 1.05, r).max(y + r * 0.45 - py)
            });
            c.ellipse(x - r * 0.35, y - r * 0.3, r * 0.25, r * 0.12, -0.6, col.shade(0.3));
        } else {
            let col = hsl(rng.range(25.0, 32.0), 0.5, 0.45);
            c.circle(x, y, r, col);
            c.circle(x - r * 0.3, y - r * 0.3, r * 0.3, col.shade(0.2));
            if i % 3 == 0 {
                c.circle(x + r * 0.15, y + r * 0.05, r * 0.55, hsl(42.0, 0.5, 0.85));
            } else {
                c.line((x - r * 0.2, y - r * 0.8), (x + r * 0.1, y + r * 0.3), 0.005, col.shade(-0.45));
            }
        }
    }
}

pub(super) fn coffee(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rng, (20.0, 40.0));
    let ty = rng.range(0.66, 0.72);
    table(c, rng, ty);
    let (cx, cy) = (rng.range(0.42, 0.5), ty + 0.08);
    let cup = hsl(rng.range(0.0, 360.0), rng.range(0.1, 0.5), rng.range(0.85, 0.93));
    shadow(c, cx, cy + 0.03, 0.3, 0.05);
    c.ellipse(cx, cy, 0.28, 0.07, 0.0, cup.shade(-0.12));
    c.ellipse(cx, cy - 0.005, 0.22, 0.05, 0.0, cup);
    c.ring(cx + 0.19, cy - 0.16, 0.055, 0.022, cup.shade(-0.08));
    c.shape((cx - 0.2, cy - 0.3, cx + 0.2, cy), cup, 1.0, |x, y| {
        ellipse_dist(x - cx, y - (cy - 0.27), 0.19, 0.27).max(cy - 0.27 - y)
    });
    c.ellipse(cx, cy - 0.27, 0.19, 0.045, 0.0, cup.shade(-0.1));
    c.ellipse(cx, cy - 0.265, 0.17, 0.036, 0.0, hsl(25.0, 0.55, 0.22));
    c.ellipse(cx, cy - 0.265, 0.12, 0.024, 0.0, hsl(30.0, 0.5, 0.42));
    c.ellipse(cx + 0.01, cy - 0.266, 0.08, 0.015, 0.0, hsl(28.0, 0.55, 0.3));
    for k in 0..3 {
        let x = cx - 0.06 + k as f32 * 0.06;
        let pts: Vec<P> =
            (0..14).map(|i| (x + 0.018 * (i as f32 * 0.8 + k as f32).sin(), cy - 0.33 - i as f32 * 0.013)).collect();
        c.stroke_a(&pts, 0.014, 0.004, WHITE, 0.55);
    }
    // beans
    for _ in 0..9 {
        let (x, y) = (rng.range(0.06, 0.94), rng.range(ty + 0.05, 0.97));
        if (x - cx).abs() < 0.3 && y < cy + 0.08 {
            continue;
        }
        let a = rng.range(0.0, std::f32::consts::PI);
        let bean = hsl(22.0, 0.55, rng.range(0.2, 0.28));
        c.ellipse(x, y, 0.035, 0.025, a, bean);
        let (s, co) = a.sin_cos();
        let pts = quad_bezier(
            (x - co * 0.028, y - s * 0.028),
            (x - s * 0.008, y + co * 0.008),
            (x + co * 0.028, y + s * 0.028),
            6,
        );
        c.stroke(&pts, 0.005, 0.005, bean.shade(0.3));
    }
}
