//! The OpenAPI 3.1 document of every `/api/v1` route, served at
//! `/api/v1/openapi.json`.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::{auth, catalog, orders, payments, places, producers, programme, trace};

#[derive(OpenApi)]
#[openapi(
    info(title = "dacsan API", description = "Specialty and OCOP products of Vietnam's northern midlands and mountains. Errors are application/problem+json (RFC 9457)."),
    paths(
        places::list_provinces,
        places::list_communes,
        catalog::api::list_ocop_sets,
        catalog::api::list_products,
        catalog::api::get_product,
        catalog::api::create_product,
        catalog::api::update_product,
        catalog::api::add_product_photo,
        producers::api::list_producers,
        producers::api::get_producer,
        producers::api::create_producer,
        producers::api::update_producer,
        auth::api::create_token,
        orders::api::checkout,
        orders::api::list_orders,
        orders::api::get_order,
        orders::api::create_transition,
        payments::api::order_vietqr,
        payments::api::order_vietqr_png,
        payments::api::order_vietqr_svg,
        payments::api::bank_webhook,
        payments::api::list_unmatched,
        payments::api::import_statement,
        trace::api::create_batch,
        trace::api::list_batches,
        trace::api::get_batch,
        trace::api::create_event,
        trace::api::list_events,
        trace::api::get_record,
        trace::api::get_epcis,
        trace::api::capture_events,
        trace::carrier::create_handover,
        trace::carrier::list_handovers,
        trace::carrier::revoke_handover,
        trace::carrier::create_carrier_event,
        trace::api::upload_file,
        trace::api::issue_serials,
        trace::api::labels_pdf,
        trace::api::batch_qr_svg,
        trace::api::batch_qr_png,
        programme::kpis::api::get_kpis,
        programme::kpis::api::get_commune_table,
        programme::kpis::api::get_gaps,
        programme::kpis::api::get_targets,
        programme::kpis::api::put_target,
        programme::listings::api::list_listings,
        programme::listings::api::create_listing,
        programme::listings::api::update_listing,
        programme::listings::api::import_sales,
        programme::listings::api::get_effectiveness,
        programme::registry::api::preview_registry,
        programme::registry::api::import_registry,
        programme::registry::api::registry_template,
        programme::support::api::list_cases,
        programme::support::api::create_case,
        programme::support::api::get_case,
        programme::support::api::update_case,
        programme::support::api::create_note,
        programme::training::api::list_courses,
        programme::training::api::create_course,
        programme::training::api::get_course,
        programme::training::api::create_session,
        programme::training::api::get_session,
        programme::training::api::record_attendance,
        programme::training::api::remove_attendance,
        programme::fairs::api::list_fairs,
        programme::fairs::api::create_fair,
        programme::fairs::api::get_fair,
        programme::fairs::api::update_fair,
        programme::fairs::api::create_booth,
        programme::fairs::api::delete_booth,
    ),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
