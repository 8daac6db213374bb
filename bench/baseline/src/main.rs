//! A bare axum server returning a fixed 2 KB JSON body: the yardstick the load
//! benchmarks divide dacsan's requests per second by, measured in the same run.

use axum::{Router, http::header, routing::get};

#[tokio::main]
async fn main() {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:8090".into());
    let body: &'static str = Box::leak(fixed_body().into_boxed_str());
    let app =
        Router::new().route("/", get(move || async move { ([(header::CONTENT_TYPE, "application/json")], body) }));
    let listener = tokio::net::TcpListener::bind(&addr).await.expect("bind baseline address");
    println!("baseline listening on http://{addr}");
    axum::serve(listener, app).await.expect("serve baseline");
}

/// About 2 KB of JSON, the size of one product in the search API.
fn fixed_body() -> String {
    let items: Vec<String> =
        (0..20).map(|i| format!(r#"{{"id":{i},"name":"Chè Shan tuyết {i}","price_vnd":250000}}"#)).collect();
    format!(r#"{{"items":[{}],"total":20}}"#, items.join(","))
}
