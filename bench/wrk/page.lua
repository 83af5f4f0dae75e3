-- One page, as wrk should ask for it. Everything comes from environment variables so that one
-- script serves every page, against the app and against nginx alike:
--   BENCH_METHOD   GET (default) or POST
--   BENCH_PATH     the path and query, e.g. /stages/databases
--   BENCH_COOKIE   e.g. "SESSION=..." (omitted for anonymous pages)
--   BENCH_AUTHORIZATION  e.g. "Bearer brt_..." (an API request with a personal access token)
--   BENCH_HX       "true" adds the header HX-Request: true (an htmx request)
--   BENCH_BODY     a form body for POST; BENCH_BODY_ALT, if set, alternates with it
--   BENCH_EXPECT   the status every answer must have (200, 303...); others count as errors
-- done() prints one line that bench/tools/bench.py parses:
--   BENCH_RESULT requests=... duration_us=... unexpected=... socket=... timeouts=... p50_us=... p95_us=... p99_us=...

local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH") or "/"
local cookie = os.getenv("BENCH_COOKIE") or ""
local authorization = os.getenv("BENCH_AUTHORIZATION") or ""
local hx = os.getenv("BENCH_HX") or ""
local body = os.getenv("BENCH_BODY") or ""
local body_alt = os.getenv("BENCH_BODY_ALT") or ""
local expect = tonumber(os.getenv("BENCH_EXPECT") or "200")

local headers = {}
if cookie ~= "" then headers["Cookie"] = cookie end
if authorization ~= "" then headers["Authorization"] = authorization end
if hx == "true" then headers["HX-Request"] = "true" end
if body ~= "" then headers["Content-Type"] = "application/x-www-form-urlencoded" end

-- Formatted in init(), once wrk knows the host: at load time wrk.host is not set yet, and a
-- request without a Host header is answered 400.
local request_a, request_b

function init(args)
   request_a = wrk.format(method, path, headers, body ~= "" and body or nil)
   request_b = request_a
   if body_alt ~= "" then request_b = wrk.format(method, path, headers, body_alt) end
end

-- Per-thread state (each wrk thread runs its own copy of this script).
local sent = 0
unexpected = 0

function request()
   sent = sent + 1
   if sent % 2 == 0 then return request_b end
   return request_a
end

-- wrk itself only counts status >= 400 as errors; a redirect to /login (a lost session) would
-- pass unnoticed, so every answer is checked against the one expected.
function response(status, headers, body)
   if status ~= expect then unexpected = unexpected + 1 end
end

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function done(summary, latency, requests)
   local bad = 0
   for _, thread in ipairs(threads) do bad = bad + thread:get("unexpected") end
   local errors = summary.errors
   io.write(string.format(
      "BENCH_RESULT requests=%d duration_us=%d unexpected=%d socket=%d timeouts=%d p50_us=%d p95_us=%d p99_us=%d\n",
      summary.requests, summary.duration, bad, errors.connect + errors.read + errors.write, errors.timeout,
      latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
