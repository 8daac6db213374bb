//! All SQL of the trade board: business profiles, requests and the producers they
//! were put in front of, quotes and their revisions, threads, supply offers and
//! what buyers follow.

use anyhow::Context;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::model::{Tier, ValidBusiness, ValidOffer, ValidQuote, ValidRfq};
use crate::db::{self, Db};

pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Business {
    pub user_id: i64,
    pub name: String,
    pub tax_code: String,
    pub address: String,
    pub contact_phone: String,
}

pub async fn save_business(db: &Db, user_id: i64, b: &ValidBusiness) -> anyhow::Result<()> {
    let now = db::now();
    sqlx::query(
        "INSERT INTO business_profiles (user_id, name, tax_code, address, contact_phone, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, tax_code = excluded.tax_code,
         address = excluded.address, contact_phone = excluded.contact_phone, updated_at = excluded.updated_at",
    )
    .bind(user_id)
    .bind(&b.name)
    .bind(&b.tax_code)
    .bind(&b.address)
    .bind(&b.contact_phone)
    .bind(&now)
    .execute(&db.pool)
    .await
    .context("save business profile")?;
    Ok(())
}

pub async fn business(db: &Db, user_id: i64) -> anyhow::Result<Option<Business>> {
    let row =
        sqlx::query("SELECT user_id, name, tax_code, address, contact_phone FROM business_profiles WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(&db.pool)
            .await
            .context("read business profile")?;
    row.map(|r| {
        Ok(Business {
            user_id: r.try_get("user_id")?,
            name: r.try_get("name")?,
            tax_code: r.try_get("tax_code")?,
            address: r.try_get("address")?,
            contact_phone: r.try_get("contact_phone")?,
        })
    })
    .transpose()
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Rfq {
    pub id: i64,
    #[serde(skip)]
    pub buyer_user_id: i64,
    pub title: String,
    pub set_code: String,
    pub description: String,
    pub quantity: i64,
    pub unit: String,
    pub target_price_vnd: Option<i64>,
    pub deliver_province_code: String,
    pub deliver_commune_code: Option<String>,
    pub from_province_code: Option<String>,
    pub needed_by: String,
    pub min_ocop_stars: i64,
    pub requirements: Vec<String>,
    pub export_country: Option<String>,
    pub export_incoterm: Option<String>,
    pub offer_id: Option<i64>,
    /// `open`, `awarded` (a quote was accepted) or `closed`.
    pub status: String,
    pub created_at: String,
    /// The fair where an officer met the business this request is for.
    pub fair_id: Option<i64>,
    /// That business (name, phone, tax code), shown to the parties, not the public.
    #[serde(skip)]
    pub lead: Option<(String, String, Option<String>)>,
    /// When the business claimed it (it is then the business's own request).
    pub claimed_at: Option<String>,
}

impl Rfq {
    /// Entered by an officer for a fair's lead, not yet claimed by the business.
    pub fn is_unclaimed_lead(&self) -> bool {
        self.lead.is_some() && self.claimed_at.is_none()
    }
}

const RFQ_COLUMNS: &str = "id, buyer_user_id, title, set_code, description, quantity, unit, target_price_vnd,
    deliver_province_code, deliver_commune_code, from_province_code, needed_by, min_ocop_stars, requirements,
    export_country, export_incoterm, offer_id, status, created_at, fair_id, lead_name, lead_phone, lead_tax_code,
    claimed_at";

fn rfq_from_row(r: &AnyRow) -> anyhow::Result<Rfq> {
    let requirements: String = r.try_get("requirements")?;
    Ok(Rfq {
        id: r.try_get("id")?,
        buyer_user_id: r.try_get("buyer_user_id")?,
        title: r.try_get("title")?,
        set_code: r.try_get("set_code")?,
        description: r.try_get("description")?,
        quantity: r.try_get("quantity")?,
        unit: r.try_get("unit")?,
        target_price_vnd: r.try_get("target_price_vnd")?,
        deliver_province_code: r.try_get("deliver_province_code")?,
        deliver_commune_code: r.try_get("deliver_commune_code")?,
        from_province_code: r.try_get("from_province_code")?,
        needed_by: r.try_get("needed_by")?,
        min_ocop_stars: r.try_get("min_ocop_stars")?,
        requirements: requirements.split(',').filter(|w| !w.is_empty()).map(str::to_string).collect(),
        export_country: r.try_get("export_country")?,
        export_incoterm: r.try_get("export_incoterm")?,
        offer_id: r.try_get("offer_id")?,
        status: r.try_get("status")?,
        created_at: r.try_get("created_at")?,
        fair_id: r.try_get("fair_id")?,
        lead: match (r.try_get::<Option<String>, _>("lead_name")?, r.try_get::<Option<String>, _>("lead_phone")?) {
            (Some(name), Some(phone)) => Some((name, phone, r.try_get("lead_tax_code")?)),
            _ => None,
        },
        claimed_at: r.try_get("claimed_at")?,
    })
}

pub async fn insert_rfq(tx: &mut Tx, buyer_user_id: i64, rfq: &ValidRfq) -> anyhow::Result<i64> {
    let now = db::now();
    let requirements: Vec<&str> = rfq.requirements.iter().map(|r| r.code()).collect();
    let row = sqlx::query(
        "INSERT INTO rfqs (buyer_user_id, title, set_code, description, quantity, unit, target_price_vnd,
         deliver_province_code, deliver_commune_code, from_province_code, needed_by, min_ocop_stars, requirements,
         export_country, export_incoterm, offer_id, status, created_at, updated_at, fair_id, lead_name, lead_phone,
         lead_tax_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'open', $17, $17, $18, $19, $20,
         $21) RETURNING id",
    )
    .bind(buyer_user_id)
    .bind(&rfq.title)
    .bind(&rfq.set_code)
    .bind(&rfq.description)
    .bind(rfq.quantity)
    .bind(&rfq.unit)
    .bind(rfq.target_price_vnd)
    .bind(&rfq.deliver_province_code)
    .bind(rfq.deliver_commune_code.as_deref())
    .bind(rfq.from_province_code.as_deref())
    .bind(rfq.needed_by.to_string())
    .bind(rfq.min_ocop_stars)
    .bind(requirements.join(","))
    .bind(rfq.export.as_ref().map(|(country, _)| country.as_str()))
    .bind(rfq.export.as_ref().map(|(_, term)| term.code()))
    .bind(rfq.offer_id)
    .bind(&now)
    .bind(rfq.fair_lead.as_ref().map(|l| l.fair_id))
    .bind(rfq.fair_lead.as_ref().map(|l| l.name.as_str()))
    .bind(rfq.fair_lead.as_ref().map(|l| l.phone.as_str()))
    .bind(rfq.fair_lead.as_ref().and_then(|l| l.tax_code.as_deref()))
    .fetch_one(&mut **tx)
    .await
    .context("insert rfq")?;
    Ok(row.try_get(0)?)
}

/// The producers with an active product of `set_code` in stock (its OCOP
/// certificate valid today when stars are asked), or an open supply offer of it;
/// only those of `from_province` when the buyer limits it.
pub async fn producers_of_set(
    db: &Db,
    set_code: &str,
    min_stars: i64,
    from_province: Option<&str>,
) -> anyhow::Result<Vec<i64>> {
    let today = db::today_vn().to_string();
    let rows = sqlx::query(
        "SELECT DISTINCT p.producer_id FROM products p JOIN producers r ON r.id = p.producer_id
         WHERE p.set_code = $1 AND p.status = 'active' AND p.stock > 0 AND p.ocop_stars >= $2
           AND ($2 = 0 OR p.ocop_expires_on >= $3) AND ($4 = '' OR r.province_code = $4)
         UNION
         SELECT DISTINCT o.producer_id FROM supply_offers o
         WHERE o.status = 'open' AND o.set_code = $1 AND $2 = 0 AND ($4 = '' OR o.province_code = $4)",
    )
    .bind(set_code)
    .bind(min_stars)
    .bind(&today)
    .bind(from_province.unwrap_or(""))
    .fetch_all(&db.pool)
    .await
    .context("match producers to a request")?;
    rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
}

/// The producers of `product_ids` that meet the stars and the province.
pub async fn producers_of_products(
    db: &Db,
    product_ids: &[i64],
    min_stars: i64,
    from_province: Option<&str>,
) -> anyhow::Result<Vec<i64>> {
    if product_ids.is_empty() {
        return Ok(Vec::new());
    }
    let today = db::today_vn().to_string();
    let ids: Vec<String> = product_ids.iter().map(i64::to_string).collect();
    let sql = format!(
        "SELECT DISTINCT p.producer_id FROM products p JOIN producers r ON r.id = p.producer_id
         WHERE p.id IN ({}) AND p.status = 'active' AND p.ocop_stars >= $1 AND ($1 = 0 OR p.ocop_expires_on >= $2)
           AND ($3 = '' OR r.province_code = $3)",
        ids.join(",")
    );
    let rows = sqlx::query(&sql)
        .bind(min_stars)
        .bind(&today)
        .bind(from_province.unwrap_or(""))
        .fetch_all(&db.pool)
        .await
        .context("match producers of found products")?;
    rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
}

/// Puts a request in front of `producers` and tells each of them.
pub async fn insert_matches(
    tx: &mut Tx,
    rfq_id: i64,
    producers: &[i64],
    subject: &str,
    body: &str,
) -> anyhow::Result<()> {
    let now = db::now();
    // Each match keeps the producer's province and the request's set (the office's figures).
    for chunk in producers.chunks(400) {
        sqlx::query(&format!(
            "INSERT INTO rfq_matches (rfq_id, producer_id, province_code, set_code)
             SELECT r.id, p.id, p.province_code, r.set_code FROM rfqs r JOIN producers p ON p.id IN ({})
             WHERE r.id = $1",
            crate::producers::store::id_list(chunk)
        ))
        .bind(rfq_id)
        .execute(&mut **tx)
        .await
        .context("insert rfq matches")?;
    }
    sqlx::query(
        "INSERT INTO notifications (producer_id, subject, body, created_at)
         SELECT producer_id, $2, $3, $4 FROM rfq_matches WHERE rfq_id = $1",
    )
    .bind(rfq_id)
    .bind(subject)
    .bind(body)
    .bind(&now)
    .execute(&mut **tx)
    .await
    .context("tell matched producers")?;
    Ok(())
}

/// Was the request put before any of these producers?
pub async fn is_matched(db: &Db, rfq_id: i64, producer_ids: &[i64]) -> anyhow::Result<bool> {
    if producer_ids.is_empty() {
        return Ok(false);
    }
    let ids: Vec<String> = producer_ids.iter().map(i64::to_string).collect();
    let sql = format!("SELECT 1 FROM rfq_matches WHERE rfq_id = $1 AND producer_id IN ({}) LIMIT 1", ids.join(","));
    Ok(sqlx::query(&sql).bind(rfq_id).fetch_optional(&db.pool).await.context("read rfq matches")?.is_some())
}

pub async fn find_rfq(db: &Db, id: i64) -> anyhow::Result<Option<Rfq>> {
    let row = sqlx::query(&format!("SELECT {RFQ_COLUMNS} FROM rfqs WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .context("read rfq")?;
    row.as_ref().map(rfq_from_row).transpose()
}

pub async fn find_rfq_in(tx: &mut Tx, id: i64) -> anyhow::Result<Option<Rfq>> {
    let row = sqlx::query(&format!("SELECT {RFQ_COLUMNS} FROM rfqs WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
        .context("read rfq")?;
    row.as_ref().map(rfq_from_row).transpose()
}

/// Whose requests a list shows.
pub enum RfqScope<'a> {
    Buyer(i64),
    /// Those put in front of these producers.
    Producers(&'a [i64]),
    /// Open requests on the public board.
    Open,
    All,
}

pub async fn list_rfqs(db: &Db, scope: RfqScope<'_>, limit: i64) -> anyhow::Result<Vec<Rfq>> {
    let (filter, ids) = match scope {
        RfqScope::Buyer(user) => (format!("WHERE buyer_user_id = {user}"), None),
        RfqScope::Producers([]) => return Ok(Vec::new()),
        RfqScope::Producers(ids) => {
            let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
            (String::new(), Some(ids.join(",")))
        }
        RfqScope::Open => ("WHERE status = 'open'".to_string(), None),
        RfqScope::All => (String::new(), None),
    };
    let sql = match ids {
        Some(ids) => format!(
            "SELECT {RFQ_COLUMNS} FROM rfqs WHERE id IN
             (SELECT rfq_id FROM rfq_matches WHERE producer_id IN ({ids})
              UNION SELECT rfq_id FROM quotes WHERE producer_id IN ({ids}))
             ORDER BY id DESC LIMIT $1"
        ),
        None => format!("SELECT {RFQ_COLUMNS} FROM rfqs {filter} ORDER BY id DESC LIMIT $1"),
    };
    let rows = sqlx::query(&sql).bind(limit).fetch_all(&db.pool).await.context("list rfqs")?;
    rows.iter().map(rfq_from_row).collect()
}

/// Marks an open request awarded; `false` when another quote was accepted first.
pub async fn award_rfq(tx: &mut Tx, id: i64) -> anyhow::Result<bool> {
    let result = sqlx::query("UPDATE rfqs SET status = 'awarded', updated_at = $1 WHERE id = $2 AND status = 'open'")
        .bind(db::now())
        .bind(id)
        .execute(&mut **tx)
        .await
        .context("award rfq")?;
    Ok(result.rows_affected() == 1)
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Quote {
    pub id: i64,
    pub rfq_id: i64,
    pub producer_id: i64,
    pub product_id: i64,
    /// `open`, `accepted` or `withdrawn` (an open quote past its date is shown expired).
    pub status: String,
    pub revision: i64,
    pub order_id: Option<i64>,
    pub accepted_quantity: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

const QUOTE_COLUMNS: &str =
    "id, rfq_id, producer_id, product_id, status, revision, order_id, accepted_quantity, created_at, updated_at";

fn quote_from_row(r: &AnyRow) -> anyhow::Result<Quote> {
    Ok(Quote {
        id: r.try_get("id")?,
        rfq_id: r.try_get("rfq_id")?,
        producer_id: r.try_get("producer_id")?,
        product_id: r.try_get("product_id")?,
        status: r.try_get("status")?,
        revision: r.try_get("revision")?,
        order_id: r.try_get("order_id")?,
        accepted_quantity: r.try_get("accepted_quantity")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
    })
}

pub async fn find_quote(db: &Db, id: i64) -> anyhow::Result<Option<Quote>> {
    let row = sqlx::query(&format!("SELECT {QUOTE_COLUMNS} FROM quotes WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .context("read quote")?;
    row.as_ref().map(quote_from_row).transpose()
}

pub async fn find_quote_in(tx: &mut Tx, id: i64) -> anyhow::Result<Option<Quote>> {
    let row = sqlx::query(&format!("SELECT {QUOTE_COLUMNS} FROM quotes WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
        .context("read quote")?;
    row.as_ref().map(quote_from_row).transpose()
}

pub async fn quote_of_producer(tx: &mut Tx, rfq_id: i64, producer_id: i64) -> anyhow::Result<Option<Quote>> {
    let row = sqlx::query(&format!("SELECT {QUOTE_COLUMNS} FROM quotes WHERE rfq_id = $1 AND producer_id = $2"))
        .bind(rfq_id)
        .bind(producer_id)
        .fetch_optional(&mut **tx)
        .await
        .context("read producer's quote")?;
    row.as_ref().map(quote_from_row).transpose()
}

/// The quotes on a request, or only those of `producers`.
pub async fn quotes_of_rfq(db: &Db, rfq_id: i64, producers: Option<&[i64]>) -> anyhow::Result<Vec<Quote>> {
    let rows = sqlx::query(&format!("SELECT {QUOTE_COLUMNS} FROM quotes WHERE rfq_id = $1 ORDER BY id"))
        .bind(rfq_id)
        .fetch_all(&db.pool)
        .await
        .context("list quotes")?;
    let quotes = rows.iter().map(quote_from_row).collect::<anyhow::Result<Vec<_>>>()?;
    Ok(quotes.into_iter().filter(|q| producers.is_none_or(|ids| ids.contains(&q.producer_id))).collect())
}

/// Inserts a quote at revision 1; `None` when the producer quoted meanwhile.
pub async fn insert_quote(tx: &mut Tx, rfq_id: i64, producer_id: i64, product_id: i64) -> anyhow::Result<Option<i64>> {
    let now = db::now();
    // The quote keeps the producer's province and the request's set (the office's figures).
    let result = sqlx::query(
        "INSERT INTO quotes (rfq_id, producer_id, product_id, status, revision, created_at, updated_at,
                             province_code, set_code)
         SELECT r.id, p.id, $3, 'open', 1, $4, $4, p.province_code, r.set_code
         FROM rfqs r JOIN producers p ON p.id = $2 WHERE r.id = $1 RETURNING id",
    )
    .bind(rfq_id)
    .bind(producer_id)
    .bind(product_id)
    .bind(&now)
    .fetch_one(&mut **tx)
    .await;
    match result {
        Ok(row) => Ok(Some(row.try_get(0)?)),
        Err(e) if db::breaks_unique(&e, "quotes_rfq_id_producer_id_key") => Ok(None),
        Err(e) => Err(e).context("insert quote"),
    }
}

/// Moves a quote to its next revision; `false` when it changed meanwhile.
pub async fn bump_revision(tx: &mut Tx, quote: &Quote, product_id: i64) -> anyhow::Result<bool> {
    let result = sqlx::query(
        "UPDATE quotes SET revision = revision + 1, product_id = $1, updated_at = $2
         WHERE id = $3 AND revision = $4 AND status = 'open'",
    )
    .bind(product_id)
    .bind(db::now())
    .bind(quote.id)
    .bind(quote.revision)
    .execute(&mut **tx)
    .await
    .context("revise quote")?;
    Ok(result.rows_affected() == 1)
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Revision {
    pub revision: i64,
    pub tiers: Vec<Tier>,
    pub moq: i64,
    pub pack_size: String,
    pub lead_days: i64,
    /// `YYYY-MM-DD`.
    pub valid_until: String,
    pub deposit_pct: i64,
    pub delivery_vnd: i64,
    /// Set when delivery is left to the carriers' prices: what one unit of the
    /// request weighs, in grams.
    pub carrier_unit_weight_g: Option<i64>,
    pub sample_price_vnd: Option<i64>,
    pub incoterm: Option<String>,
    pub port: String,
    pub notes: String,
    pub created_at: String,
}

const REVISION_COLUMNS: &str = "revision, tiers, moq, pack_size, lead_days, valid_until, deposit_pct, delivery_vnd,
    carrier_unit_weight_g, sample_price_vnd, incoterm, port, notes, created_at";

fn revision_from_row(r: &AnyRow) -> anyhow::Result<Revision> {
    let tiers: String = r.try_get("tiers")?;
    Ok(Revision {
        revision: r.try_get("revision")?,
        tiers: serde_json::from_str(&tiers).context("read quote tiers")?,
        moq: r.try_get("moq")?,
        pack_size: r.try_get("pack_size")?,
        lead_days: r.try_get("lead_days")?,
        valid_until: r.try_get("valid_until")?,
        deposit_pct: r.try_get("deposit_pct")?,
        delivery_vnd: r.try_get("delivery_vnd")?,
        carrier_unit_weight_g: r.try_get("carrier_unit_weight_g")?,
        sample_price_vnd: r.try_get("sample_price_vnd")?,
        incoterm: r.try_get("incoterm")?,
        port: r.try_get("port")?,
        notes: r.try_get("notes")?,
        created_at: r.try_get("created_at")?,
    })
}

pub async fn insert_revision(tx: &mut Tx, quote_id: i64, revision: i64, q: &ValidQuote, by: i64) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO quote_revisions (quote_id, revision, tiers, moq, pack_size, lead_days, valid_until, deposit_pct,
         delivery_vnd, sample_price_vnd, incoterm, port, notes, created_by, created_at, carrier_unit_weight_g)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(quote_id)
    .bind(revision)
    .bind(serde_json::to_string(&q.tiers)?)
    .bind(q.moq)
    .bind(&q.pack_size)
    .bind(q.lead_days)
    .bind(q.valid_until.to_string())
    .bind(q.deposit_pct)
    .bind(q.delivery_vnd)
    .bind(q.sample_price_vnd)
    .bind(q.incoterm.map(|t| t.code()))
    .bind(&q.port)
    .bind(&q.notes)
    .bind(by)
    .bind(db::now())
    .bind(q.carrier_unit_weight_g)
    .execute(&mut **tx)
    .await
    .context("insert quote revision")?;
    Ok(())
}

pub async fn revision_in(tx: &mut Tx, quote_id: i64, revision: i64) -> anyhow::Result<Option<Revision>> {
    let row =
        sqlx::query(&format!("SELECT {REVISION_COLUMNS} FROM quote_revisions WHERE quote_id = $1 AND revision = $2"))
            .bind(quote_id)
            .bind(revision)
            .fetch_optional(&mut **tx)
            .await
            .context("read quote revision")?;
    row.as_ref().map(revision_from_row).transpose()
}

/// One revision of a quote (the latest, for a quote's current terms).
pub async fn revision(db: &Db, quote_id: i64, revision: i64) -> anyhow::Result<Option<Revision>> {
    let row =
        sqlx::query(&format!("SELECT {REVISION_COLUMNS} FROM quote_revisions WHERE quote_id = $1 AND revision = $2"))
            .bind(quote_id)
            .bind(revision)
            .fetch_optional(&db.pool)
            .await
            .context("read quote revision")?;
    row.as_ref().map(revision_from_row).transpose()
}

/// Every revision of a quote, the first first.
pub async fn revisions(db: &Db, quote_id: i64) -> anyhow::Result<Vec<Revision>> {
    let rows =
        sqlx::query(&format!("SELECT {REVISION_COLUMNS} FROM quote_revisions WHERE quote_id = $1 ORDER BY revision"))
            .bind(quote_id)
            .fetch_all(&db.pool)
            .await
            .context("list quote revisions")?;
    rows.iter().map(revision_from_row).collect()
}

/// Accepts an open quote; `false` when it is no longer open (accepted meanwhile).
pub async fn accept_quote(tx: &mut Tx, quote: &Quote, order_id: i64, quantity: i64) -> anyhow::Result<bool> {
    let result = sqlx::query(
        "UPDATE quotes SET status = 'accepted', order_id = $1, accepted_quantity = $2, updated_at = $3
         WHERE id = $4 AND status = 'open' AND revision = $5",
    )
    .bind(order_id)
    .bind(quantity)
    .bind(db::now())
    .bind(quote.id)
    .bind(quote.revision)
    .execute(&mut **tx)
    .await
    .context("accept quote")?;
    Ok(result.rows_affected() == 1)
}

pub async fn withdraw_quote(db: &Db, quote_id: i64) -> anyhow::Result<bool> {
    let result =
        sqlx::query("UPDATE quotes SET status = 'withdrawn', updated_at = $1 WHERE id = $2 AND status = 'open'")
            .bind(db::now())
            .bind(quote_id)
            .execute(&db.pool)
            .await
            .context("withdraw quote")?;
    Ok(result.rows_affected() == 1)
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Decline {
    pub producer_id: i64,
    pub reason: String,
    pub created_at: String,
}

/// Records a producer's no; `false` when it declined before.
pub async fn insert_decline(db: &Db, rfq_id: i64, producer_id: i64, reason: &str, by: i64) -> anyhow::Result<bool> {
    let result = sqlx::query(
        "INSERT INTO rfq_declines (rfq_id, producer_id, reason, declined_by, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(rfq_id)
    .bind(producer_id)
    .bind(reason)
    .bind(by)
    .bind(db::now())
    .execute(&db.pool)
    .await;
    match result {
        Ok(_) => Ok(true),
        Err(e) if db::breaks_unique(&e, "rfq_declines_pkey") => Ok(false),
        Err(e) => Err(e).context("insert decline"),
    }
}

pub async fn declines(db: &Db, rfq_id: i64) -> anyhow::Result<Vec<Decline>> {
    let rows =
        sqlx::query("SELECT producer_id, reason, created_at FROM rfq_declines WHERE rfq_id = $1 ORDER BY created_at")
            .bind(rfq_id)
            .fetch_all(&db.pool)
            .await
            .context("list declines")?;
    rows.iter()
        .map(|r| {
            Ok(Decline {
                producer_id: r.try_get("producer_id")?,
                reason: r.try_get("reason")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Message {
    pub id: i64,
    /// `buyer` or `producer`.
    pub side: String,
    pub body: String,
    pub created_at: String,
}

pub async fn insert_message(tx: &mut Tx, quote_id: i64, by: i64, side: &str, body: &str) -> anyhow::Result<i64> {
    let row = sqlx::query(
        "INSERT INTO quote_messages (quote_id, author_user_id, side, body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(quote_id)
    .bind(by)
    .bind(side)
    .bind(body)
    .bind(db::now())
    .fetch_one(&mut **tx)
    .await
    .context("insert quote message")?;
    Ok(row.try_get(0)?)
}

pub async fn messages(db: &Db, quote_id: i64) -> anyhow::Result<Vec<Message>> {
    let rows = sqlx::query("SELECT id, side, body, created_at FROM quote_messages WHERE quote_id = $1 ORDER BY id")
        .bind(quote_id)
        .fetch_all(&db.pool)
        .await
        .context("list quote messages")?;
    rows.iter()
        .map(|r| {
            Ok(Message {
                id: r.try_get("id")?,
                side: r.try_get("side")?,
                body: r.try_get("body")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Offer {
    pub id: i64,
    pub producer_id: i64,
    pub product_id: Option<i64>,
    pub set_code: String,
    pub title: String,
    pub quantity: i64,
    pub unit: String,
    pub unit_price_vnd: i64,
    pub min_quantity: i64,
    pub available_from: String,
    pub available_until: Option<String>,
    pub province_code: String,
    pub notes: String,
    /// `open` or `closed`.
    pub status: String,
    pub created_at: String,
}

const OFFER_COLUMNS: &str = "id, producer_id, product_id, set_code, title, quantity, unit, unit_price_vnd,
    min_quantity, available_from, available_until, province_code, notes, status, created_at";

fn offer_from_row(r: &AnyRow) -> anyhow::Result<Offer> {
    Ok(Offer {
        id: r.try_get("id")?,
        producer_id: r.try_get("producer_id")?,
        product_id: r.try_get("product_id")?,
        set_code: r.try_get("set_code")?,
        title: r.try_get("title")?,
        quantity: r.try_get("quantity")?,
        unit: r.try_get("unit")?,
        unit_price_vnd: r.try_get("unit_price_vnd")?,
        min_quantity: r.try_get("min_quantity")?,
        available_from: r.try_get("available_from")?,
        available_until: r.try_get("available_until")?,
        province_code: r.try_get("province_code")?,
        notes: r.try_get("notes")?,
        status: r.try_get("status")?,
        created_at: r.try_get("created_at")?,
    })
}

pub async fn insert_offer(tx: &mut Tx, o: &ValidOffer, province_code: &str) -> anyhow::Result<i64> {
    let now = db::now();
    let row = sqlx::query(
        "INSERT INTO supply_offers (producer_id, product_id, set_code, title, quantity, unit, unit_price_vnd,
         min_quantity, available_from, available_until, province_code, notes, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'open', $13, $13) RETURNING id",
    )
    .bind(o.producer_id)
    .bind(o.product_id)
    .bind(&o.set_code)
    .bind(&o.title)
    .bind(o.quantity)
    .bind(&o.unit)
    .bind(o.unit_price_vnd)
    .bind(o.min_quantity)
    .bind(o.available_from.to_string())
    .bind(o.available_until.map(|d| d.to_string()))
    .bind(province_code)
    .bind(&o.notes)
    .bind(&now)
    .fetch_one(&mut **tx)
    .await
    .context("insert supply offer")?;
    Ok(row.try_get(0)?)
}

pub async fn find_offer(db: &Db, id: i64) -> anyhow::Result<Option<Offer>> {
    let row = sqlx::query(&format!("SELECT {OFFER_COLUMNS} FROM supply_offers WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .context("read supply offer")?;
    row.as_ref().map(offer_from_row).transpose()
}

/// Open offers, newest first, of one set and/or province ('' for any).
pub async fn list_offers(db: &Db, set_code: &str, province_code: &str, limit: i64) -> anyhow::Result<Vec<Offer>> {
    let rows = sqlx::query(&format!(
        "SELECT {OFFER_COLUMNS} FROM supply_offers
         WHERE status = 'open' AND ($1 = '' OR set_code = $1) AND ($2 = '' OR province_code = $2)
         ORDER BY id DESC LIMIT $3"
    ))
    .bind(set_code)
    .bind(province_code)
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .context("list supply offers")?;
    rows.iter().map(offer_from_row).collect()
}

pub async fn offers_of_producers(db: &Db, producer_ids: &[i64]) -> anyhow::Result<Vec<Offer>> {
    if producer_ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<String> = producer_ids.iter().map(i64::to_string).collect();
    let rows = sqlx::query(&format!(
        "SELECT {OFFER_COLUMNS} FROM supply_offers WHERE producer_id IN ({}) ORDER BY id DESC LIMIT 200",
        ids.join(",")
    ))
    .fetch_all(&db.pool)
    .await
    .context("list producer's supply offers")?;
    rows.iter().map(offer_from_row).collect()
}

pub async fn close_offer(db: &Db, id: i64) -> anyhow::Result<bool> {
    let result =
        sqlx::query("UPDATE supply_offers SET status = 'closed', updated_at = $1 WHERE id = $2 AND status = 'open'")
            .bind(db::now())
            .bind(id)
            .execute(&db.pool)
            .await
            .context("close supply offer")?;
    Ok(result.rows_affected() == 1)
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Follow {
    /// '' for every set.
    pub set_code: String,
    /// '' for every province.
    pub province_code: String,
}

pub async fn add_follow(db: &Db, user_id: i64, follow: &Follow) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO trade_follows (user_id, set_code, province_code, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, set_code, province_code) DO NOTHING",
    )
    .bind(user_id)
    .bind(&follow.set_code)
    .bind(&follow.province_code)
    .bind(db::now())
    .execute(&db.pool)
    .await
    .context("follow")?;
    Ok(())
}

pub async fn remove_follow(db: &Db, user_id: i64, follow: &Follow) -> anyhow::Result<bool> {
    let result = sqlx::query("DELETE FROM trade_follows WHERE user_id = $1 AND set_code = $2 AND province_code = $3")
        .bind(user_id)
        .bind(&follow.set_code)
        .bind(&follow.province_code)
        .execute(&db.pool)
        .await
        .context("unfollow")?;
    Ok(result.rows_affected() == 1)
}

pub async fn follows(db: &Db, user_id: i64) -> anyhow::Result<Vec<Follow>> {
    let rows = sqlx::query(
        "SELECT set_code, province_code FROM trade_follows WHERE user_id = $1 ORDER BY set_code, province_code",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await
    .context("list follows")?;
    rows.iter()
        .map(|r| Ok(Follow { set_code: r.try_get("set_code")?, province_code: r.try_get("province_code")? }))
        .collect()
}

/// Tells everyone following this set and/or province (an offer, a new product).
pub async fn tell_followers(
    tx: &mut Tx,
    set_code: &str,
    province_code: &str,
    subject: &str,
    body: &str,
) -> anyhow::Result<u64> {
    let result = sqlx::query(
        "INSERT INTO notifications (user_id, email, subject, body, created_at)
         SELECT DISTINCT f.user_id, u.email, $3, $4, $5 FROM trade_follows f JOIN users u ON u.id = f.user_id
         WHERE (f.set_code = '' OR f.set_code = $1) AND (f.province_code = '' OR f.province_code = $2)",
    )
    .bind(set_code)
    .bind(province_code)
    .bind(subject)
    .bind(body)
    .bind(db::now())
    .execute(&mut **tx)
    .await
    .context("tell followers")?;
    Ok(result.rows_affected())
}

/// Active products added in the last week whose followers were not told yet
/// (500 at a time): (id, name, set, the producer's province).
pub async fn products_to_announce(db: &Db) -> anyhow::Result<Vec<(i64, String, String, String)>> {
    let since = db::time_text(time::OffsetDateTime::now_utc() - time::Duration::days(7));
    let rows = sqlx::query(
        "SELECT p.id, p.name, p.set_code, r.province_code FROM products p JOIN producers r ON r.id = p.producer_id
         WHERE p.status = 'active' AND p.created_at >= $1
           AND NOT EXISTS (SELECT 1 FROM trade_product_alerts a WHERE a.product_id = p.id)
         ORDER BY p.id LIMIT 500",
    )
    .bind(since)
    .fetch_all(&db.pool)
    .await
    .context("list new products to announce")?;
    rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?))).collect()
}

/// Marks a product announced; `false` when another server did it first.
pub async fn mark_announced(tx: &mut Tx, product_id: i64, told: u64) -> anyhow::Result<bool> {
    let result = sqlx::query(
        "INSERT INTO trade_product_alerts (product_id, told, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (product_id) DO NOTHING",
    )
    .bind(product_id)
    .bind(told as i64)
    .bind(db::now())
    .execute(&mut **tx)
    .await
    .context("mark product announced")?;
    Ok(result.rows_affected() == 1)
}

/// A file added to a quote (its bytes are read apart).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Attachment {
    pub id: i64,
    pub quote_id: i64,
    pub title: String,
    pub content_type: String,
    pub size_bytes: i64,
    /// Where it downloads, for whoever sees the quote.
    pub url: String,
    pub created_at: String,
}

fn attachment_from_row(r: &AnyRow) -> anyhow::Result<Attachment> {
    let (id, quote_id): (i64, i64) = (r.try_get("id")?, r.try_get("quote_id")?);
    Ok(Attachment {
        id,
        quote_id,
        title: r.try_get("title")?,
        content_type: r.try_get("content_type")?,
        size_bytes: r.try_get("size_bytes")?,
        url: format!("/api/v1/quotes/{quote_id}/attachments/{id}"),
        created_at: r.try_get("created_at")?,
    })
}

/// Adds a file unless the quote has `max` already; `None` when it is full. The
/// quote's row is locked first, so two uploads at once cannot pass the cap.
pub async fn insert_attachment(
    db: &Db,
    quote_id: i64,
    title: &str,
    content_type: &str,
    bytes: &[u8],
    user_id: i64,
    max: i64,
) -> anyhow::Result<Option<Attachment>> {
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE quotes SET updated_at = updated_at WHERE id = $1")
        .bind(quote_id)
        .execute(&mut *tx)
        .await
        .context("lock the quote")?;
    let count: i64 = sqlx::query("SELECT COUNT(*) FROM quote_attachments WHERE quote_id = $1")
        .bind(quote_id)
        .fetch_one(&mut *tx)
        .await
        .context("count quote attachments")?
        .try_get(0)?;
    if count >= max {
        return Ok(None);
    }
    let row = sqlx::query(
        "INSERT INTO quote_attachments (quote_id, title, content_type, size_bytes, bytes, uploaded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING id, quote_id, title, content_type, size_bytes, created_at",
    )
    .bind(quote_id)
    .bind(title)
    .bind(content_type)
    .bind(bytes.len() as i64)
    .bind(bytes)
    .bind(user_id)
    .bind(db::now())
    .fetch_one(&mut *tx)
    .await
    .context("add a quote attachment")?;
    let attachment = attachment_from_row(&row)?;
    tx.commit().await.context("commit a quote attachment")?;
    Ok(Some(attachment))
}

pub async fn attachments(db: &Db, quote_id: i64) -> anyhow::Result<Vec<Attachment>> {
    let rows = sqlx::query(
        "SELECT id, quote_id, title, content_type, size_bytes, created_at FROM quote_attachments
         WHERE quote_id = $1 ORDER BY id",
    )
    .bind(quote_id)
    .fetch_all(&db.pool)
    .await
    .context("list quote attachments")?;
    rows.iter().map(attachment_from_row).collect()
}

/// An attachment of this quote with its bytes.
pub async fn attachment_file(db: &Db, quote_id: i64, id: i64) -> anyhow::Result<Option<(Attachment, Vec<u8>)>> {
    let row = sqlx::query(
        "SELECT id, quote_id, title, content_type, size_bytes, created_at, bytes FROM quote_attachments
         WHERE quote_id = $1 AND id = $2",
    )
    .bind(quote_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await
    .context("read a quote attachment")?;
    row.map(|r| Ok((attachment_from_row(&r)?, r.try_get("bytes")?))).transpose()
}

/// Hands a fair lead's request to the business with its tax code; `false` when it
/// is not an unclaimed lead of that tax code (or was claimed meanwhile).
pub async fn claim_rfq(db: &Db, rfq_id: i64, user_id: i64, tax_code: &str) -> anyhow::Result<bool> {
    let now = db::now();
    let done = sqlx::query(
        "UPDATE rfqs SET buyer_user_id = $1, claimed_at = $2, updated_at = $2
         WHERE id = $3 AND lead_tax_code = $4 AND claimed_at IS NULL",
    )
    .bind(user_id)
    .bind(&now)
    .bind(rfq_id)
    .bind(tax_code)
    .execute(&db.pool)
    .await
    .context("claim a fair lead's request")?;
    Ok(done.rows_affected() == 1)
}

/// The unclaimed fair leads' requests for this tax code, newest first.
pub async fn leads_for_tax_code(db: &Db, tax_code: &str) -> anyhow::Result<Vec<Rfq>> {
    let rows = sqlx::query(&format!(
        "SELECT {RFQ_COLUMNS} FROM rfqs WHERE lead_tax_code = $1 AND claimed_at IS NULL ORDER BY id DESC LIMIT 20"
    ))
    .bind(tax_code)
    .fetch_all(&db.pool)
    .await
    .context("fair leads of a tax code")?;
    rows.iter().map(rfq_from_row).collect()
}

/// The requests entered for a fair's leads, newest first.
pub async fn rfqs_of_fair(db: &Db, fair_id: i64) -> anyhow::Result<Vec<Rfq>> {
    let rows = sqlx::query(&format!("SELECT {RFQ_COLUMNS} FROM rfqs WHERE fair_id = $1 ORDER BY id DESC LIMIT 200"))
        .bind(fair_id)
        .fetch_all(&db.pool)
        .await
        .context("a fair's leads")?;
    rows.iter().map(rfq_from_row).collect()
}
