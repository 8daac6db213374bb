//! All SQL of jobs. Claiming is one statement that sets a lease: on PostgreSQL
//! its rows are picked `FOR UPDATE SKIP LOCKED`, so servers never wait on each
//! other's jobs; SQLite has one writer at a time, so the statement alone is enough.

use std::time::Duration;

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::model::{Job, JobStatus, NewJob, backoff};
use crate::db::{self, Db, Dialect};

const COLUMNS: &str = "id, kind, payload, dedupe_key, status, attempts, max_attempts, repeat_s, run_at, \
                       last_error, created_at, updated_at, finished_at";

fn later(after: Duration) -> String {
    db::time_text(time::OffsetDateTime::now_utc() + after)
}

fn job_of(row: &AnyRow) -> anyhow::Result<Job> {
    Ok(Job {
        id: row.try_get("id")?,
        kind: row.try_get("kind")?,
        payload: row.try_get("payload")?,
        dedupe_key: row.try_get("dedupe_key")?,
        status: db::known(row, "status")?,
        attempts: row.try_get("attempts")?,
        max_attempts: row.try_get("max_attempts")?,
        repeat_s: row.try_get("repeat_s")?,
        run_at: row.try_get("run_at")?,
        last_error: row.try_get("last_error")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        finished_at: row.try_get("finished_at")?,
    })
}

/// Queues a job inside the caller's transaction, so that it exists exactly when
/// the work that asked for it does. `None`: a job with the same key is queued or
/// running already.
pub async fn enqueue<'c, E>(conn: E, job: &NewJob) -> anyhow::Result<Option<i64>>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    let now = db::now();
    let row = sqlx::query(
        "INSERT INTO jobs (kind, payload, dedupe_key, max_attempts, repeat_s, run_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
         ON CONFLICT (dedupe_key) WHERE status IN ('queued', 'running') DO NOTHING
         RETURNING id",
    )
    .bind(&job.kind)
    .bind(job.payload.to_string())
    .bind(job.dedupe_key.as_deref())
    .bind(job.max_attempts)
    .bind(job.repeat.map(|r| r.as_secs() as i64))
    .bind(later(job.delay))
    .bind(now)
    .fetch_optional(conn)
    .await
    .with_context(|| format!("queue a {} job", job.kind))?;
    row.map(|r| r.try_get("id")).transpose().map_err(Into::into)
}

/// Leases up to `limit` due jobs of these kinds to `worker` for `lease`: queued
/// ones whose time has come, and running ones whose lease ran out (their server
/// died). A worker takes only the kinds it can run, so a server without, say, an
/// SMTP server leaves the e-mail outbox to one that has it.
pub async fn claim(db: &Db, worker: &str, lease: Duration, limit: i64, kinds: &[&str]) -> anyhow::Result<Vec<Job>> {
    if kinds.is_empty() {
        return Ok(Vec::new());
    }
    let skip_locked = match db.dialect {
        Dialect::Postgres => "FOR UPDATE SKIP LOCKED",
        Dialect::Sqlite => "",
    };
    let sql = format!(
        "UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = $1, locked_until = $2, updated_at = $3
         WHERE id IN (SELECT id FROM jobs
                      WHERE ((status = 'queued' AND run_at <= $3) OR (status = 'running' AND locked_until < $3))
                        AND kind IN ({kinds})
                      ORDER BY run_at, id LIMIT $4 {skip_locked})
         RETURNING {COLUMNS}",
        kinds = db::placeholders(5, kinds.len()),
    );
    let mut query = sqlx::query(&sql).bind(worker).bind(later(lease)).bind(db::now()).bind(limit);
    for kind in kinds {
        query = query.bind(*kind);
    }
    let rows = query.fetch_all(&db.pool).await.context("claim jobs")?;
    let mut jobs = rows.iter().map(job_of).collect::<anyhow::Result<Vec<_>>>()?;
    jobs.sort_by_key(|j| j.id);
    Ok(jobs)
}

/// Leases one queued job, to run it at once (a seller waiting for a waybill).
/// `None`: another server has it, or it is no longer queued.
pub async fn claim_one(db: &Db, worker: &str, lease: Duration, id: i64) -> anyhow::Result<Option<Job>> {
    let sql = format!(
        "UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = $1, locked_until = $2, updated_at = $3
         WHERE id = $4 AND status = 'queued'
         RETURNING {COLUMNS}"
    );
    let row = sqlx::query(&sql)
        .bind(worker)
        .bind(later(lease))
        .bind(db::now())
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .context("claim a job")?;
    row.as_ref().map(job_of).transpose()
}

/// The queued or running job with this key.
pub async fn active_id(db: &Db, key: &str) -> anyhow::Result<Option<i64>> {
    let row = sqlx::query("SELECT id FROM jobs WHERE dedupe_key = $1 AND status IN ('queued', 'running')")
        .bind(key)
        .fetch_optional(&db.pool)
        .await
        .context("find a queued job")?;
    row.map(|r| r.try_get("id")).transpose().map_err(Into::into)
}

/// Keeps the worker's leases alive while its jobs run.
pub async fn extend_leases(db: &Db, worker: &str, lease: Duration) -> anyhow::Result<u64> {
    let done = sqlx::query("UPDATE jobs SET locked_until = $1 WHERE locked_by = $2 AND status = 'running'")
        .bind(later(lease))
        .bind(worker)
        .execute(&db.pool)
        .await
        .context("extend job leases")?;
    Ok(done.rows_affected())
}

/// What became of a run.
pub enum Finish<'a> {
    Done,
    /// Queued again after its backoff.
    Retry(&'a str),
    Failed(&'a str),
}

/// Records the end of a run by `worker`; a recurring job's next run is queued
/// in the same transaction. `false`: the lease was lost (another server took the
/// job after this one stalled), and nothing is written.
pub async fn finish(db: &Db, worker: &str, job: &Job, end: Finish<'_>) -> anyhow::Result<bool> {
    let now = db::now();
    let mut tx = db.begin_write().await?;
    let updated = match end {
        Finish::Done => sqlx::query(
            "UPDATE jobs SET status = 'done', finished_at = $1, updated_at = $1, locked_by = NULL, locked_until = NULL
             WHERE id = $2 AND locked_by = $3 AND status = 'running'",
        )
        .bind(&now)
        .bind(job.id)
        .bind(worker),
        Finish::Retry(why) => sqlx::query(
            "UPDATE jobs SET status = 'queued', run_at = $4, last_error = $5, updated_at = $1,
               locked_by = NULL, locked_until = NULL
             WHERE id = $2 AND locked_by = $3 AND status = 'running'",
        )
        .bind(&now)
        .bind(job.id)
        .bind(worker)
        .bind(later(backoff(job.attempts)))
        .bind(why),
        Finish::Failed(why) => sqlx::query(
            "UPDATE jobs SET status = 'failed', finished_at = $1, last_error = $4, updated_at = $1,
               locked_by = NULL, locked_until = NULL
             WHERE id = $2 AND locked_by = $3 AND status = 'running'",
        )
        .bind(&now)
        .bind(job.id)
        .bind(worker)
        .bind(why),
    }
    .execute(&mut *tx)
    .await
    .context("record a job's end")?
    .rows_affected();
    if updated == 0 {
        return Ok(false);
    }
    let ended = !matches!(end, Finish::Retry(_));
    if let (true, Some(repeat_s)) = (ended, job.repeat_s) {
        let period = Duration::from_secs(repeat_s.max(1) as u64);
        let mut next = NewJob::every(&job.kind, period);
        next.delay = period;
        next.dedupe_key = job.dedupe_key.clone();
        next.max_attempts = job.max_attempts;
        enqueue(&mut *tx, &next).await?;
    }
    tx.commit().await.context("commit a job's end")?;
    Ok(true)
}

/// Jobs by status (newest first), for the admin's list.
pub async fn list(db: &Db, status: Option<JobStatus>, kind: Option<&str>, limit: i64) -> anyhow::Result<Vec<Job>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM jobs WHERE ($1 IS NULL OR status = $1) AND ($2 IS NULL OR kind = $2)
         ORDER BY id DESC LIMIT $3"
    ))
    .bind(status.map(JobStatus::as_str))
    .bind(kind)
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .context("list jobs")?;
    rows.iter().map(job_of).collect()
}

pub async fn find(db: &Db, id: i64) -> anyhow::Result<Option<Job>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM jobs WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .context("find a job")?;
    row.as_ref().map(job_of).transpose()
}

/// How many jobs are in each status.
pub async fn counts(db: &Db) -> anyhow::Result<Vec<(String, i64)>> {
    let rows = sqlx::query("SELECT status, COUNT(*) AS n FROM jobs GROUP BY status ORDER BY status")
        .fetch_all(&db.pool)
        .await
        .context("count jobs")?;
    rows.iter().map(|r| Ok((r.try_get("status")?, r.try_get("n")?))).collect()
}

/// An admin's "try again" on a failed job: queued now, with its attempts
/// counted afresh. `Ok(false)`: it is not failed (any more).
pub async fn requeue(db: &Db, id: i64) -> Result<bool, sqlx::Error> {
    let now = db::now();
    let done = sqlx::query(
        "UPDATE jobs SET status = 'queued', attempts = 0, run_at = $1, finished_at = NULL, updated_at = $1
         WHERE id = $2 AND status = 'failed'",
    )
    .bind(&now)
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// An admin's "drop" of a failed job. `false`: it is not failed.
pub async fn drop_failed(db: &Db, id: i64) -> anyhow::Result<bool> {
    let done = sqlx::query("DELETE FROM jobs WHERE id = $1 AND status = 'failed'")
        .bind(id)
        .execute(&db.pool)
        .await
        .context("drop a job")?;
    Ok(done.rows_affected() == 1)
}

/// Forgets finished jobs older than `age`; failed ones stay for an admin.
pub async fn prune_done(db: &Db, age: Duration) -> anyhow::Result<u64> {
    let before = db::time_text(time::OffsetDateTime::now_utc() - age);
    let done = sqlx::query("DELETE FROM jobs WHERE status = 'done' AND finished_at < $1")
        .bind(before)
        .execute(&db.pool)
        .await
        .context("prune finished jobs")?;
    Ok(done.rows_affected())
}
