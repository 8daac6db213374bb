//! Connections of dacsan's own to the SQLite file, beside sqlx's pool, for the hot
//! path of a label scan: the resolver's reads.
//!
//! Through sqlx, every SQLite query is handed to the connection's own thread and
//! back, and the pool pings the connection on its way back: on a busy server those
//! thread switches cost more than the query (bench/trace: half of the CPU in the
//! kernel, switching threads). An indexed lookup on a warm page cache takes tens of
//! microseconds, so [`SqliteFile::optional`] runs it on the calling thread, like any
//! other short piece of work a handler does between two awaits. Those connections
//! only read (`PRAGMA query_only`); in WAL mode a reader sees the last committed
//! state and never waits for a writer. Every write goes through the pool.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

/// A row read by column name, whichever way it was fetched: one mapping function
/// serves a query through the pool (`AnyRow`) and through a [`SqliteFile`].
pub trait Fields {
    fn field<T>(&self, column: &str) -> anyhow::Result<T>
    where
        T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any> + rusqlite::types::FromSql;
}

impl Fields for AnyRow {
    fn field<T>(&self, column: &str) -> anyhow::Result<T>
    where
        T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any> + rusqlite::types::FromSql,
    {
        self.try_get(column).with_context(|| format!("column {column}"))
    }
}

impl Fields for rusqlite::Row<'_> {
    fn field<T>(&self, column: &str) -> anyhow::Result<T>
    where
        T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any> + rusqlite::types::FromSql,
    {
        self.get(column).with_context(|| format!("column {column}"))
    }
}

/// One SQLite file and its read-only connections, opened when first needed. A query
/// holds its thread until it ends, so there are never more connections than threads
/// that query at once.
pub struct SqliteFile {
    path: PathBuf,
    idle: Mutex<Vec<rusqlite::Connection>>,
}

impl std::fmt::Debug for SqliteFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteFile").field("path", &self.path).finish_non_exhaustive()
    }
}

impl SqliteFile {
    pub fn new(path: PathBuf) -> SqliteFile {
        SqliteFile { path, idle: Mutex::new(Vec::new()) }
    }

    /// The first row the query returns, mapped; `None` when there is none.
    pub fn optional<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        map: impl FnOnce(&rusqlite::Row<'_>) -> anyhow::Result<T>,
    ) -> anyhow::Result<Option<T>> {
        self.with_connection(|conn| {
            let mut statement = conn.prepare_cached(sql)?;
            let mut rows = statement.query(params)?;
            rows.next()?.map(map).transpose()
        })
    }

    /// Every row the query returns, mapped.
    pub fn all<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        mut map: impl FnMut(&rusqlite::Row<'_>) -> anyhow::Result<T>,
    ) -> anyhow::Result<Vec<T>> {
        self.with_connection(|conn| {
            let mut statement = conn.prepare_cached(sql)?;
            let mut rows = statement.query(params)?;
            let mut mapped = Vec::new();
            while let Some(row) = rows.next()? {
                mapped.push(map(row)?);
            }
            Ok(mapped)
        })
    }

    fn with_connection<T>(&self, work: impl FnOnce(&rusqlite::Connection) -> anyhow::Result<T>) -> anyhow::Result<T> {
        let idle = self.idle.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).pop();
        let conn = match idle {
            Some(conn) => conn,
            None => self.open_reader()?,
        };
        let result = work(&conn);
        self.idle.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push(conn);
        result
    }

    fn open_reader(&self) -> anyhow::Result<rusqlite::Connection> {
        // Never created here: the file is the pool's, made and migrated before.
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE
            | rusqlite::OpenFlags::SQLITE_OPEN_URI
            | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = rusqlite::Connection::open_with_flags(&self.path, flags)
            .with_context(|| format!("open {} to read", self.path.display()))?;
        // A reader waits for nobody in WAL mode, except while the log is reset: a short
        // wait then, since it holds a worker thread of the server.
        conn.busy_timeout(Duration::from_millis(500))?;
        conn.pragma_update(None, "query_only", true)?;
        Ok(conn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_was_committed_and_refuses_to_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.db");
        let writer = rusqlite::Connection::open(&path).unwrap();
        writer
            .execute_batch(
                "PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER);
                 INSERT INTO t VALUES (1, 'một', NULL), (2, 'hai', 7);",
            )
            .unwrap();
        let reader = SqliteFile::new(path);
        let name = |row: &rusqlite::Row<'_>| row.field::<String>("name");
        assert_eq!(reader.optional("SELECT name FROM t WHERE id = $1", [2], name).unwrap().as_deref(), Some("hai"));
        assert_eq!(reader.optional("SELECT name FROM t WHERE id = $1", [3], name).unwrap(), None);
        let counts = reader.all("SELECT n FROM t ORDER BY id", [], |row| row.field::<Option<i64>>("n")).unwrap();
        assert_eq!(counts, vec![None, Some(7)]);

        writer.execute("INSERT INTO t VALUES (3, 'ba', 1)", []).unwrap();
        assert_eq!(reader.optional("SELECT name FROM t WHERE id = $1", [3], name).unwrap().as_deref(), Some("ba"));

        let write = reader.optional("DELETE FROM t RETURNING id", [], |row| row.field::<i64>("id"));
        assert!(write.is_err(), "a reader must not write");
        let missing = reader.optional("SELECT nothing FROM t", [], |row| row.field::<i64>("nothing"));
        assert!(missing.unwrap_err().to_string().contains("nothing"));
    }

    #[test]
    fn a_missing_file_is_an_error_not_a_new_empty_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone.db");
        let reader = SqliteFile::new(path.clone());
        assert!(reader.optional("SELECT 1 AS one", [], |row| row.field::<i64>("one")).is_err());
        assert!(!path.exists());
    }
}
