-- wrk script for bench/logistics: POSTs /api/v1/checkout/quote (the checkout body:
-- one product, two units, to a Hà Nội ward), cycling over the product ids in the file
-- named by $BENCH_IDS. Prints wrk's summary as one "BENCH_JSON " line (see
-- checkout.lua for the keys).

local ids_file = os.getenv("BENCH_IDS")
threads = {}

local BODY = '{"items":[{"product_id":%s,"quantity":2}],'
  .. '"shipping":{"province_code":"01","commune_code":"00004"},"payment_method":"cod"}'

function setup(thread)
  thread:set("thread_no", #threads)
  table.insert(threads, thread)
end

function init(args)
  local headers = { ["Content-Type"] = "application/json" }
  requests = {}
  for line in io.lines(ids_file) do
    if line ~= "" then
      requests[#requests + 1] = wrk.format("POST", "/api/v1/checkout/quote", headers, string.format(BODY, line))
    end
  end
  statuses = {}
  sent = 0
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
