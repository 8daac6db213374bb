//! All SQL of stall sales and the fair's figures computed from them. A sale is paid
//! when it is cash, or when its payment request is (the bank hook's work).

use std::collections::BTreeMap;

use anyhow::Context;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::model::{PURPOSE, SaleMethod, SaleStatus};
use crate::db::{self, Db};
use crate::payments::requests;

type Tx = sqlx::Transaction<'static, sqlx::Any>;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SaleItem {
    pub product_id: i64,
    pub name: String,
    pub set_code: String,
    pub unit_price_vnd: i64,
    pub quantity: i64,
    #[serde(skip)]
    pub stock_taken: i64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Sale {
    pub id: i64,
    pub code: String,
    pub client_sale_id: String,
    pub fair_id: i64,
    pub producer_id: i64,
    pub method: SaleMethod,
    pub amount_vnd: i64,
    pub status: SaleStatus,
    /// When the phone made the sale (UTC).
    pub sold_at: String,
    pub created_at: String,
    pub cancelled_at: Option<String>,
    pub items: Vec<SaleItem>,
    #[serde(skip)]
    pub payment_request_id: Option<i64>,
}

pub struct NewItem {
    pub product_id: i64,
    pub name: String,
    pub set_code: String,
    pub unit_price_vnd: i64,
    pub quantity: i64,
    /// The product's stock when the sale was priced (see `take_up_to`).
    pub stock_seen: i64,
    /// Taken from the booth's own count for the day, not from the shop's stock.
    pub counted_apart: bool,
}

pub struct NewSale {
    pub fair_id: i64,
    pub producer_id: i64,
    pub client_sale_id: String,
    pub method: SaleMethod,
    pub amount_vnd: i64,
    pub sold_at: String,
    pub created_by: i64,
    pub items: Vec<NewItem>,
}

/// The condition of a paid sale, over `stall_sales s LEFT JOIN payment_requests r`.
pub const PAID: &str = "s.cancelled_at IS NULL AND (s.method = 'cash' OR r.status = 'paid')";
const FROM: &str = "FROM stall_sales s LEFT JOIN payment_requests r ON r.id = s.payment_request_id";
const COLUMNS: &str = "s.id, s.code, s.client_sale_id, s.fair_id, s.producer_id, s.method, s.amount_vnd, s.sold_at,
    s.created_at, s.cancelled_at, s.payment_request_id, r.status AS request_status";

fn from_row(row: &AnyRow) -> anyhow::Result<Sale> {
    let method: String = row.try_get("method")?;
    let method: SaleMethod = method.parse().with_context(|| format!("stall sale method «{method}» is unknown"))?;
    let cancelled_at: Option<String> = row.try_get("cancelled_at")?;
    let request_status: Option<String> = row.try_get("request_status")?;
    let status = match (cancelled_at.is_some(), method, request_status.as_deref()) {
        (true, _, _) => SaleStatus::Cancelled,
        (false, SaleMethod::Cash, _) => SaleStatus::Paid,
        (false, SaleMethod::Vietqr, Some("paid")) => SaleStatus::Paid,
        (false, SaleMethod::Vietqr, Some("open")) => SaleStatus::AwaitingPayment,
        (false, SaleMethod::Vietqr, Some("cancelled")) => SaleStatus::Cancelled,
        (false, SaleMethod::Vietqr, other) => anyhow::bail!("stall sale payment status {other:?} is unknown"),
    };
    Ok(Sale {
        id: row.try_get("id")?,
        code: row.try_get("code")?,
        client_sale_id: row.try_get("client_sale_id")?,
        fair_id: row.try_get("fair_id")?,
        producer_id: row.try_get("producer_id")?,
        method,
        amount_vnd: row.try_get("amount_vnd")?,
        status,
        sold_at: row.try_get("sold_at")?,
        created_at: row.try_get("created_at")?,
        cancelled_at,
        items: Vec::new(),
        payment_request_id: row.try_get("payment_request_id")?,
    })
}

/// Stores the sale with its lines, its payment request (VietQR) and the stock it
/// takes, in one transaction, and returns it as stored; `None` when the phone's
/// number is already stored.
pub async fn insert(db: &Db, sale: &NewSale) -> anyhow::Result<Option<Sale>> {
    let mut tx = db.begin_write().await?;
    let code = requests::unused_code(&mut tx).await?;
    let request_id = match sale.method {
        SaleMethod::Vietqr => Some(requests::open(&mut tx, &code, sale.producer_id, sale.amount_vnd, PURPOSE).await?),
        SaleMethod::Cash => None,
    };
    let created_at = db::now();
    let inserted = sqlx::query(
        "INSERT INTO stall_sales (fair_id, producer_id, client_sale_id, code, method, amount_vnd, payment_request_id,
                                  sold_at, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(sale.fair_id)
    .bind(sale.producer_id)
    .bind(&sale.client_sale_id)
    .bind(&code)
    .bind(<&str>::from(sale.method))
    .bind(sale.amount_vnd)
    .bind(request_id)
    .bind(&sale.sold_at)
    .bind(&created_at)
    .bind(sale.created_by)
    .fetch_one(&mut *tx)
    .await;
    let id: i64 = match inserted {
        Ok(row) => row.try_get("id")?,
        Err(e) if db::breaks_unique(&e, "stall_sales_fair_id_producer_id_client_sale_id_key") => return Ok(None),
        Err(e) => return Err(e).context("insert stall sale"),
    };
    let mut items = Vec::with_capacity(sale.items.len());
    for item in &sale.items {
        let stock_taken = if item.counted_apart {
            crate::catalog::store::count_sold(&mut tx, item.product_id, item.quantity).await?;
            0
        } else {
            crate::catalog::store::take_up_to(&mut tx, item.product_id, item.quantity, item.stock_seen).await?
        };
        items.push(SaleItem {
            product_id: item.product_id,
            name: item.name.clone(),
            set_code: item.set_code.clone(),
            unit_price_vnd: item.unit_price_vnd,
            quantity: item.quantity,
            stock_taken,
        });
    }
    insert_items(&mut tx, id, &items).await?;
    tx.commit().await.context("commit stall sale")?;
    items.sort_by(|a, b| a.name.cmp(&b.name));
    let status = match sale.method {
        SaleMethod::Vietqr => SaleStatus::AwaitingPayment,
        SaleMethod::Cash => SaleStatus::Paid,
    };
    Ok(Some(Sale {
        id,
        code,
        client_sale_id: sale.client_sale_id.clone(),
        fair_id: sale.fair_id,
        producer_id: sale.producer_id,
        method: sale.method,
        amount_vnd: sale.amount_vnd,
        status,
        sold_at: sale.sold_at.clone(),
        created_at,
        cancelled_at: None,
        items,
        payment_request_id: request_id,
    }))
}

/// A sale's lines in one statement.
async fn insert_items(tx: &mut Tx, sale_id: i64, items: &[SaleItem]) -> anyhow::Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO stall_sale_items (sale_id, product_id, name, set_code, unit_price_vnd, quantity, stock_taken)
         VALUES {}",
        crate::db::value_rows(items.len(), 7)
    );
    let mut query = sqlx::query(&sql);
    for item in items {
        query = query
            .bind(sale_id)
            .bind(item.product_id)
            .bind(&item.name)
            .bind(&item.set_code)
            .bind(item.unit_price_vnd)
            .bind(item.quantity)
            .bind(item.stock_taken);
    }
    query.execute(&mut **tx).await.context("insert stall sale items")?;
    Ok(())
}

pub async fn mark_cancelled(tx: &mut Tx, sale: &Sale) -> anyhow::Result<()> {
    sqlx::query("UPDATE stall_sales SET cancelled_at = $1 WHERE id = $2 AND cancelled_at IS NULL")
        .bind(db::now())
        .bind(sale.id)
        .execute(&mut **tx)
        .await
        .context("cancel stall sale")?;
    for item in &sale.items {
        crate::catalog::store::put_back(tx, item.product_id, item.stock_taken, item.quantity).await?;
    }
    Ok(())
}

async fn with_items(db: &Db, mut sales: Vec<Sale>) -> anyhow::Result<Vec<Sale>> {
    if sales.is_empty() {
        return Ok(sales);
    }
    let ids: Vec<i64> = sales.iter().map(|s| s.id).collect();
    let rows = sqlx::query(&format!(
        "SELECT sale_id, product_id, name, set_code, unit_price_vnd, quantity, stock_taken FROM stall_sale_items
         WHERE sale_id IN ({}) ORDER BY sale_id, name",
        crate::producers::store::id_list(&ids)
    ))
    .fetch_all(&db.pool)
    .await
    .context("list stall sale items")?;
    for row in rows {
        let sale_id: i64 = row.try_get("sale_id")?;
        if let Some(sale) = sales.iter_mut().find(|s| s.id == sale_id) {
            sale.items.push(SaleItem {
                product_id: row.try_get("product_id")?,
                name: row.try_get("name")?,
                set_code: row.try_get("set_code")?,
                unit_price_vnd: row.try_get("unit_price_vnd")?,
                quantity: row.try_get("quantity")?,
                stock_taken: row.try_get("stock_taken")?,
            });
        }
    }
    Ok(sales)
}

type Query<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

async fn first(db: &Db, query: Query<'_>) -> anyhow::Result<Option<Sale>> {
    let row = query.fetch_optional(&db.pool).await.context("find stall sale")?;
    let Some(sale) = row.as_ref().map(from_row).transpose()? else { return Ok(None) };
    Ok(with_items(db, vec![sale]).await?.pop())
}

pub async fn find(db: &Db, id: i64) -> anyhow::Result<Option<Sale>> {
    first(db, sqlx::query(&format!("SELECT {COLUMNS} {FROM} WHERE s.id = $1")).bind(id)).await
}

pub async fn find_by_code(db: &Db, code: &str) -> anyhow::Result<Option<Sale>> {
    first(db, sqlx::query(&format!("SELECT {COLUMNS} {FROM} WHERE s.code = $1")).bind(code)).await
}

pub async fn find_by_client_id(
    db: &Db,
    fair_id: i64,
    producer_id: i64,
    client_sale_id: &str,
) -> anyhow::Result<Option<Sale>> {
    let sql = format!("SELECT {COLUMNS} {FROM} WHERE s.fair_id = $1 AND s.producer_id = $2 AND s.client_sale_id = $3");
    first(db, sqlx::query(&sql).bind(fair_id).bind(producer_id).bind(client_sale_id)).await
}

/// A booth's sales, the latest first.
pub async fn list_for_booth(db: &Db, fair_id: i64, producer_id: i64, limit: i64) -> anyhow::Result<Vec<Sale>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} {FROM} WHERE s.fair_id = $1 AND s.producer_id = $2 ORDER BY s.sold_at DESC, s.id DESC LIMIT $3"
    ))
    .bind(fair_id)
    .bind(producer_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .context("list booth sales")?;
    let sales = rows.iter().map(from_row).collect::<anyhow::Result<Vec<_>>>()?;
    with_items(db, sales).await
}

/// A fair's sales, the latest first: of one booth or of all, `limit` from `offset`
/// (the office's list of what was sold).
pub async fn list_for_fair(
    db: &Db,
    fair_id: i64,
    producer_id: Option<i64>,
    limit: i64,
    offset: i64,
) -> anyhow::Result<Vec<Sale>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} {FROM} WHERE s.fair_id = $1 AND ($2 = 0 OR s.producer_id = $2)
         ORDER BY s.sold_at DESC, s.id DESC LIMIT $3 OFFSET $4"
    ))
    .bind(fair_id)
    .bind(producer_id.unwrap_or(0))
    .bind(limit)
    .bind(offset)
    .fetch_all(&db.pool)
    .await
    .context("list a fair's sales")?;
    let sales = rows.iter().map(from_row).collect::<anyhow::Result<Vec<_>>>()?;
    with_items(db, sales).await
}

/// A product the booth counts apart for the fair: what it brought, what its sales not
/// withdrawn took, and what is left (never below zero: goods sold past the count
/// already changed hands).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct DayCount {
    pub product_id: i64,
    pub brought: i64,
    pub sold: i64,
    pub left: i64,
}

/// The booth's day counts, by product id.
pub async fn day_counts(db: &Db, fair_id: i64, producer_id: i64) -> anyhow::Result<Vec<DayCount>> {
    let rows = sqlx::query(
        "SELECT b.product_id, b.brought,
                CAST(COALESCE((SELECT SUM(i.quantity) FROM stall_sale_items i JOIN stall_sales s ON s.id = i.sale_id
                               WHERE s.fair_id = b.fair_id AND s.producer_id = b.producer_id
                                 AND i.product_id = b.product_id AND s.cancelled_at IS NULL), 0) AS BIGINT) AS sold
         FROM booth_stock b WHERE b.fair_id = $1 AND b.producer_id = $2 ORDER BY b.product_id",
    )
    .bind(fair_id)
    .bind(producer_id)
    .fetch_all(&db.pool)
    .await
    .context("read a booth's day counts")?;
    rows.iter()
        .map(|row| {
            let (product_id, brought, sold): (i64, i64, i64) =
                (row.try_get("product_id")?, row.try_get("brought")?, row.try_get("sold")?);
            Ok(DayCount { product_id, brought, sold, left: (brought - sold).max(0) })
        })
        .collect()
}

/// Sets what the booth brought of a product (`Some`), or stops counting it apart
/// (`None`): its next sales take from the shop's stock again.
pub async fn set_day_count(
    db: &Db,
    fair_id: i64,
    producer_id: i64,
    product_id: i64,
    brought: Option<i64>,
) -> anyhow::Result<()> {
    let query = match brought {
        Some(brought) => sqlx::query(
            "INSERT INTO booth_stock (fair_id, producer_id, product_id, brought, updated_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (fair_id, producer_id, product_id) DO UPDATE SET brought = excluded.brought, updated_at = excluded.updated_at",
        )
        .bind(fair_id)
        .bind(producer_id)
        .bind(product_id)
        .bind(brought)
        .bind(db::now()),
        None => sqlx::query("DELETE FROM booth_stock WHERE fair_id = $1 AND producer_id = $2 AND product_id = $3")
            .bind(fair_id)
            .bind(producer_id)
            .bind(product_id),
    };
    query.execute(&db.pool).await.context("set a booth's day count")?;
    Ok(())
}

/// The products this booth counts apart (what a sale asks before it is priced).
pub async fn counted_apart(db: &Db, fair_id: i64, producer_id: i64) -> anyhow::Result<Vec<i64>> {
    sqlx::query_scalar("SELECT product_id FROM booth_stock WHERE fair_id = $1 AND producer_id = $2")
        .bind(fair_id)
        .bind(producer_id)
        .fetch_all(&db.pool)
        .await
        .context("list a booth's day counts")
}

/// Money a booth (or the whole fair) took: transfer and cash apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Takings {
    pub sales: i64,
    pub transfer_vnd: i64,
    pub cash_vnd: i64,
}

impl Takings {
    pub fn total_vnd(&self) -> i64 {
        self.transfer_vnd + self.cash_vnd
    }

    fn add(&mut self, method: &str, amount: i64) {
        self.sales += 1;
        if method == "cash" {
            self.cash_vnd += amount;
        } else {
            self.transfer_vnd += amount;
        }
    }
}

/// Revenue of one product set (or of typed amounts, `set_code` empty).
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct SetTakings {
    pub set_code: String,
    pub units: i64,
    pub revenue_vnd: i64,
}

/// A fair's paid sales, summed every way the office reads them.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct FairTakings {
    pub total: Takings,
    /// By producer id.
    pub by_booth: BTreeMap<i64, Takings>,
    pub by_set: Vec<SetTakings>,
    /// By hour of the day in Vietnam (`2026-05-10 09`).
    pub by_hour: BTreeMap<String, Takings>,
}

/// One pass over the fair's paid sales and one over their lines.
pub async fn fair_takings(db: &Db, fair_id: i64) -> anyhow::Result<FairTakings> {
    let rows = sqlx::query(&format!(
        "SELECT s.producer_id, s.method, s.amount_vnd, s.sold_at {FROM} WHERE s.fair_id = $1 AND {PAID}"
    ))
    .bind(fair_id)
    .fetch_all(&db.pool)
    .await
    .context("sum the fair's stall sales")?;
    let mut takings = FairTakings::default();
    for row in &rows {
        let (producer_id, method, amount): (i64, String, i64) =
            (row.try_get("producer_id")?, row.try_get("method")?, row.try_get("amount_vnd")?);
        let sold_at: String = row.try_get("sold_at")?;
        takings.total.add(&method, amount);
        takings.by_booth.entry(producer_id).or_default().add(&method, amount);
        takings.by_hour.entry(hour_vn(&sold_at)).or_default().add(&method, amount);
    }
    let lines = sqlx::query(&format!(
        "SELECT i.set_code, CAST(SUM(i.quantity) AS BIGINT) AS units, CAST(SUM(i.quantity * i.unit_price_vnd) AS BIGINT) AS revenue
         {FROM} JOIN stall_sale_items i ON i.sale_id = s.id WHERE s.fair_id = $1 AND {PAID} GROUP BY i.set_code"
    ))
    .bind(fair_id)
    .fetch_all(&db.pool)
    .await
    .context("sum the fair's stall sales by product set")?;
    let mut itemised = 0;
    for row in &lines {
        let set = SetTakings {
            set_code: row.try_get("set_code")?,
            units: row.try_get("units")?,
            revenue_vnd: row.try_get("revenue")?,
        };
        itemised += set.revenue_vnd;
        takings.by_set.push(set);
    }
    let typed = takings.total.total_vnd() - itemised;
    if typed > 0 {
        takings.by_set.push(SetTakings { set_code: String::new(), units: 0, revenue_vnd: typed });
    }
    takings.by_set.sort_by(|a, b| b.revenue_vnd.cmp(&a.revenue_vnd).then_with(|| a.set_code.cmp(&b.set_code)));
    Ok(takings)
}

/// What one booth took (its till's figures): one grouped read of its own sales.
pub async fn booth_takings(db: &Db, fair_id: i64, producer_id: i64) -> anyhow::Result<Takings> {
    let rows = sqlx::query(&format!(
        "SELECT s.method, CAST(COUNT(*) AS BIGINT) AS n, CAST(SUM(s.amount_vnd) AS BIGINT) AS amount
         {FROM} WHERE s.fair_id = $1 AND s.producer_id = $2 AND {PAID} GROUP BY s.method"
    ))
    .bind(fair_id)
    .bind(producer_id)
    .fetch_all(&db.pool)
    .await
    .context("sum a booth's stall sales")?;
    takings_of(&rows)
}

/// Rows of (method, n, amount) as takings.
fn takings_of(rows: &[AnyRow]) -> anyhow::Result<Takings> {
    let mut takings = Takings::default();
    for row in rows {
        let (method, n, amount): (String, i64, i64) =
            (row.try_get("method")?, row.try_get("n")?, row.try_get("amount")?);
        takings.sales += n;
        match method.as_str() {
            "cash" => takings.cash_vnd += amount,
            _ => takings.transfer_vnd += amount,
        }
    }
    Ok(takings)
}

/// `2026-05-10T02:30:00Z` → `2026-05-10 09` (Vietnam time).
fn hour_vn(utc: &str) -> String {
    match db::parse_time(utc) {
        Some(at) => {
            let local = at + time::Duration::hours(7);
            format!("{} {:02}", local.date(), local.hour())
        }
        None => String::from("?"),
    }
}

/// Paid stall sales of a province's fairs sold between two dates (Vietnam days,
/// inclusive), for the monthly report.
pub async fn province_takings(db: &Db, province_code: &str, from: &str, to: &str) -> anyhow::Result<Takings> {
    let start = db::time_text(day_start_utc(from)?);
    let end = db::time_text(day_start_utc(to)? + time::Duration::days(1));
    let rows = sqlx::query(&format!(
        "SELECT s.method, CAST(COUNT(*) AS BIGINT) AS n, CAST(SUM(s.amount_vnd) AS BIGINT) AS amount
         {FROM} JOIN fairs f ON f.id = s.fair_id
         WHERE f.province_code = $1 AND s.sold_at >= $2 AND s.sold_at < $3 AND {PAID} GROUP BY s.method"
    ))
    .bind(province_code)
    .bind(start)
    .bind(end)
    .fetch_all(&db.pool)
    .await
    .context("sum a province's stall sales")?;
    takings_of(&rows)
}

fn day_start_utc(day: &str) -> anyhow::Result<time::OffsetDateTime> {
    let date = crate::vn::parse_iso_date(day).with_context(|| format!("«{day}» is not a date"))?;
    Ok(date.midnight().assume_offset(time::UtcOffset::from_hms(7, 0, 0)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_read_in_vietnam_time() {
        assert_eq!(hour_vn("2026-05-10T02:30:00Z"), "2026-05-10 09");
        assert_eq!(hour_vn("2026-05-10T18:05:00Z"), "2026-05-11 01");
        assert_eq!(db::time_text(day_start_utc("2026-05-10").unwrap()), "2026-05-09T17:00:00Z");
    }
}
