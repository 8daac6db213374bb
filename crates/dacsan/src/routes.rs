//! The site and the API: every domain's router merged, with the layers around them.

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderName, HeaderValue, StatusCode, Uri, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa_axum::router::OpenApiRouter;

use crate::db::Db;
use crate::error::AppError;
use crate::state::AppState;
use crate::{
    admin, auth, cart, catalog, live, logistics, media, openapi, orders, payments, places, privacy, producers,
    programme, trace, trade, web,
};

pub fn router(state: AppState) -> Router {
    let (routes, openapi) = domains().split_for_parts();
    let openapi_json: Arc<str> = serde_json::to_string(&openapi).expect("the OpenAPI document serialises").into();
    routes
        .route("/api/v1/openapi.json", get(move || openapi_document(openapi_json.clone())))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .route("/assets/{file}", get(web::assets::serve_asset))
        .fallback(not_found)
        .layer(middleware::from_fn(web::csrf::protect))
        .layer(middleware::from_fn(web::extract::explain_rejections))
        .layer(middleware::from_fn(web::i18n::speak_the_readers_language))
        .layer(middleware::from_fn(web::referral::remember))
        .layer(middleware::from_fn_with_state(state.http_metrics.clone(), web::metrics::track))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(web::metrics::request_span)
                .on_request(())
                .on_response(web::metrics::log_response)
                .on_failure(()),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(web::CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
        ))
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, std::time::Duration::from_secs(30)))
        .with_state(state)
}

/// Every domain's pages and API: each domain's router is also its part of the
/// OpenAPI document.
fn domains() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::frame())
        .merge(catalog::routes::router())
        .merge(producers::routes::router())
        .merge(auth::routes::router())
        .merge(cart::routes::router())
        .merge(orders::routes::router())
        .merge(logistics::routes::router())
        .merge(live::routes::router())
        .merge(trade::routes::router())
        .merge(payments::routes::router())
        .merge(places::router())
        .merge(media::routes::router())
        .merge(trace::routes::router())
        .merge(admin::routes::router())
        .merge(programme::routes::router())
        .merge(privacy::routes::router())
}

async fn openapi_document(json: Arc<str>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], json.to_string()).into_response()
}

/// `GET /healthz`: 200 when the database answers.
async fn healthz(State(db): State<Db>) -> impl IntoResponse {
    if db.ping().await { (StatusCode::OK, "ok") } else { (StatusCode::SERVICE_UNAVAILABLE, "database unavailable") }
}

/// `GET /readyz`: 200 when the database answers and holds every migration this
/// build knows — what a load balancer asks before sending traffic.
async fn readyz(State(db): State<Db>) -> impl IntoResponse {
    if !db.ping().await {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    } else if !db.migrations_applied().await {
        (StatusCode::SERVICE_UNAVAILABLE, "database migrations not applied")
    } else {
        (StatusCode::OK, "ready")
    }
}

/// `GET /metrics`: what operators graph first, as OpenMetrics text — requests and
/// their latency by route and status, the catalog's size, database connections in
/// use, the response cache's hits and misses, and work waiting in the background.
async fn metrics(State(state): State<AppState>) -> Response {
    let mut registry = Registry::with_prefix("dacsan");
    state.http_metrics.register(&mut registry);
    let products = crate::catalog::store::count(&state.db).await.unwrap_or(-1);
    let producers = crate::producers::store::count(&state.db).await.unwrap_or(-1);
    gauge(&mut registry, "products", "Products in the database", products);
    gauge(&mut registry, "producers", "Producers in the database", producers);
    gauge(&mut registry, "search_documents", "Products in the search index", state.search.len() as i64);
    let (in_use, size) = state.db.connections();
    gauge(&mut registry, "db_connections_in_use", "Database connections checked out", i64::from(in_use));
    gauge(&mut registry, "db_connections", "Database connections open in the pool", i64::from(size));
    let (hits, misses) = state.response_cache.hits_and_misses();
    counter(&mut registry, "response_cache_hits", "Answers served from the response cache", hits);
    counter(&mut registry, "response_cache_misses", "Answers looked for in the response cache and built", misses);
    let waiting = Family::<JobLabels, Gauge>::default();
    waiting.get_or_create(&JobLabels { kind: "serial_scans" }).set(state.trace.scans.waiting() as i64);
    waiting.get_or_create(&JobLabels { kind: "carrier_notifications" }).set(state.logistics.intake.waiting() as i64);
    if !state.settings.smtp_url.0.trim().is_empty() {
        let emails = crate::orders::mailer::waiting(&state.db).await.unwrap_or(-1);
        waiting.get_or_create(&JobLabels { kind: "emails" }).set(emails);
    }
    registry.register("jobs_waiting", "Background work queued and not yet done, by kind", waiting);
    let durable = Family::<StatusLabels, Gauge>::default();
    for (status, n) in crate::jobs::store::counts(&state.db).await.unwrap_or_default() {
        durable.get_or_create(&StatusLabels { status }).set(n);
    }
    registry.register("durable_jobs", "Jobs in the jobs table, by status (failed ones wait for an admin)", durable);
    let mut text = String::new();
    if let Err(err) = prometheus_client::encoding::text::encode(&mut text, &registry) {
        return AppError::Internal(anyhow::anyhow!("write metrics: {err}")).into_response();
    }
    ([(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")], text).into_response()
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct JobLabels {
    kind: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StatusLabels {
    status: String,
}

fn gauge(registry: &mut Registry, name: &str, help: &str, value: i64) {
    let gauge = Gauge::<i64>::default();
    gauge.set(value);
    registry.register(name, help, gauge);
}

fn counter(registry: &mut Registry, name: &str, help: &str, value: u64) {
    let counter = Counter::<u64>::default();
    counter.inc_by(value);
    registry.register(name, help, counter);
}

/// No route: problem+json under `/api/`, an HTML page elsewhere.
async fn not_found(uri: Uri) -> Response {
    if uri.path().starts_with("/api/") {
        AppError::not_found(web::messages::API_ROUTE).into_response()
    } else {
        web::PageError(AppError::not_found(web::messages::PAGE)).into_response()
    }
}
