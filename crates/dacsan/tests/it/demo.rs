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
    assert!(dacsan::trace::chain::verify(&record, Some(&app.state.trace.trace_key.verifying())).is_ok());
    let (_, events) = app.get_json("/api/v1/batches/1/events").await;
    let sscc =
        events.as_array().unwrap().iter().find_map(|e| e["body"]["sscc"].as_str()).expect("a carton").to_string();
    let carton =
        app.api.get(app.url(&format!("/00/{sscc}"))).header("Accept", "application/json").send().await.unwrap();
    assert_eq!(carton.status(), 200, "the demo carton resolves");
    let carton: serde_json::Value = carton.json().await.unwrap();
    assert_eq!(carton["batches"][0]["batch_id"], 1, "{carton}");

    demo_orders_fill_every_desk(&app).await;

    // Products the demo orders sold out leave the public list, not the catalog.
    let products = dacsan::catalog::store::count(db).await.unwrap();
    let synthetic = dacsan::demo::fill_synthetic(db, 1000).await.unwrap();
    assert_eq!(synthetic as i64 + products, 1000);
}

/// After the programme and the orders: the seller's desk has an order in each of
/// the nine states, the unmatched inbox has transfers, the demo's certificates are
/// valid today and the office's market figures are not zero.
async fn demo_orders_fill_every_desk(app: &crate::helpers::TestApp) {
    let db = &app.state.db;
    let settings = crate::helpers::test_settings();
    assert!(dacsan::demo::fill_programme(db).await.unwrap() > 0);
    let orders = dacsan::demo::fill_orders(db, &settings).await.unwrap();
    assert!(orders >= 40, "{orders} demo orders");
    assert_eq!(dacsan::demo::fill_orders(db, &settings).await.unwrap(), 0, "placed once");

    let seller = dacsan::producers::store::find_by_slug(db, "htx-che-shan-tuyet-sin-ho").await.unwrap().unwrap();
    let desk = dacsan::orders::store::list_for_producers(db, &[seller.id], 500).await.unwrap();
    for &state in dacsan::orders::model::OrderStatus::ALL {
        assert!(desk.iter().any(|o| o.status == state), "the seller has no {state:?} order");
    }
    let today = dacsan::db::today_vn();
    let oldest = desk.iter().map(|o| o.created_at.clone()).min().unwrap();
    let weeks_ago = dacsan::db::time_text(time::OffsetDateTime::now_utc() - time::Duration::days(30));
    assert!(oldest < weeks_ago, "orders spread over the last weeks: {oldest}");
    for order in &desk {
        let events = dacsan::orders::store::events(db, order.id).await.unwrap();
        assert_eq!(events.last().unwrap().to_status, order.status.as_str(), "{}", order.code);
        assert!(events.windows(2).all(|w| w[0].created_at <= w[1].created_at), "{} history in order", order.code);
        let transfers = dacsan::payments::store::list_for_order(db, order.id).await.unwrap();
        let received: i64 = transfers.iter().map(|t| t.amount_vnd).sum();
        if order.payment_method == dacsan::orders::model::PaymentMethod::Vietqr {
            assert_eq!(received, order.paid_vnd, "{}: the transfers are what was paid", order.code);
        }
    }

    app.sign_in("admin@dacsan.vn", "dacsan-admin").await;
    let response = app.browser.get(app.url("/api/v1/payments/unmatched")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let unmatched: serde_json::Value = response.json().await.unwrap();
    assert!(unmatched.as_array().unwrap().len() >= 3, "{unmatched}");

    let five_stars: Vec<String> = sqlx::query_scalar("SELECT ocop_expires_on FROM products WHERE ocop_stars = 5")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    // The file means 6 of its 8 five-star certificates to be valid (2 expired on purpose): still so today.
    let valid = five_stars.iter().filter(|e| **e >= today.to_string()).count();
    assert_eq!(valid, 6, "{five_stars:?}");

    for province in ["12", "15"] {
        let market = dacsan::programme::kpis::market(db, province, today).await.unwrap();
        let orders = market.orders.orders + market.orders_previous_month.orders;
        assert!(orders > 0 && market.orders.revenue_vnd + market.orders_previous_month.revenue_vnd > 0, "{province}");
    }
    let market = dacsan::programme::kpis::market(db, "12", today).await.unwrap();
    assert!(market.orders.orders > 0, "Lai Châu's market this month: {market:?}");
}
