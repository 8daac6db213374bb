//! Reading a multipart form (text fields and picture files) with its CSRF token
//! checked, for the pages that upload photos.

use std::collections::HashMap;

use axum::extract::Multipart;
use axum_extra::extract::CookieJar;

use super::csrf;
use super::messages;
use crate::error::{AppError, Message};
use crate::media::model::MAX_UPLOAD_BYTES;

/// At most this many pictures in one form.
pub const MAX_FILES: usize = 10;

/// The body limit of routes that take uploads: up to 10 pictures of 8 MB and the form.
pub const UPLOAD_LIMIT: usize = 90 * 1024 * 1024;

/// A multipart body (or its part `field`) that axum could not read, as a refusal
/// of that field; axum's reason (`body_text()`) is kept as the detail.
pub fn unreadable(field: &str, detail: String) -> AppError {
    AppError::invalid(field, Message::from(messages::FORM_UNREADABLE).with("detail", detail))
}

#[derive(Default)]
pub struct UploadForm {
    pub fields: HashMap<String, String>,
    /// (field name, bytes) of each non-empty file.
    pub files: Vec<(String, Vec<u8>)>,
}

impl UploadForm {
    pub fn text(&self, name: &str) -> Option<String> {
        self.fields.get(name).cloned()
    }

    /// Reads every part; refuses a wrong CSRF token, too many or too large files.
    pub async fn read(jar: &CookieJar, mut multipart: Multipart) -> Result<UploadForm, AppError> {
        let mut form = UploadForm::default();
        while let Some(field) = multipart.next_field().await.map_err(|e| unreadable("form", e.body_text()))? {
            let name = field.name().unwrap_or("").to_string();
            if field.file_name().is_some() {
                let bytes = field.bytes().await.map_err(|e| unreadable(&name, e.body_text()))?;
                if bytes.is_empty() {
                    continue;
                }
                if bytes.len() > MAX_UPLOAD_BYTES {
                    return Err(AppError::TooLarge(crate::media::messages::PHOTOS_UP_TO_8_MB.into()));
                }
                if form.files.len() >= MAX_FILES {
                    return Err(AppError::invalid(&name, messages::AT_MOST_10_PHOTOS));
                }
                form.files.push((name, bytes.to_vec()));
            } else {
                let value = field.text().await.map_err(|e| unreadable(&name, e.body_text()))?;
                form.fields.insert(name, value);
            }
        }
        let sent = form.fields.get("csrf").map(String::as_str).unwrap_or("");
        if !csrf::token_matches(jar, sent) {
            return Err(AppError::Forbidden);
        }
        Ok(form)
    }
}
