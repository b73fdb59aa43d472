-- wrk script for POST /sync-subscription: each request changes one of BENCH_USERS pre-linked users' subscription
-- (a new plan and revision every time, so every request records a new operation; none is an idempotent replay).
local token = os.getenv("BENCH_TOKEN")
local users = tonumber(os.getenv("BENCH_USERS") or "10000")
local counter = 0
local plans = { "BASIC", "PREMIUM" }

function setup(thread)
   counter = counter + 1
   thread:set("id", counter)
end

function init(args)
   math.randomseed(os.time() * 1000 + (id or 0))
   n = 0
end

function request()
   n = n + 1
   local user = string.format("00000000-0000-4000-8000-%012x", math.random(1, users))
   local body = '{"mvpUserId":"' .. user .. '","operation":"update","subscriptionData":{"serviceName":"bazi-consultation",'
      .. '"planCode":"' .. plans[(n % 2) + 1] .. '","status":"active","startDate":"2026-11-01T00:00:00Z",'
      .. '"metadata":{"thread":' .. (id or 0) .. ',"n":' .. n .. '}}}'
   return wrk.format("POST", "/sync-subscription",
      { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
   io.write(string.format("BENCH requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      summary.errors.status))
end
