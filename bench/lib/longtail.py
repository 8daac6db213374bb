#!/usr/bin/env python3
"""Writes the long-tail search load: a few thousand distinct queries made of the
catalog's own words, as people type them, in random order.

Usage: longtail.py BASE_URL OUT_DIR COUNT SEED

Product names are read from the listing API (pages spread over the whole catalog);
each query is one to three consecutive words of a name (the variant suffix the
synthetic catalog adds, "– hộp quà 3", is left out), then one of:
  - as written, with tone marks;
  - tone marks and đ stripped (`mat ong bac ha`);
  - the last word partly typed (`mật ong bạ`, `mat o`): search as you type;
  - one typo in a word of four letters or more (a letter changed, dropped,
    doubled or two swapped);
  - an extra word from another name (`mật ong gạo`), which may match nothing.
Duplicates are dropped; the list is shuffled with SEED.

Writes to OUT_DIR:
  longtail.paths  /api/v1/products?q=… one a line (URL-encoded)
  longtail.json   how many queries of each kind, a sample of each, how many names
                  and words they came from, and the hits of a sample checked at idle
"""

import json
import math
import os
import random
import re
import statistics
import sys
import unicodedata
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from httpget import Client  # noqa: E402

PER_PAGE = 100
MAX_PAGE = 1000
NAME_PAGES = 40
CHECKED = 200
KINDS = ("toned", "plain", "prefix", "typo", "extra")
LETTERS = "abcdeghiklmnopqrstuvxy"


def strip_tones(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def words_of(name):
    """The words of a product name, lower case, without the synthetic variant suffix."""
    name = name.split(" – ")[0]
    return [w for w in re.findall(r"\w+", name.lower()) if not w.isdigit()]


def product_names(client):
    first = json.loads(client.get(f"/api/v1/products?per_page={PER_PAGE}&page=1")[2])
    last_page = max(1, min(MAX_PAGE, math.ceil(first["total"] / PER_PAGE)))
    pages = sorted({1 + i * (last_page - 1) // NAME_PAGES for i in range(NAME_PAGES)})
    names = []
    for page in pages:
        status, _, body, _ = client.get(f"/api/v1/products?per_page={PER_PAGE}&page={page}")
        if status != 200:
            sys.exit(f"longtail: the listing page {page} answered {status}")
        names.extend(item["name"] for item in json.loads(body)["items"])
    return names


def typo(word, rng):
    chars = list(word)
    at = rng.randrange(len(chars))
    edit = rng.choice(("change", "drop", "double", "swap"))
    if edit == "change":
        chars[at] = rng.choice([c for c in LETTERS if c != chars[at]])
    elif edit == "drop":
        del chars[at]
    elif edit == "double":
        chars.insert(at, chars[at])
    else:
        at = min(at, len(chars) - 2)
        chars[at], chars[at + 1] = chars[at + 1], chars[at]
    return "".join(chars)


def make_query(words, vocabulary, kind, rng):
    size = rng.choice((1, 2, 2, 3, 3))
    start = rng.randrange(max(1, len(words) - size + 1))
    chosen = words[start:start + size]
    if rng.random() < 0.5 or kind == "plain":
        chosen = [strip_tones(w) for w in chosen]
    if kind == "toned":
        chosen = words[start:start + size]
    elif kind == "prefix":
        last = chosen[-1]
        if len(last) < 2:
            return None
        chosen[-1] = last[:rng.randrange(1, len(last))]
    elif kind == "typo":
        long_words = [i for i, w in enumerate(chosen) if len(w) >= 4]
        if not long_words:
            return None
        i = rng.choice(long_words)
        chosen[i] = typo(chosen[i], rng)
    elif kind == "extra":
        chosen = chosen + [rng.choice(vocabulary)]
    return " ".join(chosen)


def main():
    base, out_dir, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)
    client = Client(base)
    names = sorted({" ".join(words_of(n)) for n in product_names(client)})
    word_lists = [n.split() for n in names if n]
    vocabulary = sorted({w for ws in word_lists for w in ws})
    if not word_lists:
        sys.exit("longtail: the catalog has no product names")

    queries = {}
    attempts = 0
    while len(queries) < count and attempts < count * 50:
        attempts += 1
        kind = KINDS[attempts % len(KINDS)]
        q = make_query(rng.choice(word_lists), vocabulary, kind, rng)
        if q and q not in queries:
            queries[q] = kind
    items = list(queries.items())
    rng.shuffle(items)

    paths = [f"/api/v1/products?q={urllib.parse.quote(q, safe='')}" for q, _ in items]
    with open(os.path.join(out_dir, "longtail.paths"), "w", encoding="utf-8") as f:
        f.write("".join(p + "\n" for p in paths))

    # A sample checked once at idle: every answer must be 200; the hits show what
    # the queries find.
    checked, bad, times, hits = 0, [], [], []
    for (q, kind), path in list(zip(items, paths))[:CHECKED]:
        status, _, body, seconds = client.get(path)
        checked += 1
        times.append(seconds * 1000)
        if status != 200:
            bad.append({"query": q, "status": status})
            continue
        hits.append(json.loads(body)["total"])
    client.close()

    by_kind = {k: [q for q, kind in items if kind == k] for k in KINDS}
    summary = {
        "queries": len(items),
        "names": len(names),
        "words": len(vocabulary),
        "kinds": {k: len(v) for k, v in by_kind.items()},
        "samples": {k: v[:5] for k, v in by_kind.items()},
        "checked": checked,
        "not_200": bad,
        "checked_median_ms": round(statistics.median(times), 2) if times else None,
        "hits_median": statistics.median(hits) if hits else None,
        "no_hits": sum(1 for h in hits if h == 0),
    }
    with open(os.path.join(out_dir, "longtail.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, ensure_ascii=False, indent=1)
    print(f"longtail: {len(items)} distinct queries from {len(names)} names ({len(vocabulary)} words); "
          f"{checked} checked at idle, {len(bad)} not 200, median {summary['checked_median_ms']} ms, "
          f"median hits {summary['hits_median']}, {summary['no_hits']} with none")
    if len(items) < count:
        print(f"longtail: only {len(items)} distinct queries of the {count} asked for", file=sys.stderr)


if __name__ == "__main__":
    main()
