//! The pages of collection runs: officers, admins and cooperatives' sellers set up
//! points, runs and keepers' links and hand runs over with their manifest; the
//! keeper receives parcels from a phone at `/collect/{token}`.

use crate::config::Settings;
use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::api::{PointJson, check_keeper, check_may_set, collect_url, point_json};
use super::messages;
use super::model::{CollectionPoint, PointInput, RunInput};
use super::service::{self, ManifestView, ScanOutcome};
use super::store::{self, Keeper, PointParcel};
use crate::auth::CurrentUser;
use crate::db::{self, Db};
use crate::error::Message;
use crate::error::{AppError, FieldErrors};
use crate::vn::money::Vnd;
use crate::vn::{Province, admin_units};
use crate::web::{CsrfForm, Page, PageError, render};

type Form = HashMap<String, String>;

fn value<'a>(form: &'a Form, name: &str) -> &'a str {
    form.get(name).map(String::as_str).unwrap_or("")
}

fn filled(form: &Form, name: &str) -> Option<String> {
    Some(value(form, name).trim().to_string()).filter(|v| !v.is_empty())
}

/// The people who set points up: officers, admins and sellers.
fn manager(page: &Page) -> Result<CurrentUser, AppError> {
    let user = page.require_user()?.clone();
    if !user.is_officer() && user.producer_ids.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(user)
}

/// `mon` … `sun` with their i18n keys, for the run form's boxes.
pub const WEEKDAYS: [(&str, &str); 7] = [
    ("mon", "collect_wd_mon"),
    ("tue", "collect_wd_tue"),
    ("wed", "collect_wd_wed"),
    ("thu", "collect_wd_thu"),
    ("fri", "collect_wd_fri"),
    ("sat", "collect_wd_sat"),
    ("sun", "collect_wd_sun"),
];

fn weekday_key(code: &str) -> &'static str {
    WEEKDAYS.iter().find(|(c, _)| *c == code).map(|(_, k)| *k).unwrap_or("collect_wd_mon")
}

#[derive(Template)]
#[template(path = "logistics/points.html")]
struct PointsTemplate {
    page: Page,
    points: Vec<PointJson>,
    provinces: &'static [Province],
    form: Form,
    errors: FieldErrors,
}

impl PointsTemplate {
    fn value(&self, name: &str) -> &str {
        value(&self.form, name)
    }
}

async fn points_page(db: &Db, page: Page, form: Form, errors: FieldErrors) -> Result<Response, PageError> {
    let user = manager(&page)?;
    let mut points = Vec::new();
    for point in store::list_points(db, None).await? {
        if service::may_manage(&user, &point.province_code, point.producer_id) {
            points.push(point_json(db, point).await?);
        }
    }
    Ok(render(&PointsTemplate { page, points, provinces: admin_units::provinces(), form, errors }))
}

/// `GET /shipping/collection-points?province=&commune=`: the points this user
/// manages, and a new one (in that commune when the office's delivery page sent here).
pub async fn show_points(State(db): State<Db>, page: Page, Query(query): Query<Form>) -> Result<Response, PageError> {
    let mut form = Form::new();
    for (param, field) in [("province", "province_code"), ("commune", "commune_code")] {
        if let Some(value) = query.get(param) {
            form.insert(field.to_string(), value.clone());
        }
    }
    points_page(&db, page, form, FieldErrors::default()).await
}

fn point_input(form: &Form) -> PointInput {
    PointInput {
        name: filled(form, "name"),
        province_code: filled(form, "province_code"),
        commune_code: filled(form, "commune_code"),
        address: filled(form, "address"),
        hours: filled(form, "hours"),
        contact_name: filled(form, "contact_name"),
        contact_phone: filled(form, "contact_phone"),
        producer_id: filled(form, "producer_id").and_then(|p| p.parse().ok()),
        active: Some(true),
    }
}

/// `POST /shipping/collection-points`
pub async fn create_point(
    State(db): State<Db>,
    page: Page,
    CsrfForm(form): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let user = manager(&page)?;
    let valid = match point_input(&form).validate() {
        Ok(valid) => valid,
        Err(errors) => return points_page(&db, page, form, errors).await,
    };
    match check_may_set(&db, &user, &valid).await {
        Err(AppError::Invalid(errors)) => return points_page(&db, page, form, errors).await,
        checked => checked?,
    }
    let point = store::insert_point(&db, &valid, user.id).await?;
    Ok(Redirect::to(&format!("/shipping/collection-points/{}", point.id)).into_response())
}

struct RunRow {
    id: i64,
    days: Vec<&'static str>,
    time: String,
    carrier: String,
    active: bool,
    next: String,
    next_date: String,
}

#[derive(Template)]
#[template(path = "logistics/point.html")]
struct PointTemplate {
    page: Page,
    point: CollectionPoint,
    place_name: String,
    runs: Vec<RunRow>,
    keepers: Vec<(Keeper, bool)>,
    new_link: Option<(String, String)>,
    weekdays: [(&'static str, &'static str); 7],
    carriers: Vec<(&'static str, &'static str)>,
    form: Form,
    errors: FieldErrors,
}

impl PointTemplate {
    fn value(&self, name: &str) -> &str {
        value(&self.form, name)
    }

    /// Was the weekday's box ticked on the form sent back?
    fn checked(&self, code: &str) -> bool {
        self.form.contains_key(&format!("wd_{code}"))
    }
}

async fn point_page(
    db: &Db,
    page: Page,
    id: i64,
    form: Form,
    errors: FieldErrors,
    new_link: Option<(String, String)>,
) -> Result<Response, PageError> {
    let user = manager(&page)?;
    let point = service::managed_point(db, &user, id).await?;
    let now = time::OffsetDateTime::now_utc();
    let runs = store::runs_of(db, point.id)
        .await?
        .into_iter()
        .map(|r| {
            let next = r.next_after(now).filter(|_| r.active);
            RunRow {
                id: r.id,
                days: r.weekdays.iter().map(|d| weekday_key(d)).collect(),
                time: r.time.clone(),
                carrier: r.carrier_name(),
                active: r.active,
                next: next.map(|n| crate::vn::time_vn(&db::time_text(n))).unwrap_or_default(),
                next_date: next.map(|n| n.to_offset(super::model::VN_OFFSET).date().to_string()).unwrap_or_default(),
            }
        })
        .collect();
    let now_text = db::now();
    let keepers = store::keepers_of(db, point.id).await?.into_iter().map(|k| {
        let live = k.is_live(&now_text);
        (k, live)
    });
    let carriers = carriers::Carrier::ALL.iter().map(|c| (c.as_str(), c.display_name())).collect();
    Ok(render(&PointTemplate {
        page,
        place_name: point.place_name(),
        point,
        runs,
        keepers: keepers.collect(),
        new_link,
        weekdays: WEEKDAYS,
        carriers,
        form,
        errors,
    }))
}

/// `GET /shipping/collection-points/{id}`
pub async fn show_point(State(db): State<Db>, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    point_page(&db, page, id, Form::new(), FieldErrors::default(), None).await
}

/// `POST /shipping/collection-points/{id}/runs`: weekdays are boxes `wd_tue`….
pub async fn create_run(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let user = manager(&page)?;
    let point = service::managed_point(&db, &user, id).await?;
    let input = RunInput {
        weekdays: WEEKDAYS
            .iter()
            .filter(|(code, _)| form.contains_key(&format!("wd_{code}")))
            .map(|(c, _)| c.to_string())
            .collect(),
        time: filled(&form, "time"),
        carrier: filled(&form, "carrier"),
        vehicle_name: filled(&form, "vehicle_name"),
        active: Some(true),
    };
    match input.validate() {
        Ok(valid) => {
            store::insert_run(&db, point.id, &valid).await?;
            Ok(Redirect::to(&format!("/shipping/collection-points/{id}#runs-h")).into_response())
        }
        Err(errors) => point_page(&db, page, id, form, errors, None).await,
    }
}

/// `POST /shipping/collection-points/{id}/keepers`: the link is shown once, here.
pub async fn create_keeper(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let user = manager(&page)?;
    let point = service::managed_point(&db, &user, id).await?;
    let input = super::api::KeeperInput {
        keeper_name: filled(&form, "keeper_name"),
        days: filled(&form, "days").and_then(|d| d.parse().ok()),
    };
    let (name, days) = match check_keeper(&input) {
        Ok(checked) => checked,
        Err(AppError::Invalid(errors)) => return point_page(&db, page, id, form, errors, None).await,
        Err(other) => return Err(other.into()),
    };
    let (_, token) = store::insert_keeper(&db, point.id, &name, days, user.id).await?;
    let url = collect_url(&settings.public_url, &token);
    let qr = crate::trace::qr::svg(&url)?;
    point_page(&db, page, id, Form::new(), FieldErrors::default(), Some((url, qr))).await
}

/// `POST /shipping/collection-points/{id}/keepers/{keeper}/revoke`
pub async fn revoke_keeper(
    State(db): State<Db>,
    page: Page,
    Path((id, keeper)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let user = manager(&page)?;
    let point = service::managed_point(&db, &user, id).await?;
    if !store::revoke_keeper(&db, point.id, keeper).await? {
        return Err(AppError::not_found(Message::from(messages::KEEPER_LINK_NAMED).with("keeper", keeper)).into());
    }
    Ok(Redirect::to(&format!("/shipping/collection-points/{id}#keepers-h")).into_response())
}

#[derive(Template)]
#[template(path = "logistics/manifest.html")]
struct ManifestTemplate {
    page: Page,
    point: CollectionPoint,
    run_time: String,
    view: ManifestView,
    pdf_url: String,
}

impl ManifestTemplate {
    fn money(&self, vnd: &i64) -> String {
        Vnd(*vnd).grouped()
    }
}

#[derive(Debug, Deserialize)]
pub struct DateParam {
    date: Option<String>,
}

/// `GET /shipping/collection-points/{id}/runs/{run}/manifest?date=`
pub async fn show_manifest(
    State(db): State<Db>,
    page: Page,
    Path((id, run)): Path<(i64, i64)>,
    Query(q): Query<DateParam>,
) -> Result<Response, PageError> {
    let user = manager(&page)?;
    let (point, run) = super::api::managed_run(&db, &user, id, run).await?;
    let date = service::run_date(q.date.as_deref())?;
    let view = service::manifest(&db, &point, &run, date).await?;
    let pdf_url =
        format!("/api/v1/shipping/collection-points/{id}/runs/{}/manifest?date={}&format=pdf", run.id, view.date);
    Ok(render(&ManifestTemplate { page, point, run_time: run.time.clone(), view, pdf_url }))
}

/// `POST /shipping/collection-points/{id}/runs/{run}/handover`
pub async fn hand_over(
    State(db): State<Db>,
    page: Page,
    Path((id, run)): Path<(i64, i64)>,
    CsrfForm(form): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let user = manager(&page)?;
    let (point, run) = super::api::managed_run(&db, &user, id, run).await?;
    let date = service::run_date(filled(&form, "date").as_deref())?;
    service::hand_over(&db, &point, &run, date, user.id).await?;
    Ok(Redirect::to(&format!("/shipping/collection-points/{id}/runs/{}/manifest?date={date}", run.id)).into_response())
}

#[derive(Template)]
#[template(path = "logistics/collect.html")]
struct CollectTemplate {
    page: Page,
    point: PointJson,
    keeper: Keeper,
    next_run: String,
    expected: Vec<PointParcel>,
    received: Vec<PointParcel>,
    outcome: Option<(ScanOutcome, String)>,
    errors: FieldErrors,
    scan_js: &'static str,
}

/// The site's policy, with what the camera scanner needs: its decoder's worker,
/// started from a `blob:` URL where the browser has no `BarcodeDetector`.
static COLLECT_CSP: std::sync::LazyLock<HeaderValue> = std::sync::LazyLock::new(|| {
    HeaderValue::from_str(&format!("{}; worker-src 'self' blob:", crate::web::CSP)).expect("a header value")
});

async fn collect_page(
    db: &Db,
    page: Page,
    token: &str,
    outcome: Option<(ScanOutcome, String)>,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let (keeper, point) = service::live_keeper(db, token).await?;
    let expected = store::expected_at(db, point.id).await?;
    let received = store::waiting_at(db, point.id, super::model::VEHICLE).await?;
    let point = point_json(db, point).await?;
    let next_run = point.next_run_at.as_deref().map(crate::vn::time_vn).unwrap_or_default();
    let scan_js = crate::web::assets::collect_scan_js_url();
    let mut response =
        render(&CollectTemplate { page, point, keeper, next_run, expected, received, outcome, errors, scan_js });
    // The token is in the URL: keep it out of other sites' logs and of shared caches.
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::CONTENT_SECURITY_POLICY, COLLECT_CSP.clone());
    // The camera, for this page only.
    headers.insert(
        header::HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(self), microphone=(), geolocation=()"),
    );
    Ok(response)
}

/// `GET /collect/{token}`: the keeper's page.
pub async fn show_collect(State(db): State<Db>, page: Page, Path(token): Path<String>) -> Result<Response, PageError> {
    collect_page(&db, page, &token, None, FieldErrors::default()).await
}

/// `POST /collect/{token}`: a scanned or typed code.
pub async fn scan(
    State(db): State<Db>,
    page: Page,
    Path(token): Path<String>,
    CsrfForm(form): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let (keeper, point) = service::live_keeper(&db, &token).await?;
    match service::scan(&db, &keeper, &point, value(&form, "code")).await {
        Ok((outcome, parcel)) => {
            collect_page(&db, page, &token, Some((outcome, parcel.code)), FieldErrors::default()).await
        }
        Err(AppError::Invalid(errors)) => collect_page(&db, page, &token, None, errors).await,
        Err(AppError::Conflict { field, message }) => {
            let mut errors = FieldErrors::default();
            errors.add(&field, message);
            collect_page(&db, page, &token, None, errors).await
        }
        Err(other) => Err(other.into()),
    }
}
