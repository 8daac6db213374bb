//! The tantivy index: schema, writes (upsert, remove, rebuild) and queries.

use std::sync::Mutex;

use anyhow::Context;
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{FAST, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use super::analyzer::{self, EXACT, FOLD};
use super::collector::{Filters, Hits, SearchResult, Sort};

/// What the index needs to know of one active product.
#[derive(Debug, Clone, Default)]
pub struct SearchDoc {
    pub id: i64,
    pub name: String,
    pub name_en: String,
    /// Other searchable words: producer, places, product group, description.
    pub text: String,
    pub province: u64,
    pub commune: u64,
    /// Ordinal of the OCOP product set.
    pub group: u64,
    pub stars: u64,
    /// Certificate expiry as days since 1970-01-01 (`i64::MAX` when none).
    pub expires_day: i64,
    pub price: i64,
    pub stock: i64,
    pub created: i64,
    pub sold: i64,
}

struct Fields {
    id: Field,
    name_exact: Field,
    name: Field,
    /// The first word of the name: in Vietnamese the head noun comes first ("Rượu
    /// sâm" is a liquor, "Sâm" is ginseng), so a query that starts with it ranks first.
    head: Field,
    name_en: Field,
    text: Field,
    province: Field,
    commune: Field,
    group: Field,
    stars: Field,
    expires: Field,
    price: Field,
    stock: Field,
    created: Field,
    sold: Field,
}

pub struct SearchIndex {
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    /// Moves on every change searches can see: cached pages built before are stale.
    generation: std::sync::atomic::AtomicU64,
    /// While a rebuild runs: the products written meanwhile, which the rebuild must
    /// replace rather than add a second time.
    written_during_rebuild: Mutex<Option<std::collections::HashSet<i64>>>,
}

/// Below this length a typo is more likely another word: no fuzzy matching.
const FUZZY_MIN_LEN: usize = 4;
/// Writer memory: the smallest tantivy accepts for one thread is 15 MB.
const WRITER_BYTES: usize = 20_000_000;

fn text_options(tokenizer: &str) -> TextOptions {
    with_record(tokenizer, IndexRecordOption::WithFreqsAndPositions)
}

/// Long text (producer, places, description) needs no phrase search: no
/// positions, a much smaller index.
fn long_text_options(tokenizer: &str) -> TextOptions {
    with_record(tokenizer, IndexRecordOption::WithFreqs)
}

fn with_record(tokenizer: &str, record: IndexRecordOption) -> TextOptions {
    TextOptions::default()
        .set_indexing_options(TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(record))
}

/// Fewer hits than this without typo tolerance: search again forgiving typos
/// (fuzzy matching is the costly part of a query).
const FUZZY_BELOW: usize = 3;

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        id: b.add_i64_field("id", INDEXED | FAST | STORED),
        name_exact: b.add_text_field("name_exact", text_options(EXACT)),
        name: b.add_text_field("name", text_options(FOLD)),
        head: b.add_text_field("head", text_options(FOLD)),
        name_en: b.add_text_field("name_en", text_options(FOLD)),
        text: b.add_text_field("text", long_text_options(FOLD)),
        province: b.add_u64_field("province", FAST),
        commune: b.add_u64_field("commune", FAST),
        group: b.add_u64_field("group", FAST),
        stars: b.add_u64_field("stars", FAST),
        expires: b.add_i64_field("expires", FAST),
        price: b.add_i64_field("price", FAST),
        stock: b.add_i64_field("stock", FAST),
        created: b.add_i64_field("created", FAST),
        sold: b.add_i64_field("sold", FAST),
    };
    (b.build(), fields)
}

impl SearchIndex {
    /// An empty index in memory.
    pub fn new() -> anyhow::Result<SearchIndex> {
        let (schema, fields) = schema();
        let index = Index::create_in_ram(schema);
        index.tokenizers().register(FOLD, analyzer::folding());
        index.tokenizers().register(EXACT, analyzer::exact());
        let writer = index.writer_with_num_threads(1, WRITER_BYTES).context("create the search index writer")?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .context("open the search index reader")?;
        Ok(SearchIndex {
            reader,
            writer: Mutex::new(writer),
            fields,
            generation: Default::default(),
            written_during_rebuild: Mutex::default(),
        })
    }

    fn document(&self, doc: &SearchDoc) -> TantivyDocument {
        let f = &self.fields;
        let name = analyzer::normalise(&doc.name);
        let mut d = TantivyDocument::default();
        d.add_i64(f.id, doc.id);
        d.add_text(f.name_exact, &name);
        d.add_text(f.name, &name);
        d.add_text(f.head, name.split_whitespace().next().unwrap_or(""));
        d.add_text(f.name_en, analyzer::normalise(&doc.name_en));
        d.add_text(f.text, analyzer::normalise(&doc.text));
        d.add_u64(f.province, doc.province);
        d.add_u64(f.commune, doc.commune);
        d.add_u64(f.group, doc.group);
        d.add_u64(f.stars, doc.stars);
        d.add_i64(f.expires, doc.expires_day);
        d.add_i64(f.price, doc.price);
        d.add_i64(f.stock, doc.stock);
        d.add_i64(f.created, doc.created);
        d.add_i64(f.sold, doc.sold);
        d
    }

    /// Replaces these products in the index (adding the new ones), and removes
    /// `gone` (archived, drafts, deleted); visible to searches when this returns.
    pub fn apply(&self, upserts: &[SearchDoc], gone: &[i64]) -> anyhow::Result<()> {
        let mut writer = self.writer.lock().map_err(|_| anyhow::anyhow!("search writer poisoned"))?;
        let ids = || gone.iter().copied().chain(upserts.iter().map(|d| d.id));
        if let Some(written) = self.written_during_rebuild().as_mut() {
            written.extend(ids());
        }
        for id in ids() {
            writer.delete_term(Term::from_field_i64(self.fields.id, id));
        }
        for doc in upserts {
            writer.add_document(self.document(doc)).context("index a product")?;
        }
        writer.commit().context("commit the search index")?;
        drop(writer);
        self.reloaded()
    }

    /// Makes committed changes visible and moves the generation.
    fn reloaded(&self) -> anyhow::Result<()> {
        self.reader.reload().context("reload the search index")?;
        self.generation.fetch_add(1, std::sync::atomic::Ordering::Release);
        Ok(())
    }

    /// A number that changes whenever the catalog searches see changes.
    pub fn generation(&self) -> u64 {
        self.generation.load(std::sync::atomic::Ordering::Acquire)
    }

    /// Empties the index and fills it with `docs`.
    pub fn rebuild(&self, docs: &[SearchDoc]) -> anyhow::Result<()> {
        let mut rebuild = self.start_rebuild()?;
        rebuild.add(docs)?;
        rebuild.finish()
    }

    /// A rebuild fed in pages. Searches see the old index until it finishes,
    /// unless a write commits meanwhile (then, for a few seconds, a partial one).
    pub fn start_rebuild(&self) -> anyhow::Result<Rebuild<'_>> {
        let writer = self.writer()?;
        writer.delete_all_documents().context("clear the search index")?;
        *self.written_during_rebuild() = Some(Default::default());
        Ok(Rebuild { index: self })
    }

    fn written_during_rebuild(&self) -> std::sync::MutexGuard<'_, Option<std::collections::HashSet<i64>>> {
        self.written_during_rebuild.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn writer(&self) -> anyhow::Result<std::sync::MutexGuard<'_, IndexWriter>> {
        self.writer.lock().map_err(|_| anyhow::anyhow!("search writer poisoned"))
    }

    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Matching product ids for one page, the total and the facet counts.
    pub fn search(
        &self,
        q: &str,
        filters: &Filters,
        sort: Sort,
        page: usize,
        per_page: usize,
    ) -> anyhow::Result<SearchResult> {
        let searcher = self.reader.searcher();
        let sort = if q.trim().is_empty() && sort == Sort::Relevance { Sort::Newest } else { sort };
        let collector = Hits::new(filters.clone(), sort != Sort::Relevance);
        let (mut hits, mut facets) =
            searcher.search(self.text_query(q, false)?.as_ref(), &collector).context("run a search")?;
        if hits.len() < FUZZY_BELOW && !q.trim().is_empty() {
            (hits, facets) = searcher.search(self.text_query(q, true)?.as_ref(), &collector).context("run a search")?;
        }
        Ok(SearchResult::page(hits, facets, sort, page, per_page))
    }

    /// Every word of `q` must match somewhere; in the name with exact diacritics
    /// counts most, then the folded name, the English name, then other text. The last
    /// word also matches as a prefix (search as you type); with `fuzzy`, long words
    /// forgive one typo. Names that start with the first word, or hold the words as a
    /// phrase, rank higher.
    fn text_query(&self, q: &str, fuzzy: bool) -> anyhow::Result<Box<dyn Query>> {
        let f = &self.fields;
        let exact_words = analyzer::tokens(&mut analyzer::exact(), q);
        let folded_words = analyzer::tokens(&mut analyzer::folding(), q);
        if folded_words.is_empty() {
            return Ok(Box::new(AllQuery));
        }
        let last = folded_words.len() - 1;
        let mut per_word: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (i, folded) in folded_words.iter().enumerate() {
            let mut options: Vec<(Occur, Box<dyn Query>)> = vec![
                should(term(f.name, folded), 2.0),
                should(term(f.name_en, folded), 1.5),
                should(term(f.text, folded), 0.5),
            ];
            if let Some(exact) = exact_words.get(i).filter(|w| *w != folded) {
                options.push(should(term(f.name_exact, exact), 3.0));
            }
            if i == last {
                options.push(should(Box::new(FuzzyTermQuery::new_prefix(text_term(f.name, folded), 0, true)), 1.0));
                options.push(should(Box::new(FuzzyTermQuery::new_prefix(text_term(f.name_en, folded), 0, true)), 0.8));
            }
            if fuzzy && folded.chars().count() >= FUZZY_MIN_LEN {
                options.push(should(Box::new(FuzzyTermQuery::new(text_term(f.name, folded), 1, true)), 0.6));
                options.push(should(Box::new(FuzzyTermQuery::new(text_term(f.text, folded), 1, true)), 0.2));
            }
            per_word.push((Occur::Must, Box::new(BooleanQuery::new(options))));
        }
        per_word.push(should(term(f.head, &folded_words[0]), 4.0));
        if folded_words.len() > 1 {
            let terms = folded_words.iter().map(|w| text_term(f.name, w)).collect();
            per_word.push(should(Box::new(PhraseQuery::new(terms)), 2.0));
        }
        Ok(Box::new(BooleanQuery::new(per_word)))
    }
}

/// An index rebuild in progress. The writer is locked per page, never across an
/// `await`, so the database can be read between pages.
pub struct Rebuild<'a> {
    index: &'a SearchIndex,
}

impl Rebuild<'_> {
    pub fn add(&mut self, docs: &[SearchDoc]) -> anyhow::Result<()> {
        let writer = self.index.writer()?;
        let written = self.index.written_during_rebuild();
        for doc in docs {
            // A write applied meanwhile has added it already. (Only then: a delete
            // per document would hold about 1 KB each until the commit.)
            if written.as_ref().is_some_and(|w| w.contains(&doc.id)) {
                writer.delete_term(Term::from_field_i64(self.index.fields.id, doc.id));
            }
            writer.add_document(self.index.document(doc)).context("index a product")?;
        }
        Ok(())
    }

    pub fn finish(self) -> anyhow::Result<()> {
        self.index.writer()?.commit().context("commit the search index")?;
        self.index.reloaded()
    }
}

impl Drop for Rebuild<'_> {
    fn drop(&mut self) {
        *self.index.written_during_rebuild() = None;
    }
}

fn text_term(field: Field, word: &str) -> Term {
    Term::from_field_text(field, word)
}

fn term(field: Field, word: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(text_term(field, word), IndexRecordOption::WithFreqs))
}

fn should(query: Box<dyn Query>, boost: f32) -> (Occur, Box<dyn Query>) {
    (Occur::Should, Box::new(BoostQuery::new(query, boost)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: i64, name: &str) -> SearchDoc {
        SearchDoc { id, name: name.into(), expires_day: i64::MAX, ..SearchDoc::default() }
    }

    /// A product written while a rebuild runs is in the index once, with what the
    /// write said, whether the rebuild reached it before or after the write.
    #[test]
    fn a_write_during_a_rebuild_is_not_indexed_twice() {
        let index = SearchIndex::new().unwrap();
        index.rebuild(&[doc(1, "Chè xanh"), doc(2, "Mật ong")]).unwrap();
        let mut rebuild = index.start_rebuild().unwrap();
        rebuild.add(&[doc(1, "Chè xanh")]).unwrap();
        index.apply(&[doc(1, "Chè Shan tuyết"), doc(2, "Mật ong bạc hà")], &[]).unwrap();
        rebuild.add(&[doc(2, "Mật ong bạc hà"), doc(3, "Gạo Séng Cù")]).unwrap();
        rebuild.finish().unwrap();
        assert_eq!(index.len(), 3);
        let found = |q: &str| index.search(q, &Filters::default(), Sort::Relevance, 1, 10).unwrap().ids;
        assert_eq!(found("shan tuyet"), [1]);
        assert!(found("che xanh").is_empty(), "the rebuild's older copy of 1 was replaced by the write");
        assert_eq!(found("mat ong"), [2]);
        assert_eq!(found("seng cu"), [3]);
        // After the rebuild, writes are not tracked any more.
        assert!(index.written_during_rebuild().is_none());
    }
}
