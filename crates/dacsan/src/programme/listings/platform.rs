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
    /// words "sàn", "TMĐT" do not matter ("Tik Tok Shop", "Sàn Postmart", "Shopee
    /// Mall"); a link or a domain is recognised by its host.
    pub fn parse(name: &str) -> Option<Platform> {
        const KNOWN: [(&str, Platform); 16] = [
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
            ("trangwebrieng", Platform::OwnSite),
        ];
        let text = name.trim();
        if text.contains("://") || text.starts_with("www.") || text.contains(".vn") || text.contains(".com") {
            let host = text.split("://").last().unwrap_or(text).split('/').next().unwrap_or("").to_lowercase();
            let labels: Vec<&str> = host.split('.').collect();
            return KNOWN.iter().find(|(key, _)| labels.contains(key)).map(|(_, p)| *p);
        }
        let key = name_key(text);
        let words: Vec<&str> = key.split(' ').filter(|w| !matches!(*w, "san" | "tmdt")).collect();
        let compact = words.concat();
        KNOWN
            .iter()
            .find(|(known, _)| compact == *known)
            .or_else(|| KNOWN.iter().find(|(known, _)| words.first() == Some(known)))
            .map(|(_, p)| *p)
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
        assert_eq!(Platform::parse("Shopee Mall"), Some(Platform::Shopee));
        assert_eq!(Platform::parse("https://www.lazada.vn/products/x"), Some(Platform::Lazada));
        assert_eq!(Platform::parse("Amazonia"), None);
        assert_eq!(Platform::parse("https://shopping.example.vn/amazonas"), None);
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
