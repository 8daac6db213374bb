//! Roles, e-mail addresses and passwords (argon2id, PHC strings).

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use serde::Serialize;

use super::messages;
use crate::error::Text;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::EnumString, strum::IntoStaticStr, strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Role {
    Buyer,
    Seller,
    Officer,
    Admin,
}

impl Role {
    pub fn parse(value: &str) -> Option<Role> {
        value.parse().ok()
    }

    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// A plausible e-mail address, lower-cased: something@domain.tld, no spaces.
pub fn parse_email(input: &str) -> Result<String, Text> {
    let email = input.trim().to_lowercase();
    let Some((local, domain)) = email.split_once('@') else {
        return Err(messages::EMAIL_MISSING_AT);
    };
    let ok = !local.is_empty()
        && email.len() <= 254
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c == ',' || c == ';')
        && !domain.contains('@');
    if ok { Ok(email) } else { Err(messages::EMAIL_INVALID) }
}

pub const MIN_PASSWORD_LEN: usize = 8;

/// The privacy notice in force (`/privacy`). A person whose last consent to the
/// account names an older version is asked again at the next sign-in.
pub const PRIVACY_NOTICE_VERSION: &str = "2026-01";

/// At least [`MIN_PASSWORD_LEN`] characters (the message says 8), at most 1024 bytes.
pub fn check_password_strength(password: &str) -> Result<(), Text> {
    if password.chars().count() < MIN_PASSWORD_LEN {
        return Err(messages::PASSWORD_TOO_SHORT);
    }
    if password.len() > 1024 {
        return Err(messages::PASSWORD_TOO_LONG);
    }
    Ok(())
}

pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hash a password: {e}"))
}

pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
        .unwrap_or(false)
}

/// A dummy hash verified when the e-mail is unknown, so that the answer takes as
/// long as for a known e-mail and does not reveal which addresses have accounts.
pub fn equalise_timing(password: &str) {
    static DUMMY: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| hash_password("not-a-real-password").unwrap_or_default());
    let _ = verify_password(password, &DUMMY);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_round_trip() {
        let hash = hash_password("mật khẩu dài").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("mật khẩu dài", &hash));
        assert!(!verify_password("mat khau dai", &hash));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn emails_are_checked_and_lower_cased() {
        assert_eq!(parse_email(" Lan@Example.VN ").unwrap(), "lan@example.vn");
        for bad in ["", "lan", "lan@", "@x.vn", "lan@vn", "a b@x.vn", "a@b@c.vn"] {
            assert!(parse_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn short_passwords_are_refused() {
        assert!(check_password_strength("1234567").is_err());
        assert!(check_password_strength("12345678").is_ok());
    }

    #[test]
    fn roles_parse_their_names() {
        for role in [Role::Buyer, Role::Seller, Role::Officer, Role::Admin] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
