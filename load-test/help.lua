-- wrk script: every request is a new, allowed help (a distinct helper and player, never oneself), so the server
-- accepts all of them until the players run out of helps. Players are taken in waves of WAVE players; each player
-- of a wave gets exactly GOAL helps, from the next GOAL users after it, so a wave finishes together and the first
-- finishers take the prizes, as in a real event. Every request sent and every 201 is counted for the audit.
local users, tokens, codes = 0, {}, {}
local wave = tonumber(os.getenv("WAVE") or "500")
local goal = tonumber(os.getenv("GOAL"))
local cid = os.getenv("CAMPAIGN")
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("USERS_FILE")) do
    local token, code = line:match("(%S+) (%S+)")
    users = users + 1
    tokens[users] = token
    codes[users] = code
  end
  k = tonumber(os.getenv("START") or "0") + id
  step = tonumber(os.getenv("THREADS"))
  sent, accepted, refused = 0, 0, 0
end

function request()
  local perWave = wave * goal
  local w = math.floor(k / perWave)
  local j = k % perWave
  local player = (w * wave + j % wave) % users
  local helper = (player + 1 + math.floor(j / wave)) % users
  k = k + step
  sent = sent + 1
  return wrk.format("POST", "/api/v1/campaigns/" .. cid .. "/players/" .. codes[player + 1] .. "/boosts",
    { ["Authorization"] = "Bearer " .. tokens[helper + 1] }, "")
end

function response(status, headers, body)
  if status == 201 then accepted = accepted + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  local s, a, r = 0, 0, 0
  for _, t in ipairs(threads) do
    s = s + t:get("sent")
    a = a + t:get("accepted")
    r = r + t:get("refused")
  end
  -- requests still in flight when wrk stopped got no answer here, though the server may have applied them
  io.write(string.format("client_sent=%d\nclient_accepted=%d\nclient_refused=%d\nclient_unanswered=%d\n", s, a, r, s - a - r))
  dofile(os.getenv("BENCH_DIR") .. "/report.lua")(summary, latency)
end
