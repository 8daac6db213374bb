//! `/api/v1/provinces` and `/api/v1/provinces/{code}/communes`: the 2025 units, for
//! address pickers and API clients.

use axum::Json;
use axum::extract::Path;
use serde::Serialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{AppError, AppResult, Message};
use crate::vn::admin_units;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ProvinceJson {
    pub code: String,
    pub name: String,
    pub short_name: String,
    pub name_en: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CommuneJson {
    pub code: String,
    pub name: String,
    pub short_name: String,
    /// `xa`, `phuong` or `dac khu`.
    pub kind: String,
    pub province_code: String,
}

/// The 34 provinces after 1 July 2025.
#[utoipa::path(get, path = "/api/v1/provinces", tag = "places", responses((status = 200, body = [ProvinceJson])))]
pub async fn list_provinces() -> Json<Vec<ProvinceJson>> {
    Json(
        admin_units::provinces()
            .iter()
            .map(|p| ProvinceJson {
                code: p.code.clone(),
                name: p.name.clone(),
                short_name: p.short_name.clone(),
                name_en: p.name_en.clone(),
            })
            .collect(),
    )
}

/// The communes of a province.
#[utoipa::path(get, path = "/api/v1/provinces/{code}/communes", tag = "places",
    params(("code" = String, Path, description = "2-digit province code")),
    responses((status = 200, body = [CommuneJson]), (status = 404, description = "no such province")))]
pub async fn list_communes(Path(code): Path<String>) -> AppResult<Json<Vec<CommuneJson>>> {
    admin_units::province(&code)
        .ok_or_else(|| AppError::not_found(Message::from(messages::PROVINCE).with("code", &code)))?;
    Ok(Json(
        admin_units::communes_of(&code)
            .map(|c| CommuneJson {
                code: c.code.clone(),
                name: c.name.clone(),
                short_name: c.short_name.clone(),
                kind: c.kind.clone(),
                province_code: c.province_code.clone(),
            })
            .collect(),
    ))
}

/// (key, Vietnamese, English) rows of the app's text table.
pub mod messages {
    use crate::error::Text;

    /// The noun of a not-found answer.
    pub const PROVINCE: Text = ("places.province", "tỉnh mã {code}", "province {code}");

    pub const TEXTS: &[Text] = &[PROVINCE];
}

/// `/api/v1/provinces…`.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
{
    OpenApiRouter::new().routes(routes!(list_provinces)).routes(routes!(list_communes))
}
