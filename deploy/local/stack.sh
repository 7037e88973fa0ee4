# The one way Jiasu's local stack starts and stops, on loopback only: the MongoDB stand-in and the WeChat stub
# (local-stack), a redis-server, N packaged app instances and, when asked, nginx running deploy/nginx/ with only
# its addresses and paths rewritten. deploy/local/run, deploy/local/stop, backend/console-test.sh, deploy/test.sh,
# grafana/test.sh and load-test/bench all source it.
#
#   source deploy/local/stack.sh
#   STACK_BASE=18400 STACK_RUN=/some/dir   # first port of a block of 30; the run directory (pids, logs, data)
#   stack_ports 2                          # two app instances
#   stack_traps stack_stop                 # stop everything on exit, Ctrl-C or SIGTERM
#   stack_up --nginx                       # [--aof] Redis with AOF on (appendfsync everysec), as in production;
#                                          # [--sentinel] primary, replica, 3 sentinels; [--cluster] 3 primaries
#                                          # [--keycloak] operators sign in through Keycloak (realm jiasu)
#
# Ports from STACK_BASE: +0 nginx, +1 nginx stub_status, +2 MongoDB stand-in, +3 WeChat stub, +4 Redis (+5..+8
# the replica and sentinels, or the other cluster nodes), +9 Keycloak, +10.. app instances (at most 10); +20..+29 are left to the caller (Prometheus and the exporters).
# Every process started here has a pid file in $STACK_RUN/pids/ (pid and start time, so a recycled pid is never
# signalled) and its output in $STACK_RUN/log/NAME.log; `deploy/local/stop DIR` stops them from any shell.
# Every wait is bounded: WAIT_SECONDS (60) for stack_wait, STACK_READY_SECONDS (120) for a process to be ready.

STACK_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

stack_log() { printf '[stack %s] %s\n' "$(date +%T)" "$*" >&2; }

# stack_ports [N]: the ports of a stack of N app instances (1) from STACK_BASE.
stack_ports() {
    local n=${1:-1} i
    if ! [[ ${STACK_BASE:-} =~ ^[0-9]+$ ]] || [ "$STACK_BASE" -lt 1024 ] || [ "$STACK_BASE" -gt 65500 ]; then
        stack_log "STACK_BASE must be a port number from 1024 to 65500, not '${STACK_BASE:-}'"
        return 1
    fi
    if ! [[ $n =~ ^[0-9]+$ ]] || [ "$n" -lt 1 ] || [ "$n" -gt 10 ]; then
        stack_log "between 1 and 10 app instances, not $n"
        return 1
    fi
    STACK_NGINX_PORT=$STACK_BASE
    STACK_STATUS_PORT=$((STACK_BASE + 1))
    STACK_MONGO_PORT=$((STACK_BASE + 2))
    STACK_WECHAT_PORT=$((STACK_BASE + 3))
    STACK_REDIS_PORT=$((STACK_BASE + 4))
    STACK_KEYCLOAK_PORT=$((STACK_BASE + 9))
    STACK_APP_PORTS=()
    for ((i = 0; i < n; i++)); do STACK_APP_PORTS+=($((STACK_BASE + 10 + i))); done
    STACK_URL=http://127.0.0.1:$STACK_NGINX_PORT
}

# stack_traps COMMAND: runs COMMAND (e.g. stack_stop) when the script exits, also on Ctrl-C and SIGTERM.
stack_traps() {
    # shellcheck disable=SC2064 # the command is given now, to run later
    trap "$1" EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

# ---- processes by pid file --------------------------------------------------------------------------------------

# The start time (clock ticks since boot) of a live, non-zombie process, from /proc/PID/stat.
stack_start_time() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    # shellcheck disable=SC2086 # split into the fields after the command name: state is 1, starttime is 20
    set -- $stat
    [ "$1" != Z ] || return 1
    echo "${20}"
}

# stack_track NAME PID: records a process in $STACK_RUN/pids so that stack_stop stops it too.
stack_track() {
    mkdir -p "$STACK_RUN/pids"
    echo "$2 $(stack_start_time "$2")" >"$STACK_RUN/pids/$1.pid"
}

# stack_pid NAME: prints the pid of NAME if that very process is still running.
stack_pid() {
    local pid started now
    read -r pid started 2>/dev/null <"$STACK_RUN/pids/$1.pid" || return 1
    now=$(stack_start_time "$pid") && [ -n "$started" ] && [ "$now" = "$started" ] || return 1
    echo "$pid"
}

stack_alive() { stack_pid "$1" >/dev/null; }

# stack_signal NAME SIGNAL [SECONDS]: sends SIGNAL (0 only waits) and waits at most SECONDS (30) until NAME is
# gone. A big JVM takes a moment to die under load and its listen socket accepts until it has, so a caller that
# counts from "killed" must count from here.
stack_signal() {
    local name=$1 signal=$2 limit=${3:-30} pid deadline
    deadline=$((SECONDS + limit))
    pid=$(stack_pid "$name") || { rm -f "$STACK_RUN/pids/$name.pid"; return 0; }
    kill -s "$signal" "$pid" 2>/dev/null
    while stack_alive "$name"; do
        [ $SECONDS -lt "$deadline" ] || { stack_log "$name (pid $pid) still running $limit s after signal $signal"; return 1; }
        sleep 0.1
    done
    rm -f "$STACK_RUN/pids/$name.pid"
}

# Stop order: what callers added and nginx first (no new traffic), then the instances, then what they use.
stack_stop_rank() {
    case $1 in
        app-*) echo 2 ;;
        redis | redis-*) echo 3 ;;
        local-stack) echo 4 ;;
        *) echo 1 ;;
    esac
}

# stack_stop: stops every process recorded in $STACK_RUN/pids, by rank: SIGTERM to the rank at once, up to 15 s to
# go, then SIGKILL.
stack_stop() {
    [ -d "${STACK_RUN:-}/pids" ] || return 0
    local rank file name pid names
    for rank in 1 2 3 4; do
        names=()
        for file in "$STACK_RUN"/pids/*.pid; do
            [ -e "$file" ] || continue
            name=$(basename "$file" .pid)
            [ "$(stack_stop_rank "$name")" = "$rank" ] && names+=("$name")
        done
        for name in "${names[@]}"; do pid=$(stack_pid "$name") && kill -TERM "$pid" 2>/dev/null; done
        for name in "${names[@]}"; do stack_signal "$name" 0 15 2>/dev/null || stack_signal "$name" KILL 5; done
    done
    return 0
}

# ---- waiting -----------------------------------------------------------------------------------------------------

# stack_wait COMMAND...: waits until COMMAND succeeds, at most WAIT_SECONDS (60), polling every 0.2 s.
stack_wait() {
    local deadline=$((SECONDS + ${WAIT_SECONDS:-60}))
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -lt $deadline ] || { stack_log "timed out waiting for: $*"; return 1; }
        sleep 0.2
    done
}

# stack_wait_for NAME COMMAND...: like stack_wait, for STACK_READY_SECONDS (120), but gives up at once when the
# process NAME has ended, showing the end of its log.
stack_wait_for() {
    local name=$1 deadline=$((SECONDS + ${STACK_READY_SECONDS:-120}))
    shift
    until "$@" >/dev/null 2>&1; do
        if ! stack_alive "$name"; then
            stack_log "$name ended before it was ready; the end of $STACK_RUN/log/$name.log:"
            tail -n 20 "$STACK_RUN/log/$name.log" >&2 2>/dev/null
            return 1
        fi
        [ $SECONDS -lt $deadline ] || { stack_log "$name not ready after ${STACK_READY_SECONDS:-120} s (waited for: $*)"; return 1; }
        sleep 0.2
    done
}

stack_http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }

# stack_port_free PORT: nothing listens on 127.0.0.1:PORT.
stack_port_free() { ! timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# ---- starting ----------------------------------------------------------------------------------------------------

# stack_spawn NAME COMMAND...: starts COMMAND in the background, output to $STACK_RUN/log/NAME.log, and records it.
stack_spawn() {
    local name=$1
    shift
    mkdir -p "$STACK_RUN/log"
    "$@" >"$STACK_RUN/log/$name.log" 2>&1 </dev/null &
    stack_track "$name" $!
    # Tests kill processes on purpose; keep bash from reporting each one as a crashed job.
    disown $!
}

# stack_init: the run directory, and the secrets of this run dir (kept across runs in it, mode 600): the admin
# token (STACK_ADMIN_TOKEN if set) and the key claims are sealed with (STACK_CLAIM_KEYS / STACK_CLAIM_KEY_ID if set).
stack_init() {
    mkdir -p "$STACK_RUN/log" "$STACK_RUN/pids" || return 1
    (
        umask 077
        if [ -n "${STACK_ADMIN_TOKEN:-}" ]; then
            printf '%s' "$STACK_ADMIN_TOKEN" >"$STACK_RUN/admin-token"
        elif [ ! -s "$STACK_RUN/admin-token" ]; then
            head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$STACK_RUN/admin-token"
        fi
        [ -s "$STACK_RUN/claim-key" ] || head -c 32 /dev/urandom | base64 >"$STACK_RUN/claim-key"
        # the key of the opaque visitor id nginx logs (X-Jiasu-Visitor); production: VISITOR_KEY from the env
        [ -s "$STACK_RUN/visitor-key" ] || head -c 32 /dev/urandom | base64 >"$STACK_RUN/visitor-key"
    ) || return 1
    STACK_ADMIN_TOKEN=$(cat "$STACK_RUN/admin-token")
    STACK_CLAIM_KEYS=${STACK_CLAIM_KEYS:-local:$(cat "$STACK_RUN/claim-key")}
    STACK_CLAIM_KEY_ID=${STACK_CLAIM_KEY_ID:-local}
    STACK_VISITOR_KEY=${STACK_VISITOR_KEY:-$(cat "$STACK_RUN/visitor-key")}
    STACK_PUSH_TOKEN=${STACK_PUSH_TOKEN:-local-push-token}
}

# stack_build: builds backend and local-stack when a jar is missing or older than any of their sources (unless
# STACK_SKIP_BUILD=true and both jars exist), then copies both into the run directory so that a rebuild by someone
# else can't pull files from under the running instances. Parallel users of one checkout build once: one builds,
# the others wait (at most 15 minutes) and copy.
stack_build() {
    local jar=$STACK_REPO/backend/target/quarkus-app/quarkus-run.jar
    local stand_in=$STACK_REPO/local-stack/target/jiasu-local-stack.jar
    mkdir -p "$STACK_REPO/.run" "$STACK_RUN" || return 1
    (
        flock -w 900 8 || { stack_log "another build of this checkout held the lock for 15 minutes"; exit 1; }
        if [ ! -f "$jar" ] || [ ! -f "$stand_in" ] || { [ "${STACK_SKIP_BUILD:-false}" != true ] &&
            [ -n "$(find "$STACK_REPO/pom.xml" "$STACK_REPO/backend/pom.xml" "$STACK_REPO/backend/src/main" \
                "$STACK_REPO/local-stack/pom.xml" "$STACK_REPO/local-stack/src/main" -newer "$jar" -type f \
                -not -path '*/node_modules/*' -print -quit)" ]; }; then
            stack_log "building backend and local-stack (mvn package)"
            (cd "$STACK_REPO" && mvn -q -B -pl backend -am package -DskipTests) >&2 || exit 1
        fi
        rm -rf "$STACK_RUN/app" &&
            cp -r "$STACK_REPO/backend/target/quarkus-app" "$STACK_RUN/app" && cp "$stand_in" "$STACK_RUN/local-stack.jar"
    ) 8>"$STACK_REPO/.run/stack-build.lock"
}

# stack_start_standin: the MongoDB stand-in and the WeChat stub (one process, local-stack), waited for. The stub
# pushes its media-check verdicts (avatars) to the first instance, signed with the push token every instance has.
stack_start_standin() {
    stack_spawn local-stack java -Xmx512m -jar "$STACK_RUN/local-stack.jar" \
        --mongo-port "$STACK_MONGO_PORT" --wechat-port "$STACK_WECHAT_PORT" \
        --push-url "http://127.0.0.1:${STACK_APP_PORTS[0]}/wechat/push" --push-token "$STACK_PUSH_TOKEN"
    stack_wait_for local-stack grep -q 'mongo ready' "$STACK_RUN/log/local-stack.log" &&
        stack_wait_for local-stack grep -q 'wechat stub ready' "$STACK_RUN/log/local-stack.log"
}

# stack_start_redis [--aof] [--keep]: redis-server with its data in $STACK_RUN/redis, waited for. The data is
# wiped first unless --keep (a restart that must find its AOF again): the MongoDB stand-in keeps everything in
# memory, so a session surviving in Redis would point at a user the record no longer has.
stack_start_redis() {
    local aof=no keep=false arg
    for arg in "$@"; do
        case $arg in
            --aof) aof=yes ;;
            --keep) keep=true ;;
            *) stack_log "stack_start_redis: unknown option $arg"; return 1 ;;
        esac
    done
    $keep || rm -rf "$STACK_RUN/redis"
    mkdir -p "$STACK_RUN/redis"
    stack_spawn redis redis-server --port "$STACK_REDIS_PORT" --bind 127.0.0.1 --dir "$STACK_RUN/redis" --save '' \
        --appendonly "$aof" --appendfsync everysec --daemonize no
    stack_wait_for redis stack_redis_pong
}
stack_redis_pong() { [ "$(redis-cli -p "${1:-$STACK_REDIS_PORT}" ping 2>/dev/null)" = PONG ]; }

# stack_start_sentinel: Redis under Sentinel, as production runs it: a primary on +4 and its replica on +5 (AOF on
# both) and three sentinels on +6..+8 watching them as "jiasu" (quorum 2; down after 1 s, so a rehearsal's failover
# takes seconds). The instances then ask the sentinels for the primary (STACK_REDIS_* below). Each sentinel rewrites
# its own config file, so each has one.
stack_start_sentinel() {
    local dir=$STACK_RUN/redis replica=$((STACK_REDIS_PORT + 1)) port urls=()
    rm -rf "$dir" && mkdir -p "$dir"
    stack_redis_node redis "$STACK_REDIS_PORT" &&
        stack_redis_node redis-replica "$replica" --replicaof 127.0.0.1 "$STACK_REDIS_PORT" &&
        stack_wait_for redis-replica stack_redis_linked "$replica" || return 1
    for port in $((STACK_REDIS_PORT + 2)) $((STACK_REDIS_PORT + 3)) $((STACK_REDIS_PORT + 4)); do
        printf '%s\n' "port $port" "bind 127.0.0.1" "dir $dir" \
            "sentinel monitor jiasu 127.0.0.1 $STACK_REDIS_PORT 2" \
            "sentinel down-after-milliseconds jiasu 1000" "sentinel failover-timeout jiasu 10000" \
            >"$dir/sentinel-$port.conf"
        stack_spawn "redis-sentinel-$port" redis-sentinel "$dir/sentinel-$port.conf" &&
            stack_wait_for "redis-sentinel-$port" stack_redis_pong "$port" || return 1
        urls+=("redis://127.0.0.1:$port")
    done
    STACK_REDIS_CLIENT=sentinel STACK_REDIS_MASTER=jiasu
    STACK_REDIS_URL=$(IFS=,; echo "${urls[*]}")
}
stack_redis_linked() { redis-cli -p "$1" info replication 2>/dev/null | grep -q 'master_link_status:up'; }

# stack_sentinel_primary: the port of the primary the sentinels name now.
stack_sentinel_primary() {
    redis-cli -p $((STACK_REDIS_PORT + 2)) sentinel get-master-addr-by-name jiasu 2>/dev/null | sed -n 2p
}

# stack_start_cluster: a Redis Cluster of three primaries on +4..+6 (AOF on, no replicas), slots spread by
# redis-cli --cluster create; the instances get all three as seeds (STACK_REDIS_* below).
stack_start_cluster() {
    local dir=$STACK_RUN/redis port ports=() urls=()
    rm -rf "$dir" && mkdir -p "$dir"
    for port in "$STACK_REDIS_PORT" $((STACK_REDIS_PORT + 1)) $((STACK_REDIS_PORT + 2)); do
        stack_redis_node "redis-cluster-$port" "$port" --cluster-enabled yes --cluster-node-timeout 2000 \
            --cluster-config-file "$dir/$port/nodes.conf" || return 1
        ports+=("127.0.0.1:$port") urls+=("redis://127.0.0.1:$port")
    done
    if ! redis-cli --cluster create "${ports[@]}" --cluster-replicas 0 --cluster-yes \
        >"$STACK_RUN/log/redis-cluster-create.log" 2>&1 || ! WAIT_SECONDS=30 stack_wait stack_cluster_ok; then
        stack_log "redis cluster did not form; see $STACK_RUN/log/redis-cluster-create.log"
        return 1
    fi
    STACK_REDIS_CLIENT=cluster STACK_REDIS_MASTER=
    STACK_REDIS_URL=$(IFS=,; echo "${urls[*]}")
}
stack_cluster_ok() { redis-cli -p "$STACK_REDIS_PORT" cluster info 2>/dev/null | grep -q 'cluster_state:ok'; }

# stack_redis_node NAME PORT [REDIS OPTIONS...]: one redis-server with AOF in $STACK_RUN/redis/PORT, waited for.
stack_redis_node() {
    local name=$1 port=$2
    shift 2
    mkdir -p "$STACK_RUN/redis/$port"
    stack_spawn "$name" redis-server --port "$port" --bind 127.0.0.1 --dir "$STACK_RUN/redis/$port" --save '' \
        --appendonly yes --appendfsync everysec --daemonize no "$@" &&
        stack_wait_for "$name" stack_redis_pong "$port"
}

# stack_start_app PORT: one app instance on PORT (not waited for: see stack_wait_app), with the environment it
# needs; STACK_JAVA_OPTS (-Xmx512m -XX:+UseSerialGC) are its JVM options; Redis as stack_start_sentinel or
# stack_start_cluster left it (STACK_REDIS_URL, STACK_REDIS_CLIENT, STACK_REDIS_MASTER), else the one on +4.
stack_start_app() {
    local port=$1
    # shellcheck disable=SC2086 # STACK_JAVA_OPTS is a list of options
    PORT=$port HOST=127.0.0.1 MONGODB_URI=mongodb://127.0.0.1:$STACK_MONGO_PORT \
        REDIS_URL=${STACK_REDIS_URL:-redis://127.0.0.1:$STACK_REDIS_PORT} REDIS_CLIENT_TYPE=${STACK_REDIS_CLIENT:-standalone} \
        REDIS_MASTER_NAME=${STACK_REDIS_MASTER:-mymaster} WECHAT_APPID=wxstub0000000000 WECHAT_SECRET=stub-secret \
        WECHAT_API_HOST_URL=http://127.0.0.1:$STACK_WECHAT_PORT ADMIN_TOKEN=$STACK_ADMIN_TOKEN \
        CLAIM_KEYS=$STACK_CLAIM_KEYS CLAIM_KEY_ID=$STACK_CLAIM_KEY_ID VISITOR_KEY=$STACK_VISITOR_KEY \
        WECHAT_PUSH_TOKEN=$STACK_PUSH_TOKEN OIDC_AUTH_SERVER_URL=${STACK_OIDC_URL:-} stack_spawn "app-$port" java ${STACK_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC} -jar "$STACK_RUN/app/quarkus-run.jar"
}

# ---- the operators' identity provider (opt-in: stack_up --keycloak) ----------------------------------------------

STACK_KEYCLOAK_VERSION=${STACK_KEYCLOAK_VERSION:-26.5.6}

# stack_fetch_keycloak: Keycloak's distribution (org.keycloak:keycloak-quarkus-dist zip, about 165 MB, from Maven
# Central through mvn, so it is cached in ~/.m2 like every other artifact), unpacked once into .run/keycloak-VERSION.
# Parallel users of one checkout unpack once.
stack_fetch_keycloak() {
    local version=$STACK_KEYCLOAK_VERSION home=$STACK_REPO/.run/keycloak-$STACK_KEYCLOAK_VERSION
    local zip=${MAVEN_REPOSITORY:-$HOME/.m2/repository}/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.zip
    [ -x "$home/bin/kc.sh" ] && return 0
    mkdir -p "$STACK_REPO/.run" || return 1
    (
        flock -w 900 9 || { stack_log "another fetch of Keycloak held the lock for 15 minutes"; exit 1; }
        [ -x "$home/bin/kc.sh" ] && exit 0
        if [ ! -f "$zip" ]; then
            stack_log "fetching Keycloak $version (mvn dependency:get, about 165 MB)"
            mvn -q -B dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" -Dtransitive=false >&2 ||
                exit 1
        fi
        "$STACK_REPO/deploy/local/need" unzip >&2 || exit 1
        rm -rf "$home.partial" && mkdir -p "$home.partial" && unzip -q "$zip" -d "$home.partial" &&
            mv "$home.partial/keycloak-$version" "$home" && rm -rf "$home.partial"
    ) 9>"$STACK_REPO/.run/keycloak.lock"
}

# stack_start_keycloak: Keycloak in dev mode on STACK_KEYCLOAK_PORT (+9), loopback only, with an in-memory database
# and the realm deploy/local/keycloak/jiasu-realm.json imported (its console client, the roles viewer, operator and
# admin, one user of each: local-only passwords); not waited for (stack_wait_keycloak). Sets STACK_OIDC_URL, the
# issuer stack_start_app hands the instances.
stack_start_keycloak() {
    local home=$STACK_REPO/.run/keycloak-$STACK_KEYCLOAK_VERSION
    stack_fetch_keycloak || return 1
    mkdir -p "$home/data/import" && cp "$STACK_REPO/deploy/local/keycloak/jiasu-realm.json" "$home/data/import/" ||
        return 1
    STACK_OIDC_URL=http://127.0.0.1:$STACK_KEYCLOAK_PORT/realms/jiasu
    JAVA_OPTS_KC_HEAP='-Xms64m -Xmx512m' stack_spawn keycloak "$home/bin/kc.sh" start-dev \
        --http-port="$STACK_KEYCLOAK_PORT" --http-host=127.0.0.1 --db=dev-mem --import-realm
}

# stack_wait_keycloak: waits until the realm's discovery document is served.
stack_wait_keycloak() { stack_wait_for keycloak stack_http_ok "$STACK_OIDC_URL/.well-known/openid-configuration"; }

# stack_wait_app PORT: waits until the instance on PORT is ready (MongoDB and Redis reachable).
stack_wait_app() { stack_wait_for "app-$1" stack_http_ok "http://127.0.0.1:$1/q/health/ready"; }

# stack_kill_app PORT [SIGNAL]: SIGKILL (or SIGNAL, e.g. TERM) to one instance; returns once it is gone.
stack_kill_app() { stack_signal "app-$1" "${2:-KILL}"; }

# stack_restart_app PORT: stops the instance on PORT if it still runs (SIGTERM), starts it again and waits.
stack_restart_app() {
    stack_kill_app "$1" TERM || stack_kill_app "$1" KILL || return 1
    stack_start_app "$1" && stack_wait_app "$1"
}

# stack_render_nginx DIR: deploy/nginx/ for this run: listen addresses, upstream servers, trusted proxy and file
# paths change, nothing else. Every rewrite must hit, so a renamed line in the production config fails loudly.
stack_render_nginx() {
    local out=$1 f first
    mkdir -p "$out" "$STACK_RUN/log"
    cp "$STACK_REPO"/deploy/nginx/*.conf "$out/"
    rewrite() {
        local file=$out/$1 pattern=$2 replacement=$3
        grep -q -- "$pattern" "$file" || { stack_log "nginx rewrite: '$pattern' not found in $1"; return 1; }
        sed -i "s|$pattern|$replacement|g" "$file"
    }
    rewrite nginx.conf '/run/nginx.pid' "$out/nginx.pid" &&
        rewrite jiasu-site.conf 'listen 80 ' "listen 127.0.0.1:$STACK_NGINX_PORT " &&
        rewrite jiasu-site.conf 'listen 127.0.0.1:8081' "listen 127.0.0.1:$STACK_STATUS_PORT" &&
        rewrite jiasu-trusted-proxies.conf 'set_real_ip_from 10.0.0.0/8' 'set_real_ip_from 127.0.0.1' &&
        rewrite jiasu-console-allow.conf 'allow 10.0.0.0/8;' '' &&
        rewrite jiasu-http.conf '/var/lib/nginx/jiasu-media' "$STACK_RUN/cache/jiasu-media" || return 1
    mkdir -p "$STACK_RUN/cache"
    for f in "$out"/*.conf; do
        sed -i "s|/var/log/nginx/|$STACK_RUN/log/|g" "$f"
    done
    # One upstream line per instance, with the production line's parameters.
    first=$(grep -m1 -E '^[[:space:]]*server 10\.[0-9.]+:8080 ' "$out/jiasu-upstream.conf") ||
        { stack_log "nginx rewrite: no upstream server line"; return 1; }
    awk -v first="$first" -v ports="${STACK_APP_PORTS[*]}" '
        /^[ \t]*server 10\.[0-9.]+:8080 / {
            if (!done) { n = split(ports, p, " "); for (i = 1; i <= n; i++) { line = first; sub(/10\.[0-9.]+:8080/, "127.0.0.1:" p[i], line); print line } }
            done = 1; next
        }
        { print }' "$out/jiasu-upstream.conf" >"$out/upstream.tmp" && mv "$out/upstream.tmp" "$out/jiasu-upstream.conf"
    # Loopback only: refuse to start if any address outside 127.0.0.0/8 survived.
    if grep -nE '(^|[^0-9.])([0-9]{1,3}\.){3}[0-9]{1,3}' "$out"/jiasu-*.conf | grep -vE '(^|[^0-9.])127\.[0-9.]+'; then
        stack_log "nginx rewrite: an address outside loopback is left in the rendered config"
        return 1
    fi
}

# stack_start_nginx: nginx with the rendered deploy/nginx/ in front of STACK_APP_PORTS, waited for.
stack_start_nginx() {
    local dir=$STACK_RUN/nginx
    stack_render_nginx "$dir" || return 1
    nginx -t -q -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' || return 1
    stack_spawn nginx nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;'
    stack_wait_for nginx stack_http_ok "http://127.0.0.1:$STACK_STATUS_PORT/nginx_status"
}

# stack_nginx_drain PORT on|off: takes the instance on PORT out of nginx's upstream (`down`) or puts it back, and
# reloads nginx: new workers never send it a request, old ones finish theirs and close their kept-alive
# connections. What a rolling restart does before SIGTERM (deploy/README.md, "Graceful shutdown").
stack_nginx_drain() {
    local conf=$STACK_RUN/nginx/jiasu-upstream.conf port=$1 pid
    case $2 in
        on) sed -i -E "s/^([[:space:]]*server 127\.0\.0\.1:$port [^;]*[^n;])(;)/\1 down\2/" "$conf" ;;
        off) sed -i -E "s/^([[:space:]]*server 127\.0\.0\.1:$port [^;]*) down;/\1;/" "$conf" ;;
        *) stack_log "stack_nginx_drain: on or off, not $2"; return 1 ;;
    esac
    pid=$(stack_pid nginx) || { stack_log "stack_nginx_drain: nginx is not running"; return 1; }
    nginx -t -q -p "$STACK_RUN/nginx" -c "$STACK_RUN/nginx/nginx.conf" -g 'daemon off;' && kill -HUP "$pid"
}

# stack_up [--nginx] [--aof | --sentinel | --cluster]: the whole stack on the ports of stack_ports, each part
# waited for; Redis alone (+4), under Sentinel (+4..+8) or as a Cluster (+4..+6). Whatever a
# previous run left in $STACK_RUN is stopped first; a port already taken fails at once. On failure it stops what
# it started and returns non-zero, the reason on stderr.
# shellcheck disable=SC2120 # the options are optional
stack_up() {
    local nginx=false redis_opts=() redis=stack_start_redis packages=(openjdk-17-jdk-headless maven redis-server curl)
    local arg port ports keycloak=false
    STACK_REDIS_URL='' STACK_REDIS_CLIENT='' STACK_REDIS_MASTER='' STACK_OIDC_URL=''
    for arg in "$@"; do
        case $arg in
            --nginx) nginx=true packages+=(nginx) ;;
            --keycloak) keycloak=true ;;
            --aof) redis_opts+=(--aof) ;;
            --sentinel) redis=stack_start_sentinel packages+=(redis-sentinel redis-tools) ;;
            --cluster) redis=stack_start_cluster packages+=(redis-tools) ;;
            *) stack_log "stack_up: unknown option $arg"; return 1 ;;
        esac
    done
    stack_stop
    ports=("$STACK_MONGO_PORT" "$STACK_WECHAT_PORT" "$STACK_REDIS_PORT" "${STACK_APP_PORTS[@]}")
    [ "$redis" = stack_start_redis ] || ports+=($((STACK_REDIS_PORT + 1)) $((STACK_REDIS_PORT + 2)))
    [ "$redis" != stack_start_sentinel ] || ports+=($((STACK_REDIS_PORT + 3)) $((STACK_REDIS_PORT + 4)))
    $nginx && ports+=("$STACK_NGINX_PORT" "$STACK_STATUS_PORT")
    $keycloak && ports+=("$STACK_KEYCLOAK_PORT")
    for port in "${ports[@]}"; do
        stack_port_free "$port" ||
            { stack_log "port $port is taken (another stack? move this one with STACK_BASE, or stop it with deploy/local/stop DIR)"; return 1; }
    done
    "$STACK_REPO/deploy/local/need" "${packages[@]}" >&2 &&
        stack_init && stack_build || return 1
    # Keycloak starts first and is waited for last: it takes the longest (6-20 s, more on its very first start)
    if { ! $keycloak || stack_start_keycloak; } && stack_start_standin && "$redis" "${redis_opts[@]}" &&
        stack_start_apps && { ! $nginx || stack_start_nginx; } && { ! $keycloak || stack_wait_keycloak; }; then
        stack_log "up in $STACK_RUN: instances ${STACK_APP_PORTS[*]}$($nginx && echo ", nginx $STACK_URL")$($keycloak && echo ", Keycloak $STACK_OIDC_URL")"
        return 0
    fi
    stack_stop
    return 1
}

# stack_start_apps: every instance of STACK_APP_PORTS, started together and waited for.
stack_start_apps() {
    local port
    for port in "${STACK_APP_PORTS[@]}"; do stack_start_app "$port"; done
    for port in "${STACK_APP_PORTS[@]}"; do stack_wait_app "$port" || return 1; done
}
