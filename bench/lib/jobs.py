#!/usr/bin/env python3
"""Helpers for bench/jobs (standard library and psql only).

  jobs.py fake-ghn PORT
      Serves GHN's v2/shipping-order/create under /shiip/public-api as GHN documents it
      (a repeated client order code gets the same waybill) and counts the creates of each
      client order code; GET /stats answers {"creates", "codes", "repeated"}.

  jobs.py queue DATABASE COUNT
      Copies the one booked GHN order of the database COUNT times (new order codes) with
      a parcel each waiting to be booked, and queues a booking job for each, due in the
      far future (so that no server starts before `release`). Prints the first parcel id.

  jobs.py release DATABASE
      Makes the bench's booking jobs due now.

  jobs.py wait DATABASE COUNT OUT.json
      Polls until none of the bench's booking jobs is queued or running (or 15 minutes
      pass), then writes the drain time and what the database shows: jobs done, how many
      ran more than once, parcels booked.
"""

import collections
import http.server
import json
import subprocess
import sys
import threading
import time

CREATES = collections.Counter()
LOCK = threading.Lock()


class FakeGhn(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def answer(self, body):
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        with LOCK:
            stats = {"creates": sum(CREATES.values()), "codes": len(CREATES),
                     "repeated": sum(1 for n in CREATES.values() if n > 1)}
        self.answer(stats)

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        if not self.path.endswith("/v2/shipping-order/create"):
            return self.answer({"code": 400, "message": "not in this test server"})
        code = body.get("client_order_code", "")
        with LOCK:
            CREATES[code] += 1
        self.answer({"code": 200, "message": "Success", "data": {
            "order_code": "GHN" + code.replace("-", ""), "sort_code": "000", "trans_type": "truck",
            "total_fee": 36500, "expected_delivery_time": "2027-01-05T16:59:59Z"}})

    def log_message(self, *args):
        pass


def psql(database, sql):
    return subprocess.check_output(["psql", "-Atq", "-v", "ON_ERROR_STOP=1", database, "-c", sql], text=True).strip()


def columns(database, table, leave_out):
    names = psql(database, f"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}' "
                           "AND table_schema = current_schema() ORDER BY ordinal_position").split("\n")
    return [n for n in names if n not in leave_out]


def queue(database, count):
    seed = psql(database, "SELECT id, order_id FROM shipments WHERE carrier = 'ghn' AND tracking_code IS NOT NULL "
                          "ORDER BY id LIMIT 1")
    if not seed:
        sys.exit("no booked GHN parcel to copy: run the seed order first")
    shipment_id, order_id = seed.split("|")
    order_cols = columns(database, "orders", {"id", "code", "checkout_id"})
    listed = ", ".join(order_cols)
    psql(database, f"""INSERT INTO orders (code, checkout_id, {listed})
        SELECT 'BJ' || g, 'bench-jobs-' || g, {listed} FROM orders, generate_series(1, {count}) g
        WHERE orders.id = {order_id}""")
    items = columns(database, "order_items", {"id", "order_id"})
    listed_items = ", ".join(items)
    psql(database, f"""INSERT INTO order_items (order_id, {listed_items})
        SELECT o.id, {", ".join("i." + c for c in items)} FROM orders o, order_items i
        WHERE o.code LIKE 'BJ%' AND i.order_id = {order_id}""")
    kept = columns(database, "shipments", {"id", "order_id", "code", "tracking_code", "status", "sscc", "fee_vnd",
                                            "label_url", "last_event_at", "error"})
    psql(database, f"""INSERT INTO shipments (order_id, code, status, {", ".join(kept)})
        SELECT o.id, o.code || '-1', 'booking', {", ".join("s." + c for c in kept)} FROM orders o, shipments s
        WHERE o.code LIKE 'BJ%' AND s.id = {shipment_id}""")
    psql(database, """INSERT INTO jobs (kind, payload, dedupe_key, status, attempts, max_attempts, run_at,
            created_at, updated_at)
        SELECT 'shipping.book', '{"shipment_id":' || s.id || '}', 'shipping.book:' || s.id, 'queued', 0, 8,
            '2999-01-01T00:00:00Z', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
            to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
        FROM shipments s WHERE s.code LIKE 'BJ%'""")
    psql(database, "ANALYZE")
    print(psql(database, "SELECT count(*) FROM jobs WHERE kind = 'shipping.book' AND status = 'queued'"))


BENCH_JOBS = "kind = 'shipping.book' AND dedupe_key IN (SELECT 'shipping.book:' || id FROM shipments WHERE code LIKE 'BJ%')"


def release(database):
    psql(database, f"""UPDATE jobs SET run_at = to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
        WHERE {BENCH_JOBS} AND status = 'queued'""")


def wait(database, count, out):
    started = time.monotonic()
    while True:
        left = int(psql(database, f"SELECT count(*) FROM jobs WHERE {BENCH_JOBS} AND status IN ('queued', 'running')"))
        if left == 0 or time.monotonic() - started > 900:
            break
        time.sleep(0.1)
    seconds = time.monotonic() - started
    figures = {
        "count": count,
        "left": left,
        "seconds": round(seconds, 2),
        "done": int(psql(database, f"SELECT count(*) FROM jobs WHERE {BENCH_JOBS} AND status = 'done'")),
        "failed": int(psql(database, f"SELECT count(*) FROM jobs WHERE {BENCH_JOBS} AND status = 'failed'")),
        "ran_more_than_once": int(psql(database, f"SELECT count(*) FROM jobs WHERE {BENCH_JOBS} AND attempts > 1")),
        "parcels_booked": int(psql(database, "SELECT count(*) FROM shipments WHERE code LIKE 'BJ%' "
                                             "AND status = 'booked' AND tracking_code IS NOT NULL")),
    }
    with open(out, "w") as f:
        json.dump(figures, f, indent=1)
    print(json.dumps(figures))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "fake-ghn":
        http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), FakeGhn).serve_forever()
    elif command == "queue":
        queue(sys.argv[2], int(sys.argv[3]))
    elif command == "release":
        release(sys.argv[2])
    elif command == "wait":
        wait(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)
