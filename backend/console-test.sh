#!/usr/bin/env bash
# The operators' console in a real browser: builds the app if its sources changed, starts it on its local stand-ins
# (the MongoDB stand-in and WeChat stub side process, a redis-server) and drives /admin with headless Chromium through
# playwright-core. Screenshots land in backend/target/console-test/screenshots. Ports 18610-18613.
# Ends with "N passed, N failed".
set -euo pipefail
backend=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$backend/.." && pwd)
webui=$backend/src/main/webui
out=$backend/target/console-test
app_port=${CONSOLE_TEST_PORT:-18610}
mongo_port=$((app_port + 1))
wechat_port=$((app_port + 2))
redis_port=$((app_port + 3))
admin_token=console-test-$RANDOM$RANDOM

"$root/deploy/local/need" openjdk-17-jdk-headless maven redis-server curl chromium fonts-wqy-microhei fontconfig fonts-dejavu-core
[ -d "$webui/node_modules" ] || (cd "$webui" && npm ci --no-audit --no-fund --silent)

app_jar=$backend/target/quarkus-app/quarkus-run.jar
stack_jar=$root/local-stack/target/jiasu-local-stack.jar
if [ ! -f "$app_jar" ] || [ ! -f "$stack_jar" ] \
    || [ -n "$(find "$backend/src/main" "$root/local-stack/src/main" "$backend/pom.xml" -newer "$app_jar" -not -path '*/node_modules/*' -print -quit)" ]; then
    echo "building the app (mvn package)..."
    (cd "$root" && mvn -B -q -pl backend -am package -DskipTests)
fi

rm -rf "$out" && mkdir -p "$out/redis" "$out/screenshots"
# A private copy, so a rebuild by someone else during the run does not swap the jar under the app.
cp -r "$backend/target/quarkus-app" "$out/app"
cp "$stack_jar" "$out/local-stack.jar"

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

wait_for() { # what, command...
    local what=$1; shift
    for _ in $(seq 1 240); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.25
    done
    echo "$what did not come up; logs are in $out" >&2
    echo "0 passed, 1 failed"
    exit 1
}

java -jar "$out/local-stack.jar" --mongo-port "$mongo_port" --wechat-port "$wechat_port" >"$out/local-stack.log" 2>&1 &
pids+=($!)
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$out/redis" --save '' --appendonly no >"$out/redis.log" 2>&1 &
pids+=($!)
wait_for "the MongoDB stand-in and WeChat stub" grep -q "wechat stub ready" "$out/local-stack.log"
wait_for "redis-server" redis-cli -p "$redis_port" ping

PORT=$app_port HOST=127.0.0.1 \
MONGODB_URI="mongodb://127.0.0.1:$mongo_port" \
REDIS_URL="redis://127.0.0.1:$redis_port" \
WECHAT_APPID=wxstub0000000000 \
WECHAT_SECRET=stub-secret \
WECHAT_API_HOST_URL="http://127.0.0.1:$wechat_port" \
ADMIN_TOKEN="$admin_token" \
CLAIM_KEYS="t1:$(head -c 32 /dev/urandom | base64)" \
CLAIM_KEY_ID=t1 \
    java -Xmx512m -jar "$out/app/quarkus-run.jar" >"$out/app.log" 2>&1 &
pids+=($!)
wait_for "the app (see $out/app.log)" curl -fsS "http://127.0.0.1:$app_port/q/health/ready"

status=0
APP_URL="http://127.0.0.1:$app_port" ADMIN_TOKEN="$admin_token" SCREENSHOTS="$out/screenshots" \
    node "$webui/test/console.test.mjs" | tee "$out/result.txt" || status=$?
if ! tail -n 1 "$out/result.txt" | grep -qE '^[0-9]+ passed, [0-9]+ failed$'; then
    echo "0 passed, 1 failed"
    exit 1
fi
exit "$status"
