//! Traceable batches for the demo region: a batch with its journey (harvest,
//! processing, test, packing, shipping, receiving) for about one product in nine
//! and for every product of the demo seller, some with serial labels, all chained
//! and signed like real ones.

use std::sync::Arc;

use anyhow::Context;
use serde_json::json;
use sqlx::Row;
use time::{Date, Duration, OffsetDateTime};

use crate::auth::CurrentUser;
use crate::auth::model::Role;
use crate::catalog::store as products;
use crate::config::Settings;
use crate::db::Db;
use crate::trace::model::{BatchInput, EventInput, InputRef};
use crate::trace::service::{self, Recorder};
use crate::trace::{ScanRecorder, TraceState, keys, store};

const CARRIERS: [&str; 4] = ["Viettel Post", "VNPost", "GHN", "J&T Express"];
const LABS: [&str; 3] = [
    "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng 1 (QUATEST 1)",
    "Viện Kiểm nghiệm an toàn vệ sinh thực phẩm quốc gia",
    "Trung tâm Kiểm nghiệm tỉnh",
];

/// Adds the demo batches unless there are some already; returns how many.
pub async fn fill_traces(db: &Db, settings: Settings) -> anyhow::Result<usize> {
    if sqlx::query("SELECT 1 FROM batches LIMIT 1").fetch_optional(&db.pool).await?.is_some() {
        return Ok(0);
    }
    let keyring = crate::secrets::key_from_setting("DACSAN_SECRET_KEY", &settings.secret_key.0)?
        .map(crate::secrets::Keyring::new);
    let key = keys::load_or_create(db, keyring.as_ref()).await?;
    let state = TraceState {
        db: db.clone(),
        settings: Arc::new(settings),
        trace_key: Arc::new(key),
        scans: ScanRecorder::spawn(db.clone()),
        batch_cache: Arc::default(),
        response_cache: Arc::default(),
    };
    let admin = crate::auth::store::find_by_email(db, super::ACCOUNTS[0].0).await?.context("the demo admin")?;
    let user = CurrentUser {
        id: admin.id,
        email: admin.email.clone(),
        name: "Ban quản lý dacsan".into(),
        role: Role::Admin,
        producer_ids: Vec::new(),
        provinces: Vec::new(),
    };
    let seller = super::ACCOUNTS[1].3;
    let rows = sqlx::query(
        "SELECT p.id, (pr.slug = $1) AS own FROM products p JOIN producers pr ON pr.id = p.producer_id ORDER BY p.id LIMIT 1000",
    )
    .bind(seller)
    .fetch_all(&db.pool)
    .await?;
    let today = crate::db::today_vn();
    let mut made = 0;
    for (i, row) in rows.iter().enumerate() {
        let id: i64 = row.try_get(0)?;
        let own: bool = row.try_get::<i64, _>(1).map(|v| v != 0).or_else(|_| row.try_get::<bool, _>(1))?;
        if i % 9 != 0 && !own {
            continue;
        }
        batch_with_journey(&state, &user, id, i, today).await.with_context(|| format!("demo batch of product {id}"))?;
        made += 1;
    }
    Ok(made)
}

async fn batch_with_journey(
    state: &TraceState,
    user: &CurrentUser,
    product_id: i64,
    i: usize,
    today: Date,
) -> anyhow::Result<()> {
    let product = products::find_by_id(&state.db, product_id).await?.context("product")?;
    let producer = crate::producers::store::find_by_id(&state.db, product.producer_id).await?.context("producer")?;
    let produced = today - Duration::days(20 + (i as i64 * 7) % 90);
    let input = BatchInput {
        lot: Some(format!("L{}-{:03}", produced.year() % 100 * 100 + u8::from(produced.month()) as i32, i % 1000)),
        produced_on: Some(produced.to_string()),
        expires_on: Some((produced + Duration::days(365)).to_string()),
        quantity: Some(200 + (i as i64 * 37) % 800),
        origin_commune_code: None,
        latitude: None,
        longitude: None,
        inputs: vec![InputRef {
            batch_id: None,
            description: Some(format!("Nguyên liệu vùng trồng {}", producer.name)),
        }],
        standards: Some(if i.is_multiple_of(2) { "TCVN 5603:2023 (HACCP)".into() } else { "VietGAP".into() }),
    };
    let valid = input.validate(&product.origin_commune_code, today).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let batch =
        service::create_batch(state, user, &product, &producer, valid).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let sscc = demo_sscc(producer.id, batch.id);
    let start = OffsetDateTime::new_in_offset(produced, time::macros::time!(7:30), time::macros::offset!(+7))
        - Duration::days(2);
    let steps = [
        (
            0,
            json!({"kind": "harvest", "who": producer.name, "commune_code": product.origin_commune_code, "quantity": batch.quantity}),
        ),
        (
            1,
            json!({"kind": "processing", "who": format!("Xưởng chế biến {}", producer.name), "commune_code": producer.commune_code}),
        ),
        (
            2,
            json!({"kind": "quality_test", "who": LABS[i % LABS.len()], "passed": true, "note": "Đạt chỉ tiêu vi sinh và kim loại nặng"}),
        ),
        (
            3,
            json!({"kind": "packing", "who": producer.name, "container": format!("Thùng {}", 1 + i % 12), "sscc": sscc, "quantity": batch.quantity}),
        ),
        (
            5,
            json!({"kind": "shipping", "who": CARRIERS[i % CARRIERS.len()], "commune_code": producer.commune_code, "sscc": sscc}),
        ),
        (8, json!({"kind": "receiving", "who": "Kho trung chuyển Hà Nội", "commune_code": "00004"})),
    ];
    let now = OffsetDateTime::now_utc();
    for (day, mut body) in steps {
        let at = start + Duration::days(day) + Duration::hours(day);
        if at > now {
            break;
        }
        body["time"] = json!(at.format(&time::format_description::well_known::Rfc3339)?);
        let event: EventInput = serde_json::from_value(body)?;
        let valid = event.validate(now).map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let content = service::content_of(&state.db, &batch, valid).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
        service::append(state, &batch, Recorder::from(user), content).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
    }
    if i.is_multiple_of(3) {
        let latest = store::find_batch(&state.db, batch.id).await?.context("batch")?;
        service::issue_serials(&state.db, &latest, 20).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
    }
    Ok(())
}

/// A carton's SSCC for the demo: extension digit 0, a made-up company prefix under
/// GS1 Vietnam's 893, the producer and the batch, and the check digit.
fn demo_sscc(producer_id: i64, batch_id: i64) -> String {
    let body = format!("0893{:04}{:09}", producer_id % 10_000, batch_id % 1_000_000_000);
    let check = gs1::check_digit(&body).expect("the body is 17 digits");
    format!("{body}{check}")
}
