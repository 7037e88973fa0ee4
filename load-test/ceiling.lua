-- wrk script for the machine's ceiling: a trivial endpoint of the same app, reported like help.lua.
function done(summary, latency, requests)
  dofile(os.getenv("BENCH_DIR") .. "/report.lua")(summary, latency)
end
