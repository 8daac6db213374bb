//! The routes of training: its pages and its part of `/api/v1`, which is also its part
//! of the OpenAPI document.

use axum::extract::DefaultBodyLimit;
use axum::extract::FromRef;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::db::Db;

/// Room for an 8 MB list and the form around it.
const UPLOAD_LIMIT: usize = 9 * 1024 * 1024;

/// `/office/trainings…`, courses and sessions, and `/api/v1/programme/courses…`,
/// `/api/v1/programme/sessions…`.
pub fn router<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Db: FromRef<S>,
{
    let uploads = OpenApiRouter::new()
        .route("/office/sessions/{id}/import", post(pages::import_attendance))
        .routes(routes!(api::record_attendance, api::remove_attendance))
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT));
    OpenApiRouter::new()
        .route("/office/trainings", get(pages::list_trainings))
        .route("/office/trainings.xlsx", get(pages::export_trainings))
        .route("/office/trainings/courses", post(pages::create_course))
        .route("/office/courses/{id}", get(pages::show_course))
        .route("/office/courses/{id}/sessions", post(pages::create_session))
        .route("/office/sessions/{id}", get(pages::show_session))
        .route("/office/sessions/{id}/attendance", post(pages::add_attendee))
        .route("/office/sessions/{id}/attendance/remove", post(pages::remove_attendee))
        .route("/office/sessions/{id}/attendance.xlsx", get(pages::export_attendance))
        .routes(routes!(api::list_courses, api::create_course))
        .routes(routes!(api::get_course))
        .routes(routes!(api::create_session))
        .routes(routes!(api::get_session))
        .merge(uploads)
}
