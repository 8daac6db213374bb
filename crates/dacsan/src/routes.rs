//! Every URL of the site and the API, in one place, with the layers around them.

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::{delete, get, post};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::error::AppError;
use crate::state::AppState;
use crate::{admin, auth, cart, catalog, media, openapi, orders, payments, places, producers, programme, trace, web};

/// Nothing inline, nothing from other hosts.
const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// Forms with photos: up to 10 pictures of 8 MB.
const UPLOAD_LIMIT: usize = 90 * 1024 * 1024;

pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(pages())
        .merge(uploads())
        .merge(programme::pages())
        .nest("/api/v1", api())
        .nest("/api/v1/programme", programme::api())
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/assets/{file}", get(web::assets::serve_asset))
        .route("/media/{id}", get(media::pages::get_media))
        .route("/.well-known/dacsan-trace-key", get(trace::api::trace_key))
        .fallback(not_found)
        .layer(middleware::from_fn(web::csrf::protect))
        .layer(SetResponseHeaderLayer::if_not_present(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP)))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
        ))
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, std::time::Duration::from_secs(30)))
        .with_state(state)
}

fn pages() -> Router<AppState> {
    Router::new()
        .route("/", get(catalog::pages::home))
        .route("/search", get(catalog::pages::search_page))
        .route("/p/{slug}", get(catalog::pages::product_page))
        .route("/s/{slug}", get(producers::pages::show_storefront))
        .route("/s/{slug}/complaints", post(producers::pages::create_complaint))
        .route("/signin", get(auth::pages::signin_page).post(auth::pages::signin))
        .route("/register", get(auth::pages::register_page).post(auth::pages::register))
        .route("/signout", post(auth::pages::signout))
        .route("/privacy", get(auth::pages::privacy_page))
        .route("/lang/{code}", get(auth::pages::switch_language))
        .route("/seller", get(producers::editor::seller_desk))
        .route("/seller/orders", get(orders::desk::seller_orders))
        .route(
            "/seller/producers/{id}/payment",
            get(payments::pages::edit_payment_account).post(payments::pages::save_payment_account),
        )
        .route("/cart", get(cart::pages::show_cart))
        .route("/cart/add", post(cart::pages::add_to_cart))
        .route("/cart/update", post(cart::pages::update_cart))
        .route("/checkout", get(orders::pages::show_checkout).post(orders::pages::place_order))
        .route("/checkout/communes", get(orders::pages::commune_options))
        .route("/orders", get(orders::pages::order_history))
        .route("/orders/c/{checkout}", get(orders::pages::show_checkout_orders))
        .route("/orders/{code}", get(orders::pages::show_order))
        .route("/orders/{code}/qr.svg", get(orders::pages::order_qr))
        .route("/orders/{code}/code.svg", get(orders::desk::order_code_qr))
        .route("/orders/{code}/slip", get(orders::desk::packing_slip))
        .route("/orders/{code}/transitions", post(orders::pages::move_order))
        .route("/01/{*rest}", get(trace::resolve::resolve_gtin))
        .route("/00/{sscc}", get(trace::cartons::resolve_sscc))
        .route("/q/{code}", get(trace::resolve::resolve_code))
        .route("/q/{code}/{serial}", get(trace::resolve::resolve_code_serial))
        .route("/seller/products/{id}/batches", get(trace::desk::product_batches).post(trace::desk::create_batch))
        .route("/seller/batches/{id}", get(trace::desk::show_batch))
        .route("/seller/batches/{id}/events", post(trace::desk::add_event))
        .route("/seller/batches/{id}/serials", post(trace::desk::issue_serials))
        .route("/seller/batches/{id}/handovers", post(trace::desk::create_handover))
        .route("/seller/batches/{id}/handovers/{handover}/revoke", post(trace::desk::revoke_handover))
        .route("/carry/{token}", get(trace::carrier::show_carry).post(trace::carrier::record_carry))
        .route("/admin", get(admin::pages::admin_desk))
        .route("/admin/producers", post(admin::pages::create_producer))
        .route("/admin/users", post(admin::pages::create_user))
}

fn uploads() -> Router<AppState> {
    Router::new()
        .route(
            "/seller/producers/{id}/edit",
            get(producers::editor::edit_store_page).post(producers::editor::update_store),
        )
        .route("/seller/products/new", get(catalog::editor::new_product_page).post(catalog::editor::create_product))
        .route(
            "/seller/products/{id}/edit",
            get(catalog::editor::edit_product_page).post(catalog::editor::update_product),
        )
        .route("/api/v1/products/{id}/photos", post(catalog::api::add_product_photo))
        .route("/api/v1/payments/statements", post(payments::api::import_statement))
        .route("/api/v1/batches/{id}/files", post(trace::api::upload_file))
        .route("/seller/batches/{id}/files", post(trace::desk::upload_file))
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT))
}

fn api() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi::openapi_json))
        .route("/provinces", get(places::list_provinces))
        .route("/provinces/{code}/communes", get(places::list_communes))
        .route("/ocop/sets", get(catalog::api::list_ocop_sets))
        .route("/products", get(catalog::api::list_products).post(catalog::api::create_product))
        .route("/products/{id}", get(catalog::api::get_product).patch(catalog::api::update_product))
        .route("/producers", get(producers::api::list_producers).post(producers::api::create_producer))
        .route("/producers/{id}", get(producers::api::get_producer).patch(producers::api::update_producer))
        .route("/auth/token", post(auth::api::create_token))
        .route("/checkout", post(orders::api::checkout))
        .route("/orders", get(orders::api::list_orders))
        .route("/orders/{id}", get(orders::api::get_order))
        .route("/orders/{id}/transitions", post(orders::api::create_transition))
        .route("/orders/{id}/vietqr", get(payments::api::order_vietqr))
        .route("/orders/{id}/vietqr.png", get(payments::api::order_vietqr_png))
        .route("/orders/{id}/vietqr.svg", get(payments::api::order_vietqr_svg))
        .route("/payments/bank-webhook", post(payments::api::bank_webhook))
        .route("/payments/unmatched", get(payments::api::list_unmatched))
        .route("/products/{id}/batches", get(trace::api::list_batches).post(trace::api::create_batch))
        .route("/batches/{id}", get(trace::api::get_batch))
        .route("/batches/{id}/events", get(trace::api::list_events).post(trace::api::create_event))
        .route("/batches/{id}/files/{file}", get(trace::api::get_file))
        .route("/batches/{id}/serials", post(trace::api::issue_serials))
        .route("/batches/{id}/labels.pdf", get(trace::api::labels_pdf))
        .route("/batches/{id}/record", get(trace::api::get_record))
        .route("/batches/{id}/epcis", get(trace::api::get_epcis))
        .route("/batches/{id}/qr.svg", get(trace::api::batch_qr_svg))
        .route("/batches/{id}/qr.png", get(trace::api::batch_qr_png))
        .route("/epcis/events", post(trace::api::capture_events))
        .route("/batches/{id}/handovers", get(trace::carrier::list_handovers).post(trace::carrier::create_handover))
        .route("/batches/{id}/handovers/{handover}", delete(trace::carrier::revoke_handover))
        .route("/carry/{token}/events", post(trace::carrier::create_carrier_event))
        .fallback(api_not_found)
}

/// `GET /healthz`: 200 when the database answers.
async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    if state.db.ping().await {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}

/// `GET /metrics`: Prometheus text format.
async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    let products = crate::catalog::store::count(&state.db).await.unwrap_or(-1);
    let producers = crate::producers::store::count(&state.db).await.unwrap_or(-1);
    let body = format!(
        "# HELP dacsan_products Products in the database.\n# TYPE dacsan_products gauge\ndacsan_products {products}\n\
         # HELP dacsan_producers Producers in the database.\n# TYPE dacsan_producers gauge\ndacsan_producers {producers}\n\
         # HELP dacsan_search_documents Products in the search index.\n# TYPE dacsan_search_documents gauge\ndacsan_search_documents {}\n",
        state.search.len()
    );
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], body)
}

async fn not_found() -> crate::error::PageError {
    crate::error::PageError(AppError::not_found("trang / page"))
}

async fn api_not_found() -> AppError {
    AppError::not_found("API route")
}
