//! Which unique rule a write broke, named as PostgreSQL names it, on both databases.
//! PostgreSQL reports the constraint's name; SQLite reports the table's columns (or,
//! for an index on an expression, the index's name) and whether it was the primary key.
//! From those the name is found: a rule named in the schema from [`NAMED`], else the
//! name PostgreSQL gives an unnamed one (`table_pkey`, `table_col1_col2_key`). A test
//! holds the two schemas to these names (`tests/it/schema.rs`).

/// Unique rules the migrations name (`CREATE UNIQUE INDEX name`, `CONSTRAINT name
/// UNIQUE`): (table, columns, name). Indexes on an expression are left out: SQLite
/// names them itself.
pub const NAMED: &[(&str, &[&str], &str)] = &[
    ("media", &["sha256"], "media_sha256"),
    ("products", &["producer_id", "sku"], "products_producer_sku"),
    ("producers", &["province_code", "registry_code"], "producers_registry_code"),
    ("shipments", &["carrier", "tracking_code"], "shipments_waybill"),
    ("shipments", &["sscc"], "shipments_sscc"),
    ("jobs", &["dedupe_key"], "jobs_active_key"),
    ("carrier_accounts", &["producer_id", "carrier"], "carrier_accounts_producer_carrier"),
    ("collection_manifests", &["run_id", "run_date"], "collection_manifests_run_date"),
];

/// SQLite's extended result code for a broken primary key.
const SQLITE_CONSTRAINT_PRIMARYKEY: &str = "1555";
/// PostgreSQL's longest name; longer generated names are cut.
const MAX_NAME: usize = 63;

/// The name of the unique rule `err` broke; `None` when it is another error.
pub fn violated(err: &sqlx::Error) -> Option<String> {
    let sqlx::Error::Database(db) = err else { return None };
    if !db.is_unique_violation() {
        return None;
    }
    if let Some(name) = db.constraint() {
        return Some(name.to_string());
    }
    let primary_key = db.code().as_deref() == Some(SQLITE_CONSTRAINT_PRIMARYKEY);
    from_sqlite_message(db.message(), primary_key)
}

/// "UNIQUE constraint failed: t.a, t.b" or "UNIQUE constraint failed: index 'name'".
fn from_sqlite_message(message: &str, primary_key: bool) -> Option<String> {
    let failed = message.split_once("constraint failed: ")?.1.trim();
    if let Some(index) = failed.strip_prefix("index '") {
        return index.strip_suffix('\'').map(str::to_string);
    }
    let mut table = None;
    let mut columns = Vec::new();
    for qualified in failed.split(", ") {
        let (t, column) = qualified.split_once('.')?;
        if table.is_some_and(|seen| seen != t) {
            return None;
        }
        table = Some(t);
        columns.push(column);
    }
    Some(name_of(table?, &columns, primary_key))
}

/// The name of the unique rule on `table`'s `columns`, as the migrations give it or
/// PostgreSQL makes it up.
pub fn name_of(table: &str, columns: &[&str], primary_key: bool) -> String {
    if primary_key {
        return cut(format!("{table}_pkey"));
    }
    match NAMED.iter().find(|(t, c, _)| *t == table && *c == columns) {
        Some((_, _, name)) => name.to_string(),
        None => cut(format!("{table}_{}_key", columns.join("_"))),
    }
}

fn cut(mut name: String) -> String {
    name.truncate(MAX_NAME);
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_messages_name_the_rule_as_postgresql_does() {
        let unique = |m| from_sqlite_message(m, false);
        assert_eq!(unique("UNIQUE constraint failed: users.email").as_deref(), Some("users_email_key"));
        assert_eq!(
            unique("UNIQUE constraint failed: products.producer_id, products.sku").as_deref(),
            Some("products_producer_sku")
        );
        assert_eq!(
            unique("UNIQUE constraint failed: index 'commission_rates_one'").as_deref(),
            Some("commission_rates_one")
        );
        assert_eq!(
            from_sqlite_message("UNIQUE constraint failed: affiliates.user_id", true).as_deref(),
            Some("affiliates_pkey")
        );
        assert_eq!(unique("UNIQUE constraint failed: a.x, b.y"), None);
        assert_eq!(unique("disk I/O error"), None);
    }
}
