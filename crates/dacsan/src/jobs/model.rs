//! What a job is, what a handler answers, and how long a failed job waits.

use std::time::Duration;

/// Where a job is in its life.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    serde::Serialize,
    utoipa::ToSchema,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum JobStatus {
    Queued,
    Running,
    Done,
    /// Out of attempts, or refused for good: kept with its payload and error for an
    /// admin to retry or drop.
    Failed,
}

impl JobStatus {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<JobStatus> {
        s.parse().ok()
    }
}

/// A stored job.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    /// The handler's input, as JSON text.
    pub payload: String,
    pub dedupe_key: Option<String>,
    pub status: JobStatus,
    /// Runs started so far, this one included while running.
    pub attempts: i64,
    pub max_attempts: i64,
    pub repeat_s: Option<i64>,
    pub run_at: String,
    pub last_error: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub finished_at: Option<String>,
}

impl Job {
    /// The payload read as the handler's input type.
    pub fn input<T: serde::de::DeserializeOwned>(&self) -> Result<T, JobError> {
        serde_json::from_str(&self.payload)
            .map_err(|e| JobError::Fail(format!("the job's payload is not what a {} job takes: {e}", self.kind)))
    }
}

/// A job to queue.
#[derive(Debug, Clone)]
pub struct NewJob {
    pub kind: String,
    pub payload: serde_json::Value,
    pub dedupe_key: Option<String>,
    pub delay: Duration,
    pub max_attempts: i64,
    pub repeat: Option<Duration>,
}

impl NewJob {
    pub fn new(kind: &str, payload: serde_json::Value) -> NewJob {
        NewJob {
            kind: kind.to_string(),
            payload,
            dedupe_key: None,
            delay: Duration::ZERO,
            max_attempts: DEFAULT_ATTEMPTS,
            repeat: None,
        }
    }

    /// At most one queued or running job with this key: queuing another does nothing.
    pub fn key(mut self, key: impl Into<String>) -> NewJob {
        self.dedupe_key = Some(key.into());
        self
    }

    /// Not before this long from now (the worker's first try of a job its request
    /// runs at once, say).
    pub fn after(mut self, delay: Duration) -> NewJob {
        self.delay = delay;
        self
    }

    pub fn attempts(mut self, max: i64) -> NewJob {
        self.max_attempts = max.max(1);
        self
    }

    /// A recurring job: once a run ends (done or failed), the next is queued this
    /// long after. Its kind is its key, so servers share one schedule.
    pub fn every(kind: &str, period: Duration) -> NewJob {
        NewJob { repeat: Some(period), ..NewJob::new(kind, serde_json::json!({})).key(kind) }
    }
}

pub const DEFAULT_ATTEMPTS: i64 = 8;

/// What a handler answers when it could not do its work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobError {
    /// Worth another try later (a carrier that did not answer, a busy database).
    Retry(String),
    /// No use trying again (a carrier that refused, a payload that makes no sense).
    Fail(String),
}

impl std::fmt::Display for JobError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JobError::Retry(why) | JobError::Fail(why) => f.write_str(why),
        }
    }
}

impl From<anyhow::Error> for JobError {
    fn from(err: anyhow::Error) -> JobError {
        JobError::Retry(format!("{err:#}"))
    }
}

impl From<crate::error::AppError> for JobError {
    fn from(err: crate::error::AppError) -> JobError {
        use crate::error::AppError;
        match err {
            AppError::Internal(err) => JobError::Retry(format!("{err:#}")),
            other => JobError::Fail(other.to_string()),
        }
    }
}

/// How long a job waits after its `attempts`-th failed run: 10 s, doubling, at
/// most an hour (eight attempts span about 21 minutes).
pub fn backoff(attempts: i64) -> Duration {
    let doublings = attempts.clamp(1, 20) - 1;
    Duration::from_secs((10u64 << doublings).min(3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_ten_seconds_up_to_an_hour() {
        assert_eq!(backoff(1), Duration::from_secs(10));
        assert_eq!(backoff(2), Duration::from_secs(20));
        assert_eq!(backoff(4), Duration::from_secs(80));
        assert_eq!(backoff(9), Duration::from_secs(2560));
        assert_eq!(backoff(10), Duration::from_secs(3600));
        assert_eq!(backoff(60), Duration::from_secs(3600));
        assert_eq!(backoff(0), Duration::from_secs(10));
    }

    #[test]
    fn statuses_read_back_and_unknown_ones_are_none() {
        use strum::VariantArray;
        for &s in JobStatus::VARIANTS {
            assert_eq!(JobStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(JobStatus::parse("paused"), None);
    }
}
