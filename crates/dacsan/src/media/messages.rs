//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const NOT_A_PICTURE: Text =
    ("media.not_a_picture", "không phải ảnh JPEG, PNG hay WebP", "not a JPEG, PNG or WebP picture");
pub const ONLY_JPEG_PNG_OR_WEBP: Text =
    ("media.only_jpeg_png_or_webp", "chỉ nhận ảnh JPEG, PNG hoặc WebP", "only JPEG, PNG or WebP");
pub const DAMAGED: Text = ("media.damaged", "ảnh bị hỏng", "the picture is damaged");
pub const TOO_MANY_PIXELS: Text =
    ("media.too_many_pixels", "ảnh quá lớn (tối đa 8000 × 8000 điểm ảnh)", "picture too large (8000 × 8000 at most)");
pub const PICTURE: Text = ("media.picture", "ảnh", "picture");

pub const PHOTOS_UP_TO_8_MB: Text = ("media.photos_up_to_8_mb", "ảnh tối đa 8 MB", "photos up to 8 MB");

pub const TEXTS: &[Text] =
    &[PHOTOS_UP_TO_8_MB, NOT_A_PICTURE, ONLY_JPEG_PNG_OR_WEBP, DAMAGED, TOO_MANY_PIXELS, PICTURE];
