# Starts and stops a real Jiasu stack on loopback for the deploy/ and grafana/ tests: the MongoDB stand-in and the
# WeChat stub (local-stack), a redis-server, two app instances and nginx running deploy/nginx/ with only its
# addresses and paths rewritten. Source it, set STACK_BASE (first port of a block of 30) and STACK_RUN (an empty
# directory), call stack_start, and `trap stack_stop EXIT`.
#
# Ports from STACK_BASE: +0 nginx, +1 nginx stub_status, +2 MongoDB stand-in, +3 WeChat stub, +4 redis,
# +10 and +11 app instances; +20.. are left to the caller (Prometheus and the exporters).

STACK_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STACK_ADMIN_TOKEN=stack-admin-token
# Every instance of one stack seals claims with the same key (AES-256, base64), made fresh per stack.
STACK_CLAIM_KEY=$(head -c 32 /dev/urandom | base64)
# ... and names its visitors (X-Jiasu-Visitor, logged by nginx) with the same key.
STACK_VISITOR_KEY=$(head -c 32 /dev/urandom | base64)
STACK_PIDS=()

stack_log() { printf '[stack %s] %s\n' "$(date +%T)" "$*" >&2; }

stack_ports() {
    NGINX_PORT=$STACK_BASE
    STATUS_PORT=$((STACK_BASE + 1))
    MONGO_PORT=$((STACK_BASE + 2))
    WECHAT_PORT=$((STACK_BASE + 3))
    REDIS_PORT=$((STACK_BASE + 4))
    APP_PORTS=($((STACK_BASE + 10)) $((STACK_BASE + 11)))
    STACK_URL=http://127.0.0.1:$NGINX_PORT
}

# Builds the backend and the local stack when the jar is missing or older than any source, then copies both
# into the run directory so that a rebuild by someone else can't pull files from under the running instances.
stack_build() {
    local jar=$STACK_REPO/backend/target/quarkus-app/quarkus-run.jar
    local stand_in=$STACK_REPO/local-stack/target/jiasu-local-stack.jar
    (
        # deploy/test.sh and grafana/test.sh may run side by side: one builds, the other waits and copies.
        flock 8
        if [ ! -f "$jar" ] || [ ! -f "$stand_in" ] \
            || [ -n "$(find "$STACK_REPO/pom.xml" "$STACK_REPO/backend/pom.xml" "$STACK_REPO/backend/src/main" \
                "$STACK_REPO/local-stack/pom.xml" "$STACK_REPO/local-stack/src/main" -newer "$jar" -type f -print -quit)" ]; then
            stack_log "building backend and local-stack"
            (cd "$STACK_REPO" && mvn -q -B -pl backend -am package -DskipTests) >&2 || exit 1
        fi
        cp -r "$STACK_REPO/backend/target/quarkus-app" "$STACK_RUN/app" && cp "$stand_in" "$STACK_RUN/local-stack.jar"
    ) 8>/tmp/jiasu-stack-build.lock
}

# Waits until "$@" succeeds, up to $WAIT_SECONDS (default 60), polling every 0.2 s.
stack_wait() {
    local deadline=$((SECONDS + ${WAIT_SECONDS:-60}))
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -lt $deadline ] || { stack_log "timed out waiting for: $*"; return 1; }
        sleep 0.2
    done
}

stack_http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }

# Renders deploy/nginx/ into $1 for this run: listen addresses, upstream servers, trusted proxy and file paths
# change, nothing else. Every rewrite must hit, so a renamed line in the production config fails loudly.
stack_render_nginx() {
    local out=$1 f
    mkdir -p "$out" "$STACK_RUN/log"
    cp "$STACK_REPO"/deploy/nginx/*.conf "$out/"
    rewrite() {
        local file=$out/$1 pattern=$2 replacement=$3
        grep -q -- "$pattern" "$file" || { stack_log "nginx rewrite: '$pattern' not found in $1"; return 1; }
        sed -i "s|$pattern|$replacement|g" "$file"
    }
    rewrite nginx.conf '/run/nginx.pid' "$STACK_RUN/nginx.pid" &&
    rewrite jiasu-site.conf 'listen 80 ' "listen 127.0.0.1:$NGINX_PORT " &&
    rewrite jiasu-site.conf 'listen 127.0.0.1:8081' "listen 127.0.0.1:$STATUS_PORT" &&
    rewrite jiasu-trusted-proxies.conf 'set_real_ip_from 10.0.0.0/8' 'set_real_ip_from 127.0.0.1' &&
    rewrite jiasu-console-allow.conf 'allow 10.0.0.0/8;' '' || return 1
    rewrite jiasu-http.conf '/var/lib/nginx/jiasu-media' "$STACK_RUN/cache/jiasu-media" || return 1
    mkdir -p "$STACK_RUN/cache"
    for f in "$out"/*.conf; do
        sed -i "s|/var/log/nginx/|$STACK_RUN/log/|g" "$f"
    done
    # One upstream line per test instance, with the production line's parameters.
    local first
    first=$(grep -m1 -E '^[[:space:]]*server 10\.[0-9.]+:8080 ' "$out/jiasu-upstream.conf") || { stack_log "nginx rewrite: no upstream server line"; return 1; }
    awk -v first="$first" -v ports="${APP_PORTS[*]}" '
        /^[ \t]*server 10\.[0-9.]+:8080 / {
            if (!done) { n = split(ports, p, " "); for (i = 1; i <= n; i++) { line = first; sub(/10\.[0-9.]+:8080/, "127.0.0.1:" p[i], line); print line } }
            done = 1; next
        }
        { print }' "$out/jiasu-upstream.conf" >"$out/upstream.tmp" && mv "$out/upstream.tmp" "$out/jiasu-upstream.conf"
    # Tests send traffic to loopback only: refuse to start if any address outside 127.0.0.0/8 survived.
    if grep -nE '(^|[^0-9.])([0-9]{1,3}\.){3}[0-9]{1,3}' "$out"/jiasu-*.conf | grep -vE '(^|[^0-9.])127\.[0-9.]+' ; then
        stack_log "nginx rewrite: an address outside loopback is left in the rendered config"; return 1
    fi
}

stack_start_app() {
    local port=$1
    PORT=$port HOST=127.0.0.1 MONGODB_URI=mongodb://127.0.0.1:$MONGO_PORT REDIS_URL=redis://127.0.0.1:$REDIS_PORT \
        WECHAT_APPID=wxstub0000000000 WECHAT_SECRET=stub-secret WECHAT_API_HOST_URL=http://127.0.0.1:$WECHAT_PORT \
        ADMIN_TOKEN=$STACK_ADMIN_TOKEN CLAIM_KEYS="stack:$STACK_CLAIM_KEY" CLAIM_KEY_ID=stack \
        VISITOR_KEY=$STACK_VISITOR_KEY \
        java -Xmx512m -XX:+UseSerialGC -jar "$STACK_RUN/app/quarkus-run.jar" >"$STACK_RUN/log/app-$port.log" 2>&1 &
    STACK_PIDS+=($!)
    eval "APP_PID_$port=$!"
    # Tests kill instances on purpose; keep bash from reporting each one as a crashed job.
    disown $!
}

stack_start_redis() {
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$STACK_RUN" \
        --daemonize no --logfile "$STACK_RUN/log/redis.log" &
    REDIS_PID=$!
    STACK_PIDS+=($REDIS_PID)
    stack_wait redis-cli -p "$REDIS_PORT" ping
}

stack_start() {
    stack_ports
    mkdir -p "$STACK_RUN/log"
    "$STACK_REPO/deploy/local/need" nginx redis-server redis-tools curl >&2 || return 1
    stack_build || return 1

    java -jar "$STACK_RUN/local-stack.jar" --mongo-port "$MONGO_PORT" --wechat-port "$WECHAT_PORT" \
        >"$STACK_RUN/log/local-stack.log" 2>&1 &
    STACK_PIDS+=($!)
    stack_start_redis || return 1
    stack_wait grep -q 'wechat stub ready' "$STACK_RUN/log/local-stack.log" || return 1
    stack_wait grep -q 'mongo ready' "$STACK_RUN/log/local-stack.log" || return 1

    local port
    for port in "${APP_PORTS[@]}"; do stack_start_app "$port"; done

    stack_render_nginx "$STACK_RUN/nginx" || return 1
    nginx -t -q -p "$STACK_RUN/nginx" -c "$STACK_RUN/nginx/nginx.conf" -g 'daemon off;' || return 1
    nginx -p "$STACK_RUN/nginx" -c "$STACK_RUN/nginx/nginx.conf" -g 'daemon off;' 2>>"$STACK_RUN/log/nginx-stderr.log" &
    NGINX_PID=$!
    STACK_PIDS+=($NGINX_PID)

    for port in "${APP_PORTS[@]}"; do
        stack_wait stack_http_ok "http://127.0.0.1:$port/q/health/ready" || { tail -20 "$STACK_RUN/log/app-$port.log" >&2; return 1; }
    done
    stack_wait stack_http_ok "http://127.0.0.1:$STATUS_PORT/nginx_status" || return 1
    stack_log "up: nginx $STACK_URL, instances ${APP_PORTS[*]}, run dir $STACK_RUN"
}

# Stops everything the stack started (and anything the caller added to STACK_PIDS), by pid.
stack_stop() {
    local pid
    for pid in "${STACK_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${STACK_PIDS[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null
    done
    STACK_PIDS=()
}
