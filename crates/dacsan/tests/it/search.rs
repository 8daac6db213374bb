//! `GET /api/v1/products?q=…` and `/search`: Vietnamese folding, ranking, typos,
//! prefixes, filters, facets, sorting and pagination.

use serde_json::Value;

use crate::helpers::{TestApp, spawn_app};

async fn catalog(app: &TestApp) {
    let tea = app.producer().create().await;
    let ginseng = app.producer().name("Công ty Sâm Lai Châu Mường Tè").place("12", "03463").create().await;
    let honey = app.producer().name("HTX Mật ong Mèo Vạc").place("08", "00769").create().await;
    app.product(ginseng.id)
        .name("Sâm Lai Châu 5 năm tuổi", "Lai Chau ginseng, 5 years")
        .set("thuc-pham-chuc-nang")
        .price(1_800_000)
        .stars(5, "2024-05-01", "2099-05-01")
        .origin("03463")
        .create()
        .await;
    app.product(ginseng.id)
        .name("Rượu sâm núi", "Mountain ginseng liquor")
        .set("ruou-trang")
        .price(900_000)
        .origin("03463")
        .create()
        .await;
    app.product(tea.id)
        .name("Chè Shan tuyết Sìn Hồ", "Sin Ho Shan tuyet tea")
        .price(250_000)
        .stars(4, "2024-01-01", "2099-01-01")
        .create()
        .await;
    app.product(tea.id)
        .name("Chè xanh Tam Đường", "Tam Duong green tea")
        .price(120_000)
        .stock(0)
        .stars(3, "2019-01-01", "2022-01-01")
        .create()
        .await;
    app.product(honey.id)
        .name("Mật ong bạc hà Mèo Vạc", "Meo Vac mint honey")
        .set("mat-ong")
        .price(450_000)
        .stars(4, "2024-01-01", "2099-01-01")
        .origin("00769")
        .create()
        .await;
}

fn names(body: &Value) -> Vec<String> {
    body["items"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn finds_without_tone_marks() {
    let app = spawn_app().await;
    catalog(&app).await;
    let (status, body) = app.get_json("/api/v1/products?q=sam%20lai%20chau").await;
    assert_eq!(status, 200);
    assert_eq!(names(&body)[0], "Sâm Lai Châu 5 năm tuổi");
    let first = &body["items"][0];
    for field in [
        "id",
        "slug",
        "name",
        "name_en",
        "price_vnd",
        "unit",
        "stock",
        "producer_id",
        "province_code",
        "commune_code",
        "ocop_stars",
        "image_url",
    ] {
        assert!(first.get(field).is_some(), "{field} missing");
    }
    assert_eq!(first["province_code"], "12");
    assert_eq!(first["ocop_stars"], 5);
}

#[tokio::test]
async fn exact_diacritics_rank_higher() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    app.product(producer.id).name("Gạo sám hạt dài", "Long grain rice").set("gao-ngu-coc").create().await;
    app.product(producer.id).name("Sâm tươi", "Fresh ginseng").set("thuc-pham-chuc-nang").create().await;
    let (_, body) = app.get_json("/api/v1/products?q=s%C3%A2m").await;
    assert_eq!(names(&body), ["Sâm tươi", "Gạo sám hạt dài"]);
}

#[tokio::test]
async fn prefixes_typos_and_english_names_match() {
    let app = spawn_app().await;
    catalog(&app).await;
    let (_, body) = app.get_json("/api/v1/products?q=mat%20ong%20bac").await;
    assert_eq!(names(&body), ["Mật ong bạc hà Mèo Vạc"], "prefix as you type");
    let (_, body) = app.get_json("/api/v1/products?q=shan%20tuyett").await;
    assert_eq!(names(&body)[0], "Chè Shan tuyết Sìn Hồ", "one typo forgiven");
    let (_, body) = app.get_json("/api/v1/products?q=ginseng").await;
    assert_eq!(body["total"], 2, "English names are indexed");
    let (_, body) = app.get_json("/api/v1/products?q=xyzzy").await;
    assert_eq!(body["total"], 0);
}

#[tokio::test]
async fn filters_and_facets() {
    let app = spawn_app().await;
    catalog(&app).await;
    let (_, all) = app.get_json("/api/v1/products").await;
    assert_eq!(all["total"], 5);
    let province_facets = all["facets"]["province"].as_array().unwrap();
    assert!(province_facets.iter().any(|f| f["value"] == "12" && f["count"] == 4));
    assert!(province_facets.iter().any(|f| f["value"] == "08" && f["count"] == 1));

    let (_, body) = app.get_json("/api/v1/products?province=08").await;
    assert_eq!(names(&body), ["Mật ong bạc hà Mèo Vạc"]);
    assert_eq!(body["facets"]["province"].as_array().unwrap().len(), 2, "province counts ignore the province filter");

    let (_, body) = app.get_json("/api/v1/products?stars=4").await;
    assert_eq!(body["total"], 2, "the expired 3★ tea is not counted as 3★");
    let (_, body) = app.get_json("/api/v1/products?stars=3").await;
    assert_eq!(body["total"], 0);
    let (_, body) = app.get_json("/api/v1/products?stars=0").await;
    assert_eq!(body["total"], 2, "no stars or expired");

    let (_, body) = app.get_json("/api/v1/products?group=mat-ong").await;
    assert_eq!(body["total"], 1);
    let (_, body) = app.get_json("/api/v1/products?group=thuc-pham").await;
    assert_eq!(body["total"], 3, "a sector covers its product sets: two teas and the honey");

    let (_, body) = app.get_json("/api/v1/products?min_price=200000&max_price=1000000").await;
    assert_eq!(body["total"], 3);
    let (_, body) = app.get_json("/api/v1/products?in_stock=1").await;
    assert_eq!(body["total"], 4);
}

#[tokio::test]
async fn sorting_and_stable_pages() {
    let app = spawn_app().await;
    catalog(&app).await;
    let (_, body) = app.get_json("/api/v1/products?sort=price_asc").await;
    let prices: Vec<i64> = body["items"].as_array().unwrap().iter().map(|p| p["price_vnd"].as_i64().unwrap()).collect();
    assert_eq!(prices, [120_000, 250_000, 450_000, 900_000, 1_800_000]);
    let mut seen = Vec::new();
    for page in 1..=3 {
        let (_, body) = app.get_json(&format!("/api/v1/products?sort=newest&per_page=2&page={page}")).await;
        seen.extend(names(&body));
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 5, "pages neither overlap nor skip");
}

#[tokio::test]
async fn bad_parameters_are_named() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/v1/products?stars=7&sort=cheap&page=0&min_price=abc").await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    for field in ["stars", "sort", "page", "min_price"] {
        assert!(fields.contains(&field), "{field} not named in {body}");
    }
}

#[tokio::test]
async fn the_search_page_finds_without_tone_marks() {
    let app = spawn_app().await;
    catalog(&app).await;
    let (status, html) = app.page("/search?q=sam+lai+chau").await;
    assert_eq!(status, 200);
    assert!(html.contains("Sâm Lai Châu 5 năm tuổi"));
    let (status, html) = app.page("/search?stars=9").await;
    assert_eq!(status, 200, "a bad filter on a page is explained, not a failure");
    assert!(html.contains("stars"));
}

#[tokio::test]
async fn the_head_noun_ranks_first() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    app.product(producer.id).name("Rượu sâm Lai Châu", "Ginseng liquor").set("ruou-trang").create().await;
    app.product(producer.id).name("Cao sâm Lai Châu", "Ginseng extract").set("thuc-pham-chuc-nang").create().await;
    app.product(producer.id)
        .name("Sâm Lai Châu củ tươi 5 năm tuổi", "Fresh Lai Chau ginseng")
        .set("thuc-pham-chuc-nang")
        .create()
        .await;
    let (_, body) = app.get_json("/api/v1/products?q=sam%20lai%20chau").await;
    assert_eq!(names(&body)[0], "Sâm Lai Châu củ tươi 5 năm tuổi", "ginseng itself before ginseng liquor");
    let (_, body) = app.get_json("/api/v1/products?q=ruou%20sam").await;
    assert_eq!(names(&body)[0], "Rượu sâm Lai Châu");
}

/// Polls the search API until `total` is `expected` (the sync loop runs every 3 s).
async fn wait_for_total(app: &TestApp, path: &str, expected: u64) -> bool {
    for _ in 0..40 {
        let (_, body) = app.get_json(path).await;
        if body["total"].as_u64() == Some(expected) {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    false
}

#[tokio::test]
async fn writes_by_another_process_reach_the_index() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let product = app.product(producer.id).create().await;
    // Another process writes straight to the shared database: no reindex call here.
    let input =
        dacsan::catalog::model::ProductInput { name: Some("Hồng trà cổ thụ".into()), ..Default::default() };
    let valid = input.validate(Some(&product), "03478").unwrap();
    dacsan::catalog::store::update(&app.state.db, product.id, &valid).await.unwrap();
    assert!(wait_for_total(&app, "/api/v1/products?q=hong%20tra", 1).await, "the sync loop picked the change up");
}

#[tokio::test]
async fn reindex_rebuilds_running_servers() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    app.product(producer.id).create().await;
    // Let the sync loop see the new product once, so it does not re-add it below.
    tokio::time::sleep(std::time::Duration::from_millis(3500)).await;
    app.state.search.rebuild(&[]).unwrap();
    let (_, body) = app.get_json("/api/v1/products").await;
    assert_eq!(body["total"], 0, "index emptied behind the server's back");
    dacsan::catalog::store::request_rebuild(&app.state.db).await.unwrap();
    assert!(wait_for_total(&app, "/api/v1/products", 1).await, "rebuilt from the database");
}

/// Results come from memory while the catalog is unchanged; a write shows at once.
#[tokio::test]
async fn cached_results_follow_writes() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    let product = app.product(producer.id).create().await;
    let path = "/api/v1/products?q=che%20shan";
    for _ in 0..2 {
        let (status, body) = app.get_json(path).await;
        assert_eq!((status, body["items"][0]["stock"].as_i64()), (200, Some(product.stock)));
    }
    let (_, _, seller) = app.user(dacsan::auth::Role::Seller, Some(producer.id)).await;
    let url = format!("/api/v1/products/{}", product.id);
    let (status, _) =
        app.send_json(reqwest::Method::PATCH, &url, Some(&seller), &serde_json::json!({"stock": 3})).await;
    assert_eq!(status, 200);
    let (_, body) = app.get_json(path).await;
    assert_eq!(body["items"][0]["stock"], 3, "{body}");
}

/// Place names typed joined or split find the place, as a missing tone mark does.
#[tokio::test]
async fn place_names_typed_joined_or_split() {
    let app = spawn_app().await;
    let mu_cang_chai = app.producer().name("HTX Chè cổ thụ").place("15", "04456").create().await;
    let sa_pa = app.producer().name("HTX Cá nước lạnh").place("15", "03006").create().await;
    app.product(mu_cang_chai.id).name("Chè Shan tuyết cổ thụ", "Ancient Shan tea").origin("04456").create().await;
    app.product(sa_pa.id).name("Cá hồi phi lê", "Salmon fillet").origin("03006").create().await;
    app.product(sa_pa.id).name("Cá tầm Sapa", "Sapa sturgeon").origin("03006").create().await;
    for q in ["mucangchai", "mu%20cang%20chai", "m%C3%B9%20cang%20ch%E1%BA%A3i", "che%20mucangchai"] {
        let (status, body) = app.get_json(&format!("/api/v1/products?q={q}")).await;
        assert_eq!(status, 200);
        assert_eq!(names(&body), ["Chè Shan tuyết cổ thụ"], "{q}");
    }
    let (_, body) = app.get_json("/api/v1/products?q=sapa").await;
    assert_eq!(names(&body), ["Cá tầm Sapa", "Cá hồi phi lê"], "the name that says Sapa first, then the place Sa Pa");
    let (_, body) = app.get_json("/api/v1/products?q=ca%20tam%20sa%20pa").await;
    assert_eq!(names(&body), ["Cá tầm Sapa"], "split in the query, joined in the name");
}

/// Regional spellings of initials (d, gi, r; s, x; ch, tr) are forgiven like a
/// missing tone mark, and rank below the products spelt as typed.
#[tokio::test]
async fn regional_spellings_are_forgiven_below_exact_matches() {
    let app = spawn_app().await;
    let producer = app.producer().create().await;
    for (name, name_en) in [
        ("Xôi ngũ sắc", "Five-colour sticky rice"),
        ("Sợi miến dong", "Arrowroot noodles"),
        ("Rượu ngô men lá", "Corn liquor"),
        ("Trà hoa vàng", "Golden camellia tea"),
        ("Sâm Lai Châu", "Lai Chau ginseng"),
    ] {
        app.product(producer.id).name(name, name_en).create().await;
    }
    for (q, expected) in [
        ("x%C3%B4i", vec!["Xôi ngũ sắc", "Sợi miến dong"]),
        ("xoi", vec!["Xôi ngũ sắc", "Sợi miến dong"]),
        ("s%E1%BB%A3i", vec!["Sợi miến dong", "Xôi ngũ sắc"]),
        ("d%C6%B0%E1%BB%A3u%20ng%C3%B4", vec!["Rượu ngô men lá"]),
        ("giuou%20ngo", vec!["Rượu ngô men lá"]),
        ("ch%C3%A0%20hoa%20v%C3%A0ng", vec!["Trà hoa vàng"]),
        ("xam%20lai%20chau", vec!["Sâm Lai Châu"]),
        ("mien%20giong", vec!["Sợi miến dong"]),
    ] {
        let (status, body) = app.get_json(&format!("/api/v1/products?q={q}")).await;
        assert_eq!(status, 200);
        assert_eq!(names(&body), expected, "{q}");
    }
}
