//! The session's public page (`/live/{slug}`): its products at their session prices,
//! when it starts or ends, a link out to the stream (no outside scripts here), the
//! short link and its QR to put on screen. The short link (`/l/{code}`) and the page
//! leave the session's code with the buyer's browser for checkout.

use crate::config::Settings;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use std::sync::Arc;

use super::api::short_url;
use super::messages;
use super::store::{self, Session, SessionItem};
use crate::db::Db;
use crate::error::AppError;
use crate::vn::Vnd;
use crate::web::{Page, PageError, referral, render};

#[derive(Template)]
#[template(path = "live/session.html")]
struct SessionTemplate {
    page: Page,
    session: Session,
    items: Vec<SessionItem>,
    live_now: bool,
    ended: bool,
    short_url: String,
    qr_svg: String,
    countdown_js: &'static str,
    /// Seconds to the start (before it) or to the end (while it runs).
    seconds_left: i64,
}

impl SessionTemplate {
    fn title(&self) -> &str {
        self.session.title_in(self.page.lang)
    }

    /// A product's name and unit in the reader's language.
    fn item_name<'a>(&self, item: &'a SessionItem) -> &'a str {
        if self.page.is_en() && !item.name_en.is_empty() { &item.name_en } else { &item.name }
    }

    fn item_unit<'a>(&self, item: &'a SessionItem) -> &'a str {
        if self.page.is_en() && !item.unit_en.is_empty() { &item.unit_en } else { &item.unit }
    }

    /// The countdown's target: the start before it, the end while it runs.
    fn countdown_until(&self) -> &str {
        if self.live_now { &self.session.ends_at } else { &self.session.starts_at }
    }

    /// `H:MM:SS`, with the days in front when there are any: what the script ticks.
    fn countdown_text(&self) -> String {
        countdown(self.seconds_left, self.page.t("live_days"))
    }

    fn when(&self, utc: &str) -> String {
        crate::vn::time_vn(utc)
    }

    /// Is the session price below the list price, now?
    fn discounted(&self, item: &SessionItem) -> bool {
        self.live_now && item.session_price_vnd.is_some_and(|p| p < item.list_price_vnd)
    }

    /// The session price, shown apart before the session starts.
    fn later_price(&self, item: &SessionItem) -> Option<String> {
        item.session_price_vnd.filter(|_| !self.live_now && !self.ended).map(|p| Vnd(p).to_string())
    }

    /// The price a buyer pays now: the session price while the session runs.
    fn price_now(&self, item: &SessionItem) -> i64 {
        match item.session_price_vnd {
            Some(price) if self.live_now => price,
            _ => item.list_price_vnd,
        }
    }
}

/// `GET /live/{slug}`
pub async fn session_page(
    State(db): State<Db>,
    State(settings): State<Arc<Settings>>,
    page: Page,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    let session = store::find_by_slug(&db, &slug).await?.ok_or_else(|| AppError::not_found(messages::LIVE_SESSION))?;
    let items = store::items_of(&db, session.id).await?;
    let now = crate::db::now();
    let short_url = short_url(&settings.public_url, &session.referral_code);
    let qr_svg = crate::payments::qr::svg(&short_url)?;
    let code = session.referral_code.clone();
    let live_now = session.is_live_at(&now);
    let until = if live_now { &session.ends_at } else { &session.starts_at };
    let seconds_left =
        crate::db::parse_time(until).map(|t| (t - time::OffsetDateTime::now_utc()).whole_seconds().max(0)).unwrap_or(0);
    let template = SessionTemplate {
        page,
        live_now,
        ended: session.ends_at.as_str() <= now.as_str(),
        session,
        items,
        short_url,
        qr_svg,
        countdown_js: crate::web::assets::countdown_js_url(),
        seconds_left,
    };
    let mut response = render(&template);
    response.headers_mut().append(header::SET_COOKIE, referral::cookie(&code));
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// Seconds as the countdown shows them: `1:05:09`, `3 ngày 1:05:09`.
fn countdown(seconds: i64, days_word: &str) -> String {
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    let clock = format!("{}:{:02}:{:02}", rest / 3600, rest % 3600 / 60, rest % 60);
    if days > 0 { format!("{days} {days_word} {clock}") } else { clock }
}

/// `GET /l/{code}`: the short link on screen.
pub async fn short_link(State(db): State<Db>, Path(code): Path<String>) -> Result<Response, PageError> {
    let code = code.trim().to_uppercase();
    let session = store::find_by_code(&db, &code).await?.ok_or_else(|| AppError::not_found(messages::LIVE_SESSION))?;
    let mut response = Redirect::to(&format!("/live/{}", session.slug)).into_response();
    response.headers_mut().append(header::SET_COOKIE, referral::cookie(&session.referral_code));
    Ok(response)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_countdown_reads_as_a_clock_with_the_days_in_front() {
        assert_eq!(super::countdown(3909, "ngày"), "1:05:09");
        assert_eq!(super::countdown(59, "days"), "0:00:59");
        assert_eq!(super::countdown(3 * 86_400 + 3909, "ngày"), "3 ngày 1:05:09");
    }
}
