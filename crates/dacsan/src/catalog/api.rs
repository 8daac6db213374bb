//! `/api/v1/products`: search, read, create and update products.

use crate::db::Db;
use crate::search::SearchIndex;
use crate::web::response_cache::ResponseCache;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;

use super::access;
use super::export;
use super::messages;
use super::model::{Product, ProductInput};
use super::query::{CatalogParams, FacetCounts};
use super::wholesale::{self, PriceBreak};
use super::{ocop, service, store};
use crate::auth::CurrentUser;
use crate::db;
use crate::error::{AppError, AppResult};
use crate::producers;
use crate::web::multipart::unreadable;
use crate::web::{ApiJson, response_cache};

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OcopJson {
    pub stars: u8,
    pub certificate_no: String,
    pub authority: String,
    pub certified_on: String,
    pub expires_on: String,
    pub expired: bool,
}

/// A product as the API shows it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ProductJson {
    pub id: i64,
    pub slug: String,
    pub url: String,
    pub name: String,
    pub name_en: String,
    pub price_vnd: i64,
    pub unit: String,
    pub weight_g: i64,
    /// Packed size; null when not measured.
    pub package_cm: Option<super::model::PackageSize>,
    pub stock: i64,
    pub sku: Option<String>,
    pub gtin: Option<String>,
    pub producer_id: i64,
    pub province_code: String,
    pub commune_code: String,
    pub set_code: String,
    pub sector_code: Option<String>,
    /// Stars of a certificate valid today; null when none or expired.
    pub ocop_stars: Option<u8>,
    pub ocop: Option<OcopJson>,
    /// Markdown.
    pub description: String,
    /// Markdown, for English pages (empty: none yet).
    pub description_en: String,
    pub unit_en: String,
    /// HS code digits, for export.
    pub hs_code: Option<String>,
    /// The heading the product's set suggests for its HS code.
    pub hs_heading_suggested: Option<String>,
    pub shelf_life_days: Option<i64>,
    pub certifications: Vec<String>,
    /// ISO 3166 two-letter codes.
    pub export_markets: Vec<String>,
    /// The price in US dollars at the rate an admin set (`"US$9.82"`), indicative
    /// only: the price is in đồng. Null when no rate is set (and in lists).
    pub indicative_usd: Option<String>,
    pub status: String,
    pub image_url: Option<String>,
    pub images: Vec<String>,
    pub sold_count: i64,
    /// Price breaks for business buyers (accounts with a business profile).
    pub wholesale_breaks: Vec<PriceBreak>,
    /// The first break's quantity: under it everyone pays `price_vnd`.
    pub wholesale_min_quantity: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

impl ProductJson {
    pub fn new(p: &Product, images: Vec<String>) -> ProductJson {
        let today = db::today_vn();
        ProductJson {
            id: p.id,
            slug: p.slug.clone(),
            url: format!("/p/{}", p.slug),
            name: p.name.clone(),
            name_en: p.name_en.clone(),
            price_vnd: p.price.0,
            unit: p.unit.clone(),
            weight_g: p.weight_g,
            package_cm: p.package,
            stock: p.stock,
            sku: p.sku.clone(),
            gtin: p.gtin.clone(),
            producer_id: p.producer_id,
            province_code: p.origin_province_code().to_string(),
            commune_code: p.origin_commune_code.clone(),
            set_code: p.set_code.clone(),
            sector_code: ocop::set(&p.set_code).map(|s| s.sector_code.clone()),
            ocop_stars: p.valid_stars(today),
            ocop: p.ocop.as_ref().map(|o| OcopJson {
                stars: o.stars,
                certificate_no: o.certificate_no.clone(),
                authority: o.authority.clone(),
                certified_on: o.certified_on.to_string(),
                expires_on: o.expires_on.to_string(),
                expired: today > o.expires_on,
            }),
            description: p.description.clone(),
            description_en: p.description_en.clone(),
            unit_en: p.unit_en.clone(),
            hs_code: p.export.hs_code.clone(),
            hs_heading_suggested: ocop::set(&p.set_code).map(|s| s.hs_heading.clone()).filter(|h| !h.is_empty()),
            shelf_life_days: p.export.shelf_life_days,
            certifications: p.export.certifications.clone(),
            export_markets: p.export.markets.clone(),
            indicative_usd: None,
            status: p.status.as_str().to_string(),
            image_url: p.card_image_url(),
            images,
            sold_count: p.sold_count,
            wholesale_breaks: p.wholesale.clone(),
            wholesale_min_quantity: wholesale::minimum(&p.wholesale),
            created_at: p.created_at.clone(),
            updated_at: p.updated_at.clone(),
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ProductList {
    pub items: Vec<ProductJson>,
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub facets: FacetCounts,
}

/// Search and browse products on sale.
#[utoipa::path(get, path = "/api/v1/products", params(CatalogParams), tag = "catalog",
    responses((status = 200, body = ProductList), (status = 422, description = "a parameter is invalid")))]
pub async fn list_products(
    State(db): State<Db>,
    State(response_cache): State<Arc<ResponseCache>>,
    State(search): State<Arc<SearchIndex>>,
    Query(params): Query<CatalogParams>,
) -> AppResult<Response> {
    let query = params.parse()?;
    // The same for everyone: served from memory while the catalog is unchanged.
    let generation = search.generation();
    let key = format!("api/v1/products {query:?}");
    if let Some(json) = response_cache.get(&key, generation) {
        return Ok(response_cache::respond_json(json));
    }
    let page = service::search(&db, &search, &query).await?;
    let list = ProductList {
        items: page.products.iter().map(|p| ProductJson::new(p, Vec::new())).collect(),
        total: page.total,
        page: query.page,
        per_page: query.per_page,
        facets: page.facets,
    };
    let json: Arc<str> = serde_json::to_string(&list).map_err(anyhow::Error::from)?.into();
    response_cache.put(key, generation, json.clone());
    Ok(response_cache::respond_json(json))
}

async fn product_json(db: &Db, product: &Product) -> AppResult<ProductJson> {
    let images = store::photos(db, product.id).await?.iter().map(|(full, _)| format!("/media/{full}")).collect();
    let usd = store::usd_rate(db).await?;
    let mut json = ProductJson::new(product, images);
    json.indicative_usd = usd.and_then(|rate| export::usd_figure(product.price.0, rate));
    Ok(json)
}

#[utoipa::path(get, path = "/api/v1/products/{id}", tag = "catalog",
    params(("id" = i64, Path, description = "product id")),
    responses((status = 200, body = ProductJson), (status = 404, description = "no such product")))]
pub async fn get_product(
    State(db): State<Db>,
    user: Option<CurrentUser>,
    Path(id): Path<String>,
) -> AppResult<Json<ProductJson>> {
    let product = access::visible_product(&db, &id, user.as_ref()).await?;
    Ok(Json(product_json(&db, &product).await?))
}

/// Create a product for one of your producers (admins: any producer).
#[utoipa::path(post, path = "/api/v1/products", tag = "catalog", request_body = ProductInput,
    security(("bearer" = [])),
    responses((status = 201, body = ProductJson), (status = 401), (status = 403), (status = 409), (status = 422)))]
pub async fn create_product(
    State(db): State<Db>,
    State(search): State<Arc<SearchIndex>>,
    user: CurrentUser,
    ApiJson(input): ApiJson<ProductInput>,
) -> AppResult<(StatusCode, Json<ProductJson>)> {
    let producer_id = input.producer_id.ok_or_else(|| AppError::invalid("producer_id", messages::REQUIRED))?;
    user.require_producer(producer_id)?;
    let producer = producers::store::find_by_id(&db, producer_id)
        .await?
        .ok_or_else(|| AppError::invalid("producer_id", messages::NO_SUCH_PRODUCER))?;
    let explicit_slug = input.slug.as_deref().is_some_and(|s| !s.trim().is_empty());
    let valid = input.validate(None, &producer.commune_code).map_err(AppError::Invalid)?;
    let id = store::insert(&db, &valid, explicit_slug).await?;
    service::reindex_product(&db, &search, id).await?;
    let product = store::find_by_id(&db, id).await?.ok_or_else(|| AppError::not_found(messages::PRODUCT))?;
    tracing::info!(product.id = id, producer.id = producer_id, user.id = user.id, "product {} created", product.slug);
    Ok((StatusCode::CREATED, Json(product_json(&db, &product).await?)))
}

/// Change some fields of a product (e.g. `{"stock": 20}`).
#[utoipa::path(patch, path = "/api/v1/products/{id}", tag = "catalog", request_body = ProductInput,
    params(("id" = i64, Path, description = "product id")), security(("bearer" = [])),
    responses((status = 200, body = ProductJson), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn update_product(
    State(db): State<Db>,
    State(search): State<Arc<SearchIndex>>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ProductInput>,
) -> AppResult<Json<ProductJson>> {
    let product = access::visible_product(&db, &id, Some(&user)).await?;
    user.require_producer(product.producer_id)?;
    if input.producer_id.is_some_and(|p| p != product.producer_id) {
        return Err(AppError::invalid("producer_id", messages::PRODUCER_CANNOT_CHANGE));
    }
    let valid = input.validate(Some(&product), &product.origin_commune_code).map_err(AppError::Invalid)?;
    store::update(&db, product.id, &valid).await?;
    service::reindex_product(&db, &search, product.id).await?;
    let product = store::find_by_id(&db, product.id).await?.ok_or_else(|| AppError::not_found(messages::PRODUCT))?;
    Ok(Json(product_json(&db, &product).await?))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SetJson {
    pub code: String,
    pub name: String,
    pub name_en: String,
    pub sector_code: String,
    /// The HS heading suggested for the set's products (empty for services).
    pub hs_heading: String,
}

/// The OCOP product sets (Decision 148/QĐ-TTg): the values of `set_code` and `group`.
#[utoipa::path(get, path = "/api/v1/ocop/sets", tag = "catalog", responses((status = 200, body = [SetJson])))]
pub async fn list_ocop_sets() -> Json<Vec<SetJson>> {
    Json(
        ocop::sets()
            .iter()
            .map(|s| SetJson {
                code: s.code.clone(),
                name: s.name.clone(),
                name_en: s.name_en.clone(),
                sector_code: s.sector_code.clone(),
                hs_heading: s.hs_heading.clone(),
            })
            .collect(),
    )
}

/// Add photos to a product: multipart with one or more `photo` files.
#[utoipa::path(post, path = "/api/v1/products/{id}/photos", tag = "catalog",
    params(("id" = i64, Path, description = "product id")), security(("bearer" = [])),
    request_body(content_type = "multipart/form-data", description = "one or more `photo` files (JPEG, PNG or WebP, 8 MB each)"),
    responses((status = 201, body = ProductJson), (status = 401), (status = 403), (status = 404), (status = 413), (status = 422)))]
pub async fn add_product_photo(
    State(db): State<Db>,
    State(search): State<Arc<SearchIndex>>,
    user: CurrentUser,
    Path(id): Path<String>,
    mut multipart: axum::extract::Multipart,
) -> AppResult<(StatusCode, Json<ProductJson>)> {
    let product = access::visible_product(&db, &id, Some(&user)).await?;
    user.require_producer(product.producer_id)?;
    let mut added = 0;
    while let Some(field) = multipart.next_field().await.map_err(|e| unreadable("photo", e.body_text()))? {
        if field.name() != Some("photo") {
            continue;
        }
        let bytes = field.bytes().await.map_err(|e| unreadable("photo", e.body_text()))?;
        let (full, card) = crate::media::service::save_upload(&db, bytes.to_vec()).await?;
        store::add_photo(&db, product.id, full, card).await?;
        added += 1;
    }
    if added == 0 {
        return Err(AppError::invalid("photo", messages::SEND_AT_LEAST_ONE_PHOTO));
    }
    service::reindex_product(&db, &search, product.id).await?;
    let product = store::find_by_id(&db, product.id).await?.ok_or_else(|| AppError::not_found(messages::PRODUCT))?;
    Ok((StatusCode::CREATED, Json(product_json(&db, &product).await?)))
}
