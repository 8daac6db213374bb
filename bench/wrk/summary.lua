-- The shared done() of the bench's wrk scripts: wrk's summary as one JSON line
-- starting with "BENCH_JSON " (requests, duration, errors, latency percentiles, and
-- "statuses": responses counted by HTTP status across threads; "sent": requests
-- written). Each script keeps `statuses` and `sent` per thread.

function done(summary, latency, _requests)
  local total, sent_total = {}, 0
  for _, thread in ipairs(threads) do
    sent_total = sent_total + (thread:get("sent") or 0)
    for status, n in pairs(thread:get("statuses") or {}) do
      total[status] = (total[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(total) do
    parts[#parts + 1] = string.format('"%d": %d', status, n)
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, '
      .. '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}, '
      .. '"latency_us": {"mean": %.1f, "p50": %d, "p90": %d, "p99": %d, "max": %d}, "threads": %d, '
      .. '"sent": %d, "statuses": {%s}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.timeout, e.status,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    #threads, sent_total, table.concat(parts, ", ")))
end
