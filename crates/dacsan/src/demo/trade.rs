//! The demo region's trade board: the demo buyer as a Hà Nội restaurant chain with
//! a request for Shan tuyết tea quoted by two cooperatives (the demo seller's with a
//! deposit), a Japanese importer's request for honey, and a harvest offer — all
//! through the same rules as the API.

use anyhow::Context;

use crate::auth::{CurrentUser, Role};
use crate::db::{self, Db};
use crate::search::SearchIndex;
use crate::trade::model::{BusinessInput, ExportInput, OfferInput, QuoteInput, RfqInput, Tier};
use crate::trade::service;

fn as_user(id: i64, role: Role, producer_ids: Vec<i64>) -> CurrentUser {
    CurrentUser { id, email: String::new(), name: String::new(), role, producer_ids, provinces: Vec::new() }
}

fn day(days: i64) -> String {
    (db::today_vn() + time::Duration::days(days)).to_string()
}

fn quote(producer_id: i64, tiers: &[(i64, i64)], moq: i64, deposit_pct: i64, notes: &str) -> QuoteInput {
    QuoteInput {
        producer_id: Some(producer_id),
        tiers: tiers.iter().map(|&(min_quantity, unit_price_vnd)| Tier { min_quantity, unit_price_vnd }).collect(),
        moq: Some(moq),
        pack_size: Some("túi 1 kg hút chân không".into()),
        lead_days: Some(12),
        valid_until: Some(day(20)),
        deposit_pct: Some(deposit_pct),
        delivery_vnd: Some(2_400_000),
        notes: Some(notes.into()),
        ..Default::default()
    }
}

/// The Sìn Hồ teas ready for buyers abroad, and the dollar rate of English pages
/// (the admin's to keep current; this is the demo's starting figure).
async fn go_export(db: &Db) -> anyhow::Result<()> {
    let admin = crate::auth::store::find_by_email(db, super::ACCOUNTS[0].0).await?.context("the demo admin")?;
    crate::catalog::store::set_usd_rate(db, 26_300, admin.id).await?;
    let sin_ho = crate::producers::store::find_by_slug(db, "htx-che-shan-tuyet-sin-ho").await?.context("Sìn Hồ")?;
    let story = crate::producers::model::ProducerInput {
        story_en: Some(
            "Founded in 2016 by 27 Hmong and Dao families who keep ancient tea trees on the Sìn Hồ plateau, the \
             cooperative now tends more than **120 ha of Shan tuyết tea**, some trees over 200 years old. Every bud \
             is bought at a guaranteed floor price, so families can keep their tea forests."
                .into(),
        ),
        ..Default::default()
    };
    let valid = story.validate(Some(&sin_ho)).map_err(|e| anyhow::anyhow!("demo story: {e:?}"))?;
    crate::producers::store::update(db, sin_ho.id, &valid).await.map_err(|e| anyhow::anyhow!("demo story: {e}"))?;
    for (slug, grams) in
        [("che-shan-tuyet-co-thu-sin-ho-hop-100-g", 100), ("che-shan-tuyet-co-thu-sin-ho-hop-200-g", 200)]
    {
        let Some(product) = crate::catalog::store::find_by_slug(db, slug).await? else { continue };
        let input = crate::catalog::model::ProductInput {
            unit_en: Some(format!("box of {grams} g")),
            description_en: Some(
                "Shan tuyết buds from trees over a hundred years old on the Sìn Hồ plateau (1,500 m), hand-picked \
                 by Hmong and Dao families, pan-fired in cast iron and dried over wood. Bright amber liquor, honeyed \
                 finish; brew at 85 °C for 2 minutes, up to five infusions."
                    .into(),
            ),
            hs_code: Some("0902.10.90".into()),
            shelf_life_days: Some(730),
            certifications: Some(vec!["OCOP 3★".into(), "VietGAP".into()]),
            export_markets: Some(vec!["JP".into(), "KR".into()]),
            ..Default::default()
        };
        let valid = input
            .validate(Some(&product), &product.origin_commune_code)
            .map_err(|e| anyhow::anyhow!("demo export facts of {slug}: {e:?}"))?;
        crate::catalog::store::update(db, product.id, &valid).await.map_err(|e| anyhow::anyhow!("{slug}: {e}"))?;
    }
    Ok(())
}

/// Fills the board once (nothing when a request exists); returns the requests posted.
pub async fn fill_trade(db: &Db) -> anyhow::Result<usize> {
    if sqlx::query("SELECT 1 FROM rfqs LIMIT 1").fetch_optional(&db.pool).await?.is_some() {
        return Ok(0);
    }
    let buyer = crate::auth::store::find_by_email(db, super::ACCOUNTS[3].0).await?.context("the demo buyer")?;
    let buyer = as_user(buyer.id, Role::Buyer, Vec::new());
    let business = BusinessInput {
        name: Some("Công ty TNHH Chuỗi nhà hàng Phố Cổ".into()),
        tax_code: Some("0109876543".into()),
        address: Some("25 phố Hàng Buồm, phường Hoàn Kiếm, Hà Nội".into()),
        contact_phone: Some("0987 654 321".into()),
    };
    service::save_business(db, &buyer, &business).await.map_err(|e| anyhow::anyhow!("demo business: {e:?}"))?;
    go_export(db).await?;
    let search = SearchIndex::new()?;
    let tea = RfqInput {
        title: Some("Chè Shan tuyết cho 12 nhà hàng".into()),
        set_code: Some("che".into()),
        description: Some("Chè búp Shan tuyết sao khô, đóng túi 1 kg; cần giấy kiểm nghiệm an toàn thực phẩm.".into()),
        quantity: Some(600),
        unit: Some("kg".into()),
        target_price_vnd: Some(360_000),
        deliver_province_code: Some("01".into()),
        deliver_commune_code: Some("00070".into()),
        needed_by: Some(day(35)),
        min_ocop_stars: Some(3),
        requirements: vec!["traceable".into(), "sample_first".into()],
        ..Default::default()
    };
    let tea = service::post_rfq(db, &search, &buyer, &tea).await.map_err(|e| anyhow::anyhow!("demo rfq: {e:?}"))?.rfq;
    let honey = RfqInput {
        title: Some("Mint honey for a Japanese importer".into()),
        set_code: Some("mat-ong".into()),
        description: Some("Mật ong bạc hà Hà Giang, hũ 250 g, nhãn tiếng Anh; giao cảng Hải Phòng.".into()),
        quantity: Some(2_000),
        unit: Some("hũ".into()),
        deliver_province_code: Some("31".into()),
        needed_by: Some(day(60)),
        export: Some(ExportInput { country: Some("JP".into()), incoterm: Some("FOB".into()) }),
        ..Default::default()
    };
    service::post_rfq(db, &search, &buyer, &honey).await.map_err(|e| anyhow::anyhow!("demo rfq: {e:?}"))?;

    let admin = crate::auth::store::find_by_email(db, super::ACCOUNTS[0].0).await?.context("the demo admin")?;
    let seller_account =
        crate::auth::store::find_by_email(db, super::ACCOUNTS[1].0).await?.context("the demo seller account")?;
    let mut quoted = 0;
    for (slug, tiers, deposit, notes) in [
        (
            super::ACCOUNTS[1].3,
            [(100, 390_000), (500, 350_000)],
            30,
            "Chè vụ xuân, có lô truy xuất và phiếu kiểm nghiệm; gửi 1 kg mẫu trước.",
        ),
        ("htx-che-tan-uyen", [(200, 380_000), (600, 360_000)], 0, "Giao hai đợt, mỗi đợt 300 kg."),
    ] {
        let Some(producer) = crate::producers::store::find_by_slug(db, slug).await? else { continue };
        // The demo seller quotes for its cooperative; the admin for the other.
        let seller = if slug == super::ACCOUNTS[1].3 {
            as_user(seller_account.id, Role::Seller, vec![producer.id])
        } else {
            as_user(admin.id, Role::Admin, Vec::new())
        };
        let input = quote(producer.id, &tiers, tiers[0].0, deposit, notes);
        if service::send_quote(db, &seller, tea.id, &input).await.is_ok() {
            quoted += 1;
        }
    }
    let seller = crate::producers::store::find_by_slug(db, super::ACCOUNTS[1].3).await?.context("the demo seller")?;
    let offer = OfferInput {
        producer_id: Some(seller.id),
        set_code: Some("che".into()),
        title: Some("Chè Shan tuyết vụ xuân 2027".into()),
        quantity: Some(3_000),
        unit: Some("kg".into()),
        unit_price_vnd: Some(340_000),
        min_quantity: Some(100),
        available_from: Some(day(90)),
        notes: Some("Búp một tôm hai lá, sao thủ công; nhận đặt trước với 20 % cọc.".into()),
        ..Default::default()
    };
    let seller_user = as_user(seller_account.id, Role::Seller, vec![seller.id]);
    service::post_offer(db, &seller_user, &offer).await.map_err(|e| anyhow::anyhow!("demo offer: {e:?}"))?;
    tracing::debug!(quoted, "demo trade board filled");
    Ok(2)
}
