"""bench/privacy helpers: give buyers a long order history in a migrated SQLite
database, then time what a data subject asks for against the running server.

  privacy.py fill DB ORDERS EMAIL...
  privacy.py time URL RUNS OUT.json PASSWORD EMAIL...
"""

import json
import statistics
import sys
import time
import urllib.request
import sqlite3
from pathlib import Path


def stamp(seconds_ago):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - seconds_ago))


def fill(db_path, orders, emails):
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA journal_mode = WAL")
    t0 = time.time()
    with db:
        producer = db.execute(
            "INSERT INTO producers (slug, name, kind, province_code, commune_code, street, phone, created_at, updated_at)"
            " VALUES ('bench-htx', 'HTX Chè Shan tuyết', 'hop_tac_xa', '12', '03478', 'Bản Sìn Hồ', '+84912345678', ?, ?)",
            (stamp(0), stamp(0))).lastrowid
        products = []
        for i in range(3):
            products.append(db.execute(
                "INSERT INTO products (slug, producer_id, name, set_code, ocop_stars, price_vnd, unit, weight_g, stock,"
                " origin_commune_code, status, created_at, updated_at)"
                " VALUES (?, ?, ?, 'che', 0, ?, 'hộp', 250, 1000, '03478', 'active', ?, ?)",
                (f"bench-che-{i}", producer, f"Chè Shan tuyết hộp {i}", 150_000 + i * 50_000, stamp(0), stamp(0))).lastrowid)
        for email in emails:
            user = db.execute("SELECT id FROM users WHERE email = ?", (email,)).fetchone()[0]
            for n in range(orders):
                at = stamp((orders - n) * 3600)
                order = db.execute(
                    "INSERT INTO orders (code, checkout_id, producer_id, buyer_user_id, buyer_name, buyer_phone, buyer_email,"
                    " ship_province_code, ship_commune_code, ship_street, payment_method, status, subtotal_vnd, shipping_vnd,"
                    " total_vnd, paid_vnd, stock_held, access_token_hash, created_at, updated_at, delivered_at, delivery_days)"
                    " VALUES (?, ?, ?, ?, 'Nguyễn Thị Lan', '+84987654321', ?, '01', '00004', '12 Phố Huế', 'vietqr',"
                    " 'completed', 350000, 32000, 382000, 382000, 0, 'x', ?, ?, ?, 2)",
                    (f"P{user}-{n}", f"bench-{user}-{n}", producer, user, email, at, at, at)).lastrowid
                db.executemany(
                    "INSERT INTO order_items (order_id, product_id, name, unit, price_vnd, quantity) VALUES (?, ?, ?, 'hộp', ?, ?)",
                    [(order, products[0], "Chè Shan tuyết hộp 0", 150_000, 1), (order, products[1], "Chè Shan tuyết hộp 1", 200_000, 1)])
                db.executemany(
                    "INSERT INTO order_events (order_id, from_status, to_status, actor, created_at) VALUES (?, ?, ?, 'system', ?)",
                    [(order, None, "awaiting_payment", at), (order, "awaiting_payment", "paid", at),
                     (order, "paid", "shipped", at), (order, "shipped", "delivered", at), (order, "delivered", "completed", at)])
    db.close()
    print(json.dumps({"fill_s": round(time.time() - t0, 1), "buyers": len(emails), "orders_each": orders}))


def call(url, token=None, body=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers=headers, method="POST" if data else "GET")
    t0 = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        payload = response.read()
        status = response.status
    return status, (time.perf_counter() - t0) * 1000, payload


def summary(times):
    times = sorted(times)
    return {"median_ms": round(statistics.median(times), 1), "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
            "max_ms": round(times[-1], 1), "runs": len(times)}


def time_requests(url, runs, out, password, emails):
    tokens = [json.loads(call(f"{url}/api/v1/auth/token", body={"email": e, "password": password})[2])["token"] for e in emails]
    results = {}
    for name, path in [("my_data_json", "/api/v1/me/data"), ("my_data_xlsx", "/api/v1/me/data.xlsx")]:
        times, size = [], 0
        for _ in range(runs):
            status, ms, body = call(url + path, tokens[0])
            assert status == 200, (path, status)
            times.append(ms)
            size = len(body)
        results[name] = {**summary(times), "bytes": size}
    orders = len(json.loads(call(url + "/api/v1/me/data", tokens[0])[2])["orders"])
    results["orders_in_export"] = orders
    times = []
    for token in tokens:
        status, ms, body = call(url + "/api/v1/me/erasure", token, {"password": password})
        assert status == 200, body
        times.append(ms)
    results["erasure"] = summary(times)
    Path(out).write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    if sys.argv[1] == "fill":
        fill(sys.argv[2], int(sys.argv[3]), sys.argv[4:])
    elif sys.argv[1] == "time":
        time_requests(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6:])
    else:
        raise SystemExit(__doc__)
