//! The database: one `sqlx::AnyPool` over SQLite (the embedded default, WAL mode) or
//! PostgreSQL (to scale), chosen once from the URL at start. Every query is portable
//! SQL with `$1` placeholders; where the two must differ, code matches on [`Dialect`]
//! at that spot. On a SQLite file, the label resolver's lookups also read it directly
//! ([`SqliteFile`]).

pub mod backup;
mod sqlite_file;
pub mod unique;

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, ConnectOptions, Executor};

pub use sqlite_file::{Fields, SqliteFile};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub dialect: Dialect,
    /// The SQLite file, for the resolver's reads on the calling thread (see
    /// [`SqliteFile`]); none on PostgreSQL or in memory.
    pub sqlite_file: Option<Arc<SqliteFile>>,
    /// On a SQLite file, the one connection that write transactions take turns on
    /// ([`Db::begin_write`]); none on PostgreSQL or in memory.
    writer: Option<AnyPool>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db").field("dialect", &self.dialect).finish_non_exhaustive()
    }
}

/// Ids as the JSON array [`Db::in_ids`] binds: `[3,1,2]`.
pub fn ids_json(ids: &[i64]) -> String {
    format!("[{}]", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","))
}

/// `dacsan.db` → `sqlite://dacsan.db?mode=rwc`; URLs pass through.
pub fn normalise_url(url: &str) -> String {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") || url.starts_with("sqlite:") {
        url.to_string()
    } else {
        format!("sqlite://{url}?mode=rwc")
    }
}

/// The versions of the SQLite migrations this build carries.
pub fn sqlite_migration_versions() -> Vec<i64> {
    SQLITE_MIGRATIONS.iter().map(|m| m.version).collect()
}

impl Db {
    /// `column IN (…)` for ids bound as one JSON array (`$param`, see [`ids_json`]).
    /// The SQL stays the same whatever the ids, so each connection prepares it once;
    /// ids written into the SQL would prepare a statement per list and, on a long
    /// tail of searches, push the hot statements out of the connection's cache.
    pub fn in_ids(&self, column: &str, param: usize) -> String {
        match self.dialect {
            Dialect::Sqlite => format!("{column} IN (SELECT value FROM json_each(${param}))"),
            Dialect::Postgres => {
                format!("{column} IN (SELECT value::bigint FROM json_array_elements_text(${param}::json))")
            }
        }
    }

    /// Connects and runs the migrations of the URL's backend.
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        sqlx::any::install_default_drivers();
        let url = normalise_url(url);
        let dialect = if url.starts_with("sqlite:") { Dialect::Sqlite } else { Dialect::Postgres };
        let options = AnyConnectOptions::from_str(&url).context("parse the database URL")?.disable_statement_logging();
        let pool = match dialect {
            Dialect::Sqlite => sqlite_pool(sqlite_connections(), AUTO_CHECKPOINT).connect_with(options.clone()).await,
            Dialect::Postgres => {
                AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options.clone())
                    .await
            }
        }
        .context("connect to the database")?;
        let mut db = Db { pool, dialect, sqlite_file: None, writer: None };
        db.migrate().await?;
        if dialect == Dialect::Sqlite
            && let Some(path) = sqlite_path(&url)
        {
            db.sqlite_file = Some(Arc::new(SqliteFile::new(path)));
            db.writer = Some(sqlite_pool(1, 0).connect_with(options).await.context("open the SQLite writer")?);
        }
        Ok(db)
    }

    /// Closes the connections (before a file is replaced, or at shutdown).
    pub async fn close(&self) {
        self.pool.close().await;
        if let Some(writer) = &self.writer {
            writer.close().await;
        }
    }

    pub async fn migrate(&self) -> anyhow::Result<()> {
        let migrator = match self.dialect {
            Dialect::Sqlite => &SQLITE_MIGRATIONS,
            Dialect::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.pool).await.context("run database migrations")
    }

    /// A transaction that will write. On a SQLite file, write transactions take turns
    /// on one connection, first come first served: SQLite lets one write at a time
    /// anyway, and waiting in that queue costs nothing, where waiting on the file's lock
    /// sleeps in steps of up to 100 ms (the busy timeout). The lock is still taken at once
    /// (`BEGIN IMMEDIATE`), for writes from other processes. PostgreSQL uses row locks
    /// as usual.
    pub async fn begin_write(&self) -> anyhow::Result<sqlx::Transaction<'static, sqlx::Any>> {
        let tx = match (self.dialect, &self.writer) {
            (Dialect::Sqlite, Some(writer)) => writer.begin_with("BEGIN IMMEDIATE").await,
            (Dialect::Sqlite, None) => self.pool.begin_with("BEGIN IMMEDIATE").await,
            (Dialect::Postgres, _) => self.pool.begin().await,
        };
        tx.context("begin a transaction")
    }

    /// On a SQLite file, copies the write-ahead log into the database every quarter of
    /// a second from a reader connection, for as long as the server runs. The writer
    /// does not do it itself ([`Db::connect`] turns that off on its connection): a
    /// checkpoint at the end of a commit holds every write queued behind it, by tens of
    /// milliseconds under load (bench/stalls), where a passive one beside the writer
    /// holds nobody.
    pub fn spawn_checkpoints(&self) {
        if self.writer.is_none() {
            return;
        }
        let pool = self.pool.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_millis(250));
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            while !pool.is_closed() {
                tick.tick().await;
                if let Err(err) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&pool).await
                    && !pool.is_closed()
                {
                    tracing::warn!(error = %err, "SQLite checkpoint failed; trying again");
                }
            }
        });
    }

    /// `true` when every migration this build knows has been applied: what
    /// `/readyz` checks besides the database answering (a server of an older build
    /// on a newer database, or one whose migrations failed, is not ready).
    pub async fn migrations_applied(&self) -> bool {
        let migrator = match self.dialect {
            Dialect::Sqlite => &SQLITE_MIGRATIONS,
            Dialect::Postgres => &POSTGRES_MIGRATIONS,
        };
        let latest = migrator.iter().map(|m| m.version).max().unwrap_or(0);
        let applied: Result<Option<i64>, _> =
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success = TRUE")
                .fetch_one(&self.pool)
                .await;
        matches!(applied, Ok(Some(v)) if v == latest)
    }

    /// Connections checked out of the pool now, and the pool's size.
    pub fn connections(&self) -> (u32, u32) {
        let size = self.pool.size();
        (size.saturating_sub(self.pool.num_idle() as u32), size)
    }

    /// `true` when a trivial query answers: what `/healthz` reports.
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }
}

/// Runs a database write to its end even if the request that started it goes away
/// (a client that disconnects cancels its handler): a transaction cut off half-way
/// must not leave its pooled connection inside an open transaction (a known sqlx
/// 0.8 problem on PostgreSQL), and a checkout or a payment is finished either way.
pub async fn run_to_completion<T: Send + 'static>(
    work: impl std::future::Future<Output = T> + Send + 'static,
) -> Result<T, crate::error::AppError> {
    tokio::spawn(work).await.map_err(|e| crate::error::AppError::Internal(anyhow::anyhow!("database task failed: {e}")))
}

/// Current UTC time as RFC 3339 text, the form every timestamp column holds.
/// `($1, $2), ($3, $4)`: the placeholders of a multi-row `VALUES` list of `rows`
/// rows of `columns` values each.
pub fn value_rows(rows: usize, columns: usize) -> String {
    let row = |r: usize| {
        let cells: Vec<String> = (1..=columns).map(|c| format!("${}", r * columns + c)).collect();
        format!("({})", cells.join(", "))
    };
    (0..rows).map(row).collect::<Vec<_>>().join(", ")
}

/// `$3, $4, $5`: `count` placeholders from `$first`, for an `IN (…)` list.
pub fn placeholders(first: usize, count: usize) -> String {
    (first..first + count).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

pub fn now() -> String {
    time_text(time::OffsetDateTime::now_utc())
}

/// The file of a SQLite URL, once it exists (an in-memory database has none).
fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    let options = sqlx::sqlite::SqliteConnectOptions::from_str(url).ok()?;
    let path = options.get_filename();
    path.is_file().then(|| path.to_path_buf())
}

/// SQLite's own: a connection that commits past this many pages of log copies the log
/// into the database.
const AUTO_CHECKPOINT: u32 = 1000;

/// A pool of SQLite connections in WAL mode; a connection waits up to 10 s for a write
/// lock another process holds, and checkpoints the log past `auto_checkpoint` pages
/// (0: never; see [`Db::spawn_checkpoints`]).
fn sqlite_pool(connections: u32, auto_checkpoint: u32) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(connections)
        // A SQLite connection is a file handle that cannot hang up: a ping before each
        // check-out would only cost a hand-over to its thread.
        .test_before_acquire(false)
        .after_connect(move |conn, _| {
            Box::pin(async move {
                conn.execute(
                    format!(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
                         PRAGMA busy_timeout = 10000; PRAGMA wal_autocheckpoint = {auto_checkpoint};"
                    )
                    .as_str(),
                )
                .await?;
                Ok(())
            })
        })
}

/// SQLite connections in the pool: each one is a thread of its own with its own page
/// cache. Two a core keep the cores busy (WAL readers do not wait on each other);
/// more only take turns on the cores and hold more memory (bench/trace on two cores:
/// the same resolver latency with 4 as with 8, 13 MB less resident).
fn sqlite_connections() -> u32 {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get()) as u32;
    (2 * cores).clamp(4, 16)
}

/// A UTC time as timestamp columns hold it: RFC 3339 to the second, which sorts
/// as text.
pub fn time_text(at: time::OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC)
        .replace_nanosecond(0)
        .expect("zero nanoseconds is valid")
        .format(&time::format_description::well_known::Rfc3339)
        .expect("RFC 3339 formatting of a UTC time cannot fail")
}

/// A timestamp column's text read back; `None` if it is not RFC 3339.
pub fn parse_time(text: &str) -> Option<time::OffsetDateTime> {
    time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).ok()
}

/// Today's date in Vietnam (UTC+7) as `YYYY-MM-DD`: certificates expire by local date.
pub fn today_vn() -> time::Date {
    (time::OffsetDateTime::now_utc() + time::Duration::hours(7)).date()
}

/// A text column holding one of the values the code knows (a status, a kind, a role).
/// A value it does not know is an error naming the column and the value, never read
/// as another one.
pub fn known<T: FromStr>(row: &sqlx::any::AnyRow, column: &str) -> Result<T, sqlx::Error> {
    use sqlx::Row;
    let value: String = row.try_get(column)?;
    value.parse().map_err(|_| sqlx::Error::ColumnDecode {
        index: column.to_string(),
        source: format!("{value:?} is not a value dacsan knows").into(),
    })
}

/// Did this write break the unique rule named `name` (as PostgreSQL names it; see
/// [`unique`])? Callers turn it into a 409 naming the field, or into "already there".
pub fn breaks_unique(err: &sqlx::Error, name: &str) -> bool {
    unique::violated(err).is_some_and(|broken| broken == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_become_sqlite_urls() {
        assert_eq!(normalise_url("dacsan.db"), "sqlite://dacsan.db?mode=rwc");
        assert_eq!(normalise_url("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(normalise_url("sqlite::memory:"), "sqlite::memory:");
    }

    #[test]
    fn twin_migrations_have_the_same_names() {
        let names = |m: &Migrator| m.iter().map(|m| m.description.to_string()).collect::<Vec<_>>();
        assert_eq!(names(&SQLITE_MIGRATIONS), names(&POSTGRES_MIGRATIONS));
        assert!(!SQLITE_MIGRATIONS.iter().count().eq(&0));
    }
}
