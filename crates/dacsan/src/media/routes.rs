//! The routes of media files: its pages and its part of `/api/v1`, which is also its
//! part of the OpenAPI document.

use axum::extract::FromRef;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;

use super::pages;
use crate::db::Db;

/// `/media/{id}`: uploaded pictures.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
{
    OpenApiRouter::new().route("/media/{id}", get(pages::get_media))
}
