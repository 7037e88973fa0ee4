#!/usr/bin/env bash
# Runs all elk/ tests end to end: a real OpenSearch 3.6 (ports 18210-18211), the templates and pipeline, our own
# rsyslogd tailing a log file, the simulated campaign day fed through it, the outage and dead-letter tests, and the
# queries of the Grafana dashboard over OpenSearch (grafana/dashboards/jiasu-visitors.json).
# Installs what it needs, stops everything it started, and ends with "N passed, N failed, N skipped".
set -uo pipefail
elk=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# ELK_TEST_HTTP_PORT moves the engine (and the transport port after it) when another run holds 18210-18211.
export ELK_HTTP_PORT=${ELK_TEST_HTTP_PORT:-18210}
export ELK_TRANSPORT_PORT=$((ELK_HTTP_PORT + 1))
# The sample's CDN edges (203.0.113.0/24, a documentation range) are trusted like production's CDN would be.
export JIASU_TRUSTED_PROXIES=203.0.113.0/24
logs=$(mktemp -d /tmp/jiasu-elk-test.XXXXXX)
export JIASU_ACCESS_LOG="$logs/access.json.log"
# the app instances' JSON logs, one file each (systemd's StandardOutput=append:), read through a glob
export JIASU_APP_LOG="$logs/app-*.json.log" ELK_TEST_APP_LOG="$logs/app-8080.json.log"

fail() { echo "$1" >&2; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

"$elk/../deploy/local/need" python3 curl unzip maven rsyslog rsyslog-elasticsearch || fail "could not install packages"
"$elk/bin/stack" stop 2>/dev/null    # a run that was killed may have left its node behind
run_dir=$("$elk/bin/stack" run-dir)
rm -rf "$run_dir"
trap '"$elk/bin/stack" stop; rm -rf "$logs"' EXIT
: >"$JIASU_ACCESS_LOG"
: >"$ELK_TEST_APP_LOG"
"$elk/bin/stack" start || fail "the stack did not start (logs in $run_dir)"

export ELK_TEST_URL="http://127.0.0.1:$ELK_HTTP_PORT" ELK_TEST_LOG="$JIASU_ACCESS_LOG"
export ELK_TEST_SHIPPER_DIR="$run_dir/rsyslog"
python3 "$elk/tests/run.py"
