//! `spawn_app()`: each test gets its own database and port.

use std::net::SocketAddr;

use dacsan::AppState;
use dacsan::config::Settings;
use serde_json::Value;

pub struct TestApp {
    pub base: String,
    pub state: AppState,
    /// A browser-like client: keeps cookies, does not follow redirects.
    pub browser: reqwest::Client,
    /// A plain API client.
    pub api: reqwest::Client,
    /// The database this app serves, for a second server process on it.
    pub database_url: String,
    _dir: tempfile::TempDir,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(test_settings()).await
}

pub const WEBHOOK_KEY: &str = "test-webhook-key";

pub fn test_settings() -> Settings {
    Settings {
        signin_per_minute: 1000,
        bank_webhook_key: dacsan::config::Secret(WEBHOOK_KEY.into()),
        ..Settings::default()
    }
}

/// A new, empty database of the suite's kind (PostgreSQL when
/// `DACSAN_TEST_PG_URL` is set, else a SQLite file in the returned folder).
pub async fn fresh_database() -> (String, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = match std::env::var("DACSAN_TEST_PG_URL") {
        Ok(pg) if !pg.is_empty() => fresh_postgres_database(&pg).await,
        _ => dir.path().join("test.db").to_string_lossy().into_owned(),
    };
    (url, dir)
}

pub async fn spawn_app_with(settings: Settings) -> TestApp {
    let (url, dir) = fresh_database().await;
    let state = dacsan::start(&url, settings).await.expect("start dacsan");
    let database_url = url.clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().unwrap();
    let app = dacsan::router(state.clone()).into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    TestApp {
        base: format!("http://{addr}"),
        state,
        browser: reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        api: reqwest::Client::new(),
        database_url,
        _dir: dir,
    }
}

/// A new, empty database on the PostgreSQL server of `url`.
pub async fn fresh_postgres_database(url: &str) -> String {
    use sqlx::Connection;
    let name = format!("dacsan_test_{}", rand_suffix());
    let mut admin = sqlx::PgConnection::connect(url).await.expect("connect to DACSAN_TEST_PG_URL");
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut admin).await.expect("create test database");
    let (base, _) = url.rsplit_once('/').expect("a database URL ends with /name");
    format!("{base}/{name}")
}

fn rand_suffix() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    format!("{}_{}_{}", std::process::id(), nanos % 1_000_000_000, N.fetch_add(1, Ordering::Relaxed))
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get_json(&self, path: &str) -> (u16, Value) {
        let response = self.api.get(self.url(path)).send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    pub async fn get_json_as(&self, path: &str, token: &str) -> (u16, Value) {
        let response = self.api.get(self.url(path)).bearer_auth(token).send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    pub async fn send_json(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: &Value,
    ) -> (u16, Value) {
        let mut request = self.api.request(method, self.url(path)).json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// GET a page with the browser client: (status, body).
    pub async fn page(&self, path: &str) -> (u16, String) {
        let response = self.browser.get(self.url(path)).send().await.unwrap();
        (response.status().as_u16(), response.text().await.unwrap())
    }

    /// The CSRF token the browser client got with a page.
    pub async fn csrf(&self) -> String {
        let (_, html) = self.page("/signin").await;
        csrf_in(&html)
    }

    /// POST a url-encoded form with the CSRF token: (status, Location header, body).
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> (u16, String, String) {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        let response = self.browser.post(self.url(path)).form(&all).send().await.unwrap();
        let status = response.status().as_u16();
        let location = response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        (status, location, response.text().await.unwrap())
    }

    /// Signs the browser client in.
    pub async fn sign_in(&self, email: &str, password: &str) {
        let (status, location, _) = self.post_form("/signin", &[("email", email), ("password", password)]).await;
        assert_eq!((status, location.as_str()), (303, "/"), "sign-in of {email}");
    }
}

pub fn csrf_in(html: &str) -> String {
    html.split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a CSRF field")
        .to_string()
}

/// A small valid PNG picture.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 255) as u8, (y % 255) as u8, 120]));
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgb8(picture)
        .write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)
        .unwrap();
    bytes
}

/// Starts `dacsan serve` as its own process on the test's database, with `env`
/// set; returns it once it answers `/healthz`, with its address.
pub async fn serve_process(app: &TestApp, env: &[(&str, String)]) -> (tokio::process::Child, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = tokio::process::Command::new(env!("CARGO_BIN_EXE_dacsan"))
        .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--database", &app.database_url])
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .env("RUST_LOG", "warn")
        .kill_on_drop(true)
        .spawn()
        .expect("start a dacsan process");
    let base = format!("http://127.0.0.1:{port}");
    for _ in 0..200 {
        if let Ok(r) = app.api.get(format!("{base}/healthz")).send().await
            && r.status() == 200
        {
            return (child, base);
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the dacsan process did not answer /healthz");
}
