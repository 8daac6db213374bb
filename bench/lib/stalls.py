"""bench/stalls helpers: a market day in a migrated SQLite database (one fair, STALLS
booths, each its producer with a receiving account, three products and its own seller
account, signed in on the stall's phone), then two measurements against the running
server:

  stalls.py fill DB STALLS SELLER_EMAIL
  stalls.py time URL DB OUT.json PASSWORD SELLER_EMAIL KEY SECONDS QUEUED

1. VietQR under load: every stall sells by VietQR twice a second (open loop: a sale
   is sent at its time whether the last one answered or not), and the bank hook pays
   each sale a second later, for SECONDS; the latency of every sale is kept.
2. Offline replay: every stall's phone comes back with QUEUED cash sales and sends
   them in order, one at a time, all phones at once; then sends them all again. The
   database must hold each sale once.

Standard library only: one keep-alive HTTP/1.1 connection per stall over asyncio.
"""

import asyncio
import json
import random
import sqlite3
import statistics
import sys
import time
import urllib.request
from pathlib import Path


def stamp():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def fill(db_path, stalls, email):
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA journal_mode = WAL")
    today = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 7 * 3600))
    tomorrow = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 31 * 3600))
    with db:
        # Made a buyer on the command line (a seller there needs a producer first);
        # each stall's seller is a copy of it, with its password.
        template = db.execute("SELECT id FROM users WHERE email = ?", (email,)).fetchone()[0]
        fair = db.execute(
            "INSERT INTO fairs (province_code, name, kind, place, starts_on, ends_on, visitors, created_at, updated_at,"
            " target_revenue_vnd) VALUES ('31', 'Phiên chợ hàng Việt Hải Phòng', 'market_session', 'Quảng trường',"
            " ?, ?, 0, ?, ?, 2500000000)", (today, tomorrow, stamp(), stamp())).lastrowid
        for n in range(stalls):
            producer = db.execute(
                "INSERT INTO producers (slug, name, kind, province_code, commune_code, street, phone, created_at, updated_at)"
                " VALUES (?, ?, 'hop_tac_xa', '12', '03478', 'Bản Sìn Hồ', '+84912345678', ?, ?)",
                (f"stall-{n}", f"HTX gian hàng {n}", stamp(), stamp())).lastrowid
            db.execute(
                "INSERT INTO payment_accounts (producer_id, bank_bin, account_number, account_holder, updated_at)"
                " VALUES (?, '970436', ?, 'HTX GIAN HANG', ?)", (producer, f"00110022{n:05d}", stamp()))
            user = db.execute(
                "INSERT INTO users (email, name, password_hash, role, created_at)"
                " SELECT ?, name, password_hash, 'seller', created_at FROM users WHERE id = ?",
                (stall_email(n), template)).lastrowid
            db.execute("INSERT INTO producer_members (user_id, producer_id, member_role) VALUES (?, ?, 'staff')", (user, producer))
            db.execute("INSERT INTO fair_booths (fair_id, producer_id, booth, revenue_vnd) VALUES (?, ?, ?, 0)",
                       (fair, producer, f"A{n + 1}"))
            for i in range(3):
                db.execute(
                    "INSERT INTO products (slug, producer_id, name, set_code, ocop_stars, price_vnd, unit, weight_g, stock,"
                    " origin_commune_code, status, created_at, updated_at)"
                    " VALUES (?, ?, ?, 'che', 0, ?, 'hộp', 250, 1000000, '03478', 'active', ?, ?)",
                    (f"stall-{n}-{i}", producer, f"Chè Shan tuyết hộp {i}", 150_000 + i * 50_000, stamp(), stamp()))
    db.close()
    print(json.dumps({"fair": fair, "stalls": stalls}))


def stall_email(n):
    return f"stall{n}@bench.vn"


def sign_in(url, email, password):
    request = urllib.request.Request(f"{url}/api/v1/auth/token", data=json.dumps({"email": email, "password": password}).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    return json.loads(urllib.request.urlopen(request).read())["token"]


class Connection:
    """One keep-alive HTTP/1.1 connection: a request at a time, Content-Length bodies."""

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def request(self, method, path, body, headers):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        data = json.dumps(body).encode()
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nContent-Type: application/json\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        head += f"Content-Length: {len(data)}\r\n\r\n"
        self.writer.write(head.encode() + data)
        await self.writer.drain()
        status_line = await self.reader.readline()
        status = int(status_line.split()[1])
        length = 0
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        payload = await self.reader.readexactly(length) if length else b""
        return status, payload


def percentile(values, share):
    values = sorted(values)
    return round(values[min(len(values) - 1, int(len(values) * share))], 1)


def summary(times):
    return {"count": len(times), "median_ms": round(statistics.median(times), 1), "p95_ms": percentile(times, 0.95),
            "p99_ms": percentile(times, 0.99), "max_ms": round(max(times), 1)}


async def vietqr_load(host, port, fair, producers, products, tokens, key, seconds):
    times, failures, paid = [], [], []
    sales = asyncio.Queue()

    async def stall(n, producer):
        conn = Connection(host, port)
        auth = {"Authorization": f"Bearer {tokens[producer]}"}
        start = time.perf_counter() + random.random() * 0.5
        k = 0
        while True:
            due = start + k * 0.5
            if due - start > seconds:
                return
            await asyncio.sleep(max(0, due - time.perf_counter()))
            body = {"client_sale_id": f"qr-{n}-{k}", "method": "vietqr",
                    "items": [{"product_id": products[producer][k % 3], "quantity": 1 + k % 2}]}
            t0 = time.perf_counter()
            status, payload = await conn.request("POST", f"/api/v1/programme/fairs/{fair}/booths/{producer}/sales", body, auth)
            times.append((time.perf_counter() - t0) * 1000)
            if status != 201:
                failures.append((status, payload[:200].decode(errors="replace")))
            else:
                sale = json.loads(payload)
                assert sale["vietqr"]["payload"], sale
                await sales.put((time.perf_counter() + 1.0, sale["code"], sale["amount_vnd"]))
            k += 1

    async def bank(worker):
        conn = Connection(host, port)
        while True:
            at, code, amount = await sales.get()
            if code is None:
                return
            await asyncio.sleep(max(0, at - time.perf_counter()))
            body = {"id": hash((code, worker)) & 0x7FFFFFFF, "gateway": "Vietcombank", "transactionDate": "2026-12-03 10:00:00",
                    "accountNumber": "", "content": f"{code} thanh toan", "transferType": "in", "transferAmount": amount,
                    "referenceCode": f"FT{code}"}
            status, payload = await conn.request("POST", "/api/v1/payments/bank-webhook", body, {"Authorization": f"Apikey {key}"})
            paid.append(json.loads(payload)["outcome"] if status == 200 else status)

    banks = [asyncio.create_task(bank(w)) for w in range(50)]
    t0 = time.perf_counter()
    await asyncio.gather(*(stall(n, p) for n, p in enumerate(producers)))
    elapsed = time.perf_counter() - t0
    for _ in banks:
        await sales.put((0, None, 0))
    await asyncio.gather(*banks)
    result = summary(times)
    result.update({"stalls": len(producers), "seconds": round(elapsed, 1), "sales_per_s": round(len(times) / elapsed, 1),
                   "failures": len(failures), "first_failures": failures[:3],
                   "paid": sum(1 for p in paid if p == "paid"), "transfers": len(paid)})
    return result


async def offline_replay(host, port, fair, producers, tokens, queued):
    sent_at = stamp()

    async def phone(n, producer):
        conn = Connection(host, port)
        auth = {"Authorization": f"Bearer {tokens[producer]}"}
        statuses = []
        for k in range(queued):
            body = {"client_sale_id": f"phone{n}-{k}", "method": "cash", "amount_vnd": 20_000 + 1_000 * (k % 50),
                    "sold_at": sent_at}
            status, _ = await conn.request("POST", f"/api/v1/programme/fairs/{fair}/booths/{producer}/sales", body, auth)
            statuses.append(status)
        return statuses

    rounds = []
    for _ in range(2):
        t0 = time.perf_counter()
        results = await asyncio.gather(*(phone(n, p) for n, p in enumerate(producers)))
        statuses = [s for r in results for s in r]
        rounds.append({"seconds": round(time.perf_counter() - t0, 2), "sales": len(statuses),
                       "created": statuses.count(201), "same_sale": statuses.count(200),
                       "other": len(statuses) - statuses.count(201) - statuses.count(200)})
    return rounds


def time_all(url, db_path, out, password, email, key, seconds, queued):
    db = sqlite3.connect(db_path)
    fair = db.execute("SELECT id FROM fairs ORDER BY id DESC LIMIT 1").fetchone()[0]
    producers = [r[0] for r in db.execute("SELECT producer_id FROM fair_booths WHERE fair_id = ? ORDER BY producer_id", (fair,))]
    products = {}
    for producer, product in db.execute("SELECT producer_id, id FROM products ORDER BY id"):
        products.setdefault(producer, []).append(product)
    sellers = db.execute("SELECT m.producer_id, u.email FROM producer_members m JOIN users u ON u.id = m.user_id"
                         " WHERE u.email LIKE 'stall%@bench.vn'").fetchall()
    tokens = {producer: sign_in(url, seller, password) for producer, seller in sellers}
    host, port = url.removeprefix("http://").split(":")
    results = {"vietqr_sale": asyncio.run(vietqr_load(host, int(port), fair, producers, products, tokens, key, seconds))}
    results["offline_replay"] = asyncio.run(offline_replay(host, int(port), fair, producers, tokens, queued))
    cash = db.execute("SELECT COUNT(*), COUNT(DISTINCT client_sale_id) FROM stall_sales WHERE method = 'cash'").fetchone()
    results["offline_replay_stored"] = {"sales": cash[0], "distinct": cash[1], "expected": len(producers) * queued}
    Path(out).write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    if sys.argv[1] == "fill":
        fill(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif sys.argv[1] == "time":
        time_all(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], sys.argv[7], int(sys.argv[8]), int(sys.argv[9]))
    else:
        raise SystemExit(__doc__)
