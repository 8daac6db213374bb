//! `GET /media/{id}`: a stored picture, cached for a year (a media id never changes
//! its bytes).

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::messages;
use super::store;
use crate::db::Db;
use crate::error::{AppError, AppResult};

pub async fn get_media(State(db): State<Db>, Path(id): Path<String>, headers: HeaderMap) -> AppResult<Response> {
    let id: i64 = id.trim_end_matches(".jpg").parse().map_err(|_| AppError::not_found(messages::PICTURE))?;
    let media = store::find(&db, id).await?.ok_or_else(|| AppError::not_found(messages::PICTURE))?;
    let etag = format!("\"{}\"", &media.sha256[..16]);
    if headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) == Some(etag.as_str()) {
        return Ok(StatusCode::NOT_MODIFIED.into_response());
    }
    let content_type = HeaderValue::from_str(&media.content_type).unwrap_or(HeaderValue::from_static("image/jpeg"));
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable")),
            (header::ETAG, HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"0\""))),
        ],
        media.bytes,
    )
        .into_response())
}
