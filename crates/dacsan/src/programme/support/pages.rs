//! The task force's case pages: the list with filters and its .xlsx export
//! (`/office/cases`), a new case (`/office/cases/new`, prefilled from the dashboard's
//! "give a hand" link) and one case with its status, owner, due date and notes.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::cases;
use super::directory::{self, ProducerRef};
use super::messages;
use super::model::{self, CaseFilter, CaseInput, CasePatch, CaseStatus, Topic};
use super::store::{self, Case, Note, Owner};
use crate::db::{self, Db};
use crate::error::Message;
use crate::error::{AppError, FieldErrors};
use crate::programme::{scope, xlsx};
use crate::vn::{admin_units, date_vn, time_vn};
use crate::web::PageError;
use crate::web::{CsrfForm, Page, render};

/// One line of the list.
pub struct CaseRow {
    pub case: Case,
    pub overdue: bool,
}

impl CaseRow {
    fn of(case: Case) -> CaseRow {
        let overdue = model::is_overdue(case.status, case.due_on.as_deref(), db::today_vn());
        CaseRow { case, overdue }
    }

    pub fn owned_by(&self, user_id: &i64) -> bool {
        self.case.owner_user_id == Some(*user_id)
    }

    pub fn opened(&self) -> String {
        time_vn(&self.case.created_at)
    }

    pub fn closed(&self) -> String {
        self.case.closed_at.as_deref().map(time_vn).unwrap_or_default()
    }

    pub fn due(&self) -> String {
        self.case.due_on.as_deref().and_then(model::parse_day).map(|d| date_vn(&d)).unwrap_or_default()
    }
}

#[derive(Template)]
#[template(path = "programme/cases.html")]
struct CasesTemplate {
    page: Page,
    province: String,
    provinces: Vec<&'static admin_units::Province>,
    filter: CaseFilter,
    query: String,
    owners: Vec<Owner>,
    rows: Vec<CaseRow>,
    topics: &'static [Topic],
    statuses: &'static [CaseStatus],
}

impl CasesTemplate {
    fn is(&self, field: &str, value: &str) -> bool {
        let current = match field {
            "status" => &self.filter.status,
            "topic" => &self.filter.topic,
            "owner" => &self.filter.owner,
            _ => &self.filter.overdue,
        };
        current.as_deref() == Some(value)
    }
}

/// `GET /office/cases?province=&status=&topic=&owner=&overdue=`
pub async fn list_cases(
    State(db): State<Db>,
    page: Page,
    Query(filter): Query<CaseFilter>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let province = scope::province_for(&user, filter.province.as_deref())?;
    let q = filter.validate().map_err(AppError::Invalid)?;
    let cases = store::list_for_province(&db, &province, &q, &db::today_vn().to_string()).await?;
    let owners = store::owners_of(&db, &province).await?;
    let query = filter.query_string(&province);
    Ok(render(&CasesTemplate {
        provinces: scope::provinces_of(&user),
        page,
        province,
        filter,
        query,
        owners,
        rows: cases.into_iter().map(CaseRow::of).collect(),
        topics: Topic::ALL,
        statuses: CaseStatus::ALL,
    }))
}

/// `GET /office/cases.xlsx?…`: the filtered list as a workbook.
pub async fn export_cases(
    State(db): State<Db>,
    page: Page,
    Query(filter): Query<CaseFilter>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let province = scope::province_for(&user, filter.province.as_deref())?;
    let q = filter.validate().map_err(AppError::Invalid)?;
    let cases = store::list_for_province(&db, &province, &q, &db::today_vn().to_string()).await?;
    // Producers' contacts with their phones: a bulk use of personal data, logged.
    let detail = format!("province {province}");
    crate::privacy::store::log_processing(&db, Some(user.id), "office.cases.xlsx", cases.len() as i64, &detail).await?;
    let mut sheet = xlsx::Sheet::new(
        "Hỗ trợ 1-1",
        &[
            "Số",
            "Mã cơ sở",
            "Tên cơ sở",
            "Xã",
            "Điện thoại",
            "Nội dung",
            "Tiêu đề",
            "Người phụ trách",
            "Trạng thái",
            "Hạn",
            "Quá hạn",
            "Mở lúc",
            "Đóng lúc",
        ],
    );
    for row in cases.into_iter().map(CaseRow::of) {
        let due = row.due();
        let c = row.case;
        sheet.push(vec![
            c.id.into(),
            c.producer.code().into(),
            c.producer.name.as_str().into(),
            c.producer.commune_name().into(),
            c.producer.phone_display().into(),
            c.topic.label_vi().into(),
            c.title.into(),
            c.owner_name.unwrap_or_default().into(),
            c.status.label_vi().into(),
            due.into(),
            (if row.overdue { "Có" } else { "" }).into(),
            time_vn(&c.created_at).into(),
            c.closed_at.as_deref().map(time_vn).unwrap_or_default().into(),
        ]);
    }
    let bytes =
        xlsx::workbook(&[sheet]).map_err(|e| AppError::Internal(anyhow::Error::new(e).context("case export")))?;
    Ok(xlsx::download(&format!("ho-tro-{province}.xlsx"), bytes))
}

#[derive(Template)]
#[template(path = "programme/case_new.html")]
struct NewCaseTemplate {
    page: Page,
    province: String,
    /// The producer already chosen (from `?producer=`).
    chosen: Option<ProducerRef>,
    query: String,
    matches: Vec<ProducerRef>,
    owners: Vec<Owner>,
    topics: &'static [Topic],
    form: HashMap<String, String>,
    errors: FieldErrors,
}

impl NewCaseTemplate {
    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }
}

#[derive(Debug, serde::Deserialize)]
pub struct NewCaseParams {
    province: Option<String>,
    producer: Option<String>,
    topic: Option<String>,
    q: Option<String>,
}

/// `GET /office/cases/new?province=&producer={id}&topic=&q=`
pub async fn new_case(State(db): State<Db>, page: Page, Query(p): Query<NewCaseParams>) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let producer_id = match model::clean(p.producer.as_deref()) {
        Some(id) => Some(id.parse::<i64>().map_err(|_| AppError::not_found(messages::PRODUCER))?),
        None => None,
    };
    let mut form = HashMap::new();
    if let Some(topic) = p.topic.as_deref().and_then(Topic::parse) {
        form.insert("topic".to_string(), topic.as_str().to_string());
    }
    form.insert("owner_user_id".to_string(), user.id.to_string());
    let (province, chosen) = match producer_id {
        Some(id) => {
            let producer = cases::producer_for(&db, &user, None, Some(id), None).await?;
            (producer.province_code.clone(), Some(producer))
        }
        None => (scope::province_for(&user, p.province.as_deref())?, None),
    };
    let query = model::clean(p.q.as_deref()).unwrap_or_default();
    new_case_page(&db, page, province, chosen, query, form, FieldErrors::default()).await
}

async fn new_case_page(
    db: &Db,
    page: Page,
    province: String,
    chosen: Option<ProducerRef>,
    query: String,
    form: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let matches = if query.is_empty() || chosen.is_some() {
        Vec::new()
    } else {
        directory::of_province(db, &province).await?.search(&query, 30).into_iter().cloned().collect()
    };
    let owners = store::owners_of(db, &province).await?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let template = NewCaseTemplate { page, province, chosen, query, matches, owners, topics: Topic::ALL, form, errors };
    Ok((status, render(&template)).into_response())
}

/// A form's number field: `None` when blank, an error naming the field when not a number.
fn id_field(form: &HashMap<String, String>, name: &str, errors: &mut FieldErrors) -> Option<i64> {
    let value = model::clean(form.get(name).map(String::as_str))?;
    let id = value.parse().ok();
    if id.is_none() {
        errors.add(name, Message::from(messages::IS_NOT_AN_ID).with("value", &value));
    }
    id
}

/// `POST /office/cases`
pub async fn create_case(
    State(db): State<Db>,
    page: Page,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let text = |name: &str| model::clean(form.get(name).map(String::as_str));
    let mut errors = FieldErrors::default();
    let input = CaseInput {
        producer_id: id_field(&form, "producer_id", &mut errors),
        producer: text("producer"),
        topic: text("topic"),
        title: text("title"),
        owner_user_id: id_field(&form, "owner_user_id", &mut errors),
        due_on: text("due_on"),
        note: text("note"),
    };
    let province = text("province");
    let result = if errors.is_empty() {
        cases::create(&db, &user, province.as_deref(), &input).await
    } else {
        Err(AppError::Invalid(errors))
    };
    match result {
        Ok(id) => Ok(Redirect::to(&format!("/office/cases/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => {
            let chosen = match input.producer_id {
                Some(id) => directory::find(&db, id).await?.filter(|p| user.can_oversee_province(&p.province_code)),
                None => None,
            };
            let province = match &chosen {
                Some(p) => p.province_code.clone(),
                None => scope::province_for(&user, province.as_deref())?,
            };
            new_case_page(&db, page, province, chosen, String::new(), form, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "programme/case.html")]
struct CaseTemplate {
    page: Page,
    province: String,
    row: CaseRow,
    notes: Vec<NoteRow>,
    owners: Vec<Owner>,
    topics: &'static [Topic],
    statuses: &'static [CaseStatus],
    errors: FieldErrors,
    notice: &'static str,
}

struct NoteRow {
    author: String,
    at: String,
    body: String,
}

impl From<Note> for NoteRow {
    fn from(n: Note) -> NoteRow {
        NoteRow { author: n.author_name.unwrap_or_default(), at: time_vn(&n.created_at), body: n.body }
    }
}

async fn case_page(
    db: &Db,
    page: Page,
    case: Case,
    errors: FieldErrors,
    notice: &'static str,
) -> Result<Response, PageError> {
    let notes = store::notes_of(db, case.id).await?.into_iter().map(NoteRow::from).collect();
    let province = case.producer.province_code.clone();
    let owners = store::owners_of(db, &province).await?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let template = CaseTemplate {
        page,
        province,
        row: CaseRow::of(case),
        notes,
        owners,
        topics: Topic::ALL,
        statuses: CaseStatus::ALL,
        errors,
        notice,
    };
    Ok((status, render(&template)).into_response())
}

/// `GET /office/cases/{id}`
pub async fn show_case(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<scope::DoneParam>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let case = cases::case_for(&db, &user, id).await?;
    let notice = match q.done.as_deref() {
        Some("saved") => "saved",
        Some("note") => "case_note_added",
        _ => "",
    };
    case_page(&db, page, case, FieldErrors::default(), notice).await
}

/// `POST /office/cases/{id}`: status, owner, due date, topic, title.
pub async fn update_case(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let case = cases::case_for(&db, &user, id).await?;
    let mut errors = FieldErrors::default();
    let patch = CasePatch {
        topic: form.get("topic").cloned(),
        title: form.get("title").cloned(),
        status: form.get("status").cloned(),
        owner_user_id: id_field(&form, "owner_user_id", &mut errors),
        due_on: form.get("due_on").cloned(),
    };
    let change = match patch.validate() {
        Ok(change) if errors.is_empty() => change,
        Ok(_) => return case_page(&db, page, case, errors, "").await,
        Err(more) => {
            errors.0.extend(more.0);
            return case_page(&db, page, case, errors, "").await;
        }
    };
    match cases::change(&db, case.clone(), change).await {
        Ok(_) => Ok(Redirect::to(&format!("/office/cases/{id}?done=saved")).into_response()),
        Err(AppError::Invalid(errors)) => case_page(&db, page, case, errors, "").await,
        Err(e) => Err(e.into()),
    }
}

/// `POST /office/cases/{id}/notes`
pub async fn add_note(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let case = cases::case_for(&db, &user, id).await?;
    match cases::add_note(&db, &user, &case, form.get("body").map(String::as_str)).await {
        Ok(_) => Ok(Redirect::to(&format!("/office/cases/{id}?done=note")).into_response()),
        Err(AppError::Invalid(errors)) => case_page(&db, page, case, errors, "").await,
        Err(e) => Err(e.into()),
    }
}
