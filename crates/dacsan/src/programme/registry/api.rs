//! The registry import for scripts: `POST /api/v1/programme/registry/preview` and
//! `POST /api/v1/programme/registry/import?valid_only=true` take the workbook as the
//! body (or as the `file` field of a multipart form) and answer with the report.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use indicatif::ProgressBar;
use serde::{Deserialize, Serialize};

use super::messages;
use super::pages::scope_of;
use super::{Options, Report, run, store, template, workbook};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::programme::xlsx;
use crate::web::multipart::unreadable;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ImportQuery {
    /// Write the valid rows even when others have errors.
    #[serde(default)]
    pub valid_only: bool,
    /// The name to keep the upload under.
    pub file_name: Option<String>,
}

/// The report, with the id the upload is kept under.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RegistryResponse {
    pub import_id: i64,
    #[serde(flatten)]
    pub report: Report,
}

fn too_large() -> AppError {
    AppError::TooLarge(messages::WORKBOOK_25_MB.into())
}

/// The workbook from the body: raw, or the `file` field of a multipart form.
async fn workbook_bytes(request: Request, fallback_name: Option<String>) -> AppResult<(String, Vec<u8>)> {
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let name = fallback_name.unwrap_or_else(|| "registry.xlsx".into());
    let (name, bytes) = if multipart {
        let mut form = Multipart::from_request(request, &()).await.map_err(|e| unreadable("file", e.body_text()))?;
        let mut found = None;
        while let Some(field) = form.next_field().await.map_err(|_| too_large())? {
            if field.name() == Some("file") {
                let name = field.file_name().map_or(name.clone(), str::to_string);
                found = Some((name, field.bytes().await.map_err(|_| too_large())?.to_vec()));
                break;
            }
        }
        found.ok_or_else(|| AppError::invalid("file", messages::SEND_THE_XLSX_IN_THE_FILE))?
    } else {
        let bytes = Bytes::from_request(request, &()).await.map_err(|_| too_large())?;
        (name, bytes.to_vec())
    };
    if bytes.len() > workbook::MAX_BYTES {
        return Err(too_large());
    }
    if bytes.is_empty() {
        return Err(AppError::invalid("file", messages::THE_REQUEST_BODY_IS_EMPTY));
    }
    Ok((name, bytes))
}

/// Checks a registry workbook and says what importing it would do; writes nothing
/// but keeps the upload.
#[utoipa::path(post, path = "/api/v1/programme/registry/preview", tag = "programme", security(("bearer" = [])),
    params(ImportQuery),
    request_body(content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description = "the workbook (or multipart with a `file` field)"),
    responses((status = 200, body = RegistryResponse), (status = 401), (status = 403), (status = 413)))]
pub async fn preview_registry(
    State(db): State<Db>,
    user: CurrentUser,
    Query(query): Query<ImportQuery>,
    request: Request,
) -> AppResult<Json<RegistryResponse>> {
    if !user.is_officer() {
        return Err(AppError::Forbidden);
    }
    let (name, bytes) = workbook_bytes(request, query.file_name).await?;
    let options = Options {
        dry_run: true,
        valid_only: query.valid_only,
        scope: scope_of(&user),
        user_id: Some(user.id),
        import_id: None,
    };
    let report = run(&db, bytes.clone(), &options, &ProgressBar::hidden()).await?;
    let import_id = store::insert_import(&db, Some(user.id), &name, &bytes, &report.summary()).await?;
    Ok(Json(RegistryResponse { import_id, report }))
}

/// Imports a registry workbook: 200 with the report when written, 422 with the
/// report when errors kept anything from being written.
#[utoipa::path(post, path = "/api/v1/programme/registry/import", tag = "programme", security(("bearer" = [])),
    params(ImportQuery),
    request_body(content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description = "the workbook (or multipart with a `file` field)"),
    responses((status = 200, body = RegistryResponse), (status = 401), (status = 403), (status = 409), (status = 413),
        (status = 422, body = RegistryResponse, description = "errors: nothing written")))]
pub async fn import_registry(
    State(db): State<Db>,
    user: CurrentUser,
    Query(query): Query<ImportQuery>,
    request: Request,
) -> AppResult<Response> {
    if !user.is_officer() {
        return Err(AppError::Forbidden);
    }
    let (name, bytes) = workbook_bytes(request, query.file_name).await?;
    let import_id = store::insert_import(&db, Some(user.id), &name, &bytes, "").await?;
    let options = Options {
        dry_run: false,
        valid_only: query.valid_only,
        scope: scope_of(&user),
        user_id: Some(user.id),
        import_id: Some(import_id),
    };
    let writer = db.clone();
    let report =
        crate::db::run_to_completion(async move { run(&writer, bytes, &options, &ProgressBar::hidden()).await })
            .await??;
    if !report.written {
        store::set_summary(&db, import_id, &report.summary()).await?;
    }
    let status = if report.written { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, Json(RegistryResponse { import_id, report })).into_response())
}

/// The empty registry workbook.
#[utoipa::path(get, path = "/api/v1/programme/registry/template.xlsx", tag = "programme", security(("bearer" = [])),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (status = 401), (status = 403)))]
pub async fn registry_template(user: CurrentUser) -> AppResult<Response> {
    if !user.is_officer() {
        return Err(AppError::Forbidden);
    }
    let bytes = template::template().map_err(|e| anyhow::anyhow!("registry template: {e}"))?;
    Ok(xlsx::download("so-dang-ky-mau.xlsx", bytes))
}
