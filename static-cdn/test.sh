#!/usr/bin/env bash
# static-cdn's tests: installs nginx (with brotli_static) and the npm tools, then runs the build tests and the
# origin tests against a real nginx. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

../deploy/local/need nginx libnginx-mod-http-brotli-static
npm ci --no-audit --no-fund --loglevel=error

# Everything the tests create (build output, nginx prefix, pid, logs) lands under one folder; nginx workers
# run as nobody, so it must be readable by them.
work=$(mktemp -d -t jiasu-static-cdn-XXXXXX)
chmod 755 "$work"
cleanup() {
    for pidfile in "$work"/*/nginx.pid; do
        [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

set +e
TMPDIR="$work" node --test \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$work/results.tap" \
    test/
status=$?
set -e

passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$work/results.tap")
failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$work/results.tap")
echo "${passed:-0} passed, ${failed:-0} failed"
[ "$status" -eq 0 ] && [ "${passed:-0}" -gt 0 ]
