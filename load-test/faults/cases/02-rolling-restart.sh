# A rolling restart, as deploy/README.md ("Graceful shutdown") tells operators to do it: take one instance out of
# nginx (`down`, reload), let nginx's old workers finish and close their connections to it, SIGTERM it (graceful
# shutdown drains whatever is still in flight, quarkus.shutdown.timeout), start it, wait until ready, put it back;
# then the other. Clients must see no failure at all.
CASE_TITLE="rolling restart of both instances (out of nginx, SIGTERM, back; one at a time)"

# connections from nginx to the instance on PORT that are still open
nginx_connections() { ss -Htn state established "( dport = :$1 )" | wc -l; }
drained() { [ "$(nginx_connections "$1")" -eq 0 ]; }

case_inject() {
    local port
    for port in "${STACK_APP_PORTS[@]}"; do
        echo "restarting the instance on $port" >&2
        stack_nginx_drain "$port" on || return 1
        WAIT_SECONDS=15 stack_wait drained "$port" || echo "still $(nginx_connections "$port") connections to $port" >&2
        stack_kill_app "$port" TERM && stack_start_app "$port" && stack_wait_app "$port" || return 1
        stack_nginx_drain "$port" off || return 1
    done
}

case_check() {
    local failures lost
    failures=$(answers_in "$(fault_start)" "$(($(fault_end) + 2))" | count_status 's == 0 || s >= 500')
    check_that "no client saw a failure during the restarts ($failures did)" [ "$failures" -eq 0 ]
    # what the restarts alone cost, whatever else a loaded box fails: requests nginx could not get answered
    lost=$(grep -cE 'upstream prematurely closed|no live upstreams|connect\(\) failed' "$STACK_RUN/log/error.log" || true)
    check_that "nginx lost no request to a stopping instance (closed under it, refused, no live upstream: $lost)" \
        [ "$lost" -eq 0 ]
}
