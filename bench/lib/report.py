#!/usr/bin/env python3
"""Turns the raw results of one bench/run into the table of promises.

Usage: report.py RAW_DIR RESULTS_MD

RAW_DIR holds run.env (key=value lines written by bench/run), one wrk_<scenario>.json
per load scenario (the JSON line of bench/wrk/paths.lua), preflight.json
(bench/lib/prepare.py) and weight.json (bench/lib/weight.py). The report is printed
and written to RESULTS_MD as Markdown.

Ratios: R0 is the mean requests/s of the two baseline runs (one before and one after
the dacsan scenarios); a scenario's ratio is its requests/s divided by R0. Sizes use
1 KB = 1 000 bytes and 1 MB = 1 000 000 bytes (the stricter reading of a promise).
"""

import json
import os
import platform
import sys

SCENARIOS = [
    ("baseline_before", "baseline `/` (before)"),
    ("search", "search API, mixed queries"),
    ("pages", "product pages `/p/{slug}`"),
    ("search_low", "search API, low concurrency"),
    ("search_uncached", "search API, low concurrency, queries not in the cache"),
    ("search_longtail", "search API, long tail: thousands of distinct queries"),
    ("baseline_after", "baseline `/` (after)"),
]

# Scenarios run with the low connection count.
LOW = ("search_low", "search_uncached")
# The long tail's promises (issue 13): p99, throughput ratio, memory during and after.
LONGTAIL_RATIO = 0.05
LONGTAIL_P99_US = 10_000
MEMORY_LIMIT = 150e6


def connections(env, name):
    if name in LOW:
        return env["low_connections"]
    if name == "search_longtail":
        return env.get("longtail_connections", "?")
    return env["connections"]


def read_env(path):
    env = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("=")
            if key:
                env[key] = value
    return env


def load_json(raw, name):
    path = os.path.join(raw, name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def scenario(raw, name, env):
    data = load_json(raw, f"wrk_{name}.json")
    if data is None:
        return None
    seconds = data["duration_us"] / 1e6
    data["rps"] = data["requests"] / seconds if seconds else 0.0
    data["mb_s"] = data["bytes"] / seconds / 1e6 if seconds else 0.0
    e = data["errors"]
    data["socket_errors"] = e["connect"] + e["read"] + e["write"] + e["timeout"]
    ticks = env.get(f"cpu_ticks_{name}")
    data["cpu"] = int(ticks) / int(env["clock_ticks"]) / seconds if ticks and seconds else None
    return data


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({model}), Linux {platform.release()}"


def ms(us):
    return f"{us / 1000:.2f} ms"


def ratio_text(ratio):
    """Two decimals, or three significant digits for small ratios (0.0033, not 0.00)."""
    return f"{ratio:.2f}" if ratio >= 0.1 else f"{ratio:.2g}"


def verdict(ok):
    return "PASS" if ok else "**FAIL**"


def longtail_rows(s, r0, baselines, env, raw, row, at_scale):
    """The long tail's figures: distinct queries, throughput ratio, latency, memory."""
    label = "Search API, long tail"
    info = load_json(raw, "longtail.json")
    if s is None or info is None:
        row(label, "not measured", "", "**FAIL**")
        return
    kinds = ", ".join(f"{n:,} {k}" for k, n in info["kinds"].items())
    row(f"{label}: distinct queries (random order)",
        f"{info['queries']:,} from {info['names']:,} names ({kinds}); {s['requests']:,} requests: "
        f"each query about {s['requests'] / max(1, info['queries']):.1f} times; "
        f"median hits {info['hits_median']}, {info['no_hits']} of {info['checked']} checked with none")
    conns = connections(env, "search_longtail")
    ratio = s["rps"] / r0
    spread = " – ".join(ratio_text(s["rps"] / b) for b in baselines)
    row(f"{label}: requests/s, {conns} connections", f"{s['rps']:,.0f}")
    row(f"{label}: ratio to baseline R/R0", f"{ratio_text(ratio)} (against each run: {spread})",
        f"≥ {LONGTAIL_RATIO}", verdict(ratio >= LONGTAIL_RATIO))
    lat = s["latency_us"]
    row(f"{label}: latency, {conns} connections", f"p50 {ms(lat['p50'])}, p99 {ms(lat['p99'])}",
        "p99 < 10 ms", verdict(lat["p99"] < LONGTAIL_P99_US) + at_scale)
    during = int(env.get("rss_longtail_during_kb", 0)) * 1024
    after = int(env.get("rss_longtail_after_kb", 0)) * 1024
    row(f"{label}: dacsan memory during (highest VmRSS sampled) and after the load",
        f"{during / 1e6:.1f} MB, {after / 1e6:.1f} MB", "< 150 MB",
        verdict(0 < during < MEMORY_LIMIT and 0 < after < MEMORY_LIMIT) + at_scale)


def main():
    raw, out_md = sys.argv[1], sys.argv[2]
    env = read_env(os.path.join(raw, "run.env"))
    runs = {name: scenario(raw, name, env) for name, _ in SCENARIOS}
    preflight = load_json(raw, "preflight.json") or {"checks": [], "listing": []}
    weight = load_json(raw, "weight.json")
    weight_en = load_json(raw, "weight_en.json")

    products = int(env["products"])
    at_scale = "" if products == 100_000 else f" (promise is for 100 000; this run has {products:,})"
    baselines = [runs[n]["rps"] for n in ("baseline_before", "baseline_after") if runs[n]]
    r0 = sum(baselines) / len(baselines)

    rows = []  # figure, measured, promise, result

    def row(figure, measured, promise="—", result="info"):
        rows.append((figure, measured, promise, result))

    fill_s = float(env["fill_s"])
    row(f"Fill {products:,} products (`demo --products … --no-serve`)", f"{fill_s:.1f} s", "< 60 s",
        verdict(fill_s < 60) + at_scale)
    row("Server start → `/healthz` 200 (search index built in memory)", f"{float(env['startup_s']):.2f} s")
    row("Baseline `/` requests/s (R0 = mean of before/after runs)",
        f"{r0:,.0f} (runs: {', '.join(f'{b:,.0f}' for b in baselines)})")

    def load_rows(name, label, check_p99):
        s = runs[name]
        if s is None:
            row(label, "not measured", "", "**FAIL**")
            return
        conns = connections(env, name)
        if name not in LOW:
            ratio = s["rps"] / r0
            spread = " – ".join(ratio_text(s["rps"] / b) for b in baselines)
            row(f"{label}: requests/s, {conns} connections", f"{s['rps']:,.0f}")
            row(f"{label}: ratio to baseline R/R0", f"{ratio_text(ratio)} (against each run: {spread})", "≥ 0.25",
                verdict(ratio >= 0.25))
        else:
            row(f"{label}: requests/s, {conns} connections", f"{s['rps']:,.0f}")
        lat = s["latency_us"]
        measured = f"p50 {ms(lat['p50'])}, p99 {ms(lat['p99'])}"
        if check_p99:
            row(f"{label}: latency, {conns} connections", measured, "p99 < 10 ms",
                verdict(lat["p99"] < 10_000) + at_scale)
        else:
            row(f"{label}: latency, {conns} connections", measured)

    load_rows("search", "Search API", True)
    load_rows("search_low", "Search API", True)
    load_rows("search_uncached", "Search API, queries not in the response cache", True)
    load_rows("pages", "Product page", False)
    longtail_rows(runs["search_longtail"], r0, baselines, env, raw, row, at_scale)

    for page, label in ((weight, "Product page"), (weight_en, "Product page in English (Go Export)")):
        if page:
            parts = ", ".join(f"{r['what']} {r['sent_bytes']:,} B ({r['encoding']})" for r in page["counted"])
            total = page["total_sent_bytes"]
            row(f"{label} weight, gzip: HTML + CSS + JS", f"{total / 1000:.1f} KB ({parts})", "≤ 50 KB",
                verdict(total <= 50_000 and not page["non_200"]))
            row(f"{label}: resources loaded from other hosts", str(len(page["other_host_loads"])), "0",
                verdict(not page["other_host_loads"]))
        else:
            row(f"{label} weight", "not measured", "≤ 50 KB", "**FAIL**")

    rss, hwm = int(env["rss_kb"]) * 1024, int(env["hwm_kb"]) * 1024
    row("dacsan memory after the load: VmRSS (peak VmHWM)", f"{rss / 1e6:.1f} MB (peak {hwm / 1e6:.1f} MB)",
        "< 150 MB", verdict(hwm < 150e6) + " (on the peak)" + at_scale)

    dacsan_runs = [runs[n] for n in ("search", "pages", "search_low", "search_uncached", "search_longtail") if runs[n]]
    non2xx = sum(s["errors"]["status"] for s in dacsan_runs)
    sock = sum(s["socket_errors"] for s in dacsan_runs)
    bad_checks = [c for c in preflight["checks"] if any(st != 200 for st in c["statuses"])]
    row("dacsan under load: non-2xx/3xx responses, socket errors",
        f"{non2xx:,} non-2xx/3xx, {sock:,} socket errors; preflight: {len(bad_checks)} of "
        f"{len(preflight['checks'])} paths not 200", "0", verdict(non2xx == 0 and sock == 0 and not bad_checks))
    alive = env.get("dacsan_alive") == "1"
    row("dacsan still running after the load", "yes" if alive else "NO", "yes", verdict(alive))

    lines = [
        "# dacsan benchmark",
        "",
        f"- When: {env.get('started_at', '?')}; whole run {float(env.get('wall_s', 0)):.0f} s",
        f"- Machine: {machine()}; load average before the load scenarios: {env.get('loadavg', '?')}",
        f"- Code: {env.get('commit', '?')}",
        f"- Settings: {products:,} products; wrk {env['threads']} threads, {env['connections']} connections "
        f"({env['low_connections']} for low concurrency, {env.get('longtail_connections', '?')} for the long tail), {env['duration']} per scenario after {env['warmup']} warm-up; "
        f"Accept-Encoding: {env.get('accept_encoding') or 'none'}",
        "- Load generator and servers share this machine; ratios compare runs made under the same conditions.",
        "",
        "| Figure | Measured | Promise | Result |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]

    lines += ["", "## Load scenarios", "",
              "| Scenario | Conns | Requests | req/s | p50 | p90 | p99 | max | MB/s | server CPU | CPU/request | non-2xx/3xx | socket errors |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, label in SCENARIOS:
        s = runs[name]
        if s is None:
            continue
        conns = connections(env, name)
        lat = s["latency_us"]
        e = s["errors"]
        cpu = f"{s['cpu'] * 100:.0f} %" if s["cpu"] is not None else "?"
        cpu_req = f"{s['cpu'] / s['rps'] * 1e6:.0f} µs" if s["cpu"] is not None and s["rps"] else "?"
        sock_detail = f"{s['socket_errors']} (c{e['connect']} r{e['read']} w{e['write']} t{e['timeout']})"
        lines.append(f"| {label} | {conns} | {s['requests']:,} | {s['rps']:,.0f} | {ms(lat['p50'])} | "
                     f"{ms(lat['p90'])} | {ms(lat['p99'])} | {ms(lat['max'])} | {s['mb_s']:.1f} | {cpu} | {cpu_req} | "
                     f"{e['status']} | {sock_detail} |")

    lines += ["", "Server CPU: the server process's user + system CPU time during the measured run, "
              "per second of wall time (100 % = one core busy); CPU/request is that time divided by the requests served.", ""]
    lines += ["## Checks at idle (each path requested 3 times before the load)", ""]
    searches = [c for c in preflight["checks"] if c["kind"] == "search"]
    pages = [c for c in preflight["checks"] if c["kind"] == "page"]
    lines.append(f"- Catalog total reported by the API: {preflight.get('catalog_total', '?'):,}; "
                 f"{len(searches)} search queries, {len(pages)} product pages")
    for c in bad_checks:
        lines.append(f"- NOT 200: `{c['path']}` answered {c['statuses']}")
    empty = [c["query"] for c in searches if c.get("hits") == 0]
    if empty:
        lines.append(f"- Queries with no hits: {', '.join(f'`{q}`' for q in empty)}")
    if searches:
        slow = sorted(searches, key=lambda c: -c["median_ms"])[:5]
        lines.append("- Slowest search queries (median of 3, ms / hits / bytes): " + "; ".join(
            f"`{c['query']}` {c['median_ms']:.1f} / {c['hits']} / {c['bytes']:,}" for c in slow))
        hit_list = ", ".join(f"`{c['query']}` {c['hits']}" for c in searches)
        lines.append(f"- Hits per query: {hit_list}")
    if pages:
        slow = sorted(pages, key=lambda c: -c["median_ms"])[:3]
        med = sorted(c["median_ms"] for c in pages)[len(pages) // 2]
        lines.append(f"- Product pages: median {med:.1f} ms; slowest " + "; ".join(
            f"`{c['path']}` {c['median_ms']:.1f} ms" for c in slow))
    for item in preflight.get("listing", []):
        lines.append(f"- Listing `{item['path']}`: {item['status']} in {item['ms']:.1f} ms")
    if weight:
        lines.append(f"- Weighed page `{weight['page']}`: {weight['total_plain_bytes']:,} B uncompressed; pictures "
                     f"(not counted) {weight['pictures_sent_bytes']:,} B: "
                     + (", ".join(f"`{p['path']}` {p['sent_bytes']:,} B" for p in weight["pictures"]) or "none"))
        if weight["other_host_loads"]:
            lines.append("- Loads from other hosts: " + ", ".join(
                f"`<{r['tag']} {r['attr']}={r['url']}>`" for r in weight["other_host_loads"]))
        lines.append(f"- Links (`<a href>`, form actions) to other hosts on that page: {len(weight['other_host_links'])}")
        if weight["non_200"]:
            lines.append(f"- Page resources not 200: {', '.join(weight['non_200'])}")
    lines.append(f"- dacsan log during the run: {env.get('log_errors', '?')} ERROR lines, "
                 f"{env.get('log_warnings', '?')} WARN lines; memory right after start: "
                 f"{int(env.get('rss_start_kb', 0)) * 1024 / 1e6:.1f} MB")

    text = "\n".join(lines) + "\n"
    with open(out_md, "w", encoding="utf-8") as f:
        f.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
