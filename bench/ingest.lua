-- wrk script for bench/ingest.sh: POST /api/event with realistic Plausible pageview bodies, varied real-browser
-- User-Agents (desktop and mobile, no bots) and varied X-Forwarded-For addresses (Candor trusts 127.0.0.1 as a
-- proxy in the benchmark, so each address/UA pair is a distinct visitor).
--
--   wrk -s bench/ingest.lua URL -- DOMAIN DURATION_SECONDS
--
-- Drain: for the last half second of the run the script sends events for an unknown domain (drain.invalid),
-- which Candor answers 202 with x-plausible-dropped and does not store. wrk abandons the requests still in flight
-- when its time is up; because those are drain requests, "events answered 202 without a drop" is exactly the
-- number Candor must have stored. done() prints one machine-readable RESULT line.

local ffi = require("ffi") -- wrk runs LuaJIT; os.time() only has whole seconds
ffi.cdef[[ typedef struct { long tv_sec; long tv_usec; } timeval; int gettimeofday(timeval *tv, void *tz); ]]
local tv = ffi.new("timeval")
local function now() ffi.C.gettimeofday(tv, nil); return tonumber(tv.tv_sec) + tonumber(tv.tv_usec) / 1e6 end

local domain, duration = "bench.example", 10
local threads = {}

local agents = {
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
  "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0",
}
local referrers = {
  "https://www.google.com/", "https://www.bing.com/", "https://duckduckgo.com/", "https://news.ycombinator.com/",
  "https://github.com/", "https://www.reddit.com/", "", "", "",
}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local ips, start, drainAt

function init(args)
  domain = args[1] or domain
  duration = tonumber(args[2]) or duration
  math.randomseed(id * 7919)
  -- Public-looking addresses (first octet 11..223, no 127/10/private blocks): 4096 per thread.
  ips = {}
  for i = 1, 4096 do
    local a = math.random(11, 223)
    while a == 127 or a == 172 or a == 192 or a == 169 or a == 100 do a = math.random(11, 223) end
    ips[i] = a .. "." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  end
  -- init runs before wrk starts its clock, so the drain lasts at least the last 0.5 s of the run.
  start = now()
  drainAt = start + duration - 0.5
  accepted, dropped, bad, busy, other = 0, 0, 0, 0, 0
end

function request()
  local d = domain
  if now() >= drainAt then d = "drain.invalid" end
  local r = referrers[math.random(#referrers)]
  local body = '{"n":"pageview","u":"https://' .. d .. '/path-' .. math.random(1, 500) .. '","d":"' .. d .. '"'
  if r ~= "" then body = body .. ',"r":"' .. r .. '"' end
  body = body .. '}'
  return wrk.format("POST", "/api/event", {
    ["Content-Type"] = "text/plain",
    ["Accept-Encoding"] = "gzip, deflate, br, zstd", -- what browsers send with every beacon
    ["User-Agent"] = agents[math.random(#agents)],
    ["X-Forwarded-For"] = ips[math.random(#ips)],
  }, body)
end

function response(status, headers, body)
  if status == 202 then
    if headers["x-plausible-dropped"] or headers["X-Plausible-Dropped"] then dropped = dropped + 1 else accepted = accepted + 1 end
  elseif status == 503 then busy = busy + 1
  elseif status >= 400 and status < 500 then bad = bad + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local a, d, b, s, o = 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("accepted"); d = d + t:get("dropped"); b = b + t:get("bad"); s = s + t:get("busy"); o = o + t:get("other")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f accepted=%d dropped=%d bad=%d busy=%d other=%d p50_us=%d p99_us=%d max_us=%d socket_errors=%d timeouts=%d\n",
    summary.requests, summary.duration / 1e6, a, d, b, s, o,
    latency:percentile(50), latency:percentile(99), latency.max, e.connect + e.read + e.write, e.timeout))
end
