//! The demo region's programme office: registry ids for the demo producers, a dozen
//! producers of Lai Châu that are in the province's registry but not yet online,
//! listings on other channels with monthly sales, trainings, support cases and a
//! fair — dated over the past year, so the dashboard's trend has a history.

use anyhow::Context;
use sqlx::Row;
use time::{Duration, OffsetDateTime};

use crate::db::{self, Db};
use crate::programme::listings::{Platform, store as listings};
use crate::vn::text::slugify;

/// Registry-only producers of Lai Châu: (name, kind, commune, phone, product, product set, stars).
const REGISTRY_ONLY: [(&str, &str, &str, &str, &str, &str, i64); 12] = [
    ("Hộ kinh doanh Giàng A Lử", "ho_kinh_doanh", "03388", "0915201301", "Chè Shan tuyết Sà Dề Phìn", "che", 3),
    ("HTX Nông nghiệp Bình Lư", "hop_tac_xa", "03390", "0915201302", "Gạo tẻ râu Bình Lư", "gao-ngu-coc", 4),
    ("HTX Thảo dược Sin Suối Hồ", "hop_tac_xa", "03394", "0915201303", "Trà giảo cổ lam", "tra-thao-moc", 3),
    ("Tổ hợp tác Mật ong Tả Lèng", "to_hop_tac", "03405", "0915201304", "Mật ong rừng Tả Lèng", "mat-ong", 3),
    (
        "Hộ kinh doanh Lò Thị Ún",
        "ho_kinh_doanh",
        "03408",
        "0915201305",
        "Măng khô Tân Phong",
        "che-bien-rau-cu-qua-hat",
        0,
    ),
    ("HTX Dệt may Bản Hon", "hop_tac_xa", "03430", "0915201306", "Túi thổ cẩm Bản Hon", "vai-may-mac", 3),
    ("Công ty Dược liệu Mường Tè", "doanh_nghiep", "03463", "0915201307", "Cao sâm Lai Châu", "thuc-pham-chuc-nang", 4),
    ("HTX Chè Sìn Hồ Xanh", "hop_tac_xa", "03478", "0915201308", "Chè xanh Sìn Hồ", "che", 3),
    ("Hộ kinh doanh Vàng A Chứ", "ho_kinh_doanh", "03478", "0915201309", "Rượu ngô Sìn Hồ", "ruou-trang", 3),
    ("HTX Mắc ca Tam Đường", "hop_tac_xa", "03390", "0915201310", "Hạt mắc ca sấy", "che-bien-rau-cu-qua-hat", 4),
    ("HTX Miến dong Tân Uyên", "hop_tac_xa", "03598", "0915201311", "Miến dong Tân Uyên", "che-bien-gao-ngu-coc", 3),
    (
        "Hộ kinh doanh Lù Văn Sang",
        "ho_kinh_doanh",
        "03595",
        "0915201312",
        "Thịt trâu gác bếp",
        "che-bien-thit-thuy-san",
        0,
    ),
];

/// `days` before now, as a timestamp and as a date.
fn days_ago(days: i64) -> (String, String) {
    let at = OffsetDateTime::now_utc() - Duration::days(days);
    (db::time_text(at), at.date().to_string())
}

/// Adds the programme data once (when no producer has a registry id yet); returns how
/// many producers got one.
pub async fn fill_programme(db: &Db) -> anyhow::Result<usize> {
    let done: i64 = sqlx::query("SELECT COUNT(*) AS n FROM producers WHERE registry_code IS NOT NULL")
        .fetch_one(&db.pool)
        .await?
        .try_get("n")?;
    if done > 0 {
        return Ok(0);
    }
    let mut tx = db.begin_write().await?;
    let producers = sqlx::query("SELECT id, province_code FROM producers ORDER BY id").fetch_all(&mut *tx).await?;
    for (i, row) in producers.iter().enumerate() {
        let id: i64 = row.try_get("id")?;
        let province: String = row.try_get("province_code")?;
        // On dacsan for a year or so, every producer a little later than the one before.
        let (created_at, _) = days_ago(420 - (i as i64 * 7) % 360);
        let (_, trained_on) = days_ago(200 - (i as i64 * 13) % 180);
        sqlx::query(
            "UPDATE producers SET registry_code = $1, created_at = $2, trained_digital_on = $3, trained_packaging_on = $4
             WHERE id = $5",
        )
        .bind(format!("{province}-{:03}", i + 1))
        .bind(&created_at)
        .bind((i % 3 != 0).then(|| trained_on.clone()))
        .bind((i % 2 == 0).then(|| trained_on.clone()))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE payment_accounts SET created_on = $1 WHERE producer_id = $2")
            .bind(&created_at[..10])
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let (active_from, _) = days_ago(360 - (i as i64 * 11) % 330);
        sqlx::query("UPDATE products SET created_at = $1, active_since = CASE WHEN status = 'active' THEN $2 END, ecommerce_eligible = 1, registry_class = CASE WHEN ocop_stars >= 3 THEN 'ocop' ELSE 'seasonal' END WHERE producer_id = $3")
            .bind(&created_at)
            .bind(&active_from[..10])
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    add_registry_only(&mut tx).await?;
    tx.commit().await.context("commit the demo programme")?;
    add_listings(db).await?;
    add_trainings_cases_and_fair(db).await?;
    add_market_day(db).await?;
    add_live_session(db).await?;
    Ok(producers.len() + REGISTRY_ONLY.len())
}

async fn add_registry_only(tx: &mut sqlx::Transaction<'static, sqlx::Any>) -> anyhow::Result<()> {
    for (i, (name, kind, commune, phone, product, set, stars)) in REGISTRY_ONLY.iter().enumerate() {
        let (created_at, _) = days_ago(300 - i as i64 * 9);
        let phone = crate::vn::phone::Phone::parse(phone)
            .map_err(|e| anyhow::anyhow!("{name}: {}", crate::error::Message::from(e)))?;
        let producer: i64 = sqlx::query(
            "INSERT INTO producers (slug, name, kind, province_code, commune_code, street, phone, created_at, updated_at,
                                    registry_code, declared_store_on, declared_payment_on)
             VALUES ($1, $2, $3, '12', $4, '', $5, $6, $6, $7, $8, $8) RETURNING id",
        )
        .bind(format!("{}-lc-r{:03}", slugify(name), i + 1))
        .bind(name)
        .bind(kind)
        .bind(commune)
        .bind(phone.e164())
        .bind(&created_at)
        .bind(format!("LC-R{:03}", i + 1))
        // A third declare a store and a payment account of their own elsewhere.
        .bind((i % 3 == 0).then(|| created_at[..10].to_string()))
        .fetch_one(&mut **tx)
        .await?
        .try_get("id")?;
        let (certified, _) = days_ago(500 + i as i64 * 20);
        let (expires, _) = days_ago(500 + i as i64 * 20 - 365 * 3);
        sqlx::query(
            "INSERT INTO products (slug, producer_id, name, set_code, ocop_stars, ocop_certificate_no, ocop_authority,
                                   ocop_certified_on, ocop_expires_on, price_vnd, unit, weight_g, stock, origin_commune_code,
                                   status, created_at, updated_at, registry_class, ecommerce_eligible)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, 'sản phẩm', 0, 0, $10, 'draft', $11, $11, $12, $13)",
        )
        .bind(format!("{}-lc-r{:03}", slugify(product), i + 1))
        .bind(producer)
        .bind(product)
        .bind(set)
        .bind(stars)
        .bind((*stars > 0).then(|| format!("{}/QĐ-UBND", 1200 + i)))
        .bind((*stars > 0).then_some("UBND tỉnh Lai Châu"))
        .bind((*stars > 0).then(|| certified[..10].to_string()))
        .bind((*stars > 0).then(|| expires[..10].to_string()))
        .bind(commune)
        .bind(&created_at)
        .bind(if *stars > 0 { "ocop" } else { "seasonal" })
        .bind(i64::from(i % 4 != 3))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Every third product of the northern provinces on another channel, with monthly sales.
async fn add_listings(db: &Db) -> anyhow::Result<()> {
    let rows = sqlx::query(
        "SELECT p.id FROM products p JOIN producers pr ON pr.id = p.producer_id
         WHERE pr.registry_code IS NOT NULL ORDER BY p.id",
    )
    .fetch_all(&db.pool)
    .await?;
    let platforms = [Platform::Shopee, Platform::TiktokShop, Platform::Postmart, Platform::Lazada, Platform::Voso];
    let mut tx = db.begin_write().await?;
    for (i, row) in rows.iter().enumerate().filter(|(i, _)| i % 3 == 0) {
        let product: i64 = row.try_get("id")?;
        let months = 2 + (i as i64 % 9);
        let (_, listed_on) = days_ago(months * 30 + 5);
        let platform = platforms[i / 3 % platforms.len()];
        let (listing, _) = listings::ensure_in(&mut tx, product, platform, &listed_on, None).await?;
        for m in 0..months {
            let (_, day) = days_ago(m * 30);
            let units = 5 + (i as i64 * 7 + m * 3) % 40;
            listings::upsert_sales(&mut tx, listing, &day[..7], units, units * (90_000 + (i as i64 % 5) * 30_000))
                .await?;
        }
    }
    tx.commit().await.context("commit the demo listings")?;
    Ok(())
}

async fn add_trainings_cases_and_fair(db: &Db) -> anyhow::Result<()> {
    let now = db::now();
    let mut tx = db.begin_write().await?;
    let producers: Vec<i64> = sqlx::query("SELECT id FROM producers WHERE province_code = '12' ORDER BY id")
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| r.try_get("id"))
        .collect::<Result<_, _>>()?;
    let courses = [
        ("Go Online: mở gian hàng và bán trên sàn", "go_online", 75, "Trung tâm Xúc tiến thương mại Lai Châu"),
        ("Đóng gói, kết nối, giao nhận hàng OCOP", "packaging_delivery", 40, "Bưu điện tỉnh Lai Châu"),
        ("Livestream bán hàng nông sản", "go_online", 15, "Sở Công Thương Lai Châu"),
    ];
    for (c, (title, pillar, days, trainer)) in courses.iter().enumerate() {
        let course: i64 = sqlx::query(
            "INSERT INTO courses (province_code, title, pillar, created_at) VALUES ('12', $1, $2, $3) RETURNING id",
        )
        .bind(title)
        .bind(pillar)
        .bind(&now)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        let (_, held_on) = days_ago(*days);
        let session: i64 = sqlx::query(
            "INSERT INTO training_sessions (course_id, held_on, place, trainer, created_at)
             VALUES ($1, $2, 'Hội trường UBND tỉnh, Phường Tân Phong', $3, $4) RETURNING id",
        )
        .bind(course)
        .bind(&held_on)
        .bind(trainer)
        .bind(&now)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        for (i, producer) in producers.iter().enumerate().filter(|(i, _)| (i + c) % 2 == 0) {
            sqlx::query(
                "INSERT INTO training_attendance (session_id, producer_id, attendee_name, completed) VALUES ($1, $2, $3, $4)",
            )
            .bind(session)
            .bind(producer)
            .bind(format!("Học viên {}", i + 1))
            .bind(i64::from(i % 5 != 4))
            .execute(&mut *tx)
            .await?;
        }
    }
    let officer: Option<i64> = sqlx::query("SELECT id FROM users WHERE email = 'officer@dacsan.vn'")
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| r.try_get("id"))
        .transpose()?;
    let topics = [
        ("open_store", "Mở gian hàng trên dacsan"),
        ("payment_account", "Mở tài khoản nhận tiền VietQR"),
        ("photos", "Chụp ảnh sản phẩm"),
    ];
    for (i, producer) in producers.iter().rev().take(3).enumerate() {
        let (_, due) = days_ago(-7 * (i as i64 + 1));
        sqlx::query(
            "INSERT INTO support_cases (producer_id, topic, title, owner_user_id, status, due_on, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, 'open', $5, $4, $6, $6)",
        )
        .bind(producer)
        .bind(topics[i].0)
        .bind(topics[i].1)
        .bind(officer)
        .bind(&due)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    let (_, starts) = days_ago(20);
    let (_, ends) = days_ago(17);
    let fair: i64 = sqlx::query(
        "INSERT INTO fairs (province_code, name, kind, place, starts_on, ends_on, visitors, created_at, updated_at)
         VALUES ('12', 'Hội chợ OCOP và đặc sản Lai Châu', 'fair', 'Quảng trường Nhân dân, Phường Tân Phong', $1, $2, 12500, $3, $3)
         RETURNING id",
    )
    .bind(&starts)
    .bind(&ends)
    .bind(&now)
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    for (i, producer) in producers.iter().take(6).enumerate() {
        sqlx::query("INSERT INTO fair_booths (fair_id, producer_id, booth, revenue_vnd) VALUES ($1, $2, $3, $4)")
            .bind(fair)
            .bind(producer)
            .bind(format!("A{}", i + 1))
            .bind(4_500_000 + i as i64 * 1_250_000)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await.context("commit the demo trainings")?;
    Ok(())
}

/// A market session on today and tomorrow with four booths and their first sales, so
/// that the demo seller's till (`/stall`) and the fair's figures have something to show.
async fn add_market_day(db: &Db) -> anyhow::Result<()> {
    use crate::programme::fairs::sales::SaleMethod;
    use crate::programme::fairs::sales_store::{self, NewItem, NewSale};
    let today = crate::db::today_vn();
    let fields = crate::programme::fairs::model::FairFields {
        name: "Phiên chợ hàng Việt – Lai Châu".into(),
        kind: crate::programme::fairs::model::FairKind::MarketSession,
        place: "Nhà văn hóa phường Tân Phong".into(),
        starts_on: today.to_string(),
        ends_on: (today + Duration::days(1)).to_string(),
        visitors: 0,
        target_revenue_vnd: 1_500_000_000,
    };
    let fair = crate::programme::fairs::store::insert(db, "12", &fields).await?;
    let producers: Vec<i64> = sqlx::query(
        "SELECT p.id FROM producers p WHERE p.province_code = '12' AND EXISTS
           (SELECT 1 FROM products x WHERE x.producer_id = p.id AND x.status = 'active')
         ORDER BY CASE WHEN p.slug = 'htx-che-shan-tuyet-sin-ho' THEN 0 ELSE 1 END, p.id LIMIT 4",
    )
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| r.try_get("id"))
    .collect::<Result<_, _>>()?;
    let seller: i64 = sqlx::query("SELECT id FROM users WHERE email = 'seller@dacsan.vn'")
        .fetch_one(&db.pool)
        .await?
        .try_get("id")?;
    let now = OffsetDateTime::now_utc();
    for (b, producer) in producers.iter().enumerate() {
        crate::programme::fairs::store::upsert_booth(db, fair, *producer, &format!("B{}", b + 1), 0).await?;
        let products = crate::catalog::store::list_for_producer(db, *producer, true, 3).await?;
        let has_account = crate::producers::store::payment_account(db, *producer).await?.is_some();
        for (n, product) in products.iter().enumerate() {
            let method = if has_account && n % 2 == 0 { SaleMethod::Vietqr } else { SaleMethod::Cash };
            let quantity = 1 + (n as i64 + b as i64) % 3;
            let sale = NewSale {
                fair_id: fair,
                producer_id: *producer,
                client_sale_id: format!("demo-{b}-{n}"),
                method,
                amount_vnd: product.price.0 * quantity,
                sold_at: db::time_text(now - Duration::minutes(90 - 20 * n as i64 - 7 * b as i64)),
                created_by: seller,
                items: vec![NewItem {
                    product_id: product.id,
                    name: product.name.clone(),
                    set_code: product.set_code.clone(),
                    unit_price_vnd: product.price.0,
                    quantity,
                    stock_seen: product.stock,
                    counted_apart: false,
                }],
            };
            let Some(stored) = sales_store::insert(db, &sale).await? else { continue };
            // The first transfer arrived; a later one is still awaited.
            if method == SaleMethod::Vietqr && n == 0 {
                let transfer = crate::payments::model::Transfer {
                    source: "sepay",
                    source_txn_id: format!("demo-stall-{}", stored.code),
                    bank_reference: format!("FT{}", stored.code),
                    amount_vnd: stored.amount_vnd,
                    content: format!("{} chuyen tien", stored.code),
                    account_number: String::new(),
                    transacted_at: sale.sold_at.clone(),
                };
                crate::payments::service::apply_transfer(db, &transfer).await?;
            }
        }
    }
    Ok(())
}

/// A live session of the demo seller's products, on air from an hour ago for a day,
/// hosted by the demo buyer, with session prices on two products.
async fn add_live_session(db: &Db) -> anyhow::Result<()> {
    use crate::live::model::{Platform, ValidItem, ValidSession};
    let seller =
        crate::producers::store::find_by_slug(db, "htx-che-shan-tuyet-sin-ho").await?.context("the demo seller")?;
    let products = crate::catalog::store::list_for_producer(db, seller.id, true, 3).await?;
    let user = |email: &'static str| async move {
        let row = sqlx::query("SELECT id FROM users WHERE email = $1").bind(email).fetch_one(&db.pool).await?;
        anyhow::Ok(row.try_get::<i64, _>("id")?)
    };
    let now = OffsetDateTime::now_utc();
    let session = ValidSession {
        title: "Chè Shan tuyết Sìn Hồ: hái, sao và pha trà cùng HTX".into(),
        title_en: "Sìn Hồ Shan tuyết tea: picking, roasting and brewing with the cooperative".into(),
        platform: Platform::Tiktok,
        stream_url: "https://www.tiktok.com/@htxcheshantuyetsinho/live".into(),
        starts_at: now - Duration::hours(1),
        ends_at: now + Duration::hours(23),
        host_user_id: Some(user("buyer@dacsan.vn").await?),
        items: products
            .iter()
            .enumerate()
            .map(|(i, p)| ValidItem {
                product_id: p.id,
                // 10 % off the first two, rounded down to a thousand đồng.
                session_price_vnd: (i < 2).then(|| p.price.0 * 9 / 10 / 1000 * 1000),
                stock_cap: (i == 0).then_some(30),
            })
            .collect(),
    };
    crate::live::store::insert(db, &session, "che-shan-tuyet-sin-ho-live", "SINHO1", user("seller@dacsan.vn").await?)
        .await?
        .context("the demo live session")?;
    Ok(())
}
