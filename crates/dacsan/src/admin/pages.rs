//! `GET /admin`, `POST /admin/producers`, `POST /admin/users`.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};

use super::messages;
use crate::auth::model::{self, Role};
use crate::auth::store as users;
use crate::db::Db;
use crate::error::{AppError, FieldErrors};
use crate::jobs::Jobs;
use crate::producers::model::{ProducerInput, ProducerKind};
use crate::producers::{self, Producer};
use crate::vn::admin_units;
use crate::web::PageError;
use crate::web::response_cache::ResponseCache;
use crate::web::{CsrfForm, Page, render};

#[derive(Template)]
#[template(path = "admin/desk.html")]
struct AdminTemplate {
    page: Page,
    producers: Vec<Producer>,
    users: Vec<users::User>,
    producer_count: i64,
    provinces: &'static [admin_units::Province],
    kinds: &'static [ProducerKind],
    fields: HashMap<String, String>,
    errors: FieldErrors,
    done: Option<String>,
    failed_jobs: Vec<crate::jobs::Job>,
    job_counts: Vec<(String, i64)>,
    /// Đồng per dollar and when it was set.
    usd_rate: Option<(i64, String)>,
}

impl AdminTemplate {
    fn v(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }
}

async fn desk(
    db: &Db,
    page: Page,
    fields: HashMap<String, String>,
    errors: FieldErrors,
    done: Option<String>,
) -> Result<Response, PageError> {
    page.require_user()?.require_admin()?;
    let template = AdminTemplate {
        producers: producers::store::list(db, 500, 0).await?,
        users: users::list(db).await?,
        producer_count: producers::store::count(db).await?,
        provinces: admin_units::provinces(),
        kinds: ProducerKind::ALL,
        fields,
        errors,
        done,
        failed_jobs: crate::jobs::store::list(db, Some(crate::jobs::JobStatus::Failed), None, 50)
            .await?
            .into_iter()
            .map(super::jobs::readable)
            .collect(),
        job_counts: crate::jobs::store::counts(db).await?,
        usd_rate: crate::catalog::store::usd_rate_set(db).await?.map(|(rate, at, _)| (rate, at)),
        page,
    };
    Ok(render(&template))
}

/// `POST /admin/jobs/{id}/retry` and `…/drop`: the desk's buttons on a failed job.
pub async fn job_action(
    State(db): State<Db>,
    State(jobs): State<Jobs>,
    page: Page,
    axum::extract::Path((id, action)): axum::extract::Path<(i64, String)>,
    CsrfForm(_): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    page.require_user()?.require_admin()?;
    let done = match action.as_str() {
        "retry" => super::jobs::retry_failed(&db, &jobs, id).await.map(|_| page.t("job_retried")),
        "drop" => super::jobs::drop_failed(&db, id).await.map(|_| page.t("job_dropped")),
        _ => Err(AppError::not_found(messages::JOB)),
    };
    match done {
        Ok(words) => desk(&db, page, HashMap::new(), FieldErrors::default(), Some(format!("{words} #{id}"))).await,
        Err(AppError::Conflict { message, .. }) => {
            let mut errors = FieldErrors::default();
            errors.add("job", message);
            desk(&db, page, HashMap::new(), errors, None).await
        }
        Err(err) => Err(err.into()),
    }
}

/// `POST /admin/exchange-rates`: the dollar rate of English pages' figures.
pub async fn set_usd_rate(
    State(db): State<Db>,
    State(response_cache): State<Arc<ResponseCache>>,
    page: Page,
    CsrfForm(fields): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    user.require_admin()?;
    let typed = fields.get("vnd_per_usd").map(String::as_str).unwrap_or("");
    match super::rates::set_usd(&db, &response_cache, &user, typed).await {
        Ok(rate) => desk(&db, page, HashMap::new(), FieldErrors::default(), Some(format!("1 USD = {rate}"))).await,
        Err(AppError::Invalid(errors)) => desk(&db, page, fields, errors, None).await,
        Err(err) => Err(err.into()),
    }
}

/// `GET /admin`
pub async fn admin_desk(State(db): State<Db>, page: Page) -> Result<Response, PageError> {
    desk(&db, page, HashMap::new(), FieldErrors::default(), None).await
}

/// `POST /admin/producers`. The commune may be given by code or by name (new or
/// pre-2025), resolved within the chosen province.
pub async fn create_producer(
    State(db): State<Db>,
    page: Page,
    CsrfForm(fields): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    page.require_user()?.require_admin()?;
    let get = |k: &str| fields.get(k).cloned();
    let province = get("province_code").unwrap_or_default();
    let commune_text = get("commune").unwrap_or_default();
    let commune_code = match admin_units::find_commune(&province, &commune_text) {
        Ok(c) => Some(c.code.clone()),
        Err(_) => Some(commune_text.clone()),
    };
    let input = ProducerInput {
        name: get("name"),
        slug: get("slug"),
        kind: get("kind"),
        province_code: Some(province),
        commune_code,
        street: get("street"),
        phone: get("phone"),
        email: get("email"),
        tax_code: get("tax_code"),
        story: get("story"),
        story_en: None,
    };
    let valid = match input.validate(None) {
        Ok(valid) => valid,
        Err(errors) => return desk(&db, page, fields, errors, None).await,
    };
    match producers::store::insert(&db, &valid).await {
        Ok(_) => Ok(Redirect::to(&format!("/s/{}", valid.slug)).into_response()),
        Err(AppError::Conflict { field, message }) => {
            let mut errors = FieldErrors::default();
            errors.add(&field, message);
            desk(&db, page, fields, errors, None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /admin/users`
pub async fn create_user(
    State(db): State<Db>,
    page: Page,
    CsrfForm(fields): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    page.require_user()?.require_admin()?;
    let get = |k: &str| fields.get(k).map(|v| v.trim().to_string()).unwrap_or_default();
    let mut errors = FieldErrors::default();
    let email = model::parse_email(&get("user_email")).map_err(|e| errors.add("user_email", e)).ok();
    let password = get("user_password");
    if let Err(e) = model::check_password_strength(&password) {
        errors.add("user_password", e);
    }
    let role = Role::parse(&get("user_role"));
    if role.is_none() {
        errors.add("user_role", messages::CHOOSE_A_ROLE);
    }
    let producer = match get("user_producer").as_str() {
        "" => None,
        slug => producers::store::find_by_slug(&db, slug).await?.or_else(|| {
            errors.add("user_producer", messages::NO_SUCH_STORE);
            None
        }),
    };
    let province = match get("user_province").as_str() {
        "" => None,
        code if admin_units::province(code).is_some() => Some(code.to_string()),
        _ => {
            errors.add("user_province", messages::NO_SUCH_PROVINCE);
            None
        }
    };
    if role == Some(Role::Seller) && producer.is_none() && errors.get("user_producer").is_none() {
        errors.add("user_producer", messages::A_SELLER_BELONGS_TO_A_STORE);
    }
    if role == Some(Role::Officer) && province.is_none() && errors.get("user_province").is_none() {
        errors.add("user_province", messages::AN_OFFICER_COVERS_A_PROVINCE);
    }
    let (Some(email), Some(role), true) = (email, role, errors.is_empty()) else {
        return desk(&db, page, fields, errors, None).await;
    };
    let hash =
        tokio::task::spawn_blocking(move || model::hash_password(&password)).await.map_err(anyhow::Error::new)??;
    let name = match get("user_name").as_str() {
        "" => email.split('@').next().unwrap_or("").to_string(),
        n => n.to_string(),
    };
    let new_user =
        users::NewUser { email: &email, name: &name, phone: None, password_hash: &hash, role, privacy_consent: false };
    let Some(id) = users::insert(&db, &new_user).await? else {
        errors.add("user_email", messages::EMAIL_HAS_AN_ACCOUNT);
        return desk(&db, page, fields, errors, None).await;
    };
    if let Some(p) = producer {
        users::add_producer_member(&db, id, p.id, "owner").await?;
    }
    if let Some(code) = province {
        users::add_officer_province(&db, id, &code).await?;
    }
    desk(&db, page, HashMap::new(), FieldErrors::default(), Some(email)).await
}
