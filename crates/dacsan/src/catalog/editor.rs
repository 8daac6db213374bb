//! The seller's product editor: `/seller/products/new?producer={id}` and
//! `/seller/products/{id}/edit`, one multipart form with the fields and photos.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;

use super::messages;
use super::model::{Product, ProductInput};
use super::wholesale::{self, PriceBreak};
use super::{ocop, service, store};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::{AppError, FieldErrors};
use crate::media;
use crate::producers::{self, Producer};
use crate::search::SearchIndex;
use crate::vn::{Vnd, admin_units};
use crate::web::PageError;
use crate::web::multipart::UploadForm;
use crate::web::{Page, render};

#[derive(Template)]
#[template(path = "seller/product_form.html")]
struct ProductFormTemplate {
    page: Page,
    producer: Producer,
    product: Option<Product>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
    photos: Vec<(i64, i64)>,
    sets: &'static [ocop::ProductSet],
    communes: Vec<&'static admin_units::Commune>,
    saved: bool,
}

impl ProductFormTemplate {
    fn v(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }

    /// The price-break rows of the form: (quantity field, price field) names.
    fn break_rows(&self) -> Vec<(String, String)> {
        (0..wholesale::MAX_BREAKS)
            .map(|row| (break_field(row, "min_quantity"), break_field(row, "unit_price_vnd")))
            .collect()
    }

    /// The price breaks start open when there are some or one is wrong.
    fn wholesale_open(&self) -> bool {
        !self.v(&break_field(0, "min_quantity")).is_empty()
            || self.errors.0.iter().any(|e| e.field.starts_with("wholesale"))
    }

    /// The export section starts open when something in it is filled or wrong.
    fn export_open(&self) -> bool {
        const FIELDS: [&str; 6] =
            ["unit_en", "description_en", "hs_code", "shelf_life_days", "certifications", "export_markets"];
        FIELDS.iter().any(|f| (!self.v(f).is_empty() && self.v(f) != "0") || self.errors.get(f).is_some())
    }

    /// The HS heading the chosen product set suggests.
    fn hs_hint(&self) -> Option<&'static str> {
        ocop::set(self.v("set_code")).map(|s| s.hs_heading.as_str()).filter(|h| !h.is_empty())
    }

    fn action(&self) -> String {
        match &self.product {
            Some(p) => format!("/seller/products/{}/edit", p.id),
            None => format!("/seller/products/new?producer={}", self.producer.id),
        }
    }
}

const TEXT_FIELDS: [&str; 15] = [
    "name",
    "description_en",
    "unit_en",
    "hs_code",
    "name_en",
    "set_code",
    "ocop_certificate_no",
    "ocop_authority",
    "ocop_certified_on",
    "ocop_expires_on",
    "unit",
    "sku",
    "gtin",
    "description",
    "origin_commune_code",
];

fn fields_of(product: &Product) -> HashMap<String, String> {
    let ocop = product.ocop.as_ref();
    let pairs = [
        ("name", product.name.clone()),
        ("name_en", product.name_en.clone()),
        ("set_code", product.set_code.clone()),
        ("ocop_stars", ocop.map_or("0".into(), |o| o.stars.to_string())),
        ("ocop_certificate_no", ocop.map(|o| o.certificate_no.clone()).unwrap_or_default()),
        ("ocop_authority", ocop.map(|o| o.authority.clone()).unwrap_or_default()),
        ("ocop_certified_on", ocop.map(|o| o.certified_on.to_string()).unwrap_or_default()),
        ("ocop_expires_on", ocop.map(|o| o.expires_on.to_string()).unwrap_or_default()),
        ("price_vnd", product.price.0.to_string()),
        ("unit", product.unit.clone()),
        ("weight_g", product.weight_g.to_string()),
        ("package_length_cm", product.package.map(|s| s.length_cm.to_string()).unwrap_or_default()),
        ("package_width_cm", product.package.map(|s| s.width_cm.to_string()).unwrap_or_default()),
        ("package_height_cm", product.package.map(|s| s.height_cm.to_string()).unwrap_or_default()),
        ("stock", product.stock.to_string()),
        ("sku", product.sku.clone().unwrap_or_default()),
        ("gtin", product.gtin.clone().unwrap_or_default()),
        ("description", product.description.clone()),
        ("origin_commune_code", product.origin_commune_code.clone()),
        ("status", product.status.as_str().to_string()),
        ("description_en", product.description_en.clone()),
        ("unit_en", product.unit_en.clone()),
        ("hs_code", product.export.hs_display().unwrap_or_default()),
        ("shelf_life_days", product.export.shelf_life_days.map(|d| d.to_string()).unwrap_or_default()),
        ("certifications", product.export.certifications.join(", ")),
        ("export_markets", product.export.markets.join(", ")),
    ];
    let mut fields: HashMap<String, String> = pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    for (i, b) in product.wholesale.iter().enumerate() {
        fields.insert(break_field(i, "min_quantity"), b.min_quantity.to_string());
        fields.insert(break_field(i, "unit_price_vnd"), b.unit_price_vnd.to_string());
    }
    fields
}

/// A price break's form field: named as the API names its error.
fn break_field(row: usize, part: &str) -> String {
    format!("wholesale_breaks[{row}].{part}")
}

/// The form's price-break rows, read in order; a blank row before a filled one is
/// an error (the rows are the breaks, from the smallest quantity up).
fn breaks_from_form(fields: &HashMap<String, String>, errors: &mut FieldErrors) -> Vec<PriceBreak> {
    let cell = |row: usize, part: &str| fields.get(&break_field(row, part)).map(|v| v.trim()).unwrap_or("");
    let last_filled = (0..wholesale::MAX_BREAKS)
        .rev()
        .find(|&row| !cell(row, "min_quantity").is_empty() || !cell(row, "unit_price_vnd").is_empty());
    let Some(last_filled) = last_filled else { return Vec::new() };
    let mut breaks = Vec::new();
    for row in 0..=last_filled {
        let mut number = |part: &str| match Vnd::parse(cell(row, part)) {
            Ok(v) if !cell(row, part).is_empty() => Some(v.0),
            _ => {
                errors.add(&break_field(row, part), messages::A_WHOLE_NUMBER);
                None
            }
        };
        if let (Some(min_quantity), Some(unit_price_vnd)) = (number("min_quantity"), number("unit_price_vnd")) {
            breaks.push(PriceBreak { min_quantity, unit_price_vnd });
        }
    }
    breaks
}

/// Form text into a [`ProductInput`]; numbers that do not parse are field errors.
/// Every field is sent by the form, so blanks clear optional values.
fn input_from_form(fields: &HashMap<String, String>, producer_id: i64, errors: &mut FieldErrors) -> ProductInput {
    let text = |name: &str| Some(fields.get(name).cloned().unwrap_or_default());
    let mut number = |name: &str| -> Option<i64> {
        let raw = fields.get(name).map(|v| v.trim()).unwrap_or("");
        if raw.is_empty() {
            return Some(0);
        }
        match Vnd::parse(raw) {
            Ok(v) => Some(v.0),
            Err(_) => {
                errors.add(name, messages::A_WHOLE_NUMBER);
                None
            }
        }
    };
    let price_vnd = number("price_vnd");
    let weight_g = number("weight_g");
    let package_cm = match [number("package_length_cm"), number("package_width_cm"), number("package_height_cm")] {
        [Some(length_cm), Some(width_cm), Some(height_cm)] => {
            Some(super::model::PackageSize { length_cm, width_cm, height_cm })
        }
        _ => None,
    };
    let stock = number("stock");
    let shelf_life_days = number("shelf_life_days");
    let list = |name: &str| -> Option<Vec<String>> {
        Some(fields.get(name).map(|v| v.split(',').map(|item| item.trim().to_string()).collect()).unwrap_or_default())
    };
    let ocop_stars = match fields.get("ocop_stars").map(|s| s.trim()).unwrap_or("0") {
        "" | "0" => Some(0),
        s => s.parse().ok().or_else(|| {
            errors.add("ocop_stars", messages::STARS_0_3_4_OR_5);
            None
        }),
    };
    let wholesale_breaks = Some(breaks_from_form(fields, errors));
    let mut input = ProductInput {
        producer_id: Some(producer_id),
        wholesale_breaks,
        shelf_life_days,
        certifications: list("certifications"),
        export_markets: list("export_markets"),
        ocop_stars,
        price_vnd,
        weight_g,
        package_cm,
        stock,
        status: fields.get("status").cloned(),
        ..ProductInput::default()
    };
    for name in TEXT_FIELDS {
        let value = text(name);
        match name {
            "name" => input.name = value,
            "name_en" => input.name_en = value,
            "description_en" => input.description_en = value,
            "unit_en" => input.unit_en = value,
            "hs_code" => input.hs_code = value,
            "set_code" => input.set_code = value,
            "ocop_certificate_no" => input.ocop_certificate_no = value,
            "ocop_authority" => input.ocop_authority = value,
            "ocop_certified_on" => input.ocop_certified_on = value,
            "ocop_expires_on" => input.ocop_expires_on = value,
            "unit" => input.unit = value,
            "sku" => input.sku = value,
            "gtin" => input.gtin = value,
            "description" => input.description = value,
            _ => input.origin_commune_code = value,
        }
    }
    input
}

async fn producer_for(db: &Db, user: &CurrentUser, producer_id: i64) -> Result<Producer, PageError> {
    user.require_producer(producer_id)?;
    Ok(producers::store::find_by_id(db, producer_id).await?.ok_or_else(|| AppError::not_found(messages::PRODUCER))?)
}

async fn product_for(db: &Db, user: &CurrentUser, id: i64) -> Result<(Product, Producer), PageError> {
    let product = store::find_by_id(db, id).await?.ok_or_else(|| AppError::not_found(messages::PRODUCT))?;
    let producer = producer_for(db, user, product.producer_id).await?;
    Ok((product, producer))
}

fn form_page(
    page: Page,
    producer: Producer,
    product: Option<Product>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
    photos: Vec<(i64, i64)>,
    saved: bool,
) -> Response {
    let communes = admin_units::communes_of(&producer.province_code).collect();
    render(&ProductFormTemplate {
        page,
        producer,
        product,
        fields,
        errors,
        photos,
        sets: ocop::sets(),
        communes,
        saved,
    })
}

#[derive(Debug, Deserialize)]
pub struct NewParams {
    producer: i64,
}

/// `GET /seller/products/new?producer={id}`
pub async fn new_product_page(
    State(db): State<Db>,
    page: Page,
    Query(q): Query<NewParams>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let producer = producer_for(&db, &user, q.producer).await?;
    let fields = HashMap::from([
        ("origin_commune_code".to_string(), producer.commune_code.clone()),
        ("status".to_string(), "active".to_string()),
    ]);
    Ok(form_page(page, producer, None, fields, FieldErrors::default(), Vec::new(), false))
}

/// `POST /seller/products/new?producer={id}`
pub async fn create_product(
    State(db): State<Db>,
    State(search): State<Arc<SearchIndex>>,
    page: Page,
    jar: CookieJar,
    Query(q): Query<NewParams>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let producer = producer_for(&db, &user, q.producer).await?;
    let form = UploadForm::read(&jar, multipart).await?;
    let mut errors = FieldErrors::default();
    let input = input_from_form(&form.fields, producer.id, &mut errors);
    let valid = match input.validate(None, &producer.commune_code) {
        Ok(valid) if errors.is_empty() => valid,
        Ok(_) => return Ok(form_page(page, producer, None, form.fields, errors, Vec::new(), false)),
        Err(more) => {
            errors.0.extend(more.0);
            return Ok(form_page(page, producer, None, form.fields, errors, Vec::new(), false));
        }
    };
    let uploads = save_photos(&db, &form).await;
    let id = match store::insert(&db, &valid, false).await {
        Ok(id) => id,
        Err(AppError::Conflict { field, message }) => {
            errors.add(&field, message);
            return Ok(form_page(page, producer, None, form.fields, errors, Vec::new(), false));
        }
        Err(e) => return Err(e.into()),
    };
    attach_photos(&db, id, uploads, &mut errors).await?;
    service::reindex_product(&db, &search, id).await?;
    tracing::info!(product.id = id, producer.id = producer.id, user.id = user.id, "product created from the web");
    if !errors.is_empty() {
        let (product, producer) = product_for(&db, &user, id).await?;
        let photos = store::photos(&db, id).await?;
        return Ok(form_page(page, producer, Some(product.clone()), fields_of(&product), errors, photos, true));
    }
    Ok(Redirect::to(&format!("/seller/products/{id}/edit?saved=1")).into_response())
}

#[derive(Debug, Deserialize)]
pub struct SavedParam {
    saved: Option<String>,
}

/// `GET /seller/products/{id}/edit`
pub async fn edit_product_page(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<SavedParam>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let (product, producer) = product_for(&db, &user, id).await?;
    let photos = store::photos(&db, id).await?;
    let fields = fields_of(&product);
    Ok(form_page(page, producer, Some(product), fields, FieldErrors::default(), photos, q.saved.is_some()))
}

/// `POST /seller/products/{id}/edit`
pub async fn update_product(
    State(db): State<Db>,
    State(search): State<Arc<SearchIndex>>,
    page: Page,
    jar: CookieJar,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let (product, producer) = product_for(&db, &user, id).await?;
    let form = UploadForm::read(&jar, multipart).await?;
    let mut errors = FieldErrors::default();
    let input = input_from_form(&form.fields, producer.id, &mut errors);
    let photos = store::photos(&db, id).await?;
    let valid = match input.validate(Some(&product), &producer.commune_code) {
        Ok(valid) if errors.is_empty() => valid,
        Ok(_) => return Ok(form_page(page, producer, Some(product), form.fields, errors, photos, false)),
        Err(more) => {
            errors.0.extend(more.0);
            return Ok(form_page(page, producer, Some(product), form.fields, errors, photos, false));
        }
    };
    if let Err(AppError::Conflict { field, message }) = store::update(&db, id, &valid).await {
        errors.add(&field, message);
        return Ok(form_page(page, producer, Some(product), form.fields, errors, photos, false));
    }
    for removed in form.fields.keys().filter_map(|k| k.strip_prefix("remove_photo_")) {
        if let Ok(media_id) = removed.parse() {
            store::remove_photo(&db, id, media_id).await?;
        }
    }
    let uploads = save_photos(&db, &form).await;
    attach_photos(&db, id, uploads, &mut errors).await?;
    service::reindex_product(&db, &search, id).await?;
    if !errors.is_empty() {
        let product = store::find_by_id(&db, id).await?.ok_or_else(|| AppError::not_found(messages::PRODUCT))?;
        let photos = store::photos(&db, id).await?;
        return Ok(form_page(page, producer, Some(product.clone()), fields_of(&product), errors, photos, true));
    }
    Ok(Redirect::to(&format!("/seller/products/{id}/edit?saved=1")).into_response())
}

/// Processes each uploaded picture; a bad one is reported, the others kept.
async fn save_photos(db: &Db, form: &UploadForm) -> Vec<Result<(i64, i64), AppError>> {
    let mut out = Vec::new();
    for (_, bytes) in form.files.iter().filter(|(name, _)| name == "photos") {
        out.push(media::service::save_upload(db, bytes.clone()).await);
    }
    out
}

async fn attach_photos(
    db: &Db,
    product_id: i64,
    uploads: Vec<Result<(i64, i64), AppError>>,
    errors: &mut FieldErrors,
) -> anyhow::Result<()> {
    for upload in uploads {
        match upload {
            Ok((full, card)) => store::add_photo(db, product_id, full, card).await?,
            Err(AppError::Internal(e)) => return Err(e),
            Err(e) => errors.add("photos", e.into_message()),
        }
    }
    Ok(())
}
