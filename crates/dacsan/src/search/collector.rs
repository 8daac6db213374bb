//! One pass over the matching documents that applies the filters, keeps what the
//! chosen order needs, and counts the facets. Facet counts are disjunctive: the
//! province counts ignore the province filter, and so on, so a buyer sees how many
//! products the other choices would give.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, ColumnIndex};
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

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, strum::EnumString, strum::IntoStaticStr, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
    PriceAsc,
    PriceDesc,
    BestSelling,
}

impl Sort {
    /// An empty value is the default order.
    pub fn parse(value: &str) -> Option<Sort> {
        if value.is_empty() { Some(Sort::default()) } else { value.parse().ok() }
    }

    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// A candidate for the page: how good it is in the chosen order (`good`, higher
/// first: the score, the date, the price or its negation, the sales), then the sales
/// (relevance only) and the id as tie-breaks, so pages never overlap or skip.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    id: i64,
    good: f64,
    sold: i64,
}

fn order(a: &Hit, b: &Hit) -> std::cmp::Ordering {
    b.good.total_cmp(&a.good).then(b.sold.cmp(&a.sold)).then(b.id.cmp(&a.id))
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
    /// Orders the candidates and keeps one page; `total` counts every match.
    pub(super) fn page(mut top: Vec<Hit>, total: usize, facets: Facets, page: usize, per_page: usize) -> SearchResult {
        let start = page.saturating_sub(1).saturating_mul(per_page);
        let end = start.saturating_add(per_page);
        keep_best(&mut top, end);
        top.sort_unstable_by(order);
        let ids = top.get(start.min(top.len())..end.min(top.len())).unwrap_or_default().iter().map(|h| h.id).collect();
        SearchResult { ids, total, facets }
    }
}

/// Keeps the `n` best hits (in no particular order).
fn keep_best(hits: &mut Vec<Hit>, n: usize) {
    if n == 0 {
        hits.clear();
    } else if n < hits.len() {
        hits.select_nth_unstable_by(n - 1, order);
        hits.truncate(n);
    }
}

/// What the collector fills: the best candidates of every segment, how many
/// products matched with the filters, and the facet counts.
pub(super) type Fruit = (Vec<Hit>, usize, Facets);

/// The collector of one search: filters, facet counts and the best `keep` hits in
/// the order `sort`, in one pass over the matches.
pub(super) struct Hits {
    filters: Filters,
    sort: Sort,
    /// The end of the page asked for: no more candidates are needed.
    keep: usize,
}

impl Hits {
    pub(super) fn new(filters: Filters, sort: Sort, keep: usize) -> Hits {
        Hits { filters, sort, keep }
    }
}

/// Documents are handled in blocks: each column is read for the whole block at once
/// (one call, unpacked in a loop), not value by value through a dynamic call.
const BLOCK: usize = 64;

pub(super) struct SegmentHits {
    filters: Filters,
    sort: Sort,
    keep: usize,
    columns: Columns,
    docs: Vec<DocId>,
    scores: Vec<Score>,
    values: Block,
    /// Candidates: at most `2 × keep`, cut back to `keep` when full.
    top: Vec<Hit>,
    /// Once `top` has been cut: a hit less good than this cannot be on the page.
    threshold: f64,
    total: usize,
    province: Tally,
    stars: [u64; 6],
    group: Tally,
}

/// Column values of one block of documents.
struct Block {
    province: [u64; BLOCK],
    group: [u64; BLOCK],
    stars: [u64; BLOCK],
    expires: [i64; BLOCK],
    commune: [u64; BLOCK],
    price: [i64; BLOCK],
    stock: [i64; BLOCK],
    /// The sort's column (created, sold), when it is not the score or the price.
    key: [i64; BLOCK],
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

/// A fast field that every document has (the index writes all of them): read a block
/// at a time; a column with gaps (never written so) falls back to value by value.
struct Dense<T>(Column<T>);

impl<T: PartialOrd + Default + Copy + Send + Sync + std::fmt::Debug + 'static> Dense<T> {
    fn read(&self, docs: &[DocId], out: &mut [T]) {
        let out = &mut out[..docs.len()];
        match self.0.index {
            ColumnIndex::Full => self.0.values.get_vals(docs, out),
            _ => {
                for (value, doc) in out.iter_mut().zip(docs) {
                    *value = self.0.first(*doc).unwrap_or_default();
                }
            }
        }
    }

    fn one(&self, doc: DocId) -> T {
        self.0.first(doc).unwrap_or_default()
    }
}

struct Columns {
    id: Dense<i64>,
    province: Dense<u64>,
    commune: Dense<u64>,
    group: Dense<u64>,
    stars: Dense<u64>,
    expires: Dense<i64>,
    price: Dense<i64>,
    stock: Dense<i64>,
    created: Dense<i64>,
    sold: Dense<i64>,
}

impl Collector for Hits {
    type Fruit = Fruit;
    type Child = SegmentHits;

    fn for_segment(&self, _segment: SegmentOrdinal, reader: &SegmentReader) -> tantivy::Result<SegmentHits> {
        let fast = reader.fast_fields();
        let columns = Columns {
            id: Dense(fast.i64("id")?),
            province: Dense(fast.u64("province")?),
            commune: Dense(fast.u64("commune")?),
            group: Dense(fast.u64("group")?),
            stars: Dense(fast.u64("stars")?),
            expires: Dense(fast.i64("expires")?),
            price: Dense(fast.i64("price")?),
            stock: Dense(fast.i64("stock")?),
            created: Dense(fast.i64("created")?),
            sold: Dense(fast.i64("sold")?),
        };
        Ok(SegmentHits {
            filters: self.filters.clone(),
            sort: self.sort,
            keep: self.keep,
            columns,
            docs: Vec::with_capacity(BLOCK),
            scores: Vec::with_capacity(BLOCK),
            values: Block {
                province: [0; BLOCK],
                group: [0; BLOCK],
                stars: [0; BLOCK],
                expires: [0; BLOCK],
                commune: [0; BLOCK],
                price: [0; BLOCK],
                stock: [0; BLOCK],
                key: [0; BLOCK],
            },
            top: Vec::new(),
            threshold: f64::NEG_INFINITY,
            total: 0,
            province: Tally::new(),
            stars: [0; 6],
            group: Tally::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.sort == Sort::Relevance
    }

    fn merge_fruits(&self, fruits: Vec<Fruit>) -> tantivy::Result<Fruit> {
        let mut top = Vec::with_capacity(fruits.iter().map(|(h, _, _)| h.len()).sum());
        let mut total = 0;
        let mut facets = Facets::default();
        for (hits, count, segment_facets) in fruits {
            top.extend(hits);
            total += count;
            facets.merge(segment_facets);
        }
        keep_best(&mut top, self.keep);
        Ok((top, total, facets))
    }
}

impl SegmentHits {
    /// Filters, counts and ranks the buffered block of documents.
    fn flush(&mut self) {
        let docs = std::mem::take(&mut self.docs);
        if docs.is_empty() {
            return;
        }
        let n = docs.len();
        let (c, f, v) = (&self.columns, &self.filters, &mut self.values);
        c.province.read(&docs, &mut v.province);
        c.group.read(&docs, &mut v.group);
        c.stars.read(&docs, &mut v.stars);
        c.expires.read(&docs, &mut v.expires);
        if f.commune.is_some() {
            c.commune.read(&docs, &mut v.commune);
        }
        let by_price = matches!(self.sort, Sort::PriceAsc | Sort::PriceDesc);
        if f.min_price.is_some() || f.max_price.is_some() || by_price {
            c.price.read(&docs, &mut v.price);
        }
        if f.in_stock {
            c.stock.read(&docs, &mut v.stock);
        }
        match self.sort {
            Sort::Newest => c.created.read(&docs, &mut v.key),
            Sort::BestSelling => c.sold.read(&docs, &mut v.key),
            _ => {}
        }
        for (i, &doc) in docs.iter().enumerate().take(n) {
            let (province, group, price) = (v.province[i], v.group[i], v.price[i]);
            let stars = if v.expires[i] >= f.today { v.stars[i].min(5) } else { 0 };
            let rest_ok = f.min_price.is_none_or(|min| price >= min)
                && f.max_price.is_none_or(|max| price <= max)
                && (!f.in_stock || v.stock[i] > 0);
            if !rest_ok {
                continue;
            }
            let place_ok = f.province.is_none_or(|p| p == province) && f.commune.is_none_or(|p| p == v.commune[i]);
            let group_ok = f.groups.is_none_or(|mask| group < 64 && mask & (1 << group) != 0);
            let stars_ok = f.stars.is_none_or(|mask| mask & (1 << stars) != 0);
            if group_ok && stars_ok {
                self.province.add(province);
            }
            if place_ok && group_ok {
                self.stars[stars as usize] += 1;
            }
            if place_ok && stars_ok {
                self.group.add(group);
            }
            if !(place_ok && group_ok && stars_ok) {
                continue;
            }
            self.total += 1;
            let good = match self.sort {
                Sort::Relevance => f64::from(self.scores.get(i).copied().unwrap_or(0.0)),
                Sort::PriceAsc => -(price as f64),
                Sort::PriceDesc => price as f64,
                Sort::Newest | Sort::BestSelling => v.key[i] as f64,
            };
            if good < self.threshold || self.keep == 0 {
                continue;
            }
            let sold = if self.sort == Sort::Relevance { c.sold.one(doc) } else { 0 };
            self.top.push(Hit { id: c.id.one(doc), good, sold });
            if self.top.len() >= 2 * self.keep {
                keep_best(&mut self.top, self.keep);
                self.threshold = self.top.iter().map(|h| h.good).fold(f64::INFINITY, f64::min);
            }
        }
        self.docs = docs;
        self.docs.clear();
        self.scores.clear();
    }
}

impl SegmentCollector for SegmentHits {
    type Fruit = Fruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.docs.push(doc);
        self.scores.push(score);
        if self.docs.len() == BLOCK {
            self.flush();
        }
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        for chunk in docs.chunks(BLOCK) {
            if self.docs.len() + chunk.len() > BLOCK {
                self.flush();
            }
            self.docs.extend_from_slice(chunk);
            if self.docs.len() == BLOCK {
                self.flush();
            }
        }
    }

    fn harvest(mut self) -> Fruit {
        self.flush();
        keep_best(&mut self.top, self.keep);
        let facets = Facets { province: self.province.into_map(), stars: self.stars, group: self.group.into_map() };
        (self.top, self.total, facets)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(id: i64, good: f64) -> Hit {
        Hit { id, good, sold: 0 }
    }

    #[test]
    fn pages_are_stable_and_disjoint() {
        let hits: Vec<Hit> = (1..=25).map(|i| hit(i, 1.0)).collect();
        let mut seen = Vec::new();
        for page in 1..=3 {
            let r = SearchResult::page(hits.clone(), 25, Facets::default(), page, 10);
            assert_eq!(r.total, 25);
            seen.extend(r.ids);
        }
        let mut sorted = seen.clone();
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        assert_eq!(seen, sorted, "equal keys fall back to id order");
        assert_eq!(seen.len(), 25);
    }

    #[test]
    fn better_hits_come_first() {
        let hits = vec![hit(1, 0.5), hit(2, 2.0), hit(3, 1.0)];
        let r = SearchResult::page(hits, 3, Facets::default(), 1, 2);
        assert_eq!(r.ids, [2, 3]);
    }

    #[test]
    fn sales_break_ties_before_ids() {
        let hits = vec![Hit { id: 1, good: 1.0, sold: 9 }, Hit { id: 2, good: 1.0, sold: 0 }, hit(3, 0.5)];
        assert_eq!(SearchResult::page(hits, 3, Facets::default(), 1, 3).ids, [1, 2, 3]);
    }

    #[test]
    fn keep_best_keeps_the_best() {
        let mut hits: Vec<Hit> = (0..100).map(|i| hit(i, ((i * 37) % 100) as f64)).collect();
        keep_best(&mut hits, 5);
        let mut goods: Vec<f64> = hits.iter().map(|h| h.good).collect();
        goods.sort_by(f64::total_cmp);
        assert_eq!(goods, [95.0, 96.0, 97.0, 98.0, 99.0]);
        keep_best(&mut hits, 0);
        assert!(hits.is_empty());
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
        let r = SearchResult::page(vec![hit(1, 1.0)], 1, Facets::default(), 5, 10);
        assert!(r.ids.is_empty());
        assert_eq!(r.total, 1);
    }
}
