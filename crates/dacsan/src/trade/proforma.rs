//! The pro-forma invoice of an accepted quote, in English and Vietnamese on one A4
//! page (laid out by `labels::report`): seller and buyer, the goods at the accepted
//! tier, delivery, the deposit and the balance, the terms (Incoterm and port, lead
//! time) and the account to pay into. What an importer's bank or a buyer's
//! accountant asks for before money moves.

use labels::report::{Block, Column, Report, Table};

use super::messages;
use super::service::{self, QuoteView};
use super::store::{Business, Rfq};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::orders::store::{Order, OrderItem};
use crate::producers::Producer;
use crate::producers::store::PaymentAccount;
use crate::vn::Vnd;

/// Everything the invoice prints.
pub struct Proforma<'a> {
    pub rfq: &'a Rfq,
    pub quote: &'a QuoteView,
    pub order: &'a Order,
    pub item: &'a OrderItem,
    pub seller: &'a Producer,
    pub buyer: &'a Business,
    pub account: Option<&'a PaymentAccount>,
}

/// The pro-forma invoice of an accepted quote, for its buyer, its producer's
/// sellers and the office.
pub async fn for_quote(db: &Db, user: &CurrentUser, quote_id: i64) -> AppResult<Vec<u8>> {
    let (quote, rfq, _) = service::quote_party(db, user, quote_id).await?;
    let Some(order_id) = quote.order_id.filter(|_| quote.status == "accepted") else {
        return Err(AppError::conflict("quote", messages::ONLY_ACCEPTED_QUOTES_HAVE_A_PROFORMA));
    };
    let order =
        crate::orders::store::find_by_id(db, order_id).await?.ok_or_else(|| AppError::not_found(messages::ORDER))?;
    let item = crate::orders::store::items(db, order_id)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| AppError::not_found(messages::ORDER_LINE))?;
    let seller = crate::producers::store::find_by_id(db, quote.producer_id)
        .await?
        .ok_or_else(|| AppError::not_found(messages::PRODUCER))?;
    let buyer = super::store::business(db, rfq.buyer_user_id)
        .await?
        .ok_or_else(|| AppError::not_found(messages::BUSINESS_PROFILE))?;
    let account = crate::producers::store::payment_account(db, quote.producer_id).await?;
    let view = service::quote_view(db, &rfq, quote).await?;
    let document = Proforma {
        rfq: &rfq,
        quote: &view,
        order: &order,
        item: &item,
        seller: &seller,
        buyer: &buyer,
        account: account.as_ref(),
    };
    pdf(&document).await
}

/// The PDF file; rendering runs off the async workers.
pub async fn pdf(proforma: &Proforma<'_>) -> AppResult<Vec<u8>> {
    let document = document(proforma);
    tokio::task::spawn_blocking(move || labels::report::report(&document))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(e.into()))
}

fn column(title: &str, weight: u16, numeric: bool) -> Column {
    Column { title: title.to_string(), weight, numeric }
}

fn money(vnd: i64) -> String {
    Vnd(vnd).to_string()
}

/// Two-column facts as a table without a header: `label` — `value`.
fn facts(rows: Vec<(&str, String)>) -> Block {
    Block::Table(Table {
        columns: vec![column("", 2, false), column("", 5, false)],
        rows: rows.into_iter().map(|(label, value)| vec![label.to_string(), value]).collect(),
    })
}

fn document(p: &Proforma<'_>) -> Report {
    let order = p.order;
    let latest = &p.quote.latest;
    let date = order.created_at.get(..10).unwrap_or(&order.created_at).to_string();
    let mut blocks = vec![
        Block::Heading("Seller / Bên bán".into()),
        facts(vec![
            ("Name / Tên", p.seller.name.clone()),
            ("Address / Địa chỉ", p.seller.address()),
            ("Tax code / Mã số thuế", p.seller.tax_code.clone().unwrap_or_else(|| "—".into())),
            (
                "Phone / Điện thoại",
                crate::vn::Phone::parse(&p.seller.phone).map_or(p.seller.phone.clone(), |ph| ph.national()),
            ),
        ]),
        Block::Heading("Buyer / Bên mua".into()),
        facts(vec![
            ("Name / Tên", p.buyer.name.clone()),
            ("Address / Địa chỉ", p.buyer.address.clone()),
            ("Tax code / Mã số thuế", p.buyer.tax_code.clone()),
            (
                "Phone / Điện thoại",
                crate::vn::Phone::parse(&p.buyer.contact_phone)
                    .map_or(p.buyer.contact_phone.clone(), |ph| ph.national()),
            ),
            (
                "Deliver to / Giao tới",
                format!("{}, {}", order.ship_street, place(&order.ship_commune_code, &order.ship_province_code)),
            ),
        ]),
        Block::Heading("Goods / Hàng hóa".into()),
        Block::Table(Table {
            columns: vec![
                column("Description / Mô tả", 8, false),
                column("Quantity / Số lượng", 3, true),
                column("Unit / Đơn vị", 2, false),
                column("Unit price / Đơn giá (VND)", 4, true),
                column("Amount / Thành tiền (VND)", 4, true),
            ],
            rows: vec![
                vec![
                    p.item.name.clone(),
                    p.item.quantity.to_string(),
                    p.item.unit.clone(),
                    money(p.item.price_vnd),
                    money(order.subtotal_vnd),
                ],
                vec![
                    "Delivery / Giao hàng".into(),
                    String::new(),
                    String::new(),
                    String::new(),
                    money(order.shipping_vnd),
                ],
                vec!["Total / Tổng cộng".into(), String::new(), String::new(), String::new(), money(order.total_vnd)],
            ],
        }),
        Block::Heading("Terms / Điều kiện".into()),
    ];
    let mut terms = vec![
        ("Order / Đơn hàng", order.code.clone()),
        ("Price tiers / Bậc giá", super::service::tiers_text(&latest.tiers, &p.rfq.unit)),
        ("Lead time / Thời gian chuẩn bị", format!("{} days / ngày", latest.lead_days)),
    ];
    if let Some(term) = &latest.incoterm {
        terms.push(("Incoterm 2020", format!("{term} {}", latest.port).trim().to_string()));
    }
    if let Some(country) = &p.rfq.export_country {
        terms.push(("Destination / Nước nhập", country.clone()));
    }
    if !latest.pack_size.is_empty() {
        terms.push(("Packing / Đóng gói", latest.pack_size.clone()));
    }
    if order.deposit_vnd > 0 {
        terms.push(("Deposit / Đặt cọc", format!("{} ({} %)", money(order.deposit_vnd), latest.deposit_pct)));
        terms.push(("Balance / Còn lại", money(order.total_vnd - order.deposit_vnd)));
    }
    terms.push(("Paid / Đã trả", money(order.paid_vnd)));
    blocks.push(facts(terms));
    blocks.push(Block::Heading("Payment / Thanh toán".into()));
    blocks.push(match p.account {
        Some(account) if order.payment_method == crate::orders::PaymentMethod::Vietqr => facts(vec![
            (
                "Bank / Ngân hàng",
                crate::vn::banks::by_bin(&account.bank_bin).map_or(account.bank_bin.clone(), |b| b.short_name.clone()),
            ),
            ("Account / Số tài khoản", account.account_number.clone()),
            ("Holder / Chủ tài khoản", account.account_holder.clone()),
            ("Transfer content / Nội dung", order.code.clone()),
        ]),
        _ => Block::Text("Cash on delivery / Thanh toán khi nhận hàng".into()),
    });
    if !latest.notes.is_empty() {
        blocks.push(Block::Text(latest.notes.clone()));
    }
    blocks.push(Block::Text(
        "A pro-forma invoice is not a tax invoice; the VAT e-invoice follows delivery. / Hóa đơn chiếu lệ không phải hóa đơn GTGT; hóa đơn điện tử được xuất khi giao hàng."
            .into(),
    ));
    Report {
        title: "PRO-FORMA INVOICE / HÓA ĐƠN CHIẾU LỆ".into(),
        subtitle: format!("No. / Số PF-{} · {date}", order.code),
        footer: format!("dacsan · PF-{}", order.code),
        blocks,
    }
}

fn place(commune: &str, province: &str) -> String {
    let commune = crate::vn::admin_units::commune(commune).map(|c| c.name.clone()).unwrap_or_default();
    let province = crate::vn::admin_units::province(province).map(|p| p.name.clone()).unwrap_or_default();
    [commune, province].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")
}
