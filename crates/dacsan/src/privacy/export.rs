//! Everything dacsan holds about one person, gathered for `GET /api/v1/me/data`
//! and its .xlsx: a read across the domains' tables by the person's account id,
//! e-mail and phone, in one query per kind of record.

use std::collections::BTreeSet;

use anyhow::Context;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::Db;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PersonalData {
    pub generated_at: String,
    pub profile: Profile,
    /// The delivery addresses used in orders.
    pub addresses: Vec<Address>,
    pub orders: Vec<OrderRecord>,
    pub consents: Vec<super::store::ConsentRecord>,
    pub requests: Vec<super::store::RequestRecord>,
    /// Signed-in browsers and API tokens (never the tokens themselves).
    pub sessions: Vec<SessionRecord>,
    /// Messages dacsan sent to the person.
    pub messages: Vec<MessageRecord>,
    pub cart: Vec<CartLine>,
    /// Producers the person sells for, and provinces they serve as an officer.
    pub memberships: Vec<String>,
    /// The person's own referral code and the commission rates producers pay them.
    pub affiliate: Vec<String>,
    /// Complaints the person sent about products.
    pub complaints: Vec<ComplaintRecord>,
    /// The programme office's support cases of producers whose contact is this
    /// person's e-mail or phone.
    pub support_cases: Vec<CaseRecord>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Profile {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub phone: Option<String>,
    pub role: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
pub struct Address {
    pub name: String,
    pub phone: String,
    pub province_code: String,
    pub commune_code: String,
    pub street: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OrderRecord {
    pub code: String,
    pub producer: String,
    pub status: String,
    pub payment_method: String,
    pub subtotal_vnd: i64,
    pub shipping_vnd: i64,
    pub total_vnd: i64,
    pub paid_vnd: i64,
    pub ship_to: Address,
    pub email: Option<String>,
    pub created_at: String,
    pub items: Vec<ItemRecord>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ItemRecord {
    pub name: String,
    pub unit: String,
    pub price_vnd: i64,
    pub quantity: i64,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SessionRecord {
    pub kind: String,
    pub created_at: String,
    pub expires_at: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MessageRecord {
    pub subject: String,
    pub body: String,
    pub created_at: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CartLine {
    pub product: String,
    pub quantity: i64,
    pub added_at: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ComplaintRecord {
    pub producer: String,
    pub message: String,
    pub status: String,
    pub created_at: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CaseRecord {
    pub producer: String,
    pub topic: String,
    pub title: String,
    pub status: String,
    pub created_at: String,
}

/// Everything held about user `id`; `None` if there is no such (living) account.
pub async fn gather(db: &Db, id: i64) -> anyhow::Result<Option<PersonalData>> {
    let Some(profile) = profile(db, id).await? else { return Ok(None) };
    let orders = orders(db, id).await?;
    let addresses: BTreeSet<Address> = orders.iter().map(|o| o.ship_to.clone()).collect();
    let phone = profile.phone.clone().unwrap_or_default();
    Ok(Some(PersonalData {
        generated_at: crate::db::now(),
        addresses: addresses.into_iter().collect(),
        orders,
        consents: super::store::consents_of(db, id).await?,
        requests: super::store::requests_of(db, id).await?,
        sessions: rows(db, "SELECT kind, created_at, expires_at FROM sessions WHERE user_id = $1 ORDER BY created_at", id, |r| {
            Ok(SessionRecord { kind: r.try_get("kind")?, created_at: r.try_get("created_at")?, expires_at: r.try_get("expires_at")? })
        })
        .await?,
        messages: rows(db, "SELECT subject, body, created_at FROM notifications WHERE user_id = $1 ORDER BY id", id, |r| {
            Ok(MessageRecord { subject: r.try_get("subject")?, body: r.try_get("body")?, created_at: r.try_get("created_at")? })
        })
        .await?,
        cart: rows(
            db,
            "SELECT p.name, c.quantity, c.added_at FROM cart_items c JOIN products p ON p.id = c.product_id WHERE c.user_id = $1 ORDER BY c.added_at",
            id,
            |r| Ok(CartLine { product: r.try_get("name")?, quantity: r.try_get("quantity")?, added_at: r.try_get("added_at")? }),
        )
        .await?,
        memberships: memberships(db, id).await?,
        affiliate: affiliate(db, id).await?,
        complaints: complaints(db, &profile.email, &phone).await?,
        support_cases: cases(db, &profile.email, &phone).await?,
        profile,
    }))
}

async fn rows<T>(db: &Db, sql: &str, id: i64, read: impl Fn(&AnyRow) -> anyhow::Result<T>) -> anyhow::Result<Vec<T>> {
    let found = sqlx::query(sql).bind(id).fetch_all(&db.pool).await.with_context(|| format!("read {sql}"))?;
    found.iter().map(read).collect()
}

async fn profile(db: &Db, id: i64) -> anyhow::Result<Option<Profile>> {
    let row =
        sqlx::query("SELECT id, email, name, phone, role, created_at FROM users WHERE id = $1 AND deleted_at IS NULL")
            .bind(id)
            .fetch_optional(&db.pool)
            .await
            .context("read a profile")?;
    row.map(|r| {
        Ok(Profile {
            id: r.try_get("id")?,
            email: r.try_get("email")?,
            name: r.try_get("name")?,
            phone: r.try_get("phone")?,
            role: r.try_get("role")?,
            created_at: r.try_get("created_at")?,
        })
    })
    .transpose()
}

/// The person's orders with their lines: two queries however many orders.
async fn orders(db: &Db, id: i64) -> anyhow::Result<Vec<OrderRecord>> {
    let mut orders = rows(
        db,
        "SELECT o.id, o.code, p.name AS producer, o.status, o.payment_method, o.subtotal_vnd, o.shipping_vnd,
                o.total_vnd, o.paid_vnd, o.buyer_name, o.buyer_phone, o.buyer_email, o.ship_province_code,
                o.ship_commune_code, o.ship_street, o.created_at
         FROM orders o JOIN producers p ON p.id = o.producer_id WHERE o.buyer_user_id = $1 ORDER BY o.id",
        id,
        |r| {
            Ok((
                r.try_get::<i64, _>("id")?,
                OrderRecord {
                    code: r.try_get("code")?,
                    producer: r.try_get("producer")?,
                    status: r.try_get("status")?,
                    payment_method: r.try_get("payment_method")?,
                    subtotal_vnd: r.try_get("subtotal_vnd")?,
                    shipping_vnd: r.try_get("shipping_vnd")?,
                    total_vnd: r.try_get("total_vnd")?,
                    paid_vnd: r.try_get("paid_vnd")?,
                    ship_to: Address {
                        name: r.try_get("buyer_name")?,
                        phone: r.try_get("buyer_phone")?,
                        province_code: r.try_get("ship_province_code")?,
                        commune_code: r.try_get("ship_commune_code")?,
                        street: r.try_get("ship_street")?,
                    },
                    email: r.try_get("buyer_email")?,
                    created_at: r.try_get("created_at")?,
                    items: Vec::new(),
                },
            ))
        },
    )
    .await?;
    let items = rows(
        db,
        "SELECT i.order_id, i.name, i.unit, i.price_vnd, i.quantity FROM order_items i
         JOIN orders o ON o.id = i.order_id WHERE o.buyer_user_id = $1 ORDER BY i.order_id",
        id,
        |r| {
            Ok((
                r.try_get::<i64, _>("order_id")?,
                ItemRecord {
                    name: r.try_get("name")?,
                    unit: r.try_get("unit")?,
                    price_vnd: r.try_get("price_vnd")?,
                    quantity: r.try_get("quantity")?,
                },
            ))
        },
    )
    .await?;
    // Both lists are in order id order: walk them together.
    let mut items = items.into_iter().peekable();
    for (order_id, order) in &mut orders {
        while let Some((_, item)) = items.next_if(|(id, _)| id == order_id) {
            order.items.push(item);
        }
    }
    Ok(orders.into_iter().map(|(_, o)| o).collect())
}

async fn affiliate(db: &Db, id: i64) -> anyhow::Result<Vec<String>> {
    let mut held = rows(db, "SELECT referral_code FROM affiliates WHERE user_id = $1", id, |r| {
        Ok(format!("referral code {}", r.try_get::<String, _>("referral_code")?))
    })
    .await?;
    held.extend(
        rows(
            db,
            "SELECT pr.name AS producer, p.name AS product, r.rate_bp FROM commission_rates r
             JOIN producers pr ON pr.id = r.producer_id LEFT JOIN products p ON p.id = r.product_id
             WHERE r.host_user_id = $1 ORDER BY r.id",
            id,
            |r| {
                let product: Option<String> = r.try_get("product")?;
                Ok(format!(
                    "commission {} from {} on {}",
                    crate::live::commissions::model::percent_text(r.try_get("rate_bp")?),
                    r.try_get::<String, _>("producer")?,
                    product.unwrap_or_else(|| "all products".into())
                ))
            },
        )
        .await?,
    );
    Ok(held)
}

async fn memberships(db: &Db, id: i64) -> anyhow::Result<Vec<String>> {
    let mut held = rows(
        db,
        "SELECT p.name, m.member_role FROM producer_members m JOIN producers p ON p.id = m.producer_id WHERE m.user_id = $1",
        id,
        |r| Ok(format!("{} ({})", r.try_get::<String, _>("name")?, r.try_get::<String, _>("member_role")?)),
    )
    .await?;
    held.extend(
        rows(db, "SELECT province_code FROM officer_provinces WHERE user_id = $1", id, |r| {
            Ok(format!("officer, province {}", r.try_get::<String, _>("province_code")?))
        })
        .await?,
    );
    Ok(held)
}

async fn complaints(db: &Db, email: &str, phone: &str) -> anyhow::Result<Vec<ComplaintRecord>> {
    let found = sqlx::query(
        "SELECT p.name, c.message, c.status, c.created_at FROM complaints c JOIN producers p ON p.id = c.producer_id
         WHERE c.contact = $1 OR (c.contact = $2 AND $2 <> '') ORDER BY c.id",
    )
    .bind(email)
    .bind(phone)
    .fetch_all(&db.pool)
    .await
    .context("read complaints")?;
    found
        .iter()
        .map(|r| {
            Ok(ComplaintRecord {
                producer: r.try_get("name")?,
                message: r.try_get("message")?,
                status: r.try_get("status")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

async fn cases(db: &Db, email: &str, phone: &str) -> anyhow::Result<Vec<CaseRecord>> {
    let found = sqlx::query(
        "SELECT p.name, s.topic, s.title, s.status, s.created_at FROM support_cases s
         JOIN producers p ON p.id = s.producer_id
         WHERE p.email = $1 OR (p.phone = $2 AND $2 <> '') ORDER BY s.id",
    )
    .bind(email)
    .bind(phone)
    .fetch_all(&db.pool)
    .await
    .context("read support cases")?;
    found
        .iter()
        .map(|r| {
            Ok(CaseRecord {
                producer: r.try_get("name")?,
                topic: r.try_get("topic")?,
                title: r.try_get("title")?,
                status: r.try_get("status")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}
