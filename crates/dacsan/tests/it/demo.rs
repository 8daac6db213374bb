//! `dacsan demo`: the demo region.

use std::collections::HashSet;

use dacsan::vn::text::fold;

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_demo_region_is_complete() {
    let app = spawn_app().await;
    let db = &app.state.db;
    let added = dacsan::demo::fill(db).await.unwrap();
    assert!(added >= 300, "{added} products");
    assert_eq!(dacsan::demo::fill(db).await.unwrap(), 0, "fills only an empty database");
    dacsan::catalog::service::rebuild_index(db, &app.state.search).await.unwrap();

    let producers = dacsan::producers::store::list(db, 1000, 0).await.unwrap();
    assert!(producers.len() >= 60);
    let provinces: HashSet<&str> = producers.iter().map(|p| p.province_code.as_str()).collect();
    assert!(provinces.len() >= 10, "{provinces:?}");
    for p in &producers {
        let account = dacsan::producers::store::payment_account(db, p.id).await.unwrap();
        assert!(account.is_some_and(|a| a.bank_bin.len() == 6), "{} has a VietQR account", p.slug);
    }

    let (_, all) = app.get_json("/api/v1/products?per_page=100").await;
    assert!(all["total"].as_u64().unwrap() >= 300);
    for specialty in [
        "shan tuyet",
        "seng cu",
        "mat ong bac ha",
        "sam lai chau",
        "tuong ot muong khuong",
        "ca hoi",
        "que",
        "gac bep",
        "tho cam",
        "tao meo",
        "buoi muc",
        "dua",
        "mac ca",
        "dong trung ha thao",
    ] {
        let (_, found) = app.get_json(&format!("/api/v1/products?q={}", specialty.replace(' ', "%20"))).await;
        assert!(found["total"].as_u64().unwrap() > 0, "no {specialty}");
    }
    let (_, found) = app.get_json("/api/v1/products?q=sam%20lai%20chau").await;
    assert!(fold(found["items"][0]["name"].as_str().unwrap()).contains("sam lai chau"));
    assert!(found["items"][0]["image_url"].as_str().is_some(), "demo products have pictures");

    let batches = dacsan::demo::fill_traces(db, crate::helpers::test_settings()).await.unwrap();
    assert!(batches >= 30, "{batches} traceable batches");
    assert_eq!(dacsan::demo::fill_traces(db, crate::helpers::test_settings()).await.unwrap(), 0);
    let with_events: i64 =
        sqlx::query_scalar("SELECT COUNT(DISTINCT batch_id) FROM trace_events").fetch_one(&db.pool).await.unwrap();
    assert!(with_events >= 30, "{with_events} batches have events");
    let (status, record) = app.get_json("/api/v1/batches/1/record").await;
    assert_eq!(status, 200);
    let record: dacsan::trace::chain::Record = serde_json::from_value(record).unwrap();
    assert!(record.events.len() >= 5);
    assert!(dacsan::trace::chain::verify(&record, Some(&app.state.trace_key.verifying())).is_ok());
    let (_, events) = app.get_json("/api/v1/batches/1/events").await;
    let sscc =
        events.as_array().unwrap().iter().find_map(|e| e["body"]["sscc"].as_str()).expect("a carton").to_string();
    let carton =
        app.api.get(app.url(&format!("/00/{sscc}"))).header("Accept", "application/json").send().await.unwrap();
    assert_eq!(carton.status(), 200, "the demo carton resolves");
    let carton: serde_json::Value = carton.json().await.unwrap();
    assert_eq!(carton["batches"][0]["batch_id"], 1, "{carton}");

    let synthetic = dacsan::demo::fill_synthetic(db, 1000).await.unwrap();
    assert_eq!(synthetic as u64 + all["total"].as_u64().unwrap(), 1000);
}
