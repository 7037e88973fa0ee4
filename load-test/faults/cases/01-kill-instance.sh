# kill -9 of one of two instances at a random moment, restarted by its unit (here: started again at once, as
# systemd's Restart=always does after RestartSec). Clients retry their helps with the same Idempotency-Key.
CASE_TITLE="kill -9 of one of two instances, restarted"

case_inject() {
    local port=${STACK_APP_PORTS[$((RANDOM % 2))]}
    sleep "0.$((RANDOM % 10))$((RANDOM % 10))"
    echo "killing the instance on $port" >&2
    stack_kill_app "$port" KILL && stack_start_app "$port" && stack_wait_app "$port"
}

case_check() {
    check_that "the restarted instance is ready again" stack_http_ok "http://127.0.0.1:${STACK_APP_PORTS[0]}/q/health/ready"
    check_that "and the other one" stack_http_ok "http://127.0.0.1:${STACK_APP_PORTS[1]}/q/health/ready"
}
