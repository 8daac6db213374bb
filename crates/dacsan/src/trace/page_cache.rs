//! What a batch page shows besides the scan itself — product, producer, events,
//! files and the verdict on the signed record — kept in memory per chain head for
//! a short while, so that a label scanned again and again costs one small query
//! (the serial with its batch; its scan places only when some were recorded)
//! instead of seven, and no re-verification.
//!
//! A new event moves the head, so it shows at once; product or producer edits show
//! within [`TTL`]. The database stays the source of truth.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::chain::{Broken, Verified};
use super::store::{StoredEvent, TraceFile};
use crate::catalog::Product;
use crate::producers::Producer;

pub const TTL: Duration = Duration::from_secs(30);
/// Most batches kept before the cache starts over.
const CAPACITY: usize = 5_000;

#[derive(Debug)]
pub struct BatchData {
    pub product: Product,
    pub producer: Producer,
    pub events: Vec<StoredEvent>,
    pub files: Vec<TraceFile>,
    pub verified: Result<Verified, Broken>,
    /// The timeline as the JSON answer writes it, serialised once.
    pub events_json: Box<serde_json::value::RawValue>,
}

/// (batch id, chain head hash)
type Key = (i64, String);

#[derive(Debug, Default)]
pub struct BatchCache(Mutex<HashMap<Key, (Instant, Arc<BatchData>)>>);

impl BatchCache {
    /// The data of this batch at this head, if loaded less than [`TTL`] ago.
    pub fn get(&self, batch_id: i64, head_hash: &str) -> Option<Arc<BatchData>> {
        let map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        map.get(&(batch_id, head_hash.to_string())).filter(|(at, _)| at.elapsed() < TTL).map(|(_, data)| data.clone())
    }

    pub fn put(&self, batch_id: i64, head_hash: &str, data: Arc<BatchData>) {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= CAPACITY {
            map.retain(|_, (at, _)| at.elapsed() < TTL);
            if map.len() >= CAPACITY {
                map.clear();
            }
        }
        map.insert((batch_id, head_hash.to_string()), (Instant::now(), data));
    }
}
