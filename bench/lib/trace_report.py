#!/usr/bin/env python3
"""Turns the raw results of one bench/trace into the table of promises.

Usage: trace_report.py RAW_DIR TRACE_MD

RAW_DIR holds trace.env (key=value lines written by bench/trace), prepare.json,
checks.json, events.json and verify.json (bench/lib/trace.py), wrk_resolve_html.json and
wrk_resolve_json.json (the JSON line of bench/wrk/paths.lua, with their warm-ups),
labels.txt (one curl line a run: status, seconds, bytes, content type) and dacsan.log.
The report is printed and written to TRACE_MD as Markdown.
"""

import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checkout_report import read_log  # noqa: E402
from report import load_json, machine, ms, read_env, scenario, verdict  # noqa: E402

RESOLVER_P99_MS = 5
LABELS_SECONDS = 2
LABELS_BYTES = 2_000_000
VERIFY_MS = 50

SCENARIOS = [("resolve_html", "HTML (a phone's browser)"), ("resolve_json", "JSON (`Accept: application/json`)")]


def scale_note(measured, promised, what):
    return "" if measured == promised else f" (promise is for {promised:,} {what}; this run has {measured:,})"


def main():
    raw, out_md = sys.argv[1], sys.argv[2]
    env = read_env(os.path.join(raw, "trace.env"))
    prep = load_json(raw, "prepare.json")
    checks = load_json(raw, "checks.json")
    events = load_json(raw, "events.json")
    ver = load_json(raw, "verify.json")
    conns = env["connections"]
    serials = int(env["serials"])
    rows = []  # figure, measured, promise, result

    def row(figure, measured, promise="—", result="info"):
        rows.append((figure, measured, promise, result))

    # Serials.
    reqs = prep["requests"]
    secs = prep["issue_seconds"]
    row(f"Issue {serials:,} serials ({len(reqs)} requests of up to {int(env['per_request']):,})",
        f"{secs:.1f} s ({serials / secs:,.0f} serials/s; slowest request {max(r['seconds'] for r in reqs):.2f} s, "
        f"answers {sum(r['bytes'] for r in reqs) / 1e6:.0f} MB in all); batch reports {prep['serial_count']:,}")

    # The resolver.
    at_scale = scale_note(serials, 1_000_000, "serials")
    loads = {}
    for name, label in SCENARIOS:
        s = scenario(raw, name, env)
        loads[name] = s
        figure = f"Resolver p99, unit label as {label}, {conns} connections{at_scale}"
        if s is None:
            row(figure, "not measured", f"< {RESOLVER_P99_MS} ms", "**FAIL**")
            continue
        lat = s["latency_us"]
        row(figure, f"**{ms(lat['p99'])}** (p50 {ms(lat['p50'])}, p90 {ms(lat['p90'])}, max {ms(lat['max'])}; "
            f"{s['rps']:,.0f} requests/s)", f"< {RESOLVER_P99_MS} ms",
            verdict(lat["p99"] < RESOLVER_P99_MS * 1000))
    measured = [s for s in loads.values() if s]
    non2xx = sum(s["errors"]["status"] for s in measured)
    sock = sum(s["socket_errors"] for s in measured)
    row("Resolver: non-2xx/3xx responses and socket errors under load; idle checks not 200 with the right body",
        f"{non2xx:,}, {sock:,}; {checks['failures']} of {checks['requests']}", "0, 0; 0",
        verdict(non2xx == 0 and sock == 0 and checks["failures"] == 0 and len(measured) == len(SCENARIOS)))

    # Label sheet.
    runs = []
    with open(os.path.join(raw, "labels.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3:
                runs.append({"status": parts[0], "seconds": float(parts[1]), "bytes": int(parts[2]),
                             "type": parts[3] if len(parts) > 3 else "", "pdf": env.get(f"labels_pdf_{len(runs) + 1}")})
    labels = int(env["labels"])
    good = [r for r in runs if r["status"] == "200" and r["type"].startswith("application/pdf") and r["pdf"] == "1"]
    all_good = bool(runs) and len(good) == len(runs)
    label_scale = scale_note(labels, 1000, "labels")
    if good:
        best = min(good, key=lambda r: r["seconds"])
        times = ", ".join(f"{r['seconds']:.2f}" for r in runs)
        row(f"Label sheet PDF, {labels:,} serial labels ({env['layout']}), best of {len(runs)}{label_scale}",
            f"**{best['seconds']:.2f} s** (runs: {times} s)",
            f"< {LABELS_SECONDS} s", verdict(all_good and best["seconds"] < LABELS_SECONDS))
        size = max(r["bytes"] for r in good)
        row(f"Label sheet PDF size, {labels:,} labels{label_scale}",
            f"**{size / 1e6:.2f} MB** ({size:,} bytes)", f"< {LABELS_BYTES / 1e6:.0f} MB",
            verdict(all_good and size < LABELS_BYTES))
    else:
        row(f"Label sheet PDF, {labels:,} serial labels", "no PDF: " + "; ".join(
            f"{r['status']} {r['type']}" for r in runs), f"< {LABELS_SECONDS} s", "**FAIL**")

    # Verification.
    n_events = int(env["events"])
    event_scale = scale_note(n_events, 1000, "events")
    verified = ver["verified"]
    us = ver["best_verify_us"]
    row(f"`dacsan trace verify`, {n_events:,} events: verification as the tool reports it, best of "
        f"{len(ver['runs'])}{event_scale}",
        f"**{us / 1000:.2f} ms** ({us:,} µs; runs: {', '.join(str(r['verify_us']) for r in ver['runs'])} µs)"
        if us is not None else "no time printed", f"< {VERIFY_MS} ms",
        verdict(verified and us is not None and us < VERIFY_MS * 1000))
    wall = ver["best_wall_ms"]
    walls = ", ".join(f"{r['wall_ms']:.1f}" for r in ver["runs"])
    row(f"`dacsan trace verify`, {n_events:,} events: the whole process (start, read, verify, exit), best of "
        f"{len(ver['runs'])}",
        f"**{wall:.1f} ms** (runs: {walls} ms)",
        f"< {VERIFY_MS} ms", verdict(verified and wall < VERIFY_MS))
    row("The record verifies with the published key (every run)", ver["runs"][-1]["output"].replace("|", "\\|"),
        f"VERIFIED: {n_events} events", verdict(verified))
    t = ver["tampered"]
    tampered = t["output"][:200].replace("|", "\\|")
    row("A copy with one event's note changed", f"exit {t['exit']}: {tampered}",
        "NOT VERIFIED, exit 1", verdict(t["rejected"]))

    # Server.
    log = read_log(raw, "server")
    if log is None:
        row("Server log", "missing", "read", "FAIL")
        log = {"ERROR": 0, "WARN": 0, "busy": 0, "messages": {}}
    row("Server log: ERROR lines, busy/locked/timed-out lines", f"{log['ERROR']}, {log['busy']}", "0, 0",
        verdict(log["ERROR"] == 0 and log["busy"] == 0))
    dropped = sum(n for message, n in log["messages"].items() if "scan queue full" in message)
    row("Scans dropped because the writer fell behind (server log)", str(dropped), "0", verdict(dropped == 0))
    row("Server log: WARN lines (listed below the table)", str(log["WARN"]))
    row("Server still running after the load", "yes" if env.get("alive") == "1" else "NO", "yes",
        verdict(env.get("alive") == "1"))

    answered = checks["requests"]
    for name, _ in SCENARIOS:
        for run in (load_json(raw, f"wrk_warmup_{name}.json"), loads[name]):
            answered += run["requests"] if run else 0
    info = [
        f"- When: {env.get('started_at', '?')}; whole run {float(env.get('wall_s', 0)):.0f} s; demo fill "
        f"{float(env.get('fill_s', 0)):.1f} s",
        f"- Machine: {machine()}; load average at the start {env.get('loadavg_start', '?')}, before the HTML load "
        f"{env.get('loadavg_resolve_html', '?')}, before the JSON load {env.get('loadavg_resolve_json', '?')}",
        f"- Code: {env.get('commit', '?')}; SQLite",
        f"- Load: wrk {env['threads']} threads, {conns} connections, {env['duration']} after {env['warmup']} "
        f"warm-up, cycling over {prep['paths']:,} unit-label paths ({prep['distinct_paths']:,} distinct) drawn "
        f"at random from the {serials:,} serials of one batch with {prep['events']} events, e.g. "
        f"`{urllib.parse.urlsplit(prep['example_url']).path}`",
        "- Load generator and server share this machine.",
        "",
        "| Figure | Measured | Promise | Result |",
        "| --- | --- | --- | --- |",
    ]
    lines = ["# dacsan traceability benchmark", ""] + info
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    lines += ["", "## Resolver load", "",
              "| Answer | Requests | requests/s | p50 | p90 | p99 | max | MB/s | server CPU |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, label in SCENARIOS:
        s = loads.get(name)
        if s is None:
            continue
        lat = s["latency_us"]
        cpu = f"{s['cpu'] * 100:.0f} %" if s["cpu"] is not None else "?"
        lines.append(f"| {label} | {s['requests']:,} | {s['rps']:,.0f} | {ms(lat['p50'])} | {ms(lat['p90'])} | "
                     f"{ms(lat['p99'])} | {ms(lat['max'])} | {s['mb_s']:.1f} | {cpu} |")
    lines += ["", "Server CPU: the dacsan process's user + system CPU time during the measured run, per second "
              "(100 % = one core).", ""]
    idle = checks["idle_ms"]
    lines.append(f"- Idle checks: {checks['paths']} paths, each as HTML and as JSON, one at a time: p50 HTML "
                 f"{idle['html']['p50']} ms, JSON {idle['json']['p50']} ms; p99 HTML {idle['html']['p99']} ms, "
                 f"JSON {idle['json']['p99']} ms")
    for example in checks["examples"]:
        lines.append(f"  - not as expected: {example}")
    lines.append(f"- Scans counted in the database after the load: {env.get('scans_recorded', '?')} of about "
                 f"{answered:,} serial resolutions answered (idle checks, warm-ups and measured runs; wrk stops "
                 f"with requests in flight)")
    db_bytes = int(env.get("db_bytes", 0))
    lines.append(f"- SQLite database with {serials:,} serials: {db_bytes / 1e6:.0f} MB (file + WAL); server memory "
                 f"after the load {int(env.get('rss_kb', 0)) / 1024:.0f} MB resident, peak "
                 f"{int(env.get('hwm_kb', 0)) / 1024:.0f} MB")
    lines.append("- Serial requests: " + ", ".join(f"{r['seconds']:.2f}" for r in reqs) + " s")
    if events:
        pm = events["post_ms"]
        r = events["resolve"]
        lines.append(f"- {events['events_posted']:,} events posted one by one in {events['post_seconds']:.1f} s "
                     f"({events['events_posted'] / events['post_seconds']:,.0f}/s; per request p50 {pm['p50']} ms, "
                     f"p99 {pm['p99']} ms, max {pm['max']} ms); record {events['record_bytes'] / 1e6:.2f} MB with "
                     f"{events['record_events']:,} events, served in {events['record_ms']} ms")
        lines.append(f"- That batch resolved (`{events['resolve_path']}`), best of 3 at idle: HTML "
                     f"{r['html']['status']}, {r['html']['bytes'] / 1e3:,.0f} KB in {r['html']['best_ms']} ms; JSON "
                     f"{r['json']['status']}, {r['json']['bytes'] / 1e3:,.0f} KB in {r['json']['best_ms']} ms")
    for message, count in sorted(log["messages"].items(), key=lambda m: -m[1]):
        lines.append(f"- Log `dacsan.log`: {count} × `{message}`")

    text = "\n".join(lines) + "\n"
    with open(out_md, "w", encoding="utf-8") as f:
        f.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
