//! All SQL of delivery: rate cards, producers' delivery terms, shipments with
//! their journey, and carriers' notifications as received.

use std::collections::HashSet;

use anyhow::Context;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::model::{
    BookingAccount, OTHER_CARRIER, OWN_DELIVERY, Shipment, ShipmentEvent, ShipmentStatus, StoredNotification,
};
use super::options::DeliveryTerms;
use super::rates::RateCard;
use crate::db::{self, Db};
use crate::error::Message;

pub type Tx = Transaction<'static, Any>;

/// The newest version of each carrier service's card.
pub async fn current_cards(db: &Db) -> anyhow::Result<Vec<RateCard>> {
    let rows = sqlx::query(
        "SELECT card FROM rate_cards r
         WHERE id = (SELECT MAX(id) FROM rate_cards n WHERE n.carrier = r.carrier AND n.service = r.service)
         ORDER BY carrier, service",
    )
    .fetch_all(&db.pool)
    .await
    .context("list rate cards")?;
    let mut cards = Vec::new();
    for row in rows {
        let text: String = row.try_get("card")?;
        cards.push(serde_json::from_str(&text).context("read a stored rate card")?);
    }
    Ok(cards)
}

pub async fn count_cards(db: &Db) -> anyhow::Result<i64> {
    Ok(sqlx::query("SELECT COUNT(*) AS n FROM rate_cards").fetch_one(&db.pool).await?.try_get("n")?)
}

/// Adds a card version; the earlier ones stay as the record of past prices.
pub async fn insert_card(db: &Db, card: &RateCard, user_id: Option<i64>) -> anyhow::Result<i64> {
    let row = sqlx::query(
        "INSERT INTO rate_cards (carrier, service, card, is_sample, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(&card.carrier)
    .bind(&card.service)
    .bind(serde_json::to_string(card)?)
    .bind(i64::from(card.sample))
    .bind(user_id)
    .bind(db::now())
    .fetch_one(&db.pool)
    .await
    .with_context(|| format!("insert the rate card {}:{}", card.carrier, card.service))?;
    Ok(row.try_get("id")?)
}

pub async fn delivery_terms(db: &Db, producer_id: i64) -> anyhow::Result<DeliveryTerms> {
    let row = sqlx::query(
        "SELECT pickup, own_fee_vnd, own_area, own_eta_days_min, own_eta_days_max, collection_point_id
         FROM producer_delivery WHERE producer_id = $1",
    )
    .bind(producer_id)
    .fetch_optional(&db.pool)
    .await
    .context("read delivery terms")?;
    let Some(r) = row else { return Ok(DeliveryTerms::default()) };
    Ok(DeliveryTerms {
        pickup: r.try_get::<i64, _>("pickup")? == 1,
        own_fee_vnd: r.try_get("own_fee_vnd")?,
        own_area: r.try_get("own_area")?,
        own_eta_days_min: r.try_get("own_eta_days_min")?,
        own_eta_days_max: r.try_get("own_eta_days_max")?,
        collection_point_id: r.try_get("collection_point_id")?,
    })
}

pub async fn save_delivery_terms(db: &Db, producer_id: i64, terms: &DeliveryTerms) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO producer_delivery (producer_id, pickup, own_fee_vnd, own_area, own_eta_days_min, own_eta_days_max,
           collection_point_id, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (producer_id) DO UPDATE SET pickup = excluded.pickup, own_fee_vnd = excluded.own_fee_vnd,
           own_area = excluded.own_area, own_eta_days_min = excluded.own_eta_days_min,
           own_eta_days_max = excluded.own_eta_days_max, collection_point_id = excluded.collection_point_id,
           updated_at = excluded.updated_at",
    )
    .bind(producer_id)
    .bind(i64::from(terms.pickup))
    .bind(terms.own_fee_vnd)
    .bind(&terms.own_area)
    .bind(terms.own_eta_days_min)
    .bind(terms.own_eta_days_max)
    .bind(terms.collection_point_id)
    .bind(db::now())
    .execute(&db.pool)
    .await
    .context("save delivery terms")?;
    Ok(())
}

const SHIPMENT_COLUMNS: &str =
    "id, order_id, code, carrier, service, tracking_code, status, weight_g, length_cm, width_cm,
    height_cm, cod_vnd, fee_vnd, label_url, last_event_at, error, account, sscc, created_at, updated_at";

fn shipment_from_row(r: &AnyRow) -> anyhow::Result<Shipment> {
    Ok(Shipment {
        id: r.try_get("id")?,
        order_id: r.try_get("order_id")?,
        code: r.try_get("code")?,
        carrier: r.try_get("carrier")?,
        service: r.try_get("service")?,
        tracking_code: r.try_get("tracking_code")?,
        status: db::known(r, "status")?,
        weight_g: r.try_get("weight_g")?,
        length_cm: r.try_get("length_cm")?,
        width_cm: r.try_get("width_cm")?,
        height_cm: r.try_get("height_cm")?,
        cod_vnd: r.try_get("cod_vnd")?,
        fee_vnd: r.try_get("fee_vnd")?,
        label_url: r.try_get("label_url")?,
        last_event_at: r.try_get("last_event_at")?,
        error: r.try_get("error")?,
        account: db::known(r, "account")?,
        sscc: r
            .try_get::<Option<String>, _>("sscc")?
            .map(|text| gs1::Sscc::parse(&text).with_context(|| format!("the stored SSCC «{text}» is not one")))
            .transpose()?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
    })
}

pub struct NewShipment<'a> {
    pub order_id: i64,
    pub code: &'a str,
    pub carrier: &'a str,
    pub service: &'a str,
    pub tracking_code: Option<&'a str>,
    pub status: ShipmentStatus,
    pub weight_g: i64,
    pub dims: Option<(i64, i64, i64)>,
    pub cod_vnd: i64,
    pub account: BookingAccount,
    pub created_by: Option<i64>,
}

/// Inserts a shipment; `None` when its code is taken (the caller draws another).
pub async fn insert_shipment(tx: &mut Tx, s: &NewShipment<'_>) -> anyhow::Result<Option<Shipment>> {
    let now = db::now();
    let result = sqlx::query(&format!(
        "INSERT INTO shipments (order_id, code, carrier, service, tracking_code, status, weight_g, length_cm, width_cm,
           height_cm, cod_vnd, account, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING {SHIPMENT_COLUMNS}"
    ))
    .bind(s.order_id)
    .bind(s.code)
    .bind(s.carrier)
    .bind(s.service)
    .bind(s.tracking_code)
    .bind(s.status.as_str())
    .bind(s.weight_g)
    .bind(s.dims.map(|d| d.0))
    .bind(s.dims.map(|d| d.1))
    .bind(s.dims.map(|d| d.2))
    .bind(s.cod_vnd)
    .bind(s.account.as_str())
    .bind(s.created_by)
    .bind(&now)
    .fetch_one(&mut **tx)
    .await;
    match result {
        Ok(row) => Ok(Some(shipment_from_row(&row)?)),
        Err(e) if db::breaks_unique(&e, "shipments_waybill") => Ok(None),
        Err(e) => Err(anyhow::Error::new(e).context("insert a shipment")),
    }
}

pub async fn find_shipment(db: &Db, id: i64) -> anyhow::Result<Option<Shipment>> {
    let row = sqlx::query(&format!("SELECT {SHIPMENT_COLUMNS} FROM shipments WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .context("find a shipment")?;
    row.as_ref().map(shipment_from_row).transpose()
}

pub async fn shipments_of(db: &Db, order_id: i64) -> anyhow::Result<Vec<Shipment>> {
    let rows = sqlx::query(&format!("SELECT {SHIPMENT_COLUMNS} FROM shipments WHERE order_id = $1 ORDER BY id"))
        .bind(order_id)
        .fetch_all(&db.pool)
        .await
        .context("list an order's shipments")?;
    rows.iter().map(shipment_from_row).collect()
}

/// The parcel whose label carries `sscc`.
pub async fn find_by_sscc(db: &Db, sscc: &gs1::Sscc) -> anyhow::Result<Option<Shipment>> {
    let row = sqlx::query(&format!("SELECT {SHIPMENT_COLUMNS} FROM shipments WHERE sscc = $1"))
        .bind(sscc.as_str())
        .fetch_optional(&db.pool)
        .await
        .with_context(|| format!("find the parcel of SSCC {sscc}"))?;
    row.as_ref().map(shipment_from_row).transpose()
}

/// The next number never given under `prefix` (1 for the first): one statement
/// that both databases run atomically, so that two servers never give one twice.
pub async fn next_sscc_number(tx: &mut Tx, prefix: &gs1::CompanyPrefix) -> anyhow::Result<i64> {
    let row = sqlx::query(
        "INSERT INTO gs1_serial_references (company_prefix, last_number) VALUES ($1, 1)
         ON CONFLICT (company_prefix) DO UPDATE SET last_number = gs1_serial_references.last_number + 1
         RETURNING last_number",
    )
    .bind(prefix.as_str())
    .fetch_one(&mut **tx)
    .await
    .with_context(|| format!("number an SSCC under {prefix}"))?;
    Ok(row.try_get("last_number")?)
}

/// Gives a parcel its SSCC unless it has one; `false` when it had.
pub async fn set_sscc(tx: &mut Tx, id: i64, sscc: &gs1::Sscc) -> anyhow::Result<bool> {
    let done = sqlx::query("UPDATE shipments SET sscc = $1, updated_at = $2 WHERE id = $3 AND sscc IS NULL")
        .bind(sscc.as_str())
        .bind(db::now())
        .bind(id)
        .execute(&mut **tx)
        .await
        .with_context(|| format!("give shipment {id} the SSCC {sscc}"))?;
    Ok(done.rows_affected() > 0)
}

/// Of these orders, those with a parcel that dacsan labels itself (own delivery,
/// another carrier, or a producer that drops parcels at a collection point) and is
/// not cancelled: `(order id, the first such parcel's id)`.
pub async fn orders_with_own_labels(db: &Db, order_ids: &[i64]) -> anyhow::Result<Vec<(i64, i64)>> {
    if order_ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=order_ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT s.order_id, MIN(s.id) AS shipment_id FROM shipments s
         JOIN orders o ON o.id = s.order_id
         LEFT JOIN producer_delivery pd ON pd.producer_id = o.producer_id
         WHERE s.order_id IN ({}) AND s.status <> 'cancelled'
           AND (s.carrier IN ('{OWN_DELIVERY}', '{OTHER_CARRIER}') OR pd.collection_point_id IS NOT NULL)
         GROUP BY s.order_id",
        placeholders.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for id in order_ids {
        query = query.bind(id);
    }
    let rows = query.fetch_all(&db.pool).await.context("find orders with dacsan's parcel labels")?;
    rows.iter().map(|r| Ok((r.try_get("order_id")?, r.try_get("shipment_id")?))).collect()
}

pub async fn count_shipments_in(tx: &mut Tx, order_id: i64) -> anyhow::Result<i64> {
    Ok(sqlx::query("SELECT COUNT(*) AS n FROM shipments WHERE order_id = $1")
        .bind(order_id)
        .fetch_one(&mut **tx)
        .await?
        .try_get("n")?)
}

/// Cash on delivery already riding on the order's parcels that are not cancelled.
pub async fn cod_on_live_parcels(tx: &mut Tx, order_id: i64) -> anyhow::Result<i64> {
    Ok(sqlx::query(
        "SELECT CAST(COALESCE(SUM(cod_vnd), 0) AS BIGINT) AS cod FROM shipments WHERE order_id = $1 AND status <> 'cancelled'",
    )
    .bind(order_id)
    .fetch_one(&mut **tx)
    .await?
    .try_get("cod")?)
}

/// Records the carrier's answer to a booking.
pub async fn set_booked(tx: &mut Tx, id: i64, tracking_code: &str, fee_vnd: Option<i64>) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE shipments SET tracking_code = $1, fee_vnd = $2, status = 'booked', error = NULL, updated_at = $3 WHERE id = $4",
    )
    .bind(tracking_code)
    .bind(fee_vnd)
    .bind(db::now())
    .bind(id)
    .execute(&mut **tx)
    .await
    .context("record a booking")?;
    Ok(())
}

/// Records a waybill a carrier's notification brought before its booking answer.
pub async fn set_waybill_in(tx: &mut Tx, id: i64, waybill: &str) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE shipments SET tracking_code = $1, status = CASE WHEN status = 'booking' THEN 'booked' ELSE status END,
         error = NULL, updated_at = $2 WHERE id = $3",
    )
    .bind(waybill)
    .bind(db::now())
    .bind(id)
    .execute(&mut **tx)
    .await
    .context("record a notified waybill")?;
    Ok(())
}

/// Notes why a booking did not go through, in words for the seller (kept in
/// both languages: [`Message::to_stored`]).
pub async fn set_error<'c, E>(conn: E, id: i64, status: ShipmentStatus, error: &Message) -> anyhow::Result<()>
where
    E: sqlx::Executor<'c, Database = Any>,
{
    sqlx::query("UPDATE shipments SET status = $1, error = $2, updated_at = $3 WHERE id = $4")
        .bind(status.as_str())
        .bind(error.to_stored())
        .bind(db::now())
        .bind(id)
        .execute(conn)
        .await
        .context("record a booking error")?;
    Ok(())
}

/// A carrier's parcels on their way that nothing was heard of since `before`,
/// the quietest first.
pub async fn quiet_shipments(db: &Db, carrier: &str, before: &str, limit: i64) -> anyhow::Result<Vec<Shipment>> {
    let rows = sqlx::query(&format!(
        "SELECT {SHIPMENT_COLUMNS} FROM shipments
         WHERE carrier = $1 AND tracking_code IS NOT NULL AND updated_at < $2
           AND status IN ('booked', 'at_collection_point', 'picked_up', 'in_transit', 'out_for_delivery',
                          'delivery_failed', 'returning')
         ORDER BY updated_at LIMIT $3"
    ))
    .bind(carrier)
    .bind(before)
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .context("list quiet shipments")?;
    rows.iter().map(shipment_from_row).collect()
}

/// Notes that the carrier was just asked about a parcel.
pub async fn mark_asked(db: &Db, id: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE shipments SET updated_at = $1 WHERE id = $2")
        .bind(db::now())
        .bind(id)
        .execute(&db.pool)
        .await
        .context("mark a shipment asked about")?;
    Ok(())
}

/// Moves a shipment to `status` as of `at`.
pub async fn set_status(tx: &mut Tx, id: i64, status: ShipmentStatus, at: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE shipments SET status = $1, last_event_at = $2, updated_at = $3 WHERE id = $4")
        .bind(status.as_str())
        .bind(at)
        .bind(db::now())
        .bind(id)
        .execute(&mut **tx)
        .await
        .context("move a shipment")?;
    Ok(())
}

pub async fn insert_event(tx: &mut Tx, shipment_id: i64, event: &ShipmentEvent) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO shipment_events (shipment_id, status, raw_status, at, note, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(shipment_id)
    .bind(event.status.as_str())
    .bind(&event.raw_status)
    .bind(&event.at)
    .bind(&event.note)
    .bind(db::now())
    .execute(&mut **tx)
    .await
    .context("record a shipment event")?;
    Ok(())
}

/// A shipment's journey, oldest first.
pub async fn events_of(db: &Db, shipment_id: i64) -> anyhow::Result<Vec<ShipmentEvent>> {
    let rows =
        sqlx::query("SELECT status, raw_status, at, note FROM shipment_events WHERE shipment_id = $1 ORDER BY at, id")
            .bind(shipment_id)
            .fetch_all(&db.pool)
            .await
            .context("list a shipment's events")?;
    rows.iter()
        .map(|r| {
            Ok(ShipmentEvent {
                status: db::known(r, "status")?,
                raw_status: r.try_get("raw_status")?,
                at: r.try_get("at")?,
                note: r.try_get("note")?,
            })
        })
        .collect()
}

pub struct NewNotification<'a> {
    pub carrier: &'a str,
    pub dedupe_key: &'a str,
    pub content_type: &'a str,
    pub body: &'a str,
    pub waybill: Option<&'a str>,
    pub shipment_id: Option<i64>,
    pub outcome: &'a str,
    pub error: Option<&'a str>,
}

/// Which of these dedupe keys were stored before.
pub async fn notifications_seen(tx: &mut Tx, dedupe_keys: &[&str]) -> anyhow::Result<HashSet<String>> {
    let mut seen = HashSet::new();
    for chunk in dedupe_keys.chunks(NOTIFICATION_CHUNK) {
        let sql = format!(
            "SELECT dedupe_key FROM carrier_notifications WHERE dedupe_key IN ({})",
            db::placeholders(1, chunk.len())
        );
        let mut query = sqlx::query_scalar::<_, String>(&sql);
        for key in chunk {
            query = query.bind(*key);
        }
        seen.extend(query.fetch_all(&mut **tx).await.context("look for stored notifications")?);
    }
    Ok(seen)
}

/// Keys, waybills or codes asked of the database at a time.
const NOTIFICATION_CHUNK: usize = 500;

/// The shipments that notifications from `carrier` may name, by waybill or by
/// our code (the carrier's client order code).
pub async fn shipments_named(tx: &mut Tx, carrier: &str, waybills_and_codes: &[&str]) -> anyhow::Result<Vec<Shipment>> {
    let mut found = Vec::new();
    for chunk in waybills_and_codes.chunks(NOTIFICATION_CHUNK) {
        let names = db::placeholders(2, chunk.len());
        let sql = format!(
            "SELECT {SHIPMENT_COLUMNS} FROM shipments
             WHERE carrier = $1 AND (tracking_code IN ({names}) OR code IN ({names})) ORDER BY id"
        );
        let mut query = sqlx::query(&sql).bind(carrier);
        for name in chunk {
            query = query.bind(*name);
        }
        let rows = query.fetch_all(&mut **tx).await.context("find the notified shipments")?;
        for row in &rows {
            found.push(shipment_from_row(row)?);
        }
    }
    Ok(found)
}

/// A parcel's steps, many in one statement.
pub async fn insert_events(tx: &mut Tx, events: &[(i64, ShipmentEvent)]) -> anyhow::Result<()> {
    let now = db::now();
    for chunk in events.chunks(NOTIFICATION_CHUNK) {
        let sql = format!(
            "INSERT INTO shipment_events (shipment_id, status, raw_status, at, note, created_at) VALUES {}",
            db::value_rows(chunk.len(), 6)
        );
        let mut query = sqlx::query(&sql);
        for (shipment_id, event) in chunk {
            query = query
                .bind(*shipment_id)
                .bind(event.status.as_str())
                .bind(&event.raw_status)
                .bind(&event.at)
                .bind(&event.note)
                .bind(&now);
        }
        query.execute(&mut **tx).await.context("record shipment events")?;
    }
    Ok(())
}

/// Stores notifications as received, many in one statement; returns how many
/// were stored (fewer when another server stored some of them meanwhile).
pub async fn insert_notifications(tx: &mut Tx, rows: &[NewNotification<'_>]) -> anyhow::Result<usize> {
    let now = db::now();
    let mut stored = 0;
    for chunk in rows.chunks(NOTIFICATION_CHUNK) {
        let sql = format!(
            "INSERT INTO carrier_notifications (carrier, dedupe_key, content_type, body, waybill, shipment_id, outcome, error, received_at)
             VALUES {} ON CONFLICT (dedupe_key) DO NOTHING",
            db::value_rows(chunk.len(), 9)
        );
        let mut query = sqlx::query(&sql);
        for n in chunk {
            query = query
                .bind(n.carrier)
                .bind(n.dedupe_key)
                .bind(n.content_type)
                .bind(n.body)
                .bind(n.waybill)
                .bind(n.shipment_id)
                .bind(n.outcome)
                .bind(n.error)
                .bind(&now);
        }
        stored += query.execute(&mut **tx).await.context("store carrier notifications")?.rows_affected() as usize;
    }
    Ok(stored)
}

/// Notifications waiting for an admin: unknown waybills and bodies that did not parse.
pub async fn notifications_needing_review(db: &Db, limit: i64) -> anyhow::Result<Vec<StoredNotification>> {
    let rows = sqlx::query(
        "SELECT id, carrier, waybill, outcome, error, received_at FROM carrier_notifications
         WHERE outcome IN ('unknown_waybill', 'malformed') ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .context("list notifications needing review")?;
    rows.iter()
        .map(|r| {
            Ok(StoredNotification {
                id: r.try_get("id")?,
                carrier: r.try_get("carrier")?,
                waybill: r.try_get("waybill")?,
                outcome: r.try_get("outcome")?,
                error: r.try_get("error")?,
                received_at: r.try_get("received_at")?,
            })
        })
        .collect()
}
