#!/usr/bin/env python3
"""bench/attribution helper (standard library only): what attribution adds to checkout.

  attribution.py measure BASE ROUNDS OUT_JSON

Signs in as the demo seller and the demo admin, gives the seller's products a large
stock, and schedules a live session on them (on now, with a session price). Then, over
one keep-alive connection, one checkout at a time, ROUNDS rounds of three checkouts of
the same product and buyer: without a referral code, with the demo affiliate's code
(the host's commission rates are read), and with the session's code (session, its
prices and caps are read). The order of the three changes every round, so drift in
the machine falls on all three alike. Prints and writes each kind's median, p95 and
p99 (ms) and what each code adds to the median.
"""

import json
import statistics
import sys
import time
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from httpget import Client  # noqa: E402
from checkout import timed_call  # noqa: E402

SELLER = {"email": "seller@dacsan.vn", "password": "dacsan-seller"}
SELLER_STORE = "htx-che-shan-tuyet-sin-ho"  # the demo seller's producer
ADMIN = {"email": "admin@dacsan.vn", "password": "dacsan-admin"}
AFFILIATE_CODE = "KOCMINHA"  # the demo buyer's own code, 8 % from the demo seller
STOCK = 1_000_000


# A call answers (status, data, seconds it took).
call = timed_call


def expect(answer, wanted, what):
    status, data, _ = answer
    if status != wanted:
        sys.exit(f"{what}: expected {wanted}, got {status}: {data[:500].decode(errors='replace')}")
    return json.loads(data)


def stamp(seconds_from_now):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + seconds_from_now))


def prepare(client):
    seller = expect(call(client, "POST", "/api/v1/auth/token", SELLER), 201, "sign in (seller)")["token"]
    admin = expect(call(client, "POST", "/api/v1/auth/token", ADMIN), 201, "sign in (admin)")["token"]
    producer_id = expect(call(client, "GET", f"/api/v1/producers/{SELLER_STORE}"), 200, "the seller's store")["id"]
    products, page = [], 1
    while len(products) < 3:
        listing = expect(call(client, "GET", f"/api/v1/products?per_page=100&page={page}"), 200, "the catalog")
        if not listing["items"]:
            sys.exit(f"the demo seller's store has {len(products)} products on sale; 3 needed")
        products += [p for p in listing["items"] if p["producer_id"] == producer_id][:3 - len(products)]
        page += 1
    for p in products:
        expect(call(client, "PATCH", f"/api/v1/products/{p['id']}", {"stock": STOCK}, admin), 200, "set stock")
    session = expect(call(client, "POST", "/api/v1/live-sessions", {
        "title": "Bench: phiên live", "platform": "dacsan", "starts_at": stamp(-60), "ends_at": stamp(4 * 3600),
        "items": [{"product_id": p["id"], "session_price_vnd": p["price_vnd"] - 1000} for p in products],
    }, seller), 201, "POST /api/v1/live-sessions")
    return products[0]["id"], session["referral_code"]


def checkout_body(product_id, code):
    body = {
        "items": [{"product_id": product_id, "quantity": 1}],
        "buyer": {"name": "Bench Buyer", "phone": "0912345678"},
        "shipping": {"province_code": "01", "commune_code": "00004", "street": "12 Hang Bong"},
        "payment_method": "cod",
    }
    if code:
        body["referral_code"] = code
    return body


def summary(times):
    ordered = sorted(times)

    def at(share):
        return round(ordered[min(len(ordered) - 1, int(len(ordered) * share))], 3)

    return {"count": len(times), "median_ms": round(statistics.median(times), 3), "p95_ms": at(0.95),
            "p99_ms": at(0.99)}


def measure(base, rounds, out):
    client = Client(base)
    product_id, session_code = prepare(client)
    kinds = {"none": None, "affiliate": AFFILIATE_CODE, "session": session_code}
    orders = [list(kinds), ["affiliate", "session", "none"], ["session", "none", "affiliate"]]
    times = {kind: [] for kind in kinds}
    attributed = {kind: 0 for kind in kinds}
    for warm in range(20):
        for kind in kinds:
            expect(call(client, "POST", "/api/v1/checkout", checkout_body(product_id, kinds[kind])), 201, "warm-up")
    for n in range(rounds):
        for kind in orders[n % 3]:
            answer = call(client, "POST", "/api/v1/checkout", checkout_body(product_id, kinds[kind]))
            placed = expect(answer, 201, f"checkout ({kind})")
            times[kind].append(answer[2] * 1000)
            if any(o.get("attributed_to") for o in placed["orders"]):
                attributed[kind] += 1
    result = {kind: summary(t) | {"attributed": attributed[kind]} for kind, t in times.items()}
    for kind in ("affiliate", "session"):
        result[kind]["adds_to_median_ms"] = round(result[kind]["median_ms"] - result["none"]["median_ms"], 3)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
    print(json.dumps(result, indent=2))
    if attributed["none"] or attributed["affiliate"] != rounds or attributed["session"] != rounds:
        sys.exit(f"attribution went wrong: {attributed}")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "measure":
        measure(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)
