//! The registry import (`dacsan import registry`, `/office/registry`,
//! `/api/v1/programme/registry/…`) on real .xlsx files made here with
//! rust_xlsxwriter: the good file, every bad case, re-imports, dry runs, valid rows
//! only, the upload page and the province scoping.

use dacsan::auth::Role;
use dacsan::error::{Message, Text};
use dacsan::programme::registry::messages;
use dacsan::programme::registry::plan::{Existing, ExistingProducer, ExistingProduct};
use dacsan::programme::registry::{Report, cli, store};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

use crate::helpers::{TestApp, csrf_in, spawn_app};

/// A cell to write.
#[derive(Clone)]
enum C {
    T(&'static str),
    N(f64),
    /// A real Excel date cell.
    D(u16, u8, u8),
    /// A formula and the value Excel computed for it ("" = none).
    F(&'static str, &'static str),
}

struct SheetSpec {
    name: &'static str,
    /// A title block above the header (the header is then on row 3).
    title: bool,
    headers: Vec<&'static str>,
    rows: Vec<Vec<C>>,
    /// (first row, first col, last row, last col), 0-based.
    merge: Option<(u32, u16, u32, u16)>,
}

fn xlsx(sheets: &[SheetSpec]) -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet.name).unwrap();
        // A formula written without a result has no computed value, as from a
        // program that does not calculate.
        ws.set_formula_result_default("");
        let header_row = if sheet.title {
            ws.write(0, 0, format!("DANH SÁCH {} (cập nhật 2026)", sheet.name.to_uppercase())).unwrap();
            2
        } else {
            0
        };
        for (c, h) in sheet.headers.iter().enumerate() {
            ws.write(header_row, c as u16, *h).unwrap();
        }
        for (i, row) in sheet.rows.iter().enumerate() {
            let r = header_row + 1 + i as u32;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    C::T("") => {}
                    C::T(t) => {
                        ws.write(r, c, *t).unwrap();
                    }
                    C::N(n) => {
                        ws.write(r, c, *n).unwrap();
                    }
                    C::D(y, m, d) => {
                        ws.write_datetime_with_format(r, c, ExcelDateTime::from_ymd(*y, *m, *d).unwrap(), &date)
                            .unwrap();
                    }
                    C::F(f, result) => {
                        ws.write_formula(r, c, Formula::new(*f).set_result(*result)).unwrap();
                    }
                }
            }
        }
        if let Some((r1, c1, r2, c2)) = sheet.merge {
            ws.merge_range(r1, c1, r2, c2, "gộp", &Format::new()).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

const PRODUCER_HEADERS: [&str; 13] = [
    "Mã cơ sở",
    "Tên cơ sở",
    "Loại hình",
    "Mã số thuế",
    "Tỉnh",
    "Xã",
    "Địa chỉ",
    "Điện thoại",
    "Email",
    "Gian hàng số",
    "Tài khoản thanh toán điện tử",
    "Tập huấn kỹ năng số",
    "Tập huấn đóng gói - giao nhận",
];

/// English headers, in another order, with an extra column: all accepted.
const PRODUCT_HEADERS: [&str; 14] = [
    "STT",
    "Producer ID",
    "Product name",
    "Product group",
    "Class",
    "OCOP stars",
    "Decision no",
    "Issued on",
    "Expires on",
    "E-commerce eligible",
    "Price",
    "Unit",
    "Platforms",
    "Platform links",
];

fn producers(rows: Vec<Vec<C>>) -> SheetSpec {
    SheetSpec { name: "Cơ sở", title: true, headers: PRODUCER_HEADERS.to_vec(), rows, merge: None }
}

fn products(rows: Vec<Vec<C>>) -> SheetSpec {
    SheetSpec { name: "Sản phẩm", title: false, headers: PRODUCT_HEADERS.to_vec(), rows, merge: None }
}

use C::{D, N, T};

/// Three producers: old commune names (Giang Ma → Tả Lèng, Cốc Lếu → Lào Cai), an old
/// province (Yên Bái → Lào Cai), codes, numbers that lost their leading zero; four
/// products with Excel dates, text dates and an expiry left to be computed.
fn good_workbook() -> Vec<u8> {
    xlsx(&[
        producers(vec![
            vec![
                T("LC-01"),
                T("HTX Chè Shan tuyết Tả Lèng"),
                T("HTX"),
                T("6200123456"),
                T("Lai Châu"),
                T("Giang Ma"),
                T("Bản Tả Lèng"),
                T("0912 345 678"),
                T("htx.che@example.vn"),
                T("shopee.vn/htx-che"),
                T("Có"),
                D(2025, 10, 12),
                T("Không"),
            ],
            vec![
                T("LC-02"),
                T("Hộ kinh doanh Mật ong Sìn Hồ"),
                T("hkd"),
                N(6_200_123_457.0),
                T("12"),
                T("03478"),
                T(""),
                N(912_345_679.0),
                T(""),
                T("Không"),
                T("không"),
                T("Có"),
                T("15/08/2025"),
            ],
            vec![
                T("YB-01"),
                T("Doanh nghiệp Gạo Séng Cù"),
                T("Doanh nghiệp"),
                T(""),
                T("Yên Bái"),
                T("Cốc Lếu"),
                T(""),
                T("0987654321"),
                T(""),
                T(""),
                T(""),
                T(""),
                T(""),
            ],
        ]),
        products(vec![
            vec![
                N(1.0),
                T("LC-01"),
                T("Chè Shan tuyết cổ thụ"),
                T("Chè"),
                T("OCOP"),
                N(4.0),
                T("123/QĐ-UBND"),
                D(2024, 3, 5),
                T("05/03/2027"),
                T("Có"),
                T("250.000"),
                T("hộp 200 g"),
                T("Shopee, TikTok Shop"),
                T("https://shopee.vn/che, https://vt.tiktok.com/che"),
            ],
            vec![
                N(2.0),
                T("LC-01"),
                T("Trà hoa vàng"),
                T("tra-thao-moc"),
                T(""),
                T("3 sao"),
                T("45/QĐ-UBND"),
                T("ngày 5 tháng 3 năm 2024"),
                T(""),
                T("x"),
                N(150_000.0),
                T("hộp 100 g"),
                T(""),
                T(""),
            ],
            vec![
                N(3.0),
                T("LC-02"),
                T("Mật ong bạc hà"),
                T("Mật ong"),
                T("Nông sản mùa vụ"),
                T(""),
                T(""),
                T(""),
                T(""),
                T("Không"),
                T(""),
                T(""),
                T("Postmart"),
                T(""),
            ],
            vec![
                N(4.0),
                T("YB-01"),
                T("Gạo Séng Cù"),
                T("gao-ngu-coc"),
                T("CNNT tiêu biểu"),
                T("5"),
                T("7/QĐ-BNN"),
                T("2023-11-20"),
                N(46_346.0),
                T("Có"),
                T("40,000 đ"),
                T("túi 5 kg"),
                T(""),
                T(""),
            ],
        ]),
    ])
}

fn write_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

async fn import(app: &TestApp, bytes: &[u8], dry_run: bool, valid_only: bool) -> Report {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(&dir, "registry.xlsx", bytes);
    cli::import_file(&app.state.db, &path, dry_run, valid_only).await.unwrap()
}

async fn stored(app: &TestApp, codes: &[&str]) -> Existing {
    let codes: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
    store::load_existing(&app.state.db, &codes).await.unwrap()
}

fn producer<'a>(existing: &'a Existing, code: &str) -> &'a ExistingProducer {
    existing.producers.iter().find(|p| p.registry_code == code).unwrap_or_else(|| panic!("{code} stored"))
}

fn product<'a>(existing: &'a Existing, name: &str) -> &'a ExistingProduct {
    existing.products.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("{name} stored"))
}

/// The message is the row `text` of the registry's table and names `value`.
#[track_caller]
fn says(message: &Message, text: Text, value: &str) {
    assert_eq!(message.code(), text.0, "{message:?}");
    assert!(message.vietnamese().contains(value), "{value} in {message:?}");
}

fn today() -> String {
    dacsan::db::today_vn().to_string()
}

#[tokio::test]
async fn a_good_workbook_is_imported_and_a_second_import_changes_nothing() {
    let app = spawn_app().await;
    let report = import(&app, &good_workbook(), false, false).await;
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    assert!(report.written);
    assert_eq!((report.producers.create, report.products.create, report.listings_add), (3, 4, 3), "{report:#?}");

    let db = stored(&app, &["LC-01", "LC-02", "YB-01"]).await;
    let lc01 = producer(&db, "LC-01");
    assert_eq!(lc01.province_code, "12");
    assert_eq!(lc01.fields.commune_code, "03405", "Giang Ma is now Tả Lèng");
    assert_eq!(lc01.fields.phone, "+84912345678");
    assert_eq!(lc01.fields.kind, dacsan::producers::ProducerKind::HopTacXa);
    assert_eq!(lc01.fields.declared_store_url.as_deref(), Some("https://shopee.vn/htx-che"));
    assert_eq!(lc01.fields.declared_store_on, Some(today()));
    assert_eq!(lc01.fields.declared_payment_on, Some(today()));
    assert_eq!(lc01.fields.trained_digital_on.as_deref(), Some("2025-10-12"));
    assert_eq!(lc01.fields.trained_packaging_on, None);
    let lc02 = producer(&db, "LC-02");
    assert_eq!(lc02.fields.phone, "+84912345679", "the lost leading zero is back");
    assert_eq!(lc02.fields.tax_code.as_deref(), Some("6200123457"));
    assert_eq!(lc02.fields.kind, dacsan::producers::ProducerKind::HoKinhDoanh);
    assert_eq!(lc02.fields.declared_payment_on, None);
    assert_eq!(lc02.fields.trained_digital_on, Some(today()));
    assert_eq!(lc02.fields.trained_packaging_on.as_deref(), Some("2025-08-15"));
    let yb01 = producer(&db, "YB-01");
    assert_eq!((yb01.province_code.as_str(), yb01.fields.commune_code.as_str()), ("15", "02647"));
    let old_name = report.warnings.iter().find(|w| w.sheet == "Cơ sở" && w.row == 4).expect("a warning on row 4");
    says(&old_name.message, messages::PRE_2025_COMMUNE_NAME, "Tả Lèng");

    let tea = product(&db, "Chè Shan tuyết cổ thụ");
    assert_eq!(tea.fields.set_code, "che");
    assert_eq!(tea.fields.ocop_stars, 4);
    assert_eq!(tea.fields.ocop_certified_on.as_deref(), Some("2024-03-05"));
    assert_eq!(tea.fields.ocop_expires_on.as_deref(), Some("2027-03-05"));
    assert_eq!(tea.fields.registry_class.as_deref(), Some("ocop"));
    assert!(tea.fields.ecommerce_eligible);
    let flower = product(&db, "Trà hoa vàng");
    assert_eq!(flower.fields.ocop_expires_on.as_deref(), Some("2027-03-05"), "36 months after the issue date");
    assert_eq!(flower.fields.registry_class.as_deref(), Some("ocop"), "stars make it OCOP");
    assert!(
        report.warnings.iter().any(|w| w.sheet == "Sản phẩm" && w.row == 3 && w.column.starts_with("Ngày hết hạn"))
    );
    let honey = product(&db, "Mật ong bạc hà");
    assert_eq!((honey.fields.ocop_stars, honey.fields.registry_class.as_deref()), (0, Some("seasonal")));
    let rice = product(&db, "Gạo Séng Cù");
    assert_eq!(rice.fields.ocop_expires_on.as_deref(), Some("2026-11-20"), "an Excel serial number");
    assert_eq!(rice.fields.ocop_authority.as_deref(), Some("Bộ Nông nghiệp và Phát triển nông thôn"));

    // Registry entries are drafts with no stock: not on sale until a seller acts.
    let tea_row = dacsan::catalog::store::find_by_id(&app.state.db, tea.id).await.unwrap().unwrap();
    assert_eq!(tea_row.status, dacsan::catalog::ProductStatus::Draft);
    assert_eq!((tea_row.stock, tea_row.weight_g, tea_row.price.0), (0, 0, 250_000));
    assert_eq!(tea_row.unit, "hộp 200 g");
    assert_eq!(tea_row.origin_commune_code, "03405");
    let honey_row = dacsan::catalog::store::find_by_id(&app.state.db, honey.id).await.unwrap().unwrap();
    assert_eq!((honey_row.price.0, honey_row.unit.as_str()), (0, "sản phẩm"));
    let platforms: Vec<(&str, &str)> =
        db.listings.iter().filter(|l| l.product_id == tea.id).map(|l| (l.platform.as_str(), l.url.as_str())).collect();
    assert_eq!(platforms, vec![("shopee", "https://shopee.vn/che"), ("tiktok_shop", "https://vt.tiktok.com/che")]);
    let not_delisted = Message::from(messages::PLATFORMS_NOT_DELISTED).with("count", 0);
    assert!(report.notes.contains(&not_delisted), "{:?}", report.notes);

    let again = import(&app, &good_workbook(), false, false).await;
    assert_eq!((again.producers.unchanged, again.products.unchanged), (3, 4), "{again:#?}");
    assert_eq!(again.producers.create + again.producers.update + again.products.create + again.products.update, 0);
    assert_eq!(again.listings_add + again.listings_update, 0);
    let after = stored(&app, &["LC-01", "LC-02", "YB-01"]).await;
    assert_eq!((after.producers.len(), after.products.len(), after.listings.len()), (3, 4, 3));
}

#[tokio::test]
async fn a_dry_run_counts_and_writes_nothing() {
    let app = spawn_app().await;
    let report = import(&app, &good_workbook(), true, false).await;
    assert!(report.dry_run && !report.written);
    assert_eq!((report.producers.create, report.products.create), (3, 4));
    let db = stored(&app, &["LC-01", "LC-02", "YB-01"]).await;
    assert!(db.producers.is_empty() && db.products.is_empty());
}

#[tokio::test]
async fn a_reimport_updates_registry_fields_and_keeps_the_sellers() {
    let app = spawn_app().await;
    let first = xlsx(&[
        producers(vec![vec![
            T("LC-01"),
            T("HTX Chè Tả Lèng"),
            T("HTX"),
            T(""),
            T("Lai Châu"),
            T("Tả Lèng"),
            T(""),
            T("0912345678"),
            T(""),
            T(""),
            T(""),
            T(""),
            T(""),
        ]]),
        products(vec![]),
    ]);
    import(&app, &first, false, false).await;
    let db = stored(&app, &["LC-01"]).await;
    let producer_id = producer(&db, "LC-01").id;
    // The seller had already put their tea on sale.
    let on_sale =
        app.product(producer_id).name("Chè Shan tuyết cổ thụ", "Ancient tea").price(300_000).stock(12).create().await;

    let second = xlsx(&[
        producers(vec![vec![
            T("LC-01"),
            T("HTX Chè Shan tuyết Tả Lèng"),
            T("HTX"),
            T(""),
            T("Lai Châu"),
            T("Tả Lèng"),
            T(""),
            T(""),
            T(""),
            T("Có"),
            T(""),
            T(""),
            T(""),
        ]]),
        products(vec![vec![
            N(1.0),
            T("LC-01"),
            T("CHE SHAN TUYET CO THU"),
            T("che"),
            T("OCOP"),
            N(4.0),
            T("9/QĐ-UBND"),
            T("01/02/2025"),
            T(""),
            T("Có"),
            T("99.000"),
            T("gói"),
            T("Lazada"),
            T(""),
        ]]),
    ]);
    let report = import(&app, &second, false, false).await;
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    assert_eq!((report.producers.update, report.products.update, report.products.create), (1, 1, 0), "{report:#?}");
    let db = stored(&app, &["LC-01"]).await;
    let p = producer(&db, "LC-01");
    assert_eq!(p.fields.name, "HTX Chè Shan tuyết Tả Lèng");
    assert_eq!(p.fields.phone, "+84912345678", "an empty cell keeps the stored phone");
    let row = dacsan::catalog::store::find_by_id(&app.state.db, on_sale.id).await.unwrap().unwrap();
    assert_eq!(row.status, dacsan::catalog::ProductStatus::Active);
    assert_eq!((row.price.0, row.stock, row.unit.as_str()), (300_000, 12, "hộp 200 g"), "the seller's fields stay");
    assert_eq!(row.name, "Chè Shan tuyết cổ thụ");
    assert_eq!(row.ocop.as_ref().map(|o| o.stars), Some(4));
    assert_eq!(db.listings.len(), 1);
}

/// One faulty workbook with a case of every kind.
fn faulty_workbook() -> Vec<u8> {
    let p = |code: &'static str,
             kind: &'static str,
             tax: &'static str,
             province: &'static str,
             commune: &'static str,
             phone: &'static str| {
        vec![
            T(code),
            T("Cơ sở thử nghiệm"),
            T(kind),
            T(tax),
            T(province),
            T(commune),
            T(""),
            T(phone),
            T(""),
            T(""),
            T(""),
            T(""),
            T(""),
        ]
    };
    let q = |code: &'static str,
             name: &'static str,
             stars: C,
             decision: &'static str,
             issued: &'static str,
             price: &'static str,
             platforms: &'static str| {
        vec![
            N(0.0),
            T(code),
            T(name),
            T("che"),
            T("OCOP"),
            stars,
            T(decision),
            T(issued),
            T(""),
            T(""),
            T(price),
            T(""),
            T(platforms),
            T(""),
        ]
    };
    xlsx(&[
        producers(vec![
            p("LC-01", "HTX", "", "Lai Châu", "Sìn Hồ", "0912345678"),
            p("LC-02", "HTX", "", "Lai Châu", "Atlantis", "0912345678"),
            p("LC-03", "HTX", "", "Lai Châu", "Nậm Chà", "0912345678"),
            p("LC-04", "Nhóm bạn", "", "Lai Châu", "Sìn Hồ", "0912345678"),
            p("LC-05", "HTX", "123", "Lai Châu", "Sìn Hồ", "12345"),
            p("LC-06", "HTX", "", "Mordor", "Sìn Hồ", "0912345678"),
            p("LC-01", "HTX", "", "Lai Châu", "Sìn Hồ", "0912345678"),
        ]),
        products(vec![
            q("LC-01", "Chè A", N(6.0), "", "", "", ""),
            q("LC-01", "Chè B", T("2 sao"), "", "", "", ""),
            q("LC-01", "Chè C", N(4.0), "1/QĐ", "31/02/2024", "", ""),
            q("ZZ-9", "Mật ong", T(""), "", "", "", ""),
            q("LC-01", "Chè D", T(""), "", "", "", ""),
            q("LC-01", "chè  D", T(""), "", "", "", ""),
            q("LC-01", "Chè E", T(""), "", "", "", "Shopee, Chợ phiên"),
            q("LC-01", "Chè F", T(""), "", "", "liên hệ", ""),
            q("LC-01", "Chè G", N(3.0), "", "01/02/2024", "", ""),
            q("LC-02", "Mật ong rừng", T(""), "", "", "", ""),
        ]),
    ])
}

/// The error at (sheet, row) whose column starts with `column`.
fn error_at<'a>(report: &'a Report, sheet: &str, row: u32, column: &str) -> &'a Message {
    report
        .errors
        .iter()
        .find(|e| e.sheet == sheet && e.row == row && e.column.starts_with(column))
        .map(|e| &e.message)
        .unwrap_or_else(|| panic!("no error at {sheet} row {row} column {column}: {:#?}", report.errors))
}

#[tokio::test]
async fn every_bad_row_is_named_and_nothing_is_written() {
    let app = spawn_app().await;
    let report = import(&app, &faulty_workbook(), false, false).await;
    assert!(!report.written && report.blocked());
    // The header is on row 3 of Cơ sở (a title above it), on row 1 of Sản phẩm.
    says(error_at(&report, "Cơ sở", 5, "Xã"), messages::NO_SUCH_COMMUNE, "\"Atlantis\"");
    let ambiguous = error_at(&report, "Cơ sở", 6, "Xã");
    says(ambiguous, messages::SEVERAL_COMMUNES, "03472");
    says(ambiguous, messages::SEVERAL_COMMUNES, "03517");
    says(error_at(&report, "Cơ sở", 7, "Loại hình"), messages::CHOOSE_A_PRODUCER_KIND, "\"Nhóm bạn\"");
    says(error_at(&report, "Cơ sở", 8, "Mã số thuế"), messages::CELL_REFUSED, "\"123\"");
    says(error_at(&report, "Cơ sở", 8, "Điện thoại"), messages::CELL_REFUSED, "\"12345\"");
    says(error_at(&report, "Cơ sở", 9, "Tỉnh"), messages::NO_SUCH_PROVINCE, "\"Mordor\"");
    // A duplicate names the first row.
    says(error_at(&report, "Cơ sở", 10, "Mã cơ sở"), messages::PRODUCER_ID_REPEATS_ROW, "dòng 4");
    says(error_at(&report, "Sản phẩm", 2, "Số sao"), messages::STARS_ARE_3_4_OR_5, "\"6\"");
    says(error_at(&report, "Sản phẩm", 3, "Số sao"), messages::STARS_ARE_3_4_OR_5, "\"2 sao\"");
    says(error_at(&report, "Sản phẩm", 4, "Ngày cấp"), messages::NOT_A_DATE, "\"31/02/2024\"");
    says(error_at(&report, "Sản phẩm", 5, "Mã cơ sở"), messages::NO_SUCH_PRODUCER, "\"ZZ-9\"");
    says(error_at(&report, "Sản phẩm", 7, "Tên sản phẩm"), messages::PRODUCT_REPEATS_ROW, "dòng 6");
    says(error_at(&report, "Sản phẩm", 8, "Sàn TMĐT"), messages::UNKNOWN_PLATFORMS, "\"Chợ phiên\"");
    says(error_at(&report, "Sản phẩm", 9, "Giá"), messages::NOT_AN_AMOUNT, "\"liên hệ\"");
    says(error_at(&report, "Sản phẩm", 10, "Số quyết định"), messages::REQUIRED_WITH_OCOP_STARS, "");
    // Skipped with its producer's row.
    says(error_at(&report, "Sản phẩm", 11, "Mã cơ sở"), messages::SKIPPED_WITH_ITS_PRODUCER, "dòng 5");
    assert_eq!(report.error_rows, 6 + 9);
    let db = stored(&app, &["LC-01", "LC-02"]).await;
    assert!(db.producers.is_empty() && db.products.is_empty(), "nothing half-imported");

    let valid = import(&app, &faulty_workbook(), false, true).await;
    assert!(valid.written);
    assert_eq!((valid.producers.create, valid.products.create), (1, 1), "{valid:#?}");
    let db = stored(&app, &["LC-01", "LC-02"]).await;
    assert_eq!(db.producers.len(), 1);
    assert_eq!(db.products.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), vec!["Chè D"]);
}

#[tokio::test]
async fn missing_sheets_columns_and_unreadable_files_are_explained() {
    let app = spawn_app().await;
    let mut headers = PRODUCER_HEADERS.to_vec();
    headers.retain(|h| *h != "Xã");
    let only_producers = xlsx(&[SheetSpec { name: "Cơ sở", title: false, headers, rows: vec![], merge: None }]);
    let report = import(&app, &only_producers, false, false).await;
    assert!(!report.written);
    let said = |text: Text, value: &str| {
        report.errors.iter().any(|e| e.message.code() == text.0 && e.message.vietnamese().contains(value))
    };
    assert!(said(messages::SHEET_MISSING, "\"Sản phẩm\""), "{:?}", report.errors);
    assert!(said(messages::MISSING_COLUMNS, "\"Xã\" (Commune)"), "{:?}", report.errors);

    assert!(report.unreadable);
    let report = import(&app, b"Ma co so;Ten co so\nLC-01;HTX", false, true).await;
    assert_eq!(report.errors[0].message.code(), messages::NOT_AN_XLSX_WORKBOOK.0, "{:?}", report.errors);
    assert!(report.unreadable && !report.written, "valid rows only: there are none");
    let mut truncated = good_workbook();
    truncated.truncate(truncated.len() / 2);
    let report = import(&app, &truncated, false, false).await;
    let corrupt = [messages::CORRUPT_WORKBOOK.0, messages::CORRUPT_WORKBOOK_DETAIL.0];
    assert!(corrupt.contains(&report.errors[0].message.code()), "{:?}", report.errors);
}

#[tokio::test]
async fn formulas_and_merged_cells_are_reported() {
    let app = spawn_app().await;
    let row = |code: &'static str, name: C| {
        vec![
            T(code),
            name,
            T("HTX"),
            T(""),
            T("Lai Châu"),
            T("Sìn Hồ"),
            T(""),
            T("0912345678"),
            T(""),
            T(""),
            T(""),
            T(""),
            T(""),
        ]
    };
    let mut sheet = producers(vec![
        row("LC-01", C::F("=\"HTX \"&\"Chè\"", "HTX Chè")),
        row("LC-02", C::F("=B9", "")),
        row("LC-03", C::F("=1/0", "#DIV/0!")),
        row("LC-04", T("HTX Mật ong")),
        row("LC-05", T("HTX Gạo")),
    ]);
    // Rows 7 and 8 (Excel numbering) share one merged Xã cell.
    sheet.merge = Some((6, 5, 7, 5));
    let report = import(&app, &xlsx(&[sheet, products(vec![])]), false, false).await;
    assert!(!report.written);
    says(error_at(&report, "Cơ sở", 5, "Tên cơ sở"), messages::FORMULA_WITHOUT_A_VALUE, "");
    says(error_at(&report, "Cơ sở", 6, "Tên cơ sở"), messages::FORMULA_RESULT_IS_AN_ERROR, "#DIV/0!");
    says(error_at(&report, "Cơ sở", 7, "Xã"), messages::MERGED_CELLS, "F7:F8");
    assert!(
        report.warnings.iter().any(|w| w.row == 4 && w.message.code() == messages::FORMULAS_COMPUTED_VALUES_USED.0),
        "{:#?}",
        report.warnings
    );
    let valid = import(
        &app,
        &xlsx(&[producers(vec![row("LC-01", C::F("=\"HTX \"&\"Chè\"", "HTX Chè"))]), products(vec![])]),
        false,
        false,
    )
    .await;
    assert!(valid.written, "a formula with its value is accepted: {:#?}", valid.errors);
    assert_eq!(producer(&stored(&app, &["LC-01"]).await, "LC-01").fields.name, "HTX Chè");
}

/// The upload form's multipart body, with the page's CSRF token.
fn upload_form(csrf: &str, province: &str, bytes: Vec<u8>) -> reqwest::multipart::Form {
    reqwest::multipart::Form::new()
        .text("csrf", csrf.to_string())
        .text("province", province.to_string())
        .part("file", reqwest::multipart::Part::bytes(bytes).file_name("so-dang-ky.xlsx"))
}

/// Uploads a workbook to the office's preview page.
async fn preview(app: &TestApp, csrf: &str, province: &str, bytes: Vec<u8>) -> reqwest::Response {
    app.browser
        .post(app.url("/office/registry/preview"))
        .multipart(upload_form(csrf, province, bytes))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_officer_uploads_previews_and_imports_on_the_page() {
    let app = spawn_app().await;
    let (_, email, _) = app.officer(&["12", "15"]).await;
    app.sign_in(&email, "password-123").await;
    let (status, html) = app.page("/office/registry?province=12").await;
    assert_eq!(status, 200);
    assert!(html.contains("action=\"/office/registry/preview\"") && html.contains("/office/registry/template.xlsx"));
    let csrf = csrf_in(&html);

    let response = preview(&app, &csrf, "12", good_workbook()).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"producers-create\">3<"), "{html}");
    assert!(html.contains("id=\"products-create\">4<"));
    assert!(stored(&app, &["LC-01"]).await.producers.is_empty(), "a preview writes nothing");
    let action = html.split("action=\"/office/registry/").nth(1).and_then(|r| r.split('"').next()).unwrap();
    assert!(action.ends_with("/import"), "{action}");

    let (status, _, html) = app.post_form(&format!("/office/registry/{action}"), &[("province", "12")]).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Đã nhập xong"), "{html}");
    assert_eq!(stored(&app, &["LC-01", "LC-02", "YB-01"]).await.producers.len(), 3);
    let (_, html) = app.page("/office/registry?province=12").await;
    assert!(html.contains("so-dang-ky.xlsx") && html.contains("Đã nhập"), "the upload is listed");

    let html = preview(&app, &csrf, "12", b"STT;Ma co so".to_vec()).await.text().await.unwrap();
    assert!(html.contains("không phải tệp Excel .xlsx"), "in the page's language, Vietnamese by default: {html}");
    assert!(!html.contains("/import\""), "nothing to import from an unreadable file");
    let english = app
        .browser
        .post(app.url("/office/registry/preview"))
        .header("accept-language", "en")
        .multipart(upload_form(&csrf, "12", b"STT;Ma co so".to_vec()))
        .send()
        .await
        .unwrap();
    let html = english.text().await.unwrap();
    assert!(html.contains("not an Excel .xlsx workbook") && !html.contains("không phải tệp Excel"), "{html}");

    let response = app.browser.get(app.url("/office/registry/template.xlsx")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.unwrap();
    let book = dacsan::programme::registry::workbook::read(&bytes, &|| {}).unwrap();
    assert!(book.producers.rows.is_empty() && book.products.present.iter().all(|p| *p));
}

#[tokio::test]
async fn officers_import_only_their_provinces_and_their_uploads() {
    let app = spawn_app().await;
    // Someone else's province: 403 on the page; a file with its rows: errors.
    let (_, email, token) = app.officer(&["12"]).await;
    app.sign_in(&email, "password-123").await;
    let (status, _) = app.page("/office/registry?province=15").await;
    assert_eq!(status, 403);
    let (_, html) = app.page("/office/registry?province=12").await;
    let csrf = csrf_in(&html);
    let response = preview(&app, &csrf, "15", good_workbook()).await;
    assert_eq!(response.status(), 403, "the form's province is checked too");
    let html = preview(&app, &csrf, "12", good_workbook()).await.text().await.unwrap();
    assert!(html.contains("bạn không phụ trách Tỉnh Lào Cai"), "{html}");
    let action = html.split("action=\"/office/registry/").nth(1).and_then(|r| r.split('"').next()).unwrap().to_string();
    let (status, _, html) =
        app.post_form(&format!("/office/registry/{action}"), &[("province", "12"), ("valid_only", "on")]).await;
    assert_eq!(status, 200);
    assert!(html.contains("Đã nhập xong"), "{html}");
    let db = stored(&app, &["LC-01", "LC-02", "YB-01"]).await;
    assert_eq!(db.producers.iter().filter(|p| p.province_code == "15").count(), 0, "Lào Cai is not theirs");
    assert_eq!(db.producers.len(), 2);

    // Another officer of the same province cannot import this upload.
    let other = spawn_other_browser(&app).await;
    let (_, other_email, _) = app.officer(&["12"]).await;
    let (status, _) = sign_in_with(&app, &other, &other_email).await;
    assert_eq!(status, 303);
    let (_, html) = page_with(&app, &other, "/office/registry?province=12").await;
    assert!(!html.contains("so-dang-ky.xlsx"), "officers see their own uploads");
    let status = post_form_with(&app, &other, &format!("/office/registry/{action}"), &[("province", "12")]).await;
    assert_eq!(status, 403);

    // API: the officer's token; others are refused.
    let response = app
        .api
        .post(app.url("/api/v1/programme/registry/preview"))
        .bearer_auth(&token)
        .header("accept-language", "en")
        .body(good_workbook())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let json: serde_json::Value = response.json().await.unwrap();
    assert!(json["import_id"].as_i64().unwrap() > 0);
    assert_eq!(json["producers"]["unchanged"], 2);
    let refused = json["errors"].as_array().unwrap().iter().find(|e| e["code"] == messages::NOT_YOUR_PROVINCE.0);
    let refused = refused.unwrap_or_else(|| panic!("{json}"));
    assert_eq!(refused["message"], "you do not oversee Tỉnh Lào Cai; ask an administrator", "in the client's language");
    assert_eq!((refused["sheet"].as_str(), refused["column"].as_str()), (Some("Cơ sở"), Some("Tỉnh / Province")));
    let (_, _, buyer) = app.user(Role::Buyer, None).await;
    let seller_producer = app.producer().create().await;
    let (_, _, seller) = app.user(Role::Seller, Some(seller_producer.id)).await;
    for token in [buyer.as_str(), seller.as_str()] {
        for path in ["/api/v1/programme/registry/preview", "/api/v1/programme/registry/import"] {
            let status =
                app.api.post(app.url(path)).bearer_auth(token).body(good_workbook()).send().await.unwrap().status();
            assert_eq!(status, 403, "{path}");
        }
        let status = app
            .api
            .get(app.url("/api/v1/programme/registry/template.xlsx"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(status, 403);
    }
    let status =
        app.api.post(app.url("/api/v1/programme/registry/import")).body(good_workbook()).send().await.unwrap().status();
    assert_eq!(status, 401);
}

#[tokio::test]
async fn the_api_imports_and_refuses_what_it_cannot_take() {
    let app = spawn_app().await;
    let (_, _, token) = app.officer(&["12", "15"]).await;
    let url = app.url("/api/v1/programme/registry/import");
    let response = app.api.post(&url).bearer_auth(&token).body(faulty_workbook()).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let json: serde_json::Value = response.json().await.unwrap();
    assert_eq!(json["written"], false);
    assert!(json["errors"].as_array().unwrap().len() >= 16);
    let notes: Vec<&str> = json["notes"].as_array().unwrap().iter().filter_map(|n| n["code"].as_str()).collect();
    assert!(notes.contains(&messages::NEW_PRODUCTS_ARE_DRAFTS.0), "{json}");
    assert!(stored(&app, &["LC-01"]).await.producers.is_empty());

    let form = reqwest::multipart::Form::new()
        .part("file", reqwest::multipart::Part::bytes(faulty_workbook()).file_name("x.xlsx"));
    let response =
        app.api.post(format!("{url}?valid_only=true")).bearer_auth(&token).multipart(form).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let json: serde_json::Value = response.json().await.unwrap();
    assert_eq!(json["written"], true);
    assert_eq!(json["producers"]["create"], 1);

    let response = app.api.post(&url).bearer_auth(&token).body(good_workbook()).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let json: serde_json::Value = response.json().await.unwrap();
    assert_eq!((json["producers"]["create"].as_i64(), json["producers"]["update"].as_i64()), (Some(2), Some(1)));

    let huge = vec![b'P'; 26 * 1024 * 1024];
    let response = app.api.post(&url).bearer_auth(&token).body(huge).send().await.unwrap();
    assert_eq!(response.status(), 413);
    let response = app.api.post(&url).bearer_auth(&token).body("not a workbook").send().await.unwrap();
    assert_eq!(response.status(), 422);
    let json: serde_json::Value = response.json().await.unwrap();
    assert_eq!(json["errors"][0]["code"], messages::NOT_AN_XLSX_WORKBOOK.0);
    assert_eq!(json["errors"][0]["message"], "không phải tệp Excel .xlsx", "Vietnamese without Accept-Language");
}

#[tokio::test]
async fn pages_need_an_officer() {
    let app = spawn_app().await;
    let (status, _) = app.page("/office/registry?province=12").await;
    assert_eq!(status, 303, "anonymous: the sign-in page");
    let response = app.browser.get(app.url("/office/registry/template.xlsx")).send().await.unwrap();
    assert_eq!(response.status(), 303);
    let producer = app.producer().create().await;
    for (role, producer_id) in [(Role::Buyer, None), (Role::Seller, Some(producer.id))] {
        let browser = spawn_other_browser(&app).await;
        let (_, email, _) = app.user(role, producer_id).await;
        sign_in_with(&app, &browser, &email).await;
        let (status, _) = page_with(&app, &browser, "/office/registry?province=12").await;
        assert_eq!(status, 403, "{role:?}");
        let status = browser.get(app.url("/office/registry/template.xlsx")).send().await.unwrap().status();
        assert_eq!(status, 403);
        let status = post_form_with(&app, &browser, "/office/registry/1/import", &[("province", "12")]).await;
        assert_eq!(status, 403);
    }
    // An admin sees every province.
    let (_, admin, _) = app.user(Role::Admin, None).await;
    app.sign_in(&admin, "password-123").await;
    let (status, _) = app.page("/office/registry?province=15").await;
    assert_eq!(status, 200);
}

#[test]
fn the_command_line_imports_and_exits_non_zero_on_errors() {
    use std::process::Command;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.db").to_string_lossy().into_owned();
    let dacsan = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_dacsan")).args(args).env("DACSAN_DATABASE_URL", &db).output().unwrap()
    };
    let template = dir.path().join("mau.xlsx");
    let out = dacsan(&["export", "registry-template", template.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(dacsan::programme::registry::workbook::read(&std::fs::read(&template).unwrap(), &|| {}).is_ok());
    let out = dacsan(&["export", "registry-template", template.to_str().unwrap()]);
    assert!(!out.status.success(), "an existing file is not overwritten");

    let bad = write_file(&dir, "bad.xlsx", &faulty_workbook());
    let out = dacsan(&["import", "registry", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Cơ sở, dòng 5, Xã / Commune: không có xã \"Atlantis\""), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing was written"));

    let good = write_file(&dir, "good.xlsx", &good_workbook());
    let out = dacsan(&["import", "registry", good.to_str().unwrap(), "--dry-run"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = dacsan(&["import", "registry", good.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.lines().any(|l| l.starts_with("producers (cơ sở)") && l.split_whitespace().nth(3) == Some("3")),
        "{stdout}"
    );
    let out = dacsan(&["import", "registry", good.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("3 không đổi/unchanged"), "{stdout}");
}

/// A second browser (its own cookies) on the same app.
async fn spawn_other_browser(_app: &TestApp) -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

async fn page_with(app: &TestApp, browser: &reqwest::Client, path: &str) -> (u16, String) {
    let response = browser.get(app.url(path)).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn post_form_with(app: &TestApp, browser: &reqwest::Client, path: &str, fields: &[(&str, &str)]) -> u16 {
    let (_, html) = page_with(app, browser, "/signin").await;
    let token = csrf_in(&html);
    let mut all = vec![("csrf", token.as_str())];
    all.extend_from_slice(fields);
    browser.post(app.url(path)).form(&all).send().await.unwrap().status().as_u16()
}

async fn sign_in_with(app: &TestApp, browser: &reqwest::Client, email: &str) -> (u16, String) {
    let status = post_form_with(app, browser, "/signin", &[("email", email), ("password", "password-123")]).await;
    (status, String::new())
}

/// The workbook `bench/registry/run` imports: `DACSAN_BENCH_REGISTRY_FILE=out.xlsx`
/// with `DACSAN_BENCH_REGISTRY_PRODUCERS` producers (10 000) of Lai Châu and
/// `DACSAN_BENCH_REGISTRY_PER_PRODUCER` products each (4): 50 000 rows.
#[test]
#[ignore = "writes the benchmark workbook of bench/registry/run"]
fn bench_workbook() {
    let file = std::env::var("DACSAN_BENCH_REGISTRY_FILE").expect("DACSAN_BENCH_REGISTRY_FILE");
    let number = |name: &str, default: usize| std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    let producers = number("DACSAN_BENCH_REGISTRY_PRODUCERS", 10_000);
    let per_producer = number("DACSAN_BENCH_REGISTRY_PER_PRODUCER", 4);
    let communes: Vec<String> = dacsan::vn::admin_units::communes_of("12").map(|c| c.short_name.clone()).collect();
    let sets: Vec<String> = dacsan::catalog::ocop::sets().iter().map(|s| s.name.clone()).collect();
    let kinds = ["HTX", "Doanh nghiệp", "Hộ kinh doanh", "THT"];
    let mut book = Workbook::new();
    let ws = book.add_worksheet().set_name("Cơ sở").unwrap();
    ws.write(0, 0, "DANH SÁCH CƠ SỞ SẢN XUẤT").unwrap();
    for (c, h) in PRODUCER_HEADERS.iter().enumerate() {
        ws.write(2, c as u16, *h).unwrap();
    }
    for i in 0..producers {
        let r = 3 + i as u32;
        let cells: [String; 13] = [
            format!("LC-{i:05}"),
            format!("Cơ sở sản xuất số {i}"),
            kinds[i % 4].to_string(),
            format!("62{i:08}"),
            "Lai Châu".to_string(),
            communes[i % communes.len()].clone(),
            format!("Bản {}", i % 97),
            format!("09{i:08}"),
            if i % 3 == 0 { format!("coso{i}@example.vn") } else { String::new() },
            if i % 2 == 0 { format!("https://shopee.vn/coso-{i}") } else { "Không".into() },
            if i % 3 == 0 { "Có".into() } else { "Không".into() },
            if i % 5 == 0 { "12/10/2025".into() } else { "Không".into() },
            if i % 7 == 0 { "Có".into() } else { String::new() },
        ];
        for (c, text) in cells.iter().enumerate() {
            if !text.is_empty() {
                ws.write(r, c as u16, text.as_str()).unwrap();
            }
        }
    }
    let ws = book.add_worksheet().set_name("Sản phẩm").unwrap();
    for (c, h) in PRODUCT_HEADERS.iter().enumerate() {
        ws.write(0, c as u16, *h).unwrap();
    }
    let mut r = 1u32;
    for i in 0..producers {
        for j in 0..per_producer {
            let stars = [3, 4, 5, 0][(i + j) % 4];
            let cells: [String; 14] = [
                r.to_string(),
                format!("LC-{i:05}"),
                format!("Sản phẩm {j} của cơ sở {i}"),
                sets[(i + j) % sets.len()].clone(),
                if stars > 0 { "OCOP".into() } else { "CNNT tiêu biểu".into() },
                if stars > 0 { stars.to_string() } else { String::new() },
                if stars > 0 { format!("{}/QĐ-UBND", 100 + i % 400) } else { String::new() },
                if stars > 0 { "05/03/2024".into() } else { String::new() },
                if stars > 0 && j % 10 != 0 { "05/03/2027".into() } else { String::new() },
                if j % 2 == 0 { "Có".into() } else { "Không".into() },
                format!("{}.000", 50 + (i + j) % 450),
                "hộp 200 g".into(),
                if j % 2 == 0 { "Shopee, Lazada".into() } else { String::new() },
                if j % 2 == 0 {
                    format!("https://shopee.vn/sp-{i}-{j}, https://www.lazada.vn/sp-{i}-{j}")
                } else {
                    String::new()
                },
            ];
            for (c, text) in cells.iter().enumerate() {
                if !text.is_empty() {
                    ws.write(r, c as u16, text.as_str()).unwrap();
                }
            }
            r += 1;
        }
    }
    book.save(&file).unwrap();
}

/// A workbook laid out like a department's report: a title block with merged cells,
/// an STT column, communes written with their old district in the forms provinces
/// use, phones stored as numbers, a closing "Tổng cộng" row with a formula, and the
/// signature block (date line, titles, "(Ký, ghi rõ họ tên)", the signers' names).
fn department_report() -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Cơ sở").unwrap();
    let bold = Format::new().set_bold();
    ws.merge_range(0, 0, 0, 7, "SỞ CÔNG THƯƠNG TỈNH LAI CHÂU", &bold).unwrap();
    ws.merge_range(1, 0, 1, 7, "BÁO CÁO DANH SÁCH CƠ SỞ SẢN XUẤT SẢN PHẨM OCOP NĂM 2026", &bold).unwrap();
    let headers = ["STT", "Mã cơ sở", "Tên cơ sở", "Loại hình", "Tỉnh", "Xã", "Điện thoại", "Ghi chú"];
    for (c, h) in headers.iter().enumerate() {
        ws.write(3, c as u16, *h).unwrap();
    }
    let producers = [
        ("LC-21", "HTX Chè Tả Phìn", "HTX", "Lai Châu", "xã Tả Phìn, huyện Sìn Hồ", 912_300_001.0),
        ("LC-22", "HTX Dược liệu Tam Đường", "HTX", "Lai Châu", "Thị trấn Tam Đường, huyện Tam Đường", 912_300_002.0),
        (
            "LC-23",
            "Hộ kinh doanh Lò Văn Pâng",
            "HKD",
            "Lai Châu",
            "phường Tân Phong, thành phố Lai Châu",
            912_300_003.0,
        ),
        ("YB-21", "HTX Chè Shan Nghĩa Lộ", "HTX", "Yên Bái", "phường Tân An, thị xã Nghĩa Lộ", 912_300_004.0),
        ("LC-24", "Tổ hợp tác Thảo quả Mường Khương", "THT", "Lào Cai", "Thanh Bình - Mường Khương", 912_300_005.0),
        ("LC-25", "HTX Nông sản Văn Bàn", "HTX", "Lào Cai", "xã Tân An, huyện Văn Bàn, tỉnh Lào Cai", 912_300_006.0),
    ];
    for (i, (code, name, kind, province, commune, phone)) in producers.iter().enumerate() {
        let r = 4 + i as u32;
        ws.write(r, 0, (i + 1) as f64).unwrap();
        ws.write(r, 1, *code).unwrap();
        ws.write(r, 2, *name).unwrap();
        ws.write(r, 3, *kind).unwrap();
        ws.write(r, 4, *province).unwrap();
        ws.write(r, 5, *commune).unwrap();
        ws.write(r, 6, *phone).unwrap();
    }
    // Row 11: the totals, its label merged over STT and the producer ID, a count by formula.
    ws.merge_range(10, 0, 10, 1, "Tổng cộng", &bold).unwrap();
    ws.write_formula(10, 2, Formula::new("=COUNTA(C5:C10)").set_result("6")).unwrap();
    // Rows 13–17: the signature block.
    ws.merge_range(12, 4, 12, 6, "Lai Châu, ngày 20 tháng 11 năm 2026", &Format::new()).unwrap();
    ws.write(13, 1, "Người lập biểu").unwrap();
    ws.write(13, 5, "Thủ trưởng đơn vị").unwrap();
    ws.write(14, 1, "(Ký, ghi rõ họ tên)").unwrap();
    ws.write(14, 5, "(Ký tên, đóng dấu)").unwrap();
    ws.write(16, 1, "Nguyễn Thị Mai").unwrap();
    ws.write(16, 5, "Lò Văn Thắng").unwrap();
    let ws = book.add_worksheet();
    ws.set_name("Sản phẩm").unwrap();
    let headers = ["STT", "Mã cơ sở", "Tên sản phẩm", "Số sao OCOP", "Số quyết định", "Ngày cấp", "Nhóm sản phẩm"];
    for (c, h) in headers.iter().enumerate() {
        ws.write(0, c as u16, *h).unwrap();
    }
    ws.write(1, 0, 1.0).unwrap();
    ws.write(1, 1, "LC-21").unwrap();
    ws.write(1, 2, "Chè Shan tuyết Tả Phìn").unwrap();
    ws.write(1, 3, "4 sao").unwrap();
    ws.write(1, 4, "1410/QĐ-UBND ngày 19 tháng 8 năm 2025").unwrap();
    ws.write_datetime_with_format(
        1,
        5,
        ExcelDateTime::from_ymd(2025, 8, 19).unwrap(),
        &Format::new().set_num_format("dd/mm/yyyy"),
    )
    .unwrap();
    ws.write(1, 6, "Chè").unwrap();
    ws.write(2, 0, "Cộng").unwrap();
    ws.write(2, 3, 1.0).unwrap();
    book.save_to_buffer().unwrap()
}

#[tokio::test]
async fn a_department_report_reads_old_districts_and_skips_totals_and_signatures() {
    let app = spawn_app().await;
    let report = import(&app, &department_report(), false, false).await;
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    assert!(report.written);
    assert_eq!(report.producers.create, 6, "{report:?}");
    assert_eq!(report.producers.skipped, 0, "closing rows are not faulty producers");
    assert_eq!(report.products.create, 1);
    let skipped: Vec<(&str, u32)> = report.skipped_rows.iter().map(|s| (s.sheet.as_str(), s.row)).collect();
    assert_eq!(skipped, [("Cơ sở", 11), ("Cơ sở", 13), ("Sản phẩm", 3)], "{:#?}", report.skipped_rows);
    assert_eq!(report.skipped_rows[0].message, Message::from(messages::TOTALS_ROW_SKIPPED));
    let signature = Message::from(messages::SIGNATURE_BLOCK_SKIPPED).with("last_row", 17);
    assert_eq!(report.skipped_rows[1].message, signature, "to the block's last row");
    let formulas = messages::FORMULAS_COMPUTED_VALUES_USED.0;
    assert!(!report.warnings.iter().any(|w| w.message.code() == formulas), "the totals' formula is not data");
    let old_name = report.warnings.iter().find(|w| w.row == 5 && w.column.starts_with("Xã")).expect("a note");
    says(&old_name.message, messages::PRE_2025_COMMUNE_NAME, "Xã Sìn Hồ (mã 03478)");
    assert!(report.table().contains("rows left out"), "the command line says so too");

    let stored = stored(&app, &["LC-21", "LC-22", "LC-23", "YB-21", "LC-24", "LC-25"]).await;
    let commune = |code: &str| producer(&stored, code).fields.commune_code.clone();
    assert_eq!(commune("LC-21"), "03478", "xã Tả Phìn of huyện Sìn Hồ is now xã Sìn Hồ");
    assert_eq!(commune("LC-22"), "03390");
    assert_eq!(commune("LC-23"), "03408");
    // Two old Tân An, now both in Lào Cai: the old district tells them apart.
    assert_eq!(commune("YB-21"), "04288");
    assert_eq!(commune("LC-25"), "02989");
    assert_eq!(commune("LC-24"), "02761");
    assert_eq!(producer(&stored, "LC-21").fields.phone, "+84912300001", "a phone stored as a number");
}

#[tokio::test]
async fn an_unknown_old_district_is_named_and_the_preview_page_lists_skipped_rows() {
    let app = spawn_app().await;
    let bad = xlsx(&[
        producers(vec![vec![
            T("LC-31"),
            T("HTX Chè"),
            T("HTX"),
            T(""),
            T("Lai Châu"),
            T("xã Tả Phìn, huyện Mường Tè"),
            T(""),
            T("0912300031"),
        ]]),
        products(vec![]),
    ]);
    let report = import(&app, &bad, true, false).await;
    assert_eq!(report.errors.len(), 1, "{:#?}", report.errors);
    says(&report.errors[0].message, messages::NO_SUCH_COMMUNE, "không có xã \"xã Tả Phìn, huyện Mường Tè\"");

    let (_, email, _) = app.officer(&["12", "15"]).await;
    app.sign_in(&email, "password-123").await;
    let (_, html) = app.page("/office/registry?province=12").await;
    let csrf = csrf_in(&html);
    let html = preview(&app, &csrf, "12", department_report()).await.text().await.unwrap();
    assert!(html.contains("Dòng bỏ qua") && html.contains("dòng tổng cộng"), "{html}");
    assert!(html.contains("(đến dòng 17)"), "{html}");
    assert!(html.contains("id=\"producers-create\">6<"), "{html}");
}
