//! A read statement reconciled row by row through
//! [`crate::payments::service::apply_transfer`], the webhook's own path, and what
//! became of each row: the report the API returns and the command line prints.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::{RowError, Statement};
use crate::db::Db;
use crate::orders::model::codes_in_transfer;
use crate::orders::store::{self as orders, Order};
use crate::payments::service::{self, Applied};

/// A matched row whose order belongs to a producer the importer does not act for.
pub const NOT_YOURS: &str = "not_yours";
pub const DUPLICATE: &str = "duplicate";

/// Whose orders an import may pay.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// Admins and the command line.
    All,
    /// A seller: the producers they work for. Transfers for other producers' orders
    /// are reported as [`NOT_YOURS`] and not applied; unmatched ones are kept.
    Producers(&'a [i64]),
}

impl Scope<'_> {
    fn allows(self, producer_id: i64) -> bool {
        match self {
            Scope::All => true,
            Scope::Producers(ids) => ids.contains(&producer_id),
        }
    }
}

/// One incoming row and what became of it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RowReport {
    pub row: usize,
    pub date: String,
    pub amount_vnd: i64,
    pub content: String,
    /// The bank's reference, or `sha256:…` of date, amount and content.
    pub reference: String,
    /// `paid`, `underpaid`, `overpaid`, `paid_after_expiry`, `refund_needed`,
    /// `extra_payment`, `unmatched`, `duplicate` (imported before) or `not_yours`.
    pub outcome: String,
    pub order_id: Option<i64>,
    pub order_code: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct Summary {
    /// Incoming rows read.
    pub credits: usize,
    /// Outgoing rows, not reconciled.
    pub debits_ignored: usize,
    /// Rows that could not be read (see `errors`).
    pub errors: usize,
    /// Money stored by this import (rows not seen before).
    pub new_vnd: i64,
    /// Rows per outcome.
    pub outcomes: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StatementReport {
    pub rows: Vec<RowReport>,
    pub errors: Vec<RowError>,
    pub summary: Summary,
}

/// Applies every incoming row, each in its own transaction like a webhook call, so
/// that an interrupted import is finished by importing the file again.
pub async fn import(db: &Db, statement: Statement, scope: Scope<'_>) -> anyhow::Result<StatementReport> {
    let mut summary = Summary {
        credits: statement.credits.len(),
        debits_ignored: statement.debits_ignored,
        errors: statement.errors.len(),
        ..Summary::default()
    };
    let mut rows = Vec::with_capacity(statement.credits.len());
    for credit in statement.credits {
        let t = &credit.transfer;
        let matched = matching_order(db, &t.content).await?;
        let payee = match &matched {
            Some(order) => Some(order.producer_id),
            None => matching_request(db, &t.content).await?,
        };
        let (outcome, order) = match matched {
            _ if payee.is_some_and(|producer_id| !scope.allows(producer_id)) => (NOT_YOURS, None),
            matched => match service::apply_transfer(db, t).await? {
                Applied::Duplicate => (DUPLICATE, matched),
                Applied::Stored { outcome, order_id } => {
                    summary.new_vnd += t.amount_vnd;
                    let order = match (order_id, matched) {
                        (Some(id), Some(order)) if order.id == id => Some(order),
                        (Some(id), _) => orders::find_by_id(db, id).await?,
                        (None, _) => None,
                    };
                    (outcome, order)
                }
            },
        };
        *summary.outcomes.entry(outcome.to_string()).or_default() += 1;
        rows.push(RowReport {
            row: credit.row,
            date: t.transacted_at.clone(),
            amount_vnd: t.amount_vnd,
            content: t.content.clone(),
            reference: t.source_txn_id.clone(),
            outcome: outcome.to_string(),
            order_id: order.as_ref().map(|o| o.id),
            order_code: order.map(|o| o.code),
        });
    }
    tracing::info!(credits = summary.credits, new_vnd = summary.new_vnd, errors = summary.errors, "statement imported");
    Ok(StatementReport { rows, errors: statement.errors, summary })
}

/// The order [`service::apply_transfer`] will pay: the first code in the content
/// that names an order.
async fn matching_order(db: &Db, content: &str) -> anyhow::Result<Option<Order>> {
    for code in codes_in_transfer(content) {
        if let Some(order) = orders::find_by_code(db, &code).await? {
            return Ok(Some(order));
        }
    }
    Ok(None)
}

/// The producer of the payment request (a stall sale) the content names, if any.
async fn matching_request(db: &Db, content: &str) -> anyhow::Result<Option<i64>> {
    for code in codes_in_transfer(content) {
        if let Some(request) = crate::payments::requests::find_by_code(db, &code).await? {
            return Ok(Some(request.producer_id));
        }
    }
    Ok(None)
}

impl StatementReport {
    /// The report as a text table with the bad rows and a summary, for the terminal.
    pub fn table(&self) -> String {
        let money = |vnd: i64| crate::vn::Vnd(vnd).to_string();
        let header = ["Row", "Date", "Amount", "Outcome", "Order", "Content"].map(String::from);
        let lines: Vec<[String; 6]> = self
            .rows
            .iter()
            .map(|r| {
                [
                    r.row.to_string(),
                    r.date.clone(),
                    money(r.amount_vnd),
                    r.outcome.clone(),
                    r.order_code.clone().unwrap_or_else(|| "-".into()),
                    shorten(&r.content, 48),
                ]
            })
            .collect();
        let mut widths = header.clone().map(|h| h.chars().count());
        for line in &lines {
            for (width, cell) in widths.iter_mut().zip(line) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let mut out = String::new();
        for line in std::iter::once(&header).chain(&lines) {
            let cells: Vec<String> = line
                .iter()
                .zip(widths)
                .enumerate()
                .map(|(i, (cell, width))| {
                    let pad = " ".repeat(width - cell.chars().count());
                    if i == 2 { format!("{pad}{cell}") } else { format!("{cell}{pad}") }
                })
                .collect();
            let _ = writeln!(out, "{}", cells.join("  ").trim_end());
        }
        for e in &self.errors {
            let _ = writeln!(out, "row {}, column \"{}\": {}", e.row, e.column, e.message);
        }
        let s = &self.summary;
        let outcomes: Vec<String> = s.outcomes.iter().map(|(k, n)| format!("{n} {k}")).collect();
        let _ = writeln!(
            out,
            "{} incoming rows ({}), {} outgoing ignored, {} unreadable; {} newly recorded.",
            s.credits,
            if outcomes.is_empty() { "none".to_string() } else { outcomes.join(", ") },
            s.debits_ignored,
            s.errors,
            money(s.new_vnd)
        );
        out
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_aligns_rows_and_ends_with_a_summary() {
        let report = StatementReport {
            rows: vec![
                RowReport {
                    row: 7,
                    date: "2026-11-25".into(),
                    amount_vnd: 1_250_000,
                    content: "DSAB12CD34 thanh toan".into(),
                    reference: "FT1".into(),
                    outcome: "paid".into(),
                    order_id: Some(1),
                    order_code: Some("DSAB12CD34".into()),
                },
                RowReport {
                    row: 12,
                    date: "2026-11-26".into(),
                    amount_vnd: 50_000,
                    content: "x".repeat(60),
                    reference: "FT2".into(),
                    outcome: "unmatched".into(),
                    order_id: None,
                    order_code: None,
                },
            ],
            errors: vec![RowError {
                row: 9,
                column: "Ghi có".into(),
                message: crate::payments::messages::NOT_AN_AMOUNT.into(),
            }],
            summary: Summary {
                credits: 2,
                debits_ignored: 1,
                errors: 1,
                new_vnd: 1_300_000,
                outcomes: [("paid".to_string(), 1), ("unmatched".to_string(), 1)].into(),
            },
        };
        let table = report.table();
        let lines: Vec<&str> = table.lines().collect();
        assert!(lines[0].starts_with("Row  Date        "), "{table}");
        let amount_end = |line: &str| line.find(" paid").or_else(|| line.find(" unmatched")).unwrap();
        assert_eq!(amount_end(lines[1]), amount_end(lines[2]), "amounts right-aligned:\n{table}");
        assert!(lines[1].contains("DSAB12CD34  DSAB12CD34 thanh toan"), "{table}");
        assert!(lines[2].ends_with(&format!("{}…", "x".repeat(47))), "{table}");
        assert_eq!(lines[3], "row 9, column \"Ghi có\": không phải số tiền");
        assert!(
            lines[4].starts_with("2 incoming rows (1 paid, 1 unmatched), 1 outgoing ignored, 1 unreadable;"),
            "{table}"
        );
    }
}
