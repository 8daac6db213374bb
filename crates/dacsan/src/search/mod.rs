//! Product search: a tantivy index held in memory, a cache of the database that is
//! rebuilt at start (and by `dacsan reindex`) and follows every write at once.
//! Vietnamese text is folded (tone marks and đ), so `sam lai chau` finds `Sâm Lai Châu`;
//! an exact-diacritics field ranks exact matches higher.

mod analyzer;
mod collector;
mod index;

pub use collector::{Facets, Filters, SearchResult, Sort};
pub use index::{SearchDoc, SearchIndex};
