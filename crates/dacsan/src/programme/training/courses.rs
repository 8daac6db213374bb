//! The province's courses with their sessions and the producers trained per pillar,
//! new courses, and who may see a course or a session (the officers of its
//! province): shared by the pages and the API.

use serde::Serialize;

use super::messages;
use super::model::{CourseInput, Pillar};
use super::store::{self, Course, Session};
use crate::auth::CurrentUser;
use crate::db::{self, Db};
use crate::error::{AppError, AppResult};
use crate::programme::scope;

/// The course, if this user oversees its province (403 otherwise).
pub async fn course_for(db: &Db, user: &CurrentUser, id: i64) -> AppResult<Course> {
    if !user.is_officer() {
        return Err(AppError::Forbidden);
    }
    let today = db::today_vn().to_string();
    let course = store::find_course(db, id, &today).await?.ok_or_else(|| AppError::not_found(messages::COURSE))?;
    user.require_province(&course.province_code)?;
    Ok(course)
}

/// The session and its course, if this user oversees the course's province.
pub async fn session_for(db: &Db, user: &CurrentUser, id: i64) -> AppResult<(Session, Course)> {
    if !user.is_officer() {
        return Err(AppError::Forbidden);
    }
    let session = store::find_session(db, id).await?.ok_or_else(|| AppError::not_found(messages::SESSION))?;
    let course = course_for(db, user, session.course_id).await?;
    Ok((session, course))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PillarTotal {
    pub pillar: Pillar,
    pub producers_trained: i64,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CourseJson {
    #[serde(flatten)]
    pub course: Course,
    pub sessions: Vec<Session>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Trainings {
    pub province: String,
    /// Producers with a completed session held by today, per pillar.
    pub pillars: Vec<PillarTotal>,
    /// … of a Go Online / Export / AI / Right session.
    pub trained_digital_skills: i64,
    /// … of a packaging – connecting – delivery session.
    pub trained_packaging_delivery: i64,
    pub courses: Vec<CourseJson>,
}

/// The province's trainings (what the page and the export show).
pub async fn trainings_of(db: &Db, province: String) -> AppResult<Trainings> {
    let today = db::today_vn().to_string();
    let courses = store::courses_of(db, &province, &today).await?;
    let mut sessions = store::sessions_of_province(db, &province).await?;
    let (per_pillar, digital, packaging) = store::trained_by_pillar(db, &province, &today).await?;
    let courses = courses
        .into_iter()
        .map(|course| {
            let (mine, rest) = sessions.drain(..).partition(|s| s.course_id == course.id);
            sessions = rest;
            CourseJson { course, sessions: mine }
        })
        .collect();
    let pillars = Pillar::ALL
        .iter()
        .copied()
        .map(|pillar| PillarTotal { pillar, producers_trained: per_pillar.get(&pillar).copied().unwrap_or(0) })
        .collect();
    Ok(Trainings { province, pillars, trained_digital_skills: digital, trained_packaging_delivery: packaging, courses })
}

/// Creates a course; returns its id.
pub async fn create_course(db: &Db, user: &CurrentUser, province: Option<&str>, input: &CourseInput) -> AppResult<i64> {
    let province = scope::province_for(user, input.province_code.as_deref().or(province))?;
    let (title, pillar) = input.validate().map_err(AppError::Invalid)?;
    let id = store::insert_course(db, &province, &title, pillar).await?;
    tracing::info!(course.id = id, province, user.id = user.id, "course {title} created");
    Ok(id)
}
