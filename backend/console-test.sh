#!/usr/bin/env bash
# The operators' console in a real browser: starts the app on its local stand-ins with deploy/local/stack.sh (building
# it if its sources changed) and drives /admin with headless Chromium through playwright-core. Screenshots land in
# backend/target/console-test/screenshots. Ports: the block of 30 from STACK_BASE (18600). Ends with
# "N passed, N failed".
set -euo pipefail
backend=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$backend/.." && pwd)
webui=$backend/src/main/webui
out=$backend/target/console-test
source "$root/deploy/local/stack.sh"
STACK_BASE=${STACK_BASE:-18600}
STACK_RUN=$out/stack
stack_ports 1
app_port=${STACK_APP_PORTS[0]}

"$root/deploy/local/need" chromium fonts-wqy-microhei fontconfig fonts-dejavu-core
[ -d "$webui/node_modules" ] || (cd "$webui" && npm ci --no-audit --no-fund --silent)

stack_stop
rm -rf "$out" && mkdir -p "$out/screenshots"
stack_traps stack_stop
if ! stack_up; then
    echo "the app did not come up; logs are in $STACK_RUN/log" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

status=0
APP_URL="http://127.0.0.1:$app_port" ADMIN_TOKEN="$STACK_ADMIN_TOKEN" SCREENSHOTS="$out/screenshots" \
    WECHAT_STUB="http://127.0.0.1:$STACK_WECHAT_PORT" \
    node "$webui/test/console.test.mjs" | tee "$out/result.txt" || status=$?
if ! tail -n 1 "$out/result.txt" | grep -qE '^[0-9]+ passed, [0-9]+ failed$'; then
    echo "0 passed, 1 failed"
    exit 1
fi
exit "$status"
