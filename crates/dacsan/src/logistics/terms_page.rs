//! `/seller/producers/{id}/delivery`: a producer's delivery terms on a phone —
//! pick-up by neighbours, its own delivery (price, how far, how many days) and the
//! collection point of its province it drops parcels at — what
//! `PUT /api/v1/producers/{id}/delivery` sets.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::collection::model::CollectionPoint;
use super::messages;
use super::options::DeliveryTerms;
use crate::db::Db;
use crate::error::Message;
use crate::error::{AppError, FieldErrors};
use crate::producers::Producer;
use crate::vn::Vnd;
use crate::web::{CsrfForm, Page, PageError, render};

#[derive(Template)]
#[template(path = "logistics/terms.html")]
struct TermsTemplate {
    page: Page,
    producer: Producer,
    /// Active points of the producer's province.
    points: Vec<CollectionPoint>,
    form: HashMap<String, String>,
    errors: FieldErrors,
    saved: bool,
}

impl TermsTemplate {
    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }

    fn checked(&self, name: &str) -> bool {
        self.form.contains_key(name)
    }
}

/// The terms as the form shows them.
fn form_of(terms: &DeliveryTerms) -> HashMap<String, String> {
    let mut form = HashMap::from([
        ("own_area".to_string(), terms.own_area.clone()),
        ("own_eta_days_min".to_string(), terms.own_eta_days_min.to_string()),
        ("own_eta_days_max".to_string(), terms.own_eta_days_max.to_string()),
        ("collection_point_id".to_string(), terms.collection_point_id.map(|id| id.to_string()).unwrap_or_default()),
    ]);
    if terms.pickup {
        form.insert("pickup".into(), "on".into());
    }
    if let Some(fee) = terms.own_fee_vnd {
        form.insert("own_delivery".into(), "on".into());
        form.insert("own_fee_vnd".into(), fee.to_string());
    }
    form
}

/// The form as terms; numbers that do not read are field errors.
fn terms_of(form: &HashMap<String, String>, errors: &mut FieldErrors) -> DeliveryTerms {
    let text = |name: &str| form.get(name).map(|v| v.trim()).unwrap_or("");
    let mut whole = |name: &str, default: i64| match text(name) {
        "" => default,
        value => Vnd::parse(value).map(|v| v.0).unwrap_or_else(|_| {
            errors.add(name, Message::from(messages::A_WHOLE_NUMBER).with("value", value));
            default
        }),
    };
    let own_fee_vnd = form.contains_key("own_delivery").then(|| whole("own_fee_vnd", 0));
    let own_eta_days_min = whole("own_eta_days_min", 1);
    let own_eta_days_max = whole("own_eta_days_max", 3);
    let collection_point_id = match text("collection_point_id") {
        "" => None,
        id => id.parse().ok().or_else(|| {
            errors.add("collection_point_id", messages::CHOOSE_A_POINT_FROM_THE_LIST);
            None
        }),
    };
    DeliveryTerms {
        pickup: form.contains_key("pickup"),
        own_fee_vnd,
        own_area: if text("own_area") == "region" { "region".into() } else { "province".into() },
        own_eta_days_min,
        own_eta_days_max,
        collection_point_id,
    }
}

async fn editable(db: &Db, page: &Page, id: i64) -> Result<Producer, PageError> {
    page.require_user()?.require_producer(id)?;
    Ok(crate::producers::store::find_by_id(db, id).await?.ok_or_else(|| AppError::not_found(messages::PRODUCER))?)
}

async fn terms_page(
    db: &Db,
    page: Page,
    producer: Producer,
    form: HashMap<String, String>,
    errors: FieldErrors,
    saved: bool,
) -> Result<Response, PageError> {
    let mut points = super::collection::store::list_points(db, Some(&producer.province_code)).await?;
    points.retain(|p| p.active);
    let failed = !errors.is_empty();
    let mut response = render(&TermsTemplate { page, producer, points, form, errors, saved });
    if failed {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

#[derive(Debug, Default, Deserialize)]
pub struct SavedQuery {
    #[serde(default)]
    saved: Option<String>,
}

/// `GET /seller/producers/{id}/delivery`
pub async fn show_terms(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    Query(query): Query<SavedQuery>,
) -> Result<Response, PageError> {
    let producer = editable(&db, &page, id).await?;
    let terms = super::store::delivery_terms(&db, id).await?;
    terms_page(&db, page, producer, form_of(&terms), FieldErrors::default(), query.saved.is_some()).await
}

/// `POST /seller/producers/{id}/delivery`: the same rules as the API.
pub async fn save_terms(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let producer = editable(&db, &page, id).await?;
    let mut errors = FieldErrors::default();
    let terms = terms_of(&form, &mut errors);
    if let Err((field, message)) = terms.check() {
        errors.add(field, message);
    }
    if errors.is_empty()
        && let Some(point_id) = terms.collection_point_id
    {
        match super::collection::service::check_choice(&db, &producer.province_code, point_id).await {
            Ok(()) => {}
            Err(AppError::Invalid(more)) => errors = more,
            Err(other) => return Err(other.into()),
        }
    }
    if !errors.is_empty() {
        return terms_page(&db, page, producer, form, errors, false).await;
    }
    super::store::save_delivery_terms(&db, id, &terms).await?;
    Ok(Redirect::to(&format!("/seller/producers/{id}/delivery?saved=1")).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_reads_back_the_terms_it_shows() {
        let terms =
            DeliveryTerms { own_fee_vnd: Some(30_000), collection_point_id: Some(4), ..DeliveryTerms::default() };
        let mut errors = FieldErrors::default();
        assert_eq!(terms_of(&form_of(&terms), &mut errors), terms);
        assert!(errors.is_empty());
        let mut form = form_of(&DeliveryTerms::default());
        form.insert("own_delivery".into(), "on".into());
        form.insert("own_fee_vnd".into(), "ba mươi".into());
        terms_of(&form, &mut errors);
        assert!(errors.get("own_fee_vnd").is_some());
    }
}
