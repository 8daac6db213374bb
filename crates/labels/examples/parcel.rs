//! Writes two A6 parcel labels of one order (cash on delivery on the first) to the
//! path given, to look at or to print on a label printer.
//!
//! ```sh
//! cargo run -p labels --example parcel -- parcel.pdf
//! ```

use labels::{Cash, ParcelCaptions, ParcelLabel, Party, parcels};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parcel OUTPUT.pdf");
        std::process::exit(2);
    };
    let labels: Vec<ParcelLabel> = (1..=2).map(label).collect();
    let pdf = parcels(&labels, &ParcelCaptions::default()).expect("the labels render");
    std::fs::write(&path, &pdf).unwrap_or_else(|err| panic!("write {path}: {err}"));
    println!("labels={} bytes={}", labels.len(), pdf.len());
}

fn label(number: u32) -> ParcelLabel {
    ParcelLabel {
        order_code: "DS7K2M9QXA".into(),
        parcel_code: format!("DS7K2M9QXA-{number}"),
        number,
        count: 2,
        carrier: "Tự giao · qua điểm gom Bưu điện văn hóa xã Sìn Hồ".into(),
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
        weight_g: if number == 1 { 1250 } else { 600 },
        cash: if number == 1 { Cash::Collect(1_250_000) } else { Cash::WithParcel(1) },
        url: format!("https://dacsan.vn/orders/DS7K2M9QXA#DS7K2M9QXA-{number}"),
        barcode: format!("DS7K2M9QXA-{number}"),
        sscc: Some(if number == 1 { "189345630000000018" } else { "189345630000000025" }.into()),
    }
}
