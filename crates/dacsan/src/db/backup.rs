//! `dacsan backup FILE` and `dacsan restore FILE` for SQLite: a consistent copy of a
//! database in use (`VACUUM INTO`), checked after writing, and its way back — checked
//! before anything is replaced, brought up to this build's migrations, swapped in with
//! a rename, the replaced database kept beside it. PostgreSQL has its own tools
//! (`pg_dump`/`pg_restore`, see the README).

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use rusqlite::{Connection, OpenFlags};

use super::{Db, Dialect};

/// What a check of a database file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCheck {
    pub bytes: u64,
    /// Migrations recorded as applied in the file.
    pub migrations: usize,
    /// The newest of them.
    pub version: i64,
}

/// Copies the database at `database` to `file` while it may be serving, then checks
/// the copy.
pub async fn backup(database: &str, file: &Path) -> anyhow::Result<FileCheck> {
    let db = Db::connect(database).await?;
    if db.dialect == Dialect::Postgres {
        bail!("backup copies SQLite databases; for PostgreSQL use pg_dump (see the README)");
    }
    if file.exists() {
        bail!("{} exists already: choose a new file", file.display());
    }
    let target = file.to_str().context("the backup path must be UTF-8")?;
    sqlx::query("VACUUM INTO $1").bind(target).execute(&db.pool).await.context("write the backup")?;
    db.close().await;
    let file = file.to_path_buf();
    tokio::task::spawn_blocking(move || check_file(&file)).await?.context("check the backup just written")
}

/// Replaces the SQLite database at `database` with the backup `file`. Servers on that
/// database must be stopped first.
pub async fn restore(file: &Path, database: &str) -> anyhow::Result<Restored> {
    let target = sqlite_target(database)?;
    let known = super::sqlite_migration_versions();
    let checked = {
        let file = file.to_path_buf();
        tokio::task::spawn_blocking(move || check_file(&file)).await??
    };
    let newer = applied_versions(file)?.into_iter().filter(|v| !known.contains(v)).collect::<Vec<_>>();
    if !newer.is_empty() {
        bail!(
            "{} was written by a newer dacsan (migrations {newer:?} unknown to this build): restore it with that version",
            file.display()
        );
    }
    let staging = with_suffix(&target, ".restoring");
    remove_with_journal(&staging)?;
    std::fs::copy(file, &staging).with_context(|| format!("copy {} to {}", file.display(), staging.display()))?;
    let staging_url = format!("sqlite://{}", staging.to_str().context("the database path must be UTF-8")?);
    let db = Db::connect(&staging_url).await.context("bring the backup up to this build's migrations")?;
    db.close().await;
    let kept = if target.exists() {
        let stamp = time::OffsetDateTime::now_utc().unix_timestamp();
        let kept = with_suffix(&target, &format!(".before-restore-{stamp}"));
        move_with_journal(&target, &kept)?;
        Some(kept)
    } else {
        None
    };
    move_with_journal(&staging, &target)?;
    Ok(Restored { checked, target, kept })
}

#[derive(Debug)]
pub struct Restored {
    /// The backup file as it was checked before the restore.
    pub checked: FileCheck,
    pub target: PathBuf,
    /// Where the replaced database went, if there was one.
    pub kept: Option<PathBuf>,
}

/// The file of a SQLite database URL or path; PostgreSQL URLs are refused.
fn sqlite_target(database: &str) -> anyhow::Result<PathBuf> {
    let url = super::normalise_url(database);
    if !url.starts_with("sqlite:") {
        bail!("restore writes SQLite databases; for PostgreSQL use pg_restore (see the README)");
    }
    let options: sqlx::sqlite::SqliteConnectOptions =
        std::str::FromStr::from_str(&url).context("parse the database URL")?;
    let path = options.get_filename().to_path_buf();
    if path.as_os_str().is_empty() || path.to_str() == Some(":memory:") {
        bail!("restore needs a database file, not an in-memory database");
    }
    Ok(path)
}

/// Opens `file` read-only and checks that it is a whole SQLite database of dacsan.
pub fn check_file(file: &Path) -> anyhow::Result<FileCheck> {
    let bytes = std::fs::metadata(file).with_context(|| format!("read {}", file.display()))?.len();
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .with_context(|| format!("open {}", file.display()))?;
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .with_context(|| format!("{} is not a SQLite database", file.display()))?;
    if integrity != "ok" {
        bail!("{} is damaged: {integrity}", file.display());
    }
    let versions = versions_in(&conn).with_context(|| format!("{} is not a dacsan database", file.display()))?;
    if versions.is_empty() {
        bail!("{} is not a dacsan database: no migrations recorded", file.display());
    }
    Ok(FileCheck { bytes, migrations: versions.len(), version: versions.iter().copied().max().unwrap_or(0) })
}

fn applied_versions(file: &Path) -> anyhow::Result<Vec<i64>> {
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    versions_in(&conn)
}

fn versions_in(conn: &Connection) -> anyhow::Result<Vec<i64>> {
    let mut statement = conn.prepare("SELECT version FROM _sqlx_migrations WHERE success = 1 ORDER BY version")?;
    let versions = statement.query_map([], |row| row.get(0))?.collect::<Result<Vec<i64>, _>>()?;
    Ok(versions)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A database file moves with its write-ahead log and shared-memory index: a log left
/// behind would be replayed into the next file of that name.
fn move_with_journal(from: &Path, to: &Path) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let (source, target) = (with_suffix(from, suffix), with_suffix(to, suffix));
        if source.exists() {
            std::fs::rename(&source, &target)
                .with_context(|| format!("move {} to {}", source.display(), target.display()))?;
        }
    }
    Ok(())
}

fn remove_with_journal(path: &Path) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let file = with_suffix(path, suffix);
        if file.exists() {
            std::fs::remove_file(&file).with_context(|| format!("remove {}", file.display()))?;
        }
    }
    Ok(())
}
