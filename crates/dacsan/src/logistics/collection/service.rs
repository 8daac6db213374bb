//! The use cases of collection runs: who may manage a point, a keeper's scan that
//! marks a parcel received at the point, a run's manifest and its hand-over to the
//! carrier, and the wait for the next run that checkout counts.

use serde::Serialize;

use super::messages;
use super::model::{CollectionPoint, Run, VN_OFFSET, route_via_point};
use super::store::{self, Keeper, Manifest, PointParcel};
use crate::auth::CurrentUser;
use crate::db::{self, Db};
use crate::error::Message;
use crate::error::{AppError, AppResult};
use crate::logistics::model::{ShipmentEvent, ShipmentStatus};
use crate::logistics::store as shipments;
use crate::orders::delivery::DeliveryOption;

/// Longest a keeper's link lives, and how long when nobody says.
pub const MAX_KEEPER_DAYS: i64 = 180;
pub const DEFAULT_KEEPER_DAYS: i64 = 90;

/// Officers of the point's province, admins, and the sellers of the cooperative
/// that runs it.
pub fn may_manage(user: &CurrentUser, province_code: &str, producer_id: Option<i64>) -> bool {
    user.can_oversee_province(province_code) || producer_id.is_some_and(|p| user.can_manage_producer(p))
}

/// The point, if the user may manage it (else 404, so points' ids are not probed).
pub async fn managed_point(db: &Db, user: &CurrentUser, id: i64) -> AppResult<CollectionPoint> {
    let not_found = || AppError::not_found(Message::from(messages::COLLECTION_POINT).with("id", id));
    let point = store::find_point(db, id).await?.ok_or_else(not_found)?;
    if !may_manage(user, &point.province_code, point.producer_id) {
        return Err(not_found());
    }
    Ok(point)
}

/// A producer's choice of point: one that exists, is open, and is in its province.
pub async fn check_choice(db: &Db, producer_province: &str, point_id: i64) -> AppResult<()> {
    let field = "collection_point_id";
    let Some(point) = store::find_point(db, point_id).await? else {
        return Err(AppError::invalid(field, Message::from(messages::NO_COLLECTION_POINT).with("point_id", point_id)));
    };
    if !point.active {
        return Err(AppError::invalid(field, messages::THIS_COLLECTION_POINT_IS_CLOSED));
    }
    if point.province_code != producer_province {
        return Err(AppError::invalid(field, messages::THE_COLLECTION_POINT_IS_IN_ANOTHER));
    }
    Ok(())
}

/// Checkout's carrier options for a producer that drops parcels at a point: the
/// days count the wait for the point's next run. A closed point changes nothing.
pub async fn apply_to_quote(db: &Db, point_id: i64, options: &mut [DeliveryOption]) -> anyhow::Result<()> {
    let Some(point) = store::find_point(db, point_id).await? else { return Ok(()) };
    if !point.active {
        return Ok(());
    }
    let runs = store::runs_of(db, point.id).await?;
    route_via_point(options, &point.name, &runs, time::OffsetDateTime::now_utc());
    Ok(())
}

/// The keeper's link behind a token, with its point, while it lives.
pub async fn live_keeper(db: &Db, token: &str) -> AppResult<(Keeper, CollectionPoint)> {
    let not_found = || AppError::not_found(messages::KEEPER_LINK);
    let keeper = store::find_keeper_by_token(db, token).await?.ok_or_else(not_found)?;
    if !keeper.is_live(&db::now()) {
        return Err(AppError::Gone(Message::from(messages::KEEPER_LINK_OF).with("keeper", &keeper.keeper_name)));
    }
    let point = store::find_point(db, keeper.point_id).await?.ok_or_else(not_found)?;
    Ok((keeper, point))
}

/// What a scan did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScanOutcome {
    /// Now recorded as received at the point.
    Received,
    /// It was received before: nothing changed.
    AlreadyReceived,
}

impl ScanOutcome {
    pub fn label_key(self) -> &'static str {
        match self {
            ScanOutcome::Received => "collect_received",
            ScanOutcome::AlreadyReceived => "collect_already_received",
        }
    }
}

/// The keeper scans or types a parcel's code (see [`scanned_parcel`]): it is
/// received at the point. A second scan changes nothing; a parcel the carrier has
/// already, or one that does not go through this point, is refused in words.
pub async fn scan(
    db: &Db,
    keeper: &Keeper,
    point: &CollectionPoint,
    code: &str,
) -> AppResult<(ScanOutcome, PointParcel)> {
    let code = code.trim();
    if code.is_empty() {
        return Err(AppError::invalid("code", messages::SCAN_OR_TYPE_THE_PARCEL));
    }
    let Some(parcel) = scanned_parcel(db, code).await? else {
        let code = code.to_uppercase();
        return Err(AppError::invalid("code", Message::from(messages::NO_PARCEL_HAS_THE_CODE).with("code", &code)));
    };
    let code = parcel.code.clone();
    if let Some(at) = store::received_point(db, parcel.shipment_id).await? {
        if at == point.id {
            return Ok((ScanOutcome::AlreadyReceived, parcel));
        }
        return Err(AppError::invalid(
            "code",
            Message::from(messages::PARCEL_WAS_RECEIVED_AT_ANOTHER_COLLECTION).with("code", &code),
        ));
    }
    if store::point_of_producer(db, parcel.producer_id).await? != Some(point.id) {
        return Err(AppError::invalid("code", Message::from(messages::PARCEL_DOES_NOT_GO_THROUGH).with("code", &code)));
    }
    let status = ShipmentStatus::parse(&parcel.status)
        .ok_or_else(|| anyhow::anyhow!("shipment status «{}» is not one dacsan knows", parcel.status))?;
    if !status.may_become(ShipmentStatus::AtCollectionPoint) {
        return Err(AppError::conflict(
            "code",
            Message::from(messages::PARCEL_IS_PAST_THE_COLLECTION_POINT)
                .with("code", &code)
                .with("status", status.as_str()),
        ));
    }
    let mut tx = db.begin_write().await?;
    if !store::insert_received(&mut tx, parcel.shipment_id, point.id, keeper.id).await? {
        return Ok((ScanOutcome::AlreadyReceived, parcel));
    }
    let event = ShipmentEvent {
        status: ShipmentStatus::AtCollectionPoint,
        raw_status: "collection_received".into(),
        at: db::now(),
        note: format!("{} · {}", point.name, keeper.keeper_name),
    };
    shipments::set_status(&mut tx, parcel.shipment_id, ShipmentStatus::AtCollectionPoint, &event.at).await?;
    shipments::insert_event(&mut tx, parcel.shipment_id, &event).await?;
    tx.commit().await.map_err(anyhow::Error::new)?;
    tracing::info!(shipment = %parcel.code, point.id = point.id, keeper.id = keeper.id, "parcel {} received at a collection point", parcel.code);
    let parcel = store::parcel_by_code(db, &parcel.code).await?.unwrap_or(parcel);
    Ok((ScanOutcome::Received, parcel))
}

/// The parcel a scan names: our shipment code or the carrier's waybill (typed, or
/// from a label's Code 128), the order's URL with the parcel's code that dacsan's
/// label carries as its QR code, or the parcel's SSCC from the label's GS1-128 as a
/// scanner sends it (`00` and 18 digits, maybe after the `]C1` symbology
/// identifier) or as printed under it (`(00) …`).
async fn scanned_parcel(db: &Db, scanned: &str) -> anyhow::Result<Option<PointParcel>> {
    let code = crate::logistics::parcel_labels::parcel_in_url(scanned).unwrap_or(scanned).trim().to_uppercase();
    if let Some(parcel) = store::parcel_by_code(db, &code).await? {
        return Ok(Some(parcel));
    }
    let digits = code.strip_prefix("]C1").unwrap_or(&code);
    let digits = match digits.strip_prefix("00") {
        Some(sscc) if digits.len() == 20 => sscc,
        _ => digits,
    };
    match gs1::Sscc::parse(digits) {
        Ok(sscc) => store::parcel_by_sscc(db, &sscc).await,
        Err(_) => Ok(None),
    }
}

/// A run's manifest on a date: the parcels it took (closed), or those waiting at
/// the point for it (open).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ManifestView {
    pub point_id: i64,
    pub run_id: i64,
    /// `YYYY-MM-DD`, Vietnam time.
    pub date: String,
    /// Who carries: the carrier's or the vehicle's name.
    pub carrier: String,
    /// Handed over to the carrier already.
    pub closed: bool,
    pub handed_over_at: Option<String>,
    pub parcels: Vec<PointParcel>,
    pub parcel_count: usize,
    pub weight_g: i64,
    pub cod_vnd: i64,
}

/// The date of a run: given as `YYYY-MM-DD`, or today in Vietnam.
pub fn run_date(date: Option<&str>) -> AppResult<time::Date> {
    match date.map(str::trim).filter(|d| !d.is_empty()) {
        None => Ok(time::OffsetDateTime::now_utc().to_offset(VN_OFFSET).date()),
        Some(text) => {
            crate::vn::parse_iso_date(text).ok_or_else(|| AppError::invalid("date", messages::DATE_AS_YYYY_MM_DD))
        }
    }
}

pub async fn manifest(db: &Db, point: &CollectionPoint, run: &Run, date: time::Date) -> AppResult<ManifestView> {
    let date = date.to_string();
    let closed = store::find_manifest(db, run.id, &date).await?;
    let parcels = match &closed {
        Some(m) => store::manifest_parcels(db, m.id).await?,
        None => store::waiting_at(db, point.id, &run.carrier).await?,
    };
    Ok(view(point, run, date, closed, parcels))
}

fn view(
    point: &CollectionPoint,
    run: &Run,
    date: String,
    closed: Option<Manifest>,
    parcels: Vec<PointParcel>,
) -> ManifestView {
    ManifestView {
        point_id: point.id,
        run_id: run.id,
        date,
        carrier: run.carrier_name(),
        closed: closed.is_some(),
        handed_over_at: closed.map(|m| m.handed_over_at),
        parcel_count: parcels.len(),
        weight_g: parcels.iter().map(|p| p.weight_g).sum(),
        cod_vnd: parcels.iter().map(|p| p.cod_vnd).sum(),
        parcels,
    }
}

/// Hands the parcels waiting for a run to its carrier: the manifest closes with
/// them, and each parcel's journey says so. The carrier's pick-up notification
/// then moves them on as for any parcel.
pub async fn hand_over(
    db: &Db,
    point: &CollectionPoint,
    run: &Run,
    date: time::Date,
    user_id: i64,
) -> AppResult<ManifestView> {
    let date = date.to_string();
    let waiting = store::waiting_at(db, point.id, &run.carrier).await?;
    if waiting.is_empty() {
        return Err(AppError::conflict("run", messages::NO_PARCEL_WAITS_FOR_THIS_RUN));
    }
    let mut tx = db.begin_write().await?;
    let Some(manifest) = store::insert_manifest(&mut tx, run.id, &date, user_id).await? else {
        return Err(AppError::conflict("date", Message::from(messages::RUN_HANDED_OVER_ALREADY).with("date", &date)));
    };
    let note = format!("{} → {} ({date})", point.name, run.carrier_name());
    let mut taken = Vec::new();
    for parcel in waiting {
        if store::set_manifest(&mut tx, parcel.shipment_id, manifest.id).await? {
            let event = ShipmentEvent {
                status: ShipmentStatus::AtCollectionPoint,
                raw_status: "collection_handed_over".into(),
                at: db::now(),
                note: note.clone(),
            };
            shipments::insert_event(&mut tx, parcel.shipment_id, &event).await?;
            taken.push(parcel);
        }
    }
    tx.commit().await.map_err(anyhow::Error::new)?;
    tracing::info!(point.id = point.id, run.id = run.id, parcels = taken.len(), "run {} of {date} handed over", run.id);
    let parcels = store::manifest_parcels(db, manifest.id).await?;
    Ok(view(point, run, date, Some(manifest), parcels))
}
