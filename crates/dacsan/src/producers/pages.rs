//! The public storefront `/s/{slug}` and its complaint form.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::messages;
use super::model::Producer;
use super::store;
use crate::catalog::cards::{Card, cards};
use crate::config::Settings;
use crate::db::Db;
use crate::error::{AppError, FieldErrors};
use crate::web::PageError;
use crate::web::{CsrfForm, Page, markdown, render};

#[derive(Template)]
#[template(path = "producers/storefront.html")]
struct StorefrontTemplate {
    page: Page,
    producer: Producer,
    story_html: String,
    photos: Vec<(i64, i64)>,
    cards: Vec<Card>,
    can_edit: bool,
    complaint: ComplaintForm,
    errors: FieldErrors,
    complaint_sent: bool,
    /// (product name, lot, produced on, batch page path) of the latest traceable batches.
    batches: Vec<(String, String, String, String)>,
    share: crate::web::share::ShareLinks,
}

#[derive(Debug, Default, Deserialize)]
pub struct ComplaintForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub message: String,
}

async fn storefront(
    db: &Db,
    settings: &Settings,
    page: Page,
    slug: &str,
    complaint: ComplaintForm,
    errors: FieldErrors,
    complaint_sent: bool,
) -> Result<Response, PageError> {
    let producer = store::find_by_slug(db, slug).await?.ok_or_else(|| AppError::not_found(messages::STORE))?;
    let products = crate::catalog::store::list_for_producer(db, producer.id, true, 200).await?;
    let mut batches = Vec::new();
    for batch in crate::trace::store::list_batches_of_producer(db, producer.id, 10).await? {
        if let Some(product) = products.iter().find(|p| p.id == batch.product_id) {
            let path = crate::trace::service::batch_path(product, &batch);
            batches.push((product.display_name(page.is_en()).to_string(), batch.lot, batch.produced_on, path));
        }
    }
    let share = crate::web::share::ShareLinks::of(&format!("{}/s/{}", settings.public_url, producer.slug));
    let template = StorefrontTemplate {
        batches,
        share,
        story_html: markdown::to_html(producer.display_story(page.is_en())),
        photos: store::photos(db, producer.id).await?,
        cards: cards(db, &products, page.is_en()).await?,
        can_edit: page.user.as_ref().is_some_and(|u| u.can_manage_producer(producer.id)),
        producer,
        complaint,
        errors,
        complaint_sent,
        page,
    };
    Ok(render(&template))
}

/// `GET /s/{slug}`
pub async fn show_storefront(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    page: Page,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    storefront(&db, &settings, page, &slug, ComplaintForm::default(), FieldErrors::default(), false).await
}

/// `POST /s/{slug}/complaints`
pub async fn create_complaint(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    page: Page,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<ComplaintForm>,
) -> Result<Response, PageError> {
    let producer = store::find_by_slug(&db, &slug).await?.ok_or_else(|| AppError::not_found(messages::STORE))?;
    let mut errors = FieldErrors::default();
    if !(2..=100).contains(&form.name.trim().chars().count()) {
        errors.add("name", messages::NAME_2_TO_100_CHARACTERS);
    }
    let contact = form.contact.trim();
    if crate::vn::Phone::parse(contact).is_err() && crate::auth::model::parse_email(contact).is_err() {
        errors.add("contact", messages::PHONE_OR_EMAIL);
    }
    if !(10..=4000).contains(&form.message.trim().chars().count()) {
        errors.add("message", messages::MESSAGE_10_TO_4000_CHARACTERS);
    }
    if !errors.is_empty() {
        return storefront(&db, &settings, page, &slug, form, errors, false).await;
    }
    store::insert_complaint(&db, producer.id, form.name.trim(), contact, form.message.trim()).await?;
    tracing::info!(producer.id = producer.id, "complaint received about {}", producer.slug);
    storefront(&db, &settings, page, &slug, ComplaintForm::default(), FieldErrors::default(), true).await
}
