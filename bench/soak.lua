-- The soak's read mix: each request takes a path at random from the file named by the first
-- script argument (one path a line). Counting and reporting are report.lua's.
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
dofile(here .. "scale/report.lua")

local report_setup, report_init = setup, init
local started = 0
paths = {}

function setup(thread)
  started = started + 1
  thread:set("seed", started)
  report_setup(thread)
end

function init(args)
  report_init(args)
  math.randomseed(seed)
  for line in io.lines(args[1]) do
    table.insert(paths, line)
  end
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
