//! Verdicts on batch records, remembered per chain head: a head only changes when
//! an event is appended, so a busy label is not re-hashed and re-verified on every
//! scan. The database is the source of truth; this is a cache of a pure function.

use std::collections::HashMap;
use std::sync::Mutex;

use super::chain::{Broken, Verified};

/// Most verdicts kept before the cache starts over.
const CAPACITY: usize = 10_000;

/// (batch id, head hash, event count)
type Head = (i64, String, i64);

#[derive(Debug, Default)]
pub struct VerifiedHeads(Mutex<HashMap<Head, Result<Verified, Broken>>>);

impl VerifiedHeads {
    /// The verdict for this batch at this head and length, computed once.
    pub fn get_or_verify(
        &self,
        batch_id: i64,
        head_hash: &str,
        event_count: i64,
        verify: impl FnOnce() -> Result<Verified, Broken>,
    ) -> Result<Verified, Broken> {
        let key = (batch_id, head_hash.to_string(), event_count);
        if let Some(known) = self.0.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return known.clone();
        }
        let verdict = verify();
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= CAPACITY {
            map.clear();
        }
        map.insert(key, verdict.clone());
        verdict
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_is_verified_once_and_a_new_head_again() {
        let cache = VerifiedHeads::default();
        let ok = || Ok(Verified { event_count: 1, key_id: "k".into() });
        assert!(cache.get_or_verify(1, "aa", 1, ok).is_ok());
        assert!(cache.get_or_verify(1, "aa", 1, || panic!("computed again")).is_ok());
        let bad = cache.get_or_verify(1, "bb", 2, || Err(Broken::Head("x".into())));
        assert!(bad.is_err(), "a new head is checked");
    }
}
