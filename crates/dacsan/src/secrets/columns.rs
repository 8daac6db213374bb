//! The database columns that hold sealed values, as the domains declare them: a
//! server checks one value of each before it starts, and `dacsan rotate-key`
//! re-encrypts them all in one transaction.

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Keyring, OpenError, SecretKey, key_id_of};
use crate::db::Db;

/// A column of sealed values and the columns naming its rows.
#[derive(Debug)]
pub struct SealedColumn {
    /// What the values are, for people: "producers' carrier accounts".
    pub what: &'static str,
    pub table: &'static str,
    pub column: &'static str,
    /// The columns whose values, in this order, are the row's identity: sealed
    /// into each value as associated data (see [`SealedColumn::aad`]).
    pub identity: &'static [&'static str],
}

/// One row's identity (as text) and its sealed value.
struct SealedRow {
    identity: Vec<String>,
    sealed: String,
}

impl SealedColumn {
    /// The associated data of the row whose identity columns hold `identity`:
    /// table, column and identity as a JSON array, so no two rows share it.
    pub fn aad(&self, identity: &[&str]) -> Vec<u8> {
        let mut parts = vec![self.table, self.column];
        parts.extend_from_slice(identity);
        serde_json::to_vec(&parts).unwrap_or_default()
    }

    fn select(&self) -> String {
        let identity: Vec<String> =
            self.identity.iter().enumerate().map(|(i, c)| format!("CAST({c} AS TEXT) AS k{i}")).collect();
        format!(
            "SELECT {}, {column} AS sealed FROM {} WHERE {column} IS NOT NULL",
            identity.join(", "),
            self.table,
            column = self.column
        )
    }

    fn read(&self, row: &AnyRow) -> anyhow::Result<SealedRow> {
        let identity = (0..self.identity.len())
            .map(|i| row.try_get::<String, _>(format!("k{i}").as_str()))
            .collect::<Result<_, _>>()?;
        Ok(SealedRow { identity, sealed: row.try_get("sealed")? })
    }

    fn aad_of(&self, row: &SealedRow) -> Vec<u8> {
        self.aad(&row.identity.iter().map(String::as_str).collect::<Vec<_>>())
    }

    /// `carrier_accounts (7, ghn)`: a row, for messages.
    fn name(&self, row: &SealedRow) -> String {
        format!("{} ({})", self.table, row.identity.join(", "))
    }
}

/// How many sealed values the columns hold.
pub async fn count_sealed(db: &Db, columns: &[&SealedColumn]) -> anyhow::Result<i64> {
    let mut total = 0;
    for column in columns {
        let sql = format!("SELECT COUNT(*) AS n FROM {} WHERE {} IS NOT NULL", column.table, column.column);
        let n: i64 = sqlx::query(&sql).fetch_one(&db.pool).await?.try_get("n")?;
        total += n;
    }
    Ok(total)
}

/// Refuses to go on when the database holds sealed values and no key is set, or
/// a key other than the one that sealed them: one value of each column is opened.
/// A value that is the right key's but does not open (altered by hand) only warns:
/// its owner is asked to enter it again.
pub async fn check_at_start(db: &Db, columns: &[&SealedColumn], keyring: Option<&Keyring>) -> anyhow::Result<()> {
    for column in columns {
        let n = count_sealed(db, &[column]).await?;
        if n == 0 {
            continue;
        }
        let row = sqlx::query(&format!("{} LIMIT 1", column.select()))
            .fetch_one(&db.pool)
            .await
            .with_context(|| format!("read a sealed value of {}", column.what))?;
        let row = column.read(&row)?;
        let sealed_with = key_id_of(&row.sealed).unwrap_or("?");
        let Some(keyring) = keyring else {
            anyhow::bail!(
                "the database holds {n} encrypted values ({}, sealed with key {sealed_with}) and DACSAN_SECRET_KEY is not set: start dacsan with DACSAN_SECRET_KEY set to the key that sealed them",
                column.what
            );
        };
        match keyring.open(&row.sealed, &column.aad_of(&row)) {
            Ok(_) => {}
            Err(OpenError::OtherKey(id)) => anyhow::bail!(
                "DACSAN_SECRET_KEY (key {}) does not open the {n} encrypted values in this database ({}, sealed with key {id}): start dacsan with the key that sealed them; to move to a new key, run `dacsan rotate-key` with both",
                keyring.current().id(),
                column.what
            ),
            Err(err) => tracing::warn!(
                row = %column.name(&row),
                "a sealed value of {} does not open ({err}): its owner must enter it again",
                column.what
            ),
        }
    }
    Ok(())
}

/// What `dacsan rotate-key` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RotateReport {
    /// Values opened with the old key and sealed with the new one.
    pub rotated: usize,
    /// Values the new key had sealed already (a rotation run twice).
    pub already: usize,
}

/// Re-encrypts every sealed value with `new`, in one transaction: a value that
/// opens with neither key stops it, naming the row, and nothing is changed.
pub async fn rotate(
    db: &Db,
    columns: &[&SealedColumn],
    current: Option<&SecretKey>,
    new: &SecretKey,
) -> anyhow::Result<RotateReport> {
    if current.is_some_and(|c| c.id() == new.id()) {
        anyhow::bail!("DACSAN_NEW_SECRET_KEY is the key in use (key {}): make a new one", new.id());
    }
    let mut ring = Keyring::new(new.clone());
    if let Some(current) = current {
        ring = ring.with_older(current.clone());
    }
    let mut report = RotateReport { rotated: 0, already: 0 };
    let mut tx = db.begin_write().await?;
    for column in columns {
        let rows = sqlx::query(&column.select())
            .fetch_all(&mut *tx)
            .await
            .with_context(|| format!("read the sealed values of {}", column.what))?;
        for row in rows {
            let row = column.read(&row)?;
            let aad = column.aad_of(&row);
            let plain = ring.open(&row.sealed, &aad).map_err(|err| match err {
                OpenError::OtherKey(id) if current.is_none() => anyhow::anyhow!(
                    "{} are sealed with key {id} and DACSAN_SECRET_KEY is not set: set it to that key; nothing was changed",
                    column.what
                ),
                err => anyhow::anyhow!("{} {}: {err}; nothing was changed", column.what, column.name(&row)),
            })?;
            if key_id_of(&row.sealed) == Some(new.id()) {
                report.already += 1;
                continue;
            }
            let resealed = ring.seal(&plain, &aad)?;
            let sql = format!("UPDATE {} SET {col} = $1 WHERE {col} = $2", column.table, col = column.column);
            let done = sqlx::query(&sql).bind(&resealed).bind(&row.sealed).execute(&mut *tx).await?;
            if done.rows_affected() != 1 {
                anyhow::bail!("{} {} changed during the rotation; nothing was changed", column.what, column.name(&row));
            }
            report.rotated += 1;
        }
    }
    tx.commit().await.context("commit the re-encrypted values")?;
    Ok(report)
}
