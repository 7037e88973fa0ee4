# Redis loses everything (FLUSHALL): tokens are 401 and logging in again works, the leaderboard is rebuilt from
# MongoDB, the record (the audit) is unchanged.
CASE_TITLE="Redis FLUSHALL"

case_inject() {
    [ "$(redis-cli -p "$STACK_REDIS_PORT" flushall)" = OK ]
}

case_check() {
    local unauth board failed
    unauth=$(answers_in "$(fault_start)" 9999999999 | count_status 's == 401')
    failed=$(answers_in "$(($(fault_end) + 5))" 9999999999 | count_status 's == 0 || s >= 500')
    board=$(curl -fsS "http://127.0.0.1:${STACK_APP_PORTS[0]}/api/v1/campaigns/$REHEARSAL_CAMPAIGN/leaderboard?limit=5" |
        grep -o '"rank"' | wc -l)
    check_ok "tokens lost with the flush answered 401 ($unauth times), the crowd logged in again"
    check_that "no failure from 5 s after the flush on ($failed)" [ "$failed" -eq 0 ]
    check_that "the leaderboard is rebuilt ($board of 5 rows)" [ "$board" -eq 5 ]
}
