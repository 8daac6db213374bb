//! Durable jobs: claimed once by two servers, run after a restart, taken over
//! from a server that died, retried with backoff, kept failed for an admin.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use dacsan::auth::Role;
use dacsan::db::Db;
use dacsan::jobs::{Handlers, JobError, JobStatus, Jobs, NewJob, store};
use reqwest::Method;
use serde_json::json;

use crate::helpers::{fresh_database, serve_process, spawn_app};

type Runs = Arc<Mutex<Vec<i64>>>;

/// A kind, `test.count`, that records the `n` of each run (after a short pause,
/// so that two workers overlap).
fn counting(runs: &Runs) -> Handlers {
    let mut handlers = Handlers::default();
    let runs = runs.clone();
    handlers.on("test.count", move |job| {
        let runs = runs.clone();
        async move {
            #[derive(serde::Deserialize)]
            struct Input {
                n: i64,
            }
            let Input { n } = job.input()?;
            tokio::time::sleep(Duration::from_millis(2)).await;
            runs.lock().unwrap().push(n);
            Ok(())
        }
    });
    handlers
}

async fn queue_counts(db: &Db, count: i64) {
    for n in 0..count {
        store::enqueue(&db.pool, &NewJob::new("test.count", json!({ "n": n }))).await.unwrap();
    }
}

async fn status_of(db: &Db, id: i64) -> JobStatus {
    store::find(db, id).await.unwrap().unwrap().status
}

#[tokio::test]
async fn two_servers_share_the_queue_and_run_each_job_once() {
    let (url, _dir) = fresh_database().await;
    let (one, two) = (Db::connect(&url).await.unwrap(), Db::connect(&url).await.unwrap());
    queue_counts(&one, 600).await;
    let runs = Runs::default();
    let (a, b) = (Jobs::idle(one.clone(), counting(&runs)), Jobs::idle(two, counting(&runs)));
    let (ran_a, ran_b) = tokio::join!(a.drain(), b.drain());
    let (ran_a, ran_b) = (ran_a.unwrap(), ran_b.unwrap());
    assert_eq!(ran_a + ran_b, 600, "every job claimed once: {ran_a} + {ran_b}");
    assert!(ran_a > 0 && ran_b > 0, "both servers worked: {ran_a} + {ran_b}");
    let mut seen = runs.lock().unwrap().clone();
    seen.sort_unstable();
    assert_eq!(seen, (0..600).collect::<Vec<_>>(), "each job ran exactly once");
    let counts = store::counts(&one).await.unwrap();
    assert_eq!(counts, vec![("done".to_string(), 600)]);
}

#[tokio::test]
async fn a_job_queued_before_a_restart_runs_after_it_and_a_dead_servers_job_is_taken_over() {
    let (url, _dir) = fresh_database().await;
    let first = Db::connect(&url).await.unwrap();
    queue_counts(&first, 2).await;
    // The first server takes job 0 for a second, then dies (its process is gone:
    // nothing of it is left but the lease in the table).
    let taken = store::claim(&first, "dead-server", Duration::from_secs(1), 1, &["test.count"]).await.unwrap();
    assert_eq!(taken.len(), 1);
    first.pool.close().await;

    let restarted = Db::connect(&url).await.unwrap();
    let runs = Runs::default();
    let _jobs = Jobs::start(restarted.clone(), counting(&runs)).await.unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(40);
    // A run's end is recorded after its handler returns: wait for both.
    while (runs.lock().unwrap().len() < 2 || store::counts(&restarted).await.unwrap() != [("done".to_string(), 2)])
        && tokio::time::Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut seen = runs.lock().unwrap().clone();
    seen.sort_unstable();
    assert_eq!(seen, vec![0, 1], "the queued job ran, and the dead server's job was taken over once");
    assert_eq!(status_of(&restarted, taken[0].id).await, JobStatus::Done);
    let job = store::find(&restarted, taken[0].id).await.unwrap().unwrap();
    assert_eq!(job.attempts, 2, "the lost run counts as an attempt");
}

#[tokio::test]
async fn a_failing_job_backs_off_then_stays_failed_with_its_payload_and_error() {
    let (url, _dir) = fresh_database().await;
    let db = Db::connect(&url).await.unwrap();
    let mut handlers = Handlers::default();
    handlers.on("test.flaky", |_| async { Err(JobError::Retry("the carrier did not answer".into())) });
    handlers.on("test.refused", |_| async { Err(JobError::Fail("the carrier refused the parcel".into())) });
    let jobs = Jobs::idle(db.clone(), handlers);
    let flaky =
        store::enqueue(&db.pool, &NewJob::new("test.flaky", json!({"parcel": 7})).attempts(2)).await.unwrap().unwrap();
    let refused = store::enqueue(&db.pool, &NewJob::new("test.refused", json!({}))).await.unwrap().unwrap();
    let elsewhere = store::enqueue(&db.pool, &NewJob::new("test.unknown", json!({}))).await.unwrap().unwrap();
    assert_eq!(jobs.drain().await.unwrap(), 2, "the kinds this worker runs");

    let job = store::find(&db, flaky).await.unwrap().unwrap();
    assert_eq!(job.status, JobStatus::Queued, "one failure: queued again");
    assert_eq!(job.last_error.as_deref(), Some("the carrier did not answer"));
    let wait = dacsan::db::parse_time(&job.run_at).unwrap() - time::OffsetDateTime::now_utc();
    assert!(wait > time::Duration::seconds(5) && wait <= time::Duration::seconds(10), "backs off 10 s: {wait}");
    assert_eq!(jobs.drain().await.unwrap(), 0, "not before its time");

    sqlx::query("UPDATE jobs SET run_at = '2000-01-01T00:00:00Z' WHERE id = $1")
        .bind(flaky)
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(jobs.drain().await.unwrap(), 1);
    let job = store::find(&db, flaky).await.unwrap().unwrap();
    assert_eq!((job.status, job.attempts), (JobStatus::Failed, 2), "out of attempts");
    assert_eq!(job.payload, r#"{"parcel":7}"#, "the payload is kept for a retry");

    let job = store::find(&db, refused).await.unwrap().unwrap();
    assert_eq!((job.status, job.attempts), (JobStatus::Failed, 1), "a refusal is not retried");
    let job = store::find(&db, elsewhere).await.unwrap().unwrap();
    assert_eq!((job.status, job.attempts), (JobStatus::Queued, 0), "left for a server that runs its kind");
}

#[tokio::test]
async fn a_recurring_job_is_queued_once_however_many_servers_start() {
    let (url, _dir) = fresh_database().await;
    let db = Db::connect(&url).await.unwrap();
    let ticks = Runs::default();
    let every = |ticks: &Runs| {
        let mut handlers = Handlers::default();
        let ticks = ticks.clone();
        handlers.every("test.tick", Duration::from_secs(3600), move |job| {
            let ticks = ticks.clone();
            async move {
                ticks.lock().unwrap().push(job.id);
                Ok(())
            }
        });
        handlers
    };
    let one = Jobs::start(db.clone(), every(&ticks)).await.unwrap();
    let two = Jobs::start(Db::connect(&url).await.unwrap(), every(&ticks)).await.unwrap();
    one.drain().await.unwrap();
    two.drain().await.unwrap();
    // The handler ticks before its server records the run's end and queues the
    // next one: wait for that end, not for the tick.
    let next_run = || async {
        let done = store::list(&db, Some(JobStatus::Done), Some("test.tick"), 10).await.unwrap();
        let queued = store::list(&db, Some(JobStatus::Queued), Some("test.tick"), 10).await.unwrap();
        (!done.is_empty()).then_some(queued)
    };
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    let queued = loop {
        match next_run().await {
            Some(queued) => break queued,
            None if tokio::time::Instant::now() < deadline => tokio::time::sleep(Duration::from_millis(50)).await,
            None => panic!("no server ran the recurring job in 30 s"),
        }
    };
    assert_eq!(ticks.lock().unwrap().len(), 1, "one run across both servers");
    assert_eq!(queued.len(), 1, "the next run is queued once");
    let wait = dacsan::db::parse_time(&queued[0].run_at).unwrap() - time::OffsetDateTime::now_utc();
    assert!(wait > time::Duration::minutes(59), "an hour later: {wait}");
}

#[tokio::test]
async fn an_admin_sees_failed_jobs_and_retries_or_drops_them() {
    let app = spawn_app().await;
    let db = &app.state.db;
    // A booking of a parcel that does not exist: refused, not retried.
    let job = NewJob::new("shipping.book", json!({"shipment_id": 987_654})).attempts(1);
    let id = app.state.jobs.enqueue(&job).await.unwrap().unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while status_of(db, id).await != JobStatus::Failed && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (_, _, admin) = app.user(Role::Admin, None).await;
    let (_, _, seller) = app.user(Role::Seller, None).await;
    let (status, list) = app.get_json_as("/api/v1/admin/jobs?status=failed", &admin).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list["items"][0]["id"], id, "{list}");
    assert_eq!(list["items"][0]["payload"], r#"{"shipment_id":987654}"#);
    assert!(list["items"][0]["last_error"].as_str().unwrap().contains("987654"), "{list}");
    assert_eq!(list["counts"]["failed"], 1, "{list}");
    let (status, _) = app.get_json_as("/api/v1/admin/jobs", &seller).await;
    assert_eq!(status, 403);
    let (status, answer) = app.get_json_as("/api/v1/admin/jobs?status=paused", &admin).await;
    assert_eq!(status, 422, "{answer}");

    let (status, job) =
        app.send_json(Method::POST, &format!("/api/v1/admin/jobs/{id}/retry"), Some(&admin), &json!({})).await;
    assert_eq!(status, 200, "{job}");
    assert!(matches!(job["status"].as_str(), Some("queued" | "running" | "failed")), "{job}");
    let (status, _) =
        app.send_json(Method::POST, &format!("/api/v1/admin/jobs/{}/retry", id + 1000), Some(&admin), &json!({})).await;
    assert_eq!(status, 404);
    while status_of(db, id).await != JobStatus::Failed && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (status, _) =
        app.send_json(Method::DELETE, &format!("/api/v1/admin/jobs/{id}"), Some(&admin), &json!({})).await;
    assert_eq!(status, 204);
    assert!(store::find(db, id).await.unwrap().is_none(), "dropped");
    let (status, _) =
        app.send_json(Method::DELETE, &format!("/api/v1/admin/jobs/{id}"), Some(&admin), &json!({})).await;
    assert_eq!(status, 404, "dropped once");
}

/// A server process's mail settings: its SMTP server listens (or not) at `port`.
fn smtp_at(port: u16) -> Vec<(&'static str, String)> {
    vec![
        ("DACSAN_SMTP_URL", format!("smtp://127.0.0.1:{port}")),
        ("DACSAN_MAIL_FROM", "Đặc sản <no-reply@dacsan.test>".to_string()),
    ]
}

/// The outbox job as first queued (each run of a recurring job queues the next).
async fn outbox_job(db: &Db) -> dacsan::jobs::Job {
    let id: i64 = sqlx::query_scalar("SELECT MIN(id) FROM jobs WHERE kind = $1")
        .bind(dacsan::orders::mailer::OUTBOX_JOB)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    store::find(db, id).await.unwrap().unwrap()
}

/// The e-mail outbox job, queued and tried by a server whose SMTP server was down,
/// survives that server's SIGKILL: the next server (the SMTP server back) runs it
/// and each message goes out once. The suite's own server has no SMTP server, so
/// it leaves the outbox alone (a worker takes only the kinds it can run).
#[tokio::test]
async fn a_job_queued_before_a_sigkill_runs_after_the_restart() {
    let app = spawn_app().await;
    let (a, _) = crate::orders::two_stores(&app).await;
    app.user(Role::Seller, Some(a.producer_id)).await;
    let body = crate::orders::checkout_body(&[(a.id, 1)], "cod");
    let (status, placed) = app.send_json(Method::POST, "/api/v1/checkout", None, &body).await;
    assert_eq!(status, 201, "{placed}");

    // Nothing listens there: the first server's run fails and is queued again.
    let down = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let (mut first, _) = serve_process(&app, &smtp_at(down)).await;
    // The run is over when the job is queued again (claiming it already counts
    // the attempt, while it is still running).
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    let mut tried = outbox_job(&app.state.db).await;
    while (tried.attempts == 0 || tried.status == JobStatus::Running) && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        tried = outbox_job(&app.state.db).await;
    }
    assert_eq!((tried.status, tried.attempts), (JobStatus::Queued, 1), "tried once, waiting to retry: {tried:?}");
    assert!(tried.last_error.is_some());
    first.start_kill().expect("SIGKILL the first server");
    first.wait().await.unwrap();

    let (port, inbox) = crate::mailer::fake_smtp().await;
    let _second = serve_process(&app, &smtp_at(port)).await;
    // Done when the job has ended and both rows are stamped (a busy machine may
    // take a while; the wait is for the state, not for a fixed time).
    let deadline = tokio::time::Instant::now() + Duration::from_secs(90);
    let stamped = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM notifications WHERE emailed_at IS NOT NULL")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap()
    };
    while (stamped().await < 2 || outbox_job(&app.state.db).await.status != JobStatus::Done)
        && tokio::time::Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let received = inbox.lock().unwrap().clone();
    assert_eq!(received.len(), 2, "buyer and seller, once each, after the restart: {received:?}");
    assert_eq!(stamped().await, 2);
    let job = outbox_job(&app.state.db).await;
    assert_eq!(job.status, JobStatus::Done, "{job:?}");
    assert!(job.attempts >= 2, "the same job, run again: {job:?}");
}
