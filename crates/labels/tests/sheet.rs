//! Renders sheets and reads them back with an independent PDF parser (lopdf) and QR
//! decoder (rqrr): the pages, the QR codes as a phone would read them, and the text
//! with the glyphs of the embedded font subsets.

use std::collections::BTreeMap;

use labels::{Label, LabelError, Layout, sheet};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// The title with the letters most likely to go missing from a font subset.
const TITLE: &str = "Mật ong bạc hà Đồng Văn – ưu đãi đặc sản";

fn label(i: usize) -> Label {
    Label {
        title: TITLE.into(),
        stars: Some(4),
        lot: "L01".into(),
        expires: Some("31/12/2026".into()),
        serial: Some(format!("AB{i:08}")),
        url: format!("https://dacsan.vn/01/08934563138165/10/L01/21/AB{i:08}"),
    }
}

fn labels(count: usize) -> Vec<Label> {
    (0..count).map(label).collect()
}

fn load(pdf: &[u8]) -> Document {
    Document::load_mem(pdf).expect("the sheet is a PDF lopdf can read")
}

/// The objects whose `/Type` is `/Page`.
fn page_objects(doc: &Document) -> usize {
    doc.objects
        .values()
        .filter(|object| {
            object.as_dict().is_ok_and(|dict| dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"Page"))
        })
        .count()
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).expect("references resolve").1
}

fn dict<'a>(doc: &'a Document, parent: &'a Dictionary, key: &[u8]) -> &'a Dictionary {
    resolve(doc, parent.get(key).unwrap_or_else(|_| panic!("{} missing", String::from_utf8_lossy(key))))
        .as_dict()
        .expect("a dictionary")
}

fn page_resources(doc: &Document, page: ObjectId) -> &Dictionary {
    dict(doc, doc.get_dictionary(page).unwrap(), b"Resources")
}

fn operations(doc: &Document, page: ObjectId) -> Vec<lopdf::content::Operation> {
    Content::decode(&doc.get_page_content(page)).expect("the content stream parses").operations
}

fn inflate(stream: &lopdf::Stream) -> Vec<u8> {
    assert_eq!(stream.dict.get(b"Filter").unwrap().as_name().unwrap(), b"FlateDecode");
    miniz_oxide::inflate::decompress_to_vec_zlib(&stream.content).expect("zlib data")
}

fn number(object: &Object) -> f32 {
    object.as_float().or_else(|_| object.as_i64().map(|n| n as f32)).expect("a number")
}

/// Decodes every QR image of every page in drawing order, as a phone would: the
/// 1-bit bitmap rebuilt from the image stream, enlarged and read by rqrr. Also checks
/// that each module is printed at least 0.4 mm wide.
fn read_qr_codes(pdf: &[u8]) -> Vec<String> {
    let doc = load(pdf);
    let mut texts = Vec::new();
    for page in doc.get_pages().into_values() {
        let x_objects = dict(&doc, page_resources(&doc, page), b"XObject");
        let mut side_pt = 0.0;
        for op in operations(&doc, page) {
            match op.operator.as_str() {
                "cm" => side_pt = number(&op.operands[0]),
                "Do" => {
                    let name = op.operands[0].as_name().unwrap();
                    let image = resolve(&doc, x_objects.get(name).unwrap()).as_stream().expect("an image stream");
                    let size = image.dict.get(b"Width").unwrap().as_i64().unwrap() as usize;
                    assert!(side_pt / size as f32 * 25.4 / 72.0 >= 0.3999, "modules under 0.4 mm");
                    texts.push(decode_image(image, size));
                }
                _ => {}
            }
        }
    }
    texts
}

fn decode_image(image: &lopdf::Stream, size: usize) -> String {
    let dict = &image.dict;
    assert_eq!(dict.get(b"Subtype").unwrap().as_name().unwrap(), b"Image");
    assert_eq!(dict.get(b"Height").unwrap().as_i64().unwrap() as usize, size);
    assert_eq!(dict.get(b"BitsPerComponent").unwrap().as_i64().unwrap(), 1);
    assert_eq!(dict.get(b"ColorSpace").unwrap().as_name().unwrap(), b"DeviceGray");
    assert!(!dict.get(b"Interpolate").unwrap().as_bool().unwrap());
    let bits = inflate(image);
    let row_bytes = size.div_ceil(8);
    assert_eq!(bits.len(), row_bytes * size);
    const SCALE: usize = 6;
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(size * SCALE, size * SCALE, |x, y| {
        let (x, y) = (x / SCALE, y / SCALE);
        if bits[y * row_bytes + x / 8] & (0x80 >> (x % 8)) == 0 { 0 } else { 255 }
    });
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code per image");
    grids[0].decode().expect("the QR code decodes").1
}

/// One embedded font as the test sees it: subset glyph ids → characters from its
/// `/ToUnicode` map, and the subset font file itself.
struct EmbeddedFont {
    to_unicode: BTreeMap<u16, char>,
    file: Vec<u8>,
}

fn embedded_font(doc: &Document, font: &Dictionary) -> EmbeddedFont {
    assert_eq!(font.get(b"Subtype").unwrap().as_name().unwrap(), b"Type0");
    assert_eq!(font.get(b"Encoding").unwrap().as_name().unwrap(), b"Identity-H");
    let base = font.get(b"BaseFont").unwrap().as_name().unwrap();
    assert_eq!(base[6], b'+', "a subset font is named ABCDEF+Name");
    let cmap = resolve(doc, font.get(b"ToUnicode").unwrap()).as_stream().unwrap();
    let descendants = resolve(doc, font.get(b"DescendantFonts").unwrap()).as_array().unwrap();
    let cid_font = resolve(doc, &descendants[0]).as_dict().unwrap();
    let descriptor = dict(doc, cid_font, b"FontDescriptor");
    let file = resolve(doc, descriptor.get(b"FontFile2").unwrap()).as_stream().unwrap();
    EmbeddedFont { to_unicode: parse_to_unicode(&inflate(cmap)), file: inflate(file) }
}

/// The `<glyph> <utf-16>` pairs of a `/ToUnicode` CMap's bfchar sections.
fn parse_to_unicode(cmap: &[u8]) -> BTreeMap<u16, char> {
    let text = String::from_utf8_lossy(cmap);
    let mut map = BTreeMap::new();
    for line in text.lines() {
        let hex: Vec<&str> = line.split(['<', '>']).map(str::trim).filter(|part| !part.is_empty()).collect();
        if let [glyph, unicode] = hex[..] {
            let glyph = u16::from_str_radix(glyph, 16).unwrap();
            let units: Vec<u16> =
                (0..unicode.len()).step_by(4).map(|i| u16::from_str_radix(&unicode[i..i + 4], 16).unwrap()).collect();
            let c = char::decode_utf16(units).next().unwrap().unwrap();
            map.insert(glyph, c);
        }
    }
    map
}

/// The text lines of the first page, decoded through the fonts' `/ToUnicode` maps,
/// after checking that every glyph shown is a real, drawn glyph of the subset.
fn page_text(pdf: &[u8]) -> Vec<String> {
    let doc = load(pdf);
    let page = *doc.get_pages().values().next().unwrap();
    let fonts = dict(&doc, page_resources(&doc, page), b"Font");
    let fonts: BTreeMap<Vec<u8>, EmbeddedFont> = fonts
        .iter()
        .map(|(name, font)| (name.clone(), embedded_font(&doc, resolve(&doc, font).as_dict().unwrap())))
        .collect();
    let ops = operations(&doc, page);
    for operator in ["BT", "Tf", "Tm", "Tj", "ET"] {
        assert!(ops.iter().any(|op| op.operator == operator), "no {operator} in the content stream");
    }
    let mut current = None;
    let mut lines = Vec::new();
    for op in ops {
        match op.operator.as_str() {
            "Tf" => current = Some(&fonts[op.operands[0].as_name().unwrap()]),
            "Tj" => lines.push(decode_shown(current.expect("Tf before Tj"), op.operands[0].as_str().unwrap())),
            _ => {}
        }
    }
    lines
}

fn decode_shown(font: &EmbeddedFont, bytes: &[u8]) -> String {
    let face = ttf_parser::Face::parse(&font.file, 0).expect("the subset font parses");
    bytes
        .chunks(2)
        .map(|pair| {
            let glyph = u16::from_be_bytes([pair[0], pair[1]]);
            assert_ne!(glyph, 0, ".notdef shown");
            assert!(glyph < face.number_of_glyphs(), "glyph {glyph} is not in the subset");
            let c = font.to_unicode[&glyph];
            if !c.is_whitespace() {
                assert!(face.glyph_bounding_box(ttf_parser::GlyphId(glyph)).is_some(), "glyph for {c:?} is empty");
            }
            c
        })
        .collect()
}

#[test]
fn pages_hold_as_many_labels_as_the_layout() {
    for (layout, count, pages) in [
        (Layout::A4x65, 66, 2),
        (Layout::A4x65, 65, 1),
        (Layout::A4x65, 1, 1),
        (Layout::A4x40, 81, 3),
        (Layout::A4x21, 21, 1),
        (Layout::A4x21, 22, 2),
    ] {
        let pdf = sheet(layout, &labels(count)).unwrap();
        let doc = load(&pdf);
        assert_eq!(page_objects(&doc), pages, "{count} labels on {layout}");
        assert_eq!(doc.get_pages().len(), pages, "{count} labels on {layout}");
    }
}

#[test]
fn pages_are_a4() {
    let doc = load(&sheet(Layout::A4x40, &labels(1)).unwrap());
    let page = *doc.get_pages().values().next().unwrap();
    let media_box = doc.get_dictionary(page).unwrap().get(b"MediaBox").unwrap().as_array().unwrap();
    let mm: Vec<f32> = media_box.iter().map(|n| (number(n) * 25.4 / 72.0).round()).collect();
    assert_eq!(mm, [0.0, 0.0, 210.0, 297.0]);
}

#[test]
fn qr_codes_decode_to_the_urls_in_order_on_every_layout() {
    for layout in Layout::ALL {
        let labels = labels(layout.per_page() + 3);
        let pdf = sheet(*layout, &labels).unwrap();
        let urls: Vec<String> = labels.into_iter().map(|label| label.url).collect();
        assert_eq!(read_qr_codes(&pdf), urls, "{layout}");
    }
}

#[test]
fn the_longest_url_that_fits_the_smallest_layout_still_decodes() {
    // 120 characters: version 7 at level M, 45 + 8 modules in 21.2 mm.
    let url = format!("https://dacsan.vn/01/08934563138165/10/L01/21/{}", "x".repeat(74));
    let label = Label { url: url.clone(), ..label(0) };
    let pdf = sheet(Layout::A4x65, &[label]).unwrap();
    assert_eq!(read_qr_codes(&pdf), [url]);
}

#[test]
fn vietnamese_text_is_shown_with_real_glyphs() {
    let label = Label {
        title: "Chè Shan tuyết Sìn Hồ".into(),
        stars: Some(5),
        lot: "Lô-Đặc-Biệt".into(),
        expires: Some("31/12/2026".into()),
        serial: Some("ƯƠẠẶ".into()),
        url: "https://dacsan.vn/01/08934563138165/10/L01/21/AB12CD34EF".into(),
    };
    let text = page_text(&sheet(Layout::A4x21, &[label]).unwrap());
    assert_eq!(text, ["Chè Shan", "tuyết Sìn Hồ", "OCOP ★★★★★", "Lô: Lô-Đặc-Biệt", "HSD: 31/12/2026", "Số: ƯƠẠẶ"]);
}

#[test]
fn long_titles_wrap_and_every_letter_survives() {
    let text = page_text(&sheet(Layout::A4x65, &labels(1)).unwrap());
    let title: Vec<&String> = text.iter().take_while(|line| !line.starts_with("OCOP")).collect();
    assert_eq!(title.len(), 2, "{text:?}");
    let shown = title.iter().map(|line| line.as_str()).collect::<Vec<_>>().join(" ");
    let shown = shown.trim_end_matches('…');
    assert!(TITLE.starts_with(shown), "{shown:?}");
    for c in "ưđặĐạ".chars() {
        assert!(shown.contains(c) || !TITLE[..shown.len()].contains(c), "{c} lost from {shown:?}");
    }
    assert!(text.contains(&"Lô: L01".to_string()), "{text:?}");
}

#[test]
fn the_sheet_is_the_same_every_time() {
    assert_eq!(sheet(Layout::A4x40, &labels(5)).unwrap(), sheet(Layout::A4x40, &labels(5)).unwrap());
}

#[test]
fn refuses_an_empty_list() {
    assert!(matches!(sheet(Layout::A4x65, &[]), Err(LabelError::NoLabels)));
}

#[test]
fn refuses_too_many_labels() {
    let many = vec![label(0); labels::MAX_LABELS + 1];
    assert!(matches!(sheet(Layout::A4x65, &many), Err(LabelError::TooMany { max: labels::MAX_LABELS, .. })));
}

#[test]
fn refuses_a_url_too_long_for_the_smallest_layout() {
    let url = format!("https://dacsan.vn/01/08934563138165/10/L01/21/{}", "x".repeat(110));
    let mut batch = labels(3);
    batch[2].url = url;
    let err = sheet(Layout::A4x65, &batch).unwrap_err();
    assert!(matches!(err, LabelError::UrlTooLong { index: 2, layout: Layout::A4x65, .. }), "{err:?}");
    assert!(err.to_string().contains("5x13"), "{err}");
    // The same URL fits the larger labels of 3x7.
    let pdf = sheet(Layout::A4x21, &batch).unwrap();
    assert_eq!(read_qr_codes(&pdf)[2], batch[2].url);
}

#[test]
fn refuses_a_url_no_qr_code_holds() {
    let batch = [Label { url: "x".repeat(3000), ..label(0) }];
    assert!(matches!(sheet(Layout::A4x21, &batch), Err(LabelError::UrlTooLong { index: 0, .. })));
}

#[test]
fn refuses_missing_urls_and_impossible_stars() {
    let no_url = Label { url: " ".into(), ..label(0) };
    assert!(matches!(sheet(Layout::A4x21, &[label(0), no_url]), Err(LabelError::EmptyUrl { index: 1 })));
    for stars in [0, 2, 6] {
        let bad = Label { stars: Some(stars), ..label(0) };
        assert!(matches!(sheet(Layout::A4x21, &[bad]), Err(LabelError::Stars { index: 0, .. })), "{stars}");
    }
}
