# Redis restarted with AOF on (appendfsync everysec): while it is gone, answers are fast 503s with Retry-After,
# never a hang; after it, every session still works (no 401).
CASE_TITLE="Redis restarted (AOF on)"
CASE_STACK=--aof

case_inject() {
    stack_signal redis TERM && sleep 2 && stack_start_redis --aof --keep
}

case_check() {
    local slowest unauth
    slowest=$(answers_in "$(fault_start)" "$(fault_end)" | percentile 100)
    unauth=$(answers_in "$(fault_start)" 9999999999 | count_status 's == 401')
    check_that "no answer took over 3.5 s while Redis was away (slowest $slowest ms)" [ "$slowest" -le 3500 ]
    check_that "sessions survived the restart: no 401 after it ($unauth)" [ "$unauth" -eq 0 ]
}
