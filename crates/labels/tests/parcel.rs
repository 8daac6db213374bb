//! Renders A6 parcel labels and reads them back with an independent PDF parser
//! (lopdf) and QR decoder (rqrr): the pages and their size, the order's QR code as
//! a phone reads it, and the barcodes' bars as drawn.

use labels::{Cash, LabelError, ParcelCaptions, ParcelLabel, Party, parcels};
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, ObjectId};

const URL: &str = "https://dacsan.vn/orders/DS7K2M9QXA#DS7K2M9QXA-1";

fn label(number: u32, count: u32) -> ParcelLabel {
    ParcelLabel {
        order_code: "DS7K2M9QXA".into(),
        parcel_code: format!("DS7K2M9QXA-{number}"),
        number,
        count,
        carrier: "Tự giao".into(),
        sender: Party {
            name: "HTX Chè Shan tuyết Sìn Hồ".into(),
            phone: "0912 345 678".into(),
            street: "Bản Sìn Hồ".into(),
            place: "Xã Sìn Hồ, Tỉnh Lai Châu".into(),
        },
        recipient: Party {
            name: "Lò Thị Hoa".into(),
            phone: "0987 654 321".into(),
            street: "Số 1 Hàng Bạc".into(),
            place: "Phường Hoàn Kiếm, Thành phố Hà Nội".into(),
        },
        weight_g: 1250,
        cash: if number == 1 { Cash::Collect(1_250_000) } else { Cash::WithParcel(1) },
        url: format!("https://dacsan.vn/orders/DS7K2M9QXA#DS7K2M9QXA-{number}"),
        barcode: format!("DS7K2M9QXA-{number}"),
        sscc: Some("106141412345678908".into()),
    }
}

fn render(labels: &[ParcelLabel]) -> Vec<u8> {
    parcels(labels, &ParcelCaptions::default()).expect("the labels render")
}

fn load(pdf: &[u8]) -> Document {
    Document::load_mem(pdf).expect("the labels are a PDF lopdf can read")
}

fn number(object: &Object) -> f32 {
    object.as_float().or_else(|_| object.as_i64().map(|n| n as f32)).expect("a number")
}

fn operations(doc: &Document, page: ObjectId) -> Vec<Operation> {
    Content::decode(&doc.get_page_content(page)).expect("the content stream parses").operations
}

fn mm(points: f32) -> f32 {
    points * 25.4 / 72.0
}

/// The QR code of every page, decoded as a phone would from the 1-bit image.
fn read_qr_codes(doc: &Document) -> Vec<String> {
    let mut texts = Vec::new();
    for page in doc.get_pages().into_values() {
        let resources = doc.get_dictionary(page).unwrap().get(b"Resources").unwrap();
        let resources = doc.dereference(resources).unwrap().1.as_dict().unwrap();
        let x_objects = doc.dereference(resources.get(b"XObject").unwrap()).unwrap().1.as_dict().unwrap();
        let mut side_pt = 0.0;
        for op in operations(doc, page) {
            match op.operator.as_str() {
                "cm" => side_pt = number(&op.operands[0]),
                "Do" => {
                    let name = op.operands[0].as_name().unwrap();
                    let image = doc.dereference(x_objects.get(name).unwrap()).unwrap().1.as_stream().unwrap();
                    let size = image.dict.get(b"Width").unwrap().as_i64().unwrap() as usize;
                    assert!(mm(side_pt) / size as f32 >= 0.3999, "QR modules under 0.4 mm");
                    let bits = miniz_oxide::inflate::decompress_to_vec_zlib(&image.content).unwrap();
                    let row = size.div_ceil(8);
                    const SCALE: usize = 6;
                    let mut prepared =
                        rqrr::PreparedImage::prepare_from_greyscale(size * SCALE, size * SCALE, |x, y| {
                            let (x, y) = (x / SCALE, y / SCALE);
                            if bits[y * row + x / 8] & (0x80 >> (x % 8)) == 0 { 0 } else { 255 }
                        });
                    let grids = prepared.detect_grids();
                    assert_eq!(grids.len(), 1, "one QR code per image");
                    texts.push(grids[0].decode().expect("the QR code decodes").1);
                }
                _ => {}
            }
        }
    }
    texts
}

/// The bars of a page as (left, bottom, width, height) in mm, in drawing order:
/// the rectangles that are filled (the cash box's frame is stroked).
fn bars(doc: &Document, page: ObjectId) -> Vec<(f32, f32, f32, f32)> {
    let mut bars = Vec::new();
    let mut pending = Vec::new();
    for op in operations(doc, page) {
        match op.operator.as_str() {
            "re" => pending.push(op.operands.iter().map(|o| mm(number(o))).collect::<Vec<f32>>()),
            "f" => bars.extend(pending.drain(..).map(|n| (n[0], n[1], n[2], n[3]))),
            "S" => pending.clear(),
            _ => {}
        }
    }
    bars
}

/// The modules of the symbol whose bars stand on `bottom`, as a string of 1s and
/// 0s, with its module width; its bars are whole multiples of that width.
fn symbol(bars: &[(f32, f32, f32, f32)], bottom: f32) -> (String, f32, f32, f32) {
    let row: Vec<_> = bars.iter().filter(|b| (b.1 - bottom).abs() < 0.01).collect();
    let x = row.iter().map(|b| b.2).fold(f32::MAX, f32::min);
    let (left, right) = (row[0].0, row.last().map(|b| b.0 + b.2).unwrap());
    let mut modules = vec![false; ((right - left) / x).round() as usize];
    for bar in &row {
        let (from, count) = (((bar.0 - left) / x).round() as usize, (bar.2 / x).round() as usize);
        assert!((bar.2 / x - count as f32).abs() < 0.01, "a bar of whole modules");
        modules[from..from + count].iter_mut().for_each(|m| *m = true);
    }
    (modules.iter().map(|m| if *m { '1' } else { '0' }).collect(), x, left, right)
}

#[test]
fn one_a6_page_per_parcel() {
    let doc = load(&render(&[label(1, 3), label(2, 3), label(3, 3)]));
    let pages = doc.get_pages();
    assert_eq!(pages.len(), 3);
    for page in pages.into_values() {
        let media_box = doc.get_dictionary(page).unwrap().get(b"MediaBox").unwrap().as_array().unwrap();
        let size: Vec<f32> = media_box.iter().map(|n| mm(number(n)).round()).collect();
        assert_eq!(size, [0.0, 0.0, 105.0, 148.0], "A6 portrait");
    }
}

#[test]
fn the_qr_code_reads_as_the_orders_tracking_url() {
    let doc = load(&render(&[label(1, 2), label(2, 2)]));
    assert_eq!(read_qr_codes(&doc), [URL.to_string(), URL.replace("-1", "-2")]);
}

#[test]
fn barcodes_have_wide_enough_bars_and_their_quiet_zones() {
    let doc = load(&render(&[label(1, 1)]));
    let page = *doc.get_pages().values().next().unwrap();
    let bars = bars(&doc, page);
    let mut bottoms: Vec<f32> = bars.iter().map(|b| b.1).collect();
    bottoms.dedup_by(|a, b| (*a - *b).abs() < 0.01);
    assert_eq!(bottoms.len(), 2, "the tracking code and the SSCC: {bottoms:?}");
    for bottom in bottoms {
        let (modules, x, left, right) = symbol(&bars, bottom);
        assert!(x >= 0.33, "bars of {x} mm");
        assert!(left - 10.0 * x >= 4.0 - 0.01 && right + 10.0 * x <= 101.0 + 0.01, "quiet zones on the label");
        assert!(modules.ends_with("1100011101011"), "the stop pattern: {modules}");
        if modules.starts_with("11010011100") {
            // Start C then FNC1: GS1-128, the SSCC at GS1's 0.5 mm.
            assert_eq!(&modules[11..22], "11110101110");
            assert_eq!(modules.len(), 156);
            assert!((x - 0.5).abs() < 0.001);
        } else {
            assert!(modules.starts_with("11010010000"), "Start B for the shipment code: {modules}");
        }
    }
}

#[test]
fn without_an_sscc_only_the_tracking_code_is_barred() {
    let doc = load(&render(&[ParcelLabel { sscc: None, cash: Cash::Paid, ..label(1, 1) }]));
    let page = *doc.get_pages().values().next().unwrap();
    let bars = bars(&doc, page);
    assert!(bars.windows(2).all(|w| (w[0].1 - w[1].1).abs() < 0.01), "one row of bars");
}

#[test]
fn the_same_parcels_give_the_same_file() {
    assert_eq!(render(&[label(1, 2), label(2, 2)]), render(&[label(1, 2), label(2, 2)]));
}

#[test]
fn bad_fields_are_refused_with_the_label_named() {
    let bad = |change: fn(&mut ParcelLabel)| {
        let mut second = label(2, 2);
        change(&mut second);
        parcels(&[label(1, 2), second], &ParcelCaptions::default()).unwrap_err()
    };
    assert!(matches!(parcels(&[], &ParcelCaptions::default()), Err(LabelError::NoLabels)));
    assert!(matches!(bad(|l| l.number = 3), LabelError::ParcelNumber { index: 1, number: 3, count: 2 }));
    assert!(matches!(bad(|l| l.cash = Cash::WithParcel(2)), LabelError::ParcelNumber { index: 1, .. }));
    assert!(matches!(bad(|l| l.cash = Cash::Collect(-5)), LabelError::Cash { index: 1, vnd: -5 }));
    assert!(matches!(bad(|l| l.weight_g = 0), LabelError::Weight { index: 1, grams: 0 }));
    assert!(matches!(bad(|l| l.url = " ".into()), LabelError::EmptyUrl { index: 1 }));
    assert!(matches!(bad(|l| l.url = "x".repeat(400)), LabelError::QrTooLong { index: 1, chars: 400 }));
    assert!(matches!(bad(|l| l.barcode = "MÃ-ĐƠN-1".into()), LabelError::Barcode { index: 1, .. }));
    assert!(matches!(bad(|l| l.barcode = "X".repeat(40)), LabelError::Barcode { index: 1, .. }));
    assert!(matches!(bad(|l| l.sscc = Some("106141412345678907".into())), LabelError::Sscc { index: 1, .. }));
    let err = bad(|l| l.barcode = String::new());
    assert!(err.to_string().contains("parcel label 1"), "{err}");
}
