//! `dacsan user add` and `dacsan backup`, run as the real binary.

use std::process::Command;

fn dacsan(args: &[&str], db: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dacsan")).args(args).env("DACSAN_DATABASE_URL", db).output().expect("run dacsan")
}

#[test]
fn user_add_creates_and_updates_users() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.db").to_string_lossy().into_owned();
    let out =
        dacsan(&["user", "add", "--email", "Admin@Example.vn", "--password", "long-password", "--role", "admin"], &db);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("admin@example.vn (admin) created"));
    let out = dacsan(
        &[
            "user",
            "add",
            "--email",
            "admin@example.vn",
            "--password",
            "other-password",
            "--role",
            "admin",
            "--database",
            &db,
        ],
        &db,
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("updated"));
    let out =
        dacsan(&["user", "add", "--email", "s@example.vn", "--password", "long-password", "--role", "seller"], &db);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--producer"));
    let out = dacsan(
        &[
            "user",
            "add",
            "--email",
            "o@example.vn",
            "--password",
            "long-password",
            "--role",
            "officer",
            "--province",
            "99",
        ],
        &db,
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--province"));
    let out = dacsan(&["user", "add", "--email", "o@example.vn", "--password", "short", "--role", "buyer"], &db);
    assert!(!out.status.success());

    let backup = dir.path().join("copy.db");
    let out = dacsan(&["backup", backup.to_str().unwrap()], &db);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(backup.metadata().unwrap().len() > 0);
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn add_user(db: &str, email: &str) {
    let out = dacsan(&["user", "add", "--email", email, "--password", "long-password", "--role", "buyer"], db);
    assert!(out.status.success(), "{}", stderr(&out));
}

fn emails(db: &std::path::Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut statement = conn.prepare("SELECT email FROM users ORDER BY email").unwrap();
    statement.query_map([], |row| row.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn a_backup_restores_in_place_of_the_database_and_the_replaced_one_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.db");
    let db = path.to_string_lossy().into_owned();
    add_user(&db, "before@example.vn");
    let backup = dir.path().join("copy.db");
    let out = dacsan(&["backup", backup.to_str().unwrap()], &db);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("integrity ok"), "{}", stdout(&out));
    let out = dacsan(&["backup", backup.to_str().unwrap()], &db);
    assert!(!out.status.success() && stderr(&out).contains("exists already"), "a backup never overwrites");

    add_user(&db, "after@example.vn");
    assert_eq!(emails(&path), ["after@example.vn", "before@example.vn"]);
    let out = dacsan(&["restore", backup.to_str().unwrap()], &db);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("kept as"), "{}", stdout(&out));
    assert_eq!(emails(&path), ["before@example.vn"], "the database is the backup again");
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| {
            name.starts_with("live.db.before-restore-") && !name.ends_with("-wal") && !name.ends_with("-shm")
        })
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(emails(&dir.path().join(&kept[0])), ["after@example.vn", "before@example.vn"]);

    let out = dacsan(&["migrate"], &db);
    assert!(out.status.success(), "the restored database serves: {}", stderr(&out));
}

#[test]
fn restore_refuses_files_that_are_not_whole_dacsan_databases() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.db");
    let db = path.to_string_lossy().into_owned();
    add_user(&db, "kept@example.vn");

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database at all, just some words that are long enough").unwrap();
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);")
        .unwrap();
    let backup = dir.path().join("copy.db");
    assert!(dacsan(&["backup", backup.to_str().unwrap()], &db).status.success());
    let newer = dir.path().join("newer.db");
    std::fs::copy(&backup, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute(
            "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time)
             VALUES (99999, 'from the future', '2030-01-01', 1, x'00', 0)",
            [],
        )
        .unwrap();
    let cut = dir.path().join("cut.db");
    let bytes = std::fs::read(&backup).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();

    for (file, says) in [
        (dir.path().join("missing.db"), "missing.db"),
        (text, "not a SQLite database"),
        (other, "not a dacsan database"),
        (newer, "newer dacsan"),
        (cut, "cut.db"),
    ] {
        let out = dacsan(&["restore", file.to_str().unwrap()], &db);
        assert!(!out.status.success(), "{} restored", file.display());
        assert!(stderr(&out).contains(says), "{}: {}", file.display(), stderr(&out));
        assert_eq!(emails(&path), ["kept@example.vn"], "nothing replaced after {}", file.display());
    }
    let out = dacsan(&["restore", backup.to_str().unwrap(), "--database", "postgres://nobody@127.0.0.1:1/none"], &db);
    assert!(!out.status.success() && stderr(&out).contains("pg_restore"), "{}", stderr(&out));
}
