//! All SQL of signed-in buyers' carts.

use anyhow::Context;
use sqlx::Row;

use super::model::Cart;
use crate::db::{self, Db};

pub async fn load(db: &Db, user_id: i64) -> anyhow::Result<Cart> {
    let rows = sqlx::query(
        "SELECT product_id, quantity, seen_price_vnd FROM cart_items WHERE user_id = $1 ORDER BY added_at, product_id",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await
    .context("load cart")?;
    let mut cart = Cart::default();
    for row in rows {
        cart.add(row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
    }
    Ok(cart)
}

/// Replaces the user's cart with `cart` (lines of products that no longer exist
/// are dropped).
pub async fn save(db: &Db, user_id: i64, cart: &Cart) -> anyhow::Result<()> {
    let mut tx = db.pool.begin().await?;
    sqlx::query("DELETE FROM cart_items WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await
        .context("clear cart")?;
    let now = db::now();
    for line in &cart.lines {
        sqlx::query(
            "INSERT INTO cart_items (user_id, product_id, quantity, seen_price_vnd, added_at)
             SELECT $1, id, $3, $4, $5 FROM products WHERE id = $2",
        )
        .bind(user_id)
        .bind(line.product_id)
        .bind(line.quantity)
        .bind(line.seen_price_vnd)
        .bind(&now)
        .execute(&mut *tx)
        .await
        .context("save cart line")?;
    }
    tx.commit().await?;
    Ok(())
}

/// Units in the user's cart, for the header.
pub async fn count(db: &Db, user_id: i64) -> anyhow::Result<i64> {
    // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back to read it as i64.
    let row = sqlx::query("SELECT CAST(COALESCE(SUM(quantity), 0) AS BIGINT) FROM cart_items WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(&db.pool)
        .await
        .context("count cart")?;
    Ok(row.try_get(0)?)
}
