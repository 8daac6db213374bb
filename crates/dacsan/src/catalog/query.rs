//! A catalog query as a buyer or API client writes it (`?q=&province=&stars=…`),
//! parsed into search filters with an error naming each bad parameter, and the
//! answer: products of one page, the total and the facet counts with names.

use serde::{Deserialize, Serialize};

use super::messages;
use super::model::Product;
use super::ocop;
use crate::error::Message;
use crate::error::{AppError, FieldErrors};
use crate::search::{Facets, Filters, Sort};
use crate::vn::{Vnd, admin_units};

pub const DEFAULT_PER_PAGE: usize = 24;
pub const MAX_PER_PAGE: usize = 100;
/// Deep pages are refused: nobody reads page 5 000, and it bounds the sort work.
pub const MAX_PAGE: usize = 1_000;

/// Raw parameters: all text, so that a bad value gets our own clear error.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CatalogParams {
    /// Words to search; tone marks optional (`sam lai chau`).
    pub q: Option<String>,
    /// Province code (2025 units), e.g. `12`.
    pub province: Option<String>,
    /// Commune code (2025 units).
    pub commune: Option<String>,
    /// OCOP stars, one or a comma list: `4`, `4,5`; `0` = none or expired.
    pub stars: Option<String>,
    /// OCOP sector code or product set code.
    pub group: Option<String>,
    pub min_price: Option<String>,
    pub max_price: Option<String>,
    /// `1`/`true`: only products in stock.
    pub in_stock: Option<String>,
    /// `relevance`, `newest`, `price_asc`, `price_desc`, `best_selling`.
    pub sort: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

#[derive(Debug, Clone)]
pub struct CatalogQuery {
    pub q: String,
    pub filters: Filters,
    pub sort: Sort,
    pub page: usize,
    pub per_page: usize,
}

fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl CatalogParams {
    pub fn parse(&self) -> Result<CatalogQuery, AppError> {
        let mut errors = FieldErrors::default();
        let mut filters = Filters { today: super::store::today_day_number(), ..Filters::default() };
        if let Some(code) = present(&self.province) {
            match admin_units::province(code).or_else(|| admin_units::find_province(code)) {
                Some(p) => filters.province = p.code.parse().ok(),
                None => errors.add("province", messages::UNKNOWN_PROVINCE),
            }
        }
        if let Some(code) = present(&self.commune) {
            match admin_units::commune(code) {
                Some(c) => filters.commune = c.code.parse().ok(),
                None => errors.add("commune", messages::UNKNOWN_COMMUNE),
            }
        }
        if let Some(stars) = present(&self.stars) {
            let mut mask = 0u64;
            for part in stars.split(',') {
                match part.trim() {
                    "0" => mask |= 1,
                    "3" => mask |= 1 << 3,
                    "4" => mask |= 1 << 4,
                    "5" => mask |= 1 << 5,
                    _ => errors.add("stars", messages::STARS_0_3_4_OR_5),
                }
            }
            filters.stars = Some(mask);
        }
        if let Some(group) = present(&self.group) {
            match ocop::group_mask(group) {
                Some(mask) => filters.groups = Some(mask),
                None => errors.add("group", messages::UNKNOWN_OCOP_SECTOR_OR_SET),
            }
        }
        filters.min_price = price(present(&self.min_price), "min_price", &mut errors);
        filters.max_price = price(present(&self.max_price), "max_price", &mut errors);
        if let (Some(min), Some(max)) = (filters.min_price, filters.max_price)
            && min > max
        {
            errors.add("max_price", messages::MUST_NOT_BE_BELOW_MIN_PRICE);
        }
        filters.in_stock = match present(&self.in_stock) {
            None | Some("0" | "false" | "off") => false,
            Some("1" | "true" | "on") => true,
            Some(_) => {
                errors.add("in_stock", messages::USE_1_OR_0);
                false
            }
        };
        let sort = Sort::parse(present(&self.sort).unwrap_or("")).unwrap_or_else(|| {
            errors.add("sort", messages::SORT_ONE_OF);
            Sort::Relevance
        });
        let page = number(present(&self.page), "page", 1, MAX_PAGE, 1, &mut errors);
        let per_page = number(present(&self.per_page), "per_page", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE, &mut errors);
        let q: String = present(&self.q).unwrap_or("").chars().take(200).collect();
        errors.into_result()?;
        Ok(CatalogQuery { q, filters, sort, page, per_page })
    }
}

fn price(value: Option<&str>, field: &str, errors: &mut FieldErrors) -> Option<i64> {
    match value.map(Vnd::parse)? {
        Ok(v) => Some(v.0),
        Err(_) => {
            errors.add(field, messages::AMOUNT_IN_DONG);
            None
        }
    }
}

fn number(value: Option<&str>, field: &str, min: usize, max: usize, default: usize, errors: &mut FieldErrors) -> usize {
    match value.map(str::parse::<usize>) {
        None => default,
        Some(Ok(n)) if (min..=max).contains(&n) => n,
        Some(_) => {
            errors.add(field, Message::from(messages::NUMBER_IN_RANGE).with("min", min).with("max", max));
            default
        }
    }
}

/// One facet value with its label and count.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FacetValue {
    pub value: String,
    pub label: String,
    pub count: u64,
}

#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct FacetCounts {
    pub province: Vec<FacetValue>,
    pub stars: Vec<FacetValue>,
    pub group: Vec<FacetValue>,
}

impl FacetCounts {
    pub fn from_facets(facets: &Facets) -> FacetCounts {
        let mut province: Vec<FacetValue> = facets
            .province
            .iter()
            .filter_map(|(code, count)| {
                let p = admin_units::province(&format!("{code:02}"))?;
                Some(FacetValue { value: p.code.clone(), label: p.short_name.clone(), count: *count })
            })
            .collect();
        province.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
        let stars = [5usize, 4, 3, 0]
            .iter()
            .filter(|s| facets.stars[**s] > 0)
            .map(|s| FacetValue {
                value: s.to_string(),
                label: if *s == 0 { "—".into() } else { format!("{s}★") },
                count: facets.stars[*s],
            })
            .collect();
        let mut group: Vec<FacetValue> = facets
            .group
            .iter()
            .filter_map(|(ordinal, count)| {
                let set = ocop::set_by_ordinal(*ordinal)?;
                Some(FacetValue { value: set.code.clone(), label: set.name.clone(), count: *count })
            })
            .collect();
        group.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
        FacetCounts { province, stars, group }
    }
}

pub struct CatalogPage {
    pub products: Vec<Product>,
    pub total: usize,
    pub facets: FacetCounts,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_parameters_mean_everything() {
        let q = CatalogParams::default().parse().unwrap();
        assert_eq!((q.page, q.per_page, q.sort), (1, DEFAULT_PER_PAGE, Sort::Relevance));
        assert!(q.filters.province.is_none());
    }

    #[test]
    fn reads_filters() {
        let params = CatalogParams {
            province: Some("12".into()),
            stars: Some("4,5".into()),
            min_price: Some("100.000".into()),
            in_stock: Some("1".into()),
            sort: Some("price_asc".into()),
            page: Some("2".into()),
            ..Default::default()
        };
        let q = params.parse().unwrap();
        assert_eq!(q.filters.province, Some(12));
        assert_eq!(q.filters.stars, Some((1 << 4) | (1 << 5)));
        assert_eq!(q.filters.min_price, Some(100_000));
        assert!(q.filters.in_stock);
        assert_eq!(q.sort, Sort::PriceAsc);
        assert_eq!(q.page, 2);
    }

    #[test]
    fn names_each_bad_parameter() {
        let params = CatalogParams {
            province: Some("99".into()),
            stars: Some("7".into()),
            group: Some("x".into()),
            min_price: Some("abc".into()),
            sort: Some("cheapest".into()),
            page: Some("0".into()),
            per_page: Some("1000".into()),
            ..Default::default()
        };
        let Err(AppError::Invalid(errors)) = params.parse() else { panic!("expected errors") };
        for field in ["province", "stars", "group", "min_price", "sort", "page", "per_page"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }
}
