//! The buyer's pages: home (`/`), catalog and search (`/search`), product (`/p/{slug}`).

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;

use super::cards::{Card, cards};
use super::messages;
use super::model::{Product, ProductStatus};
use super::query::{CatalogParams, FacetCounts, FacetValue};
use super::{export, ocop, service, store};
use crate::config::Settings;
use crate::db::{self, Db};
use crate::error::AppError;
use crate::producers::{self, Producer};
use crate::search::SearchIndex;
use crate::vn::admin_units;
use crate::web::PageError;
use crate::web::response_cache::ResponseCache;
use crate::web::{Page, markdown, render, response_cache};

#[derive(Template)]
#[template(path = "catalog/home.html")]
struct HomeTemplate {
    page: Page,
    provinces: Vec<FacetValue>,
    sectors: Vec<FacetValue>,
    stars: Vec<FacetValue>,
    best: Vec<Card>,
    newest: Vec<Card>,
}

/// `GET /`
pub async fn home(
    State(db): State<Db>,
    State(search): State<Arc<SearchIndex>>,
    page: Page,
) -> Result<Response, PageError> {
    let best_query =
        CatalogParams { sort: Some("best_selling".into()), per_page: Some("8".into()), ..Default::default() }
            .parse()?;
    let best = service::search(&db, &search, &best_query).await?;
    let newest_query =
        CatalogParams { sort: Some("newest".into()), per_page: Some("8".into()), ..Default::default() }.parse()?;
    let newest = service::search(&db, &search, &newest_query).await?;
    let english = page.is_en();
    let template = HomeTemplate {
        sectors: sector_counts(&best.facets),
        provinces: best.facets.province.clone(),
        stars: best.facets.stars.iter().filter(|s| s.value != "0").cloned().collect(),
        best: cards(&db, &best.products, english).await?,
        newest: cards(&db, &newest.products, english).await?,
        page,
    };
    Ok(render(&template))
}

/// Product-set counts summed by sector.
fn sector_counts(facets: &FacetCounts) -> Vec<FacetValue> {
    ocop::sectors()
        .iter()
        .map(|sector| FacetValue {
            value: sector.code.clone(),
            label: sector.name.clone(),
            count: facets
                .group
                .iter()
                .filter(|g| ocop::set(&g.value).is_some_and(|s| s.sector_code == sector.code))
                .map(|g| g.count)
                .sum(),
        })
        .filter(|s| s.count > 0)
        .collect()
}

#[derive(Template)]
#[template(path = "catalog/search.html")]
struct SearchTemplate {
    page: Page,
    params: CatalogParams,
    cards: Vec<Card>,
    total: usize,
    facets: FacetCounts,
    provinces: &'static [admin_units::Province],
    sectors: &'static [ocop::Sector],
    sets: &'static [ocop::ProductSet],
    previous_url: Option<String>,
    next_url: Option<String>,
    page_number: usize,
    page_count: usize,
    /// How many filters are set, shown on the collapsed filter panel.
    active_filters: usize,
    error: Option<String>,
}

impl SearchTemplate {
    /// This search with one parameter changed (and back to page 1).
    fn link(&self, key: &str, value: &str) -> String {
        link_with(&self.params, key, value)
    }

    fn is(&self, key: &str, value: &str) -> bool {
        let current = match key {
            "province" => &self.params.province,
            "stars" => &self.params.stars,
            "group" => &self.params.group,
            "sort" => &self.params.sort,
            _ => &None,
        };
        current.as_deref() == Some(value)
    }

    fn value(&self, key: &str) -> &str {
        let v = match key {
            "q" => &self.params.q,
            "min_price" => &self.params.min_price,
            "max_price" => &self.params.max_price,
            _ => &None,
        };
        v.as_deref().unwrap_or("")
    }

    fn in_stock(&self) -> bool {
        matches!(self.params.in_stock.as_deref(), Some("1" | "true" | "on"))
    }
}

fn link_with(params: &CatalogParams, key: &str, value: &str) -> String {
    let mut p = params.clone();
    let value = (!value.is_empty()).then(|| value.to_string());
    match key {
        "province" => {
            p.province = value;
            p.commune = None;
        }
        "stars" => p.stars = value,
        "group" => p.group = value,
        "sort" => p.sort = value,
        "page" => p.page = value,
        _ => {}
    }
    if key != "page" {
        p.page = None;
    }
    format!("/search?{}", serde_urlencoded::to_string(&p).unwrap_or_default())
}

/// `GET /search?q=&province=&stars=&group=&min_price=&max_price=&in_stock=&sort=&page=`
pub async fn search_page(
    State(db): State<Db>,
    State(search): State<Arc<SearchIndex>>,
    page: Page,
    Query(params): Query<CatalogParams>,
) -> Result<Response, PageError> {
    let (query, error) = match params.parse() {
        Ok(q) => (q, None),
        Err(err) => (CatalogParams::default().parse()?, Some(err.detail())),
    };
    let result = service::search(&db, &search, &query).await?;
    let page_count = result.total.div_ceil(query.per_page).max(1);
    let template = SearchTemplate {
        cards: cards(&db, &result.products, page.is_en()).await?,
        previous_url: (query.page > 1).then(|| link_with(&params, "page", &(query.page - 1).to_string())),
        next_url: (query.page < page_count.min(super::query::MAX_PAGE))
            .then(|| link_with(&params, "page", &(query.page + 1).to_string())),
        page_number: query.page,
        page_count,
        active_filters: [
            &params.province,
            &params.commune,
            &params.stars,
            &params.group,
            &params.min_price,
            &params.max_price,
            &params.in_stock,
        ]
        .iter()
        .filter(|v| v.as_deref().is_some_and(|v| !v.is_empty()))
        .count(),
        total: result.total,
        facets: result.facets,
        provinces: admin_units::provinces(),
        sectors: ocop::sectors(),
        sets: ocop::sets(),
        params,
        error,
        page,
    };
    Ok(render(&template))
}

#[derive(Template)]
#[template(path = "catalog/product.html")]
struct ProductTemplate {
    page: Page,
    product: Product,
    name: String,
    producer: Producer,
    photos: Vec<(i64, i64)>,
    description_html: String,
    stars: Option<u8>,
    expired: bool,
    set_name: String,
    origin: String,
    price: String,
    /// The unit in the reader's language.
    unit: String,
    /// On English pages: the price in dollars at the admin's rate.
    usd: Option<String>,
    more: Vec<Card>,
    can_edit: bool,
    /// (lot, produced on, batch page path) of the latest traceable batches.
    batches: Vec<(String, String, String)>,
    share: crate::web::share::ShareLinks,
}

/// `GET /p/{slug}`
pub async fn product_page(
    State(db): State<Db>,
    State(response_cache): State<Arc<ResponseCache>>,
    State(search): State<Arc<SearchIndex>>,
    State(settings): State<Arc<Settings>>,
    mut page: Page,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    // Visitors who are not signed in all see the same page: built once, kept while
    // the catalog is unchanged. The generation is read before the database is.
    let generation = search.generation();
    let cache_key = page.user.is_none().then(|| format!("{}{}", page.lang.code(), page.path));
    let csrf = page.csrf.clone();
    if let Some(key) = &cache_key {
        if let Some(html) = response_cache.get(key, generation) {
            return Ok(response_cache::respond_html(&html, &csrf));
        }
        page.csrf = response_cache::CSRF_MARKER.to_string();
    }
    let not_found = || AppError::not_found(messages::PRODUCT);
    let product = store::find_by_slug(&db, &slug).await?.ok_or_else(not_found)?;
    let can_edit = page.user.as_ref().is_some_and(|u| u.can_manage_producer(product.producer_id));
    if product.status != ProductStatus::Active && !can_edit {
        return Err(not_found().into());
    }
    let producer = producers::store::find_by_id(&db, product.producer_id).await?.ok_or_else(not_found)?;
    let photos = store::photos(&db, product.id).await?;
    let siblings: Vec<Product> = store::list_for_producer(&db, producer.id, true, 5)
        .await?
        .into_iter()
        .filter(|p| p.id != product.id)
        .take(4)
        .collect();
    let today = db::today_vn();
    let english = page.is_en();
    let set = ocop::set(&product.set_code);
    let batches = crate::trace::store::list_batches_of_product(&db, product.id, 5)
        .await?
        .into_iter()
        .map(|b| (b.lot.clone(), b.produced_on.clone(), crate::trace::service::batch_path(&product, &b)))
        .collect();
    let share = crate::web::share::ShareLinks::of(&format!("{}/p/{}", settings.public_url, product.slug));
    let template = ProductTemplate {
        batches,
        share,
        name: product.display_name(english).to_string(),
        description_html: markdown::to_html(product.display_description(english)),
        unit: product.display_unit(english).to_string(),
        usd: match english {
            true => store::usd_rate(&db).await?.and_then(|rate| export::usd_figure(product.price.0, rate)),
            false => None,
        },
        stars: product.valid_stars(today),
        expired: product.has_expired_certificate(today),
        set_name: set.map(|s| if english { s.name_en.clone() } else { s.name.clone() }).unwrap_or_default(),
        origin: origin_text(&product.origin_commune_code),
        price: product.price.to_string(),
        more: cards(&db, &siblings, english).await?,
        photos,
        producer,
        product,
        can_edit,
        page,
    };
    let Some(key) = cache_key else { return Ok(render(&template)) };
    let html: Arc<str> = template.render().map_err(|e| AppError::Internal(anyhow::Error::new(e)))?.into();
    response_cache.put(key, generation, html.clone());
    Ok(response_cache::respond_html(&html, &csrf))
}

fn origin_text(commune_code: &str) -> String {
    match admin_units::commune(commune_code) {
        Some(c) => {
            let province = admin_units::province(&c.province_code).map(|p| p.name.as_str()).unwrap_or("");
            format!("{}, {}", c.name, province)
        }
        None => String::new(),
    }
}
