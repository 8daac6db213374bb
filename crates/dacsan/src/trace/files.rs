//! Test results, certificates and attachments of a batch: the type is sniffed from
//! the bytes (PDF, JPEG, PNG, WebP only), the size capped, and a test result or a
//! certificate is chained as an event so that the record proves which file it was.

use serde_json::{Map, json};

use super::messages;
use super::model::EventKind;
use super::service::{self, EventContent, Recorder};
use super::state::TraceState;
use super::store::{self, Batch, TraceFile};
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult, Message};
use crate::web::multipart::unreadable;

/// Largest test result, certificate or attachment.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

#[derive(Debug, Default)]
pub struct Upload {
    pub kind: String,
    pub title: String,
    pub bytes: Vec<u8>,
    /// The form's CSRF token (the seller page sends one; API clients do not).
    pub csrf: String,
}

/// Reads the multipart fields `file`, `kind`, `title` (and `csrf`).
pub async fn read_upload(mut multipart: axum::extract::Multipart) -> AppResult<Upload> {
    let mut upload = Upload::default();
    while let Some(field) = multipart.next_field().await.map_err(|e| unreadable("form", e.body_text()))? {
        let name = field.name().unwrap_or("").to_string();
        if name == "file" {
            upload.bytes = field.bytes().await.map_err(|e| unreadable("file", e.body_text()))?.to_vec();
            continue;
        }
        let text = field.text().await.map_err(|e| unreadable(&name, e.body_text()))?;
        match name.as_str() {
            "kind" => upload.kind = text,
            "title" => upload.title = text,
            "csrf" => upload.csrf = text,
            _ => {}
        }
    }
    Ok(upload)
}

/// The content type of a file from its first bytes, if it is one we keep.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

/// An upload's content type and trimmed title, once it is a PDF or a picture of at
/// most 5 MB with a title of 1 to 200 characters.
pub fn checked(upload: &Upload) -> AppResult<(&'static str, &str)> {
    if upload.bytes.is_empty() {
        return Err(AppError::invalid("file", messages::NO_FILE_SENT));
    }
    if upload.bytes.len() > MAX_FILE_BYTES {
        return Err(AppError::TooLarge(messages::FILES_UP_TO_5_MB.into()));
    }
    let content_type =
        sniff(&upload.bytes).ok_or_else(|| AppError::invalid("file", messages::PDF_JPEG_PNG_OR_WEBP_ONLY))?;
    let title = upload.title.trim();
    if title.is_empty() || title.chars().count() > 200 {
        return Err(AppError::invalid("title", messages::TITLE_UP_TO_200_CHARACTERS));
    }
    Ok((content_type, title))
}

/// Checks and stores an upload; a test result or certificate also becomes an event.
pub async fn store_file(state: &TraceState, batch: &Batch, user: &CurrentUser, upload: Upload) -> AppResult<TraceFile> {
    let event_kind = match upload.kind.trim() {
        "test_result" => Some(EventKind::QualityTest),
        "certificate" => Some(EventKind::Certification),
        "attachment" | "" => None,
        other => {
            return Err(AppError::invalid("kind", Message::from(messages::FILE_KIND_ONE_OF).with("kind", other)));
        }
    };
    let (content_type, title) = checked(&upload)?;
    let kind = if event_kind.is_some() { upload.kind.trim() } else { "attachment" };
    let file = store::insert_file(&state.db, batch.id, kind, title, content_type, &upload.bytes).await?;
    if let Some(event_kind) = event_kind {
        let mut fields = Map::new();
        fields.insert("note".into(), json!(title));
        fields.insert(
            "attachments".into(),
            json!([{"id": file.id, "title": file.title, "sha256": file.sha256, "content_type": file.content_type}]),
        );
        fields.insert("epcis".into(), service::epcis_terms(event_kind, None));
        let content = EventContent {
            kind: event_kind,
            time: time::OffsetDateTime::now_utc().to_offset(time::macros::offset!(+7)),
            corrects: None,
            event_id: None,
            fields,
        };
        service::append(state, batch, Recorder::from(user), content).await?;
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_documents_and_pictures_are_kept() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some("application/pdf"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(sniff(b"<html><script>"), None);
        assert_eq!(sniff(b"MZ\x90\x00"), None);
    }
}
