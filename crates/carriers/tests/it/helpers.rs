//! A recording stand-in for a carrier's API: an axum server on 127.0.0.1:0 whose answers a
//! test gives as a closure, and fixtures of parcels.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use carriers::{Carrier, Client, Config, ParcelRequest, Party, QuoteRequest};
use serde_json::Value;

/// One request the server received.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: Method,
    pub path: String,
    pub query: String,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Seen {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{} sent a body that is not JSON: {e}", self.path))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The query string's pairs, decoded.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        serde_urlencoded::from_str(&self.query).unwrap()
    }

    pub fn query_value(&self, key: &str) -> Option<String> {
        self.query_pairs().into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// What the server answers.
pub struct Reply {
    status: StatusCode,
    content_type: &'static str,
    body: Vec<u8>,
    delay: Duration,
}

impl Reply {
    pub fn json(value: Value) -> Reply {
        Reply {
            status: StatusCode::OK,
            content_type: "application/json",
            body: value.to_string().into_bytes(),
            delay: Duration::ZERO,
        }
    }

    pub fn bytes(content_type: &'static str, body: &[u8]) -> Reply {
        Reply { status: StatusCode::OK, content_type, body: body.to_vec(), delay: Duration::ZERO }
    }

    pub fn status(mut self, status: u16) -> Reply {
        self.status = StatusCode::from_u16(status).unwrap();
        self
    }

    pub fn after(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }

    pub fn not_found(seen: &Seen) -> Reply {
        Reply::bytes("text/plain", format!("no route {} {}", seen.method, seen.path).as_bytes()).status(404)
    }
}

type Answer = Arc<dyn Fn(&Seen) -> Reply + Send + Sync>;

#[derive(Clone)]
struct Shared {
    seen: Arc<Mutex<Vec<Seen>>>,
    answer: Answer,
}

/// A running stand-in server.
pub struct Server {
    pub url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    pub async fn start(answer: impl Fn(&Seen) -> Reply + Send + Sync + 'static) -> Server {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let shared = Shared { seen: seen.clone(), answer: Arc::new(answer) };
        let app = Router::new().fallback(record).with_state(shared);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Server { url, seen }
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// The only request received at `path`.
    pub fn one(&self, path: &str) -> Seen {
        let matching: Vec<Seen> = self.seen().into_iter().filter(|s| s.path == path).collect();
        assert_eq!(
            matching.len(),
            1,
            "requests at {path}: {:?}",
            self.seen().iter().map(|s| &s.path).collect::<Vec<_>>()
        );
        matching.into_iter().next().unwrap()
    }

    /// A client of `carrier` whose base is `base_path` on this server (with a trailing
    /// slash, which the client must tolerate).
    pub fn client(&self, carrier: Carrier, base_path: &str, timeout: Duration) -> Client {
        Client::new(Config {
            carrier,
            base_url: format!("{}{base_path}/", self.url),
            token: "test-token".to_owned(),
            shop_id: Some("81558".to_owned()),
            timeout,
        })
    }
}

async fn record(State(shared): State<Shared>, method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
    let seen =
        Seen { method, path: uri.path().to_owned(), query: uri.query().unwrap_or_default().to_owned(), headers, body };
    shared.seen.lock().unwrap().push(seen.clone());
    let reply = (shared.answer)(&seen);
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    (reply.status, [(header::CONTENT_TYPE, reply.content_type)], reply.body).into_response()
}

/// The timeout of ordinary tests.
pub const PATIENT: Duration = Duration::from_secs(5);
/// The timeout of timeout tests: the server answers after [`SLOW`].
pub const IMPATIENT: Duration = Duration::from_millis(200);
pub const SLOW: Duration = Duration::from_secs(2);

pub fn sender() -> Party {
    Party {
        name: "HTX Chè Shan tuyết Suối Giàng".to_owned(),
        phone: "0912345678".to_owned(),
        street: "Bản Suối Giàng".to_owned(),
        ward_name: "Xã Văn Chấn".to_owned(),
        province_name: "Lào Cai".to_owned(),
    }
}

pub fn receiver() -> Party {
    Party {
        name: "Nguyễn A".to_owned(),
        phone: "0909998877".to_owned(),
        street: "12 Lê Lợi".to_owned(),
        ward_name: "Phường Sài Gòn".to_owned(),
        province_name: "Hồ Chí Minh".to_owned(),
    }
}

pub fn parcel() -> ParcelRequest {
    ParcelRequest {
        client_code: "DS7K2M9QXA-1".to_owned(),
        from: sender(),
        to: receiver(),
        weight_g: 500,
        length_cm: 20,
        width_cm: 15,
        height_cm: 10,
        cod_vnd: 250_000,
        value_vnd: 240_000,
        content: "Trà Shan tuyết ×2".to_owned(),
        service: None,
    }
}

pub fn quote_request() -> QuoteRequest {
    QuoteRequest {
        from: sender(),
        to: receiver(),
        weight_g: 500,
        length_cm: 20,
        width_cm: 15,
        height_cm: 10,
        cod_vnd: 250_000,
        value_vnd: 240_000,
    }
}
