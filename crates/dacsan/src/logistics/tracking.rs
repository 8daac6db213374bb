//! Parcels followed by asking: VNPost sends no notifications, any carrier's
//! notification can get lost, and a producer's own account notifies only if the
//! producer registered dacsan's notification URL with the carrier. A recurring job asks the carriers' tracking APIs
//! about parcels on their way that have been quiet too long, and takes in the
//! steps newer than what the parcel shows as if they had been notified.

use std::sync::Arc;
use std::time::Duration;

use super::model::Shipment;
use super::service::Logistics;
use super::store;
use crate::db::{self, Db};
use crate::jobs::{Handlers, JobError};

pub const POLL_JOB: &str = "shipping.poll";
const POLL_EVERY: Duration = Duration::from_secs(15 * 60);
/// Quiet this long, a parcel is asked about: a carrier that notifies is asked
/// rarely, one that does not, every hour.
const QUIET_NOTIFYING: Duration = Duration::from_secs(6 * 3600);
const QUIET_SILENT: Duration = Duration::from_secs(3600);
/// Parcels asked about in one run; the rest wait for the next.
const PER_RUN: i64 = 200;

/// Carriers that send no status notifications.
fn notifies(carrier: &str) -> bool {
    carrier != "vnpost"
}

pub fn register(handlers: &mut Handlers, db: &Db, logistics: &Arc<Logistics>) {
    let (db, logistics) = (db.clone(), logistics.clone());
    handlers.every(POLL_JOB, POLL_EVERY, move |_| {
        let (db, logistics) = (db.clone(), logistics.clone());
        async move { poll(&db, &logistics).await.map(|_| ()) }
    });
}

/// Asks about every quiet parcel; returns how many steps were taken in.
pub async fn poll(db: &Db, logistics: &Logistics) -> Result<usize, JobError> {
    let now = time::OffsetDateTime::now_utc();
    let mut taken = 0;
    for carrier in logistics.reachable() {
        let quiet = if notifies(carrier) { QUIET_NOTIFYING } else { QUIET_SILENT };
        let before = db::time_text(now - quiet);
        for shipment in store::quiet_shipments(db, carrier, &before, PER_RUN).await? {
            taken += ask(db, logistics, &shipment).await?;
        }
    }
    Ok(taken)
}

/// Asks the carrier about one parcel. A carrier that does not answer is asked
/// again at the next run; the parcel is marked asked either way.
async fn ask(db: &Db, logistics: &Logistics, shipment: &Shipment) -> Result<usize, JobError> {
    let client = logistics.shipment_client(db, shipment).await?.ok();
    let (Some(client), Some(waybill)) = (client, shipment.tracking_code.as_deref()) else {
        // No account to ask with (the platform's token or the producer's account
        // is gone): marked asked, so the parcels after it get their turn.
        store::mark_asked(db, shipment.id).await?;
        return Ok(0);
    };
    let steps = match client.track(waybill).await {
        Ok(steps) => steps,
        Err(err) => {
            tracing::warn!(shipment = %shipment.code, error = %err, "tracking {} failed", shipment.code);
            store::mark_asked(db, shipment.id).await?;
            return Ok(0);
        }
    };
    // Compared as stored: to the second, in UTC.
    let known = shipment.last_event_at.as_deref().unwrap_or("");
    let mut fresh: Vec<_> = steps.into_iter().filter(|s| db::time_text(s.at).as_str() > known).collect();
    fresh.sort_by_key(|s| s.at);
    let count = fresh.len();
    for step in fresh {
        let note = carriers::Notification {
            carrier: client.carrier(),
            dedupe_key: format!(
                "{}:{waybill}:{}:{}",
                client.carrier().as_str(),
                step.raw_status,
                db::time_text(step.at)
            ),
            waybill: waybill.to_string(),
            client_code: Some(shipment.code.clone()),
            raw_status: step.raw_status,
            stage: step.stage,
            at: step.at,
            reason: step.note,
            cod_vnd: None,
        };
        logistics.intake.take_polled(note).await?;
    }
    store::mark_asked(db, shipment.id).await?;
    Ok(count)
}
