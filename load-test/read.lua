-- wrk script for the read rows: GET PATH_TEMPLATE for a random one of the first READ_PLAYERS prepared users (all
-- when unset), "{cid}" and "{code}" filled in ({code}: that user's share code), with the token of that user (AUTH=me)
-- or of any random user (AUTH=1: a friend opening the card), the operators' ADMIN_TOKEN (AUTH=admin), none otherwise.
-- Reported like help.lua.
local tokens, paths, n = {}, {}, 0
function init(args)
  local template = os.getenv("PATH_TEMPLATE"):gsub("{cid}", os.getenv("CAMPAIGN"))
  for line in io.lines(os.getenv("USERS_FILE")) do
    local token, code = line:match("(%S+) (%S+)")
    n = n + 1
    tokens[n] = "Bearer " .. token
    paths[n] = template:gsub("{code}", code)
  end
  auth = os.getenv("AUTH") or "0"
  admin = "Bearer " .. (os.getenv("ADMIN_TOKEN") or "")
  players = math.min(n, tonumber(os.getenv("READ_PLAYERS") or n))
  -- each thread its own sequence: seeded from the address of a table of its own
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000003)
end

function request()
  local i = math.random(players)
  if auth == "me" then
    return wrk.format("GET", paths[i], { ["Authorization"] = tokens[i] })
  elseif auth == "admin" then
    return wrk.format("GET", paths[i], { ["Authorization"] = admin })
  elseif auth == "1" then
    return wrk.format("GET", paths[i], { ["Authorization"] = tokens[math.random(n)] })
  end
  return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
  dofile(os.getenv("BENCH_DIR") .. "/report.lua")(summary, latency)
end
