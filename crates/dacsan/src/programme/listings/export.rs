//! Upload files for other channels: a commune's products as rows in the columns of a
//! platform's bulk-upload sheet, so the task force can put a whole commune online in
//! one go. Column names follow the platforms' seller-centre templates (Shopee and
//! Postmart in Vietnamese, Lazada and TikTok Shop in English); the platforms' own
//! workbooks add category-specific columns that are filled in there.

use super::Platform;
use crate::programme::xlsx::{Cell, Sheet};

/// A product as an upload row needs it.
#[derive(Debug, Clone)]
pub struct UploadProduct {
    pub sku: String,
    pub name: String,
    pub name_en: String,
    pub description: String,
    pub price_vnd: i64,
    pub stock: i64,
    pub weight_g: i64,
    pub unit: String,
    pub ocop_stars: i64,
    pub producer_name: String,
    pub origin: String,
    pub image_url: String,
    pub page_url: String,
}

/// `1250` g → `1.25` (kg, as Lazada asks), without floats.
fn kilograms(grams: i64) -> String {
    let text = format!("{}.{:03}", grams / 1000, grams % 1000);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn stars(p: &UploadProduct) -> String {
    if p.ocop_stars >= 3 { format!("OCOP {} sao", p.ocop_stars) } else { String::new() }
}

pub fn sheet(platform: Platform, products: &[UploadProduct]) -> Sheet {
    match platform {
        Platform::Shopee => {
            let mut sheet = Sheet::new(
                "Shopee",
                &[
                    "Tên sản phẩm",
                    "Mô tả sản phẩm",
                    "SKU sản phẩm",
                    "Giá",
                    "Kho hàng",
                    "Cân nặng (g)",
                    "Ảnh bìa",
                    "Xuất xứ",
                ],
            );
            for p in products {
                sheet.push(vec![
                    p.name.clone().into(),
                    description(p).into(),
                    p.sku.clone().into(),
                    p.price_vnd.into(),
                    p.stock.into(),
                    p.weight_g.into(),
                    p.image_url.clone().into(),
                    p.origin.clone().into(),
                ]);
            }
            sheet
        }
        Platform::Lazada | Platform::TiktokShop | Platform::Amazon | Platform::Alibaba => {
            let mut sheet = Sheet::new(
                platform.label(),
                &[
                    "Product Name",
                    "Product Description",
                    "Seller SKU",
                    "Price (VND)",
                    "Quantity",
                    "Package Weight (kg)",
                    "Main Image",
                    "Origin",
                ],
            );
            for p in products {
                let name = if p.name_en.is_empty() { p.name.clone() } else { format!("{} ({})", p.name_en, p.name) };
                sheet.push(vec![
                    name.into(),
                    description(p).into(),
                    p.sku.clone().into(),
                    p.price_vnd.into(),
                    p.stock.into(),
                    kilograms(p.weight_g).into(),
                    p.image_url.clone().into(),
                    p.origin.clone().into(),
                ]);
            }
            sheet
        }
        _ => {
            let mut sheet = Sheet::new(
                platform.label(),
                &[
                    "Tên sản phẩm",
                    "Mô tả",
                    "Mã SKU",
                    "Giá bán",
                    "Đơn vị tính",
                    "Khối lượng (gram)",
                    "Tồn kho",
                    "Ảnh",
                    "Xuất xứ",
                    "Chứng nhận OCOP",
                    "Cơ sở sản xuất",
                ],
            );
            for p in products {
                sheet.push(vec![
                    p.name.clone().into(),
                    description(p).into(),
                    p.sku.clone().into(),
                    p.price_vnd.into(),
                    p.unit.clone().into(),
                    p.weight_g.into(),
                    p.stock.into(),
                    p.image_url.clone().into(),
                    p.origin.clone().into(),
                    Cell::Text(stars(p)),
                    p.producer_name.clone().into(),
                ]);
            }
            sheet
        }
    }
}

/// The description with the producer, the OCOP rating and a link back to the brand page.
fn description(p: &UploadProduct) -> String {
    let mut text = p.description.trim().to_string();
    let mut facts = vec![format!("Cơ sở sản xuất: {}", p.producer_name)];
    if !p.origin.is_empty() {
        facts.push(format!("Xuất xứ: {}", p.origin));
    }
    if p.ocop_stars >= 3 {
        facts.push(stars(p));
    }
    facts.push(format!("Truy xuất, thông tin sản phẩm: {}", p.page_url));
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str(&facts.join("\n"));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn honey() -> UploadProduct {
        UploadProduct {
            sku: "MO-500".into(),
            name: "Mật ong bạc hà".into(),
            name_en: "Mint honey".into(),
            description: "Mật ong hoa bạc hà Đồng Văn.".into(),
            price_vnd: 350_000,
            stock: 40,
            weight_g: 1250,
            unit: "chai 500 ml".into(),
            ocop_stars: 4,
            producer_name: "HTX Mật ong".into(),
            origin: "Xã Đồng Văn, Tuyên Quang".into(),
            image_url: "https://dacsan.example/media/1".into(),
            page_url: "https://dacsan.example/p/mat-ong".into(),
        }
    }

    #[test]
    fn grams_become_kilograms_without_floats() {
        assert_eq!(kilograms(1250), "1.25");
        assert_eq!(kilograms(500), "0.5");
        assert_eq!(kilograms(2000), "2");
    }

    #[test]
    fn each_platform_gets_its_columns() {
        let shopee = sheet(Platform::Shopee, &[honey()]);
        assert_eq!(shopee.headers[0], "Tên sản phẩm");
        assert_eq!(shopee.rows[0][3], Cell::Int(350_000));
        let lazada = sheet(Platform::Lazada, &[honey()]);
        assert_eq!(lazada.headers[5], "Package Weight (kg)");
        assert_eq!(lazada.rows[0][0], Cell::Text("Mint honey (Mật ong bạc hà)".into()));
        assert_eq!(lazada.rows[0][5], Cell::Text("1.25".into()));
        let postmart = sheet(Platform::Postmart, &[honey()]);
        assert_eq!(postmart.rows[0][9], Cell::Text("OCOP 4 sao".into()));
        let Cell::Text(text) = &postmart.rows[0][1] else { panic!() };
        assert!(text.contains("https://dacsan.example/p/mat-ong"));
    }
}
