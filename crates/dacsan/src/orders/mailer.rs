//! The e-mail outbox: every 10 seconds a durable recurring job (one for all
//! servers, see [`crate::jobs`]) sends the notifications not yet e-mailed
//! ([`super::notify`] writes them, in the transaction of what they tell) through
//! SMTP and stamps them `emailed_at`; an SMTP server that is down makes the job try
//! again with backoff.
//! A buyer's go to the order's e-mail address; a seller's to the producer's own
//! address and to every member of the producer. Runs only when `DACSAN_SMTP_URL` and
//! `DACSAN_MAIL_FROM` are set; otherwise notifications stay in the app.

use std::time::Duration;

use anyhow::Context;
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sqlx::Row;

use crate::config::Settings;
use crate::db::{self, Db};

/// Notifications older than this are not e-mailed late (say, when SMTP is first
/// configured on a running market): they stay in the app.
const FRESH_FOR: time::Duration = time::Duration::hours(24);
const BATCH: i64 = 100;

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// `Ok(None)` when no SMTP server is configured; an error when the settings are
    /// half there or malformed, so that a typo stops the start instead of silently
    /// sending nothing.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Option<Mailer>> {
        let url = settings.smtp_url.0.trim();
        let from = settings.mail_from.trim();
        match (url.is_empty(), from.is_empty()) {
            (true, true) => return Ok(None),
            (false, true) => anyhow::bail!("DACSAN_SMTP_URL is set: DACSAN_MAIL_FROM must be set too"),
            (true, false) => anyhow::bail!("DACSAN_MAIL_FROM is set: DACSAN_SMTP_URL must be set too"),
            (false, false) => {}
        }
        let from: Mailbox = from.parse().with_context(|| format!("DACSAN_MAIL_FROM {from:?} is no e-mail address"))?;
        // The URL may hold a password: it is not repeated in the error.
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| anyhow::anyhow!("DACSAN_SMTP_URL is no SMTP URL: {}", e.to_string().replace(url, "…")))?
            .timeout(Some(Duration::from_secs(30)))
            .build();
        Ok(Some(Mailer { transport, from }))
    }
}

/// The recurring job that sends what is waiting.
pub const OUTBOX_JOB: &str = "mail.outbox";
const OUTBOX_EVERY: Duration = Duration::from_secs(10);
/// How long a claimed notification is this run's: a run that died mid-send leaves
/// it to the next run after this.
const CLAIM_FOR: time::Duration = time::Duration::minutes(5);

/// Sends the outbox every 10 seconds, as a job shared by every server.
pub fn register_jobs(handlers: &mut crate::jobs::Handlers, db: &Db, mailer: Mailer) {
    let (db, mailer) = (db.clone(), std::sync::Arc::new(mailer));
    handlers.every(OUTBOX_JOB, OUTBOX_EVERY, move |_| {
        let (db, mailer) = (db.clone(), mailer.clone());
        async move {
            let sent = send_pending(&db, &mailer).await?;
            if sent > 0 {
                tracing::info!(count = sent, "e-mailed {sent} notifications");
            }
            Ok(())
        }
    });
}

/// A notification waiting to be e-mailed.
struct Pending {
    id: i64,
    producer_id: Option<i64>,
    user_id: Option<i64>,
    email: Option<String>,
    subject: String,
    body: String,
}

/// Notifications waiting to be e-mailed (those [`send_pending`] would take).
pub async fn waiting(db: &Db) -> anyhow::Result<i64> {
    let since = fresh_since();
    sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE emailed_at IS NULL AND created_at >= $1")
        .bind(since)
        .fetch_one(&db.pool)
        .await
        .context("count notifications to e-mail")
}

fn fresh_since() -> String {
    db::time_text(time::OffsetDateTime::now_utc() - FRESH_FOR)
}

/// Sends what is waiting; returns how many messages went out. Each row is claimed
/// for a few minutes before it is sent, so two senders never send it twice, and
/// stamped `emailed_at` once sent; a sender that dies between the two leaves the
/// claim to run out, and the row is sent again rather than lost. A transient
/// failure (server down) gives the row back and ends the round with an error, a
/// permanent one (address refused) is logged and not retried. A row with no
/// address at all is stamped too: there is nothing to send.
pub async fn send_pending(db: &Db, mailer: &Mailer) -> anyhow::Result<usize> {
    let since = fresh_since();
    let rows = sqlx::query(
        "SELECT id, producer_id, user_id, email, subject, body FROM notifications
         WHERE emailed_at IS NULL AND created_at >= $1 AND (email_claimed_at IS NULL OR email_claimed_at < $2)
         ORDER BY id LIMIT $3",
    )
    .bind(since)
    .bind(claims_expired_before())
    .bind(BATCH)
    .fetch_all(&db.pool)
    .await
    .context("list notifications to e-mail")?;
    let mut sent = 0;
    for row in rows {
        let pending = Pending {
            id: row.try_get(0)?,
            producer_id: row.try_get(1)?,
            user_id: row.try_get(2)?,
            email: row.try_get(3)?,
            subject: row.try_get(4)?,
            body: row.try_get(5)?,
        };
        if !claim(db, pending.id).await? {
            continue;
        }
        let recipients = recipients(db, &pending).await?;
        if recipients.is_empty() {
            tracing::debug!(notification = pending.id, "no e-mail address for notification {}", pending.id);
            stamp(db, pending.id).await?;
            continue;
        }
        let message = build_message(&mailer.from, &recipients, &pending.subject, &pending.body)?;
        match mailer.transport.send(message).await {
            Ok(_) => sent += 1,
            Err(err) if err.is_permanent() => {
                tracing::warn!(notification = pending.id, error = %err, "e-mail refused; not retried");
            }
            Err(err) => {
                release(db, pending.id).await?;
                return Err(err).context("send e-mail");
            }
        }
        stamp(db, pending.id).await?;
    }
    Ok(sent)
}

fn claims_expired_before() -> String {
    db::time_text(time::OffsetDateTime::now_utc() - CLAIM_FOR)
}

/// Takes a row for this sender, unless another holds a claim that still runs.
async fn claim(db: &Db, id: i64) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE notifications SET email_claimed_at = $1
         WHERE id = $2 AND emailed_at IS NULL AND (email_claimed_at IS NULL OR email_claimed_at < $3)",
    )
    .bind(db::now())
    .bind(id)
    .bind(claims_expired_before())
    .execute(&db.pool)
    .await
    .context("claim a notification")?;
    Ok(done.rows_affected() == 1)
}

/// Gives a row back at once (the SMTP server did not take it).
async fn release(db: &Db, id: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE notifications SET email_claimed_at = NULL WHERE id = $1")
        .bind(id)
        .execute(&db.pool)
        .await
        .context("release a notification")?;
    Ok(())
}

/// Sent (or nothing to send): never again.
async fn stamp(db: &Db, id: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE notifications SET emailed_at = $1 WHERE id = $2")
        .bind(db::now())
        .bind(id)
        .execute(&db.pool)
        .await
        .context("stamp an e-mailed notification")?;
    Ok(())
}

/// The addresses a notification goes to, each once; unparsable ones are skipped.
async fn recipients(db: &Db, n: &Pending) -> anyhow::Result<Vec<Mailbox>> {
    let addresses: Vec<String> = if let Some(producer_id) = n.producer_id {
        sqlx::query_scalar(
            "SELECT email FROM producers WHERE id = $1 AND email IS NOT NULL
             UNION SELECT u.email FROM producer_members m JOIN users u ON u.id = m.user_id WHERE m.producer_id = $1",
        )
        .bind(producer_id)
        .fetch_all(&db.pool)
        .await
        .context("seller e-mail addresses")?
    } else if let Some(email) = n.email.clone().filter(|e| !e.trim().is_empty()) {
        vec![email]
    } else if let Some(user_id) = n.user_id {
        sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_all(&db.pool)
            .await
            .context("buyer e-mail address")?
    } else {
        Vec::new()
    };
    let key = |m: &Mailbox| m.email.to_string().to_lowercase();
    let mut boxes: Vec<Mailbox> = Vec::new();
    for address in addresses {
        match address.trim().parse::<Mailbox>() {
            Ok(mailbox) if !boxes.iter().any(|b| key(b) == key(&mailbox)) => boxes.push(mailbox),
            Ok(_) => {}
            Err(_) => tracing::debug!(notification = n.id, "skipped an unusable e-mail address"),
        }
    }
    Ok(boxes)
}

/// A plain-text UTF-8 message (Vietnamese subjects are encoded per RFC 2047).
pub fn build_message(from: &Mailbox, to: &[Mailbox], subject: &str, body: &str) -> anyhow::Result<Message> {
    let builder = to.iter().fold(Message::builder().from(from.clone()), |b, to| b.to(to.clone()));
    builder
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(format!("{body}\n\n-- \nĐặc sản / dacsan\n"))
        .context("build an e-mail")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mailbox(text: &str) -> Mailbox {
        text.parse().unwrap()
    }

    #[test]
    fn messages_carry_sender_recipients_subject_and_body() {
        let from = mailbox("Đặc sản <no-reply@dacsan.test>");
        let to = [mailbox("lan@example.vn"), mailbox("htx@example.vn")];
        let message =
            build_message(&from, &to, "Đơn hàng DSAB12CD34: paid", "Đơn hàng DSAB12CD34 đã thanh toán.").unwrap();
        let envelope = message.envelope();
        assert_eq!(envelope.from().map(ToString::to_string).as_deref(), Some("no-reply@dacsan.test"));
        let rcpt: Vec<String> = envelope.to().iter().map(ToString::to_string).collect();
        assert_eq!(rcpt, ["lan@example.vn", "htx@example.vn"]);
        let text = String::from_utf8(message.formatted()).unwrap();
        assert!(text.contains("To: lan@example.vn, htx@example.vn\r\n"), "{text}");
        assert!(text.contains("Subject: =?utf-8?"), "non-ASCII subjects are encoded: {text}");
        assert!(text.contains("Content-Type: text/plain; charset=utf-8"), "{text}");
        assert!(!text.contains("Đơn hàng"), "the body is transfer-encoded, not raw 8-bit: {text}");
    }

    #[test]
    fn settings_must_be_complete() {
        let settings = |url: &str, from: &str| Settings {
            smtp_url: crate::config::Secret(url.into()),
            mail_from: from.into(),
            ..Settings::default()
        };
        assert!(Mailer::from_settings(&settings("", "")).unwrap().is_none(), "unset: no e-mail");
        assert!(Mailer::from_settings(&settings("smtp://u:pw@localhost:2525", "")).is_err());
        assert!(Mailer::from_settings(&settings("", "a@b.vn")).is_err());
        assert!(Mailer::from_settings(&settings("smtp://u:pw@localhost:2525", "not an address")).is_err());
        let bad = Mailer::from_settings(&settings("ftp://u:secret-pw@host", "a@b.vn")).err().unwrap();
        assert!(!format!("{bad:#}").contains("secret-pw"), "{bad:#}");
        assert!(Mailer::from_settings(&settings("smtp://u:pw@localhost:2525", "Đặc sản <a@b.vn>")).unwrap().is_some());
    }
}
