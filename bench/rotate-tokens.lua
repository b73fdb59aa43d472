-- wrk script: every request carries a different tenant's user token. The token file (BENCH_TOKENS, one JWT per
-- line) is read once per thread in init; each thread starts at its own offset and walks the file round-robin.
-- Requests are formatted up front so the Lua side costs next to nothing per request.
-- done() prints one machine-readable line (BENCH ...) that tenant-subscriptions.sh parses.

local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("id", counter)
end

local requests = {}
local next_index = 1

function init(args)
   local path = os.getenv("BENCH_TOKENS")
   if path == nil or path == "" then
      error("BENCH_TOKENS is not set: the file of tokens, one per line")
   end
   local threads = tonumber(os.getenv("BENCH_WRK_THREADS") or "1")
   for line in io.lines(path) do
      if #line > 0 then
         requests[#requests + 1] = wrk.format("GET", wrk.path, {
            ["Accept"] = "application/json",
            ["Authorization"] = "Bearer " .. line,
         })
      end
   end
   if #requests == 0 then
      error("no tokens in " .. path)
   end
   next_index = math.floor((id - 1) * #requests / threads) % #requests + 1
end

function request()
   local r = requests[next_index]
   next_index = next_index % #requests + 1
   return r
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "BENCH requests=%d duration_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d " ..
      "p50_us=%.0f p90_us=%.0f p99_us=%.0f max_us=%.0f mean_us=%.0f\n",
      summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
