#!/usr/bin/env python3
"""Helpers for bench/trace (standard library only).

  trace.py prepare BASE DIR SERIALS PER_REQUEST PATHS
      Signs in as the demo admin (POST /api/v1/auth/token; the token goes to DIR/token,
      an "Authorization: Bearer …" header line for curl to DIR/auth_header). Picks a
      demo product, the first with a GTIN on /api/v1/products?per_page=100 (the serial
      labels are then GS1 Digital Links), else the first. Records a batch of SERIALS
      units with a short history (harvest, processing, packing, shipping), issues
      SERIALS serials in requests of PER_REQUEST (POST /api/v1/batches/{id}/serials),
      timing each, and writes PATHS unit-label paths drawn at random from all the URLs
      answered (path only, shuffled) to DIR/paths. Writes DIR/prepare.json.

  trace.py check BASE PATHS_FILE COUNT OUT_JSON
      The idle checks: the first COUNT paths of the file, each requested once as a
      browser (HTML) and once with Accept: application/json. Every answer must be 200
      with the right content type, the page must name the serial, and the JSON must say
      genuine with the same serial and a verified chain.

  trace.py events BASE DIR EVENTS OUT_JSON
      Records a fresh batch (DIR/token as above) and posts EVENTS events to it
      (POST /api/v1/batches/{id}/events, kinds in turn, over one keep-alive
      connection), then downloads its signed record to DIR/record.json and the
      published key (/.well-known/dacsan-trace-key) to DIR/key.json, and resolves the
      batch once as HTML and once as JSON (time and size, for information).

  trace.py verify DACSAN RECORD KEY RUNS EVENTS OUT_JSON
      Runs `DACSAN trace verify RECORD --key KEY` RUNS times: exit status, the line it
      prints, the µs it reports and the wall time of the process. It must exit 0 and
      print "VERIFIED: EVENTS events". Then once on a copy of the record with one event
      changed, which must exit 1 with NOT VERIFIED.
"""

import json
import os
import random
import re
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from httpget import Client  # noqa: E402

ADMIN = {"email": "admin@dacsan.vn", "password": "dacsan-admin"}
EVENT_KINDS = ["harvest", "processing", "packing", "shipping", "receiving", "retail"]


def call(client, method, path, payload=None, token=None, accept="application/json"):
    headers = {"Accept": accept}
    body = None
    if payload is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(payload).encode()
    if token:
        headers["Authorization"] = f"Bearer {token}"
    status, resp_headers, data, seconds = client.request(method, path, body=body, headers=headers)
    return status, resp_headers, data, seconds


def expect(status, data, wanted, what):
    if status != wanted:
        sys.exit(f"{what}: expected {wanted}, got {status}: {data[:500].decode(errors='replace')}")
    return json.loads(data)


def read_token(out_dir):
    with open(os.path.join(out_dir, "token"), encoding="utf-8") as f:
        return f.read().strip()


def path_of(url):
    parts = urllib.parse.urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def pick_product(client):
    status, _, data, _ = call(client, "GET", "/api/v1/products?per_page=100")
    items = expect(status, data, 200, "GET /api/v1/products?per_page=100")["items"]
    if not items:
        sys.exit("the demo catalog has no products")
    with_gtin = [p for p in items if p.get("gtin")]
    return (with_gtin or items)[0]


def create_batch(client, token, product_id, lot, quantity):
    body = {"lot": lot, "produced_on": "2026-05-01", "expires_on": "2027-05-01", "quantity": quantity}
    status, _, data, seconds = call(client, "POST", f"/api/v1/products/{product_id}/batches", body, token)
    return expect(status, data, 201, f"POST /api/v1/products/{product_id}/batches"), seconds


def post_event(client, token, batch_id, n, kind=None):
    kind = kind or EVENT_KINDS[n % len(EVENT_KINDS)]
    body = {"kind": kind, "who": f"Bench {kind} {n}", "note": f"bench event {n}"}
    status, _, data, seconds = call(client, "POST", f"/api/v1/batches/{batch_id}/events", body, token)
    expect(status, data, 201, f"POST /api/v1/batches/{batch_id}/events (event {n})")
    return seconds


def prepare(base, out_dir, serials, per_request, paths):
    client = Client(base, timeout=600)
    status, _, data, _ = call(client, "POST", "/api/v1/auth/token", ADMIN)
    token = expect(status, data, 201, "POST /api/v1/auth/token")["token"]
    with open(os.path.join(out_dir, "token"), "w", encoding="utf-8") as f:
        f.write(token)
    with open(os.path.join(out_dir, "auth_header"), "w", encoding="utf-8") as f:
        f.write(f"Authorization: Bearer {token}\n")

    product = pick_product(client)
    batch, _ = create_batch(client, token, product["id"], "BENCH-SERIALS", serials)
    for n, kind in enumerate(["harvest", "processing", "packing", "shipping"]):
        post_event(client, token, batch["id"], n, kind)

    rng = random.Random(20260501)
    sample, requests, issued, first_url = [], [], 0, None
    while issued < serials:
        count = min(per_request, serials - issued)
        status, _, data, seconds = call(client, "POST", f"/api/v1/batches/{batch['id']}/serials",
                                        {"count": count}, token)
        answer = expect(status, data, 201, f"POST /api/v1/batches/{batch['id']}/serials ({count})")
        urls = answer["urls"]
        if answer["issued"] != count or len(urls) != count:
            sys.exit(f"asked for {count} serials, got issued={answer['issued']} and {len(urls)} URLs")
        first_url = first_url or urls[0]
        issued += count
        if answer["serial_count"] != issued:
            sys.exit(f"serial_count {answer['serial_count']} after issuing {issued}")
        # An equal share of the sample from every request: uniform over all the serials.
        take = paths * issued // serials - len(sample)
        sample += rng.sample(urls, min(take, len(urls)))
        requests.append({"count": count, "seconds": round(seconds, 4), "bytes": len(data)})
        print(f"  {issued:,} serials issued ({count:,} in {seconds:.2f} s, answer {len(data) / 1e6:.1f} MB)",
              file=sys.stderr, flush=True)
    rng.shuffle(sample)
    with open(os.path.join(out_dir, "paths"), "w", encoding="utf-8") as f:
        f.write("".join(path_of(u) + "\n" for u in sample))

    status, _, data, _ = call(client, "GET", f"/api/v1/batches/{batch['id']}")
    stored = expect(status, data, 200, f"GET /api/v1/batches/{batch['id']}")
    result = {
        "product_id": product["id"], "product_gtin": product.get("gtin"), "batch_id": batch["id"],
        "lot": batch["lot"], "code": batch["code"], "digital_link": batch["digital_link"],
        "events": stored["event_count"], "serials": serials, "serial_count": stored["serial_count"],
        "per_request": per_request, "requests": requests,
        "issue_seconds": round(sum(r["seconds"] for r in requests), 3),
        "example_url": first_url, "paths": len(sample), "distinct_paths": len(set(sample)),
    }
    with open(os.path.join(out_dir, "prepare.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
    print(f"batch {batch['id']} of product {product['id']} (GTIN {product.get('gtin') or 'none'}): "
          f"{stored['serial_count']:,} serials in {result['issue_seconds']:.1f} s; {len(sample):,} paths to load, "
          f"e.g. {path_of(first_url)}")


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else 0.0


def check(base, paths_file, count, out_json):
    with open(paths_file, encoding="utf-8") as f:
        paths = [line.strip() for line in f if line.strip()][:count]
    client = Client(base)
    failures, times = [], {"html": [], "json": []}
    for path in paths:
        serial = path.rstrip("/").rsplit("/", 1)[-1]
        status, headers, data, seconds = client.get(path, headers={"Accept": "text/html"})
        times["html"].append(seconds)
        ctype = headers.get("content-type", "")
        if status != 200 or not ctype.startswith("text/html") or serial.encode() not in data:
            failures.append(f"HTML {path}: {status} {ctype} ({len(data)} bytes)")
        status, headers, data, seconds = client.get(path, headers={"Accept": "application/json"})
        times["json"].append(seconds)
        ctype = headers.get("content-type", "")
        problem = None
        if status != 200 or not ctype.startswith("application/json"):
            problem = f"{status} {ctype}"
        else:
            body = json.loads(data)
            text = json.dumps(body)
            if body.get("genuine") is not True or serial not in text:
                problem = f"genuine={body.get('genuine')!r}, serial in answer: {serial in text}"
        if problem:
            failures.append(f"JSON {path}: {problem}")
    result = {
        "paths": len(paths), "requests": 2 * len(paths), "failures": len(failures), "examples": failures[:10],
        "idle_ms": {kind: {"p50": round(percentile(t, 50) * 1000, 2), "p99": round(percentile(t, 99) * 1000, 2)}
                    for kind, t in times.items()},
    }
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
    print(f"{2 * len(paths)} idle requests, {len(failures)} not as expected; idle p50 HTML "
          f"{result['idle_ms']['html']['p50']} ms, JSON {result['idle_ms']['json']['p50']} ms"
          + "".join(f"\n  {x}" for x in failures[:10]))


def events(base, out_dir, count, out_json):
    token = read_token(out_dir)
    client = Client(base, timeout=120)
    product = pick_product(client)
    batch, _ = create_batch(client, token, product["id"], "BENCH-EVENTS", 1000)
    start = time.perf_counter()
    per_event = [post_event(client, token, batch["id"], n) for n in range(count)]
    post_seconds = time.perf_counter() - start

    status, _, data, record_seconds = call(client, "GET", f"/api/v1/batches/{batch['id']}/record")
    record = expect(status, data, 200, f"GET /api/v1/batches/{batch['id']}/record")
    with open(os.path.join(out_dir, "record.json"), "wb") as f:
        f.write(data)
    record_bytes = len(data)
    status, _, data, _ = call(client, "GET", "/.well-known/dacsan-trace-key")
    expect(status, data, 200, "GET /.well-known/dacsan-trace-key")
    with open(os.path.join(out_dir, "key.json"), "wb") as f:
        f.write(data)

    resolved = {}
    path = path_of(batch["digital_link"])
    for kind, accept in (("html", "text/html"), ("json", "application/json")):
        best = None
        for _ in range(3):
            status, _, data, seconds = client.get(path, headers={"Accept": accept})
            best = seconds if best is None else min(best, seconds)
        resolved[kind] = {"status": status, "bytes": len(data), "best_ms": round(best * 1000, 2)}
    result = {
        "batch_id": batch["id"], "events_posted": count, "post_seconds": round(post_seconds, 3),
        "post_ms": {"p50": round(percentile(per_event, 50) * 1000, 2), "p99": round(percentile(per_event, 99) * 1000, 2),
                    "max": round(max(per_event) * 1000, 2)},
        "record_events": len(record["events"]), "record_event_count": record["event_count"],
        "record_bytes": record_bytes, "record_ms": round(record_seconds * 1000, 2),
        "resolve_path": path, "resolve": resolved,
    }
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
    print(f"batch {batch['id']}: {count} events posted in {post_seconds:.1f} s; record "
          f"{record_bytes / 1e6:.2f} MB with {len(record['events'])} events ({record_seconds * 1000:.0f} ms); "
          f"batch page {resolved['html']['status']} {resolved['html']['bytes'] / 1e3:.0f} KB "
          f"in {resolved['html']['best_ms']} ms, JSON {resolved['json']['status']} "
          f"{resolved['json']['bytes'] / 1e3:.0f} KB in {resolved['json']['best_ms']} ms")


VERIFY_LINE = re.compile(r"VERIFIED: (\d+) events.*\((\d+) µs\)")


def run_verify(dacsan, record, key):
    start = time.perf_counter()
    proc = subprocess.run([dacsan, "trace", "verify", record, "--key", key], capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1"}, check=False)
    wall = time.perf_counter() - start
    output = (proc.stdout + proc.stderr).strip()
    return proc.returncode, output, wall


def verify(dacsan, record, key, runs, events_expected, out_json):
    results = []
    for _ in range(runs):
        code, output, wall = run_verify(dacsan, record, key)
        m = VERIFY_LINE.search(output) if not output.startswith("NOT") else None
        results.append({
            "exit": code, "output": output[:500], "wall_ms": round(wall * 1000, 3),
            "events": int(m.group(1)) if m else None, "verify_us": int(m.group(2)) if m else None,
        })
    ok = all(r["exit"] == 0 and r["events"] == events_expected for r in results)

    with open(record, encoding="utf-8") as f:
        doc = json.load(f)
    middle = doc["events"][len(doc["events"]) // 2]
    middle["body"]["note"] = str(middle["body"].get("note", "")) + " (changed)"
    tampered = os.path.join(os.path.dirname(record), "record-tampered.json")
    with open(tampered, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    code, output, wall = run_verify(dacsan, tampered, key)
    result = {
        "runs": results, "verified": ok, "events_expected": events_expected,
        "best_verify_us": min((r["verify_us"] for r in results if r["verify_us"] is not None), default=None),
        "best_wall_ms": min(r["wall_ms"] for r in results),
        "tampered": {"exit": code, "output": output[:500], "wall_ms": round(wall * 1000, 3),
                     "rejected": code == 1 and output.startswith("NOT VERIFIED")},
    }
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
    print(f"{results[-1]['output']}\n  best of {runs}: verify {result['best_verify_us']} µs, process "
          f"{result['best_wall_ms']:.1f} ms; tampered copy: exit {code}, {output[:160]}")


def main():
    args = sys.argv[1:]
    if args[:1] == ["prepare"] and len(args) == 6:
        prepare(args[1], args[2], int(args[3]), int(args[4]), int(args[5]))
    elif args[:1] == ["check"] and len(args) == 5:
        check(args[1], args[2], int(args[3]), args[4])
    elif args[:1] == ["events"] and len(args) == 5:
        events(args[1], args[2], int(args[3]), args[4])
    elif args[:1] == ["verify"] and len(args) == 7:
        verify(args[1], args[2], args[3], int(args[4]), int(args[5]), args[6])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
