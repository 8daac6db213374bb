//! Procedural pictures for the demo region: a flat illustration for each product
//! theme (`tea`, `honey`, `fish`, … see [`THEMES`]) and a round emblem for each
//! producer. Pure functions of their arguments: the same theme, seed and size always
//! give the same pixels. Owns its own tiny raster toolkit (anti-aliased shapes from
//! signed distances) and a splitmix64 generator; no fonts, no files, no other crate
//! than `image`. The toolkit lives in `canvas`, the shared scenery in `scenery`, and
//! the themes in `food` and `goods`.

mod canvas;
mod food;
mod goods;
mod scenery;

use image::RgbImage;

use canvas::{Canvas, Rng, hash, hsl};
use food::{chilli, coffee, fish, fruit, honey, meat, nut, rice, tea};
use goods::{bottle_theme, brocade, cinnamon, craft, flower, ginseng, herb, mushroom, tour, vinegar};
use scenery::{backdrop, emblem};

/// Every theme [`product_picture`] knows; any other name gets a neutral emblem.
pub const THEMES: [&str; 19] = [
    "tea", "rice", "honey", "ginseng", "chilli", "fish", "cinnamon", "meat", "brocade", "vinegar", "fruit", "nut",
    "mushroom", "herb", "bottle", "craft", "flower", "coffee", "tour",
];

/// A square picture of `size` × `size` pixels showing `theme`; `seed` varies the
/// colours and the layout.
pub fn product_picture(theme: &str, seed: u64, size: u32) -> RgbImage {
    let mut rng = Rng::new(seed ^ hash(theme));
    let mut c = Canvas::new(size);
    match theme {
        "tea" => tea(&mut c, &mut rng),
        "rice" => rice(&mut c, &mut rng),
        "honey" => honey(&mut c, &mut rng),
        "ginseng" => ginseng(&mut c, &mut rng),
        "chilli" => chilli(&mut c, &mut rng),
        "fish" => fish(&mut c, &mut rng),
        "cinnamon" => cinnamon(&mut c, &mut rng),
        "meat" => meat(&mut c, &mut rng),
        "brocade" => brocade(&mut c, &mut rng),
        "vinegar" => vinegar(&mut c, &mut rng),
        "fruit" => fruit(&mut c, &mut rng),
        "nut" => nut(&mut c, &mut rng),
        "mushroom" => mushroom(&mut c, &mut rng),
        "herb" => herb(&mut c, &mut rng),
        "bottle" => bottle_theme(&mut c, &mut rng),
        "craft" => craft(&mut c, &mut rng),
        "flower" => flower(&mut c, &mut rng),
        "coffee" => coffee(&mut c, &mut rng),
        "tour" => tour(&mut c, &mut rng),
        _ => {
            let hue = rng.range(0.0, 360.0);
            backdrop(&mut c, &mut rng, (hue, hue));
            emblem(&mut c, &mut rng, 0.5, 0.5, 0.3);
        }
    }
    c.img
}

/// A square logo of `size` × `size` pixels: a coloured disc with a geometric motif,
/// both chosen from a hash of `name` and `seed`.
pub fn producer_logo(name: &str, seed: u64, size: u32) -> RgbImage {
    let mut rng = Rng::new(hash(name) ^ seed.rotate_left(17));
    let mut c = Canvas::new(size);
    let hue = rng.range(0.0, 360.0);
    c.fill(hsl(hue, 0.35, 0.96));
    emblem(&mut c, &mut rng, 0.5, 0.5, 0.42);
    c.img
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_have_the_asked_size() {
        for size in [0, 1, 2, 17, 64] {
            let p = product_picture("tea", 7, size);
            assert_eq!(p.dimensions(), (size, size));
            let l = producer_logo("Hợp tác xã Chè Shan tuyết Sìn Hồ", 7, size);
            assert_eq!(l.dimensions(), (size, size));
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_picture() {
        for theme in THEMES {
            assert_eq!(product_picture(theme, 42, 48), product_picture(theme, 42, 48), "{theme}");
        }
        assert_eq!(producer_logo("HTX Quế Bảo Yên", 3, 48), producer_logo("HTX Quế Bảo Yên", 3, 48));
    }

    #[test]
    fn different_seeds_give_different_pictures() {
        for theme in THEMES {
            assert_ne!(product_picture(theme, 1, 48), product_picture(theme, 2, 48), "{theme}");
        }
        assert_ne!(producer_logo("HTX Quế Bảo Yên", 1, 48), producer_logo("HTX Quế Bảo Yên", 2, 48));
        assert_ne!(producer_logo("HTX Quế Bảo Yên", 1, 48), producer_logo("HTX Chè Tân Cương", 1, 48));
    }

    #[test]
    fn every_theme_draws_something() {
        for theme in THEMES.iter().copied().chain(["no-such-theme", ""]) {
            for seed in 0..6 {
                let p = product_picture(theme, seed, 64);
                let first = *p.get_pixel(0, 0);
                let differing = p.pixels().filter(|&&px| px != first).count();
                assert!(differing > 64 * 64 / 10, "{theme} {seed}: only {differing} pixels differ from the corner");
            }
        }
    }

    #[test]
    fn themes_look_different_from_each_other() {
        let mean = |theme: &str| {
            let p = product_picture(theme, 9, 32);
            let mut sum = [0u64; 3];
            for px in p.pixels() {
                for (s, v) in sum.iter_mut().zip(px.0) {
                    *s += u64::from(v);
                }
            }
            sum
        };
        let means: Vec<[u64; 3]> = THEMES.iter().map(|t| mean(t)).collect();
        for i in 0..means.len() {
            for j in i + 1..means.len() {
                assert_ne!(means[i], means[j], "{} and {}", THEMES[i], THEMES[j]);
            }
        }
    }

    #[test]
    fn splitmix_stays_in_range() {
        let mut rng = Rng::new(0);
        for _ in 0..10_000 {
            let u = rng.unit();
            assert!((0.0..1.0).contains(&u));
            assert!(rng.below(7) < 7);
        }
    }
}
