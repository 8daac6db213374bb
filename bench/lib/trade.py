"""bench/trade helpers: a trade board at scale in a migrated SQLite database, then the
timings against the running server.

  trade.py fill DB PRODUCERS PRODUCTS RFQS QUOTES BUYER_EMAIL
  trade.py time URL OUT.json PASSWORD BUYER_EMAIL OFFICER_EMAIL TRIES

fill: PRODUCERS producers over 15 provinces, PRODUCTS active products over the 26
OCOP product sets, RFQS requests (each put before 3 producers), QUOTES quotes with
their first revision, and one deal (an accepted quote with its order) in 20 quotes.

time: posting a request (matched against every producer and product of its set,
the matches and their notifications written), the public board page, and the
office's trade figures (API and page) for the busiest province — TRIES times each,
one after the other on one keep-alive connection.

Standard library only.
"""

import csv
import http.client
import json
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

PROVINCES = ["12", "08", "11", "14", "15", "19", "25", "02", "04", "06", "10", "20", "24", "01", "31"]
COMMUNE = "03478"


def stamp(days_ago=0):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - days_ago * 86400))


def day(days):
    return time.strftime("%Y-%m-%d", time.gmtime(time.time() + 7 * 3600 + days * 86400))


def set_codes():
    path = Path(__file__).resolve().parents[2] / "data" / "ocop" / "product_sets.csv"
    with open(path, encoding="utf-8") as f:
        return [row["set_code"] for row in csv.DictReader(f)]


def fill(db_path, producers, products, rfqs, quotes, buyer_email):
    random.seed(15)
    sets = set_codes()
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA journal_mode = WAL")
    now = stamp()
    with db:
        buyer = db.execute("SELECT id FROM users WHERE email = ?", (buyer_email,)).fetchone()[0]
        db.execute("INSERT INTO business_profiles (user_id, name, tax_code, address, contact_phone, created_at, updated_at)"
                   " VALUES (?, 'Công ty TNHH Bench', '0101234567', '1 Tràng Tiền, Hà Nội', '+84987654321', ?, ?)",
                   (buyer, now, now))
        db.executemany(
            "INSERT INTO producers (id, slug, name, kind, province_code, commune_code, street, phone, created_at, updated_at)"
            " VALUES (?, ?, ?, 'hop_tac_xa', ?, ?, 'Bản', '+84912345678', ?, ?)",
            ((i, f"p-{i}", f"HTX {i}", PROVINCES[i % len(PROVINCES)], COMMUNE, now, now) for i in range(1, producers + 1)))
        db.executemany(
            "INSERT INTO products (id, slug, producer_id, name, set_code, ocop_stars, ocop_expires_on, price_vnd, unit,"
            " weight_g, stock, origin_commune_code, status, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'hộp', 250, 100, ?, 'active', ?, ?)",
            ((i, f"sp-{i}", 1 + (i * 7919) % producers, f"Sản phẩm {i}", sets[i % len(sets)], [0, 3, 4, 5][i % 4],
              day(365), 50_000 + (i % 40) * 10_000, COMMUNE, now, now) for i in range(1, products + 1)))
        # Requests over the last year; each put before three producers.
        db.executemany(
            "INSERT INTO rfqs (id, buyer_user_id, title, set_code, quantity, unit, deliver_province_code, needed_by,"
            " status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'kg', ?, ?, ?, ?, ?)",
            ((i, buyer, f"Yêu cầu {i}", sets[i % len(sets)], 100 + i % 900, PROVINCES[(i * 3) % len(PROVINCES)], day(30),
              "open" if i % 3 else "awarded", stamp(i % 365), stamp(i % 365)) for i in range(1, rfqs + 1)))
        db.executemany("INSERT OR IGNORE INTO rfq_matches (rfq_id, producer_id) VALUES (?, ?)",
                       ((1 + i // 3, 1 + (i * 104_729) % producers) for i in range(rfqs * 3)))
        # Quotes: three on most requests, from the producers it was put before.
        rows = db.execute("SELECT rfq_id, producer_id FROM rfq_matches ORDER BY rfq_id LIMIT ?", (quotes,)).fetchall()
        tiers = json.dumps([{"min_quantity": 100, "unit_price_vnd": 380_000}, {"min_quantity": 500, "unit_price_vnd": 350_000}])
        for n, (rfq, producer) in enumerate(rows, start=1):
            deal = n % 20 == 0
            order = None
            if deal:
                order = db.execute(
                    "INSERT INTO orders (code, checkout_id, producer_id, buyer_user_id, buyer_name, buyer_phone,"
                    " ship_province_code, ship_commune_code, ship_street, payment_method, status, subtotal_vnd,"
                    " shipping_vnd, total_vnd, access_token_hash, created_at, updated_at, stock_held)"
                    " VALUES (?, ?, ?, ?, 'Bench', '+84987654321', '01', '00004', '1 Tràng Tiền', 'vietqr', 'paid', ?, 0, ?,"
                    " 'x', ?, ?, 0)",
                    (f"DSB{n:07d}", f"c{n}", producer, buyer, 38_000_000, 38_000_000, now, now)).lastrowid
            quote = db.execute(
                "INSERT INTO quotes (rfq_id, producer_id, product_id, status, revision, order_id, accepted_quantity,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)",
                (rfq, producer, 1 + n % products, "accepted" if deal else "open", order, 100 if deal else None,
                 stamp(max(0, (rfq % 365) - 1)), now)).lastrowid
            db.execute(
                "INSERT INTO quote_revisions (quote_id, revision, tiers, moq, lead_days, valid_until, created_at)"
                " VALUES (?, 1, ?, 100, 14, ?, ?)", (quote, tiers, day(20), now))
        # What the server copies onto each match and quote as it writes them: the
        # producer's province and the request's product set.
        for table in ("rfq_matches", "quotes"):
            db.execute(f"UPDATE {table} SET province_code = (SELECT province_code FROM producers p WHERE p.id = {table}.producer_id),"
                       f" set_code = (SELECT set_code FROM rfqs r WHERE r.id = {table}.rfq_id)")
    counts = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ["producers", "products", "rfqs", "rfq_matches", "quotes", "orders"]}
    db.close()
    print(json.dumps(counts))


def summary(times):
    times = sorted(times)
    return {"count": len(times), "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1), "max_ms": round(times[-1], 1)}


def request(conn, method, path, token=None, body=None, timings=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    t0 = time.perf_counter()
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = conn.getresponse()
    payload = response.read()
    ms = (time.perf_counter() - t0) * 1000
    if timings is not None:
        for part in (response.getheader("server-timing") or "").split(","):
            name, _, dur = part.strip().partition(";dur=")
            if dur:
                timings.setdefault(name, []).append(float(dur))
    if response.status >= 300:
        sys.exit(f"trade bench: {method} {path} answered {response.status}: {payload[:300]!r}")
    return ms, payload


def token(conn, email, password):
    _, payload = request(conn, "POST", "/api/v1/auth/token", body={"email": email, "password": password})
    return json.loads(payload)["token"]


def timings(url, out, password, buyer_email, officer_email, tries):
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    buyer, officer = token(conn, buyer_email, password), token(conn, officer_email, password)
    sets = set_codes()
    post, matched, server = [], [], {}
    for i in range(tries):
        body = {"title": f"Bench {i}", "set_code": sets[i % len(sets)], "quantity": 500, "unit": "kg",
                "deliver_province_code": "01", "needed_by": day(30), "min_ocop_stars": [0, 3][i % 2]}
        ms, payload = request(conn, "POST", "/api/v1/rfqs", buyer, body, server)
        post.append(ms)
        matched.append(json.loads(payload)["matched_producers"])
    results = {"post_rfq": {**summary(post), "matched_producers_median": statistics.median(matched)},
               "matching": summary(server["match"])}
    for name, path, who in [("board_page", "/trade", None),
                            ("office_figures_api", "/api/v1/programme/trade?province=12", officer),
                            ("office_trade_page", "/office/trade?province=12", officer)]:
        times, size = [], 0
        for _ in range(tries):
            ms, payload = request(conn, "GET", path, who)
            times.append(ms)
            size = len(payload)
        results[name] = {**summary(times), "bytes": size}
    Path(out).write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    if sys.argv[1] == "fill":
        fill(sys.argv[2], *map(int, sys.argv[3:7]), sys.argv[7])
    else:
        timings(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], int(sys.argv[7]))
