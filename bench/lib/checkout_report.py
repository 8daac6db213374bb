#!/usr/bin/env python3
"""Turns the raw results of one bench/checkout into the table of promises.

Usage: checkout_report.py RAW_DIR CHECKOUT_MD

RAW_DIR holds checkout.env (key=value lines written by bench/checkout), wrk_sqlite.json
and wrk_postgres.json (the JSON line of bench/wrk/checkout.lua) and one
oversell_<name>.json per burst (bench/lib/checkout.py). The report is printed and
written to CHECKOUT_MD as Markdown.

Orders/s counts 201 responses only, divided by wrk's measured duration.
"""

import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report import load_json, machine, ms, read_env, scenario, verdict  # noqa: E402

MIN_SQLITE_ORDERS_S = 300

BURSTS = [
    ("sqlite", "SQLite, one process"),
    ("postgres", "PostgreSQL, one process"),
    ("postgres_two", "PostgreSQL, two processes (requests alternating)"),
]


BUSY = re.compile(r"database is locked|busy|timed out|PoolTimedOut|deadlock", re.IGNORECASE)
LEVEL = re.compile(r"^\S+\s+(ERROR|WARN)\s+(.*)$")


def read_log(raw, name):
    """Counts of ERROR and WARN lines in dacsan_NAME.log, of those that say busy, locked
    or timed out, and the distinct ERROR/WARN messages (without their timestamps)."""
    path = os.path.join(raw, f"dacsan_{name}.log")
    if not os.path.exists(path):
        return None
    log = {"ERROR": 0, "WARN": 0, "busy": 0, "messages": collections.Counter()}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = LEVEL.match(line.strip())
            if m:
                log[m.group(1)] += 1
                log["busy"] += bool(BUSY.search(m.group(2)))
                log["messages"][f"{m.group(1)} {m.group(2)[:200]}"] += 1
    return log


def main():
    raw, out_md = sys.argv[1], sys.argv[2]
    env = read_env(os.path.join(raw, "checkout.env"))
    conns = env["connections"]
    rows = []  # figure, measured, promise, result

    def row(figure, measured, promise="—", result="info"):
        rows.append((figure, measured, promise, result))

    loads = {}
    for name, label, promise in (("sqlite", "SQLite", True), ("postgres", "PostgreSQL", False)):
        s = scenario(raw, name, env)
        loads[name] = s
        if s is None:
            row(f"{label}: checkout orders/s, {conns} connections", "not measured",
                f"≥ {MIN_SQLITE_ORDERS_S}" if promise else "—", "**FAIL**" if promise else "info")
            continue
        seconds = s["duration_us"] / 1e6
        created = int(s["statuses"].get("201", 0))
        s["orders_s"] = created / seconds if seconds else 0.0
        non201 = s["requests"] - created
        measured = (f"{s['orders_s']:,.0f} ({created:,} × 201 in {seconds:.1f} s; non-2xx {s['errors']['status']:,}, "
                    f"other non-201 {non201 - s['errors']['status']:,}, socket errors {s['socket_errors']:,})")
        if promise:
            row(f"{label}: checkout orders/s, {conns} connections", measured, f"≥ {MIN_SQLITE_ORDERS_S}",
                verdict(s["orders_s"] >= MIN_SQLITE_ORDERS_S))
        else:
            row(f"{label}: checkout orders/s, {conns} connections", measured)
        lat = s["latency_us"]
        row(f"{label}: checkout latency, {conns} connections", f"p50 {ms(lat['p50'])}, p99 {ms(lat['p99'])}")
        orders, taken = int(env[f"orders_{name}"]), int(env[f"taken_{name}"])
        unanswered = s["sent"] - s["requests"]
        row(f"{label}: orders in the database against 201 responses",
            f"{orders:,} orders, {created:,} × 201 (difference {orders - created:+,}); {unanswered} requests "
            f"unanswered when wrk stopped; {taken:,} units of stock taken (API)",
            "orders = 201s, plus at most the unanswered; units taken = orders",
            verdict(created <= orders <= created + unanswered and taken == orders))
        row(f"{label}: responses other than 201 under load, socket errors",
            f"{non201:,} not 201, {s['socket_errors']:,} socket errors", "0",
            verdict(non201 == 0 and s["socket_errors"] == 0))

    stock = int(env["oversell_stock"])
    requests = int(env["oversell_requests"])
    bursts = {}
    for name, label in BURSTS:
        b = load_json(raw, f"oversell_{name}.json")
        bursts[name] = b
        promise = f"exactly {stock} × 201, {requests - stock} × 409, stock 0"
        figure = f"Oversell, {label}: {requests} checkouts at once for {stock} units"
        if b is None:
            row(figure, "not measured", promise, "**FAIL**")
            continue
        orders = int(env.get(f"oversell_orders_{name}", -1))
        measured = (f"{b['created']} × 201, {b['conflict']} × 409, {b['other']} other; stock afterwards "
                    f"{', '.join(str(x) for x in b['stock_after'])}; {orders} orders of it in the database "
                    f"({b['seconds']:.2f} s)")
        ok = (b["created"] == stock and b["conflict"] == requests - stock and b["other"] == 0
              and all(x == 0 for x in b["stock_after"]) and orders == stock)
        row(figure, measured, promise, verdict(ok))

    logs = {n: read_log(raw, n) for n in ("sqlite", "postgres", "postgres2")}
    logs = {n: log for n, log in logs.items() if log is not None}
    totals = {k: sum(log[k] for log in logs.values()) for k in ("ERROR", "WARN", "busy")}
    per_server = "; ".join(f"{n}: {log['ERROR']}, {log['busy']}" for n, log in logs.items())
    row("Server logs: ERROR lines, busy/locked/timed-out lines", f"{totals['ERROR']}, {totals['busy']} ({per_server})",
        "0, 0", verdict(totals["ERROR"] == 0 and totals["busy"] == 0))
    row("Server logs: WARN lines (listed below the tables)",
        f"{totals['WARN']} (" + "; ".join(f"{n}: {log['WARN']}" for n, log in logs.items()) + ")")
    alive = [env.get(k) == "1" for k in ("alive_sqlite", "alive_postgres") if k in env]
    row("Servers still running after their load", "yes" if all(alive) else "NO", "yes", verdict(all(alive)))

    lines = [
        "# dacsan checkout benchmark",
        "",
        f"- When: {env.get('started_at', '?')}; whole run {float(env.get('wall_s', 0)):.0f} s",
        f"- Machine: {machine()}; load average at the start {env.get('loadavg_start', '?')}, before the SQLite "
        f"load {env.get('loadavg_sqlite', '?')}, before the PostgreSQL load {env.get('loadavg_postgres', '?')}",
        f"- Code: {env.get('commit', '?')}; PostgreSQL {env.get('postgres') or 'not available'}",
        f"- Load: wrk {env['threads']} threads, {conns} connections, {env['duration']} after {env['warmup']} "
        f"warm-up; each request one unit of one of {env['load_products']} demo products (stock set to "
        f"{int(env['load_stock']):,}), cash on delivery, as a guest",
        "- Load generator and servers share this machine.",
        "",
        "| Figure | Measured | Promise | Result |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]

    lines += ["", "## Checkout load", "",
              "| Database | Requests | statuses | orders/s | p50 | p90 | p99 | max | server CPU | CPU/order |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, label in (("sqlite", "SQLite"), ("postgres", "PostgreSQL")):
        s = loads.get(name)
        if s is None:
            continue
        lat = s["latency_us"]
        statuses = ", ".join(f"{k}: {v:,}" for k, v in sorted(s["statuses"].items()))
        cpu = f"{s['cpu'] * 100:.0f} %" if s["cpu"] is not None else "?"
        cpu_order = f"{s['cpu'] / s['orders_s'] * 1e6:.0f} µs" if s["cpu"] is not None and s["orders_s"] else "?"
        lines.append(f"| {label} | {s['requests']:,} | {statuses} | {s['orders_s']:,.0f} | {ms(lat['p50'])} | "
                     f"{ms(lat['p90'])} | {ms(lat['p99'])} | {ms(lat['max'])} | {cpu} | {cpu_order} |")
    lines += ["", "Server CPU: the dacsan process's user + system CPU time during the measured run, per second "
              "(100 % = one core); the database server's CPU (PostgreSQL) is not included.", ""]
    for name, label in BURSTS:
        b = bursts.get(name)
        if b and b["other_kinds"]:
            lines.append(f"- {label}: other answers: {'; '.join(b['other_kinds'])}")
        if b and len(b["bases"]) > 1:
            lines.append(f"- {label}: per server: " + "; ".join(
                f"{base} {counts}" for base, counts in b["per_base"].items()))
    for name, log in logs.items():
        for message, count in sorted(log["messages"].items(), key=lambda m: -m[1]):
            lines.append(f"- Log `dacsan_{name}.log`: {count} × `{message}`")
    for name in ("sqlite", "postgres"):
        if f"fill_s_{name}" in env:
            lines.append(f"- Demo fill ({name}): {float(env[f'fill_s_{name}']):.1f} s")

    text = "\n".join(lines) + "\n"
    with open(out_md, "w", encoding="utf-8") as f:
        f.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
