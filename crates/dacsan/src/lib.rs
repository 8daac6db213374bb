//! dacsan: a market, a digital brand and a programme office for the specialty and
//! OCOP products of Vietnam's northern midlands and mountains. `router()` is the
//! whole web site and API; `main.rs` is the command line around it.

pub mod admin;
pub mod auth;
pub mod cart;
pub mod catalog;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod gs1_keys;
pub mod jobs;
pub mod live;
pub mod logistics;
pub mod media;
pub mod orders;
pub mod payments;
pub mod places;
pub mod privacy;
pub mod producers;
pub mod programme;
pub mod search;
pub mod secrets;
pub mod state;
pub mod tables;
pub mod trace;
pub mod trade;
pub mod vn;
pub mod web;

mod openapi;
mod routes;

pub use state::AppState;

use std::sync::Arc;

use axum::Router;

/// The whole web site and API over `state`.
pub fn router(state: AppState) -> Router {
    install_texts();
    routes::router(state)
}

/// What each domain says when something is wrong (its `messages.rs`).
pub const MESSAGES: &[&[error::Text]] = &[
    error::messages::TEXTS,
    gs1_keys::messages::TEXTS,
    admin::messages::TEXTS,
    auth::messages::TEXTS,
    cart::messages::TEXTS,
    catalog::messages::TEXTS,
    live::messages::TEXTS,
    live::commissions::messages::TEXTS,
    logistics::messages::TEXTS,
    logistics::accounts::messages::TEXTS,
    logistics::collection::messages::TEXTS,
    media::messages::TEXTS,
    orders::messages::TEXTS,
    payments::messages::TEXTS,
    places::messages::TEXTS,
    privacy::messages::TEXTS,
    privacy::breaches::messages::TEXTS,
    programme::delivery::messages::TEXTS,
    producers::messages::TEXTS,
    programme::messages::TEXTS,
    programme::fairs::messages::TEXTS,
    programme::kpis::messages::TEXTS,
    programme::listings::messages::TEXTS,
    programme::registry::messages::TEXTS,
    programme::support::messages::TEXTS,
    programme::training::messages::TEXTS,
    trace::messages::TEXTS,
    tables::messages::TEXTS,
    trade::messages::TEXTS,
    vn::messages::TEXTS,
    web::messages::TEXTS,
];

/// Every domain's page texts and messages, in one table (`web::i18n`); safe to call
/// more than once.
pub fn install_texts() {
    let mut parts: Vec<&'static [web::i18n::Text]> = vec![web::i18n::TEXTS];
    parts.extend_from_slice(MESSAGES);
    parts.extend_from_slice(programme::TEXTS);
    parts.push(logistics::TEXTS);
    parts.push(privacy::TEXTS);
    parts.push(live::TEXTS);
    parts.push(live::commissions::TEXTS);
    parts.push(trade::TEXTS);
    web::i18n::install(&parts);
}

/// Connects, migrates, builds the search index from the database and keeps it in
/// step: everything a server needs before it takes requests.
pub async fn start(database_url: &str, settings: config::Settings) -> anyhow::Result<AppState> {
    install_texts();
    let db = db::Db::connect(database_url).await?;
    db.spawn_checkpoints();
    let index = Arc::new(search::SearchIndex::new()?);
    let watermark = catalog::service::rebuild_index(&db, &index).await?;
    catalog::service::spawn_sync(db.clone(), index.clone(), Some(watermark.unwrap_or_default()));
    let mailer = orders::mailer::Mailer::from_settings(&settings)?;
    let keyring = secrets::key_from_setting("DACSAN_SECRET_KEY", &settings.secret_key.0)?.map(secrets::Keyring::new);
    secrets::check_at_start(&db, SEALED_COLUMNS, keyring.as_ref()).await?;
    let trace_key = trace::keys::load_or_create(&db, keyring.as_ref()).await?;
    let logistics = Arc::new(logistics::Logistics::load(&db, &settings.carriers, keyring.map(Arc::new)).await?);
    let mut handlers = job_handlers(&db, &logistics);
    if let Some(mailer) = mailer {
        orders::mailer::register_jobs(&mut handlers, &db, mailer);
    }
    let jobs = jobs::Jobs::start(db.clone(), handlers).await?;
    let state = AppState::new(db, index, settings, trace_key, logistics, jobs);
    logistics::service::spawn_card_refresh(state.db.clone(), state.logistics.clone());
    Ok(state)
}

/// Every column of sealed values, from every domain that keeps some: checked at
/// start, re-encrypted by `dacsan rotate-key`.
pub const SEALED_COLUMNS: &[&secrets::SealedColumn] = &[&logistics::accounts::CREDENTIALS, &trace::keys::SEALED_SECRET];

/// What each kind of durable job does, from every domain that has some.
pub fn job_handlers(db: &db::Db, logistics: &Arc<logistics::Logistics>) -> jobs::Handlers {
    let mut handlers = jobs::Handlers::default();
    jobs::register(&mut handlers, db);
    orders::service::register_jobs(&mut handlers, db);
    programme::kpis::register_jobs(&mut handlers, db);
    logistics::register_jobs(&mut handlers, db, logistics);
    trade::service::register_jobs(&mut handlers, db);
    handlers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_keys() -> Vec<&'static str> {
        let mut keys: Vec<_> = web::i18n::TEXTS.iter().map(|t| t.0).collect();
        keys.extend(programme::TEXTS.iter().flat_map(|part| part.iter()).map(|t| t.0));
        keys.extend(logistics::TEXTS.iter().map(|t| t.0));
        keys.extend(privacy::TEXTS.iter().map(|t| t.0));
        keys.extend(live::TEXTS.iter().map(|t| t.0));
        keys.extend(live::commissions::TEXTS.iter().map(|t| t.0));
        keys.extend(trade::TEXTS.iter().map(|t| t.0));
        keys.extend(MESSAGES.iter().flat_map(|part| part.iter()).map(|t| t.0));
        keys
    }

    #[test]
    fn text_keys_are_unique() {
        install_texts();
        assert_eq!(web::i18n::len(), all_keys().len());
    }

    #[test]
    fn every_key_used_in_templates_exists() {
        install_texts();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");
        let mut missing = Vec::new();
        for path in walk(std::path::Path::new(root)) {
            let text = std::fs::read_to_string(&path).unwrap();
            for part in text.split("page.t(\"").skip(1) {
                let key = part.split('"').next().unwrap();
                if !web::i18n::has_key(key) {
                    missing.push(format!("{}: {key}", path.display()));
                }
            }
        }
        assert!(missing.is_empty(), "missing i18n keys: {missing:?}");
    }

    /// A row left out of its table's `TEXTS` escapes the key check above: every
    /// `pub const …: Text` row of the source must be in `MESSAGES`.
    #[test]
    fn every_message_row_is_in_the_table() {
        let listed: Vec<&str> = MESSAGES.iter().flat_map(|part| part.iter()).map(|t| t.0).collect();
        let mut missing = Vec::new();
        for path in walk(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))) {
            let text = std::fs::read_to_string(&path).unwrap();
            for row in text.split("pub const ").skip(1) {
                let name_end = row.find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'));
                let Some(rest) = name_end.and_then(|end| row[end..].strip_prefix(": Text =")) else { continue };
                let Some(key) = rest.trim_start().strip_prefix('(').and_then(|r| r.trim_start().split('"').nth(1))
                else {
                    continue;
                };
                if !listed.contains(&key) {
                    missing.push(format!("{}: {key}", path.display()));
                }
            }
        }
        assert!(missing.is_empty(), "rows missing from their TEXTS: {missing:?}");
    }

    /// Only the app's assembly (`main.rs`, `lib.rs`, `routes.rs`, `state.rs`) names
    /// `AppState`: a domain's handlers take the parts they use, and its router says
    /// which in its `where` clause.
    #[test]
    fn no_domain_names_the_app_state() {
        let src = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
        let assembly = ["main.rs", "lib.rs", "routes.rs", "state.rs"].map(|file| src.join(file));
        let naming: Vec<_> = walk(src)
            .into_iter()
            .filter(|path| !assembly.contains(path))
            .filter(|path| std::fs::read_to_string(path).unwrap().contains("AppState"))
            .collect();
        assert!(naming.is_empty(), "these files name AppState: {naming:?}");
    }

    /// The core — errors, the database, settings, tables — imports nothing but itself,
    /// the Vietnam basics and the secrets it seals columns with.
    #[test]
    fn the_core_knows_no_domain() {
        let src = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
        let mut core = walk(&src.join("db"));
        core.extend(["error.rs", "db.rs", "config.rs", "tables.rs"].map(|file| src.join(file)));
        let allowed = ["error", "db", "config", "tables", "vn", "secrets"];
        let mut outward = Vec::new();
        for path in core {
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.lines().filter(|line| !line.trim_start().starts_with("//"));
            for line in code {
                for part in line.split("crate::").skip(1) {
                    // `crate::db::…` names one module, `crate::{db, vn}` several.
                    let names = match part.strip_prefix('{') {
                        Some(group) => group.split('}').next().unwrap_or("").split(',').map(str::trim).collect(),
                        None => vec![part],
                    };
                    for name in names {
                        let module: String = name.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
                        if !allowed.contains(&module.as_str()) {
                            outward.push(format!("{}: crate::{module}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(outward.is_empty(), "the core reaches out: {outward:?}");
    }

    /// A domain calls another's rules and services, never its handler files: what
    /// two domains share lives in a service, a model or `web/`.
    #[test]
    fn no_domain_reaches_into_another_domains_handlers() {
        let src = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
        let handlers = ["api", "pages", "editor", "desk", "seller", "till", "resolve", "carrier", "sales_api"];
        let mut reaching = Vec::new();
        for path in walk(src) {
            let Ok(inside) = path.strip_prefix(src) else { continue };
            let domain = inside.components().next().and_then(|c| c.as_os_str().to_str()).unwrap_or("");
            let text = std::fs::read_to_string(&path).unwrap();
            for part in text.split("crate::").skip(1) {
                let path_text: String =
                    part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':').collect();
                let modules: Vec<&str> = path_text.split("::").collect();
                let other = modules.first().copied().unwrap_or("");
                let into_handlers = modules.iter().skip(1).any(|m| handlers.contains(m));
                if into_handlers && other != domain.trim_end_matches(".rs") {
                    reaching.push(format!("{}: crate::{path_text}", inside.display()));
                }
            }
        }
        assert!(reaching.is_empty(), "handler files reached from another domain: {reaching:?}");
    }

    fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() { out.extend(walk(&path)) } else { out.push(path) }
        }
        out
    }
}
