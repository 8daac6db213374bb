-- wrk script for bench/checkout: POSTs /api/v1/checkout, one unit of one product per
-- order (cash on delivery), cycling over the product ids listed in the file named by
-- $BENCH_IDS (one id a line). Prints wrk's summary as one JSON line starting with
-- "BENCH_JSON " (the keys of bench/wrk/paths.lua plus "statuses": responses counted
-- by HTTP status, so 201s are told apart from other 2xx; and "sent": requests written,
-- so sent minus answered is what was still in flight when wrk stopped).

local ids_file = os.getenv("BENCH_IDS")
local threads = {}

local BODY = '{"items":[{"product_id":%s,"quantity":1}],'
  .. '"buyer":{"name":"Bench Buyer","phone":"0912345678"},'
  .. '"shipping":{"province_code":"01","commune_code":"00004","street":"12 Hang Bong"},'
  .. '"payment_method":"cod"}'

function setup(thread)
  thread:set("thread_no", #threads)
  table.insert(threads, thread)
end

function init(args)
  if ids_file == nil then
    error("set BENCH_IDS to a file of product ids")
  end
  local headers = { ["Content-Type"] = "application/json" }
  requests = {}
  for line in io.lines(ids_file) do
    if line ~= "" then
      requests[#requests + 1] = wrk.format("POST", "/api/v1/checkout", headers, string.format(BODY, line))
    end
  end
  if #requests == 0 then
    error("no product ids in " .. ids_file)
  end
  statuses = {}
  sent = 0
  -- Threads start at different places in the list so they do not move in step.
  next_request = (thread_no * 7919) % #requests
end

function request()
  sent = sent + 1
  next_request = next_request % #requests + 1
  return requests[next_request]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

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
