//! The trainings pages: the province's courses with their sessions and the
//! producers trained per pillar (`/office/trainings`, with its .xlsx export), a
//! course with its sessions (`/office/courses/{id}`) and a session's attendance list
//! with adding by hand, importing a list and removing a wrong line
//! (`/office/sessions/{id}`, with its .xlsx export, which imports back as it is).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;

use super::api::ProvinceParam;
use super::attendance::{self, ImportReport};
use super::courses::{self, Trainings, trainings_of};
use super::import::{self, Candidate, ColumnNames};
use super::messages;
use super::model::{CourseInput, Pillar, SessionInput, attendee_name, is_ticked};
use super::store::{self, Attendance, Course, Session};
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::{AppError, FieldErrors};
use crate::programme::support::model::day_vn;
use crate::programme::{scope, xlsx};
use crate::vn::admin_units;
use crate::web::PageError;
use crate::web::multipart::UploadForm;
use crate::web::{CsrfForm, Page, render};

#[derive(Template)]
#[template(path = "programme/trainings.html")]
struct TrainingsTemplate {
    page: Page,
    province: String,
    provinces: Vec<&'static admin_units::Province>,
    t: Trainings,
    pillars: &'static [Pillar],
    form: HashMap<String, String>,
    errors: FieldErrors,
}

impl TrainingsTemplate {
    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }

    fn day(&self, iso: &str) -> String {
        day_vn(iso)
    }
}

async fn trainings_page(
    db: &Db,
    page: Page,
    user: &CurrentUser,
    province: String,
    form: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let t = trainings_of(db, province.clone()).await?;
    let template = TrainingsTemplate {
        page,
        province,
        provinces: scope::provinces_of(user),
        t,
        pillars: Pillar::ALL,
        form,
        errors,
    };
    Ok(scope::form_status(&template.errors, render(&template)))
}

/// `GET /office/trainings?province=`
pub async fn list_trainings(
    State(db): State<Db>,
    page: Page,
    Query(q): Query<ProvinceParam>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let province = scope::province_for(&user, q.province.as_deref())?;
    trainings_page(&db, page, &user, province, HashMap::new(), FieldErrors::default()).await
}

/// `POST /office/trainings/courses` (`province`, `title`, `pillar`)
pub async fn create_course(
    State(db): State<Db>,
    page: Page,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let province = scope::province_for(&user, form.get("province").map(String::as_str))?;
    let input = CourseInput {
        province_code: Some(province.clone()),
        title: form.get("title").cloned(),
        pillar: form.get("pillar").cloned(),
    };
    match courses::create_course(&db, &user, None, &input).await {
        Ok(id) => Ok(Redirect::to(&format!("/office/courses/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => trainings_page(&db, page, &user, province, form, errors).await,
        Err(e) => Err(e.into()),
    }
}

/// `GET /office/trainings.xlsx?province=`: a sheet of sessions and one of pillars.
pub async fn export_trainings(
    State(db): State<Db>,
    page: Page,
    Query(q): Query<ProvinceParam>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let province = scope::province_for(&user, q.province.as_deref())?;
    let t = trainings_of(&db, province.clone()).await?;
    let mut sessions = xlsx::Sheet::new(
        "Tập huấn",
        &["Trụ cột", "Khóa học", "Ngày học", "Địa điểm", "Giảng viên", "Người học", "Cơ sở hoàn thành"],
    );
    for c in &t.courses {
        for s in &c.sessions {
            sessions.push(vec![
                c.course.pillar.label_vi().into(),
                c.course.title.as_str().into(),
                day_vn(&s.held_on).into(),
                s.place.as_str().into(),
                s.trainer.as_str().into(),
                s.attendees.into(),
                s.producers_completed.into(),
            ]);
        }
    }
    let mut pillars = xlsx::Sheet::new("Trụ cột", &["Trụ cột", "Cơ sở đã tập huấn"]);
    for p in &t.pillars {
        pillars.push(vec![p.pillar.label_vi().into(), p.producers_trained.into()]);
    }
    pillars.push(vec!["Kỹ năng số (Go Online, Export, AI, Right)".into(), t.trained_digital_skills.into()]);
    pillars.push(vec!["Đóng gói – kết nối – giao nhận".into(), t.trained_packaging_delivery.into()]);
    let bytes = xlsx::workbook(&[sessions, pillars])
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("trainings export")))?;
    Ok(xlsx::download(&format!("tap-huan-{province}.xlsx"), bytes))
}

#[derive(Template)]
#[template(path = "programme/course.html")]
struct CourseTemplate {
    page: Page,
    province: String,
    course: Course,
    sessions: Vec<Session>,
    form: HashMap<String, String>,
    errors: FieldErrors,
}

impl CourseTemplate {
    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }

    fn day(&self, iso: &str) -> String {
        day_vn(iso)
    }
}

async fn course_page(
    db: &Db,
    page: Page,
    course: Course,
    form: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let sessions = store::sessions_of_province(db, &course.province_code)
        .await?
        .into_iter()
        .filter(|s| s.course_id == course.id)
        .collect();
    let template = CourseTemplate { page, province: course.province_code.clone(), course, sessions, form, errors };
    Ok(scope::form_status(&template.errors, render(&template)))
}

/// `GET /office/courses/{id}`
pub async fn show_course(State(db): State<Db>, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let course = courses::course_for(&db, &user, id).await?;
    course_page(&db, page, course, HashMap::new(), FieldErrors::default()).await
}

/// `POST /office/courses/{id}/sessions`
pub async fn create_session(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let course = courses::course_for(&db, &user, id).await?;
    let input = SessionInput {
        held_on: form.get("held_on").cloned(),
        place: form.get("place").cloned(),
        trainer: form.get("trainer").cloned(),
    };
    match input.validate() {
        Ok(valid) => {
            let session_id = store::insert_session(&db, course.id, &valid).await?;
            Ok(Redirect::to(&format!("/office/sessions/{session_id}")).into_response())
        }
        Err(errors) => course_page(&db, page, course, form, errors).await,
    }
}

#[derive(Template)]
#[template(path = "programme/training_session.html")]
struct SessionTemplate {
    page: Page,
    province: String,
    course: Course,
    session: Session,
    rows: Vec<Attendance>,
    report: Option<ImportReport>,
    form: HashMap<String, String>,
    errors: FieldErrors,
    notice: &'static str,
}

impl SessionTemplate {
    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }

    fn day(&self, iso: &str) -> String {
        day_vn(iso)
    }
}

struct SessionView {
    report: Option<ImportReport>,
    form: HashMap<String, String>,
    errors: FieldErrors,
    notice: &'static str,
}

impl SessionView {
    fn plain(notice: &'static str) -> SessionView {
        SessionView { report: None, form: HashMap::new(), errors: FieldErrors::default(), notice }
    }
}

async fn session_page(
    db: &Db,
    page: Page,
    session_id: i64,
    course: Course,
    view: SessionView,
) -> Result<Response, PageError> {
    let session = store::find_session(db, session_id).await?.ok_or_else(|| AppError::not_found(messages::SESSION))?;
    let rows = store::attendance_of(db, session.id).await?;
    let failed = !view.errors.is_empty() || view.report.as_ref().is_some_and(|r| !r.written);
    let template = SessionTemplate {
        page,
        province: course.province_code.clone(),
        course,
        session,
        rows,
        report: view.report,
        form: view.form,
        errors: view.errors,
        notice: view.notice,
    };
    let status = if failed { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    Ok((status, render(&template)).into_response())
}

/// `GET /office/sessions/{id}`
pub async fn show_session(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<scope::DoneParam>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let (session, course) = courses::session_for(&db, &user, id).await?;
    let notice = match q.done.as_deref() {
        Some("added") => "training_added",
        Some("removed") => "training_removed",
        _ => "",
    };
    session_page(&db, page, session.id, course, SessionView::plain(notice)).await
}

/// `POST /office/sessions/{id}/attendance` (`producer`: code or name, `phone`, `attendee_name`, `completed`)
pub async fn add_attendee(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let (session, course) = courses::session_for(&db, &user, id).await?;
    let text = |name: &str| form.get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let Some(producer) = text("producer") else {
        let mut errors = FieldErrors::default();
        errors.add("producer", messages::PRODUCER_REQUIRED_REGISTRY_CODE_OR_NAME);
        let view = SessionView { report: None, form, errors, notice: "" };
        return session_page(&db, page, session.id, course, view).await;
    };
    let candidate = Candidate {
        row: 1,
        producer_id: None,
        code: Some(producer),
        name: None,
        phone: text("phone"),
        attendee: attendee_name(&text("attendee_name").unwrap_or_default()),
        completed: form.get("completed").is_some_and(|v| v == "yes"),
        loose: true,
    };
    let columns = ColumnNames { code: "producer".into(), attendee: "attendee_name".into(), ..ColumnNames::api() };
    let report = attendance::record(&db, &course, session.id, &columns, vec![candidate], Vec::new(), false).await?;
    if report.written {
        return Ok(Redirect::to(&format!("/office/sessions/{id}?done=added")).into_response());
    }
    let mut errors = FieldErrors::default();
    for e in &report.errors {
        errors.add(&e.column, e.message.clone());
    }
    let view = SessionView { report: None, form, errors, notice: "" };
    session_page(&db, page, session.id, course, view).await
}

/// `POST /office/sessions/{id}/import` (multipart: `file`, `valid_only`)
pub async fn import_attendance(
    State(db): State<Db>,
    page: Page,
    jar: CookieJar,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let (session, course) = courses::session_for(&db, &user, id).await?;
    let upload = UploadForm::read(&jar, multipart).await?;
    let valid_only = is_ticked(upload.text("valid_only").as_deref());
    let Some((_, bytes)) = upload.files.into_iter().find(|(name, _)| name == "file") else {
        let mut errors = FieldErrors::default();
        errors.add("file", messages::CHOOSE_THE_LIST_FILE_XLSX);
        let view = SessionView { report: None, form: HashMap::new(), errors, notice: "" };
        return session_page(&db, page, session.id, course, view).await;
    };
    let parsed =
        tokio::task::spawn_blocking(move || import::parse(&bytes)).await.map_err(|e| AppError::Internal(e.into()))?;
    let view = match parsed {
        Ok(parsed) => {
            let report =
                attendance::record(&db, &course, session.id, &parsed.columns, parsed.rows, parsed.errors, valid_only)
                    .await?;
            SessionView { report: Some(report), form: HashMap::new(), errors: FieldErrors::default(), notice: "" }
        }
        Err(AppError::Invalid(errors)) => SessionView { report: None, form: HashMap::new(), errors, notice: "" },
        Err(e) => return Err(e.into()),
    };
    session_page(&db, page, session.id, course, view).await
}

/// `POST /office/sessions/{id}/attendance/remove` (`producer_id`, `attendee_name`)
pub async fn remove_attendee(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let (session, _) = courses::session_for(&db, &user, id).await?;
    let producer_id = form
        .get("producer_id")
        .and_then(|v| v.trim().parse::<i64>().ok())
        .ok_or_else(|| AppError::invalid("producer_id", messages::PRODUCER_ID_MISSING))?;
    let name = form.get("attendee_name").map(String::as_str).unwrap_or("");
    if !store::remove_attendance(&db, session.id, producer_id, name).await? {
        return Err(AppError::not_found(messages::ATTENDANCE_LINE).into());
    }
    Ok(Redirect::to(&format!("/office/sessions/{id}?done=removed")).into_response())
}

/// `GET /office/sessions/{id}/attendance.xlsx`: the list with the import's headers.
pub async fn export_attendance(State(db): State<Db>, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let (session, course) = courses::session_for(&db, &user, id).await?;
    let mut sheet =
        xlsx::Sheet::new("Điểm danh", &["Mã cơ sở", "Tên cơ sở", "Xã", "Điện thoại", "Họ tên", "Hoàn thành"]);
    let attendance = store::attendance_of(&db, session.id).await?;
    // Attendees' names and phones: a bulk use of personal data, logged.
    let detail = format!("session {}", session.id);
    let people = attendance.len() as i64;
    crate::privacy::store::log_processing(&db, Some(user.id), "office.attendance.xlsx", people, &detail).await?;
    for a in attendance {
        sheet.push(vec![
            a.producer.code().into(),
            a.producer.name.as_str().into(),
            a.producer.commune_name().into(),
            a.producer.phone_display().into(),
            a.attendee_name.into(),
            (if a.completed { "Có" } else { "Không" }).into(),
        ]);
    }
    let mut about = xlsx::Sheet::new("Buổi học", &["Khóa học", "Trụ cột", "Ngày học", "Địa điểm", "Giảng viên"]);
    about.push(vec![
        course.title.into(),
        course.pillar.label_vi().into(),
        day_vn(&session.held_on).into(),
        session.place.into(),
        session.trainer.into(),
    ]);
    let bytes = xlsx::workbook(&[sheet, about])
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("attendance export")))?;
    Ok(xlsx::download(&format!("diem-danh-{id}.xlsx"), bytes))
}
