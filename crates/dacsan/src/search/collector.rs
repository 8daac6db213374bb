//! One pass over the matching documents that applies the filters, keeps what the
//! chosen order needs, and counts the facets. Facet counts are disjunctive: the
//! province counts ignore the province filter, and so on, so a buyer sees how many
//! products the other choices would give.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub province: Option<u64>,
    pub commune: Option<u64>,
    /// Bit `n` set: OCOP product set with ordinal `n` is wanted.
    pub groups: Option<u64>,
    /// Bit `n` set: products with `n` valid stars are wanted (0 = none or expired).
    pub stars: Option<u64>,
    pub min_price: Option<i64>,
    pub max_price: Option<i64>,
    pub in_stock: bool,
    /// Today as days since 1970-01-01: certificates expired before it count as none.
    pub today: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
    PriceAsc,
    PriceDesc,
    BestSelling,
}

impl Sort {
    pub fn parse(value: &str) -> Option<Sort> {
        Some(match value {
            "" | "relevance" => Sort::Relevance,
            "newest" => Sort::Newest,
            "price_asc" => Sort::PriceAsc,
            "price_desc" => Sort::PriceDesc,
            "best_selling" => Sort::BestSelling,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::PriceAsc => "price_asc",
            Sort::PriceDesc => "price_desc",
            Sort::BestSelling => "best_selling",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Hit {
    id: i64,
    score: Score,
    price: i64,
    created: i64,
    sold: i64,
}

/// Counts of matching products per value, for the filter menus.
#[derive(Debug, Clone, Default)]
pub struct Facets {
    pub province: HashMap<u64, u64>,
    /// Index = number of valid stars (0, 3, 4, 5).
    pub stars: [u64; 6],
    /// Index = OCOP product set ordinal.
    pub group: HashMap<u64, u64>,
}

impl Facets {
    fn merge(&mut self, other: Facets) {
        for (k, v) in other.province {
            *self.province.entry(k).or_default() += v;
        }
        for (i, v) in other.stars.iter().enumerate() {
            self.stars[i] += v;
        }
        for (k, v) in other.group {
            *self.group.entry(k).or_default() += v;
        }
    }
}

pub struct SearchResult {
    pub ids: Vec<i64>,
    pub total: usize,
    pub facets: Facets,
}

impl SearchResult {
    /// Orders the hits (ties broken by id, so pages never overlap or skip) and keeps
    /// one page. Only the hits up to the page's end are fully sorted.
    pub(super) fn page(mut hits: Vec<Hit>, facets: Facets, sort: Sort, page: usize, per_page: usize) -> SearchResult {
        let total = hits.len();
        let start = page.saturating_sub(1).saturating_mul(per_page).min(total);
        let end = start.saturating_add(per_page).min(total);
        let order = |a: &Hit, b: &Hit| {
            let primary = match sort {
                Sort::Relevance => b.score.total_cmp(&a.score).then(b.sold.cmp(&a.sold)),
                Sort::Newest => b.created.cmp(&a.created),
                Sort::PriceAsc => a.price.cmp(&b.price),
                Sort::PriceDesc => b.price.cmp(&a.price),
                Sort::BestSelling => b.sold.cmp(&a.sold),
            };
            primary.then(b.id.cmp(&a.id))
        };
        if end > 0 && end < total {
            hits.select_nth_unstable_by(end - 1, order);
            hits.truncate(end);
        }
        hits.sort_unstable_by(order);
        let ids = hits.get(start..end).unwrap_or_default().iter().map(|h| h.id).collect();
        SearchResult { ids, total, facets }
    }
}

pub(super) struct Hits {
    filters: Filters,
    /// Sorting by a field, not by score: tantivy can skip scoring.
    no_scores: bool,
}

impl Hits {
    pub(super) fn new(filters: Filters, no_scores: bool) -> Hits {
        Hits { filters, no_scores }
    }
}

pub(super) struct SegmentHits {
    filters: Filters,
    columns: Columns,
    hits: Vec<Hit>,
    province: Tally,
    stars: [u64; 6],
    group: Tally,
}

/// Counts per small number (province codes, product set ordinals) in an array:
/// this runs for every matching document, where a hash map's hashing showed.
struct Tally {
    small: [u64; 128],
    other: HashMap<u64, u64>,
}

impl Tally {
    fn new() -> Tally {
        Tally { small: [0; 128], other: HashMap::new() }
    }

    fn add(&mut self, value: u64) {
        match self.small.get_mut(value as usize) {
            Some(count) => *count += 1,
            None => *self.other.entry(value).or_default() += 1,
        }
    }

    fn into_map(self) -> HashMap<u64, u64> {
        let mut map = self.other;
        map.extend(self.small.iter().enumerate().filter(|(_, n)| **n > 0).map(|(v, n)| (v as u64, *n)));
        map
    }
}

struct Columns {
    id: Column<i64>,
    province: Column<u64>,
    commune: Column<u64>,
    group: Column<u64>,
    stars: Column<u64>,
    expires: Column<i64>,
    price: Column<i64>,
    stock: Column<i64>,
    created: Column<i64>,
    sold: Column<i64>,
}

impl Collector for Hits {
    type Fruit = (Vec<Hit>, Facets);
    type Child = SegmentHits;

    fn for_segment(&self, _segment: SegmentOrdinal, reader: &SegmentReader) -> tantivy::Result<SegmentHits> {
        let fast = reader.fast_fields();
        let columns = Columns {
            id: fast.i64("id")?,
            province: fast.u64("province")?,
            commune: fast.u64("commune")?,
            group: fast.u64("group")?,
            stars: fast.u64("stars")?,
            expires: fast.i64("expires")?,
            price: fast.i64("price")?,
            stock: fast.i64("stock")?,
            created: fast.i64("created")?,
            sold: fast.i64("sold")?,
        };
        Ok(SegmentHits {
            filters: self.filters.clone(),
            columns,
            hits: Vec::new(),
            province: Tally::new(),
            stars: [0; 6],
            group: Tally::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        !self.no_scores
    }

    fn merge_fruits(&self, fruits: Vec<(Vec<Hit>, Facets)>) -> tantivy::Result<(Vec<Hit>, Facets)> {
        let mut all_hits = Vec::with_capacity(fruits.iter().map(|(h, _)| h.len()).sum());
        let mut facets = Facets::default();
        for (hits, segment_facets) in fruits {
            all_hits.extend(hits);
            facets.merge(segment_facets);
        }
        Ok((all_hits, facets))
    }
}

impl SegmentCollector for SegmentHits {
    type Fruit = (Vec<Hit>, Facets);

    fn collect(&mut self, doc: DocId, score: Score) {
        let c = &self.columns;
        let f = &self.filters;
        let value = |col: &Column<u64>| col.first(doc).unwrap_or(0);
        let province = value(&c.province);
        let group = value(&c.group);
        let expires = c.expires.first(doc).unwrap_or(0);
        let stars = if expires >= f.today { value(&c.stars).min(5) } else { 0 };
        let price = c.price.first(doc).unwrap_or(0);

        let place_ok = f.province.is_none_or(|p| p == province) && f.commune.is_none_or(|p| p == value(&c.commune));
        let group_ok = f.groups.is_none_or(|mask| group < 64 && mask & (1 << group) != 0);
        let stars_ok = f.stars.is_none_or(|mask| mask & (1 << stars) != 0);
        let rest_ok = f.min_price.is_none_or(|min| price >= min)
            && f.max_price.is_none_or(|max| price <= max)
            && (!f.in_stock || c.stock.first(doc).unwrap_or(0) > 0);
        if !rest_ok {
            return;
        }
        if group_ok && stars_ok {
            self.province.add(province);
        }
        if place_ok && group_ok {
            self.stars[stars as usize] += 1;
        }
        if place_ok && stars_ok {
            self.group.add(group);
        }
        if place_ok && group_ok && stars_ok {
            self.hits.push(Hit {
                id: c.id.first(doc).unwrap_or(0),
                score,
                price,
                created: c.created.first(doc).unwrap_or(0),
                sold: c.sold.first(doc).unwrap_or(0),
            });
        }
    }

    fn harvest(self) -> Self::Fruit {
        let facets = Facets { province: self.province.into_map(), stars: self.stars, group: self.group.into_map() };
        (self.hits, facets)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(id: i64, score: f32, price: i64) -> Hit {
        Hit { id, score, price, created: id, sold: 0 }
    }

    #[test]
    fn pages_are_stable_and_disjoint() {
        let hits: Vec<Hit> = (1..=25).map(|i| hit(i, 1.0, 100)).collect();
        let mut seen = Vec::new();
        for page in 1..=3 {
            let r = SearchResult::page(hits.clone(), Facets::default(), Sort::PriceAsc, page, 10);
            assert_eq!(r.total, 25);
            seen.extend(r.ids);
        }
        let mut sorted = seen.clone();
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        assert_eq!(seen, sorted, "equal prices fall back to id order");
        assert_eq!(seen.len(), 25);
    }

    #[test]
    fn relevance_puts_higher_scores_first() {
        let hits = vec![hit(1, 0.5, 0), hit(2, 2.0, 0), hit(3, 1.0, 0)];
        let r = SearchResult::page(hits, Facets::default(), Sort::Relevance, 1, 2);
        assert_eq!(r.ids, [2, 3]);
    }

    #[test]
    fn tallies_count_small_and_large_values() {
        let mut tally = Tally::new();
        for value in [12, 12, 15, 0, 127, 128, 5_000, 5_000] {
            tally.add(value);
        }
        let map = tally.into_map();
        let expected: HashMap<u64, u64> = [(12, 2), (15, 1), (0, 1), (127, 1), (128, 1), (5_000, 2)].into();
        assert_eq!(map, expected);
    }

    #[test]
    fn a_page_past_the_end_is_empty() {
        let hits = vec![hit(1, 1.0, 0)];
        let r = SearchResult::page(hits, Facets::default(), Sort::Newest, 5, 10);
        assert!(r.ids.is_empty());
        assert_eq!(r.total, 1);
    }
}
