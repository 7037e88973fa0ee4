#!/usr/bin/env bash
# Tests grafana/: promtool checks the Prometheus config and rules and runs the alert unit tests; the dashboards are
# linted; then Prometheus (this config, a 2 s interval) and the exporters (the ExecStart lines of deploy/systemd)
# run against the real stack of deploy/local/stack.sh, traffic is driven through nginx (with one instance killed and
# brought back on the way), every panel query of every dashboard must return data, alerts must go pending/firing when
# their condition is made true, and the main panels are rendered to PNG in grafana/target/charts/. Ports: the block
# of 30 from STACK_BASE (18500).
set -uo pipefail
GRAFANA=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$GRAFANA")
source "$REPO/deploy/local/stack.sh"
source "$REPO/deploy/stack/checks.sh"
STACK_BASE=${STACK_BASE:-18500}
STACK_RUN=$GRAFANA/target/run
stack_ports 2 || exit 1
CHARTS=$GRAFANA/target/charts
PROM_PORT=$((STACK_BASE + 20)) NODE_EXPORTER_PORT=$((STACK_BASE + 21)) NGINX_EXPORTER_PORT=$((STACK_BASE + 22))
REDIS_EXPORTER_PORT=$((STACK_BASE + 23)) MTAIL_PORT=$((STACK_BASE + 24))
PROM=http://127.0.0.1:$PROM_PORT
PANELS=$GRAFANA/tools/panels.mjs
TRAFFIC=$REPO/deploy/stack/traffic.mjs

finish() {
    stack_stop
    checks_summary
}
stack_stop
rm -rf "$STACK_RUN" "$CHARTS"
stack_traps finish
mkdir -p "$STACK_RUN" "$CHARTS"
"$REPO/deploy/local/need" prometheus prometheus-node-exporter prometheus-nginx-exporter prometheus-redis-exporter \
    mtail gnuplot-nox fonts-wqy-microhei jq curl >/dev/null || { not_ok "install packages"; exit 1; }

# ---- static checks --------------------------------------------------------------------------------------------

check "promtool check config prometheus.yml" promtool check config "$GRAFANA/prometheus/prometheus.yml"
check "promtool check rules (recording and alerts)" promtool check rules "$GRAFANA"/prometheus/rules/*.yml
check "promtool test rules: every alert fires on its condition and not on a normal day" \
    promtool test rules "$GRAFANA/prometheus/tests/alerts-test.yml"
check_lines node "$PANELS" lint "$GRAFANA/dashboards" "$GRAFANA/provisioning/datasources"

# ---- Prometheus and the exporters against the running stack ---------------------------------------------------

if ! stack_up --nginx; then
    not_ok "stack starts (nginx, 2 instances, Redis, MongoDB stand-in, WeChat stub)" "logs in $STACK_RUN/log"
    exit 1
fi
ok "stack starts (nginx, 2 instances, Redis, MongoDB stand-in, WeChat stub)"

# Runs an exporter with the ExecStart line of its systemd drop-in, the ${VARS} in it set from NAME=VALUE arguments.
start_like_systemd() { # UNIT LOG NAME=VALUE...
    local unit=$1 log=$2 cmd
    shift 2
    cmd=$(sed -n 's/^ExecStart=\(\/.*\)$/\1/p' "$REPO/deploy/systemd/$unit.service.d/jiasu.conf")
    [ -n "$cmd" ] || { stack_log "no ExecStart in the $unit drop-in"; return 1; }
    stack_spawn "$log" exec_with "$cmd" "$@"
}
exec_with() { # COMMAND_LINE NAME=VALUE...: becomes COMMAND_LINE, its ${NAME}s set
    local cmd=$1
    shift
    export "$@" && eval "exec $cmd"
}

# The production prometheus.yml and rules, with a 2 s interval and targets on this run's ports.
render_prometheus() {
    local dir=$STACK_RUN/prometheus
    mkdir -p "$dir/targets"
    cp "$GRAFANA/prometheus/prometheus.yml" "$dir/"
    cp -r "$GRAFANA/prometheus/rules" "$dir/"
    grep -q '^  scrape_interval: 15s$' "$dir/prometheus.yml" && grep -q '^  evaluation_interval: 15s$' "$dir/prometheus.yml" ||
        { stack_log "prometheus.yml: global intervals not found"; return 1; }
    sed -i 's/^  scrape_interval: 15s$/  scrape_interval: 2s/; s/^  evaluation_interval: 15s$/  evaluation_interval: 2s/' "$dir/prometheus.yml"
    printf -- "- targets: ['127.0.0.1:%s', '127.0.0.1:%s']\n" "${STACK_APP_PORTS[@]}" >"$dir/targets/jiasu.yml"
    printf -- "- targets: ['127.0.0.1:%s']\n" "$NODE_EXPORTER_PORT" >"$dir/targets/node.yml"
    printf -- "- targets: ['127.0.0.1:%s']\n" "$NGINX_EXPORTER_PORT" >"$dir/targets/nginx.yml"
    printf -- "- targets: ['127.0.0.1:%s']\n" "$MTAIL_PORT" >"$dir/targets/edge.yml"
    printf -- "- targets: ['127.0.0.1:%s']\n" "$REDIS_EXPORTER_PORT" >"$dir/targets/redis.yml"
    echo '[]' >"$dir/targets/alertmanager.yml"
    # Loopback only: every target of this run is in the files just written.
    if grep -rhoE '([0-9]{1,3}\.){3}[0-9]{1,3}' "$dir" | grep -v '^127\.'; then
        stack_log "a non-loopback address in the rendered Prometheus config"; return 1
    fi
}

start_monitoring() {
    render_prometheus || return 1
    start_like_systemd prometheus-node-exporter node-exporter LISTEN=127.0.0.1:$NODE_EXPORTER_PORT &&
    start_like_systemd prometheus-nginx-exporter nginx-exporter LISTEN=127.0.0.1:$NGINX_EXPORTER_PORT \
        STUB_STATUS=http://127.0.0.1:$STACK_STATUS_PORT/nginx_status &&
    start_like_systemd prometheus-redis-exporter redis-exporter LISTEN=127.0.0.1:$REDIS_EXPORTER_PORT \
        REDIS_ADDR=redis://127.0.0.1:$STACK_REDIS_PORT &&
    start_like_systemd mtail mtail LISTEN_HOST=127.0.0.1 PORT=$MTAIL_PORT PROGS=$REPO/deploy/mtail \
        LOGS=$STACK_RUN/log/jiasu-metrics.log || return 1
    stack_spawn prometheus prometheus --config.file="$STACK_RUN/prometheus/prometheus.yml" \
        --storage.tsdb.path="$STACK_RUN/prometheus-data" --web.listen-address="127.0.0.1:$PROM_PORT" --log.level=warn
    stack_wait stack_http_ok "$PROM/-/ready"
}
if start_monitoring; then
    ok "Prometheus and the node, nginx, Redis and mtail exporters start from the shipped config and units"
else
    not_ok "Prometheus and the node, nginx, Redis and mtail exporters start from the shipped config and units" "logs in $STACK_RUN/log"
fi

query() { curl -fsS --get "$PROM/api/v1/query" --data-urlencode "query=$1" | jq -r '.data.result[0].value[1] // empty'; }
query_is() { [ "$(query "$1")" = "$2" ]; }
every_target_up() { WAIT_SECONDS=30 stack_wait query_is 'count(up == 1)' 6 || { curl -s "$PROM/api/v1/targets" | jq -c '.data.activeTargets[] | {job: .labels.job, health, lastError}'; return 1; }; }
check "Prometheus scrapes all 6 targets (2 instances, node, nginx, mtail, Redis)" every_target_up

# ---- a campaign day in miniature ------------------------------------------------------------------------------

STARTED=$SECONDS
run_traffic() { # NAME, then traffic.mjs options
    local name=$1
    shift
    node "$TRAFFIC" --url "$STACK_URL" --admin-token "$STACK_ADMIN_TOKEN" --out "$STACK_RUN/$name.json" "$@" 2>"$STACK_RUN/$name.progress"
}
helps_done() { [ "$(tail -n1 "$STACK_RUN/$1.progress" | sed -n 's/^progress helps=\([0-9]*\)\/.*/\1/p')" -ge "$2" ] 2>/dev/null; }

# A launch: 10 prizes, two helps reach the goal, so prizes run out, players finish and late helps are refused.
run_traffic launch --campaign launch --create-campaign --goal 400 --prizes 10 --players 30 --helpers 90 \
    --helps-per-helper 3 --reads-per-help 1 --concurrency 12 --clients 10 --prefix launch &
LAUNCH=$!

# On the way: one instance dies and comes back (upstream failures, retries), someone floods from one address
# (429s), and some logins carry codes WeChat rejects.
WAIT_SECONDS=120 stack_wait helps_done launch 60
VICTIM=${STACK_APP_PORTS[0]}
stack_kill_app "$VICTIM" KILL
node "$REPO/deploy/tests/edge-probes.mjs" burst 127.0.0.1 "$STACK_NGINX_PORT" 127.0.0.60 /api/v1/campaigns/launch 400 400 >/dev/null
for code in invalid invalid risky; do
    curl -s -o /dev/null -H 'Content-Type: application/json' -d "{\"code\":\"$code\"}" "$STACK_URL/api/v1/session"
done
victim_seen_down() { WAIT_SECONDS=20 stack_wait query_is "up{instance=\"127.0.0.1:$VICTIM\"}" 0; }
check "Prometheus sees the killed instance down" victim_seen_down
victim_back() { STACK_READY_SECONDS=90 stack_restart_app "$VICTIM"; }
check "the killed instance comes back" victim_back
wait "$LAUNCH"
check "launch traffic: every help answered (accepted or refused by a campaign rule)" \
    jq -e '(.final | keys) - ["ACCEPTED", "GOAL_REACHED", "ALREADY_BOOSTED"] == [] and .final.ACCEPTED > 0 and .final.GOAL_REACHED > 0' "$STACK_RUN/launch.json"

# Steady traffic keeps every rate non-zero while the panels are queried.
run_traffic steady --campaign steady --create-campaign --players 10 --helpers 150 --helps-per-helper 2 \
    --reads-per-help 1 --concurrency 8 --clients 8 --prefix steady &
STEADY=$!
WAIT_SECONDS=120 stack_wait helps_done steady 80
# Give the 2 s scrapes and the rate windows a moment to cover the steady traffic.
WAIT_SECONDS=30 stack_wait query_is 'sum(rate(jiasu_boost_helps_total[20s])) > bool 0' 1
check_lines node "$PANELS" check "$GRAFANA/dashboards" "$PROM" 20s $((SECONDS - STARTED + 30))
wait "$STEADY"

alert_state() { # ALERTNAME [LABEL=VALUE]: prints pending/firing if Prometheus has that alert
    curl -fsS "$PROM/api/v1/alerts" | jq -r --arg name "$1" --arg match "${2:-}" '.data.alerts[]
        | select(.labels.alertname == $name and ($match == "" or (.labels[$match | split("=")[0]] == ($match | split("=")[1]))))
        | .state' | head -n1
}
alert_is() { [ "$(alert_state "$1" "${3:-}")" = "$2" ]; }
prize_alert() { WAIT_SECONDS=20 stack_wait alert_is JiasuPrizeStockLow firing campaign=launch; }
check "alert JiasuPrizeStockLow fires once the launch campaign's prizes are nearly gone" prize_alert

stack_signal redis TERM
redis_down_alert() { WAIT_SECONDS=30 stack_wait alert_is JiasuRedisDown pending || alert_is JiasuRedisDown firing; }
check "alert JiasuRedisDown goes pending when Redis is stopped" redis_down_alert
# The outage as users meet it, and as the charts will show it.
unavailable_counted() {
    local i
    for i in 1 2 3; do curl -s -o /dev/null --max-time 10 "$STACK_URL/api/v1/campaigns/steady/players/me" -H 'Authorization: Bearer x' & done
    wait
    WAIT_SECONDS=15 stack_wait query_is 'sum(jiasu_edge_requests_total{status="503"}) > bool 0' 1
}
check "with Redis gone the app answers 503 and the edge metrics count it" unavailable_counted

check_lines node "$PANELS" charts "$GRAFANA/dashboards" "$PROM" 20s $((SECONDS - STARTED + 10)) "$CHARTS" \
    jiasu-campaign:5 jiasu-campaign:4 jiasu-campaign:7 jiasu-campaign:10 jiasu-app:1 jiasu-app:3 jiasu-app:10 \
    jiasu-host:1 jiasu-host:3 jiasu-nginx:1 jiasu-nginx:4 jiasu-nginx:5
printf '     charts: %s\n' "$CHARTS"

[ "$failed" -eq 0 ]
