//! The raster toolkit behind the demo pictures: a splitmix64 generator and an
//! FNV-1a hash for seeds, colours (`Col`, `hsl`), signed-distance geometry, and the
//! `Canvas` with its anti-aliased drawing primitives. Knows nothing of products.

use image::{Rgb, RgbImage};

// ---------------------------------------------------------------- randomness

/// FNV-1a, to turn names into seeds.
pub(super) fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// splitmix64: small, fast and good enough for pictures.
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub(super) fn unit(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }

    pub(super) fn range(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * self.unit()
    }

    /// Uniform in 0..n (n > 0).
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub(super) fn chance(&mut self, p: f32) -> bool {
        self.unit() < p
    }

    pub(super) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------- colour

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Col([f32; 3]);

/// Hue in degrees, saturation and lightness in 0..1.
pub(super) fn hsl(h: f32, s: f32, l: f32) -> Col {
    let h = h.rem_euclid(360.0) / 60.0;
    let s = s.clamp(0.0, 1.0);
    let l = l.clamp(0.0, 1.0);
    let chroma = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let x = chroma * (1.0 - (h % 2.0 - 1.0).abs());
    let (r, g, b) = match h as u32 {
        0 => (chroma, x, 0.0),
        1 => (x, chroma, 0.0),
        2 => (0.0, chroma, x),
        3 => (0.0, x, chroma),
        4 => (x, 0.0, chroma),
        _ => (chroma, 0.0, x),
    };
    let m = l - chroma / 2.0;
    Col([(r + m) * 255.0, (g + m) * 255.0, (b + m) * 255.0])
}

impl Col {
    pub(super) fn mix(self, other: Col, t: f32) -> Col {
        let [a, b, c] = self.0;
        let [x, y, z] = other.0;
        Col([a + (x - a) * t, b + (y - b) * t, c + (z - c) * t])
    }

    /// Towards white for t > 0, towards black for t < 0.
    pub(super) fn shade(self, t: f32) -> Col {
        if t >= 0.0 { self.mix(WHITE, t) } else { self.mix(BLACK, -t) }
    }
}

pub(super) const WHITE: Col = Col([255.0, 255.0, 255.0]);
pub(super) const BLACK: Col = Col([20.0, 16.0, 14.0]);

// ---------------------------------------------------------------- geometry

pub(super) type P = (f32, f32);

pub(super) fn len(x: f32, y: f32) -> f32 {
    (x * x + y * y).sqrt()
}

/// Signed distance to a segment, minus nothing (0 on the segment); also returns t.
pub(super) fn seg_dist(px: f32, py: f32, a: P, b: P) -> (f32, f32) {
    let (ex, ey) = (b.0 - a.0, b.1 - a.1);
    let (wx, wy) = (px - a.0, py - a.1);
    let ee = ex * ex + ey * ey;
    let t = if ee > 0.0 { ((wx * ex + wy * ey) / ee).clamp(0.0, 1.0) } else { 0.0 };
    (len(wx - ex * t, wy - ey * t), t)
}

/// Signed distance to a simple polygon (negative inside), after Inigo Quilez.
pub(super) fn poly_dist(px: f32, py: f32, v: &[P]) -> f32 {
    let n = v.len();
    let mut d = f32::MAX;
    let mut sign = 1.0;
    let mut j = n - 1;
    for i in 0..n {
        let (vi, vj) = (v[i], v[j]);
        d = d.min(seg_dist(px, py, vi, vj).0);
        let (ex, ey) = (vj.0 - vi.0, vj.1 - vi.1);
        let (wx, wy) = (px - vi.0, py - vi.1);
        let c1 = py >= vi.1;
        let c2 = py < vj.1;
        let c3 = ex * wy > ey * wx;
        if (c1 && c2 && c3) || (!c1 && !c2 && !c3) {
            sign = -sign;
        }
        j = i;
    }
    sign * d
}

/// Approximate signed distance to an axis-aligned ellipse centred at the origin.
pub(super) fn ellipse_dist(x: f32, y: f32, rx: f32, ry: f32) -> f32 {
    let k0 = len(x / rx, y / ry);
    let k1 = len(x / (rx * rx), y / (ry * ry));
    if k1 == 0.0 { -rx.min(ry) } else { k0 * (k0 - 1.0) / k1 }
}

/// Signed distance to a rounded box of half-size (hw, hh) and corner radius r.
fn rbox_dist(x: f32, y: f32, hw: f32, hh: f32, r: f32) -> f32 {
    let qx = x.abs() - (hw - r);
    let qy = y.abs() - (hh - r);
    len(qx.max(0.0), qy.max(0.0)) + qx.max(qy).min(0.0) - r
}

/// Rotates (x, y) about (cx, cy) by -angle: the point in the shape's own frame.
pub(super) fn local(x: f32, y: f32, cx: f32, cy: f32, angle: f32) -> P {
    let (s, c) = angle.sin_cos();
    let (dx, dy) = (x - cx, y - cy);
    (dx * c + dy * s, -dx * s + dy * c)
}

pub(super) fn quad_bezier(a: P, b: P, c: P, n: usize) -> Vec<P> {
    (0..=n)
        .map(|i| {
            let t = i as f32 / n as f32;
            let u = 1.0 - t;
            (u * u * a.0 + 2.0 * u * t * b.0 + t * t * c.0, u * u * a.1 + 2.0 * u * t * b.1 + t * t * c.1)
        })
        .collect()
}

// ---------------------------------------------------------------- canvas

/// A float-coordinate canvas: shapes are given in units of the picture side
/// (0..1 on both axes, y down) and drawn with one pixel of anti-aliasing.
pub(super) struct Canvas {
    pub(super) img: RgbImage,
    side: f32,
}

impl Canvas {
    pub(super) fn new(size: u32) -> Canvas {
        Canvas { img: RgbImage::new(size, size), side: size as f32 }
    }

    pub(super) fn fill(&mut self, col: Col) {
        let px = rgb(col);
        for p in self.img.pixels_mut() {
            *p = px;
        }
    }

    pub(super) fn vgradient(&mut self, top: Col, bottom: Col) {
        let h = self.img.height();
        for y in 0..h {
            let t = if h > 1 { y as f32 / (h - 1) as f32 } else { 0.0 };
            let px = rgb(top.mix(bottom, t));
            for x in 0..self.img.width() {
                self.img.put_pixel(x, y, px);
            }
        }
    }

    /// Fills where `dist` (a signed distance in picture units, negative inside) is
    /// below zero, within the box (x0, y0)–(x1, y1), blending with opacity `alpha`.
    pub(super) fn shape(&mut self, bbox: (f32, f32, f32, f32), col: Col, alpha: f32, dist: impl Fn(f32, f32) -> f32) {
        if self.img.width() == 0 {
            return;
        }
        let s = self.side;
        let max = self.img.width() as f32 - 1.0;
        let x0 = (bbox.0 * s - 2.0).floor().clamp(0.0, max) as u32;
        let y0 = (bbox.1 * s - 2.0).floor().clamp(0.0, max) as u32;
        let x1 = (bbox.2 * s + 2.0).ceil().clamp(0.0, max) as u32;
        let y1 = (bbox.3 * s + 2.0).ceil().clamp(0.0, max) as u32;
        for y in y0..=y1 {
            let fy = (y as f32 + 0.5) / s;
            for x in x0..=x1 {
                let fx = (x as f32 + 0.5) / s;
                let d = dist(fx, fy) * s;
                let cover = (0.5 - d).clamp(0.0, 1.0) * alpha;
                if cover > 0.0 {
                    blend(self.img.get_pixel_mut(x, y), col, cover);
                }
            }
        }
    }

    /// Fills everything below the curve y = f(x) (a landscape), anti-aliased vertically.
    pub(super) fn fill_under(&mut self, col: Col, f: impl Fn(f32) -> f32) {
        let s = self.side;
        let px = rgb(col);
        for x in 0..self.img.width() {
            let edge = f((x as f32 + 0.5) / s) * s;
            let start = edge.floor().max(0.0) as u32;
            for y in start..self.img.height() {
                let cover = (y as f32 + 1.0 - edge).clamp(0.0, 1.0);
                if cover >= 1.0 {
                    self.img.put_pixel(x, y, px);
                } else if cover > 0.0 {
                    blend(self.img.get_pixel_mut(x, y), col, cover);
                }
            }
        }
    }

    /// Draws the curve y = f(x) as a line `width` thick (measured vertically).
    pub(super) fn curve(&mut self, width: f32, col: Col, f: impl Fn(f32) -> f32) {
        let s = self.side;
        let half = width * s / 2.0;
        let h = self.img.height();
        for x in 0..self.img.width() {
            let mid = f((x as f32 + 0.5) / s) * s;
            let y0 = (mid - half - 1.0).floor().max(0.0) as u32;
            let y1 = ((mid + half + 1.0).ceil().max(0.0) as u32).min(h);
            for y in y0..y1 {
                let d = ((y as f32 + 0.5) - mid).abs() - half;
                let cover = (0.5 - d).clamp(0.0, 1.0);
                if cover > 0.0 {
                    blend(self.img.get_pixel_mut(x, y), col, cover);
                }
            }
        }
    }

    pub(super) fn circle(&mut self, cx: f32, cy: f32, r: f32, col: Col) {
        self.shape((cx - r, cy - r, cx + r, cy + r), col, 1.0, |x, y| len(x - cx, y - cy) - r);
    }

    pub(super) fn circle_a(&mut self, cx: f32, cy: f32, r: f32, col: Col, alpha: f32) {
        self.shape((cx - r, cy - r, cx + r, cy + r), col, alpha, |x, y| len(x - cx, y - cy) - r);
    }

    pub(super) fn ring(&mut self, cx: f32, cy: f32, r: f32, width: f32, col: Col) {
        let o = r + width;
        self.shape((cx - o, cy - o, cx + o, cy + o), col, 1.0, |x, y| (len(x - cx, y - cy) - r).abs() - width / 2.0);
    }

    pub(super) fn ellipse(&mut self, cx: f32, cy: f32, rx: f32, ry: f32, angle: f32, col: Col) {
        let (s, c) = angle.sin_cos();
        let ex = (rx * rx * c * c + ry * ry * s * s).sqrt();
        let ey = (rx * rx * s * s + ry * ry * c * c).sqrt();
        self.shape((cx - ex, cy - ey, cx + ex, cy + ey), col, 1.0, |x, y| {
            let (lx, ly) = local(x, y, cx, cy, angle);
            ellipse_dist(lx, ly, rx, ry)
        });
    }

    pub(super) fn ellipse_a(&mut self, cx: f32, cy: f32, rx: f32, ry: f32, col: Col, alpha: f32) {
        self.shape((cx - rx, cy - ry, cx + rx, cy + ry), col, alpha, |x, y| ellipse_dist(x - cx, y - cy, rx, ry));
    }

    /// A rounded rectangle centred at (cx, cy) with half-sizes (hw, hh), turned by `angle`.
    pub(super) fn rrect(&mut self, (cx, cy): P, (hw, hh): P, r: f32, angle: f32, col: Col) {
        let (s, c) = angle.sin_cos();
        let ex = hw * c.abs() + hh * s.abs();
        let ey = hw * s.abs() + hh * c.abs();
        self.shape((cx - ex, cy - ey, cx + ex, cy + ey), col, 1.0, |x, y| {
            let (lx, ly) = local(x, y, cx, cy, angle);
            rbox_dist(lx, ly, hw, hh, r)
        });
    }

    pub(super) fn rect(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, col: Col) {
        self.rrect(((x0 + x1) / 2.0, (y0 + y1) / 2.0), ((x1 - x0) / 2.0, (y1 - y0) / 2.0), 0.0, 0.0, col);
    }

    pub(super) fn poly(&mut self, pts: &[P], col: Col) {
        self.poly_a(pts, col, 1.0);
    }

    pub(super) fn poly_a(&mut self, pts: &[P], col: Col, alpha: f32) {
        if pts.len() < 3 {
            return;
        }
        let bbox = bounds(pts);
        self.shape(bbox, col, alpha, |x, y| poly_dist(x, y, pts));
    }

    pub(super) fn line(&mut self, a: P, b: P, width: f32, col: Col) {
        let r = width / 2.0;
        let bbox = (a.0.min(b.0) - r, a.1.min(b.1) - r, a.0.max(b.0) + r, a.1.max(b.1) + r);
        self.shape(bbox, col, 1.0, |x, y| seg_dist(x, y, a, b).0 - r);
    }

    /// A thick polyline whose width goes from `w0` to `w1` along its length.
    pub(super) fn stroke(&mut self, pts: &[P], w0: f32, w1: f32, col: Col) {
        self.stroke_a(pts, w0, w1, col, 1.0);
    }

    pub(super) fn stroke_a(&mut self, pts: &[P], w0: f32, w1: f32, col: Col, alpha: f32) {
        if pts.len() < 2 {
            return;
        }
        // Each segment's box, grown by the half width and two pixels, to skip far segments.
        let r = w0.max(w1) / 2.0;
        let margin = r + 2.0 / self.side.max(1.0);
        let boxes: Vec<(f32, f32, f32, f32)> = pts
            .windows(2)
            .map(|w| {
                let (a, b) = (w[0], w[1]);
                (a.0.min(b.0) - margin, a.1.min(b.1) - margin, a.0.max(b.0) + margin, a.1.max(b.1) + margin)
            })
            .collect();
        let (x0, y0, x1, y1) = bounds(pts);
        let n = (pts.len() - 1) as f32;
        self.shape((x0 - r, y0 - r, x1 + r, y1 + r), col, alpha, |x, y| {
            let mut best = margin;
            for (i, (w, bb)) in pts.windows(2).zip(&boxes).enumerate() {
                if x < bb.0 || x > bb.2 || y < bb.1 || y > bb.3 {
                    continue;
                }
                let (d, t) = seg_dist(x, y, w[0], w[1]);
                let along = (i as f32 + t) / n;
                best = best.min(d - (w0 + (w1 - w0) * along) / 2.0);
            }
            best
        });
    }

    /// A pointed leaf from `base` in direction `angle`, `length` long and `width` wide,
    /// with a lighter midrib.
    pub(super) fn leaf(&mut self, base: P, angle: f32, length: f32, width: f32, col: Col) {
        let a = length / 2.0;
        let b = width / 2.0;
        let big_r = (a * a + b * b) / (2.0 * b);
        let (s, c) = angle.sin_cos();
        let (cx, cy) = (base.0 + c * a, base.1 + s * a);
        self.shape((cx - a, cy - a, cx + a, cy + a), col, 1.0, |x, y| {
            let (lx, ly) = local(x, y, cx, cy, angle);
            let d1 = len(lx, ly + (big_r - b)) - big_r;
            let d2 = len(lx, ly - (big_r - b)) - big_r;
            d1.max(d2)
        });
        let tip = (base.0 + c * length * 0.92, base.1 + s * length * 0.92);
        self.stroke(&[base, tip], width * 0.07, width * 0.02, col.shade(0.35));
    }
}

fn blend(p: &mut Rgb<u8>, col: Col, t: f32) {
    for (v, c) in p.0.iter_mut().zip(col.0) {
        *v = (f32::from(*v) * (1.0 - t) + c * t).round().clamp(0.0, 255.0) as u8;
    }
}

/// The piecewise-linear function through `pts` (sorted by x), flat beyond the ends.
pub(super) fn piecewise(pts: &[P], x: f32) -> f32 {
    match pts.iter().position(|p| p.0 >= x) {
        None => pts[pts.len() - 1].1,
        Some(0) => pts[0].1,
        Some(i) => {
            let (a, b) = (pts[i - 1], pts[i]);
            a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0)
        }
    }
}

fn rgb(c: Col) -> Rgb<u8> {
    let [r, g, b] = c.0;
    Rgb([r.round().clamp(0.0, 255.0) as u8, g.round().clamp(0.0, 255.0) as u8, b.round().clamp(0.0, 255.0) as u8])
}

fn bounds(pts: &[P]) -> (f32, f32, f32, f32) {
    pts.iter().fold((f32::MAX, f32::MAX, f32::MIN, f32::MIN), |(a, b, c, d), &(x, y)| {
        (a.min(x), b.min(y), c.max(x), d.max(y))
    })
}

pub(super) fn regular(cx: f32, cy: f32, r: f32, n: usize, rot: f32) -> Vec<P> {
    (0..n)
        .map(|i| {
            let a = rot + i as f32 * std::f32::consts::TAU / n as f32;
            (cx + r * a.cos(), cy + r * a.sin())
        })
        .collect()
}

pub(super) fn star(cx: f32, cy: f32, outer: f32, inner: f32, n: usize, rot: f32) -> Vec<P> {
    (0..2 * n)
        .map(|i| {
            let a = rot + i as f32 * std::f32::consts::PI / n as f32;
            let r = if i % 2 == 0 { outer } else { inner };
            (cx + r * a.cos(), cy + r * a.sin())
        })
        .collect()
}
