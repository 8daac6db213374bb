//! Files a producer adds to its quote (test results, certificates, spec sheets):
//! PDF or pictures up to 5 MB, five per quote, added while the quote is open and
//! read by whoever sees the quote.

use axum::Json;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;

use super::messages;
use super::model::MAX_ATTACHMENTS;
use super::service;
use super::store::{self, Attachment};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::Message;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::trace::files::{Upload, checked, read_upload};
use crate::web::{Page, PageError};

/// Checks and stores an upload on a quote of one of this seller's producers.
pub async fn attach(db: &Db, user: &CurrentUser, quote_id: i64, upload: &Upload) -> AppResult<Attachment> {
    let (quote, _, _) = service::quote_party(db, user, quote_id).await?;
    user.require_producer(quote.producer_id)?;
    if quote.status != "open" {
        return Err(AppError::conflict(
            "quote",
            Message::from(messages::QUOTE_CLOSED_TO_FILES).with("status", &quote.status),
        ));
    }
    let (content_type, title) = checked(upload)?;
    store::insert_attachment(db, quote.id, title, content_type, &upload.bytes, user.id, MAX_ATTACHMENTS)
        .await?
        .ok_or_else(|| {
            AppError::conflict(
                "file",
                Message::from(messages::AT_MOST_FILES_PER_QUOTE).with("max_attachments", MAX_ATTACHMENTS),
            )
        })
}

/// Add a file to your quote (multipart fields `file` and `title`; PDF, JPEG, PNG
/// or WebP up to 5 MB; five per quote; while the quote is open).
#[utoipa::path(post, path = "/api/v1/quotes/{id}/attachments", tag = "trade", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 201, body = Attachment), (status = 401), (status = 403), (status = 404),
        (status = 409, description = "the quote is closed, or has five files"), (status = 413), (status = 422)))]
pub async fn post_attachment(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> AppResult<(StatusCode, Json<Attachment>)> {
    let upload = read_upload(multipart).await?;
    Ok((StatusCode::CREATED, Json(attach(&db, &user, id, &upload).await?)))
}

/// A file of a quote, for the buyer, the quoting producer's sellers and the office.
#[utoipa::path(get, path = "/api/v1/quotes/{id}/attachments/{file}", tag = "trade", security(("bearer" = [])),
    params(("id" = i64, Path), ("file" = i64, Path)),
    responses((status = 200, description = "the file's bytes, with its content type"), (status = 401), (status = 404)))]
pub async fn get_attachment(
    State(db): State<Db>,
    user: CurrentUser,
    Path((id, file_id)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let (quote, _, _) = service::quote_party(&db, &user, id).await?;
    let (file, bytes) =
        store::attachment_file(&db, quote.id, file_id).await?.ok_or_else(|| AppError::not_found(messages::FILE))?;
    Ok(crate::web::uploaded_file(&file.content_type, "private, max-age=3600", bytes))
}

/// `POST /trade/quotes/{id}/attachments`: the quote page's upload form.
pub async fn upload_on_page(
    State(db): State<Db>,
    page: Page,
    jar: CookieJar,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let upload = read_upload(multipart).await?;
    if !crate::web::csrf::token_matches(&jar, &upload.csrf) {
        return Err(AppError::Forbidden.into());
    }
    let mut errors = FieldErrors::default();
    match attach(&db, &user, id, &upload).await {
        Ok(_) => return Ok(Redirect::to(&format!("/trade/quotes/{id}#files")).into_response()),
        Err(AppError::Invalid(invalid)) => errors = invalid,
        Err(AppError::Conflict { field, message }) => errors.add(&field, message),
        Err(AppError::TooLarge(message)) => errors.add("file", message),
        Err(err) => return Err(err.into()),
    }
    super::pages::quote_page(&db, page, id, errors).await
}
