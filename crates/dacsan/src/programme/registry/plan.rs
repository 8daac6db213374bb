//! What an import will do, decided against what the database holds (loaded once by
//! [`super::store::load_existing`]): which producers and products are created,
//! updated or unchanged, which listings are added. Pure, so the preview and the
//! import agree and both are tested without a database.
//!
//! What the registry owns, and so overwrites:
//! - producers: name, type, commune, and, when the cell is filled, tax code, address,
//!   phone and e-mail (an empty cell never erases what a seller entered); the
//!   declared digital store and e-payment account and the two trainings (Không or an
//!   empty cell clears them, Có keeps a stored date or takes the import day);
//! - products: the product set, the registry class, e-commerce eligibility and the
//!   OCOP certificate (stars, decision, dates). An existing product keeps its name,
//!   status, price, unit, stock, photos and description: those are the seller's.
//! - listings: added or their link updated; a platform no longer named is not
//!   delisted (that takes an officer's decision on the listings page).

use std::collections::{HashMap, HashSet};

use time::Date;

use super::columns::{SheetKind, product as q};
use super::messages;
use super::model::{DEFAULT_UNIT, Flag, RegistryClass, Scope};
use super::report::{Counts, Problem, Report};
use super::rows::{Certificate, Parsed, ProducerRow, ProductRow};
use crate::error::Message;
use crate::programme::listings::Platform;
use crate::vn::admin_units;
use crate::vn::text::{name_key, slugify};

pub use crate::catalog::model::{RegisteredProduct as ExistingProduct, RegistryFields as ProductFields};
pub use crate::producers::model::{RegisteredProducer as ExistingProducer, RegistryFields as ProducerFields};

#[derive(Debug, Clone)]
pub struct ExistingListing {
    pub id: i64,
    pub product_id: i64,
    pub platform: String,
    pub url: String,
    pub delisted_on: Option<String>,
}

/// What the database holds for the producers a file names.
#[derive(Debug, Default)]
pub struct Existing {
    pub producers: Vec<ExistingProducer>,
    pub products: Vec<ExistingProduct>,
    pub listings: Vec<ExistingListing>,
    pub producer_slugs: HashSet<String>,
    pub product_slugs: HashSet<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ref {
    Existing(i64),
    /// An index into the plan's new producers (or new products).
    New(usize),
}

#[derive(Debug, Clone)]
pub struct NewProducer {
    pub row: u32,
    pub slug: String,
    pub province_code: String,
    pub registry_code: String,
    pub fields: ProducerFields,
}

#[derive(Debug, Clone)]
pub struct ProducerUpdate {
    pub row: u32,
    pub id: i64,
    pub fields: ProducerFields,
    /// Name or commune changed: the producer's products' search documents change too.
    pub touches_products: bool,
}

#[derive(Debug, Clone)]
pub struct NewProduct {
    pub row: u32,
    pub producer: Ref,
    pub slug: String,
    pub name: String,
    pub price_vnd: i64,
    pub unit: String,
    pub origin_commune_code: String,
    pub fields: ProductFields,
}

#[derive(Debug, Clone)]
pub struct ProductUpdate {
    pub row: u32,
    pub id: i64,
    pub fields: ProductFields,
}

#[derive(Debug, Clone)]
pub struct ListingWrite {
    pub product: Ref,
    /// The listing to update; `None` to add one.
    pub existing: Option<i64>,
    pub platform: Platform,
    pub url: String,
}

#[derive(Debug, Default)]
pub struct Plan {
    pub new_producers: Vec<NewProducer>,
    pub producer_updates: Vec<ProducerUpdate>,
    pub new_products: Vec<NewProduct>,
    pub product_updates: Vec<ProductUpdate>,
    pub listings: Vec<ListingWrite>,
    pub report: Report,
}

impl Plan {
    /// How many writes the import makes (for a progress bar).
    pub fn writes(&self) -> usize {
        self.new_producers.len()
            + self.producer_updates.len()
            + self.new_products.len()
            + self.product_updates.len()
            + self.listings.len()
    }
}

/// Decides every write. `today` (Vietnam's date) is the day a Có takes.
pub fn plan(parsed: Parsed, existing: &Existing, scope: &Scope, today: Date, valid_only: bool) -> Plan {
    let today_text = today.to_string();
    let mut plan = Plan::default();
    let mut errors = parsed.errors;
    let mut warnings = parsed.warnings;
    let mut producer_counts = Counts { skipped: parsed.skipped_producers, ..Counts::default() };
    let mut product_counts = Counts { skipped: parsed.skipped_products, ..Counts::default() };

    let by_key: HashMap<(&str, &str), &ExistingProducer> =
        existing.producers.iter().map(|p| ((p.province_code.as_str(), p.registry_code.as_str()), p)).collect();
    let mut producer_slugs = existing.producer_slugs.clone();
    // Producer ID → (province, the producer, its commune) for the file's producers.
    let mut in_file: HashMap<String, Vec<(String, Ref, String)>> = HashMap::new();
    for row in parsed.producers {
        let old = by_key.get(&(row.province_code.as_str(), row.code.as_str())).copied();
        if row.phone.is_none() && old.is_none_or(|o| o.fields.phone.is_empty()) {
            warnings.push(Problem::at(
                SheetKind::Producers,
                row.row,
                &SheetKind::Producers.columns()[super::columns::producer::PHONE].label(),
                messages::NO_PHONE_NUMBER,
            ));
        }
        let fields = producer_fields(&row, old.map(|o| &o.fields), &today_text);
        let target = match old {
            Some(o) if o.fields == fields => {
                producer_counts.unchanged += 1;
                Ref::Existing(o.id)
            }
            Some(o) => {
                producer_counts.update += 1;
                let touches_products = o.fields.name != fields.name || o.fields.commune_code != fields.commune_code;
                plan.producer_updates.push(ProducerUpdate { row: row.row, id: o.id, fields, touches_products });
                Ref::Existing(o.id)
            }
            None => {
                producer_counts.create += 1;
                let slug = unique_slug(&slugify(&row.name), "co-so", &mut producer_slugs);
                plan.new_producers.push(NewProducer {
                    row: row.row,
                    slug,
                    province_code: row.province_code.clone(),
                    registry_code: row.code.clone(),
                    fields,
                });
                Ref::New(plan.new_producers.len() - 1)
            }
        };
        let commune = match target {
            Ref::New(i) => plan.new_producers[i].fields.commune_code.clone(),
            Ref::Existing(_) => row.commune_code.clone(),
        };
        in_file.entry(row.code.clone()).or_default().push((row.province_code.clone(), target, commune));
    }

    let mut db_by_code: HashMap<&str, Vec<&ExistingProducer>> = HashMap::new();
    for p in &existing.producers {
        db_by_code.entry(p.registry_code.as_str()).or_default().push(p);
    }
    // (producer, name key) → the producer's product of that name; the oldest when two share it.
    let mut products_of: HashMap<(i64, String), &ExistingProduct> = HashMap::new();
    for p in &existing.products {
        products_of
            .entry((p.producer_id, name_key(&p.name)))
            .and_modify(|kept| {
                if p.id < kept.id {
                    *kept = p;
                }
            })
            .or_insert(p);
    }
    let listings_of: HashMap<(i64, &str), &ExistingListing> =
        existing.listings.iter().map(|l| ((l.product_id, l.platform.as_str()), l)).collect();
    let mut active_listings: HashMap<i64, Vec<&str>> = HashMap::new();
    for l in existing.listings.iter().filter(|l| l.delisted_on.is_none()) {
        active_listings.entry(l.product_id).or_default().push(l.platform.as_str());
    }
    let mut product_slugs = existing.product_slugs.clone();
    let mut not_named = 0usize;
    let product_label = |column: usize| SheetKind::Products.columns()[column].label();

    for row in parsed.products {
        let producer = match producer_of(&row, &in_file, &db_by_code, &parsed.failed_producers, scope) {
            Ok(found) => found,
            Err(message) => {
                errors.push(Problem::at(SheetKind::Products, row.row, &product_label(q::CODE), message));
                product_counts.skipped += 1;
                continue;
            }
        };
        let (target, province_code, commune) = producer;
        let old = match target {
            Ref::Existing(id) => products_of.get(&(id, row.key.clone())).copied(),
            Ref::New(_) => None,
        };
        let fields = match product_fields(&row, old.map(|o| &o.fields), &province_code) {
            Ok(fields) => fields,
            Err((column, message)) => {
                errors.push(Problem::at(SheetKind::Products, row.row, &product_label(column), message));
                product_counts.skipped += 1;
                continue;
            }
        };
        let product = match old {
            Some(o) if o.fields == fields => {
                product_counts.unchanged += 1;
                Ref::Existing(o.id)
            }
            Some(o) => {
                product_counts.update += 1;
                plan.product_updates.push(ProductUpdate { row: row.row, id: o.id, fields });
                Ref::Existing(o.id)
            }
            None => {
                product_counts.create += 1;
                plan.new_products.push(NewProduct {
                    row: row.row,
                    producer: target,
                    slug: unique_slug(&slugify(&row.name), "san-pham", &mut product_slugs),
                    name: row.name.clone(),
                    price_vnd: row.price.unwrap_or(0),
                    unit: row.unit.clone().unwrap_or_else(|| DEFAULT_UNIT.to_string()),
                    origin_commune_code: commune,
                    fields,
                });
                Ref::New(plan.new_products.len() - 1)
            }
        };
        let Some(listings) = &row.listings else { continue };
        let product_id = match product {
            Ref::Existing(id) => Some(id),
            Ref::New(_) => None,
        };
        if let Some(id) = product_id {
            not_named += active_listings.get(&id).map_or(0, |active| {
                active.iter().filter(|code| !listings.iter().any(|(p, _)| p.code() == **code)).count()
            });
        }
        for (platform, url) in listings {
            let old = product_id.and_then(|id| listings_of.get(&(id, platform.code())).copied());
            match old {
                Some(l) if l.delisted_on.is_none() && (url.is_empty() || *url == l.url) => {}
                Some(l) => {
                    plan.report.listings_update += 1;
                    let url = if url.is_empty() { l.url.clone() } else { url.clone() };
                    plan.listings.push(ListingWrite { product, existing: Some(l.id), platform: *platform, url });
                }
                None => {
                    plan.report.listings_add += 1;
                    plan.listings.push(ListingWrite { product, existing: None, platform: *platform, url: url.clone() });
                }
            }
        }
    }

    let mut report = std::mem::take(&mut plan.report);
    report.producers = producer_counts;
    report.products = product_counts;
    report.error_rows =
        errors.iter().filter(|e| e.row > 0).map(|e| (e.sheet.clone(), e.row)).collect::<HashSet<_>>().len();
    report.errors = errors;
    report.warnings = warnings;
    report.skipped_rows = parsed.skipped_rows;
    report.valid_only = valid_only;
    if parsed.has_listings {
        report.notes.push(Message::from(messages::PLATFORMS_NOT_DELISTED).with("count", not_named));
    }
    report.notes.push(messages::NEW_PRODUCTS_ARE_DRAFTS.into());
    plan.report = report;
    plan
}

type ProducerTarget = (Ref, String, String);

/// The producer a product row belongs to: in the file (by ID), else in the database
/// (by ID, within the provinces the importer oversees).
fn producer_of(
    row: &ProductRow,
    in_file: &HashMap<String, Vec<(String, Ref, String)>>,
    in_db: &HashMap<&str, Vec<&ExistingProducer>>,
    failed: &HashMap<String, Vec<u32>>,
    scope: &Scope,
) -> Result<ProducerTarget, Message> {
    let about = |text: crate::error::Text| Message::from(text).with("code", &row.code);
    if let Some(found) = in_file.get(&row.code) {
        return match found.as_slice() {
            [(province, target, commune)] => Ok((*target, province.clone(), commune.clone())),
            many => {
                let provinces: Vec<String> = many.iter().map(|(p, _, _)| province_name(p)).collect();
                Err(about(messages::PRODUCER_ID_IN_SEVERAL_PROVINCES_OF_THE_FILE)
                    .with("provinces", provinces.join(", ")))
            }
        };
    }
    if let Some(rows) = failed.get(&row.code) {
        let rows: Vec<String> = rows.iter().map(u32::to_string).collect();
        return Err(about(messages::SKIPPED_WITH_ITS_PRODUCER).with("rows", rows.join(", ")));
    }
    let all = in_db.get(row.code.as_str()).map(Vec::as_slice).unwrap_or(&[]);
    let allowed: Vec<&&ExistingProducer> = all.iter().filter(|p| scope.allows(&p.province_code)).collect();
    match allowed.as_slice() {
        [one] => Ok((Ref::Existing(one.id), one.province_code.clone(), one.fields.commune_code.clone())),
        [] if !all.is_empty() => Err(about(messages::PRODUCER_IN_ANOTHER_PROVINCE)),
        [] => Err(about(messages::NO_SUCH_PRODUCER)),
        many => {
            let provinces: Vec<String> = many.iter().map(|p| province_name(&p.province_code)).collect();
            Err(about(messages::PRODUCER_ID_IN_SEVERAL_PROVINCES).with("provinces", provinces.join(", ")))
        }
    }
}

fn province_name(code: &str) -> String {
    admin_units::province(code).map_or_else(|| code.to_string(), |p| p.name.clone())
}

/// The producer's fields after this row: see the module's doc for what is kept.
fn producer_fields(row: &ProducerRow, old: Option<&ProducerFields>, today: &str) -> ProducerFields {
    let keep = |new: &Option<String>, old: Option<&Option<String>>| new.clone().or_else(|| old.cloned().flatten());
    let dated = |flag: &Option<Flag>, old: Option<&Option<String>>| -> Option<String> {
        match flag {
            None => old.cloned().flatten(),
            Some(Flag::No) => None,
            Some(Flag::On(date)) => Some(date.to_string()),
            Some(Flag::Yes | Flag::Link(_)) => Some(old.cloned().flatten().unwrap_or_else(|| today.to_string())),
        }
    };
    let store_url = match &row.store {
        None => old.and_then(|o| o.declared_store_url.clone()),
        Some(Flag::No) => None,
        Some(Flag::Link(url)) => Some(url.clone()),
        Some(Flag::Yes | Flag::On(_)) => old.and_then(|o| o.declared_store_url.clone()),
    };
    ProducerFields {
        name: row.name.clone(),
        kind: row.kind,
        commune_code: row.commune_code.clone(),
        street: row.street.clone().or_else(|| old.map(|o| o.street.clone())).unwrap_or_default(),
        phone: row.phone.clone().or_else(|| old.map(|o| o.phone.clone())).unwrap_or_default(),
        email: keep(&row.email, old.map(|o| &o.email)),
        tax_code: keep(&row.tax_code, old.map(|o| &o.tax_code)),
        declared_store_url: store_url,
        declared_store_on: dated(&row.store, old.map(|o| &o.declared_store_on)),
        declared_payment_on: dated(&row.payment, old.map(|o| &o.declared_payment_on)),
        trained_digital_on: dated(&row.trained_digital, old.map(|o| &o.trained_digital_on)),
        trained_packaging_on: dated(&row.trained_packaging, old.map(|o| &o.trained_packaging_on)),
    }
}

/// The product's registry fields after this row; `Err` (column, message) when a new
/// product lacks what it needs.
fn product_fields(
    row: &ProductRow,
    old: Option<&ProductFields>,
    province_code: &str,
) -> Result<ProductFields, (usize, Message)> {
    let set_code = match (&row.set_code, old) {
        (Some(code), _) => code.clone(),
        (None, Some(o)) => o.set_code.clone(),
        (None, None) => {
            return Err((q::SET, messages::SET_REQUIRED_FOR_A_NEW_PRODUCT.into()));
        }
    };
    let (stars, certificate_no, authority, certified_on, expires_on) = match &row.ocop {
        None => match old {
            Some(o) => (
                o.ocop_stars,
                o.ocop_certificate_no.clone(),
                o.ocop_authority.clone(),
                o.ocop_certified_on.clone(),
                o.ocop_expires_on.clone(),
            ),
            None => (0, None, None, None, None),
        },
        Some(None) => (0, None, None, None, None),
        Some(Some(cert)) => {
            let authority = old
                .filter(|o| o.ocop_stars > 0 && o.ocop_certificate_no.as_deref() == Some(cert.decision.as_str()))
                .and_then(|o| o.ocop_authority.clone())
                .filter(|a| !a.is_empty())
                .unwrap_or_else(|| authority_of(cert, province_code));
            (
                i64::from(cert.stars),
                Some(cert.decision.clone()),
                Some(authority),
                Some(cert.issued_on.to_string()),
                Some(cert.expires_on.to_string()),
            )
        }
    };
    let registry_class = match (row.class, old.and_then(|o| o.registry_class.clone())) {
        (Some(class), _) => Some(class.code().to_string()),
        (None, Some(stored)) => Some(stored),
        (None, None) if stars > 0 => Some(RegistryClass::Ocop.code().to_string()),
        (None, None) => {
            return Err((q::CLASS, messages::CLASS_REQUIRED_WITHOUT_STARS.into()));
        }
    };
    Ok(ProductFields {
        set_code,
        registry_class,
        ecommerce_eligible: row.eligible.or(old.map(|o| o.ecommerce_eligible)).unwrap_or(false),
        ocop_stars: stars,
        ocop_certificate_no: certificate_no,
        ocop_authority: authority,
        ocop_certified_on: certified_on,
        ocop_expires_on: expires_on,
    })
}

/// Who recognised a certificate, when the registry does not say (Decision
/// 148/QĐ-TTg: the provincial People's Committee for 3 and 4 stars; the ministry of
/// agriculture for 5 stars, renamed Bộ Nông nghiệp và Môi trường on 1 March 2025).
fn authority_of(cert: &Certificate, province_code: &str) -> String {
    if cert.stars >= 5 {
        let renamed = Date::from_calendar_date(2025, time::Month::March, 1).unwrap_or(cert.issued_on);
        if cert.issued_on < renamed {
            "Bộ Nông nghiệp và Phát triển nông thôn".into()
        } else {
            "Bộ Nông nghiệp và Môi trường".into()
        }
    } else {
        let province = admin_units::province(province_code).map_or(String::new(), |p| p.short_name.clone());
        format!("UBND tỉnh {province}").trim().to_string()
    }
}

/// `base`, else `base-2`, `base-3` … whichever is free; taken into `taken`.
fn unique_slug(base: &str, fallback: &str, taken: &mut HashSet<String>) -> String {
    let base = if base.len() < 2 { fallback } else { base };
    let mut slug = base.to_string();
    let mut n = 1;
    while taken.contains(&slug) {
        n += 1;
        slug = format!("{base}-{n}");
    }
    taken.insert(slug.clone());
    slug
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programme::registry::workbook::{Book, Row, SheetRows, Value};

    fn sheet(kind: SheetKind, rows: Vec<Vec<&str>>) -> SheetRows {
        SheetRows {
            kind,
            present: vec![true; kind.columns().len()],
            rows: rows
                .into_iter()
                .enumerate()
                .map(|(i, cells)| Row {
                    number: i as u32 + 2,
                    cells: (0..kind.columns().len())
                        .map(|c| cells.get(c).map_or(Value::Empty, |t| Value::Text(t.to_string())))
                        .collect(),
                })
                .collect(),
        }
    }

    fn book(producers: Vec<Vec<&str>>, products: Vec<Vec<&str>>) -> Book {
        Book {
            producers: sheet(SheetKind::Producers, producers),
            products: sheet(SheetKind::Products, products),
            errors: Vec::new(),
            warnings: Vec::new(),
            skipped: Vec::new(),
        }
    }

    fn today() -> Date {
        Date::from_calendar_date(2026, time::Month::January, 15).unwrap()
    }

    const PRODUCER: [&str; 13] = [
        "LC-01",
        "HTX Chè Sìn Hồ",
        "HTX",
        "",
        "Lai Châu",
        "Sìn Hồ",
        "Bản Sìn Hồ Dao",
        "0912345678",
        "",
        "Có",
        "Có",
        "12/10/2025",
        "Không",
    ];

    #[test]
    fn a_new_producer_and_product_are_created_with_the_registry_fields() {
        let b = book(
            vec![PRODUCER.to_vec()],
            vec![vec![
                "LC-01",
                "Chè Shan tuyết",
                "Chè",
                "",
                "4 sao",
                "123/QĐ-UBND",
                "05/03/2024",
                "",
                "Có",
                "250.000",
                "",
                "Shopee",
                "shopee.vn/che",
            ]],
        );
        let parsed = crate::programme::registry::rows::parse(&b, &Scope::All);
        let plan = plan(parsed, &Existing::default(), &Scope::All, today(), false);
        assert!(plan.report.errors.is_empty(), "{:?}", plan.report.errors);
        let producer = &plan.new_producers[0];
        assert_eq!(producer.province_code, "12");
        assert_eq!(producer.fields.declared_store_on.as_deref(), Some("2026-01-15"));
        assert_eq!(producer.fields.trained_digital_on.as_deref(), Some("2025-10-12"));
        assert_eq!(producer.fields.trained_packaging_on, None);
        let product = &plan.new_products[0];
        assert_eq!(product.producer, Ref::New(0));
        assert_eq!(product.price_vnd, 250_000);
        assert_eq!(product.unit, DEFAULT_UNIT);
        assert_eq!(product.fields.ocop_stars, 4);
        assert_eq!(product.fields.registry_class.as_deref(), Some("ocop"));
        assert_eq!(product.fields.ocop_expires_on.as_deref(), Some("2027-03-05"));
        assert_eq!(product.fields.ocop_authority.as_deref(), Some("UBND tỉnh Lai Châu"));
        assert!(product.fields.ecommerce_eligible);
        assert_eq!(plan.listings.len(), 1);
        assert_eq!(plan.report.listings_add, 1);
        assert!(
            plan.report
                .warnings
                .iter()
                .any(|w| w.column.starts_with("Ngày hết hạn") && w.message.code() == messages::EXPIRY_COMPUTED.0),
            "expiry computed"
        );
        let notes: Vec<&str> = plan.report.notes.iter().map(Message::code).collect();
        assert_eq!(notes, [messages::PLATFORMS_NOT_DELISTED.0, messages::NEW_PRODUCTS_ARE_DRAFTS.0]);
    }

    #[test]
    fn an_existing_producer_is_updated_or_left_alone() {
        let b = book(vec![PRODUCER.to_vec()], vec![]);
        let first = plan(
            crate::programme::registry::rows::parse(&b, &Scope::All),
            &Existing::default(),
            &Scope::All,
            today(),
            false,
        );
        let stored = ExistingProducer {
            id: 7,
            province_code: "12".into(),
            registry_code: "LC-01".into(),
            fields: first.new_producers[0].fields.clone(),
        };
        let existing = Existing { producers: vec![stored], ..Existing::default() };
        let later = today().next_day().unwrap();
        let again =
            plan(crate::programme::registry::rows::parse(&b, &Scope::All), &existing, &Scope::All, later, false);
        assert_eq!(again.report.producers, Counts { unchanged: 1, ..Counts::default() }, "Có keeps the stored date");
        let mut renamed = PRODUCER.to_vec();
        renamed[1] = "HTX Chè Shan tuyết Sìn Hồ";
        let b = book(vec![renamed], vec![]);
        let changed =
            plan(crate::programme::registry::rows::parse(&b, &Scope::All), &existing, &Scope::All, later, false);
        assert_eq!(changed.report.producers.update, 1);
        assert!(changed.producer_updates[0].touches_products);
    }

    #[test]
    fn products_need_a_producer_in_the_file_or_the_database() {
        let b = book(vec![], vec![vec!["LC-99", "Mật ong", "Mật ong", "OCOP"]]);
        let p = plan(
            crate::programme::registry::rows::parse(&b, &Scope::All),
            &Existing::default(),
            &Scope::All,
            today(),
            false,
        );
        assert_eq!(p.report.errors.len(), 1);
        let error = &p.report.errors[0].message;
        assert_eq!(error.code(), messages::NO_SUCH_PRODUCER.0);
        assert!(error.vietnamese().contains("\"LC-99\""), "{error:?}");
        assert_eq!(p.report.products.skipped, 1);
    }

    #[test]
    fn a_product_of_a_failed_producer_row_is_skipped_with_the_reason() {
        let mut bad = PRODUCER.to_vec();
        bad[5] = "Atlantis";
        let b = book(vec![bad], vec![vec!["LC-01", "Mật ong", "Mật ong", "OCOP"]]);
        let p = plan(
            crate::programme::registry::rows::parse(&b, &Scope::All),
            &Existing::default(),
            &Scope::All,
            today(),
            true,
        );
        assert_eq!(p.report.errors.len(), 2, "{:?}", p.report.errors);
        let skipped = &p.report.errors[1].message;
        assert_eq!(skipped.code(), messages::SKIPPED_WITH_ITS_PRODUCER.0);
        assert!(skipped.vietnamese().contains("dòng 2)"), "{skipped:?}");
        assert!(p.new_products.is_empty());
    }

    #[test]
    fn provinces_out_of_scope_are_errors() {
        let b = book(vec![PRODUCER.to_vec()], vec![]);
        let scope = Scope::Provinces(vec!["15".into()]);
        let p = plan(crate::programme::registry::rows::parse(&b, &scope), &Existing::default(), &scope, today(), false);
        assert_eq!(p.report.errors.len(), 1);
        let error = &p.report.errors[0].message;
        assert_eq!(error.code(), messages::NOT_YOUR_PROVINCE.0);
        assert!(error.vietnamese().contains("Lai Châu"), "{error:?}");
        assert!(p.new_producers.is_empty());
    }

    #[test]
    fn slugs_do_not_collide() {
        let mut taken: HashSet<String> = ["che".to_string(), "che-2".to_string()].into();
        assert_eq!(unique_slug("che", "x", &mut taken), "che-3");
        assert_eq!(unique_slug("", "san-pham", &mut taken), "san-pham");
        assert_eq!(unique_slug("", "san-pham", &mut taken), "san-pham-2");
    }
}
