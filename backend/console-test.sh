#!/usr/bin/env bash
# The operators' console in a real browser: starts the app on its local stand-ins with deploy/local/stack.sh (building
# it if its sources changed) and Keycloak (the operators' identity provider, stack_up --keycloak), and drives /admin
# with headless Chromium through playwright-core: the console's screens with the admin token (console.test.mjs), the
# review queue and a player's review page under the hold policy (review.test.mjs), then each role signing in through
# Keycloak's own page (signin.test.mjs). Screenshots land in
# backend/target/console-test/screenshots. Ports: the block of 30 from STACK_BASE (18600). Ends with
# "N passed, N failed" (both files together).
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
if ! stack_up --keycloak; then
    echo "the app did not come up; logs are in $STACK_RUN/log" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

status=0 passed=0 failed=0
for test in console review signin; do
    APP_URL="http://127.0.0.1:$app_port" ADMIN_TOKEN="$STACK_ADMIN_TOKEN" SCREENSHOTS="$out/screenshots" \
        WECHAT_STUB="http://127.0.0.1:$STACK_WECHAT_PORT" node "$webui/test/$test.test.mjs" | tee "$out/$test.txt" || status=1
    line=$(tail -n 1 "$out/$test.txt")
    if [[ $line =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        passed=$((passed + BASH_REMATCH[1])) failed=$((failed + BASH_REMATCH[2]))
    else
        failed=$((failed + 1)) status=1
    fi
done
echo "$passed passed, $failed failed"
exit "$status"
