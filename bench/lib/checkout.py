#!/usr/bin/env python3
"""Helpers for bench/checkout (standard library only).

  checkout.py prepare BASE COUNT STOCK DIR
      Signs in as the demo admin (POST /api/v1/auth/token) and writes the bearer token
      to DIR/token. Reads the products in stock (GET /api/v1/products?per_page=100&
      in_stock=1), sets the stock of the first COUNT to STOCK (PATCH /api/v1/products/
      {id}) and writes their ids to DIR/ids, one a line; the other ids in stock go to
      DIR/spare_ids (products for the oversell bursts, untouched by the load).

  checkout.py taken BASE IDS_FILE STOCK
      Prints the units taken from those products since their stock was set to STOCK:
      the sum of STOCK - stock over the ids (GET /api/v1/products/{id}).

  checkout.py oversell OUT_JSON PRODUCT_ID STOCK REQUESTS TOKEN_FILE BASE [BASE ...]
      Sets the product's stock to STOCK, then fires REQUESTS checkouts of 1 unit at
      once (one thread each, released together by a barrier), request i going to
      BASE[i % number of bases]. Writes the status counts and the stock read
      afterwards to OUT_JSON and prints a one-line summary.
"""

import collections
import concurrent.futures
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from httpget import Client  # noqa: E402

ADMIN = {"email": "admin@dacsan.vn", "password": "dacsan-admin"}


def checkout_body(product_id):
    return {
        "items": [{"product_id": product_id, "quantity": 1}],
        "buyer": {"name": "Bench Buyer", "phone": "0912345678"},
        "shipping": {"province_code": "01", "commune_code": "00004", "street": "12 Hang Bong"},
        "payment_method": "cod",
    }


def timed_call(client, method, path, payload=None, token=None):
    """A JSON API call: (status, data, seconds it took)."""
    headers = {"Accept": "application/json"}
    body = None
    if payload is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(payload).encode()
    if token:
        headers["Authorization"] = f"Bearer {token}"
    status, _, data, elapsed = client.request(method, path, body=body, headers=headers)
    return status, data, elapsed


def call(client, method, path, payload=None, token=None):
    status, data, _ = timed_call(client, method, path, payload, token)
    return status, data


def expect(status, data, wanted, what):
    if status != wanted:
        sys.exit(f"{what}: expected {wanted}, got {status}: {data[:500].decode(errors='replace')}")
    return json.loads(data)


def sign_in(client):
    status, data = call(client, "POST", "/api/v1/auth/token", ADMIN)
    return expect(status, data, 201, "POST /api/v1/auth/token")["token"]


def set_stock(client, token, product_id, stock):
    status, data = call(client, "PATCH", f"/api/v1/products/{product_id}", {"stock": stock}, token)
    product = expect(status, data, 200, f"PATCH /api/v1/products/{product_id}")
    if product["stock"] != stock:
        sys.exit(f"product {product_id}: stock is {product['stock']} after setting it to {stock}")


def stock_of(client, product_id):
    status, data = call(client, "GET", f"/api/v1/products/{product_id}")
    return expect(status, data, 200, f"GET /api/v1/products/{product_id}")["stock"]


def prepare(base, count, stock, out_dir):
    client = Client(base)
    token = sign_in(client)
    status, data = call(client, "GET", "/api/v1/products?per_page=100&in_stock=1")
    listing = expect(status, data, 200, "GET /api/v1/products?per_page=100&in_stock=1")
    ids = [p["id"] for p in listing["items"] if p["stock"] > 0]
    if len(ids) < count + 3:
        sys.exit(f"only {len(ids)} products in stock on the first page; need {count + 3}")
    load_ids, spare = ids[:count], ids[count:]
    for product_id in load_ids:
        set_stock(client, token, product_id, stock)
    with open(os.path.join(out_dir, "token"), "w", encoding="utf-8") as f:
        f.write(token)
    with open(os.path.join(out_dir, "ids"), "w", encoding="utf-8") as f:
        f.write("".join(f"{i}\n" for i in load_ids))
    with open(os.path.join(out_dir, "spare_ids"), "w", encoding="utf-8") as f:
        f.write("".join(f"{i}\n" for i in spare))
    print(f"{len(load_ids)} products set to stock {stock:,} (of {listing['total']} in stock); "
          f"{len(spare)} spare")


def taken(base, ids_file, stock):
    client = Client(base)
    with open(ids_file, encoding="utf-8") as f:
        ids = [int(line) for line in f if line.strip()]
    print(sum(stock - stock_of(client, i) for i in ids))


def post_checkout(base, product_id, barrier):
    request = urllib.request.Request(
        f"{base}/api/v1/checkout",
        data=json.dumps(checkout_body(product_id)).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    barrier.wait()
    try:
        with urllib.request.urlopen(request, timeout=60) as resp:
            resp.read()
            return str(resp.status)
    except urllib.error.HTTPError as err:
        detail = err.read()[:300].decode(errors="replace")
        return str(err.code) if err.code in (201, 409) else f"{err.code} {detail}"
    except (urllib.error.URLError, OSError) as err:
        return f"error {err}"


def oversell(out_json, product_id, stock, requests, token_file, bases):
    with open(token_file, encoding="utf-8") as f:
        token = f.read().strip()
    set_stock(Client(bases[0]), token, product_id, stock)
    barrier = threading.Barrier(requests, timeout=60)
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=requests) as pool:
        futures = [pool.submit(post_checkout, bases[i % len(bases)], product_id, barrier) for i in range(requests)]
        results = [f.result() for f in futures]
    seconds = time.perf_counter() - start
    counts = collections.Counter(r if r in ("201", "409") else "other" for r in results)
    others = sorted(set(r for r in results if r not in ("201", "409")))
    per_base = {b: dict(collections.Counter(results[i] for i in range(requests) if bases[i % len(bases)] == b))
                for b in bases}
    stock_after = [stock_of(Client(b), product_id) for b in bases]
    result = {
        "product_id": product_id, "stock_before": stock, "requests": requests, "bases": bases,
        "created": counts["201"], "conflict": counts["409"], "other": counts["other"],
        "other_kinds": others[:10], "per_base": per_base, "stock_after": stock_after,
        "seconds": round(seconds, 3),
    }
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
    print(f"product {product_id}: {counts['201']} × 201, {counts['409']} × 409, {counts['other']} other; "
          f"stock afterwards {stock_after} ({seconds:.2f} s)")


def main():
    args = sys.argv[1:]
    if args[:1] == ["prepare"] and len(args) == 5:
        prepare(args[1], int(args[2]), int(args[3]), args[4])
    elif args[:1] == ["taken"] and len(args) == 4:
        taken(args[1], args[2], int(args[3]))
    elif args[:1] == ["oversell"] and len(args) >= 7:
        oversell(args[1], int(args[2]), int(args[3]), int(args[4]), args[5], args[6:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
