//! The officer's upload page (`/office/registry`): the form, the template link and
//! the latest uploads; the preview of an upload with every problem row; the import
//! and its summary. Officers import their own provinces' rows and see their own
//! uploads; admins all.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::Response;
use axum_extra::extract::CookieJar;
use indicatif::ProgressBar;
use serde::Deserialize;

use super::messages;
use super::store::{self, StoredImport};
use super::{Options, Problem, Report, Scope, run, template, workbook};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::{AppError, FieldErrors};
use crate::programme::{scope, xlsx};
use crate::web::PageError;
use crate::web::multipart::unreadable;
use crate::web::{CsrfForm, Page, csrf, render};

/// Problems listed on the page; the CLI and the API list them all.
const SHOWN: usize = 300;

#[derive(Deserialize)]
pub struct ProvinceQuery {
    province: Option<String>,
}

/// The provinces an import may write for this user.
pub fn scope_of(user: &CurrentUser) -> Scope {
    if user.is_admin() { Scope::All } else { Scope::Provinces(user.provinces.clone()) }
}

struct ImportLine {
    id: i64,
    file_name: String,
    status_key: &'static str,
    summary: String,
    when: String,
}

impl From<StoredImport> for ImportLine {
    fn from(i: StoredImport) -> ImportLine {
        ImportLine {
            id: i.id,
            file_name: i.file_name,
            status_key: if i.status == "imported" { "reg_status_imported" } else { "reg_status_previewed" },
            summary: i.summary,
            when: crate::vn::time_vn(i.imported_at.as_deref().unwrap_or(&i.created_at)),
        }
    }
}

#[derive(Template)]
#[template(path = "programme/registry.html")]
struct RegistryTemplate {
    page: Page,
    province: String,
    imports: Vec<ImportLine>,
    errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "programme/registry_preview.html")]
struct PreviewTemplate {
    page: Page,
    province: String,
    import_id: i64,
    file_name: String,
    report: Report,
    errors: Vec<Problem>,
    errors_more: usize,
    warnings: Vec<Problem>,
    warnings_more: usize,
    /// The import ran (this is its result, not a preview).
    done: bool,
}

impl PreviewTemplate {
    fn new(page: Page, province: String, import_id: i64, file_name: String, report: Report, done: bool) -> Self {
        let errors: Vec<Problem> = report.errors.iter().take(SHOWN).cloned().collect();
        let warnings: Vec<Problem> = report.warnings.iter().take(SHOWN).cloned().collect();
        PreviewTemplate {
            errors_more: report.errors.len() - errors.len(),
            warnings_more: report.warnings.len() - warnings.len(),
            page,
            province,
            import_id,
            file_name,
            report,
            errors,
            warnings,
            done,
        }
    }
}

async fn registry_page(db: &Db, page: Page, province: String, errors: FieldErrors) -> Result<Response, PageError> {
    let user = page.require_user()?;
    let own = if user.is_admin() { None } else { Some(user.id) };
    let imports = store::list_imports(db, own, 20).await?.into_iter().map(ImportLine::from).collect();
    Ok(render(&RegistryTemplate { page, province, imports, errors }))
}

/// `GET /office/registry?province=CODE`
pub async fn show_registry(
    State(db): State<Db>,
    page: Page,
    Query(query): Query<ProvinceQuery>,
) -> Result<Response, PageError> {
    let province = scope::province_for(page.require_user()?, query.province.as_deref())?;
    registry_page(&db, page, province, FieldErrors::default()).await
}

/// `GET /office/registry/template.xlsx`
pub async fn download_template(page: Page) -> Result<Response, PageError> {
    if !page.require_user()?.is_officer() {
        return Err(AppError::Forbidden.into());
    }
    let bytes = template::template().map_err(|e| anyhow::anyhow!("registry template: {e}"))?;
    Ok(xlsx::download("so-dang-ky-mau.xlsx", bytes))
}

/// The upload form's parts.
struct Upload {
    province: Option<String>,
    file: Option<(String, Vec<u8>)>,
}

/// Reads the form, checking its CSRF token; a file over the limit is a field error.
async fn read_upload(jar: &CookieJar, mut multipart: Multipart) -> Result<Upload, AppError> {
    let too_large = || AppError::invalid("file", messages::THE_FILE_IS_TOO_LARGE);
    let mut fields: HashMap<String, String> = HashMap::new();
    let mut file = None;
    while let Some(field) = multipart.next_field().await.map_err(|_| too_large())? {
        let name = field.name().unwrap_or("").to_string();
        if name == "file" {
            let file_name = field.file_name().unwrap_or("registry.xlsx").to_string();
            let bytes = field.bytes().await.map_err(|_| too_large())?;
            if bytes.len() > workbook::MAX_BYTES {
                return Err(too_large());
            }
            if !bytes.is_empty() {
                file = Some((file_name, bytes.to_vec()));
            }
        } else {
            let value = field.text().await.map_err(|e| unreadable(&name, e.body_text()))?;
            fields.insert(name, value);
        }
    }
    if !csrf::token_matches(jar, fields.get("csrf").map(String::as_str).unwrap_or("")) {
        return Err(AppError::Forbidden);
    }
    Ok(Upload { province: fields.remove("province"), file })
}

/// `POST /office/registry/preview` (multipart: `file`, `province`): keeps the
/// upload and shows what importing it would do.
pub async fn preview_upload(
    State(db): State<Db>,
    page: Page,
    jar: CookieJar,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let upload = match read_upload(&jar, multipart).await {
        Ok(upload) => upload,
        Err(AppError::Invalid(errors)) => {
            let province = scope::province_for(&user, None)?;
            return registry_page(&db, page, province, errors).await;
        }
        Err(other) => return Err(other.into()),
    };
    let province = scope::province_for(&user, upload.province.as_deref())?;
    let Some((file_name, bytes)) = upload.file else {
        let mut errors = FieldErrors::default();
        errors.add("file", messages::CHOOSE_AN_XLSX_FILE);
        return registry_page(&db, page, province, errors).await;
    };
    let options =
        Options { dry_run: true, valid_only: false, scope: scope_of(&user), user_id: Some(user.id), import_id: None };
    let report = run(&db, bytes.clone(), &options, &ProgressBar::hidden()).await?;
    let import_id = store::insert_import(&db, Some(user.id), &file_name, &bytes, &report.summary()).await?;
    Ok(render(&PreviewTemplate::new(page, province, import_id, file_name, report, false)))
}

/// `POST /office/registry/{id}/import` (form: `province`, `valid_only`): checks the
/// stored upload again and imports it.
pub async fn import_upload(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let province = scope::province_for(&user, form.get("province").map(String::as_str))?;
    let stored = store::find_import(&db, id).await?.ok_or_else(|| AppError::not_found(messages::UPLOAD))?;
    if !user.is_admin() && stored.user_id != Some(user.id) {
        return Err(AppError::Forbidden.into());
    }
    let bytes = store::import_bytes(&db, id).await?;
    let valid_only = form.get("valid_only").is_some_and(|v| matches!(v.as_str(), "on" | "1" | "true"));
    let options =
        Options { dry_run: false, valid_only, scope: scope_of(&user), user_id: Some(user.id), import_id: Some(id) };
    let writer = db.clone();
    let report =
        crate::db::run_to_completion(async move { run(&writer, bytes, &options, &ProgressBar::hidden()).await })
            .await??;
    if !report.written {
        store::set_summary(&db, id, &report.summary()).await?;
    }
    Ok(render(&PreviewTemplate::new(page, province, id, stored.file_name, report, true)))
}
