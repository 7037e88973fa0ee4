# A rolling restart: SIGTERM to one instance, start it again, wait until ready, then the other. Graceful shutdown
# must drain what is in flight (quarkus.shutdown.timeout) and nginx must move on: clients see no failure at all.
CASE_TITLE="rolling restart of both instances (SIGTERM, one at a time)"

case_inject() {
    local port
    for port in "${STACK_APP_PORTS[@]}"; do
        echo "restarting the instance on $port" >&2
        stack_kill_app "$port" TERM && stack_start_app "$port" && stack_wait_app "$port" || return 1
    done
}

case_check() {
    local failures
    failures=$(answers_in "$(fault_start)" "$(($(fault_end) + 2))" | count_status 's == 0 || s >= 500')
    check_that "no client saw a failure during the restarts ($failures did)" [ "$failures" -eq 0 ]
}
