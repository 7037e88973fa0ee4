-- wrk script for the login rows: POST /api/v1/session with the wx.login code of a random prepared user, so every
-- login is a returning user's (the WeChat stub maps a code to the same openid every time). Reported like help.lua.
local prefix, users = os.getenv("CAMPAIGN"), tonumber(os.getenv("USERS"))
function init(args)
  -- each thread its own sequence: seeded from the address of a table of its own
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000003)
end

function request()
  local body = string.format('{"code":"%s-u%d"}', prefix, math.random(users) - 1)
  return wrk.format("POST", "/api/v1/session", { ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
  dofile(os.getenv("BENCH_DIR") .. "/report.lua")(summary, latency)
end
