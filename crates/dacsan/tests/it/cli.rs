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
