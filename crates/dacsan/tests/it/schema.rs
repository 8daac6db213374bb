//! The schema against the code's names for its unique rules (`db::unique`): the code
//! tells which rule a write broke by its name, the same on both databases.

use dacsan::db::{self, Dialect, unique};
use sqlx::Row;

use crate::helpers::fresh_database;

/// (table, columns in order, name, primary key) of every unique index on a column
/// list (indexes on an expression are named by SQLite itself, and left out).
async fn unique_rules(db: &db::Db) -> Vec<(String, Vec<String>, String, bool)> {
    let mut rules = Vec::new();
    match db.dialect {
        Dialect::Postgres => {
            let rows = sqlx::query(
                "SELECT t.relname::text AS tbl, i.relname::text AS name, CASE WHEN ix.indisprimary THEN 1 ELSE 0 END AS pk,
                        (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord)
                         FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS cols
                 FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
                 JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE ix.indisunique AND ix.indexprs IS NULL AND n.nspname = current_schema() AND t.relname NOT LIKE '\\_sqlx%'",
            )
            .fetch_all(&db.pool)
            .await
            .unwrap();
            for row in rows {
                let cols: String = row.get("cols");
                rules.push((
                    row.get("tbl"),
                    cols.split(',').map(str::to_string).collect(),
                    row.get("name"),
                    row.get::<i32, _>("pk") == 1,
                ));
            }
        }
        Dialect::Sqlite => {
            let tables: Vec<String> = sqlx::query_scalar(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\\_sqlx%' ESCAPE '\\'",
            )
            .fetch_all(&db.pool)
            .await
            .unwrap();
            for table in tables {
                let indexes =
                    sqlx::query(&format!("SELECT name, \"unique\" AS uq, origin FROM pragma_index_list('{table}')"))
                        .fetch_all(&db.pool)
                        .await
                        .unwrap();
                for index in indexes {
                    let (name, uq, origin): (String, i64, String) =
                        (index.get("name"), index.get("uq"), index.get("origin"));
                    let cols: Vec<Option<String>> =
                        sqlx::query_scalar(&format!("SELECT name FROM pragma_index_info('{name}') ORDER BY seqno"))
                            .fetch_all(&db.pool)
                            .await
                            .unwrap();
                    if uq == 1 && cols.iter().all(Option::is_some) {
                        let cols = cols.into_iter().flatten().collect();
                        rules.push((table.clone(), cols, name, origin == "pk"));
                    }
                }
            }
        }
    }
    rules
}

#[tokio::test]
async fn every_unique_rule_has_the_name_the_code_gives_it() {
    let (url, _dir) = fresh_database().await;
    let db = db::Db::connect(&url).await.unwrap();
    let rules = unique_rules(&db).await;
    assert!(rules.len() > 40, "the schema's unique rules were read: {rules:?}");
    for (table, cols, name, primary_key) in &rules {
        let cols: Vec<&str> = cols.iter().map(String::as_str).collect();
        let derived = unique::name_of(table, &cols, *primary_key);
        // SQLite names the rules declared inside a table itself (sqlite_autoindex_…);
        // PostgreSQL's names are the contract, and every named index is named alike.
        if db.dialect == Dialect::Postgres || !name.starts_with("sqlite_autoindex_") {
            assert_eq!(&derived, name, "{table}({cols:?})");
        }
    }
    // Each named rule is there (SQLite names a `CONSTRAINT … UNIQUE` inside a table itself).
    for (table, cols, name) in unique::NAMED {
        let named = |n: &String| n == name || (db.dialect == Dialect::Sqlite && n.starts_with("sqlite_autoindex_"));
        assert!(
            rules.iter().any(|(t, c, n, _)| t == table && c == cols && named(n)),
            "{name} on {table}{cols:?} is in the schema"
        );
    }
}

#[tokio::test]
async fn a_broken_unique_rule_is_reported_by_its_name() {
    let (url, _dir) = fresh_database().await;
    let db = db::Db::connect(&url).await.unwrap();
    let insert_user =
        "INSERT INTO users (email, name, password_hash, role, created_at) VALUES ($1, 'A', 'x', 'buyer', '2026-01-01')";
    sqlx::query(insert_user).bind("a@example.vn").execute(&db.pool).await.unwrap();
    let err = sqlx::query(insert_user).bind("a@example.vn").execute(&db.pool).await.unwrap_err();
    assert_eq!(unique::violated(&err).as_deref(), Some("users_email_key"));
    assert!(db::breaks_unique(&err, "users_email_key"));
    assert!(!db::breaks_unique(&err, "users_pkey"));

    let user_id: i64 = sqlx::query_scalar("SELECT id FROM users").fetch_one(&db.pool).await.unwrap();
    let insert_affiliate = "INSERT INTO affiliates (user_id, referral_code, created_at) VALUES ($1, $2, '2026-01-01')";
    sqlx::query(insert_affiliate).bind(user_id).bind("AAAAAAAA").execute(&db.pool).await.unwrap();
    let err = sqlx::query(insert_affiliate).bind(user_id).bind("BBBBBBBB").execute(&db.pool).await.unwrap_err();
    assert_eq!(unique::violated(&err).as_deref(), Some("affiliates_pkey"), "{err}");

    let not_null =
        sqlx::query("INSERT INTO users (email) VALUES ('b@example.vn')").execute(&db.pool).await.unwrap_err();
    assert_eq!(unique::violated(&not_null), None, "another error is no unique rule: {not_null}");
}
