//! The live-session form as a seller (`/seller/live`) and an officer (`/office/live`)
//! fill it, read into the API's input.

use std::collections::HashMap;

use super::messages;
use super::model::{SessionInput, SessionItemInput};
use crate::db::Db;
use crate::error::{FieldErrors, Message};
use crate::vn::Vnd;
use crate::web::PageError;

/// `datetime-local` sends `2026-12-05T20:00` in the seller's (Vietnam's) time.
fn local_time(value: Option<&String>) -> Option<String> {
    value
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(|t| if t.len() == 16 { format!("{t}:00+07:00") } else { t.to_string() })
}

/// The form as the API's input; the host is named by e-mail.
pub async fn input_of(
    db: &Db,
    form: &HashMap<String, String>,
    errors: &mut FieldErrors,
) -> Result<SessionInput, PageError> {
    let number = |errors: &mut FieldErrors, name: String| -> Option<i64> {
        let text = form.get(&name).map(|v| v.trim()).filter(|v| !v.is_empty())?;
        match Vnd::parse(text) {
            Ok(Vnd(n)) => Some(n),
            Err(why) => {
                errors.add(&name, Message::from(messages::NUMBER_REFUSED).with("text", text).with_message("why", why));
                None
            }
        }
    };
    let mut items = Vec::new();
    let mut chosen: Vec<i64> = form.keys().filter_map(|k| k.strip_prefix("product_")?.parse().ok()).collect();
    chosen.sort_unstable();
    for id in chosen {
        items.push(SessionItemInput {
            product_id: id,
            session_price_vnd: number(errors, format!("price_{id}")),
            stock_cap: number(errors, format!("cap_{id}")),
        });
    }
    let host_user_id = match form.get("host_email").map(|e| e.trim()).filter(|e| !e.is_empty()) {
        None => None,
        Some(email) => match crate::auth::store::find_by_email(db, &email.to_lowercase()).await? {
            Some(host) => Some(host.id),
            None => {
                errors.add("host_email", Message::from(messages::NO_ACCOUNT).with("email", email));
                None
            }
        },
    };
    Ok(SessionInput {
        title: form.get("title").cloned(),
        title_en: form.get("title_en").cloned(),
        platform: form.get("platform").cloned(),
        stream_url: form.get("stream_url").cloned(),
        starts_at: local_time(form.get("starts_at")),
        ends_at: local_time(form.get("ends_at")),
        host_user_id,
        items,
    })
}
