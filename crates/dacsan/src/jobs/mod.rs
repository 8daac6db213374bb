//! Durable background work: a `jobs` table that every server's worker claims
//! from, with retries, backoff and leases, so that work queued before a crash
//! runs after the restart and, with two servers, runs once. Domains register
//! what each kind of job does ([`Handlers`]) and queue jobs inside their own
//! transactions ([`store::enqueue`]).

pub mod model;
pub mod store;
mod worker;

use std::time::Duration;

pub use model::{Job, JobError, JobStatus, NewJob};
pub use worker::{Handlers, Jobs};

use crate::db::Db;

/// Finished jobs are kept this long, for the record.
const KEEP_DONE: Duration = Duration::from_secs(14 * 24 * 3600);

/// The jobs' own upkeep: finished jobs are forgotten after two weeks.
pub fn register(handlers: &mut Handlers, db: &Db) {
    let db = db.clone();
    handlers.every("jobs.prune", Duration::from_secs(24 * 3600), move |_| {
        let db = db.clone();
        async move {
            store::prune_done(&db, KEEP_DONE).await?;
            Ok(())
        }
    });
}
