"""bench/programme helpers: fill a migrated SQLite database with one province's
programme data, and time the office's pages and API against the running server.

  programme.py fill DB PROVINCE PRODUCERS PRODUCTS ORDERS
  programme.py time URL TOKEN PROVINCE RUNS OUT.json
"""

import json
import random
import sqlite3
import statistics
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def communes_of(province):
    rows = (ROOT / "data/admin-units/communes.csv").read_text(encoding="utf-8").splitlines()[1:]
    return [r.split(",")[0] for r in rows if r.split(",")[2] == province]


def day(days_ago):
    t = time.gmtime(time.time() - days_ago * 86400)
    return time.strftime("%Y-%m-%d", t)


def stamp(days_ago):
    t = time.gmtime(time.time() - days_ago * 86400)
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", t)


def fill(db_path, province, producers, products, orders):
    rng = random.Random(270)
    communes = communes_of(province)
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    kinds = ["doanh_nghiep", "hop_tac_xa", "to_hop_tac", "ho_kinh_doanh"]
    sets = ["che", "mat-ong", "gao-ngu-coc", "tra-thao-moc", "ruou-trang", "thu-cong-trang-tri"]
    t0 = time.time()
    with db:
        rows = []
        for i in range(producers):
            created = rng.randint(30, 900)
            rows.append((
                f"bench-{i}", f"Cơ sở {i}", kinds[i % 4], province, communes[i % len(communes)], "Thôn 1",
                f"+8491{i:07d}", stamp(created), stamp(created), f"LC-{i:05d}",
                day(rng.randint(1, 600)) if rng.random() < 0.35 else None,
                day(rng.randint(1, 600)) if rng.random() < 0.45 else None,
                day(rng.randint(1, 600)) if rng.random() < 0.55 else None,
                day(rng.randint(1, 600)) if rng.random() < 0.4 else None,
            ))
        db.executemany(
            "INSERT INTO producers (slug, name, kind, province_code, commune_code, street, phone, created_at, updated_at,"
            " registry_code, declared_store_on, declared_payment_on, trained_digital_on, trained_packaging_on)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        ids = [r[0] for r in db.execute("SELECT id FROM producers WHERE province_code = ? ORDER BY id", (province,))]
        rows = []
        for i in range(products):
            producer = ids[i % len(ids)]
            created = rng.randint(10, 800)
            stars = rng.choice([0, 0, 3, 3, 4, 5])
            certified = day(rng.randint(200, 1000)) if stars else None
            expires = day(rng.randint(-700, 100)) if stars else None
            status = "active" if rng.random() < 0.3 else "draft"
            rows.append((
                f"bench-p-{i}", producer, f"Sản phẩm {i}", sets[i % len(sets)], stars, f"QĐ {i}" if stars else None,
                certified, expires, 100_000 + (i % 40) * 5_000, "hộp", 500, 20, communes[i % len(communes)], status,
                stamp(created), stamp(created), "ocop" if stars else "seasonal", 1 if rng.random() < 0.5 else 0,
            ))
        db.executemany(
            "INSERT INTO products (slug, producer_id, name, set_code, ocop_stars, ocop_certificate_no, ocop_certified_on,"
            " ocop_expires_on, price_vnd, unit, weight_g, stock, origin_commune_code, status, created_at, updated_at,"
            " registry_class, ecommerce_eligible) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        product_ids = [r[0] for r in db.execute(
            "SELECT p.id FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE pr.province_code = ?", (province,))]
        platforms = ["shopee", "tiktok_shop", "lazada", "postmart", "voso"]
        listings = []
        for pid in product_ids:
            if rng.random() < 0.35:
                listed = rng.randint(5, 700)
                delisted = day(rng.randint(0, listed)) if rng.random() < 0.15 else None
                listings.append((pid, rng.choice(platforms), "", day(listed), delisted, stamp(listed), stamp(listed)))
        db.executemany(
            "INSERT OR IGNORE INTO listings (product_id, platform, url, listed_on, delisted_on, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", listings)
        db.execute(
            "INSERT INTO listing_sales (listing_id, month, units, revenue_vnd)"
            " SELECT id, substr(listed_on, 1, 7), 10 + id % 40, (10 + id % 40) * 120000 FROM listings")
        accounts = [(pid, "970436", f"00110{pid:08d}", f"CO SO {pid}", stamp(rng.randint(1, 700)))
                    for pid in ids if rng.random() < 0.4]
        db.executemany(
            "INSERT INTO payment_accounts (producer_id, bank_bin, account_number, account_holder, updated_at)"
            " VALUES (?, ?, ?, ?, ?)", accounts)
        pillars = ["go_online", "go_export", "go_ai", "go_right", "packaging_delivery"]
        for c in range(50):
            course = db.execute(
                "INSERT INTO courses (province_code, title, pillar, created_at) VALUES (?, ?, ?, ?)",
                (province, f"Khoá {c}", pillars[c % 5], stamp(700))).lastrowid
            for s in range(4):
                session = db.execute(
                    "INSERT INTO training_sessions (course_id, held_on, place, trainer, created_at) VALUES (?, ?, '', '', ?)",
                    (course, day(rng.randint(1, 600)), stamp(600))).lastrowid
                db.executemany(
                    "INSERT OR IGNORE INTO training_attendance (session_id, producer_id, attendee_name, completed)"
                    " VALUES (?, ?, 'Học viên', ?)",
                    [(session, rng.choice(ids), 1 if rng.random() < 0.85 else 0) for _ in range(75)])
        first, last = ids[0], ids[-1]
        db.execute(
            f"""WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {orders})
            INSERT INTO orders (code, checkout_id, producer_id, buyer_name, buyer_phone, ship_province_code,
                ship_commune_code, ship_street, payment_method, status, subtotal_vnd, shipping_vnd, total_vnd, paid_vnd,
                stock_held, access_token_hash, created_at, updated_at, carrier, delivery_days)
            SELECT 'BENCH' || i, 'bench-' || i, {first} + (i * 7919) % ({last} - {first} + 1), 'Khách', '+84900000000',
                '01', '00004', 'Phố Huế', 'vietqr',
                CASE i % 10 WHEN 0 THEN 'cancelled' WHEN 1 THEN 'awaiting_payment' ELSE 'completed' END,
                100000 + (i % 50) * 10000, 30000 + (i % 5) * 5000, 130000 + (i % 50) * 10000 + (i % 5) * 5000,
                130000 + (i % 50) * 10000 + (i % 5) * 5000, 0, 'x',
                strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-' || (i % 730) || ' days', '-' || (i % 86400) || ' seconds'),
                strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-' || (i % 730) || ' days'),
                CASE WHEN i % 10 > 1 THEN 'ghn' END, CASE WHEN i % 10 > 1 THEN 1 + (i * 13) % 9 END
            FROM n""")
        # One parcel in twenty tracked with its steps: a failed attempt on each of those,
        # and one in five of them sent back (what the office's delivery figures read).
        db.execute(
            """INSERT INTO shipments (order_id, code, carrier, tracking_code, status, weight_g, created_at, updated_at)
            SELECT id, 'BS' || id, 'ghn', 'GHNB' || id, CASE WHEN id % 100 = 0 THEN 'returned' ELSE 'delivered' END,
                500, created_at, created_at
            FROM orders WHERE carrier IS NOT NULL AND id % 20 = 0""")
        db.execute(
            """INSERT INTO shipment_events (shipment_id, status, at, created_at)
            SELECT id, 'delivery_failed', created_at, created_at FROM shipments WHERE code LIKE 'BS%'""")
        db.execute(
            """INSERT INTO shipment_events (shipment_id, status, at, created_at)
            SELECT id, 'returned', created_at, created_at FROM shipments WHERE code LIKE 'BS%' AND status = 'returned'""")
    db.execute("ANALYZE")
    db.close()
    print(json.dumps({"fill_s": round(time.time() - t0, 1), "listings": len(listings), "accounts": len(accounts)}))


def get(url, token):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    t0 = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        body = response.read()
        status = response.status
    return status, (time.perf_counter() - t0) * 1000, body


def time_pages(url, token, province, runs, out):
    targets = {
        "kpis_api": f"/api/v1/programme/kpis?province={province}",
        "communes_api": f"/api/v1/programme/kpis/communes?province={province}",
        "dashboard_page": f"/office?province={province}",
        "commune_page": None,
        "report_page": f"/office/report?province={province}",
        "delivery_api": f"/api/v1/programme/delivery?province={province}",
        "delivery_page": f"/office/delivery?province={province}",
        "delivery_commune_api": None,
    }
    results = {}
    status, first_ms, body = get(url + targets["dashboard_page"], token)
    results["dashboard_first_visit_ms"] = round(first_ms, 1)
    status, _, body = get(url + targets["communes_api"], token)
    communes = json.loads(body)["communes"]
    busiest = max(communes, key=lambda c: c["producers"])["commune"]
    targets["commune_page"] = f"/office/communes/{busiest}?province={province}"
    targets["delivery_commune_api"] = f"/api/v1/programme/delivery?province={province}&commune={busiest}"
    kpis = json.loads(get(url + targets["kpis_api"], token)[2])
    results["indicators"] = {i["id"]: [i["numerator"], i["denominator"], i["value_pct"]] for i in kpis["indicators"]}
    for name, path in targets.items():
        times = []
        for _ in range(runs):
            status, ms, body = get(url + path, token)
            if status != 200:
                raise SystemExit(f"{path}: HTTP {status}")
            times.append(ms)
        times.sort()
        results[name] = {
            "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
            "max_ms": round(times[-1], 1),
            "bytes": len(body),
        }
    Path(out).write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "fill":
        fill(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
    elif command == "time":
        time_pages(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6])
    else:
        raise SystemExit(__doc__)
