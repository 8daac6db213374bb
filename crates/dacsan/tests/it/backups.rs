//! PostgreSQL backups as the README gives them: `pg_dump --format=custom` of a serving
//! database, `pg_restore` into a fresh one, and a server on the restored copy. Runs
//! with the PostgreSQL suite (`DACSAN_TEST_PG_URL`); SQLite's `dacsan backup` and
//! `dacsan restore` are in `cli.rs`.

use std::net::SocketAddr;
use std::process::Command;

use crate::helpers::{fresh_postgres_database, spawn_app, test_settings};

fn run(program: &str, args: &[&str]) {
    let out = Command::new(program).args(args).output().unwrap_or_else(|e| panic!("run {program}: {e}"));
    assert!(out.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

#[tokio::test]
async fn a_postgres_dump_restores_into_a_fresh_database_that_serves() {
    let Ok(pg) = std::env::var("DACSAN_TEST_PG_URL") else {
        eprintln!("skipped: DACSAN_TEST_PG_URL is not set");
        return;
    };
    let app = spawn_app().await;
    let tea = app.producer().name("HTX Chè Shan tuyết Tả Phìn").create().await;
    let product = app.product(tea.id).price(320_000).create().await;

    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("dacsan.dump");
    run("pg_dump", &["--format=custom", "--no-owner", "--file", dump.to_str().unwrap(), &app.database_url]);
    let restored = fresh_postgres_database(&pg).await;
    run("pg_restore", &["--no-owner", "--exit-on-error", "--dbname", &restored, dump.to_str().unwrap()]);

    let state = dacsan::start(&restored, test_settings()).await.expect("serve the restored database");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let router = dacsan::router(state).into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    let ready = reqwest::get(format!("{base}/readyz")).await.unwrap();
    assert_eq!(ready.status(), 200, "migrations applied on the restored copy");
    let producer: serde_json::Value =
        reqwest::get(format!("{base}/api/v1/producers/{}", tea.id)).await.unwrap().json().await.unwrap();
    assert_eq!(producer["name"], "HTX Chè Shan tuyết Tả Phìn");
    let product: serde_json::Value =
        reqwest::get(format!("{base}/api/v1/products/{}", product.id)).await.unwrap().json().await.unwrap();
    assert_eq!(product["price_vnd"], 320_000, "{product}");
}
