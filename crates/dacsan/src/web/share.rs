//! Plain links (no script) that share a page on the networks Vietnamese buyers use:
//! a product, a storefront, a batch's page.

fn share_query(url: &str) -> String {
    serde_urlencoded::to_string([("u", url)]).unwrap_or_default()
}

/// A page's address and its share links.
pub struct ShareLinks {
    pub url: String,
    pub facebook: String,
    pub zalo: String,
}

impl ShareLinks {
    pub fn of(url: &str) -> ShareLinks {
        ShareLinks {
            url: url.to_string(),
            facebook: format!("https://www.facebook.com/sharer/sharer.php?{}", share_query(url)),
            zalo: format!("https://sp.zalo.me/share_inline?{}", share_query(url)),
        }
    }
}
