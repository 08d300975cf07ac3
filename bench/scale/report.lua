-- Counts every non-2xx answer and prints wrk's figures as one JSON line.
-- With a file of paths after `--`, each thread walks the paths in turn (the threads start
-- at different places), so every request can be a different question.
local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("offset", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  paths = nil
  if args[1] ~= nil then
    paths = {}
    for line in io.lines(args[1]) do
      if line ~= "" then table.insert(paths, line) end
    end
    -- Two threads: the second starts half-way through the list.
    position = (offset * math.floor(#paths / 2)) % #paths
  end
end

function request()
  if paths == nil then
    return wrk.request()
  end
  position = position % #paths + 1
  return wrk.format(nil, paths[position])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "non2xx": %d, "socket_errors": %d, ' ..
    '"timeouts": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, bad, e.connect + e.read + e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
