//! `/api/v1/programme/courses` and `/sessions`: the province's courses with their
//! sessions and trained producers, new courses and sessions, a session's attendance
//! and recording it from a JSON list or an uploaded file.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Path, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::attendance::{self, ImportReport};
use super::courses::{self, CourseJson, Trainings, trainings_of};
use super::import::{self, ColumnNames};
use super::messages;
use super::model::{AttendeeInput, CourseInput, SessionInput, is_ticked};
use super::store::{self, Attendance, Course, Session};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::programme::scope;
use crate::web::ApiJson;

/// The most an attendance file may weigh.
pub const FILE_LIMIT: usize = 8 * 1024 * 1024;

pub use crate::programme::scope::ProvinceParam;

#[utoipa::path(get, path = "/api/v1/programme/courses", tag = "programme", security(("bearer" = [])),
    params(("province" = Option<String>, Query)), responses((status = 200, body = Trainings), (status = 401), (status = 403)))]
pub async fn list_courses(
    State(db): State<Db>,
    user: CurrentUser,
    Query(q): Query<ProvinceParam>,
) -> AppResult<Json<Trainings>> {
    let province = scope::province_for(&user, q.province.as_deref())?;
    Ok(Json(trainings_of(&db, province).await?))
}

#[utoipa::path(post, path = "/api/v1/programme/courses", tag = "programme", security(("bearer" = [])),
    request_body = CourseInput, params(("province" = Option<String>, Query)),
    responses((status = 201, body = Course), (status = 401), (status = 403), (status = 422)))]
pub async fn create_course(
    State(db): State<Db>,
    user: CurrentUser,
    Query(q): Query<ProvinceParam>,
    ApiJson(input): ApiJson<CourseInput>,
) -> AppResult<(StatusCode, Json<Course>)> {
    let id = courses::create_course(&db, &user, q.province.as_deref(), &input).await?;
    Ok((StatusCode::CREATED, Json(courses::course_for(&db, &user, id).await?)))
}

fn id_of(id: &str, what: crate::error::Text) -> AppResult<i64> {
    id.parse().map_err(|_| AppError::not_found(what))
}

#[utoipa::path(get, path = "/api/v1/programme/courses/{id}", tag = "programme", security(("bearer" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = CourseJson), (status = 401), (status = 403), (status = 404)))]
pub async fn get_course(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<CourseJson>> {
    let course = courses::course_for(&db, &user, id_of(&id, messages::COURSE)?).await?;
    let sessions = store::sessions_of_province(&db, &course.province_code)
        .await?
        .into_iter()
        .filter(|s| s.course_id == course.id)
        .collect();
    Ok(Json(CourseJson { course, sessions }))
}

#[utoipa::path(post, path = "/api/v1/programme/courses/{id}/sessions", tag = "programme", security(("bearer" = [])),
    request_body = SessionInput, params(("id" = i64, Path)),
    responses((status = 201, body = Session), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn create_session(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<SessionInput>,
) -> AppResult<(StatusCode, Json<Session>)> {
    let course = courses::course_for(&db, &user, id_of(&id, messages::COURSE)?).await?;
    let valid = input.validate().map_err(AppError::Invalid)?;
    let session_id = store::insert_session(&db, course.id, &valid).await?;
    let session = store::find_session(&db, session_id).await?.ok_or_else(|| AppError::not_found(messages::SESSION))?;
    Ok((StatusCode::CREATED, Json(session)))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SessionJson {
    #[serde(flatten)]
    pub session: Session,
    pub course: Course,
    pub attendance: Vec<Attendance>,
}

#[utoipa::path(get, path = "/api/v1/programme/sessions/{id}", tag = "programme", security(("bearer" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = SessionJson), (status = 401), (status = 403), (status = 404)))]
pub async fn get_session(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<SessionJson>> {
    let (session, course) = courses::session_for(&db, &user, id_of(&id, messages::SESSION)?).await?;
    let attendance = store::attendance_of(&db, session.id).await?;
    Ok(Json(SessionJson { session, course, attendance }))
}

#[derive(Debug, Deserialize)]
pub struct ValidOnlyParam {
    pub valid_only: Option<String>,
}

/// Record attendance: a JSON list of rows, or a multipart upload with `file` (.xlsx,
/// .xls, .ods or .csv) and `valid_only`. With problem rows nothing is written (422
/// naming each row and column) unless `valid_only` is set (`?valid_only=true` for JSON).
#[utoipa::path(post, path = "/api/v1/programme/sessions/{id}/attendance", tag = "programme", security(("bearer" = [])),
    request_body(content = Vec<AttendeeInput>, description = "JSON rows, or multipart/form-data with `file` and `valid_only`"),
    params(("id" = i64, Path), ("valid_only" = Option<bool>, Query)),
    responses((status = 200, body = ImportReport), (status = 401), (status = 403), (status = 404), (status = 413), (status = 422)))]
pub async fn record_attendance(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(q): Query<ValidOnlyParam>,
    request: Request,
) -> AppResult<Response> {
    let (session, course) = courses::session_for(&db, &user, id_of(&id, messages::SESSION)?).await?;
    let is_multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let report = if is_multipart {
        let multipart = Multipart::from_request(request, &())
            .await
            .map_err(|e| crate::web::multipart::unreadable("file", e.body_text()))?;
        let (bytes, valid_only) = upload(multipart).await?;
        let parsed = tokio::task::spawn_blocking(move || import::parse(&bytes))
            .await
            .map_err(|e| AppError::Internal(e.into()))??;
        attendance::record(&db, &course, session.id, &parsed.columns, parsed.rows, parsed.errors, valid_only).await?
    } else {
        let ApiJson(rows) = ApiJson::<Vec<AttendeeInput>>::from_request(request, &()).await?;
        let (rows, errors) = attendance::candidates_of(rows);
        attendance::record(
            &db,
            &course,
            session.id,
            &ColumnNames::api(),
            rows,
            errors,
            is_ticked(q.valid_only.as_deref()),
        )
        .await?
    };
    report_response(report)
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct AttendeeKey {
    /// The producer whose line goes.
    pub producer_id: i64,
    /// The attendee's name as recorded; empty for a line without a name.
    #[serde(default)]
    pub attendee_name: String,
}

/// Removes one line of a session's attendance (a producer recorded by mistake):
/// 204, or 404 when there is no such line.
#[utoipa::path(delete, path = "/api/v1/programme/sessions/{id}/attendance", tag = "programme", security(("bearer" = [])),
    params(("id" = i64, Path), AttendeeKey),
    responses((status = 204), (status = 400), (status = 401), (status = 403), (status = 404)))]
pub async fn remove_attendance(
    State(db): State<Db>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(key): Query<AttendeeKey>,
) -> AppResult<StatusCode> {
    let (session, _) = courses::session_for(&db, &user, id_of(&id, messages::SESSION)?).await?;
    if store::remove_attendance(&db, session.id, key.producer_id, key.attendee_name.trim()).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::not_found(messages::ATTENDANCE_LINE))
    }
}

/// 200 with the report when written; a 422 problem naming every bad row otherwise.
fn report_response(report: ImportReport) -> AppResult<Response> {
    if report.written { Ok(Json(report).into_response()) } else { Err(AppError::Invalid(report.field_errors())) }
}

async fn upload(mut multipart: Multipart) -> AppResult<(Bytes, bool)> {
    let unreadable =
        |e: axum::extract::multipart::MultipartError| crate::web::multipart::unreadable("file", e.body_text());
    let mut file = None;
    let mut valid_only = false;
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        match field.name() {
            Some("file") => {
                let bytes = field.bytes().await.map_err(unreadable)?;
                if bytes.len() > FILE_LIMIT {
                    return Err(AppError::TooLarge(messages::ATTENDANCE_LIST_8_MB.into()));
                }
                file = Some(bytes);
            }
            Some("valid_only") => valid_only = is_ticked(Some(&field.text().await.map_err(unreadable)?)),
            _ => {}
        }
    }
    let file = file.ok_or_else(|| AppError::invalid("file", messages::SEND_THE_LIST_IN_THE_FILE))?;
    Ok((file, valid_only))
}
