-- Prints a wrk run's totals and latency percentiles as key=value lines, the form bench reads.
return function(summary, latency)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("requests=%d\nsocket_errors=%d\nnon_2xx=%d\nduration_s=%.3f\n",
    summary.requests, errors, summary.errors.status, summary.duration / 1e6))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%s_ms=%.2f\n", p, latency:percentile(p) / 1000))
  end
end
