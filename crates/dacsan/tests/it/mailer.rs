//! The e-mail outbox against a tiny fake SMTP server on the loopback interface.

use std::sync::{Arc, Mutex};

use dacsan::auth::Role;
use dacsan::config::{Secret, Settings};
use dacsan::orders::mailer::{self, Mailer};
use reqwest::Method;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use crate::helpers::{spawn_app_with, test_settings};
use crate::orders::{checkout_body, two_stores};

/// A message as the server received it: the envelope recipients and the data.
#[derive(Debug, Clone)]
pub struct Received {
    pub rcpt: Vec<String>,
    pub data: String,
}

/// Speaks just enough SMTP (RFC 5321) for one client at a time: greeting, EHLO,
/// MAIL, RCPT, DATA, QUIT.
pub async fn fake_smtp() -> (u16, Arc<Mutex<Vec<Received>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let inbox = Arc::new(Mutex::new(Vec::new()));
    let store = inbox.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let store = store.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 fake.test ESMTP\r\n").await.unwrap();
                let mut rcpt = Vec::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    let verb = line.split([' ', ':']).next().unwrap_or("").to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 fake.test\r\n",
                        "MAIL" | "RSET" | "NOOP" => b"250 OK\r\n",
                        "RCPT" => {
                            let to = line.split(['<', '>']).nth(1).unwrap_or("").to_string();
                            rcpt.push(to);
                            b"250 OK\r\n"
                        }
                        "DATA" => {
                            write.write_all(b"354 go ahead\r\n").await.unwrap();
                            let mut data = String::new();
                            while let Ok(Some(line)) = lines.next_line().await {
                                if line == "." {
                                    break;
                                }
                                data.push_str(&line);
                                data.push('\n');
                            }
                            store.lock().unwrap().push(Received { rcpt: std::mem::take(&mut rcpt), data });
                            b"250 queued\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        }
                        _ => b"502 not implemented\r\n",
                    };
                    write.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (port, inbox)
}

/// A server whose outbox goes to the fake SMTP server, a mailer of its own for
/// the test to send with, and the inbox.
async fn app_with_smtp() -> (crate::helpers::TestApp, Mailer, Arc<Mutex<Vec<Received>>>) {
    let (port, inbox) = fake_smtp().await;
    let settings = Settings {
        smtp_url: Secret(format!("smtp://127.0.0.1:{port}")),
        mail_from: "Đặc sản <no-reply@dacsan.test>".into(),
        ..test_settings()
    };
    let mailer = Mailer::from_settings(&settings).unwrap().expect("configured");
    (spawn_app_with(settings).await, mailer, inbox)
}

#[tokio::test]
async fn order_notifications_are_emailed_to_buyer_and_seller() {
    let (app, mailer, inbox) = app_with_smtp().await;
    let (a, _) = two_stores(&app).await;
    let (_, seller_email, _) = app.user(Role::Seller, Some(a.producer_id)).await;
    let (status, body) =
        app.send_json(Method::POST, "/api/v1/checkout", None, &checkout_body(&[(a.id, 1)], "cod")).await;
    assert_eq!(status, 201, "{body}");
    let code = body["orders"][0]["code"].as_str().unwrap().to_string();

    // The worker runs every 10 s; the test does not wait for it.
    mailer::send_pending(&app.state.db, &mailer).await.unwrap();
    let received = inbox.lock().unwrap().clone();
    let to = |address: &str| received.iter().find(|m| m.rcpt.iter().any(|r| r == address)).cloned();
    let buyer = to("lan@example.vn").expect("the buyer's message");
    let seller = to(&seller_email).expect("the seller's message");
    assert!(buyer.data.contains("From: =?utf-8?") && buyer.data.contains("<no-reply@dacsan.test>"), "{}", buyer.data);
    assert!(buyer.data.contains(&code) && seller.data.contains(&code), "the order code is in the subjects");
    assert!(encoded_words(&buyer.data).contains("Đã nhận đơn hàng"), "{}", buyer.data);
    assert!(encoded_words(&seller.data).contains("Đơn hàng mới"), "{}", seller.data);
    assert!(!buyer.rcpt.contains(&seller_email), "buyer and seller get separate messages");
    assert_eq!(mailer::send_pending(&app.state.db, &mailer).await.unwrap(), 0, "each notification is sent once");
}

/// The text of the RFC 2047 `=?utf-8?b?…?=` words of a message, decoded and joined.
fn encoded_words(data: &str) -> String {
    use base64::Engine;
    let mut bytes = Vec::new();
    let mut rest = data;
    while let Some(at) = rest.find("=?utf-8?b?") {
        let word = &rest[at + "=?utf-8?b?".len()..];
        let Some(end) = word.find("?=") else { break };
        bytes.extend(base64::engine::general_purpose::STANDARD.decode(&word[..end]).expect("base64"));
        rest = &word[end + 2..];
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The outbox is a durable job shared by every server; a sender that died after
/// claiming a notification (and before stamping it sent) leaves the claim to run
/// out, and the next run sends it instead of losing it.
#[tokio::test]
async fn a_notification_claimed_by_a_sender_that_died_is_sent_once_its_claim_runs_out() {
    let (app, mailer, inbox) = app_with_smtp().await;
    let outbox_jobs: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE kind = $1 AND status IN ('queued', 'running')")
            .bind(mailer::OUTBOX_JOB)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(outbox_jobs, 1, "one outbox job waiting, for all servers");

    let (a, _) = two_stores(&app).await;
    app.user(Role::Seller, Some(a.producer_id)).await;
    let (status, body) =
        app.send_json(Method::POST, "/api/v1/checkout", None, &checkout_body(&[(a.id, 1)], "cod")).await;
    assert_eq!(status, 201, "{body}");
    let order_id = body["orders"][0]["id"].as_i64().unwrap();
    let claim = |minutes_ago: i64| {
        let at = time::OffsetDateTime::now_utc() - time::Duration::minutes(minutes_ago);
        dacsan::db::time_text(at)
    };
    // Another sender claimed both a minute ago and is (as far as anyone knows) still at it.
    sqlx::query("UPDATE notifications SET email_claimed_at = $1 WHERE order_id = $2")
        .bind(claim(1))
        .bind(order_id)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(mailer::send_pending(&app.state.db, &mailer).await.unwrap(), 0, "a running claim is left alone");
    assert!(inbox.lock().unwrap().is_empty());

    // It died: ten minutes on, its claims have run out.
    sqlx::query("UPDATE notifications SET email_claimed_at = $1 WHERE order_id = $2")
        .bind(claim(10))
        .bind(order_id)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(mailer::send_pending(&app.state.db, &mailer).await.unwrap(), 2, "buyer and seller, sent after all");
    assert_eq!(mailer::send_pending(&app.state.db, &mailer).await.unwrap(), 0, "and stamped sent");
    assert_eq!(inbox.lock().unwrap().len(), 2);
}
