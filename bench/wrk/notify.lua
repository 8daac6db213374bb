-- wrk script for bench/logistics: POSTs GHN status notifications to
-- /api/v1/shipping/webhooks/ghn?token=$BENCH_HOOK_TOKEN, each one new (its Time is
-- this thread's own counter in milliseconds after a start date, so the dedupe keys of
-- two requests never match), cycling over the waybills in $BENCH_WAYBILLS ("waybill
-- client_code" a line) and over in-transit statuses. Prints the "BENCH_JSON " line.

local waybills_file = os.getenv("BENCH_WAYBILLS")
local token = os.getenv("BENCH_HOOK_TOKEN")
threads = {}
local STATUSES = { "storing", "sorting", "transporting", "delivering" }
-- With $BENCH_REPEAT_UNTIL = K, each thread sends its first K bodies over and over:
-- a replay of what an earlier run sent (every thread of it sent more than K).
local repeat_until = tonumber(os.getenv("BENCH_REPEAT_UNTIL") or "0")

function setup(thread)
  thread:set("thread_no", #threads)
  table.insert(threads, thread)
end

function init(args)
  waybills = {}
  for line in io.lines(waybills_file) do
    local waybill, code = line:match("^(%S+)%s+(%S+)$")
    if waybill then waybills[#waybills + 1] = { waybill, code } end
  end
  headers = { ["Content-Type"] = "application/json" }
  path = "/api/v1/shipping/webhooks/ghn?token=" .. token
  statuses = {}
  sent = 0
end

function request()
  sent = sent + 1
  local n = sent
  -- The replay leaves out each thread's first body: wrk may build one request to see
  -- whether requests change and never send it, so run 1 may not have sent it.
  if repeat_until > 0 then n = (sent - 1) % (repeat_until - 1) + 2 end
  local w = waybills[n % #waybills + 1]
  local ms = n * 10 + thread_no -- distinct across threads too
  local time = string.format("2027-01-%02dT%02d:%02d:%02d.%03dZ", 1 + math.floor(ms / 86400000) % 28,
    math.floor(ms / 3600000) % 24, math.floor(ms / 60000) % 60, math.floor(ms / 1000) % 60, ms % 1000)
  local body = string.format('{"OrderCode":"%s","ClientOrderCode":"%s","Type":"switch_status","Status":"%s",'
    .. '"Time":"%s","Reason":"","ShopID":1,"CODAmount":0,"Weight":600}', w[1], w[2], STATUSES[n % #STATUSES + 1], time)
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

dofile(os.getenv("BENCH_WRK_DIR") .. "/summary.lua")
