//! All SQL of batches, trace events, files, serials, scans and the signing key.

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::{self, Db, Dialect, Fields};

#[derive(Debug, Clone)]
pub struct Batch {
    pub id: i64,
    pub product_id: i64,
    pub producer_id: i64,
    pub lot: String,
    pub code: String,
    pub produced_on: String,
    pub expires_on: Option<String>,
    pub quantity: i64,
    pub origin_commune_code: String,
    pub gps_e6: Option<(i64, i64)>,
    pub standards: String,
    pub header: serde_json::Value,
    pub header_hash: String,
    pub head_hash: String,
    pub event_count: i64,
    pub signature: String,
    pub key_id: String,
    pub serial_count: i64,
    pub created_at: String,
}

const BATCH_COLUMNS: &str = "id, product_id, producer_id, lot, code, produced_on, expires_on, quantity,
    origin_commune_code, latitude_e6, longitude_e6, standards, header, header_hash, head_hash, event_count, signature,
    key_id, serial_count, created_at";

fn batch_from_row(row: &impl Fields) -> anyhow::Result<Batch> {
    let lat: Option<i64> = row.field("latitude_e6")?;
    let lon: Option<i64> = row.field("longitude_e6")?;
    let header: String = row.field("header")?;
    Ok(Batch {
        id: row.field("id")?,
        product_id: row.field("product_id")?,
        producer_id: row.field("producer_id")?,
        lot: row.field("lot")?,
        code: row.field("code")?,
        produced_on: row.field("produced_on")?,
        expires_on: row.field("expires_on")?,
        quantity: row.field("quantity")?,
        origin_commune_code: row.field("origin_commune_code")?,
        gps_e6: lat.zip(lon),
        standards: row.field("standards")?,
        header: serde_json::from_str(&header).context("batch header")?,
        header_hash: row.field("header_hash")?,
        head_hash: row.field("head_hash")?,
        event_count: row.field("event_count")?,
        signature: row.field("signature")?,
        key_id: row.field("key_id")?,
        serial_count: row.field("serial_count")?,
        created_at: row.field("created_at")?,
    })
}

/// A batch row to insert: the header and its signature are made by the service.
pub struct NewBatch<'a> {
    pub product_id: i64,
    pub producer_id: i64,
    pub lot: &'a str,
    pub code: &'a str,
    pub produced_on: &'a str,
    pub expires_on: Option<&'a str>,
    pub quantity: i64,
    pub origin_commune_code: &'a str,
    pub gps_e6: Option<(i64, i64)>,
    pub standards: &'a str,
    pub header: &'a str,
    pub header_hash: &'a str,
    pub signature: &'a str,
    pub key_id: &'a str,
    pub created_by: Option<i64>,
    pub created_at: &'a str,
}

/// `Ok(None)` when the product already has a batch with this lot.
pub async fn insert_batch(tx: &mut sqlx::AnyConnection, b: &NewBatch<'_>) -> anyhow::Result<Option<i64>> {
    let result = sqlx::query(
        "INSERT INTO batches (product_id, producer_id, lot, code, produced_on, expires_on, quantity, origin_commune_code,
            latitude_e6, longitude_e6, standards, header, header_hash, head_hash, event_count, signature, key_id,
            created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, 0, $14, $15, $16, $17) RETURNING id",
    )
    .bind(b.product_id)
    .bind(b.producer_id)
    .bind(b.lot)
    .bind(b.code)
    .bind(b.produced_on)
    .bind(b.expires_on)
    .bind(b.quantity)
    .bind(b.origin_commune_code)
    .bind(b.gps_e6.map(|g| g.0))
    .bind(b.gps_e6.map(|g| g.1))
    .bind(b.standards)
    .bind(b.header)
    .bind(b.header_hash)
    .bind(b.signature)
    .bind(b.key_id)
    .bind(b.created_by)
    .bind(b.created_at)
    .fetch_one(&mut *tx)
    .await;
    match result {
        Ok(row) => Ok(Some(row.try_get(0)?)),
        Err(e) if crate::db::breaks_unique(&e, "batches_product_id_lot_key") => Ok(None),
        Err(e) => Err(e).context("insert batch"),
    }
}

pub async fn insert_input(
    tx: &mut sqlx::AnyConnection,
    batch_id: i64,
    position: i64,
    input_batch_id: Option<i64>,
    description: &str,
) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO batch_inputs (batch_id, position, input_batch_id, description) VALUES ($1, $2, $3, $4)")
        .bind(batch_id)
        .bind(position)
        .bind(input_batch_id)
        .bind(description)
        .execute(&mut *tx)
        .await
        .context("insert batch input")?;
    Ok(())
}

pub async fn find_batch(db: &Db, id: i64) -> anyhow::Result<Option<Batch>> {
    let sql = format!("SELECT {BATCH_COLUMNS} FROM batches WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&db.pool).await?;
    row.as_ref().map(batch_from_row).transpose()
}

pub async fn find_batch_by_code(db: &Db, code: &str) -> anyhow::Result<Option<Batch>> {
    static SQL: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| format!("SELECT {BATCH_COLUMNS} FROM batches WHERE code = $1"));
    if let Some(file) = &db.sqlite_file {
        return file.optional(&SQL, [code], |row| batch_from_row(row));
    }
    let row = sqlx::query(&SQL).bind(code).fetch_optional(&db.pool).await?;
    row.as_ref().map(batch_from_row).transpose()
}

/// The batch with this lot of the product carrying one of these GTIN spellings.
pub async fn find_batch_by_gtin_lot(db: &Db, gtins: &[String], lot: &str) -> anyhow::Result<Option<Batch>> {
    let sql = format!(
        "SELECT {BATCH_COLUMNS} FROM batches WHERE lot = $1 AND product_id IN
            (SELECT id FROM products WHERE gtin IN ({}))",
        db::placeholders(2, gtins.len())
    );
    if let Some(file) = &db.sqlite_file {
        let params = std::iter::once(lot).chain(gtins.iter().map(String::as_str));
        return file.optional(&sql, rusqlite::params_from_iter(params), |row| batch_from_row(row));
    }
    let mut query = sqlx::query(&sql).bind(lot);
    for gtin in gtins {
        query = query.bind(gtin);
    }
    let row = query.fetch_optional(&db.pool).await?;
    row.as_ref().map(batch_from_row).transpose()
}

pub async fn list_batches_of_product(db: &Db, product_id: i64, limit: i64) -> anyhow::Result<Vec<Batch>> {
    let sql = format!(
        "SELECT {BATCH_COLUMNS} FROM batches WHERE product_id = $1 ORDER BY produced_on DESC, id DESC LIMIT $2"
    );
    let rows = sqlx::query(&sql).bind(product_id).bind(limit).fetch_all(&db.pool).await?;
    rows.iter().map(batch_from_row).collect::<Result<_, _>>()
}

pub async fn list_batches_of_producer(db: &Db, producer_id: i64, limit: i64) -> anyhow::Result<Vec<Batch>> {
    let sql = format!(
        "SELECT {BATCH_COLUMNS} FROM batches WHERE producer_id = $1 ORDER BY produced_on DESC, id DESC LIMIT $2"
    );
    let rows = sqlx::query(&sql).bind(producer_id).bind(limit).fetch_all(&db.pool).await?;
    rows.iter().map(batch_from_row).collect::<Result<_, _>>()
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct InputRow {
    pub input_batch_id: Option<i64>,
    pub description: String,
}

pub async fn inputs_of(db: &Db, batch_id: i64) -> anyhow::Result<Vec<InputRow>> {
    let rows =
        sqlx::query("SELECT input_batch_id, description FROM batch_inputs WHERE batch_id = $1 ORDER BY position")
            .bind(batch_id)
            .fetch_all(&db.pool)
            .await?;
    rows.iter()
        .map(|r| Ok(InputRow { input_batch_id: r.try_get(0)?, description: r.try_get(1)? }))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// Locks the batch row for appending to its chain and returns its head: on
/// PostgreSQL with `FOR UPDATE`; SQLite's `BEGIN IMMEDIATE` already holds the lock.
pub async fn lock_head(tx: &mut sqlx::AnyConnection, dialect: Dialect, batch_id: i64) -> anyhow::Result<(String, i64)> {
    let sql = match dialect {
        Dialect::Sqlite => "SELECT head_hash, event_count FROM batches WHERE id = $1",
        Dialect::Postgres => "SELECT head_hash, event_count FROM batches WHERE id = $1 FOR UPDATE",
    };
    let row = sqlx::query(sql).bind(batch_id).fetch_one(&mut *tx).await.context("lock the batch")?;
    Ok((row.try_get(0)?, row.try_get(1)?))
}

pub struct NewEvent<'a> {
    pub batch_id: i64,
    pub seq: i64,
    pub event_id: &'a str,
    pub kind: &'a str,
    pub event_time_utc: &'a str,
    pub body: &'a str,
    pub content_hash: &'a str,
    pub prev_hash: &'a str,
    pub chain_hash: &'a str,
    pub corrects_seq: Option<i64>,
    pub recorded_by: Option<i64>,
    pub recorded_at: &'a str,
}

pub async fn append_event(tx: &mut sqlx::AnyConnection, e: &NewEvent<'_>, signature: &str) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO trace_events (batch_id, seq, event_id, kind, event_time, body, content_hash, prev_hash, chain_hash,
            corrects_seq, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(e.batch_id)
    .bind(e.seq)
    .bind(e.event_id)
    .bind(e.kind)
    .bind(e.event_time_utc)
    .bind(e.body)
    .bind(e.content_hash)
    .bind(e.prev_hash)
    .bind(e.chain_hash)
    .bind(e.corrects_seq)
    .bind(e.recorded_by)
    .bind(e.recorded_at)
    .execute(&mut *tx)
    .await
    .context("insert trace event")?;
    let moved = sqlx::query(
        "UPDATE batches SET head_hash = $1, event_count = $2, signature = $3 WHERE id = $4 AND event_count = $5",
    )
    .bind(e.chain_hash)
    .bind(e.seq)
    .bind(signature)
    .bind(e.batch_id)
    .bind(e.seq - 1)
    .execute(&mut *tx)
    .await
    .context("move the chain head")?;
    anyhow::ensure!(moved.rows_affected() == 1, "the chain of batch {} moved meanwhile", e.batch_id);
    Ok(())
}

#[derive(Debug, Clone)]
pub struct StoredEvent {
    pub seq: i64,
    pub event_id: String,
    pub kind: String,
    pub event_time_utc: String,
    pub body: serde_json::Value,
    pub content_hash: String,
    pub prev_hash: String,
    pub chain_hash: String,
    pub corrects_seq: Option<i64>,
}

/// A batch's events in chain order.
pub async fn events_of(db: &Db, batch_id: i64) -> anyhow::Result<Vec<StoredEvent>> {
    let rows = sqlx::query(
        "SELECT seq, event_id, kind, event_time, body, content_hash, prev_hash, chain_hash, corrects_seq
         FROM trace_events WHERE batch_id = $1 ORDER BY seq",
    )
    .bind(batch_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let body: String = r.try_get("body")?;
            Ok(StoredEvent {
                seq: r.try_get("seq")?,
                event_id: r.try_get("event_id")?,
                kind: r.try_get("kind")?,
                event_time_utc: r.try_get("event_time")?,
                body: serde_json::from_str(&body).context("event body")?,
                content_hash: r.try_get("content_hash")?,
                prev_hash: r.try_get("prev_hash")?,
                chain_hash: r.try_get("chain_hash")?,
                corrects_seq: r.try_get("corrects_seq")?,
            })
        })
        .collect()
}

pub async fn event_seq_exists(tx: &mut sqlx::AnyConnection, batch_id: i64, seq: i64) -> anyhow::Result<bool> {
    let row = sqlx::query("SELECT 1 FROM trace_events WHERE batch_id = $1 AND seq = $2")
        .bind(batch_id)
        .bind(seq)
        .fetch_optional(&mut *tx)
        .await?;
    Ok(row.is_some())
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct TraceFile {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub content_type: String,
    pub sha256: String,
    pub size: i64,
}

pub async fn insert_file(
    db: &Db,
    batch_id: i64,
    kind: &str,
    title: &str,
    content_type: &str,
    bytes: &[u8],
) -> anyhow::Result<TraceFile> {
    let sha256 = super::chain::sha256_hex(bytes);
    let row = sqlx::query(
        "INSERT INTO trace_files (batch_id, kind, title, content_type, sha256, bytes, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(batch_id)
    .bind(kind)
    .bind(title)
    .bind(content_type)
    .bind(&sha256)
    .bind(bytes)
    .bind(crate::db::now())
    .fetch_one(&db.pool)
    .await
    .context("insert trace file")?;
    Ok(TraceFile {
        id: row.try_get(0)?,
        kind: kind.into(),
        title: title.into(),
        content_type: content_type.into(),
        sha256,
        size: bytes.len() as i64,
    })
}

fn file_from_row(r: &AnyRow) -> Result<TraceFile, sqlx::Error> {
    Ok(TraceFile {
        id: r.try_get("id")?,
        kind: r.try_get("kind")?,
        title: r.try_get("title")?,
        content_type: r.try_get("content_type")?,
        sha256: r.try_get("sha256")?,
        size: r.try_get("size")?,
    })
}

pub async fn files_of(db: &Db, batch_id: i64) -> anyhow::Result<Vec<TraceFile>> {
    let rows = sqlx::query(
        "SELECT id, kind, title, content_type, sha256, CAST(LENGTH(bytes) AS BIGINT) AS size FROM trace_files WHERE batch_id = $1 ORDER BY id",
    )
    .bind(batch_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.iter().map(file_from_row).collect::<Result<_, _>>()?)
}

/// A file's metadata and bytes.
pub async fn file_bytes(db: &Db, batch_id: i64, file_id: i64) -> anyhow::Result<Option<(TraceFile, Vec<u8>)>> {
    let row = sqlx::query(
        "SELECT id, kind, title, content_type, sha256, CAST(LENGTH(bytes) AS BIGINT) AS size, bytes FROM trace_files
         WHERE batch_id = $1 AND id = $2",
    )
    .bind(batch_id)
    .bind(file_id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some((file_from_row(&row)?, row.try_get("bytes")?)))
}

/// Adds serial numbers to a batch in chunks of multi-row inserts; `false` when one
/// of them was already taken (the caller draws new ones).
pub async fn insert_serials(
    tx: &mut sqlx::AnyConnection,
    batch_id: i64,
    serials: &[String],
    now: &str,
) -> anyhow::Result<bool> {
    for chunk in serials.chunks(1_000) {
        let values: Vec<String> = (0..chunk.len()).map(|i| format!("($1, ${}, $2)", i + 3)).collect();
        let sql = format!("INSERT INTO serials (batch_id, serial, created_at) VALUES {}", values.join(", "));
        let mut query = sqlx::query(&sql).bind(batch_id).bind(now);
        for serial in chunk {
            query = query.bind(serial);
        }
        match query.execute(&mut *tx).await {
            Ok(_) => {}
            Err(e) if crate::db::breaks_unique(&e, "serials_serial_key") => return Ok(false),
            Err(e) => return Err(e).context("insert serials"),
        }
    }
    sqlx::query("UPDATE batches SET serial_count = serial_count + $1 WHERE id = $2")
        .bind(serials.len() as i64)
        .bind(batch_id)
        .execute(&mut *tx)
        .await?;
    Ok(true)
}

/// Serial numbers of a batch in the order they were issued.
pub async fn serials_of(db: &Db, batch_id: i64, offset: i64, limit: i64) -> anyhow::Result<Vec<String>> {
    let rows = sqlx::query("SELECT serial FROM serials WHERE batch_id = $1 ORDER BY id LIMIT $2 OFFSET $3")
        .bind(batch_id)
        .bind(limit)
        .bind(offset)
        .fetch_all(&db.pool)
        .await?;
    Ok(rows.iter().map(|r| r.try_get(0)).collect::<Result<_, _>>()?)
}

#[derive(Debug, Clone)]
pub struct SerialRow {
    pub id: i64,
    pub batch_id: i64,
    pub serial: String,
    pub scan_count: i64,
    pub first_scan_at: Option<String>,
    /// Whether any recorded scan came with a place (see [`scan_places`]).
    pub has_places: bool,
}

/// A serial's columns and its scan figures, as `serial_*` where they would clash
/// with a batch's; the query names the serial `s` and its figures `t` (a LEFT JOIN
/// of `serial_scan_stats`: a label never scanned has no row there).
const SERIAL_COLUMNS: &str = "s.id AS serial_id, s.batch_id, s.serial,
    COALESCE(t.scan_count, 0) AS scan_count, t.first_scan_at,
    CAST(CASE WHEN EXISTS (SELECT 1 FROM serial_scan_places x WHERE x.serial_id = s.id)
         THEN 1 ELSE 0 END AS BIGINT) AS has_places";

fn serial_from_row(r: &impl Fields) -> anyhow::Result<SerialRow> {
    Ok(SerialRow {
        id: r.field("serial_id")?,
        batch_id: r.field("batch_id")?,
        serial: r.field("serial")?,
        scan_count: r.field("scan_count")?,
        first_scan_at: r.field("first_scan_at")?,
        has_places: r.field::<i64>("has_places")? != 0,
    })
}

pub async fn find_serial(db: &Db, serial: &str) -> anyhow::Result<Option<SerialRow>> {
    let sql = format!(
        "SELECT {SERIAL_COLUMNS} FROM serials s LEFT JOIN serial_scan_stats t ON t.serial_id = s.id WHERE s.serial = $1"
    );
    let row = sqlx::query(&sql).bind(serial).fetch_optional(&db.pool).await?;
    row.as_ref().map(serial_from_row).transpose()
}

/// A serial with its batch, in one query: what the resolver needs for a unit label.
pub async fn find_serial_with_batch(db: &Db, serial: &str) -> anyhow::Result<Option<(SerialRow, Batch)>> {
    static SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let batch_columns: Vec<String> = BATCH_COLUMNS.split(',').map(|c| format!("b.{}", c.trim())).collect();
        format!(
            "SELECT {SERIAL_COLUMNS}, {} FROM serials s JOIN batches b ON b.id = s.batch_id
             LEFT JOIN serial_scan_stats t ON t.serial_id = s.id WHERE s.serial = $1",
            batch_columns.join(", ")
        )
    });
    fn serial_with_batch(row: &impl Fields) -> anyhow::Result<(SerialRow, Batch)> {
        Ok((serial_from_row(row)?, batch_from_row(row)?))
    }
    if let Some(file) = &db.sqlite_file {
        return file.optional(&SQL, [serial], |row| serial_with_batch(row));
    }
    let row = sqlx::query(&SQL).bind(serial).fetch_optional(&db.pool).await?;
    row.as_ref().map(serial_with_batch).transpose()
}

/// The distinct places a serial was scanned from (most recent first, at most 20).
pub async fn scan_places(db: &Db, serial_id: i64) -> anyhow::Result<Vec<String>> {
    const SQL: &str =
        "SELECT place FROM serial_scan_places WHERE serial_id = $1 ORDER BY last_scan_at DESC, place LIMIT 20";
    if let Some(file) = &db.sqlite_file {
        return file.all(SQL, [serial_id], |row| row.field("place"));
    }
    let rows = sqlx::query(SQL).bind(serial_id).fetch_all(&db.pool).await?;
    rows.iter().map(|row| row.field("place")).collect()
}

/// What a seller sees of the scans of a batch's serial labels.
#[derive(Debug, Clone, Default)]
pub struct ScanSummary {
    pub labels_scanned: i64,
    pub scans: i64,
    /// Labels scanned more often, or from more places, than the thresholds allow:
    /// most scanned first, at most 50.
    pub flagged: Vec<FlaggedSerial>,
}

#[derive(Debug, Clone)]
pub struct FlaggedSerial {
    pub serial: String,
    pub scan_count: i64,
    pub places: i64,
    pub first_scan_at: String,
    pub last_scan_at: String,
}

/// The scans of a batch's serials, flagged as the resolver flags them: more than
/// `alert_count` scans, or `alert_places` places or more.
pub async fn scan_summary(
    db: &Db,
    batch_id: i64,
    alert_count: i64,
    alert_places: usize,
) -> anyhow::Result<ScanSummary> {
    let totals = sqlx::query(
        "SELECT COUNT(*), CAST(COALESCE(SUM(t.scan_count), 0) AS BIGINT)
         FROM serials s JOIN serial_scan_stats t ON t.serial_id = s.id WHERE s.batch_id = $1",
    )
    .bind(batch_id)
    .fetch_one(&db.pool)
    .await?;
    let rows = sqlx::query(
        "SELECT serial, scan_count, places, first_scan_at, last_scan_at FROM (
             SELECT s.serial, t.scan_count, t.first_scan_at, t.last_scan_at,
                    (SELECT COUNT(*) FROM serial_scan_places p WHERE p.serial_id = s.id) AS places
             FROM serials s JOIN serial_scan_stats t ON t.serial_id = s.id WHERE s.batch_id = $1
         ) AS scanned WHERE scan_count > $2 OR places >= $3
         ORDER BY scan_count DESC, serial LIMIT 50",
    )
    .bind(batch_id)
    .bind(alert_count)
    .bind(alert_places as i64)
    .fetch_all(&db.pool)
    .await?;
    let flagged = rows
        .iter()
        .map(|r| {
            Ok(FlaggedSerial {
                serial: r.try_get(0)?,
                scan_count: r.try_get(1)?,
                places: r.try_get(2)?,
                first_scan_at: r.try_get(3)?,
                last_scan_at: r.try_get(4)?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(ScanSummary { labels_scanned: totals.try_get(0)?, scans: totals.try_get(1)?, flagged })
}

/// Rows per statement when scans are written: a few thousand bound values, well
/// under SQLite's and PostgreSQL's limits.
const SCAN_ROWS_PER_STATEMENT: usize = 500;

/// One scan waiting to be written: (serial id, UTC time, coarse place or "").
pub type Scan = (i64, String, String);

/// Records scans in one transaction with a few set-wise statements: each serial's
/// count and first and last scan as one upsert row, each (serial, place) seen as
/// one, the scans themselves appended to the log — so that the writer keeps up with
/// a resolver answering thousands of scans a second.
pub async fn record_scans(db: &Db, scans: &[Scan]) -> anyhow::Result<()> {
    let mut tx = db.begin_write().await?;
    for chunk in scan_figures(scans).chunks(SCAN_ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO serial_scan_stats (serial_id, scan_count, first_scan_at, last_scan_at) VALUES {}
             ON CONFLICT (serial_id) DO UPDATE SET scan_count = serial_scan_stats.scan_count + excluded.scan_count,
                 last_scan_at = CASE WHEN excluded.last_scan_at > serial_scan_stats.last_scan_at
                                     THEN excluded.last_scan_at ELSE serial_scan_stats.last_scan_at END",
            placeholders(chunk.len(), &["BIGINT", "BIGINT", "TEXT", "TEXT"])
        );
        let mut query = sqlx::query(&sql);
        for (serial_id, count, first, last) in chunk {
            query = query.bind(*serial_id).bind(*count).bind(*first).bind(*last);
        }
        query.execute(&mut *tx).await.context("count serial scans")?;
    }
    for chunk in scan_places_seen(scans).chunks(SCAN_ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO serial_scan_places (serial_id, place, last_scan_at) VALUES {}
             ON CONFLICT (serial_id, place) DO UPDATE SET
                 last_scan_at = CASE WHEN excluded.last_scan_at > serial_scan_places.last_scan_at
                                     THEN excluded.last_scan_at ELSE serial_scan_places.last_scan_at END",
            placeholders(chunk.len(), &["BIGINT", "TEXT", "TEXT"])
        );
        let mut query = sqlx::query(&sql);
        for ((serial_id, place), last) in chunk {
            query = query.bind(*serial_id).bind(*place).bind(*last);
        }
        query.execute(&mut *tx).await.context("record serial scan places")?;
    }
    for chunk in scans.chunks(SCAN_ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO serial_scans (serial_id, scanned_at, place) VALUES {}",
            placeholders(chunk.len(), &["BIGINT", "TEXT", "TEXT"])
        );
        let mut query = sqlx::query(&sql);
        for (serial_id, at, place) in chunk {
            query = query.bind(*serial_id).bind(at.as_str()).bind(place.as_str());
        }
        query.execute(&mut *tx).await.context("record serial scans")?;
    }
    tx.commit().await?;
    Ok(())
}

/// Each serial's (id, scans, first, last) among these scans: one row per serial, as
/// an upsert may touch a row only once.
fn scan_figures(scans: &[Scan]) -> Vec<(i64, i64, &str, &str)> {
    let mut per_serial: std::collections::BTreeMap<i64, (i64, &str, &str)> = std::collections::BTreeMap::new();
    for (serial_id, at, _) in scans {
        let entry = per_serial.entry(*serial_id).or_insert((0, at.as_str(), at.as_str()));
        entry.0 += 1;
        entry.1 = entry.1.min(at.as_str());
        entry.2 = entry.2.max(at.as_str());
    }
    per_serial.into_iter().map(|(id, (count, first, last))| (id, count, first, last)).collect()
}

/// Each (serial, place) among the scans that came with a place, with its latest time.
fn scan_places_seen(scans: &[Scan]) -> Vec<((i64, &str), &str)> {
    let mut latest: std::collections::BTreeMap<(i64, &str), &str> = std::collections::BTreeMap::new();
    for (serial_id, at, place) in scans.iter().filter(|(_, _, place)| !place.is_empty()) {
        let entry = latest.entry((*serial_id, place.as_str())).or_insert(at.as_str());
        *entry = (*entry).max(at.as_str());
    }
    latest.into_iter().collect()
}

/// `(CAST($1 AS BIGINT), CAST($2 AS TEXT)), (…)` for `rows` rows of these column types:
/// the casts let PostgreSQL type the values of a multi-row VALUES list.
fn placeholders(rows: usize, types: &[&str]) -> String {
    let row = |r: usize| {
        let cells: Vec<String> =
            types.iter().enumerate().map(|(c, ty)| format!("CAST(${} AS {ty})", r * types.len() + c + 1)).collect();
        format!("({})", cells.join(", "))
    };
    (0..rows).map(row).collect::<Vec<_>>().join(", ")
}

/// Files an event that names a carton (logistic unit) by its SSCC, so that the
/// carton's label resolves to the batches in it.
pub async fn insert_carton_line(
    tx: &mut sqlx::AnyConnection,
    sscc: &str,
    batch_id: i64,
    seq: i64,
    kind: &str,
    event_time_utc: &str,
    quantity: Option<i64>,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO carton_lines (sscc, batch_id, event_seq, event_kind, event_time, quantity)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(sscc)
    .bind(batch_id)
    .bind(seq)
    .bind(kind)
    .bind(event_time_utc)
    .bind(quantity)
    .execute(&mut *tx)
    .await
    .with_context(|| format!("file batch {batch_id} under carton {sscc}"))?;
    Ok(())
}

/// One batch in a carton: its latest event that named the carton.
#[derive(Debug, Clone)]
pub struct CartonLine {
    pub batch_id: i64,
    pub event_seq: i64,
    pub event_kind: String,
    pub event_time: String,
    pub quantity: Option<i64>,
}

/// The batches a carton's events name, each with its latest such event (by event
/// time), at most 200.
pub async fn carton_lines(db: &Db, sscc: &str) -> anyhow::Result<Vec<CartonLine>> {
    let rows = sqlx::query(
        "SELECT c.batch_id, c.event_seq, c.event_kind, c.event_time, c.quantity FROM carton_lines c
         WHERE c.sscc = $1 AND NOT EXISTS (
             SELECT 1 FROM carton_lines later WHERE later.sscc = c.sscc AND later.batch_id = c.batch_id
               AND (later.event_time > c.event_time OR (later.event_time = c.event_time AND later.event_seq > c.event_seq)))
         ORDER BY c.batch_id LIMIT 200",
    )
    .bind(sscc)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(CartonLine {
                batch_id: r.try_get(0)?,
                event_seq: r.try_get(1)?,
                event_kind: r.try_get(2)?,
                event_time: r.try_get(3)?,
                quantity: r.try_get(4)?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// The platform's signing key as stored.
pub struct StoredKey {
    pub key_id: String,
    /// Base64, when stored plain (no `DACSAN_SECRET_KEY`); empty when sealed.
    pub secret: String,
    /// Sealed under `DACSAN_SECRET_KEY` (see `secrets`).
    pub sealed: Option<String>,
}

/// The platform's signing key.
pub async fn signing_key(db: &Db) -> anyhow::Result<Option<StoredKey>> {
    let row = sqlx::query(
        "SELECT key_id, secret_key, secret_key_sealed FROM signing_keys ORDER BY created_at, key_id LIMIT 1",
    )
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| StoredKey { key_id: r.get(0), secret: r.get(1), sealed: r.get(2) }))
}

/// Stores a key (its secret plain, or sealed with `secret` left empty) unless one
/// exists: two processes starting together keep the first.
pub async fn insert_signing_key(
    db: &Db,
    key_id: &str,
    public: &str,
    secret: &str,
    sealed: Option<&str>,
) -> anyhow::Result<()> {
    let mut tx = db.begin_write().await?;
    let exists = sqlx::query("SELECT 1 FROM signing_keys").fetch_optional(&mut *tx).await?.is_some();
    if !exists {
        sqlx::query(
            "INSERT INTO signing_keys (key_id, public_key, secret_key, secret_key_sealed, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(key_id)
        .bind(public)
        .bind(secret)
        .bind(sealed)
        .bind(crate::db::now())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Replaces a plain secret with its sealed form (a key set after the first start).
pub async fn seal_signing_key(db: &Db, key_id: &str, sealed: &str) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE signing_keys SET secret_key = '', secret_key_sealed = $1 WHERE key_id = $2 AND secret_key_sealed IS NULL",
    )
    .bind(sealed)
    .bind(key_id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The latest event time (UTC text) recorded for a batch so far.
pub async fn latest_event_time(tx: &mut sqlx::AnyConnection, batch_id: i64) -> anyhow::Result<Option<String>> {
    let row = sqlx::query("SELECT MAX(event_time) FROM trace_events WHERE batch_id = $1")
        .bind(batch_id)
        .fetch_one(&mut *tx)
        .await?;
    Ok(row.try_get(0)?)
}

/// Serials issued so far, with the batch row locked on PostgreSQL.
pub async fn serial_count(tx: &mut sqlx::AnyConnection, dialect: Dialect, batch_id: i64) -> anyhow::Result<i64> {
    let sql = match dialect {
        Dialect::Sqlite => "SELECT serial_count FROM batches WHERE id = $1",
        Dialect::Postgres => "SELECT serial_count FROM batches WHERE id = $1 FOR UPDATE",
    };
    Ok(sqlx::query(sql).bind(batch_id).fetch_one(&mut *tx).await?.try_get(0)?)
}
