#!/usr/bin/env python3
"""Writes the request paths the load scenarios cycle over, and checks each one once.

Usage: prepare.py BASE_URL QUERIES_FILE SLUG_COUNT OUT_DIR

Writes to OUT_DIR:
  search.paths   /api/v1/products?q=… for every query of QUERIES_FILE (URL-encoded)
  pages.paths    /p/{slug} for SLUG_COUNT real products, read from the listing API
                 (pages spread over the whole catalog, not only the first ones)
  preflight.json every path requested 3 times at idle: status codes, median time,
                 body size, and for searches the number of hits; also how long the
                 listing pages took
"""

import json
import math
import os
import statistics
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from httpget import Client  # noqa: E402

PER_PAGE = 100
MAX_PAGE = 1000  # the API refuses deeper pages (catalog/query.rs)
TRIES = 3


def read_queries(path):
    with open(path, encoding="utf-8") as f:
        lines = (line.strip() for line in f)
        return [line for line in lines if line and not line.startswith("#")]


def get_json(client, path, listing_times):
    status, _, body, seconds = client.get(path)
    listing_times.append({"path": path, "status": status, "ms": round(seconds * 1000, 2)})
    if status != 200:
        sys.exit(f"prepare: GET {path} answered {status}: {body[:300]!r}")
    return json.loads(body)


def product_slugs(client, wanted, listing_times):
    """About `wanted` slugs, from listing pages spread evenly over the catalog."""
    first = get_json(client, f"/api/v1/products?per_page={PER_PAGE}&page=1", listing_times)
    last_page = max(1, min(MAX_PAGE, math.ceil(first["total"] / PER_PAGE)))
    pages_needed = max(1, math.ceil(wanted / PER_PAGE))
    pages = sorted({1 + i * (last_page - 1) // pages_needed for i in range(pages_needed)})
    slugs = []
    for page in pages:
        listing = first if page == 1 else get_json(
            client, f"/api/v1/products?per_page={PER_PAGE}&page={page}", listing_times)
        slugs.extend(item["slug"] for item in listing["items"])
    seen = set()
    unique = [s for s in slugs if not (s in seen or seen.add(s))]
    return unique[:wanted], first["total"]


def preflight(client, path, kind):
    statuses, times, size, hits = [], [], 0, None
    for _ in range(TRIES):
        status, _, body, seconds = client.get(path)
        statuses.append(status)
        times.append(seconds * 1000)
        size = len(body)
        if kind == "search" and status == 200:
            hits = json.loads(body).get("total")
    return {"kind": kind, "path": path, "statuses": statuses, "median_ms": round(statistics.median(times), 2),
            "bytes": size, "hits": hits}


def main():
    base, queries_file, slug_count, out_dir = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    client = Client(base)
    listing_times = []

    queries = read_queries(queries_file)
    search_paths = [f"/api/v1/products?q={urllib.parse.quote(q, safe='')}" for q in queries]
    slugs, total = product_slugs(client, slug_count, listing_times)
    page_paths = [f"/p/{urllib.parse.quote(s, safe='')}" for s in slugs]

    for name, paths in (("search.paths", search_paths), ("pages.paths", page_paths)):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            f.write("".join(p + "\n" for p in paths))

    checks = [preflight(client, p, "search") for p in search_paths]
    for check, query in zip(checks, queries):
        check["query"] = query
    checks += [preflight(client, p, "page") for p in page_paths]
    client.close()

    with open(os.path.join(out_dir, "preflight.json"), "w", encoding="utf-8") as f:
        json.dump({"catalog_total": total, "listing": listing_times, "checks": checks}, f, ensure_ascii=False, indent=1)
    bad = [c for c in checks if any(s != 200 for s in c["statuses"])]
    print(f"prepare: {len(search_paths)} search paths, {len(page_paths)} product pages "
          f"(catalog total {total}); {len(bad)} answered other than 200")


if __name__ == "__main__":
    main()
