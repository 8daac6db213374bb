//! `/api/v1/admin/jobs`: background work that failed, for an admin to retry or
//! drop, and how much is waiting.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use super::messages;
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::{AppError, AppResult, Message};
use crate::jobs::Jobs;
use crate::jobs::{Job, JobStatus, store};

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct JobFilter {
    /// `queued`, `running`, `done` or `failed`.
    pub status: Option<String>,
    pub kind: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct JobList {
    /// Jobs in each status.
    pub counts: BTreeMap<String, i64>,
    /// The newest 200 that match.
    pub items: Vec<Job>,
}

/// Background jobs by status, newest first, with how many are in each status.
#[utoipa::path(get, path = "/api/v1/admin/jobs", tag = "admin", params(JobFilter), security(("bearer" = [])),
    responses((status = 200, body = JobList), (status = 403), (status = 422)))]
pub async fn list_jobs(
    State(db): State<Db>,
    user: CurrentUser,
    Query(filter): Query<JobFilter>,
) -> AppResult<Json<JobList>> {
    user.require_admin()?;
    let status = match filter.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(JobStatus::parse(s).ok_or_else(|| AppError::invalid("status", messages::JOB_STATUS_ONE_OF))?),
    };
    let kind = filter.kind.as_deref().map(str::trim).filter(|k| !k.is_empty());
    let items = store::list(&db, status, kind, 200).await?.into_iter().map(readable).collect();
    let counts = store::counts(&db).await?.into_iter().collect();
    Ok(Json(JobList { counts, items }))
}

async fn failed_job(db: &Db, id: i64) -> AppResult<Job> {
    let job = store::find(db, id).await?.ok_or_else(|| AppError::not_found(messages::JOB))?;
    if job.status != JobStatus::Failed {
        return Err(AppError::conflict(
            "status",
            Message::from(messages::ONLY_FAILED_JOBS).with("status", job.status.as_str()),
        ));
    }
    Ok(job)
}

/// Queues a failed job again, now, with its attempts counted afresh.
#[utoipa::path(post, path = "/api/v1/admin/jobs/{id}/retry", tag = "admin", params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = Job), (status = 403), (status = 404), (status = 409, description = "not failed, or the same work is queued already")))]
pub async fn retry_job(
    State(db): State<Db>,
    State(jobs): State<Jobs>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> AppResult<Json<Job>> {
    user.require_admin()?;
    Ok(Json(retry_failed(&db, &jobs, id).await?))
}

/// Queues a failed job again (the API's and the desk's "retry").
pub async fn retry_failed(db: &Db, jobs: &Jobs, id: i64) -> AppResult<Job> {
    failed_job(db, id).await?;
    match store::requeue(db, id).await {
        Ok(true) => {}
        Ok(false) => return Err(AppError::conflict("status", messages::THE_JOB_IS_NO_LONGER_FAILED)),
        Err(e) if crate::db::breaks_unique(&e, "jobs_active_key") => {
            return Err(AppError::conflict("dedupe_key", messages::THE_SAME_WORK_IS_QUEUED_ALREADY));
        }
        Err(e) => return Err(AppError::Internal(anyhow::Error::new(e).context("requeue a job"))),
    }
    jobs.wake();
    store::find(db, id).await?.map(readable).ok_or_else(|| AppError::not_found(messages::JOB))
}

/// A job with its last error in the reader's language: a handler that failed for
/// a reason people read keeps it as a stored [`Message`]; other errors are
/// details, shown as they are.
pub fn readable(mut job: Job) -> Job {
    job.last_error = job.last_error.map(|error| Message::from_stored(&error).text().to_string());
    job
}

/// Drops a failed job for good.
#[utoipa::path(delete, path = "/api/v1/admin/jobs/{id}", tag = "admin", params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 403), (status = 404), (status = 409, description = "not failed")))]
pub async fn drop_job(State(db): State<Db>, user: CurrentUser, Path(id): Path<i64>) -> AppResult<StatusCode> {
    user.require_admin()?;
    drop_failed(&db, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Drops a failed job (the API's and the desk's "drop").
pub async fn drop_failed(db: &Db, id: i64) -> AppResult<()> {
    failed_job(db, id).await?;
    if !store::drop_failed(db, id).await? {
        return Err(AppError::conflict("status", messages::THE_JOB_IS_NO_LONGER_FAILED));
    }
    Ok(())
}
