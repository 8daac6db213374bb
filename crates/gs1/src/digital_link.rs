//! GS1 Digital Link URIs for trade items: [`DigitalLink`] builds and reads the paths
//! `/01/{gtin}`, `/01/{gtin}/10/{lot}`, `/01/{gtin}/21/{serial}` and
//! `/01/{gtin}/10/{lot}/21/{serial}` that a QR code on a product carries.
//!
//! Implements GS1 Digital Link Standard: URI Syntax 1.2, whose ABNF grammar gives
//! `gtin-path = gtin-comp [cpv-comp] [lot-comp] [ser-comp]`. The consumer product
//! variant, AI (22), and query-string data attributes are not modelled.

use crate::ai82::{AiValueError, Lot, Serial};
use crate::gtin::Gtin;
use crate::key::KeyError;

/// GS1's own resolver; a Digital Link URI on this domain is the canonical one.
pub const ID_GS1_ORG: &str = "https://id.gs1.org";

/// A GTIN with an optional batch/lot and an optional serial number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DigitalLink {
    /// AI (01); always written as 14 digits.
    pub gtin: Gtin,
    /// AI (10).
    pub lot: Option<Lot>,
    /// AI (21).
    pub serial: Option<Serial>,
}

/// Why a Digital Link path or URI was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DigitalLinkError {
    /// Not an `http` or `https` URI.
    #[error("not an http(s) URI")]
    NotHttp,
    /// The path does not start with `/01/`.
    #[error("no GTIN: the path must start with /01/")]
    NoGtin,
    /// The GTIN was refused.
    #[error("GTIN (AI 01): {0}")]
    Gtin(KeyError),
    /// The batch/lot was refused.
    #[error("lot (AI 10): {0}")]
    Lot(AiValueError),
    /// The serial number was refused.
    #[error("serial (AI 21): {0}")]
    Serial(AiValueError),
    /// A segment where `10` or `21` was expected, or those out of order or twice.
    #[error("unexpected {segment:?} after the GTIN: only /10/{{lot}} then /21/{{serial}} may follow")]
    Unexpected {
        /// The segment found.
        segment: String,
    },
    /// A `%` not followed by two hex digits, or escapes that are not UTF-8.
    #[error("bad percent-encoding in {segment:?}")]
    PercentEncoding {
        /// The raw segment.
        segment: String,
    },
    /// A character that may not appear raw in a URI path segment.
    #[error("{found:?} must be percent-encoded")]
    Unencoded {
        /// The raw character.
        found: char,
    },
}

impl DigitalLink {
    /// The path, e.g. `/01/08934563138165/10/L%2F01`.
    ///
    /// The GTIN is written as 14 digits. Lot and serial are percent-encoded: of set
    /// 82 only letters, digits, `-`, `.` and `_` stay as they are; the grammar's
    /// `XSYMBOL` writes the other symbols as `%XX`, and RFC 3986 allows no raw `"`.
    pub fn path(&self) -> String {
        let mut path = format!("/01/{}", self.gtin.as_gtin14());
        if let Some(lot) = &self.lot {
            path.push_str("/10/");
            percent_encode(lot.as_str(), &mut path);
        }
        if let Some(serial) = &self.serial {
            path.push_str("/21/");
            percent_encode(serial.as_str(), &mut path);
        }
        path
    }

    /// The URI under `base`, a scheme and domain with an optional path prefix, e.g.
    /// [`ID_GS1_ORG`] or `https://dacsan.vn`. A trailing `/` on `base` is ignored.
    ///
    /// ```
    /// use gs1::{DigitalLink, Gtin, Lot};
    /// let link = DigitalLink {
    ///     gtin: Gtin::parse("8934563138165").unwrap(),
    ///     lot: Some(Lot::parse("L/01").unwrap()),
    ///     serial: None,
    /// };
    /// assert_eq!(
    ///     link.to_uri("https://id.gs1.org/"),
    ///     "https://id.gs1.org/01/08934563138165/10/L%2F01"
    /// );
    /// ```
    pub fn to_uri(&self, base: &str) -> String {
        format!("{}{}", base.trim_end_matches('/'), self.path())
    }

    /// Reads a path that starts at `/01/`. A GTIN-8, -12 or -13 is accepted and
    /// becomes 14 digits when written again. Lot and serial are percent-decoded;
    /// characters RFC 3986 allows raw in a path segment (`(`, `+`, `:` …) are also
    /// accepted unencoded.
    pub fn parse_path(path: &str) -> Result<Self, DigitalLinkError> {
        let rest = path.strip_prefix("/01/").ok_or(DigitalLinkError::NoGtin)?;
        let mut segments = rest.split('/');
        let gtin = segments.next().unwrap_or_default();
        let gtin = Gtin::parse_exact(&percent_decode(gtin)?).map_err(DigitalLinkError::Gtin)?;
        let mut link = Self { gtin, lot: None, serial: None };
        while let Some(ai) = segments.next() {
            let value = segments.next().unwrap_or_default();
            match ai {
                "10" if link.lot.is_none() && link.serial.is_none() => {
                    let lot = Lot::parse_exact(&percent_decode(value)?);
                    link.lot = Some(lot.map_err(DigitalLinkError::Lot)?);
                }
                "21" if link.serial.is_none() => {
                    let serial = Serial::parse_exact(&percent_decode(value)?);
                    link.serial = Some(serial.map_err(DigitalLinkError::Serial)?);
                }
                _ => {
                    return Err(DigitalLinkError::Unexpected { segment: ai.to_owned() });
                }
            }
        }
        Ok(link)
    }

    /// Reads a whole URI as scanned from a QR code: `http` or `https`, any domain,
    /// an optional path prefix before `/01/`; the query string and fragment are
    /// ignored.
    pub fn parse_uri(uri: &str) -> Result<Self, DigitalLinkError> {
        let uri = uri.split(['?', '#']).next().unwrap_or_default();
        let after_scheme = strip_prefix_ignore_case(uri, "https://")
            .or_else(|| strip_prefix_ignore_case(uri, "http://"))
            .ok_or(DigitalLinkError::NotHttp)?;
        let path = after_scheme.find('/').map(|start| &after_scheme[start..]).ok_or(DigitalLinkError::NoGtin)?;
        Self::parse_path(strip_path_prefix(path))
    }
}

/// Drops a path prefix such as `/products` in `/products/01/…`.
///
/// A Digital Link path after its prefix is pairs of AI and value, so the key's
/// `01` is the right-most `01` segment followed by an odd number of segments; a
/// lot or serial equal to `01` never is.
fn strip_path_prefix(path: &str) -> &str {
    let starts: Vec<usize> = path.match_indices('/').map(|(i, _)| i).collect();
    let segments = starts.len();
    starts
        .iter()
        .enumerate()
        .rev()
        .find(|&(n, &start)| {
            let after = segments - n - 1;
            after % 2 == 1 && path[start..].starts_with("/01/")
        })
        .map_or(path, |(_, &start)| &path[start..])
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}

/// Appends `value` with every byte other than letters, digits, `-`, `.` and `_`
/// written as `%XX` (upper-case hex, RFC 3986 §2.1).
fn percent_encode(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0F)]));
        }
    }
}

/// Decodes `%XX` escapes in one path segment; raw characters must be ones RFC 3986
/// §3.3 allows in a segment (`pchar`).
fn percent_decode(segment: &str) -> Result<String, DigitalLinkError> {
    let bad_escape = || DigitalLinkError::PercentEncoding { segment: segment.to_owned() };
    let bytes = segment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if byte == b'%' {
            let high = bytes.get(i + 1).and_then(|b| hex_value(*b));
            let low = bytes.get(i + 2).and_then(|b| hex_value(*b));
            let (Some(high), Some(low)) = (high, low) else {
                return Err(bad_escape());
            };
            decoded.push((high << 4) | low);
            i += 3;
        } else if is_pchar(byte) {
            decoded.push(byte);
            i += 1;
        } else {
            // Every byte consumed so far was ASCII, so `i` is a char boundary.
            let found = segment[i..].chars().next().unwrap_or_default();
            return Err(DigitalLinkError::Unencoded { found });
        }
    }
    String::from_utf8(decoded).map_err(|_| bad_escape())
}

fn hex_value(byte: u8) -> Option<u8> {
    char::from(byte).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

/// RFC 3986 `pchar` without `pct-encoded`: unreserved, sub-delims, `:` and `@`.
fn is_pchar(byte: u8) -> bool {
    byte.is_ascii_alphanumeric()
        || matches!(
            byte,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'@'
        )
}

#[cfg(test)]
mod tests;
