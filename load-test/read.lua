-- wrk script for the read rows: GET PATH_TEMPLATE for a random prepared user, "{cid}" and "{code}" filled in
-- ({code}: that user's share code), with that user's token when AUTH=1. Reported like help.lua.
local tokens, paths, n = {}, {}, 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local template = os.getenv("PATH_TEMPLATE"):gsub("{cid}", os.getenv("CAMPAIGN"))
  for line in io.lines(os.getenv("USERS_FILE")) do
    local token, code = line:match("(%S+) (%S+)")
    n = n + 1
    tokens[n] = "Bearer " .. token
    paths[n] = template:gsub("{code}", code)
  end
  auth = os.getenv("AUTH") == "1"
  math.randomseed(os.time() * 31 + id)
end

function request()
  local i = math.random(n)
  if auth then
    return wrk.format("GET", paths[i], { ["Authorization"] = tokens[i] })
  end
  return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
  dofile(os.getenv("BENCH_DIR") .. "/report.lua")(summary, latency)
end
