//! The trade board's pages: `/trade` (open requests and supply offers),
//! `/trade/business` (a business profile), `/trade/rfqs/new`, `/trade/rfqs/{id}`
//! (the buyer compares and accepts; a seller quotes or declines), `/trade/quotes/{id}`
//! (revisions and the thread), `/seller/trade` (the seller's requests and offers) and
//! `/office/trade` (the province's figures).

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::figures::{self, TradeFigures};
use super::messages;
use super::model::{BusinessInput, Incoterm, OfferInput, QuoteInput, Requirement, RfqInput, Tier};
use super::service::{self, AcceptInput, QuoteView, Viewer};
use super::store::{self, Message, Offer, Revision, Rfq};
use crate::catalog::{Product, ocop};
use crate::db::Db;
use crate::error::{self, AppError, FieldErrors};
use crate::orders::delivery::Delivery;
use crate::programme::scope;
use crate::search::SearchIndex;
use crate::vn::{Vnd, admin_units};
use crate::web::{CsrfForm, Page, PageError, render};

type Form = HashMap<String, String>;

/// Names pages show for codes.
pub struct Names;

impl Names {
    pub fn set(&self, code: &str, en: bool) -> String {
        match ocop::set(code) {
            Some(set) if en => set.name_en.clone(),
            Some(set) => set.name.clone(),
            None => String::new(),
        }
    }

    pub fn province(&self, code: &str) -> String {
        admin_units::province(code).map(|p| p.name.clone()).unwrap_or_else(|| code.to_string())
    }

    pub fn money(&self, vnd: impl Amount) -> String {
        Vnd(vnd.vnd()).to_string()
    }

    pub fn tiers(&self, tiers: &[Tier], unit: &str) -> String {
        service::tiers_text(tiers, unit)
    }
}

/// An amount however deep templates pass it by reference.
pub trait Amount {
    fn vnd(&self) -> i64;
}

impl Amount for i64 {
    fn vnd(&self) -> i64 {
        *self
    }
}

impl<T: Amount + ?Sized> Amount for &T {
    fn vnd(&self) -> i64 {
        (**self).vnd()
    }
}

fn number(form: &Form, name: &str, errors: &mut FieldErrors) -> Option<i64> {
    let text = form.get(name).map(|v| v.trim()).filter(|v| !v.is_empty())?;
    match Vnd::parse(text) {
        Ok(Vnd(n)) => Some(n),
        Err(why) => {
            errors
                .add(name, error::Message::from(messages::NUMBER_REFUSED).with("text", text).with_message("why", why));
            None
        }
    }
}

fn text(form: &Form, name: &str) -> Option<String> {
    form.get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

#[derive(Template)]
#[template(path = "trade/board.html")]
struct BoardTemplate {
    page: Page,
    rfqs: Vec<Rfq>,
    offers: Vec<Offer>,
    /// What the signed-in buyer follows.
    follows: Vec<store::Follow>,
    sets: &'static [ocop::ProductSet],
    provinces: &'static [admin_units::Province],
    errors: FieldErrors,
    names: Names,
    /// Đồng per dollar on English pages (the admin's rate), for offers' dollar figures.
    usd_rate: Option<i64>,
}

impl BoardTemplate {
    /// `≈ US$…` beside a price in đồng, on English pages once the admin set a rate.
    fn usd(&self, vnd: &i64) -> Option<String> {
        self.usd_rate.and_then(|rate| crate::catalog::export::usd_figure(*vnd, rate))
    }
}

async fn board_page(db: &Db, page: Page, errors: FieldErrors) -> Result<Response, PageError> {
    let rfqs = store::list_rfqs(db, store::RfqScope::Open, 50).await?;
    let offers = store::list_offers(db, "", "", 30).await?;
    let follows = match &page.user {
        Some(user) => store::follows(db, user.id).await?,
        None => Vec::new(),
    };
    let usd_rate = if page.is_en() { crate::catalog::store::usd_rate(db).await? } else { None };
    let template = BoardTemplate {
        page,
        rfqs,
        offers,
        follows,
        sets: ocop::sets(),
        provinces: admin_units::provinces(),
        errors,
        names: Names,
        usd_rate,
    };
    let response = render(&template);
    Ok(scope::form_status(&template.errors, response))
}

/// `GET /trade`: open requests and supply offers, for everyone.
pub async fn board(State(db): State<Db>, page: Page) -> Result<Response, PageError> {
    board_page(&db, page, FieldErrors::default()).await
}

/// `POST /trade/follows`: follow a product set and/or a province; `remove` unfollows.
pub async fn follow(State(db): State<Db>, page: Page, CsrfForm(form): CsrfForm<Form>) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let follow = match service::valid_follow(
        form.get("set_code").map(String::as_str),
        form.get("province_code").map(String::as_str),
    ) {
        Ok(follow) => follow,
        Err(AppError::Invalid(errors)) => return board_page(&db, page, errors).await,
        Err(e) => return Err(e.into()),
    };
    if form.contains_key("remove") {
        store::remove_follow(&db, user.id, &follow).await?;
    } else {
        store::add_follow(&db, user.id, &follow).await?;
    }
    Ok(Redirect::to("/trade#follow").into_response())
}

#[derive(Template)]
#[template(path = "trade/business.html")]
struct BusinessTemplate {
    page: Page,
    form: Form,
    errors: FieldErrors,
    /// Requests officers entered for this business's tax code at fairs.
    leads: Vec<Rfq>,
}

impl BusinessTemplate {
    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }
}

/// `GET /trade/business`: the signed-in account's business profile.
pub async fn business_form(State(db): State<Db>, page: Page) -> Result<Response, PageError> {
    let user = page.require_user()?;
    let mut form = Form::new();
    let mut leads = Vec::new();
    if let Some(b) = store::business(&db, user.id).await? {
        leads = store::leads_for_tax_code(&db, &b.tax_code).await?;
        form.insert("name".into(), b.name);
        form.insert("tax_code".into(), b.tax_code);
        form.insert("address".into(), b.address);
        form.insert(
            "contact_phone".into(),
            crate::vn::Phone::parse(&b.contact_phone).map(|p| p.national()).unwrap_or(b.contact_phone),
        );
    }
    Ok(render(&BusinessTemplate { page, form, errors: FieldErrors::default(), leads }))
}

/// `POST /trade/rfqs/{id}/claim`: a business takes over its fair lead's request.
pub async fn claim(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let rfq = service::claim(&db, &user, id_of(&id)?).await?;
    Ok(Redirect::to(&format!("/trade/rfqs/{}", rfq.id)).into_response())
}

/// `POST /trade/business`: saves it, then on to posting a request.
pub async fn save_business(
    State(db): State<Db>,
    page: Page,
    CsrfForm(form): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let input = BusinessInput {
        name: text(&form, "name"),
        tax_code: text(&form, "tax_code"),
        address: text(&form, "address"),
        contact_phone: text(&form, "contact_phone"),
    };
    match service::save_business(&db, &user, &input).await {
        Ok(_) => Ok(Redirect::to("/trade/rfqs/new").into_response()),
        Err(AppError::Invalid(errors)) => {
            let response = render(&BusinessTemplate { page, form, errors: errors.clone(), leads: Vec::new() });
            Ok(scope::form_status(&errors, response))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "trade/new_rfq.html")]
struct NewRfqTemplate {
    page: Page,
    form: Form,
    errors: FieldErrors,
    sets: &'static [ocop::ProductSet],
    provinces: &'static [admin_units::Province],
    requirements: &'static [Requirement],
    incoterms: &'static [Incoterm],
}

impl NewRfqTemplate {
    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }
}

fn new_rfq_page(page: Page, form: Form, errors: FieldErrors) -> Response {
    use strum::VariantArray;
    let template = NewRfqTemplate {
        page,
        form,
        errors,
        sets: ocop::sets(),
        provinces: admin_units::provinces(),
        requirements: Requirement::VARIANTS,
        incoterms: Incoterm::VARIANTS,
    };
    let response = render(&template);
    scope::form_status(&template.errors, response)
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct FromOffer {
    pub offer: Option<i64>,
    /// An officer entering a lead met at this fair.
    pub fair: Option<i64>,
}

/// `GET /trade/rfqs/new[?offer=ID][?fair=ID]`: a business's request form (the
/// profile first), or an officer's for a fair's lead.
pub async fn new_rfq(State(db): State<Db>, page: Page, Query(from): Query<FromOffer>) -> Result<Response, PageError> {
    let user = page.require_user()?;
    let mut form = Form::new();
    if let Some(fair_id) = from.fair {
        let fair = crate::programme::fairs::store::find_by_id(&db, fair_id)
            .await?
            .ok_or_else(|| AppError::not_found(messages::FAIR))?;
        user.require_province(&fair.province_code)?;
        form.insert("fair_id".into(), fair.id.to_string());
        form.insert("deliver_province_code".into(), fair.province_code.clone());
    } else if !user.is_admin() && store::business(&db, user.id).await?.is_none() {
        return Ok(Redirect::to("/trade/business").into_response());
    }
    form.insert("needed_by".into(), (crate::db::today_vn() + time::Duration::days(30)).to_string());
    if let Some(offer) = match from.offer {
        Some(id) => store::find_offer(&db, id).await?,
        None => None,
    } {
        form.insert("offer_id".into(), offer.id.to_string());
        form.insert("title".into(), offer.title.clone());
        form.insert("set_code".into(), offer.set_code.clone());
        form.insert("quantity".into(), offer.min_quantity.to_string());
        form.insert("unit".into(), offer.unit.clone());
        form.insert("target_price".into(), offer.unit_price_vnd.to_string());
    }
    Ok(new_rfq_page(page, form, FieldErrors::default()))
}

/// `POST /trade/rfqs`
pub async fn post_rfq(
    State(db): State<Db>,
    State(search): State<Arc<SearchIndex>>,
    page: Page,
    CsrfForm(form): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let mut errors = FieldErrors::default();
    let requirements: Vec<String> =
        Requirement::all_codes().filter(|c| form.contains_key(&format!("req_{c}"))).map(str::to_string).collect();
    let input = RfqInput {
        title: text(&form, "title"),
        set_code: text(&form, "set_code"),
        description: text(&form, "description"),
        quantity: number(&form, "quantity", &mut errors),
        unit: text(&form, "unit"),
        target_price_vnd: number(&form, "target_price", &mut errors),
        deliver_province_code: text(&form, "deliver_province_code"),
        deliver_commune_code: text(&form, "deliver_commune_code"),
        from_province_code: text(&form, "from_province_code"),
        needed_by: text(&form, "needed_by"),
        min_ocop_stars: number(&form, "min_ocop_stars", &mut errors),
        requirements,
        export: text(&form, "export_country").map(|country| super::model::ExportInput {
            country: Some(country),
            incoterm: text(&form, "export_incoterm"),
        }),
        offer_id: text(&form, "offer_id").and_then(|v| v.parse().ok()),
        fair_lead: text(&form, "fair_id").map(|fair_id| super::model::FairLeadInput {
            fair_id: fair_id.parse().ok(),
            name: text(&form, "lead_name"),
            phone: text(&form, "lead_phone"),
            tax_code: text(&form, "lead_tax_code"),
        }),
    };
    if !errors.is_empty() {
        return Ok(new_rfq_page(page, form, errors));
    }
    match service::post_rfq(&db, &search, &user, &input).await {
        Ok(posted) => Ok(Redirect::to(&format!("/trade/rfqs/{}", posted.rfq.id)).into_response()),
        Err(AppError::Invalid(errors)) => Ok(new_rfq_page(page, form, errors)),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "trade/rfq.html")]
struct RfqTemplate {
    page: Page,
    rfq: Rfq,
    viewer: Viewer,
    buyer_name: Option<String>,
    /// A fair lead's phone, for the parties.
    lead_phone: Option<String>,
    quotes: Vec<QuoteView>,
    /// A seller's producers and their products to quote with.
    quoting: Vec<(crate::producers::Producer, Vec<Product>)>,
    /// The seller may send a quote or its next revision.
    may_quote: bool,
    revising: bool,
    form: Form,
    errors: FieldErrors,
    names: Names,
    incoterms: &'static [Incoterm],
}

impl RfqTemplate {
    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }

    fn is_owner(&self) -> bool {
        self.viewer == Viewer::Owner
    }

    fn is_seller(&self) -> bool {
        matches!(self.viewer, Viewer::Producers(_))
    }

    fn requirement_names(&self) -> String {
        let en = self.page.is_en();
        self.rfq
            .requirements
            .iter()
            .filter_map(|code| code.parse::<Requirement>().ok())
            .map(|r| if en { r.name().1 } else { r.name().0 })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

async fn rfq_page(
    db: &Db,
    delivery: &dyn Delivery,
    page: Page,
    id: i64,
    form: Form,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let (rfq, viewer) = service::visible_rfq(db, page.user.as_ref(), id).await?;
    let (buyer_name, lead_phone) = service::buyer_of(db, &rfq, &viewer).await?;
    let quotes = service::quotes_for(db, delivery, &rfq, &viewer).await?;
    let mut quoting = Vec::new();
    if let Viewer::Producers(ids) = &viewer {
        for id in ids {
            if let Some(producer) = crate::producers::store::find_by_id(db, *id).await? {
                let products = crate::catalog::store::list_for_producer(db, *id, true, 200).await?;
                quoting.push((producer, products));
            }
        }
    }
    let mut form = form;
    let own_quote = match viewer {
        Viewer::Producers(_) => quotes.first(),
        _ => None,
    };
    if form.is_empty() {
        match own_quote {
            Some(quote) => prefill_revision(&mut form, quote),
            None => {
                form.insert("valid_until".into(), (crate::db::today_vn() + time::Duration::days(14)).to_string());
                form.insert("tier_q_0".into(), rfq.quantity.to_string());
                form.insert("moq".into(), rfq.quantity.to_string());
            }
        }
        form.insert("quantity".into(), rfq.quantity.to_string());
    }
    let revising = own_quote.is_some();
    let may_quote =
        matches!(viewer, Viewer::Producers(_)) && rfq.status == "open" && own_quote.is_none_or(|q| q.is_open());
    use strum::VariantArray;
    let template = RfqTemplate {
        page,
        rfq,
        viewer,
        buyer_name,
        lead_phone,
        quotes,
        quoting,
        may_quote,
        revising,
        form,
        errors,
        names: Names,
        incoterms: Incoterm::VARIANTS,
    };
    let response = render(&template);
    Ok(scope::form_status(&template.errors, response))
}

/// The seller's form starts from its latest revision.
fn prefill_revision(form: &mut Form, quote: &QuoteView) {
    let latest = &quote.latest;
    let mut put = |name: &str, value: String| {
        form.insert(name.to_string(), value);
    };
    put("producer_id", quote.quote.producer_id.to_string());
    put("product_id", quote.quote.product_id.to_string());
    for (i, tier) in latest.tiers.iter().enumerate() {
        put(&format!("tier_q_{i}"), tier.min_quantity.to_string());
        put(&format!("tier_p_{i}"), tier.unit_price_vnd.to_string());
    }
    put("moq", latest.moq.to_string());
    put("lead_days", latest.lead_days.to_string());
    put("valid_until", latest.valid_until.clone());
    put("deposit_pct", latest.deposit_pct.to_string());
    put("delivery_vnd", latest.delivery_vnd.to_string());
    if let Some(grams) = latest.carrier_unit_weight_g {
        put("by_carrier", "on".into());
        put("carrier_unit_weight_g", grams.to_string());
    }
    put("pack_size", latest.pack_size.clone());
    put("incoterm", latest.incoterm.clone().unwrap_or_default());
    put("port", latest.port.clone());
    put("notes", latest.notes.clone());
}

fn id_of(text: &str) -> Result<i64, AppError> {
    text.parse().map_err(|_| AppError::not_found(messages::PAGE))
}

/// `GET /trade/rfqs/{id}`
pub async fn show_rfq(
    State(db): State<Db>,
    State(delivery): State<Arc<dyn Delivery>>,
    page: Page,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    rfq_page(&db, &*delivery, page, id_of(&id)?, Form::new(), FieldErrors::default()).await
}

/// `POST /trade/rfqs/{id}/quotes`: a seller's quote (or its next revision).
pub async fn send_quote(
    State(db): State<Db>,
    State(delivery): State<Arc<dyn Delivery>>,
    page: Page,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let id = id_of(&id)?;
    let mut errors = FieldErrors::default();
    let mut tiers = Vec::new();
    for i in 0..4 {
        let (q, p) =
            (number(&form, &format!("tier_q_{i}"), &mut errors), number(&form, &format!("tier_p_{i}"), &mut errors));
        match (q, p) {
            (Some(min_quantity), Some(unit_price_vnd)) => tiers.push(Tier { min_quantity, unit_price_vnd }),
            (None, None) => {}
            _ => errors.add(&format!("tiers[{i}]"), messages::BOTH_A_QUANTITY_AND_A_PRICE),
        }
    }
    // Delivery by carrier asks what one unit weighs.
    let carrier_unit_weight_g = match form.contains_key("by_carrier") {
        true => {
            let grams = number(&form, "carrier_unit_weight_g", &mut errors);
            if grams.is_none() && errors.get("carrier_unit_weight_g").is_none() {
                errors.add("carrier_unit_weight_g", messages::UNIT_WEIGHT_REQUIRED);
            }
            grams
        }
        false => None,
    };
    let input = QuoteInput {
        producer_id: number(&form, "producer_id", &mut errors),
        product_id: number(&form, "product_id", &mut errors),
        tiers,
        moq: number(&form, "moq", &mut errors),
        pack_size: text(&form, "pack_size"),
        lead_days: number(&form, "lead_days", &mut errors),
        valid_until: text(&form, "valid_until"),
        deposit_pct: number(&form, "deposit_pct", &mut errors),
        delivery_vnd: number(&form, "delivery_vnd", &mut errors),
        carrier_unit_weight_g,
        sample_price_vnd: number(&form, "sample_price_vnd", &mut errors),
        incoterm: text(&form, "incoterm"),
        port: text(&form, "port"),
        notes: text(&form, "notes"),
    };
    if !errors.is_empty() {
        return rfq_page(&db, &*delivery, page, id, form, errors).await;
    }
    match service::send_quote(&db, &user, id, &input).await {
        Ok((quote, _)) => Ok(Redirect::to(&format!("/trade/quotes/{}", quote.id)).into_response()),
        Err(e) => rfq_page(&db, &*delivery, page, id, form, PageError::form_errors(e)?).await,
    }
}

/// `POST /trade/rfqs/{id}/decline`
pub async fn decline(
    State(db): State<Db>,
    State(delivery): State<Arc<dyn Delivery>>,
    page: Page,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let id = id_of(&id)?;
    let producer_id = text(&form, "producer_id").and_then(|v| v.parse().ok()).unwrap_or(0);
    let reason = form.get("reason").cloned().unwrap_or_default();
    match service::decline(&db, &user, id, producer_id, &reason).await {
        Ok(()) => Ok(Redirect::to("/seller/trade").into_response()),
        Err(e) => rfq_page(&db, &*delivery, page, id, form, PageError::form_errors(e)?).await,
    }
}

/// `POST /trade/quotes/{id}/accept`: the buyer takes a quote; on to the order.
pub async fn accept(
    State(db): State<Db>,
    State(delivery): State<Arc<dyn Delivery>>,
    page: Page,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let quote_id = id_of(&id)?;
    let mut errors = FieldErrors::default();
    let input = AcceptInput {
        quantity: number(&form, "quantity", &mut errors),
        payment_method: text(&form, "payment_method"),
        street: text(&form, "street"),
        commune_code: text(&form, "commune_code"),
        delivery_option: text(&form, "delivery_option"),
    };
    let rfq_id = store::find_quote(&db, quote_id)
        .await?
        .map(|q| q.rfq_id)
        .ok_or_else(|| AppError::not_found(messages::QUOTE))?;
    let result = if errors.is_empty() {
        service::accept(&db, &*delivery, &user, quote_id, &input).await
    } else {
        Err(AppError::Invalid(errors))
    };
    match result {
        Ok(order) => Ok(Redirect::to(&format!("/orders/{}", order.code)).into_response()),
        Err(e) => rfq_page(&db, &*delivery, page, rfq_id, form, PageError::form_errors(e)?).await,
    }
}

#[derive(Template)]
#[template(path = "trade/quote.html")]
struct QuoteTemplate {
    page: Page,
    rfq: Rfq,
    view: QuoteView,
    revisions: Vec<Revision>,
    messages: Vec<Message>,
    may_withdraw: bool,
    attachments: Vec<store::Attachment>,
    /// The quoting producer's seller, while the quote is open.
    may_attach: bool,
    errors: FieldErrors,
    names: Names,
}

impl QuoteTemplate {
    fn when(&self, utc: &str) -> String {
        crate::vn::time_vn(utc)
    }

    /// `PDF · 240 KB`
    fn file_facts(&self, file: &store::Attachment) -> String {
        let kind = file.content_type.rsplit('/').next().unwrap_or("").to_uppercase();
        let size = match file.size_bytes {
            n if n < 1024 => format!("{n} B"),
            n if n < 1024 * 1024 => format!("{} KB", (n + 1023) / 1024),
            n => format!("{}.{} MB", n / (1024 * 1024), n % (1024 * 1024) * 10 / (1024 * 1024)),
        };
        format!("{kind} · {size}")
    }
}

pub(super) async fn quote_page(db: &Db, page: Page, id: i64, errors: FieldErrors) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let (quote, rfq, _) = service::quote_party(db, &user, id).await?;
    let revisions = store::revisions(db, quote.id).await?;
    let messages = store::messages(db, quote.id).await?;
    let may_withdraw = user.can_manage_producer(quote.producer_id) && quote.status == "open";
    let attachments = store::attachments(db, quote.id).await?;
    let may_attach = may_withdraw && (attachments.len() as i64) < super::model::MAX_ATTACHMENTS;
    let view = service::quote_view(db, &rfq, quote).await?;
    let template = QuoteTemplate {
        page,
        rfq,
        view,
        revisions,
        messages,
        may_withdraw,
        attachments,
        may_attach,
        errors,
        names: Names,
    };
    let response = render(&template);
    Ok(scope::form_status(&template.errors, response))
}

/// `GET /trade/quotes/{id}`
pub async fn show_quote(State(db): State<Db>, page: Page, Path(id): Path<String>) -> Result<Response, PageError> {
    quote_page(&db, page, id_of(&id)?, FieldErrors::default()).await
}

/// `POST /trade/quotes/{id}/messages`
pub async fn post_message(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let id = id_of(&id)?;
    match service::post_message(&db, &user, id, form.get("body").map(String::as_str).unwrap_or("")).await {
        Ok(_) => Ok(Redirect::to(&format!("/trade/quotes/{id}#thread")).into_response()),
        Err(AppError::Invalid(errors)) => quote_page(&db, page, id, errors).await,
        Err(e) => Err(e.into()),
    }
}

/// `POST /trade/quotes/{id}/withdraw`
pub async fn withdraw(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let quote = service::withdraw(&db, &user, id_of(&id)?).await?;
    Ok(Redirect::to(&format!("/trade/quotes/{}", quote.id)).into_response())
}

#[derive(Template)]
#[template(path = "trade/seller.html")]
struct SellerTemplate {
    page: Page,
    rfqs: Vec<Rfq>,
    offers: Vec<Offer>,
    producers: Vec<crate::producers::Producer>,
    sets: &'static [ocop::ProductSet],
    form: Form,
    errors: FieldErrors,
    names: Names,
}

impl SellerTemplate {
    fn v(&self, name: &str) -> &str {
        self.form.get(name).map(String::as_str).unwrap_or("")
    }
}

async fn seller_page(db: &Db, page: Page, form: Form, errors: FieldErrors) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    if user.producer_ids.is_empty() {
        return Err(AppError::Forbidden.into());
    }
    let rfqs = store::list_rfqs(db, store::RfqScope::Producers(&user.producer_ids), 100).await?;
    let offers = store::offers_of_producers(db, &user.producer_ids).await?;
    let mut producers = Vec::new();
    for id in &user.producer_ids {
        producers.extend(crate::producers::store::find_by_id(db, *id).await?);
    }
    let template = SellerTemplate { page, rfqs, offers, producers, sets: ocop::sets(), form, errors, names: Names };
    let response = render(&template);
    Ok(scope::form_status(&template.errors, response))
}

/// `GET /seller/trade`: requests put before the seller's producers, its supply offers.
pub async fn seller_desk(State(db): State<Db>, page: Page) -> Result<Response, PageError> {
    let mut form = Form::new();
    form.insert("available_from".into(), (crate::db::today_vn() + time::Duration::days(30)).to_string());
    seller_page(&db, page, form, FieldErrors::default()).await
}

/// `POST /seller/trade/offers`: a supply offer ahead of a harvest.
pub async fn post_offer(
    State(db): State<Db>,
    page: Page,
    CsrfForm(form): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    let mut errors = FieldErrors::default();
    let input = OfferInput {
        producer_id: number(&form, "producer_id", &mut errors),
        product_id: None,
        set_code: text(&form, "set_code"),
        title: text(&form, "title"),
        quantity: number(&form, "quantity", &mut errors),
        unit: text(&form, "unit"),
        unit_price_vnd: number(&form, "unit_price", &mut errors),
        min_quantity: number(&form, "min_quantity", &mut errors),
        available_from: text(&form, "available_from"),
        available_until: text(&form, "available_until"),
        notes: text(&form, "notes"),
    };
    let result =
        if errors.is_empty() { service::post_offer(&db, &user, &input).await } else { Err(AppError::Invalid(errors)) };
    match result {
        Ok(_) => Ok(Redirect::to("/seller/trade").into_response()),
        Err(AppError::Invalid(errors)) => seller_page(&db, page, form, errors).await,
        Err(e) => Err(e.into()),
    }
}

/// `POST /seller/trade/offers/{id}/close`
pub async fn close_offer(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Form>,
) -> Result<Response, PageError> {
    let user = page.require_user()?.clone();
    service::close_offer(&db, &user, id_of(&id)?).await?;
    Ok(Redirect::to("/seller/trade").into_response())
}

#[derive(Template)]
#[template(path = "trade/office.html")]
struct OfficeTemplate {
    page: Page,
    province: String,
    provinces: Vec<&'static admin_units::Province>,
    figures: TradeFigures,
    /// The fair asked for (`?fair=`): its id and name, and its trade leads.
    fair: Option<(i64, String)>,
    leads: Vec<Rfq>,
    names: Names,
}

/// `GET /office/trade?province=`: the board as figures for the province.
pub async fn office(State(db): State<Db>, page: Page, Query(p): Query<OfficeParams>) -> Result<Response, PageError> {
    let user = scope::office_user(&page)?;
    let province = scope::province_for(&user, p.province.as_deref())?;
    let figures = figures::for_province(&db, &province).await?;
    let provinces = scope::provinces_of(&user);
    let fair = match p.fair {
        Some(id) => crate::programme::fairs::store::find_by_id(&db, id)
            .await?
            .filter(|f| f.province_code == province)
            .map(|f| (f.id, f.name)),
        None => None,
    };
    let leads = match &fair {
        Some((id, _)) => store::rfqs_of_fair(&db, *id).await?,
        None => Vec::new(),
    };
    Ok(render(&OfficeTemplate { page, province, provinces, figures, fair, leads, names: Names }))
}

/// `?province=&fair=`
#[derive(Debug, Default, serde::Deserialize)]
pub struct OfficeParams {
    pub province: Option<String>,
    /// Lists the trade leads entered at this fair.
    pub fair: Option<i64>,
}
