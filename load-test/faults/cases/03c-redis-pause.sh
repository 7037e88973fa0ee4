# Redis answers nothing for 5 s (CLIENT PAUSE 5000 ALL): requests that need it get a fast 503 with Retry-After, not a
# 5 s hang, and everything is back when it is.
CASE_TITLE="Redis paused 5 s (CLIENT PAUSE)"

case_inject() {
    [ "$(redis-cli -p "$STACK_REDIS_PORT" client pause 5000 all)" = OK ] && sleep 5
}

case_check() {
    local slow
    slow=$(answers_in "$(fault_start)" "$(fault_end)" | awk -F, '$4 > 3500' | wc -l)
    check_that "no answer took over 3.5 s while Redis was paused ($slow did)" [ "$slow" -eq 0 ]
}
