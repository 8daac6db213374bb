//! The `dacsan` command: serve, demo, migrate, reindex, backup, restore, rotate-key,
//! user, import, export.

use std::net::SocketAddr;

use anyhow::Context;
use clap::Parser;
use dacsan::config::{Cli, Command, ExportCommand, ImportCommand, ServeArgs, Settings, TraceCommand, UserCommand};
use dacsan::db::Db;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tantivy=warn")),
        )
        .init();
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => serve(&args, None).await,
        Command::Demo(args) => {
            let db = Db::connect(&args.serve.db.database).await?;
            let added = dacsan::demo::fill(&db).await?;
            if added > 0 {
                println!("Filled the demo region: {added} products.");
            }
            let batches = dacsan::demo::fill_traces(&db, Settings::from(&args.serve)).await?;
            if batches > 0 {
                println!("Recorded {batches} traceable batches with their journeys.");
            }
            let registered = dacsan::demo::fill_programme(&db).await?;
            if registered > 0 {
                println!("Registered {registered} producers in the provinces' programme registries.");
            }
            let orders = dacsan::demo::fill_orders(&db, &Settings::from(&args.serve)).await?;
            if orders > 0 {
                println!("Placed {orders} buyers' orders, with their bank transfers.");
            }
            let requests = dacsan::demo::fill_trade(&db).await?;
            if requests > 0 {
                println!("Posted {requests} requests for quotation on the trade board, with quotes and an offer.");
            }
            if let Some(target) = args.products {
                let added = dacsan::demo::fill_synthetic(&db, target).await?;
                println!("Added {added} synthetic products.");
            }
            db.close().await;
            if args.no_serve {
                return Ok(());
            }
            serve(&args.serve, Some(dacsan::demo::accounts_text())).await
        }
        Command::Migrate(args) => {
            Db::connect(&args.database).await?;
            println!("Migrations are up to date.");
            Ok(())
        }
        Command::Reindex(args) => {
            let db = Db::connect(&args.database).await?;
            let index = dacsan::search::SearchIndex::new()?;
            dacsan::catalog::service::rebuild_index(&db, &index).await?;
            dacsan::catalog::store::request_rebuild(&db).await?;
            println!("{} products on sale indexed; running servers rebuild their index within seconds.", index.len());
            Ok(())
        }
        Command::Backup(args) => backup(&args.db.database, &args.file).await,
        Command::Restore(args) => restore(&args.file, &args.db.database).await,
        Command::RotateKey(args) => rotate_key(&args).await,
        Command::User(UserCommand::Add(args)) => {
            let db = Db::connect(&args.db.database).await?;
            println!("{}", dacsan::auth::cli::add_user(&db, &args).await?);
            Ok(())
        }
        Command::Import(ImportCommand::BankStatement(args)) => import_statement(&args).await,
        Command::Import(ImportCommand::Registry(args)) => import_registry(&args).await,
        Command::Import(ImportCommand::RateCard(args)) => {
            let bytes = std::fs::read(&args.file).with_context(|| format!("read {}", args.file.display()))?;
            let db = Db::connect(&args.db.database).await?;
            let logistics = dacsan::logistics::Logistics::load(&db, &Default::default(), None).await?;
            let cards = dacsan::logistics::service::import_cards(&db, &logistics, &bytes, &args.carrier, None)
                .await
                .map_err(|e| anyhow::anyhow!("{}: {}", args.file.display(), e.detail()))?;
            for card in cards {
                println!(
                    "{}:{} «{}» imported; it prices deliveries from now on",
                    card.carrier, card.service, card.name
                );
            }
            Ok(())
        }
        Command::Export(ExportCommand::RegistryTemplate(args)) => {
            dacsan::programme::registry::cli::export_template(&args.file)?;
            println!("Wrote the registry template to {}", args.file.display());
            Ok(())
        }
        Command::Import(ImportCommand::CodStatement(args)) => {
            let bytes = std::fs::read(&args.file).with_context(|| format!("read {}", args.file.display()))?;
            let db = Db::connect(&args.db.database).await?;
            let name = args.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let report = dacsan::logistics::cod::import(&db, &args.carrier, &name, &bytes, None)
                .await
                .map_err(|e| anyhow::anyhow!("{}: {}", args.file.display(), e.detail()))?;
            if report.already_imported {
                println!("{} was imported before: nothing changed", args.file.display());
                return Ok(());
            }
            println!(
                "{} lines: {} matched, {} differing, {} unmatched, {} repeated from earlier statements",
                report.lines, report.matched, report.differing, report.unmatched, report.repeated
            );
            for line in &report.flagged {
                println!(
                    "  row {}: {} {} (expected {:?}, collected {})",
                    line.row, line.waybill, line.outcome, line.expected_vnd, line.collected_vnd
                );
            }
            for problem in &report.problems {
                println!("  row {}: {}", problem.row, problem.message);
            }
            Ok(())
        }
        Command::Export(ExportCommand::RateCardTemplate(args)) => {
            let cards = dacsan::logistics::rates::sample_cards();
            let bytes = dacsan::logistics::rate_book::write(&cards.iter().collect::<Vec<_>>())?;
            std::fs::write(&args.file, bytes).with_context(|| format!("write {}", args.file.display()))?;
            println!("Wrote the sample rate cards to {}", args.file.display());
            Ok(())
        }
        Command::Trace(TraceCommand::Verify(args)) => {
            let (ok, line) = dacsan::trace::cli::verify_file(&args.file, args.key.as_deref())?;
            println!("{line}");
            if ok { Ok(()) } else { std::process::exit(1) }
        }
    }
}

async fn serve(args: &ServeArgs, accounts: Option<String>) -> anyhow::Result<()> {
    let state = dacsan::start(&args.db.database, Settings::from(args)).await?;
    let listener =
        tokio::net::TcpListener::bind(args.addr).await.with_context(|| format!("listen on {}", args.addr))?;
    let url = format!("http://{}", listener.local_addr()?);
    println!("dacsan is serving on {url}");
    if let Some(accounts) = accounts {
        println!("Demo accounts (e-mail / password):\n{accounts}");
    }
    let scans = state.trace.scans.clone();
    let app = dacsan::router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await.context("serve")?;
    scans.flush().await;
    tracing::info!("stopped: the last label scans are written");
    Ok(())
}

/// `dacsan import bank-statement FILE`: the report as a table; a non-zero exit when
/// some rows could not be read (the others are imported all the same).
async fn import_statement(args: &dacsan::config::BankStatementArgs) -> anyhow::Result<()> {
    use dacsan::payments::statement;
    let bytes = std::fs::read(&args.file).with_context(|| format!("read {}", args.file.display()))?;
    let parsed = statement::parse(&bytes).map_err(|e| anyhow::anyhow!("{}: {}", args.file.display(), e.detail()))?;
    let db = Db::connect(&args.db.database).await?;
    let report = statement::import(&db, parsed, statement::Scope::All).await?;
    print!("{}", report.table());
    if report.summary.errors > 0 {
        anyhow::bail!("{} rows could not be read: correct them and import the file again", report.summary.errors);
    }
    Ok(())
}

/// `dacsan import registry FILE.xlsx`: the report as a table; a non-zero exit when
/// there are errors and nothing was written.
async fn import_registry(args: &dacsan::config::RegistryImportArgs) -> anyhow::Result<()> {
    let db = Db::connect(&args.db.database).await?;
    let report = dacsan::programme::registry::cli::import_file(&db, &args.file, args.dry_run, args.valid_only).await?;
    print!("{}", report.table());
    if report.blocked() {
        anyhow::bail!(
            "{} errors in {} rows: nothing was written; correct the file, or import the valid rows with --valid-only",
            report.errors.len(),
            report.error_rows
        );
    }
    Ok(())
}

/// Ctrl-C, or the SIGTERM a service manager or an orchestrator sends: the server
/// stops taking connections and finishes the requests in flight.
async fn shutdown_signal() {
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut term) => {
                term.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate => {}
    }
    tracing::info!("shutting down: finishing the requests in flight");
}

/// `dacsan rotate-key`: every sealed value opened with DACSAN_SECRET_KEY and sealed
/// with DACSAN_NEW_SECRET_KEY, in one transaction.
async fn rotate_key(args: &dacsan::config::RotateKeyArgs) -> anyhow::Result<()> {
    use dacsan::secrets;
    let current = secrets::key_from_setting("DACSAN_SECRET_KEY", &args.secret_key.0)?;
    let Some(new) = secrets::key_from_setting("DACSAN_NEW_SECRET_KEY", &args.new_secret_key.0)? else {
        anyhow::bail!(
            "set DACSAN_NEW_SECRET_KEY to the new key (32 random bytes as base64 or hex, e.g. from `openssl rand -base64 32`), and DACSAN_SECRET_KEY to the key in use"
        );
    };
    let db = Db::connect(&args.db.database).await?;
    let report = secrets::rotate(&db, dacsan::SEALED_COLUMNS, current.as_ref(), &new).await?;
    println!(
        "Re-encrypted {} values with the new key {}{}. Start dacsan with DACSAN_SECRET_KEY set to the new key from now on.",
        report.rotated,
        new.id(),
        if report.already > 0 { format!(" ({} had it already)", report.already) } else { String::new() }
    );
    Ok(())
}

/// A consistent copy of a live SQLite database, checked after writing.
async fn backup(database: &str, file: &std::path::Path) -> anyhow::Result<()> {
    let checked = dacsan::db::backup::backup(database, file).await?;
    println!(
        "Backed up to {} ({} bytes, {} migrations up to {}; integrity ok)",
        file.display(),
        checked.bytes,
        checked.migrations,
        checked.version
    );
    Ok(())
}

/// Puts a backup back in place of the SQLite database, keeping the one it replaces.
async fn restore(file: &std::path::Path, database: &str) -> anyhow::Result<()> {
    let restored = dacsan::db::backup::restore(file, database).await?;
    println!(
        "Restored {} into {} ({} bytes, {} migrations up to {}; integrity ok; brought up to this build)",
        file.display(),
        restored.target.display(),
        restored.checked.bytes,
        restored.checked.migrations,
        restored.checked.version
    );
    if let Some(kept) = restored.kept {
        println!("The database it replaced is kept as {}", kept.display());
    }
    Ok(())
}
