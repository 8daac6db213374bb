//! Safe Markdown for descriptions and stories written by sellers. Raw HTML in the
//! source is shown as text, and links keep only http(s), mailto, tel and relative
//! targets, so a seller cannot inject script into a buyer's page.

use pulldown_cmark::{Event, Options, Parser, Tag, html};

pub fn to_html(markdown: &str) -> String {
    let parser =
        Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES).map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest_url = if is_safe_url(&dest_url) { dest_url } else { "#".into() };
                Event::Start(Tag::Link { link_type, dest_url, title, id })
            }
            Event::Start(Tag::Image { dest_url, title, .. }) => {
                // Pictures come from uploads, not from other hosts: show the alt text as a link.
                let dest_url = if is_safe_url(&dest_url) { dest_url } else { "#".into() };
                Event::Start(Tag::Link { link_type: pulldown_cmark::LinkType::Inline, dest_url, title, id: "".into() })
            }
            Event::End(pulldown_cmark::TagEnd::Image) => Event::End(pulldown_cmark::TagEnd::Link),
            other => other,
        });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, parser);
    out
}

fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') => matches!(scheme, "http" | "https" | "mailto" | "tel"),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_basic_markdown() {
        assert_eq!(to_html("**Chè** ngon"), "<p><strong>Chè</strong> ngon</p>\n");
        assert!(to_html("- một\n- hai").contains("<li>một</li>"));
    }

    #[test]
    fn raw_html_becomes_text() {
        let html = to_html("<script>alert(1)</script> <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn dangerous_links_are_neutralised() {
        assert!(to_html("[x](javascript:alert(1))").contains("href=\"#\""));
        assert!(to_html("[x](JavaScript:alert(1))").contains("href=\"#\""));
        assert!(to_html("[x](data:text/html,hi)").contains("href=\"#\""));
        assert!(to_html("[x](https://example.vn/a)").contains("href=\"https://example.vn/a\""));
        assert!(to_html("[x](/p/che)").contains("href=\"/p/che\""));
        assert!(!to_html("![x](https://evil.example/t.png)").contains("<img"));
    }
}
