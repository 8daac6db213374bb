//! Counting the scans of serial labels. A scan is queued and written with the
//! others of the same moment in one transaction by a background task, so that a
//! busy resolver never waits on the database's write lock; the page counts the
//! scan it is answering itself.
//!
//! Scans are not durable jobs on purpose: a job row per scan would put every
//! resolver answer behind a write. The queue is written continuously (a batch
//! holds what arrived while the previous one was committing) and a server that
//! stops on SIGTERM or Ctrl-C writes what is waiting before it exits
//! ([`ScanRecorder::flush`]); only a hard kill can lose the last moment's scans,
//! which are counts for the copy alert, not records anyone is owed.

use axum::http::HeaderMap;
use tokio::sync::{mpsc, oneshot};

use super::store::{self, Scan};
use crate::db::{self, Db};

/// Headers a CDN or proxy in front of dacsan sets with the viewer's city or
/// region, most precise first; the first one present is the scan's coarse place.
const PLACE_HEADERS: &[&str] =
    &["x-dacsan-scan-place", "cf-ipcity", "cloudfront-viewer-city", "x-appengine-city", "cf-region", "cf-ipcountry"];

/// Most scans written in one transaction.
const BATCH: usize = 2_000;
/// Scans waiting for the writer; beyond this a scan is dropped (with a warning)
/// rather than slow the answers down.
const QUEUE: usize = 200_000;

/// What the writer task is sent: a scan to count, or a request to say when
/// everything sent before it is written.
enum Message {
    Scan(Scan),
    Flush(oneshot::Sender<()>),
}

#[derive(Clone)]
pub struct ScanRecorder {
    queue: mpsc::Sender<Message>,
}

impl std::fmt::Debug for ScanRecorder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ScanRecorder")
    }
}

impl ScanRecorder {
    /// Starts the writer task.
    pub fn spawn(db: Db) -> ScanRecorder {
        let (queue, mut inbox) = mpsc::channel::<Message>(QUEUE);
        tokio::spawn(async move {
            let mut messages = Vec::with_capacity(BATCH);
            let mut scans = Vec::with_capacity(BATCH);
            while inbox.recv_many(&mut messages, BATCH).await > 0 {
                let mut flushed = Vec::new();
                for message in messages.drain(..) {
                    match message {
                        Message::Scan(scan) => scans.push(scan),
                        Message::Flush(done) => flushed.push(done),
                    }
                }
                if !scans.is_empty()
                    && let Err(e) = store::record_scans(&db, &scans).await
                {
                    tracing::warn!("could not record {} serial scans: {e:#}", scans.len());
                }
                scans.clear();
                for done in flushed {
                    let _ = done.send(()); // the asker may have stopped waiting
                }
            }
        });
        ScanRecorder { queue }
    }

    /// Waits until every scan queued before this call is written (at shutdown).
    pub async fn flush(&self) {
        let (done, written) = oneshot::channel();
        if self.queue.send(Message::Flush(done)).await.is_ok() {
            let _ = written.await;
        }
    }

    /// Scans queued and not yet written.
    pub fn waiting(&self) -> usize {
        self.queue.max_capacity() - self.queue.capacity()
    }

    /// Queues one scan of a serial; a full queue drops it with a warning rather
    /// than slow the answer down.
    pub fn record(&self, serial_id: i64, place: String) {
        if self.queue.try_send(Message::Scan((serial_id, db::now(), place))).is_err() {
            tracing::warn!("serial scan queue full: a scan was not counted");
        }
    }
}

/// The coarse place a request comes from, if a proxy said so (at most 80 characters).
pub fn place_from(headers: &HeaderMap) -> String {
    PLACE_HEADERS
        .iter()
        .find_map(|name| headers.get(*name).and_then(|v| v.to_str().ok()).map(str::trim).filter(|v| !v.is_empty()))
        .map(|v| v.chars().take(80).collect())
        .unwrap_or_default()
}

/// What the page says about a serial label's scans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanVerdict {
    /// Including this scan.
    pub count: i64,
    pub first_scan_at: String,
    pub places: Vec<String>,
    pub too_often: bool,
    pub too_many_places: bool,
}

impl ScanVerdict {
    pub fn suspicious(&self) -> bool {
        self.too_often || self.too_many_places
    }
}

/// Judges a serial's scans against the configured thresholds; `place` is this scan's.
pub fn verdict(
    stored_count: i64,
    first_scan_at: Option<String>,
    mut places: Vec<String>,
    place: &str,
    alert_count: i64,
    alert_places: usize,
) -> ScanVerdict {
    if !place.is_empty() && !places.iter().any(|p| p == place) {
        places.insert(0, place.to_string());
    }
    let count = stored_count + 1;
    ScanVerdict {
        count,
        first_scan_at: first_scan_at.unwrap_or_else(db::now),
        too_often: count > alert_count,
        too_many_places: places.len() >= alert_places,
        places,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_precise_place_header_wins() {
        let mut headers = HeaderMap::new();
        headers.insert("cf-ipcountry", "VN".parse().unwrap());
        assert_eq!(place_from(&headers), "VN");
        headers.insert("cf-ipcity", "Hanoi".parse().unwrap());
        assert_eq!(place_from(&headers), "Hanoi");
        assert_eq!(place_from(&HeaderMap::new()), "");
    }

    #[test]
    fn labels_scanned_too_often_or_too_widely_are_suspicious() {
        let first = verdict(0, None, vec![], "Hanoi", 20, 3);
        assert_eq!(first.count, 1);
        assert!(!first.suspicious());
        assert!(verdict(20, Some("2026-01-01T00:00:00Z".into()), vec![], "", 20, 3).too_often);
        let spread = verdict(3, None, vec!["Hanoi".into(), "Lai Chau".into()], "Ho Chi Minh City", 20, 3);
        assert!(spread.too_many_places && !spread.too_often);
        let same = verdict(3, None, vec!["Hanoi".into(), "Lai Chau".into()], "Hanoi", 20, 3);
        assert!(!same.suspicious(), "the same two places are not a copy");
    }
}
