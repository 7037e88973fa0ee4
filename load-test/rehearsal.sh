# The launch-day rehearsal as a sourced library: load-test/rehearsal runs it once, load-test/faults/run once per
# fault case. The stack comes from deploy/local/stack.sh (two instances behind the real nginx edge), the crowd from
# the Gatling simulation in src/test/java (LaunchDay), the ceiling from wrk against an nginx `return 200`.
#
#   source load-test/rehearsal.sh
#   rehearsal_init DIR          # STACK_BASE (19000), STACK_RUN=DIR/stack; traps that stop everything on exit
#   rehearsal_stack [OPTIONS]   # stack_up --nginx OPTIONS (--aof, --sentinel, --cluster), two app instances
#   rehearsal_warm              # WARM (20) s of the same crowd on a campaign of its own: the JIT's warm-up -> DIR/warm/
#   rehearsal_ceiling           # wrk against nginx `return 200` for CEILING_SECONDS (5) -> DIR/ceiling.txt
#   rehearsal_gatling           # the crowd and its audit -> DIR/{timeline.csv,helps.csv,requests.md,audit.txt}, DIR/gatling/
#   rehearsal_report            # DIR/results.md: the request table, accepted helps/s against the ceiling, the audit
#
# Knobs (environment): DURATION (60 s of load), LEAD (5 s idle before the 9:00 step), SEED_RATE (3/s),
# FRIEND_RATE (30/s), BRANCHING (8 friends per share), JOIN_FRACTION (0.3), PRIZES (30), READS (2), WARM (20 s).

REHEARSAL_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../deploy/local/stack.sh
source "$REHEARSAL_HOME/../deploy/local/stack.sh"

rehearsal_init() {
    REHEARSAL_OUT=$1
    mkdir -p "$REHEARSAL_OUT"
    STACK_BASE=${STACK_BASE:-19000}
    STACK_RUN=$REHEARSAL_OUT/stack
    stack_ports 2 || return 1
    REHEARSAL_CEILING_PORT=$((STACK_BASE + 20))
    REHEARSAL_CAMPAIGN=${REHEARSAL_CAMPAIGN:-rh$(date +%s)}
    "$STACK_REPO/deploy/local/need" wrk nodejs maven >&2
}

rehearsal_stack() {
    stack_up --nginx "$@" 2>>"$REHEARSAL_OUT/stack.log" || { tail -n 30 "$REHEARSAL_OUT/stack.log" >&2; return 1; }
}

# rehearsal_ceiling: nginx's cheapest answer on this box, measured now, so the rehearsal's numbers can be read as
# a ratio that survives a busier or quieter machine.
rehearsal_ceiling() {
    local dir=$STACK_RUN/nginx-ceiling
    mkdir -p "$dir"
    cat >"$dir/nginx.conf" <<CONF
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    server {
        listen 127.0.0.1:$REHEARSAL_CEILING_PORT;
        location / { return 200 "ok\n"; }
    }
}
CONF
    stack_spawn nginx-ceiling nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;'
    stack_wait_for nginx-ceiling stack_http_ok "http://127.0.0.1:$REHEARSAL_CEILING_PORT/" || return 1
    wrk -t2 -c64 -d"${CEILING_SECONDS:-5}s" "http://127.0.0.1:$REHEARSAL_CEILING_PORT/" >"$REHEARSAL_OUT/ceiling.txt"
    stack_signal nginx-ceiling TERM
}

# rehearsal_gatling [DIR CAMPAIGN]: the crowd, through the edge, on CAMPAIGN (REHEARSAL_CAMPAIGN), its ledger and
# report in DIR (REHEARSAL_OUT); its audit reads the record and one instance's API.
rehearsal_gatling() {
    local out=${1:-$REHEARSAL_OUT} campaign=${2:-$REHEARSAL_CAMPAIGN} report
    mkdir -p "$out"
    rm -rf "$out/load-start" "$out/audit.txt" "$out/gatling"
    local knobs=(lead=LEAD=5 duration=DURATION=60 seedRate=SEED_RATE=3 friendRate=FRIEND_RATE=30 branching=BRANCHING=8
        joinFraction=JOIN_FRACTION=0.3 prizes=PRIZES=30 reads=READS=2) knob prop var default props=()
    for knob in "${knobs[@]}"; do
        IFS='=' read -r prop var default <<<"$knob"
        props+=("-Djiasu.$prop=${!var:-$default}")
    done
    (cd "$REHEARSAL_HOME" && mvn -B -q gatling:test "${props[@]}" \
        -Djiasu.edge="$STACK_URL" \
        -Djiasu.api="http://127.0.0.1:${STACK_APP_PORTS[0]}" \
        -Djiasu.adminTokenFile="$STACK_RUN/admin-token" \
        -Djiasu.mongo="mongodb://127.0.0.1:$STACK_MONGO_PORT" \
        -Djiasu.out="$out" \
        -Djiasu.campaign="$campaign") >"$out/gatling.log" 2>&1
    [ -s "$out/audit.txt" ] || { tail -n 40 "$out/gatling.log" >&2; return 1; }
    # the plugin always writes into target/gatling/<run>; keep this run's report with the rest of its results
    report=$(sed -n 's|.*file://\(.*\)/index.html.*|\1|p' "$out/gatling.log" | tail -n1)
    if [ -n "$report" ] && [ -d "$report" ]; then mv "$report" "$out/gatling"; fi
}

# rehearsal_warm: WARM seconds (20; 0: none) of the same crowd on a campaign of its own (DIR/warm), before the
# measured one. Production instances have served traffic long before 9:00; instances started seconds before the step
# spend its first 20-30 s compiling their hot paths (on this box every request then took 0.3-5 s, helps the longest,
# and Redis answers ran past the app's 1 s bound), so without it the rehearsal measures the JIT, not the launch.
rehearsal_warm() {
    [ "${WARM:-20}" -gt 0 ] || return 0
    DURATION=${WARM:-20} LEAD=1 rehearsal_gatling "$REHEARSAL_OUT/warm" "${REHEARSAL_CAMPAIGN}w"
}

rehearsal_value() { grep -E "^$1=" "$2" | head -n1 | cut -d= -f2-; }

rehearsal_report() {
    local out=$REHEARSAL_OUT ceiling seconds accepted
    ceiling=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$out/ceiling.txt" 2>/dev/null)
    seconds=${DURATION:-60}
    accepted=$(awk -F, 'NR > 1 { n += $7 } END { print n + 0 }' "$out/timeline.csv")
    {
        cat "$out/requests.md"
        echo
        awk -v a="$accepted" -v s="$seconds" -v c="${ceiling:-0}" 'BEGIN {
            r = a / s
            printf "Accepted helps: %d (%.1f/s over %d s of load); nginx `return 200` on this box in the same run: %d req/s; ratio %.5f\n", a, r, s, c, (c > 0 ? r / c : 0) }'
        echo
        echo "Audit: $(rehearsal_value audit "$out/audit.txt"): $(grep -vE '^audit(_failure)?=' "$out/audit.txt" | tr '\n' ' ')"
        # sed and awk, not grep and head: a passing audit has no failure line (grep fails), and head may cut its writer
        sed -n 's/^audit_failure=/  - /p' "$out/audit.txt" | awk 'NR <= 20'
        if [ -f "$out/gatling/index.html" ]; then echo "Gatling report: $out/gatling/index.html"; fi
    } | tee "$out/results.md"
}
