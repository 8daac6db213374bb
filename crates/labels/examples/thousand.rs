//! Times one sheet of 1 000 serial labels on 5x13 decals, each with its own
//! ~70-character GS1 Digital Link URL, and writes the PDF to the path given.
//!
//! ```sh
//! cargo run --release -p labels --example thousand -- labels.pdf
//! ```

use std::time::Instant;

use labels::{Label, Layout, sheet};

const COUNT: usize = 1_000;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: thousand OUTPUT.pdf");
        std::process::exit(2);
    };
    let labels: Vec<Label> = (0..COUNT).map(label).collect();

    let start = Instant::now();
    let pdf = sheet(Layout::A4x65, &labels).expect("the labels render");
    let millis = start.elapsed().as_millis();

    let pages = COUNT.div_ceil(Layout::A4x65.per_page());
    println!("labels={COUNT} pages={pages} bytes={} millis={millis}", pdf.len());
    std::fs::write(&path, &pdf).unwrap_or_else(|err| panic!("write {path}: {err}"));
}

/// The `i`th jar of a lot of honey, with a 16-character serial number.
fn label(i: usize) -> Label {
    let serial = serial(i);
    Label {
        title: "Mật ong bạc hà Đồng Văn".into(),
        stars: Some(4),
        lot: "L2026-0117".into(),
        expires: Some("31/12/2027".into()),
        url: format!("https://dacsan.vn/01/08934563138165/10/L2026-0117/21/{serial}"),
        serial: Some(serial),
    }
}

/// A serial number that looks random but is the same on every run.
fn serial(i: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut state = (i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (0..16)
        .map(|_| {
            state ^= state >> 29;
            state = state.wrapping_mul(0xbf58_476d_1ce4_e5b9);
            char::from(ALPHABET[(state >> 59) as usize])
        })
        .collect()
}
