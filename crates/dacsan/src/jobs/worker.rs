//! Every server runs one worker. It claims due jobs, runs each with the handler
//! registered for its kind, and records how it ended; while they run it keeps
//! their leases alive, so a job whose server dies is taken up again by another
//! (or by the same after its restart) about a minute later.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;
use tokio::task::JoinSet;

use super::model::{Job, JobError, JobStatus, NewJob};
use super::store::{self, Finish};
use crate::db::Db;

/// How long a claimed job is this server's before another may take it.
const LEASE: Duration = Duration::from_secs(60);
/// How often the worker looks for due jobs queued by other servers or delayed.
const POLL: Duration = Duration::from_secs(1);
/// The most jobs run at the same time.
const BATCH: i64 = 16;

pub type HandlerFuture = Pin<Box<dyn Future<Output = Result<(), JobError>> + Send>>;
type Handler = Arc<dyn Fn(Job) -> HandlerFuture + Send + Sync>;

/// What each kind of job does, and which jobs recur.
#[derive(Clone, Default)]
pub struct Handlers {
    by_kind: HashMap<String, Handler>,
    recurring: Vec<NewJob>,
}

impl Handlers {
    pub fn on<F, Fut>(&mut self, kind: &str, handler: F)
    where
        F: Fn(Job) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), JobError>> + Send + 'static,
    {
        self.by_kind.insert(kind.to_string(), Arc::new(move |job| Box::pin(handler(job))));
    }

    /// A job that runs every `period`, once across all servers.
    pub fn every<F, Fut>(&mut self, kind: &str, period: Duration, handler: F)
    where
        F: Fn(Job) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), JobError>> + Send + 'static,
    {
        self.on(kind, handler);
        self.recurring.push(NewJob::every(kind, period));
    }
}

/// This server's handle on the jobs: queue, wake the worker, run one at once.
#[derive(Clone)]
pub struct Jobs {
    inner: Arc<Inner>,
}

struct Inner {
    db: Db,
    worker: String,
    handlers: Handlers,
    wake: Notify,
}

impl Jobs {
    /// Queues the recurring jobs that are not queued yet and starts the worker:
    /// call inside the runtime.
    pub async fn start(db: Db, handlers: Handlers) -> anyhow::Result<Jobs> {
        for job in &handlers.recurring {
            store::enqueue(&db.pool, job).await?;
        }
        let jobs = Jobs::idle(db, handlers);
        tokio::spawn(jobs.clone().work());
        tokio::spawn(jobs.clone().keep_leases());
        Ok(jobs)
    }

    /// A handle whose worker is not running: jobs can be queued and run at once.
    pub fn idle(db: Db, handlers: Handlers) -> Jobs {
        let worker = format!("{}-{:08x}", std::process::id(), rand::random::<u32>());
        Jobs { inner: Arc::new(Inner { db, worker, handlers, wake: Notify::new() }) }
    }

    /// Tells the worker that a job was queued, so it need not wait for its poll.
    pub fn wake(&self) {
        self.inner.wake.notify_one();
    }

    /// Queues a job on its own.
    pub async fn enqueue(&self, job: &NewJob) -> anyhow::Result<Option<i64>> {
        let id = store::enqueue(&self.inner.db.pool, job).await?;
        self.wake();
        Ok(id)
    }

    /// Runs a queued job now, on this request's time (a seller waiting for a
    /// waybill), whatever its due time. When a worker has it already, waits up to
    /// `patience` for that run to end. `None`: it is still running elsewhere.
    pub async fn run_now(&self, id: i64, patience: Duration) -> anyhow::Result<Option<Result<(), JobError>>> {
        if let Some(job) = store::claim_one(&self.inner.db, &self.inner.worker, LEASE, id).await? {
            return Ok(Some(self.run(job).await));
        }
        let deadline = tokio::time::Instant::now() + patience;
        loop {
            let Some(job) = store::find(&self.inner.db, id).await? else { return Ok(Some(Ok(()))) };
            match job.status {
                JobStatus::Done => return Ok(Some(Ok(()))),
                JobStatus::Failed => {
                    return Ok(Some(Err(JobError::Fail(job.last_error.unwrap_or_default()))));
                }
                JobStatus::Queued if job.attempts > 0 => {
                    return Ok(Some(Err(JobError::Retry(job.last_error.unwrap_or_default()))));
                }
                _ if tokio::time::Instant::now() >= deadline => return Ok(None),
                _ => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    /// Claims and runs what is due (of the kinds it has handlers for) until nothing
    /// is; returns how many ran.
    pub async fn drain(&self) -> anyhow::Result<usize> {
        let mut ran = 0;
        loop {
            let kinds: Vec<&str> = self.inner.handlers.by_kind.keys().map(String::as_str).collect();
            let claimed = store::claim(&self.inner.db, &self.inner.worker, LEASE, BATCH, &kinds).await?;
            if claimed.is_empty() {
                return Ok(ran);
            }
            ran += claimed.len();
            let mut running = JoinSet::new();
            for job in claimed {
                let me = self.clone();
                running.spawn(async move { me.run(job).await });
            }
            while running.join_next().await.is_some() {}
        }
    }

    async fn work(self) {
        loop {
            if let Err(err) = self.drain().await {
                tracing::warn!(error = %err, "the job worker could not claim jobs");
            }
            tokio::select! {
                _ = self.inner.wake.notified() => {}
                _ = tokio::time::sleep(POLL) => {}
            }
        }
    }

    async fn keep_leases(self) {
        loop {
            tokio::time::sleep(LEASE / 4).await;
            if let Err(err) = store::extend_leases(&self.inner.db, &self.inner.worker, LEASE).await {
                tracing::warn!(error = %err, "job leases not extended");
            }
        }
    }

    /// Runs one claimed job in a task of its own (a panic is a failed run, not a
    /// dead worker) and records how it ended.
    async fn run(&self, job: Job) -> Result<(), JobError> {
        let outcome = match self.inner.handlers.by_kind.get(&job.kind) {
            Some(handler) => tokio::spawn(handler(job.clone()))
                .await
                .unwrap_or_else(|err| Err(JobError::Retry(format!("the handler stopped: {err}")))),
            None => Err(JobError::Retry(format!("no server here runs {} jobs", job.kind))),
        };
        let end = match &outcome {
            Ok(()) => Finish::Done,
            Err(JobError::Retry(why)) if job.attempts < job.max_attempts => Finish::Retry(why),
            Err(JobError::Retry(why) | JobError::Fail(why)) => Finish::Failed(why),
        };
        if let Finish::Failed(why) | Finish::Retry(why) = &end {
            tracing::warn!(job = job.id, kind = %job.kind, attempt = job.attempts, error = %why, "job {} did not succeed", job.id);
        }
        match store::finish(&self.inner.db, &self.inner.worker, &job, end).await {
            Ok(true) => {}
            Ok(false) => tracing::warn!(job = job.id, "job {} was taken over by another server", job.id),
            Err(err) => tracing::warn!(job = job.id, error = %err, "the end of job {} was not recorded", job.id),
        }
        match (&outcome, job.attempts < job.max_attempts) {
            (Err(JobError::Retry(why)), false) => Err(JobError::Fail(why.clone())),
            _ => outcome,
        }
    }
}
