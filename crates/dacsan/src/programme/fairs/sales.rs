//! What a booth sells on a market day, from the producer's phone (the stall till):
//! tapped products or a typed amount, paid by VietQR into the producer's own account
//! (a payment request the bank hook pays) or in cash. The phone numbers each sale
//! (`client_sale_id`): the same number again is the same sale, never a second one,
//! so a queue of offline sales can be sent as often as the network allows.

use serde::Deserialize;
use time::{Duration, OffsetDateTime};

use super::messages;
pub use super::model::{PURPOSE, SaleMethod, SaleStatus};
use super::sales_store::{self as store, NewItem, NewSale, Sale};
use super::store::FairHead;
use crate::auth::CurrentUser;
use crate::catalog::ProductStatus;
use crate::db::{self, Db};
use crate::error::Message;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::payments::requests;
use crate::producers::store::PaymentAccount;
use crate::vn::Vnd;

/// The most one stall sale may come to: above is a typo.
pub const MAX_SALE: i64 = 500_000_000;
pub const MAX_LINES: usize = 50;
pub const MAX_QUANTITY: i64 = 9_999;
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct SaleItemInput {
    pub product_id: i64,
    pub quantity: i64,
}

/// A sale as the till sends it.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct SaleInput {
    /// The phone's own number for the sale (letters, digits, `-_.:`, up to 64).
    pub client_sale_id: Option<String>,
    /// The products sold; the amount is their list prices times the quantities.
    pub items: Option<Vec<SaleItemInput>>,
    /// A typed amount in đồng, for a sale without products (or equal to the items' total).
    pub amount_vnd: Option<i64>,
    /// `vietqr` or `cash`.
    pub method: Option<String>,
    /// When the phone made the sale (RFC 3339); now when absent. A time in the future
    /// is read as now.
    pub sold_at: Option<String>,
}

/// A sale once its fields are read; prices are the catalog's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSale {
    pub client_sale_id: String,
    pub method: SaleMethod,
    /// Product and quantity, each product once.
    pub items: Vec<(i64, i64)>,
    pub amount_vnd: Option<i64>,
    pub sold_at: OffsetDateTime,
}

impl SaleInput {
    pub fn validate(&self, now: OffsetDateTime) -> Result<ValidSale, FieldErrors> {
        let mut errors = FieldErrors::default();
        let client_sale_id = self.client_sale_id.as_deref().map(str::trim).unwrap_or_default().to_string();
        let id_ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':');
        if client_sale_id.is_empty() {
            errors.add("client_sale_id", messages::CLIENT_SALE_ID_REQUIRED);
        } else if client_sale_id.len() > 64 || !client_sale_id.chars().all(id_ok) {
            errors.add("client_sale_id", messages::CLIENT_SALE_ID_UP_TO_64);
        }
        let method = match self.method.as_deref().map(str::trim) {
            None | Some("") => {
                errors.add("method", messages::METHOD_REQUIRED_VIETQR_CASH);
                None
            }
            Some(m) => m.parse::<SaleMethod>().ok().or_else(|| {
                errors.add("method", Message::from(messages::UNKNOWN_METHOD_VIETQR_CASH).with("m", m));
                None
            }),
        };
        let mut items: Vec<(i64, i64)> = Vec::new();
        for (i, line) in self.items.iter().flatten().enumerate() {
            if !(1..=MAX_QUANTITY).contains(&line.quantity) {
                errors.add(
                    &format!("items[{i}].quantity"),
                    Message::from(messages::QUANTITY_1_TO_MAX).with("max_quantity", MAX_QUANTITY),
                );
            }
            match items.iter_mut().find(|(id, _)| *id == line.product_id) {
                Some((_, quantity)) => *quantity += line.quantity,
                None => items.push((line.product_id, line.quantity)),
            }
        }
        if items.len() > MAX_LINES {
            errors.add("items", Message::from(messages::AT_MOST_ITEMS_A_SALE).with("max_lines", MAX_LINES));
        }
        if let Some(amount) = self.amount_vnd
            && !(1..=MAX_SALE).contains(&amount)
        {
            errors.add("amount_vnd", Message::from(messages::AMOUNT_1_TO_MAX).with("value", Vnd(MAX_SALE)));
        }
        if items.is_empty() && self.amount_vnd.is_none() {
            errors.add("items", messages::CHOOSE_PRODUCTS_OR_TYPE_AN_AMOUNT);
        }
        let sold_at = match self.sold_at.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            None => now,
            Some(text) => match db::parse_time(text) {
                Some(at) => at.min(now),
                None => {
                    errors.add("sold_at", Message::from(messages::SOLD_AT_AN_RFC_3339_TIME).with("text", text));
                    now
                }
            },
        };
        match method {
            Some(method) if errors.is_empty() => {
                Ok(ValidSale { client_sale_id, method, items, amount_vnd: self.amount_vnd, sold_at })
            }
            _ => Err(errors),
        }
    }
}

/// The booth's producer, if this user sells for it and it has a booth at the fair.
pub async fn till_for(db: &Db, user: &CurrentUser, fair_id: i64, producer_id: i64) -> AppResult<FairHead> {
    if !user.producer_ids.contains(&producer_id) {
        return Err(AppError::Forbidden);
    }
    let (fair, has_booth) = super::store::find_head_with_booth(db, fair_id, producer_id)
        .await?
        .ok_or_else(|| AppError::not_found(messages::FAIR))?;
    if !has_booth {
        return Err(AppError::not_found(messages::THIS_PRODUCER_S_BOOTH));
    }
    Ok(fair)
}

/// Sales are taken from the day before the fair (setting up) to the day after it.
fn within_fair_days(fair: &FairHead, sold_at: OffsetDateTime) -> Result<(), AppError> {
    let day = (sold_at + Duration::hours(7)).date().to_string();
    let open = crate::vn::parse_iso_date(&fair.starts_on).map(|d| d - Duration::days(1)).map(|d| d.to_string());
    let close = crate::vn::parse_iso_date(&fair.ends_on).map(|d| d + Duration::days(1)).map(|d| d.to_string());
    match (open, close) {
        (Some(open), Some(close)) if day < open || day > close => Err(AppError::invalid(
            "sold_at",
            Message::from(messages::SALE_DAY_IS_OUTSIDE_THE_FAIR)
                .with("day", &day)
                .with("starts_on", &fair.starts_on)
                .with("ends_on", &fair.ends_on),
        )),
        _ => Ok(()),
    }
}

/// A sale as [`record`] leaves it.
pub struct Recorded {
    pub sale: Sale,
    /// `false` when the phone sent this number before: the earlier sale.
    pub created: bool,
    /// The account a new VietQR sale is paid into, as read to take the sale.
    pub account: Option<PaymentAccount>,
}

/// Records the sale once; the phone's number sent again answers with the earlier sale.
pub async fn record(
    db: &Db,
    user: &CurrentUser,
    fair: &FairHead,
    producer_id: i64,
    input: &SaleInput,
) -> AppResult<Recorded> {
    let sale = input.validate(OffsetDateTime::now_utc()).map_err(AppError::Invalid)?;
    let earlier = |found: Sale| same_sale(found, &sale).map(|sale| Recorded { sale, created: false, account: None });
    if let Some(found) = store::find_by_client_id(db, fair.id, producer_id, &sale.client_sale_id).await? {
        return earlier(found);
    }
    within_fair_days(fair, sale.sold_at)?;
    let apart = match sale.items.is_empty() {
        true => Vec::new(),
        false => store::counted_apart(db, fair.id, producer_id).await?,
    };
    let items = priced_items(db, producer_id, &sale.items, &apart).await?;
    let total: i64 = items.iter().map(|i| i.unit_price_vnd * i.quantity).sum();
    let amount = match (sale.amount_vnd, items.is_empty()) {
        (Some(typed), true) => typed,
        (Some(typed), false) if typed != total => {
            return Err(AppError::invalid(
                "amount_vnd",
                Message::from(messages::AMOUNT_DIFFERS_FROM_THE_ITEMS_TOTAL)
                    .with("value", Vnd(typed))
                    .with("value2", Vnd(total)),
            ));
        }
        _ => total,
    };
    if !(1..=MAX_SALE).contains(&amount) {
        return Err(AppError::invalid("amount_vnd", messages::THE_AMOUNT_MUST_BE_ABOVE_ZERO));
    }
    let account = match sale.method {
        SaleMethod::Vietqr => Some(
            crate::producers::store::payment_account(db, producer_id)
                .await?
                .ok_or_else(|| AppError::conflict("method", messages::THE_PRODUCER_HAS_NO_RECEIVING_ACCOUNT))?,
        ),
        SaleMethod::Cash => None,
    };
    let new = NewSale {
        fair_id: fair.id,
        producer_id,
        client_sale_id: sale.client_sale_id.clone(),
        method: sale.method,
        amount_vnd: amount,
        sold_at: db::time_text(sale.sold_at),
        created_by: user.id,
        items,
    };
    let db_task = db.clone();
    let Some(stored) = db::run_to_completion(async move { store::insert(&db_task, &new).await }).await?? else {
        // The phone's number sent twice at once: the other request stored it.
        return match store::find_by_client_id(db, fair.id, producer_id, &sale.client_sale_id).await? {
            Some(found) => earlier(found),
            None => Err(AppError::Internal(anyhow::anyhow!("stall sale {} was not stored", sale.client_sale_id))),
        };
    };
    tracing::info!(fair.id = fair.id, producer.id = producer_id, sale.code = %stored.code, amount_vnd = amount, "stall sale");
    Ok(Recorded { sale: stored, created: true, account })
}

/// A number the phone sent before names the same sale; with other contents it is a
/// mistake of the phone's, said as such rather than answered with the wrong sale.
fn same_sale(earlier: Sale, sale: &ValidSale) -> AppResult<Sale> {
    let items: Vec<(i64, i64)> = earlier.items.iter().map(|i| (i.product_id, i.quantity)).collect();
    let mut asked = sale.items.clone();
    let mut had = items.clone();
    asked.sort_unstable();
    had.sort_unstable();
    let same_amount = !items.is_empty() || sale.amount_vnd == Some(earlier.amount_vnd);
    if earlier.method == sale.method && asked == had && same_amount {
        Ok(earlier)
    } else {
        Err(AppError::conflict(
            "client_sale_id",
            Message::from(messages::CLIENT_SALE_ID_ALREADY_NAMES_ANOTHER)
                .with("client_sale_id", &sale.client_sale_id)
                .with("code", &earlier.code),
        ))
    }
}

/// The sale's lines at the catalog's prices; a product of another producer, or one
/// not on sale, is refused by name. Products in `apart` come out of the booth's own
/// count for the day.
async fn priced_items(db: &Db, producer_id: i64, lines: &[(i64, i64)], apart: &[i64]) -> AppResult<Vec<NewItem>> {
    let ids: Vec<i64> = lines.iter().map(|(id, _)| *id).collect();
    let products = crate::catalog::store::list_by_ids(db, &ids).await?;
    let mut errors = FieldErrors::default();
    let mut items = Vec::with_capacity(lines.len());
    for (i, (id, quantity)) in lines.iter().enumerate() {
        match products.iter().find(|p| p.id == *id) {
            Some(p) if p.producer_id != producer_id => errors.add(
                &format!("items[{i}].product_id"),
                Message::from(messages::IS_ANOTHER_PRODUCER_S_PRODUCT).with("name", &p.name),
            ),
            Some(p) if p.status != ProductStatus::Active => errors
                .add(&format!("items[{i}].product_id"), Message::from(messages::IS_NOT_ON_SALE).with("name", &p.name)),
            Some(p) => items.push(NewItem {
                product_id: p.id,
                name: p.name.clone(),
                set_code: p.set_code.clone(),
                unit_price_vnd: p.price.0,
                quantity: *quantity,
                stock_seen: p.stock,
                counted_apart: apart.contains(&p.id),
            }),
            None => errors.add(&format!("items[{i}].product_id"), Message::from(messages::NO_PRODUCT).with("id", id)),
        }
    }
    errors.into_result()?;
    Ok(items)
}

/// Receipts e-mailed for one sale at most (a till is no mailing list).
pub const RECEIPT_EMAILS: i64 = 3;

/// The absolute link of a receipt, for a QR the buyer scans or a message.
pub fn receipt_url(public_url: &str, code: &str) -> String {
    format!("{}/stall/receipts/{code}", public_url.trim_end_matches('/'))
}

/// Queues the sale's receipt to the buyer's address through the e-mail outbox: the
/// fair, the booth, the lines, the amount and the receipt's link; no other personal
/// data. Refused (409) past [`RECEIPT_EMAILS`] for the sale.
pub async fn email_receipt(db: &Db, public_url: &str, sale: &Sale, fair: &FairHead, email: &str) -> AppResult<()> {
    let email = crate::auth::model::parse_email(email).map_err(|msg| AppError::invalid("email", msg))?;
    let producer_name = crate::producers::store::find_by_id(db, sale.producer_id)
        .await?
        .ok_or_else(|| AppError::not_found(messages::PRODUCER))?
        .name;
    let receipt_link = receipt_url(public_url, &sale.code);
    let subject = format!("Biên nhận {} / Receipt {} — {producer_name}", sale.code, sale.code);
    let mut body = format!("{}\n{}\n\n", fair.name, crate::vn::time_vn(&sale.sold_at));
    for item in &sale.items {
        body.push_str(&format!("{} × {}: {}\n", item.name, item.quantity, Vnd(item.unit_price_vnd * item.quantity)));
    }
    let method = match sale.method {
        SaleMethod::Vietqr => "chuyển khoản VietQR / VietQR transfer",
        SaleMethod::Cash => "tiền mặt / cash",
    };
    body.push_str(&format!("\nTổng / Total: {} ({method})\n{receipt_link}\n", Vnd(sale.amount_vnd)));
    if !crate::orders::notify::to_address(db, &email, &subject, &body, &sale.code, RECEIPT_EMAILS).await? {
        return Err(AppError::conflict(
            "email",
            Message::from(messages::THIS_RECEIPT_WAS_E_MAILED_TIMES).with("receipt_emails", RECEIPT_EMAILS),
        ));
    }
    Ok(())
}

/// The most a booth may say it brought of one product.
pub const MAX_BROUGHT: i64 = 999_999;

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct DayCountLine {
    pub product_id: i64,
    /// Units brought to the fair; `null` stops counting the product apart.
    pub brought: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct DayCountsInput {
    #[serde(default)]
    pub items: Vec<DayCountLine>,
}

/// Sets what the booth brought of its products for the fair (see
/// `store::set_day_count`); every line is checked before any is written.
pub async fn set_day_counts(
    db: &Db,
    fair_id: i64,
    producer_id: i64,
    input: &DayCountsInput,
) -> AppResult<Vec<store::DayCount>> {
    let mut errors = FieldErrors::default();
    if input.items.len() > 200 {
        errors.add("items", messages::AT_MOST_200_PRODUCTS_AT_ONCE);
    }
    let ids: Vec<i64> = input.items.iter().map(|l| l.product_id).collect();
    let products = crate::catalog::store::list_by_ids(db, &ids).await?;
    for (i, line) in input.items.iter().enumerate() {
        match products.iter().find(|p| p.id == line.product_id) {
            Some(p) if p.producer_id == producer_id => {}
            Some(p) => errors.add(
                &format!("items[{i}].product_id"),
                Message::from(messages::IS_ANOTHER_PRODUCER_S_PRODUCT).with("name", &p.name),
            ),
            None => errors.add(
                &format!("items[{i}].product_id"),
                Message::from(messages::NO_PRODUCT).with("id", line.product_id),
            ),
        }
        if let Some(brought) = line.brought
            && !(0..=MAX_BROUGHT).contains(&brought)
        {
            errors.add(
                &format!("items[{i}].brought"),
                Message::from(messages::BROUGHT_0_TO_MAX).with("max_brought", MAX_BROUGHT),
            );
        }
    }
    errors.into_result()?;
    for line in &input.items {
        store::set_day_count(db, fair_id, producer_id, line.product_id, line.brought).await?;
    }
    Ok(store::day_counts(db, fair_id, producer_id).await?)
}

/// Withdraws a sale tapped by mistake or never paid: its goods go back into stock. A
/// VietQR sale whose money arrived is not withdrawn here (that is a refund).
pub async fn cancel(db: &Db, sale: &Sale) -> AppResult<Sale> {
    if sale.status == SaleStatus::Cancelled {
        return Ok(sale.clone());
    }
    let mut tx = db.begin_write().await?;
    if let Some(request_id) = sale.payment_request_id
        && !requests::cancel(&mut tx, request_id).await?
    {
        return Err(AppError::conflict("status", messages::SALE_PAID_ALREADY));
    }
    store::mark_cancelled(&mut tx, sale).await?;
    tx.commit().await.map_err(anyhow::Error::from)?;
    store::find(db, sale.id).await?.ok_or_else(|| AppError::not_found(messages::SALE))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> OffsetDateTime {
        db::parse_time("2026-12-03T03:00:00Z").unwrap()
    }

    fn input(method: &str) -> SaleInput {
        SaleInput {
            client_sale_id: Some("k7f2-12".into()),
            items: Some(vec![
                SaleItemInput { product_id: 4, quantity: 2 },
                SaleItemInput { product_id: 9, quantity: 1 },
                SaleItemInput { product_id: 4, quantity: 1 },
            ]),
            method: Some(method.into()),
            ..Default::default()
        }
    }

    #[test]
    fn lines_of_one_product_are_added_up() {
        let sale = input("cash").validate(now()).unwrap();
        assert_eq!(sale.items, vec![(4, 3), (9, 1)]);
        assert_eq!((sale.method, sale.sold_at), (SaleMethod::Cash, now()));
    }

    #[test]
    fn every_bad_field_is_named() {
        let bad = SaleInput {
            client_sale_id: Some("có dấu".into()),
            items: Some(vec![SaleItemInput { product_id: 4, quantity: 0 }]),
            amount_vnd: Some(-5),
            method: Some("card".into()),
            sold_at: Some("hôm qua".into()),
        };
        let errors = bad.validate(now()).unwrap_err();
        for field in ["client_sale_id", "items[0].quantity", "amount_vnd", "method", "sold_at"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let empty = SaleInput { method: Some("cash".into()), client_sale_id: Some("a-1".into()), ..Default::default() };
        assert!(empty.validate(now()).unwrap_err().get("items").is_some());
    }

    #[test]
    fn a_phone_clock_ahead_is_read_as_now() {
        let ahead = SaleInput { sold_at: Some("2026-12-03T09:00:00Z".into()), ..input("vietqr") };
        assert_eq!(ahead.validate(now()).unwrap().sold_at, now());
        let earlier = SaleInput { sold_at: Some("2026-12-03T02:15:00+07:00".into()), ..input("vietqr") };
        assert_eq!(db::time_text(earlier.validate(now()).unwrap().sold_at), "2026-12-02T19:15:00Z");
    }
}
