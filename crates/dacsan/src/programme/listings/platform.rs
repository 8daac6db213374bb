//! The channels a product can be listed on besides dacsan, recognised from the names
//! people write in registries and sales reports ("Shopee", "Tik Tok Shop", "Sàn
//! Postmart", "website riêng" ...).

use crate::vn::text::name_key;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Platform {
    Shopee,
    TiktokShop,
    Lazada,
    Postmart,
    Voso,
    Tiki,
    Sendo,
    Alibaba,
    Amazon,
    OwnSite,
    Facebook,
    Zalo,
}

impl Platform {
    pub const ALL: [Platform; 12] = [
        Platform::Shopee,
        Platform::TiktokShop,
        Platform::Lazada,
        Platform::Postmart,
        Platform::Voso,
        Platform::Tiki,
        Platform::Sendo,
        Platform::Alibaba,
        Platform::Amazon,
        Platform::OwnSite,
        Platform::Facebook,
        Platform::Zalo,
    ];

    /// The code stored in `listings.platform`.
    pub fn code(self) -> &'static str {
        match self {
            Platform::Shopee => "shopee",
            Platform::TiktokShop => "tiktok_shop",
            Platform::Lazada => "lazada",
            Platform::Postmart => "postmart",
            Platform::Voso => "voso",
            Platform::Tiki => "tiki",
            Platform::Sendo => "sendo",
            Platform::Alibaba => "alibaba",
            Platform::Amazon => "amazon",
            Platform::OwnSite => "own_site",
            Platform::Facebook => "facebook",
            Platform::Zalo => "zalo",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Platform::Shopee => "Shopee",
            Platform::TiktokShop => "TikTok Shop",
            Platform::Lazada => "Lazada",
            Platform::Postmart => "Postmart",
            Platform::Voso => "Voso",
            Platform::Tiki => "Tiki",
            Platform::Sendo => "Sendo",
            Platform::Alibaba => "Alibaba",
            Platform::Amazon => "Amazon",
            Platform::OwnSite => "Website riêng / own site",
            Platform::Facebook => "Facebook",
            Platform::Zalo => "Zalo",
        }
    }

    pub fn from_code(code: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.code() == code)
    }

    /// A platform from a name as written by people: case, tone marks, spaces and the
    /// words "sàn", "shop", ".vn" do not matter; a link is recognised by its host.
    pub fn parse(name: &str) -> Option<Platform> {
        let key = name_key(name);
        let compact: String = key.split(' ').filter(|w| !matches!(*w, "san" | "tmdt" | "vn" | "com" | "www")).collect();
        if compact.is_empty() {
            return None;
        }
        let known: [(&str, Platform); 17] = [
            ("shopee", Platform::Shopee),
            ("tiktokshop", Platform::TiktokShop),
            ("tiktok", Platform::TiktokShop),
            ("lazada", Platform::Lazada),
            ("postmart", Platform::Postmart),
            ("voso", Platform::Voso),
            ("tiki", Platform::Tiki),
            ("sendo", Platform::Sendo),
            ("alibaba", Platform::Alibaba),
            ("amazon", Platform::Amazon),
            ("facebook", Platform::Facebook),
            ("fanpage", Platform::Facebook),
            ("zalo", Platform::Zalo),
            ("websiterieng", Platform::OwnSite),
            ("website", Platform::OwnSite),
            ("ownsite", Platform::OwnSite),
            ("trangwebrieng", Platform::OwnSite),
        ];
        let host = compact.strip_prefix("https").or_else(|| compact.strip_prefix("http")).unwrap_or(&compact);
        known.iter().find(|(word, _)| host == *word || host.starts_with(word)).map(|(_, p)| *p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_people_write_are_recognised() {
        assert_eq!(Platform::parse("Shopee"), Some(Platform::Shopee));
        assert_eq!(Platform::parse("Tik Tok Shop"), Some(Platform::TiktokShop));
        assert_eq!(Platform::parse("TikTok"), Some(Platform::TiktokShop));
        assert_eq!(Platform::parse("Sàn Postmart"), Some(Platform::Postmart));
        assert_eq!(Platform::parse("postmart.vn"), Some(Platform::Postmart));
        assert_eq!(Platform::parse("https://shopee.vn/mat-ong"), Some(Platform::Shopee));
        assert_eq!(Platform::parse("Website riêng"), Some(Platform::OwnSite));
        assert_eq!(Platform::parse("VOSO"), Some(Platform::Voso));
        assert_eq!(Platform::parse("Chợ phiên Bắc Hà"), None);
        assert_eq!(Platform::parse(""), None);
    }

    #[test]
    fn codes_round_trip() {
        for p in Platform::ALL {
            assert_eq!(Platform::from_code(p.code()), Some(p));
        }
    }
}
