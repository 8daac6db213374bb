//! The frame of the OpenAPI 3.1 document served at `/api/v1/openapi.json`: its title
//! and the bearer scheme. The paths come from each domain's router (utoipa-axum), so
//! the document and the routes are one list.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "dacsan API", description = "Specialty and OCOP products of Vietnam's northern midlands and mountains. Errors are application/problem+json (RFC 9457)."),
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

/// The document without paths, for [`crate::routes`] to fill.
pub fn frame() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}
