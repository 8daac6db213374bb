//! `dacsan import registry FILE.xlsx [--dry-run] [--valid-only]` and
//! `dacsan export registry-template FILE.xlsx`. The command line may write every
//! province: whoever runs it holds the database already.

use std::path::Path;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{Options, Report, Scope, run, template};
use crate::db::Db;

/// Imports a workbook with a progress bar on stderr (hidden when stderr is not a
/// terminal) and returns the report.
pub async fn import_file(db: &Db, file: &Path, dry_run: bool, valid_only: bool) -> anyhow::Result<Report> {
    let bytes = std::fs::read(file).with_context(|| format!("read {}", file.display()))?;
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} {pos}/{len} [{elapsed_precise}] {wide_bar}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let options = Options { dry_run, valid_only, scope: Scope::All, user_id: None, import_id: None };
    let report = run(db, bytes, &options, &bar).await.map_err(|e| match e {
        crate::error::AppError::Internal(e) => e,
        other => anyhow::anyhow!(other.detail()),
    })?;
    bar.finish_and_clear();
    Ok(report)
}

/// Writes the empty template; refuses to overwrite a file.
pub fn export_template(file: &Path) -> anyhow::Result<()> {
    if file.exists() {
        anyhow::bail!("{} exists already: choose a new file", file.display());
    }
    let bytes = template::template().context("build the registry template")?;
    std::fs::write(file, bytes).with_context(|| format!("write {}", file.display()))
}
