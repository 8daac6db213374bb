//! Programme office: live selling for several producers of a province, as the
//! province's e-commerce centre runs it. `/office/live?province=` lists the sessions
//! that carry a product of one of the province's producers, with their orders and
//! revenue, and schedules one: the officer picks producers (`&producers=ID,ID`), then
//! their products with session prices and caps. Scheduling and its rules are the
//! seller's ([`crate::live::service::create`]); the session's report is the seller's
//! page too (`/seller/live/{id}`), which the province's officers may open.

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Query;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::catalog::Product;
use crate::db::Db;
use crate::error::{AppError, FieldErrors};
use crate::live::model::Platform;
use crate::live::store::ProvinceSession;
use crate::programme::scope;
use crate::programme::support::directory::{self, ProducerRef};
use crate::vn::{Vnd, admin_units};
use crate::web::{CsrfForm, Page, PageError, render};

pub const TEXTS: &[(&str, &str, &str)] = &[
    ("office_live_title", "Bán hàng trực tiếp của tỉnh", "The province's live selling"),
    (
        "office_live_intro",
        "Các phiên có sản phẩm của cơ sở trong tỉnh, mới nhất trước. Bấm tên phiên để xem kết quả.",
        "Sessions with products of the province's producers, the latest first. Open one for its report.",
    ),
    ("office_live_none", "Chưa có phiên nào có sản phẩm của tỉnh.", "No session carries the province's products yet."),
    ("office_live_session", "Phiên", "Session"),
    ("office_live_host", "Người dẫn", "Host"),
    ("office_live_products", "Sản phẩm", "Products"),
    ("office_live_producers", "Cơ sở", "Producers"),
    ("office_live_pick", "Chọn cơ sở tham gia", "Pick the producers"),
    (
        "office_live_pick_hint",
        "Cơ sở trong tỉnh đang có sản phẩm bán; chọn rồi bấm «Xem sản phẩm».",
        "The province's producers with products on sale; tick them, then «Show their products».",
    ),
    ("office_live_show_products", "Xem sản phẩm", "Show their products"),
    (
        "office_live_no_sellers",
        "Chưa có cơ sở nào trong tỉnh đang bán sản phẩm.",
        "No producer of the province has products on sale yet.",
    ),
    (
        "office_live_pick_first",
        "Chọn cơ sở ở trên để thấy sản phẩm của họ.",
        "Pick producers above to see their products.",
    ),
];

/// `?province=12&producers=4,9` (or `producers=4&producers=9`, as the picker's checkboxes send).
#[derive(Debug, Default, Deserialize)]
pub struct LiveQuery {
    pub province: Option<String>,
    #[serde(default)]
    pub producers: Vec<String>,
}

/// The producer ids of `producers` values, each a number or a comma-separated list;
/// anything else is dropped (the picker only shows the province's producers anyway).
fn producer_ids<'a>(values: impl IntoIterator<Item = &'a String>) -> Vec<i64> {
    let mut ids: Vec<i64> =
        values.into_iter().flat_map(|v| v.split(',')).filter_map(|id| id.trim().parse().ok()).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// One chosen producer with its products on sale.
struct Group {
    producer: ProducerRef,
    products: Vec<Product>,
}

/// The chosen producers among the province's sellers, each with its products, in the picker's order.
fn groups_of(sellers: &[ProducerRef], chosen: &[i64], products: Vec<Product>) -> Vec<Group> {
    let mut groups: Vec<Group> = sellers
        .iter()
        .filter(|p| chosen.contains(&p.id))
        .map(|p| Group { producer: p.clone(), products: Vec::new() })
        .collect();
    for product in products {
        if let Some(group) = groups.iter_mut().find(|g| g.producer.id == product.producer_id) {
            group.products.push(product);
        }
    }
    groups
}

#[derive(Template)]
#[template(path = "programme/live_sessions.html")]
struct LiveTemplate {
    page: Page,
    province: String,
    provinces: Vec<&'static admin_units::Province>,
    sessions: Vec<ProvinceSession>,
    sellers: Vec<ProducerRef>,
    groups: Vec<Group>,
    platforms: &'static [Platform],
    form: HashMap<String, String>,
    errors: FieldErrors,
}

impl LiveTemplate {
    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }

    fn field(&self, name: &str, product_id: &i64) -> &str {
        self.v(&format!("{name}_{product_id}"))
    }

    fn chosen(&self, product_id: &i64) -> bool {
        self.form.contains_key(&format!("product_{product_id}"))
    }

    fn picked(&self, producer_id: &i64) -> bool {
        self.groups.iter().any(|g| g.producer.id == *producer_id)
    }

    /// The picked producers for the schedule form's hidden field: `4,9`.
    fn picked_ids(&self) -> String {
        self.groups.iter().map(|g| g.producer.id.to_string()).collect::<Vec<_>>().join(",")
    }

    fn title_of<'a>(&self, s: &'a ProvinceSession) -> &'a str {
        s.session.title_in(self.page.lang)
    }

    fn when(&self, utc: &str) -> String {
        crate::vn::time_vn(utc)
    }

    fn money(&self, vnd: &i64) -> String {
        Vnd(*vnd).to_string()
    }
}

async fn live_page(
    db: &Db,
    page: Page,
    user: &CurrentUser,
    province: String,
    chosen: &[i64],
    form: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let sessions = crate::live::store::list_for_province(db, &province, 200).await?;
    let sellers = directory::with_products_on_sale(db, &province).await?;
    let chosen: Vec<i64> = sellers.iter().map(|p| p.id).filter(|id| chosen.contains(id)).collect();
    let products = crate::catalog::store::list_active_for_producers(db, &chosen, 500).await?;
    let groups = groups_of(&sellers, &chosen, products);
    use strum::VariantArray;
    let provinces = scope::provinces_of(user);
    let template = LiveTemplate {
        page,
        province,
        provinces,
        sessions,
        sellers,
        groups,
        platforms: Platform::VARIANTS,
        form,
        errors,
    };
    Ok(scope::form_status(&template.errors, render(&template)))
}

/// `GET /office/live?province=&producers=ID,ID`
pub async fn list_sessions(
    State(db): State<Db>,
    page: Page,
    Query(q): Query<LiveQuery>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let province = scope::province_for(&user, q.province.as_deref())?;
    let chosen = producer_ids(&q.producers);
    live_page(&db, page, &user, province, &chosen, HashMap::new(), FieldErrors::default()).await
}

/// `POST /office/live`: schedules one session with the chosen producers' products;
/// on to its report.
pub async fn schedule_session(
    State(db): State<Db>,
    page: Page,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let province = scope::province_for(&user, form.get("province").map(String::as_str))?;
    let chosen = producer_ids(form.get("producers"));
    let mut errors = FieldErrors::default();
    let input = crate::live::form::input_of(&db, &form, &mut errors).await?;
    let result = match errors.is_empty() {
        true => crate::live::service::create(&db, &user, &input).await,
        false => {
            // Every bad field at once: the form's reading errors and the rules' errors.
            errors.0.extend(input.validate().err().unwrap_or_default().0);
            Err(AppError::Invalid(errors))
        }
    };
    match result {
        Ok(session) => Ok(Redirect::to(&format!("/seller/live/{}", session.id)).into_response()),
        Err(AppError::Invalid(errors)) => live_page(&db, page, &user, province, &chosen, form, errors).await,
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn producers_come_as_a_list_or_one_by_one() {
        let values = ["4,9".to_string(), " 12 ".to_string(), "x".to_string(), "9".to_string()];
        assert_eq!(producer_ids(&values), vec![4, 9, 12]);
        assert!(producer_ids(&[String::new()]).is_empty());
    }
}
