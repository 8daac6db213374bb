-- wrk script for bench/checkout: POSTs /api/v1/checkout, one unit of one product per
-- order (cash on delivery), cycling over the product ids listed in the file named by
-- $BENCH_IDS (one id a line). Prints wrk's summary as one JSON line starting with
-- "BENCH_JSON " (the keys of bench/wrk/paths.lua plus "statuses": responses counted
-- by HTTP status, so 201s are told apart from other 2xx; and "sent": requests written,
-- so sent minus answered is what was still in flight when wrk stopped).

local ids_file = os.getenv("BENCH_IDS")
threads = {}

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

dofile(os.getenv("BENCH_WRK_DIR") .. "/summary.lua")
