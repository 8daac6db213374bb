//! Each data row checked against the rules of [`super::model`] and the 2025
//! administrative units: what a row of `Cơ sở` or `Sản phẩm` says, or its errors
//! (sheet, Excel row, column, message). Pure: the database comes in at [`super::plan`].

use std::collections::HashMap;

use time::Date;

use super::columns::{SheetKind, producer as p, product as q};
use super::messages;
use super::model::{self, Flag, RegistryClass, Scope};
use super::report::Problem;
use super::workbook::{Book, Row, SheetRows, Value};
use crate::error::Message;
use crate::producers::ProducerKind;
use crate::vn::admin_units::{self, Commune};
use crate::vn::text::name_key;
use crate::vn::{Phone, TaxCode};

/// A valid row of `Cơ sở`. `None` in an optional field: the cell was empty or the
/// column absent, so what is stored stays. A flag column's `None`: the column is absent.
#[derive(Debug, Clone)]
pub struct ProducerRow {
    pub row: u32,
    pub province_code: String,
    pub code: String,
    pub name: String,
    pub kind: ProducerKind,
    pub commune_code: String,
    pub tax_code: Option<String>,
    pub street: Option<String>,
    /// E.164.
    pub phone: Option<String>,
    pub email: Option<String>,
    pub store: Option<Flag>,
    pub payment: Option<Flag>,
    pub trained_digital: Option<Flag>,
    pub trained_packaging: Option<Flag>,
}

/// The OCOP certificate a row gives: stars with the decision's number and dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    pub stars: u8,
    pub decision: String,
    pub issued_on: Date,
    pub expires_on: Date,
}

/// A valid row of `Sản phẩm`.
#[derive(Debug, Clone)]
pub struct ProductRow {
    pub row: u32,
    pub code: String,
    pub name: String,
    /// `name_key(name)`: with the producer, the upsert key.
    pub key: String,
    pub set_code: Option<String>,
    pub class: Option<RegistryClass>,
    /// `None`: the stars column is absent (the stored certificate stays);
    /// `Some(None)`: no stars.
    pub ocop: Option<Option<Certificate>>,
    pub eligible: Option<bool>,
    pub price: Option<i64>,
    pub unit: Option<String>,
    /// `None`: neither channel column is present.
    pub listings: Option<Vec<model::Listing>>,
}

/// Every row of the workbook, checked.
#[derive(Debug, Default)]
pub struct Parsed {
    pub producers: Vec<ProducerRow>,
    pub products: Vec<ProductRow>,
    /// Producer ID → the row numbers of `Cơ sở` rows with that ID that have errors.
    pub failed_producers: HashMap<String, Vec<u32>>,
    /// Rows of either sheet left out because of their errors.
    pub skipped_producers: usize,
    pub skipped_products: usize,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
    /// Rows the reader left out as not data (totals, the signature block).
    pub skipped_rows: Vec<Problem>,
    /// Whether the product sheet has channel columns (for the preview's note).
    pub has_listings: bool,
}

impl Parsed {
    /// Every Producer ID the file names, on either sheet.
    pub fn codes(&self) -> Vec<String> {
        let mut codes: Vec<String> =
            self.producers.iter().map(|r| r.code.clone()).chain(self.products.iter().map(|r| r.code.clone())).collect();
        codes.sort();
        codes.dedup();
        codes
    }
}

/// What a helper refused in a cell (a phone number, a tax code, an e-mail): the
/// cell's text and the helper's reason.
fn refused(text: &str, why: crate::error::Text) -> Message {
    Message::from(messages::CELL_REFUSED).with("text", text).with_message("why", why)
}

/// A text's length out of `min..=max` characters.
fn length(min: usize, max: usize) -> Message {
    Message::from(messages::CHARACTERS_BETWEEN).with("min", min).with("max", max)
}

/// A text longer than `max` characters.
fn at_most(max: usize) -> Message {
    Message::from(messages::AT_MOST_CHARACTERS).with("max", max)
}

/// The problems of one row, collected before the row is kept or left out.
struct RowCheck<'a> {
    sheet: &'a SheetRows,
    row: &'a Row,
    errors: Vec<Problem>,
    warnings: Vec<Problem>,
}

impl<'a> RowCheck<'a> {
    fn new(sheet: &'a SheetRows, row: &'a Row) -> RowCheck<'a> {
        RowCheck { sheet, row, errors: Vec::new(), warnings: Vec::new() }
    }

    fn label(&self, column: usize) -> String {
        self.sheet.kind.columns()[column].label()
    }

    fn error(&mut self, column: usize, message: impl Into<Message>) {
        let label = self.label(column);
        self.errors.push(Problem::at(self.sheet.kind, self.row.number, &label, message));
    }

    fn warn(&mut self, column: usize, message: impl Into<Message>) {
        let label = self.label(column);
        self.warnings.push(Problem::at(self.sheet.kind, self.row.number, &label, message));
    }

    fn value(&self, column: usize) -> &'a Value {
        self.row.get(column)
    }

    /// The trimmed text of a cell; `None` when empty.
    fn text(&self, column: usize) -> Option<String> {
        let v = self.row.get(column);
        if v.is_empty() || matches!(v, Value::Error(_)) { None } else { Some(v.text()) }
    }

    /// A cell that holds an error value was reported by the reader already.
    fn is_error_cell(&self, column: usize) -> bool {
        matches!(self.row.get(column), Value::Error(_))
    }

    fn required(&mut self, column: usize) -> Option<String> {
        let text = self.text(column);
        if text.is_none() && !self.is_error_cell(column) {
            self.error(column, messages::REQUIRED_BUT_EMPTY);
        }
        text
    }
}

/// Looks provinces and communes up once per distinct spelling.
#[derive(Default)]
struct Places {
    provinces: HashMap<String, Option<String>>,
    communes: HashMap<(String, String), Result<&'static Commune, Vec<&'static Commune>>>,
}

impl Places {
    fn province(&mut self, text: &str) -> Option<String> {
        self.provinces
            .entry(text.to_string())
            .or_insert_with(|| {
                let trimmed = text.trim();
                let padded = if trimmed.len() == 1 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
                    format!("0{trimmed}")
                } else {
                    trimmed.to_string()
                };
                admin_units::province(&padded).or_else(|| admin_units::find_province(trimmed)).map(|p| p.code.clone())
            })
            .clone()
    }

    fn commune(&mut self, province: &str, text: &str) -> Result<&'static Commune, Vec<&'static Commune>> {
        self.communes
            .entry((province.to_string(), text.to_string()))
            .or_insert_with(|| find_commune(province, text))
            .clone()
    }
}

/// A commune as registries write it: its code, its name (new or pre-2025), or an old
/// commune with its old district — `xã Tả Phìn, huyện Sìn Hồ`, `Tả Phìn - Sìn Hồ`,
/// `phường Tân An, thị xã Nghĩa Lộ` — possibly followed by the province.
fn find_commune(province: &str, text: &str) -> Result<&'static Commune, Vec<&'static Commune>> {
    let trimmed = text.trim();
    let code = if trimmed.bytes().all(|b| b.is_ascii_digit()) && trimmed.len() < 5 {
        format!("{trimmed:0>5}")
    } else {
        trimmed.to_string()
    };
    if let Some(c) = admin_units::commune_in(province, &code) {
        return Ok(c);
    }
    let whole = admin_units::find_commune(province, trimmed);
    let parts = address_parts(trimmed);
    if whole.is_ok() || parts.len() < 2 {
        return whole;
    }
    let by_parts = match parts.as_slice() {
        [commune, district] => match admin_units::find_commune_in_old_district(province, district, commune) {
            Err(none) if none.is_empty() && names_province(district, province) => {
                admin_units::find_commune(province, commune)
            }
            other => other,
        },
        [commune, district, last] if names_province(last, province) => {
            admin_units::find_commune_in_old_district(province, district, commune)
        }
        _ => Err(Vec::new()),
    };
    match (by_parts, whole) {
        (Err(none), Err(candidates)) if none.is_empty() => Err(candidates),
        (by_parts, _) => by_parts,
    }
}

/// `xã Tả Phìn, huyện Sìn Hồ` → [`xã Tả Phìn`, `huyện Sìn Hồ`]; also split at a
/// dash between spaces (`Tả Phìn - Sìn Hồ`) or, failing both, at a bare dash.
fn address_parts(text: &str) -> Vec<&str> {
    let parts: Vec<&str> = text
        .split([',', ';'])
        .flat_map(|part| part.split(" - ").flat_map(|p| p.split(" – ")).flat_map(|p| p.split(" — ")))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() > 1 {
        return parts;
    }
    text.split(['-', '–']).map(str::trim).filter(|p| !p.is_empty()).collect()
}

/// Does the text name this (new) province, by its new or its old name?
fn names_province(text: &str, province: &str) -> bool {
    admin_units::find_province(text).is_some_and(|p| p.code == province)
}

/// Checks every row of both sheets.
pub fn parse(book: &Book, scope: &Scope) -> Parsed {
    let mut parsed = Parsed {
        errors: book.errors.clone(),
        warnings: book.warnings.clone(),
        skipped_rows: book.skipped.clone(),
        has_listings: book.products.has(q::PLATFORMS) || book.products.has(q::LINKS),
        ..Parsed::default()
    };
    // Rows the reader already found fault with (formulas, error cells, merged cells).
    let mut bad_rows: std::collections::HashSet<(SheetKind, u32)> = book
        .errors
        .iter()
        .filter_map(|e| SheetKind::ALL.into_iter().find(|k| k.name() == e.sheet).map(|k| (k, e.row)))
        .collect();
    let mut places = Places::default();
    let mut seen: HashMap<(String, String), u32> = HashMap::new();
    for row in &book.producers.rows {
        let mut check = RowCheck::new(&book.producers, row);
        let parsed_row = producer_row(&mut check, scope, &mut places);
        if let Some(r) = &parsed_row
            && let Some(first) = seen.get(&(r.province_code.clone(), r.code.clone()))
        {
            check.error(
                p::CODE,
                Message::from(messages::PRODUCER_ID_REPEATS_ROW).with("code", &r.code).with("first", first),
            );
        }
        let reader_fault = bad_rows.contains(&(SheetKind::Producers, row.number));
        parsed.warnings.append(&mut check.warnings);
        match parsed_row {
            Some(r) if check.errors.is_empty() && !reader_fault => {
                seen.insert((r.province_code.clone(), r.code.clone()), r.row);
                parsed.producers.push(r);
            }
            other => {
                let code = other.map(|r| r.code).or_else(|| check.text(p::CODE));
                if let Some(code) = code {
                    parsed.failed_producers.entry(code).or_default().push(row.number);
                }
                parsed.skipped_producers += 1;
                bad_rows.insert((SheetKind::Producers, row.number));
                parsed.errors.append(&mut check.errors);
            }
        }
    }
    let mut seen: HashMap<(String, String), u32> = HashMap::new();
    for row in &book.products.rows {
        let mut check = RowCheck::new(&book.products, row);
        let parsed_row = product_row(&mut check);
        if let Some(r) = &parsed_row
            && let Some(first) = seen.get(&(r.code.clone(), r.key.clone()))
        {
            let message = Message::from(messages::PRODUCT_REPEATS_ROW).with("name", &r.name).with("code", &r.code);
            check.error(q::NAME, message.with("first", first));
        }
        let reader_fault = bad_rows.contains(&(SheetKind::Products, row.number));
        parsed.warnings.append(&mut check.warnings);
        match parsed_row {
            Some(r) if check.errors.is_empty() && !reader_fault => {
                seen.insert((r.code.clone(), r.key.clone()), r.row);
                parsed.products.push(r);
            }
            _ => {
                parsed.skipped_products += 1;
                parsed.errors.append(&mut check.errors);
            }
        }
    }
    parsed
}

fn producer_row(check: &mut RowCheck<'_>, scope: &Scope, places: &mut Places) -> Option<ProducerRow> {
    let code = check.required(p::CODE);
    if let Some(code) = &code
        && code.chars().count() > 50
    {
        check.error(p::CODE, at_most(50));
    }
    let name = check.required(p::NAME);
    if let Some(name) = &name
        && !(2..=200).contains(&name.chars().count())
    {
        check.error(p::NAME, length(2, 200));
    }
    let kind = check.required(p::KIND).and_then(|text| {
        let kind = model::parse_kind(&text);
        if kind.is_none() {
            check.error(p::KIND, Message::from(messages::CHOOSE_A_PRODUCER_KIND).with("text", &text));
        }
        kind
    });
    let province_code = check.required(p::PROVINCE).and_then(|text| match places.province(&text) {
        Some(code) if scope.allows(&code) => Some(code),
        Some(code) => {
            let name = admin_units::province(&code).map_or(code.as_str(), |p| p.name.as_str()).to_string();
            check.error(p::PROVINCE, Message::from(messages::NOT_YOUR_PROVINCE).with("province", name));
            None
        }
        None => {
            check.error(p::PROVINCE, Message::from(messages::NO_SUCH_PROVINCE).with("text", &text));
            None
        }
    });
    let commune_text = match check.value(p::COMMUNE) {
        Value::Number(_) => check.text(p::COMMUNE),
        _ => check.required(p::COMMUNE),
    };
    let commune_code = match (&province_code, commune_text) {
        (Some(province), Some(text)) => match places.commune(province, &text) {
            Ok(commune) => {
                let names = |key: &str| name_key(&commune.short_name) == key || name_key(&commune.name) == key;
                let first = name_key(address_parts(&text).first().copied().unwrap_or(&text));
                let first = first.strip_prefix("xa ").or_else(|| first.strip_prefix("phuong ")).unwrap_or(&first);
                let as_written = names(&name_key(&text))
                    || names(first)
                    || commune.code == text.trim()
                    || commune.code == format!("{:0>5}", text.trim());
                if !as_written {
                    let old_name = Message::from(messages::PRE_2025_COMMUNE_NAME).with("text", &text);
                    check.warn(p::COMMUNE, old_name.with("commune", &commune.name).with("code", &commune.code));
                }
                Some(commune.code.clone())
            }
            Err(candidates) if candidates.is_empty() => {
                let province_name = admin_units::province(province).map_or("", |p| p.name.as_str());
                let unknown = Message::from(messages::NO_SUCH_COMMUNE).with("text", &text);
                check.error(p::COMMUNE, unknown.with("province", province_name));
                None
            }
            Err(candidates) => {
                let list: Vec<String> = candidates.iter().map(|c| format!("{} ({})", c.name, c.code)).collect();
                let several = Message::from(messages::SEVERAL_COMMUNES).with("text", &text);
                check.error(p::COMMUNE, several.with("communes", list.join(", ")));
                None
            }
        },
        _ => None,
    };
    let tax_code = match check.value(p::TAX_CODE) {
        v if v.is_empty() || matches!(v, Value::Error(_)) => None,
        v => match TaxCode::parse(&model::tax_code_text(v)) {
            Ok(t) => Some(t.as_str().to_string()),
            Err(msg) => {
                check.error(p::TAX_CODE, refused(&v.text(), msg));
                None
            }
        },
    };
    let street = check.text(p::ADDRESS);
    if street.as_ref().is_some_and(|s| s.chars().count() > 200) {
        check.error(p::ADDRESS, at_most(200));
    }
    let phone = match check.value(p::PHONE) {
        v if v.is_empty() || matches!(v, Value::Error(_)) => None,
        v => match Phone::parse(&model::phone_text(v)) {
            Ok(phone) => Some(phone.e164().to_string()),
            Err(msg) => {
                check.error(p::PHONE, refused(&v.text(), msg));
                None
            }
        },
    };
    let email = check.text(p::EMAIL).and_then(|text| match crate::auth::model::parse_email(&text) {
        Ok(email) => Some(email),
        Err(msg) => {
            check.error(p::EMAIL, refused(&text, msg));
            None
        }
    });
    let store = flag(check, p::STORE, model::store_flag);
    let payment = flag(check, p::PAYMENT, |v| model::yes_no_value(v).map(|yes| if yes { Flag::Yes } else { Flag::No }));
    let trained_digital = flag(check, p::TRAINED_DIGITAL, model::training_flag);
    let trained_packaging = flag(check, p::TRAINED_PACKAGING, model::training_flag);
    Some(ProducerRow {
        row: check.row.number,
        province_code: province_code?,
        code: code?,
        name: name?,
        kind: kind?,
        commune_code: commune_code?,
        tax_code,
        street,
        phone,
        email,
        store,
        payment,
        trained_digital,
        trained_packaging,
    })
}

/// A flag column: `None` when the sheet lacks it; an error cell counts as reported.
fn flag(check: &mut RowCheck<'_>, column: usize, parse: impl Fn(&Value) -> Result<Flag, Message>) -> Option<Flag> {
    if !check.sheet.has(column) || check.is_error_cell(column) {
        return None;
    }
    match parse(check.value(column)) {
        Ok(flag) => Some(flag),
        Err(msg) => {
            check.error(column, msg);
            None
        }
    }
}

fn product_row(check: &mut RowCheck<'_>) -> Option<ProductRow> {
    let code = check.required(q::CODE);
    let name = check.required(q::NAME);
    if let Some(name) = &name
        && !(2..=200).contains(&name.chars().count())
    {
        check.error(q::NAME, length(2, 200));
    }
    let set_code = check.text(q::SET).and_then(|text| match model::parse_set(&text) {
        Ok((code, warning)) => {
            if let Some(w) = warning {
                check.warn(q::SET, w);
            }
            Some(code)
        }
        Err(msg) => {
            check.error(q::SET, msg);
            None
        }
    });
    let class = check.text(q::CLASS).and_then(|text| {
        let class = model::parse_class(&text);
        if class.is_none() {
            check.error(q::CLASS, Message::from(messages::CHOOSE_A_CLASS).with("text", &text));
        }
        class
    });
    // Ok(None): no stars column, the stored certificate stays; Err: reported.
    let ocop: Result<Option<Option<Certificate>>, ()> =
        if check.sheet.has(q::STARS) { certificate(check).map(Some).ok_or(()) } else { Ok(None) };
    let eligible = if check.sheet.has(q::ELIGIBLE) && !check.is_error_cell(q::ELIGIBLE) {
        match model::yes_no_value(check.value(q::ELIGIBLE)) {
            Ok(yes) => Some(yes),
            Err(msg) => {
                check.error(q::ELIGIBLE, msg);
                None
            }
        }
    } else {
        None
    };
    let price = match check.value(q::PRICE) {
        v if v.is_empty() || matches!(v, Value::Error(_)) => None,
        v => match model::parse_price(v) {
            Ok(price) => Some(price),
            Err(msg) => {
                check.error(q::PRICE, msg);
                None
            }
        },
    };
    let unit = check.text(q::UNIT);
    if unit.as_ref().is_some_and(|u| u.chars().count() > 50) {
        check.error(q::UNIT, Message::from(messages::UNIT_AT_MOST_CHARACTERS).with("max", 50));
    }
    let listings: Result<Option<Vec<model::Listing>>, ()> =
        if check.sheet.has(q::PLATFORMS) || check.sheet.has(q::LINKS) {
            let names = check.text(q::PLATFORMS).unwrap_or_default();
            let links = check.text(q::LINKS).unwrap_or_default();
            match model::pair_links(&names, &links) {
                Ok((pairs, warnings)) => {
                    for w in warnings {
                        check.warn(q::LINKS, w);
                    }
                    Ok(Some(pairs))
                }
                Err(msg) => {
                    check.error(q::PLATFORMS, msg);
                    Err(())
                }
            }
        } else {
            Ok(None)
        };
    let name = name?;
    let key = name_key(&name);
    if key.is_empty() {
        check.error(q::NAME, messages::NAME_NEEDS_LETTERS_OR_DIGITS);
        return None;
    }
    Some(ProductRow {
        row: check.row.number,
        code: code?,
        name,
        key,
        set_code,
        class,
        ocop: ocop.ok()?,
        eligible,
        price,
        unit,
        listings: listings.ok()?,
    })
}

/// Stars with their decision: the number and the issue date are required with
/// stars; the expiry defaults to 36 months after the issue date (with a warning).
/// `None` when the row has an error here.
fn certificate(check: &mut RowCheck<'_>) -> Option<Option<Certificate>> {
    if check.is_error_cell(q::STARS) {
        return None;
    }
    let stars = match model::parse_stars(check.value(q::STARS)) {
        Ok(stars) => stars,
        Err(msg) => {
            check.error(q::STARS, msg);
            return None;
        }
    };
    let date = |check: &mut RowCheck<'_>, column: usize| -> Result<Option<Date>, ()> {
        if check.is_error_cell(column) {
            return Err(());
        }
        model::parse_date(check.value(column)).map_err(|msg| check.error(column, msg))
    };
    let issued = date(check, q::ISSUED_ON);
    let expires = date(check, q::EXPIRES_ON);
    let decision = check.text(q::DECISION);
    if stars == 0 {
        if decision.is_some() || matches!(issued, Ok(Some(_))) || matches!(expires, Ok(Some(_))) {
            check.warn(q::STARS, messages::NO_STARS_DECISION_UNUSED);
        }
        return Some(None);
    }
    let (Ok(issued), Ok(expires)) = (issued, expires) else { return None };
    let Some(issued) = issued else {
        check.error(q::ISSUED_ON, messages::REQUIRED_WITH_OCOP_STARS);
        return None;
    };
    let Some(decision) = decision else {
        check.error(q::DECISION, messages::REQUIRED_WITH_OCOP_STARS);
        return None;
    };
    if decision.chars().count() > 200 {
        check.error(q::DECISION, at_most(200));
        return None;
    }
    let expires = match expires {
        Some(expires) if expires < issued => {
            check.error(q::EXPIRES_ON, messages::BEFORE_THE_ISSUE_DATE);
            return None;
        }
        Some(expires) => expires,
        None => {
            let expires = model::expiry_of(issued);
            let computed = Message::from(messages::EXPIRY_COMPUTED).with("months", model::CERTIFICATE_MONTHS);
            check.warn(q::EXPIRES_ON, computed.with("day", crate::vn::date_vn(&expires)).with("date", expires));
            expires
        }
    };
    Some(Some(Certificate { stars, decision, issued_on: issued, expires_on: expires }))
}
