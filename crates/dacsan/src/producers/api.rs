//! `/api/v1/producers`: read storefronts; admins create producers, sellers update
//! their own.

use crate::search::SearchIndex;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

use super::messages;
use super::model::{Producer, ProducerInput};
use super::store;
use crate::auth::CurrentUser;
use crate::catalog;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::web::ApiJson;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ProducerJson {
    pub id: i64,
    pub slug: String,
    pub url: String,
    pub name: String,
    pub kind: String,
    pub province_code: String,
    pub commune_code: String,
    pub street: String,
    pub address: String,
    pub phone: String,
    pub email: Option<String>,
    pub tax_code: Option<String>,
    /// Markdown.
    pub story: String,
    /// Markdown, for English pages.
    pub story_en: String,
    pub logo_url: Option<String>,
}

impl From<&Producer> for ProducerJson {
    fn from(p: &Producer) -> Self {
        ProducerJson {
            id: p.id,
            slug: p.slug.clone(),
            url: format!("/s/{}", p.slug),
            name: p.name.clone(),
            kind: p.kind.as_str().to_string(),
            province_code: p.province_code.clone(),
            commune_code: p.commune_code.clone(),
            street: p.street.clone(),
            address: p.address(),
            phone: p.phone.clone(),
            email: p.email.clone(),
            tax_code: p.tax_code.clone(),
            story: p.story.clone(),
            story_en: p.story_en.clone(),
            logo_url: p.logo_url(),
        }
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ListParams {
    pub page: Option<i64>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ProducerList {
    pub items: Vec<ProducerJson>,
    pub total: i64,
}

#[utoipa::path(get, path = "/api/v1/producers", params(ListParams), tag = "producers", responses((status = 200, body = ProducerList)))]
pub async fn list_producers(State(db): State<Db>, Query(params): Query<ListParams>) -> AppResult<Json<ProducerList>> {
    let page = params.page.unwrap_or(1).clamp(1, 10_000);
    let producers = store::list(&db, 100, (page - 1) * 100).await?;
    Ok(Json(ProducerList {
        items: producers.iter().map(ProducerJson::from).collect(),
        total: store::count(&db).await?,
    }))
}

async fn find(db: &Db, id_or_slug: &str) -> AppResult<Producer> {
    let found = match id_or_slug.parse::<i64>() {
        Ok(id) => store::find_by_id(db, id).await?,
        Err(_) => store::find_by_slug(db, id_or_slug).await?,
    };
    found.ok_or_else(|| AppError::not_found(messages::PRODUCER))
}

#[utoipa::path(get, path = "/api/v1/producers/{id}", tag = "producers",
    params(("id" = String, Path, description = "producer id or slug")),
    responses((status = 200, body = ProducerJson), (status = 404)))]
pub async fn get_producer(State(db): State<Db>, Path(id): Path<String>) -> AppResult<Json<ProducerJson>> {
    Ok(Json(ProducerJson::from(&find(&db, &id).await?)))
}

/// Admins register producers.
#[utoipa::path(post, path = "/api/v1/producers", tag = "producers", request_body = ProducerInput, security(("bearer" = [])),
    responses((status = 201, body = ProducerJson), (status = 401), (status = 403), (status = 409), (status = 422)))]
pub async fn create_producer(
    State(db): State<Db>,
    user: CurrentUser,
    ApiJson(input): ApiJson<ProducerInput>,
) -> AppResult<(StatusCode, Json<ProducerJson>)> {
    user.require_admin()?;
    let valid = input.validate(None).map_err(AppError::Invalid)?;
    let id = store::insert(&db, &valid).await?;
    let producer = store::find_by_id(&db, id).await?.ok_or_else(|| AppError::not_found(messages::PRODUCER))?;
    Ok((StatusCode::CREATED, Json(ProducerJson::from(&producer))))
}

/// Sellers update their own producer's storefront; admins any.
#[utoipa::path(patch, path = "/api/v1/producers/{id}", tag = "producers", request_body = ProducerInput,
    params(("id" = String, Path, description = "producer id or slug")), security(("bearer" = [])),
    responses((status = 200, body = ProducerJson), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn update_producer(
    State(db): State<Db>,
    State(search): State<Arc<SearchIndex>>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ProducerInput>,
) -> AppResult<Json<ProducerJson>> {
    let producer = find(&db, &id).await?;
    user.require_producer(producer.id)?;
    let valid = input.validate(Some(&producer)).map_err(AppError::Invalid)?;
    store::update(&db, producer.id, &valid).await?;
    catalog::store::touch_producer_products(&db, producer.id).await?;
    catalog::service::reindex_producer(&db, &search, producer.id).await?;
    let producer = find(&db, &producer.id.to_string()).await?;
    Ok(Json(ProducerJson::from(&producer)))
}
