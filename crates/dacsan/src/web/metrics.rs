//! Request logs and the request figures of `/metrics`: every answer is counted and
//! timed by matched route (`/orders/{code}`, never the URL itself), method and
//! status, and logged once with its request id. Labels and log fields carry no
//! personal data, no query strings and no tokens.

use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, Response as HttpResponse};
use axum::middleware::Next;
use axum::response::Response;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::{Registry, Unit};
use tower_http::request_id::RequestId;
use tracing::Span;

/// The route of a request no route matched, so that scanners' URLs do not each
/// become a label.
const UNMATCHED: &str = "unmatched";

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: &'static str,
    route: String,
    status: u16,
}

type Durations = Family<RequestLabels, Histogram, fn() -> Histogram>;

/// Request durations by route, method and status; each histogram's `_count` is the
/// number of requests.
#[derive(Clone)]
pub struct HttpMetrics {
    durations: Durations,
}

impl Default for HttpMetrics {
    fn default() -> HttpMetrics {
        HttpMetrics { durations: Family::new_with_constructor(latency_histogram) }
    }
}

impl std::fmt::Debug for HttpMetrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HttpMetrics")
    }
}

/// 0.25 ms to 8 s, doubling.
fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.000_25, 2.0, 16))
}

impl HttpMetrics {
    fn observe(&self, method: &Method, route: &str, status: u16, elapsed: Duration) {
        let labels = RequestLabels { method: method_label(method), route: route.to_string(), status };
        self.durations.get_or_create(&labels).observe(elapsed.as_secs_f64());
    }

    /// Adds the request figures to a registry being written for a scrape.
    pub fn register(&self, registry: &mut Registry) {
        registry.register_with_unit(
            "http_request_duration",
            "Time to answer, by matched route, method and status",
            Unit::Seconds,
            self.durations.clone(),
        );
    }
}

/// Methods outside the usual ones share one label.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "OTHER",
    }
}

fn route_of(request: &Request) -> &str {
    request.extensions().get::<MatchedPath>().map_or(UNMATCHED, MatchedPath::as_str)
}

/// Middleware: counts and times every answer.
pub async fn track(State(metrics): State<HttpMetrics>, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let route = route_of(&request).to_string();
    let started = Instant::now();
    let response = next.run(request).await;
    metrics.observe(&method, &route, response.status().as_u16(), started.elapsed());
    response
}

/// The span every request's logs are written in: method, matched route and request
/// id (set by `SetRequestIdLayer` before this runs).
pub fn request_span(request: &Request) -> Span {
    let id = request.extensions().get::<RequestId>().and_then(|id| id.header_value().to_str().ok()).unwrap_or("-");
    tracing::info_span!("request", method = %request.method(), route = route_of(request), request_id = %id)
}

/// One line per answer, inside the request's span.
pub fn log_response<B>(response: &HttpResponse<B>, latency: Duration, _span: &Span) {
    let status = response.status().as_u16();
    let latency_ms = latency.as_secs_f64() * 1000.0;
    if response.status().is_server_error() {
        tracing::warn!(status, latency_ms, "answered with a server error");
    } else {
        tracing::info!(status, latency_ms, "answered");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unusual_methods_share_a_label() {
        assert_eq!(method_label(&Method::GET), "GET");
        assert_eq!(method_label(&Method::from_bytes(b"BREW").unwrap()), "OTHER");
    }

    #[test]
    fn durations_are_written_by_route_and_status() {
        let metrics = HttpMetrics::default();
        metrics.observe(&Method::GET, "/orders/{code}", 200, Duration::from_millis(3));
        metrics.observe(&Method::GET, "/orders/{code}", 200, Duration::from_millis(5));
        let mut registry = Registry::with_prefix("dacsan");
        metrics.register(&mut registry);
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &registry).unwrap();
        assert!(
            text.contains(
                r#"dacsan_http_request_duration_seconds_count{method="GET",route="/orders/{code}",status="200"} 2"#
            ),
            "{text}"
        );
    }
}
