//! The other themes of [`super::product_picture`]: forest and herbal goods (ginseng,
//! cinnamon, mushrooms, herbs), bottled goods (vinegar, liquor), crafts (brocade,
//! handicrafts), flowers and tours. Each draws one scene on a fresh canvas.

use super::canvas::{BLACK, Canvas, P, Rng, WHITE, ellipse_dist, hsl, local, piecewise, quad_bezier, star};
use super::scenery::{backdrop, bottle, shadow, table};

pub(super) fn ginseng(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rng, (80.0, 150.0));
    let ty = rng.range(0.8, 0.86);
    let cloth = hsl(rng.pick(&[355.0, 5.0, 340.0]), 0.55, 0.32);
    c.rect(-0.01, ty, 1.01, 1.01, cloth);
    c.rect(-0.01, ty, 1.01, ty + 0.012, cloth.shade(0.25));
    let cx = rng.range(0.45, 0.55);
    // leaves and berries on top
    let stem_top = (cx + rng.range(-0.05, 0.05), 0.2);
    let neck = (cx, 0.4);
    c.stroke(&quad_bezier(neck, (cx - 0.03, 0.28), stem_top, 12), 0.012, 0.008, hsl(100.0, 0.4, 0.35));
    let green = hsl(rng.range(100.0, 130.0), 0.55, 0.36);
    let n = 3;
    for i in 0..n {
        let a = -std::f32::consts::PI * 0.85 + i as f32 * std::f32::consts::PI * 0.35 + rng.range(-0.1, 0.1);
        let stalk_end = (stem_top.0 + a.cos() * 0.12, stem_top.1 + a.sin() * 0.04 + 0.02);
        c.line(stem_top, stalk_end, 0.006, green.shade(-0.2));
        for k in 0..5i32 {
            let b = a + (k as f32 - 2.0) * 0.45;
            let l = 0.1 + 0.03 * (2 - (k - 2).abs()) as f32;
            c.leaf(stalk_end, b, l, l * 0.42, green.shade(rng.range(-0.1, 0.15)));
        }
    }
    for _ in 0..9 {
        c.circle(
            stem_top.0 + rng.range(-0.025, 0.025),
            stem_top.1 - 0.01 + rng.range(-0.02, 0.015),
            0.013,
            hsl(rng.range(355.0, 365.0), 0.8, 0.45),
        );
    }
    // the root: a neck with rings, a body and rootlets
    let root = hsl(rng.range(32.0, 42.0), rng.range(0.35, 0.5), rng.range(0.7, 0.78));
    let end = (cx + rng.range(-0.08, 0.08), ty - 0.02);
    let body = quad_bezier(neck, (cx + rng.range(-0.1, 0.1), 0.6), end, 20);
    for k in 0..5 {
        let i = 6 + k * 3;
        let side = if k % 2 == 0 { 1.0 } else { -1.0 };
        let p = body[i];
        let e = (p.0 + side * rng.range(0.12, 0.2), p.1 + rng.range(0.1, 0.2));
        c.stroke(&quad_bezier(p, (p.0 + side * 0.06, p.1 + 0.02), e, 10), 0.03, 0.004, root.shade(-0.05));
        c.line(e, (e.0 + side * 0.03, e.1 + 0.05), 0.003, root.shade(-0.15));
    }
    c.stroke(&body, 0.09, 0.02, root);
    c.stroke(&body[..12], 0.03, 0.01, root.shade(0.25));
    for k in 0..5 {
        let y = neck.1 - 0.01 - k as f32 * 0.018;
        c.ellipse(cx, y, 0.022, 0.008, 0.0, root.shade(-0.2 + 0.05 * (k % 2) as f32));
    }
    for k in 0..6 {
        let p = body[4 + k * 2];
        c.line((p.0 - 0.03, p.1), (p.0 + 0.03, p.1 + 0.006), 0.003, root.shade(-0.25));
    }
}

pub(super) fn cinnamon(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rng, (20.0, 40.0));
    let ty = rng.range(0.62, 0.7);
    table(c, rng, ty);
    let bark = hsl(rng.range(15.0, 25.0), rng.range(0.5, 0.65), rng.range(0.32, 0.4));
    let (cx, cy) = (rng.range(0.42, 0.52), ty + 0.02);
    let angle = rng.range(-0.25, 0.1);
    shadow(c, cx, cy + 0.1, 0.32, 0.05);
    let n = 6 + rng.below(3);
    let (s, co) = angle.sin_cos();
    let mut sticks = Vec::new();
    for i in 0..n {
        let row = i / 3;
        let off = (i % 3) as f32 - 1.0 + if row % 2 == 1 { 0.5 } else { 0.0 };
        let (ox, oy) = (0.0, -(row as f32) * 0.05 + off * 0.012);
        let along = off * 0.05 + rng.range(-0.02, 0.02);
        sticks.push((cx + ox * co - oy * s + along * 0.2, cy + ox * s + oy * co + off * 0.045));
    }
    sticks.sort_by(|a, b| a.1.total_cmp(&b.1));
    for &(x, y) in &sticks {
        let hl = rng.range(0.25, 0.3);
        let col = bark.shade(rng.range(-0.1, 0.1));
        c.rrect((x, y), (hl, 0.026), 0.02, angle, col);
        c.rrect((x, y - 0.008), (hl - 0.01, 0.007), 0.005, angle, col.shade(0.2));
        let end = (x + co * hl, y + s * hl);
        c.circle(end.0, end.1, 0.027, col.shade(-0.2));
        c.ring(end.0, end.1, 0.016, 0.006, col.shade(0.25));
        c.ring(end.0, end.1, 0.006, 0.005, col.shade(0.15));
    }
    // a string tied round the bundle
    let tie = hsl(rng.pick(&[0.0, 45.0, 120.0]), 0.6, 0.5);
    c.rrect((cx - 0.03, cy - 0.02), (0.018, 0.12), 0.01, angle + 0.15, tie);
    // star anise
    for k in 0..(1 + rng.below(3)) {
        let (x, y) = (rng.range(0.12, 0.88), if k == 0 { ty + 0.2 } else { rng.range(ty + 0.14, 0.95) });
        let r = rng.range(0.05, 0.07);
        let anise = hsl(10.0, 0.45, 0.3);
        c.poly(&star(x, y, r, r * 0.35, 8, rng.range(0.0, 1.0)), anise);
        c.circle(x, y, r * 0.2, anise.shade(-0.2));
        for j in 0..8 {
            let a = j as f32 * std::f32::consts::TAU / 8.0;
            c.ellipse(x + a.cos() * r * 0.55, y + a.sin() * r * 0.55, r * 0.12, r * 0.07, a, hsl(30.0, 0.5, 0.55));
        }
    }
}

pub(super) fn brocade(c: &mut Canvas, rng: &mut Rng) {
    let palettes: [[f32; 5]; 4] = [
        [0.0, 45.0, 130.0, 220.0, 320.0],
        [350.0, 30.0, 55.0, 190.0, 280.0],
        [10.0, 50.0, 160.0, 200.0, 300.0],
        [340.0, 20.0, 90.0, 240.0, 50.0],
    ];
    let pal = palettes[rng.below(4)];
    let ground = if rng.chance(0.5) { hsl(230.0, 0.45, 0.16) } else { hsl(rng.pick(&[0.0, 355.0, 215.0]), 0.6, 0.28) };
    c.fill(ground);
    let col = |rng: &mut Rng| hsl(rng.pick(&pal), rng.range(0.7, 0.9), rng.range(0.48, 0.62));
    let mut y = 0.0;
    while y < 1.0 {
        let h = rng.range(0.06, 0.14);
        let kind = rng.below(5);
        let a = col(rng);
        let b = col(rng);
        let w = h * rng.range(0.8, 1.3);
        let count = (1.2 / w) as usize + 2;
        let mid = y + h / 2.0;
        match kind {
            0 => {
                for i in 0..count {
                    let x = i as f32 * w;
                    c.poly(&[(x, mid - h * 0.42), (x + w * 0.45, mid), (x, mid + h * 0.42), (x - w * 0.45, mid)], a);
                    c.poly(&[(x, mid - h * 0.22), (x + w * 0.24, mid), (x, mid + h * 0.22), (x - w * 0.24, mid)], b);
                    c.circle(x, mid, h * 0.06, ground);
                }
            }
            1 => {
                for i in 0..count {
                    let x = i as f32 * w;
                    c.poly(
                        &[(x, y + h * 0.9), (x + w / 2.0, y + h * 0.1), (x + w, y + h * 0.9)],
                        if i % 2 == 0 { a } else { b },
                    );
                }
            }
            2 => {
                c.rect(-0.01, y + h * 0.15, 1.01, y + h * 0.3, a);
                c.rect(-0.01, y + h * 0.7, 1.01, y + h * 0.85, a);
                for i in 0..count {
                    let x = i as f32 * w;
                    c.rect(x - w * 0.08, mid - h * 0.18, x + w * 0.08, mid + h * 0.18, b);
                    c.rect(x - w * 0.25, mid - h * 0.06, x + w * 0.25, mid + h * 0.06, b);
                }
            }
            3 => {
                for i in 0..count {
                    let x = i as f32 * w;
                    c.poly(&star(x, mid, h * 0.42, h * 0.16, 8, 0.0), a);
                    c.circle(x, mid, h * 0.1, b);
                    c.circle(x + w / 2.0, mid, h * 0.06, b);
                }
            }
            _ => {
                let pts: Vec<P> = (0..=(count * 2))
                    .map(|i| (i as f32 * w / 2.0, if i % 2 == 0 { y + h * 0.25 } else { y + h * 0.75 }))
                    .collect();
                c.stroke(&pts, h * 0.14, h * 0.14, a);
                let pts2: Vec<P> = pts.iter().map(|&(x, yy)| (x, y + h - (yy - y))).collect();
                c.stroke(&pts2, h * 0.07, h * 0.07, b);
            }
        }
        y += h;
        // a thin woven stripe between bands
        let s = rng.range(0.01, 0.02);
        c.rect(-0.01, y, 1.01, y + s, col(rng).shade(0.2));
        y += s + 0.008;
    }
    // a hint of weave texture
    for k in 0..100 {
        let yy = k as f32 / 100.0;
        c.rect(-0.01, yy, 1.01, yy + 0.002, BLACK.mix(ground, 0.5));
    }
}

pub(super) fn vinegar(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rng, (40.0, 100.0));
    let ty = rng.range(0.76, 0.82);
    table(c, rng, ty);
    let liquid = hsl(rng.range(15.0, 35.0), 0.8, rng.range(0.38, 0.48));
    let bx = rng.range(0.36, 0.46);
    bottle(c, rng, bx, ty + 0.03, liquid);
    // táo mèo: small yellow-red wild apples
    let n = 4 + rng.below(3);
    for i in 0..n {
        let x = bx + 0.2 + (i % 3) as f32 * 0.1 + rng.range(-0.02, 0.02);
        let y = ty + 0.04 - (i / 3) as f32 * 0.08 + rng.range(-0.01, 0.02);
        let r = rng.range(0.045, 0.055);
        let base = hsl(rng.range(42.0, 55.0), 0.75, 0.55);
        c.circle(x, y, r, base);
        c.circle(x + r * 0.25, y - r * 0.2, r * 0.7, hsl(rng.range(0.0, 15.0), 0.7, 0.5).mix(base, 0.3));
        c.circle(x - r * 0.35, y - r * 0.35, r * 0.18, WHITE.mix(base, 0.4));
        c.line((x, y - r), (x + 0.01, y - r - 0.025), 0.005, hsl(30.0, 0.4, 0.3));
        for _ in 0..4 {
            c.circle(x + rng.range(-r * 0.6, r * 0.6), y + rng.range(-r * 0.5, r * 0.6), 0.003, hsl(30.0, 0.4, 0.4));
        }
    }
    // a halved apple in front
    let (hx, hy) = (bx - 0.22, ty + 0.1);
    c.circle(hx, hy, 0.05, hsl(48.0, 0.7, 0.55));
    c.circle(hx, hy, 0.042, hsl(48.0, 0.5, 0.88));
    c.poly(&star(hx, hy, 0.018, 0.007, 5, 0.3), hsl(30.0, 0.5, 0.35));
}

pub(super) fn mushroom(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rng, (60.0, 120.0));
    let ty = rng.range(0.72, 0.78);
    let ground = hsl(rng.range(25.0, 40.0), 0.35, 0.35);
    c.rect(-0.01, ty, 1.01, 1.01, ground);
    for _ in 0..40 {
        c.ellipse(
            rng.range(0.0, 1.0),
            rng.range(ty, 1.0),
            0.02,
            0.006,
            rng.range(-0.5, 0.5),
            ground.shade(rng.range(-0.2, 0.2)),
        );
    }
    if rng.chance(0.3) {
        // cordyceps: orange club-shaped fruiting bodies in a glass dish
        c.ellipse(0.5, ty + 0.02, 0.3, 0.07, 0.0, hsl(190.0, 0.2, 0.85));
        for _ in 0..22 {
            let x = rng.range(0.25, 0.75);
            let h = rng.range(0.25, 0.45);
            let pts = quad_bezier(
                (x, ty + 0.02),
                (x + rng.range(-0.05, 0.05), ty - h / 2.0),
                (x + rng.range(-0.08, 0.08), ty - h),
                10,
            );
            c.stroke(&pts, 0.012, 0.022, hsl(rng.range(22.0, 32.0), 0.9, rng.range(0.5, 0.6)));
        }
        c.shape((0.2, ty - 0.02, 0.8, ty + 0.12), hsl(190.0, 0.25, 0.8), 0.6, |x, y| {
            ellipse_dist(x - 0.5, y - ty - 0.02, 0.3, 0.09).max(ty + 0.02 - y)
        });
        return;
    }
    let n = 3;
    let cap = hsl(rng.range(18.0, 30.0), rng.range(0.45, 0.6), rng.range(0.3, 0.4));
    for i in 0..n {
        let x = 0.25 + i as f32 * 0.25 + rng.range(-0.03, 0.03);
        let s = [0.8, 1.0, 0.7][i] * rng.range(0.9, 1.1);
        let stem_h = 0.22 * s;
        let base = ty + 0.02 + rng.range(0.0, 0.03);
        let top = base - stem_h;
        let tilt = rng.range(-0.2, 0.2);
        shadow(c, x, base, 0.1 * s, 0.02);
        c.rrect((x, base - stem_h / 2.0), (0.035 * s, stem_h / 2.0), 0.02, tilt * 0.3, hsl(40.0, 0.3, 0.85));
        let (rx, ry) = (0.15 * s, 0.1 * s);
        c.ellipse(x, top, rx, ry * 0.25, tilt, hsl(38.0, 0.35, 0.75));
        c.shape((x - rx, top - ry, x + rx, top + 0.02), cap, 1.0, |px, py| {
            let (lx, ly) = local(px, py, x, top, tilt);
            ellipse_dist(lx, ly, rx, ry).max(ly)
        });
        // cracks and flecks on the cap
        for _ in 0..10 {
            let (dx, dy) = (rng.range(-rx * 0.75, rx * 0.75), rng.range(-ry * 0.8, -ry * 0.15));
            if ellipse_dist(dx, dy, rx * 0.85, ry * 0.85) < 0.0 {
                c.ellipse(x + dx, top + dy, 0.012 * s, 0.004 * s, rng.range(-0.5, 0.5), cap.shade(0.55));
            }
        }
        c.ellipse(x - rx * 0.4, top - ry * 0.6, rx * 0.25, ry * 0.15, -0.3, cap.shade(0.2));
    }
}

pub(super) fn herb(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rng, (70.0, 130.0));
    let ty = rng.range(0.72, 0.78);
    table(c, rng, ty);
    let green = hsl(rng.range(80.0, 140.0), rng.range(0.35, 0.55), rng.range(0.3, 0.42));
    let tie = (rng.range(0.42, 0.5), ty - 0.02);
    let n = 6 + rng.below(3);
    for i in 0..n {
        let a = -std::f32::consts::FRAC_PI_2 + (i as f32 - (n as f32 - 1.0) / 2.0) * 0.18 + rng.range(-0.05, 0.05);
        let l = rng.range(0.45, 0.6);
        let end = (tie.0 + a.cos() * l, tie.1 + a.sin() * l);
        let ctrl = (tie.0 + a.cos() * l * 0.5 + rng.range(-0.05, 0.05), tie.1 + a.sin() * l * 0.5);
        let stem = quad_bezier((tie.0, tie.1 + 0.06), ctrl, end, 16);
        c.stroke(&stem, 0.008, 0.005, green.shade(-0.2));
        for k in (4..16).step_by(2) {
            let p = stem[k];
            let side = if k % 4 == 0 { 1.0 } else { -1.0 };
            c.leaf(p, a + side * 0.8, 0.06 + 0.03 * (16 - k) as f32 / 12.0, 0.03, green.shade(rng.range(-0.1, 0.2)));
        }
        c.leaf(end, a, 0.06, 0.03, green.shade(0.15));
    }
    c.rrect((tie.0, tie.1 + 0.02), (0.03, 0.018), 0.008, 0.0, hsl(35.0, 0.45, 0.55));
    // dried slices and a few seeds on the table
    for _ in 0..5 {
        let (x, y) = (rng.range(0.1, 0.9), rng.range(ty + 0.06, 0.95));
        if (x - tie.0).abs() < 0.1 {
            continue;
        }
        let r = rng.range(0.035, 0.05);
        let col = hsl(rng.range(35.0, 50.0), 0.4, 0.62);
        c.circle(x, y, r, col.shade(-0.15));
        c.circle(x, y, r * 0.82, col);
        for k in 0..8 {
            let a = k as f32 * std::f32::consts::TAU / 8.0;
            c.line((x, y), (x + a.cos() * r * 0.7, y + a.sin() * r * 0.7), 0.003, col.shade(-0.2));
        }
    }
}

pub(super) fn bottle_theme(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rng, (0.0, 360.0));
    let ty = rng.range(0.78, 0.84);
    table(c, rng, ty);
    let liquid = match rng.below(4) {
        0 => hsl(45.0, 0.2, 0.96),
        1 => hsl(rng.range(30.0, 45.0), 0.8, 0.5),
        2 => hsl(50.0, 0.6, 0.8),
        _ => hsl(rng.range(50.0, 60.0), 0.75, 0.6),
    };
    let bx = rng.range(0.38, 0.48);
    bottle(c, rng, bx, ty + 0.03, liquid);
    // a small cup beside
    let (cx, cy) = (bx + rng.range(0.26, 0.32), ty + 0.04);
    shadow(c, cx, cy, 0.08, 0.015);
    let cup = hsl(rng.range(0.0, 360.0), 0.2, 0.88);
    c.poly(&[(cx - 0.07, cy - 0.13), (cx + 0.07, cy - 0.13), (cx + 0.05, cy), (cx - 0.05, cy)], cup);
    c.ellipse(cx, cy - 0.13, 0.07, 0.018, 0.0, liquid.shade(-0.1));
    c.rect(cx - 0.055, cy - 0.1, cx - 0.045, cy - 0.02, WHITE);
}

pub(super) fn craft(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rng, (20.0, 60.0));
    let ty = rng.range(0.7, 0.76);
    table(c, rng, ty);
    let cane = hsl(rng.range(30.0, 42.0), 0.5, rng.range(0.55, 0.65));
    let variant = rng.below(3);
    if variant == 1 {
        // a conical hat seen from the side, and a basket behind it
        let (cx, base) = (0.5, ty + 0.06);
        shadow(c, cx, base + 0.02, 0.38, 0.04);
        let leaf = hsl(rng.range(45.0, 55.0), 0.35, 0.85);
        c.poly(&[(cx, base - 0.42), (cx + 0.38, base), (cx - 0.38, base)], leaf);
        c.ellipse(cx, base, 0.38, 0.04, 0.0, leaf.shade(-0.15));
        for k in 1..9 {
            let t = k as f32 / 9.0;
            let y = base - 0.42 + 0.42 * t;
            let w = 0.38 * t;
            c.line((cx - w, y), (cx + w, y), 0.004, leaf.shade(-0.25));
        }
        c.poly(&[(cx, base - 0.42), (cx + 0.04, base), (cx - 0.04, base)], leaf.shade(0.3));
        let strap = hsl(rng.pick(&[0.0, 210.0, 330.0]), 0.6, 0.5);
        c.stroke(&quad_bezier((cx - 0.2, base), (cx, base + 0.12), (cx + 0.2, base), 12), 0.01, 0.01, strap);
        return;
    }
    if variant == 2 {
        // a bundle of incense sticks
        let red = hsl(rng.range(350.0, 365.0), 0.75, 0.45);
        let tie = (0.5, ty - 0.05);
        for i in 0..30 {
            let a = -std::f32::consts::FRAC_PI_2 + (i as f32 - 15.0) * 0.018;
            let l = rng.range(0.5, 0.58);
            let top = (tie.0 + a.cos() * l, tie.1 + a.sin() * l * 0.98);
            let bottom = (tie.0 - a.cos() * 0.12, tie.1 + 0.12);
            c.line(bottom, top, 0.006, red);
            let coat = (tie.0 + a.cos() * l * 0.45, tie.1 + a.sin() * l * 0.45);
            c.line(coat, top, 0.011, hsl(25.0, 0.4, 0.35 + 0.05 * (i % 3) as f32));
        }
        c.rrect(tie, (0.06, 0.02), 0.01, 0.0, hsl(45.0, 0.7, 0.55));
        return;
    }
    // a woven basket with a handle
    let (cx, base) = (0.5, ty + 0.08);
    let (top_w, bot_w, h) = (0.34, 0.24, 0.32);
    let top = base - h;
    shadow(c, cx, base, 0.3, 0.03);
    c.ring(cx, top, 0.26, 0.03, cane.shade(-0.1));
    c.rect(cx - 0.3, top, cx + 0.3, top + 0.02, cane);
    let body = [(cx - top_w, top), (cx + top_w, top), (cx + bot_w, base), (cx - bot_w, base)];
    c.poly(&body, cane.shade(-0.2));
    let rows = 9;
    for r in 0..rows {
        let t0 = r as f32 / rows as f32;
        let y = top + h * t0;
        let w = top_w + (bot_w - top_w) * t0;
        let cols = 10;
        for k in 0..cols {
            let x = cx - w + (k as f32 + 0.5) * 2.0 * w / cols as f32;
            let lift = if (k + r) % 2 == 0 { 0.2 } else { -0.05 };
            c.rrect(
                (x, y + h / rows as f32 / 2.0),
                (w / cols as f32 * 0.9, h / rows as f32 * 0.42),
                0.008,
                0.0,
                cane.shade(lift),
            );
        }
    }
    c.rrect((cx, top), (top_w + 0.015, 0.018), 0.01, 0.0, cane.shade(-0.3));
    c.rrect((cx, base), (bot_w + 0.01, 0.012), 0.01, 0.0, cane.shade(-0.35));
}

pub(super) fn flower(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rng, (280.0, 380.0));
    let ty = rng.range(0.8, 0.86);
    table(c, rng, ty);
    let (cx, base) = (rng.range(0.44, 0.56), ty + 0.03);
    let pot = hsl(rng.range(15.0, 25.0), 0.55, 0.48);
    shadow(c, cx, base, 0.14, 0.02);
    c.poly(&[(cx - 0.14, base - 0.2), (cx + 0.14, base - 0.2), (cx + 0.1, base), (cx - 0.1, base)], pot);
    c.rrect((cx, base - 0.2), (0.155, 0.025), 0.01, 0.0, pot.shade(-0.15));
    let green = hsl(rng.range(100.0, 140.0), 0.45, 0.33);
    for k in 0..5 {
        let a = -std::f32::consts::FRAC_PI_2 + (k as f32 - 2.0) * 0.5;
        let pts = quad_bezier(
            (cx, base - 0.22),
            (cx + a.cos() * 0.15, base - 0.22 + a.sin() * 0.15),
            (cx + a.cos() * 0.3, base - 0.2 + a.sin() * 0.1 + 0.05),
            12,
        );
        c.stroke(&pts, 0.05, 0.01, green.shade(0.05 * k as f32));
    }
    let petal = hsl(rng.pick(&[320.0, 290.0, 340.0, 50.0, 0.0, 270.0]), rng.range(0.5, 0.75), rng.range(0.62, 0.75));
    let lip = hsl(rng.range(330.0, 380.0), 0.7, 0.45);
    let stem = quad_bezier((cx, base - 0.22), (cx - 0.05, 0.3), (cx + rng.range(0.1, 0.25), 0.12), 20);
    c.stroke(&stem, 0.012, 0.008, green.shade(-0.2));
    for (i, k) in [6usize, 10, 14, 18].iter().enumerate() {
        let (x, y) = stem[*k];
        let (x, y) = (x + 0.06, y + 0.02 * i as f32);
        let r = 0.07 - 0.006 * i as f32;
        c.line(stem[*k], (x, y), 0.006, green.shade(-0.2));
        for p in 0..5 {
            let a = -std::f32::consts::FRAC_PI_2 + p as f32 * std::f32::consts::TAU / 5.0;
            c.leaf((x, y), a, r, r * 0.55, petal.shade(if p % 2 == 0 { 0.1 } else { 0.0 }));
        }
        c.ellipse(x, y + r * 0.25, r * 0.3, r * 0.25, 0.0, lip);
        c.circle(x, y, r * 0.12, hsl(50.0, 0.8, 0.6));
    }
}

pub(super) fn tour(c: &mut Canvas, rng: &mut Rng) {
    let sky = rng.range(195.0, 215.0);
    let dusk = rng.chance(0.25);
    if dusk {
        c.vgradient(hsl(30.0, 0.8, 0.75), hsl(330.0, 0.4, 0.85));
    } else {
        c.vgradient(hsl(sky, 0.6, 0.72), hsl(sky - 10.0, 0.5, 0.9));
    }
    let (sx, sy) = (rng.range(0.15, 0.85), rng.range(0.12, 0.25));
    c.circle_a(sx, sy, 0.11, hsl(50.0, 1.0, 0.85), 0.5);
    c.circle(sx, sy, 0.07, hsl(if dusk { 25.0 } else { 48.0 }, 0.95, 0.65));
    for _ in 0..2 {
        let (x, y) = (rng.range(0.1, 0.9), rng.range(0.1, 0.3));
        for k in 0..4 {
            c.circle(
                x + k as f32 * 0.045 - 0.07,
                y + if k % 3 == 0 { 0.01 } else { -0.01 },
                0.035 + 0.01 * (k % 2) as f32,
                WHITE.mix(hsl(sky, 0.3, 0.9), 0.2),
            );
        }
    }
    // three ranges of mountains, paler with distance
    for layer in 0..3 {
        let base_y = 0.45 + layer as f32 * 0.08;
        let col =
            hsl(rng.range(140.0, 170.0) + layer as f32 * 5.0, 0.3 + 0.1 * layer as f32, 0.7 - 0.14 * layer as f32);
        let mut pts = Vec::new();
        let mut x = -0.05;
        while x < 1.1 {
            let peak = base_y - rng.range(0.08, 0.22) + layer as f32 * 0.03;
            pts.push((x, base_y + rng.range(-0.02, 0.02)));
            pts.push((x + rng.range(0.08, 0.12), peak));
            x += rng.range(0.18, 0.28);
        }
        c.fill_under(col, |x| piecewise(&pts, x));
    }
    // rice terraces: curved bands
    let gold = rng.chance(0.5);
    for k in 0..9 {
        let y0 = 0.62 + k as f32 * 0.045;
        let ph = rng.range(0.0, 6.0);
        let amp = 0.02 + 0.005 * k as f32;
        let hue = if gold { rng.range(45.0, 60.0) } else { rng.range(85.0, 110.0) };
        let col = hsl(hue, 0.6, 0.45 + 0.05 * (k % 2) as f32);
        let edge = |x: f32| y0 + amp * (x * 5.0 + ph).sin();
        c.fill_under(col, edge);
        c.curve(0.006, col.shade(-0.3), edge);
    }
    // a stilt house
    let (hx, hy) = (rng.range(0.15, 0.85), rng.range(0.6, 0.66));
    let wood = hsl(25.0, 0.45, 0.35);
    for k in 0..4 {
        let x = hx - 0.05 + k as f32 * 0.033;
        c.line((x, hy), (x, hy + 0.05), 0.006, wood.shade(-0.2));
    }
    c.rect(hx - 0.06, hy - 0.05, hx + 0.06, hy, wood);
    c.poly(&[(hx - 0.085, hy - 0.045), (hx, hy - 0.11), (hx + 0.085, hy - 0.045)], hsl(35.0, 0.35, 0.25));
    c.rect(hx - 0.015, hy - 0.035, hx + 0.015, hy - 0.01, hsl(40.0, 0.8, 0.7));
}
