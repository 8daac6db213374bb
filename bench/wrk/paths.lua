-- wrk script for bench/run: cycles over the request paths listed in the file named
-- by $BENCH_PATHS (one path a line, already URL-encoded), and prints wrk's summary as
-- one JSON line starting with "BENCH_JSON " for bench/lib/report.py.
--
-- The requests are formatted once per thread in init(), so request() costs the same
-- for every target (the baseline is loaded through this script too, with the single
-- path "/"). Optional header: $BENCH_ACCEPT_ENCODING (e.g. "gzip"), none by default.

local paths_file = os.getenv("BENCH_PATHS")
local accept_encoding = os.getenv("BENCH_ACCEPT_ENCODING")
local threads = {}

function setup(thread)
  thread:set("thread_no", #threads)
  table.insert(threads, thread)
end

function init(args)
  if paths_file == nil then
    error("set BENCH_PATHS to a file of request paths")
  end
  if accept_encoding ~= nil and accept_encoding ~= "" then
    wrk.headers["Accept-Encoding"] = accept_encoding
  end
  requests = {}
  for line in io.lines(paths_file) do
    if line ~= "" then
      requests[#requests + 1] = wrk.format("GET", line)
    end
  end
  if #requests == 0 then
    error("no paths in " .. paths_file)
  end
  -- Threads start at different places in the list so they do not move in step.
  next_request = (thread_no * 7919) % #requests
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

function done(summary, latency, _requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, '
      .. '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}, '
      .. '"latency_us": {"mean": %.1f, "p50": %d, "p90": %d, "p99": %d, "max": %d}, "threads": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.timeout, e.status,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    #threads))
end
