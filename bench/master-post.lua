-- wrk script for the Master simulator's own ceiling: POST / with a new Idempotency-Key every request (so each is
-- applied, as a delivery is) and a body like the ones Subsync sends.
local key = os.getenv("BENCH_MASTER_KEY")
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("id", counter)
end

function init(args)
   n = 0
end

function request()
   n = n + 1
   local user = string.format("20000000-0000-4000-8000-%012x", (id or 0) * 100000000 + n)
   local body = '{"userId":"' .. user .. '","serviceId":"svc-bazi","planTier":"basic","operation":"create",'
      .. '"serviceName":"bazi-consultation","planCode":"BASIC","status":"active","startDate":"2026-11-01T00:00:00Z",'
      .. '"endDate":null,"metadata":{"n":' .. n .. '}}'
   return wrk.format("POST", "/", { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json",
      ["Idempotency-Key"] = "ceiling-" .. (id or 0) .. "-" .. n, ["X-Subsync-Sequence"] = "1" }, body)
end

function done(summary, latency, requests)
   io.write(string.format("BENCH requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      summary.errors.status))
end
