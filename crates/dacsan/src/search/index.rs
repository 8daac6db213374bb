//! The tantivy index: schema, writes (upsert, remove, rebuild) and queries.

use std::sync::Mutex;

use anyhow::Context;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{FAST, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term};

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
    /// Words of the name and text written with a regional initial (`xôi`, `trà`,
    /// `giòng`), in their loose form (`soi`, `cha`, `dong`): see [`analyzer::loose`].
    loose: Field,
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
/// The score a word earns in its regional spelling (`xoi` for `sôi`): a constant
/// below what a real match of a word scores with its boosts, so exact matches stay first.
const LOOSE_SCORE: f32 = 0.3;
/// Words typed joined or split (`mucangchai`, `sa pa`): ranked below the strict reading.
const JOINED_BOOST: f32 = 0.5;
const SYLLABLE_MAX: usize = 7;
const SPLIT_MAX_PARTS: usize = 4;

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        id: b.add_i64_field("id", INDEXED | FAST | STORED),
        name_exact: b.add_text_field("name_exact", text_options(EXACT)),
        name: b.add_text_field("name", text_options(FOLD)),
        head: b.add_text_field("head", text_options(FOLD)),
        name_en: b.add_text_field("name_en", text_options(FOLD)),
        text: b.add_text_field("text", long_text_options(FOLD)),
        loose: b.add_text_field("loose", long_text_options(FOLD)),
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
        let text = analyzer::normalise(&doc.text);
        let mut folding = analyzer::folding();
        let loose = [analyzer::loose_words(&mut folding, &name), analyzer::loose_words(&mut folding, &text)];
        d.add_text(f.text, text);
        d.add_text(f.loose, loose.join(" "));
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
        let words = Words::of(q);
        let sort = if words.folded.is_empty() && sort == Sort::Relevance { Sort::Newest } else { sort };
        let keep = page.saturating_mul(per_page);
        let collector = Hits::new(filters.clone(), sort, keep);
        let strict = self.text_query(&searcher, &words, false);
        let (mut top, mut total, mut facets) = searcher.search(strict.as_ref(), &collector).context("run a search")?;
        if total < FUZZY_BELOW && !words.folded.is_empty() {
            let forgiving = self.text_query(&searcher, &words, true);
            (top, total, facets) = searcher.search(forgiving.as_ref(), &collector).context("run a search")?;
        }
        Ok(SearchResult::page(top, total, facets, page, per_page))
    }

    /// Every word of `q` must match somewhere; in the name with exact diacritics
    /// counts most, then the folded name, the English name, then other text, then the
    /// word with its initial as another region writes it (`xôi` for `sôi`, a constant
    /// below any real match, so exact matches stay first). The last word also matches
    /// as a prefix (search as you type). Names that start with the first word, or hold
    /// the words as a phrase, rank higher.
    ///
    /// `forgiving` (when the strict reading finds almost nothing): long words forgive
    /// one typo, a word may be words typed joined (`mucangchai`), and two neighbours
    /// may be one word typed split (`sa pa`).
    fn text_query(&self, searcher: &Searcher, words: &Words, forgiving: bool) -> Box<dyn Query> {
        let f = &self.fields;
        let folded = &words.folded;
        if folded.is_empty() {
            return Box::new(AllQuery);
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = (0..folded.len())
            .map(|i| (Occur::Must, Box::new(BooleanQuery::new(self.word_options(searcher, words, i, forgiving))) as _))
            .collect();
        clauses.push(should(term(f.head, &folded[0]), 4.0));
        if folded.len() > 1 {
            let terms = folded.iter().map(|w| text_term(f.name, w)).collect();
            clauses.push(should(Box::new(PhraseQuery::new(terms)), 2.0));
        }
        let strict: Box<dyn Query> = Box::new(BooleanQuery::new(clauses));
        if !forgiving {
            return strict;
        }
        // Each pair of neighbours that joined is a word of the index is another reading.
        let mut readings = vec![(Occur::Should, strict)];
        for i in 0..folded.len() - 1 {
            let joined = format!("{}{}", folded[i], folded[i + 1]);
            if !self.is_word(searcher, &joined) {
                continue;
            }
            let mut reading = folded.clone();
            reading.splice(i..=i + 1, [joined]);
            let all = reading.iter().map(|w| (Occur::Must, self.anywhere(w))).collect();
            readings.push(should(Box::new(BooleanQuery::new(all)), JOINED_BOOST));
        }
        if readings.len() == 1 {
            return readings.pop().map(|(_, q)| q).unwrap_or_else(|| Box::new(AllQuery));
        }
        Box::new(BooleanQuery::new(readings))
    }

    /// The ways word `i` of the query may match.
    fn word_options(
        &self,
        searcher: &Searcher,
        words: &Words,
        i: usize,
        forgiving: bool,
    ) -> Vec<(Occur, Box<dyn Query>)> {
        let f = &self.fields;
        let folded = &words.folded[i];
        let mut options: Vec<(Occur, Box<dyn Query>)> = vec![
            should(term(f.name, folded), 2.0),
            should(term(f.name_en, folded), 1.5),
            should(term(f.text, folded), 0.5),
        ];
        if let Some(exact) = words.exact.get(i).filter(|w| *w != folded) {
            options.push(should(term(f.name_exact, exact), 3.0));
        }
        if i == words.folded.len() - 1 {
            options.push(should(Box::new(FuzzyTermQuery::new_prefix(text_term(f.name, folded), 0, true)), 1.0));
            options.push(should(Box::new(FuzzyTermQuery::new_prefix(text_term(f.name_en, folded), 0, true)), 0.8));
        }
        if let Some(loose) = analyzer::loose(folded) {
            if loose != *folded {
                options.push(forgiven(term(f.name, &loose), LOOSE_SCORE));
                options.push(forgiven(term(f.text, &loose), LOOSE_SCORE / 2.0));
            }
            options.push(forgiven(term(f.loose, &loose), LOOSE_SCORE));
        }
        if forgiving && folded.chars().count() >= FUZZY_MIN_LEN {
            options.push(should(Box::new(FuzzyTermQuery::new(text_term(f.name, folded), 1, true)), 0.6));
            options.push(should(Box::new(FuzzyTermQuery::new(text_term(f.text, folded), 1, true)), 0.2));
            // Also when the word is one of the index's: `sapa` finds Sapa and Sa Pa.
            if let Some(parts) = self.split(searcher, folded) {
                let all = parts.iter().map(|w| (Occur::Must, self.anywhere(w))).collect();
                options.push(should(Box::new(BooleanQuery::new(all)), JOINED_BOOST));
            }
        }
        options
    }

    /// A word in the name, the English name or the other text.
    fn anywhere(&self, word: &str) -> Box<dyn Query> {
        let f = &self.fields;
        Box::new(BooleanQuery::new(vec![
            should(term(f.name, word), 2.0),
            should(term(f.name_en, word), 1.5),
            should(term(f.text, word), 0.5),
        ]))
    }

    /// Whether some product holds `word` in its name or text.
    fn is_word(&self, searcher: &Searcher, word: &str) -> bool {
        [self.fields.name, self.fields.text]
            .into_iter()
            .any(|field| searcher.doc_freq(&text_term(field, word)).is_ok_and(|n| n > 0))
    }

    /// `word` cut into the fewest words of the index (`mucangchai` → `mu cang chai`),
    /// each of 2 to 7 letters (a Vietnamese syllable has at most 7), at most 4.
    fn split(&self, searcher: &Searcher, word: &str) -> Option<Vec<String>> {
        let bounds: Vec<usize> = word.char_indices().map(|(at, _)| at).chain([word.len()]).collect();
        let n = bounds.len() - 1;
        // best[j]: the fewest parts covering the first j characters, and where the last starts.
        let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
        best[0] = Some((0, 0));
        for end in 2..=n {
            for start in end.saturating_sub(SYLLABLE_MAX)..=end - 2 {
                let Some((parts, _)) = best[start] else { continue };
                let whole = start == 0 && end == n;
                if whole || parts >= SPLIT_MAX_PARTS || best[end].is_some_and(|(p, _)| p <= parts + 1) {
                    continue;
                }
                if self.is_word(searcher, &word[bounds[start]..bounds[end]]) {
                    best[end] = Some((parts + 1, start));
                }
            }
        }
        let (parts, _) = best[n]?;
        if parts < 2 {
            return None;
        }
        let mut out = Vec::with_capacity(parts);
        let mut end = n;
        while end > 0 {
            let (_, start) = best[end]?;
            out.push(word[bounds[start]..bounds[end]].to_string());
            end = start;
        }
        out.reverse();
        Some(out)
    }
}

/// A query's words, folded and with their diacritics.
struct Words {
    exact: Vec<String>,
    folded: Vec<String>,
}

impl Words {
    fn of(q: &str) -> Words {
        Words {
            exact: analyzer::tokens(&mut analyzer::exact(), q),
            folded: analyzer::tokens(&mut analyzer::folding(), q),
        }
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

/// A forgiven spelling: matches, with a constant score whatever the word's rarity.
fn forgiven(query: Box<dyn Query>, score: f32) -> (Occur, Box<dyn Query>) {
    (Occur::Should, Box::new(ConstScoreQuery::new(query, score)))
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

    fn found(index: &SearchIndex, q: &str) -> Vec<i64> {
        index.search(q, &Filters::default(), Sort::Relevance, 1, 10).unwrap().ids
    }

    /// Many matches over several segments: the pages of every order are those of a
    /// full sort, and the total and facets count every match, whatever the page.
    #[test]
    fn pages_and_counts_match_a_full_sort() {
        let index = SearchIndex::new().unwrap();
        let docs: Vec<SearchDoc> = (1..=700)
            .map(|id| SearchDoc {
                price: (id * 7919) % 1000,
                created: (id * 104_729) % 500,
                sold: id % 13,
                province: (id % 5) as u64,
                stock: id % 3,
                ..doc(id, if id % 2 == 0 { "Chè xanh" } else { "Chè xanh Tân Cương" })
            })
            .collect();
        // Three commits: three segments.
        for part in docs.chunks(250) {
            index.apply(part, &[]).unwrap();
        }
        let filters = Filters { in_stock: true, ..Filters::default() };
        let matching: Vec<&SearchDoc> = docs.iter().filter(|d| d.stock > 0).collect();
        for sort in [Sort::PriceAsc, Sort::PriceDesc, Sort::Newest, Sort::BestSelling] {
            let mut expected = matching.clone();
            expected.sort_by(|a, b| {
                let key = |d: &SearchDoc| match sort {
                    Sort::PriceAsc => -d.price,
                    Sort::PriceDesc => d.price,
                    Sort::Newest => d.created,
                    _ => d.sold,
                };
                key(b).cmp(&key(a)).then(b.id.cmp(&a.id))
            });
            for page in [1, 2, 7, 20] {
                let r = index.search("", &filters, sort, page, 24).unwrap();
                let want: Vec<i64> = expected.iter().skip((page - 1) * 24).take(24).map(|d| d.id).collect();
                assert_eq!(r.ids, want, "{sort:?} page {page}");
                assert_eq!(r.total, matching.len());
                let in_province_2 = matching.iter().filter(|d| d.province == 2).count() as u64;
                assert_eq!(r.facets.province.get(&2), Some(&in_province_2));
            }
        }
        // Relevance: the longer name scores lower for `che xanh`; pages follow one order.
        let mut seen = Vec::new();
        for page in 1..=20 {
            let r = index.search("che xanh", &filters, Sort::Relevance, page, 24).unwrap();
            assert_eq!(r.total, matching.len());
            seen.extend(r.ids);
        }
        assert_eq!(seen.len(), matching.len());
        let short_first = seen.iter().take_while(|id| *id % 2 == 0).count();
        assert_eq!(short_first, matching.iter().filter(|d| d.id % 2 == 0).count(), "shorter names first");
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), matching.len(), "pages neither overlap nor skip");
    }

    #[test]
    fn a_word_the_index_lacks_is_cut_into_words_it_has() {
        let index = SearchIndex::new().unwrap();
        let mut tea = doc(1, "Chè Shan tuyết");
        tea.text = "HTX Chè Mù Cang Chải, Yên Bái".into();
        index.rebuild(&[tea, doc(2, "Gạo nếp cái hoa vàng")]).unwrap();
        let searcher = index.reader.searcher();
        assert_eq!(index.split(&searcher, "mucangchai").unwrap(), ["mu", "cang", "chai"]);
        assert_eq!(index.split(&searcher, "shantuyet").unwrap(), ["shan", "tuyet"]);
        assert!(index.split(&searcher, "chai").is_none(), "no two words make it");
        assert_eq!(index.split(&searcher, "nepcai").unwrap(), ["nep", "cai"]);
        assert!(index.split(&searcher, "xyzzyq").is_none());
        assert_eq!(found(&index, "mucangchai"), [1]);
        assert_eq!(found(&index, "che mucangchai"), [1]);
        assert_eq!(found(&index, "nepcai"), [2]);
    }

    #[test]
    fn words_typed_split_find_the_word() {
        let index = SearchIndex::new().unwrap();
        let mut plum = doc(2, "Mận hậu");
        plum.text = "Phường Sa Pa, Lào Cai".into();
        index.rebuild(&[doc(1, "Cá hồi Sapa"), plum]).unwrap();
        assert_eq!(found(&index, "ca hoi sa pa"), [1]);
        let mut both = found(&index, "sa pa");
        both.sort_unstable();
        assert_eq!(both, [1, 2], "the words as typed (in the place) and joined (in the name)");
        assert_eq!(found(&index, "sapa"), [1, 2], "the word as typed first, then split");
    }

    #[test]
    fn regional_initials_are_forgiven_below_exact_matches() {
        let index = SearchIndex::new().unwrap();
        index
            .rebuild(&[doc(1, "Xôi ngũ sắc"), doc(2, "Sợi miến dong"), doc(3, "Rượu ngô"), doc(4, "Trà Shan tuyết")])
            .unwrap();
        assert_eq!(found(&index, "xoi"), [1, 2], "the exact word first, then its regional twin");
        assert_eq!(found(&index, "soi"), [2, 1]);
        assert_eq!(found(&index, "dượu ngô"), [3]);
        assert_eq!(found(&index, "giuou ngo"), [3]);
        assert_eq!(found(&index, "chà shan"), [4]);
        assert_eq!(found(&index, "mien giong"), [2], "gi and d");
    }
}
