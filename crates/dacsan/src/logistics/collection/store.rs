//! All SQL of collection runs: points, runs, keepers' links, parcels received at a
//! point and the runs' manifests.

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::model::{CollectionPoint, Run, ValidPoint, ValidRun, weekday_code};
use crate::auth::store::{new_token, token_hash};
use crate::db::{self, Db};
use crate::logistics::store::Tx;

const POINT_COLUMNS: &str = "id, name, province_code, commune_code, address, hours, contact_name, contact_phone,
    producer_id, active, created_at, updated_at";

fn point_from_row(r: &AnyRow) -> anyhow::Result<CollectionPoint> {
    Ok(CollectionPoint {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        province_code: r.try_get("province_code")?,
        commune_code: r.try_get("commune_code")?,
        address: r.try_get("address")?,
        hours: r.try_get("hours")?,
        contact_name: r.try_get("contact_name")?,
        contact_phone: r.try_get("contact_phone")?,
        producer_id: r.try_get("producer_id")?,
        active: r.try_get::<i64, _>("active")? == 1,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
    })
}

pub async fn insert_point(db: &Db, p: &ValidPoint, user_id: i64) -> anyhow::Result<CollectionPoint> {
    let now = db::now();
    let row = sqlx::query(&format!(
        "INSERT INTO collection_points (name, province_code, commune_code, address, hours, contact_name, contact_phone,
           producer_id, active, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING {POINT_COLUMNS}"
    ))
    .bind(&p.name)
    .bind(&p.province_code)
    .bind(&p.commune_code)
    .bind(&p.address)
    .bind(&p.hours)
    .bind(&p.contact_name)
    .bind(p.contact_phone.e164())
    .bind(p.producer_id)
    .bind(i64::from(p.active))
    .bind(user_id)
    .bind(&now)
    .fetch_one(&db.pool)
    .await
    .with_context(|| format!("insert the collection point {}", p.name))?;
    point_from_row(&row)
}

pub async fn update_point(db: &Db, id: i64, p: &ValidPoint) -> anyhow::Result<Option<CollectionPoint>> {
    let row = sqlx::query(&format!(
        "UPDATE collection_points SET name = $1, province_code = $2, commune_code = $3, address = $4, hours = $5,
           contact_name = $6, contact_phone = $7, producer_id = $8, active = $9, updated_at = $10
         WHERE id = $11 RETURNING {POINT_COLUMNS}"
    ))
    .bind(&p.name)
    .bind(&p.province_code)
    .bind(&p.commune_code)
    .bind(&p.address)
    .bind(&p.hours)
    .bind(&p.contact_name)
    .bind(p.contact_phone.e164())
    .bind(p.producer_id)
    .bind(i64::from(p.active))
    .bind(db::now())
    .bind(id)
    .fetch_optional(&db.pool)
    .await
    .with_context(|| format!("update collection point {id}"))?;
    row.as_ref().map(point_from_row).transpose()
}

pub async fn find_point(db: &Db, id: i64) -> anyhow::Result<Option<CollectionPoint>> {
    let row = sqlx::query(&format!("SELECT {POINT_COLUMNS} FROM collection_points WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .context("find a collection point")?;
    row.as_ref().map(point_from_row).transpose()
}

/// Points of a province (all provinces when `None`), by name.
pub async fn list_points(db: &Db, province: Option<&str>) -> anyhow::Result<Vec<CollectionPoint>> {
    let rows = sqlx::query(&format!(
        "SELECT {POINT_COLUMNS} FROM collection_points WHERE ($1 = '' OR province_code = $1) ORDER BY province_code, name, id LIMIT 500"
    ))
    .bind(province.unwrap_or(""))
    .fetch_all(&db.pool)
    .await
    .context("list collection points")?;
    rows.iter().map(point_from_row).collect()
}

const RUN_COLUMNS: &str = "id, point_id, weekdays, time_local, carrier, vehicle_name, active";

fn run_from_row(r: &AnyRow) -> anyhow::Result<Run> {
    let weekdays: String = r.try_get("weekdays")?;
    let run = Run {
        id: r.try_get("id")?,
        point_id: r.try_get("point_id")?,
        weekdays: weekdays.split(',').filter(|d| !d.is_empty()).map(str::to_string).collect(),
        time: r.try_get("time_local")?,
        carrier: r.try_get("carrier")?,
        vehicle_name: r.try_get("vehicle_name")?,
        active: r.try_get::<i64, _>("active")? == 1,
    };
    run.schedule()
        .with_context(|| format!("run {}: «{weekdays} {}» is not a schedule dacsan knows", run.id, run.time))?;
    Ok(run)
}

pub async fn insert_run(db: &Db, point_id: i64, r: &ValidRun) -> anyhow::Result<Run> {
    let now = db::now();
    let weekdays: Vec<&str> = r.weekdays.iter().map(|d| weekday_code(*d)).collect();
    let row = sqlx::query(&format!(
        "INSERT INTO collection_runs (point_id, weekdays, time_local, carrier, vehicle_name, active, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING {RUN_COLUMNS}"
    ))
    .bind(point_id)
    .bind(weekdays.join(","))
    .bind(format!("{:02}:{:02}", r.time.hour(), r.time.minute()))
    .bind(&r.carrier)
    .bind(r.vehicle_name.as_deref())
    .bind(i64::from(r.active))
    .bind(&now)
    .fetch_one(&db.pool)
    .await
    .with_context(|| format!("insert a run of collection point {point_id}"))?;
    run_from_row(&row)
}

pub async fn runs_of(db: &Db, point_id: i64) -> anyhow::Result<Vec<Run>> {
    let rows = sqlx::query(&format!("SELECT {RUN_COLUMNS} FROM collection_runs WHERE point_id = $1 ORDER BY id"))
        .bind(point_id)
        .fetch_all(&db.pool)
        .await
        .context("list a collection point's runs")?;
    rows.iter().map(run_from_row).collect()
}

pub async fn find_run(db: &Db, point_id: i64, run_id: i64) -> anyhow::Result<Option<Run>> {
    let row = sqlx::query(&format!("SELECT {RUN_COLUMNS} FROM collection_runs WHERE id = $1 AND point_id = $2"))
        .bind(run_id)
        .bind(point_id)
        .fetch_optional(&db.pool)
        .await
        .context("find a run")?;
    row.as_ref().map(run_from_row).transpose()
}

/// A keeper's link as stored (without its token).
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Keeper {
    pub id: i64,
    pub point_id: i64,
    pub keeper_name: String,
    pub created_by: i64,
    pub created_at: String,
    pub expires_at: String,
    pub revoked_at: Option<String>,
}

impl Keeper {
    /// Neither revoked nor expired at `now` (UTC text).
    pub fn is_live(&self, now: &str) -> bool {
        self.revoked_at.is_none() && self.expires_at.as_str() > now
    }
}

const KEEPER_COLUMNS: &str = "id, point_id, keeper_name, created_by, created_at, expires_at, revoked_at";

fn keeper_from_row(r: &AnyRow) -> Result<Keeper, sqlx::Error> {
    Ok(Keeper {
        id: r.try_get("id")?,
        point_id: r.try_get("point_id")?,
        keeper_name: r.try_get("keeper_name")?,
        created_by: r.try_get("created_by")?,
        created_at: r.try_get("created_at")?,
        expires_at: r.try_get("expires_at")?,
        revoked_at: r.try_get("revoked_at")?,
    })
}

/// Stores a keeper's link and returns it with its token (the only time the token
/// exists in clear).
pub async fn insert_keeper(
    db: &Db,
    point_id: i64,
    keeper_name: &str,
    days: i64,
    user_id: i64,
) -> anyhow::Result<(Keeper, String)> {
    let token = new_token();
    let now = time::OffsetDateTime::now_utc();
    let row = sqlx::query(&format!(
        "INSERT INTO collection_keepers (point_id, token_hash, keeper_name, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING {KEEPER_COLUMNS}"
    ))
    .bind(point_id)
    .bind(token_hash(&token))
    .bind(keeper_name)
    .bind(user_id)
    .bind(db::time_text(now))
    .bind(db::time_text(now + time::Duration::days(days)))
    .fetch_one(&db.pool)
    .await
    .with_context(|| format!("insert a keeper's link of collection point {point_id}"))?;
    Ok((keeper_from_row(&row)?, token))
}

pub async fn find_keeper_by_token(db: &Db, token: &str) -> anyhow::Result<Option<Keeper>> {
    let row = sqlx::query(&format!("SELECT {KEEPER_COLUMNS} FROM collection_keepers WHERE token_hash = $1"))
        .bind(token_hash(token))
        .fetch_optional(&db.pool)
        .await
        .context("find a keeper's link")?;
    Ok(row.as_ref().map(keeper_from_row).transpose()?)
}

pub async fn keepers_of(db: &Db, point_id: i64) -> anyhow::Result<Vec<Keeper>> {
    let rows = sqlx::query(&format!(
        "SELECT {KEEPER_COLUMNS} FROM collection_keepers WHERE point_id = $1 ORDER BY created_at DESC, id DESC LIMIT 50"
    ))
    .bind(point_id)
    .fetch_all(&db.pool)
    .await
    .context("list a point's keepers")?;
    Ok(rows.iter().map(keeper_from_row).collect::<Result<_, _>>()?)
}

/// Ends a keeper's link of this point; `false` when the point has no such link.
pub async fn revoke_keeper(db: &Db, point_id: i64, id: i64) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE collection_keepers SET revoked_at = COALESCE(revoked_at, $3) WHERE id = $1 AND point_id = $2",
    )
    .bind(id)
    .bind(point_id)
    .bind(db::now())
    .execute(&db.pool)
    .await
    .with_context(|| format!("revoke keeper link {id}"))?;
    Ok(done.rows_affected() > 0)
}

/// One parcel as a point's keeper and its manifest see it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PointParcel {
    pub shipment_id: i64,
    /// Our shipment code (`DS7K2M9QXA-1`).
    pub code: String,
    pub carrier: String,
    /// The carrier's waybill.
    pub waybill: Option<String>,
    pub status: String,
    pub producer_id: i64,
    pub producer: String,
    pub weight_g: i64,
    pub cod_vnd: i64,
    /// When the keeper received it (UTC), if it is at the point.
    pub received_at: Option<String>,
    pub manifest_id: Option<i64>,
}

const PARCEL_SELECT: &str = "SELECT s.id AS shipment_id, s.code, s.carrier, s.tracking_code, s.status, o.producer_id,
    p.name AS producer, s.weight_g, s.cod_vnd, cp.received_at, cp.manifest_id
    FROM shipments s JOIN orders o ON o.id = s.order_id JOIN producers p ON p.id = o.producer_id";

fn parcel_from_row(r: &AnyRow) -> Result<PointParcel, sqlx::Error> {
    Ok(PointParcel {
        shipment_id: r.try_get("shipment_id")?,
        code: r.try_get("code")?,
        carrier: r.try_get("carrier")?,
        waybill: r.try_get("tracking_code")?,
        status: r.try_get("status")?,
        producer_id: r.try_get("producer_id")?,
        producer: r.try_get("producer")?,
        weight_g: r.try_get("weight_g")?,
        cod_vnd: r.try_get("cod_vnd")?,
        received_at: r.try_get("received_at")?,
        manifest_id: r.try_get("manifest_id")?,
    })
}

/// Parcels of the point's producers that are booked and not yet brought.
pub async fn expected_at(db: &Db, point_id: i64) -> anyhow::Result<Vec<PointParcel>> {
    let rows = sqlx::query(&format!(
        "{PARCEL_SELECT} JOIN producer_delivery pd ON pd.producer_id = o.producer_id
         LEFT JOIN collection_parcels cp ON cp.shipment_id = s.id
         WHERE pd.collection_point_id = $1 AND cp.shipment_id IS NULL AND s.status IN ('booking', 'booked')
         ORDER BY s.id LIMIT 500"
    ))
    .bind(point_id)
    .fetch_all(&db.pool)
    .await
    .context("list parcels expected at a point")?;
    Ok(rows.iter().map(parcel_from_row).collect::<Result<_, _>>()?)
}

/// Parcels received at the point that no run has taken yet, for a run by `carrier`
/// (a cooperative's vehicle takes them all).
pub async fn waiting_at(db: &Db, point_id: i64, carrier: &str) -> anyhow::Result<Vec<PointParcel>> {
    let rows = sqlx::query(&format!(
        "{PARCEL_SELECT} JOIN collection_parcels cp ON cp.shipment_id = s.id
         WHERE cp.point_id = $1 AND cp.manifest_id IS NULL AND ($2 = 'vehicle' OR s.carrier = $2)
           AND s.status <> 'cancelled'
         ORDER BY cp.received_at, s.id"
    ))
    .bind(point_id)
    .bind(carrier)
    .fetch_all(&db.pool)
    .await
    .context("list parcels waiting at a point")?;
    Ok(rows.iter().map(parcel_from_row).collect::<Result<_, _>>()?)
}

pub async fn manifest_parcels(db: &Db, manifest_id: i64) -> anyhow::Result<Vec<PointParcel>> {
    let rows = sqlx::query(&format!(
        "{PARCEL_SELECT} JOIN collection_parcels cp ON cp.shipment_id = s.id
         WHERE cp.manifest_id = $1 ORDER BY cp.received_at, s.id"
    ))
    .bind(manifest_id)
    .fetch_all(&db.pool)
    .await
    .context("list a manifest's parcels")?;
    Ok(rows.iter().map(parcel_from_row).collect::<Result<_, _>>()?)
}

/// The shipment a keeper's scan names: by our code or the carrier's waybill.
pub async fn parcel_by_code(db: &Db, code: &str) -> anyhow::Result<Option<PointParcel>> {
    let row = sqlx::query(&format!(
        "{PARCEL_SELECT} LEFT JOIN collection_parcels cp ON cp.shipment_id = s.id
         WHERE s.code = $1 OR s.tracking_code = $1 ORDER BY s.id LIMIT 1"
    ))
    .bind(code)
    .fetch_optional(&db.pool)
    .await
    .context("find a scanned parcel")?;
    Ok(row.as_ref().map(parcel_from_row).transpose()?)
}

/// The shipment whose label carries `sscc`.
pub async fn parcel_by_sscc(db: &Db, sscc: &gs1::Sscc) -> anyhow::Result<Option<PointParcel>> {
    let row = sqlx::query(&format!(
        "{PARCEL_SELECT} LEFT JOIN collection_parcels cp ON cp.shipment_id = s.id WHERE s.sscc = $1"
    ))
    .bind(sscc.as_str())
    .fetch_optional(&db.pool)
    .await
    .context("find a scanned SSCC")?;
    Ok(row.as_ref().map(parcel_from_row).transpose()?)
}

/// The point a producer drops parcels at.
pub async fn point_of_producer(db: &Db, producer_id: i64) -> anyhow::Result<Option<i64>> {
    let row = sqlx::query("SELECT collection_point_id FROM producer_delivery WHERE producer_id = $1")
        .bind(producer_id)
        .fetch_optional(&db.pool)
        .await
        .context("read a producer's collection point")?;
    Ok(row.map(|r| r.try_get::<Option<i64>, _>("collection_point_id")).transpose()?.flatten())
}

/// Where a received parcel is: its point, if any.
pub async fn received_point(db: &Db, shipment_id: i64) -> anyhow::Result<Option<i64>> {
    let row = sqlx::query("SELECT point_id FROM collection_parcels WHERE shipment_id = $1")
        .bind(shipment_id)
        .fetch_optional(&db.pool)
        .await
        .context("read where a parcel was received")?;
    Ok(row.map(|r| r.try_get("point_id")).transpose()?)
}

/// Records a parcel at a point; `false` when it was recorded already (a second
/// scan, or another phone at the same moment).
pub async fn insert_received(tx: &mut Tx, shipment_id: i64, point_id: i64, keeper_id: i64) -> anyhow::Result<bool> {
    let row = sqlx::query(
        "INSERT INTO collection_parcels (shipment_id, point_id, keeper_id, received_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (shipment_id) DO NOTHING RETURNING shipment_id",
    )
    .bind(shipment_id)
    .bind(point_id)
    .bind(keeper_id)
    .bind(db::now())
    .fetch_optional(&mut **tx)
    .await
    .context("record a parcel received at a point")?;
    Ok(row.is_some())
}

/// A run's hand-over on a date.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Manifest {
    pub id: i64,
    pub run_id: i64,
    /// `YYYY-MM-DD`, Vietnam time.
    pub run_date: String,
    pub handed_over_at: String,
}

pub async fn find_manifest(db: &Db, run_id: i64, run_date: &str) -> anyhow::Result<Option<Manifest>> {
    let row = sqlx::query(
        "SELECT id, run_id, run_date, handed_over_at FROM collection_manifests WHERE run_id = $1 AND run_date = $2",
    )
    .bind(run_id)
    .bind(run_date)
    .fetch_optional(&db.pool)
    .await
    .context("find a run's manifest")?;
    row.map(|r| -> anyhow::Result<Manifest> {
        Ok(Manifest {
            id: r.try_get("id")?,
            run_id: r.try_get("run_id")?,
            run_date: r.try_get("run_date")?,
            handed_over_at: r.try_get("handed_over_at")?,
        })
    })
    .transpose()
}

/// Closes a run's manifest for a date; `None` when it was closed already.
pub async fn insert_manifest(
    tx: &mut Tx,
    run_id: i64,
    run_date: &str,
    user_id: i64,
) -> anyhow::Result<Option<Manifest>> {
    let at = db::now();
    let result = sqlx::query(
        "INSERT INTO collection_manifests (run_id, run_date, handed_over_at, handed_over_by) VALUES ($1, $2, $3, $4)
         RETURNING id",
    )
    .bind(run_id)
    .bind(run_date)
    .bind(&at)
    .bind(user_id)
    .fetch_one(&mut **tx)
    .await;
    match result {
        Ok(row) => {
            Ok(Some(Manifest { id: row.try_get("id")?, run_id, run_date: run_date.to_string(), handed_over_at: at }))
        }
        Err(e) if db::breaks_unique(&e, "collection_manifests_run_date") => Ok(None),
        Err(e) => Err(anyhow::Error::new(e).context("close a run's manifest")),
    }
}

/// Puts a waiting parcel on a manifest; `false` when another run took it meanwhile.
pub async fn set_manifest(tx: &mut Tx, shipment_id: i64, manifest_id: i64) -> anyhow::Result<bool> {
    let done =
        sqlx::query("UPDATE collection_parcels SET manifest_id = $1 WHERE shipment_id = $2 AND manifest_id IS NULL")
            .bind(manifest_id)
            .bind(shipment_id)
            .execute(&mut **tx)
            .await
            .context("put a parcel on a manifest")?;
    Ok(done.rows_affected() > 0)
}
