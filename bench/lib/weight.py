#!/usr/bin/env python3
"""Weighs one product page as a browser would download it, and looks for other hosts.

Usage: weight.py BASE_URL PAGE_PATH OUT_JSON [LANG]

With LANG (`en`), every request carries the language cookie a visitor gets from the
language switch, and the page must say it is in that language (`<html lang>`).

Fetches the page with `Accept-Encoding: gzip`, then every stylesheet
(`<link rel="stylesheet" href>`) and script (`<script src>`) it links, and adds up the
bytes as sent (the compressed bodies; headers are not counted). Pictures (`<img src>`,
the icon) are fetched and listed too, but not part of the counted weight.

References to other hosts: every URL in an HTML attribute (src, href, action, srcset,
poster, data…) or in the CSS (`url(…)`, `@import`) whose host is not the server's.
"Loads" are the ones a browser fetches by itself (everything but `<a href>` and
`<form action>`); plain links are counted apart.
"""

import gzip
import json
import os
import re
import sys
import urllib.parse
from html.parser import HTMLParser

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from httpget import Client  # noqa: E402

URL_ATTRS = {"src", "href", "action", "srcset", "poster", "data", "formaction", "imagesrcset", "background"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""", re.I)


class Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs = []  # (tag, attr, rel, url)
        self.inline_css = []

    def handle_starttag(self, tag, attrs):
        attrs = [(k, v) for k, v in attrs if v is not None]
        rel = " ".join(v for k, v in attrs if k == "rel").lower()
        for k, v in attrs:
            if k in ("srcset", "imagesrcset"):
                for part in v.split(","):
                    if part.strip():
                        self.refs.append((tag, k, rel, part.strip().split()[0]))
            elif k in URL_ATTRS:
                self.refs.append((tag, k, rel, v.strip()))
            elif k == "style":
                self.inline_css.append(v)


def other_host(url, netloc):
    if url.startswith("//"):
        return urllib.parse.urlsplit("http:" + url).netloc != netloc
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in ("", "data", "mailto", "tel", "javascript", "blob"):
        return False
    return parts.netloc != netloc


def fetch(client, path, lang=None):
    sent = {"Accept-Encoding": "gzip"}
    if lang:
        sent["Cookie"] = f"lang={lang}"
    status, headers, body, _ = client.get(path, sent)
    encoding = headers.get("content-encoding", "")
    plain = gzip.decompress(body) if encoding == "gzip" else body
    return {"path": path, "status": status, "encoding": encoding or "none", "sent_bytes": len(body),
            "plain_bytes": len(plain), "content_type": headers.get("content-type", "")}, plain


def local_path(url):
    parts = urllib.parse.urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def main():
    base, page, out = sys.argv[1], sys.argv[2], sys.argv[3]
    lang = sys.argv[4] if len(sys.argv) > 4 else None
    client = Client(base)
    netloc = urllib.parse.urlsplit(base).netloc

    html_info, html = fetch(client, page, lang)
    if lang:
        said = re.search(r"<html[^>]*\slang=\"([^\"]+)\"", html.decode("utf-8", "replace"))
        if not said or said.group(1) != lang:
            sys.exit(f"weight: {page} with the {lang} cookie says lang={said.group(1) if said else None}")
    parser = Refs()
    parser.feed(html.decode("utf-8", "replace"))
    refs = list(parser.refs)
    # Styles written inside the page, in <style> blocks or style="" attributes.
    inline = re.findall(r"<style[^>]*>(.*?)</style>", html.decode("utf-8", "replace"), re.S | re.I)
    for css in inline + parser.inline_css:
        refs += [("style", "url", "", a or b) for a, b in CSS_URL.findall(css)]

    counted, pictures = [dict(html_info, what="html")], []
    for tag, attr, rel, url in list(refs):
        if other_host(url, netloc):
            continue
        if tag == "link" and "stylesheet" in rel.split():
            info, css = fetch(client, local_path(url), lang)
            counted.append(dict(info, what="css"))
            refs += [("css", "url", "", a or b) for a, b in CSS_URL.findall(css.decode("utf-8", "replace"))]
        elif tag == "script" and attr == "src":
            info, _ = fetch(client, local_path(url), lang)
            counted.append(dict(info, what="js"))
        elif (tag == "img" and attr in ("src", "srcset")) or (tag == "link" and "icon" in rel.split()):
            if not url.startswith("data:") and local_path(url) not in {p["path"] for p in pictures}:
                info, _ = fetch(client, local_path(url))
                pictures.append(dict(info, what="picture"))
    client.close()

    outside = [{"tag": t, "attr": a, "url": u} for t, a, _, u in refs if other_host(u, netloc)]
    loads = [r for r in outside if not (r["tag"] == "a" and r["attr"] == "href") and r["attr"] != "action"]
    result = {
        "page": page,
        "lang": lang or "vi",
        "counted": counted,
        "total_sent_bytes": sum(r["sent_bytes"] for r in counted),
        "total_plain_bytes": sum(r["plain_bytes"] for r in counted),
        "pictures": pictures,
        "pictures_sent_bytes": sum(r["sent_bytes"] for r in pictures),
        "other_host_loads": loads,
        "other_host_links": [r for r in outside if r not in loads],
        "non_200": [r["path"] for r in counted + pictures if r["status"] != 200],
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
    print(f"weight: {page}: {result['total_sent_bytes']} bytes sent for "
          f"{', '.join(r['what'] for r in counted)}; {len(loads)} loads from other hosts")


if __name__ == "__main__":
    main()
