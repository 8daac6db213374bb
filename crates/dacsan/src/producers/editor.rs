//! The seller's desk (`/seller`) and storefront editor
//! (`/seller/producers/{id}/edit`: identity, story, logo and photos).

use crate::search::SearchIndex;
use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;

use super::messages;
use super::model::{Producer, ProducerInput, ProducerKind};
use super::store;
use crate::catalog::{self, Product};
use crate::db::Db;
use crate::error::{AppError, FieldErrors};
use crate::media;
use crate::vn::admin_units;
use crate::web::PageError;
use crate::web::multipart::UploadForm;
use crate::web::{Page, render};

#[derive(Template)]
#[template(path = "seller/desk.html")]
struct DeskTemplate {
    page: Page,
    producers: Vec<(Producer, Vec<Product>)>,
}

/// `GET /seller`: the producers this user works for and their products.
pub async fn seller_desk(State(db): State<Db>, page: Page) -> Result<Response, PageError> {
    let user = page.require_user()?;
    let producers = if user.is_admin() && user.producer_ids.is_empty() {
        store::list(&db, 50, 0).await?
    } else {
        store::list_by_ids(&db, &user.producer_ids).await?
    };
    let mut with_products = Vec::new();
    for producer in producers {
        let products = catalog::store::list_for_producer(&db, producer.id, false, 500).await?;
        with_products.push((producer, products));
    }
    Ok(render(&DeskTemplate { page, producers: with_products }))
}

#[derive(Template)]
#[template(path = "seller/store_form.html")]
struct StoreFormTemplate {
    page: Page,
    producer: Producer,
    fields: HashMap<String, String>,
    errors: FieldErrors,
    photos: Vec<(i64, i64)>,
    kinds: &'static [ProducerKind],
    communes: Vec<&'static admin_units::Commune>,
    saved: bool,
}

impl StoreFormTemplate {
    fn v(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }
}

fn fields_of(p: &Producer) -> HashMap<String, String> {
    [
        ("name", p.name.clone()),
        ("slug", p.slug.clone()),
        ("kind", p.kind.as_str().to_string()),
        ("commune_code", p.commune_code.clone()),
        ("street", p.street.clone()),
        ("phone", p.phone_national()),
        ("email", p.email.clone().unwrap_or_default()),
        ("tax_code", p.tax_code.clone().unwrap_or_default()),
        ("story", p.story.clone()),
        ("story_en", p.story_en.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

async fn editable(db: &Db, page: &Page, id: i64) -> Result<Producer, PageError> {
    page.require_user()?.require_producer(id)?;
    Ok(store::find_by_id(db, id).await?.ok_or_else(|| AppError::not_found(messages::PRODUCER))?)
}

async fn form_page(
    db: &Db,
    page: Page,
    producer: Producer,
    fields: HashMap<String, String>,
    errors: FieldErrors,
    saved: bool,
) -> Result<Response, PageError> {
    let photos = store::photos(db, producer.id).await?;
    let communes = admin_units::communes_of(&producer.province_code).collect();
    Ok(render(&StoreFormTemplate { page, producer, fields, errors, photos, kinds: ProducerKind::ALL, communes, saved }))
}

#[derive(Debug, Deserialize)]
pub struct SavedParam {
    saved: Option<String>,
}

/// `GET /seller/producers/{id}/edit`
pub async fn edit_store_page(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<SavedParam>,
) -> Result<Response, PageError> {
    let producer = editable(&db, &page, id).await?;
    let fields = fields_of(&producer);
    form_page(&db, page, producer, fields, FieldErrors::default(), q.saved.is_some()).await
}

/// `POST /seller/producers/{id}/edit`
pub async fn update_store(
    State(db): State<Db>,
    State(search): State<Arc<SearchIndex>>,
    page: Page,
    jar: CookieJar,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let producer = editable(&db, &page, id).await?;
    let form = UploadForm::read(&jar, multipart).await?;
    let input = ProducerInput {
        name: form.text("name"),
        slug: form.text("slug"),
        kind: form.text("kind"),
        province_code: Some(producer.province_code.clone()),
        commune_code: form.text("commune_code"),
        street: form.text("street"),
        phone: form.text("phone"),
        email: Some(form.text("email").unwrap_or_default()),
        tax_code: Some(form.text("tax_code").unwrap_or_default()),
        story: form.text("story"),
        story_en: form.text("story_en"),
    };
    let valid = match input.validate(Some(&producer)) {
        Ok(valid) => valid,
        Err(errors) => return form_page(&db, page, producer, form.fields, errors, false).await,
    };
    if let Err(AppError::Conflict { field, message }) = store::update(&db, id, &valid).await {
        let mut errors = FieldErrors::default();
        errors.add(&field, message);
        return form_page(&db, page, producer, form.fields, errors, false).await;
    }
    let mut errors = FieldErrors::default();
    for (name, bytes) in &form.files {
        let (full, card) = match media::service::save_upload(&db, bytes.clone()).await {
            Ok(ids) => ids,
            Err(AppError::Internal(e)) => return Err(AppError::Internal(e).into()),
            Err(e) => {
                errors.add(name, e.into_message());
                continue;
            }
        };
        if name == "logo" {
            store::set_logo(&db, id, card).await?;
        } else {
            store::add_photo(&db, id, full, card).await?;
        }
    }
    catalog::store::touch_producer_products(&db, id).await?;
    catalog::service::reindex_producer(&db, &search, id).await?;
    if !errors.is_empty() {
        let producer = editable(&db, &page, id).await?;
        let fields = fields_of(&producer);
        return form_page(&db, page, producer, fields, errors, true).await;
    }
    Ok(Redirect::to(&format!("/seller/producers/{id}/edit?saved=1")).into_response())
}
