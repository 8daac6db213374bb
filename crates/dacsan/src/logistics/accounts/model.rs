//! What a producer's own carrier account holds (the token and the shop id the
//! carrier gave), how it is checked when entered, and how it is shown: never the
//! token, only its last four characters.

use serde::{Deserialize, Serialize};

use super::messages;
use crate::error::FieldErrors;

/// The credentials as sealed in `carrier_accounts.credentials` (JSON).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credentials {
    pub token: String,
    /// GHN's `ShopId`, GHTK's `X-Client-Source`, Viettel Post's `GROUPADDRESS_ID`,
    /// VNPost's `customerCode` (see `carriers::Config`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shop_id: Option<String>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials").field("token", &"(redacted)").field("shop_id", &self.shop_id).finish()
    }
}

/// `PUT /api/v1/producers/{id}/carrier-accounts/{carrier}`.
#[derive(Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct AccountInput {
    /// The API token the carrier gave the producer.
    pub token: String,
    /// The shop or sender id the carrier gave, where it uses one (GHN `ShopId`).
    pub shop_id: Option<String>,
}

impl std::fmt::Debug for AccountInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccountInput").field("token", &"(redacted)").field("shop_id", &self.shop_id).finish()
    }
}

const TOKEN_LEN: std::ops::RangeInclusive<usize> = 8..=512;
const SHOP_ID_MAX: usize = 40;

impl AccountInput {
    /// Checks what the carriers' headers can carry: a token of 8 to 512 visible
    /// characters (no spaces), a shop id of letters, digits, `-`, `_` or `.`.
    pub fn check(&self) -> Result<Credentials, FieldErrors> {
        let mut errors = FieldErrors::default();
        let token = self.token.trim();
        if !TOKEN_LEN.contains(&token.chars().count()) || !token.bytes().all(|b| b.is_ascii_graphic()) {
            errors.add("token", messages::THE_TOKEN_AS_THE_CARRIER_GAVE);
        }
        let shop_id = self.shop_id.as_deref().map(str::trim).filter(|s| !s.is_empty());
        if let Some(shop) = shop_id
            && (shop.len() > SHOP_ID_MAX || !shop.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)))
        {
            errors.add("shop_id", messages::THE_SHOP_ID_AT_MOST_40);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Credentials { token: token.to_string(), shop_id: shop_id.map(str::to_string) })
    }
}

/// `••••9f3a`: the token's last four characters, enough to tell two apart.
pub fn mask(token: &str) -> String {
    let chars: Vec<char> = token.chars().collect();
    let tail: String = chars[chars.len().saturating_sub(4)..].iter().collect();
    format!("••••{tail}")
}

/// A producer's account as its sellers see it (`GET …/carrier-accounts`).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AccountView {
    /// `ghn`, `ghtk`, `viettelpost` or `vnpost`.
    pub carrier: String,
    /// The token's last four characters (`••••9f3a`); null when it cannot be read.
    pub token_hint: Option<String>,
    pub shop_id: Option<String>,
    /// `true` when parcels book with it: this server knows the carrier's API address.
    pub usable: bool,
    /// When it was last saved (UTC, RFC 3339).
    pub updated_at: String,
    /// Why it cannot be used, in words; null when it can.
    pub problem: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(token: &str, shop_id: Option<&str>) -> AccountInput {
        AccountInput { token: token.into(), shop_id: shop_id.map(Into::into) }
    }

    #[test]
    fn tokens_and_shop_ids_are_checked_as_carriers_headers_carry_them() {
        let ok = input("  0a1b2c3d-4e5f-6789-abcd-ef0123456789 ", Some(" 81558 ")).check().unwrap();
        assert_eq!(ok.token, "0a1b2c3d-4e5f-6789-abcd-ef0123456789");
        assert_eq!(ok.shop_id.as_deref(), Some("81558"));
        assert_eq!(input("abcdefgh", Some("  ")).check().unwrap().shop_id, None);
        for (bad, field) in [
            (input("short", None), "token"),
            (input("has a space inside", None), "token"),
            (input("tôken-có-dấu", None), "token"),
            (input(&"x".repeat(513), None), "token"),
            (input("abcdefgh", Some("81 558")), "shop_id"),
            (input("abcdefgh", Some(&"9".repeat(41))), "shop_id"),
        ] {
            let errors = bad.check().unwrap_err();
            assert!(errors.get(field).is_some(), "{bad:?} → {field}");
        }
    }

    #[test]
    fn a_token_is_shown_by_its_last_four_characters_and_never_printed() {
        assert_eq!(mask("0a1b2c3d-4e5f-9f3a"), "••••9f3a");
        assert_eq!(mask("abc"), "••••abc");
        let secret = input("very-secret-token", Some("81558"));
        assert!(!format!("{secret:?}").contains("very-secret"));
        let creds = secret.check().unwrap();
        assert!(!format!("{creds:?}").contains("very-secret"));
    }
}
